"""A cursor line at the shown step on every time plot (traces, raster, sparsity).

Hidden in the present; while scrubbing, a vertical line marks the recorded step the window
shows. The time plots keep their window of recent steps: a step older than that window has
its line outside the visible range.
"""

from __future__ import annotations

from collections.abc import Sequence

import pyqtgraph as pg
from PySide6.QtCore import QObject, Qt

from neurosim.core.history import StepSnapshot
from neurosim.ui.scrub.controller import ScrubController

CURSOR_COLOUR = (255, 140, 0)  # orange: unlike any neuron colour, readable on both themes


class ScrubCursors(QObject):
    def __init__(self, controller: ScrubController, plots: Sequence[pg.PlotItem]) -> None:
        super().__init__(controller)
        self.lines: list[pg.InfiniteLine] = []
        pen = pg.mkPen(CURSOR_COLOUR, width=3, style=Qt.PenStyle.DashLine)
        for plot in plots:
            line = pg.InfiniteLine(angle=90, movable=False, pen=pen)
            line.setZValue(50)
            line.setVisible(False)
            plot.addItem(line, ignoreBounds=True)
            self.lines.append(line)
        controller.moved.connect(self._on_moved)

    def _on_moved(self, snap: StepSnapshot | None) -> None:
        for line in self.lines:
            if snap is not None:
                line.setValue(snap.t)
            line.setVisible(snap is not None)
