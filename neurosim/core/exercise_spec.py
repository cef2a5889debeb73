"""The ``exercise`` section of a network file: instructions, goals, locked parts and hints.

:func:`exercise_from_dict` checks everything and raises :class:`FileFormatError` naming the
place (``exercise.goals[1].rows[0].expect.y: …``); :func:`exercise_of` also checks that
every id the section names exists in the network it came with. See docs/exercises.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from neurosim.core.activations import ACTIVATION_NAMES
from neurosim.core.datasets import Dataset, DatasetError, dataset_from_dict, dataset_to_dict
from neurosim.core.losses import LOSS_NAMES
from neurosim.core.model import SynapseKey
from neurosim.core.validate import FileFormatError, check_keys, expect, number

SECTION = "exercise"
FIRING_WORDS = ("fired", "silent", "not fired")  # "silent" and "not fired" mean the same
NEURON_FIELDS = ("bias", "activation", "value")  # lockable besides activation parameters
# Tags a teacher may use in instructions: what Qt's rich text renders and a student needs.
ALLOWED_TAGS = frozenset("p br b strong i em u code pre ul ol li h3 h4 sub sup span div".split())
_TAG = re.compile(r"</?\s*([A-Za-z][A-Za-z0-9]*)")
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
    title: str = ""


@dataclass(frozen=True)
class DatasetGoal:
    """Accuracy and/or loss over every row of a dataset (columns named by neuron ids)."""

    type: ClassVar[str] = "dataset"
    dataset: Dataset
    min_accuracy: float | None = None
    max_loss: float | None = None
    loss: str = "mse"
    title: str = ""


@dataclass(frozen=True)
class MaxHiddenGoal:
    type: ClassVar[str] = "max_hidden"
    count: int
    title: str = ""


@dataclass(frozen=True)
class ActivationsGoal:
    """Every listed neuron (default: every hidden and output neuron) uses an allowed activation."""

    type: ClassVar[str] = "activations"
    allowed: tuple[str, ...]
    neurons: tuple[str, ...] | None = None
    title: str = ""


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
    instructions: str
    goals: tuple[Goal, ...]
    locked: Locks = field(default_factory=Locks)
    hints: tuple[str, ...] = ()


# ------------------------------------------------------------------------ reading
def exercise_from_dict(d: Any, where: str = SECTION) -> Exercise:
    """Parse and check an exercise section; any problem raises FileFormatError naming where."""
    expect(d, dict, where)
    check_keys(d, ("instructions", "goals", "locked", "hints"), where)
    for key in ("instructions", "goals"):
        if key not in d:
            raise FileFormatError(f"{where}: missing '{key}'")
    instructions = _instructions(d["instructions"], f"{where}.instructions")
    goals = d["goals"]
    expect(goals, list, f"{where}.goals")
    if not goals:
        raise FileFormatError(f"{where}.goals: an exercise needs at least one goal")
    hints = d.get("hints", [])
    expect(hints, list, f"{where}.hints")
    for i, hint in enumerate(hints):
        _text(hint, f"{where}.hints[{i}]")
    return Exercise(
        instructions=instructions,
        goals=_goals(goals, f"{where}.goals"),
        locked=_locks(d.get("locked", {}), f"{where}.locked"),
        hints=tuple(hints),
    )


def _goals(goals: list[Any], where: str) -> tuple[Goal, ...]:
    parsed: list[Goal] = []
    rows = 0
    for i, g in enumerate(goals):
        goal = _goal(g, f"{where}[{i}]")
        if isinstance(goal, DatasetGoal):
            # A built-in recipe is a few bytes that make up to 100,000 rows: bound the total.
            rows += len(goal.dataset)
            if rows > MAX_GOAL_ROWS:
                raise FileFormatError(
                    f"{where}[{i}]: the dataset goals hold more than {MAX_GOAL_ROWS:,} rows "
                    "in all; use fewer or smaller datasets"
                )
        parsed.append(goal)
    return tuple(parsed)


def _text(value: Any, where: str) -> str:
    expect(value, str, where)
    if not value.strip():
        raise FileFormatError(f"{where}: expected some text, got an empty string")
    return value


def _instructions(value: Any, where: str) -> str:
    text = _text(value, where)
    for match in _TAG.finditer(text):
        if match.group(1).lower() not in ALLOWED_TAGS:
            raise FileFormatError(
                f"{where}: the tag <{match.group(1)}> is not supported; use "
                f"{', '.join(sorted(ALLOWED_TAGS))} (write &lt; for a plain '<')"
            )
    return text


_GOAL_KEYS = {
    "table": ("type", "title", "rows", "tolerance"),
    "dataset": ("type", "title", "dataset", "min_accuracy", "max_loss", "loss"),
    "max_hidden": ("type", "title", "count"),
    "activations": ("type", "title", "allowed", "neurons"),
}


def _goal(d: Any, where: str) -> Goal:
    expect(d, dict, where)
    kind = d.get("type")
    if not isinstance(kind, str) or kind not in _GOAL_KEYS:  # (a list is unhashable)
        raise FileFormatError(
            f"{where}.type: expected one of {', '.join(_GOAL_KEYS)}, got {kind!r}"
        )
    check_keys(d, _GOAL_KEYS[kind], where)
    title = _text(d["title"], f"{where}.title") if "title" in d else ""
    readers: dict[str, Callable[[Mapping[str, Any], str, str], Goal]] = {
        "table": _table,
        "dataset": _dataset,
        "max_hidden": _max_hidden,
        "activations": _activations,
    }
    return readers[kind](d, where, title)


def _required(d: Mapping[str, Any], key: str, where: str) -> Any:
    if key not in d:
        raise FileFormatError(f"{where}: missing '{key}'")
    return d[key]


def _table(d: Mapping[str, Any], where: str, title: str) -> TableGoal:
    rows = _required(d, "rows", where)
    expect(rows, list, f"{where}.rows")
    if not rows:
        raise FileFormatError(f"{where}.rows: a table goal needs at least one row")
    tolerance = number(d.get("tolerance", 0.1), f"{where}.tolerance")
    if tolerance < 0:
        raise FileFormatError(f"{where}.tolerance: must be 0 or more, got {tolerance:g}")
    return TableGoal(
        tuple(_row(r, f"{where}.rows[{i}]") for i, r in enumerate(rows)), tolerance, title
    )


def _row(d: Any, where: str) -> TableRow:
    expect(d, dict, where)
    check_keys(d, ("inputs", "expect"), where)
    inputs = d.get("inputs", {})
    expect(inputs, dict, f"{where}.inputs")
    values = {nid: number(v, f"{where}.inputs.{nid}") for nid, v in inputs.items()}
    wanted = _required(d, "expect", where)
    expect(wanted, dict, f"{where}.expect")
    if not wanted:
        raise FileFormatError(f"{where}.expect: name at least one neuron and what it should give")
    return TableRow(
        values, {nid: _expectation(v, f"{where}.expect.{nid}") for nid, v in wanted.items()}
    )


def _expectation(value: Any, where: str) -> Expectation:
    if isinstance(value, str):
        if value not in FIRING_WORDS:
            raise FileFormatError(
                f"{where}: expected a number or one of {', '.join(map(repr, FIRING_WORDS))}, "
                f"got {value!r}"
            )
        return value
    return number(value, where)


def _dataset(d: Mapping[str, Any], where: str, title: str) -> DatasetGoal:
    try:
        data = dataset_from_dict(_required(d, "dataset", where), f"{where}.dataset")
    except DatasetError as exc:
        raise FileFormatError(str(exc)) from None
    if "min_accuracy" not in d and "max_loss" not in d:
        raise FileFormatError(f"{where}: give min_accuracy, max_loss or both")
    min_acc = max_loss = None
    if "min_accuracy" in d:
        min_acc = number(d["min_accuracy"], f"{where}.min_accuracy")
        if not 0.0 <= min_acc <= 1.0:
            raise FileFormatError(
                f"{where}.min_accuracy: a fraction from 0 to 1 (0.95 = 95%), got {min_acc:g}"
            )
        if data.task != "classification":
            raise FileFormatError(
                f"{where}.min_accuracy: accuracy needs targets of 0 or 1; "
                f"this dataset is a regression set, use max_loss"
            )
    if "max_loss" in d:
        max_loss = number(d["max_loss"], f"{where}.max_loss")
        if max_loss < 0:
            raise FileFormatError(f"{where}.max_loss: must be 0 or more, got {max_loss:g}")
    loss = d.get("loss", "mse")
    if loss not in LOSS_NAMES:
        raise FileFormatError(
            f"{where}.loss: expected one of {', '.join(LOSS_NAMES)}, got {loss!r}"
        )
    if "loss" in d and max_loss is None:
        raise FileFormatError(f"{where}.loss: goes with max_loss")
    return DatasetGoal(data, min_acc, max_loss, loss, title)


def _max_hidden(d: Mapping[str, Any], where: str, title: str) -> MaxHiddenGoal:
    count = _required(d, "count", where)
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise FileFormatError(f"{where}.count: expected a whole number ≥ 0, got {count!r}")
    return MaxHiddenGoal(count, title)


def _activations(d: Mapping[str, Any], where: str, title: str) -> ActivationsGoal:
    allowed = _required(d, "allowed", where)
    names = _id_list(allowed, f"{where}.allowed", "an activation name")
    if not names:
        raise FileFormatError(f"{where}.allowed: list at least one activation")
    for i, name in enumerate(names):
        if name not in ACTIVATION_NAMES:
            raise FileFormatError(
                f"{where}.allowed[{i}]: unknown activation {name!r}; "
                f"known: {', '.join(ACTIVATION_NAMES)}"
            )
    neurons = None
    if "neurons" in d:
        neurons = _id_list(d["neurons"], f"{where}.neurons", "a neuron id")
    return ActivationsGoal(names, neurons, title)


def _id_list(value: Any, where: str, what: str) -> tuple[str, ...]:
    expect(value, list, where)
    seen: set[str] = set()
    for i, item in enumerate(value):
        expect(item, str, f"{where}[{i}]", what)
        if item in seen:
            raise FileFormatError(f"{where}[{i}]: {item!r} is listed twice")
        seen.add(item)
    return tuple(value)


def _locks(d: Any, where: str) -> Locks:
    expect(d, dict, where)
    check_keys(d, ("neurons", "synapses", "params"), where)
    neurons = _id_list(d.get("neurons", []), f"{where}.neurons", "a neuron id")
    synapses = _pairs(d.get("synapses", []), f"{where}.synapses", "[source, target]")
    params = _pairs(d.get("params", []), f"{where}.params", '[neuron id, "bias" or a parameter]')
    return Locks(neurons, synapses, params)


def _pairs(value: Any, where: str, what: str) -> tuple[tuple[str, str], ...]:
    expect(value, list, where)
    pairs: dict[tuple[str, str], None] = {}  # a dict: ordered, and a linear duplicate check
    for i, item in enumerate(value):
        ok = isinstance(item, list) and len(item) == 2 and all(isinstance(v, str) for v in item)
        if not ok:
            raise FileFormatError(f"{where}[{i}]: expected {what}, got {item!r}")
        if tuple(item) in pairs:
            raise FileFormatError(f"{where}[{i}]: {item!r} is listed twice")
        pairs[(item[0], item[1])] = None
    return tuple(pairs)


# ------------------------------------------------------------------------ writing
def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """JSON-ready form; :func:`exercise_from_dict` reads it back to an equal exercise."""
    out: dict[str, Any] = {
        "instructions": exercise.instructions,
        "goals": [goal_to_dict(g) for g in exercise.goals],
    }
    locks = exercise.locked
    locked = {
        "neurons": list(locks.neurons),
        "synapses": [list(k) for k in locks.synapses],
        "params": [list(p) for p in locks.params],
    }
    locked = {k: v for k, v in locked.items() if v}
    if locked:
        out["locked"] = locked
    if exercise.hints:
        out["hints"] = list(exercise.hints)
    return out


def goal_to_dict(goal: Goal) -> dict[str, Any]:
    d: dict[str, Any] = {"type": goal.type}
    if goal.title:
        d["title"] = goal.title
    if isinstance(goal, TableGoal):
        d["rows"] = [
            {"inputs": dict(r.inputs), "expect": dict(r.expect)}
            if r.inputs
            else {"expect": dict(r.expect)}
            for r in goal.rows
        ]
        d["tolerance"] = goal.tolerance
    elif isinstance(goal, DatasetGoal):
        d["dataset"] = dataset_to_dict(goal.dataset)
        if goal.min_accuracy is not None:
            d["min_accuracy"] = goal.min_accuracy
        if goal.max_loss is not None:
            d["max_loss"] = goal.max_loss
            d["loss"] = goal.loss
    elif isinstance(goal, MaxHiddenGoal):
        d["count"] = goal.count
    else:
        d["allowed"] = list(goal.allowed)
        if goal.neurons is not None:
            d["neurons"] = list(goal.neurons)
    return d
