"""File handling for the main window: New, Open, Save, Save As, recent files, asking to save.

:class:`FileHandling` is a mixin for :class:`~neurosim.ui.mainwindow.MainWindow`; it uses the
window's ``document``, ``settings``, ``recent_menu``, ``show_status`` and ``error``. Dialogs
are Qt's static functions, so tests can stand in for them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from PySide6.QtWidgets import QFileDialog, QMessageBox

from neurosim.core import fileformat
from neurosim.core.fileformat import FileFormatError
from neurosim.core.model import Network
from neurosim.ui.plain_text import as_text

MAX_RECENT = 10
SAVE_FILTER = "NeuroSim networks (*.nsim.json);;JSON files (*.json)"
OPEN_FILTER = "Network files (*.json);;All files (*)"
MessageButton = QMessageBox.StandardButton


class FileVerbs(Protocol):
    """What a part may ask of the window's files: open, new, the Open dialog (each asks to
    save unsaved changes first; False when nothing was opened) and a status-bar message.
    :class:`~neurosim.ui.mainwindow.MainWindow` offers them."""

    def open_file(self, path: str | Path) -> bool: ...

    def new_file(self) -> bool: ...

    def open_dialog(self) -> bool: ...

    def show_status(self, text: str, timeout: int = 5000) -> None: ...


def with_suffix(path: str) -> str:
    """``path`` ending in ``.nsim.json`` unless it already ends in ``.json``."""
    if path.lower().endswith(".json"):
        return path
    return path + (".json" if path.lower().endswith(".nsim") else ".nsim.json")


class FileHandling:
    """The File menu's work; a failed load or save says why and changes nothing else."""

    def maybe_save(self) -> bool:
        """True when it is fine to drop the document (saved, discarded or unchanged)."""
        if not self.document.modified:
            return True
        answer = QMessageBox.warning(
            self,
            "Unsaved changes",
            as_text(f"“{self.document.title}” has changes that are not saved.\nSave them first?"),
            MessageButton.Save | MessageButton.Discard | MessageButton.Cancel,
            MessageButton.Save,
        )
        if answer == MessageButton.Save:
            return self.save()
        return answer == MessageButton.Discard

    # -------------------------------------------------------------- files
    def new_file(self) -> bool:
        if not self.maybe_save():
            return False
        self.document.replace(Network())
        return True

    def open_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, "Open network", self._start_dir(), OPEN_FILTER)
        return self.open_file(path) if path else False

    def open_file(self, path: str | Path) -> bool:
        """Load ``path``; a file that fails to load leaves the current document untouched."""
        try:
            network = fileformat.load(path)
        except FileFormatError as exc:
            self.error("Cannot open the file", str(exc))
            return False
        if not self.maybe_save():
            return False
        fileformat.remove_stale_temps(path)  # left beside it by a save that was killed
        self.open_network(network, Path(path))
        self.add_recent(path)
        self.show_status(f"Opened {path}")
        return True

    def open_network(self, network: Network, path: Path | None = None) -> None:
        """Show ``network`` (already loaded) with a fresh history; the canvas fits it."""
        self.document.replace(network, path)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save network as", self._suggested_path(), SAVE_FILTER
        )
        if not path:
            return False
        return self.save_to(with_suffix(path))

    def save_to(self, path: str | Path) -> bool:
        """Save; on failure say why and keep the document marked as modified."""
        try:
            self.document.save(path)
        except OSError as exc:
            self.error("Cannot save the file", f"{path}:\n{exc.strerror or exc}")
            return False
        self.add_recent(path)
        self.show_status(f"Saved {path}")
        return True

    def _start_dir(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return str(self.settings.value("last_dir", str(Path.home())))

    def _suggested_path(self) -> str:
        if self.document.path is not None:
            return str(self.document.path)
        stem = re.sub(r"[^\w]+", "_", self.document.title.lower()).strip("_") or "network"
        return str(Path(self._start_dir()) / f"{stem}.nsim.json")

    # -------------------------------------------------------------- recent
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [], type=list)
        return [str(v) for v in value if v]

    def add_recent(self, path: str | Path) -> None:
        path = str(Path(path).resolve())
        files = [path] + [f for f in self.recent_files() if f != path]
        self.settings.setValue("recent_files", files[:MAX_RECENT])
        self.settings.setValue("last_dir", str(Path(path).parent))

    def fill_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent_files()
        for i, path in enumerate(files, 1):
            action = menu.addAction(f"&{i % 10} {Path(path).name}")
            action.setStatusTip(path)
            action.setToolTip(path)
            action.triggered.connect(lambda _c=False, p=path: self._open_recent(p))
        if not files:
            menu.addAction("(none yet)").setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction("&Clear Recent Files")
        clear.setEnabled(bool(files))
        clear.triggered.connect(lambda: self.settings.setValue("recent_files", []))

    def _open_recent(self, path: str) -> None:
        if not self.open_file(path) and not Path(path).exists():
            self.settings.setValue("recent_files", [f for f in self.recent_files() if f != path])
