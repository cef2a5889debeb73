"""The live plots of the window: the transport bar and five panels fed by the clock.

:class:`LivePlots` makes the transport toolbar, the activation, traces, decision surface,
raster and sparsity panels, a dock for each and the sparsity figure for the status bar;
the main window places them and links them to the canvas. Every panel also works on its
own with a Document and a :class:`~neurosim.ui.clock.SimulationClock` (see the tests).
"""

from __future__ import annotations

from PySide6.QtWidgets import QDockWidget, QMainWindow

from neurosim.ui.clock import SimulationClock
from neurosim.ui.docks import make_dock
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.plots.activation_panel import ActivationPanel
from neurosim.ui.plots.base import PlotPanel
from neurosim.ui.plots.raster_panel import RasterPanel
from neurosim.ui.plots.sparsity_panel import SparsityPanel
from neurosim.ui.plots.surface.panel import DecisionSurfacePanel
from neurosim.ui.plots.traces_panel import TracesPanel
from neurosim.ui.plots.transport import TransportBar
from neurosim.ui.steady_label import SteadyLabel
from neurosim.ui.theme import Theme

__all__ = ["LivePlots"]


class LivePlots:
    """The clock's transport bar and live panels of one window.

    ``docks`` maps "activation", "traces", "surface", "raster", "sparsity" to the panels'
    docks (object names ``<key>_plot``), in the order the window places them. Every panel
    and the transport bar take their colours from ``theme``.
    """

    def __init__(
        self, document: Document, clock: SimulationClock, theme: Theme, window: QMainWindow
    ) -> None:
        self.clock = clock
        self.transport = TransportBar(clock, window, theme=theme)
        self.activation = ActivationPanel(document, clock, theme=theme)
        self.traces = TracesPanel(document, clock, theme=theme)
        self.surface = DecisionSurfacePanel(document, clock, theme=theme)
        self.raster = RasterPanel(document, clock, theme=theme)
        self.sparsity = SparsityPanel(document, clock, theme=theme)
        self.docks: dict[str, QDockWidget] = {
            key: make_dock(title, panel, f"{key}_plot", window)
            for key, panel, title in (
                ("activation", self.activation, translate("LivePlots", "Activation function")),
                ("traces", self.traces, translate("LivePlots", "Traces")),
                ("surface", self.surface, translate("LivePlots", "Decision surface")),
                ("raster", self.raster, translate("LivePlots", "Firing raster")),
                ("sparsity", self.sparsity, translate("LivePlots", "Sparsity")),
            )
        }
        self.status_label = SteadyLabel(window)  # a new figure every step
        self.status_label.setToolTip(
            translate("LivePlots", "How many hidden neurons are silent (output 0) right now")
        )
        self.status_label.setText(self.sparsity.status)
        self.sparsity.status_changed.connect(self.status_label.setText)
        for panel in self.panels:
            panel.schedule()

    @property
    def panels(self) -> list[PlotPanel]:
        return [self.activation, self.traces, self.raster, self.sparsity, self.surface]

    def set_presentation_scale(self, factor: float) -> None:
        for panel in self.panels:
            panel.set_presentation_scale(factor)
