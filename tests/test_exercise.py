"""Exercises: parsing and validation, every goal type, locked and frozen parts, lock policy."""

from __future__ import annotations

import copy
import warnings

import pytest

from neurosim.core.engine import Engine
from neurosim.core.exercise.checks import check_goals
from neurosim.core.exercise.grading import check_locked, grade
from neurosim.core.exercise.locks import LockPolicy, is_locked, lock_policy
from neurosim.core.exercise.reading import exercise_from_dict, exercise_of
from neurosim.core.exercise.writing import exercise_to_dict
from neurosim.core.model import Network
from neurosim.core.validate import FileFormatError


def gate(
    activation: str = "step", bias: float = 0.0, w1: float = 1.0, w2: float = 1.0, **params: float
) -> Network:
    """x1, x2 → y with the given weights: the test bench for most goals."""
    net = Network({"title": "gate"})
    net.add_neuron("input", "x1")
    net.add_neuron("input", "x2")
    net.add_neuron("output", "y", activation=activation, bias=bias, params=params)
    net.add_synapse("x1", "y", w1)
    net.add_synapse("x2", "y", w2)
    return net


AND_ROWS = [{"inputs": {"x1": a, "x2": b}, "expect": {"y": a & b}} for a in (0, 1) for b in (0, 1)]


def table(rows=None, tolerance=0.1, **extra):
    return {
        "type": "table",
        "rows": AND_ROWS if rows is None else rows,
        "tolerance": tolerance,
        **extra,
    }


def section(*goals, locked=None, hints=None) -> dict:
    d = {"instructions": "<p>Make <b>y</b> compute AND.</p>", "goals": list(goals) or [table()]}
    if locked is not None:
        d["locked"] = locked
    if hints is not None:
        d["hints"] = hints
    return d


def with_exercise(net: Network, d: dict) -> Network:
    net.extra["exercise"] = d
    return net


def results(goal: dict, net: Network):
    return check_goals(exercise_from_dict(section(goal)), net)


# ------------------------------------------------------------------ parsing


def test_round_trip_keeps_every_field():
    d = section(
        table(title="Truth table", tolerance=0.25),
        {
            "type": "table",
            "tolerance": 0,
            "rows": [
                {"expect": {"y": "fired"}},
                {"inputs": {"x1": 1}, "expect": {"y": "not fired"}},
                {"inputs": {"x2": 0.5}, "expect": {"y": "silent"}},
            ],
        },
        {
            "type": "dataset",
            "dataset": {
                "builtin": "and",
                "n": 4,
                "noise": 0.0,
                "seed": 0,
                "inputs": ["x1", "x2"],
                "outputs": ["y"],
            },
            "min_accuracy": 0.75,
            "max_loss": 0.2,
            "loss": "bce",
        },
        {
            "type": "dataset",
            "dataset": {
                "name": "two",
                "inputs": ["x1", "x2"],
                "outputs": ["y"],
                "task": "regression",
                "rows": [[0, 0, 0.5], [1, 1, 2]],
            },
            "max_loss": 0.1,
            "loss": "mse",
        },
        {"type": "max_hidden", "count": 2, "title": "Small"},
        {"type": "activations", "allowed": ["relu", "leaky_relu"], "neurons": ["y"]},
        {"type": "activations", "allowed": ["step"]},
        locked={
            "neurons": ["x1", "y"],
            "synapses": [["x1", "y"]],
            "params": [["y", "bias"], ["y", "threshold"], ["x1", "value"]],
        },
        hints=["one", "two"],
    )
    exercise = exercise_from_dict(d)
    out = exercise_to_dict(exercise)
    assert out == d
    assert exercise_to_dict(exercise_from_dict(out)) == out
    assert exercise.goals[0].rows[3].expect == {"y": 1.0}
    assert exercise.locked.synapses == (("x1", "y"),)


def test_minimal_section_writes_no_empty_parts():
    out = exercise_to_dict(exercise_from_dict(section(locked={"neurons": []})))
    assert set(out) == {"instructions", "goals"}
    assert out["goals"][0]["tolerance"] == 0.1


BAD_SECTIONS = [
    ([], "exercise: expected an object"),
    ({"goals": [table()]}, "exercise: missing 'instructions'"),
    ({"instructions": "x"}, "exercise: missing 'goals'"),
    ({"instructions": "x", "goals": []}, "exercise.goals: an exercise needs at least one goal"),
    ({**section(), "solution": 1}, "exercise: unknown key 'solution'"),
    ({**section(), "instructions": "  "}, "exercise.instructions: expected some text"),
    (
        {**section(), "instructions": "<p>hi<script>x</script></p>"},
        "exercise.instructions: the tag <script> is not supported",
    ),
    ({**section(), "instructions": 3}, "exercise.instructions: expected a string"),
    (section(hints=["ok", 2]), "exercise.hints[1]: expected a string"),
    (section(hints="look"), "exercise.hints: expected a list"),
    (section({"type": "quiz"}), "exercise.goals[0].type: expected one of table, dataset"),
    (section(table(extra=1)), "exercise.goals[0]: unknown key 'extra'"),
    (section(table(rows=[])), "exercise.goals[0].rows: a table goal needs at least one row"),
    (section(table(tolerance=-0.1)), "exercise.goals[0].tolerance: must be 0 or more"),
    (section(table(tolerance="big")), "exercise.goals[0].tolerance: expected a number"),
    (
        section(table(rows=[{"inputs": {"x1": "one"}, "expect": {"y": 1}}])),
        "exercise.goals[0].rows[0].inputs.x1: expected a number",
    ),
    (
        section(table(rows=[{"inputs": {}, "expect": {}}])),
        "exercise.goals[0].rows[0].expect: name at least one neuron",
    ),
    (section(table(rows=[{"inputs": {}}])), "exercise.goals[0].rows[0]: missing 'expect'"),
    (
        section(table(rows=[table(), {"inputs": {}, "expect": {"y": "on"}}][1:])),
        "exercise.goals[0].rows[0].expect.y: expected a number or one of 'fired', 'silent'",
    ),
    (
        section(table(rows=[{"expect": {"y": True}}])),
        "exercise.goals[0].rows[0].expect.y: expected a number, got a boolean (true)",
    ),
    (section(table(title="")), "exercise.goals[0].title: expected some text"),
    (section({"type": "dataset", "min_accuracy": 1}), "exercise.goals[0]: missing 'dataset'"),
    (
        section({"type": "dataset", "dataset": {"builtin": "and"}}),
        "exercise.goals[0]: give min_accuracy, max_loss or both",
    ),
    (
        section({"type": "dataset", "dataset": {"builtin": "nope"}, "max_loss": 1}),
        "exercise.goals[0].dataset.builtin: unknown built-in dataset 'nope'",
    ),
    (
        section({"type": "dataset", "dataset": {"builtin": "and"}, "min_accuracy": 95}),
        "exercise.goals[0].min_accuracy: a fraction from 0 to 1",
    ),
    (
        section({"type": "dataset", "dataset": {"builtin": "sine"}, "min_accuracy": 0.9}),
        "exercise.goals[0].min_accuracy: accuracy needs targets of 0 or 1",
    ),
    (
        section({"type": "dataset", "dataset": {"builtin": "and"}, "max_loss": -1}),
        "exercise.goals[0].max_loss: must be 0 or more",
    ),
    (
        section({"type": "dataset", "dataset": {"builtin": "and"}, "max_loss": 1, "loss": "mae"}),
        "exercise.goals[0].loss: expected one of mse, bce",
    ),
    (
        section(
            {"type": "dataset", "dataset": {"builtin": "and"}, "min_accuracy": 1, "loss": "mse"}
        ),
        "exercise.goals[0].loss: goes with max_loss",
    ),
    (section({"type": "max_hidden"}), "exercise.goals[0]: missing 'count'"),
    (section({"type": "max_hidden", "count": -1}), "exercise.goals[0].count: expected a whole"),
    (section({"type": "max_hidden", "count": 1.5}), "exercise.goals[0].count: expected a whole"),
    (section({"type": "max_hidden", "count": True}), "exercise.goals[0].count: expected a whole"),
    (
        section({"type": "activations", "allowed": []}),
        "exercise.goals[0].allowed: list at least one activation",
    ),
    (
        section({"type": "activations", "allowed": ["relu", "relux"]}),
        "exercise.goals[0].allowed[1]: unknown activation 'relux'",
    ),
    (
        section({"type": "activations", "allowed": ["relu", "relu"]}),
        "exercise.goals[0].allowed[1]: 'relu' is listed twice",
    ),
    (
        section({"type": "activations", "allowed": ["relu"], "neurons": "y"}),
        "exercise.goals[0].neurons: expected a list",
    ),
    (section(locked=[]), "exercise.locked: expected an object"),
    (section(locked={"weights": []}), "exercise.locked: unknown key 'weights'"),
    (section(locked={"neurons": [1]}), "exercise.locked.neurons[0]: expected a neuron id"),
    (
        section(locked={"synapses": [["x1"]]}),
        "exercise.locked.synapses[0]: expected [source, target]",
    ),
    (
        section(locked={"synapses": [["x1", "y"], ["x1", "y"]]}),
        "exercise.locked.synapses[1]: ['x1', 'y'] is listed twice",
    ),
    (section(locked={"params": [["y", 3]]}), "exercise.locked.params[0]: expected [neuron id"),
]


@pytest.mark.parametrize(("d", "message"), BAD_SECTIONS)
def test_bad_sections_name_the_place(d, message):
    with pytest.raises(FileFormatError) as info:
        exercise_from_dict(d)
    assert str(info.value).startswith(message), str(info.value)


def test_where_prefix_is_used():
    with pytest.raises(FileFormatError, match=r"^lesson\.goals: expected a list"):
        exercise_from_dict({"instructions": "x", "goals": {}}, where="lesson")


BAD_IDS = [
    (
        section(table(rows=[{"inputs": {"x3": 1}, "expect": {"y": 1}}])),
        "exercise.goals[0].rows[0].inputs.x3: there is no neuron 'x3' in the network",
    ),
    (
        section(table(rows=[{"inputs": {"y": 1}, "expect": {"y": 1}}])),
        "exercise.goals[0].rows[0].inputs.y: 'y' is not an input neuron",
    ),
    (
        section(table(rows=[{"inputs": {}, "expect": {"x1": 1}}])),
        "exercise.goals[0].rows[0].expect.x1: 'x1' is an input neuron",
    ),
    (
        section(
            {"type": "dataset", "dataset": {"builtin": "and", "outputs": ["z"]}, "max_loss": 1}
        ),
        "exercise.goals[0].dataset.outputs: there is no neuron 'z'",
    ),
    (
        section({"type": "activations", "allowed": ["relu"], "neurons": ["x1"]}),
        "exercise.goals[0].neurons[0]: 'x1' is an input neuron",
    ),
    (section(locked={"neurons": ["h9"]}), "exercise.locked.neurons[0]: there is no neuron 'h9'"),
    (
        section(locked={"synapses": [["x1", "x2"]]}),
        "exercise.locked.synapses[0]: there is no synapse x1 → x2",
    ),
    (
        section(locked={"params": [["y", "value"]]}),
        "exercise.locked.params[0]: only input neurons have a value",
    ),
    (
        section(locked={"params": [["x1", "bias"]]}),
        "exercise.locked.params[0]: 'x1' is an input neuron",
    ),
    (
        section(locked={"params": [["y", "alpha"]]}),
        "exercise.locked.params[0]: 'y' has no 'alpha' to lock; it has bias, activation, threshold",
    ),
]


@pytest.mark.parametrize(("d", "message"), BAD_IDS)
def test_ids_are_checked_against_the_network(d, message):
    with pytest.raises(FileFormatError) as info:
        exercise_of(with_exercise(gate(), d))
    assert str(info.value).startswith(message), str(info.value)


def test_plain_network_has_no_exercise():
    assert exercise_of(gate()) is None
    with pytest.raises(FileFormatError, match="no 'exercise' section"):
        grade(gate(), gate())


# ------------------------------------------------------------------ table goals


def test_table_gives_one_result_per_row_with_labels():
    out = results(table(), gate(bias=-1.5))
    assert [r.row for r in out] == [0, 1, 2, 3]
    assert [r.passed for r in out] == [True] * 4
    assert out[1].label == "x1=0, x2=1 → y = 0 ± 0.1"
    assert out[3].detail == "got y = 1"
    assert {(r.goal_index, r.kind) for r in out} == {(0, "table")}
    wrong = results(table(), gate(bias=-0.5))  # an OR gate
    assert [r.passed for r in wrong] == [True, False, False, True]
    assert wrong[1].detail == "got y = 1"


@pytest.mark.parametrize(
    ("bias", "passed"),
    [(0.9, True), (1.1, True), (1.0, True), (0.8999999, False), (1.1000001, False)],
)
def test_tolerance_is_inclusive_at_both_edges(bias, passed):
    # A linear neuron with no inputs outputs its bias: y = b exactly.
    out = results(table(rows=[{"expect": {"y": 1}}]), gate("linear", bias=bias, w1=0, w2=0))
    assert out[0].passed is passed


def test_zero_tolerance_wants_the_exact_value():
    goal = table(rows=[{"expect": {"y": 0.5}}], tolerance=0)
    assert results(goal, gate("linear", bias=0.5))[0].passed
    out = results(goal, gate("linear", bias=0.5001))
    assert not out[0].passed and out[0].label == "stored inputs → y = 0.5"


def test_failing_value_is_shown_with_enough_digits_to_see_why():
    out = results(table(rows=[{"expect": {"y": 1}}]), gate("linear", bias=0.89999999))
    assert not out[0].passed
    assert out[0].detail == "got y = 0.89999999"  # not "0.9", which would look right


def test_fired_and_silent_expectations_follow_the_firing_state():
    rows = [
        {"inputs": {"x1": 1}, "expect": {"y": "fired"}},
        {"inputs": {"x1": -1}, "expect": {"y": "silent"}},
        {"inputs": {"x1": -1}, "expect": {"y": "not fired"}},
        {"inputs": {"x1": -1}, "expect": {"y": "fired"}},
        {"inputs": {"x1": 1}, "expect": {"y": "silent"}},
    ]
    # A sigmoid does not fire for z < 0 though its output (0.27) is not zero.
    out = results(table(rows=rows), gate("sigmoid"))
    assert [r.passed for r in out] == [True, True, True, False, False]
    assert [r.label for r in out[:3]] == [
        "x1=1 → y fires",
        "x1=-1 → y stays silent",
        "x1=-1 → y does not fire",
    ]
    assert out[3].detail == "y did not fire (z = -1)"
    assert out[4].detail == "y fired (z = 1)"


def test_step_fires_at_its_threshold():
    rows = [
        {"inputs": {"x1": 0.5}, "expect": {"y": "fired"}},
        {"inputs": {"x1": 0.4999}, "expect": {"y": "silent"}},
    ]
    out = results(table(rows=rows), gate("step", threshold=0.5))
    assert [r.passed for r in out] == [True, True]


def test_row_with_several_outputs_passes_only_when_all_do():
    net = gate()
    net.add_neuron("output", "y2", activation="linear", bias=3.0)
    rows = [{"expect": {"y": 1, "y2": 3}}, {"expect": {"y": 1, "y2": 2}}]
    out = results(table(rows=rows), net)
    assert [r.passed for r in out] == [True, False]
    assert out[1].detail == "got y = 1; got y2 = 3"


def test_unlisted_inputs_keep_their_stored_value():
    net = gate("linear")
    net.set_value("x2", 5.0)
    out = results(table(rows=[{"inputs": {"x1": 1}, "expect": {"y": 6}}], tolerance=0), net)
    assert out[0].passed


def test_missing_neurons_in_the_submission_fail_their_rows():
    d = section(table())
    exercise = exercise_from_dict(d)
    net = gate()
    net.remove_neuron("y")
    assert {r.detail for r in check_goals(exercise, net)} == {"the network has no neuron 'y'"}
    net = gate()
    net.remove_neuron("x2")
    out = check_goals(exercise, net)
    assert not any(r.passed for r in out)
    assert out[0].detail == "the network has no neuron 'x2'"


def test_overflow_fails_the_row_without_numpy_warnings():
    net = gate("linear", w1=1e300, w2=1e300)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = results(table(rows=[{"inputs": {"x1": 1e300, "x2": 1e300}, "expect": {"y": 1}}]), net)
    assert not out[0].passed and "overflowed" in out[0].detail


def test_check_goals_leaves_no_listener_behind_and_reuses_a_given_engine():
    net = gate(bias=-1.5)
    exercise = exercise_from_dict(section())
    before = len(net.synapse_changed)
    check_goals(exercise, net)
    assert len(net.synapse_changed) == before
    engine = Engine(net)
    assert all(r.passed for r in check_goals(exercise, net, engine))
    net.set_bias("y", -0.5)  # the engine still follows the network
    assert not all(r.passed for r in check_goals(exercise, net, engine))


# ------------------------------------------------------------------ dataset goals

AND_DATA = {"builtin": "and", "n": 4, "noise": 0.0, "seed": 0}


def test_dataset_accuracy_and_loss():
    goal = {"type": "dataset", "dataset": AND_DATA, "min_accuracy": 1.0, "max_loss": 0.05}
    good = results(goal, gate("sigmoid", bias=-15, w1=10, w2=10))
    assert [r.label for r in good] == [
        "accuracy ≥ 100% on and (4 rows)",
        "mse loss ≤ 0.05 on and (4 rows)",
    ]
    assert [r.passed for r in good] == [True, True] and good[0].row is None
    assert good[0].detail == "got 100.0% (4 of 4 rows right)"
    bad = results(goal, gate("sigmoid", bias=-5, w1=10, w2=10))  # an OR gate
    assert [r.passed for r in bad] == [False, False]
    assert bad[0].detail == "got 50.0% (2 of 4 rows right)"
    assert bad[1].detail.startswith("got 0.")


def test_dataset_accuracy_at_the_limit_passes():
    goal = {"type": "dataset", "dataset": AND_DATA, "min_accuracy": 0.75}
    net = gate("sigmoid", bias=-5, w1=10, w2=0)  # y = x1: 3 of 4 right
    out = results(goal, net)
    assert out[0].passed and out[0].detail == "got 75.0% (3 of 4 rows right)"
    assert not results({**goal, "min_accuracy": 0.76}, net)[0].passed


def test_dataset_loss_errors_become_details():
    goal = {"type": "dataset", "dataset": AND_DATA, "max_loss": 1.0, "loss": "bce"}
    out = results(goal, gate("linear", bias=2.0))
    assert not out[0].passed and "bce needs outputs between 0 and 1" in out[0].detail


def test_dataset_with_renamed_columns_and_missing_target():
    data = {**AND_DATA, "inputs": ["x2", "x1"], "outputs": ["y"]}
    goal = {"type": "dataset", "dataset": data, "min_accuracy": 1.0}
    assert results(goal, gate("step", bias=-1.5))[0].passed
    net = gate()
    net.remove_neuron("y")
    out = results(goal, net)
    assert not out[0].passed and out[0].detail == "the network has no neuron 'y'"


# ------------------------------------------------------------------ structure goals


def test_max_hidden():
    net = gate()
    goal = {"type": "max_hidden", "count": 1}
    assert results(goal, net)[0].passed
    net.add_neuron("hidden", "h1")
    out = results(goal, net)
    assert out[0].passed and out[0].label == "at most 1 hidden neuron"
    net.add_neuron("hidden", "h2")
    out = results(goal, net)
    assert not out[0].passed and out[0].detail == "the network has 2 hidden neurons"
    assert results({"type": "max_hidden", "count": 0}, gate())[0].label == "no hidden neurons"


def test_activations_goal():
    net = gate("relu")
    net.add_neuron("hidden", "h1", activation="sigmoid")
    everywhere = {"type": "activations", "allowed": ["relu", "leaky_relu"]}
    out = results(everywhere, net)
    assert not out[0].passed and out[0].detail == "h1 uses sigmoid"
    assert out[0].label == "only relu, leaky_relu"
    only_y = {**everywhere, "neurons": ["y"]}
    out = results(only_y, net)
    assert out[0].passed and out[0].label == "only relu, leaky_relu on y"
    net.set_activation("y", "tanh")
    assert not results(only_y, net)[0].passed


# ------------------------------------------------------------------ locked parts

LOCKED = {
    "neurons": ["x1", "y"],
    "synapses": [["x1", "y"]],
    "params": [["y", "bias"], ["y", "threshold"], ["x1", "value"]],
}


def locked_exercise() -> Network:
    return with_exercise(gate("step", bias=-1.5, threshold=0.2), section(locked=LOCKED))


def failures(submission: Network) -> list[str]:
    return [r.detail for r in check_locked(locked_exercise(), submission) if not r.passed]


def test_unchanged_submission_keeps_every_locked_part():
    out = check_locked(locked_exercise(), locked_exercise())
    assert [r.label for r in out] == [
        "input neuron x1 is kept",
        "output neuron y is kept",
        "weight x1 → y stays 1",
        "bias of y stays -1.5",
        "threshold of y stays 0.2",
        "input value of x1 stays 0",
    ]
    assert all(
        r.passed and r.detail == "unchanged" and r.kind == "locked" and r.goal_index is None
        for r in out
    )


def test_changed_locked_parts_are_reported():
    sub = locked_exercise()
    sub.set_weight(("x1", "y"), 2.0)
    sub.set_bias("y", -1.0)
    sub.set_param("y", "threshold", 0.3)
    sub.set_value("x1", 1.0)
    sub.set_weight(("x2", "y"), 5.0)  # not locked
    assert failures(sub) == [
        "locked by the exercise: the weight x1 → y was 1, now 2",
        "locked by the exercise: the bias of y was -1.5, now -1",
        "locked by the exercise: the threshold of y was 0.2, now 0.3",
        "locked by the exercise: the input value of x1 was 0, now 1",
    ]


def test_deleted_and_replaced_parts_are_reported():
    sub = locked_exercise()
    sub.remove_synapse(("x1", "y"))
    sub.set_activation("y", "sigmoid")
    assert failures(sub) == [
        "locked by the exercise: the synapse x1 → y was deleted",
        "locked by the exercise: y no longer has a threshold (its activation is now sigmoid)",
    ]
    sub = locked_exercise()
    sub.remove_neuron("y")
    assert failures(sub)[0] == "locked by the exercise: neuron y was deleted"
    sub = locked_exercise()
    sub.neurons["y"].kind = "hidden"  # only a hand-edited file can do this
    assert failures(sub) == ["locked by the exercise: neuron y was output, now hidden"]


def test_locked_activation_name():
    ex = with_exercise(gate("step"), section(locked={"params": [["y", "activation"]]}))
    sub = copy.deepcopy(ex)
    sub.set_activation("y", "relu")
    out = check_locked(ex, sub)
    assert out[0].label == "activation of y stays step"
    assert out[0].detail == "locked by the exercise: the activation of y was step, now relu"


def test_frozen_parts_must_keep_their_values():
    ex = with_exercise(gate(bias=-1.5), section(locked={"synapses": [["x1", "y"]]}))
    ex.set_synapse_frozen(("x1", "y"), True)  # frozen and locked: reported once, as locked
    ex.set_synapse_frozen(("x2", "y"), True)
    ex.set_neuron_frozen("y", True)
    ex.set_neuron_frozen("x1", True)  # an input has no bias: nothing to keep
    sub = ex.copy()
    assert len(check_locked(ex, sub)) == 3
    sub.set_synapse_frozen(("x2", "y"), False)  # unfreezing does not unlock it
    sub.set_weight(("x2", "y"), 3.0)
    sub.set_bias("y", 0.0)
    assert [r.detail for r in check_locked(ex, sub) if not r.passed] == [
        "frozen by the exercise: the weight x2 → y was 1, now 3",
        "frozen by the exercise: the bias of y was -1.5, now 0",
    ]


def test_grade_uses_the_exercise_networks_goals_not_the_submissions():
    ex = with_exercise(gate(bias=-1.5), section(locked=LOCKED))
    sub = gate(bias=-0.5)  # an OR gate, with an easier goal written into its own copy
    with_exercise(sub, section(table(tolerance=10)))
    report = grade(ex, sub)
    assert not report.solved
    assert [r.goal_index for r in report.results] == [0, 0, 0, 0] + [None] * 6
    assert len(report.failed) == 2 + 1  # OR rows 01 and 10, and y's bias
    solved = gate(bias=-1.5)
    assert grade(ex, solved).solved
    assert grade(ex, solved).to_dict()["solved"] is True


# ------------------------------------------------------------------ lock policy


def policy() -> LockPolicy:
    net = gate("step", threshold=0.2)
    net.add_neuron("hidden", "h1")
    net.add_neuron("hidden", "h2")
    net.add_neuron("hidden", "h3")
    net.add_synapse("h1", "y", 1.0, frozen=True)
    net.add_synapse("h3", "y", 1.0)
    net.set_neuron_frozen("h2", True)
    d = section(
        table(rows=[{"inputs": {"x2": 1}, "expect": {"y": 1}}]),
        locked={
            "neurons": ["x1"],
            "synapses": [["x1", "y"]],
            "params": [["y", "threshold"], ["x2", "value"]],
        },
    )
    return lock_policy(with_exercise(net, d))


@pytest.mark.parametrize(
    ("kind", "key", "reason"),
    [
        ("neuron", "x1", "locked by the exercise: neuron x1 is part of the task"),
        ("neuron", "y", None),
        ("synapse", ("x1", "y"), "locked by the exercise: the weight x1 → y is part of the task"),
        ("synapse", ["h1", "y"], "frozen by the exercise: the weight h1 → y must keep its value"),
        ("synapse", ("x2", "y"), None),
        ("bias", "y", None),
        ("bias", "h2", "frozen by the exercise: the bias of h2 must keep its value"),
        ("value", "x2", "locked by the exercise: the input value of x2 is part of the task"),
        ("value", "x1", None),
        (
            "param",
            ("y", "threshold"),
            "locked by the exercise: the threshold of y is part of the task",
        ),
        (
            "param",
            ("x2", "value"),
            "locked by the exercise: the input value of x2 is part of the task",
        ),
        (
            "activation",
            "y",
            "locked by the exercise: the threshold of y is part of the task, "
            "so its activation must stay",
        ),
        ("activation", "h1", None),
        ("delete", "x1", "locked by the exercise: neuron x1 is part of the task"),
        ("delete", "y", "locked by the exercise: the threshold of y is part of the task"),
        ("delete", "h1", "frozen by the exercise: the weight h1 → y must keep its value"),
        ("delete", "h2", "frozen by the exercise: neuron h2 must keep its bias"),
        ("delete", "h3", None),
        ("delete", ("x1", "y"), "locked by the exercise: the weight x1 → y is part of the task"),
        ("delete", ("h3", "y"), None),
    ],
)
def test_lock_policy_reasons(kind, key, reason):
    assert policy().reason(kind, key) == reason


def test_goal_neurons_may_not_be_deleted():
    net = gate()
    net.add_neuron("output", "y2")
    pol = lock_policy(with_exercise(net, section()))
    assert pol.reason("delete", "y") == "the exercise's goals use neuron y, so it cannot be deleted"
    assert pol.reason("delete", "y2") is None
    assert is_locked(net, "delete", "x2") is not None


def test_plain_network_locks_nothing_and_unknown_kinds_are_errors():
    pol = lock_policy(gate())
    assert not pol and pol.reason("delete", "y") is None
    assert policy()
    with pytest.raises(ValueError, match="unknown lock kind 'weight'"):
        pol.reason("weight", ("x1", "y"))
