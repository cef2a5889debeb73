"""erf/erfc/Φ/φ in neurosim.core.special against the standard library."""

import math

import numpy as np
import pytest

from neurosim.core.special import erf, erfc, normal_cdf, normal_pdf


def _points() -> np.ndarray:
    rng = np.random.default_rng(1234)
    tiny = np.logspace(-300, 1.5, 4000)
    edges = [0.46875, 4.0, 26.0]  # Cody's range boundaries and the cut-off
    near = [np.nextafter(e, d) for e in edges for d in (0.0, 100.0)] + edges
    return np.concatenate(
        [
            np.linspace(-30.0, 30.0, 60001),
            rng.normal(0.0, 3.0, 20000),
            tiny,
            -tiny,
            near,
            np.negative(near),
            [0.0],
        ]
    )


def _rel_err(got: np.ndarray, want: np.ndarray) -> np.ndarray:
    return np.abs(got - want) / np.maximum(np.abs(want), np.finfo(float).tiny)


def test_erf_matches_math_erf_to_1e14_relative() -> None:
    x = _points()
    with np.errstate(all="raise"):
        got = erf(x)
    want = np.array([math.erf(v) for v in x])
    assert _rel_err(got, want).max() < 1e-14


def test_erfc_matches_math_erfc_until_the_cut_off() -> None:
    x = _points()
    with np.errstate(all="raise"):
        got = erfc(x)
    want = np.array([math.erfc(v) for v in x])
    kept = x < 26.0  # beyond, erfc < 1.2e-295 and is returned as exactly 0
    assert _rel_err(got[kept], want[kept]).max() < 1e-14
    assert np.all(got[~kept] == 0.0)
    assert np.all(want[~kept] < 1.2e-295)


def test_erf_keeps_shape_sign_and_nan() -> None:
    x = np.array([[-0.3, 0.3], [-5.0, np.nan]])
    got = erf(x)
    assert got.shape == (2, 2)
    assert got[0, 0] == -got[0, 1]
    assert got[1, 0] == pytest.approx(math.erf(-5.0), rel=1e-15)
    assert np.isnan(got[1, 1])
    assert erf(0.5).shape == ()
    assert float(erf(0.5)) == pytest.approx(math.erf(0.5), rel=1e-15)


@pytest.mark.parametrize("x", [1e6, -1e6, 1e300, -1e300, 26.0, -26.0, 1e-300, -1e-300])
def test_extremes_raise_no_floating_point_errors(x: float) -> None:
    a = np.array([x])
    with np.errstate(all="raise"):
        values = [erf(a), erfc(a), normal_cdf(a), normal_pdf(a)]
    assert all(np.all(np.isfinite(v)) for v in values)
    assert float(erf(a)[0]) == pytest.approx(math.erf(x), rel=1e-15)


def test_float32_stays_float32_and_accurate() -> None:
    x = np.linspace(-12.0, 12.0, 4801, dtype=np.float32)
    with np.errstate(all="raise"):
        results = {f: f(x) for f in (erf, erfc, normal_cdf, normal_pdf)}
    assert all(r.dtype == np.float32 for r in results.values())
    want = np.array([math.erf(v) for v in x.astype(float)])
    assert np.abs(results[erf] - want).max() < 1e-6
    with np.errstate(all="raise"):
        huge = erfc(np.array([-3e38, 3e38], dtype=np.float32))
    assert huge.tolist() == [2.0, 0.0]


def test_normal_cdf_and_pdf_values() -> None:
    z = np.array([-40.0, -8.0, -1.0, 0.0, 1.0, 8.0])
    want_cdf = [0.5 * math.erfc(-v / math.sqrt(2.0)) for v in z]
    assert normal_cdf(z) == pytest.approx(want_cdf, rel=1e-13, abs=0.0)
    want_pdf = [math.exp(-v * v / 2.0) / math.sqrt(2.0 * math.pi) for v in z]
    assert normal_pdf(z) == pytest.approx(want_pdf, rel=1e-13, abs=0.0)
