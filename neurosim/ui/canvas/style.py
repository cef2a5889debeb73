"""Sizes, fonts, colours, display switches and drag settings shared by every canvas item.

One :class:`CanvasStyle` belongs to a scene; items keep a reference and read it when they
paint, so a presentation-scale change is one :meth:`CanvasStyle.set_scale` and a theme
change one :meth:`CanvasStyle.set_colours`, each plus a refresh, not a rebuild. All lengths
are scene units (pixels at zoom 1).
"""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPen

from neurosim.ui.canvas import colors
from neurosim.ui.canvas.paint_record import PaintRecord
from neurosim.ui.theme import LIGHT, CanvasColours

MINUS = "\u2212"  # a real minus sign: as wide as "+", unmistakable from the back row
MAX_CHARS = 8  # the longest number text; a neuron picks fewer decimals when it must


def format_value(value: float, digits: int = 3) -> str:
    """A short, legible number of at most 8 characters: "0.587", "−12.3", "1234", "1.0e+06",
    "−2.5e+12". ``digits`` are the decimals below 10; with ``digits`` < 2 a big number keeps
    no decimal either ("−2e+12"), for a small neuron. Not a number shows as "?"."""
    if not math.isfinite(value):
        return "?" if math.isnan(value) else ("∞" if value > 0 else MINUS + "∞")
    a = abs(value)
    if a >= 9999.5:  # "10000" would be as wide as "1.0e4" and less clear
        text = _exponent(value, 1 if digits >= 2 else 0)
        if len(text) > MAX_CHARS:
            text = _exponent(value, 0)
    elif a >= 100:
        text = f"{value:.0f}"
    elif a >= 10:
        text = f"{value:.1f}"
        if abs(float(text)) >= 100:  # 99.96 → "100", not the wider "100.0"
            text = f"{value:.0f}"
    else:
        text = f"{value:.{digits}f}"
    if text.startswith("-"):
        # "-0.000" after rounding is zero; do not show a sign for it
        text = text[1:] if float(text) == 0 else MINUS + text[1:]
    return text


def _exponent(value: float, decimals: int) -> str:
    return f"{value:.{decimals}e}"  # the form everyone reads: 1.0e+06


#: the sizes a neuron's number may shrink to, relative to the value font (faces.py)
FACE_SHRINK = (1.0, 0.86, 0.74)


def _font(pixels: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def _pen(color: QColor, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(color, width, style)
    pen.setCosmetic(False)
    return pen


#: a neuron's radius on screen (px) below which it shows no number, glyph or name
OVERVIEW_PX = 10.0


class CanvasStyle:
    """Geometry and fonts at a presentation scale, the theme's colours (``ground``, ``ink``,
    ``ink_soft``, ``label_ground``, ``selection``, ``halo``) as QColors, plus the
    show-values/weights switches."""

    BASE_RADIUS = 28.0

    def __init__(self, scale: float = 1.0, colours: CanvasColours = LIGHT.canvas) -> None:
        self.show_values = True
        self.show_weights = True
        self.saturation = 1.0  # |y| at which the fill colour saturates
        self.snap_grid: float | None = None  # grid for neurons the user drags, or None
        self.dragging = False  # True while the user drags neurons (the view sets it)
        # zoom of the view being painted; the view sets it once per frame so thousands of
        # items need not each ask the painter (level-of-detail decisions)
        self.lod = 1.0
        self.all_labels = True  # label every weight (small nets), or only near the selection
        #: debug hook: when set, every paint writes down what it drew (render-truth tests)
        self.record: PaintRecord | None = None
        #: the names, biases, weights and badges larger than the drawing (presentation mode
        #: on a small screen: text the back row can read without a bigger network)
        self.text_boost = 1.0
        #: text around the neurons smaller than this on screen (px) is not drawn at all
        #: (presentation mode: legible or absent); 0: everything drawn
        self.min_text_px = 0.0
        self._take_colours(colours)
        self.set_scale(scale)

    def set_colours(self, colours: CanvasColours) -> None:
        """The theme's canvas colours (the pens too); the scene then repaints its items."""
        self._take_colours(colours)
        self._make_pens()

    def _take_colours(self, colours: CanvasColours) -> None:
        self.colours = colours
        self.ground = QColor(colours.ground)
        self.ink = QColor(colours.ink)
        self.ink_soft = QColor(colours.ink_soft)
        self.label_ground = QColor(colours.label_ground)
        self.selection = QColor(colours.selection)
        self.halo = QColor(self.selection)  # behind a selected synapse
        self.halo.setAlpha(110)

    def set_scale(self, scale: float) -> None:
        if not (math.isfinite(scale) and scale > 0):
            raise ValueError(f"the presentation scale must be a positive number, not {scale}")
        self.scale = s = float(scale)
        self.radius = self.BASE_RADIUS * s
        self.border = 2.0 * s
        self.ring_width = 5.0 * s  # fired ring
        self.ring_gap = 1.5 * s  # between body border and fired ring
        self.port_inside = 6.0 * s  # port band reaches this far into the body…
        self.port_outside = 10.0 * s  # …and this far out
        self.header = 17.0 * s  # input neuron: label strip on top
        self.selection_gap = 11.0 * s
        self.glyph_w, self.glyph_h = 24.0 * s, 11.0 * s
        b = s * self.text_boost
        self.value_font = _font(14 * s, bold=True)  # fits the body: never boosted
        self.header_font = _font(13 * s, bold=True)  # fits an input's name strip
        self.label_font = _font(13 * b, bold=True)
        self.small_font = _font(11 * b)
        self.weight_font = _font(12 * b, bold=True)
        self.value_metrics = QFontMetricsF(self.value_font)
        # the value font and its smaller sizes, for a number too wide for its face (faces.py)
        self.face_fonts = [
            (f, QFontMetricsF(f)) for f in (_font(14 * s * k, bold=True) for k in FACE_SHRINK)
        ]
        self.label_metrics = QFontMetricsF(self.label_font)
        self.small_metrics = QFontMetricsF(self.small_font)
        self.weight_metrics = QFontMetricsF(self.weight_font)
        self._make_pens()

    def set_text_boost(self, boost: float) -> None:
        """Names, biases, weight labels and badges ``boost`` times larger than the scale
        makes them (1.0: as large as the neurons are)."""
        if not (math.isfinite(boost) and boost >= 1.0):
            raise ValueError(f"the text boost must be a number of at least 1, not {boost}")
        self.text_boost = float(boost)
        self.set_scale(self.scale)

    @property
    def inner_ring(self) -> float:
        """The radius of an output neuron's inner ring."""
        return self.radius - 4.5 * self.scale

    @property
    def overview(self) -> bool:
        """Neurons too small on screen for their numbers: bodies only (neuron_bodies.py)."""
        return self.lod * self.radius < OVERVIEW_PX

    def screen_px(self, font: QFont) -> float:
        """The pixel size ``font`` is drawn at on screen at the zoom being painted."""
        return font.pixelSize() * self.lod

    def legible(self, font: QFont) -> bool:
        """Whether text in ``font`` is large enough on screen to be drawn."""
        return self.screen_px(font) >= self.min_text_px - 1e-6

    @property
    def smallest_text(self) -> float:
        """The pixel size of the smallest text drawn around the neurons, at zoom 1."""
        return float(min(f.pixelSize() for f in (self.small_font, self.value_font)))

    def _make_pens(self) -> None:
        s = self.scale
        self.border_pen = _pen(self.ink, self.border)
        self.thin_pen = _pen(self.ink, 1.2 * s)
        self.ring_pen = _pen(colors.FIRED, self.ring_width)
        self.ring_outline_pen = _pen(self.ink, self.ring_width + 2.4 * s)
        self.selection_pen = _pen(self.selection, 3.0 * s, Qt.PenStyle.DashLine)
        self.valid_pen = _pen(colors.VALID, 5.0 * s)
        self.invalid_pen = _pen(colors.INVALID, 5.0 * s)
        self.glyph_pens = {False: _pen(colors.FILL_INK, 1.7 * s), True: _pen(colors.PAPER, 1.7 * s)}
        self.axis_pens = {
            False: _pen(QColor(0, 0, 0, 90), 0.8 * s),
            True: _pen(QColor(255, 255, 255, 110), 0.8 * s),
        }

    # ------------------------------------------------------------- synapses
    def synapse_width(self, weight: float) -> float:
        """Line width ∝ |w|: 1 px near 0 up to 10 px at |w| ≥ 3 (times the scale)."""
        return (1.0 + 3.0 * min(abs(weight), 3.0)) * self.scale

    def arrow_size(self, width: float) -> tuple[float, float]:
        """(length, half-width) of an arrowhead for a line of ``width``."""
        return 9.0 * self.scale + 1.6 * width, 5.0 * self.scale + 0.9 * width

    @property
    def outer(self) -> float:
        """Distance from a neuron's centre to the outside of everything drawn around it."""
        return self.radius + self.selection_gap + 3.0 * self.scale
