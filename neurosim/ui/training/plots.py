"""Training curves: loss, accuracy and the gradient flowing into each level, epoch by epoch.

The gradient-flow plot has one colour per level on a log axis — "level 1 (nearest the
inputs)" to the outputs — so vanishing gradients in a deep sigmoid chain show as curves
decades apart: each level's raw norms are drawn faint, their trend (geometric mean of the
last 10 epochs) bold. A line above the plots counts the dead ReLU neurons. Items are built
once; each redraw only calls ``setData`` (at most once per frame, see PlotPanel).

Curves are drawn without antialiasing: a noisy curve stroked 2 px wide with antialiasing
costs ~6 ms per repaint, without it ~0.3 ms.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor, QFontMetricsF
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from neurosim.ui.clock import SimulationClock
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.plots.axes import stable_axes
from neurosim.ui.plots.base import PlotPanel
from neurosim.ui.plots.style import PALETTE, AxisRange, hide_title, style_legend, style_plot
from neurosim.ui.theme import Theme
from neurosim.ui.training import plots_grid
from neurosim.ui.training.curves import smoothed_log
from neurosim.ui.training.plots_grid import GRADIENTS, LOSS, NAMES, TABS
from neurosim.ui.training.session import TrainingSession

TRAIN, TEST = PALETTE[0], PALETTE[1]
SMOOTHING = 10  # epochs in the bold gradient trend
WIDE = 760  # px (times the presentation scale): full legend texts from this width
TABS_CHROME = 130  # px (times the scale) of a TABS panel not beside the legend: rows, axis
TICK_GAP = 10  # px (times the scale) at least between two epoch numbers
DEAD_TIP = QT_TRANSLATE_NOOP(
    "TrainingPlots",
    "Dead ReLUs output 0 for every training row: no gradient reaches their weights, "
    "so training never brings them back. They are marked ✕ on the canvas.",
)
KEY_TIP = QT_TRANSLATE_NOOP(
    "TrainingPlots",
    "Loss and accuracy on the rows trained on, and on the rows held out to test (never trained on)",
)


def level_name(level: int, levels: int, compact: bool = False) -> str:
    """Legend text of gradient level ``level`` (0-based) of ``levels``; ``compact`` for a
    narrow panel ("1 · inputs" instead of "level 1 (nearest the inputs)")."""
    first, last, n = level == 0, level == levels - 1, level + 1
    if compact:
        if first and levels > 1:
            return translate("TrainingPlots", "{level} · inputs").format(level=n)
        return translate("TrainingPlots", "{level} · outputs").format(level=n) if last else f"{n}"
    if levels == 1:
        return translate("TrainingPlots", "level 1 (the outputs)")
    if first:
        return translate("TrainingPlots", "level 1 (nearest the inputs)")
    if last:
        return translate("TrainingPlots", "level {level} (outputs)").format(level=n)
    return translate("TrainingPlots", "level {level}").format(level=n)


def epoch_ticks(x_max: float, room: int) -> list[tuple[float, str]]:
    """At most ``room`` round epoch numbers from 0 to ``x_max`` (steps 1, 2 or 5 × 10ᵏ)."""
    step = 1.0
    while x_max / step > room:
        for factor in (2.0, 2.5, 2.0):  # 1 → 2 → 5 → 10 → 20 …
            step *= factor
            if x_max / step <= room:
                break
    return [(float(v), f"{v:g}") for v in np.arange(0.0, x_max + 1e-9, step)]


def level_key(levels: int) -> str:
    """The gradient levels' colours in one line of rich text, inputs to outputs (the key
    of a panel too short for the legend beside the plot)."""
    parts = [
        f"<span style='color:{PALETTE[level % len(PALETTE)]}'><b>━━</b></span>&nbsp;{level + 1}"
        for level in range(levels)
    ]
    inputs = translate("TrainingPlots", "inputs", "the levels' key: inputs 1 2 3 outputs")
    outputs = translate("TrainingPlots", "outputs", "the levels' key: inputs 1 2 3 outputs")
    return f"{inputs}&nbsp;&nbsp;" + "&nbsp;&nbsp;".join(parts) + f"&nbsp;&nbsp;{outputs}"


def dead_text(dead: Sequence[str]) -> str:
    if not dead:
        return ""
    n = len(dead)  # (a name: lupdate skips a call whose count is a call)
    return translate("TrainingPlots", "%n dead ReLU(s): {ids}", "", n).format(ids=", ".join(dead))


def key_text() -> str:
    """The train and test curves' key: the line samples in the curves' colours, the words
    in the text's (readable on any ground)."""
    train = translate("TrainingPlots", "train", "the curve of the training rows")
    test = translate("TrainingPlots", "test", "the curve of the test rows")
    return (
        f"<span style='color:{TRAIN}'><b>━━</b></span> {train}&nbsp;&nbsp;"
        f"<span style='color:{TEST}'><b>╍╍</b></span> {test}"
    )


class TrainingPlots(PlotPanel):
    title = QT_TRANSLATE_NOOP("PlotPanel", "Training")
    file_stem = "training"
    follows_evaluations = False  # its curves change with the epochs (progressed), only

    def __init__(
        self,
        session: TrainingSession,
        document: Document,
        clock: SimulationClock,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(document, clock, parent, theme=theme)
        self.session = session
        self.log_loss = QCheckBox(translate("TrainingPlots", "log scale"), self)
        self.log_loss.setToolTip(
            translate(
                "TrainingPlots", "Loss on a logarithmic axis: late, small improvements stay visible"
            )
        )
        self.key = QLabel(key_text(), self)
        self.key.setToolTip(translate("TrainingPlots", KEY_TIP))
        self.dead_label = QLabel(self)
        self.dead_label.setToolTip(translate("TrainingPlots", DEAD_TIP))
        self.dead_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.widget = pg.GraphicsLayoutWidget()
        # In a small panel one plot at a time, full size, chosen here (see plots_grid).
        self.tabs = QTabBar(self)
        for name in NAMES:
            self.tabs.addTab(translate("TrainingPlots", name))
        self.tabs.setExpanding(False)
        self.tabs.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # Left/Right after a click
        self.tabs.setToolTip(
            translate("TrainingPlots", "Which training curve to show (Left/Right keys switch)")
        )
        self.tabs.hide()
        self.mode = plots_grid.ROW
        self.current = LOSS
        self._legend_beside = True
        self.loss_plot = self._plot(0)
        self.acc_plot = self._plot(1)
        self.grad_plot = self._plot(2)
        self.grad_plot.setLogMode(y=True)
        self.acc_plot.setYRange(0, 1.02, padding=0)
        self.acc_plot.getAxis("left").setTicks(
            [[(v, f"{v:.0%}") for v in (0, 0.25, 0.5, 0.75, 1)], []]
        )
        self.grad_legend = pg.LegendItem(frame=False)
        self.widget.addItem(self.grad_legend, 0, 3)  # beside the plot: it never hides a curve
        self.widget.ci.layout.setAlignment(self.grad_legend, Qt.AlignmentFlag.AlignVCenter)
        layout = self.widget.ci.layout
        for column, stretch in enumerate(plots_grid.ROW_STRETCH):
            layout.setColumnStretchFactor(column, stretch)
        self.curves = {
            (plot, name): self._curve(plot, colour, dashed)
            for plot in (self.loss_plot, self.acc_plot)
            for name, colour, dashed in (("train", TRAIN, False), ("test", TEST, True))
        }
        self.grad_curves: list[pg.PlotDataItem] = []  # the bold trends, one per level
        self.grad_raw: list[pg.PlotDataItem] = []
        # At least two decades of gradient: a narrower log axis labels every minor tick.
        self._ranges = {"loss": AxisRange(1e-3), "grad": AxisRange(2.0)}
        self._x_max = -1.0
        self._drawn = (-1, -1)  # (epochs, levels) last drawn
        top = QHBoxLayout()
        top.setContentsMargins(6, 2, 6, 0)
        top.addWidget(self.log_loss)
        top.addSpacing(16)
        top.addWidget(self.key)
        top.addSpacing(12)
        top.addWidget(self.dead_label, 1)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addLayout(top)
        box.addWidget(self.tabs)
        box.addWidget(self.widget, 1)
        self.tabs.currentChanged.connect(self._on_tab)
        for plot in (self.loss_plot, self.acc_plot, self.grad_plot):
            plot.getViewBox().sigResized.connect(self._space_ticks)
        self.log_loss.toggled.connect(self._on_log_toggled)
        session.progressed.connect(self.schedule)
        session.curves_cleared.connect(self._on_cleared)
        self.restyle()

    @property
    def view(self) -> pg.GraphicsView:
        return self.widget

    def _plot(self, column: int) -> pg.PlotItem:
        """A plot whose title names its y axis (an axis label would cost a narrow dock)."""
        plot = self.widget.addPlot(0, column, axisItems=stable_axes(), enableMenu=False)
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.disableAutoRange()
        plot.getViewBox().setMouseEnabled(False, False)
        plot.showGrid(x=True, y=True, alpha=0.15)
        for name in ("bottom", "left"):
            plot.getAxis(name).enableAutoSIPrefix(False)  # no "(x0.001)" beside the label
        plot.setXRange(0, 10, padding=0)
        plot.setLabel(
            "bottom", translate("TrainingPlots", "epoch"), color=self.theme.palette.plot.ink
        )
        return plot

    def _curve(self, plot: pg.PlotItem, colour: str, dashed: bool) -> pg.PlotDataItem:
        style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
        curve = plot.plot(pen=pg.mkPen(colour, width=2, style=style), antialias=False)
        curve.setDownsampling(auto=True, method="peak")
        curve.setClipToView(True)
        return curve

    # ----------------------------------------------------------------- drawing
    def redraw(self) -> None:
        c = self.session.curves
        if (len(c), c.levels) == self._drawn:
            return
        self._drawn = (len(c), c.levels)
        self._build_grad_curves(c.levels)
        epochs = c.epoch
        for (plot, name), curve in self.curves.items():
            values = getattr(c, f"{name}_{'loss' if plot is self.loss_plot else 'accuracy'}")
            if np.isnan(values).all():
                curve.setData([], [])
            else:
                curve.setData(epochs, values, connect="finite")
        trends = []
        for level, (raw, trend) in enumerate(zip(self.grad_raw, self.grad_curves, strict=True)):
            values = c.gradient(level)
            raw.setData(epochs, values, connect="finite")
            trends.append(smoothed_log(values, SMOOTHING))
            trend.setData(epochs, trends[-1], connect="finite")
        text = dead_text(c.dead)
        if text != self.dead_label.text():
            self.dead_label.setText(text)
            tip = translate("TrainingPlots", DEAD_TIP)
            self.dead_label.setToolTip(f"{text}\n\n{tip}" if text else tip)
        self._fit(len(epochs), c, trends)

    def _fit(self, n: int, c, trends: list[np.ndarray]) -> None:
        if n > self._x_max or self._x_max < 0:  # grows in steps: few axis re-layouts
            self._x_max = max(10.0, 1.5 * n)
            for plot in (self.loss_plot, self.acc_plot, self.grad_plot):
                plot.setXRange(0, self._x_max, padding=0)
                self._space_ticks(plot.getViewBox())
        losses = np.concatenate((c.train_loss, c.test_loss))
        self._fit_y(self.loss_plot, "loss", losses, self.log_loss.isChecked())
        # The trends set the range: a rare spike of the raw norms may leave the plot.
        self._fit_y(self.grad_plot, "grad", np.concatenate(trends or [np.zeros(0)]), True)

    def _space_ticks(self, box: pg.ViewBox) -> None:
        """As many epoch numbers as fit the plot's width with the tick font's widest
        label and a gap: "500 1000", never "5001000"."""
        plot = next(p for p in (self.loss_plot, self.acc_plot, self.grad_plot) if p.vb is box)
        axis = plot.getAxis("bottom")
        x_max = max(self._x_max, 10.0)
        metrics = QFontMetricsF(axis.style.get("tickFont") or axis.font())
        label = metrics.horizontalAdvance(f"{x_max:g}") + TICK_GAP * self.scale
        intervals = max(1, int(box.width() / label)) if box.width() > 0 else 1
        ticks = [epoch_ticks(x_max, intervals), []]
        if getattr(axis, "epoch_ticks", None) != ticks:
            axis.epoch_ticks = ticks
            axis.setTicks(ticks)

    def _fit_y(self, plot: pg.PlotItem, key: str, values: np.ndarray, log: bool) -> None:
        values = values[np.isfinite(values)]
        if log:
            values = values[values > 0]
            values = np.log10(values) if values.size else values
        if not values.size:
            return
        lo, hi = float(values.min()), float(values.max())
        if not log:
            lo = min(lo, 0.0)
        found = self._ranges[key].fit(lo, hi)
        if found is not None:
            plot.setYRange(*found, padding=0)

    def _build_grad_curves(self, levels: int) -> None:
        if levels == len(self.grad_curves):
            return
        for curve in self.grad_curves + self.grad_raw:
            self.grad_plot.removeItem(curve)
        self.grad_legend.clear()
        self.grad_curves, self.grad_raw = [], []
        for level in range(levels):
            colour = QColor(PALETTE[level % len(PALETTE)])
            faint = QColor(colour)
            faint.setAlpha(70)
            raw = self.grad_plot.plot(pen=pg.mkPen(faint, width=1), antialias=False)
            trend = self.grad_plot.plot(pen=pg.mkPen(colour, width=2 * self.scale), antialias=False)
            for curve in (raw, trend):
                curve.setDownsampling(auto=True, method="peak")
                curve.setClipToView(True)
            self.grad_raw.append(raw)
            self.grad_curves.append(trend)
        # Outputs on top, as their curve usually is: the legend reads like the plot.
        for level in reversed(range(levels)):
            self.grad_legend.addItem(
                self.grad_curves[level], level_name(level, levels, self._compact())
            )
        self._fit_legend()
        self._reflow()  # the legend beside the gradients, or their key above them

    def _compact(self) -> bool:
        return self.width() < WIDE * self.scale

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._reflow()
        self._x_max, self._drawn = -1.0, (-1, -1)  # new tick labels for the new width
        self.schedule()
        items, compact = self.grad_legend.items, self._compact()
        n = len(items)
        texts = [level_name(n - 1 - i, n, compact) for i in range(n)]
        if [label.text for _s, label in items] != texts:
            for (_sample, label), text in zip(items, texts, strict=True):
                label.setText(text)
            self._fit_legend()
        self._titles()

    def _legend_columns(self, room: float) -> tuple[int, float, float]:
        """(columns, width, height) of the legend in ``room`` px of height: as many
        columns as it takes for its rows to fit (a clipped legend hides levels)."""
        items = self.grad_legend.items
        if not items:
            return 1, 0.0, 0.0
        width = max(label.boundingRect().width() for _s, label in items) + 40 * self.scale
        row = max(max(20.0, label.boundingRect().height()) for _s, label in items)
        columns = 1
        while columns < len(items) and -(-len(items) // columns) * row + 24 > room:
            columns += 1
        return columns, columns * width, -(-len(items) // columns) * row + 24

    def _fit_legend(self) -> None:
        """The legend's column as wide as its entries (a layout would squeeze it), in as
        many columns as the row's height needs; beside the plot, never over a curve."""
        grid = self.widget.ci.layout
        cells = self.widget.ci.items.get(self.grad_legend, [])
        room = self.grad_plot.getViewBox().height() or self.widget.height()
        columns, width, height = self._legend_columns(max(room, 40.0))
        self.grad_legend.setColumnCount(columns)
        for column in range(4):  # only the legend's column has a fixed width
            fixed = bool(cells) and column == cells[0][1]
            grid.setColumnMinimumWidth(column, width if fixed else 0)
            grid.setColumnMaximumWidth(column, width if fixed else 1e6)
        # As tall as its rows, centred: stretched, each label would sit above its sample.
        self.grad_legend.setMaximumHeight(height)

    def _on_log_toggled(self, on: bool) -> None:
        self.loss_plot.setLogMode(y=on)
        self._ranges["loss"].forget()
        self._drawn = (-1, -1)
        self.schedule()

    def _on_cleared(self) -> None:
        for r in self._ranges.values():
            r.forget()
        self._x_max = -1.0
        self._drawn = (-1, -1)
        self.schedule()

    def _reflow(self) -> None:
        """Plots in a row, in two rows, or as tabs over one plot (see plots_grid)."""
        _columns, legend_width, _height = self._legend_columns(self.height() / 2)
        self.mode = plots_grid.arrangement(self.width(), self.height(), self.scale, legend_width)
        self.tabs.setVisible(self.mode == TABS)
        plots = (self.loss_plot, self.acc_plot, self.grad_plot)
        # in TABS the legend sits beside the gradients only if it fits their height in
        # a column of at most a third of the width
        _c, beside_width, _h = self._legend_columns(self.height() - TABS_CHROME * self.scale)
        self._legend_beside = beside_width <= self.width() / 3
        self._show_key()
        grid, legend = self.widget.ci, self.grad_legend
        if plots_grid.place(grid, plots, legend, self.mode, self.current, self._legend_beside):
            self._titles()
            self._fit_legend()
            # The layout keeps its old size until the view's next resize: fill the view now.
            self.widget.ci.setGeometry(self.widget.range)

    def _titles(self) -> None:
        """Each plot's title names its y axis; in TABS the tab says it, so none is drawn."""
        colours = self.theme.palette.plot
        for plot, title in zip(
            (self.loss_plot, self.acc_plot, self.grad_plot), self._plot_titles(), strict=True
        ):
            hidden = self.mode == TABS
            if getattr(plot, "title_hidden", False) != hidden:
                hide_title(plot, hidden)
            if not hidden and getattr(plot, "full_title", ("",))[0] != title:
                style_plot(plot, colours, self.scale, title)

    def _plot_titles(self) -> tuple[str, str, str]:
        """The loss, accuracy and gradient plots' titles (the last one short when narrow)."""
        gradients = (
            translate("TrainingPlots", "Gradients")
            if self._compact()
            else translate("TrainingPlots", "Gradient flow per level")
        )
        return translate("TrainingPlots", "Loss"), translate("TrainingPlots", "Accuracy"), gradients

    def _on_tab(self, index: int) -> None:
        self.current = index
        if self.mode == TABS:
            self._reflow()

    def _show_key(self) -> None:
        """The row of controls for what is shown: in TABS only the shown plot's (the
        loss's log scale on Loss; on Gradients the levels' key when no legend is beside)."""
        tabs = self.mode == TABS
        self.log_loss.setVisible(not tabs or self.current == LOSS)
        levels_key = tabs and self.current == GRADIENTS and not self._legend_beside
        text = level_key(len(self.grad_curves)) if levels_key else key_text()
        if self.key.text() != text:
            self.key.setText(text)
            self.key.setToolTip(
                translate(
                    "TrainingPlots",
                    "The gradient flowing into each level, from the inputs to the outputs",
                )
                if levels_key
                else translate("TrainingPlots", KEY_TIP)
            )

    def show_first(self, panel: int) -> None:
        """The plot shown first when only one fits (a lesson about gradients: GRADIENTS)."""
        self.current = panel
        self.tabs.setCurrentIndex(panel)
        self._reflow()

    def apply_scale(self) -> None:
        palette = self.theme.palette
        colours = palette.plot
        self.widget.setBackground(colours.ground)
        for plot, title in zip(
            (self.loss_plot, self.acc_plot, self.grad_plot), self._plot_titles(), strict=True
        ):
            style_plot(plot, colours, self.scale, title)  # hidden again by _titles in TABS
        self._titles()
        size = f"font-size: {9 * self.scale:.1f}pt;"  # read from the back row in presentation
        self.tabs.setStyleSheet(f"QTabBar {{ {size} }}")
        self.key.setStyleSheet(f"QLabel {{ {size} }}")
        self.grad_legend.setLabelTextSize(f"{8.5 * self.scale:.1f}pt")
        style_legend(self.grad_legend, colours)
        self.dead_label.setStyleSheet(f"QLabel {{ color: {palette.error}; font-weight: bold; }}")
        self._fit_legend()
        for curve in [*self.curves.values(), *self.grad_curves]:
            pen = pg.mkPen(curve.opts["pen"])
            pen.setWidthF(2 * self.scale)
            curve.setPen(pen)
        self._drawn = (-1, -1)
        self._reflow()  # larger type takes more room

    def csv_table(self) -> tuple[Sequence[str], list[Sequence[object]]]:
        c = self.session.curves
        header = [
            "epoch",
            "train_loss",
            "test_loss",
            "train_accuracy",
            "test_accuracy",
            *(f"grad_level_{i + 1}" for i in range(c.levels)),
        ]
        columns = [
            c.epoch,
            c.train_loss,
            c.test_loss,
            c.train_accuracy,
            c.test_accuracy,
            *(c.gradient(i) for i in range(c.levels)),
        ]
        return header, [list(row) for row in zip(*columns, strict=True)]
