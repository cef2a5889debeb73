"""Which training data fits a network: its number of inputs and outputs decides.

A lesson that stores no dataset still has an intent a student expects Train to follow:
an exercise's truth-table goal, or outputs named after logic gates (03a's AND, OR, NOT).
:func:`lesson_dataset` reads that intent; :func:`widen` lets a one-target built-in set
train a network with several outputs (each output learns the same target, so 04's deep
and one-neuron outputs can be compared on one task); :func:`fitting_builtins` lists the
built-in sets that fit; :func:`shape_needed` says, in words, what data a network needs
when none of them does. Pure numpy, no Qt.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from neurosim.core.datasets import BUILTIN_NAMES, Dataset
from neurosim.core.localized_text import as_str, check_text
from neurosim.core.model import Network, Neuron
from neurosim.core.text_marks import QT_TRANSLATE_NOOP, fill
from neurosim.core.validate import FileFormatError

MAX_TABLE_INPUTS = 4  # a truth table of 2**4 = 16 rows; more inputs are not a gate lesson

# Each gate as a function of the input columns (0/1 arrays); NOT negates the first input.
_GATES = {
    "and": lambda x: x.all(axis=1),
    "or": lambda x: x.any(axis=1),
    "nand": lambda x: ~x.all(axis=1),
    "nor": lambda x: ~x.any(axis=1),
    "xor": lambda x: x.sum(axis=1) % 2 == 1,
    "xnor": lambda x: x.sum(axis=1) % 2 == 0,
    "not": lambda x: ~x[:, 0],
}
_WORD = re.compile(r"[a-z]+")


def input_ids(network: Network) -> list[str]:
    return [n.id for n in network.of_kind("input")]


def output_ids(network: Network) -> list[str]:
    return [n.id for n in network.of_kind("output")]


def gate_of(neuron: Neuron) -> str | None:
    """The logic gate an output is named after ("and", "h_nand", label "NOT x₁"), or None."""
    for text in (neuron.id, neuron.label):
        for word in _WORD.findall(text.lower()):
            if word in _GATES:
                return word
    return None


def fitting_builtins(network: Network) -> list[str]:
    """The built-in sets whose inputs match the network's (their one target is copied to
    every output by :func:`widen`); empty when none fits."""
    k = len(input_ids(network))
    if not output_ids(network):
        return []
    if k == 1:
        return ["sine"]
    if k == 2:
        return [name for name in BUILTIN_NAMES if name != "sine"]
    return []


def widen(dataset: Dataset, network: Network) -> Dataset:
    """``dataset`` with its columns named by the network's neurons, its one target copied
    to every output when the network has several (a built-in set for 03b or 04).

    A dataset that already has one target per output, or whose inputs differ in number,
    comes back renamed or unchanged: matching then says what is wrong.
    """
    ins, outs = input_ids(network), output_ids(network)
    if dataset.n_inputs != len(ins) or not outs:
        return dataset
    targets = dataset.targets
    if dataset.n_outputs == 1 and len(outs) > 1:
        targets = np.repeat(targets, len(outs), axis=1)
    elif dataset.n_outputs != len(outs):
        return dataset
    return Dataset(dataset.name, dataset.inputs, targets, tuple(ins), tuple(outs), dataset.task)


def lesson_dataset(network: Network) -> Dataset | None:
    """The data the lesson itself implies, or None: the rows of an exercise's truth-table
    goal, else a truth table when an output is named after a gate (outputs named after
    none learn the first named gate: 03b's *one neuron* tries XOR too, and cannot)."""
    return _goal_table(network) or _gate_table(network)


def _gate_table(network: Network) -> Dataset | None:
    ins, outputs = input_ids(network), network.of_kind("output")
    if not 1 <= len(ins) <= MAX_TABLE_INPUTS or not outputs:
        return None
    gates = [gate_of(n) for n in outputs]
    named = [g for g in gates if g is not None]
    if not named:
        return None
    corners = np.array(list(itertools.product((0.0, 1.0), repeat=len(ins))))
    bits = corners.astype(bool)
    columns = [_GATES[g or named[0]](bits) for g in gates]
    targets = np.column_stack(columns).astype(np.float64)
    title = " / ".join(dict.fromkeys(g.upper() for g in named))
    return Dataset(
        fill(QT_TRANSLATE_NOOP("Datasets", "{gates} truth table"), gates=title),
        corners,
        targets,
        tuple(ins),
        tuple(n.id for n in outputs),
        "classification",
    )


_STATES = {"fired": 1.0, "silent": 0.0}


def _goal_table(network: Network) -> Dataset | None:
    """The first ``table`` goal of the exercise whose rows give every input and output."""
    exercise = network.extra.get("exercise")
    goals = exercise.get("goals") if isinstance(exercise, Mapping) else None
    if not isinstance(goals, Sequence):
        return None
    ins, outs = input_ids(network), output_ids(network)
    for goal in goals:
        if isinstance(goal, Mapping) and goal.get("type") == "table":
            rows = _table_rows(goal.get("rows"), ins, outs)
            if rows:
                data = np.array(rows, dtype=np.float64)
                title = _goal_title(goal.get("title"))
                k = len(ins)
                task = "classification" if np.isin(data[:, k:], (0.0, 1.0)).all() else "regression"
                return Dataset(
                    fill(QT_TRANSLATE_NOOP("Datasets", "Exercise: {title}"), title=title),
                    data[:, :k],
                    data[:, k:],
                    tuple(ins),
                    tuple(outs),
                    task,
                )
    return None


def _goal_title(value: Any) -> str:
    """A goal's title (a string, or one per language: its English, remembering the rest),
    "Truth table" when it has none."""
    try:
        title = as_str(check_text(value, "title")) if value else ""
    except FileFormatError:
        title = ""
    return title.strip() and title or QT_TRANSLATE_NOOP("Datasets", "Truth table")


def _table_rows(rows: Any, ins: list[str], outs: list[str]) -> list[list[float]] | None:
    if not isinstance(rows, Sequence) or not rows or not ins or not outs:
        return None
    table = []
    for row in rows:
        inputs = row.get("inputs") if isinstance(row, Mapping) else None
        expect = row.get("expect") if isinstance(row, Mapping) else None
        if not isinstance(inputs, Mapping) or not isinstance(expect, Mapping):
            return None
        values = [_number(inputs.get(i)) for i in ins] + [_number(expect.get(o)) for o in outs]
        if any(v is None for v in values):
            return None  # a row that leaves a neuron out: not training data
        table.append([float(v) for v in values if v is not None])
    return table


def _number(value: Any) -> float | None:
    if isinstance(value, str):
        return _STATES.get(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and np.isfinite(value):
        return float(value)
    return None


def shape_needed(network: Network) -> str:
    """What data this network needs, in words, for when no built-in set fits it."""
    ins, outs = input_ids(network), output_ids(network)
    if not outs:
        return QT_TRANSLATE_NOOP(
            "Datasets", "this network has no output neuron, so there is nothing to train: add one"
        )
    if not ins:
        return QT_TRANSLATE_NOOP(
            "Datasets",
            "this network has no input neuron, so there is nothing to learn from: add one",
        )
    template = QT_TRANSLATE_NOOP(
        "Datasets",
        "this network has {inputs} and {outputs}, so it needs data with {input_columns} and "
        "{target_columns}; the built-in sets have 1 or 2 inputs — choose a CSV file whose "
        "first line names these neurons",
    )
    return fill(
        template,
        inputs=_counted(ins, _INPUTS),
        outputs=_counted(outs, _OUTPUTS),
        input_columns=_counted(ins, _INPUT_COLUMNS),
        target_columns=_counted(outs, _TARGET_COLUMNS),
    )


# (one, several): "1 input", "2 inputs" …
_INPUTS = (
    QT_TRANSLATE_NOOP("Datasets", "{count} input"),
    QT_TRANSLATE_NOOP("Datasets", "{count} inputs"),
)
_OUTPUTS = (
    QT_TRANSLATE_NOOP("Datasets", "{count} output"),
    QT_TRANSLATE_NOOP("Datasets", "{count} outputs"),
)
_INPUT_COLUMNS = (
    QT_TRANSLATE_NOOP("Datasets", "{count} input column ({ids})"),
    QT_TRANSLATE_NOOP("Datasets", "{count} input columns ({ids})"),
)
_TARGET_COLUMNS = (
    QT_TRANSLATE_NOOP("Datasets", "{count} target column ({ids})"),
    QT_TRANSLATE_NOOP("Datasets", "{count} target columns ({ids})"),
)


def _counted(ids: list[str], forms: tuple[str, str]) -> str:
    """ "2 inputs", "2 input columns (x1, x2)": the form for one or for several."""
    template = forms[0] if len(ids) == 1 else forms[1]
    return fill(template, count=len(ids), ids=", ".join(ids))
