"""Traces: y(t) of every output neuron, every input with a signal source, and pinned neurons.

Signals:
    keys_changed(dict): {neuron id: QColor} of the traces in the legend while the panel is
        on screen ({} when it is hidden), for the canvas to mark those neurons in the same
        colours (``NetworkScene.set_key_colours``).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QMenu, QSizePolicy, QWidget

from neurosim.ui.clock import SimulationClock
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.plots.axes import stable_axes
from neurosim.ui.plots.base import PlotPanel
from neurosim.ui.plots.style import (
    AxisRange,
    brush,
    label_axes,
    pen,
    quiet_plot,
    style_legend,
    style_plot,
)
from neurosim.ui.theme import Theme

LEGEND_BESIDE_FROM = 460  # panel width (pixels at scale 1) from which the legend is beside
# An input's trace is dashed (its values come from a signal source, not the network). Qt
# strokes a dashed hairline through a fast path (0.3 ms for a 500-step noise trace); a wider
# dashed pen goes through the general stroker (50-100 ms, most of a slider step), and
# pyqtgraph's fast segmented lines would lose the dashes. Outputs stay wide and solid.
INPUT_TRACE_WIDTH = 1.0  # pixels, at every presentation scale
OUTPUT_TRACE_WIDTH = 2.4  # pixels at scale 1


class TracesPanel(PlotPanel):
    """One persistent curve per traced neuron, fed from the clock's ring buffers."""

    title = QT_TRANSLATE_NOOP("PlotPanel", "Traces")
    file_stem = "traces"
    clock_history_only = True
    keys_changed = Signal(dict)

    def __init__(
        self,
        document: Document,
        clock: SimulationClock,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(document, clock, parent, theme=theme)
        self.pinned: list[str] = []
        self.show_sources = True
        self.widget = pg.GraphicsLayoutWidget()
        self.plot = self.widget.addPlot(0, 0, axisItems=stable_axes(), enableMenu=False)
        quiet_plot(self.plot)
        label_axes(
            self.plot,
            self.theme.palette.plot,
            translate("TracesPanel", "step t"),
            translate("TracesPanel", "output y"),
        )
        # The legend sits in its own column beside the plot, so it never hides a curve;
        # under it in a narrow panel, where beside it would squeeze the plot to a strip.
        self.legend = pg.LegendItem(frame=False)
        self.legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self._legend_beside: bool | None = None
        self._place_legend(beside=True)
        self.curves: dict[str, pg.PlotDataItem] = {}
        self.now = pg.ScatterPlotItem()  # a dot at each trace's present value
        self.now.setZValue(10)
        self.plot.addItem(self.now)
        self._shown: tuple[tuple[str, str], ...] = ()
        self._brushes: list = []
        self._x_range: tuple[float, float] | None = None
        self._y_range = AxisRange(0.2)
        self._keys_sent: dict = {}
        self._fill_with_view()

    # --------------------------------------------------------------- choosing
    def pin(self, neuron_id: str, on: bool = True) -> None:
        """Also trace ``neuron_id`` (hidden or input neurons), or stop tracing it."""
        if on and neuron_id not in self.pinned:
            self.pinned.append(neuron_id)
        elif not on and neuron_id in self.pinned:
            self.pinned.remove(neuron_id)
        self.schedule()

    def set_show_sources(self, on: bool) -> None:
        self.show_sources = bool(on)
        self.schedule()

    def traced_ids(self) -> list[str]:
        net = self.document.network
        ids = [n.id for n in net.of_kind("output")]
        if self.show_sources:
            ids = [
                n.id
                for n in net.of_kind("input")
                if n.source is not None and n.source.get("kind") != "manual"
            ] + ids
        ids += [nid for nid in self.pinned if nid in net.neurons and nid not in ids]
        return ids

    # ---------------------------------------------------------------- drawing
    def redraw(self) -> None:
        sim = self.clock.simulation
        net = self.document.network
        ids = [nid for nid in self.traced_ids() if nid in sim.index]
        shown = tuple((nid, _name(net.neurons[nid])) for nid in ids)
        if shown != self._shown:
            self._rebuild_curves(shown)
        times = sim.times.data()
        ys = sim.y.data()
        lo, hi = np.inf, -np.inf
        for nid in ids:
            y = ys[:, sim.index[nid]]
            self.curves[nid].setData(times, y, connect="finite")
            if np.isfinite(y).any():
                lo, hi = min(lo, np.nanmin(y)), max(hi, np.nanmax(y))
        if len(times) and ids:
            last = ys[-1, [sim.index[nid] for nid in ids]]
            finite = np.isfinite(last)  # an overflowed value has no dot
            self.now.setData(
                np.full(int(finite.sum()), times[-1]),
                last[finite],
                brush=[b for b, ok in zip(self._brushes, finite, strict=True) if ok],
                pen=pen("w", self.scale),
                size=8 * self.scale,
            )
        else:
            self.now.setData([], [])
        self._set_x_range(sim.t, sim.window)
        y_range = self._y_range.fit(lo, hi) if ids else self._y_range.fit(0.0, 1.0)
        if y_range is not None:
            self.plot.setYRange(*y_range, padding=0)

    def _set_x_range(self, t: int, window: int) -> None:
        start = max(0, t - window + 1)
        x_range = (start - 0.5, start + window - 0.5)
        if x_range != self._x_range:
            self._x_range = x_range
            self.plot.setXRange(*x_range, padding=0)

    def _rebuild_curves(self, shown: tuple[tuple[str, str], ...]) -> None:
        wanted = {nid for nid, _ in shown}
        for nid in list(self.curves):
            if nid not in wanted:
                self.plot.removeItem(self.curves.pop(nid))
        for nid, _ in shown:
            if nid not in self.curves:
                self.curves[nid] = self.plot.plot(antialias=self.smooth)
        self._shown = shown
        self._style_curves()

    def _style_curves(self) -> None:
        self.legend.clear()
        net = self.document.network
        self._brushes = [brush(self.clock.colours.colour(nid)) for nid, _ in self._shown]
        for nid, name in self._shown:
            if nid not in net.neurons:  # another network opened while hidden: next redraw
                continue
            is_input = net.neurons[nid].is_input
            colour = self.clock.colours.colour(nid)
            self.curves[nid].setPen(
                pen(colour, INPUT_TRACE_WIDTH, Qt.PenStyle.DashLine)
                if is_input
                else pen(colour, OUTPUT_TRACE_WIDTH * self.scale)
            )
            self.legend.addItem(self.curves[nid], escape(name, quote=False))  # HTML: text only
        self._send_keys()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_legend(self.width() >= LEGEND_BESIDE_FROM * self.scale)

    def _place_legend(self, beside: bool) -> None:
        if beside == self._legend_beside:
            return
        layout = self.widget.ci
        if self._legend_beside is not None:
            layout.removeItem(self.legend)
        self._legend_beside = beside
        layout.addItem(self.legend, *((0, 1) if beside else (1, 0)))
        layout.layout.setAlignment(
            self.legend, Qt.AlignmentFlag.AlignTop if beside else Qt.AlignmentFlag.AlignLeft
        )
        self.legend.setColumnCount(1 if beside else 2)

    def key_colours(self) -> dict:
        """{neuron id: QColor} of the traces shown in the legend (none while hidden)."""
        if not self.isVisible():
            return {}
        return {nid: self.clock.colours.colour(nid) for nid, _ in self._shown}

    def _send_keys(self) -> None:
        keys = self.key_colours()
        if keys != self._keys_sent:
            self._keys_sent = keys
            self.keys_changed.emit(keys)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._send_keys()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self._send_keys()

    def moving_curves(self) -> list[pg.PlotDataItem]:
        return list(self.curves.values())

    def rebuild(self) -> None:
        self.pinned.clear()
        self._y_range.forget()

    def apply_scale(self) -> None:
        colours = self.theme.palette.plot
        self.widget.setBackground(colours.ground)
        style_plot(
            self.plot, colours, self.scale, translate("TracesPanel", "Neuron outputs over time")
        )
        self.legend.setLabelTextSize(f"{9 * self.scale:.1f}pt")
        style_legend(self.legend, colours)
        self._style_curves()

    # ------------------------------------------------------------------ menus
    def add_menu_actions(self, menu: QMenu) -> None:
        sources = menu.addAction(translate("TracesPanel", "Show inputs that have a signal source"))
        sources.setCheckable(True)
        sources.setChecked(self.show_sources)
        sources.toggled.connect(self.set_show_sources)
        pins = menu.addMenu(translate("TracesPanel", "Also show"))
        for neuron in self.document.network:
            if neuron.kind == "output":
                continue
            action = pins.addAction(_name(neuron))
            action.setCheckable(True)
            action.setChecked(neuron.id in self.pinned)
            action.toggled.connect(lambda on, nid=neuron.id: self.pin(nid, on))

    def csv_table(self) -> tuple[Sequence[str], list[Sequence[object]]]:
        sim = self.clock.simulation
        ids = [nid for nid, _ in self._shown if nid in sim.index]
        ys = sim.y.data()
        header = ["t", *(name for nid, name in self._shown if nid in sim.index)]
        columns = [ys[:, sim.index[nid]] for nid in ids]
        return header, [
            [int(t), *(float(c[i]) for c in columns)] for i, t in enumerate(sim.times.data())
        ]


def _name(neuron) -> str:
    return neuron.id if neuron.label in ("", neuron.id) else f"{neuron.label} ({neuron.id})"
