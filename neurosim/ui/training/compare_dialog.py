"""Compare activations: train the open architecture once per activation, in the background.

The runs use :func:`neurosim.core.compare.compare_activations` on a copy of the network in a
QThread (core objects only; results come back by signal), with the Train panel's data and
settings. Then one plot shows every loss curve and a table the final figures
(:mod:`.compare_results`); any run's trained network can be opened. The activations ticked
at first are the lesson's own list (``view.compare``); the results belong to one network
and one dataset, so editing the structure, opening another file or choosing other data
clears them.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QThread
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.activations import REGISTRY
from neurosim.core.compare import (
    RunResult,
    compare_activations,
    default_activations,
    default_epochs,
)
from neurosim.core.model import Network
from neurosim.ui.core_text import (
    activation_description,
    activation_formula,
    activation_title,
    localized,
)
from neurosim.ui.formula.listing import list_registry
from neurosim.ui.i18n import translate
from neurosim.ui.number_box import NumberBox
from neurosim.ui.theme import Palette, Theme
from neurosim.ui.training.compare_results import CompareResults, round_value
from neurosim.ui.training.compare_worker import CompareWorker
from neurosim.ui.training.session import TrainingSession

__all__ = ["CompareDialog", "round_value"]


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
        self.setWindowTitle(translate("CompareDialog", "Compare activations"))
        self.session, self.open_network = session, open_network
        self.theme = theme if theme is not None else Theme(parent=self)
        self.thread: QThread | None = None
        self.worker: CompareWorker | None = None
        self._stale = False  # the network changed while runs were training
        self._build()
        self._apply_theme(self.theme.palette)
        self.theme.changed.connect(self._apply_theme)
        screen = self.screen().availableGeometry() if self.screen() else None
        self.resize(
            min(1200, screen.width() - 40) if screen else 1200,
            min(700, screen.height() - 60) if screen else 700,
        )
        self.refresh()
        document = session.document
        document.network_replaced.connect(self._on_replaced)
        for name in ("neuron_added", "neuron_removed", "synapse_added", "synapse_removed"):
            getattr(document, name).connect(self._on_changed)
        document.neuron_changed.connect(self._on_neuron_changed)
        session.data_changed.connect(self._on_changed)

    # -------------------------------------------------------------- building
    def _build(self) -> None:
        self.choices = QListWidget(self)
        self.choices.setToolTip(
            translate(
                "CompareDialog",
                "Hidden neurons get each ticked activation in turn; outputs keep theirs",
            )
        )
        for name, act in REGISTRY.items():
            item = QListWidgetItem(activation_title(act), self.choices)
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(f"{activation_formula(act)} — {activation_description(act)}")
        self.set_chosen(default_activations(self.session.document.network))
        self.epochs = QSpinBox(self)
        self.epochs.setRange(1, 100_000)
        self.epochs.setValue(default_epochs(self.session.document.network))
        self.epochs.setToolTip(translate("CompareDialog", "Epochs each run trains"))
        self.target = NumberBox(self, minimum=0.0, maximum=100.0, value=0.05, decimals=4, step=0.01)
        self.target.setSpecialValueText(translate("CompareDialog", "none", "no target loss"))
        self.target.setToolTip(
            translate(
                "CompareDialog", "The table counts the epochs each run needs to reach this loss"
            )
        )
        self.setup = QLabel(self)
        self.setup.setWordWrap(True)
        self.run_button = QPushButton(translate("CompareDialog", "Run"), self)
        self.run_button.setDefault(True)
        self.run_button.setToolTip(
            translate("CompareDialog", "Train one copy per ticked activation from the same seed")
        )
        self.cancel_button = QPushButton(translate("CompareDialog", "Cancel"), self)
        self.cancel_button.setToolTip(
            translate("CompareDialog", "Stop; the finished runs stay in the table")
        )
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        left = QWidget(self)
        form = QFormLayout(left)
        form.addRow(QLabel(translate("CompareDialog", "Activations"), self))
        form.addRow(self.choices)
        form.addRow(translate("CompareDialog", "Epochs"), self.epochs)
        form.addRow(translate("CompareDialog", "Target loss"), self.target)
        form.addRow(self.setup)
        row = QHBoxLayout()
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        form.addRow(row)
        form.addRow(self.progress)
        form.addRow(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(left)
        self.view = CompareResults(self.theme.palette, self)
        self.view.table.cellDoubleClicked.connect(lambda *_: self.open_selected())
        self.view.open_button.clicked.connect(self.open_selected)
        # the parts the tests and the window reach
        self.plot, self.plot_widget, self.table = (
            self.view.plot,
            self.view.plot_widget,
            self.view.table,
        )
        self.log, self.open_button = self.view.log, self.view.open_button
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([230, 970])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.run_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)

    def _apply_theme(self, palette: Palette) -> None:
        self.view.apply_theme(palette)

    # ---------------------------------------------------------------- runs
    def chosen(self) -> list[str]:
        return [
            self.choices.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.choices.count())
            if self.choices.item(i).checkState() == Qt.CheckState.Checked
        ]

    def set_chosen(self, names: list[str]) -> None:
        list_registry(self.choices)  # a lesson's list may name its formula activations
        for i in range(self.choices.count()):
            item = self.choices.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in names
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def refresh(self) -> None:
        """Show the Train panel's present data and settings."""
        list_registry(self.choices)  # formula activations defined since
        s, data = self.session.settings, self.session.train_set
        if data is None:
            self.setup.setText(translate("CompareDialog", "Choose data in the Train panel first."))
            self.run_button.setEnabled(False)
            return
        batch = (
            translate("CompareDialog", "batch {size}").format(size=s.batch_size)
            if s.batch_size
            else translate("CompareDialog", "full batch")
        )
        n = len(data)  # (a name: lupdate skips a call whose count is a call)
        self.setup.setText(
            translate(
                "CompareDialog",
                "Data and settings from the Train panel: {data}, %n training row(s), {loss}, "
                "{optimizer}, lr {lr}, {batch}, seed {seed}. Each run starts from fresh "
                "weights drawn with that seed.",
                "",
                n,
            ).format(
                data=data.name,
                loss=s.loss,
                optimizer=s.optimizer,
                lr=f"{s.lr:g}",
                batch=batch,
                seed=s.seed,
            )
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
                translate("CompareDialog", "Tick at least one activation.")
                if data is not None
                else translate("CompareDialog", "Choose data in the Train panel first.")
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
        self.status.setText(translate("CompareDialog", "Training…"))
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.thread.start()
        return True

    def cancel(self) -> None:
        if self.worker is not None:
            self.worker.cancel_event.set()
            self.status.setText(translate("CompareDialog", "Cancelling…"))

    def _on_progress(self, done: int, total: int, name: str) -> None:
        self.progress.setValue(done)
        self.status.setText(
            translate("CompareDialog", "Training with {name}… (epochs: {done} of {total})").format(
                name=activation_title(REGISTRY[name]), done=done, total=total
            )
        )

    def _on_finished(self, results: list[RunResult]) -> None:
        cancelled = self.worker is not None and self.worker.cancel_event.is_set()
        self._stop_thread()
        if self._stale:
            self._stale = False
            self.status.setText(
                translate(
                    "CompareDialog", "The network or its data changed while training: run again."
                )
            )
            return
        self.show_results(results)
        n = len(results)
        self.status.setText(
            translate("CompareDialog", "Cancelled after %n run(s).", "", n)
            if cancelled
            else translate("CompareDialog", "Done: %n run(s).", "", n)
        )

    def _on_failed(self, text: str) -> None:
        self._stop_thread()
        self._stale = False
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
        self.view.show_results(results)

    # ------------------------------------------------------ foreign changes
    def _on_replaced(self) -> None:
        """Another file: its own activations and epochs, no results of the last one's."""
        network = self.session.document.network
        self.set_chosen(default_activations(network))
        self.epochs.setValue(default_epochs(network))
        self._on_changed()

    def _on_neuron_changed(self, _nid: str, field: str) -> None:
        if field == "activation":  # the outputs' activations are part of every run
            self._on_changed()

    def _on_changed(self, *_: object) -> None:
        """The results were for another network or other data: they go."""
        if self.running:
            self._stale = True
            self.cancel()
        if self.results:
            self.show_results([])
            self.status.setText(
                translate("CompareDialog", "The network or its data changed: run again to compare.")
            )
        self.refresh()

    @property
    def results(self) -> list[RunResult]:
        return self.view.results

    def selected_run(self) -> RunResult | None:
        return self.view.selected_run()

    def open_selected(self) -> None:
        run = self.selected_run()
        if run is None:
            return
        network = run.network.copy()
        title = localized(network.meta.get("title")) or translate("CompareDialog", "Network")
        network.meta["title"] = translate("CompareDialog", "{title} — {activation} run").format(
            title=title, activation=activation_title(REGISTRY[run.activation])
        )
        self.open_network(network)

    def reject(self) -> None:  # Close / Esc: stop the worker first
        if self.thread is not None:
            self.cancel()
            self.thread.quit()
            self.thread.wait()
            self._stop_thread()
        super().reject()
