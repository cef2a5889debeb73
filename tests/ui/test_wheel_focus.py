"""Focus-to-wheel in the real window: a wheel turn over a control without focus scrolls the
panel and changes nothing; with focus it steps the control."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollArea

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

DOWN = QPoint(0, -120)  # one notch towards the user


def turn_wheel_over(window, widget, notches: int = 1) -> None:
    """A spontaneous wheel event at ``widget``'s centre, as the mouse sends it."""
    centre = widget.mapTo(window, widget.rect().center())
    for _ in range(notches):
        QTest.wheelEvent(window.windowHandle(), centre, DOWN)
        QApplication.processEvents()


def short_inspector(window, qtbot):
    """The output neuron's page in a dock too short for it: the panel scrolls."""
    window.resize(1000, 420)
    window.canvas.select(["y1"])
    qtbot.wait(1)
    area = window.inspector_dock.widget()
    assert isinstance(area, QScrollArea)
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    area.verticalScrollBar().setValue(0)
    return window.inspector.neuron_page, area.verticalScrollBar()


def test_wheel_over_unfocused_controls_scrolls_the_panel(window, qtbot):
    page, scroll = short_inspector(window, qtbot)
    window.canvas.setFocus()
    network = window.document.network
    before = (network.neuron("y1").activation, network.neuron("y1").bias)
    combo, slider, box = page.activation, page.bias.slider, page.bias.spin
    index = combo.currentIndex()
    assert combo.isVisible() and not combo.hasFocus()
    turn_wheel_over(window, combo)
    assert combo.currentIndex() == index and not combo.hasFocus()
    assert scroll.value() > 0  # the wheel went to the panel
    for control in (slider, box):
        if control.visibleRegion().isEmpty():
            continue  # scrolled away: nothing under the pointer to guard
        turn_wheel_over(window, control)
        assert not control.hasFocus()
    assert (network.neuron("y1").activation, network.neuron("y1").bias) == before
    assert window.document.undo_stack.count() == 0


def test_wheel_over_a_focused_combo_steps_it(window, qtbot):
    page, _scroll = short_inspector(window, qtbot)
    combo = page.activation
    combo.setFocus(Qt.FocusReason.TabFocusReason)  # Tab, or a click: then the wheel is its
    qtbot.waitUntil(combo.hasFocus)
    index = combo.currentIndex()
    turn_wheel_over(window, combo)
    assert combo.currentIndex() != index
    assert window.document.network.neuron("y1").activation == combo.currentData() != "sigmoid"
    assert window.document.undo_stack.count() == 1
