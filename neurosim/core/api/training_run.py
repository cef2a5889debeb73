"""``Network.train``: backpropagation on a dataset, with the run's history."""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from neurosim.core.dataset_fit import lesson_dataset, widen
from neurosim.core.datasets import BUILTIN_NAMES, Dataset, builtin
from neurosim.core.model import Network
from neurosim.core.training import EpochRecord, Trainer, TrainingError, embedded_dataset


@dataclass
class History:
    """A training run: the loss (and accuracy, for classification) after each epoch, from
    epoch 0 (before any update). ``records`` keeps every figure the app's panel shows
    (gradient norms per level and neuron, dead ReLUs)."""

    dataset: str
    optimizer: str
    loss_name: str
    lr: float
    records: list[EpochRecord] = field(default_factory=list)

    @property
    def epochs(self) -> list[int]:
        return [r.epoch for r in self.records]

    @property
    def loss(self) -> list[float]:
        return [r.loss for r in self.records]

    @property
    def accuracy(self) -> list[float | None]:
        return [r.accuracy for r in self.records]

    def summary(self) -> str:
        first, last = self.records[0], self.records[-1]
        text = (
            f"{self.dataset}: {self.loss_name} loss {first.loss:.4g} → {last.loss:.4g} "
            f"in {last.epoch} epochs ({self.optimizer}, lr {self.lr:g})"
        )
        if last.accuracy is not None:
            text += f", accuracy {last.accuracy:.0%}"
        return text

    def __repr__(self) -> str:
        return f"History({self.summary()})"

    def _repr_html_(self) -> str:
        picks = sorted({0, *np.linspace(0, len(self.records) - 1, 6).astype(int)})
        rows = "".join(
            f"<tr><td>{self.records[i].epoch}</td><td>{self.records[i].loss:.4g}</td>"
            f"<td>{'' if self.records[i].accuracy is None else f'{self.records[i].accuracy:.0%}'}"
            "</td></tr>"
            for i in picks
        )
        return (
            f"<p>{html.escape(self.summary())}</p><table><tr><th>epoch</th><th>loss</th>"
            f"<th>accuracy</th></tr>{rows}</table>"
        )


def as_dataset(network: Network, data: Any) -> Dataset:
    """A Dataset from a built-in name ("xor", "circle", …), a Dataset, an (inputs, targets)
    pair of arrays, or None (the file's own dataset, else the lesson's truth table)."""
    if data is None:
        found = embedded_dataset(network) or lesson_dataset(network)
        if found is None:
            raise TrainingError("this network stores no dataset; give data= a name or arrays")
        return found
    if isinstance(data, Dataset):
        return data
    if isinstance(data, str):
        if data not in BUILTIN_NAMES:
            raise TrainingError(f"unknown dataset {data!r}; built in: {', '.join(BUILTIN_NAMES)}")
        return widen(builtin(data), network)
    if isinstance(data, Sequence) and len(data) == 2:
        x, t = (np.asarray(a, dtype=float) for a in data)
        t = t[:, None] if t.ndim == 1 else t
        return Dataset(
            "arrays",
            x,
            t,
            tuple(n.id for n in network.of_kind("input")),
            tuple(n.id for n in network.of_kind("output")),
            "classification" if np.isin(t, (0.0, 1.0)).all() else "regression",
        )
    raise TrainingError(
        "data must be a built-in name, a Dataset, an (inputs, targets) pair, or None"
    )


def train(
    network: Network,
    data: Any = None,
    epochs: int = 100,
    lr: float = 0.1,
    optimizer: str = "sgd",
    loss: str = "mse",
    batch: int | None = None,
    seed: int = 0,
) -> History:
    dataset = as_dataset(network, data)
    trainer = Trainer(
        network, dataset, loss=loss, optimizer=optimizer, lr=lr, batch_size=batch, seed=seed
    )
    reason = trainer.zero_gradient_reason()
    if reason is not None:
        raise TrainingError(reason)
    history = History(dataset.name, optimizer, loss, lr, [trainer.measure()])
    for _ in range(int(epochs)):
        history.records.append(trainer.step_epoch())
    trainer.write_back()
    return history
