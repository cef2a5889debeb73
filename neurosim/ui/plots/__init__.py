"""Live plots driven by a simulation clock: activation, traces, raster, sparsity, surface.

``install(window)`` adds them to the main window: the transport toolbar, the five panels as
docks (``window.add_panel``), the canvas selection → activation plot link and the sparsity
figure in the status bar. Every panel also works on its own with a Document and a
:class:`~neurosim.ui.plots.clock.SimulationClock` (see the tests).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["LivePlots", "install"]


@dataclass
class LivePlots:
    """What :func:`install` made; the window keeps it as ``window.live_plots``."""

    clock: Any
    transport: Any
    activation: Any
    traces: Any
    raster: Any
    sparsity: Any
    surface: Any
    docks: dict[str, Any]
    status_label: Any

    @property
    def panels(self) -> list[Any]:
        return [self.activation, self.traces, self.raster, self.sparsity, self.surface]

    def set_presentation_scale(self, factor: float) -> None:
        for panel in self.panels:
            panel.set_presentation_scale(factor)


def install(window: Any) -> LivePlots:
    """Add the clock, its toolbar and the five live panels to ``window``."""
    # Imported here: importing the package (e.g. for SourceEditor) should not build plots.
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from neurosim.ui.plots.activation_panel import ActivationPanel
    from neurosim.ui.plots.clock import SimulationClock
    from neurosim.ui.plots.raster_panel import RasterPanel
    from neurosim.ui.plots.sparsity_panel import SparsityPanel
    from neurosim.ui.plots.surface_panel import DecisionSurfacePanel
    from neurosim.ui.plots.traces_panel import TracesPanel
    from neurosim.ui.plots.transport import TransportBar

    document = window.document
    clock = SimulationClock(document, window)
    transport = TransportBar(clock, window)
    window.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # room for every transport control
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, transport)
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    made = {}
    docks = {}
    for key, cls, title in (
        ("activation", ActivationPanel, "Activation function"),
        ("traces", TracesPanel, "Traces"),
        ("surface", DecisionSurfacePanel, "Decision surface"),
        ("raster", RasterPanel, "Firing raster"),
        ("sparsity", SparsityPanel, "Sparsity"),
    ):
        panel = cls(document, clock)
        made[key] = panel
        docks[key] = window.add_panel(title, panel, f"{key}_plot", bottom, True)
    # Below the canvas, wide enough to read, as two tab groups (a panel behind a tab costs
    # nothing): the activation function and the decision surface, then the three time
    # plots. A lesson's view puts the plots it names side by side; a saved window layout
    # overrides this.
    if hasattr(window, "tabifyDockWidget"):
        window.tabifyDockWidget(docks["activation"], docks["surface"])
        window.tabifyDockWidget(docks["traces"], docks["raster"])
        window.tabifyDockWidget(docks["traces"], docks["sparsity"])
        docks["activation"].raise_()
        docks["traces"].raise_()
    status = QLabel(window)
    status.setToolTip("How many hidden neurons are silent (output 0) right now")
    window.statusBar().addPermanentWidget(status)
    status.setText(made["sparsity"].status)
    made["sparsity"].status_changed.connect(status.setText)
    canvas = getattr(window, "canvas", None)
    if canvas is not None:
        canvas.selection_changed.connect(
            lambda: made["activation"].set_neurons(canvas.selected_neuron_ids())
        )
        # a traced neuron wears its trace colour on the canvas, as in the legend
        scene = getattr(canvas, "network_scene", None)
        if scene is not None:
            made["traces"].keys_changed.connect(scene.set_key_colours)
        tapped = getattr(canvas, "space_tapped", None)  # the canvas keeps Space for panning
        if tapped is not None:
            tapped.connect(transport.run_action.trigger)
    for panel in made.values():
        panel.schedule()
    plots = LivePlots(clock=clock, transport=transport, docks=docks, status_label=status, **made)
    window.live_plots = plots
    return plots
