"""A level's net input from its synapses alone, compiled by numba (:mod:`neurosim.core.jit`).

For a network with skip connections (a random DAG) a level reads a few of many earlier
neurons, and a dense product over them is mostly multiplications by zero. This sums only
the synapses: z[t] = b[t] + Σ w·y[s] over the target's synapses, each term a pass over a
contiguous run of the batch (which the compiler vectorises). Import this module only where
numba is wanted: importing it compiles (or loads the cached compilation).
"""

from __future__ import annotations

import numpy as np

from neurosim.core.jit import njit


@njit
def level_net_input(
    y: np.ndarray,
    start: int,
    ptr: np.ndarray,
    src: np.ndarray,
    w: np.ndarray,
    bias: np.ndarray,
    block: int,
) -> None:  # pragma: no cover - compiled; tests run it through Engine.forward
    """y[start + t] = bias[t] + Σ_k w[k]·y[src[k]] over k in ptr[t]:ptr[t + 1].

    ``y`` is the neuron-major (neurons, batch) array; the level's rows are written in
    place. The batch goes in blocks of ``block`` columns: a target's row stays in L1
    while its synapses add to it, and the block's source rows are read once from memory.
    """
    batch = y.shape[1]
    for b0 in range(0, batch, block):
        b1 = min(batch, b0 + block)
        for t in range(bias.shape[0]):
            _target_block(y[start + t, b0:b1], y, b0, b1, src, w, ptr[t], ptr[t + 1], bias[t])


@njit
def _target_block(
    z: np.ndarray,
    y: np.ndarray,
    b0: int,
    b1: int,
    src: np.ndarray,
    w: np.ndarray,
    k: int,
    end: int,
    bias: float,
) -> None:  # pragma: no cover - compiled
    """z = bias + Σ w[k]·y[src[k], b0:b1] over k in [k, end), four synapses a pass: a
    quarter of the loads and stores of z (one-dimensional rows, so the loop vectorises;
    indexing the 2-D arrays inside it ran 1.5-2x slower)."""
    n = b1 - b0
    for c in range(n):
        z[c] = bias
    while k + 4 <= end:
        y0, y1, y2, y3 = (
            y[src[k], b0:b1],
            y[src[k + 1], b0:b1],
            y[src[k + 2], b0:b1],
            y[src[k + 3], b0:b1],
        )
        w0, w1, w2, w3 = w[k], w[k + 1], w[k + 2], w[k + 3]
        for c in range(n):
            z[c] += w0 * y0[c] + w1 * y1[c] + w2 * y2[c] + w3 * y3[c]
        k += 4
    while k < end:
        yk, wk = y[src[k], b0:b1], w[k]
        for c in range(n):
            z[c] += wk * yk[c]
        k += 1


def warm_up() -> None:
    """Compile the kernel for both dtypes the engine runs (or load it from numba's disk
    cache), so the first big sparse grid in the window does not wait for the compiler."""
    for dtype in (np.float32, np.float64):
        y = np.arange(12, dtype=dtype).reshape(3, 4)
        ptr, src = np.array([0, 1], np.intp), np.array([1], np.intp)
        level_net_input(y, 2, ptr, src, np.full(1, 2, dtype), np.ones(1, dtype), 2)
