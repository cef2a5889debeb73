"""A neuron on the canvas: its output y as colour and number, its kind as shape.

The item stores its id and a copy of the few model fields it draws; the scene refreshes it
from the model's announcements and feeds it the latest evaluation with :meth:`set_state`.
Kinds: input = rounded square with a dark label strip (its lower part is the value readout),
hidden = circle, output = double-bordered circle. A neuron drawn in the live plots' traces
shows the colour of its trace as a short bar before its name, like the plot's legend.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPainterPath, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from neurosim.core.model import Neuron
from neurosim.ui.canvas import colors
from neurosim.ui.canvas.faces import chord_room, face_text, fit_face
from neurosim.ui.canvas.glyphs import glyph
from neurosim.ui.canvas.paint_record import PaintedNeuron
from neurosim.ui.canvas.style import CanvasStyle
from neurosim.ui.i18n import translate
from neurosim.ui.plain_text import as_text

# the face of a neuron whose value overflowed (inspector: why), shown translated
OVERFLOW = QT_TRANSLATE_NOOP("NeuronItem", "overflow")
_ALIGN_CENTER = Qt.AlignmentFlag.AlignCenter
VALUE_CENTRE = -0.17  # the number's line is centred this many radii above the centre
# A value wider than its box (−2e308 in a small neuron) spills over rather than being cut.
_VALUE_FLAGS = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextDontClip
TOOLTIPS = {  # shown translated
    "input": QT_TRANSLATE_NOOP(
        "NeuronItem",
        "Input {id}: drag the lower part up/down to change its value, double-click to "
        "type it, Alt+wheel to nudge · drag the strip to move · drag the rim "
        "(or Shift+drag) to connect",
    ),
    "hidden": QT_TRANSLATE_NOOP(
        "NeuronItem",
        "Hidden neuron {id}: drag to move · drag the rim (or Shift+drag) to connect · "
        "double-click or Alt+wheel to edit its bias",
    ),
    "output": QT_TRANSLATE_NOOP(
        "NeuronItem",
        "Output neuron {id}: drag to move · drag the rim (or Shift+drag) to connect · "
        "double-click or Alt+wheel to edit its bias",
    ),
}


class NeuronItem(QGraphicsItem):
    """One neuron; ``on_changed(item, what)`` hears "moved" and "selected"."""

    def __init__(
        self,
        neuron: Neuron,
        style: CanvasStyle,
        position: QPointF,
        on_changed: Callable[[NeuronItem, str], None],
    ) -> None:
        super().__init__()
        self.neuron_id = neuron.id
        self.kind = neuron.kind
        self.style = style
        self._on_changed = on_changed
        self.selected = False  # mirrors isSelected(), read by thousands of synapses per frame
        self.y, self.fired, self.silent = 0.0, False, False
        self.step = colors.ZERO_STEP  # the fill's step on the colour scale (of y)
        self.highlight: str | None = None  # "valid" / "invalid" while connecting
        self.key_colour: QColor | None = None  # its colour in the plots, if it is traced
        self.veiled = False  # value not computed yet (Explain forward pass): no face, no ring
        self.centre = QPointF()  # pos() and sceneBoundingRect(), kept for NeuronBodies: it
        self.scene_rect = QRectF()  # reads a thousand of them a frame
        self._no_contents = False  # ItemHasNoContents set (see sync_batched)
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setZValue(1.0)
        tip = translate("NeuronItem", TOOLTIPS[self.kind]).format(id=neuron.id)
        self.setToolTip(as_text(tip))  # ids are text
        self.refresh(neuron)
        self.setPos(position)

    # ------------------------------------------------------------ model → item
    def refresh(self, neuron: Neuron) -> None:
        """Copy the drawn fields from the model and recompute the geometry."""
        self.label = neuron.label
        self.activation = neuron.activation
        self.params = dict(neuron.params)
        self.bias = neuron.bias
        self.update_geometry()

    def update_geometry(self) -> None:
        """Recompute sizes after a label, bias, switch or presentation-scale change."""
        s = self.style
        self.prepareGeometryChange()
        r = s.radius
        # inputs are wider than tall: room for "−0.35" beside the ▲▼ marks
        self.half_width = r * 1.3 if self.kind == "input" else r
        hw = self.half_width
        body = QRectF(-hw, -r, 2 * hw, 2 * r)
        self._glyph, self._axis = (
            (None, None)
            if self.kind == "input"
            else glyph(self.activation, self.params, s.glyph_w, s.glyph_h)
        )
        if self.kind == "input":
            self._bias_text = ""
            self._label_rect = QRectF(-hw, -r, 2 * hw, s.header)
        else:
            # one line above the body: the label, then the bias in small grey type
            self._bias_text = "b " + face_text(self.bias) if s.show_weights else ""
            gap = 7 * s.scale if self._bias_text else 0.0
            w = (
                s.label_metrics.horizontalAdvance(self.label)
                + gap
                + s.small_metrics.horizontalAdvance(self._bias_text)
            )
            h = s.label_metrics.height()
            self._label_rect = QRectF(-w / 2, -r - 7 * s.scale - h, w, h)
            # the small bias type shares the label's baseline
            baseline = self._label_rect.top() + s.label_metrics.ascent()
            self._label_at = QPointF(-w / 2, baseline)
            self._bias_at = QPointF(
                w / 2 - s.small_metrics.horizontalAdvance(self._bias_text), baseline
            )
        g = s.selection_gap
        self._select_rect = body.adjusted(-g, -g, g, g).united(
            self._label_rect.adjusted(-4 * s.scale, -3 * s.scale, 4 * s.scale, 0)
        )
        # The plot colour's bar: just before the name (an input's name is its strip).
        length, thick = 16 * s.scale, 5 * s.scale
        self._key_rect = QRectF(
            self._label_rect.left() - 5 * s.scale - length,
            self._label_rect.center().y() - thick / 2,
            length,
            thick,
        )
        if self.key_colour is not None:
            self._select_rect = self._select_rect.united(
                self._key_rect.adjusted(-3 * s.scale, 0, 0, 0)
            )
        pad = 4.0 * s.scale
        self._bounds = self._select_rect.adjusted(-pad, -pad, pad, pad)
        self.scene_rect = self._bounds.translated(self.centre)
        reach = s.port_outside
        self._shape = QPainterPath()
        if self.kind == "input":
            self._shape.addRect(body.adjusted(-reach, -reach, reach, reach))
            self._header = QPainterPath()
            self._header.addRoundedRect(body, 8 * s.scale, 8 * s.scale)
            strip = QPainterPath()
            strip.addRect(QRectF(-hw, -r, 2 * hw, s.header))
            self._header = self._header.intersected(strip)
        else:
            self._shape.addEllipse(QPointF(), r + reach, r + reach)
            self._shape.addRect(self._label_rect)
        self._face_stale = True
        self.update()

    def _track_place(self) -> None:
        self.centre = self.pos()
        self.scene_rect = self._bounds.translated(self.centre)

    @property
    def batched(self) -> bool:
        """Its body is painted by NeuronBodies (an overview; not selected, highlighted or an
        input), not by itself."""
        return (
            self.style.overview
            and self.kind != "input"
            and not self.selected
            and not self.highlight
        )

    def sync_batched(self) -> None:
        """Qt skips painting an item whose body NeuronBodies paints (a call into Python a
        neuron a frame saved); call when :attr:`batched` may have changed."""
        batched = self.batched
        if batched != self._no_contents:
            self._no_contents = batched
            self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, batched)
            self.update()

    def set_state(
        self, y: float, fired: bool, silent: bool, repaint: bool = True, step: int | None = None
    ) -> bool:
        """Show a new evaluation; True when something visible changed. It repaints itself
        then, unless not ``repaint`` (the caller repaints NeuronBodies instead). ``step``:
        ``colors.value_index(y)`` when the caller has it."""
        if y == self.y and fired == self.fired and silent == self.silent:
            return False
        self.y, self.fired, self.silent = y, fired, silent
        self.step = colors.value_index(y, self.style.saturation) if step is None else step
        self._face_stale = True  # laid out when painted legibly: zoomed out it never is
        if repaint:
            self.update()
        return True

    @property
    def _value_text(self) -> str:
        self._fresh_face()
        return self._face_text

    @_value_text.setter
    def _value_text(self, text: str) -> None:
        self._fresh_face()
        self._face_text = text

    @property
    def _value_font(self) -> QFont:
        self._fresh_face()
        return self._face_font

    def _fresh_face(self) -> None:
        if self._face_stale:
            self._face_stale = False
            self._face_text, self._face_font = self._format_value()

    def _format_value(self) -> tuple[str, QFont]:
        # Two decimals, as everywhere on the canvas (faces.py); smaller type rather than
        # text that reaches the ring; a value that overflowed (±inf, NaN) says so in a word.
        s = self.style
        fonts = s.face_fonts
        if not math.isfinite(self.y):
            return translate("NeuronItem", OVERFLOW), fonts[0][0]
        if self.kind == "input":  # a rectangle: the room beside the ▲▼ marks
            width = 2 * self.half_width - 15 * s.scale
            return fit_face(self.y, fonts, lambda _m: width)
        inner = s.radius - s.border / 2  # inside the border…
        if self.kind == "output":  # …or the output's inner ring (see paint)
            inner = self.inner_ring() - s.thin_pen.widthF() / 2
        room = chord_room(inner - 1.5 * s.scale, VALUE_CENTRE * s.radius)  # with a gap
        return fit_face(self.y, fonts, room)

    def inner_ring(self) -> float:
        """The radius of an output neuron's inner ring."""
        return self.style.inner_ring

    def value_rect(self) -> QRectF:
        """Where a hidden or output neuron's number is centred (item coordinates)."""
        r = self.style.radius
        return QRectF(-r, (VALUE_CENTRE - 0.45) * r, 2 * r, 0.9 * r)

    def set_key_colour(self, colour: QColor | None) -> None:
        """Show ``colour`` (its trace's colour in the plots) before the name; None: no bar."""
        if colour != self.key_colour:
            self.key_colour = None if colour is None else QColor(colour)
            self.update_geometry()

    def set_veiled(self, on: bool) -> None:
        if on != self.veiled:
            self.veiled = on
            self.update()

    @property
    def _shown_y(self) -> float:
        return 0.0 if self.veiled else self.y  # a veiled face is painted as for 0

    def set_highlight(self, state: str | None) -> None:
        if state != self.highlight:
            self.highlight = state
            self.sync_batched()
            self.update()

    # --------------------------------------------------------------- geometry
    def border_distance(self, dx: float, dy: float) -> float:
        """Distance from the centre to the body's border along the unit vector (dx, dy)."""
        r = self.style.radius
        if self.kind != "input":
            return r
        return min(self.half_width / max(abs(dx), 1e-9), r / max(abs(dy), 1e-9))

    def zone_at(self, point: QPointF) -> str | None:
        """What a press at ``point`` (item coordinates) grabs: port, readout, body or None."""
        s, x, y = self.style, point.x(), point.y()
        r = s.radius
        if self.kind == "input":  # distance to a rectangle's border, measured like a circle's
            d = max(abs(x) - (self.half_width - r), abs(y))
        else:
            d = math.hypot(x, y)
        if r - s.port_inside <= d <= r + s.port_outside:
            return "port"
        if d < r - s.port_inside:
            return "readout" if self.kind == "input" and y >= -r + s.header else "body"
        if self._label_rect.contains(point):
            return "body"
        return None

    @property
    def label_rect(self) -> QRectF:
        """The name (and bias) line, in item coordinates."""
        return QRectF(self._label_rect)

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt override
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value):  # noqa: N802
        if (
            change == QGraphicsItem.GraphicsItemChange.ItemPositionChange
            and self.style.dragging
            and self.style.snap_grid
        ):
            # only the user's drags snap; positions from the model are shown as they are
            g = self.style.snap_grid * self.style.scale  # the model grid, as drawn
            return QPointF(round(value.x() / g) * g, round(value.y() / g) * g)
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged:
            self._track_place()
            self._on_changed(self, "moved")
        elif change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self.selected = bool(value)
            self.sync_batched()
            self._on_changed(self, "selected")
        return super().itemChange(change, value)

    # ---------------------------------------------------------------- painting
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        s = self.style
        r = s.radius
        detailed = not s.overview  # text and glyph only when the neuron is big enough to read
        if self.batched:
            return  # NeuronBodies painted it (and wrote it down)
        fired = self.fired and not self.veiled
        if fired:
            rr = r + s.ring_gap + s.ring_width / 2
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(s.ring_outline_pen)
            painter.drawEllipse(QPointF(), rr, rr)
            painter.setPen(s.ring_pen)
            painter.drawEllipse(QPointF(), rr, rr)
        if self.silent:
            painter.setOpacity(0.42)
        fill = colors.value_color(self._shown_y, s.saturation)
        drawn: tuple[float | None, float | None] = (None, None)  # (name, bias) px on screen
        painter.setPen(s.border_pen)
        painter.setBrush(fill)
        if self.kind == "input":
            drawn = (self._paint_input(painter, detailed), None)
        else:
            painter.drawEllipse(QPointF(), r, r)
            if self.kind == "output":
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.setPen(s.thin_pen)
                inner = self.inner_ring()
                painter.drawEllipse(QPointF(), inner, inner)
            if detailed:
                self._paint_inside(painter)
        painter.setOpacity(1.0)
        if detailed and self.kind != "input":
            drawn = self._paint_label(painter)  # the name stays legible on a silent neuron
        if detailed and self.key_colour is not None:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self.key_colour)
            painter.drawRoundedRect(self._key_rect, 1.5 * s.scale, 1.5 * s.scale)
        if self.highlight:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(s.valid_pen if self.highlight == "valid" else s.invalid_pen)
            rr = r + s.selection_gap - 2 * s.scale
            if self.kind == "input":
                rw = rr + self.half_width - r
                painter.drawRoundedRect(QRectF(-rw, -rr, 2 * rw, 2 * rr), 8, 8)
            else:
                painter.drawEllipse(QPointF(), rr, rr)
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(s.selection_pen)
            painter.drawRoundedRect(self._select_rect, 6 * s.scale, 6 * s.scale)
        if s.record is not None:
            shown = self._value_text if detailed and s.show_values and not self.veiled else None
            s.record.neurons[self.neuron_id] = PaintedNeuron(shown, fired, *drawn)

    def _paint_inside(self, painter: QPainter) -> None:
        s, r = self.style, self.style.radius
        dark = colors.text_color(self._shown_y, s.saturation) is colors.PAPER
        ink = colors.text_color(self._shown_y, s.saturation)
        if s.show_values and not self.veiled:
            painter.setFont(self._value_font)
            painter.setPen(ink)
            painter.drawText(self.value_rect(), _VALUE_FLAGS, self._value_text)
        if self._glyph is not None:
            gy = r * 0.52 if s.show_values else 0.0
            painter.translate(0.0, gy)
            if self._axis is not None and abs(self._axis) < s.glyph_h / 2 - 0.5:
                painter.setPen(s.axis_pens[dark])
                painter.drawLine(
                    QPointF(-s.glyph_w / 2, self._axis), QPointF(s.glyph_w / 2, self._axis)
                )
            painter.setPen(s.glyph_pens[dark])
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self._glyph)
            painter.translate(0.0, -gy)

    def _paint_label(self, painter: QPainter) -> tuple[float | None, float | None]:
        """The name and bias, each only if legible on screen (see CanvasStyle.legible);
        returns their sizes on screen in px (None: not drawn)."""
        s = self.style
        label_px = bias_px = None
        if s.legible(s.label_font):
            painter.setFont(s.label_font)
            painter.setPen(s.ink)
            painter.drawText(self._label_at, self.label)
            label_px = s.screen_px(s.label_font)
        if self._bias_text and s.legible(s.small_font):
            painter.setFont(s.small_font)
            painter.setPen(s.ink_soft)
            painter.drawText(self._bias_at, self._bias_text)
            bias_px = s.screen_px(s.small_font)
        return label_px, bias_px

    def _paint_input(self, painter: QPainter, detailed: bool) -> float | None:
        """The input's box, name strip and readout; returns the name's size on screen in
        px (None: not drawn)."""
        s, r, hw = self.style, self.style.radius, self.half_width
        corner = 8 * s.scale
        painter.drawRoundedRect(QRectF(-hw, -r, 2 * hw, 2 * r), corner, corner)
        opacity = painter.opacity()
        painter.setOpacity(1.0)  # the name strip stays legible when the input is 0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colors.INPUT_HEADER)
        painter.drawPath(self._header)
        name_px = None
        if detailed and s.legible(s.header_font):
            painter.setFont(s.header_font)
            painter.setPen(colors.PAPER)
            painter.drawText(self._label_rect, _ALIGN_CENTER, self.label)
            name_px = s.screen_px(s.header_font)
        painter.setOpacity(opacity)
        if not detailed:
            return name_px
        ink = colors.text_color(self._shown_y, s.saturation)
        top = -r + s.header
        marks = 12 * s.scale  # room for ▲▼ on the right
        if s.show_values and not self.veiled:
            painter.setFont(self._value_font)
            painter.setPen(ink)
            painter.drawText(
                QRectF(-hw + 3 * s.scale, top, 2 * hw - 3 * s.scale - marks, r - top),
                _VALUE_FLAGS,
                self._value_text,
            )
        # ▲▼ on the right: the readout can be dragged up and down
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(ink))
        x, mid, a, g = hw - 7.5 * s.scale, (top + r) / 2, 3.2 * s.scale, 2 * s.scale
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x - a, mid - g), QPointF(x + a, mid - g), QPointF(x, mid - g - 1.5 * a)]
            )
        )
        painter.drawPolygon(
            QPolygonF(
                [QPointF(x - a, mid + g), QPointF(x + a, mid + g), QPointF(x, mid + g + 1.5 * a)]
            )
        )
        return name_px
