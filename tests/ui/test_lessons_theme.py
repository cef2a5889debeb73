"""Light and dark themes: the palette, the plots on screen, the canvas, remembered."""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import pyqtgraph as pg
import pytest
from lessons_helpers import example_path, lessons, open_window  # noqa: F401 - fixture
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from neurosim.ui.canvas import colors
from neurosim.ui.lessons.themes import SETTING
from neurosim.ui.plots import style as plot_style

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
Role = QPalette.ColorRole


def window_colour() -> QColor:
    return QApplication.palette().color(Role.Window)


def plot_grounds(window) -> set[str]:
    return {view.backgroundBrush().color().name() for view in window.findChildren(pg.GraphicsView)}


def test_offscreen_the_system_theme_is_light_and_changes_nothing(lessons):
    window, ui = lessons
    assert ui.themes.mode == "system" and not ui.themes.theme.dark
    assert plot_grounds(window) == {"#ffffff"}
    assert colors.BACKGROUND.name() == "#fcfcfc" and colors.INK.name() == "#1a1a1a"


def test_switching_the_theme_recolours_palette_plots_and_canvas(lessons, qtbot):
    window, ui = lessons
    assert window.open_file(example_path("08-choosing-activation"))  # training plots too
    scale_before = colors.value_color(1.0).name(), colors.value_color(-1.0).name()
    dark_action = ui.themes.actions["dark"]
    dark_action.trigger()
    assert dark_action.isChecked() and not ui.themes.actions["light"].isChecked()
    assert window_colour().lightness() < 80
    assert QApplication.palette().color(Role.WindowText).lightness() > 200
    grounds = plot_grounds(window)
    assert len(grounds) == 1 and QColor(grounds.pop()).lightness() < 60
    axis = window.live_plots.surface.plot.getAxis("bottom")
    assert axis.textPen().color().lightness() > 200
    assert colors.BACKGROUND.lightness() < 60 and colors.INK.lightness() > 200
    # the value scale and the text on pale fills do not change
    assert (colors.value_color(1.0).name(), colors.value_color(-1.0).name()) == scale_before
    assert colors.text_color(0.0).lightness() < 60
    assert window.canvas.network_scene.style.border_pen.color() == colors.INK
    assert settings_value(ui) == "dark"

    ui.themes.actions["light"].trigger()
    assert window_colour().lightness() > 200
    assert plot_grounds(window) == {"#ffffff"}
    assert axis.textPen().color().name() == plot_style.INK.name() == "#1a1a1a"
    assert colors.BACKGROUND.name() == "#fcfcfc"


def settings_value(ui) -> str:
    return str(ui.themes.settings.value(SETTING))


def test_the_theme_is_remembered(qtbot, settings, dialogs):
    window, ui = open_window(qtbot, settings)
    ui.themes.set_mode("dark")
    window.document.undo_stack.setClean()
    window.close()
    again, ui2 = open_window(qtbot, settings)
    try:
        assert ui2.themes.mode == "dark" and ui2.themes.actions["dark"].isChecked()
        assert ui2.themes.theme.dark and window_colour().lightness() < 80
    finally:
        ui2.themes.set_mode("system")
        again.document.undo_stack.setClean()


def test_a_plot_made_later_gets_the_theme_once_applied(lessons, qtbot):
    window, ui = lessons
    ui.themes.set_mode("dark")
    dialog = window.training.compare()  # built now, with the light ground it was written for
    ui.themes.apply()
    assert QColor(dialog.plot_widget.backgroundBrush().color()).lightness() < 60
    dialog.close()


def test_presentation_uses_the_high_contrast_variant_of_the_theme(lessons):
    window, ui = lessons
    ui.themes.set_mode("dark")
    ui.presentation.enter()
    assert ui.themes.theme.name == "dark-contrast"
    assert window_colour().name() == "#000000"
    assert colors.BACKGROUND.name() == "#000000" and plot_style.INK.name() == "#ffffff"
    ui.presentation.leave()
    assert ui.themes.theme.name == "dark"


def test_an_unknown_theme_is_refused(lessons):
    _, ui = lessons
    with pytest.raises(ValueError, match="unknown theme 'sepia'"):
        ui.themes.set_mode("sepia")
