"""Where the three training plots sit in their panel, chosen from the room there is, so
that no plot is squeezed to a strip a few dozen pixels wide:

ROW:  Loss | Accuracy | Gradients | legend        (a wide panel)
ROWS: Loss | Accuracy                            (a narrow, tall panel)
      Gradients | legend
TABS: [Loss | Accuracy | Gradients] tab bar over ONE full-size plot (a small panel: the
      training dock beside the others at 1280×800, presentation on a 1280×720 projector)
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP

ROW, ROWS, TABS = "row", "rows", "tabs"
# the tabs, in the plots' order (translated where shown)
NAMES = (
    QT_TRANSLATE_NOOP("TrainingPlots", "Loss"),
    QT_TRANSLATE_NOOP("TrainingPlots", "Accuracy"),
    QT_TRANSLATE_NOOP("TrainingPlots", "Gradients"),
)
LOSS, ACCURACY, GRADIENTS = range(3)
ROW_STRETCH = (3, 2, 4, 0)  # the columns' shares in one row
MIN_PLOT_WIDTH = 150  # px (times the scale) of data a plot keeps beside the others
LEFT_AXIS = 50  # px (times the scale) of a plot's numbers left of its data
MIN_PLOT_HEIGHT = 90  # px on screen (estimated) the data of a plot keeps
# measured: a plot's title, bottom axis and label, px per unit of scale, plus margins;
# the panel's row of controls on top
TITLE_AND_AXIS, MARGINS, TOP_ROW = 42, 15, 18


def _data_height(height: float, rows: int, scale: float) -> float:
    """The estimated height of a plot's data area with ``rows`` rows of plots."""
    return (height - TOP_ROW * scale) / rows - TITLE_AND_AXIS * scale - MARGINS


def arrangement(width: float, height: float, scale: float, legend_width: float) -> str:
    """ROW, ROWS or TABS for a panel ``width`` × ``height`` px whose type is ``scale``
    times the normal size and whose gradient legend is ``legend_width`` px wide."""
    plot_width, axis = MIN_PLOT_WIDTH * scale, LEFT_AXIS * scale
    # the narrowest plot of a row gets its share of the room the axes and legend leave
    narrowest = min(ROW_STRETCH[:3]) / sum(ROW_STRETCH)
    tall = _data_height(height, 1, scale) >= MIN_PLOT_HEIGHT
    if tall and (width - legend_width - 3 * axis) * narrowest >= plot_width:
        return ROW
    two = _data_height(height, 2, scale) >= MIN_PLOT_HEIGHT
    if two and min(width - legend_width, width / 2) - axis >= plot_width:
        return ROWS
    return TABS


def place(
    layout: pg.GraphicsLayout,
    plots: tuple[pg.PlotItem, pg.PlotItem, pg.PlotItem],
    legend: pg.LegendItem,
    mode: str,
    current: int = LOSS,
    legend_beside: bool = True,
) -> bool:
    """Put ``plots`` (loss, accuracy, gradients) and the gradients' ``legend`` as ``mode``
    says (in TABS, only plot ``current``, and the legend only if ``legend_beside``: else
    the panel shows the levels' key in its row of controls); items not shown are taken out
    of the layout and hidden. Returns whether anything moved. In ROWS the legend has a
    column of its own that the accuracy plot spans above it (a plot in the legend's narrow
    column would be squeezed to the legend's width, and the row pushed past the panel's
    edge)."""
    loss, accuracy, gradients = plots
    cells: dict[pg.GraphicsObject, tuple[int, int, int]]  # item: (row, column, span)
    if mode == ROWS:
        cells = {loss: (0, 0, 1), accuracy: (0, 1, 2), gradients: (1, 0, 2), legend: (1, 2, 1)}
    elif mode == ROW:
        cells = {loss: (0, 0, 1), accuracy: (0, 1, 1), gradients: (0, 2, 1), legend: (0, 3, 1)}
    else:
        cells = {plots[current]: (0, 0, 1)}
        if current == GRADIENTS and legend_beside:
            cells[legend] = (0, 1, 1)

    def occupied(row: int, column: int, span: int) -> list[tuple[int, int]]:
        return [(row, c) for c in range(column, column + span)]

    everything = (*plots, legend)
    same = all(
        sorted(layout.items.get(item, [])) == (occupied(*cells[item]) if item in cells else [])
        for item in everything
    )
    if same:
        return False
    for item in everything:
        if item in layout.items:
            layout.removeItem(item)
    for item, (row, column, span) in cells.items():
        layout.addItem(item, row, column, 1, span)
        item.show()
    for item in everything:
        if item not in cells:
            item.hide()
    stretch = {ROWS: (1, 1, 0, 0), ROW: ROW_STRETCH}.get(mode, (1, 0, 0, 0))
    grid = layout.layout
    for column, share in enumerate(stretch):
        grid.setColumnStretchFactor(column, share)
    for row in range(2):
        grid.setRowStretchFactor(row, 1 if row == 0 or mode == ROWS else 0)
    return True
