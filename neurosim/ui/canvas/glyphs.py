"""Tiny pictures of activation curves, drawn from the registry and cached.

A glyph is y = f(z) for z in [-3, 3] scaled into a ``width × height`` box centred on (0, 0),
so a neuron can show at a glance whether it steps, squashes or rectifies.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
from PySide6.QtCore import QPointF
from PySide6.QtGui import QPainterPath

from neurosim.core.activations import get_activation

Z_RANGE = 3.0
_SAMPLES = 61


def glyph(
    name: str, params: dict[str, float] | None, width: float, height: float
) -> tuple[QPainterPath, float | None]:
    """(curve, y of the z axis or None) in a box centred on the origin, cached per shape."""
    key = tuple(sorted((params or {}).items()))
    return _cached(name, key, round(width, 2), round(height, 2))


@lru_cache(maxsize=512)
def _cached(
    name: str, params: tuple, width: float, height: float
) -> tuple[QPainterPath, float | None]:
    act = get_activation(name)
    z = np.linspace(-Z_RANGE, Z_RANGE, _SAMPLES)
    y = np.asarray(act.f(z, dict(params)), dtype=float)
    lo, hi = float(y.min()), float(y.max())
    span = hi - lo
    if span < 1e-12:  # a flat curve (slope 0) sits in the middle of the box
        ys = np.zeros_like(y)
    else:
        ys = (0.5 - (y - lo) / span) * height
    xs = z / Z_RANGE * (width / 2)
    path = QPainterPath(QPointF(xs[0], ys[0]))
    for i in range(1, len(xs)):
        if name == "step" and ys[i] != ys[i - 1]:
            path.lineTo(QPointF(xs[i], ys[i - 1]))  # a vertical riser, not a slanted one
        path.lineTo(QPointF(xs[i], ys[i]))
    axis = None if span < 1e-12 or not lo <= 0.0 <= hi else (0.5 + lo / span) * height
    return path, axis
