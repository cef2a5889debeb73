"""Edits of many selected neurons in the real window: 06a's 32 hidden biases in one step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.paths import resource_path
from neurosim.ui.canvas.menus import build_context_menu

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

SPARSE = resource_path("examples", "06a-sparse-relu.nsim.json")


def sparse_window(qtbot, settings):
    window = make_window(qtbot, settings, fileformat.load(SPARSE))
    hidden = [n.id for n in window.document.network.of_kind("hidden")]
    window.canvas.select(hidden)
    qtbot.wait(1)
    return window, hidden


def biases(window, ids):
    return {window.document.network.neuron(n).bias for n in ids}


def test_inspector_sets_32_biases_in_one_step(qtbot, settings, dialogs):
    window, hidden = sparse_window(qtbot, settings)
    before = {n: window.document.network.neuron(n).bias for n in hidden}
    page = window.inspector.multi_page
    assert window.inspector.currentWidget() is page
    assert page.header.text() == "32 neurons selected"
    assert page.activation.currentData() == "relu"
    assert page.bias.isVisible() and not page.value.isVisible()
    if len(set(before.values())) > 1:
        assert "biases differ" in page.note.text()
    box = page.bias.spin
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "-0.5")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert biases(window, hidden) == {-0.5}
    stack = window.document.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Bias of 32 neurons"
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {n: window.document.network.neuron(n).bias for n in hidden} == before


def test_inspector_activation_applies_to_all_selected(qtbot, settings, dialogs):
    window, hidden = sparse_window(qtbot, settings)
    combo = window.inspector.multi_page.activation
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the next activation, chosen with the keyboard
    net = window.document.network
    chosen = {net.neuron(n).activation for n in hidden}
    assert len(chosen) == 1 and chosen != {"relu"}
    assert window.document.undo_stack.count() == 1
    window.acts.undo.trigger()
    assert {net.neuron(n).activation for n in hidden} == {"relu"}


def test_edit_bias_on_a_selection_sets_every_bias(qtbot, settings, dialogs):
    window, hidden = sparse_window(qtbot, settings)
    canvas = window.canvas
    item = canvas.network_scene.neurons[hidden[5]]
    menu = build_context_menu(canvas, item.scenePos())
    texts = {a.text(): a for a in menu.actions()}
    assert "Edit bias of 32 neurons…" in texts
    assert sorted(canvas.selected_neuron_ids()) == sorted(hidden)  # the menu kept them
    texts["Edit bias of 32 neurons…"].trigger()
    editor = canvas.editor()
    assert editor is not None and editor.what == "Bias of 32 neurons"
    editor.selectAll()
    qtbot.keyClicks(editor, "0.25")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert biases(window, hidden) == {0.25}
    assert window.document.undo_stack.count() == 1
    window.acts.undo.trigger()
    assert 0.25 not in biases(window, hidden)


def test_edit_bias_of_one_neuron_stays_one(qtbot, settings, dialogs):
    window, hidden = sparse_window(qtbot, settings)
    canvas = window.canvas
    canvas.select([hidden[0]])
    menu = build_context_menu(canvas, canvas.network_scene.neurons[hidden[0]].scenePos())
    assert "Edit bias…" in [a.text() for a in menu.actions()]


def test_shared_activation_parameter_applies_to_all(qtbot, settings, dialogs):
    """07b: every hidden neuron's leaky-ReLU α from the multi-selection page, one step."""
    leaky = fileformat.load(resource_path("examples", "07b-leaky-relu.nsim.json"))
    window = make_window(qtbot, settings, leaky)
    net = window.document.network
    hidden = [n.id for n in net.of_kind("hidden")]
    window.canvas.select(hidden)
    qtbot.wait(1)
    page = window.inspector.multi_page
    assert {net.neuron(n).activation for n in hidden} == {"leaky_relu"}
    assert list(page.param_sliders) == ["alpha"] and page.params_box.isVisible()
    before = {n: net.neuron(n).params["alpha"] for n in hidden}
    box = page.param_sliders["alpha"].spin
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "0.05")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert {net.neuron(n).params["alpha"] for n in hidden} == {0.05}
    assert window.document.undo_stack.count() == 1
    qtbot.keyClick(box, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {n: net.neuron(n).params["alpha"] for n in hidden} == before
    outputs = [n.id for n in net.of_kind("output")]
    window.canvas.select(hidden + outputs)  # the output's activation differs
    qtbot.wait(1)
    assert page.activation.currentIndex() == -1 and not page.params_box.isVisible()
