"""Compare activations: train the open architecture once per activation, in the background.

The runs use :func:`neurosim.core.compare.compare_activations` on a copy of the network in a
QThread (core objects only; results come back by signal), with the Train panel's data and
settings. Then one plot shows every loss curve and a table the final figures; any run's
trained network can be opened.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QThread
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.activations import REGISTRY
from neurosim.core.compare import RunResult, compare_activations
from neurosim.core.model import Network
from neurosim.ui.number_box import NumberBox
from neurosim.ui.plots.style import PALETTE, label_axes, style_legend, style_plot
from neurosim.ui.theme import Palette, Theme
from neurosim.ui.training.compare_worker import CompareWorker
from neurosim.ui.training.session import TrainingSession

DEFAULT_CHOICE = ("step", "sigmoid", "tanh", "relu", "leaky_relu")
# Two-line headers: at the dialog's first size every column fits without scrolling.
COLUMNS = (
    "Activation",
    "Final\nloss",
    "Accuracy",
    "Epochs to\ntarget",
    "Mean\nsparsity",
    "Dead\nneurons",
    "Wall\ntime",
    "Note",
)
COLUMN_TIPS = (
    "Hidden neurons' activation in this run",
    "Loss after the last epoch",
    "Share of training rows classified right after the last epoch",
    "First epoch whose loss is at or below the target loss (— : never)",
    "Hidden outputs silent (y = 0), averaged over neurons and rows",
    "ReLU neurons silent for every row at the end: they no longer learn",
    "How long the run took",
    "Why a run stopped early",
)


class CompareDialog(QDialog):
    """``open_network(network)`` opens a run's trained copy (e.g. asks to save first).

    The plot takes its colours from ``theme`` (None: a light theme of its own), now and
    whenever the theme changes.
    """

    def __init__(
        self,
        session: TrainingSession,
        open_network: Callable[[Network], object],
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Compare activations")
        self.session, self.open_network = session, open_network
        self.theme = theme if theme is not None else Theme(parent=self)
        self.results: list[RunResult] = []
        self.thread: QThread | None = None
        self.worker: CompareWorker | None = None
        self._build()
        self._apply_theme(self.theme.palette)
        self.theme.changed.connect(self._apply_theme)
        self.resize(1000, 640)
        self.refresh()

    # -------------------------------------------------------------- building
    def _build(self) -> None:
        self.choices = QListWidget(self)
        self.choices.setToolTip(
            "Hidden neurons get each ticked activation in turn; outputs keep theirs"
        )
        for name, act in REGISTRY.items():
            item = QListWidgetItem(f"{act.title}", self.choices)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{act.formula} — {act.description}")
            item.setCheckState(
                Qt.CheckState.Checked if name in DEFAULT_CHOICE else Qt.CheckState.Unchecked
            )
        self.epochs = QSpinBox(self)
        self.epochs.setRange(1, 100_000)
        self.epochs.setValue(300)
        self.epochs.setToolTip("Epochs each run trains")
        self.target = NumberBox(self, minimum=0.0, maximum=100.0, value=0.05, decimals=4, step=0.01)
        self.target.setSpecialValueText("none")
        self.target.setToolTip("The table counts the epochs each run needs to reach this loss")
        self.setup = QLabel(self)
        self.setup.setWordWrap(True)
        self.run_button = QPushButton("Run", self)
        self.run_button.setDefault(True)
        self.run_button.setToolTip("Train one copy per ticked activation from the same seed")
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setToolTip("Stop; the finished runs stay in the table")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        left = QWidget(self)
        form = QFormLayout(left)
        form.addRow(QLabel("Activations", self))
        form.addRow(self.choices)
        form.addRow("Epochs", self.epochs)
        form.addRow("Target loss", self.target)
        form.addRow(self.setup)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        form.addRow(row)
        form.addRow(self.progress)
        form.addRow(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        splitter.addWidget(self._build_results())
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([260, 740])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)

    def _build_results(self) -> QWidget:
        box = QWidget(self)
        self.plot_widget = pg.PlotWidget()
        self.plot = self.plot_widget.getPlotItem()
        self.plot.setMenuEnabled(False)
        self.plot.showGrid(x=True, y=True, alpha=0.15)
        for name in ("left", "bottom"):
            self.plot.getAxis(name).enableAutoSIPrefix(False)
        self.plot.addLegend(offset=(-8, 8))
        label_axes(self.plot, self.theme.palette.plot, "epoch", "loss")
        self.plot.setLogMode(y=True)
        self.log = QCheckBox("log scale", self)
        self.log.setChecked(True)
        self.log.toggled.connect(self._on_log_toggled)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setHorizontalHeaderLabels(COLUMNS)
        for column, tip in enumerate(COLUMN_TIPS):
            self.table.horizontalHeaderItem(column).setToolTip(tip)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.open_button = QPushButton("Open this run", self)
        self.open_button.setToolTip(
            "Replace the open network by the selected run's trained "
            "network (asks to save changes first)"
        )
        self.open_button.setEnabled(False)
        self.table.itemSelectionChanged.connect(
            lambda: self.open_button.setEnabled(self.selected_run() is not None)
        )
        self.table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.log)
        layout.addWidget(self.plot_widget, 3)
        layout.addWidget(self.table, 2)
        layout.addWidget(self.open_button)
        return box

    def _apply_theme(self, palette: Palette) -> None:
        colours = palette.plot
        self.plot_widget.setBackground(colours.ground)
        style_plot(self.plot, colours, 1.0, "Loss per epoch")
        style_legend(self.plot.legend, colours, box=True)

    # ---------------------------------------------------------------- runs
    def chosen(self) -> list[str]:
        return [
            self.choices.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.choices.count())
            if self.choices.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, names: list[str]) -> None:
        for i in range(self.choices.count()):
            item = self.choices.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def refresh(self) -> None:
        """Show the Train panel's present data and settings."""
        s, data = self.session.settings, self.session.train_set
        if data is None:
            self.setup.setText("Choose data in the Train panel first.")
            self.run_button.setEnabled(False)
            return
        batch = "full batch" if not s.batch_size else f"batch {s.batch_size}"
        self.setup.setText(
            f"Data and settings from the Train panel: {data.name}, "
            f"{len(data)} training rows, {s.loss}, {s.optimizer}, lr {s.lr:g}, "
            f"{batch}, seed {s.seed}. Each run starts from fresh weights drawn "
            "with that seed."
        )
        self.run_button.setEnabled(self.thread is None)

    def start(self) -> bool:
        """Start the runs in the background; False (with the reason shown) if they cannot."""
        if self.thread is not None:
            return False
        self.refresh()
        data, s = self.session.train_set, self.session.settings
        names = self.chosen()
        if data is None or not names:
            self.status.setText(
                "Tick at least one activation."
                if data is not None
                else "Choose data in the Train panel first."
            )
            return False
        network = self.session.document.network.copy()  # the worker owns this copy
        target = self.target.value() or None
        epochs = self.epochs.value()

        def job(**callbacks):
            return compare_activations(
                network,
                data,
                names,
                epochs,
                target_loss=target,
                loss=s.loss,
                optimizer=s.optimizer,
                lr=s.lr,
                batch_size=s.batch_size or None,
                seed=s.seed,
                **callbacks,
            )

        self.worker = CompareWorker(job)
        self.thread = QThread(self)
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.progressed.connect(self._on_progress)
        self.worker.finished.connect(self._on_finished)
        self.worker.failed.connect(self._on_failed)
        self.progress.setRange(0, epochs * len(names))
        self.progress.setValue(0)
        self.status.setText("Training…")
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.thread.start()
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel_event.set()
            self.status.setText("Cancelling…")

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        self.status.setText(f"Training with {REGISTRY[name].title}… ({done} of {total} epochs)")

    def _on_finished(self, results: list[RunResult]) -> None:
        cancelled = self.worker is not None and self.worker.cancel_event.is_set()
        self._stop_thread()
        self.show_results(results)
        n = len(results)
        self.status.setText(
            f"Cancelled after {n} run{'s' if n != 1 else ''}."
            if cancelled
            else f"Done: {n} run{'s' if n != 1 else ''}."
        )

    def _on_failed(self, text: str) -> None:
        self._stop_thread()
        self.status.setText(text[:1].upper() + text[1:])

    def _stop_thread(self) -> None:
        if self.thread is not None:
            self.thread.quit()
            self.thread.wait()
            self.thread.deleteLater()
            self.worker.deleteLater()
        self.thread = self.worker = None
        self.cancel_button.setEnabled(False)
        self.refresh()

    @property
    def running(self) -> bool:
        return self.thread is not None

    # ------------------------------------------------------------- results
    def show_results(self, results: list[RunResult]) -> None:
        self.results = results
        self.plot.clear()
        self.plot.legend.clear()
        for i, run in enumerate(results):
            pen = pg.mkPen(PALETTE[i % len(PALETTE)], width=2)
            if run.losses:
                self.plot.plot(
                    range(0, len(run.losses) + 1),
                    [run.initial_loss, *run.losses],
                    pen=pen,
                    name=REGISTRY[run.activation].title,
                    antialias=True,
                )
        self.plot.enableAutoRange(axis="x")
        self._fit_y()
        self.table.setRowCount(len(results))
        for r, run in enumerate(results):
            for c, text in enumerate(_row(run)):
                item = QTableWidgetItem(text)
                if 0 < c < 7:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                if c == 0:  # the curve's colour: the table doubles as the legend
                    item.setData(Qt.ItemDataRole.DecorationRole, QColor(PALETTE[r % len(PALETTE)]))
                if c == 7 and run.error:
                    item.setToolTip(run.error)
                self.table.setItem(r, c, item)
        if results:
            self.table.selectRow(0)

    def _on_log_toggled(self, on: bool) -> None:
        self.plot.setLogMode(y=on)
        self._fit_y()

    def _fit_y(self) -> None:
        """Every curve in view. On the log axis the range runs between round values
        (k·10ⁿ): losses within less than a decade would otherwise get no tick label."""
        values = np.array(
            [v for run in self.results if run.losses for v in (run.initial_loss, *run.losses)],
            dtype=float,
        )
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

    def open_selected(self) -> None:
        run = self.selected_run()
        if run is None:
            return
        network = run.network.copy()
        title = network.meta.get("title") or "Network"
        network.meta["title"] = f"{title} — {REGISTRY[run.activation].title} run"
        self.open_network(network)

    def reject(self) -> None:  # Close / Esc: stop the worker first
        if self.thread is not None:
            self.cancel()
            self.thread.quit()
            self.thread.wait()
            self._stop_thread()
        super().reject()


def _row(run: RunResult) -> list[str]:
    acc = run.final_accuracy
    return [
        REGISTRY[run.activation].title,
        "—" if math.isnan(run.final_loss) else f"{run.final_loss:.4g}",
        "—" if acc is None else f"{acc:.1%}",
        "—" if run.epochs_to_target is None else str(run.epochs_to_target),
        f"{run.sparsity:.0%}",
        f"{len(run.dead)} ({', '.join(run.dead)})" if run.dead else "0",
        f"{run.seconds:.2f} s",
        run.error or "",
    ]


def round_value(value: float, direction: Callable[[float], float]) -> float:
    """``value`` rounded to k·10ⁿ (k whole) by ``direction`` (math.floor or math.ceil):
    0.23 → 0.2 or 0.3, 0.0071 → 0.007 or 0.008."""
    unit = 10.0 ** math.floor(math.log10(value))
    return direction(value / unit) * unit
