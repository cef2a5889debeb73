"""Sparsity: how many hidden neurons are active over time, against the brain's 1–4 %.

Left, the active fraction of the hidden neurons (0–100 %) with the band a brain keeps to;
right, a histogram of the hidden outputs now. The present figure also goes to the status
bar through :attr:`SparsityPanel.status_changed`. Under the plots, one slider shifts every
hidden bias at once (:mod:`.bias_shift`), to push the network into the band live.

Active means "output not 0" (:mod:`neurosim.core.activity`). Where a hidden activation can
be active without firing (tanh, sigmoid…), a dashed curve shows the share that fired, a key
under the plot names both, and the status bar gives both counts.

Signals:
    status_changed(str): the status-bar text changed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from neurosim.core.activations import get_activation
from neurosim.core.activity import silent as silent_outputs
from neurosim.ui.clock import SimulationClock
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.plots.activity_key import ActivityKey, active_and_fired_differ, fired_words
from neurosim.ui.plots.axes import stable_axes
from neurosim.ui.plots.base import PlotPanel
from neurosim.ui.plots.bias_shift import BiasShift
from neurosim.ui.plots.style import (
    BRAIN_BAND,
    PALETTE,
    AxisRange,
    brush,
    font,
    label_axes,
    quiet_plot,
    style_plot,
    style_text,
)
from neurosim.ui.theme import Theme

BINS = 20
SIDE_BY_SIDE_FROM = 440  # panel width (pixels at scale 1) for the two plots side by side
NO_PEN = pg.mkPen(None)
BAR = "#0072b2"
SILENT_BAR = "#9a9a9a"


def sparsity_text(
    active_fraction: float | None, n_hidden: int, fired_fraction: float | None = None
) -> str:
    """The status-bar sentence, e.g. "sparsity: 25 % silent (hidden neurons active: 3 of
    4)"; where fewer fired than are active (tanh, sigmoid), both: "… (hidden neurons active,
    output ≠ 0: 3 of 4; fired: 1)"."""
    if not n_hidden or active_fraction is None:
        return translate("SparsityPanel", "no hidden neurons")
    active = int(round(active_fraction * n_hidden))
    silent = f"{100.0 * (n_hidden - active) / n_hidden:.0f}"
    fired = None if fired_fraction is None else int(round(fired_fraction * n_hidden))
    if fired is not None and fired != active:
        return translate(
            "SparsityPanel",
            "sparsity: {silent} % silent "
            "(hidden neurons active, output ≠ 0: {active} of {total}; fired: {fired})",
        ).format(silent=silent, active=active, total=n_hidden, fired=fired)
    return translate(
        "SparsityPanel", "sparsity: {silent} % silent (hidden neurons active: {active} of {total})"
    ).format(silent=silent, active=active, total=n_hidden)


class SparsityPanel(PlotPanel):
    title = QT_TRANSLATE_NOOP("PlotPanel", "Sparsity")
    file_stem = "sparsity"
    clock_history_only = True
    status_changed = Signal(str)

    def __init__(
        self,
        document: Document,
        clock: SimulationClock,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(document, clock, parent, theme=theme)
        self.status = ""
        self.widget = pg.GraphicsLayoutWidget()
        self.plot = self.widget.addPlot(0, 0, axisItems=stable_axes(), enableMenu=False)
        self.hist = self.widget.addPlot(0, 1, axisItems=stable_axes(), enableMenu=False)
        self._side_by_side = True
        self._hist_x: tuple[float, float] | None = None  # the histogram's x range, as set
        for plot in (self.plot, self.hist):
            quiet_plot(plot)
        colours = self.theme.palette.plot
        label_axes(
            self.plot,
            colours,
            translate("SparsityPanel", "step t"),
            translate("SparsityPanel", "active (%)"),
        )
        label_axes(
            self.hist,
            colours,
            translate("SparsityPanel", "hidden output y"),
            translate("SparsityPanel", "neurons"),
        )
        self.plot.setYRange(-4, 106, padding=0)  # (the bottom makes room for the band's label)
        self.band = pg.LinearRegionItem(
            (1, 4),
            orientation="horizontal",
            movable=False,
            brush=pg.mkBrush(BRAIN_BAND),
            pen=pg.mkPen(None),
        )
        self.plot.addItem(self.band)
        self.band_label = pg.TextItem(
            translate("SparsityPanel", "brain: 1–4 % active"), anchor=(0, 1)
        )
        self.band_label.setZValue(20)
        self.plot.addItem(self.band_label)
        self.curve = self.plot.plot(pen=pg.mkPen(PALETTE[2], width=2), antialias=self.smooth)
        self.fired_curve = self.plot.plot(antialias=self.smooth)
        self.key = ActivityKey(self.plot)
        self.bars = pg.BarGraphItem(x=[], height=[], width=1.0)
        self.hist.addItem(self.bars)
        self.empty_label = pg.TextItem(
            translate("SparsityPanel", "no hidden neurons"), anchor=(0.5, 0.5)
        )
        self.hist.addItem(self.empty_label)
        self.silent_label = pg.TextItem(translate("SparsityPanel", "silent"), anchor=(0, 1))
        self.hist.addItem(self.silent_label)
        self._x_range: tuple[float, float] | None = None
        self._bins_range = AxisRange(0.5)
        self._edges = np.linspace(0.0, 1.0, BINS + 1)
        self._counts = np.zeros(BINS, dtype=int)
        self._hist_y: tuple | None = None  # (highest count, room above it) the range is for
        self._band_room: tuple | None = None
        self._silent_bin = 0
        self.bias_shift = BiasShift(document, self)  # slides 17–18: into the 1–4 % band
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.widget, 1)
        layout.addWidget(self.bias_shift)
        self._side_by_side = False
        self._arrange(True)  # sets the stretch factors
        self.restyle()
        # The status text follows every evaluation, even while the panel is hidden.
        document.evaluated.connect(self._update_status)
        self._update_status(document.evaluation)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        # Side by side unless narrow and tall enough for one above the other.
        self._arrange(
            self.width() >= SIDE_BY_SIDE_FROM * self.scale or self.width() >= 1.6 * self.height()
        )
        self.schedule()  # the labels' room depends on the plots' heights

    def _arrange(self, side_by_side: bool) -> None:
        """The histogram beside the time plot, or under it in a narrow panel (where two
        plots side by side would each be too thin to read)."""
        if side_by_side == self._side_by_side:
            return
        self._side_by_side = side_by_side
        layout = self.widget.ci
        layout.removeItem(self.hist)
        layout.addItem(self.hist, *((0, 1) if side_by_side else (1, 0)))
        grid = layout.layout
        grid.setColumnStretchFactor(0, 3 if side_by_side else 1)
        grid.setColumnStretchFactor(1, 2 if side_by_side else 0)
        grid.setRowStretchFactor(0, 1 if side_by_side else 3)
        grid.setRowStretchFactor(1, 0 if side_by_side else 2)

    def hidden_values(self) -> np.ndarray:
        ev = self.document.evaluation
        net = self.document.network
        cols = [ev.index[n.id] for n in net.of_kind("hidden") if n.id in ev.index]
        return ev.y[0, cols]

    def redraw(self) -> None:
        sim = self.clock.simulation
        times, active = sim.times.data(), sim.active.data()
        self.curve.setData(times, 100.0 * active, connect="finite")
        both = active_and_fired_differ(self.document.network)
        self.fired_curve.setVisible(both)
        if both:
            fired = sim.fired_share.data()
            self.fired_curve.setData(times, 100.0 * fired, connect="finite")
        self._show_key(both)
        start = max(0, sim.t - sim.window + 1)
        x_range = (start - 0.5, start + sim.window - 0.5)
        if x_range != self._x_range:
            self._x_range = x_range
            self.plot.setXRange(*x_range, padding=0)
        self._place_band_label(x_range[0] + 0.01 * sim.window)
        self._draw_histogram(self.hidden_values())

    def _place_band_label(self, x: float) -> None:
        """The band's label in a strip under 0 %, where the curve never goes (over the
        curve it would hide the very values near the band); above the band when the plot
        is too low for the strip."""
        need = _text_height(self.band_label) + 6
        height = self.plot.getViewBox().height()
        room = round(need), round(height)
        if room != self._band_room:
            self._band_room = room
            top = 106.0
            if height > 3 * need:  # bottom such that [bottom, -1] holds the label
                # Room over 100 % for half the "100" label: pyqtgraph drops a label that
                # would stand over the plot's edge.
                top = max(top, 100.0 + 0.6 * (need - 6) * 110 / height)
                bottom = -(need * top + height) / (height - need)
                self.band_label.setAnchor((0, 0))
            else:
                bottom = -4
                self.band_label.setAnchor((0, 1))
            self.plot.setYRange(bottom, top, padding=0)
            self._percent_ticks(height > 7 * (need - 6))
        self.band_label.setPos(x, -1.0 if self.band_label.anchor.y() == 0 else 4.0)

    def _draw_histogram(self, values: np.ndarray) -> None:
        self.empty_label.setVisible(values.size == 0)
        if values.size == 0:
            self.bars.setOpts(x=[], height=[])
            return
        lo, hi = self._value_range(values)
        edges = np.linspace(lo, hi, BINS + 1)
        counts, _ = np.histogram(np.clip(values, lo, hi), bins=edges)
        width = edges[1] - edges[0]
        centres = edges[:-1] + width / 2
        silent = silent_outputs(values)
        brushes = [brush(BAR)] * BINS
        self.silent_label.setVisible(bool(silent.any()))
        if silent.any():  # the bar holding the silent (zero) outputs is grey
            k = min(max(int(np.searchsorted(edges, 0.0, side="right")) - 1, 0), BINS - 1)
            brushes = brushes[:k] + [brush(SILENT_BAR)] + brushes[k + 1 :]
            self._silent_bin = k
        self.bars.setOpts(x=centres, height=counts, width=width * 0.9, brushes=brushes, pen=NO_PEN)
        self._edges, self._counts = edges, counts
        if (edges[0], edges[-1]) != self._hist_x:
            self._hist_x = (edges[0], edges[-1])
            self.hist.setXRange(edges[0], edges[-1], padding=0.04)
            # Three or four labels: the histogram is narrow, and "0.20.40.6" is unreadable.
            minor = [(v, "") for v, _ in _ticks(edges[0], edges[-1], 10)]
            self.hist.getAxis("bottom").setTicks([_ticks(edges[0], edges[-1], 3), minor])
        top = max(1.0, float(counts.max()))
        # Room above the highest bar for the "silent" label over it.
        room = _text_height(self.silent_label) + 4, self.hist.getViewBox().height()
        old = self._hist_y
        if old is None or top > old[0] or top < old[0] / 3 or room != old[1]:
            self._hist_y = top, room
            above = room[1] > 3 * room[0]  # else too low a plot: the label goes beside
            share = room[0] / room[1] if above else 0.2
            y_top = max(top * 1.25, top / (1 - share))
            self.hist.setYRange(0, y_top, padding=0)
            self.silent_label.setAnchor((0, 1) if above else (0, 0.5))
            self.empty_label.setPos((edges[0] + edges[-1]) / 2, top / 2)
            step = max(1, int(np.ceil(top / 4)))  # a count of neurons is a whole number
            self.hist.getAxis("left").setTicks(
                [[(n, str(n)) for n in range(0, int(y_top) + 1, step)], []]
            )
        if silent.any():
            k = self._silent_bin
            beside = self.silent_label.anchor.y() != 1
            self.silent_label.setPos(
                edges[k + 1] if beside else edges[k], counts[k] / 2 if beside else counts[k]
            )

    def _value_range(self, values: np.ndarray) -> tuple[float, float]:
        """Bins over the activations' own y range where it is finite, else over the data."""
        net = self.document.network
        lo, hi = np.inf, -np.inf
        for n in net.of_kind("hidden"):
            y_lo, y_hi = get_activation(n.activation).y_range
            lo, hi = min(lo, y_lo), max(hi, y_hi)
        if np.isfinite(lo) and np.isfinite(hi):
            return lo, hi
        self._bins_range.fit(float(min(values.min(), 0.0)), float(values.max()))
        cur = self._bins_range.current or (0.0, 1.0)
        lo = lo if np.isfinite(lo) else cur[0]
        hi = hi if np.isfinite(hi) else cur[1]
        return min(lo, 0.0), max(hi, lo + 0.1)

    def _update_status(self, evaluation) -> None:
        fraction = (
            None if evaluation.active_fraction is None else float(evaluation.active_fraction[0])
        )
        n_hidden = len(self.document.network.of_kind("hidden"))
        fired = evaluation.fired_fraction
        fired = None if fired is None else float(fired[0])
        self._set_status(sparsity_text(fraction, n_hidden, fired))

    def _show_key(self, both: bool) -> None:
        """Name the two curves where they differ; the axis then counts either."""
        net = self.document.network
        entries = [
            (self.curve, translate("SparsityPanel", "active (output ≠ 0)")),
            (self.fired_curve, fired_words(net)),
        ]
        self.key.show(entries if both else [], self.theme.palette.plot)
        left = (
            translate("SparsityPanel", "hidden neurons (%)")
            if both
            else translate("SparsityPanel", "active (%)")
        )
        if self.plot.getAxis("left").labelText != left:
            step = translate("SparsityPanel", "step t")
            label_axes(self.plot, self.theme.palette.plot, step, left, self.scale)

    def _set_status(self, text: str) -> None:
        if text != self.status:
            self.status = text
            self.status_changed.emit(text)

    def moving_curves(self) -> list[pg.PlotDataItem]:
        return [self.curve, self.fired_curve]

    def rebuild(self) -> None:
        self._bins_range.forget()
        self._hist_y = None

    def apply_scale(self) -> None:
        colours = self.theme.palette.plot
        self.widget.setBackground(colours.ground)
        style_plot(
            self.plot, colours, self.scale, translate("SparsityPanel", "Active hidden neurons")
        )
        style_plot(self.hist, colours, self.scale, translate("SparsityPanel", "Hidden outputs now"))
        self.curve.setPen(pg.mkPen(PALETTE[2], width=2 * self.scale))
        dashed = pg.mkPen(PALETTE[0], width=2 * self.scale, style=Qt.PenStyle.DashLine)
        self.fired_curve.setPen(dashed)
        self.key.restyle(colours, self.scale)
        for item in (self.band_label, self.empty_label, self.silent_label):
            item.setFont(font(self.scale))
        style_text(self.band_label, colours.ink, colours.box(200))
        style_text(self.empty_label, colours.ink_soft)
        style_text(self.silent_label, colours.ink_soft)
        self._percent_ticks(True)
        self._band_room = None  # the ticks are chosen again for the new font

    def _percent_ticks(self, every_quarter: bool) -> None:
        """0, 25 … 100 %, or 0, 50, 100 in a low plot: pyqtgraph drops the labels that
        would fill more than 80 % of the axis, and "100" would be the one to go."""
        values = (0, 25, 50, 75, 100) if every_quarter else (0, 50, 100)
        self.plot.getAxis("left").setTicks([[(v, f"{v}") for v in values], []])

    def csv_table(self) -> tuple[Sequence[str], list[Sequence[object]]]:
        sim = self.clock.simulation
        active = sim.active.data()
        return (
            ["t", "active_percent"],
            [[int(t), float(100.0 * a)] for t, a in zip(sim.times.data(), active, strict=True)],
        )


def _text_height(item: pg.TextItem) -> float:
    """A text item's height on screen, in pixels (it is not scaled with the plot)."""
    return float(item.textItem.boundingRect().height())


def _ticks(lo: float, hi: float, most: int) -> list[tuple[float, str]]:
    """Ticks in [lo, hi] at a round (1-2-5) step: at most ``most`` intervals."""
    raw = (hi - lo) / most
    power = 10.0 ** np.floor(np.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw * 0.999)
    first = np.ceil(lo / step - 1e-9) * step
    values = np.arange(first, hi + step * 1e-6, step)
    return [(float(v), f"{v:g}") for v in np.round(values, 10) + 0.0]  # + 0.0: no "-0"
