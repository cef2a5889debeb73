"""Notices when the open file is changed by someone else: another window, another program.

The document keeps the SHA-256 of the file as it last read or wrote it
(``Document.disk_digest``). :class:`FileWatch` watches the file with a
``QFileSystemWatcher`` and, when the file on disk no longer holds those bytes, says so once
(``changed_outside``); the window then asks whether to reload or keep its own version
(which goes to Save As, never silently over the other one). Our own saves change the file
too, but to the digest the document just recorded, so they are not reported.
:meth:`FileWatch.outside_change` answers the same question on demand (a save checks first:
the watcher's news may still be on its way).

Signals:
    changed_outside(bool): the open file was changed by someone else (True: it is gone).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from neurosim.core.fileformat import file_digest
from neurosim.ui.document import Document


class FileWatch(QObject):
    """Follows ``document``'s file (see the module docstring)."""

    changed_outside = Signal(bool)

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._path: Path | None = None
        self._reported: str | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._on_event)
        self._watcher.directoryChanged.connect(self._on_event)
        self._settle = QTimer(self)  # a save is several events (write, rename): one check
        self._settle.setSingleShot(True)
        self._settle.setInterval(50)
        self._settle.timeout.connect(self.check)
        document.file_state_changed.connect(self._follow)
        self._follow()

    def outside_change(self) -> str | None:
        """ "changed" or "gone" when the file on disk is not what the document last read
        or wrote; None when it is, or when there is nothing to compare."""
        if self._path is None or self.document.disk_digest is None:
            return None
        now = file_digest(self._path)
        if now is None:
            return "gone"
        return None if now == self.document.disk_digest else "changed"

    def check(self) -> None:
        """Compare now; announce a change once (until the file is as expected again)."""
        self._watch()
        what = self.outside_change()
        if what != self._reported:
            self._reported = what
            if what is not None:
                self.changed_outside.emit(what == "gone")

    def watched(self) -> list[str]:
        return self._watcher.files() + self._watcher.directories()

    # --------------------------------------------------------------- internals
    def _follow(self) -> None:
        path = self.document.path
        if path != self._path:
            if self.watched():
                self._watcher.removePaths(self.watched())
            self._path = Path(path) if path is not None else None
            self._reported = None
            if self._path is not None and self.document.disk_digest is None:
                self.document.disk_digest = file_digest(self._path)  # opened from elsewhere
        elif self.document.disk_digest is not None and self.outside_change() is None:
            self._reported = None  # saved: what is on disk is ours again
        self._watch()

    def _watch(self) -> None:
        """Watch the file; an atomic save (anyone's) replaces it, which ends the watch, so
        it is added again. While it is gone, its folder is watched for its return."""
        if self._path is None:
            return
        watched = set(self.watched())
        file, folder = str(self._path), str(self._path.parent)
        if self._path.exists():
            if file not in watched:
                self._watcher.addPath(file)
            if folder in watched:
                self._watcher.removePath(folder)
        elif folder not in watched and self._path.parent.is_dir():
            self._watcher.addPath(folder)

    def _on_event(self, _path: str) -> None:
        self._settle.start()
