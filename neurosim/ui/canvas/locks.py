"""Lock marks: a small padlock on neurons and synapses an exercise protects.

The view's :meth:`~neurosim.ui.canvas.view.CanvasView.set_locked` hands the marks here;
they survive rebuilds of the scene (New/Open, undo) because :class:`LockMarks` re-applies
them whenever the scene's geometry changes. A mark only shows and explains a lock: edits
are refused by the document's lock policy, whatever the canvas shows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neurosim.core.model import SynapseKey
from neurosim.ui.canvas.scene import NetworkScene
from neurosim.ui.canvas.style import CanvasStyle

LOCK_INK = QColor("#4a4a4a")
LOCK_PAPER = QColor("#ffffff")
BADGE = 15.0  # size at presentation scale 1, scene units


class LockBadge(QGraphicsItem):
    """A padlock in a white disc; it takes no clicks, only shows its tooltip."""

    def __init__(
        self, style: CanvasStyle, tooltip: str, parent: QGraphicsItem | None = None
    ) -> None:
        super().__init__(parent)
        self.style = style
        self.partial = False  # drawn open (outlined) when only some of the item is locked
        self.setToolTip(tooltip)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(3.0)
        self.size = 0.0
        self.update_geometry()

    def update_geometry(self) -> None:
        size = BADGE * self.style.scale
        if size != self.size:
            self.prepareGeometryChange()
            self.size = size

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        s = self.size / 2 + 1.0
        return QRectF(-s, -s, 2 * s, 2 * s)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        s = self.size
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(LOCK_INK, 0.08 * s))
        painter.setBrush(LOCK_PAPER)
        painter.drawEllipse(QPointF(), s / 2, s / 2)
        # the shackle: an arch over the body
        shackle = QPainterPath()
        w, top, bottom = 0.19 * s, -0.3 * s, -0.02 * s
        shackle.moveTo(-w, bottom)
        shackle.lineTo(-w, top + w)
        shackle.arcTo(QRectF(-w, top, 2 * w, 2 * w), 180.0, -180.0)
        shackle.lineTo(w, bottom)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(LOCK_INK, 0.09 * s))
        painter.drawPath(shackle)
        if self.partial:
            painter.setPen(QPen(LOCK_INK, 0.08 * s))
            painter.setBrush(LOCK_PAPER)
        else:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(LOCK_INK)
        painter.drawRoundedRect(
            QRectF(-0.27 * s, -0.06 * s, 0.54 * s, 0.38 * s), 0.06 * s, 0.06 * s
        )


class LockMarks(QObject):
    """Keeps a padlock on every marked neuron and synapse of a scene.

    A padlock is a child item of what it marks: it goes with its neuron or synapse (a
    deletion, a rebuilt scene), and this keeps only the ids it marked, never the items.
    """

    def __init__(self, scene: NetworkScene, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.neurons: dict[str, str] = {}
        self.synapses: dict[SynapseKey, str] = {}
        self.partial: frozenset[str] = frozenset()
        self._marked: set[object] = set()  # neuron ids and synapse keys given a padlock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.apply)
        scene.geometry_changed.connect(self._timer.start)

    @property
    def badges(self) -> dict[object, LockBadge]:
        """The padlocks on the canvas now: neuron id or synapse key -> its badge."""
        found = {}
        for ident in self._marked:
            badge = _badge_of(self._item(ident))
            if badge is not None:
                found[ident] = badge
        return found

    def set_locked(
        self,
        neurons: Mapping[str, str],
        synapses: Mapping[SynapseKey, str],
        partial: Iterable[str] = (),
    ) -> None:
        self.neurons = dict(neurons)
        self.partial = frozenset(partial)
        self.synapses = {tuple(k): v for k, v in synapses.items()}  # type: ignore[misc]
        self.apply()

    def apply(self) -> None:
        """Add, move or remove badges so they match the marks and the scene's items."""
        self._timer.stop()
        wanted: dict[object, tuple[QGraphicsItem, str]] = {}
        for nid, text in self.neurons.items():
            item = self.scene.neurons.get(nid)
            if item is not None:
                wanted[nid] = (item, text)
        for key, text in self.synapses.items():
            item = self.scene.synapses.get(key)
            if item is not None:
                wanted[key] = (item, text)
        for ident in self._marked - wanted.keys():
            self._drop(ident)
        for ident, (item, text) in wanted.items():
            self._place(ident, item, text)
        self._marked = set(wanted)

    def _item(self, ident: object) -> QGraphicsItem | None:
        if isinstance(ident, str):
            return self.scene.neurons.get(ident)
        return self.scene.synapses.get(ident)  # type: ignore[call-overload]

    def _place(self, ident: object, item: QGraphicsItem, text: str) -> None:
        badge = _badge_of(item)
        if badge is None:
            badge = LockBadge(self.scene.style, text, item)
        badge.setToolTip(text)
        partial = ident in self.partial
        if partial != badge.partial:
            badge.partial = partial
            badge.update()
        badge.update_geometry()
        _mark_tooltip(item, text)
        if isinstance(ident, str):
            r = self.scene.style.radius
            badge.setPos(getattr(item, "half_width", r) * 0.82, -r * 0.82)
        else:  # a synapse item sits at the scene's origin: its coordinates are the scene's
            badge.setPos(_synapse_spot(item, self.scene.style))

    def _drop(self, ident: object) -> None:
        owner = self._item(ident)
        if owner is None:
            return  # gone, and its padlock with it
        _mark_tooltip(owner, "")
        badge = _badge_of(owner)
        if badge is not None:
            self.scene.removeItem(badge)


def _badge_of(owner: QGraphicsItem | None) -> LockBadge | None:
    if owner is None:
        return None
    return next((c for c in owner.childItems() if isinstance(c, LockBadge)), None)


def _synapse_spot(item: QGraphicsItem, style: CanvasStyle) -> QPointF:
    """Left of the weight label (or on the line where no label is drawn)."""
    at = QPointF(item.label_pos)
    if style.show_weights and item.label_shown():
        at.setX(
            at.x()
            - style.weight_metrics.horizontalAdvance(item.label) / 2
            - BADGE * style.scale * 0.9
        )
    return at


def _mark_tooltip(item: QGraphicsItem, text: str) -> None:
    """The item's own tooltip, plus what is locked (kept apart so it can be taken off)."""
    base = getattr(item, "_unlocked_tooltip", None)
    if base is None:
        base = item.toolTip()
        item._unlocked_tooltip = base  # type: ignore[attr-defined]
    item.setToolTip(f"{base}\n\n🔒 {text}" if text else base)
