"""A cursor line at the shown moment: on every time plot (traces, raster, sparsity) for a
step, on every training curve (loss, accuracy, gradients) for an epoch.

Hidden in the present; while scrubbing, a vertical line marks the recorded step or epoch
the window shows. The time plots keep their window of recent steps: a step older than that
window has its line outside the visible range. Moving a line is one ``setValue``: the plots
are not redrawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt

from neurosim.core.history import EpochSnapshot, StepSnapshot
from neurosim.ui.scrub.controller import ScrubController, Snapshot

CURSOR_COLOUR = (255, 140, 0)  # orange: unlike any neuron colour, readable on both themes


class ScrubCursors(QObject):
    def __init__(
        self,
        controller: ScrubController,
        step_plots: Sequence[pg.PlotItem],
        epoch_plots: Sequence[pg.PlotItem] = (),
    ) -> None:
        super().__init__(controller)
        self.lines = [self._line(plot) for plot in step_plots]  # the steps'
        self.epoch_lines = [self._line(plot) for plot in epoch_plots]
        controller.moved.connect(self._on_moved)

    @staticmethod
    def _line(plot: pg.PlotItem) -> pg.InfiniteLine:
        pen = pg.mkPen(CURSOR_COLOUR, width=3, style=Qt.PenStyle.DashLine)
        line = pg.InfiniteLine(angle=90, movable=False, pen=pen)
        line.setZValue(50)
        line.setVisible(False)
        plot.addItem(line, ignoreBounds=True)
        return line

    def _on_moved(self, snap: Snapshot | None) -> None:
        step = snap.t if isinstance(snap, StepSnapshot) else None
        epoch = snap.epoch if isinstance(snap, EpochSnapshot) else None
        for lines, at in ((self.lines, step), (self.epoch_lines, epoch)):
            for line in lines:
                if at is not None:
                    line.setValue(at)
                # always: a line inside a hidden plot (a tab behind) must be told too
                line.setVisible(at is not None)
