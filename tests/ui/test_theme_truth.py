"""Theme truth: in each theme, every dock, dialog and plot is read off the screen.

For light, dark and the high-contrast variants presentation mode uses, the real window is
grabbed with each dock in front, and each dialog (Compare activations with results,
Keyboard Shortcuts, Exercise Authoring, the start page, Presentation Settings) as it opens:
every text must differ from its ground by a WCAG contrast ratio of at least 4.5, every plot
must have the theme's ground (none keeps another theme's), the transport icons must stand
out from their bar. See ``theme_helpers`` for how text is told from its ground in pixels.
"""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import pytest
from exercise_helpers import EXERCISES
from lessons_helpers import example_path, lessons  # noqa: F401 - fixture
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget
from theme_helpers import (
    canvas_problems,
    icon_problems,
    plot_problems,
    plot_views,
    widget_problems,
)

from neurosim.core.simulation import MIN_WINDOW
from neurosim.ui.commands import SetNeuronField
from neurosim.ui.menus import ShortcutsDialog
from neurosim.ui.plots.surface.panel import DecisionSurfacePanel
from neurosim.ui.theme import Palette

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

THEMES = {
    "light": ("light", False),
    "dark": ("dark", False),
    "light-contrast": ("light", True),
    "dark-contrast": ("dark", True),
}


def settle(qtbot) -> None:
    for _ in range(3):
        QApplication.processEvents()
    qtbot.wait(20)


def plots_of(top: QWidget, palette: Palette, where: str) -> list[str]:
    problems = []
    surfaces = {panel.widget for panel in top.findChildren(DecisionSurfacePanel)}
    for view in plot_views(top):
        name = (
            f"{where} plot {view.parentWidget().objectName() or type(view.parentWidget()).__name__}"
        )
        # the decision surface's data area is the surface itself: the same in every theme
        problems += plot_problems(view, palette, name, data_is_ground=view not in surfaces)
    return problems


def docks_of(window, palette: Palette, qtbot) -> list[str]:
    """Each dock brought to the front in turn: its texts and plots."""
    problems = []
    for dock in window.findChildren(QDockWidget):
        if dock.parent() is not window or dock.isHidden():
            continue
        dock.raise_()
        settle(qtbot)
        where = f"dock {dock.windowTitle()!r}"
        problems += widget_problems(window, where, under=dock)
        problems += plots_of(dock, palette, where)
    return problems


def dialog(top: QWidget, palette: Palette, where: str, qtbot) -> list[str]:
    top.show()
    qtbot.waitExposed(top)
    settle(qtbot)
    problems = widget_problems(top, where) + plots_of(top, palette, where)
    top.close()
    return problems


@pytest.mark.parametrize("name", THEMES)
def test_every_dock_dialog_and_plot_reads_in_the_theme(name, lessons, qtbot):
    window, ui = lessons
    mode, contrast = THEMES[name]
    window.resize(1400, 900)
    window.theme.set_mode(mode)
    window.theme.set_contrast(contrast)
    palette = window.theme.palette
    assert palette.name == name

    # A lesson with data: the notes, every live plot, the training curves, the surface.
    assert window.open_file(example_path("08-choosing-activation"))
    for dock in window.findChildren(QDockWidget):
        dock.show()
    network = window.document.network
    window.document.push(SetNeuronField(network, "x1", "source", {"kind": "sine"}))
    window.canvas.select(["x1"])  # the inspector with the source's preview plot
    window.clock.set_window(MIN_WINDOW)  # the raster's lanes fill its plot
    window.clock.step(MIN_WINDOW)
    window.training.session.step()
    window.live_plots.activation.set_neurons(["y1"])
    for panel in [*window.live_plots.panels, window.training.plots]:
        panel.flush()
    settle(qtbot)
    problems = widget_problems(window, "window")  # menus' bars, tool bars, status bar
    problems += icon_problems(window.live_plots.transport, "transport")
    problems += docks_of(window, palette, qtbot)

    compare = window.training.compare()
    compare.set_chosen(["sigmoid", "tanh"])
    compare.epochs.setValue(30)
    assert compare.start()
    qtbot.waitUntil(lambda: not compare.running, timeout=20000)
    problems += dialog(compare, palette, "Compare activations", qtbot)
    problems += dialog(ShortcutsDialog(window), palette, "Keyboard Shortcuts", qtbot)
    start = ui.show_start_page()
    start.finish_pictures()
    problems += dialog(start, palette, "Start page", qtbot)
    problems += dialog(ui.presentation.edit_settings(), palette, "Presentation Settings", qtbot)

    # An exercise: goals passing and failing, a hint, locks; a small net's every weight.
    assert window.open_file(EXERCISES / "xor-two-hidden.nsim.json")
    settle(qtbot)
    window.exercises.panel.show_next_hint()
    window.exercises.dock.raise_()
    settle(qtbot)
    problems += widget_problems(window, "dock 'Exercise'", under=window.exercises.dock)
    problems += canvas_problems(window.canvas, palette)
    problems += dialog(window.exercises.authoring(), palette, "Exercise Authoring", qtbot)
    assert problems == [], "\n".join(problems)
