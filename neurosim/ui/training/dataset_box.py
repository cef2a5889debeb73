"""Choosing the training data: a built-in set, a CSV file, or the set stored in the file.

The box shows how many rows and which columns the data has and a preview of its first rows.
It only reads data; :class:`~neurosim.ui.training.session.TrainingSession` matches it to the
network and says when it does not fit.

Signals:
    chosen(): :attr:`DatasetBox.dataset` / :attr:`DatasetBox.problem` changed.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from neurosim.core.dataset_fit import fitting_builtins, lesson_dataset, shape_needed, widen
from neurosim.core.datasets import (
    BUILTIN_NAMES,
    MAX_NOISE,
    MAX_ROWS,
    Dataset,
    DatasetError,
    builtin,
    load_csv,
)
from neurosim.core.text_marks import message_of
from neurosim.core.training import embedded_dataset
from neurosim.ui.core_text import core_text
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.number_box import NumberBox

PREVIEW_ROWS = 4
TRUTH_TABLES = ("and", "or", "nand", "xor")
#: the built-in sets as the list names them (translated where shown)
DESCRIPTIONS = {
    "and": QT_TRANSLATE_NOOP("DatasetBox", "AND truth table"),
    "or": QT_TRANSLATE_NOOP("DatasetBox", "OR truth table"),
    "nand": QT_TRANSLATE_NOOP("DatasetBox", "NAND truth table"),
    "xor": QT_TRANSLATE_NOOP("DatasetBox", "XOR truth table"),
    "circle": QT_TRANSLATE_NOOP("DatasetBox", "circle: a disc inside a ring"),
    "xor2d": QT_TRANSLATE_NOOP("DatasetBox", "XOR quadrants (points)"),
    "gauss": QT_TRANSLATE_NOOP("DatasetBox", "two Gaussian blobs"),
    "spiral": QT_TRANSLATE_NOOP("DatasetBox", "two spirals"),
    "sine": QT_TRANSLATE_NOOP("DatasetBox", "sine wave (regression)"),
}
#: a data set's task as its summary line says it
TASKS = {
    "classification": QT_TRANSLATE_NOOP("DatasetBox", "classification"),
    "regression": QT_TRANSLATE_NOOP("DatasetBox", "regression"),
}
EMBEDDED, LESSON, CSV = "embedded", "lesson", "csv"  # item data; built-in sets: "builtin:NAME"


class DatasetBox(QGroupBox):
    chosen = Signal()

    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(translate("DatasetBox", "Data"), parent)
        self.document = document
        self.dataset: Dataset | None = None
        self.problem: str | None = None
        self.lesson: Dataset | None = None
        self.csv_path: Path | None = None
        self.source = QComboBox(self)
        self.source.setToolTip(
            translate(
                "DatasetBox",
                "What to train on: a built-in teaching set, your own CSV file "
                "(its header names the input and output neurons), or the data "
                "stored in the network file",
            )
        )
        for name in BUILTIN_NAMES:
            self.source.addItem(translate("DatasetBox", DESCRIPTIONS[name]), f"builtin:{name}")
        self.source.addItem(translate("DatasetBox", "CSV file…"), CSV)
        self.rows = _spin(
            QSpinBox(self), 1, MAX_ROWS, 200, translate("DatasetBox", "Number of points")
        )
        self.rows.setSingleStep(50)
        self.noise = _spin(
            NumberBox(self),
            0.0,
            MAX_NOISE,
            0.1,
            translate("DatasetBox", "Noise: jitter added to the points (standard deviation)"),
        )
        self.noise.setSingleStep(0.05)
        self.seed = _spin(
            QSpinBox(self),
            0,
            999_999,
            0,
            translate("DatasetBox", "Data seed: the same seed draws the same points"),
        )
        self.choose_csv = QPushButton(translate("DatasetBox", "Choose CSV…"), self)
        self.choose_csv.setToolTip(
            translate(
                "DatasetBox",
                "Open a CSV file whose first line names the network's input and output neurons",
            )
        )
        self.info = QLabel(self)
        self.info.setWordWrap(True)
        self.preview = QTableWidget(0, 0, self)
        self.preview.setToolTip(
            translate("DatasetBox", "The first {rows} rows: inputs, then the targets").format(
                rows=PREVIEW_ROWS
            )
        )
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.verticalHeader().setDefaultSectionSize(20)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.preview.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.source.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._lay_out()
        self.source.activated.connect(self._on_source)
        for box in (self.rows, self.noise, self.seed):
            box.valueChanged.connect(lambda _v: self.reload())
        self.choose_csv.clicked.connect(self.ask_csv)
        document.network_replaced.connect(self.pick_default)
        # An input or output added or removed: the data chosen for the old shape is made
        # again for the new one (once per edit, however many neurons it touched).
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.timeout.connect(self.refit)
        document.neuron_added.connect(lambda _id: self._refit_timer.start(0))
        document.neuron_removed.connect(lambda _id: self._refit_timer.start(0))
        self.pick_default()

    def _lay_out(self) -> None:
        grid = QGridLayout(self)
        grid.addWidget(self.source, 0, 0, 1, 2)
        self.builtin_row = QWidget(self)
        row = QGridLayout(self.builtin_row)
        row.setContentsMargins(0, 0, 0, 0)
        for i, (text, box) in enumerate(
            (
                (translate("DatasetBox", "points"), self.rows),
                (translate("DatasetBox", "noise"), self.noise),
                (translate("DatasetBox", "data seed"), self.seed),
            )
        ):
            row.addWidget(QLabel(text, self), i // 2, 2 * (i % 2))
            row.addWidget(box, i // 2, 2 * (i % 2) + 1)
            box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        row.setColumnStretch(1, 1)
        row.setColumnStretch(3, 1)
        grid.addWidget(self.builtin_row, 1, 0, 1, 2)
        grid.addWidget(self.choose_csv, 2, 0, 1, 2)
        grid.addWidget(self.info, 3, 0, 1, 2)
        grid.addWidget(self.preview, 4, 0, 1, 2)

    # -------------------------------------------------------------- choosing
    def kind(self) -> tuple[str, str]:
        """("builtin", NAME), ("embedded", "") or ("csv", "")."""
        kind, _, name = str(self.source.currentData()).partition(":")
        return kind, name

    def choose(self, kind: str, name: str = "") -> None:
        """Pick a source: "builtin" with a NAME, "embedded" or "csv" (see :meth:`load_file`)."""
        i = self.source.findData(f"builtin:{name}" if kind == "builtin" else kind)
        if i < 0:
            raise ValueError(f"no data source {kind} {name}".strip())
        with QSignalBlocker(self.source):
            self.source.setCurrentIndex(i)
        self.reload()

    def pick_default(self) -> None:
        """The file's own data if it has some, else the data the lesson implies (an
        exercise's truth table, outputs named after gates), else a built-in set that fits
        the network's inputs; when none fits, the problem says what data is needed."""
        network = self.document.network
        has = network.extra.get("dataset") is not None
        self.lesson = lesson_dataset(network)
        with QSignalBlocker(self.source):
            self._offer(
                EMBEDDED, translate("DatasetBox", "Stored in the network file") if has else None
            )
            self._offer(LESSON, _lesson_text(self.lesson))
            self._mark_fitting(fitting_builtins(network))
        if has:
            self.choose(EMBEDDED)
        elif self.lesson is not None:
            self.choose(LESSON)
        elif fitting := fitting_builtins(network):
            self.choose("builtin", "circle" if "circle" in fitting else fitting[0])
        else:
            self.choose(CSV)

    def refit(self) -> None:
        """After the network's inputs or outputs changed: the same choice, made for the new
        shape (a built-in set widened again, the lesson's table recomputed), or the default
        when the lesson's data no longer fits."""
        network = self.document.network
        shape = (len(network.of_kind("input")), len(network.of_kind("output")))
        data = self.dataset
        if data is not None and (data.n_inputs, data.n_outputs) == shape:
            return  # a hidden neuron: the data still fits
        kind, name = self.kind()
        if kind == "builtin" and name in fitting_builtins(network):
            self.lesson = lesson_dataset(network)
            with QSignalBlocker(self.source):
                self._offer(LESSON, _lesson_text(self.lesson))
                self._mark_fitting(fitting_builtins(network))
            self.choose("builtin", name)
        elif kind in (LESSON, "builtin"):
            self.pick_default()

    def _offer(self, kind: str, text: str | None) -> None:
        """Put the item ``kind`` at the top with ``text``, or take it away (None)."""
        i = self.source.findData(kind)
        if i >= 0:
            self.source.removeItem(i)
        if text is not None:
            self.source.insertItem(0, text, kind)

    def _mark_fitting(self, fitting: list[str]) -> None:
        """Grey out the built-in sets whose inputs do not match the network's."""
        model = self.source.model()
        for name in BUILTIN_NAMES:
            item = model.item(self.source.findData(f"builtin:{name}"))  # type: ignore[attr-defined]
            fits = name in fitting
            item.setEnabled(fits)
            item.setToolTip(
                ""
                if fits
                else translate("DatasetBox", "Does not fit: its inputs are not the network's")
            )

    def ask_csv(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("DatasetBox", "Open training data"),
            "",
            translate("DatasetBox", "CSV files (*.csv);;All files (*)"),
        )
        if path:
            self.load_file(path)

    def load_file(self, path: str | Path) -> None:
        self.csv_path = Path(path)
        with QSignalBlocker(self.source):
            self.source.setCurrentIndex(self.source.findData(CSV))
        self.reload()

    def _on_source(self, _index: int) -> None:
        if self.kind()[0] == CSV and self.csv_path is None:
            self.ask_csv()
        self.reload()

    # --------------------------------------------------------------- loading
    def reload(self) -> None:
        kind, name = self.kind()
        self.builtin_row.setVisible(kind == "builtin")
        self.choose_csv.setVisible(kind == "csv")
        for box in (self.rows, self.noise):
            box.setEnabled(name not in TRUTH_TABLES)
        self.dataset, self.problem = None, None
        try:
            self.dataset = self._load(kind, name)
        except DatasetError as exc:
            self.problem = message_of(exc)  # (translated where the panel shows it)
        self._show()
        self.chosen.emit()

    def _load(self, kind: str, name: str) -> Dataset | None:
        network = self.document.network
        if kind == "builtin":
            data = builtin(name, self.rows.value(), round(self.noise.value(), 4), self.seed.value())
            return widen(data, network)  # one target for each output (03b, 04)
        if kind == EMBEDDED:
            return embedded_dataset(network)
        if kind == LESSON:
            return self.lesson
        if self.csv_path is None:
            if not fitting_builtins(network):
                raise DatasetError(shape_needed(network))
            raise DatasetError(translate("DatasetBox", "choose a CSV file to train on"))
        return load_csv(
            self.csv_path,
            [n.id for n in network.of_kind("input")],
            [n.id for n in network.of_kind("output")],
        )

    def _show(self) -> None:
        data = self.dataset
        if self.kind()[0] == CSV:
            self.choose_csv.setText(
                f"CSV: {self.csv_path.name}…"
                if self.csv_path
                else translate("DatasetBox", "Choose CSV…")
            )
        if data is None:
            self.info.setText("")
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            return
        n = len(data)  # (a name: lupdate skips a call whose count is a call)
        self.info.setText(
            translate("DatasetBox", "%n row(s) · {task} · {inputs} → {targets}", "", n).format(
                task=translate("DatasetBox", TASKS.get(data.task, data.task)),
                inputs=", ".join(data.input_names),
                targets=", ".join(data.target_names),
            )
        )
        target = translate("DatasetBox", "{name} (target)")
        header = [*data.input_names, *(target.format(name=t) for t in data.target_names)]
        rows = min(PREVIEW_ROWS, len(data))
        self.preview.setColumnCount(len(header))
        self.preview.setRowCount(rows)
        self.preview.setHorizontalHeaderLabels(header)
        for r in range(rows):
            values = [*data.inputs[r], *data.targets[r]]
            for c, value in enumerate(values):
                item = QTableWidgetItem(f"{value:.3g}")
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.preview.setItem(r, c, item)
        height = self.preview.horizontalHeader().height() + 20 * rows + 4
        self.preview.setFixedHeight(height)


def _lesson_text(data: Dataset | None) -> str | None:
    """The data source item for the lesson's own data ("Exercise: Truth table" says it)."""
    if data is None:
        return None
    name = core_text(data.name)  # "XOR truth table", "Exercise: Truth table", translated
    if data.name.startswith("Exercise"):
        return name
    return translate("DatasetBox", "For this lesson: {name}").format(name=name)


def _spin(
    box: QSpinBox | NumberBox, lo: float, hi: float, value: float, tip: str
) -> QSpinBox | NumberBox:
    box.setRange(lo, hi)
    box.setValue(value)
    box.setKeyboardTracking(False)
    box.setToolTip(tip)
    return box
