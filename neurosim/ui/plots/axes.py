"""Axes that repaint only when what they show changes.

pyqtgraph's ``AxisItem.setRange`` throws its drawing away and repaints on every call, and a
view calls it on each of its axes whenever any range of the view moves (and on each resize):
a running clock that scrolls a plot's x-axis repainted its y-axis too, every frame, and a
slider step redrew 13 axes whose ranges had not moved. :class:`StableAxisItem` ignores a
range it already shows; a resize or a new font still repaints it as before.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtWidgets import QGraphicsItem

SIDES = ("left", "bottom")  # pyqtgraph makes the hidden right and top ones


class StableAxisItem(pg.AxisItem):
    """An ``AxisItem`` that does nothing when asked for the range it already shows, and
    is drawn from a pixmap when something else near it repaints (a curve, the grid)."""

    def __init__(self, orientation: str, **kwargs: object) -> None:
        super().__init__(orientation, **kwargs)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def setRange(self, mn: float, mx: float) -> None:  # noqa: N802 - pyqtgraph override
        shown = getattr(self, "range", None)  # None while AxisItem.__init__ runs
        if shown is not None and shown[0] == mn and shown[1] == mx:
            return
        super().setRange(mn, mx)


def stable_axes() -> dict[str, pg.AxisItem]:
    """The left and bottom axes of a new plot (``axisItems=`` of ``addPlot`` or ``PlotWidget``)."""
    return {side: StableAxisItem(side) for side in SIDES}
