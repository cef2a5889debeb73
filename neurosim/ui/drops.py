"""Network files dropped on the window, or on its canvas, open in the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, QObject
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QWidget

_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def dropped_files(mime: QMimeData) -> list[str]:
    """Local *.json files in a drag's data."""
    return [
        url.toLocalFile()
        for url in mime.urls()
        if url.isLocalFile() and url.toLocalFile().lower().endswith(".json")
    ]


class FileDrops(QObject):
    """Takes drags of network files on the widgets it watches and opens the first dropped
    with ``open_file`` (the canvas would take them for itself otherwise)."""

    def __init__(
        self, open_file: Callable[[str], bool], watched: list[QWidget], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._open_file = open_file
        for widget in watched:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() not in _DRAG_EVENTS or not isinstance(event, QDropEvent):
            return False
        files = dropped_files(event.mimeData())
        if not files:
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self._open_file(files[0])
        return True
