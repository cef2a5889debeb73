"""Tools ▸ New Activation…: a name and a formula in z (with parameters), checked as it is
typed — the error under its column with a hint, the derivative the program derived, and a
picture of f and f′. OK (or Enter, once all is well) gives the activation; Esc cancels."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.formula.library import FIRING_RULES, FormulaActivation, shipped
from neurosim.core.formula.nodes import FUNCTIONS
from neurosim.core.model import Network
from neurosim.ui.formula.checking import Checked, Fields, Problem, check, params_text
from neurosim.ui.formula.preview import FormulaPreview
from neurosim.ui.i18n import translate
from neurosim.ui.theme import LIGHT, Palette

START = Fields(name="", formula="z * sigmoid(z)")


class NewActivationDialog(QDialog):
    """Define a formula activation for ``network``; :attr:`activation` is the result."""

    def __init__(
        self, network: Network, parent: QWidget | None = None, palette: Palette = LIGHT
    ) -> None:
        super().__init__(parent)
        self.network = network
        self.palette_ = palette
        self.checked: Checked | None = None
        self.setWindowTitle(translate("NewActivationDialog", "New Activation"))
        self.library = self._library()
        self.preview = FormulaPreview(palette, self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(translate("NewActivationDialog", "Add to Network"))
        self.ok.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = self._form()
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.preview, 1)
        left = QVBoxLayout()
        left.addWidget(QLabel(translate("NewActivationDialog", "Start from the library:"), self))
        left.addWidget(self.library, 1)
        top = QHBoxLayout()
        top.addLayout(left)
        top.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.preview.setMinimumHeight(220)
        self.resize(880, 680)
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        order = (self.name, self.title_edit, self.formula, self.params, self.fires)
        order = (*order, self.description, self.library)
        for a, b in zip(order, order[1:], strict=False):  # reading order, the list last
            QWidget.setTabOrder(a, b)
        self.set_fields(START)
        self.name.setFocus()

    # ------------------------------------------------------------------ building
    def _line(self, tip: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setToolTip(tip)
        edit.setPlaceholderText(placeholder)
        edit.textChanged.connect(self.recheck)
        return edit

    def _note(self, colour: str, mono: bool = False) -> QLabel:
        label = QLabel(self)
        label.setWordWrap(not mono)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet(f"QLabel {{ color: {colour}; }}")
        if mono:
            label.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        label.setVisible(False)
        return label

    def _form(self) -> QFormLayout:
        mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        error = self.palette_.error
        self.name = self._line(
            translate(
                "NewActivationDialog", "The name neurons and files use: letters, digits and _"
            ),
            translate("NewActivationDialog", "e.g. swish_2"),
        )
        self.name_error = self._note(error)
        self.title_edit = self._line(
            translate("NewActivationDialog", "The name lists show (optional; the name if empty)")
        )
        self.formula = self._line(
            translate(
                "NewActivationDialog",
                "y = f(z): numbers, z, the parameters, + − * / ^, parentheses and the "
                "functions below",
            )
        )
        self.formula.setFont(mono)
        self.caret = self._note(error, mono=True)
        self.caret.setToolTip(translate("NewActivationDialog", "Where the formula goes wrong"))
        self.formula_error = self._note(error)
        self.hint = self._note(self.palette_.text_soft)
        self.functions = functions = QLabel(
            translate("NewActivationDialog", "Functions: {names}").format(
                names=" ".join(f for f in FUNCTIONS if f != "if") + " (if = where)"
            ),
            self,
        )
        functions.setWordWrap(True)
        functions.setStyleSheet(f"QLabel {{ color: {self.palette_.text_soft}; }}")
        self.params = self._line(
            translate(
                "NewActivationDialog", "Named parameters with their defaults, used in the formula"
            ),
            "beta = 1, alpha = 0.5",
        )
        self.params_error = self._note(error)
        self.fires = QComboBox(self)
        for rule in FIRING_RULES:
            self.fires.addItem(rule.replace(">=", "≥"), rule)
        self.fires.setToolTip(
            translate("NewActivationDialog", "When a neuron with it counts as fired")
        )
        self.fires.currentIndexChanged.connect(self.recheck)
        self.description = self._line(
            translate("NewActivationDialog", "One line for tooltips (optional)")
        )
        self.derivative = QLabel(self)
        self.derivative.setWordWrap(True)
        self.derivative.setTextFormat(Qt.TextFormat.PlainText)
        self.derivative.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.derivative.setFont(mono)
        self.derivative.setToolTip(
            translate("NewActivationDialog", "The derivative, derived exactly from the formula")
        )
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("NewActivationDialog", "&Name:"), self.name)
        form.addRow("", self.name_error)
        form.addRow(translate("NewActivationDialog", "&Title:"), self.title_edit)
        form.addRow(translate("NewActivationDialog", "&Formula y = f(z):"), self.formula)
        below = QWidget(self)  # what is said about the formula, in one tight column
        column = QVBoxLayout(below)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        for label in (self.caret, self.formula_error, self.hint, functions):
            column.addWidget(label)
        form.addRow("", below)
        form.addRow(translate("NewActivationDialog", "&Parameters:"), self.params)
        form.addRow("", self.params_error)
        form.addRow(translate("NewActivationDialog", "Fires &when:"), self.fires)
        form.addRow(translate("NewActivationDialog", "&Description:"), self.description)
        form.addRow(translate("NewActivationDialog", "Derivative:"), self.derivative)
        return form

    def _library(self) -> QListWidget:
        library = QListWidget(self)
        library.setToolTip(
            translate("NewActivationDialog", "Activations NeuroSim ships: pick one to edit")
        )
        for fa in shipped():
            item = QListWidgetItem(translate("ActivationLibrary", fa.title), library)
            item.setData(Qt.ItemDataRole.UserRole, fa)
            description = translate("ActivationLibrary", fa.description)
            item.setToolTip(f"y = {fa.formula.text}\n{description}")
        library.setMaximumWidth(190)
        library.currentItemChanged.connect(self._on_library_item)
        return library

    # ------------------------------------------------------------------ fields
    def set_fields(self, fields: Fields) -> None:
        """Fill the fields (then check them once)."""
        edits = (self.name, self.title_edit, self.formula, self.params, self.description)
        for edit in (*edits, self.fires):
            edit.blockSignals(True)
        self.name.setText(fields.name)
        self.title_edit.setText(fields.title)
        self.formula.setText(fields.formula)
        self.params.setText(fields.params)
        self.description.setText(fields.description)
        self.fires.setCurrentIndex(max(0, self.fires.findData(fields.fires)))
        for edit in (*edits, self.fires):
            edit.blockSignals(False)
        self.recheck()

    def fields(self) -> Fields:
        return Fields(
            self.name.text(),
            self.formula.text(),
            self.params.text(),
            self.fires.currentData(),
            self.title_edit.text(),
            self.description.text(),
        )

    def _on_library_item(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        fa: FormulaActivation = item.data(Qt.ItemDataRole.UserRole)
        self.set_fields(
            Fields(
                fa.name,
                fa.formula.text,
                params_text(dict(fa.formula.params)),
                fa.fires,
                fa.title,
                fa.description,
            )
        )

    # ------------------------------------------------------------------ checking
    @property
    def activation(self) -> FormulaActivation | None:
        """The activation the fields define, or None while something is wrong."""
        return self.checked.activation if self.checked is not None else None

    def recheck(self) -> None:
        """Check the fields and show the outcome: errors in place, the derivative, f and f′."""
        self.checked = checked = check(self.fields(), self.network)
        self._show_problem(self.name_error, checked.problem("name"))
        self._show_problem(self.params_error, checked.problem("params"))
        self._show_formula_problem(checked.problem("formula"))
        f = checked.formula
        self.derivative.setText(f"f′(z) = {f.derivative_text}" if f is not None else "—")
        self.preview.show_formula(f)
        self.ok.setEnabled(checked.activation is not None)
        first = checked.problems[0].text if checked.problems else ""
        self.ok.setToolTip(
            first or translate("NewActivationDialog", "Add the activation to the open network")
        )
        if checked.activation is not None:
            self.status.setText(
                translate(
                    "NewActivationDialog", "Enter adds “{name}” to the network; Esc cancels"
                ).format(name=checked.activation.name)
            )
        else:
            self.status.setText(translate("NewActivationDialog", "Fix what is marked in red"))

    @staticmethod
    def _show_problem(label: QLabel, problem: Problem | None) -> None:
        label.setText(problem.text if problem else "")
        label.setVisible(problem is not None)

    def _show_formula_problem(self, problem: Problem | None) -> None:
        column = problem.column if problem else None
        frame = f"QLineEdit {{ border: 2px solid {self.palette_.error}; }}" if problem else ""
        self.formula.setStyleSheet(frame)
        if problem is not None and column is not None:
            text = self.formula.text()
            self.caret.setText(f"{text}\n{' ' * (column - 1)}{'^' * problem.token}")
            self.formula_error.setText(
                translate("NewActivationDialog", "Column {column}: {message}").format(
                    column=column, message=problem.text
                )
            )
        elif problem is not None:
            self.formula_error.setText(problem.text)
        self.caret.setVisible(column is not None)
        self.formula_error.setVisible(problem is not None)
        hint = problem.hint if problem else ""
        self.hint.setText(translate("NewActivationDialog", "Hint: {hint}").format(hint=hint))
        self.hint.setVisible(bool(hint))
