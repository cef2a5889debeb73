"""Undo and Redo keys in the real window, also while an inspector number field has focus."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QShortcut

from neurosim.ui.number_box import NumberBox

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = CTRL | Qt.KeyboardModifier.ShiftModifier


def focused_bias_box(window, qtbot):
    """The output's bias box in the inspector, with the keyboard focus."""
    window.canvas.select(["y1"])
    qtbot.wait(1)
    box = window.inspector.neuron_page.bias.spin
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    return box


def type_text(qtbot, box, text: str) -> None:
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


def test_redo_answers_ctrl_y_and_ctrl_shift_z(window, qtbot):
    keys = [k.toString() for k in window.acts.redo.shortcuts()]
    assert "Ctrl+Y" in keys and "Ctrl+Shift+Z" in keys
    others = [a for a in window.findChildren(QAction) if a is not window.acts.redo]
    assert len(others) > 30  # every action of the window and its panels
    assert not [a.text() for a in others if "Ctrl+Y" in [k.toString() for k in a.shortcuts()]]
    assert not [s.key().toString() for s in window.findChildren(QShortcut) if s.key() == "Ctrl+Y"]
    network = window.document.network
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)
    qtbot.keyClick(window.canvas, Qt.Key.Key_H)  # one hidden neuron at the pointer
    assert len(network.of_kind("hidden")) == 1
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    assert network.of_kind("hidden") == []
    qtbot.keyClick(window.canvas, Qt.Key.Key_Y, CTRL)
    assert len(network.of_kind("hidden")) == 1
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL)
    qtbot.keyClick(window.canvas, Qt.Key.Key_Z, CTRL_SHIFT)
    assert len(network.of_kind("hidden")) == 1


def test_ctrl_z_in_a_number_field_commits_then_undoes(window, qtbot):
    network = window.document.network
    old = network.neuron("y1").bias
    box = focused_bias_box(window, qtbot)
    type_text(qtbot, box, "1.75")
    assert network.neuron("y1").bias == old  # typed, not applied yet
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert box.hasFocus()
    assert network.neuron("y1").bias == old
    qtbot.waitUntil(lambda: box.lineEdit().text() == f"{old:.2f}")  # the next evaluation
    assert box.text_shown() == f"{old:.2f}"
    qtbot.keyClick(box, Qt.Key.Key_Y, CTRL)  # and Redo brings the typed value back
    assert network.neuron("y1").bias == 1.75
    qtbot.waitUntil(lambda: box.lineEdit().text() == "1.75")


def test_ctrl_z_in_a_field_undoes_the_last_edit_when_nothing_was_typed(window, qtbot):
    network = window.document.network
    box = focused_bias_box(window, qtbot)
    type_text(qtbot, box, "0.5")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    type_text(qtbot, box, "0.9")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert network.neuron("y1").bias == 0.9
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert network.neuron("y1").bias == 0.5
    qtbot.waitUntil(lambda: box.lineEdit().text() == "0.50")


def test_ctrl_z_over_refused_text_drops_the_text_and_undoes_nothing(window, qtbot):
    network = window.document.network
    box = focused_bias_box(window, qtbot)
    type_text(qtbot, box, "0.5")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    count = window.document.undo_stack.count()
    type_text(qtbot, box, "abc")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert network.neuron("y1").bias == 0.5
    assert window.document.undo_stack.count() == count
    assert window.document.undo_stack.index() == count
    assert box.lineEdit().text() == "0.50" and box.problem is None


def test_a_box_in_a_window_without_undo_keeps_the_typing_undo(qtbot):
    """A dialog of its own (no Undo action): Ctrl+Z undoes the typing, applies nothing."""
    box = NumberBox(value=0.5)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    changed = []
    box.valueChanged.connect(changed.append)
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "7")
    qtbot.keyClick(box, Qt.Key.Key_Z, CTRL)
    assert changed == [] and box.value() == 0.5
    assert box.lineEdit().text() == "0.50"
