"""What "fired", "active" and "silent" mean: one definition that every view reads.

- **fired**: the activation's firing rule (:class:`~neurosim.core.activations.FiringRule`):
  z > 0, or z ≥ θ for step. The canvas's ring and the raster's solid marks.
- **active**: the output is not 0 (|y| ≥ ``SILENT_EPS``); **silent** is its opposite. This is
  what the sparsity lessons count ("active (output not 0)", 06a and 06b).

For ReLU and step the two agree: the output is exactly 0 whenever the neuron does not fire.
For tanh, sigmoid and the smooth ReLUs the output is almost never exactly 0, so a neuron is
active without having fired (a dense code): the displays then show both, and say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

import numpy as np

from neurosim.core.activations import SILENT_EPS, get_activation

#: z values below the firing threshold (offsets from θ) where "active, not fired" is looked for
_BELOW = np.array([-1e3, -10.0, -3.0, -1.0, -0.3, -1e-3])


def silent(y: np.ndarray) -> np.ndarray:
    """Bool array: the output is 0 (|y| < SILENT_EPS)."""
    return np.abs(y) < SILENT_EPS


def active(y: np.ndarray) -> np.ndarray:
    """Bool array: the output is not 0, whether or not the neuron fired."""
    return ~silent(y)


def share(flags: np.ndarray, columns: np.ndarray) -> np.ndarray | None:
    """Fraction of ``columns`` set in each row of ``flags`` (batch,); None without columns.

    Counted, so 1 − share is exact: 3 of 4 gives 0.75, not 0.7500000001."""
    if not columns.size:
        return None
    return flags[:, columns].sum(axis=1) / columns.size


@cache
def active_without_firing(name: str) -> bool:
    """Whether a neuron with this activation (default parameters) can give a non-zero
    output without firing: False for ReLU and step, True for tanh, sigmoid, leaky ReLU…"""
    act = get_activation(name)
    theta = float(act.firing_threshold())
    z = theta + _BELOW
    return bool(np.any(active(act.f(z)) & ~act.fired(z)))


def any_active_without_firing(names: Iterable[str]) -> bool:
    """True when one of these activations can be active without firing (see above)."""
    return any(active_without_firing(n) for n in set(names))
