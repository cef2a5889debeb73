"""The engine's path for big batches (decision surfaces, grids): neuron-major, whole levels.

The row path (``Engine._run``) multiplies each level by every column from its first source
on. In a network with skip connections (a random DAG) that prefix is mostly columns the
level never reads: for 500 neurons and 5,000 synapses it is ten times the work, and
slicing columns out of a (batch, neurons) array copies them strided. Here the batch is held
neuron-major — one contiguous row per neuron — so a level reads its sources as rows: the
whole prefix as a view where the level uses most of it, else only the rows it uses, gathered
(with the weights of just those rows). With numba (:mod:`neurosim.core.jit`), the sparse
levels sum their synapses alone in a compiled loop (:mod:`neurosim.core.sparse_kernel`)
instead of a product that is mostly zeros. A level's net input is written straight into its
own rows and its activations applied there in place (``Activation.f_into``), contiguous,
with parameters per row: each level costs a few calls for the whole batch, whatever its
size (a random DAG has dozens of thin levels). The numbers are the row path's up to the
rounding of the sums.
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
#: batch columns per block of the compiled kernel: a target's block (4 KB in float32) stays
#: in L1 while its synapses add to it
BLOCK = 1024
#: batch columns per piece of a gathered level (the numpy path's): its sources' copy stays
#: in cache for the product
GATHER_CHUNK = 8192
#: gather the used source rows when they are at most this share of the level's prefix
GATHER_BELOW = 0.5
#: with the compiled kernel, sum the synapses alone when they are at most this share of the
#: level's dense product (a synapse's pass over the batch costs a few dense multiply-adds)
SPARSE_BELOW = 0.25


@dataclass
class Plan:
    """One level's sources: rows [lo, hi) of the neuron-major array, or ``rows`` gathered
    (then also as synapse lists for the compiled kernel: ``src``, ``ptr``, ``w``), and its
    activation groups with their parameters as columns (one value per neuron row)."""

    lo: int
    hi: int
    rows: np.ndarray | None  # absolute source rows to gather; None: the slice lo:hi
    weights_t: np.ndarray  # (level width, sources)
    bias: np.ndarray  # (level width, 1)
    groups: list[tuple[Any, int, int, dict[str, np.ndarray]]]  # (activation, lo, hi, params)
    src: np.ndarray | None = None  # (synapses,) absolute source row of each, target-major
    ptr: np.ndarray | None = None  # (level width + 1,) target t's synapses: ptr[t]:ptr[t+1]
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
        # views of the compiled parameters: an edit patches them in place and is seen here
        groups = [
            (g.activation, g.lo, g.hi, {k: v[:, None] for k, v in g.params.items()})
            for g in level.groups
        ]
        if not (span and len(rows) <= GATHER_BELOW * span) and not (sparse and sparse_pays(level)):
            weights = np.ascontiguousarray(level.weights.T, dtype=dtype)
            plans.append(Plan(level.src_lo, level.start, None, weights, bias, groups))
            continue
        weights = np.ascontiguousarray(level.weights[rows].T, dtype=dtype)
        absolute = rows + level.src_lo
        plan = Plan(level.src_lo, level.start, absolute, weights, bias, groups)
        if sparse and sparse_pays(level):
            dst, src = np.nonzero(weights)  # target-major: each target's terms together
            plan.src, plan.w = absolute[src], np.ascontiguousarray(weights[dst, src])
            plan.ptr = np.searchsorted(dst, np.arange(len(weights) + 1)).astype(np.intp)
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
    for level, plan in zip(levels, plans, strict=True):
        z = out[level.start : level.stop]  # the level's own rows: z, then y over it
        if plan.src is not None:
            assert kernel is not None  # planned only where the kernel is
            kernel(out, level.start, plan.ptr, plan.src, plan.w, plan.bias[:, 0], BLOCK)
        elif plan.rows is None:
            np.matmul(plan.weights_t, out[plan.lo : plan.hi], out=z)
            z += plan.bias
        else:  # gathered in pieces: a piece's copy of the sources stays in cache
            for lo in range(0, batch, GATHER_CHUNK):
                hi = min(batch, lo + GATHER_CHUNK)
                z[:, lo:hi] = plan.weights_t @ out[plan.rows, lo:hi]
            z += plan.bias
        for activation, lo, hi, params in plan.groups:
            activation.f_into(z[lo:hi], params)
    return out.T
