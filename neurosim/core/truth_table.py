"""Truth tables: a network evaluated on every combination of binary (0/1) inputs.

For logic-gate lessons (AND, NOT, XOR): :func:`truth_table` evaluates all ``2**n`` input
combinations in one batch and gives, per row, the chosen neurons' z, y and fired state, the
row the current inputs match, and — for an exercise whose goals are tables — whether the
goal rows with those inputs pass (✓/✗). :func:`as_text` and :func:`as_csv` copy it.

Rows are ordered like a textbook's: the first input is the most significant bit, so two
inputs give 00, 01, 10, 11.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from neurosim.core.engine import Engine
from neurosim.core.exercise.checks import GoalResult
from neurosim.core.exercise.section import Exercise, TableGoal
from neurosim.core.explain import figure
from neurosim.core.model import Network

#: more inputs than this give more rows (2**6 = 64) than a table a class can read
MAX_INPUTS = 6


@dataclass(frozen=True)
class TruthRow:
    inputs: tuple[int, ...]  # 0 or 1 per input, in ``TruthTable.input_ids`` order
    z: tuple[float, ...]  # per neuron, in ``TruthTable.neuron_ids`` order
    y: tuple[float, ...]
    fired: tuple[bool, ...]
    passed: bool | None = None  # the exercise's table goals for these inputs; None: none
    wanted: str = ""  # what the goals ask for these inputs ("y = 0 ± 0.1")
    detail: str = ""  # what the network gave


@dataclass(frozen=True)
class TruthTable:
    """Every input combination, or ``problem`` (why there is no table) and no rows."""

    input_ids: tuple[str, ...]
    neuron_ids: tuple[str, ...]
    labels: dict[str, str]  # neuron id -> the label the canvas shows
    rows: tuple[TruthRow, ...] = ()
    current: int | None = None  # the row the current inputs match (None: not binary)
    problem: str = ""

    @property
    def checked(self) -> bool:
        """Some row has a ✓/✗ (an exercise's table goal)."""
        return any(r.passed is not None for r in self.rows)

    def header(self) -> list[str]:
        names = [self.labels[i] for i in self.input_ids]
        for nid in self.neuron_ids:
            name = self.labels[nid]
            names += [f"z({name})", f"y({name})", f"{name} fired"]
        return names + (["wanted", "goal"] if self.checked else [])

    def cells(self, row: TruthRow) -> list[str]:
        """One row as text, in :meth:`header` order."""
        cells = [str(v) for v in row.inputs]
        for z, y, fired in zip(row.z, row.y, row.fired, strict=True):
            cells += [figure(z), figure(y), "yes" if fired else "no"]
        if self.checked:
            cells += [row.wanted, "" if row.passed is None else "✓" if row.passed else "✗"]
        return cells


def truth_table(
    network: Network,
    neurons: Sequence[str] = (),
    engine: Engine | None = None,
    exercise: Exercise | None = None,
    results: Sequence[GoalResult] = (),
) -> TruthTable:
    """The truth table of ``network`` for ``neurons`` (hidden or output; none given: every
    output). ``results`` are ``check_goals(exercise, network)``: they give the ✓/✗."""
    shown = tuple(n for n in neurons if n in network.neurons and not network.neurons[n].is_input)
    if not shown:
        shown = tuple(n.id for n in network if n.kind == "output")
    labels = {n.id: n.label or n.id for n in network}
    own = engine is None
    engine = Engine(network) if engine is None else engine
    try:
        input_ids = engine.input_ids
        empty = TruthTable(input_ids, shown, labels)
        problem = _problem(len(input_ids), bool(shown))
        if problem:
            return TruthTable(input_ids, shown, labels, problem=problem)
        return _fill(empty, network, engine, _goal_marks(exercise, results, network, input_ids))
    finally:
        if own:
            engine.detach()


def _problem(n_inputs: int, has_neurons: bool) -> str:
    if n_inputs == 0:
        return "This network has no input neurons, so it has no truth table."
    if n_inputs > MAX_INPUTS:
        return (
            f"This network has {n_inputs} inputs: its truth table would have "
            f"2^{n_inputs} = {2**n_inputs:,} rows. Truth tables are shown for up to "
            f"{MAX_INPUTS} inputs ({2**MAX_INPUTS} rows)."
        )
    if not has_neurons:
        return "This network has no output neurons: select the neurons to tabulate."
    return ""


def combinations(n_inputs: int) -> np.ndarray:
    """Every 0/1 row for ``n_inputs`` inputs, the first input the most significant bit."""
    codes = np.arange(2**n_inputs)[:, None]
    shifts = np.arange(n_inputs - 1, -1, -1)[None, :]
    return ((codes >> shifts) & 1).astype(np.float64)


def _fill(
    table: TruthTable,
    network: Network,
    engine: Engine,
    marks: dict[tuple[int, ...], _Mark],
) -> TruthTable:
    x = combinations(len(table.input_ids))
    with np.errstate(all="ignore"):  # an overflow shows as ∞ or NaN in its cell
        ev = engine.evaluate(x)
    cols = [ev.index[nid] for nid in table.neuron_ids]
    rows = []
    for r, bits in enumerate(x.astype(int)):
        key = tuple(int(b) for b in bits)
        mark = marks.get(key)
        rows.append(
            TruthRow(
                inputs=key,
                z=tuple(float(v) for v in ev.z[r, cols]),
                y=tuple(float(v) for v in ev.y[r, cols]),
                fired=tuple(bool(v) for v in ev.fired[r, cols]),
                passed=mark.passed if mark else None,
                wanted=mark.wanted if mark else "",
                detail=mark.detail if mark else "",
            )
        )
    values = [network.neurons[nid].value for nid in table.input_ids]
    current = _row_of(values)
    return TruthTable(table.input_ids, table.neuron_ids, table.labels, tuple(rows), current=current)


def _row_of(values: Sequence[float]) -> int | None:
    """The row index of binary input ``values``; None when one is not 0 or 1."""
    if any(v not in (0.0, 1.0) for v in values):
        return None
    return sum(int(v) << k for k, v in enumerate(reversed(values)))


@dataclass(frozen=True)
class _Mark:
    passed: bool
    wanted: str
    detail: str

    def joined(self, other: _Mark) -> _Mark:
        """Two goal rows about the same inputs: both must pass."""
        return _Mark(
            self.passed and other.passed,
            f"{self.wanted}; {other.wanted}",
            f"{self.detail}; {other.detail}",
        )


def _goal_marks(
    exercise: Exercise | None,
    results: Sequence[GoalResult],
    network: Network,
    input_ids: Sequence[str],
) -> dict[tuple[int, ...], _Mark]:
    """The ✓/✗ per input combination that a row of an exercise's table goal sets."""
    if exercise is None:
        return {}
    stored = {nid: network.neurons[nid].value for nid in input_ids}
    marks: dict[tuple[int, ...], _Mark] = {}
    for result in results:
        goal = exercise.goals[result.goal_index] if result.goal_index is not None else None
        if not isinstance(goal, TableGoal) or result.row is None:
            continue
        key = _row_key(goal.rows[result.row].inputs, stored, input_ids)
        if key is not None:
            mark = _Mark(result.passed, result.label.partition(" → ")[2], result.detail)
            marks[key] = marks[key].joined(mark) if key in marks else mark
    return marks


def _row_key(
    inputs: dict[str, float], stored: dict[str, float], input_ids: Sequence[str]
) -> tuple[int, ...] | None:
    """The combination a goal row checks: its inputs, the stored value of any it leaves
    out (as the check does); None when one is not 0 or 1 or no input any more."""
    if any(nid not in stored for nid in inputs):
        return None
    values = [inputs.get(nid, stored[nid]) for nid in input_ids]
    return tuple(int(v) for v in values) if all(v in (0.0, 1.0) for v in values) else None


# ------------------------------------------------------------------------ copying
def as_text(table: TruthTable) -> str:
    """Aligned columns for a message, a slide or a lab report (tab-free)."""
    if table.problem:
        return table.problem
    lines = [table.header()] + [table.cells(r) for r in table.rows]
    widths = [max(len(line[k]) for line in lines) for k in range(len(lines[0]))]
    return "\n".join(
        "  ".join(cell.rjust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in lines
    )


def as_csv(table: TruthTable) -> str:
    """Comma-separated with full-precision numbers, for a spreadsheet."""
    text = io.StringIO(newline="")
    writer = csv.writer(text, lineterminator="\n")
    if table.problem:
        return ""
    header = table.header()
    writer.writerow(header)
    for row in table.rows:
        cells: list[object] = list(row.inputs)
        for z, y, fired in zip(row.z, row.y, row.fired, strict=True):
            cells += [_number(z), _number(y), int(fired)]
        if table.checked:
            cells += [row.wanted, "" if row.passed is None else "pass" if row.passed else "fail"]
        writer.writerow(cells)
    return text.getvalue()


def _number(x: float) -> str:
    return repr(x) if math.isfinite(x) else "nan" if math.isnan(x) else str(x)
