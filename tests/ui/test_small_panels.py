"""The training plots in a small panel (issue 13, "Fits the room"): in one row, stacked,
or as tabs over one full-size plot, chosen from the room there is; epoch numbers spaced
from their own width."""

from __future__ import annotations

import pytest
from canvas_helpers import what_is_painted, wheel
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar, QToolButton
from room_checks import axis_labels, plot_problems
from shell_helpers import make_window

from neurosim.paths import resource_path
from neurosim.ui.canvas.paint_record import PaintRecord
from neurosim.ui.training import plots_grid
from neurosim.ui.training.plots_grid import ROW, ROWS, TABS

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _example(name: str):
    return resource_path("examples", f"{name}.nsim.json")


def _click_train(qtbot, window) -> None:
    bar = window.findChild(QToolBar, "palette")
    button = bar.widgetForAction(window.training.panel.train_action)
    assert isinstance(button, QToolButton)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _shown_plots(plots) -> list:
    return [p for p in (plots.loss_plot, plots.acc_plot, plots.grad_plot) if p.isVisible()]


def test_the_arrangement_follows_the_room():
    assert plots_grid.arrangement(1200, 300, 1.0, 120) == ROW
    assert plots_grid.arrangement(500, 700, 1.0, 120) == ROWS
    assert plots_grid.arrangement(500, 250, 1.0, 120) == TABS
    assert plots_grid.arrangement(600, 500, 1.8, 200) == TABS  # presentation: big type
    assert plots_grid.arrangement(1900, 400, 1.8, 200) == ROW


@pytest.mark.parametrize("example", ["08-choosing-activation", "05b-vanishing-relu"])
def test_at_1280x800_after_train_every_plot_has_readable_epochs(qtbot, settings, dialogs, example):  # noqa: F811
    window = make_window(qtbot, settings)
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == (1280, 800))
    assert window.open_file(_example(example))
    _click_train(qtbot, window)
    ui = window.training
    qtbot.waitUntil(lambda: ui.session.epochs >= 30 or not ui.session.running, timeout=20_000)
    if ui.session.running:
        _click_train(qtbot, window)  # pause
    assert ui.session.epochs >= 2
    plots = ui.plots

    def problems() -> list[str]:
        out = plot_problems(plots, 60)
        for plot in _shown_plots(plots):
            numbers = [t for t in axis_labels(plot.getAxis("bottom")) if t.strip()]
            if len(numbers) < 2:
                out.append(f"{plot.titleLabel.text!r}: epochs {numbers}")
            if plot.getViewBox().width() < 120:
                out.append(f"{plot.titleLabel.text!r}: {plot.getViewBox().width():.0f} px wide")
        return out

    try:
        qtbot.waitUntil(lambda: problems() == [], timeout=3_000)
    except qtbot.TimeoutError:
        pass
    assert _shown_plots(plots)
    assert problems() == []
    window.document.undo_stack.setClean()


def _small_plots(qtbot, settings, example: str):
    window = make_window(qtbot, settings)
    assert window.open_file(_example(example))
    plots = window.training.plots
    window.training.docks["plots"].setFloating(True)  # a small panel of its own
    window.training.docks["plots"].show()
    window.training.docks["plots"].resize(520, 300)
    qtbot.waitUntil(lambda: plots.mode == TABS and plots.tabs.isVisible())
    return window, plots


def test_tabs_switch_by_mouse_click_and_by_left_key(qtbot, settings, dialogs):  # noqa: F811
    window, plots = _small_plots(qtbot, settings, "08-choosing-activation")
    assert _shown_plots(plots) == [plots.loss_plot]
    assert not plots.loss_plot.titleLabel.isVisible()  # the tab names it
    where = plots.tabs.tabRect(2).center()
    qtbot.mouseClick(plots.tabs, Qt.MouseButton.LeftButton, pos=where)
    qtbot.waitUntil(lambda: _shown_plots(plots) == [plots.grad_plot])
    assert plots.grad_legend.isVisible()
    assert plots.grad_plot.getViewBox().width() > 250  # one full-size plot
    qtbot.keyClick(plots.tabs, Qt.Key.Key_Left)
    qtbot.waitUntil(lambda: _shown_plots(plots) == [plots.acc_plot])
    assert not plots.grad_legend.isVisible()
    window.document.undo_stack.setClean()


def test_a_wide_panel_shows_the_three_plots_in_a_row(qtbot, settings, dialogs):  # noqa: F811
    window, plots = _small_plots(qtbot, settings, "08-choosing-activation")
    window.training.docks["plots"].resize(1250, 320)
    qtbot.waitUntil(lambda: plots.mode == ROW)
    assert not plots.tabs.isVisible()
    assert _shown_plots(plots) == [plots.loss_plot, plots.acc_plot, plots.grad_plot]
    assert all(p.titleLabel.isVisible() for p in _shown_plots(plots))
    window.document.undo_stack.setClean()


def test_lesson_05a_opens_on_the_gradients_tab(qtbot, settings, dialogs):  # noqa: F811
    window, plots = _small_plots(qtbot, settings, "05a-vanishing-sigmoid")
    assert window.open_file(_example("05a-vanishing-sigmoid"))  # applies its view again
    qtbot.waitUntil(lambda: plots.mode == TABS)
    assert plots.tabs.currentIndex() == 2
    assert _shown_plots(plots) == [plots.grad_plot]
    assert window.open_file(_example("08-choosing-activation"))
    assert plots.tabs.currentIndex() == 0
    window.document.undo_stack.setClean()


# ------------------------------------------------------ canvas text: legible or absent


def _label_sizes(record: PaintRecord) -> list[float | None]:
    return [
        *(n.label_px for n in record.neurons.values()),
        *(n.bias_px for n in record.neurons.values()),
        *(s.label_px for s in record.synapses.values() if s.label is not None),
    ]


def test_presentation_drops_small_canvas_labels_and_zoom_brings_them_back(qtbot, settings, dialogs):  # noqa: F811
    window = make_window(qtbot, settings)
    assert window.open_file(_example("06a-sparse-relu"))  # 32 hidden neurons: an overview
    window.canvas.network_scene.style.record = None
    before = what_is_painted(window)
    assert any(px is not None and px < 17.5 for px in _label_sizes(before))  # normal: drawn
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presentation = window.lessons.presentation
    qtbot.waitUntil(lambda: presentation.active)
    scene = window.canvas.network_scene
    painted: list[PaintRecord] = []

    def fitted() -> bool:  # the layout settles and the network is fitted (up to 3 s: load)
        painted[:] = [what_is_painted(window)]
        return any(
            n.label_px is None and scene.neurons[nid].kind == "hidden"
            for nid, n in painted[0].neurons.items()
        )

    qtbot.waitUntil(fitted, timeout=3000)
    shown = painted[0]
    sizes = [px for px in (n.label_px for n in shown.neurons.values())]
    assert None in sizes  # names too small to read are left out…
    assert all(px >= 17.5 for px in _label_sizes(shown) if px is not None)  # …never tiny
    assert all(n.value is not None for n in shown.neurons.values())  # faces keep numbers
    canvas = window.canvas
    hidden = next(
        nid
        for nid, n in shown.neurons.items()
        if n.label_px is None and scene.neurons[nid].kind == "hidden"
    )
    item = scene.neurons[hidden]
    for _ in range(8):  # Ctrl+wheel over that neuron until its name is big enough
        point = canvas.mapFromScene(item.scenePos())
        wheel(canvas, point, 1, Qt.KeyboardModifier.ControlModifier)
        if what_is_painted(window).neurons[hidden].label_px is not None:
            break
    zoomed = what_is_painted(window)
    assert zoomed.neurons[hidden].label_px is not None
    assert zoomed.neurons[hidden].label_px >= 17.5
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not presentation.active)
    assert window.canvas.network_scene.style.min_text_px == 0  # leaving resets it
    window.document.undo_stack.setClean()
