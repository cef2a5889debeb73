"""View ▸ Truth Table: rows as the core computes them, live, clicked rows set the inputs."""

from __future__ import annotations

import pytest
from exercise_helpers import EXERCISES
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtTest import QTest
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.core.model import Network
from neurosim.core.truth_table import as_csv, as_text, truth_table
from neurosim.paths import resource_path
from neurosim.ui.commands import SetInputs, SetNeuronField, SetWeight
from neurosim.ui.theme import Role

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

GATES = resource_path("examples", "03a-logic-gates.nsim.json")


def open_table(qtbot, settings, path=GATES):
    """A window with ``path`` open and the truth table shown with F7, as a user would."""
    window = make_window(qtbot, settings, fileformat.load(path))
    stop_clock(window)
    QTest.keyClick(window, Qt.Key.Key_F7)
    ui = window.truth_table
    qtbot.waitUntil(ui.dock.isVisible)
    return window, ui.panel


def shown_rows(panel) -> list[list[str]]:
    grid = panel.grid
    return [
        [grid.item(r, c).text() for c in range(grid.columnCount())] for r in range(grid.rowCount())
    ]


def painted(panel, row: int, column: int) -> QColor:
    """The colour painted near the left edge of a cell (clear of its text)."""
    grid = panel.grid
    grid.scrollToItem(grid.item(row, column))
    rect = grid.visualItemRect(grid.item(row, column))
    assert grid.viewport().rect().contains(rect.left() + 3, rect.center().y())
    image = grid.viewport().grab().toImage()
    return image.pixelColor(rect.left() + 3, rect.center().y())


def near(colour: QColor, target: QColor) -> bool:
    """The same colour as painted (an X server at 16 bits per pixel rounds it a little)."""
    return all(
        abs(a - b) <= 8 for a, b in zip(colour.getRgb()[:3], target.getRgb()[:3], strict=True)
    )


def click_row(qtbot, panel, row: int) -> None:
    grid = panel.grid
    grid.scrollToItem(grid.item(row, 0))
    rect = grid.visualItemRect(grid.item(row, 0))
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def stop_clock(window) -> None:
    """The lesson's clock steps the inputs; hold it so the test decides them."""
    if window.clock.running:
        window.clock.pause()


def test_f7_shows_every_combination_with_the_outputs_figures(qtbot, settings, dialogs):  # noqa: F811
    window, panel = open_table(qtbot, settings)
    stop_clock(window)
    network = window.document.network
    expected = truth_table(network)
    panel.refresh()
    assert panel.grid.rowCount() == 4
    assert shown_rows(panel) == [expected.cells(r) for r in expected.rows]
    assert shown_rows(panel)[0][:5] == ["0", "0", "−1.50", "0.00", "no"]  # AND of 0, 0
    header = [panel.grid.horizontalHeaderItem(c).text() for c in range(5)]
    assert header == ["x₁", "x₂", "AND\nz", "AND\ny", "AND\nfired"]
    assert "Outputs: AND, OR, NOT x₁" in panel.caption.text()
    assert window.truth_table.action in window.menus.view.actions()


def test_the_current_inputs_row_is_painted_highlighted(qtbot, settings, dialogs):  # noqa: F811
    window, panel = open_table(qtbot, settings)
    stop_clock(window)
    doc = window.document
    doc.push(SetInputs(doc.network, {"x1": 1.0, "x2": 0.0}, "Inputs 1, 0"))
    qtbot.waitUntil(lambda: panel.table.current == 2)
    highlight = window.theme.palette.role(Role.Highlight)
    assert near(painted(panel, 2, 1), highlight)
    assert not near(painted(panel, 0, 1), highlight)
    assert panel.grid.item(2, 0).font().bold()


def test_clicking_a_row_sets_the_inputs_as_one_undo_step(qtbot, settings, dialogs):  # noqa: F811
    window, panel = open_table(qtbot, settings)
    stop_clock(window)
    doc = window.document
    sources = {nid: doc.network.neurons[nid].source for nid in ("x1", "x2")}
    assert all(sources.values())  # the lesson's clock steps x₁ x₂ through the rows
    assert "x₁, x₂ follow signal sources: a click switches them off" in panel.caption.text()
    steps = doc.undo_stack.count()
    click_row(qtbot, panel, 3)
    qtbot.waitUntil(lambda: panel.table.current == 3)
    assert {nid: doc.network.neurons[nid].value for nid in ("x1", "x2")} == {"x1": 1, "x2": 1}
    assert all(doc.network.neurons[nid].source is None for nid in ("x1", "x2"))
    assert doc.undo_stack.count() == steps + 1
    assert doc.undo_stack.text(steps) == "Inputs x₁=1, x₂=1 (signal sources off)"
    highlight = window.theme.palette.role(Role.Highlight)
    qtbot.waitUntil(lambda: near(painted(panel, 3, 1), highlight))
    click_row(qtbot, panel, 1)  # no source left to switch off
    qtbot.waitUntil(lambda: panel.table.current == 1)
    assert doc.undo_stack.text(steps + 1) == "Inputs x₁=0, x₂=1"
    window.acts.undo.trigger()
    window.acts.undo.trigger()
    qtbot.waitUntil(lambda: panel.table.current == 0)
    assert {nid: doc.network.neurons[nid].source for nid in ("x1", "x2")} == sources


def test_a_locked_input_refuses_the_click_and_says_why(qtbot, settings, dialogs):  # noqa: F811
    window, panel = open_table(qtbot, settings, EXERCISES / "and-gate.nsim.json")
    doc = window.document
    doc.lock_policy = lambda kind, key: "locked for the test" if kind == "value" else None
    click_row(qtbot, panel, 3)
    qtbot.waitUntil(lambda: "locked for the test" in window.statusBar().currentMessage())
    assert doc.network.neurons["x1"].value == 0.0 and panel.table.current == 0


def test_the_table_follows_weights_and_the_selection_live(qtbot, settings, dialogs):  # noqa: F811
    window, panel = open_table(qtbot, settings)
    stop_clock(window)
    doc = window.document
    and_id = next(n.id for n in doc.network if n.label == "AND")
    x1 = next(n.id for n in doc.network if n.label == "x₁")
    doc.push(SetWeight(doc.network, (x1, and_id), 2.0))
    qtbot.waitUntil(lambda: shown_rows(panel)[2][2] == "0.50")  # 2·1 + 1·0 − 1.5
    assert shown_rows(panel)[2][4] == "yes"
    window.canvas.select([and_id])
    qtbot.waitUntil(lambda: panel.grid.columnCount() == 5)
    assert "Selected neurons: AND" in panel.caption.text()
    window.canvas.select([])
    qtbot.waitUntil(lambda: panel.grid.columnCount() == 11)


def test_copy_as_text_and_csv_put_the_whole_table_on_the_clipboard(qtbot, settings, dialogs):  # noqa: F811
    window, panel = open_table(qtbot, settings)
    stop_clock(window)
    clipboard = QGuiApplication.clipboard()
    qtbot.mouseClick(panel.copy_csv, Qt.MouseButton.LeftButton)
    assert clipboard.text() == as_csv(panel.table)
    clipboard.setText("")
    panel.grid.setFocus()
    qtbot.waitUntil(panel.grid.hasFocus)
    QTest.keyClick(panel.grid, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clipboard.text() == as_text(panel.table)
    assert clipboard.text().splitlines()[0].split()[:3] == ["x₁", "x₂", "z(AND)"]


def test_an_exercise_shows_a_tick_or_cross_per_row(qtbot, settings, dialogs):  # noqa: F811
    window, panel = open_table(qtbot, settings, EXERCISES / "and-gate.nsim.json")
    doc = window.document
    assert [row[-1] for row in shown_rows(panel)] == ["✗", "✗", "✗", "✓"]
    assert shown_rows(panel)[0][-2] == "y = 0 ± 0.1"
    palette = window.theme.palette
    assert panel.grid.item(0, panel.grid.columnCount() - 1).foreground().color() == QColor(
        palette.error
    )
    doc.push(SetNeuronField(doc.network, "y", "bias", -0.75))
    qtbot.waitUntil(lambda: [row[-1] for row in shown_rows(panel)] == ["✓"] * 4)
    tip = panel.grid.item(3, panel.grid.columnCount() - 1).toolTip()
    assert tip == "got y = 1"


def test_too_many_inputs_gives_a_clear_message_and_no_grid(qtbot, settings, dialogs):  # noqa: F811
    net = Network()
    for k in range(7):
        net.add_neuron("input", f"x{k}", position=(0, 60 * k))
    net.add_neuron("output", "y", position=(200, 0))
    window = make_window(qtbot, settings, net)
    QTest.keyClick(window, Qt.Key.Key_F7)
    panel = window.truth_table.panel
    qtbot.waitUntil(panel.caption.isVisible)
    assert "7 inputs" in panel.caption.text() and "up to 6" in panel.caption.text()
    assert not panel.grid.isVisible()
    assert not panel.copy_text.isEnabled()


def test_inputs_between_0_and_1_are_named_and_no_row_is_highlighted(qtbot, settings, dialogs):  # noqa: F811
    window, panel = open_table(qtbot, settings)
    stop_clock(window)
    doc = window.document
    x1 = next(n.id for n in doc.network if n.label == "x₁")
    doc.push(SetInputs(doc.network, {x1: 0.5}, "x₁ = 0.5"))
    qtbot.waitUntil(lambda: panel.table.current is None)
    assert "x₁ = 0.5" in panel.caption.text() and "not all 0 or 1" in panel.caption.text()
    highlight = window.theme.palette.role(Role.Highlight)
    assert not any(near(painted(panel, r, 1), highlight) for r in range(4))


def test_sixty_four_rows_open_on_the_current_one_and_keep_a_readers_place(qtbot, settings, dialogs):  # noqa: F811
    net = Network()
    net.add_neuron("output", "y", position=(300, 0))
    for k in range(6):
        net.add_neuron("input", f"x{k}", position=(0, 60 * k), value=1.0)
        net.add_synapse(f"x{k}", "y", 1.0)
    window = make_window(qtbot, settings, net)
    QTest.keyClick(window, Qt.Key.Key_F7)
    panel = window.truth_table.panel
    qtbot.waitUntil(lambda: panel.grid.rowCount() == 64 and panel.table.current == 63)
    grid = panel.grid
    last = grid.visualItemRect(grid.item(63, 0))
    qtbot.waitUntil(
        lambda: grid.viewport().rect().intersects(grid.visualItemRect(grid.item(63, 0)))
    )
    assert last.isValid()
    grid.scrollToTop()
    doc = window.document
    doc.push(SetWeight(doc.network, ("x0", "y"), 2.0))  # the figures change, the inputs do not
    qtbot.waitUntil(lambda: panel.grid.item(32, 1 + 5 + 0).text() == "2.00")  # z of 100000
    assert grid.verticalScrollBar().value() == 0
