"""The Exercise panel: instructions, a live ✓/✗ per goal, a Solved banner, hints one by one.

It only shows what its :class:`ExerciseController` found; it never edits the network. The
marks, details and the banner take the theme's colours; the Solved banner and the hints are
boxes with colours of their own, the same in every theme.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QFont, QPalette, QTextCursor
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from neurosim.core.exercise.checks import GoalResult
from neurosim.core.exercise.section import ALLOWED_TAGS
from neurosim.core.rich_text import sanitise
from neurosim.ui.core_text import core_text, localized
from neurosim.ui.exercises.controller import ExerciseController
from neurosim.ui.i18n import translate
from neurosim.ui.theme import Palette, Theme

# Margins come from setMargin, not CSS padding: a word-wrapped QLabel with CSS padding
# reports too small a height and loses its last line.
SOLVED_STYLE = "QLabel { background: #166b36; color: white; border-radius: 6px; }"
PENDING_STYLE = "QLabel {{ background: {ground}; color: {text}; border-radius: 6px; }}"
HINT_HTML = (
    "<table width='100%' cellpadding='6' style='margin-top:8px; color:#1a1a1a; "
    "background-color:#fff7d6; border: 1px solid #e6d38a'><tr><td>{hint}</td></tr></table>"
)
FONT_FACTORS = {"body": 1.0, "instructions": 1.1, "banner": 1.2, "mark": 1.4}


class GoalRow(QWidget):
    """One check: a big ✓ or ✗, what is asked and what the network gave."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mark = QLabel(self)
        self.mark.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.mark.setFixedWidth(28)
        self.mark.setProperty("font_role", "mark")
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.addWidget(self.mark, 0, 0)
        layout.addWidget(self.text, 0, 1)
        layout.setColumnStretch(1, 1)
        self.passed: bool | None = None

    def show_result(self, passed: bool, label: str, detail: str, palette: Palette) -> None:
        self.passed = passed
        self.mark.setText("✓" if passed else "✗")
        colour = palette.success if passed else palette.error
        self.mark.setStyleSheet(f"color: {colour}; font-weight: bold;")
        self.mark.setToolTip(
            translate("GoalRow", "passes") if passed else translate("GoalRow", "does not pass yet")
        )
        text = escape(label)
        if detail:
            text += f"<br><span style='color:{palette.text_soft}'>{escape(detail)}</span>"
        self.text.setText(text)


class ExercisePanel(QWidget):
    """Shows the controller's exercise; ``hints_shown`` counts the revealed hints. Colours
    come from ``theme`` (None: a light theme of the panel's own)."""

    def __init__(
        self,
        controller: ExerciseController,
        parent: QWidget | None = None,
        *,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.theme = theme if theme is not None else Theme(parent=self)
        self.hints_shown = 0
        self.rows: list[GoalRow] = []
        self.banner = QLabel(self)
        self.banner.setWordWrap(True)
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setMargin(8)
        self.banner.setTextFormat(Qt.TextFormat.RichText)
        self.banner.setProperty("font_role", "banner")
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.instructions = QTextBrowser(self)
        self.instructions.setOpenLinks(False)
        self.instructions.setFrameShape(QFrame.Shape.NoFrame)
        self.instructions.setProperty("font_role", "instructions")
        self.instructions.setToolTip(
            translate("ExercisePanel", "What to do: the exercise's instructions")
        )
        self._build_checks()
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._build_top())
        splitter.addWidget(self.checks_area)
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([280, 420])
        self.splitter = splitter
        self.placeholder = QLabel(no_exercise(), self)
        self.placeholder.setWordWrap(True)
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.placeholder.setMargin(8)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.placeholder, 1)
        controller.exercise_changed.connect(self.rebuild)
        controller.checked.connect(self.show_results)
        self.theme.changed.connect(lambda _palette: self.show_results())
        self.apply_fonts()
        self.rebuild()

    def _build_top(self) -> QWidget:
        """The instructions (revealed hints are added at their end), then the hint button."""
        top = QWidget(self)
        self.hint_button = QPushButton(top)
        self.hint_button.setToolTip(
            translate("ExercisePanel", "Reveal the next hint (the last one may give the answer)")
        )
        self.hint_button.clicked.connect(self.show_next_hint)
        layout = QVBoxLayout(top)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.addWidget(self.instructions, 1)
        layout.addWidget(self.hint_button, 0, Qt.AlignmentFlag.AlignLeft)
        return top

    def _build_checks(self) -> None:
        inner = QWidget()
        self.goals_layout = QVBoxLayout()
        self.goals_layout.setSpacing(2)
        layout = QVBoxLayout(inner)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(self.goals_layout)
        layout.addStretch(1)
        self.checks_area = QScrollArea(self)
        self.checks_area.setWidget(inner)
        self.checks_area.setWidgetResizable(True)
        self.checks_area.setFrameShape(QFrame.Shape.NoFrame)

    # ---------------------------------------------------------------- showing
    def rebuild(self) -> None:
        """New exercise (or none): instructions, one row per check, hints hidden again."""
        c = self.controller
        exercise = c.exercise
        has = exercise is not None
        for widget in (self.banner, self.title, self.splitter):
            widget.setVisible(has)
        self.placeholder.setVisible(not has)
        self.placeholder.setText(f"<p>{escape(c.problem)}</p>" if c.problem else no_exercise())
        _clear(self.goals_layout)
        self.rows, self.headings, self.hints_shown = [], [], 0
        if not has:
            return
        meta_title = localized(c.document.network.meta.get("title")) or translate(
            "ExercisePanel", "Exercise"
        )
        self.title.setText(f"<b>{escape(meta_title)}</b>")
        # instructions that open with a heading have a title of their own
        self.title.setVisible(
            not localized(exercise.instructions).lstrip().startswith(("<h3", "<h4"))
        )
        self._show_instructions()
        self._update_hint_button()
        self.show_results()

    def show_results(self) -> None:
        c = self.controller
        if c.exercise is None:
            return
        shown = c.results + [self._locks_summary()]
        if len(self.rows) != len(shown):
            self._make_rows(c.results)
        palette = self.theme.palette
        for row, result in zip(self.rows, shown, strict=True):
            row.show_result(
                result.passed, core_text(result.label), core_text(result.detail), palette
            )
        done, total = c.passed_count
        if c.solved:
            solved = translate("ExercisePanel", "Solved ✓")
            met = translate("ExercisePanel", "Every goal is met. Save your work to hand it in.")
            self.banner.setText(
                f"<span style='font-size:x-large'>{solved}</span><br>"
                f"<span style='font-weight:normal'>{met}</span>"
            )
            self.banner.setStyleSheet(SOLVED_STYLE)
        else:
            if done < total:
                text = translate("ExercisePanel", "{done} of {total} checks pass")
            else:
                text = translate(
                    "ExercisePanel", "{done} of {total} checks pass — but a locked part was changed"
                )
            self.banner.setText(text.format(done=done, total=total))
            self.banner.setStyleSheet(
                PENDING_STYLE.format(
                    ground=palette.role(QPalette.ColorRole.AlternateBase).name(),
                    text=palette.role(QPalette.ColorRole.Text).name(),
                )
            )
        self.banner.setToolTip(
            translate("ExercisePanel", "Every goal of the exercise, checked after each change")
        )

    def _locks_summary(self) -> GoalResult:
        results = self.controller.lock_results
        failed = [r for r in results if not r.passed]
        n = len(results)
        label = (
            translate("ExercisePanel", "%n locked part(s) kept", "", n)
            if n
            else translate("ExercisePanel", "nothing is locked")
        )
        if failed:
            return GoalResult(
                None, label, False, "; ".join(core_text(r.detail) for r in failed), kind="locked"
            )
        unchanged = translate("ExercisePanel", "unchanged") if n else ""
        return GoalResult(None, label, True, unchanged, kind="locked")

    def _make_rows(self, results: list[GoalResult]) -> None:
        _clear(self.goals_layout)
        self.rows, self.headings = [], []
        exercise = self.controller.exercise
        assert exercise is not None
        last_goal: object = object()
        for result in [*results, None]:
            goal_index = result.goal_index if result is not None else None
            if goal_index != last_goal:
                last_goal = goal_index
                heading = QLabel(self._heading(goal_index))
                heading.setTextFormat(Qt.TextFormat.PlainText)  # a goal's title is only text
                heading.setWordWrap(True)
                heading.setStyleSheet("QLabel { font-weight: bold; margin-top: 6px; }")
                self.goals_layout.addWidget(heading)
                self.headings.append(heading)
            row = GoalRow()
            self.goals_layout.addWidget(row)
            self.rows.append(row)
        self.apply_fonts()

    def _heading(self, goal_index: int | None) -> str:
        exercise = self.controller.exercise
        if goal_index is None or exercise is None:
            return translate("ExercisePanel", "Locked parts")
        goal = exercise.goals[goal_index]
        title = (
            localized(goal.title)
            or {
                "table": translate("ExercisePanel", "Table"),
                "dataset": translate("ExercisePanel", "Dataset"),
                "max_hidden": translate("ExercisePanel", "Size"),
                "activations": translate("ExercisePanel", "Activations"),
            }[goal.type]
        )
        return translate("ExercisePanel", "Goal {n} — {title}").format(
            n=goal_index + 1, title=title
        )

    # ------------------------------------------------------------------ hints
    def show_next_hint(self) -> None:
        exercise = self.controller.exercise
        if exercise is None or self.hints_shown >= len(exercise.hints):
            return
        self.hints_shown += 1
        self._show_instructions()
        self._update_hint_button()
        self._scroll_to_end()
        # again once the layout has settled (not if the panel is gone by then)
        QTimer.singleShot(0, self.instructions, self._scroll_to_end)

    def _scroll_to_end(self) -> None:
        """The newest hint is at the end of the instructions: bring it into view."""
        self.instructions.moveCursor(QTextCursor.MoveOperation.End)
        self.instructions.ensureCursorVisible()

    def _show_instructions(self) -> None:
        exercise = self.controller.exercise
        assert exercise is not None
        hints = "".join(
            HINT_HTML.format(
                hint=translate("ExercisePanel", "<b>Hint {n}.</b> {text}").format(
                    n=i + 1, text=escape(localized(text))
                )
            )
            for i, text in enumerate(exercise.hints[: self.hints_shown])
        )
        # the file's markup through the one sanitiser: allowed tags, no attributes
        self.instructions.setHtml(sanitise(localized(exercise.instructions), ALLOWED_TAGS) + hints)

    def _update_hint_button(self) -> None:
        exercise = self.controller.exercise
        total = len(exercise.hints) if exercise is not None else 0
        self.hint_button.setVisible(total > 0)
        if self.hints_shown < total:
            self.hint_button.setText(
                translate("ExercisePanel", "Show hint {n} of {total}").format(
                    n=self.hints_shown + 1, total=total
                )
            )
            self.hint_button.setEnabled(True)
        else:
            self.hint_button.setText(translate("ExercisePanel", "All %n hint(s) shown", "", total))
            self.hint_button.setEnabled(False)

    def hint_texts(self) -> list[str]:
        """The revealed hints' texts (for tests and screen readers)."""
        exercise = self.controller.exercise
        return [localized(h) for h in exercise.hints[: self.hints_shown]] if exercise else []

    # ------------------------------------------------------------------ fonts
    def apply_fonts(self) -> None:
        """Sizes relative to the application font (it grows with View ▸ Text Size)."""
        base = QApplication.font()
        body = QFont(base)
        body.setPointSizeF(base.pointSizeF() * FONT_FACTORS["body"])
        self.setFont(body)
        for widget in self.findChildren(QWidget):
            role = widget.property("font_role")
            if role:
                font = QFont(base)
                font.setPointSizeF(base.pointSizeF() * FONT_FACTORS[role])
                font.setBold(role in ("banner", "mark"))
                widget.setFont(font)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ApplicationFontChange:
            self.apply_fonts()
        return super().event(event)


def no_exercise() -> str:
    """What the panel says when the open file has no exercise."""
    return translate(
        "ExercisePanel",
        "<p>This file has no exercise.</p><p>Open one (File ▸ Exercises…) to see its "
        "instructions and a live ✓/✗ for every goal, or make one with Tools ▸ Exercise "
        "Authoring….</p>",
    )


def _clear(layout: QVBoxLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            widget.hide()  # gone at once, not when the event loop deletes it
            widget.deleteLater()
