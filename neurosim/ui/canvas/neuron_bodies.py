"""The bodies of a big network's neurons, painted together while it is an overview.

Zoomed out far enough that no number is drawn (``CanvasStyle.overview``), a neuron shows
only its body: the fill of its value, the border, the fired ring, the output's inner ring,
faded when silent. Painted item by item that cost ~25 µs a neuron — the call into Python,
the painter's setup — which is most of a 1,000-neuron frame. Here one item draws every
such body in one pass, a few microseconds each: the hidden and output neurons that are not
selected or highlighted (those, and the inputs, paint themselves). The neuron items stay
for everything else: picking, dragging, selection, tooltips.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neurosim.ui.canvas import colors
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.paint_record import PaintedNeuron
from neurosim.ui.canvas.style import CanvasStyle

Look = tuple[str, int, bool, bool]  # kind, fill step, fired, silent
FEW = 32  # changed neurons up to which the rectangle around them is worked out


class NeuronBodies(QGraphicsItem):
    """Paints the overview bodies of ``neurons`` (the scene's dict, read as it changes)."""

    def __init__(self, neurons: dict[str, NeuronItem], style: CanvasStyle) -> None:
        super().__init__()
        self.neurons = neurons
        self.style = style
        self._bounds = QRectF()
        self._stale = True
        self.setZValue(0.5)  # over the synapses (the background), under every item
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)  # exposedRect
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        if self._stale:  # worked out when Qt next asks (see moved)
            self._stale = False
            bounds = QRectF()
            for item in self.neurons.values():
                bounds = bounds.united(item.scene_rect)
            self._bounds = bounds
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never picked: a press goes to the neuron or the ground

    def moved(self) -> None:
        """Neurons were added, removed, moved or restyled: cover them all again."""
        self.prepareGeometryChange()
        self._stale = True
        self.update()

    def show_changes(self, items: list[NeuronItem]) -> None:
        """These neurons' looks changed: repaint the rectangle around them, once."""
        if len(items) > FEW:  # most of a big network: all of it, without adding up rects
            self.update()
            return
        rect = QRectF()
        for item in items:
            rect = rect.united(item.scene_rect)
        if not rect.isEmpty():
            self.update(rect)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        s = self.style
        if not s.overview:
            return
        exposed = option.exposedRect
        whole = exposed.contains(self.boundingRect())  # the usual case: no test per neuron
        groups: dict[Look, list[QPointF]] = defaultdict(list)
        record = s.record
        for item in self.neurons.values():  # NeuronItem.batched, its overview part known
            if item.selected or item.highlight or item.kind == "input":
                continue
            if not (whole or exposed.intersects(item.scene_rect)):
                continue
            fired = item.fired and not item.veiled
            look = (item.kind, colors.ZERO_STEP if item.veiled else item.step, fired, item.silent)
            groups[look].append(item.centre)
            if record is not None:
                record.neurons[item.neuron_id] = PaintedNeuron(None, fired, None, None)
        for look, centres in groups.items():
            self._paint_group(painter, look, centres)
        painter.setOpacity(1.0)

    def _paint_group(self, painter: QPainter, look: Look, centres: list[QPointF]) -> None:
        s, r = self.style, self.style.radius
        kind, step, fired, silent = look
        painter.setOpacity(1.0)
        if fired:
            rr = r + s.ring_gap + s.ring_width / 2
            painter.setBrush(Qt.BrushStyle.NoBrush)
            for pen in (s.ring_outline_pen, s.ring_pen):
                painter.setPen(pen)
                for c in centres:
                    painter.drawEllipse(c, rr, rr)
        if silent:
            painter.setOpacity(0.42)
        painter.setPen(s.border_pen)
        painter.setBrush(colors.step_color(step))
        for c in centres:
            painter.drawEllipse(c, r, r)
        if kind == "output":
            inner = s.inner_ring
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(s.thin_pen)
            for c in centres:
                painter.drawEllipse(c, inner, inner)
