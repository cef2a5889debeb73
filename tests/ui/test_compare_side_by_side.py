"""View ▸ Compare With… (issue 16 §5): two lessons side by side, live, inputs linked."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.paths import resource_path
from neurosim.ui.commands import SetInputs
from neurosim.ui.side.gradient_view import GradientLevelsView
from neurosim.ui.side.share_view import ActiveShareView

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SIGMOID = resource_path("examples", "05a-vanishing-sigmoid.nsim.json")
RELU = resource_path("examples", "05b-vanishing-relu.nsim.json")
SPARSE = resource_path("examples", "06a-sparse-relu.nsim.json")


def open_window(qtbot, settings, path=SIGMOID):
    window = make_window(qtbot, settings, fileformat.load(path))
    if window.clock.running:
        window.clock.pause()
    return window


def compare_by_keys(qtbot, window, pick: str = ""):
    """Ctrl+Shift+C, then the chooser: Enter takes its first pick (the lesson's partner)."""
    QTest.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    ui = window.compare
    qtbot.waitUntil(lambda: ui.chooser is not None and ui.chooser.isVisible())
    chooser = ui.chooser
    if pick:
        items = chooser.list.findItems(pick, Qt.MatchFlag.MatchStartsWith)
        chooser.list.setCurrentItem(items[0])
    QTest.keyClick(chooser.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: ui.current is not None)
    cmp = ui.current
    qtbot.waitUntil(lambda: cmp.right.canvas.isVisible() and cmp.left.canvas.isVisible())
    window.activateWindow()  # as the desktop does when the chooser closes
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return ui, cmp


def test_shortcut_and_chooser_open_the_partner_beside(qtbot, settings, dialogs):
    window = open_window(qtbot, settings)
    docks_before = {d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible()}
    ui, cmp = compare_by_keys(qtbot, window)
    assert cmp.path.name == RELU.name  # 05a's partner offered first
    assert window.centralWidget() is cmp.container
    assert cmp.left.canvas is window.canvas
    assert cmp.left.header.text() == "Vanishing gradients: a sigmoid chain"
    assert "ReLU" in cmp.right.header.text()
    for column in (cmp.left, cmp.right):  # both drawn: the network's items on each canvas
        assert column.canvas.isVisible() and column.telling.isVisible()
        assert len(column.canvas.scene().items()) >= 8
        assert isinstance(column.telling, GradientLevelsView)
    assert not any(d.isVisible() for d in window.findChildren(QDockWidget))
    assert docks_before  # the window had docks, hidden for the room
    left_levels = [lv.level for lv in cmp.left.telling.levels]
    right_levels = [lv.level for lv in cmp.right.telling.levels]
    assert left_levels[0] < 1e-3 < right_levels[0]  # the lesson on one screen
    assert not window.document.modified and not cmp.document.modified


def test_sparsity_lessons_show_the_sparsity_plot(qtbot, settings, dialogs):
    window = open_window(qtbot, settings, SPARSE)
    _ui, cmp = compare_by_keys(qtbot, window)
    assert cmp.path.name == "06b-dense-tanh.nsim.json"
    assert isinstance(cmp.left.telling, ActiveShareView)
    assert isinstance(cmp.right.telling, ActiveShareView)
    window.clock.step(1)  # both documents evaluate their own inputs
    cmp.clock.step(1)
    window.document.evaluate_now()
    cmp.document.evaluate_now()
    relu, tanh = cmp.left.telling.share, cmp.right.telling.share
    assert relu is not None and tanh is not None
    assert relu < 0.75 and tanh == 1.0  # ReLU's code is sparse, tanh's dense (never 0)
    assert "of 32 active" in cmp.left.telling.text


def test_linked_inputs_drive_both_then_unlink(qtbot, settings, dialogs):
    window = open_window(qtbot, settings)
    ui, cmp = compare_by_keys(qtbot, window)
    QTest.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert ui.link_action.isChecked()
    assert "linked by name" in ui.link_label.text()
    doc = window.document
    doc.push(SetInputs(doc.network, {"x": 2.0}, "Set x"))
    qtbot.waitUntil(lambda: cmp.document.network.neuron("x").value == 2.0)
    cmp.document.evaluate_now()
    assert cmp.document.evaluation.of("y")["y"] == pytest.approx(2.0 + 1.0)  # ReLU chain: x + b
    assert not cmp.document.modified  # linked values are live, never an edit
    # the other way: the second drives the first, which stays unmodified by it
    cmp.document.live_inputs({"x": -1.0})
    assert doc.network.neuron("x").value == -1.0
    ui.link_label.parent()  # still shown
    QTest.keyClick(
        window,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not ui.link_action.isChecked()
    doc.push(SetInputs(doc.network, {"x": 0.25}, "Set x"))
    assert cmp.document.network.neuron("x").value == -1.0  # unlinked: left alone


def test_transport_drives_both_clocks(qtbot, settings, dialogs):
    window = open_window(qtbot, settings, SPARSE)
    _ui, cmp = compare_by_keys(qtbot, window)
    t0 = cmp.clock.t
    window.clock.step(3)
    assert cmp.clock.t == t0 + 3
    window.clock.run()
    assert cmp.clock.running
    qtbot.waitUntil(lambda: cmp.clock.t > t0 + 3)
    window.clock.pause()
    assert not cmp.clock.running
    window.clock.reset()
    assert cmp.clock.t == 0


def test_esc_closes_and_restores_the_window(qtbot, settings, dialogs):
    window = open_window(qtbot, settings)
    qtbot.wait(200)  # the window's first layout settles (the menu bar's height)
    docks = sorted(d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible())
    geometry = {d.objectName(): d.geometry() for d in window.findChildren(QDockWidget)}
    canvas_size = window.canvas.size()
    ui, cmp = compare_by_keys(qtbot, window)
    QTest.mouseClick(cmp.right.canvas.viewport(), Qt.MouseButton.LeftButton)  # work there
    cmp.right.canvas.setFocus()
    QTest.keyClick(cmp.right.canvas.viewport(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: ui.current is None)
    assert window.centralWidget() is window.canvas
    assert window.canvas.isVisible()
    after = sorted(d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible())
    assert after == docks
    qtbot.waitUntil(lambda: window.canvas.size() == canvas_size)  # the layout settles
    for dock in window.findChildren(QDockWidget):
        if dock.isVisible():
            assert dock.geometry() == geometry[dock.objectName()]
    assert not window.document.modified
    assert not ui.action.isChecked() and not ui.link_action.isEnabled()
    assert dialogs.calls == []


def test_menu_entry_again_closes(qtbot, settings, dialogs):
    window = open_window(qtbot, settings)
    ui, _cmp = compare_by_keys(qtbot, window)
    ui.action.trigger()
    assert ui.current is None and window.centralWidget() is window.canvas


def test_bad_file_says_why_and_leaves_the_window(qtbot, settings, dialogs, tmp_path):
    bad = tmp_path / "broken.nsim.json"
    bad.write_text("{ not json", encoding="utf-8")
    window = open_window(qtbot, settings)
    dialogs.open_path = str(bad)
    QTest.keyClick(
        window,
        Qt.Key.Key_C,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    ui = window.compare
    qtbot.waitUntil(lambda: ui.chooser is not None and ui.chooser.isVisible())
    QTest.mouseClick(ui.chooser.file_button, Qt.MouseButton.LeftButton)
    assert dialogs.kinds() == ["open_dialog", "critical"]
    assert "broken" in dialogs.calls[-1][2] or dialogs.calls[-1][2]
    assert ui.current is None and window.centralWidget() is window.canvas
    assert not ui.action.isChecked()


def test_closing_the_window_saves_the_normal_layout(qtbot, settings, dialogs):
    """The layout the window keeps for next time is its own, not the comparison's."""
    window = open_window(qtbot, settings)
    ui, _cmp = compare_by_keys(qtbot, window)
    window.close()
    assert ui.current is None
    assert window.centralWidget() is window.canvas
    assert any(not d.isHidden() for d in window.findChildren(QDockWidget))


def test_a_changed_comparison_copy_asks_before_it_is_dropped(qtbot, settings, dialogs):
    window = open_window(qtbot, settings)
    ui, cmp = compare_by_keys(qtbot, window)
    cmp.document.push(SetInputs(cmp.document.network, {"x": 3.0}, "Set x"))
    assert cmp.document.modified and not window.document.modified
    dialogs.answer = dialogs.answer.Cancel
    assert not ui.close()
    assert ui.current is cmp and dialogs.kinds() == ["question"]
    dialogs.answer = dialogs.answer.Discard
    assert ui.close()
    assert ui.current is None and not window.document.modified


def test_presentation_inside_a_comparison(qtbot, settings, dialogs):
    """F5 during a comparison: Esc leaves the presentation first, then the comparison;
    ending the comparison while presenting keeps presenting and the window comes back."""
    window = open_window(qtbot, settings)
    docks = sorted(d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible())
    ui, cmp = compare_by_keys(qtbot, window)
    presentation = window.lessons.presentation
    QTest.keyClick(window, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: presentation.active)
    assert not ui.close_action.isEnabled()
    ui.close()  # the ✕ button, while presenting
    assert ui.current is None and presentation.active
    assert window.centralWidget() is window.canvas
    presentation.leave()
    qtbot.wait(100)
    after = sorted(d.objectName() for d in window.findChildren(QDockWidget) if d.isVisible())
    assert after == docks
    assert ui.close_action.isEnabled()


def test_inputs_that_cannot_be_paired_say_so(qtbot, settings, dialogs):
    window = open_window(qtbot, settings)  # 05a: one input, x
    ui, cmp = compare_by_keys(qtbot, window, pick="06b")  # two inputs, x1 and x2
    assert cmp.path.name == "06b-dense-tanh.nsim.json"
    ui.link_action.trigger()
    assert not ui.link_action.isChecked() and cmp.link is None
    assert ui.link_label.text().startswith(
        "Cannot link the inputs: the inputs differ (1 against 2)"
    )
    assert "Cannot link" in window.statusBar().currentMessage()
