"""install(window): the toolbar, five docked panels, selection and status-bar links."""

from __future__ import annotations

import pytest
from plots_helpers import xor_network
from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

from neurosim.ui import plots
from neurosim.ui.document import Document

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


class FakeCanvas(QObject):
    selection_changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []

    def selected_neuron_ids(self) -> list[str]:
        return list(self.ids)


class FakeWindow(QMainWindow):
    """Just the part of MainWindow that install() uses."""

    def __init__(self, document: Document) -> None:
        super().__init__()
        self.document = document
        self.canvas = FakeCanvas()
        self.setCentralWidget(QWidget())

    def add_panel(
        self,
        title: str,
        widget: QWidget,
        object_name: str,
        area: Qt.DockWidgetArea,
        visible: bool = True,
    ) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        dock.setVisible(visible)
        return dock


def test_install_builds_everything(qtbot) -> None:
    document = Document(xor_network())
    window = FakeWindow(document)
    qtbot.addWidget(window)
    live = plots.install(window)
    assert window.live_plots is live
    assert [d.objectName() for d in live.docks.values()] == [
        "activation_plot",
        "traces_plot",
        "surface_plot",
        "raster_plot",
        "sparsity_plot",
    ]
    assert window.tabifiedDockWidgets(live.docks["traces"]) == [
        live.docks["raster"],
        live.docks["sparsity"],
    ]
    window.show()
    qtbot.waitExposed(window)
    assert live.status_label.text() == "sparsity: 0 % silent (2 of 2 hidden neurons active)"
    window.canvas.ids = ["h2"]
    window.canvas.selection_changed.emit()
    assert live.activation.selected == ["h2"]
    live.transport.step_action.trigger()
    assert live.clock.t == 1
    live.set_presentation_scale(1.5)
    assert all(p.scale == 1.5 for p in live.panels)


def test_the_real_main_window_installs_the_plots(qtbot, tmp_path) -> None:
    mainwindow = pytest.importorskip("neurosim.ui.mainwindow")
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = mainwindow.MainWindow(settings=settings)
    qtbot.addWidget(window)
    live = window.live_plots
    assert set(live.docks) == {"activation", "traces", "surface", "raster", "sparsity"}
    window.document.replace(xor_network())
    live.clock.step(3)
    assert live.clock.simulation.network is window.document.network
    assert window.document.network.neurons["x1"].value == 0.0
