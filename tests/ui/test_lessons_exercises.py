"""File ▸ Exercises… (issue 13): the six exercises, a click shows the instructions and a
picture, Open or a double-click starts one as a copy."""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import pytest
from lessons_helpers import lessons  # noqa: F401 - fixture
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QTextDocument
from PySide6.QtTest import QTest
from shell_helpers import Button

from neurosim.core.lesson import examples
from neurosim.paths import resource_path
from neurosim.ui.app import colour_count
from neurosim.ui.commands import SetWeight
from neurosim.ui.lessons.exercises_dialog import instructions_of

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

EXERCISES = examples(resource_path("exercises"))


def click_row(qtbot, dialog, row: int, double: bool = False) -> None:
    widget = dialog.list
    centre = widget.visualItemRect(widget.item(row)).center()
    QTest.mouseClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    if double:
        QTest.mouseDClick(widget.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def open_dialog(qtbot, window, ui):
    qtbot.keyClick(window.canvas, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: ui.exercises_dialog is not None and ui.exercises_dialog.isVisible())
    return ui.exercises_dialog


def test_file_menu_has_exercises_after_examples_on_ctrl_e(lessons, qtbot):
    window, ui = lessons
    entries = [a.text() for a in window.menus.file.actions()]
    assert entries.index("E&xercises…") == entries.index("E&xamples") + 1
    assert ui.exercises_action.shortcut() == QKeySequence("Ctrl+E")
    window.menuBar().hide()  # as in presentation: the key still works
    dialog = open_dialog(qtbot, window, ui)
    window.menuBar().show()
    titles = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert len(titles) == len(EXERCISES) == 6
    assert "AND with one neuron" in titles  # without the "Exercise:" every title has
    assert ui.show_exercises() is dialog  # one at a time
    dialog.reject()


def test_a_click_shows_the_instructions_and_a_picture(lessons, qtbot):
    window, ui = lessons
    dialog = open_dialog(qtbot, window, ui)
    ui.cache_dir.mkdir(parents=True, exist_ok=True)
    row = next(i for i, info in enumerate(EXERCISES) if info.name == "xor-two-hidden")
    before = window.document.network
    click_row(qtbot, dialog, row)
    assert dialog.current_path() == EXERCISES[row].path
    text = dialog.instructions.toPlainText()
    assert "XOR" in text and len(text) > 80
    picture = dialog.picture.pixmap()
    assert not picture.isNull() and colour_count(picture.toImage()) > 8  # a drawn network
    other = next(i for i, info in enumerate(EXERCISES) if info.name == "and-gate")
    click_row(qtbot, dialog, other)
    assert "AND" in dialog.instructions.toPlainText()
    assert window.document.network is before  # a click only shows
    dialog.reject()


def test_double_click_starts_the_exercise_as_a_copy(lessons, qtbot):
    window, ui = lessons
    dialog = open_dialog(qtbot, window, ui)
    row = next(i for i, info in enumerate(EXERCISES) if info.name == "and-gate")
    click_row(qtbot, dialog, row, double=True)
    qtbot.waitUntil(lambda: ui.exercises_dialog is None)
    doc = window.document
    assert doc.path is None and doc.origin.path == EXERCISES[row].path.resolve()
    assert doc.title == "AND with one neuron — exercise"
    qtbot.waitUntil(window.exercises.dock.isVisible)  # its checklist is there


def test_open_starts_the_chosen_one_and_a_refusal_keeps_the_dialog(lessons, qtbot, dialogs):
    window, ui = lessons
    doc = window.document
    doc.push(SetWeight(doc.network, ("x1", "y1"), 0.9))  # unsaved work in an ordinary file
    dialog = open_dialog(qtbot, window, ui)
    click_row(qtbot, dialog, 1)
    dialogs.answer = Button.Cancel  # "Save them first?" — Cancel
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and window.document.origin is None
    dialogs.answer = Button.Discard
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: ui.exercises_dialog is None)
    assert window.document.origin.path == EXERCISES[1].path.resolve()


def test_enter_opens_the_current_exercise(lessons, qtbot):
    window, ui = lessons
    dialog = open_dialog(qtbot, window, ui)
    dialog.list.setFocus()
    qtbot.keyClick(dialog.list, Qt.Key.Key_Down)  # the arrow keys show, too
    assert dialog.current_path() == EXERCISES[1].path
    shown = QTextDocument()
    shown.setHtml(instructions_of(EXERCISES[1].path))
    assert dialog.instructions.toPlainText() == shown.toPlainText() != ""
    qtbot.keyClick(dialog.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.exercises_dialog is None)
    assert window.document.origin.path == EXERCISES[1].path.resolve()
