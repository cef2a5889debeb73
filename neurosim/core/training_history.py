"""A training run's epochs, kept for scrubbing back to any of them ("epoch 40, when the
loss plateaued").

:class:`TrainingHistory` is an :class:`~neurosim.core.history.EpochHistory` that reads the
parameters straight from a :class:`~neurosim.core.training.Trainer`'s flat vector (two
numpy takes through index arrays cached per trainer): recording costs microseconds an
epoch, however many epochs a frame trains, before the network is written back. Epoch 0
is the parameters before any update. Snapshots are numbered as the caller counts epochs
(the training curves' numbering, which goes on across trainers), and bounded like every
epoch history: the last 2,000 epochs and 32 MiB, oldest dropped.

:meth:`TrainingHistory.branch_at` keeps epochs 0…e: training resumed from epoch e drops
the epochs after it. No Qt.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import numpy as np

from neurosim.core.history import (
    DEFAULT_CEILING,
    EPOCH_CAPACITY,
    EpochHistory,
    EpochSnapshot,
    Parameters,
)
from neurosim.core.model_types import SynapseKey

if TYPE_CHECKING:
    from neurosim.core.training import Trainer


class _Reader:
    """Where each weight and bias sits in one trainer's flat parameter vector."""

    def __init__(self, weight_index: Mapping[SynapseKey, int], bias_index: Mapping[str, int]):
        self.keys = tuple(weight_index)
        self.weights = np.fromiter(weight_index.values(), np.intp, len(weight_index))
        self.ids = tuple(bias_index)
        self.biases = np.fromiter(bias_index.values(), np.intp, len(bias_index))

    def read(self, flat: np.ndarray) -> Parameters:
        return Parameters(self.keys, flat[self.weights], self.ids, flat[self.biases])


class TrainingHistory(EpochHistory):
    """The parameters and figures after each epoch of a run (see the module docstring)."""

    def __init__(self, capacity: int = EPOCH_CAPACITY, ceiling: int = DEFAULT_CEILING) -> None:
        super().__init__(capacity, ceiling)
        # (the trainer's weight index, its reader): the dict is held, so never mistaken
        self._reader: tuple[Mapping[SynapseKey, int], _Reader] | None = None

    def record_trainer(
        self, epoch: int, trainer: Trainer, figures: Mapping[str, float] | None = None
    ) -> EpochSnapshot:
        """Record ``trainer``'s parameters now as epoch ``epoch`` (the next after the last)."""
        if len(self.ring) and epoch <= self.ring[-1].epoch:
            raise ValueError(f"epoch {epoch} is not after epoch {self.ring[-1].epoch}")
        index = trainer.weight_index
        if self._reader is None or self._reader[0] is not index:
            self._reader = (index, _Reader(index, trainer.bias_index))
        snapshot = EpochSnapshot(epoch, self._reader[1].read(trainer.params), dict(figures or {}))
        self.ring.append(snapshot)
        return snapshot

    def index_of(self, epoch: int) -> int | None:
        """Where epoch ``epoch`` is in the ring (epochs are consecutive), or None."""
        if not len(self.ring):
            return None
        i = epoch - self.ring[0].epoch
        return i if 0 <= i < len(self.ring) and self.ring[i].epoch == epoch else None

    def branch_at(self, epoch: int) -> None:
        """Keep the epochs up to ``epoch``: the run goes on from there."""
        index = self.index_of(epoch)
        if index is None:
            raise ValueError(f"epoch {epoch} is not in the history")
        self.ring.truncate_after(index)

    def clear(self) -> None:
        super().clear()
        self._reader = None
