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
    two; returns whether anything moved. In two rows the legend has a column of its own
    that the accuracy plot spans above it (a plot in the legend's narrow column would be
    squeezed to the legend's width, and the row pushed past the panel's edge)."""
    loss, accuracy, gradients = plots
    cells = (  # item: (row, column, columns spanned)
        {loss: (0, 0, 1), accuracy: (0, 1, 2), gradients: (1, 0, 2), legend: (1, 2, 1)}
        if stacked
        else {loss: (0, 0, 1), accuracy: (0, 1, 1), gradients: (0, 2, 1), legend: (0, 3, 1)}
    )

    def occupied(row: int, column: int, span: int) -> list[tuple[int, int]]:
        return [(row, c) for c in range(column, column + span)]

    if all(sorted(layout.items.get(item, [])) == occupied(*cell) for item, cell in cells.items()):
        return False
    for item in cells:
        layout.removeItem(item)
    for item, (row, column, span) in cells.items():
        layout.addItem(item, row, column, 1, span)
    grid = layout.layout
    for column, stretch in enumerate((1, 1, 0, 0) if stacked else ROW_STRETCH):
        grid.setColumnStretchFactor(column, stretch)
    return True
