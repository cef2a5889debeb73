"""The activation kernels: k(z, p) -> y or y′ for a float array z and the parameters p.

Pure numpy: they broadcast per-column parameter arrays against z of shape (batch, k), keep
float32 as float32, and raise no numpy warnings for any finite z (even under
``np.errstate(all="raise")``, unless z or a parameter is itself nearly subnormal):
exponentials are cut to exact zeros before they could overflow or underflow. The registry
(:mod:`neurosim.core.activations`) names them.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from neurosim.core.special import normal_cdf, normal_pdf

# The parameters as a kernel gets them: Python numbers, or arrays cast to z's dtype.
KernelParams = dict[str, "float | np.ndarray"]
Kernel = Callable[[np.ndarray, KernelParams], np.ndarray]
# k(z, p) writing y over z (a float array): the same numbers as its Kernel, no copies
InPlaceKernel = Callable[[np.ndarray, KernelParams], None]


# --- numerically stable pieces ----------------------------------------------------------


def _cap(z: np.ndarray) -> float:
    # Largest a for which exp(-a), times a modest factor, is still a normal float.
    return 70.0 if z.dtype == np.float32 else 600.0


def _decay(a: np.ndarray, cap: float) -> np.ndarray:
    """exp(-a) for a >= 0, exactly 0 beyond cap (instead of underflowing)."""
    # Multiplying by the mask is branch-free; np.where on a random mask is ~5x slower.
    return np.exp(-np.minimum(a, cap)) * (a <= cap)


def _exp_neg_abs(z: np.ndarray) -> np.ndarray:
    """_decay(|z|) in a new array: e^−|z|, exactly 0 where |z| passes the cap."""
    cap = _cap(z)
    e = np.abs(z, out=np.empty_like(z))
    big = e > cap  # rare: exactly 0 there instead of an underflowing exp
    np.minimum(e, cap, out=e)
    np.exp(np.negative(e, out=e), out=e)
    if big.any():
        e *= ~big
    return e


def sigmoid_in_place(z: np.ndarray, p: KernelParams | None = None) -> None:
    """σ(z) written over z (a float array): as :func:`sigmoid`, without temporaries."""
    # σ(z) = e^min(z,0) / (1 + e^−|z|), and the numerator is e^−|z| where z < 0, else 1:
    # one exponential serves both. e ≤ 1, so max(e, 1) = 1 and max(e, 0) = e picks it
    # branch-free (np.where or a masked copy run 20x slower on random signs); NaN stays.
    e = _exp_neg_abs(z)
    np.greater_equal(z, 0.0, out=z, casting="unsafe")  # 1.0 where z >= 0, else 0.0
    np.maximum(z, e, out=z)
    e += 1.0
    z /= e


def sigmoid(z: np.ndarray, p: KernelParams | None = None) -> np.ndarray:
    # No exponent is ever positive: both tails stay exact (see sigmoid_in_place).
    y = np.array(z, dtype=np.result_type(z, 1.0))  # a copy; float32 stays float32
    sigmoid_in_place(y)
    return y[()]  # a 0-d input gives a scalar, as numpy's own functions do


def _logistic(z: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(σ(z), σ(−z)), each accurate in its own tail (1 − σ(z) would not be)."""
    cap = _cap(z)
    r = 1.0 / (1.0 + _decay(np.abs(z), cap))
    return _decay(np.maximum(-z, 0.0), cap) * r, _decay(np.maximum(z, 0.0), cap) * r


# --- kernels: k(z, p) with z a float array and p the parameters cast to z's dtype --------


def relu_in_place(z: np.ndarray, p: KernelParams) -> None:
    np.maximum(z, 0.0, out=z)


def tanh_in_place(z: np.ndarray, p: KernelParams) -> None:
    np.tanh(z, out=z)


def linear_in_place(z: np.ndarray, p: KernelParams) -> None:
    np.multiply(p["slope"], z, out=z)


def step(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return (z >= p["threshold"]).astype(z.dtype)


def step_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return np.zeros(np.broadcast_shapes(z.shape, np.shape(p["threshold"])), z.dtype)


def linear(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return p["slope"] * z


def linear_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return np.full(np.broadcast_shapes(z.shape, np.shape(p["slope"])), p["slope"], z.dtype)


def sigmoid_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    s, t = _logistic(z)
    return s * t


def tanh_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    # 1 − tanh² loses all digits in the tails; 4·e/(1+e)² with e = exp(−2|z|) does not.
    cap = _cap(z)
    e = _decay(2.0 * np.minimum(np.abs(z), cap), cap)
    r = 1.0 / (1.0 + e)
    return 4.0 * e * r * r


def relu_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return (z > 0).astype(z.dtype)  # left derivative at 0, as PyTorch


def leaky(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return np.maximum(z, p["alpha"] * z)  # equals "z if z > 0 else α·z" because 0 <= α <= 1


def leaky_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    pos = (z > 0).astype(z.dtype)
    return pos + p["alpha"] * (1.0 - pos)  # exactly 1 or α


def elu(z: np.ndarray, p: KernelParams) -> np.ndarray:
    # expm1 keeps digits near 0; below −40, eᶻ − 1 is −1 to double precision anyway.
    return np.maximum(z, 0.0) + p["alpha"] * np.expm1(np.clip(z, -40.0, 0.0))


def elu_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    pos = (z > 0).astype(z.dtype)
    ez = _decay(np.maximum(-z, 0.0), _cap(z))  # e^z for z <= 0
    return pos + p["alpha"] * (ez * (1.0 - pos))


def softplus(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return np.maximum(z, 0.0) + np.log1p(_decay(np.abs(z), _cap(z)))


def gelu(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return z * normal_cdf(z)


def gelu_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return normal_cdf(z) + z * normal_pdf(z)


def silu(z: np.ndarray, p: KernelParams) -> np.ndarray:
    return z * sigmoid(z)


def silu_d(z: np.ndarray, p: KernelParams) -> np.ndarray:
    s, t = _logistic(z)
    return s * (1.0 + z * t)  # σ + z·σ·(1 − σ), with 1 − σ taken as σ(−z)
