"""The engine's path for big batches (decision surfaces, grids): neuron-major, in chunks.

The row path (``Engine._run``) multiplies each level by every column from its first source
on. In a network with skip connections (a random DAG) that prefix is mostly columns the
level never reads: for 500 neurons and 5,000 synapses it is ten times the work, and
slicing columns out of a (batch, neurons) array copies them strided. Here the batch is held
neuron-major — one contiguous row per neuron — so a level reads its sources as rows: the
whole prefix as a view where the level uses most of it, else only the rows it uses, gathered
(with the weights of just those rows). Chunks of the batch keep a level's rows in cache.
With numba (:mod:`neurosim.core.jit`), the gathered levels sum their synapses alone in a
compiled loop (:mod:`neurosim.core.sparse_kernel`) instead of a product that is mostly
zeros. The numbers are the row path's up to the rounding of the sums.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np

from neurosim.core import jit


class Level(Protocol):
    """What this module reads of a compiled level (``engine.Level``)."""

    start: int
    stop: int
    src_lo: int
    weights: np.ndarray
    bias: np.ndarray
    groups: list[Any]
    used: np.ndarray


#: batches from this many rows take this path (below it the row path's fewer calls win)
MIN_BATCH = 2048
#: rows of the batch per chunk: a level's sources (a few dozen rows of this) stay in cache
CHUNK = 8192
#: gather the used source rows when they are at most this share of the level's prefix
GATHER_BELOW = 0.5
#: with the compiled kernel, sum the synapses alone when they are at most this share of the
#: level's dense product (a synapse's pass over the batch costs a few dense multiply-adds)
SPARSE_BELOW = 0.25


@dataclass
class Plan:
    """One level's sources: rows [lo, hi) of the neuron-major array, or ``rows`` gathered
    (then also as synapse lists for the compiled kernel: ``src``, ``dst``, ``w``)."""

    lo: int
    hi: int
    rows: np.ndarray | None  # absolute source rows to gather; None: the slice lo:hi
    weights_t: np.ndarray  # (level width, sources)
    bias: np.ndarray  # (level width, 1)
    src: np.ndarray | None = None  # (synapses,) absolute source row of each
    dst: np.ndarray | None = None  # (synapses,) target offset in the level
    w: np.ndarray | None = None  # (synapses,)


def sparse_kernel() -> Callable[..., None] | None:
    """The compiled synapse-sum kernel, or None without numba (gather + product then)."""
    if jit.reason() is not None:
        return None
    from neurosim.core.sparse_kernel import level_net_input

    return level_net_input


def sparse_pays(level: Level) -> bool:
    """The level's synapses are few beside its dense product (the compiled kernel pays)."""
    size = level.weights.size
    return size > 0 and int(np.count_nonzero(level.weights)) <= SPARSE_BELOW * size


def plan_levels(levels: Sequence[Level], dtype: np.dtype, sparse: bool) -> list[Plan]:
    """A plan per compiled level; ``sparse``: the compiled kernel is there to sum synapses."""
    plans = []
    for level in levels:
        span, rows = level.start - level.src_lo, level.used
        bias = level.bias.astype(dtype)[:, None]
        if not (span and len(rows) <= GATHER_BELOW * span) and not (sparse and sparse_pays(level)):
            weights = np.ascontiguousarray(level.weights.T, dtype=dtype)
            plans.append(Plan(level.src_lo, level.start, None, weights, bias))
            continue
        weights = np.ascontiguousarray(level.weights[rows].T, dtype=dtype)
        absolute = rows + level.src_lo
        plan = Plan(level.src_lo, level.start, absolute, weights, bias)
        if sparse and sparse_pays(level):
            dst, src = np.nonzero(weights)  # target-major: each target's terms together
            plan.src, plan.dst = absolute[src], dst.astype(np.intp)
            plan.w = np.ascontiguousarray(weights[dst, src])
        plans.append(plan)
    return plans


def run_columns(
    levels: Sequence[Level],
    plans: list[Plan],
    x: np.ndarray,
    n: int,
    kernel: Callable[..., None] | None = None,
) -> np.ndarray:
    """y of every column for the input rows ``x`` (batch, inputs): a (batch, n) array
    (a transposed view of the neuron-major result, so not C-contiguous). ``kernel``
    (:func:`sparse_kernel`) runs the levels planned with synapse lists."""
    batch, n_in = x.shape
    out = np.empty((n, batch), dtype=x.dtype)
    out[:n_in] = x.T
    for lo in range(0, batch, CHUNK):
        hi = min(batch, lo + CHUNK)
        y = out[:, lo:hi]  # (n, chunk): each neuron's row a contiguous run
        for level, plan in zip(levels, plans, strict=True):
            if plan.rows is None:
                z = plan.weights_t @ y[plan.lo : plan.hi]  # (width, chunk)
                z += plan.bias
            elif plan.src is not None:
                assert kernel is not None  # planned only where the kernel is
                z = np.empty((level.stop - level.start, hi - lo), dtype=x.dtype)
                kernel(out, lo, hi, plan.src, plan.dst, plan.w, plan.bias[:, 0], z)
            else:
                z = plan.weights_t @ y[plan.rows]
                z += plan.bias
            zt = z.T  # (chunk, width): the activations' layout (parameters per column)
            start = level.start
            for g in level.groups:
                y[start + g.lo : start + g.hi] = g.activation.f(zt[:, g.lo : g.hi], g.params).T
    return out.T
