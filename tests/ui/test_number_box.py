"""NumberBox: the one box for typing a real number (issue 14, "Numbers are read as the person
meant them"). Typed with real key events; every refusal is visible and changes nothing."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QPushButton, QVBoxLayout

from neurosim.ui.number_box import NumberBox, number_text

pytestmark = pytest.mark.qt_log_ignore("raise()")  # the refusal's tooltip, offscreen


def make(qtbot, **kwargs) -> tuple[NumberBox, list, list]:
    box = NumberBox(**kwargs)
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    changes: list = []
    refusals: list = []
    box.valueChanged.connect(changes.append)
    box.refused.connect(refusals.append)
    return box, changes, refusals


def type_text(qtbot, box: NumberBox, text: str, enter: bool = True) -> None:
    """Select the box's text and type ``text`` key by key, as a person does; characters
    QTest cannot map to a key (the true minus sign) go as key events carrying the text."""
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Backspace)
    for char in text:
        if char.isascii():
            qtbot.keyClicks(box.lineEdit(), char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
                QApplication.sendEvent(box.lineEdit(), event)
    if enter:
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1e-3", 0.001),
        ("-2.5E3", -2500.0),
        (".5", 0.5),
        ("\u22120.5", -0.5),  # a true minus sign, as the app itself writes it
        ("  7 ", 7.0),
        ("0,25", 0.25),  # a lone decimal comma that cannot be a thousands separator
        ("-1e6", -1e6),
    ],
)
def test_reads_what_a_scientist_types(qtbot, text, value):
    box, changes, refusals = make(qtbot, minimum=-1e6, maximum=1e6)
    type_text(qtbot, box, text)
    assert box.value() == value
    assert changes == [value] and refusals == []
    assert box.problem is None and box.styleSheet() == ""


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("-1000000", "out of range: type a number from −1000 to 1000"),
        ("2.5e3", "out of range"),
        ("1,000", "thousands separator"),
        ("1 000", "no thousands separators"),
        ("1_000", "no thousands separators"),
        ("abc", "not a number"),
        ("inf", "not a finite number"),
        ("", "type a number"),
    ],
)
def test_refuses_visibly_and_changes_nothing(qtbot, text, words):
    box, changes, refusals = make(qtbot, value=0.5)
    type_text(qtbot, box, text)
    assert box.value() == 0.5 and changes == []  # never clamped, never a part
    assert len(refusals) == 1 and words in refusals[0]
    assert box.problem == refusals[0]
    assert "#d73027" in box.styleSheet()  # the red frame
    assert box.toolTip().startswith(refusals[0])
    assert box.lineEdit().text() == text  # kept, to be put right


def test_a_refusal_reaches_the_status_bar_and_esc_puts_the_value_back(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    box = NumberBox(window, minimum=-5, maximum=5, value=1.0)
    window.setCentralWidget(box)
    window.statusBar()
    window.show()
    qtbot.waitExposed(window)
    type_text(qtbot, box, "12")
    assert "12 is out of range" in window.statusBar().currentMessage()
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert box.problem is None and box.lineEdit().text() == "1.00" and box.value() == 1.0
    type_text(qtbot, box, "4.5")
    assert box.value() == 4.5 and box.toolTip().startswith("A number from −5 to 5")


def test_tooltip_states_the_range(qtbot):
    box, _, _ = make(qtbot, minimum=-1000, maximum=1000, tooltip="b: the bias")
    assert box.toolTip().splitlines() == [
        "b: the bias",
        "A number from −1000 to 1000; type e.g. 0.5, −1.5 or 1e-3 (a dot for decimals)",
    ]
    box.setToolTip("locked by the exercise")
    assert box.toolTip().startswith("locked by the exercise\nA number from −1000 to 1000")


def test_arrow_keys_step_and_stop_at_the_ends(qtbot):
    box, changes, refusals = make(qtbot, minimum=0.0, maximum=1.0, value=0.8)
    box.setFocus()
    for _ in range(5):
        qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.value() == 1.0 and changes == [0.9, 1.0]  # 0.1 steps, exact, then the end
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.value() == 0.9 and refusals == []


def test_adaptive_steps_follow_the_power_of_ten(qtbot):
    box, _, _ = make(qtbot, minimum=1e-6, maximum=10.0, value=0.01, decimals=4)
    box.set_adaptive_steps(True)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Up)
    assert box.value() == 0.011
    box.setValue(0.1)
    qtbot.keyClick(box, Qt.Key.Key_Down)
    assert box.value() == 0.09


def _wheel(widget, up: bool = True) -> None:
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(
        centre,
        widget.mapToGlobal(centre),
        QPoint(0, 0),
        QPoint(0, 120 if up else -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_steps_only_a_focused_box(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = NumberBox(dialog, value=1.0)
    other = QPushButton("elsewhere", dialog)
    layout = QVBoxLayout(dialog)
    layout.addWidget(box)
    layout.addWidget(other)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitActive(dialog)
    other.setFocus()
    _wheel(box)
    assert box.value() == 1.0 and not box.hasFocus()  # scrolling past changes nothing
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    _wheel(box)
    assert box.value() == pytest.approx(1.1)


def test_enter_on_a_refused_value_keeps_the_dialog_open(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    box = NumberBox(dialog, minimum=1.0, maximum=4.0, value=1.6)
    ok = QPushButton("OK", dialog)
    ok.setDefault(True)
    ok.clicked.connect(dialog.accept)
    layout = QVBoxLayout(dialog)
    layout.addWidget(box)
    layout.addWidget(ok)
    dialog.show()
    qtbot.waitExposed(dialog)
    type_text(qtbot, box, "40")
    assert dialog.isVisible() and box.value() == 1.6
    type_text(qtbot, box, "2")
    assert dialog.result() == QDialog.DialogCode.Accepted and box.value() == 2.0


def test_set_value_from_code_shows_the_value_exactly(qtbot):
    box, changes, _ = make(qtbot, decimals=2)
    box.setValue(0.001)
    assert box.value() == 0.001 and box.lineEdit().text() == "0.001"  # not "0.00"
    box.setValue(5000.0)
    assert box.value() == 1000.0  # from code, clamped to the range as Qt does
    assert changes == [0.001, 1000.0]


@pytest.mark.parametrize(
    ("value", "text"),
    [(0.5, "0.50"), (-0.0, "0.00"), (0.001, "0.001"), (1e6, "1e+06"), (0.123456789, "0.123457")],
)
def test_number_text(value, text):
    assert number_text(value, 2) == text


def test_enter_on_the_shown_text_is_no_edit(qtbot):
    box, changes, _ = make(qtbot)
    box.setValue(0.123456789)
    changes.clear()
    box.setFocus()
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)  # shows 0.123457: not a new value
    assert box.value() == 0.123456789 and changes == []


def test_a_new_value_from_the_model_replaces_refused_text(qtbot):
    box, _, _ = make(qtbot, value=0.5)
    type_text(qtbot, box, "5000")
    assert box.problem is not None
    box.setValue(0.5)  # the same value: the user's text stays, to be put right
    assert box.problem is not None and box.lineEdit().text() == "5000"
    box.setValue(0.75)  # the model moved on (an undo, the clock): show it, clear the red
    assert box.problem is None and box.styleSheet() == "" and box.lineEdit().text() == "0.75"
