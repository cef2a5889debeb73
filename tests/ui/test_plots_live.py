"""LivePlots: the transport bar, five panels with their docks; the window places and links them."""

from __future__ import annotations

import pytest
from plots_helpers import make, xor_network
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow
from shell_helpers import dialogs, make_window  # noqa: F401 - a fixture

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


def test_a_new_sparsity_figure_repaints_its_label_alone(qtbot, tmp_path, dialogs) -> None:  # noqa: F811
    """A step changes the status bar's sparsity sentence; the status bar does not lay out
    and repaint its other figures (the neuron count) for it."""
    from PySide6.QtCore import QEvent, QObject

    window = make_window(qtbot, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    live = window.live_plots
    counts = window.counts_label
    qtbot.waitUntil(lambda: counts.isVisible() and live.status_label.isVisible())
    qtbot.wait(100)

    class Paints(QObject):
        seen = 0

        def eventFilter(self, _obj, event) -> bool:  # noqa: N802 - Qt
            if event.type() == QEvent.Type.Paint:
                self.seen += 1
            return False

    paints = Paints()
    counts.installEventFilter(paints)
    width = live.status_label.width()
    for silent, active in ((100, 30), (59, 13), (7, 30), (100, 0)):  # the widest first
        live.status_label.setText(f"sparsity: {silent} % silent ({active} of 32)")
        qtbot.wait(30)
    assert live.status_label.text() == "sparsity: 100 % silent (0 of 32)"
    assert live.status_label.width() >= width  # only ever wider
    assert paints.seen <= 1  # at most the first, wider text moves it
