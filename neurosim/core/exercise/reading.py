"""Reading the ``exercise`` section of a network file, and checking it against its network.

:func:`exercise_from_dict` checks everything and raises :class:`FileFormatError` naming the
place (``exercise.goals[1].rows[0].expect.y: …``); :func:`exercise_of` also checks that
every id the section names exists in the network it came with. See docs/exercises.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from neurosim.core.activations import REGISTRY
from neurosim.core.datasets import DatasetError, dataset_from_dict
from neurosim.core.exercise.section import (
    ALLOWED_TAGS,
    FIRING_WORDS,
    MAX_GOAL_ROWS,
    NEURON_FIELDS,
    SECTION,
    ActivationsGoal,
    DatasetGoal,
    Exercise,
    Expectation,
    Goal,
    Locks,
    MaxHiddenGoal,
    TableGoal,
    TableRow,
)
from neurosim.core.fileformat.saveable import check_name
from neurosim.core.lesson import train_settings_from
from neurosim.core.localized_text import Text, check_text
from neurosim.core.losses import LOSS_NAMES
from neurosim.core.model import Network
from neurosim.core.rich_text import allowed_attributes, markup_problem
from neurosim.core.validate import FileFormatError, check_keys, expect, number, shown


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
    return Exercise(
        instructions=instructions,
        goals=_goals(goals, f"{where}.goals"),
        locked=_locks(d.get("locked", {}), f"{where}.locked"),
        hints=tuple(_text(hint, f"{where}.hints[{i}]") for i, hint in enumerate(hints)),
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


def _text(value: Any, where: str, check: Callable[[str, str], None] | None = None) -> Text:
    """Some text: a string, or (version 2) one per language, each not empty."""

    def one(text: str, place: str) -> None:
        if not text.strip():
            raise FileFormatError(f"{place}: expected some text, got an empty string")
        if check is not None:
            check(text, place)

    return check_text(value, where, one)


def _instructions(value: Any, where: str) -> Text:
    return _text(value, where, _check_markup)


def _check_markup(text: str, where: str) -> None:
    problem = markup_problem(text, ALLOWED_TAGS)
    if problem is not None and problem.attribute is None:
        raise FileFormatError(
            f"{where}: {problem}; use {', '.join(sorted(ALLOWED_TAGS))} "
            "(write &lt; for a plain '<')"
        )
    if problem is not None:
        raise FileFormatError(
            f"{where}: {problem} (no style, src or href; allowed: {allowed_attributes()}), "
            f"got {shown(problem.raw)}"
        )


_GOAL_KEYS = {
    "table": ("type", "title", "rows", "tolerance"),
    "dataset": ("type", "title", "dataset", "min_accuracy", "max_loss", "loss", "train"),
    "max_hidden": ("type", "title", "count"),
    "activations": ("type", "title", "allowed", "neurons"),
}


def _goal(d: Any, where: str) -> Goal:
    expect(d, dict, where)
    kind = d.get("type")
    if not isinstance(kind, str) or kind not in _GOAL_KEYS:  # (a list is unhashable)
        raise FileFormatError(
            f"{where}.type: expected one of {', '.join(_GOAL_KEYS)}, got {shown(kind)}"
        )
    check_keys(d, _GOAL_KEYS[kind], where)
    title = _text(d["title"], f"{where}.title") if "title" in d else ""
    readers: dict[str, Callable[[Mapping[str, Any], str, Text], Goal]] = {
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


def _table(d: Mapping[str, Any], where: str, title: Text) -> TableGoal:
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
    for nid in inputs:
        check_name(nid, f"{where}.inputs")  # before it is part of a message
    values = {nid: number(v, f"{where}.inputs.{nid}") for nid, v in inputs.items()}
    wanted = _required(d, "expect", where)
    expect(wanted, dict, f"{where}.expect")
    for nid in wanted:
        check_name(nid, f"{where}.expect")
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
                f"got {shown(value)}"
            )
        return value
    return number(value, where)


def _dataset(d: Mapping[str, Any], where: str, title: Text) -> DatasetGoal:
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
            f"{where}.loss: expected one of {', '.join(LOSS_NAMES)}, got {shown(loss)}"
        )
    if "loss" in d and max_loss is None:
        raise FileFormatError(f"{where}.loss: goes with max_loss")
    train = None
    if "train" in d:
        if max_loss is None:
            raise FileFormatError(f"{where}.train: goes with max_loss (the loss to reach)")
        train = train_settings_from(d["train"], f"{where}.train")
    return DatasetGoal(data, min_acc, max_loss, loss, title, train)


def _max_hidden(d: Mapping[str, Any], where: str, title: Text) -> MaxHiddenGoal:
    count = _required(d, "count", where)
    if isinstance(count, bool) or not isinstance(count, int) or count < 0:
        raise FileFormatError(f"{where}.count: expected a whole number ≥ 0, got {shown(count)}")
    return MaxHiddenGoal(count, title)


def _activations(d: Mapping[str, Any], where: str, title: Text) -> ActivationsGoal:
    allowed = _required(d, "allowed", where)
    names = _id_list(allowed, f"{where}.allowed", "an activation name")
    if not names:
        raise FileFormatError(f"{where}.allowed: list at least one activation")
    for i, name in enumerate(names):
        if name not in REGISTRY:  # a built-in, or a formula the file defines (installed)
            raise FileFormatError(
                f"{where}.allowed[{i}]: unknown activation {name!r}; known: {', '.join(REGISTRY)}"
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
            raise FileFormatError(f"{where}[{i}]: expected {what}, got {shown(item)}")
        if tuple(item) in pairs:
            raise FileFormatError(f"{where}[{i}]: {item!r} is listed twice")
        pairs[(item[0], item[1])] = None
    return tuple(pairs)


# ------------------------------------------------------------- against a network
def exercise_of(network: Network) -> Exercise | None:
    """The network's exercise (checked against its neurons), or None when it has none."""
    if SECTION not in network.extra:
        return None
    exercise = exercise_from_dict(network.extra[SECTION])
    check_ids(exercise, network)
    return exercise


def check_ids(exercise: Exercise, network: Network, where: str = SECTION) -> None:
    """Raise FileFormatError if the section names a neuron, synapse or field the network lacks."""
    for gi, goal in enumerate(exercise.goals):
        at = f"{where}.goals[{gi}]"
        if isinstance(goal, TableGoal):
            for ri, row in enumerate(goal.rows):
                for nid in row.inputs:
                    _need(network, nid, f"{at}.rows[{ri}].inputs.{nid}", want_input=True)
                for nid in row.expect:
                    _need(network, nid, f"{at}.rows[{ri}].expect.{nid}", want_input=False)
        elif isinstance(goal, DatasetGoal):
            for nid in goal.dataset.input_names:
                _need(network, nid, f"{at}.dataset.inputs", want_input=True)
            for nid in goal.dataset.target_names:
                _need(network, nid, f"{at}.dataset.outputs", want_input=False)
        elif isinstance(goal, ActivationsGoal):
            for i, nid in enumerate(goal.neurons or ()):
                _need(network, nid, f"{at}.neurons[{i}]", want_input=False)
    locks = exercise.locked
    for i, nid in enumerate(locks.neurons):
        _need(network, nid, f"{where}.locked.neurons[{i}]")
    for i, key in enumerate(locks.synapses):
        if key not in network.synapses:
            raise FileFormatError(
                f"{where}.locked.synapses[{i}]: there is no synapse {key[0]} → {key[1]}"
            )
    for i, (nid, name) in enumerate(locks.params):
        _check_param(network, nid, name, f"{where}.locked.params[{i}]")


def _need(network: Network, nid: str, where: str, want_input: bool | None = None) -> None:
    neuron = network.neurons.get(nid)
    if neuron is None:
        raise FileFormatError(f"{where}: there is no neuron '{nid}' in the network")
    if want_input is True and not neuron.is_input:
        raise FileFormatError(f"{where}: '{nid}' is not an input neuron")
    if want_input is False and neuron.is_input:
        raise FileFormatError(f"{where}: '{nid}' is an input neuron; name a hidden or output one")


def _check_param(network: Network, nid: str, name: str, where: str) -> None:
    _need(network, nid, where)
    neuron = network.neurons[nid]
    if name == "value":
        if not neuron.is_input:
            raise FileFormatError(
                f"{where}: only input neurons have a value; '{nid}' is {neuron.kind}"
            )
        return
    if neuron.is_input:
        raise FileFormatError(f"{where}: '{nid}' is an input neuron; lock its \"value\"")
    if name not in NEURON_FIELDS and name not in neuron.params:
        known = ", ".join([*NEURON_FIELDS[:2], *neuron.params])
        raise FileFormatError(f"{where}: '{nid}' has no {name!r} to lock; it has {known}")
