"""Marching squares on a grid, vectorised: the line where a sampled field crosses a level.

Returns loose segments (pairs of points), which is all a plot needs: pyqtgraph draws them
with ``connect="pairs"`` in one item. Pure numpy; no numpy warnings for flat fields, nor
for overflowed ones (±inf, NaN).
"""

from __future__ import annotations

import numpy as np


def contour_segments(
    values: np.ndarray, xs: np.ndarray, ys: np.ndarray, level: float
) -> tuple[np.ndarray, np.ndarray]:
    """(x, y) of segment end points, two per segment, where ``values`` crosses ``level``.

    ``values[j, i]`` is the field at ``(xs[i], ys[j])``; points on the level count as above.
    """
    v = np.asarray(values, dtype=np.float64)
    xs = np.asarray(xs, dtype=np.float64)
    ys = np.asarray(ys, dtype=np.float64)
    if v.ndim != 2 or v.shape[0] < 2 or v.shape[1] < 2:
        return np.empty(0), np.empty(0)
    above = v >= level
    # Crossing points on every horizontal edge (j, i)–(j, i+1) and vertical edge (j, i)–(j+1, i).
    hx = xs[:-1] + _fraction(v[:, :-1], v[:, 1:], level) * np.diff(xs)
    hy = np.broadcast_to(ys[:, None], hx.shape)
    vy = ys[:-1, None] + _fraction(v[:-1, :], v[1:, :], level) * np.diff(ys)[:, None]
    vx = np.broadcast_to(xs[None, :], vy.shape)
    h_cut = above[:, :-1] != above[:, 1:]
    v_cut = above[:-1, :] != above[1:, :]
    # Per cell, edges in the order bottom, right, top, left.
    cuts = np.stack([h_cut[:-1], v_cut[:, 1:], h_cut[1:], v_cut[:, :-1]])
    px = np.stack([hx[:-1], vx[:, 1:], hx[1:], vx[:, :-1]])
    py = np.stack([hy[:-1], vy[:, 1:], hy[1:], vy[:, :-1]])
    count = cuts.sum(axis=0)
    pairs: list[tuple[np.ndarray, np.ndarray]] = []
    two = count == 2
    if two.any():
        first = np.argmax(cuts, axis=0)[two]
        second = 3 - np.argmax(cuts[::-1], axis=0)[two]
        pairs.append((first, second))
        cells = [np.nonzero(two)]
    else:
        cells = []
    four = count == 4
    if four.any():
        # A saddle: the centre decides which corners join (mean of the four corners).
        with np.errstate(over="ignore", invalid="ignore"):  # overflowed fields: ±inf
            centre = (v[:-1, :-1] + v[:-1, 1:] + v[1:, 1:] + v[1:, :-1]) / 4 >= level
        joined = (centre == above[:-1, :-1])[four]  # bottom-left joins top-right
        a1 = np.where(joined, 0, 3)  # cut off the lone corners: (B, R) + (T, L) or (L, B) + (R, T)
        b1 = np.where(joined, 1, 0)
        a2 = np.where(joined, 2, 1)
        b2 = np.where(joined, 3, 2)
        idx = np.nonzero(four)
        pairs += [(a1, b1), (a2, b2)]
        cells += [idx, idx]
    if not pairs:
        return np.empty(0), np.empty(0)
    xs_out, ys_out = [], []
    for (a, b), (rows, cols) in zip(pairs, cells, strict=True):
        seg_x = np.stack([px[a, rows, cols], px[b, rows, cols]], axis=1).ravel()
        seg_y = np.stack([py[a, rows, cols], py[b, rows, cols]], axis=1).ravel()
        xs_out.append(seg_x)
        ys_out.append(seg_y)
    return np.concatenate(xs_out), np.concatenate(ys_out)


def _fraction(a: np.ndarray, b: np.ndarray, level: float) -> np.ndarray:
    """Where between a (0) and b (1) the level lies; 0.5 where a == b (never used there)
    or where an overflowed value (±inf, NaN) leaves no place to compute."""
    with np.errstate(over="ignore", invalid="ignore"):
        diff = b - a
        safe = np.where(diff == 0, 1.0, diff)
        fraction = np.where(diff == 0, 0.5, (level - a) / safe)
    return np.clip(np.where(np.isfinite(fraction), fraction, 0.5), 0.0, 1.0)
