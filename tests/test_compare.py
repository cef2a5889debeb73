"""Comparing activations: same start, one run per activation, figures, cancel, errors."""

from __future__ import annotations

import functools
import math

import numpy as np
import pytest

from neurosim.core import compare, training
from neurosim.core.activation_cost import cost_per_value_ns
from neurosim.core.builders import layered_network
from neurosim.core.compare import (
    CANCEL_CHECK_S,
    DEFAULT_ACTIVATIONS,
    compare_activations,
    default_activations,
    mean_sparsity,
    with_hidden_activation,
)
from neurosim.core.datasets import Dataset, builtin
from neurosim.core.fileformat import load
from neurosim.core.model import Network
from neurosim.core.training import Trainer, TrainingError, init_weights
from neurosim.paths import resource_path

SETTINGS = dict(lr=0.5, batch_size=10, seed=3)


def _net() -> Network:
    return layered_network([2, 4, 1], "tanh", seed=1, output_activation="sigmoid")


def _params(net: Network) -> tuple[dict, dict]:
    return (
        {k: s.weight for k, s in net.synapses.items()},
        {n.id: n.bias for n in net if not n.is_input},
    )


def test_each_run_is_the_manual_run_with_that_activation():
    net, data = _net(), builtin("circle", 60, 0.1, 0)
    before = _params(net)
    runs = compare_activations(net, data, ["relu", "tanh"], 15, **SETTINGS)
    assert [r.activation for r in runs] == ["relu", "tanh"]
    assert _params(net) == before  # the caller's network is untouched
    for run in runs:
        manual = with_hidden_activation(net, run.activation)
        init_weights(manual, SETTINGS["seed"])
        trainer = Trainer(manual, data, **SETTINGS)
        losses = [trainer.step_epoch().loss for _ in range(15)]
        trainer.write_back()
        assert run.losses == losses
        assert len(run.accuracies) == 15 and run.final_accuracy == trainer.history[-1].accuracy
        assert _params(run.network) == _params(manual)
        hidden = {n.activation for n in run.network.of_kind("hidden")}
        assert hidden == {run.activation}
        assert run.network.neurons["y1"].activation == "sigmoid"  # outputs keep theirs
        assert run.error is None


def test_same_arguments_give_the_same_runs():
    a = compare_activations(_net(), builtin("xor"), ["sigmoid", "relu"], 20, **SETTINGS)
    b = compare_activations(_net(), builtin("xor"), ["sigmoid", "relu"], 20, **SETTINGS)
    assert [r.losses for r in a] == [r.losses for r in b]


def test_epochs_to_target_is_the_first_epoch_at_or_below_it():
    run = compare_activations(
        _net(), builtin("circle", 60, 0.1, 0), ["tanh"], 40, target_loss=0.2, **SETTINGS
    )[0]
    first = next(i for i, v in enumerate(run.losses) if v <= 0.2)
    assert run.epochs_to_target == first + 1
    never = compare_activations(
        _net(), builtin("circle", 60, 0.1, 0), ["tanh"], 3, target_loss=1e-9, **SETTINGS
    )[0]
    assert never.epochs_to_target is None
    assert compare_activations(_net(), builtin("xor"), ["tanh"], 2)[0].epochs_to_target is None


def test_step_hidden_neurons_never_change_but_the_output_still_learns():
    net = _net()
    run = compare_activations(net, builtin("circle", 60, 0.1, 0), ["step"], 30, **SETTINGS)[0]
    fresh = with_hidden_activation(net, "step")
    init_weights(fresh, SETTINGS["seed"])
    into_hidden = [k for k in fresh.synapses if k[1].startswith("h")]
    assert all(run.network.synapses[k].weight == fresh.synapses[k].weight for k in into_hidden)
    assert run.losses[-1] < run.initial_loss


def test_mean_sparsity_counts_silent_hidden_outputs_over_the_rows():
    net = Network()
    net.add_neuron("input", "x1")
    net.add_neuron("hidden", "h1", activation="relu", bias=-0.5)
    net.add_neuron("hidden", "h2", activation="sigmoid")
    net.add_neuron("output", "y1", activation="sigmoid")
    for key in (("x1", "h1"), ("x1", "h2"), ("h1", "y1"), ("h2", "y1")):
        net.add_synapse(*key, 1.0)
    data = Dataset(
        "d",
        np.array([[0.0], [1.0], [0.2], [0.9]]),
        np.zeros((4, 1)),
        ("x1",),
        ("y1",),
        "classification",
    )
    # h1 is silent for x1 = 0 and 0.2 (2 of 8 pairs); the sigmoid never is.
    assert mean_sparsity(net, data) == pytest.approx(2 / 8)


def test_dead_relus_are_reported():
    net = _net()
    for neuron in net.of_kind("hidden"):
        net.set_bias(neuron.id, -50.0)  # z < 0 for every row of the xor table
    run = compare_activations(net, builtin("xor"), ["relu"], 5, init=False, **SETTINGS)[0]
    assert run.dead == [n.id for n in net.of_kind("hidden")]
    assert run.sparsity == 1.0


def test_a_diverging_run_stops_with_a_reason_and_keeps_its_last_good_weights():
    run = compare_activations(
        layered_network([2, 4, 1], "linear", seed=0),
        builtin("circle", 50, 0.1, 0),
        ["linear"],
        200,
        lr=50.0,
    )[0]
    assert run.error is not None and "diverged" in run.error and run.diverged
    assert "smaller learning rate (e.g. 5)" in run.error
    assert len(run.losses) < 200
    assert all(math.isfinite(s.weight) for s in run.network.synapses.values())


def test_a_run_whose_loss_explodes_stops_before_it_overflows():
    run = compare_activations(
        layered_network([2, 4, 1], "linear", seed=0),
        builtin("circle", 50, 0.1, 0),
        ["linear"],
        200,
        lr=1.5,
    )[0]
    assert run.diverged and math.isfinite(run.losses[-1])
    assert run.losses[-1] > 1e3 * run.initial_loss  # where it stopped: 1000 × the start
    assert all(v <= 1e3 * run.initial_loss for v in run.losses[:-1])


def test_epochs_to_95_percent_accuracy_is_counted_as_the_notes_quote_it():
    run = compare_activations(
        _net(), builtin("circle", 60, 0.1, 0), ["relu", "step"], 60, **SETTINGS
    )
    relu, step = run
    first = next(i for i, a in enumerate(relu.accuracies) if a >= 0.95)
    assert relu.epochs_to_accuracy == first + 1
    assert step.epochs_to_accuracy is None or step.accuracies[step.epochs_to_accuracy - 1] >= 0.95
    none = compare_activations(_net(), builtin("xor"), ["relu"], 3, target_accuracy=None)[0]
    assert none.epochs_to_accuracy is None


def test_step_runs_say_why_they_learn_little():
    run = compare_activations(_net(), builtin("xor"), ["step", "tanh"], 3, **SETTINGS)
    assert run[0].note is not None and "step′(z) is 0 everywhere" in run[0].note
    assert run[1].note is None


def test_the_lesson_lists_its_own_activations_to_compare():
    lesson = load(resource_path("examples", "08-choosing-activation.nsim.json"))
    assert default_activations(lesson) == ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu"]
    assert default_activations(_net()) == list(DEFAULT_ACTIVATIONS)


def test_each_run_measures_the_cost_of_one_evaluation():
    runs = compare_activations(_net(), builtin("xor"), ["relu", "sigmoid"], 1, **SETTINGS)
    assert all(run.cost_ns > 0 and math.isfinite(run.cost_ns) for run in runs)
    assert cost_per_value_ns("gelu", values=1000, repeats=3) > 0
    with pytest.raises(ValueError, match="≥ 1"):
        cost_per_value_ns("relu", values=0)


def test_progress_reaches_the_total_and_cancel_returns_the_finished_runs():
    seen = []
    compare_activations(
        _net(),
        builtin("xor"),
        ["tanh", "relu"],
        25,
        progress=lambda done, total, name: seen.append((done, total, name)),
    )
    assert seen[-1] == (50, 50, "relu")
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    calls = []

    def cancel_during_second_run() -> bool:
        calls.append(1)
        return len(calls) > 30  # the first run checks 26 times (start + 25 epochs)

    runs = compare_activations(
        _net(), builtin("xor"), ["tanh", "relu", "sigmoid"], 25, cancelled=cancel_during_second_run
    )
    assert [r.activation for r in runs] == ["tanh"]
    assert compare_activations(_net(), builtin("xor"), ["tanh"], 5, cancelled=lambda: True) == []


def test_each_run_reports_its_own_duration(fake_clock):
    clock = fake_clock(compare, training)  # moves only when cancelled() is asked (below)

    def an_epoch_takes_a_tenth_of_a_second() -> bool:  # asked once before each run's epoch
        clock.advance(0.1)
        return False

    runs = compare_activations(
        _net(), builtin("xor"), ["tanh", "relu"], 5, cancelled=an_epoch_takes_a_tenth_of_a_second
    )
    durations = [r.seconds for r in runs]  # the dialog's "s" column
    assert durations == pytest.approx([0.5, 0.5])  # each run on its own, not the sum so far


def test_cancel_is_heard_within_a_long_epoch(fake_clock, monkeypatch):
    """4,000 rows one at a time, each batch a millisecond on the clock: an epoch is 4 s of
    work, but cancel is asked again after CANCEL_CHECK_S of it, not after the epoch.
    In the numpy loop, which reads the clock once a batch; the compiled loop's slicing by
    deadline is tested in tests/test_training_compiled.py."""
    clock = fake_clock(compare, training, step=0.001)  # every read: 1 ms later
    monkeypatch.setattr(compare, "Trainer", functools.partial(Trainer, compiled=False))
    asked = []  # clock reads (one per batch trained) when cancel was asked

    def cancel_on_third_call() -> bool:  # before the run, before its epoch, then mid-epoch
        asked.append(clock.reads)
        return len(asked) > 2

    runs = compare_activations(
        _net(),
        builtin("circle", 4_000, 0.1, 0),
        ["tanh"],
        1,
        batch_size=1,
        cancelled=cancel_on_third_call,
    )
    assert runs == [] and len(asked) == 3
    batches = asked[2] - asked[1] - 1  # less the read that set the deadline
    assert 0 < batches <= 2 * CANCEL_CHECK_S / 0.001  # about 50 of the epoch's 4,000


@pytest.mark.parametrize(
    ("net", "kwargs", "words"),
    [
        (layered_network([2, 1], "tanh"), {}, "no hidden neurons"),
        (_net(), {"activations": ["swish9"]}, "unknown activation 'swish9'"),
        (_net(), {"activations": []}, "at least one activation"),
        (_net(), {"epochs": 0}, "epochs must be a whole number"),
        (
            layered_network([1, 2, 1], "tanh", output_activation="sigmoid"),
            {"loss": "bce", "data": builtin("sine")},
            "targets between 0 and 1",
        ),
        (layered_network([3, 2, 1], "tanh"), {}, "network has 3 input neuron"),
    ],
)
def test_settings_no_run_could_use_are_refused(net, kwargs, words):
    args = {"activations": ["tanh"], "epochs": 3, "data": builtin("xor")} | kwargs
    data = args.pop("data")
    with pytest.raises(TrainingError, match=words):
        compare_activations(net, data, args.pop("activations"), args.pop("epochs"), **args)
