"""A synapse on the canvas: a straight arrow whose width is |w| and colour the sign of w.

The arrow runs from the source's border to just outside the target's border; the weight
label sits at 70 % of the way, where labels of a fully connected layer fan apart.

Synapses are drawn in the scene's background layer (:meth:`SynapseItem.draw`, called by
:meth:`SynapseLayer.draw <neurosim.ui.canvas.synapse_layer.SynapseLayer.draw>`), which the
view caches: recolouring neurons after an edit then repaints only the neurons, not the
thousands of arrows beneath them. The item itself paints nothing (``ItemHasNoContents``);
it gives hit-testing, selection and tooltips. Its layer shows new weights on it and is told
(:meth:`SynapseLayer.damage`) the area under every change of its picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from functools import lru_cache

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QStaticText,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neurosim.core.model import SynapseKey
from neurosim.ui.canvas import colors
from neurosim.ui.canvas.faces import face_text
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.paint_record import PaintedSynapse
from neurosim.ui.canvas.style import CanvasStyle
from neurosim.ui.i18n import translate

LABEL_AT = 0.7  # fraction of the way from source to target
_SELECTED = QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged


class SynapseItem(QGraphicsItem):
    """One synapse between two :class:`NeuronItem` s."""

    def __init__(
        self,
        key: SynapseKey,
        weight: float,
        frozen: bool,
        style: CanvasStyle,
        source: NeuronItem,
        target: NeuronItem,
        damage: Callable[[QRectF], None],
    ) -> None:
        """``damage`` is told the area a change of the picture covered and covers now (the
        layer's :meth:`~neurosim.ui.canvas.synapse_layer.SynapseLayer.damage`)."""
        super().__init__()
        self.key = key
        self.style = style
        self._damage = damage
        self.source, self.target = source, target
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
        )
        self.setZValue(0.0)
        self.setToolTip(
            translate(
                "SynapseItem",
                "Synapse {source} → {target}: double-click to type the weight, "
                "Alt+wheel to nudge it (Shift: finer)",
            ).format(source=key[0], target=key[1])
        )
        self._selected = False
        self._arrow = QPainterPath()
        self._spine = QPainterPath()
        self._line = QLineF()
        self._label_rect = QRectF()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self._ends: tuple[QPointF, QPointF] | None = None  # centres it was drawn for
        self._text_at, self._border = QPointF(), QRectF()
        self._dashed = False  # the arrow as built: dashed when frozen
        self.label_pos = QPointF()
        self.weight, self.frozen = weight, frozen
        self.width, self.label = 0.0, ""
        self.set_weight(weight, frozen)

    def set_weight(self, weight: float, frozen: bool, rebuild: bool = False) -> None:
        """Show a new weight and frozen state: width, colour, label and dashes (the layer
        calls this; ``rebuild``: the style changed, build the outline afresh)."""
        self.weight, self.frozen = weight, frozen
        s = self.style
        width, label = s.synapse_width(weight), face_text(weight)
        # Training rewrites every weight each frame; rebuilding the paths costs ~3 ms per
        # frame, so keep the outline when neither the width (by a visible amount), the
        # label's length nor the dashes changed.
        keep_outline = (
            not rebuild
            and frozen == self._dashed
            and abs(width - self.width) < 0.25 * s.scale
            and len(label) == len(self.label)
        )
        color = colors.weight_color(weight)
        if keep_outline and label == self.label and color == self.color:
            return  # nothing drawn changes: training nudges most weights by less than that
        if not keep_outline:
            self.width = width
        self.color = color
        self._brush = QBrush(self.color)
        self._hairline = QPen(self.color, 0)  # cosmetic: one device pixel wide
        self._halo_pen = QPen(
            s.halo,
            self.width + 8 * s.scale,
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        self.label = label
        self._text = static_text(label)
        if keep_outline:
            self.repaint()
        else:
            self.update_geometry()

    # --------------------------------------------------------------- geometry
    def follow(self) -> None:
        """The neurons moved: shift the picture if both moved alike (dragging a whole
        selection), else rebuild it."""
        a, b = self.source.pos(), self.target.pos()
        if self._ends is None or a - self._ends[0] != b - self._ends[1]:
            self.update_geometry()
            return
        d = a - self._ends[0]
        if d.isNull():
            return
        self.prepareGeometryChange()
        old = QRectF(self._bounds)
        self._ends = (a, b)
        for path in (self._arrow, self._spine):
            path.translate(d)
        self._shape = None
        self._line.translate(d)
        self.label_pos += d
        self._text_at += d
        for rect in (self._label_rect, self._border, self._bounds):
            rect.translate(d)
        self.repaint(old)

    def update_geometry(self) -> None:
        """Recompute the picture from the two neurons' positions, the weight and the style."""
        s = self.style
        self.prepareGeometryChange()
        self._shape = None
        self._dashed = self.frozen
        old = self._bounds
        a, b = self.source.pos(), self.target.pos()
        self._ends = (a, b)
        dx, dy = b.x() - a.x(), b.y() - a.y()
        length = math.hypot(dx, dy)
        ux, uy = (dx / length, dy / length) if length > 1e-9 else (1.0, 0.0)
        start_gap = self.source.border_distance(ux, uy)
        tip_gap = self.target.border_distance(-ux, -uy) + 3.0 * s.scale
        head_len, head_half = s.arrow_size(self.width)
        visible = length - start_gap - tip_gap
        self.label_pos = QPointF((a.x() + b.x()) / 2, (a.y() + b.y()) / 2)
        if visible < head_len * 0.5:  # neurons overlap: nothing sensible to draw
            self._arrow, self._spine = QPainterPath(), QPainterPath()
            self._label_rect, self._bounds = QRectF(), QRectF()
            self._text_at, self._border = QPointF(), QRectF()
            self.repaint(old)
            return
        head_len = min(head_len, visible)
        start = QPointF(a.x() + ux * start_gap, a.y() + uy * start_gap)
        tip = QPointF(b.x() - ux * tip_gap, b.y() - uy * tip_gap)
        self._arrow = _arrow_path(
            start, tip, (ux, uy), self.width, head_len, head_half, self._dashed
        )
        self._spine = QPainterPath(start)
        self._spine.lineTo(tip)
        self._line = QLineF(start, tip)
        self.label_pos = QPointF(
            start.x() + (tip.x() - start.x()) * LABEL_AT,
            start.y() + (tip.y() - start.y()) * LABEL_AT,
        )
        m = s.weight_metrics
        w = m.horizontalAdvance(self.label) + 8 * s.scale
        h = m.height() + 2 * s.scale
        self._label_rect = QRectF(self.label_pos.x() - w / 2, self.label_pos.y() - h / 2, w, h)
        self._text_at = QPointF(
            self._label_rect.left() + 4 * s.scale, self._label_rect.top() + s.scale
        )
        self._border = self._label_rect.adjusted(
            -1.5 * s.scale, -1.5 * s.scale, 1.5 * s.scale, 1.5 * s.scale
        )
        pad = (self.width + 8 * s.scale) / 2 + 1
        self._bounds = (
            self._arrow.boundingRect().adjusted(-pad, -pad, pad, pad).united(self._border)
        )
        self.repaint(old)

    def repaint(self, old: QRectF | None = None) -> None:
        """Have the background under the old and the new picture redrawn."""
        self._damage(self._bounds if old is None else self._bounds.united(old))

    @property
    def label_rect(self) -> QRectF:
        """The weight label's box (scene coordinates; empty without a label)."""
        return QRectF(self._label_rect)

    def label_shown(self) -> bool:
        """Weights are labelled when switched on: all of them in a small net, else only
        those of the selection (a big net's labels would pile up unreadably)."""
        s = self.style
        return s.show_weights and (
            s.all_labels or self._selected or self.source.selected or self.target.selected
        )

    def reaches(self, rect: QRectF) -> bool:
        """Whether the picture touches ``rect`` (scene coordinates)."""
        return self._bounds.intersects(rect)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._bounds

    def shape(self) -> QPainterPath:
        if self._shape is None:
            path = QPainterPath()
            if not self._spine.isEmpty():
                stroker = QPainterPathStroker()
                stroker.setWidth(max(self.width, 12.0 * self.style.scale))
                path = stroker.createStroke(self._spine)
                path.addPath(self._arrow)
                if self.style.show_weights and self.style.all_labels:
                    path.addRect(self._label_rect)
            self._shape = path
        return self._shape

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):  # noqa: N802
        if change == _SELECTED:
            self._selected = bool(value)  # read in draw() without a call into Qt
            self.repaint()
        return super().itemChange(change, value)

    # ---------------------------------------------------------------- painting
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pass  # drawn in the scene's background layer: see draw()

    def draw(self, painter: QPainter) -> None:
        """Paint the arrow (and label) in scene coordinates."""
        s = self.style
        if self._selected:
            painter.strokePath(self._spine, self._halo_pen)
        label, label_px = None, None
        if s.lod < 0.5 and s.lod * self.width < 1.2:
            # Zoomed far out a thin arrow is a hairline: a 1-pixel line is the same picture
            # and several times cheaper to draw than a filled outline (thousands of them).
            painter.setPen(self._hairline)
            painter.drawLine(self._line)
        else:
            painter.fillPath(self._arrow, self._brush)
            readable = s.lod * s.weight_metrics.height() >= 7.0 and s.legible(s.weight_font)
            if readable and self.label_shown():
                painter.fillRect(self._border, self.color)
                painter.fillRect(self._label_rect, s.label_ground)
                painter.setFont(s.weight_font)
                painter.setPen(s.ink)
                painter.drawStaticText(self._text_at, self._text)
                label = self._text.text()
                label_px = s.screen_px(s.weight_font)
        if s.record is not None:
            s.record.synapses[self.key] = PaintedSynapse(
                label, self.color.name(), self._dashed, self._selected, label_px
            )


def _arrow_path(
    start: QPointF,
    tip: QPointF,
    u: tuple[float, float],
    width: float,
    head_len: float,
    head_half: float,
    dashed: bool,
) -> QPainterPath:
    """The outline of shaft and head as one filled path (dashed shaft when frozen)."""
    ux, uy = u
    nx, ny = -uy, ux
    half = width / 2
    base = QPointF(tip.x() - ux * head_len, tip.y() - uy * head_len)
    path = QPainterPath()
    shaft = math.hypot(base.x() - start.x(), base.y() - start.y())
    dash, gap = (max(3 * width, 6.0), max(2 * width, 4.0)) if dashed else (shaft, 0.0)
    t = 0.0
    while t < shaft:
        t2 = min(t + dash, shaft + 0.5)  # overlap the head by half a unit: no hairline gap
        p, q = (QPointF(start.x() + ux * d, start.y() + uy * d) for d in (t, t2))
        path.addPolygon(
            QPolygonF(
                [
                    QPointF(p.x() + nx * half, p.y() + ny * half),
                    QPointF(q.x() + nx * half, q.y() + ny * half),
                    QPointF(q.x() - nx * half, q.y() - ny * half),
                    QPointF(p.x() - nx * half, p.y() - ny * half),
                ]
            )
        )
        path.closeSubpath()
        t = t2 + gap
    # same turning direction as the shaft's outline, so their overlap adds up (winding fill)
    path.addPolygon(
        QPolygonF(
            [
                tip,
                QPointF(base.x() - nx * head_half, base.y() - ny * head_half),
                QPointF(base.x() + nx * head_half, base.y() + ny * head_half),
            ]
        )
    )
    path.closeSubpath()
    path.setFillRule(Qt.FillRule.WindingFill)
    return path


@lru_cache(maxsize=4096)
def static_text(label: str) -> QStaticText:
    """The weight label laid out once per string (QStaticText is shared, so every arrow
    showing "0.25" draws the same prepared text)."""
    text = QStaticText(label)
    text.setTextFormat(Qt.TextFormat.PlainText)
    return text
