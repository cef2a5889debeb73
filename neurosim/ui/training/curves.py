"""What the training panel plots, kept Qt-free: the curves so far and the held-out figures.

:class:`TrainingCurves` grows numpy arrays (doubling) so appending an epoch is O(1) and the
plots get views, never copies. :class:`HeldOut` scores the test rows with the trainer's own
parameters through a forward-only workspace: about ten numpy calls, no backward pass.
"""

from __future__ import annotations

import math

import numpy as np

from neurosim.core.datasets import Dataset, accuracy
from neurosim.core.losses import LossError, loss_value
from neurosim.core.training import EpochRecord, Trainer, align_dataset

_FIELDS = ("epoch", "train_loss", "test_loss", "train_accuracy", "test_accuracy")


class TrainingCurves:
    """Per-epoch figures: loss and accuracy (train and test) and gradient norms per level.

    Missing figures (no test rows, a regression task) are NaN. ``dead`` is the latest list
    of dead ReLU neurons. The first row may be epoch 0 (:meth:`start`: the figures before
    any update, the starting loss a lesson's notes quote); ``len()`` counts rows,
    :attr:`epochs` the epochs trained.
    """

    def __init__(self) -> None:
        self.clear()

    def clear(self) -> None:
        self._n = 0
        self._cap = 256
        self._data = {name: np.full(self._cap, np.nan) for name in _FIELDS}
        self._grad = np.full((self._cap, 0), np.nan)
        self.dead: list[str] = []
        self._dead_rows: list[tuple[str, ...]] = []  # each row's dead neurons (truncate)

    def __len__(self) -> int:
        return self._n

    @property
    def epochs(self) -> int:
        """Epochs trained so far (the epoch-0 row is not one)."""
        return int(self._data["epoch"][self._n - 1]) if self._n else 0

    def start(self, record: EpochRecord, test: tuple[float, float | None] | None) -> None:
        """The figures before the first update, as epoch 0 (only while there are none)."""
        if self._n == 0:
            self.append(record, test)
            self._data["epoch"][0] = 0

    @property
    def levels(self) -> int:
        return self._grad.shape[1]

    def append(self, record: EpochRecord, test: tuple[float, float | None] | None) -> None:
        if self._n == self._cap:
            self._grow()
        levels = len(record.grad_norm_per_level)
        if levels != self.levels:  # the first record decides; a new structure clears first
            width = np.full((self._cap, levels), np.nan)
            keep = min(levels, self.levels)
            width[:, :keep] = self._grad[:, :keep]
            self._grad = width
        i = self._n
        d = self._data
        d["epoch"][i] = self.epochs + 1
        d["train_loss"][i] = record.loss
        d["train_accuracy"][i] = np.nan if record.accuracy is None else record.accuracy
        if test is not None:
            d["test_loss"][i] = test[0]
            d["test_accuracy"][i] = np.nan if test[1] is None else test[1]
        self._grad[i] = record.grad_norm_per_level
        self.dead = list(record.dead)
        self._dead_rows.append(tuple(record.dead))
        self._n += 1

    def truncate(self, epoch: int) -> None:
        """Keep the rows up to ``epoch``: training branched from it goes on after it."""
        kept = np.flatnonzero(self._data["epoch"][: self._n] == epoch)
        if not kept.size:
            raise ValueError(f"epoch {epoch} is not in the curves")
        self._n = int(kept[0]) + 1
        del self._dead_rows[self._n :]
        self.dead = list(self._dead_rows[-1])
        for values in self._data.values():
            values[self._n :] = np.nan
        self._grad[self._n :] = np.nan

    def _grow(self) -> None:
        self._cap *= 2
        for name, values in self._data.items():
            self._data[name] = np.concatenate((values, np.full(len(values), np.nan)))
        self._grad = np.concatenate((self._grad, np.full(self._grad.shape, np.nan)))

    def __getattr__(self, name: str) -> np.ndarray:
        if name in _FIELDS:
            return self.__dict__["_data"][name][: self.__dict__["_n"]]
        raise AttributeError(name)

    def gradient(self, level: int) -> np.ndarray:
        """Gradient norms of level ``level`` (0 = nearest the inputs), one per epoch."""
        return self._grad[: self._n, level]

    def last(self, name: str) -> float:
        return float(self._data[name][self._n - 1]) if self._n else math.nan

    def has_test(self) -> bool:
        return self._n > 0 and not math.isnan(self.last("test_loss"))


class HeldOut:
    """Loss and accuracy of ``trainer``'s current parameters on rows it does not train on."""

    def __init__(self, trainer: Trainer, dataset: Dataset) -> None:
        network, bp = trainer.network, trainer.bp
        x, t = align_dataset(network, dataset)
        inputs = [n.id for n in network.of_kind("input")]
        outputs = [n.id for n in network.of_kind("output")]
        self.loss_name = trainer.loss_name
        self.classification = dataset.task == "classification"
        self._ws = bp.workspace(len(dataset))
        # The workspace's weights are views of the trainer's parameters: always current.
        np.copyto(self._ws.x, x[:, [inputs.index(i) for i in bp.input_ids]].T)
        self._t = np.ascontiguousarray(t[:, [outputs.index(o) for o in bp.output_ids]])

    def measure(self) -> tuple[float, float | None]:
        """(loss, accuracy or None); NaN loss when the outputs are not finite."""
        with np.errstate(all="ignore"):
            for op in self._ws.forward_ops:
                op()
            y = self._ws.yout.T
            try:
                loss = loss_value(self.loss_name, y, self._t)
            except LossError:
                loss = math.nan
            return loss, (accuracy(y, self._t) if self.classification else None)


def smoothed_log(values: np.ndarray, window: int = 10) -> np.ndarray:
    """Geometric mean of each value and the ``window - 1`` before it (NaN where none of them
    is positive): the gradient norms of mini-batch training jump by factors of ten from one
    epoch to the next, and a trend on a log axis is what a student should read."""
    ok = np.isfinite(values) & (values > 0)
    logs = np.zeros(len(values))
    np.log10(values, out=logs, where=ok)
    sums = np.cumsum(logs)
    counts = np.cumsum(ok)
    lo = np.arange(len(values)) - window
    prev_sums = np.where(lo >= 0, sums[np.maximum(lo, 0)], 0.0)
    prev_counts = np.where(lo >= 0, counts[np.maximum(lo, 0)], 0)
    n = counts - prev_counts
    out = np.full(len(values), np.nan)
    np.divide(sums - prev_sums, n, out=out, where=n > 0)
    np.power(10.0, out, out=out, where=n > 0)
    return out
