"""File handling for the main window: New, Open, Save, Save As, recent files, asking to save.

:class:`FileHandling` is a mixin for :class:`~neurosim.ui.mainwindow.MainWindow`; it uses the
window's ``document``, ``file_watch``, ``settings``, ``recent_menu``, ``show_status`` and
``error``. Dialogs are Qt's static functions (and :func:`ask_outside_change`), so tests can
stand in for them.

A file is never overwritten behind someone's back: when the open file was changed by
someone else since this window read or wrote it (another window, another program), the
window says so as soon as it notices, and Save checks again before writing; either way the
choice is to reload that version or to keep this one, which then goes to Save As.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

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
    """The File menu's work; a failed load or save says why and changes nothing else.

    The window sets ``suggested_path`` (None; where Save As starts for a document that
    gave up its file) and ``asking_outside`` (False) before using it."""

    suggested_path: Path | None
    asking_outside: bool

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

    def open_file(self, path: str | Path, ask_to_save: bool = True) -> bool:
        """Load ``path``; a file that fails to load leaves the current document untouched."""
        try:
            network, digest = fileformat.load_with_digest(path)
        except FileFormatError as exc:
            self.error("Cannot open the file", str(exc))
            return False
        if ask_to_save and not self.maybe_save():
            return False
        fileformat.remove_stale_temps(path)  # left beside it by a save that was killed
        self.open_network(network, Path(path), digest)
        self.add_recent(path)
        self.show_status(f"Opened {path}")
        return True

    def open_network(
        self, network: Network, path: Path | None = None, digest: str | None = None
    ) -> None:
        """Show ``network`` (already loaded) with a fresh history; the canvas fits it.
        ``digest``: of the file's bytes as read (to notice changes made by others)."""
        self.suggested_path = None
        self.document.replace(network, path, digest)

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path, check_outside=True)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self, "Save network as", self._suggested_path(), SAVE_FILTER
        )
        if not path:
            return False
        return self.save_to(with_suffix(path))  # chosen in the dialog: it asked to replace

    def save_to(self, path: str | Path, check_outside: bool = False) -> bool:
        """Save; on failure say why and keep the document marked as modified. With
        ``check_outside`` (a plain Save), a file changed by someone else since it was read
        is not overwritten: the user reloads it or saves under another name."""
        if check_outside and self.file_watch.outside_change() is not None:
            return self.resolve_outside_change(saving=True)
        try:
            self.document.save(path)
        except OSError as exc:
            self.error("Cannot save the file", f"{path}:\n{exc.strerror or exc}")
            return False
        self.add_recent(path)
        self.show_status(f"Saved {path}")
        return True

    # ---------------------------------------------------------- outside changes
    def resolve_outside_change(self, saving: bool = False) -> bool:
        """The open file was changed or removed by someone else: reload it, or keep this
        version and save it under a name the user chooses. True when this version was saved
        (``saving``) or the file reloaded."""
        what = self.file_watch.outside_change()
        if what is None or self.asking_outside or not self.isVisible():
            return False  # (a closed window asks nothing; Save checks again)
        self.asking_outside = True
        try:
            answer = ask_outside_change(self, self.document.title, what == "gone", saving)
        finally:
            self.asking_outside = False
        path = self.document.path
        if answer == "reload" and path is not None and what != "gone":
            return self.open_file(path, ask_to_save=False)
        if answer == "cancel":
            return False
        # Keep mine: this version no longer claims the file; Save asks for a name (the
        # dialog starts at the old one, and asks before replacing anything).
        self.suggested_path = path
        self.document.path = None
        self.document.disk_digest = None
        self.document.undo_stack.resetClean()  # modified: it is on no disk
        self.document.file_state_changed.emit()
        self.show_status("Your version is kept; save it under a name of your choice")
        return self.save_as() if saving else False

    def _start_dir(self) -> str:
        if self.document.path is not None:
            return str(self.document.path.parent)
        return str(self.settings.value("last_dir", str(Path.home())))

    def _suggested_path(self) -> str:
        if self.document.path is not None:
            return str(self.document.path)
        if self.suggested_path is not None:
            return str(self.suggested_path)
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


def ask_outside_change(parent: QWidget | None, name: str, gone: bool, saving: bool) -> str:
    """Ask what to do about a file someone else changed: "reload", "keep" (this version,
    to Save As) or "cancel" (only when saving)."""
    what = "removed or renamed" if gone else "changed by another program or window"
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "File changed elsewhere",
        f"“{name}” was {what} since you opened or saved it here."
        + ("\n\nSaving now would overwrite that version." if saving and not gone else "")
        + "\n\nReload it (your unsaved changes here are dropped), or keep your version "
        "and save it under a name you choose?",
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("outside_change_dialog")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name is only text
    reload = None if gone else box.addButton("Reload", QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton("Keep mine (Save As…)", QMessageBox.ButtonRole.AcceptRole)
    if saving:
        box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if reload is not None and clicked is reload:
        return "reload"
    return "keep" if clicked is keep or not saving else "cancel"
