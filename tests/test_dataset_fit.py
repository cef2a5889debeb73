"""Which training data fits a network (core, no Qt): the lesson's own truth table, a
built-in set widened to every output, and what to say when nothing fits."""

from __future__ import annotations

import numpy as np
import pytest

from neurosim.core.builders import layered_network
from neurosim.core.dataset_fit import (
    fitting_builtins,
    gate_of,
    lesson_dataset,
    shape_needed,
    widen,
)
from neurosim.core.datasets import builtin
from neurosim.core.fileformat import load
from neurosim.core.training import align_dataset
from neurosim.paths import resource_path


def _lesson(folder: str, name: str):
    return load(resource_path(folder, f"{name}.nsim.json"))


def test_03b_trains_both_outputs_on_xor_its_notes_are_about():
    net = _lesson("examples", "03b-xor-hidden-layer")
    data = lesson_dataset(net)
    assert data is not None and data.name == "XOR truth table"
    x, t = align_dataset(net, data)
    assert x.tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    # "xor" names its gate; "one neuron" names none and tries the same XOR (and cannot)
    assert t.tolist() == [[0, 0], [1, 1], [1, 1], [0, 0]]


def test_03a_each_output_learns_the_gate_it_is_named_after():
    net = _lesson("examples", "03a-logic-gates")
    data = lesson_dataset(net)
    assert data is not None and data.name == "AND / OR / NOT truth table"
    _, t = align_dataset(net, data)
    assert data.target_names == ("and", "or", "not")
    assert t.tolist() == [[0, 0, 1], [0, 1, 1], [0, 1, 0], [1, 1, 0]]  # NOT x₁


@pytest.mark.parametrize(
    ("name", "rows"),
    [
        ("and-gate", [[0, 0, 0], [0, 1, 0], [1, 0, 0], [1, 1, 1]]),
        ("not-gate", [[0, 1], [1, 0]]),
        ("find-threshold", None),
    ],
)
def test_an_exercise_trains_on_its_truth_table_goal(name, rows):
    net = _lesson("exercises", name)
    data = lesson_dataset(net)
    assert data is not None and data.name.startswith("Exercise: ")
    x, t = align_dataset(net, data)
    table = np.hstack((x, t)).tolist()
    if rows is not None:
        assert table == rows
    else:  # "fired" / "silent" read as 1 / 0: fires for 101, 110, 111
        assert len(table) == 8 and [r[:3] for r in table if r[3] == 1] == [
            [1, 0, 1],
            [1, 1, 0],
            [1, 1, 1],
        ]
        assert {r[3] for r in table} == {0.0, 1.0}


def test_a_goal_row_that_leaves_out_a_neuron_is_not_training_data():
    net = layered_network((2, 1), activation="sigmoid")
    net.extra["exercise"] = {
        "goals": [{"type": "table", "rows": [{"inputs": {"x1": 0}, "expect": {"y1": 1}}]}]
    }
    assert lesson_dataset(net) is None


@pytest.mark.parametrize(
    ("text", "gate"),
    [("and", "and"), ("h_nand", "nand"), ("y_sigmoid", None), ("one", None), ("y1", None)],
)
def test_gate_of_reads_whole_words_of_the_id(text, gate):
    net = layered_network((2, 1))
    neuron = net.of_kind("output")[0]
    neuron.id, neuron.label = text, ""
    assert gate_of(neuron) == gate


def test_a_network_without_gate_names_has_no_lesson_data():
    assert lesson_dataset(layered_network((2, 3, 1), activation="tanh")) is None


def test_widen_copies_the_one_target_to_every_output():
    net = layered_network((2, 3, 4), activation="tanh")
    data = widen(builtin("circle", 30, 0.0, 0), net)
    x, t = align_dataset(net, data)
    assert t.shape == (30, 4) and (t == t[:, :1]).all()
    assert x.shape == (30, 2)


def test_widen_leaves_data_whose_inputs_do_not_fit():
    net = layered_network((3, 1))
    circle = builtin("circle", 10)
    assert widen(circle, net) is circle


@pytest.mark.parametrize(
    ("sizes", "fits"),
    [
        ((1, 1), ["sine"]),
        ((2, 2), ["and", "or", "nand", "xor", "circle", "xor2d", "gauss", "spiral"]),
        ((3, 1), []),
    ],
)
def test_fitting_builtins_follow_the_inputs(sizes, fits):
    assert fitting_builtins(layered_network(sizes)) == fits


def test_shape_needed_names_the_columns():
    net = layered_network((3, 2))
    text = shape_needed(net)
    ins = ", ".join(n.id for n in net.of_kind("input"))
    assert f"3 input columns ({ins})" in text and "2 target columns" in text
    assert "CSV" in text
