"""Scrubbing back in time in the window: the controller, the timeline bar and the cursors.

The main window puts ``bar`` on a row of its own under the transport bar.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow

from neurosim.ui.clock import SimulationClock
from neurosim.ui.document import Document
from neurosim.ui.plots.live import LivePlots
from neurosim.ui.scrub.bar import ScrubBar
from neurosim.ui.scrub.controller import ScrubController
from neurosim.ui.scrub.cursors import ScrubCursors
from neurosim.ui.training.training_ui import TrainingUI


class ScrubUI(QObject):
    def __init__(
        self,
        document: Document,
        clock: SimulationClock,
        live: LivePlots,
        training: TrainingUI,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.controller = ScrubController(document, clock, training.session, window)
        self.bar = ScrubBar(self.controller, window)
        window.addAction(self.bar.now_action)  # Ctrl+End works with the bar hidden too
        curves = training.plots
        self.cursors = ScrubCursors(
            self.controller,
            [live.traces.plot, live.raster.plot, live.sparsity.plot],
            [curves.loss_plot, curves.acc_plot, curves.grad_plot],
        )
