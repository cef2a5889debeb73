"""Truth tables computed in the core: rows, the current row, exercise marks, copying."""

from __future__ import annotations

import csv
import io

import numpy as np
import pytest

from neurosim.core import fileformat
from neurosim.core.engine import Engine
from neurosim.core.exercise.checks import check_goals
from neurosim.core.exercise.reading import exercise_from_dict, exercise_of
from neurosim.core.model import Network
from neurosim.core.truth_table import MAX_INPUTS, as_csv, as_text, combinations, truth_table
from neurosim.paths import resource_path


def gate(w1: float = 1.0, w2: float = 1.0, bias: float = -1.5) -> Network:
    """x1, x2 -> h (relu) -> y (step); with the defaults y is x1 AND x2."""
    net = Network()
    net.add_neuron("input", "x1")
    net.add_neuron("input", "x2")
    net.add_neuron("hidden", "h", activation="relu", bias=0.25)
    net.add_neuron("output", "y", label="AND", activation="step", bias=bias)
    net.add_synapse("x1", "y", w1)
    net.add_synapse("x2", "y", w2)
    net.add_synapse("x1", "h", 2.0)
    return net


def one_by_one(net: Network, neuron: str, bits: tuple[int, ...]) -> dict:
    """The engine's figures with the inputs really set, one combination at a time."""
    copy = net.copy()
    for nid, bit in zip(("x1", "x2"), bits, strict=False):
        copy.set_value(nid, float(bit))
    engine = Engine(copy)
    try:
        return engine.evaluate().of(neuron)
    finally:
        engine.detach()


def test_combinations_count_up_with_the_first_input_most_significant():
    assert combinations(2).tolist() == [[0, 0], [0, 1], [1, 0], [1, 1]]
    assert combinations(3)[5].tolist() == [1, 0, 1]
    assert len(combinations(MAX_INPUTS)) == 64


def test_rows_agree_with_the_engine_for_every_combination():
    net = gate(0.8, 0.4, -0.5)
    table = truth_table(net)
    assert table.neuron_ids == ("y",)  # nothing chosen: the outputs
    assert [r.inputs for r in table.rows] == [(0, 0), (0, 1), (1, 0), (1, 1)]
    for row in table.rows:
        want = one_by_one(net, "y", row.inputs)
        assert row.z == pytest.approx((want["z"],))
        assert row.y == (want["y"],)
        assert row.fired == (want["fired"],)
    assert [r.y[0] for r in table.rows] == [0.0, 0.0, 1.0, 1.0]  # 0.8·x1 + 0.4·x2 − 0.5


def test_chosen_neurons_are_the_columns_and_inputs_among_them_are_skipped():
    table = truth_table(gate(), neurons=["x1", "h", "y"])
    assert table.neuron_ids == ("h", "y")
    assert table.rows[2].z == pytest.approx((2.25, -0.5))
    assert table.header() == [
        "x1",
        "x2",
        "z(h)",
        "y(h)",
        "h fired",
        "z(AND)",
        "y(AND)",
        "AND fired",
    ]


def test_evaluating_the_table_leaves_the_network_and_its_inputs_alone():
    net = gate()
    net.set_value("x1", 1.0)
    engine = Engine(net)
    truth_table(net, engine=engine)
    assert net.neurons["x1"].value == 1.0
    assert engine.evaluate().of("y")["z"] == pytest.approx(-0.5)
    engine.detach()


@pytest.mark.parametrize(
    ("x1", "x2", "row"), [(0, 0, 0), (0, 1, 1), (1, 0, 2), (1, 1, 3), (0.5, 1, None), (2, 0, None)]
)
def test_the_current_row_is_the_one_the_inputs_match(x1, x2, row):
    net = gate()
    net.set_value("x1", x1)
    net.set_value("x2", x2)
    assert truth_table(net).current == row


def test_no_table_without_inputs_beyond_six_inputs_or_without_neurons():
    empty = Network()
    empty.add_neuron("output", "y")
    assert "no input neurons" in truth_table(empty).problem
    wide = Network()
    for k in range(MAX_INPUTS + 1):
        wide.add_neuron("input", f"x{k}")
    wide.add_neuron("output", "y")
    problem = truth_table(wide).problem
    assert "7 inputs" in problem and "128" in problem and "up to 6" in problem
    assert truth_table(wide).rows == ()
    assert as_text(truth_table(wide)) == problem
    assert as_csv(truth_table(wide)) == ""
    lonely = Network()
    lonely.add_neuron("input", "x1")
    lonely.add_neuron("hidden", "h")
    assert "select the neurons" in truth_table(lonely).problem
    assert truth_table(lonely, neurons=["h"]).problem == ""


def test_six_inputs_give_sixty_four_rows():
    net = Network()
    for k in range(MAX_INPUTS):
        net.add_neuron("input", f"x{k}")
        net.add_neuron("output", "y") if k == 0 else None
        net.add_synapse(f"x{k}", "y", 2.0**k)
    table = truth_table(net)
    assert len(table.rows) == 64
    # y is linear: z counts the row number backwards (x0 is the most significant bit)
    assert [r.z[0] for r in table.rows[:4]] == [0.0, 32.0, 16.0, 48.0]


def test_an_overflow_shows_in_its_cell_not_as_an_error():
    net = gate(1e308, 1e308, 0.0)
    table = truth_table(net)
    assert np.isinf(table.rows[3].z[0])
    assert "∞" in as_text(table)


# ------------------------------------------------------------------------ exercises
def exercise(name: str):
    net = fileformat.load(resource_path("exercises", name))
    return net, exercise_of(net)


def marks(net: Network, ex) -> list[bool | None]:
    return [r.passed for r in truth_table(net, exercise=ex, results=check_goals(ex, net)).rows]


def test_an_exercise_marks_each_row_like_its_checklist():
    net, ex = exercise("and-gate.nsim.json")
    assert marks(net, ex) == [False, False, False, True]  # the file as shipped: y = 1 always
    net.set_bias("y", -0.75)
    assert marks(net, ex) == [True, True, True, True]
    table = truth_table(net, exercise=ex, results=check_goals(ex, net))
    assert table.header()[-2:] == ["wanted", "goal"]
    assert table.rows[3].wanted == "y = 1 ± 0.1"
    assert table.rows[3].detail == "got y = 1"
    assert table.cells(table.rows[0])[-2:] == ["y = 0 ± 0.1", "✓"]


def test_a_goal_row_that_leaves_an_input_out_checks_its_stored_value():
    net = gate()  # x2 is stored as 0
    ex = exercise_from_dict(
        {
            "instructions": "AND, x2 left as it is",
            "goals": [
                {
                    "type": "table",
                    "rows": [
                        {"inputs": {"x1": 0}, "expect": {"y": 0}},
                        {"inputs": {"x1": 1}, "expect": {"y": 1}},
                    ],
                }
            ],
        }
    )
    # The check keeps x2 at 0, so only the rows with x2 = 0 are about the goal.
    assert marks(net, ex) == [True, None, False, None]


def test_rows_without_a_goal_have_no_mark_and_a_plain_network_no_goal_column():
    net, ex = exercise("not-gate.nsim.json")
    table = truth_table(net, exercise=ex, results=check_goals(ex, net))
    assert all(r.passed is not None for r in table.rows)
    plain = truth_table(gate())
    assert not plain.checked and "goal" not in plain.header()


# ------------------------------------------------------------------------ copying
def test_text_lines_up_its_columns():
    lines = as_text(truth_table(gate(0.8, 0.4, -0.5))).splitlines()
    assert lines[0].split() == ["x1", "x2", "z(AND)", "y(AND)", "AND", "fired"]
    assert lines[1].split() == ["0", "0", "−0.50", "0.00", "no"]
    assert lines[4].split() == ["1", "1", "0.70", "1.00", "yes"]
    assert len({len(line) for line in lines}) == 1  # right-aligned: every line as wide


def test_csv_reads_back_with_full_precision():
    net = gate(0.1, 0.2, -1 / 3)
    table = truth_table(net)
    rows = list(csv.reader(io.StringIO(as_csv(table))))
    assert rows[0] == ["x1", "x2", "z(AND)", "y(AND)", "AND fired"]
    assert len(rows) == 5
    assert float(rows[4][2]) == table.rows[3].z[0]  # not rounded
    assert rows[1][:2] == ["0", "0"] and rows[4][4] in ("0", "1")
