"""Locked parts of an exercise refuse edits through every path in the window, and show it."""

from __future__ import annotations

import json

import pytest
from canvas_helpers import LEFT, center, drag, wheel
from exercise_helpers import EXERCISES, dumped, exercise_window
from PySide6.QtCore import QPoint, Qt

from neurosim.core import fileformat
from neurosim.core.datasets import builtin
from neurosim.core.exercise.locks import check_locks
from neurosim.core.exercise.reading import exercise_of
from neurosim.ui.canvas.menus import build_context_menu
from neurosim.ui.commands import SetParameters, snapshot_parameters

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ALT = Qt.KeyboardModifier.AltModifier


def _variant(tmp_path, name: str, **locked) -> str:
    """A shipped exercise with more locks ({"params": [...], "synapses": [...]} added)."""
    data = json.loads((EXERCISES / name).read_text(encoding="utf-8"))
    section = data["exercise"].setdefault("locked", {})
    for key, extra in locked.items():
        section[key] = section.get(key, []) + extra
    path = tmp_path / f"locked-{name}"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def _status(window) -> str:
    return window.statusBar().currentMessage()


def _clean(window) -> None:
    window.document.undo_stack.setClean()


def test_canvas_editors_nudges_drags_keys_and_menus_are_refused(
    qtbot,
    settings,
    dialogs,  # noqa: F811
    tmp_path,
):
    path = _variant(tmp_path, "find-threshold.nsim.json", params=[["x1", "value"]])
    window, ui = exercise_window(qtbot, settings)
    assert window.open_file(path)
    view, doc = window.canvas, window.document
    view.fit_to_view()
    before = dumped(window)
    viewport = view.viewport()
    label = view.mapFromScene(view.network_scene.synapses[("x1", "y")].label_pos)
    # double-click the weight label: no editor opens, the status bar says why
    qtbot.mouseDClick(viewport, LEFT, pos=label)
    assert view.editor() is None
    assert "locked by the exercise: the weight x1 → y" in _status(window)
    qtbot.mouseDClick(viewport, LEFT, pos=center(view, "y"))  # y's bias is locked too
    assert view.editor() is None and "bias of y" in _status(window)
    # Alt+wheel nudges
    wheel(view, label, 2, ALT)
    wheel(view, center(view, "y"), -1, ALT)
    assert "locked by the exercise" in _status(window)
    # dragging the locked input's readout
    readout = center(view, "x1") + QPoint(
        0, round(view.network_scene.style.radius * 0.5 * view.zoom())
    )
    drag(qtbot, view, readout, readout - QPoint(0, 60))
    assert "input value of x1" in _status(window)
    # the Delete key, on a neuron and on a synapse
    view.select(["y"])
    view.setFocus()
    qtbot.keyClick(viewport, Qt.Key.Key_Delete)
    assert "neuron y" in _status(window)
    view.select(synapse_keys=[("x2", "y")])
    qtbot.keyClick(viewport, Qt.Key.Key_Delete)
    assert "weight x2 → y" in _status(window)
    # the context menu: Delete and Set activation
    menu = build_context_menu(view, view.mapToScene(center(view, "y")))
    delete = next(a for a in menu.actions() if a.text() == "Delete")
    delete.trigger()
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None)
    next(a for a in sub.actions() if a.text().startswith("Sigmoid")).trigger()
    assert "activation of y" in _status(window)
    menu.deleteLater()
    assert dumped(window) == before
    assert doc.undo_stack.count() == 0 and not doc.modified


def test_an_unlocked_number_still_opens_its_editor(qtbot, settings, dialogs):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    view = window.canvas
    view.fit_to_view()
    qtbot.mouseDClick(view.viewport(), LEFT, pos=center(view, "y"))
    assert view.editor() is not None  # the bias of y is the student's to set
    view.close_editor()


def test_the_editor_keeps_a_refused_value_open_with_the_reason(qtbot, settings, dialogs):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    view = window.canvas
    view.edit_neuron("y")
    editor = view.editor()
    # the exercise is opened again with the bias locked while the editor is open
    ui.controller.policy.fields = ui.controller.policy.fields | {("y", "bias")}
    editor.setText("-1.5")
    assert not editor.commit()
    assert "bias of y" in editor.toolTip()
    assert window.document.network.neurons["y"].bias == 0.0
    view.close_editor()


def test_the_inspector_greys_out_locked_fields_and_says_why(qtbot, settings, dialogs):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    inspector, view = window.inspector, window.canvas
    view.select(["y"])
    page = inspector.neuron_page
    assert inspector.currentWidget() is page
    assert not page.activation.isEnabled()
    assert page.activation.toolTip().startswith("locked by the exercise: the activation of y")
    theta = page.param_sliders["threshold"]
    assert not theta.isEnabled()
    assert theta.spin.toolTip().startswith("locked by the exercise: the threshold of y")
    assert page.bias.isEnabled() and "locked" not in page.bias.spin.toolTip()
    view.select(["x1"])
    assert page.value.isEnabled() and page.label_edit.isEnabled()
    _clean(window)
    window.open_file(EXERCISES / "find-threshold.nsim.json")
    view.select(synapse_keys=[("x1", "y")])
    weight = inspector.synapse_page.weight
    assert inspector.currentWidget() is inspector.synapse_page and not weight.isEnabled()
    assert weight.slider.toolTip().startswith("locked by the exercise: the weight x1 → y")
    view.select(["y"])
    assert not page.bias.isEnabled()
    assert page.param_sliders["threshold"].isEnabled()  # the one thing to find
    # a plain file: everything editable again
    window.new_file()
    view.select([])
    assert window.document.lock_policy is None


def test_locked_items_carry_a_padlock_with_the_reason(qtbot, settings, dialogs):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, "find-threshold.nsim.json")
    marks = window.canvas.lock_marks
    assert set(marks.badges) == {"x1", "x2", "x3", "y", ("x1", "y"), ("x2", "y"), ("x3", "y")}
    y_badge = marks.badges["y"]
    assert "its bias cannot be changed" in y_badge.toolTip()
    assert not y_badge.partial  # y's bias is locked: a closed padlock
    assert marks.badges["x1"].partial  # x1 must stay but its value is free
    assert "weight x1 → y" in marks.badges[("x1", "y")].toolTip()
    assert "🔒" in window.canvas.network_scene.synapses[("x1", "y")].toolTip()
    window.new_file()
    qtbot.wait(1)
    assert marks.badges == {}


def test_paste_adds_copies_and_overwrites_nothing(qtbot, settings, dialogs):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, "find-threshold.nsim.json")
    view, doc = window.canvas, window.document
    original = fileformat.load(EXERCISES / "find-threshold.nsim.json")
    view.select(["x1", "y"])
    payload = view.copy_selection()
    view.paste(payload)
    view.paste(payload)
    network = doc.network
    assert len(network.neurons) == 8 and doc.undo_stack.count() == 2
    assert all(check.passed for check in check_locks(exercise_of(original), original, network))
    for part in ("neurons", "synapses"):  # every original item exactly as it was
        now, then = _items(network, part), _items(original, part)
        assert {k: now[k] for k in then} == then
    _clean(window)


def _items(network, part: str) -> dict:
    data = fileformat.to_dict(network)[part]
    return {d.get("id") or (d["source"], d["target"]): d for d in data}


def test_training_leaves_locked_weights_and_biases_alone(
    qtbot,
    settings,
    dialogs,  # noqa: F811
    tmp_path,
):
    path = _variant(
        tmp_path,
        "fastest-activation.nsim.json",
        synapses=[["x", "h1"], ["h1", "y"]],
        params=[["h2", "bias"]],
    )
    window, ui = exercise_window(qtbot, settings)
    training = window.training
    assert window.open_file(path)
    doc, session = window.document, training.session
    network = doc.network
    before = snapshot_parameters(network)
    session.set_settings(lr=0.5)
    session.set_dataset(builtin("sine", 50, 0.0, 0))
    for _ in range(5):
        session.step()
    after = snapshot_parameters(network)
    assert after[0][("x", "h1")] == before[0][("x", "h1")]
    assert after[0][("h1", "y")] == before[0][("h1", "y")]
    assert after[1]["h2"] == before[1]["h2"]
    assert after[0][("x", "h2")] != before[0][("x", "h2")]  # the rest did train
    assert after[1]["h3"] != before[1]["h3"]
    # whole-network rewrites that touch a locked weight are refused
    count = doc.undo_stack.count()
    session.initialise()
    assert snapshot_parameters(network) == after and doc.undo_stack.count() == count
    assert "locked by the exercise" in _status(window)
    new = ({**after[0], ("h1", "y"): 5.0}, after[1])
    assert not doc.push(SetParameters(network, "Edit", after, new))
    assert snapshot_parameters(network) == after
    _clean(window)


def test_authoring_lifts_the_locks_and_closing_restores_them(qtbot, settings, dialogs):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    assert window.document.lock_policy is not None
    dialog = ui.authoring()
    assert window.document.lock_policy is None  # a teacher may edit everything
    dialog.close()
    assert window.document.lock_policy is not None
