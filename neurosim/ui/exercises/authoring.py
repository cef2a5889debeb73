"""Tools ▸ Exercise Authoring…: a teacher turns the open network into an exercise file.

The student gets the network exactly as it is now, so the teacher first sets up the
starting network (not the solution), then writes instructions, fills the truth table
(from the current outputs or by typing), ticks locks, adds hints and constraints, and
saves with "Save as exercise…". While the dialog is open the exercise's own locks are
lifted so every part can be edited. What is saved is checked with
``exercise_from_dict`` and against the network before anything is written.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from neurosim.core import fileformat
from neurosim.core.activations import ACTIVATION_NAMES
from neurosim.core.exercise.grading import grade
from neurosim.core.exercise.reading import exercise_from_dict, exercise_of
from neurosim.core.exercise.section import (
    SECTION,
    ActivationsGoal,
    Exercise,
    Locks,
    MaxHiddenGoal,
    TableGoal,
)
from neurosim.core.exercise.writing import goal_to_dict
from neurosim.core.model import Network
from neurosim.core.shipped import is_shipped
from neurosim.core.validate import FileFormatError
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.core_text import edited_hints, edited_text, localized
from neurosim.ui.exercises.controller import ExerciseController
from neurosim.ui.exercises.instructions_editor import InstructionsEditor
from neurosim.ui.exercises.lock_notes import word
from neurosim.ui.exercises.lock_tree import LockTree
from neurosim.ui.exercises.target_table import TableError, TargetTable
from neurosim.ui.files import with_suffix
from neurosim.ui.formula.listing import list_boxes
from neurosim.ui.i18n import translate
from neurosim.ui.lesson_copies import documents_folder
from neurosim.ui.theme import Theme

_STRUCTURE = ("neuron_added", "neuron_removed", "synapse_added", "synapse_removed")


class AuthoringDialog(QDialog):
    def __init__(
        self,
        controller: ExerciseController,
        canvas: CanvasView | None = None,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("AuthoringDialog", "Exercise Authoring"))
        self.theme = theme if theme is not None else Theme(parent=self)  # None: light, its own
        self._problem_ok = False  # the line under the tabs says "saved", not a problem
        self.controller = controller
        self.document = controller.document
        self.canvas = canvas
        self.kept_goals: list[dict] = []  # goals this dialog cannot edit, saved as they were
        self.titles: dict[str, str] = {}  # titles of the loaded constraints, kept on saving
        self._loaded_from: Network | None = None
        self.loaded: tuple[Any, Exercise | None] = (None, None)  # title and exercise as read
        self._build()
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.timeout.connect(self._on_structure)
        for name in _STRUCTURE:
            getattr(self.document, name).connect(self._on_structure_signal)
        self.document.neuron_changed.connect(self._on_neuron_changed)
        self.document.network_replaced.connect(self.start)
        if canvas is not None:
            canvas.selection_changed.connect(self._on_selection)
        self._colour_problem()
        self.theme.changed.connect(lambda _palette: self._colour_problem())
        self.resize(760, 620)

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        note = QLabel(
            translate(
                "AuthoringDialog",
                "<b>Students get the network exactly as it is now.</b> Set up the starting "
                "network first (not your solution), then fill in the tabs and save. The "
                "exercise's locks are off while this window is open.",
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet(  # a note card of its own colours, the same in every theme
            "QLabel { background: #fff7d6; color: #1a1a1a; border: 1px solid #e6d38a;"
            " border-radius: 4px; padding: 6px; }"
        )
        self.title = QLineEdit(self)
        self.title.setToolTip(
            translate("AuthoringDialog", "The exercise's title, shown above the instructions")
        )
        self.instructions = InstructionsEditor(self)
        self.table = TargetTable(self)
        self.table.add_current.clicked.connect(self.add_current_row)
        self.locks = LockTree(self)
        self.hints = QPlainTextEdit(self)
        self.hints.setPlaceholderText(
            translate(
                "AuthoringDialog",
                "One hint per line, in the order students reveal them. "
                "1–3 hints; the last may give the answer away.",
            )
        )
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.instructions, translate("AuthoringDialog", "Instructions"))
        self.tabs.addTab(self._goals_tab(), translate("AuthoringDialog", "Goals"))
        self.tabs.addTab(self.locks, translate("AuthoringDialog", "Locks"))
        self.tabs.addTab(self.hints, translate("AuthoringDialog", "Hints"))
        self.problem = QLabel(self)
        self.problem.setWordWrap(True)
        self.save_button = QPushButton(translate("AuthoringDialog", "Save as exercise…"), self)
        self.save_button.setToolTip(
            translate("AuthoringDialog", "Save the network as it is now with this exercise")
        )
        self.save_button.clicked.connect(lambda: self.save_as())
        close = QPushButton(translate("AuthoringDialog", "Close"), self)
        close.clicked.connect(self.close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(close)
        form = QFormLayout()
        form.addRow(translate("AuthoringDialog", "Title"), self.title)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

    def _goals_tab(self) -> QWidget:
        page = QWidget(self)
        self.max_hidden_on = QCheckBox(translate("AuthoringDialog", "At most"), page)
        self.max_hidden = QSpinBox(page)
        self.max_hidden.setRange(0, 1000)
        self.max_hidden_on.setToolTip(
            translate(
                "AuthoringDialog",
                "Passes when the network has at most this many hidden neurons (0: none)",
            )
        )
        row = QHBoxLayout()
        row.addWidget(self.max_hidden_on)
        row.addWidget(self.max_hidden)
        row.addWidget(QLabel(translate("AuthoringDialog", "hidden neurons"), page))
        row.addStretch(1)
        self.activations_on = QCheckBox(
            translate(
                "AuthoringDialog", "Only these activations (every hidden and output neuron):"
            ),
            page,
        )
        grid = QGridLayout()
        self.allowed: dict[str, QCheckBox] = {}
        for i, name in enumerate(ACTIVATION_NAMES):
            box = QCheckBox(word(name), page)
            self.allowed[name] = box
            grid.addWidget(box, i // 5, i % 5)
        self.allowed_grid = grid  # the network's formula activations join it (start)
        box = QGroupBox(translate("AuthoringDialog", "Constraints"), page)
        inner = QVBoxLayout(box)
        inner.addLayout(row)
        inner.addWidget(self.activations_on)
        inner.addLayout(grid)
        self.kept_label = QLabel(page)
        self.kept_label.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.addWidget(self.table, 1)
        layout.addWidget(box)
        layout.addWidget(self.kept_label)
        return page

    # ----------------------------------------------------------------- filling
    def start(self) -> None:
        """Show the open network; fill the fields from its exercise, once per network."""
        network = self.document.network
        self.table.set_network(network)
        self.locks.set_network(network)
        list_boxes(self.allowed, self.allowed_grid, network)  # its formula activations
        self._on_selection()
        if self._loaded_from is not network:
            self._loaded_from = network
            self._fill(network)
        if self.isVisible():
            self.controller.set_suspended(True)

    def _fill(self, network: Network) -> None:
        exercise = self.controller.exercise
        # the window's language is edited; the file's other languages are kept on saving
        self.loaded = (network.meta.get("title"), exercise)
        self.title.setText(localized(network.meta.get("title")))
        self.instructions.set_html(localized(exercise.instructions) if exercise else "")
        self.hints.setPlainText("\n".join(map(localized, exercise.hints)) if exercise else "")
        self.table.table.setRowCount(0)
        self.max_hidden_on.setChecked(False)
        self.activations_on.setChecked(False)
        for box in self.allowed.values():
            box.setChecked(False)
        self.kept_goals, self.titles = [], {}
        table_done = False
        for goal in exercise.goals if exercise else ():
            if isinstance(goal, TableGoal) and not table_done and self._fits_table(goal):
                self.table.load(goal)
                table_done = True
            elif isinstance(goal, MaxHiddenGoal) and not self.max_hidden_on.isChecked():
                self.max_hidden_on.setChecked(True)
                self.max_hidden.setValue(goal.count)
                self.titles["max_hidden"] = goal.title
            elif (
                isinstance(goal, ActivationsGoal)
                and goal.neurons is None
                and not self.activations_on.isChecked()
            ):
                self.activations_on.setChecked(True)
                self.titles["activations"] = goal.title
                for name in goal.allowed:
                    if name in self.allowed:  # a formula this network does not define has no box
                        self.allowed[name].setChecked(True)
            else:
                self.kept_goals.append(goal_to_dict(goal))
        self.kept_label.setText(
            translate(
                "AuthoringDialog", "Also kept from the file (edit them in a text editor): {goals}"
            ).format(
                goals=", ".join(localized(g.get("title")) or g["type"] for g in self.kept_goals)
            )
            if self.kept_goals
            else ""
        )
        self.locks.set_locks(exercise.locked if exercise else Locks())
        self.problem.clear()

    def _fits_table(self, goal: TableGoal) -> bool:
        ins, outs = set(self.table.inputs), set(self.table.outputs)
        return all(set(r.inputs) <= ins and set(r.expect) <= outs for r in goal.rows)

    def add_current_row(self) -> None:
        self.table.add_current_row(self.document.network, self.document.evaluate_now())

    # ------------------------------------------------------------- following
    def _on_structure_signal(self, *_: object) -> None:
        self._refresh_timer.start(0)

    def _on_neuron_changed(self, _nid: str, field: str) -> None:
        if field in ("activation", "label"):
            self._refresh_timer.start(0)

    def _on_structure(self) -> None:
        self.table.set_network(self.document.network)
        self.locks.set_network(self.document.network)

    def _on_selection(self) -> None:
        if self.canvas is not None:
            self.locks.set_selection(
                self.canvas.selected_neuron_ids(), self.canvas.selected_synapse_keys()
            )

    # ------------------------------------------------------------------ saving
    def section(self) -> dict:
        """The ``exercise`` section as written; TableError or FileFormatError if invalid."""
        goals = []
        table = self.table.goal_dict()
        if table is not None:
            goals.append(table)
        if self.max_hidden_on.isChecked():
            goals.append(self._titled({"type": "max_hidden", "count": self.max_hidden.value()}))
        if self.activations_on.isChecked():
            allowed = [n for n, box in self.allowed.items() if box.isChecked()]
            if not allowed:
                raise FileFormatError(
                    translate(
                        "AuthoringDialog", "Constraints: tick at least one allowed activation"
                    )
                )
            goals.append(self._titled({"type": "activations", "allowed": allowed}))
        goals.extend(self.kept_goals)
        if not goals:
            raise FileFormatError(
                translate(
                    "AuthoringDialog",
                    "Goals: add a row to the truth table or a constraint, so "
                    "the exercise can be checked",
                )
            )
        instructions = self.instructions.html()
        if not instructions.strip():
            raise FileFormatError(
                translate("AuthoringDialog", "Instructions: write what the student should do")
            )
        locks = self.locks.locks()
        locked = {
            "neurons": list(locks.neurons),
            "synapses": [list(k) for k in locks.synapses],
            "params": [list(p) for p in locks.params],
        }
        loaded = self.loaded[1]
        section: dict = {
            "instructions": edited_text(loaded and loaded.instructions, instructions),
            "goals": goals,
            "locked": {k: v for k, v in locked.items() if v},
        }
        hints = [h.strip() for h in self.hints.toPlainText().splitlines() if h.strip()]
        if hints:
            section["hints"] = edited_hints(loaded.hints if loaded else (), hints)
        exercise_from_dict(section)  # the same checks as loading the file
        return section

    def _titled(self, goal: dict) -> dict:
        title = self.titles.get(goal["type"])
        return {"type": goal["type"], "title": title, **goal} if title else goal

    def exercise_network(self) -> Network:
        """A copy of the open network with the section, checked against the network."""
        network = self.document.network.copy()
        network.extra[SECTION] = self.section()
        if self.title.text().strip():
            network.meta["title"] = edited_text(self.loaded[0], self.title.text().strip())
        exercise_of(network)
        return network

    def save_as(self, path: str | Path | None = None) -> bool:
        """Ask where (unless ``path`` is given) and write the exercise file."""
        try:
            network = self.exercise_network()
        except (TableError, FileFormatError) as exc:
            self.show_problem(str(exc))
            return False
        if (
            grade(network, network).solved
            and QMessageBox.question(
                self,
                translate("AuthoringDialog", "Already solved"),
                translate(
                    "AuthoringDialog",
                    "The network as it is now already meets every goal, so students would "
                    "have nothing to do. Save it anyway?",
                ),
            )
            != QMessageBox.StandardButton.Yes
        ):
            self.show_problem(
                translate(
                    "AuthoringDialog",
                    "Not saved: set up the starting network so that some goal fails, then save",
                )
            )
            return False
        if path is None:
            start = self.document.path.parent if self.document.path else documents_folder()
            path, _ = QFileDialog.getSaveFileName(
                self,
                translate("AuthoringDialog", "Save exercise as"),
                str(start / "exercise.nsim.json"),
                translate(
                    "AuthoringDialog", "NeuroSim exercises (*.nsim.json);;JSON files (*.json)"
                ),
            )
            if not path:
                return False
            path = with_suffix(path)
        if is_shipped(path):
            self.show_problem(
                translate(
                    "AuthoringDialog",
                    "Not saved: that is NeuroSim's own lessons folder, which stays as "
                    "installed; choose another folder",
                )
            )
            return False
        try:
            fileformat.save(network, path)
        except OSError as exc:
            self.show_problem(
                translate("AuthoringDialog", "Cannot save {path}: {reason}").format(
                    path=path, reason=exc.strerror or exc
                )
            )
            return False
        self._problem_ok = True
        self._colour_problem()
        self.problem.setText(
            translate("AuthoringDialog", "Saved {name}. Open it to try it as a student.").format(
                name=Path(path).name
            )
        )
        return True

    def show_problem(self, text: str) -> None:
        self._problem_ok = False
        self._colour_problem()
        self.problem.setText(text)

    def _colour_problem(self) -> None:
        palette = self.theme.palette
        colour = palette.success if self._problem_ok else palette.error
        self.problem.setStyleSheet(f"QLabel {{ color: {colour}; }}")

    # ------------------------------------------------------------ teacher mode
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.controller.set_suspended(True)

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.controller.set_suspended(False)
        super().hideEvent(event)
