"""The decision surface's view for a network with one input: the output y(x) as a line,
with the data rows as points (a regression fit, 07a's "the output is a flat line").

The line is :func:`neurosim.core.response.response_curve` over the x range of the panel's
controls; the points are the targets of the neuron shown, training rows filled and test
rows hollow, as on the surface.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg

from neurosim.core.engine import Engine
from neurosim.core.response import response_curve
from neurosim.ui.i18n import translate
from neurosim.ui.plots.axes import stable_axes
from neurosim.ui.plots.style import (
    PALETTE,
    AxisRange,
    label_axes,
    quiet_plot,
    style_legend,
    style_plot,
)
from neurosim.ui.theme import PlotColours

POINT = "#e08214"  # the data: the scale's orange, as class-1 points on the surface
LINE = PALETTE[0]


class ResponseView:
    """A plot of one neuron's output against one input, over the data rows."""

    def __init__(self) -> None:
        self.widget = pg.GraphicsLayoutWidget()
        self.plot = self.widget.addPlot(0, 0, axisItems=stable_axes(), enableMenu=False)
        quiet_plot(self.plot)
        self.train = pg.ScatterPlotItem(symbol="o")
        self.test = pg.ScatterPlotItem(symbol="o")
        self.curve = pg.PlotDataItem()
        for z, item in ((5, self.train), (6, self.test), (10, self.curve)):
            item.setZValue(z)  # the line over the points it should pass through
            self.plot.addItem(item)
        self.legend = pg.LegendItem(frame=False, colCount=3)
        self.widget.addItem(self.legend, 1, 0)
        self.xs = self.ys = np.zeros(0)
        self.rows: tuple[np.ndarray, np.ndarray, tuple[str, ...], np.ndarray] | None = None
        self._y_range = AxisRange(0.2)
        self._key: tuple | None = None

    def set_rows(
        self,
        x: np.ndarray | None,
        targets: np.ndarray | None = None,
        target_ids: Sequence[str] = (),
        is_test: np.ndarray | None = None,
    ) -> None:
        """The data: input column ``x``, ``targets`` with a column per id; None: no data."""
        if x is None or targets is None:
            self.rows = None
            return
        x = np.asarray(x, dtype=float).ravel()
        test = np.zeros(len(x), bool) if is_test is None else np.asarray(is_test, bool)
        self.rows = (x, np.asarray(targets, dtype=float), tuple(target_ids), test)

    def points(self, out_id: str) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
        """(x, target, is_test) of the rows for ``out_id``; None if the data has none."""
        if self.rows is None or out_id not in self.rows[2]:
            return None
        x, targets, ids, test = self.rows
        return x, targets[:, ids.index(out_id)], test

    def draw(
        self,
        engine: Engine,
        x_id: str,
        out_id: str,
        x_range: tuple[float, float],
        names: tuple[str, str],
    ) -> None:
        """The line of ``out_id`` over ``x_range`` of ``x_id`` and the points for it."""
        self.xs, self.ys = response_curve(engine, x_id, out_id, x_range)
        self.curve.setData(self.xs, self.ys)
        found = self.points(out_id)
        for item, rows in ((self.train, False), (self.test, True)):
            if found is None:
                item.setData([], [])
            else:
                x, t, test = found
                item.setData(x[test == rows], t[test == rows])
        values = [self.ys[np.isfinite(self.ys)]]
        if found is not None:
            values.append(found[1])
        every = np.concatenate(values)
        if every.size:
            want = self._y_range.fit(float(every.min()), float(every.max()))
            if want is not None:
                self.plot.setYRange(*want, padding=0)
        self.plot.setXRange(*x_range, padding=0)
        self._keys(names, found is not None, bool(found is not None and found[2].any()))

    def _keys(self, names: tuple[str, str], points: bool, test: bool) -> None:
        key = (names, points, test)
        if key == self._key:
            return
        self._key = key
        x_name, out_name = names
        self.legend.clear()
        self.legend.addItem(
            self.curve, translate("ResponseView", "output of {name}").format(name=out_name)
        )
        if points:
            data = (
                translate("ResponseView", "train data")
                if test
                else translate("ResponseView", "data")
            )
            self.legend.addItem(self.train, data)
        if test:
            self.legend.addItem(self.test, translate("ResponseView", "test data"))

    def restyle(self, colours: PlotColours, scale: float, names: tuple[str, str]) -> None:
        x_name, out_name = names
        y_label = translate("ResponseView", "y of {name}").format(name=out_name)
        label_axes(self.plot, colours, x_name, y_label, scale)
        title = translate("ResponseView", "Output of {name} against {x}")
        style_plot(self.plot, colours, scale, title.format(name=out_name, x=x_name))
        self.widget.setBackground(colours.ground)
        self.curve.setPen(pg.mkPen(LINE, width=2.5 * scale))
        size = 8 * scale
        self.train.setData(size=size, brush=pg.mkBrush(POINT), pen=pg.mkPen(colours.ground))
        self.test.setData(size=size, brush=pg.mkBrush(None), pen=pg.mkPen(POINT, width=1.5))
        self.legend.setLabelTextSize(f"{9 * scale:.1f}pt")
        self._key = None
        style_legend(self.legend, colours)

    def forget_range(self) -> None:
        self._y_range.forget()
