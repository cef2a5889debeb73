"""Pure helpers of the activation plot: the z range to draw and where f′(z) is nearly flat."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Z_HALF_RANGE = 6.0
FLAT_FRACTION = 0.05


def flat_regions(
    z: np.ndarray, slope: np.ndarray, fraction: float = FLAT_FRACTION
) -> list[tuple[float, float]]:
    """Intervals of z where |slope| < fraction · max|slope| (the whole range if it is 0)."""
    size = np.abs(slope)
    top = float(size.max()) if size.size else 0.0
    if top == 0.0:
        return [(float(z[0]), float(z[-1]))]
    flat = size < fraction * top
    regions = []
    edges = np.flatnonzero(np.diff(flat.astype(np.int8)))
    starts = [0] + list(edges + 1)
    for start in starts:
        if not flat[start]:
            continue
        stop = start
        while stop + 1 < len(flat) and flat[stop + 1]:
            stop += 1
        lo = z[start] if start == 0 else _crossing(z, size, start - 1, fraction * top)
        hi = z[stop] if stop == len(z) - 1 else _crossing(z, size, stop, fraction * top)
        regions.append((float(lo), float(hi)))
    return regions


def _crossing(z: np.ndarray, size: np.ndarray, i: int, level: float) -> float:
    """Where |slope| crosses ``level`` between samples i and i + 1 (linear interpolation)."""
    a, b = size[i], size[i + 1]
    t = 0.5 if a == b else (level - a) / (b - a)
    return float(z[i] + min(max(t, 0.0), 1.0) * (z[i + 1] - z[i]))


def z_range(zs: Sequence[float]) -> tuple[float, float]:
    """[-6, 6], widened in steps of 2 so every operating point sits inside with room."""
    finite = [z for z in zs if np.isfinite(z)]
    lo = min([-Z_HALF_RANGE, *(z - 1.0 for z in finite)])
    hi = max([Z_HALF_RANGE, *(z + 1.0 for z in finite)])
    return 2.0 * np.floor(lo / 2.0), 2.0 * np.ceil(hi / 2.0)
