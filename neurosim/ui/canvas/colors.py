"""Colours of the canvas that are the same in every theme: the value scale and the accents.

The scale joins ColorBrewer's RdBu blue arm to PuOr's orange arm: both arms have matching
lightness steps, stay apart for every common colour-vision deficiency, and meet at a light
grey so a value of 0 reads as "nothing". Values saturate at ±1 by default.

The ground, ink, label boxes and selection depend on the theme: they are in
:class:`~neurosim.ui.theme.CanvasColours`, which the items read through their
:class:`~neurosim.ui.canvas.style.CanvasStyle`. Nothing here ever changes.
"""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtGui import QColor

from neurosim.core import palette
from neurosim.core.palette import SCALE_STOPS

_STEPS = 200  # LUT resolution: 0.01 per entry over [-1, 1]

PAPER = QColor("#ffffff")
FIRED = QColor(palette.FIRED)  # bright gold ring, outlined in the theme's ink: reads on any ground
VALID = QColor("#1a9850")
INVALID = QColor("#d73027")
INPUT_HEADER = QColor("#4d4d4d")
ZERO_WEIGHT = QColor(palette.ZERO_WEIGHT)
FILL_INK = QColor("#1a1a1a")  # text and glyphs on a pale neuron fill, in every theme


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


def value_index(value: float, saturation: float = 1.0) -> int:
    """Which of the scale's steps :func:`value_color` gives ``value``."""
    return _index(value, saturation)


def value_indices(values: np.ndarray, saturation: float = 1.0) -> np.ndarray:
    """:func:`value_index` of each value, in one pass (a whole evaluation's neurons)."""
    v = np.nan_to_num(
        np.asarray(values, dtype=float), nan=0.0, posinf=saturation, neginf=-saturation
    )
    t = np.clip(v / saturation, -1.0, 1.0)
    return np.rint((t + 1.0) * 0.5 * _STEPS).astype(int)


#: the step of 0 (a veiled neuron's fill)
ZERO_STEP = _STEPS // 2


def step_color(step: int) -> QColor:
    """The fill of step ``step`` (:func:`value_index`)."""
    return _LUT[step]


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
