"""Loss functions and their gradients with respect to the network's outputs.

Both losses are means over every sample and output, so their size does not depend on
the batch size. Pure numpy, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from neurosim.core.text_marks import QT_TRANSLATE_NOOP

LOSS_NAMES = ("mse", "bce")
LOSS_DESCRIPTIONS = {
    "mse": QT_TRANSLATE_NOOP(
        "Losses", "mean squared error: mean of (y − t)²; for any output range"
    ),
    "bce": QT_TRANSLATE_NOOP(
        "Losses",
        "binary cross-entropy: mean of −[t·ln y + (1 − t)·ln(1 − y)]; outputs in (0, 1)",
    ),
}
# BCE clips outputs into [EPS, 1 − EPS]: a sigmoid that saturates to exactly 0.0 or 1.0 in
# float64 (|z| > ~37) must not stop training with an infinite loss.
BCE_EPS = 1e-12


class LossError(ValueError):
    """A loss cannot be computed; the message tells the user what to change."""


def loss_value(
    name: str, y: np.ndarray, t: np.ndarray, output_names: Sequence[str] | None = None
) -> float:
    """The loss of outputs ``y`` against targets ``t`` (same shape, usually (n, m))."""
    y, t = _checked(name, y, t, output_names)
    if name == "mse":
        return _mse(y - t)
    return _bce(np.clip(y, BCE_EPS, 1.0 - BCE_EPS), t)


def loss_and_grad(
    name: str, y: np.ndarray, t: np.ndarray, output_names: Sequence[str] | None = None
) -> tuple[float, np.ndarray]:
    """(loss, dL/dy) for outputs ``y`` against targets ``t``; the gradient has y's shape.

    mse: dL/dy = 2(y − t)/(n·m). bce: dL/dy = (y − t)/(y(1 − y))/(n·m), taken at the
    clipped y. An engine with sigmoid outputs can skip the division: dL/dz = (y − t)/(n·m).
    ``output_names`` (one per column) make error messages name the offending neuron.
    """
    y, t = _checked(name, y, t, output_names)
    if name == "mse":
        diff = y - t
        return _mse(diff), diff * (2.0 / diff.size)
    yc = np.clip(y, BCE_EPS, 1.0 - BCE_EPS)
    grad = (yc - t) / (yc * (1.0 - yc))
    grad *= 1.0 / yc.size
    return _bce(yc, t), grad


def _mse(diff: np.ndarray) -> float:
    with np.errstate(over="ignore"):  # a diverged network gives inf, reported as such
        return float(np.mean(diff * diff))


def _bce(yc: np.ndarray, t: np.ndarray) -> float:
    # log1p(-y) keeps precision for y near 0, where ln(1 − y) ≈ −y.
    return float(-np.mean(t * np.log(yc) + (1.0 - t) * np.log1p(-yc)))


def _checked(
    name: str, y: np.ndarray, t: np.ndarray, output_names: Sequence[str] | None
) -> tuple[np.ndarray, np.ndarray]:
    if name not in LOSS_NAMES:
        raise LossError(f"unknown loss {name!r}; known: {', '.join(LOSS_NAMES)}")
    y, t = np.asarray(y, dtype=np.float64), np.asarray(t, dtype=np.float64)
    if y.shape != t.shape:
        raise LossError(
            f"outputs have shape {y.shape} but targets {t.shape}; "
            "the dataset's columns do not match the network's outputs"
        )
    if y.size == 0:
        raise LossError("no samples to compute the loss on")
    _require(
        np.isfinite(y),
        y,
        "output",
        "gave",
        output_names,
        ", not a finite number — training diverged; try a lower learning rate",
    )
    _require(np.isfinite(t), t, "target", "is", output_names, ", not a finite number")
    if name == "bce":
        _require(
            (y >= 0.0) & (y <= 1.0),
            y,
            "output",
            "gave",
            output_names,
            " — use a sigmoid output neuron or the mse loss",
            "bce needs outputs between 0 and 1: ",
        )
        _require(
            (t >= 0.0) & (t <= 1.0),
            t,
            "target",
            "is",
            output_names,
            " — use the mse loss for regression targets",
            "bce needs targets between 0 and 1: ",
        )
    return y, t


def _require(
    ok: np.ndarray,
    values: np.ndarray,
    role: str,
    verb: str,
    names: Sequence[str] | None,
    advice: str,
    prefix: str = "",
) -> None:
    """Raise LossError about the first value where ``ok`` is False."""
    if ok.all():
        return
    where = tuple(np.argwhere(~ok)[0])
    col = int(where[-1]) if values.ndim >= 2 else 0
    label = repr(names[col]) if names is not None and col < len(names) else f"#{col + 1}"
    raise LossError(f"{prefix}{role} {label} {verb} {values[where]:.6g}{advice}")
