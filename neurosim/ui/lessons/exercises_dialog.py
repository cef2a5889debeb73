"""File ▸ Exercises…: the shipped exercises in a list, with instructions and a picture.

A single click (or the arrow keys) shows an exercise's instructions and a preview of its
network; Open, a double-click or Enter starts it through the window's own open path (as
an untitled copy, see :mod:`neurosim.core.shipped`) and closes the dialog. If the window
refuses (the user cancelled saving), the dialog stays.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from neurosim.core import fileformat
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.exercise.section import ALLOWED_TAGS
from neurosim.core.lesson import ExampleInfo
from neurosim.core.rich_text import sanitise
from neurosim.core.shipped import without_exercise_prefix
from neurosim.core.validate import FileFormatError
from neurosim.ui.core_text import localized
from neurosim.ui.i18n import translate
from neurosim.ui.lessons.thumbnails import SIZE, thumbnail
from neurosim.ui.theme import Theme


def instructions_of(path: Path) -> str:
    """The exercise's instructions as safe rich text, or why they cannot be shown."""
    try:
        exercise = exercise_of(fileformat.load(path))
    except (FileFormatError, OSError) as exc:
        cannot = translate("ExercisesDialog", "This exercise cannot be opened:")
        return f"<p><b>{cannot}</b></p><p>{escape(str(exc))}</p>"
    if exercise is None:
        none = translate("ExercisesDialog", "This file has no exercise section.")
        return f"<p>{none}</p>"
    return sanitise(localized(exercise.instructions), ALLOWED_TAGS)


class ExercisesDialog(QDialog):
    """The exercises ``items``; ``open_path(path) -> bool`` starts one in the window."""

    def __init__(
        self,
        items: list[ExampleInfo],
        open_path: Callable[[Path], bool],
        theme: Theme,
        cache: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("ExercisesDialog", "Exercises — NeuroSim"))
        self.setObjectName("exercises_dialog")
        self._open_path = open_path
        self._theme = theme
        self._cache = cache
        intro = QLabel(
            translate(
                "ExercisesDialog",
                "Pick an exercise to read what it asks; <b>Open</b> (or a double-click) starts "
                "it as your own copy — the checklist beside the network shows ✓ for every goal "
                "you reach.",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setWordWrap(True)
        self.list.setMinimumWidth(240)
        for info in items:
            item = QListWidgetItem(without_exercise_prefix(info.title), self.list)
            item.setToolTip(info.description)
            item.setData(Qt.ItemDataRole.UserRole, str(info.path))
        self.list.currentItemChanged.connect(lambda item, _old: self._show(item))
        # a double-click opens; Enter reaches the default button, Open. (Not ``activated``:
        # where the desktop activates on a single click, a click must still only show.)
        self.list.itemDoubleClicked.connect(lambda _item: self.open_current())
        self.picture = QLabel(self)
        self.picture.setFixedSize(SIZE)
        self.picture.setToolTip(translate("ExercisesDialog", "The exercise's network as it opens"))
        self.instructions = QTextBrowser(self)
        self.instructions.setOpenLinks(False)
        self.instructions.setMinimumWidth(SIZE.width())
        details = QVBoxLayout()
        details.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        details.addWidget(self.instructions, 1)
        body = QHBoxLayout()
        body.addWidget(self.list, 2)
        body.addLayout(details, 3)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.open_button = self.buttons.addButton(
            translate("ExercisesDialog", "&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setToolTip(
            translate("ExercisesDialog", "Start the chosen exercise (a copy: the original stays)")
        )
        self.open_button.setDefault(True)
        self.buttons.rejected.connect(self.reject)
        self.open_button.clicked.connect(self.open_current)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addWidget(self.buttons)
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self.instructions.setPlainText(
                translate("ExercisesDialog", "No exercises are installed.")
            )
            self.open_button.setEnabled(False)
        self.resize(900, 560)

    def current_path(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None

    def _show(self, item: QListWidgetItem | None) -> None:
        self.open_button.setEnabled(item is not None)
        if item is None:
            return
        path = Path(item.data(Qt.ItemDataRole.UserRole))
        self.instructions.setHtml(instructions_of(path))
        self.picture.setPixmap(
            thumbnail(path, self._cache, SIZE, self._theme.palette).scaled(
                SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )

    def open_current(self) -> bool:
        """Start the chosen exercise; the dialog closes when the window opened it."""
        path = self.current_path()
        if path is None or not self._open_path(path):
            return False
        self.accept()
        return True
