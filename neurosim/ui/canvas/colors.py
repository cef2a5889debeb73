"""Colours of the canvas: a diverging blue–white–orange scale and the fixed accents.

The scale joins ColorBrewer's RdBu blue arm to PuOr's orange arm: both arms have matching
lightness steps, stay apart for every common colour-vision deficiency, and meet at a light
grey so a value of 0 reads as "nothing". Values saturate at ±1 by default.
"""

from __future__ import annotations

import math

from PySide6.QtGui import QColor

#: from -1 (left) through 0 (middle) to +1 (right)
SCALE_STOPS = (
    "#2166ac",
    "#4393c3",
    "#92c5de",
    "#d1e5f0",
    "#f7f7f7",
    "#fee0b6",
    "#fdb863",
    "#e08214",
    "#b35806",
)
_STEPS = 200  # LUT resolution: 0.01 per entry over [-1, 1]

BACKGROUND = QColor("#fcfcfc")
INK = QColor("#1a1a1a")  # text and borders on light ground
INK_SOFT = QColor("#555555")
PAPER = QColor("#ffffff")
FIRED = QColor("#ffc20a")  # bright gold ring, outlined in INK so it reads on any ground
SELECTION = QColor("#7b2cbf")  # purple: not on the blue–orange scale, not green/red
VALID = QColor("#1a9850")
INVALID = QColor("#d73027")
INPUT_HEADER = QColor("#4d4d4d")
ZERO_WEIGHT = QColor("#9a9a9a")
FILL_INK = QColor("#1a1a1a")  # text and glyphs on a pale neuron fill, in every theme
LABEL_GROUND = QColor("#ffffff")  # behind a synapse's weight
LEGEND_GROUND = QColor(255, 255, 255, 225)
LEGEND_EDGE = QColor(0, 0, 0, 60)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def _build_lut() -> list[QColor]:
    stops = [QColor(c) for c in SCALE_STOPS]
    lut = []
    for i in range(_STEPS + 1):
        pos = i / _STEPS * (len(stops) - 1)
        k = min(int(pos), len(stops) - 2)
        lut.append(_mix(stops[k], stops[k + 1], pos - k))
    return lut


_LUT = _build_lut()


def _luminance(c: QColor) -> float:
    def lin(v: float) -> float:
        return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * lin(c.redF()) + 0.7152 * lin(c.greenF()) + 0.0722 * lin(c.blueF())


# White text once the fill is darker than mid-grey (WCAG contrast crossover ≈ 0.18).
_TEXT_LUT = [PAPER if _luminance(c) < 0.18 else FILL_INK for c in _LUT]


def _index(value: float, saturation: float) -> int:
    if not math.isfinite(value):
        value = math.copysign(saturation, value) if not math.isnan(value) else 0.0
    t = max(-1.0, min(1.0, value / saturation))
    return int(round((t + 1.0) * 0.5 * _STEPS))


def value_color(value: float, saturation: float = 1.0) -> QColor:
    """Fill for a value on the diverging scale; |value| ≥ saturation gives the end colour."""
    return _LUT[_index(value, saturation)]


def text_color(value: float, saturation: float = 1.0) -> QColor:
    """Black or white, whichever reads better on :func:`value_color` of the same value."""
    return _TEXT_LUT[_index(value, saturation)]


def weight_color(weight: float) -> QColor:
    """A synapse's colour: its sign on the scale, never so pale it vanishes on the ground."""
    if weight == 0:
        return ZERO_WEIGHT
    strength = 0.55 + 0.45 * min(abs(weight) / 3.0, 1.0)
    return value_color(math.copysign(strength, weight))


def scale_colors(n: int) -> list[QColor]:
    """``n`` evenly spaced colours from -1 to +1 (for the legend's colour bar)."""
    return [_LUT[round(i / (n - 1) * _STEPS)] for i in range(n)]


# ------------------------------------------------------------------------------ themes
#: (dark, high contrast) -> ground, ink, soft ink, weight-label ground, legend ground and
#: edge, selection. The value scale, the fired ring and the text on fills never change:
#: a colour means the same value in every theme.
THEMES = {
    (False, False): (
        "#fcfcfc",
        "#1a1a1a",
        "#555555",
        "#ffffff",
        (255, 255, 255, 225),
        (0, 0, 0, 60),
        "#7b2cbf",
    ),
    (True, False): (
        "#1e1f22",
        "#e8e8e8",
        "#b4b4b4",
        "#2b2d30",
        (43, 45, 48, 230),
        (255, 255, 255, 70),
        "#c39bff",
    ),
    (False, True): (
        "#ffffff",
        "#000000",
        "#303030",
        "#ffffff",
        (255, 255, 255, 240),
        (0, 0, 0, 160),
        "#6a1fb0",
    ),
    (True, True): (
        "#000000",
        "#ffffff",
        "#dcdcdc",
        "#000000",
        (0, 0, 0, 235),
        (255, 255, 255, 170),
        "#d4b3ff",
    ),
}


def apply_theme(dark: bool, contrast: bool = False) -> None:
    """Switch the canvas's ground and ink (View ▸ Theme, presentation mode).

    The colours change in place, so every item reads the new ones when it next paints;
    call ``CanvasView.refresh_colours()`` to rebuild the pens and repaint."""
    ground, ink, soft, label, legend, edge, selection = THEMES[(bool(dark), bool(contrast))]
    for colour, value in (
        (BACKGROUND, ground),
        (INK, ink),
        (INK_SOFT, soft),
        (LABEL_GROUND, label),
        (SELECTION, selection),
    ):
        colour.setRgb(QColor(value).rgb())
    LEGEND_GROUND.setRgb(*legend)
    LEGEND_EDGE.setRgb(*edge)
