"""Light and dark themes: the palette, the plots on screen, the canvas, remembered.

What each theme looks like on screen (text against its ground, in every dock, dialog and
plot) is checked in ``test_theme_truth.py``; here, the Theme object and who follows it.
"""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import pyqtgraph as pg
import pytest
from lessons_helpers import example_path, lessons, open_window  # noqa: F401 - fixture
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from neurosim.ui.canvas import colors
from neurosim.ui.plots import style as plot_style
from neurosim.ui.theme import DARK, DARK_CONTRAST, LIGHT, PALETTES, SETTING, contrast_ratio

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
Role = QPalette.ColorRole


def window_colour() -> QColor:
    return QApplication.palette().color(Role.Window)


def plot_grounds(window) -> set[str]:
    return {view.backgroundBrush().color().name() for view in window.findChildren(pg.GraphicsView)}


def test_offscreen_the_system_theme_is_light_and_changes_nothing(lessons):
    window, _ui = lessons
    assert window.theme.mode == "system" and window.theme.palette is LIGHT
    assert plot_grounds(window) == {"#ffffff"}
    style = window.canvas.network_scene.style
    assert style.ground.name() == "#fcfcfc" and style.ink.name() == "#1a1a1a"


def test_switching_the_theme_recolours_palette_plots_and_canvas(lessons, qtbot):
    window, _ui = lessons
    theme = window.theme
    assert window.open_file(example_path("08-choosing-activation"))  # training plots too
    scale_before = colors.value_color(1.0).name(), colors.value_color(-1.0).name()
    announced = []
    theme.changed.connect(announced.append)
    dark_action = theme.actions["dark"]
    dark_action.trigger()
    assert announced == [DARK]
    assert dark_action.isChecked() and not theme.actions["light"].isChecked()
    assert window_colour().lightness() < 80
    assert QApplication.palette().color(Role.WindowText).lightness() > 200
    assert plot_grounds(window) == {DARK.plot.ground}
    axis = window.live_plots.surface.plot.getAxis("bottom")
    assert axis.textPen().color().name() == DARK.plot.ink
    style = window.canvas.network_scene.style
    assert style.ground.name() == DARK.canvas.ground and style.ink.name() == DARK.canvas.ink
    assert window.canvas.network_scene.backgroundBrush().color().name() == DARK.canvas.ground
    # the value scale and the text on pale fills do not change
    assert (colors.value_color(1.0).name(), colors.value_color(-1.0).name()) == scale_before
    assert colors.text_color(0.0).lightness() < 60
    assert style.border_pen.color() == style.ink
    assert settings_value(window) == "dark"

    theme.actions["light"].trigger()
    assert window_colour().lightness() > 200
    assert plot_grounds(window) == {"#ffffff"}
    assert axis.textPen().color().name() == LIGHT.plot.ink == "#1a1a1a"
    assert style.ground.name() == "#fcfcfc"


def test_a_theme_changes_no_module_state(lessons):
    """Every colour a module holds is the same before and after a theme change: a theme is
    data handed to the views, never a module-level colour rebound or changed in place."""

    def module_colours() -> dict[str, str]:
        found = {}
        for module in (colors, plot_style):
            for name, value in vars(module).items():
                if isinstance(value, (QColor, str, tuple)) and not name.startswith("__"):
                    shown = (
                        value.name(QColor.NameFormat.HexArgb)
                        if isinstance(value, QColor)
                        else value
                    )
                    found[f"{module.__name__}.{name}"] = repr(shown)
        return found

    window, _ui = lessons
    before = module_colours()
    window.theme.set_mode("dark")
    window.theme.set_contrast(True)
    assert module_colours() == before
    for banned in ("BACKGROUND", "INK", "INK_SOFT", "apply_theme"):
        assert not hasattr(colors, banned) and not hasattr(plot_style, banned)


def settings_value(window) -> str:
    return str(window.theme.settings.value(SETTING))


def test_the_theme_is_remembered(qtbot, settings, dialogs):
    window, _ui = open_window(qtbot, settings)
    window.theme.set_mode("dark")
    window.document.undo_stack.setClean()
    window.close()
    again, _ui2 = open_window(qtbot, settings)
    try:
        assert again.theme.mode == "dark" and again.theme.actions["dark"].isChecked()
        assert again.theme.palette.dark and window_colour().lightness() < 80
    finally:
        again.theme.set_mode("system")
        again.document.undo_stack.setClean()


def test_a_dialog_made_later_has_the_theme_at_once(lessons, qtbot):
    window, _ui = lessons
    window.theme.set_mode("dark")
    dialog = window.training.compare()  # built now, in the dark theme: nothing re-applied
    assert dialog.plot_widget.backgroundBrush().color().name() == DARK.plot.ground
    axis = dialog.plot.getAxis("left")
    assert axis.textPen().color().name() == DARK.plot.ink
    assert dialog.plot.titleLabel.text and dialog.plot.titleLabel.opts["color"] == DARK.plot.ink
    window.theme.set_mode("light")  # and it follows a change while open
    assert dialog.plot_widget.backgroundBrush().color().name() == LIGHT.plot.ground
    assert axis.textPen().color().name() == LIGHT.plot.ink
    dialog.close()


def test_presentation_uses_the_high_contrast_variant_of_the_theme(lessons):
    window, ui = lessons
    window.theme.set_mode("dark")
    ui.presentation.enter()
    assert window.theme.palette is DARK_CONTRAST
    assert window_colour().name() == "#000000"
    assert window.canvas.network_scene.style.ground.name() == "#000000"
    assert plot_grounds(window) == {"#000000"}
    ui.presentation.leave()
    assert window.theme.palette is DARK


def test_an_unknown_theme_is_refused(lessons):
    window, _ui = lessons
    with pytest.raises(ValueError, match="unknown theme 'sepia'"):
        window.theme.set_mode("sepia")


@pytest.mark.parametrize("palette", PALETTES.values(), ids=lambda p: p.name)
def test_every_palette_keeps_its_text_readable(palette):
    """WCAG contrast of at least 4.5 for every text colour on the ground it is drawn on."""
    role = palette.role
    pairs = {
        "window text": (role(Role.WindowText), role(Role.Window)),
        "text": (role(Role.Text), role(Role.Base)),
        "button text": (role(Role.ButtonText), role(Role.Button)),
        "selected text": (role(Role.HighlightedText), role(Role.Highlight)),
        "tooltip": (role(Role.ToolTipText), role(Role.ToolTipBase)),
        "placeholder": (role(Role.PlaceholderText), role(Role.Base)),
        "link": (role(Role.Link), role(Role.Base)),
        "soft text": (palette.text_soft, role(Role.Window)),
        "error": (palette.error, role(Role.Window)),
        "success": (palette.success, role(Role.Window)),
        "alert": (palette.alert.text, palette.alert.ground),
        "plot ink": (palette.plot.ink, palette.plot.ground),
        "plot soft ink": (palette.plot.ink_soft, palette.plot.ground),
        "canvas ink": (palette.canvas.ink, palette.canvas.ground),
        "canvas soft ink": (palette.canvas.ink_soft, palette.canvas.ground),
        "weight labels": (palette.canvas.ink, palette.canvas.label_ground),
    }
    low = {k: round(contrast_ratio(*v), 2) for k, v in pairs.items() if contrast_ratio(*v) < 4.5}
    assert low == {}
