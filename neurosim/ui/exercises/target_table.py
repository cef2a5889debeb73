"""The authoring dialog's truth table: rows of inputs and what each output must give.

One column per input neuron, then one per output neuron. An input cell left empty keeps
the value stored in the student's network; an output cell holds a number, "fired",
"silent" or "not fired" (or these words in the window's language: the file keeps the
English ones), or nothing (that output is not checked in that row).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.engine import Evaluation
from neurosim.core.exercise.section import FIRING_WORDS, TableGoal
from neurosim.core.localized_text import Text
from neurosim.core.model import Network
from neurosim.ui.canvas.editors import parse_number
from neurosim.ui.core_text import edited_text, localized
from neurosim.ui.i18n import translate
from neurosim.ui.number_box import NumberBox

#: the firing words as a cell shows them (the file stores the English word)
FIRING_LABELS = {
    "fired": QT_TRANSLATE_NOOP("TargetTable", "fired"),
    "silent": QT_TRANSLATE_NOOP("TargetTable", "silent"),
    "not fired": QT_TRANSLATE_NOOP("TargetTable", "not fired"),
}


def firing_label(word: str) -> str:
    """A firing word of the file as the table shows it."""
    return translate("TargetTable", FIRING_LABELS.get(word, word))


def firing_word(text: str) -> str | None:
    """The file's firing word a cell's text means (English or shown), None if none."""
    typed = text.strip().lower()
    for word in FIRING_WORDS:
        if typed in (word, firing_label(word).lower()):
            return word
    return None


class TableError(ValueError):
    """A cell that is not a number (or firing word); the message names row and column."""


class TargetTable(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.inputs: list[str] = []
        self.outputs: list[str] = []
        self.title = QLineEdit(translate("TargetTable", "Truth table"), self)
        self.loaded_title: Text = ""
        self.title.setToolTip(
            translate("TargetTable", "Shown above the table's ✓/✗ rows in the student's panel")
        )
        self.tolerance = NumberBox(
            self, minimum=0.0, maximum=100.0, value=0.1, decimals=3, step=0.05
        )
        self.tolerance.setToolTip(
            translate(
                "TargetTable",
                "A number passes when the output is within this of it "
                "(0: exactly; fine for step neurons)",
            )
        )
        self.table = QTableWidget(0, 0, self)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setToolTip(
            translate(
                "TargetTable",
                "Inputs: a number, or empty to keep the stored value.\n"
                "Outputs: a number, fired, silent, or empty (not checked).",
            )
        )
        self.add_current = QPushButton(
            translate("TargetTable", "Add current inputs → outputs as a row"), self
        )
        self.add_current.setToolTip(
            translate(
                "TargetTable",
                "The inputs as they are set now, and what the outputs "
                "give now: set the inputs, check the outputs, add",
            )
        )
        self.add_empty = QPushButton(translate("TargetTable", "Add empty row"), self)
        self.remove = QPushButton(translate("TargetTable", "Remove row"), self)
        self.remove.setToolTip(translate("TargetTable", "Remove the selected rows"))
        self.add_empty.clicked.connect(lambda: self.add_row({}, {}))
        self.remove.clicked.connect(self.remove_selected)
        form = QFormLayout()
        form.addRow(translate("TargetTable", "Title"), self.title)
        form.addRow(translate("TargetTable", "Tolerance ±"), self.tolerance)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_current)
        buttons.addWidget(self.add_empty)
        buttons.addWidget(self.remove)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

    # ---------------------------------------------------------------- columns
    def set_network(self, network: Network) -> None:
        """Columns for the network's inputs and outputs; typed cells of kept ids stay."""
        rows = [self._row_texts(r) for r in range(self.table.rowCount())]
        self.inputs = [n.id for n in network.of_kind("input")]
        self.outputs = [n.id for n in network.of_kind("output")]
        self.table.setColumnCount(len(self.inputs) + len(self.outputs))
        self.table.setHorizontalHeaderLabels(self.inputs + [f"→ {o}" for o in self.outputs])
        self.table.setRowCount(0)
        for ins, outs in rows:
            self._append(ins, outs)

    def _row_texts(self, r: int) -> tuple[dict[str, str], dict[str, str]]:
        n = len(self.inputs)
        ins = {nid: self._text(r, c) for c, nid in enumerate(self.inputs)}
        outs = {nid: self._text(r, n + c) for c, nid in enumerate(self.outputs)}
        return ins, outs

    def _text(self, r: int, c: int) -> str:
        item = self.table.item(r, c)
        return item.text().strip() if item is not None else ""

    # ------------------------------------------------------------------- rows
    def add_row(self, inputs: dict[str, object], expect: dict[str, object]) -> None:
        self._append(
            {k: _cell(v) for k, v in inputs.items()}, {k: _cell(v) for k, v in expect.items()}
        )

    def add_current_row(self, network: Network, evaluation: Evaluation) -> None:
        """The network's input values and its outputs now (sample 0)."""
        ins = {nid: network.neurons[nid].value for nid in self.inputs}
        outs = {}
        for nid in self.outputs:
            if nid in evaluation.index:
                outs[nid] = float(evaluation.y[0, evaluation.index[nid]])
        self.add_row(ins, outs)

    def _append(self, ins: dict[str, str], outs: dict[str, str]) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        n = len(self.inputs)
        for c, nid in enumerate(self.inputs):
            self.table.setItem(r, c, QTableWidgetItem(ins.get(nid, "")))
        for c, nid in enumerate(self.outputs):
            self.table.setItem(r, n + c, QTableWidgetItem(outs.get(nid, "")))

    def remove_selected(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        if not rows and self.table.rowCount():
            rows = [self.table.rowCount() - 1]
        for r in rows:
            self.table.removeRow(r)

    def load(self, goal: TableGoal) -> None:
        self.table.setRowCount(0)
        self.loaded_title = goal.title  # other languages' titles are kept on saving
        self.title.setText(localized(goal.title) or translate("TargetTable", "Truth table"))
        self.tolerance.setValue(goal.tolerance)
        for row in goal.rows:
            self.add_row(dict(row.inputs), dict(row.expect))

    # ------------------------------------------------------------------ reading
    def goal_dict(self) -> dict | None:
        """The table as a goal for the file, None without rows; TableError for a bad cell."""
        rows = []
        for r in range(self.table.rowCount()):
            ins, outs = self._row_texts(r)
            inputs = {nid: _number(text, r, nid) for nid, text in ins.items() if text}
            expect = {nid: _expectation(text, r, nid) for nid, text in outs.items() if text}
            if not inputs and not expect:
                continue  # an empty row is no row
            if not expect:
                raise TableError(
                    translate(
                        "TargetTable",
                        "Truth table, row {row}: say what at least one output must give",
                    ).format(row=r + 1)
                )
            rows.append({"inputs": inputs, "expect": expect} if inputs else {"expect": expect})
        if not rows:
            return None
        goal = {"type": "table", "rows": rows, "tolerance": self.tolerance.value()}
        if self.title.text().strip():
            goal["title"] = edited_text(self.loaded_title, self.title.text().strip())
        return goal


def _cell(value: object) -> str:
    if isinstance(value, str):
        return firing_label(value)
    return f"{float(value):.4g}"  # type: ignore[arg-type]


def _number(text: str, r: int, nid: str) -> float:
    try:
        return parse_number(text)
    except ValueError as exc:
        raise TableError(
            translate("TargetTable", "Truth table, row {row}, {neuron}: {problem}").format(
                row=r + 1, neuron=nid, problem=exc
            )
        ) from None


def _expectation(text: str, r: int, nid: str) -> float | str:
    word = firing_word(text)
    if word is not None:
        return word
    try:
        return parse_number(text)
    except ValueError:
        raise TableError(
            translate(
                "TargetTable",
                "Truth table, row {row}, → {neuron}: '{text}' is not a number, "
                "fired, silent or not fired",
            ).format(row=r + 1, neuron=nid, text=text)
        ) from None
