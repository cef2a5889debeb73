"""Tools ▸ Exercise Authoring…: a teacher makes an exercise file from the open network."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from exercise_helpers import EXERCISES, ROOT, SHIPPED, exercise_window
from PySide6.QtCore import Qt
from shell_helpers import Button, make_window

from neurosim.core import fileformat
from neurosim.core.exercise.reading import exercise_from_dict, exercise_of
from neurosim.core.exercise.writing import exercise_to_dict
from neurosim.core.localized_text import english
from neurosim.core.model import Network

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CHECKED = Qt.CheckState.Checked


def _starting_network() -> Network:
    net = Network({"title": "One neuron"})
    net.add_neuron("input", "x1", position=(0, -45), value=1.0)
    net.add_neuron("input", "x2", position=(0, 45), value=0.0)
    net.add_neuron("output", "y", position=(180, 0), activation="sigmoid", bias=-0.5)
    net.add_synapse("x1", "y", 2.0)
    net.add_synapse("x2", "y", 2.0)
    return net


def _dialog(qtbot, settings, network=None):  # noqa: F811
    window = make_window(qtbot, settings, network or _starting_network())
    return window, window.exercises.authoring()


def test_lock_a_synapse_add_a_row_and_save_a_checkable_exercise(
    qtbot,
    settings,
    dialogs,  # noqa: F811
    tmp_path,
):
    window, dialog = _dialog(qtbot, settings)
    assert dialog.isVisible() and window.document.lock_policy is None
    dialog.title.setText("Exercise: OR-ish")
    dialog.instructions.set_html("<p>Keep <b>x1 → y</b>; change the rest.</p>")
    dialog.locks.item_for(("synapse", ("x1", "y"))).setCheckState(0, CHECKED)
    dialog.locks.item_for(("field", ("y", "activation"))).setCheckState(0, CHECKED)
    qtbot.mouseClick(dialog.table.add_current, Qt.MouseButton.LeftButton)
    assert dialog.table.table.rowCount() == 1
    dialog.max_hidden_on.setChecked(True)
    dialog.hints.setPlainText("Look at z.\n\nThe bias moves the threshold.")
    dialogs.save_path = str(tmp_path / "or-ish")
    dialogs.answer = Button.Yes  # "already solved: save anyway?"
    assert dialog.save_as()
    assert "question" in dialogs.kinds()  # it warned that the start already solves it
    path = tmp_path / "or-ish.nsim.json"
    network = fileformat.load(path)
    exercise = exercise_of(network)
    assert network.meta["title"] == "Exercise: OR-ish"
    assert exercise.instructions == "<p>Keep <b>x1 → y</b>; change the rest.</p>"
    assert exercise.locked.synapses == (("x1", "y"),)
    assert exercise.locked.params == (("y", "activation"),)
    table, max_hidden = exercise.goals
    row = table.rows[0]
    y = float(window.document.evaluation.y[0, window.document.evaluation.index["y"]])
    assert row.inputs == {"x1": 1.0, "x2": 0.0}
    assert row.expect["y"] == pytest.approx(y, abs=5e-4)
    assert max_hidden.count == 0
    assert exercise.hints == ("Look at z.", "The bias moves the threshold.")
    # the network itself is saved as it is, and the teacher's document is untouched
    assert network.synapses[("x1", "y")].weight == 2.0
    assert "exercise" not in window.document.network.extra
    done = subprocess.run(
        [sys.executable, "-m", "neurosim", "check", str(path), str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "SOLVED" in done.stdout
    dialog.close()


def test_typed_rows_firing_words_and_bad_cells(qtbot, settings, dialogs, tmp_path):  # noqa: F811
    window, dialog = _dialog(qtbot, settings)
    dialog.instructions.set_html("<p>Make y fire only for x1.</p>")
    table = dialog.table
    table.add_row({"x1": 0, "x2": 0}, {"y": "silent"})
    table.add_row({"x1": 1}, {"y": "fired"})
    table.tolerance.setValue(0.0)
    section = dialog.section()
    assert section["goals"][0]["rows"] == [
        {"inputs": {"x1": 0.0, "x2": 0.0}, "expect": {"y": "silent"}},
        {"inputs": {"x1": 1.0}, "expect": {"y": "fired"}},
    ]
    assert section["goals"][0]["tolerance"] == 0.0
    table.table.item(1, 2).setText("maybe")
    assert not dialog.save_as(tmp_path / "bad.nsim.json")
    assert "row 2" in dialog.problem.text() and "'maybe'" in dialog.problem.text()
    table.table.item(1, 2).setText("")
    assert not dialog.save_as(tmp_path / "bad.nsim.json")
    assert "row 2: say what at least one output" in dialog.problem.text()
    table.remove_selected()  # no selection: the last row
    table.remove_selected()
    assert not dialog.save_as(tmp_path / "bad.nsim.json")
    assert "Goals:" in dialog.problem.text()
    dialog.max_hidden_on.setChecked(True)
    dialog.instructions.set_html("")
    assert not dialog.save_as(tmp_path / "bad.nsim.json")
    assert "Instructions:" in dialog.problem.text()
    assert not (tmp_path / "bad.nsim.json").exists()
    dialog.close()


def test_the_instructions_editor_writes_only_allowed_tags(qtbot, settings, dialogs):  # noqa: F811
    window, dialog = _dialog(qtbot, settings)
    editor = dialog.instructions
    edit = editor.edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Set ")
    editor.format_actions["bold"].trigger()
    qtbot.keyClicks(edit, "w")
    editor.format_actions["bold"].trigger()
    editor.format_actions["sub"].trigger()
    qtbot.keyClicks(edit, "1")
    editor.format_actions["sub"].trigger()
    qtbot.keyClicks(edit, " < 2")
    assert editor.html() == "<p>Set <b>w</b><sub>1</sub> &lt; 2</p>"
    editor.format_actions["heading"].trigger()
    editor.format_actions["heading"].trigger()
    editor.set_html("<h3>Title</h3><p>a <code>z = 1</code></p><ul><li>one</li></ul>")
    html = editor.html()
    assert html == "<h3>Title</h3><p>a <code>z = 1</code></p><ul><li>one</li></ul>"
    exercise_from_dict({"instructions": html, "goals": [{"type": "max_hidden", "count": 0}]})
    dialog.close()


@pytest.mark.parametrize("name", SHIPPED)
def test_an_open_exercise_fills_the_dialog_and_saves_the_same(
    qtbot,
    settings,
    dialogs,  # noqa: F811
    tmp_path,
    name,
):
    window, ui = exercise_window(qtbot, settings, name)
    original = exercise_of(window.document.network)
    dialog = ui.authoring()
    # English shown; the Chinese of the file is kept when nothing was edited
    assert dialog.title.text() == english(window.document.network.meta["title"])
    assert dialog.instructions.html() == english(original.instructions)
    assert dialog.hints.toPlainText().splitlines() == list(map(english, original.hints))
    again = exercise_from_dict(dialog.section())
    assert again.instructions == original.instructions
    assert again.locked == original.locked and again.hints == original.hints

    def goals(exercise):
        return sorted(json.dumps(g, sort_keys=True) for g in exercise_to_dict(exercise)["goals"])

    assert goals(again) == goals(original)
    assert dialog.save_as(tmp_path / name)
    assert exercise_of(fileformat.load(tmp_path / name)).locked == original.locked
    dialog.close()


def test_and_gate_rows_and_locks_are_shown(qtbot, settings, dialogs):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    dialog = ui.authoring()
    table = dialog.table.table
    assert table.rowCount() == 4 and table.columnCount() == 3
    assert [table.horizontalHeaderItem(c).text() for c in range(3)] == ["x1", "x2", "→ y"]
    assert [table.item(3, c).text() for c in range(3)] == ["1", "1", "1"]
    assert dialog.max_hidden_on.isChecked() and dialog.max_hidden.value() == 0
    assert dialog.locks.item_for(("neuron", "y")).checkState(0) == CHECKED
    assert dialog.locks.item_for(("field", ("y", "threshold"))).checkState(0) == CHECKED
    assert dialog.locks.item_for(("field", ("y", "bias"))).checkState(0) != CHECKED
    window.canvas.select(["x1"])  # only the selection is listed; the other ticks are kept
    assert dialog.locks.item_for(("neuron", "y")) is None
    assert dialog.locks.item_for(("neuron", "x1")) is not None
    assert dialog.locks.locks() == exercise_of(window.document.network).locked
    dialog.close()
    assert EXERCISES.exists()
