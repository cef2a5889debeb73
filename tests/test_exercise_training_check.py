"""A dataset goal with ``train``: the loss must be reached by training within N epochs, so
the fastest-activation exercise cannot be passed by training a slow activation longer."""

from __future__ import annotations

import pytest

from neurosim.core.exercise.grading import grade
from neurosim.core.exercise.reading import exercise_from_dict, exercise_of
from neurosim.core.exercise.writing import exercise_to_dict
from neurosim.core.fileformat import load
from neurosim.core.training import Trainer, embedded_dataset
from neurosim.core.validate import FileFormatError
from neurosim.paths import resource_path

EXERCISE = resource_path("exercises", "fastest-activation.nsim.json")


def _trained(activation: str, epochs: int):
    net = load(EXERCISE)
    for h in ("h1", "h2", "h3", "h4"):
        net.set_activation(h, activation)
    trainer = Trainer(net, embedded_dataset(net), "mse", "sgd", 0.1)
    for _ in range(epochs):
        trainer.step_epoch()
    trainer.write_back()
    return net, trainer.history[-1].loss


def _line(report, words):
    return next(r for r in report.results if words in r.label)


def test_a_slow_activation_trained_long_enough_to_fit_still_fails():
    net, loss = _trained("sigmoid", 2000)  # sigmoid gets there at about epoch 1,800
    assert loss <= 0.05
    report = grade(load(EXERCISE), net)
    assert _line(report, "mse loss ≤ 0.05 on").passed  # the fit itself is good…
    epochs = _line(report, "within 300 epochs")
    assert not epochs.passed and not report.solved  # …but it took too long
    assert "after 300 epochs of training the loss is still" in epochs.detail
    assert "training longer does not count" in epochs.detail


def test_the_intended_activation_passes_after_300_epochs():
    net, loss = _trained("tanh", 300)
    report = grade(load(EXERCISE), net)
    assert report.solved, [r for r in report.results if not r.passed]
    detail = _line(report, "within 300 epochs").detail
    assert detail.startswith("training reaches") and "in 27" in detail  # epoch 27x of 300


def test_the_check_trains_from_the_exercises_weights_not_the_submissions():
    exercise_net = load(EXERCISE)
    net, _ = _trained("tanh", 300)
    for key in net.synapses:  # a start no student gets: the check must not use it
        net.set_weight(key, 0.0)
    report = grade(exercise_net, net)
    assert _line(report, "within 300 epochs").passed
    assert not _line(report, "mse loss ≤ 0.05 on").passed  # these weights do not fit


def test_train_round_trips_and_needs_max_loss():
    exercise = exercise_of(load(EXERCISE))
    assert exercise is not None
    goal = exercise.goals[0]
    assert goal.train is not None and goal.train.epochs == 300 and goal.train.lr == 0.1
    d = exercise_to_dict(exercise)
    assert exercise_to_dict(exercise_from_dict(d)) == d
    assert d["goals"][0]["train"]["epochs"] == 300
    del d["goals"][0]["max_loss"], d["goals"][0]["loss"]
    d["goals"][0]["dataset"] = {"builtin": "xor", "inputs": ["x1", "x2"], "outputs": ["y"]}
    d["goals"][0]["min_accuracy"] = 0.5
    with pytest.raises(FileFormatError, match=r"goals\[0\].train: goes with max_loss"):
        exercise_from_dict(d)
    d["goals"][0]["max_loss"] = 0.1
    d["goals"][0]["train"]["epochs"] = -3
    with pytest.raises(FileFormatError, match=r"train.epochs: expected a whole number"):
        exercise_from_dict(d)
