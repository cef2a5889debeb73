"""Copies of shipped lessons kept for the session, and the questions about them.

A lesson (an example or exercise, see :mod:`neurosim.core.shipped`) opens as an untitled
copy. Leaving a changed copy for another file asks nothing — a presenter's clicker cannot
answer a dialog, and nothing is written without being asked for: the copy waits here, in
memory, and opening the same lesson again brings it back, changes and all. File ▸ Revert to
Original drops it; quitting asks once about the copies still waiting. While they wait, the
recovery folder holds them too, so a crash or a logout loses none of them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMessageBox, QWidget

from neurosim.core.model import Network
from neurosim.core.shipped import Origin
from neurosim.ui.core_text import origin_title
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.lifetime import tied
from neurosim.ui.plain_text import as_text

MessageButton = QMessageBox.StandardButton


def documents_folder() -> Path:
    """Where Save puts a lesson copy by default: the user's documents folder (home
    without one)."""
    place = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(place) if place else Path.home()


class LessonCopies(QObject):
    """Changed lesson copies waiting in memory, by the shipped file they came from.

    Signals: ``changed()`` — a copy was kept, taken back or dropped (the recovery folder
    follows, so a crash loses none of them, see :mod:`neurosim.ui.kept_recovery`)."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._kept: dict[Path, tuple[Origin, Network]] = {}

    def keep(self, origin: Origin, network: Network) -> None:
        self._kept[origin.path] = (origin, network)
        self.changed.emit()

    def take(self, origin: Origin) -> Network | None:
        """The kept copy of ``origin`` (it is no longer kept here), or None."""
        kept = self._kept.pop(origin.path, None)
        if kept is None:
            return None
        self.changed.emit()
        return kept[1]

    def drop(self, origin: Origin) -> None:
        if self._kept.pop(origin.path, None) is not None:
            self.changed.emit()

    def clear(self) -> None:
        """Give up every kept copy (quitting, after the user said Discard)."""
        if self._kept:
            self._kept.clear()
            self.changed.emit()

    def items(self) -> list[tuple[Origin, Network]]:
        return list(self._kept.values())

    def titles(self) -> list[str]:
        return [origin_title(origin) for origin, _ in self._kept.values()]

    def __len__(self) -> int:
        return len(self._kept)


def confirm_revert(parent: QWidget, title: str, to_original: bool) -> bool:
    """Ask before dropping the changes to ``title``; True to go ahead."""
    if to_original:
        heading = translate("LessonCopies", "Revert to Original")
        question = translate(
            "LessonCopies",
            "Drop your changes to “{title}” and go back to the original lesson?\n\n"
            "The changes cannot be brought back afterwards.",
        )
    else:
        heading = translate("LessonCopies", "Revert to Saved")
        question = translate(
            "LessonCopies",
            "Drop your changes to “{title}” and go back to the version saved on disk?\n\n"
            "The changes cannot be brought back afterwards.",
        )
    answer = QMessageBox.warning(
        parent,
        heading,
        as_text(question.format(title=title)),
        MessageButton.Discard | MessageButton.Cancel,
        MessageButton.Cancel,
    )
    return answer == MessageButton.Discard


def confirm_drop_kept(parent: QWidget, titles: list[str]) -> bool:
    """Quitting with changed lesson copies still kept in memory: go ahead (they are
    dropped) or stay (to open and save them)?"""
    shown = "\n".join(f"• {t}" for t in titles[:8]) + ("\n• …" if len(titles) > 8 else "")
    answer = QMessageBox.warning(
        parent,
        translate("LessonCopies", "Changed lessons"),
        as_text(
            translate(
                "LessonCopies",
                "You changed these lessons in this session; the changes are lost when "
                "NeuroSim closes:\n\n{lessons}\n\nTo keep one, open it again (File ▸ Examples "
                "or File ▸ Exercises) and save it.",
            ).format(lessons=shown)
        ),
        MessageButton.Discard | MessageButton.Cancel,
        MessageButton.Cancel,
    )
    return answer == MessageButton.Discard


def revert_action(parent: QWidget, document: Document, revert: Callable[[], bool]) -> QAction:
    """File ▸ Revert to Original (a changed lesson copy) or Revert to Saved (a changed
    file); disabled while there is nothing to drop."""
    action = QAction(translate("LessonCopies", "Revert to &Original"), parent)
    action.triggered.connect(lambda _c=False: revert())

    def follow() -> None:
        lesson = document.origin is not None
        if lesson:
            action.setText(translate("LessonCopies", "Revert to &Original"))
            tip = translate("LessonCopies", "Drop your changes: back to the lesson as shipped")
        else:
            action.setText(translate("LessonCopies", "Re&vert to Saved"))
            tip = translate("LessonCopies", "Drop your changes: back to the file as saved")
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.setEnabled(document.modified and (lesson or document.path is not None))

    document.file_state_changed.connect(tied(action, follow))  # the document may outlive it
    follow()
    return action
