"""The engine's path for big batches (decision surfaces, grids): neuron-major, in chunks.

The row path (``Engine._run``) multiplies each level by every column from its first source
on. In a network with skip connections (a random DAG) that prefix is mostly columns the
level never reads: for 500 neurons and 5,000 synapses it is ten times the work, and
slicing columns out of a (batch, neurons) array copies them strided. Here the batch is held
neuron-major — one contiguous row per neuron — so a level reads its sources as rows: the
whole prefix as a view where the level uses most of it, else only the rows it uses, gathered
(with the weights of just those rows). Chunks of the batch keep a level's rows in cache.
The numbers are the row path's up to rounding (the same products, summed by BLAS).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

#: batches from this many rows take this path (below it the row path's fewer calls win)
MIN_BATCH = 2048
#: rows of the batch per chunk: a level's sources (a few dozen rows of this) stay in cache
CHUNK = 8192
#: gather the used source rows when they are at most this share of the level's prefix
GATHER_BELOW = 0.5


@dataclass
class Plan:
    """One level's sources: rows [lo, hi) of the neuron-major array, or ``rows`` gathered."""

    lo: int
    hi: int
    rows: np.ndarray | None  # absolute source rows to gather; None: the slice lo:hi
    weights_t: np.ndarray  # (level width, sources)
    bias: np.ndarray  # (level width, 1)


def plan_levels(levels: list, used: list[np.ndarray], dtype: np.dtype) -> list[Plan]:
    """A plan per level (``levels``: the compiled levels, ``used``: each level's source rows
    that carry a synapse, relative to its ``src_lo``)."""
    plans = []
    for level, rows in zip(levels, used, strict=True):
        span = level.start - level.src_lo
        bias = level.bias.astype(dtype)[:, None]
        if span and len(rows) <= GATHER_BELOW * span:
            weights = np.ascontiguousarray(level.weights[rows].T, dtype=dtype)
            plans.append(Plan(level.src_lo, level.start, rows + level.src_lo, weights, bias))
        else:
            weights = np.ascontiguousarray(level.weights.T, dtype=dtype)
            plans.append(Plan(level.src_lo, level.start, None, weights, bias))
    return plans


def run_columns(levels: list, plans: list[Plan], x: np.ndarray, n: int) -> np.ndarray:
    """y of every column for the input rows ``x`` (batch, inputs): a (batch, n) array
    (a transposed view of the neuron-major result, so not C-contiguous)."""
    batch, n_in = x.shape
    out = np.empty((n, batch), dtype=x.dtype)
    out[:n_in] = x.T
    for lo in range(0, batch, CHUNK):
        y = out[:, lo : lo + CHUNK]  # (n, chunk): each neuron's row a contiguous run
        for level, plan in zip(levels, plans, strict=True):
            src = y[plan.lo : plan.hi] if plan.rows is None else y[plan.rows]
            z = plan.weights_t @ src  # (width, chunk)
            z += plan.bias
            zt = z.T  # (chunk, width): the activations' layout (parameters per column)
            start = level.start
            for g in level.groups:
                y[start + g.lo : start + g.hi] = g.activation.f(zt[:, g.lo : g.hi], g.params).T
    return out.T
