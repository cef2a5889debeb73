"""A level's net input from its synapses alone, compiled by numba (:mod:`neurosim.core.jit`).

For a network with skip connections (a random DAG) a level reads a few of many earlier
neurons, and a dense product over them is mostly multiplications by zero. This sums only
the synapses: z[t] = b[t] + Σ w·y[s] over the level's synapses, each term a pass over a
contiguous run of the batch (which the compiler vectorises). Import this module only where
numba is wanted: importing it compiles (or loads the cached compilation).
"""

from __future__ import annotations

import numpy as np

from neurosim.core.jit import njit


@njit
def level_net_input(
    y: np.ndarray,
    lo: int,
    hi: int,
    src: np.ndarray,
    dst: np.ndarray,
    w: np.ndarray,
    bias: np.ndarray,
    z: np.ndarray,
) -> None:  # pragma: no cover - compiled; tests run it through Engine.forward
    """z[t, :] = bias[t] + Σ_k w[k]·y[src[k], lo:hi] over the k with dst[k] == t.

    ``y`` is the neuron-major (neurons, batch) array, ``lo:hi`` the chunk of the batch,
    ``z`` a (level width, hi - lo) array."""
    n = hi - lo
    for t in range(z.shape[0]):
        z[t, :] = bias[t]
    for k in range(src.shape[0]):
        # one-dimensional rows: the compiler sees two contiguous runs and vectorises the
        # loop (indexing the 2-D arrays inside it ran 1.5-2x slower)
        zr = z[dst[k]]
        yr = y[src[k], lo:hi]
        wk = w[k]
        for c in range(n):
            zr[c] += wk * yr[c]


def warm_up() -> None:
    """Compile the kernel for both dtypes the engine runs (or load it from numba's disk
    cache), so the first big sparse grid in the window does not wait for the compiler."""
    for dtype in (np.float32, np.float64):
        y = np.arange(8, dtype=dtype).reshape(2, 4)
        z = np.empty((1, 4), dtype=dtype)
        rows = np.array([1], dtype=np.intp)
        level_net_input(
            y, 0, 4, rows, np.zeros(1, np.intp), np.full(1, 2, dtype), np.ones(1, dtype), z
        )
