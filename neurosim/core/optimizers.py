"""Gradient-descent optimizers over one flat float64 parameter vector.

Steps run in the training loop's hot path, so they update ``params`` in place with
preallocated buffers and allocate nothing. A boolean ``trainable`` mask freezes entries:
frozen parameters never change, whatever their gradient holds. Pure numpy, no Qt.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np

from neurosim.core.numbers import finite_number

OPTIMIZER_NAMES = ("sgd", "momentum", "adam")
# Larger gradients mean training diverged; the bound also keeps Adam's g² finite.
GRAD_LIMIT = 1e150
DIVERGED = (
    "the gradient is not finite or far too large — training diverged; try a lower learning rate"
)
_EMPTY = np.zeros(0)


class Optimizer:
    """Base class: validation, the trainable mask and the masked-gradient buffer."""

    name = ""

    def __init__(self, n_params: int, lr: float, trainable: np.ndarray | None = None) -> None:
        if (
            isinstance(n_params, bool)
            or not isinstance(n_params, (int, np.integer))
            or n_params < 0
        ):
            raise ValueError(f"number of parameters must be a whole number ≥ 0, got {n_params!r}")
        self.n_params = int(n_params)
        self.lr = lr
        self._mask = np.ones(self.n_params, dtype=bool)
        self._g = np.zeros(self.n_params)  # gradient with frozen entries zeroed
        self._tmp = np.zeros(self.n_params)
        self._allocate(self.n_params)
        if trainable is not None:
            self.set_trainable(trainable)

    @property
    def lr(self) -> float:
        """Learning rate; may be changed between steps (e.g. from a slider)."""
        return self._lr

    @lr.setter
    def lr(self, value: float) -> None:
        try:
            lr = finite_number(value)
        except ValueError:
            lr = math.nan
        if not lr > 0:
            raise ValueError(f"learning rate must be a positive number, got {value!r}")
        self._lr = lr

    @property
    def trainable(self) -> np.ndarray:
        """Read-only view of the mask (True = trained)."""
        view = self._mask.view()
        view.setflags(write=False)
        return view

    def set_trainable(self, mask: Any) -> None:
        """Replace the mask. Newly frozen entries also lose their optimizer state."""
        arr = np.asarray(mask)
        if arr.dtype != bool or arr.shape != (self.n_params,):
            raise ValueError(
                f"trainable mask must be {self.n_params} booleans, "
                f"got dtype {arr.dtype} and shape {arr.shape}"
            )
        self._mask[...] = arr
        self._forget(~arr)

    def step(self, params: np.ndarray, grad: np.ndarray) -> None:
        """Move ``params`` (in place) against ``grad``.

        Raises ValueError and leaves ``params`` untouched if a trainable entry of the
        gradient is NaN, infinite or beyond ±GRAD_LIMIT: training diverged.
        """
        n = self.n_params
        if not isinstance(params, np.ndarray) or params.dtype != np.float64 or params.shape != (n,):
            raise ValueError(f"params must be a float64 array of shape ({n},)")
        if np.shape(grad) != (n,):
            raise ValueError(f"gradient must have shape ({n},), got {np.shape(grad)}")
        g = self._g
        g.fill(0.0)
        np.copyto(g, grad, where=self._mask)
        # Two reductions check every entry without allocating; NaN fails both comparisons.
        if n and not (-GRAD_LIMIT < g.min() and g.max() < GRAD_LIMIT):
            raise ValueError(DIVERGED)
        self._update(params, g)

    def reset(self) -> None:
        """Forget accumulated state (velocity, moments, step count)."""

    def moments(self) -> tuple[np.ndarray, np.ndarray]:
        """The state buffers a compiled loop updates in place (see
        :mod:`neurosim.core.epoch_kernel`): Adam's m and v, momentum's velocity and an
        empty array, or two empty arrays for SGD."""
        return _EMPTY, _EMPTY

    def _allocate(self, n: int) -> None:
        """Create the state buffers for ``n`` parameters."""

    def _forget(self, frozen: np.ndarray) -> None:
        """Zero the state of the entries in ``frozen``."""

    def _update(self, params: np.ndarray, g: np.ndarray) -> None:
        raise NotImplementedError


class SGD(Optimizer):
    """Plain gradient descent: w −= lr·g."""

    name = "sgd"

    def _update(self, params: np.ndarray, g: np.ndarray) -> None:
        np.multiply(g, self._lr, out=self._tmp)
        np.subtract(params, self._tmp, out=params, where=self._mask)


class Momentum(Optimizer):
    """Heavy-ball momentum: v = mu·v − lr·g; w += v."""

    name = "momentum"

    def __init__(
        self, n_params: int, lr: float, trainable: np.ndarray | None = None, mu: float = 0.9
    ) -> None:
        if isinstance(mu, bool) or not isinstance(mu, (int, float)) or not 0.0 <= mu < 1.0:
            raise ValueError(f"momentum mu must be a number in [0, 1), got {mu!r}")
        self.mu = float(mu)
        super().__init__(n_params, lr, trainable)

    def _allocate(self, n: int) -> None:
        self._v = np.zeros(n)

    def reset(self) -> None:
        self._v.fill(0.0)

    def moments(self) -> tuple[np.ndarray, np.ndarray]:
        return self._v, _EMPTY

    def _forget(self, frozen: np.ndarray) -> None:
        self._v[frozen] = 0.0

    def _update(self, params: np.ndarray, g: np.ndarray) -> None:
        v = self._v
        v *= self.mu
        np.multiply(g, self._lr, out=self._tmp)
        v -= self._tmp
        np.add(params, v, out=params, where=self._mask)


class Adam(Optimizer):
    """Adam (Kingma & Ba) with bias correction: w −= lr·m̂/(√v̂ + eps)."""

    name = "adam"

    def __init__(
        self,
        n_params: int,
        lr: float,
        trainable: np.ndarray | None = None,
        beta1: float = 0.9,
        beta2: float = 0.999,
        eps: float = 1e-8,
    ) -> None:
        for what, value in (("beta1", beta1), ("beta2", beta2)):
            if (
                isinstance(value, bool)
                or not isinstance(value, (int, float))
                or not 0.0 <= value < 1.0
            ):
                raise ValueError(f"Adam {what} must be a number in [0, 1), got {value!r}")
        if isinstance(eps, bool) or not isinstance(eps, (int, float)) or not 0.0 < eps < 1.0:
            raise ValueError(f"Adam eps must be a small positive number, got {eps!r}")
        self.beta1, self.beta2, self.eps = float(beta1), float(beta2), float(eps)
        super().__init__(n_params, lr, trainable)

    def _allocate(self, n: int) -> None:
        self._m, self._v = np.zeros(n), np.zeros(n)
        self.t = 0

    def reset(self) -> None:
        self._m.fill(0.0)
        self._v.fill(0.0)
        self.t = 0

    def moments(self) -> tuple[np.ndarray, np.ndarray]:
        return self._m, self._v

    def _forget(self, frozen: np.ndarray) -> None:
        self._m[frozen] = 0.0
        self._v[frozen] = 0.0

    def _update(self, params: np.ndarray, g: np.ndarray) -> None:
        b1, b2, m, v, tmp = self.beta1, self.beta2, self._m, self._v, self._tmp
        self.t += 1
        m *= b1
        np.multiply(g, 1.0 - b1, out=tmp)
        m += tmp
        v *= b2
        np.multiply(g, g, out=tmp)
        tmp *= 1.0 - b2
        v += tmp
        # tmp = √v̂ + eps = √v / √(1 − b2ᵗ) + eps, then the step m̂ / tmp · lr.
        np.sqrt(v, out=tmp)
        tmp *= 1.0 / math.sqrt(1.0 - b2**self.t)
        tmp += self.eps
        np.divide(m, tmp, out=tmp)
        tmp *= self._lr / (1.0 - b1**self.t)
        np.subtract(params, tmp, out=params, where=self._mask)


_CLASSES: dict[str, type[Optimizer]] = {"sgd": SGD, "momentum": Momentum, "adam": Adam}


def make_optimizer(
    name: str, n_params: int, lr: float, trainable: np.ndarray | None = None, **kw: Any
) -> Optimizer:
    """An optimizer by name; extra keywords go to its class (mu; beta1, beta2, eps)."""
    if name not in _CLASSES:
        raise ValueError(f"unknown optimizer {name!r}; known: {', '.join(OPTIMIZER_NAMES)}")
    return _CLASSES[name](n_params, lr, trainable, **kw)
