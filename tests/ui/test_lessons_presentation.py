"""Presentation mode: F5 in, Esc out, everything scaled, chrome hidden, zoom remembered."""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import pytest
from lessons_helpers import EXAMPLES, lesson_shown, lessons, open_window  # noqa: F401 - fixture
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDockWidget

from neurosim.ui.lessons.presentation import DEFAULT_ZOOM, KEYS
from neurosim.ui.lessons.presentation_settings import PresentationSettings

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def panel_scales(window) -> list[float]:
    live = window.live_plots
    return [p.scale for p in live.panels] + [window.training.plots.scale]


def test_f5_enters_presentation_and_esc_leaves_it(lessons, qtbot):
    window, ui = lessons
    p = ui.presentation
    text_scale = window.text_scale
    font_before = QApplication.font().pointSizeF()
    assert window.canvas.network_scene.style.scale == pytest.approx(text_scale)
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_F5)
    assert p.active and p.toggle_action.isChecked()
    qtbot.waitUntil(window.isFullScreen)
    scale = text_scale * DEFAULT_ZOOM
    assert window.canvas.network_scene.style.scale == pytest.approx(scale)
    assert panel_scales(window) == pytest.approx([scale] * 6)
    assert QApplication.font().pointSizeF() == pytest.approx(font_before * DEFAULT_ZOOM)
    assert window.palette_bar.isHidden() and not window.live_plots.transport.isHidden()
    assert window.inspector_dock.isHidden() and not window.statusBar().isVisible()
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#ffffff"
    assert window.theme.palette.contrast
    docks = window.findChildren(QDockWidget)
    assert all(d.titleBarWidget() is not None for d in docks)  # no title bars on screen

    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert not p.active and not p.toggle_action.isChecked()
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.canvas.network_scene.style.scale == pytest.approx(text_scale)
    assert panel_scales(window) == pytest.approx([text_scale] * 6)
    assert QApplication.font().pointSizeF() == pytest.approx(font_before)
    assert not window.palette_bar.isHidden() and not window.inspector_dock.isHidden()
    assert window.statusBar().isVisible() and not window.theme.palette.contrast
    assert all(d.titleBarWidget() is None for d in docks)


def test_the_view_menu_offers_presentation_and_theme(lessons):
    window, ui = lessons
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    entries = [a.text() for a in view.actions()]
    assert {"T&heme", "&Presentation", "Presentation &Settings…"} <= set(entries)
    assert ui.presentation.toggle_action.shortcut().toString() == "F5"


def test_escape_outside_presentation_keeps_its_canvas_meaning(lessons, qtbot):
    window, ui = lessons
    window.canvas.set_tool("hidden")
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_Escape)
    assert window.canvas.tool() is None
    assert not ui.presentation.leave_action.isEnabled()


def test_the_zoom_factor_is_set_in_a_dialog_and_remembered(qtbot, settings, dialogs):  # noqa
    window, ui = open_window(qtbot, settings)
    assert ui.presentation.zoom == DEFAULT_ZOOM
    dialog = PresentationSettings(ui.presentation, window)
    qtbot.addWidget(dialog)
    dialog.zoom.setValue(2.2)
    dialog.boxes["inspector"].setChecked(True)
    dialog.accept()
    assert settings.value(KEYS["zoom"], type=float) == pytest.approx(2.2)
    window.document.undo_stack.setClean()
    window.close()

    again, ui2 = open_window(qtbot, settings)  # a later start with the same settings
    assert ui2.presentation.zoom == pytest.approx(2.2)
    ui2.presentation.enter()
    try:
        assert again.canvas.network_scene.style.scale == pytest.approx(again.text_scale * 2.2)
        assert not again.inspector_dock.isHidden()  # pinned
        ui2.presentation.set_zoom(3.0)  # while presenting: at once
        assert again.canvas.network_scene.style.scale == pytest.approx(again.text_scale * 3.0)
    finally:
        ui2.presentation.leave()
        again.theme.set_mode("system")
        again.document.undo_stack.setClean()


def test_page_down_steps_examples_during_presentation(lessons, qtbot):
    window, ui = lessons
    assert window.open_file(EXAMPLES[1].path)  # 01: activation, traces, raster
    ui.presentation.enter()
    window.canvas.setFocus()
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)
    assert lesson_shown(window) == EXAMPLES[2].path.resolve() and ui.presentation.active
    qtbot.keyClick(window.canvas, Qt.Key.Key_PageDown)  # 03a: raster and traces only
    assert lesson_shown(window) == EXAMPLES[3].path.resolve()
    assert not ui.notes_dock.isVisible()  # the notes stay off the projector
    ui.presentation.leave()
    docks = window.live_plots.docks
    assert docks["activation"].isHidden()  # 03a's panels, not the layout from before
    assert not docks["raster"].isHidden() and not docks["traces"].isHidden()
    assert not ui.notes_dock.isHidden()


def test_closing_the_window_in_presentation_saves_the_normal_layout(lessons):
    window, ui = lessons
    ui.presentation.enter()
    window.document.undo_stack.setClean()
    window.close()
    assert not ui.presentation.active
    assert not window.isFullScreen()
