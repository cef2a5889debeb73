"""Where the three training plots sit in their panel: in one row, or in two in a narrow,
tall panel (presentation mode's plots column on a 1280×720 projector), so that no plot
is squeezed to a strip a few dozen pixels wide.

One row:  Loss | Accuracy | Gradients | legend
Two rows: Loss | Accuracy
          Gradients | legend
"""

from __future__ import annotations

import pyqtgraph as pg

ROW_STRETCH = (3, 2, 4, 0)  # the columns' shares in one row
MIN_PLOT_WIDTH = 170  # px (times the scale) a plot needs to sit beside the two others
MIN_PLOT_HEIGHT = 90  # px on screen (estimated) the data of a plot in two rows keeps
# measured: a plot's title, bottom axis and label, px per unit of scale, plus margins;
# the panel's row of controls on top
TITLE_AND_AXIS, MARGINS, TOP_ROW = 42, 15, 18


def two_rows(width: int, height: int, scale: float) -> bool:
    """Whether the plots go in two rows: when three side by side would be too narrow and
    each of two rows still leaves a plot :data:`MIN_PLOT_HEIGHT` of data."""
    narrow = width < 3 * MIN_PLOT_WIDTH * scale
    row = (height - TOP_ROW * scale) / 2 - TITLE_AND_AXIS * scale - MARGINS
    return narrow and row >= MIN_PLOT_HEIGHT


def place(
    layout: pg.GraphicsLayout,
    plots: tuple[pg.PlotItem, pg.PlotItem, pg.PlotItem],
    legend: pg.LegendItem,
    stacked: bool,
) -> bool:
    """Put ``plots`` (loss, accuracy, gradients) and the gradients' ``legend`` in one row or
    two; returns whether anything moved."""
    loss, accuracy, gradients = plots
    cells = (
        {loss: (0, 0), accuracy: (0, 1), gradients: (1, 0), legend: (1, 1)}
        if stacked
        else {loss: (0, 0), accuracy: (0, 1), gradients: (0, 2), legend: (0, 3)}
    )
    if all(layout.items.get(item) == [cell] for item, cell in cells.items()):
        return False
    for item in cells:
        layout.removeItem(item)
    for item, (row, column) in cells.items():
        layout.addItem(item, row, column)
    grid = layout.layout
    for column, stretch in enumerate((1, 1, 0, 0) if stacked else ROW_STRETCH):
        grid.setColumnStretchFactor(column, stretch)
    return True
