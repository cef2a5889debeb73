"""The "What to notice" panel: the lesson's title and notes in large, readable text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QStackedWidget, QTextBrowser, QVBoxLayout, QWidget

from neurosim.core.lesson import Lesson, TrainSettings, notes_html
from neurosim.ui.core_text import localized
from neurosim.ui.i18n import translate

NOTES_FONT_FACTOR = 1.3  # the notes are read from a distance: larger than the window's text


def empty_text() -> str:
    """What the panel says for a network without notes."""
    return translate(
        "NotesPanel",
        "This network has no notes.\n\nThe examples (File ▸ Examples) say here what "
        "to look at while you change them.",
    )


def train_hint(t: TrainSettings) -> str:
    """One line for the suggested training settings of a lesson."""
    epochs = t.epochs  # (pyside6-lupdate reads a count given by a plain name only)
    if t.batch_size is None:
        hint = translate(
            "NotesPanel",
            "Suggested training: %n epoch(s) · {optimizer} · learning rate {lr} · "
            "{loss} loss · full batch · seed {seed}",
            "",
            epochs,
        )
    else:
        hint = translate(
            "NotesPanel",
            "Suggested training: %n epoch(s) · {optimizer} · learning rate {lr} · "
            "{loss} loss · batches of {batch} · seed {seed}",
            "",
            epochs,
        )
    return hint.format(
        optimizer=t.optimizer, lr=f"{t.lr:g}", loss=t.loss, batch=t.batch_size, seed=t.seed
    )


class NotesPanel(QWidget):
    """Shows one lesson (``set_lesson``); an empty state when there are no notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("notes_panel")
        self.title = QLabel(self)
        self.title.setWordWrap(True)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.empty = QLabel(empty_text(), self)
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        page = QWidget(self)
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.title)
        column.addWidget(self.browser, 1)
        column.addWidget(self.hint)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(page)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.stack)
        self.lesson: Lesson | None = None
        self._follow_font()
        QGuiApplication.instance().fontChanged.connect(self._follow_font)
        self.set_lesson(None)

    @property
    def has_notes(self) -> bool:
        return self.lesson is not None and bool(localized(self.lesson.notes).strip())

    def set_lesson(self, lesson: Lesson | None, problem: str | None = None) -> None:
        """Show ``lesson``; with ``problem`` (why the file's notes or view could not be
        read) say that instead."""
        self.lesson = lesson
        if not self.has_notes:
            self.browser.clear()
            self.title.clear()
            self.hint.clear()
            self.empty.setText(
                translate(
                    "NotesPanel", "The notes and view of this file are not used:\n\n{problem}"
                ).format(problem=problem)
                if problem
                else empty_text()
            )
            self.stack.setCurrentIndex(1)
            return
        self.title.setText(localized(lesson.title) or translate("NotesPanel", "What to notice"))
        self.browser.setHtml(notes_html(localized(lesson.notes)))
        train = lesson.view.train
        self.hint.setText(train_hint(train) if train is not None else "")
        self.hint.setVisible(train is not None)
        self.stack.setCurrentIndex(0)

    def plain_text(self) -> str:
        """The notes as shown, without markup (tests, screen readers)."""
        return self.browser.toPlainText()

    def _follow_font(self, *_: object) -> None:
        base = QGuiApplication.font()
        size = base.pointSizeF() if base.pointSizeF() > 0 else 10.0
        notes = QFont(base)
        notes.setPointSizeF(size * NOTES_FONT_FACTOR)
        self.browser.setFont(notes)
        self.empty.setFont(notes)
        title = QFont(base)
        title.setPointSizeF(size * NOTES_FONT_FACTOR * 1.15)
        title.setBold(True)
        self.title.setFont(title)
        hint = QFont(base)
        hint.setItalic(True)
        self.hint.setFont(hint)
