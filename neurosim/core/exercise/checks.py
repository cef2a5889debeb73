"""Checking a network against an exercise: one :class:`GoalResult` per table row or criterion.

:func:`check_goals` only evaluates the network it is given (cheap enough to run after every
edit, so a panel can show a live ✓/✗ per row); :mod:`neurosim.core.exercise.locks` compares a
submission with the exercise network.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import numpy as np

from neurosim.core.datasets import accuracy
from neurosim.core.engine import Engine, Evaluation
from neurosim.core.exercise.section import (
    ActivationsGoal,
    DatasetGoal,
    Exercise,
    Goal,
    MaxHiddenGoal,
    TableGoal,
    TableRow,
)
from neurosim.core.exercise.training_check import epochs_label, trained_result
from neurosim.core.losses import LossError, loss_value
from neurosim.core.model import Network
from neurosim.core.text_marks import QT_TRANSLATE_NOOP, fill, joined

_OVERFLOWED = QT_TRANSLATE_NOOP("Checks", "the network overflowed; use smaller weights")
# A value exactly at the tolerance passes even when float rounding puts it a hair outside.
ROUNDING = 1e-9


@dataclass(frozen=True)
class GoalResult:
    """One line of a report: ``goal_index`` is None for locked-part checks."""

    goal_index: int | None
    label: str
    passed: bool
    detail: str = ""
    row: int | None = None  # the table row this result is about
    kind: str = ""  # the goal's type, or "locked"

    def to_dict(self) -> dict[str, Any]:
        return {
            "goal": self.goal_index,
            "type": self.kind,
            "row": self.row,
            "label": self.label,
            "passed": self.passed,
            "detail": self.detail,
        }


@dataclass(frozen=True)
class Report:
    results: tuple[GoalResult, ...]

    @property
    def solved(self) -> bool:
        return bool(self.results) and all(r.passed for r in self.results)

    @property
    def failed(self) -> tuple[GoalResult, ...]:
        return tuple(r for r in self.results if not r.passed)

    def to_dict(self) -> dict[str, Any]:
        return {"solved": self.solved, "results": [r.to_dict() for r in self.results]}


def check_goals(
    exercise: Exercise,
    network: Network,
    engine: Engine | None = None,
    start: Network | None = None,
) -> list[GoalResult]:
    """Every goal on ``network``; pass the network's live ``engine`` to reuse its compilation,
    and the exercise network as ``start``: a goal that trains starts from its weights."""
    own = engine is None
    engine = Engine(network) if engine is None else engine
    try:
        results: list[GoalResult] = []
        for i, goal in enumerate(exercise.goals):
            results.extend(_check(i, goal, network, engine, start))
        return results
    finally:
        if own:
            engine.detach()


def _check(
    i: int, goal: Goal, network: Network, engine: Engine, start: Network | None
) -> Iterator[GoalResult]:
    if isinstance(goal, TableGoal):
        yield from _table(i, goal, network, engine)
    elif isinstance(goal, DatasetGoal):
        yield from _dataset(i, goal, network, engine)
        if goal.train is not None:
            yield _trained(i, goal, network, start)
    elif isinstance(goal, MaxHiddenGoal):
        yield _max_hidden(i, goal, network)
    else:
        yield _activations(i, goal, network)


# ------------------------------------------------------------------------ labels
def fmt(value: float) -> str:
    """A number as a student reads it: 0.73, 1, -2.5e-05."""
    return f"{value:.4g}"


def _exact(value: float, ok: bool, would_pass: Callable[[float], bool]) -> str:
    """``fmt(value)``, with more digits when rounding would make a failure look like a pass."""
    text = fmt(value)
    if not ok and would_pass(float(text)):
        text = f"{value:.12g}"
    return text


def row_label(row: TableRow, tolerance: float) -> str:
    ins = ", ".join(f"{nid}={v:g}" for nid, v in row.inputs.items())
    wants = joined(", ", [_want(nid, e, tolerance) for nid, e in row.expect.items()])
    return fill("{inputs} → {wants}", inputs=ins or _STORED, wants=wants)


_STORED = QT_TRANSLATE_NOOP("Checks", "stored inputs")


def _want(nid: str, expected: float | str, tolerance: float) -> str:
    if expected == "fired":
        return fill(QT_TRANSLATE_NOOP("Checks", "{nid} fires"), nid=nid)
    if isinstance(expected, str):
        if expected == "silent":
            return fill(QT_TRANSLATE_NOOP("Checks", "{nid} stays silent"), nid=nid)
        return fill(QT_TRANSLATE_NOOP("Checks", "{nid} does not fire"), nid=nid)
    return f"{nid} = {expected:g} ± {tolerance:g}" if tolerance else f"{nid} = {expected:g}"


# ------------------------------------------------------------------------ tables
def _table(i: int, goal: TableGoal, network: Network, engine: Engine) -> Iterator[GoalResult]:
    rows = [dict(r.inputs) for r in goal.rows]
    x, problems = _inputs(network, engine, rows)
    ev = _evaluate(engine, x)
    for r, row in enumerate(goal.rows):
        label = row_label(row, goal.tolerance)
        if problems[r]:
            yield GoalResult(i, label, False, problems[r], r, goal.type)
            continue
        outcomes = [
            _expectation(network, ev, r, nid, e, goal.tolerance) for nid, e in row.expect.items()
        ]
        passed = all(ok for ok, _ in outcomes)
        detail = joined("; ", [text for _, text in outcomes])
        yield GoalResult(i, label, passed, detail, r, goal.type)


def _inputs(
    network: Network, engine: Engine, rows: list[dict[str, float]]
) -> tuple[np.ndarray, list[str]]:
    """Input matrix (rows × the engine's inputs): given values, else the stored ones."""
    ids = engine.input_ids
    col = {nid: k for k, nid in enumerate(ids)}
    x = np.tile([network.neurons[nid].value for nid in ids], (len(rows), 1)).astype(np.float64)
    problems = []
    for r, values in enumerate(rows):
        bad = [nid for nid in values if nid not in col]
        problems.append(_missing(network, bad[0], "input") if bad else "")
        for nid, v in values.items():
            if nid in col:
                x[r, col[nid]] = v
    return x, problems


def _missing(network: Network, nid: str, role: str) -> str:
    """Why ``nid`` cannot play its ``role``: "input", or "output" (a hidden or output neuron)."""
    if nid not in network.neurons:
        return fill(QT_TRANSLATE_NOOP("Checks", "the network has no neuron '{nid}'"), nid=nid)
    if role == "input":
        return fill(QT_TRANSLATE_NOOP("Checks", "'{nid}' is not an input neuron any more"), nid=nid)
    template = QT_TRANSLATE_NOOP(
        "Checks", "'{nid}' is an input neuron, not a hidden or output neuron"
    )
    return fill(template, nid=nid)


def _evaluate(engine: Engine, x: np.ndarray) -> Evaluation:
    with np.errstate(all="ignore"):  # overflow shows up as a non-finite value, reported below
        return engine.evaluate(x.reshape(len(x), len(engine.input_ids)))


def _expectation(
    network: Network, ev: Evaluation, r: int, nid: str, expected: float | str, tolerance: float
) -> tuple[bool, str]:
    if nid not in ev.index or network.neurons[nid].is_input:
        return False, _missing(network, nid, "output")
    col = ev.index[nid]
    if isinstance(expected, str):
        fired = bool(ev.fired[r, col])
        ok = fired == (expected == "fired")
        template = (
            QT_TRANSLATE_NOOP("Checks", "{nid} fired (z = {z})")
            if fired
            else QT_TRANSLATE_NOOP("Checks", "{nid} did not fire (z = {z})")
        )
        return ok, fill(template, nid=nid, z=fmt(ev.z[r, col]))
    y = float(ev.y[r, col])
    if not np.isfinite(y):
        template = QT_TRANSLATE_NOOP(
            "Checks", "{nid} gave {y} (the network overflowed; use smaller weights)"
        )
        return False, fill(template, nid=nid, y=y)
    limit = tolerance + ROUNDING * max(1.0, abs(expected))
    ok = abs(y - expected) <= limit
    got = _exact(y, ok, lambda v: abs(v - expected) <= limit)
    return ok, fill(QT_TRANSLATE_NOOP("Checks", "got {nid} = {value}"), nid=nid, value=got)


# ------------------------------------------------------------------------ datasets
def _dataset(i: int, goal: DatasetGoal, network: Network, engine: Engine) -> Iterator[GoalResult]:
    ds = goal.dataset
    name = fill(QT_TRANSLATE_NOOP("Checks", "{name} ({rows} rows)"), name=ds.name, rows=len(ds))
    labels = []
    if goal.min_accuracy is not None:
        template = QT_TRANSLATE_NOOP("Checks", "accuracy ≥ {percent:g}% on {name}")
        labels.append(fill(template, percent=goal.min_accuracy * 100, name=name))
    if goal.max_loss is not None:
        template = QT_TRANSLATE_NOOP("Checks", "{loss} loss ≤ {limit:g} on {name}")
        labels.append(fill(template, loss=goal.loss, limit=goal.max_loss, name=name))
    problem = _dataset_problem(network, goal)
    if problem:
        for label in labels:
            yield GoalResult(i, label, False, problem, None, goal.type)
        return
    ids = engine.input_ids
    x = np.tile([network.neurons[nid].value for nid in ids], (len(ds), 1)).astype(np.float64)
    for k, nid in enumerate(ds.input_names):
        x[:, ids.index(nid)] = ds.inputs[:, k]
    ev = _evaluate(engine, x)
    y = ev.y[:, [ev.index[nid] for nid in ds.target_names]]
    finite = bool(np.isfinite(y).all())
    if goal.min_accuracy is not None:
        yield _accuracy_result(i, goal, goal.min_accuracy, labels[0], y, finite)
    if goal.max_loss is not None:
        yield _loss_result(i, goal, goal.max_loss, labels[-1], y)


def _dataset_problem(network: Network, goal: DatasetGoal) -> str:
    for nid in goal.dataset.input_names:
        if nid not in network.neurons or not network.neurons[nid].is_input:
            return _missing(network, nid, "input")
    for nid in goal.dataset.target_names:
        if nid not in network.neurons or network.neurons[nid].is_input:
            return _missing(network, nid, "output")
    return ""


def _accuracy_result(
    i: int, goal: DatasetGoal, min_accuracy: float, label: str, y: np.ndarray, finite: bool
) -> GoalResult:
    if not finite:
        return GoalResult(i, label, False, _OVERFLOWED, None, goal.type)
    acc = accuracy(y, goal.dataset.targets)
    right = round(acc * len(goal.dataset))
    ok = acc + ROUNDING >= min_accuracy
    detail = fill(
        QT_TRANSLATE_NOOP("Checks", "got {percent:.1f}% ({right} of {rows} rows right)"),
        percent=acc * 100,
        right=right,
        rows=len(goal.dataset),
    )
    return GoalResult(i, label, ok, detail, None, goal.type)


def _loss_result(
    i: int, goal: DatasetGoal, max_loss: float, label: str, y: np.ndarray
) -> GoalResult:
    try:
        with np.errstate(all="ignore"):
            value = loss_value(goal.loss, y, goal.dataset.targets, goal.dataset.target_names)
    except LossError as exc:
        return GoalResult(i, label, False, str(exc), None, goal.type)
    limit = max_loss + ROUNDING * max(1.0, max_loss)
    ok = value <= limit
    got = fill(
        QT_TRANSLATE_NOOP("Checks", "got {value}"), value=_exact(value, ok, lambda v: v <= limit)
    )
    return GoalResult(i, label, ok, got, None, goal.type)


def _trained(i: int, goal: DatasetGoal, network: Network, start: Network | None) -> GoalResult:
    label = epochs_label(goal)
    problem = _dataset_problem(network, goal)
    if problem:
        return GoalResult(i, label, False, problem, None, goal.type)
    passed, detail = trained_result(goal, network, start)
    return GoalResult(i, label, passed, detail, None, goal.type)


# ------------------------------------------------------------------------ structure
def _max_hidden(i: int, goal: MaxHiddenGoal, network: Network) -> GoalResult:
    n = len(network.of_kind("hidden"))
    if goal.count == 0:
        label = QT_TRANSLATE_NOOP("Checks", "no hidden neurons")
    elif goal.count == 1:
        label = fill(QT_TRANSLATE_NOOP("Checks", "at most {count} hidden neuron"), count=1)
    else:
        label = fill(
            QT_TRANSLATE_NOOP("Checks", "at most {count} hidden neurons"), count=goal.count
        )
    template = (
        QT_TRANSLATE_NOOP("Checks", "the network has {count} hidden neuron")
        if n == 1
        else QT_TRANSLATE_NOOP("Checks", "the network has {count} hidden neurons")
    )
    detail = fill(template, count=n)
    return GoalResult(i, label, n <= goal.count, detail, None, goal.type)


def _activations(i: int, goal: ActivationsGoal, network: Network) -> GoalResult:
    ids = goal.neurons if goal.neurons is not None else [n.id for n in network if not n.is_input]
    allowed = ", ".join(goal.allowed)
    if goal.neurons is None:
        label = fill(QT_TRANSLATE_NOOP("Checks", "only {allowed}"), allowed=allowed)
    else:
        template = QT_TRANSLATE_NOOP("Checks", "only {allowed} on {neurons}")
        label = fill(template, allowed=allowed, neurons=", ".join(goal.neurons))
    # A listed neuron the student deleted uses no activation; other goals catch that.
    uses = QT_TRANSLATE_NOOP("Checks", "{nid} uses {activation}")
    wrong = [
        fill(uses, nid=nid, activation=network.neurons[nid].activation)
        for nid in ids
        if nid in network.neurons
        and not network.neurons[nid].is_input
        and network.neurons[nid].activation not in goal.allowed
    ]
    detail = joined("; ", wrong) if wrong else QT_TRANSLATE_NOOP("Checks", "every one does")
    return GoalResult(i, label, not wrong, detail, None, goal.type)
