"""What a training run is set up from, kept Qt-free: the settings and the matched data.

The data the user picks names its columns its own way (a built-in set says x1, x2 → y);
:func:`match_and_split` renames them to the network's input and output ids and holds out
the test rows, so the trainer, the test scoring and the surface all see the same rows.
"""

from __future__ import annotations

from dataclasses import dataclass

from neurosim.core.datasets import Dataset
from neurosim.core.model import Network
from neurosim.core.training import Trainer, align_dataset
from neurosim.ui.training.curves import HeldOut

MIN_SPLIT_ROWS = 10  # fewer rows (a truth table) are all used for training


@dataclass(frozen=True)
class TrainSettings:
    loss: str = "mse"
    optimizer: str = "sgd"
    lr: float = 0.1
    batch_size: int = 0  # 0: the whole training set in one batch (full batch, as the CLI)
    seed: int = 0
    test_fraction: float = 0.2
    epochs_per_frame: int = 1
    stop_after: int = 0  # a run pauses after this many epochs; 0: runs until paused


def match_and_split(
    network: Network, data: Dataset, test_fraction: float, seed: int
) -> tuple[Dataset, Dataset | None]:
    """(training rows, test rows or None), columns named by the network's neuron ids.

    Raises TrainingError when the data does not fit the network. Sets of fewer than
    :data:`MIN_SPLIT_ROWS` rows are not split: every row of a truth table is needed.
    """
    x, t = align_dataset(network, data)
    ins = tuple(n.id for n in network.of_kind("input"))
    outs = tuple(n.id for n in network.of_kind("output"))
    matched = Dataset(data.name, x, t, ins, outs, data.task)
    if test_fraction > 0 and len(matched) >= MIN_SPLIT_ROWS:
        return matched.split(test_fraction, seed)
    return matched, None


def make_trainer(
    network: Network,
    s: TrainSettings,
    train_set: Dataset,
    test_set: Dataset | None,
    compiled_ready: bool,
) -> tuple[Trainer, HeldOut | None]:
    """The trainer for these settings and its test-row scorer; raises TrainingError or
    DatasetError. Until the compiled loop has loaded, trainers run in numpy (the same
    results), so Train never waits for it."""
    trainer = Trainer(
        network,
        train_set,
        s.loss,
        s.optimizer,
        s.lr,
        s.batch_size or None,
        s.seed,
        compiled=None if compiled_ready else False,
    )
    return trainer, (HeldOut(trainer, test_set) if test_set else None)
