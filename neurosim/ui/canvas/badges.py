"""Text badges: a short grey label on a neuron, e.g. "✕ dead" on a ReLU that never fires.

The view's :meth:`~neurosim.ui.canvas.view.CanvasView.set_badges` hands the texts here; like
the lock marks they survive rebuilds of the scene (New/Open, undo) because
:class:`TextBadges` re-applies them whenever the scene's geometry changes. A badge only
shows something about a neuron; it takes no clicks.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neurosim.ui.canvas.scene import NetworkScene
from neurosim.ui.canvas.style import CanvasStyle
from neurosim.ui.i18n import translate

BADGE_FILL = QColor("#5f5f5f")
BADGE_INK = QColor("#ffffff")
#: the badges this module knows (shown translated), and what each one explains
TOOLTIPS = {
    QT_TRANSLATE_NOOP("TextBadge", "✕ dead"): QT_TRANSLATE_NOOP(
        "TextBadge",
        "Dead ReLU: its output is 0 for every training row, so no gradient "
        "reaches its weights and training cannot bring it back",
    )
}


def badge_tooltip(text: str) -> str:
    """The explanation of a badge given in English or already translated, else its text."""
    for source, tip in TOOLTIPS.items():
        if text in (source, translate("TextBadge", source)):
            return translate("TextBadge", tip)
    return text


class TextBadge(QGraphicsItem):
    """White text on a grey rounded box across the bottom of its neuron (a child item)."""

    def __init__(self, style: CanvasStyle, text: str, parent: QGraphicsItem) -> None:
        super().__init__(parent)
        self.style = style
        self.text = self.shown_text = ""
        self.rect = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(3.0)
        self.set_text(text)

    def set_text(self, text: str) -> None:
        """Show ``text`` (a badge this module knows is shown in the window's language)."""
        self.text = text
        self.shown_text = translate("TextBadge", text)
        self.setToolTip(badge_tooltip(text))
        self.update_geometry()

    def update_geometry(self) -> None:
        s = self.style
        self.font = QFont(s.small_font)  # a copy: the style's font is shared
        self.font.setBold(True)
        metrics = QFontMetricsF(self.font)
        width = metrics.horizontalAdvance(self.shown_text) + 10 * s.scale
        height = metrics.height() + 4 * s.scale
        # Across the bottom of the body: it clearly belongs to this neuron, and stays clear
        # of the label of a neuron drawn close below.
        rect = QRectF(-width / 2, s.radius - height / 2, width, height)
        if rect != self.rect:
            self.prepareGeometryChange()
            self.rect = rect
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self.rect.adjusted(-1.0, -1.0, 1.0, 1.0)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE_FILL)
        radius = self.rect.height() / 2
        painter.drawRoundedRect(self.rect, radius, radius)
        painter.setFont(self.font)
        painter.setPen(BADGE_INK)
        painter.drawText(self.rect, Qt.AlignmentFlag.AlignCenter, self.shown_text)


class TextBadges(QObject):
    """Keeps a text badge on every neuron named in :meth:`set_badges`.

    A badge is a child item of its neuron: it goes with the neuron (a deletion, a rebuilt
    scene), and this keeps only the ids of the neurons it marked, never the items.
    """

    def __init__(self, scene: NetworkScene, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.scene = scene
        self.texts: dict[str, str] = {}
        self._marked: set[str] = set()  # neurons given a badge
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.apply)
        scene.geometry_changed.connect(self._timer.start)

    def set_badges(self, texts: Mapping[str, str]) -> None:
        self.texts = {nid: text for nid, text in texts.items() if text}
        self.apply()

    def shown(self) -> dict[str, str]:
        """The badges on the canvas now: neuron id -> text."""
        self.apply()
        shown = {}
        for nid in self._marked:
            badge = _badge_of(self.scene.neurons.get(nid))
            if badge is not None:
                shown[nid] = badge.text
        return shown

    def apply(self) -> None:
        """Add, restyle or remove badges so they match the texts and the scene's neurons."""
        self._timer.stop()
        neurons = self.scene.neurons
        for nid in self._marked - self.texts.keys():
            badge = _badge_of(neurons.get(nid))
            if badge is not None:
                self.scene.removeItem(badge)
        self._marked = set()
        for nid, text in self.texts.items():
            owner = neurons.get(nid)
            if owner is None:
                continue
            badge = _badge_of(owner)
            if badge is None:
                TextBadge(self.scene.style, text, owner)
            elif badge.text != text:
                badge.set_text(text)
            else:
                badge.update_geometry()  # the presentation scale may have changed
            self._marked.add(nid)


def _badge_of(owner: QGraphicsItem | None) -> TextBadge | None:
    if owner is None:
        return None
    return next((c for c in owner.childItems() if isinstance(c, TextBadge)), None)
