"""LivePlots: the transport bar, five panels with their docks; the window places and links them."""

from __future__ import annotations

import pytest
from plots_helpers import make, xor_network
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

from neurosim.ui.mainwindow import MainWindow
from neurosim.ui.plots.live import LivePlots
from neurosim.ui.theme import Theme

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_live_plots_build_their_panels_and_docks(qtbot) -> None:
    document, clock = make(xor_network())
    window = QMainWindow()
    qtbot.addWidget(window)
    live = LivePlots(document, clock, Theme(), window)
    assert [d.objectName() for d in live.docks.values()] == [
        "activation_plot",
        "traces_plot",
        "surface_plot",
        "raster_plot",
        "sparsity_plot",
    ]
    assert [d.widget() for d in live.docks.values()] == [
        live.activation,
        live.traces,
        live.surface,
        live.raster,
        live.sparsity,
    ]
    assert live.status_label.text() == (
        "sparsity: 0 % silent (hidden neurons active, output ≠ 0: 2 of 2; fired: 1)"
    )
    live.transport.step_action.trigger()
    assert live.clock.t == 1
    live.set_presentation_scale(1.5)
    assert all(p.scale == 1.5 for p in live.panels)


def test_the_main_window_places_and_links_the_plots(qtbot, tmp_path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(settings=settings)
    qtbot.addWidget(window)
    live = window.live_plots
    assert live.clock is window.clock
    assert window.tabifiedDockWidgets(live.docks["traces"]) == [
        live.docks["raster"],
        live.docks["sparsity"],
        window.training.docks["plots"],
    ]
    assert window.tabifiedDockWidgets(live.docks["activation"]) == [live.docks["surface"]]
    assert live.status_label.parent() is window.statusBar()
    window.document.replace(xor_network())
    window.canvas.select(["h2"])
    assert live.activation.selected == ["h2"]
    live.clock.step(3)
    assert live.clock.simulation.network is window.document.network
    assert window.document.network.neurons["x1"].value == 0.0
