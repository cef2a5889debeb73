"""The Truth Table panel: every 0/1 input combination with the chosen neurons' z, y, fired.

It shows what :func:`neurosim.core.truth_table.truth_table` computes for the open network,
again after each evaluation (so live while weights change), for the neurons selected on the
canvas (every output when none is). The row the current inputs match is highlighted; a
click on a row sets the inputs, as one undo step. With an exercise whose goals are tables,
each row carries the goal's ✓/✗. Copy as text or CSV puts the table on the clipboard.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.truth_table import TruthTable, as_csv, as_text, truth_table
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.commands import SetInputs
from neurosim.ui.document import Document
from neurosim.ui.exercises.controller import ExerciseController
from neurosim.ui.i18n import translate
from neurosim.ui.theme import Role, Theme

CLICK_HINT = QT_TRANSLATE_NOOP("TruthTablePanel", "Click a row to set the inputs to it.")
MARKS = ("✓", "✗")
#: the core's words in the "fired" column (its text and CSV copies keep them), as shown
FIRED_WORDS = {
    "yes": QT_TRANSLATE_NOOP("TruthTablePanel", "yes"),
    "no": QT_TRANSLATE_NOOP("TruthTablePanel", "no"),
}
MARK_SCALE = 1.4  # as big as the Exercise panel's marks


class TruthGrid(QTableWidget):
    """The table's cells; Ctrl+C here copies the whole table (``on_copy``), not one cell."""

    def __init__(self, on_copy: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_copy = on_copy

    def event(self, event: QEvent) -> bool:
        # Claim Ctrl+C before Edit ▸ Copy (the canvas's neurons) takes it as a shortcut.
        if event.type() == QEvent.Type.ShortcutOverride and _is_copy(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Copy):
            self._on_copy()
            event.accept()
            return
        super().keyPressEvent(event)


def _grid_header(table: TruthTable) -> list[str]:
    """Column titles on two lines (the neuron, then z, y or fired): narrow columns."""
    names = [table.labels[i] for i in table.input_ids]
    fired = translate("TruthTablePanel", "fired", "column: did the neuron fire")
    for nid in table.neuron_ids:
        names += [f"{table.labels[nid]}\n{what}" for what in ("z", "y", fired)]
    if table.checked:
        names += [
            translate("TruthTablePanel", "wanted", "column: the goal's wanted output"),
            translate("TruthTablePanel", "goal", "column: the goal's ✓ or ✗"),
        ]
    return names


def _is_copy(event: QEvent) -> bool:
    return isinstance(event, QKeyEvent) and event.matches(QKeySequence.StandardKey.Copy)


class TruthTablePanel(QWidget):
    """Follows ``document`` (figures), ``canvas`` (selection) and ``exercise`` (✓/✗).

    ``table`` is the :class:`TruthTable` on show; the widget keeps nothing else."""

    def __init__(
        self,
        document: Document,
        canvas: CanvasView,
        exercise: ExerciseController,
        theme: Theme,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.document, self.canvas, self.exercise, self.theme = document, canvas, exercise, theme
        self.table: TruthTable | None = None
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.grid = TruthGrid(lambda: self.copy(csv=False), self)
        self.grid.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # The highlight is the current inputs' row, never a selection of the widget's own.
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.grid.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.grid.verticalHeader().setVisible(False)
        self.grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.grid.setToolTip(translate("TruthTablePanel", CLICK_HINT))
        self.grid.clicked.connect(self._on_row_chosen)
        self.grid.activated.connect(self._on_row_chosen)  # Enter on a row
        self.copy_text = QPushButton(translate("TruthTablePanel", "Copy as &Text"), self)
        self.copy_text.setToolTip(
            translate("TruthTablePanel", "Put the table on the clipboard as aligned text (Ctrl+C)")
        )
        self.copy_text.clicked.connect(lambda: self.copy(csv=False))
        self.copy_csv = QPushButton(translate("TruthTablePanel", "Copy as &CSV"), self)
        self.copy_csv.setToolTip(
            translate("TruthTablePanel", "Put the table on the clipboard as CSV, for a spreadsheet")
        )
        self.copy_csv.clicked.connect(lambda: self.copy(csv=True))
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_text)
        buttons.addWidget(self.copy_csv)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.grid, 1)
        layout.addLayout(buttons)
        document.evaluated.connect(self._on_evaluated)
        canvas.selection_changed.connect(self.refresh)
        exercise.checked.connect(self.refresh)
        theme.changed.connect(lambda _palette: self.refresh())
        self.refresh()

    # ---------------------------------------------------------------- showing
    def _on_evaluated(self, _evaluation: object) -> None:
        self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.table = None  # shown afresh: scroll to the current row
        self.refresh()  # skipped while hidden

    def refresh(self) -> None:
        """Compute the table afresh and show it (only while the panel is on screen)."""
        if not self.isVisible() and self.table is not None:
            return
        ex = self.exercise
        before = self.table.current if self.table is not None else None
        self.table = truth_table(
            self.document.network,
            self.canvas.selected_neuron_ids(),
            engine=self.document.engine,
            exercise=ex.exercise if not ex.suspended else None,
            results=ex.results,
        )
        self._show(self.table, before)

    def _show(self, table: TruthTable, shown_before: int | None) -> None:
        self.caption.setText(table.problem or self._caption(table))
        self.grid.setVisible(not table.problem)
        self.copy_text.setEnabled(not table.problem)
        self.copy_csv.setEnabled(not table.problem)
        if table.problem:
            return
        header = _grid_header(table)
        if self.grid.columnCount() != len(header) or self.grid.rowCount() != len(table.rows):
            self.grid.setColumnCount(len(header))
            self.grid.setRowCount(len(table.rows))
        self.grid.setHorizontalHeaderLabels(header)
        for r, row in enumerate(table.rows):
            for c, text in enumerate(table.cells(row)):
                self._set_cell(r, c, text, row.detail if text in MARKS else "")
        self._highlight(table, shown_before)

    def _caption(self, table: TruthTable) -> str:
        """Whose columns these are, the click hint, and why no row is lit (whole sentences)."""
        names = ", ".join(table.labels[n] for n in table.neuron_ids)
        if self.canvas.selected_neuron_ids():
            which = translate("TruthTablePanel", "Selected neurons: {names}.")
        else:
            which = translate("TruthTablePanel", "Outputs: {names}.")
        sentences = [which.format(names=names), translate("TruthTablePanel", CLICK_HINT)]
        if table.current is None:
            values = ", ".join(
                f"{table.labels[i]} = {self.document.network.neurons[i].value:g}"
                for i in table.input_ids
            )
            sentences.append(
                translate(
                    "TruthTablePanel",
                    "The inputs now ({values}) are not all 0 or 1, so no row is theirs.",
                ).format(values=values)
            )
        driven = self._driven(table)
        if len(driven) == 1:
            sentences.append(
                translate(
                    "TruthTablePanel",
                    "{input} follows a signal source: a click switches it off "
                    "(Undo brings it back).",
                ).format(input=driven[0])
            )
        elif driven:
            sentences.append(
                translate(
                    "TruthTablePanel",
                    "{inputs} follow signal sources: a click switches them off "
                    "(Undo brings them back).",
                ).format(inputs=", ".join(driven))
            )
        return join_sentences(sentences)

    def _driven(self, table: TruthTable) -> list[str]:
        """The inputs a signal source drives, by label."""
        neurons = self.document.network.neurons
        return [table.labels[i] for i in table.input_ids if neurons[i].source is not None]

    def _set_cell(self, r: int, c: int, text: str, tip: str) -> None:
        item = self.grid.item(r, c)
        if item is None:
            item = QTableWidgetItem()
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.grid.setItem(r, c, item)
        item.setText(
            translate("TruthTablePanel", FIRED_WORDS[text]) if text in FIRED_WORDS else text
        )
        item.setToolTip(tip or translate("TruthTablePanel", CLICK_HINT))

    def _highlight(self, table: TruthTable, shown_before: int | None) -> None:
        """The current inputs' row in the selection colours and bold; ✓ green, ✗ red."""
        palette = self.theme.palette
        plain = QFont(self.grid.font())
        bold = QFont(plain)
        bold.setBold(True)
        marks = {"✓": QColor(palette.success), "✗": QColor(palette.error)}
        big = QFont(bold)
        big.setPointSizeF(plain.pointSizeF() * MARK_SCALE)
        for r in range(self.grid.rowCount()):
            current = r == table.current
            for c in range(self.grid.columnCount()):
                item = self.grid.item(r, c)
                mark = marks.get(item.text())
                # a ✓/✗ keeps its colour on the plain ground: red on the highlight is unreadable
                lit = current and mark is None
                item.setFont(big if mark is not None else bold if current else plain)
                ground = palette.role(Role.Highlight) if lit else None
                item.setData(Qt.ItemDataRole.BackgroundRole, ground)
                ink = palette.role(Role.HighlightedText) if lit else mark
                item.setData(Qt.ItemDataRole.ForegroundRole, ink)
        if table.current != shown_before:
            # only when the inputs move: a reader scrolling 64 rows keeps their place
            self.scroll_to_current()

    def scroll_to_current(self) -> None:
        """Bring the current inputs' row into view."""
        table = self.table
        if table is not None and table.current is not None and not table.problem:
            self.grid.scrollToItem(self.grid.item(table.current, 0))

    def preferred_width(self) -> int:
        """Wide enough for every column (and the scroll bar), in pixels."""
        grid = self.grid
        bar = grid.verticalScrollBar().sizeHint().width()
        margins = self.layout().contentsMargins()
        inner = grid.horizontalHeader().length() + 2 * grid.frameWidth() + bar
        return inner + margins.left() + margins.right()

    # ---------------------------------------------------------------- acting
    def _on_row_chosen(self, index: QModelIndex) -> None:
        table = self.table
        if table is None or table.problem or not index.isValid():
            return
        row = table.rows[index.row()]
        values = {nid: float(v) for nid, v in zip(table.input_ids, row.inputs, strict=True)}
        names = [table.labels[n] for n in table.input_ids]
        values_text = ", ".join(f"{n}={v}" for n, v in zip(names, row.inputs, strict=True))
        if self._driven(table):
            text = translate("TruthTablePanel", "Inputs {values} (signal sources off)")
        else:
            text = translate("TruthTablePanel", "Inputs {values}")
        text = text.format(values=values_text)
        self.document.push(SetInputs(self.document.network, values, text))

    def copy(self, csv: bool) -> None:
        """The table on the clipboard, as aligned text or as CSV."""
        if self.table is None or self.table.problem:
            return
        QGuiApplication.clipboard().setText(as_csv(self.table) if csv else as_text(self.table))


def join_sentences(sentences: list[str]) -> str:
    """Sentences in a row: a space after one ending in Latin punctuation, none after a
    full-width stop (Chinese sets none between sentences)."""
    text = ""
    for sentence in sentences:
        if text and not text.endswith(("。", "！", "？", "）", "：")):
            text += " "
        text += sentence
    return text
