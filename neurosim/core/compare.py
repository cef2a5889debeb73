"""Compare activations: train one architecture once per hidden activation, from one seed.

Every run starts from a copy of the network whose hidden neurons all get the candidate
activation (outputs keep theirs), fresh weights from the same seed (Xavier, or He for the
ReLU family, see :func:`~neurosim.core.training_setup.init_weights`) and the same settings,
so the activation is the only thing that differs. Pure numpy, no Qt: the GUI runs this in a
worker thread and passes ``progress`` and ``cancelled`` callables.

A run that diverges (its loss past :data:`~neurosim.core.training_diagnosis.DIVERGE_FACTOR`
times the start, or not a number) stops there and is marked; a run that cannot learn says
why in its ``note`` (step neurons pass no gradient). Each run also measures the cost of one
evaluation of its activation (:mod:`neurosim.core.activation_cost`).
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from neurosim.core.activation_cost import cost_per_value_ns
from neurosim.core.activations import REGISTRY
from neurosim.core.datasets import Dataset
from neurosim.core.engine import Engine
from neurosim.core.lesson import lesson_of
from neurosim.core.model import Network
from neurosim.core.text_marks import QT_TRANSLATE_NOOP
from neurosim.core.training import (
    Trainer,
    TrainingDiverged,
    TrainingError,
    align_dataset,
    init_weights,
)
from neurosim.core.training_diagnosis import diverged, divergence_message, step_message
from neurosim.core.validate import FileFormatError, shown

CANCEL_CHECK_S = 0.05  # ``cancelled()`` is asked at least this often during a run
#: what Compare tries when the lesson lists no activations of its own
DEFAULT_ACTIVATIONS = ("step", "sigmoid", "tanh", "relu", "leaky_relu")
TARGET_ACCURACY = 0.95  # the lessons' notes count epochs to 95 % accuracy
DEFAULT_EPOCHS = 300
Progress = Callable[[int, int, str], None]  # (epochs done in all runs, epochs in all, activation)

__all__ = [
    "DEFAULT_ACTIVATIONS",
    "DEFAULT_EPOCHS",
    "TARGET_ACCURACY",
    "RunResult",
    "compare_activations",
    "default_activations",
    "default_epochs",
    "mean_sparsity",
    "with_hidden_activation",
]


@dataclass
class RunResult:
    """One activation's run. ``losses[i]``/``accuracies[i]`` are measured after epoch i + 1
    on the whole dataset; ``error`` says why a run stopped early (``diverged``: its loss
    blew up), ``note`` why it learns little although it ran (step neurons)."""

    activation: str
    initial_loss: float  # before the first epoch
    losses: list[float]
    accuracies: list[float]  # empty for regression data
    epochs_to_target: int | None  # first epoch whose loss is ≤ the target, None: never
    epochs_to_accuracy: int | None  # first epoch at or above the target accuracy
    sparsity: float  # mean fraction of hidden neurons silent (|y| < 1e-9) over the rows
    dead: list[str]  # ReLU neurons silent for every row at the end
    seconds: float  # wall time of the run
    network: Network = field(repr=False)  # the trained copy
    error: str | None = None
    diverged: bool = False
    note: str | None = None
    cost_ns: float = math.nan  # nanoseconds per evaluation of the activation, this machine

    @property
    def final_loss(self) -> float:
        return self.losses[-1] if self.losses else self.initial_loss

    @property
    def final_accuracy(self) -> float | None:
        return self.accuracies[-1] if self.accuracies else None


def default_activations(network: Network) -> list[str]:
    """The activations to compare for this network: its lesson's own list (``view.compare``,
    e.g. 08's sigmoid…GELU), else :data:`DEFAULT_ACTIVATIONS`."""
    try:
        listed = lesson_of(network).view.compare
    except FileFormatError:  # a lesson section that does not fit this network any more
        listed = ()
    return list(listed) if listed else list(DEFAULT_ACTIVATIONS)


def default_epochs(network: Network) -> int:
    """Epochs per run: the lesson's suggested training (``view.train.epochs``), else
    :data:`DEFAULT_EPOCHS`."""
    try:
        train = lesson_of(network).view.train
    except FileFormatError:
        train = None
    return train.epochs if train is not None else DEFAULT_EPOCHS


def with_hidden_activation(network: Network, activation: str) -> Network:
    """A copy of ``network`` whose hidden neurons use ``activation`` (default parameters)."""
    copy = network.copy()
    for neuron in copy.of_kind("hidden"):
        copy.set_activation(neuron.id, activation)
    return copy


def mean_sparsity(network: Network, dataset: Dataset) -> float:
    """Fraction of (hidden neuron, row) pairs whose output is silent; 0 without hidden ones."""
    x, _ = align_dataset(network, dataset)
    engine = Engine(network)
    try:
        order = [n.id for n in network.of_kind("input")]
        columns = [order.index(i) for i in engine.input_ids]
        with np.errstate(all="ignore"):
            evaluation = engine.evaluate(x[:, columns])
    finally:
        engine.detach()
    if evaluation.active_fraction is None:
        return 0.0
    return float(1.0 - evaluation.active_fraction.mean())


def compare_activations(
    network: Network,
    dataset: Dataset,
    activations: Sequence[str],
    epochs: int,
    *,
    target_loss: float | None = None,
    target_accuracy: float | None = TARGET_ACCURACY,
    loss: str = "mse",
    optimizer: str = "sgd",
    lr: float = 0.1,
    batch_size: int | None = None,
    seed: int = 0,
    init: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[RunResult]:
    """Train a copy of ``network`` per activation; the results in the order given.

    ``network`` itself is never changed. When ``cancelled()`` turns true the run in progress
    is dropped and the finished ones are returned. Raises TrainingError for settings no run
    could use (no hidden neurons, an unknown activation, data that does not fit).
    """
    _check(network, activations, epochs)
    Trainer(network.copy(), dataset, loss, optimizer, lr, batch_size, seed)  # settings check
    total, done, results = epochs * len(activations), 0, []
    for name in activations:
        if cancelled is not None and cancelled():
            break
        result = _run(
            network,
            dataset,
            name,
            epochs,
            (target_loss, target_accuracy),
            init,
            dict(loss=loss, optimizer=optimizer, lr=lr, batch_size=batch_size, seed=seed),
            progress,
            cancelled,
            done,
            total,
        )
        if result is None:  # cancelled mid-run
            break
        results.append(result)
        done += epochs
        if progress is not None:
            progress(done, total, name)
    return results


def _check(network: Network, activations: Sequence[str], epochs: int) -> None:
    if not network.of_kind("hidden"):
        raise TrainingError(
            QT_TRANSLATE_NOOP(
                "Compare",
                "the network has no hidden neurons, so there is no activation to "
                "compare; add a hidden layer first",
            )
        )
    unknown = [a for a in activations if a not in REGISTRY]
    if unknown:
        raise TrainingError(f"unknown activation {unknown[0]!r}; known: {', '.join(REGISTRY)}")
    if not activations:
        raise TrainingError(
            QT_TRANSLATE_NOOP("Compare", "choose at least one activation to compare")
        )
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
        raise TrainingError(f"epochs must be a whole number ≥ 1, got {shown(epochs)}")


def _run(
    network: Network,
    dataset: Dataset,
    name: str,
    epochs: int,
    targets: tuple[float | None, float | None],
    init: bool,
    settings: dict,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
    done: int,
    total: int,
) -> RunResult | None:
    start = time.perf_counter()
    net = with_hidden_activation(network, name)
    if init:
        init_weights(net, settings["seed"])
    losses: list[float] = []
    accuracies: list[float] = []
    dead: list[str] = []
    error, note, initial, trainer, blew_up = None, None, math.nan, None, False
    try:
        trainer = Trainer(net, dataset, **settings)
        initial = trainer.measure().loss
        error = trainer.zero_gradient_reason()
        note = step_message(net) if error is None else None
        for epoch in range(epochs if error is None else 0):
            record = None
            while record is None:  # a long epoch in slices, so Cancel is heard at once
                if cancelled is not None and cancelled():
                    return None
                record = trainer.advance(time.perf_counter() + CANCEL_CHECK_S)
            losses.append(record.loss)
            if record.accuracy is not None:
                accuracies.append(record.accuracy)
            dead = record.dead
            if progress is not None and epoch % 10 == 9:
                progress(done + epoch + 1, total, name)
            if diverged(initial, record.loss):
                blew_up = True
                error = divergence_message(record.epoch, record.loss, initial, settings["lr"])
                break
    except TrainingDiverged:  # the trainer rolled back to the last good epoch
        blew_up = True
        error = divergence_message(len(losses) + 1, math.nan, initial, settings["lr"])
    except TrainingError as exc:
        error = str(exc)
    if trainer is not None:
        trainer.write_back()
    target_loss, target_accuracy = targets
    return RunResult(
        name,
        initial,
        losses,
        accuracies,
        None if target_loss is None else _first(losses, lambda v: v <= target_loss),
        None if target_accuracy is None else _first(accuracies, lambda v: v >= target_accuracy),
        mean_sparsity(net, dataset),
        dead,
        time.perf_counter() - start,
        net,
        error,
        diverged=blew_up,
        note=note,
        cost_ns=cost_per_value_ns(name),
    )


def _first(values: list[float], reached: Callable[[float], bool]) -> int | None:
    """The first epoch (1-based) whose value reached the target, None: never."""
    return next((i + 1 for i, value in enumerate(values) if reached(value)), None)
