"""Compare activations' results: every run's loss curve, and a table of the figures a
lesson quotes (epochs to 95 % accuracy, epochs to the loss target), the cost of one
evaluation and why a run could not learn.

The legend is a column beside the plot, so it never covers a curve. A run that diverged is
drawn dashed and marked in the legend, and the loss axis is fitted to the other runs: its
loss (a thousand times the start, or more) would flatten every other curve.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.activation_cost import REPEATS, VALUES
from neurosim.core.activations import REGISTRY
from neurosim.core.compare import TARGET_ACCURACY, RunResult
from neurosim.ui.core_text import activation_title, core_text
from neurosim.ui.i18n import translate
from neurosim.ui.plots.style import PALETTE, label_axes, style_legend, style_plot
from neurosim.ui.theme import Palette

# Two-line headers: at the dialog's first size every column fits without scrolling.
# (title, tip), translated where shown (:func:`columns`): {accuracy}, {values} and
# {repeats} are filled in then.
COLUMNS = (
    (
        QT_TRANSLATE_NOOP("CompareResults", "Activation"),
        QT_TRANSLATE_NOOP("CompareResults", "Hidden neurons' activation in this run"),
    ),
    (
        QT_TRANSLATE_NOOP("CompareResults", "Epochs to\n{accuracy} acc."),
        QT_TRANSLATE_NOOP(
            "CompareResults",
            "First epoch whose accuracy on the training rows is {accuracy} or more "
            "(— : never; regression data has no accuracy)",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("CompareResults", "Epochs to\nloss target"),
        QT_TRANSLATE_NOOP(
            "CompareResults", "First epoch whose loss is at or below the target loss (— : never)"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("CompareResults", "Final\nloss"),
        QT_TRANSLATE_NOOP("CompareResults", "Loss after the last epoch"),
    ),
    (
        QT_TRANSLATE_NOOP("CompareResults", "Accuracy"),
        QT_TRANSLATE_NOOP(
            "CompareResults", "Share of training rows classified right after the last epoch"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("CompareResults", "Mean\nsparsity"),
        QT_TRANSLATE_NOOP(
            "CompareResults", "Hidden outputs silent (y = 0), averaged over neurons and rows"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("CompareResults", "Dead\nneurons"),
        QT_TRANSLATE_NOOP(
            "CompareResults",
            "ReLU neurons silent for every row at the end: they no longer learn (hover for ids)",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("CompareResults", "ns per\nvalue"),
        QT_TRANSLATE_NOOP(
            "CompareResults",
            "Time to apply the activation to one value: measured on this machine with numpy "
            "over {values} values, the median of {repeats} repeats",
        ),
    ),
    (
        QT_TRANSLATE_NOOP("CompareResults", "Wall\ntime"),
        QT_TRANSLATE_NOOP("CompareResults", "How long the run took"),
    ),
    (
        QT_TRANSLATE_NOOP("CompareResults", "Note"),
        QT_TRANSLATE_NOOP(
            "CompareResults",
            "Why a run stopped early or learns little (the whole reason is below the table)",
        ),
    ),
)
NOTE = len(COLUMNS) - 1
DEAD = 6
COST_CAPTION = QT_TRANSLATE_NOOP(
    "CompareResults",
    "ns per value: what one evaluation of the activation costs, measured just now on this "
    "machine with numpy (median of several repeats). A guide to relative cost, not a "
    "benchmark: other hardware and libraries give other figures.",
)


def columns() -> list[tuple[str, str]]:
    """(title, tip) of each column of the table, in the window's language."""
    values = {
        "accuracy": f"{TARGET_ACCURACY:.0%}",
        "values": f"{VALUES:,}",
        "repeats": REPEATS,
    }
    found = []
    for title, tip in COLUMNS:
        title = translate("CompareResults", title).format(
            accuracy=values["accuracy"].replace("%", " %")
        )
        found.append((title, translate("CompareResults", tip).format(**values)))
    return found


class CompareResults(QWidget):
    """The plot, the table and Open this run of Compare activations."""

    def __init__(self, palette: Palette, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.results: list[RunResult] = []
        self.plot_widget = pg.GraphicsLayoutWidget()
        self.plot = self.plot_widget.addPlot(0, 0, enableMenu=False)
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).enableAutoSIPrefix(False)
        self.legend = pg.LegendItem(frame=False)
        self.plot_widget.addItem(self.legend, 0, 1)  # beside the plot: it never hides a curve
        self.plot_widget.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)
        self.plot.setLogMode(y=True)
        self.log = QCheckBox(translate("CompareResults", "log scale"), self)
        self.log.setChecked(True)
        self.log.toggled.connect(self._on_log_toggled)
        self.table = self._build_table()
        # The selected run's note in full: the table's Note column has room for a few words.
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.RichText)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.cost_caption = QLabel(translate("CompareResults", COST_CAPTION), self)
        self.cost_caption.setWordWrap(True)
        self.open_button = QPushButton(translate("CompareResults", "Open this run"), self)
        self.open_button.setToolTip(
            translate(
                "CompareResults",
                "Replace the open network by the selected run's trained "
                "network (asks to save changes first)",
            )
        )
        self.open_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(self._on_selected)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.log)
        layout.addWidget(self.plot_widget, 3)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.note)
        layout.addWidget(self.cost_caption)
        layout.addWidget(self.open_button)
        self.apply_theme(palette)
        self.note.hide()

    def _build_table(self) -> QTableWidget:
        table = QTableWidget(0, len(COLUMNS), self)
        shown = columns()
        table.setHorizontalHeaderLabels([title for title, _tip in shown])
        for column, (_title, tip) in enumerate(shown):
            table.horizontalHeaderItem(column).setToolTip(tip)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _on_selected(self) -> None:
        run = self.selected_run()
        self.open_button.setEnabled(run is not None)
        text = core_text(run.error or run.note) if run is not None else ""
        if run is not None and text:
            title = html.escape(activation_title(REGISTRY[run.activation]))
            self.note.setText(f"<b>{title}:</b> {html.escape(_sentence(text))}")
        self.note.setVisible(bool(text))

    def apply_theme(self, palette: Palette) -> None:
        colours = palette.plot
        self.plot_widget.setBackground(colours.ground)
        style_plot(self.plot, colours, 1.0, translate("CompareResults", "Loss per epoch"))
        label_axes(
            self.plot,
            colours,
            translate("CompareResults", "epoch"),
            translate("CompareResults", "loss"),
        )
        style_legend(self.legend, colours)
        self.cost_caption.setStyleSheet(f"QLabel {{ color: {palette.text_soft}; }}")

    # ------------------------------------------------------------- results
    def show_results(self, results: list[RunResult]) -> None:
        self.results = results
        self.plot.clear()
        self.legend.clear()
        for i, run in enumerate(results):
            if not run.losses:
                continue
            style = Qt.PenStyle.DashLine if run.diverged else Qt.PenStyle.SolidLine
            pen = pg.mkPen(PALETTE[i % len(PALETTE)], width=2, style=style)
            curve = self.plot.plot(
                range(0, len(run.losses) + 1),
                [run.initial_loss, *run.losses],
                pen=pen,
                antialias=True,
                connect="finite",
            )
            title = activation_title(REGISTRY[run.activation])
            if run.diverged:
                title = translate("CompareResults", "{name} — diverged").format(name=title)
            self.legend.addItem(curve, title)
        # As tall as its rows: stretched to the plot's height, each label would float
        # far from its sample.
        self.legend.setMaximumHeight(max(1, len(self.legend.items)) * 22 + 8)
        self.plot.enableAutoRange(axis="x")
        self._fit_y()
        self.table.setRowCount(len(results))
        for r, run in enumerate(results):
            for c, text in enumerate(row_texts(run)):
                item = QTableWidgetItem(text)
                if 0 < c < NOTE:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c == 0:  # the curve's colour: the table doubles as the legend
                    item.setData(Qt.ItemDataRole.DecorationRole, QColor(PALETTE[r % len(PALETTE)]))
                if c == NOTE and text:
                    item.setToolTip(text)
                if c == DEAD and run.dead:
                    item.setToolTip(", ".join(run.dead))
                self.table.setItem(r, c, item)
        if results:
            self.table.selectRow(0)
        self._on_selected()

    def _on_log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self._fit_y()

    def _fit_y(self) -> None:
        """Every curve that did not diverge in view (a diverged one runs off the top). On
        the log axis the range runs between round values (k·10ⁿ): losses within less than
        a decade would otherwise get no tick label."""
        kept = [run for run in self.results if run.losses and not run.diverged]
        runs = kept or [run for run in self.results if run.losses]
        values = np.array([v for run in runs for v in (run.initial_loss, *run.losses)], float)
        log = self.log.isChecked()
        values = values[np.isfinite(values) & ((values > 0) if log else True)]
        if not values.size:
            self.plot.enableAutoRange(axis="y")
            return
        lo, hi = float(values.min()), float(values.max())
        if log:
            lo, hi = round_value(lo, math.floor), round_value(hi, math.ceil)
            if hi <= lo:
                hi = 2.0 * lo
            self.plot.setYRange(math.log10(lo), math.log10(hi), padding=0.02)
        else:
            self.plot.setYRange(min(0.0, lo), hi, padding=0.05)

    def selected_run(self) -> RunResult | None:
        rows = self.table.selectionModel().selectedRows()
        return self.results[rows[0].row()] if rows and rows[0].row() < len(self.results) else None


def row_texts(run: RunResult) -> list[str]:
    acc = run.final_accuracy
    return [
        activation_title(REGISTRY[run.activation]),
        _epochs(run.epochs_to_accuracy),
        _epochs(run.epochs_to_target),
        "—" if math.isnan(run.final_loss) else f"{run.final_loss:.4g}",
        "—" if acc is None else f"{acc:.1%}",
        f"{run.sparsity:.0%}",
        _dead(run.dead),
        _ns(run.cost_ns),
        f"{run.seconds:.2f} s",
        short_note(run),
    ]


def _dead(ids: list[str]) -> str:
    """The count, and the ids when they are few (all of them in the cell's tooltip)."""
    return f"{len(ids)} ({', '.join(ids)})" if 0 < len(ids) <= 2 else str(len(ids))


def _ns(value: float) -> str:
    """Two significant figures, never in e-notation: 0.51, 8.7, 160, 1300."""
    if math.isnan(value):
        return "—"
    return f"{value:.2g}" if value < 100 else f"{round(value, -len(str(int(value))) + 2):.0f}"


def _epochs(value: int | None) -> str:
    return "—" if value is None else str(value)


def short_note(run: RunResult) -> str:
    """A few words for the Note column; the whole reason shows below the table."""
    if run.diverged:
        return translate("CompareResults", "Diverged: lr too big")
    if run.error:
        return _sentence(core_text(run.error).split(":")[0].split(" — ")[0])
    if run.note:
        return translate("CompareResults", "Step: gradient 0")
    return ""


def _sentence(text: str) -> str:
    return text[:1].upper() + text[1:] if text.startswith(("the ", "training ")) else text


def round_value(value: float, direction: Callable[[float], float]) -> float:
    """``value`` rounded to k·10ⁿ (k whole) by ``direction`` (math.floor or math.ceil):
    0.23 → 0.2 or 0.3, 0.0071 → 0.007 or 0.008."""
    unit = 10.0 ** math.floor(math.log10(value))
    return direction(value / unit) * unit
