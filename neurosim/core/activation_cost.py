"""What one activation evaluation costs: a small, honest measurement for "ReLU is cheap".

The time numpy takes to apply an activation to a large vector, divided by its length, the
median of several repeats: nanoseconds per value on this machine, with numpy. It is a
guide to relative cost (max(0, z) against exp and tanh), not a benchmark: another machine,
another library (a GPU, fused kernels) gives other figures. No Qt.
"""

from __future__ import annotations

import statistics
import time

import numpy as np

from neurosim.core.activations import get_activation

VALUES = 200_000  # long enough that numpy's per-call overhead is a small share
REPEATS = 7

__all__ = ["REPEATS", "VALUES", "cost_per_value_ns"]


def cost_per_value_ns(name: str, values: int = VALUES, repeats: int = REPEATS) -> float:
    """Median nanoseconds per value of ``name`` (default parameters) over ``values`` z's
    spread over −6…6, measured ``repeats`` times after one warm-up call."""
    if values < 1 or repeats < 1:
        raise ValueError(f"values and repeats must be ≥ 1, got {values} and {repeats}")
    activation = get_activation(name)
    z = np.linspace(-6.0, 6.0, values)
    with np.errstate(all="ignore"):
        activation.f(z)  # warm-up: first-call costs (allocation, caches) are not the function's
        times = []
        for _ in range(repeats):
            start = time.perf_counter_ns()
            activation.f(z)
            times.append(time.perf_counter_ns() - start)
    return max(statistics.median(times), 1) / values
