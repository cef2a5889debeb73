"""What an exercise section holds: instructions, goals, locked parts and hints.

The ``exercise`` section of a network file (see docs/exercises.md) is read by
:mod:`.reading`, written by :mod:`.writing`, checked on a network by :mod:`.checks` and
:mod:`.locks`, and graded by :mod:`.grading`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from neurosim.core.datasets import Dataset
from neurosim.core.lesson import TrainSettings
from neurosim.core.localized_text import Text
from neurosim.core.model import SynapseKey

SECTION = "exercise"
FIRING_WORDS = ("fired", "silent", "not fired")  # "silent" and "not fired" mean the same
NEURON_FIELDS = ("bias", "activation", "value")  # lockable besides activation parameters
# Tags a teacher may use in instructions: what Qt's rich text renders and a student needs.
ALLOWED_TAGS = frozenset("p br b strong i em u code pre ul ol li h3 h4 sub sup span div".split())
Expectation = float | str
MAX_GOAL_ROWS = 200_000  # rows of all dataset goals together; checked live after every edit


@dataclass(frozen=True)
class TableRow:
    inputs: dict[str, float]
    expect: dict[str, Expectation]  # a number, or one of FIRING_WORDS


@dataclass(frozen=True)
class TableGoal:
    """Set the inputs of each row; the listed neurons must give the expected value or state."""

    type: ClassVar[str] = "table"
    rows: tuple[TableRow, ...]
    tolerance: float = 0.1
    title: Text = ""


@dataclass(frozen=True)
class DatasetGoal:
    """Accuracy and/or loss over every row of a dataset (columns named by neuron ids).

    With ``train``, the loss must also be reached by training: from the exercise's own
    weights, with the submission's activations and these settings, within ``train.epochs``
    epochs (so a slow choice cannot pass by being trained longer)."""

    type: ClassVar[str] = "dataset"
    dataset: Dataset
    min_accuracy: float | None = None
    max_loss: float | None = None
    loss: str = "mse"
    title: Text = ""
    train: TrainSettings | None = None


@dataclass(frozen=True)
class MaxHiddenGoal:
    type: ClassVar[str] = "max_hidden"
    count: int
    title: Text = ""


@dataclass(frozen=True)
class ActivationsGoal:
    """Every listed neuron (default: every hidden and output neuron) uses an allowed activation."""

    type: ClassVar[str] = "activations"
    allowed: tuple[str, ...]
    neurons: tuple[str, ...] | None = None
    title: Text = ""


Goal = TableGoal | DatasetGoal | MaxHiddenGoal | ActivationsGoal


@dataclass(frozen=True)
class Locks:
    neurons: tuple[str, ...] = ()
    synapses: tuple[SynapseKey, ...] = ()
    params: tuple[tuple[str, str], ...] = ()  # (neuron id, "bias"/"activation"/"value"/param)

    def __bool__(self) -> bool:
        return bool(self.neurons or self.synapses or self.params)


@dataclass(frozen=True)
class Exercise:
    """Instructions, hints and goal titles are :data:`Text`: one string or one per language."""

    instructions: Text
    goals: tuple[Goal, ...]
    locked: Locks = field(default_factory=Locks)
    hints: tuple[Text, ...] = ()
