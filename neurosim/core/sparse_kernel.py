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
    for t in range(z.shape[0]):
        b = bias[t]
        for c in range(hi - lo):
            z[t, c] = b
    for k in range(src.shape[0]):
        s, t, wk = src[k], dst[k], w[k]
        for c in range(hi - lo):
            z[t, c] += wk * y[s, lo + c]
