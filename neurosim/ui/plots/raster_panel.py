"""Raster: one row per hidden or output neuron, a mark at every step where it fired.

The marks are one RGBA image (rows × steps), so a frame costs one ``setImage`` however many
neurons and steps are shown. Each neuron's marks have its colour from the other plots; the
lanes between them are a shade off the theme's ground.

A step where the neuron did not fire but its output was not 0 (active: tanh, sigmoid…, see
:mod:`neurosim.core.activity`) gets a faint mark, and a key under the plot says so: a dense
tanh code then looks dense, while ReLU's silent steps stay empty.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from neurosim.core.activity import active
from neurosim.ui.clock import SimulationClock
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.plots.activity_key import ActivityKey, active_and_fired_differ, fired_words
from neurosim.ui.plots.axes import stable_axes
from neurosim.ui.plots.base import PlotPanel
from neurosim.ui.plots.style import label_axes, quiet_plot, style_plot
from neurosim.ui.theme import PlotColours, Theme

LANE_SHADE = 6  # % of the way from the ground to the ink: the lane of a silent step
SUB = 6  # pixel rows per neuron: gap, 4 × lane, gap
FAINT = 0.3  # how far a faint mark (active, not fired) goes from the lane to the colour
KINDS = ("hidden", "output")


class RasterPanel(PlotPanel):
    title = QT_TRANSLATE_NOOP("PlotPanel", "Firing raster")
    file_stem = "raster"
    clock_history_only = True

    def __init__(
        self,
        document: Document,
        clock: SimulationClock,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(document, clock, parent, theme=theme)
        self.widget = pg.PlotWidget(axisItems=stable_axes(), enableMenu=False)
        self.plot = self.widget.getPlotItem()
        quiet_plot(self.plot)
        self.plot.showGrid(x=True, y=False, alpha=0.15)
        self.plot.getViewBox().invertY(True)  # first neuron on top, as in a list
        label_axes(
            self.plot,
            self.theme.palette.plot,
            translate("RasterPanel", "step t"),
            translate("RasterPanel", "neuron"),
        )
        self._empty, self._gap = lane_colours(self.theme.palette.plot)
        self.image = pg.ImageItem(axisOrder="row-major")
        self.plot.addItem(self.image)
        self._rows: tuple[str, ...] = ()
        self._colours = np.zeros((0, 4), dtype=np.uint8)
        self._faint = np.zeros((0, 4), dtype=np.uint8)
        self.key = ActivityKey(self.plot)
        self.fired_sample = pg.ScatterPlotItem(symbol="s")
        self.faint_sample = pg.ScatterPlotItem(symbol="s")
        self._ranges: tuple | None = None
        self._fill_with_view()

    def redraw(self) -> None:
        sim = self.clock.simulation
        if sim.fired_ids != self._rows:
            self._set_rows(sim.fired_ids)
        fired = sim.fired.data().T  # (rows, steps)
        times = sim.times.data()
        # Each neuron is SUB pixel rows: a gap (the ground), a shaded lane with its marks, a gap.
        rgba = np.empty((fired.shape[0], SUB, fired.shape[1], 4), dtype=np.uint8)
        rgba[...] = self._empty
        rgba[:, 0] = rgba[:, -1] = self._gap
        faint = self._active_steps(sim) & ~fired
        rows, cols = np.nonzero(faint)
        rgba[rows, 1:-1, cols] = self._faint[rows, None]
        rows, cols = np.nonzero(fired)
        rgba[rows, 1:-1, cols] = self._colours[rows, None]
        self._show_key(bool(faint.any()))
        if fired.size:
            self.image.setImage(rgba.reshape(-1, fired.shape[1], 4), autoLevels=False)
            self.image.setRect(QRectF(times[0] - 0.5, -0.5, len(times), len(self._rows)))
            self.image.setVisible(True)
        else:
            self.image.setVisible(False)
        start = max(0, sim.t - sim.window + 1)
        ranges = (start - 0.5, start + sim.window - 0.5, len(self._rows))
        if ranges != self._ranges:
            self._ranges = ranges
            self.plot.setXRange(ranges[0], ranges[1], padding=0)
            self.plot.setYRange(-0.5, max(ranges[2], 1) - 0.5, padding=0)

    def _active_steps(self, sim) -> np.ndarray:
        """(rows, steps): where each row's output was not 0; all False where no neuron
        shown can be active without firing (ReLU, step: the marks say it all)."""
        if not active_and_fired_differ(self.document.network, KINDS):
            return np.zeros((len(self._rows), sim.times.data().shape[0]), dtype=bool)
        cols = [sim.index[nid] for nid in self._rows]
        return active(sim.y.data()[:, cols]).T

    def _show_key(self, faint: bool) -> None:
        """The key only while faint marks are on screen (tanh: yes; ReLU: never)."""
        net = self.document.network
        entries = (
            [
                (self.fired_sample, fired_words(net, KINDS)),
                (self.faint_sample, translate("RasterPanel", "output ≠ 0")),
            ]
            if faint
            else []
        )
        self.key.show(entries, self.theme.palette.plot)

    def _set_rows(self, ids: tuple[str, ...]) -> None:
        self._rows = ids
        colours = [self.clock.colours.colour(nid) for nid in ids]
        self._colours = np.array(
            [[c.red(), c.green(), c.blue(), 255] for c in colours], dtype=np.uint8
        ).reshape(-1, 4)
        self._mix_faint()
        self._set_ticks()

    def _mix_faint(self) -> None:
        lane = np.array(self._empty, dtype=float)
        self._faint = np.round(lane + FAINT * (self._colours - lane)).astype(np.uint8)

    def _set_ticks(self) -> None:
        net = self.document.network
        labels = [
            net.neurons[nid].label or nid if nid in net.neurons else nid for nid in self._rows
        ]
        # Label every row while they fit; with many neurons, every k-th one.
        height = max(self.plot.getViewBox().height(), 100.0)
        step = max(1, int(np.ceil(len(labels) * 9 * self.scale * 1.6 / height)))
        self.plot.getAxis("left").setTicks(
            [[(i, labels[i]) for i in range(0, len(labels), step)], []]
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._set_ticks()

    def network_slots(self) -> list:
        return [("neuron_changed", self._on_neuron_changed)]

    def _on_neuron_changed(self, _neuron_id: str, field: str) -> None:
        if field == "label":
            self._set_ticks()

    def rebuild(self) -> None:
        self._rows = ()

    def apply_scale(self) -> None:
        colours = self.theme.palette.plot
        self.widget.setBackground(colours.ground)
        self._empty, self._gap = lane_colours(colours)
        self._mix_faint()
        style_plot(
            self.plot, colours, self.scale, translate("RasterPanel", "When each neuron fired")
        )
        ink = QColor(colours.ink).getRgb()[:3]
        faint = [round(e + FAINT * (i - e)) for e, i in zip(self._empty[:3], ink, strict=True)]
        size = 12 * self.scale
        self.fired_sample.setData(size=size, brush=pg.mkBrush(*ink), pen=pg.mkPen(None))
        self.faint_sample.setData(size=size, brush=pg.mkBrush(*faint), pen=pg.mkPen(None))
        self.key.restyle(colours, self.scale)
        self._set_ticks()

    def csv_table(self) -> tuple[Sequence[str], list[Sequence[object]]]:
        sim = self.clock.simulation
        fired = sim.fired.data()
        return (
            ["t", *sim.fired_ids],
            [[int(t), *(int(v) for v in fired[i])] for i, t in enumerate(sim.times.data())],
        )


def lane_colours(colours: PlotColours) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """RGBA of a silent step's lane (the ground, a shade towards the ink) and of the gap
    between lanes (the ground)."""
    ground, ink = QColor(colours.ground), QColor(colours.ink)
    t = LANE_SHADE / 100
    lane = tuple(
        round(g + (i - g) * t) for g, i in zip(ground.getRgb()[:3], ink.getRgb()[:3], strict=True)
    )
    return (*lane, 255), tuple(ground.getRgb())
