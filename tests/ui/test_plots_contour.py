"""Marching squares: segments lie on the level line, saddles resolve, flat fields give none."""

from __future__ import annotations

import numpy as np
import pytest

from neurosim.ui.plots.contour import contour_segments


def test_circle() -> None:
    xs, ys = np.linspace(-2, 2, 101), np.linspace(-2, 2, 81)
    gx, gy = np.meshgrid(xs, ys)
    x, y = contour_segments(gx**2 + gy**2, xs, ys, 1.0)
    assert len(x) % 2 == 0 and len(x) > 100
    np.testing.assert_allclose(np.hypot(x, y), 1.0, atol=2e-3)
    # Every cell the circle passes through gives a segment: the pieces add up to 2π.
    length = np.hypot(np.diff(x)[::2], np.diff(y)[::2]).sum()
    assert length == pytest.approx(2 * np.pi, rel=2e-3)


def test_straight_line_is_exact() -> None:
    xs, ys = np.linspace(0, 1, 11), np.linspace(0, 1, 7)
    gx, gy = np.meshgrid(xs, ys)
    x, y = contour_segments(3 * gx - 2 * gy, xs, ys, 0.5)
    np.testing.assert_allclose(3 * x - 2 * y, 0.5, atol=1e-12)


def test_saddle_is_split_by_the_centre_value() -> None:
    v = np.array([[1.0, 0.0], [0.0, 1.0]])
    x, y = contour_segments(v, [0, 1], [0, 1], 0.5)  # centre 0.5 counts as above
    assert list(zip(x, y, strict=True)) == [(0.5, 0.0), (1.0, 0.5), (0.5, 1.0), (0.0, 0.5)]
    x, y = contour_segments(v, [0, 1], [0, 1], 0.6)  # centre below: the other pairing
    assert list(zip(x, y, strict=True)) == [
        pytest.approx((0.0, 0.4)),
        pytest.approx((0.4, 0.0)),
        pytest.approx((1.0, 0.6)),
        pytest.approx((0.6, 1.0)),
    ]


def test_no_line_in_a_flat_or_one_sided_field() -> None:
    for field in (np.zeros((5, 5)), np.ones((5, 5)) * 3):
        x, y = contour_segments(field, np.arange(5), np.arange(5), 1.0)
        assert x.size == 0 and y.size == 0
