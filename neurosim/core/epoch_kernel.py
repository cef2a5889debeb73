"""Mini-batch training as one compiled loop: many SGD / momentum / Adam steps in one call.

The numpy trainer spends ~25 numpy calls on every mini-batch, and at batch 10 their call
overhead, not the arithmetic, is the cost. :func:`run_batches` does the same passes and
updates as plain loops compiled by numba (:mod:`neurosim.core.jit`; without numba this
module still imports, as slow plain Python). It follows the numpy trainer operation by
operation — the passes of :mod:`neurosim.core.backprop`, the losses' gradients, the
optimizers' updates — so both give the same parameters up to the rounding of the sums in
a matrix product (~1e-16 a step).

Batch-major, as :class:`~neurosim.core.backprop.Workspace`: ``y``/``dy`` (and ``sent``, the
dL/dy one level sends back) hold one row per neuron plus the ones rows, ``z``/``dz`` one row
per non-input neuron, one column per sample of the batch (only the first ``size`` columns
are used). ``plan`` has one row per level (columns ``LO`` … ``SEND``), ``act`` and ``ap``
the activation code and parameter of every non-input neuron, ``out_k`` its output number
(−1 for none). Sums run over contiguous memory: a level's net input over the batch row by
row, each weight's gradient as one dot product over the batch.
"""

from __future__ import annotations

import math

import numpy as np

from neurosim.core.jit import njit

# Activation codes (``act``); ``ap`` carries slope (linear), alpha (leaky_relu, elu) or
# threshold (step).
CODES = {
    "tanh": 0,
    "sigmoid": 1,
    "relu": 2,
    "linear": 3,
    "step": 4,
    "leaky_relu": 5,
    "elu": 6,
    "softplus": 7,
    "gelu": 8,
    "silu": 9,
}
PARAM = {"linear": "slope", "step": "threshold", "leaky_relu": "alpha", "elu": "alpha"}
# plan columns
LO, HI, ROW0, N, ZROW0, BLOCK, CONNECTED, SEND = range(8)
OPTIMIZERS = {"sgd": 0, "momentum": 1, "adam": 2}
LOSSES = {"mse": 0, "bce": 1}
# status
OK, BAD_GRADIENT, BAD_OUTPUT = 0, 1, 2

_CAP = 600.0  # as activation_kernels._cap for float64
_XSMALL, _XBIG = 1.11e-16, 26.0  # as special._XSMALL / _XBIG for float64
_INV_SQRT2 = 0.70710678118654752440
_INV_SQRT_2PI = 0.39894228040143267794
_BCE_EPS = 1e-12  # losses.BCE_EPS
_GRAD_LIMIT = 1e150  # optimizers.GRAD_LIMIT


@njit
def _decay(a: float) -> float:
    """exp(−a) for a ≥ 0, exactly 0 beyond the cap (activation_kernels._decay)."""
    return math.exp(-min(a, _CAP)) * (1.0 if a <= _CAP else 0.0)


@njit
def _phi_cdf(z: float) -> float:
    q = 0.0
    u = abs(z) * _INV_SQRT2
    if u < _XBIG:
        q = math.erfc(u)
    return 0.5 * q if z < 0.0 else 1.0 - 0.5 * q


@njit
def _phi_pdf(z: float) -> float:
    u = abs(z) * _INV_SQRT2
    if u >= _XBIG:
        return 0.0
    uc = max(u, _XSMALL)
    return math.exp(-uc * uc) * _INV_SQRT_2PI


@njit
def _tanh(z: float) -> float:
    """tanh z to within ~2e-16 (absolute), twice as fast as the C library's: sign(z)·(1 − e)
    / (1 + e) with e = exp(−2|z|), a series below 1e-3 where that would lose relative
    precision. Training feeds y forward and multiplies it into gradients, so only the
    absolute error matters."""
    a = abs(z)
    if a < 1e-3:
        z2 = z * z
        return z - z * z2 * (1.0 / 3.0 - z2 * (2.0 / 15.0))
    e = math.exp(-2.0 * a)
    t = (1.0 - e) / (1.0 + e)
    return t if z >= 0.0 else -t


@njit
def _activate(code: int, p: float, z: float) -> float:
    """f(z), as the numpy pass computes it."""
    if code == 0:
        return _tanh(z)
    if code == 1:  # ½ + ½·tanh(z/2)
        return _tanh(z * 0.5) * 0.5 + 0.5
    if code == 2:
        return z if not z < 0.0 else 0.0  # NaN stays NaN, as np.maximum
    if code == 3:
        return z * p
    if code == 4:
        return 1.0 if z >= p else 0.0
    if code == 5:
        return z if not z < p * z else p * z
    if code == 6:
        return max(z, 0.0) + p * math.expm1(min(max(z, -40.0), 0.0))
    if code == 7:
        return max(z, 0.0) + math.log1p(_decay(abs(z)))
    if code == 8:
        return z * _phi_cdf(z)
    return z * (_decay(max(-z, 0.0)) / (1.0 + _decay(abs(z))))  # silu


@njit
def _dz(code: int, p: float, z: float, y: float, d: float) -> float:
    """dL/dz from dL/dy = ``d``, in the numpy pass's operation order."""
    if code == 0:  # dy − (dy·y)·y
        return d - d * y * y
    if code == 1:  # dy·y − (dy·y)·y
        t = d * y
        return t - t * y
    if code == 2:  # dy·sign(y), y ≥ 0
        return d * (1.0 if y > 0.0 else (0.0 if y == 0.0 else y))
    if code == 3:
        return d * p
    if code == 4:  # step′ = 0
        return 0.0
    pos = 1.0 if z > 0.0 else 0.0
    if code == 5:
        return d * (pos + p * (1.0 - pos))
    if code == 6:
        return d * (pos + p * (_decay(max(-z, 0.0)) * (1.0 - pos)))
    if code == 7:
        return d * (_decay(max(-z, 0.0)) / (1.0 + _decay(abs(z))))
    if code == 8:
        return d * (_phi_cdf(z) + z * _phi_pdf(z))
    r = 1.0 / (1.0 + _decay(abs(z)))  # silu: σ + z·σ·σ(−z)
    return d * (_decay(max(-z, 0.0)) * r * (1.0 + z * (_decay(max(z, 0.0)) * r)))


@njit
def _forward(
    params: np.ndarray,
    y: np.ndarray,
    z: np.ndarray,
    plan: np.ndarray,
    act: np.ndarray,
    ap: np.ndarray,
    b: int,
) -> None:
    """z = W·y[lo:hi] and y = f(z), level after level (the bias is the ones row's weight)."""
    for li in range(plan.shape[0]):
        lo, width, row0 = plan[li, LO], plan[li, HI] - plan[li, LO], plan[li, ROW0]
        zrow0, block = plan[li, ZROW0], plan[li, BLOCK]
        for j in range(plan[li, N]):
            base, zr = block + j * width, zrow0 + j
            for s in range(b):
                z[zr, s] = 0.0
            for k in range(width):
                w = params[base + k]
                for s in range(b):
                    z[zr, s] += w * y[lo + k, s]
            code, p = act[zr], ap[zr]
            for s in range(b):
                y[row0 + j, s] = _activate(code, p, z[zr, s])


@njit
def _backward(
    params: np.ndarray,
    grad: np.ndarray,
    y: np.ndarray,
    z: np.ndarray,
    dy: np.ndarray,
    dz: np.ndarray,
    sent: np.ndarray,
    g: np.ndarray,
    plan: np.ndarray,
    act: np.ndarray,
    ap: np.ndarray,
    out_k: np.ndarray,
    first_hidden: int,
    b: int,
) -> None:
    """Levels last to first: dL/dz = dL/dy·f′, the weight gradient dz·y[lo:hi]ᵀ, then dL/dy
    sent back (Wᵀ·dz, summed in ``sent`` before it is added, as the numpy pass does)."""
    for r in range(first_hidden, dy.shape[0]):
        for s in range(b):
            dy[r, s] = 0.0
    for li in range(plan.shape[0] - 1, -1, -1):
        if not plan[li, CONNECTED]:
            continue  # nothing here reaches an output: its gradient stays 0
        lo, width, row0, n = plan[li, LO], plan[li, HI] - plan[li, LO], plan[li, ROW0], plan[li, N]
        zrow0, block, first = plan[li, ZROW0], plan[li, BLOCK], plan[li, SEND]
        for j in range(n):
            zr, r, k = zrow0 + j, row0 + j, out_k[zrow0 + j]
            if k >= 0:  # an output: the loss gradient adds to what later levels sent
                for s in range(b):
                    dy[r, s] += g[k, s]
            code, p = act[zr], ap[zr]
            for s in range(b):
                dz[zr, s] = _dz(code, p, z[zr, s], y[r, s], dy[r, s])
        for j in range(n):
            base, zr = block + j * width, zrow0 + j
            for k in range(width):
                acc = 0.0
                for s in range(b):
                    acc += dz[zr, s] * y[lo + k, s]
                grad[base + k] = acc
        for r in range(first, lo + width):
            for s in range(b):
                sent[r, s] = 0.0
        for j in range(n):
            base, zr = block + j * width - lo, zrow0 + j
            for r in range(first, lo + width):
                w = params[base + r]
                for s in range(b):
                    sent[r, s] += w * dz[zr, s]
        for r in range(first, lo + width):
            for s in range(b):
                dy[r, s] += sent[r, s]


@njit
def _loss_gradient(
    y: np.ndarray, ts: np.ndarray, g: np.ndarray, out_rows: np.ndarray, loss: int, at: int, b: int
) -> bool:
    """dL/dy of the outputs into ``g`` (losses.loss_and_grad); False at a bce output that is
    not a finite number."""
    scale = (2.0 if loss == 0 else 1.0) / (b * out_rows.size)
    for k in range(out_rows.size):
        for s in range(b):
            yv, tv = y[out_rows[k], s], ts[k, at + s]
            if loss == 0:
                g[k, s] = (yv - tv) * scale
            else:
                if not math.isfinite(yv):
                    return False
                yc = min(max(yv, _BCE_EPS), 1.0 - _BCE_EPS)
                g[k, s] = (yc - tv) / (yc * (1.0 - yc)) * scale
    return True


@njit
def _update(
    params: np.ndarray,
    grad: np.ndarray,
    opt: int,
    hyper: np.ndarray,
    mask: np.ndarray,
    lr_mask: np.ndarray,
    m: np.ndarray,
    v: np.ndarray,
    t: int,
) -> bool:
    """One optimizer step (optimizers.SGD, Momentum, Adam); False, with ``params``
    untouched, when a trainable gradient is not finite or beyond ±GRAD_LIMIT."""
    if opt == 0:  # the trainer's masked SGD, divergence checked once per call
        for i in range(params.size):
            params[i] -= grad[i] * lr_mask[i]
        return True
    for i in range(params.size):
        if mask[i] and not (-_GRAD_LIMIT < grad[i] < _GRAD_LIMIT):
            return False
    lr = hyper[0]
    if opt == 1:
        mu = hyper[1]
        for i in range(params.size):
            gi = grad[i] if mask[i] else 0.0
            m[i] = m[i] * mu - gi * lr  # m is the velocity
            if mask[i]:
                params[i] += m[i]
        return True
    b1, b2, eps = hyper[2], hyper[3], hyper[4]
    c2 = 1.0 / math.sqrt(1.0 - b2 ** float(t))
    c1 = lr / (1.0 - b1 ** float(t))
    for i in range(params.size):
        gi = grad[i] if mask[i] else 0.0
        m[i] = m[i] * b1 + gi * (1.0 - b1)
        v[i] = v[i] * b2 + gi * gi * (1.0 - b2)
        if mask[i]:
            params[i] -= m[i] / (math.sqrt(v[i]) * c2 + eps) * c1
    return True


@njit
def run_batches(
    params: np.ndarray,
    grad: np.ndarray,
    y: np.ndarray,
    z: np.ndarray,
    dy: np.ndarray,
    dz: np.ndarray,
    sent: np.ndarray,
    g: np.ndarray,
    xs: np.ndarray,
    ts: np.ndarray,
    plan: np.ndarray,
    act: np.ndarray,
    ap: np.ndarray,
    out_k: np.ndarray,
    out_rows: np.ndarray,
    opt: int,
    loss: int,
    hyper: np.ndarray,
    mask: np.ndarray,
    lr_mask: np.ndarray,
    m: np.ndarray,
    v: np.ndarray,
    t: int,
    start: int,
    stop: int,
    size: int,
) -> tuple[int, int, int]:
    """One step per batch of ``size`` columns of ``xs``/``ts`` from ``start`` to ``stop``.

    Returns (status, column, Adam's step count): the column where it stopped, or the first
    of the batch refused for a bad gradient or output (its outputs are then in ``y``)."""
    n_in = xs.shape[0]
    for at in range(start, stop, size):
        for r in range(n_in):
            for s in range(size):
                y[r, s] = xs[r, at + s]
        _forward(params, y, z, plan, act, ap, size)
        if not _loss_gradient(y, ts, g, out_rows, loss, at, size):
            return BAD_OUTPUT, at, t
        _backward(params, grad, y, z, dy, dz, sent, g, plan, act, ap, out_k, n_in + 1, size)
        if not _update(params, grad, opt, hyper, mask, lr_mask, m, v, t + 1):
            return BAD_GRADIENT, at, t
        if opt == 2:
            t += 1
    return OK, stop, t
