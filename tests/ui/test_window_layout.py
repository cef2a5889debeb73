"""The window's default arrangement, Space on the canvas (tap runs, hold pans), the clipboard."""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import json

import pytest
from canvas_helpers import center
from lessons_helpers import example_path, open_window
from PySide6.QtCore import QPoint, QPointF, QRect, QSettings, Qt
from PySide6.QtWidgets import QApplication, QTabBar

from neurosim.ui import mainwindow
from neurosim.ui.app import default_network
from neurosim.ui.canvas import clipboard
from neurosim.ui.window_layout import BOTTOM_MIN, RIGHT_MAX, RIGHT_MIN, STATE_VERSION

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea


@pytest.fixture
def window(qtbot, settings, dialogs):
    window, _ = open_window(qtbot, settings)
    window.resize(1280, 800)
    qtbot.wait(50)  # the default dock sizes follow the first show
    yield window
    window.live_plots.clock.pause()
    window.document.undo_stack.setClean()


def front_tab(window, title: str) -> str:
    """The title of the tab in front, in the window's tab bar that holds ``title``."""
    for bar in window.findChildren(QTabBar):
        titles = [bar.tabText(i) for i in range(bar.count())]
        if title in titles:
            return bar.tabText(bar.currentIndex())
    raise AssertionError(f"no tab titled {title!r}")


def in_view(widget, scroll_area) -> bool:
    """``widget`` is shown whole inside the scroll area's viewport (not below the fold)."""
    viewport = scroll_area.viewport()
    top_left = widget.mapTo(viewport, QPoint(0, 0))
    return viewport.rect().contains(QRect(top_left, widget.size()))


def test_notes_and_inspector_share_the_right_column_as_tabs(window, qtbot):
    notes = window.lessons.notes_dock
    assert window.dockWidgetArea(notes) == RIGHT
    assert notes in window.tabifiedDockWidgets(window.inspector_dock)
    assert window.open_file(example_path("03b-xor-hidden-layer"))
    assert window.canvas.selected_neuron_ids() == ["xor"]  # the view's selection...
    assert front_tab(window, "What to notice") == "What to notice"  # ...yet the notes lead
    window.canvas.select(["h_or"])
    assert front_tab(window, "What to notice") == "Inspector"


def test_clicking_the_selected_neuron_brings_the_inspector_forward(window, qtbot):
    assert window.open_file(example_path("01-threshold"))
    assert window.canvas.selected_neuron_ids() == ["y"]
    assert front_tab(window, "Inspector") == "What to notice"
    qtbot.mouseClick(
        window.canvas.viewport(), Qt.MouseButton.LeftButton, pos=center(window.canvas, "y")
    )
    assert window.canvas.selected_neuron_ids() == ["y"]  # no change of selection...
    assert front_tab(window, "Inspector") == "Inspector"  # ...but its numbers in front
    page = window.inspector.neuron_page
    qtbot.waitUntil(lambda: in_view(page.equation, window.inspector_dock.widget()))


def test_default_sizes_leave_room_for_the_inspector_and_readable_plots(window, qtbot):
    assert window.size().toTuple() == (1280, 800)
    assert RIGHT_MIN <= window.inspector_dock.width() <= RIGHT_MAX + 10
    assert window.open_file(example_path("01-threshold"))
    live = window.live_plots
    plots = [live.docks[k] for k in ("activation", "traces", "raster")]
    assert all(window.dockWidgetArea(d) == BOTTOM for d in plots)
    qtbot.waitUntil(lambda: all(d.height() >= BOTTOM_MIN - 10 for d in plots))
    qtbot.waitUntil(lambda: all(d.width() > 250 for d in plots))
    # side by side, in the order the view names them; the first (the main plot) widest
    xs = [d.mapTo(window, QPoint(0, 0)).x() for d in plots]
    assert xs == sorted(xs)
    first, *rest = [d.width() for d in plots]
    assert first > 1.25 * max(rest) and abs(rest[0] - rest[1]) < 20  # clearly the widest
    qtbot.waitUntil(lambda: live.activation.plot.height() > 0.6 * plots[0].height())


def test_a_legend_goes_beside_the_curves_in_a_wide_low_panel(window, qtbot):
    assert window.open_file(example_path("02-activation-shapes"))  # compares 3 activations
    panel = window.live_plots.activation
    cell = lambda: panel.widget.ci.items[panel.legend][0]  # noqa: E731
    qtbot.waitUntil(lambda: cell() == (0, 1))  # beside: five rows under it would flatten it
    qtbot.waitUntil(lambda: panel.plot.height() > 0.6 * panel.widget.height())
    panel.resize(500, 700)  # tall: under the plot again
    qtbot.waitUntil(lambda: cell() == (1, 0))


def test_a_layout_saved_by_an_older_version_is_replaced_by_the_default(qtbot, settings, dialogs):
    old, _ = open_window(qtbot, settings)
    notes = old.lessons.notes_dock
    old.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, notes)  # moved by the user
    notes.show()
    for version, tabbed in ((STATE_VERSION - 1, True), (STATE_VERSION, False)):
        settings.setValue("window/state", old.saveState(version))
        again = mainwindow.MainWindow(
            settings=QSettings(settings.fileName(), QSettings.Format.IniFormat)
        )
        qtbot.addWidget(again)
        again.open_network(default_network())  # with notes: their dock is shown
        again.show()  # the tab groups are settled once laid out
        qtbot.waitExposed(again)
        together = again.lessons.notes_dock in again.tabifiedDockWidgets(again.inspector_dock)
        assert together == tabbed, version
    old.document.undo_stack.setClean()


# -------------------------------------------------------------------------------- Space
def focus_canvas(window, qtbot):
    window.activateWindow()
    # Window shortcuts fire only in the active window: without it nothing could steal Space.
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.canvas.setFocus()
    qtbot.waitUntil(window.canvas.hasFocus)
    window.live_plots.clock.pause()


def test_a_tap_of_space_on_the_canvas_runs_and_pauses_the_clock(window, qtbot):
    focus_canvas(window, qtbot)
    clock = window.live_plots.clock
    qtbot.keyClick(window.canvas, Qt.Key.Key_Space)
    assert clock.running and window.live_plots.transport.run_action.text() == "Pause"
    qtbot.keyClick(window.canvas, Qt.Key.Key_Space)
    assert not clock.running


def test_holding_space_and_dragging_pans_without_running(window, qtbot):
    focus_canvas(window, qtbot)
    canvas, clock = window.canvas, window.live_plots.clock
    canvas.zoom_in()
    before = canvas.mapFromScene(QPointF(0, 0))
    start = QPoint(200, 150)
    qtbot.keyPress(canvas, Qt.Key.Key_Space)
    assert not clock.running  # the press alone runs nothing: it may become a pan
    qtbot.mousePress(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(canvas.viewport(), start + QPoint(20, 10))
    qtbot.mouseMove(canvas.viewport(), start + QPoint(40, 30))
    qtbot.mouseRelease(canvas.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(40, 30))
    qtbot.keyRelease(canvas, Qt.Key.Key_Space)
    assert canvas.mapFromScene(QPointF(0, 0)) - before == QPoint(40, 30)
    assert not clock.running
    assert window.document.undo_stack.count() == 0  # nothing was moved or selected


def test_space_outside_the_canvas_is_still_run_and_pause(window, qtbot):
    focus_canvas(window, qtbot)
    plot = window.live_plots.traces.widget
    plot.setFocus()
    qtbot.waitUntil(plot.hasFocus)
    qtbot.keyClick(plot, Qt.Key.Key_Space)
    assert window.live_plots.clock.running


# ---------------------------------------------------------------------------- clipboard
@pytest.fixture
def clean_clipboard():
    yield QApplication.clipboard()
    # Our QMimeData left on the offscreen clipboard crashes the interpreter's exit (Qt frees
    # it after Python has shut down); a desktop clipboard is not affected.
    QApplication.clipboard().clear()


def test_the_canvas_and_the_window_share_one_clipboard_type(window, clean_clipboard):
    assert mainwindow.MIME_TYPE is clipboard.MIME_TYPE
    window.canvas.select(["x1", "y1"])
    window.canvas.copy_to_clipboard()  # the canvas's own Ctrl+C
    mime = QApplication.clipboard().mimeData()
    payload = json.loads(bytes(mime.data(clipboard.MIME_TYPE).data()).decode())
    assert json.loads(mime.text()) == payload  # plain JSON text too
    window.acts.paste.trigger()  # the window's Edit ▸ Paste reads it
    assert len(window.document.network.neurons) == 5
    window.canvas.select(["x2"])
    window.acts.copy.trigger()
    assert clipboard.read_clipboard()["neurons"][0]["id"] == "x2"


def test_the_window_fits_again_once_the_window_manager_adds_its_frame(window, qtbot, monkeypatch):
    """A title bar arrives a moment after the window shows: a 1280×800 window on a
    1280×800 screen then hangs its status bar below the screen unless it fits again."""
    qtbot.waitUntil(lambda: window.size().toTuple() == (1280, 800))
    shown = window.size()

    def framed():  # what the window manager reports once it has framed the window
        return QRect(0, 0, window.width() + 2, window.height() + 25)

    monkeypatch.setattr(window, "frameGeometry", framed)
    window.dock_layout._refit_frame(shown)
    assert window.size().toTuple() == (1278, 775)  # frame and all inside the screen
    window.resize(1000, 700)  # the user's own size is never undone
    window.dock_layout._refit_frame(shown)
    assert window.size().toTuple() == (1000, 700)
