"""The numbers written on the canvas: one precision, and always inside the neuron.

Every number on the canvas (a neuron's output, its bias, a synapse's weight) is written by
:func:`face_text`: two decimals below 10 ("−0.01", "0.59", "−12.3", "1.0e+06"), so a
neuron and the synapse next to it never disagree on how exact they are.

A neuron's face is round (an output neuron has an inner ring): :func:`fit_face` keeps the
two decimals and makes the type smaller when the text would reach the ring at the rows it
covers, and drops digits only when even the smallest type is too wide.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtGui import QFont, QFontMetricsF

from neurosim.ui.canvas.style import format_value

#: decimals of every number on the canvas (below 10; see ``format_value``)
FACE_DIGITS = 2
#: from here on ``format_value`` writes an exponent
EXPONENT_FROM = 9999.5


def face_text(value: float, digits: int = FACE_DIGITS) -> str:
    """A canvas number: "−0.01", "0.59", "12.3", "1.0e+06" (see ``format_value``)."""
    return format_value(value, digits)


def chord_room(inner: float, centre_y: float) -> Callable[[QFontMetricsF], float]:
    """The width a line of text centred at ``centre_y`` may take inside a circle of radius
    ``inner``: the chord at the text's farthest inked row (cap height to baseline)."""

    def room(metrics: QFontMetricsF) -> float:
        baseline = centre_y - metrics.height() / 2 + metrics.ascent()
        far = max(abs(baseline), abs(baseline - metrics.capHeight()))
        return 2 * math.sqrt(max(inner * inner - far * far, 0.0))

    return room


def fit_face(
    value: float,
    fonts: list[tuple[QFont, QFontMetricsF]],
    room: Callable[[QFontMetricsF], float],
) -> tuple[str, QFont]:
    """The text and font for ``value`` on a face (``room`` says how wide a line may be in a
    font's metrics): two decimals in the largest font that fits, else fewer digits. A
    number written with an exponent ("1.0e+06") gives up its decimal before its size:
    "1e+06" in full type reads better from the back row than "1.0e+06" in small type."""
    if abs(value) >= EXPONENT_FROM:
        tries = [(digits, f) for f in fonts for digits in (FACE_DIGITS, 0)]
    else:
        tries = [(digits, f) for digits in (FACE_DIGITS, 1, 0) for f in fonts]
    for digits, (font, metrics) in tries:
        text = face_text(value, digits)
        if metrics.horizontalAdvance(text) <= room(metrics):
            return text, font
    font = fonts[-1][0]  # "−1e+06" in the smallest type: drop the exponent's padding
    text = face_text(value, 0)
    return text.replace("e+0", "e").replace("e+", "e").replace("e-0", "e-"), font
