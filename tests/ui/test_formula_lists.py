"""A network's formula activations in the lists of exercises: Exercise Authoring offers them
among the allowed activations, and the saved exercise grades with them."""

from __future__ import annotations

import json

import pytest
from shell_helpers import Button, make_window

import neurosim
from neurosim.core import fileformat
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.formula.library import shipped
from neurosim.core.model import Network
from neurosim.ui.formula.commands import AddActivation

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def one_neuron() -> Network:
    net = Network({"title": "One neuron"})
    net.add_neuron("input", "x1", position=(0, 0), value=1.0)
    net.add_neuron("output", "y", position=(180, 0), activation="sigmoid")
    net.add_synapse("x1", "y", 2.0)
    return net


def test_authoring_offers_the_networks_formulas_and_the_exercise_grades_with_them(
    qtbot, settings, dialogs, tmp_path
):
    window = make_window(qtbot, settings, one_neuron())
    mish = next(fa for fa in shipped() if fa.name == "mish")
    assert window.document.push(AddActivation(window.document.network, mish, ["y"]))
    dialog = window.exercises.authoring()
    assert not dialog.allowed["mish"].isHidden()
    assert dialog.allowed["mish"].parent() is dialog.allowed["relu"].parent()
    dialog.instructions.set_html("<p>Use Mish.</p>")
    dialog.activations_on.setChecked(True)
    dialog.allowed["mish"].setChecked(True)
    dialogs.save_path = str(tmp_path / "use-mish")
    dialogs.answer = Button.Yes  # "already solved: save anyway?"
    assert dialog.save_as(), dialog.problem.text()
    path = tmp_path / "use-mish.nsim.json"
    (goal,) = exercise_of(fileformat.load(path)).goals
    assert goal.allowed == ("mish",)
    assert neurosim.check(path, path).solved
    window.document.undo()  # the network defines it no more: its box goes
    dialog.start()
    assert dialog.allowed["mish"].isHidden()
    assert not dialog.allowed["mish"].isChecked()


def test_a_lesson_compares_its_own_formula_activation(qtbot, settings, dialogs, tmp_path):
    window = make_window(qtbot, settings, one_neuron())
    d = fileformat.to_dict(one_neuron())
    d["version"] = 2
    d["activations"] = {"bump_v": {"title": "Bump", "formula": "exp(-z^2)"}}
    d["view"] = {"compare": ["tanh", "bump_v"]}
    path = tmp_path / "bump.nsim.json"
    path.write_text(json.dumps(d), encoding="utf-8")
    window.open_file(str(path))
    qtbot.wait(1)
    panel = window.live_plots.activation
    assert panel.compared() == ["tanh", "bump_v"]
    assert panel.compare_actions["bump_v"].text() == "Bump"
    compare = window.training.compare()
    ticked = compare.chosen()
    compare.close()
    assert "bump_v" in ticked
