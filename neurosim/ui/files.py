"""File handling for the main window: New, Open, Save, Save As, recent files, asking to save.

:class:`FileHandling` is a mixin for :class:`~neurosim.ui.mainwindow.MainWindow`; it uses the
window's ``document``, ``file_watch``, ``settings``, ``recent_menu``, ``show_status`` and
``error``. Dialogs are Qt's static functions (and :func:`ask_outside_change`), so tests can
stand in for them.

A shipped lesson (an example or exercise installed with NeuroSim, see
:mod:`neurosim.core.shipped`) is never written to, however it was opened: it opens as an
untitled copy that remembers its origin, Save asks where to put it (the user's documents
folder, or the folder last used), nothing is ever saved into the installed folder, and
leaving a changed copy keeps it for the session (:mod:`neurosim.ui.lesson_copies`).

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
from neurosim.core.shipped import Origin, is_shipped
from neurosim.ui.core_text import origin_title, shipped_origin
from neurosim.ui.i18n import translate
from neurosim.ui.lesson_copies import (
    LessonCopies,
    confirm_drop_kept,
    confirm_revert,
    documents_folder,
)
from neurosim.ui.plain_text import as_text

MAX_RECENT = 10
MessageButton = QMessageBox.StandardButton


class FileVerbs(Protocol):
    """What a part may ask of the window's files: open, new, the Open dialog (each asks to
    save unsaved changes first; False when nothing was opened) and a status-bar message.
    :class:`~neurosim.ui.mainwindow.MainWindow` offers them."""

    def open_file(self, path: str | Path) -> bool: ...

    def new_file(self) -> bool: ...

    def open_dialog(self) -> bool: ...

    def show_status(self, text: str, timeout: int = 5000) -> None: ...


def save_filter() -> str:
    return translate("FileHandling", "NeuroSim networks (*.nsim.json);;JSON files (*.json)")


def open_filter() -> str:
    return translate("FileHandling", "Network files (*.json);;All files (*)")


def with_suffix(path: str) -> str:
    """``path`` ending in ``.nsim.json`` unless it already ends in ``.json``."""
    if path.lower().endswith(".json"):
        return path
    return path + (".json" if path.lower().endswith(".nsim") else ".nsim.json")


class FileHandling:
    """The File menu's work; a failed load or save says why and changes nothing else.

    The window sets ``suggested_path`` (None; where Save As starts for a document that
    gave up its file), ``asking_outside`` (False) and ``lesson_copies`` (the changed
    lesson copies kept for the session) before using it."""

    suggested_path: Path | None
    asking_outside: bool
    lesson_copies: LessonCopies

    def maybe_save(self) -> bool:
        """True when it is fine to drop the document (saved, discarded or unchanged)."""
        if not self.document.modified:
            return True
        answer = QMessageBox.warning(
            self,
            translate("FileHandling", "Unsaved changes"),
            as_text(
                translate(
                    "FileHandling", "“{title}” has changes that are not saved.\nSave them first?"
                ).format(title=self.document.title)
            ),
            MessageButton.Save | MessageButton.Discard | MessageButton.Cancel,
            MessageButton.Save,
        )
        if answer == MessageButton.Save:
            return self.save()
        return answer == MessageButton.Discard

    def release_document(self) -> bool:
        """True when the open document may make way for another. A changed lesson copy
        is kept for the session without a question (see :mod:`~neurosim.ui.lesson_copies`);
        anything else is saved, discarded or unchanged (:meth:`maybe_save`)."""
        doc = self.document
        if doc.origin is not None and doc.modified:
            doc.settle()  # a training run ends, and becomes part of what is kept
            self.lesson_copies.keep(doc.origin, doc.network)
            self.show_status(
                translate("FileHandling", "Changes to “{name}” kept until NeuroSim closes").format(
                    name=doc.origin.name
                ),
                10000,
            )
            return True
        return self.maybe_save()

    def may_close(self) -> bool:
        """True when the window may close: the open document saved or discarded, and the
        changed lesson copies kept for the session given up. One question names every
        changed lesson, the open one too; Discard drops them all (from the recovery
        folder as well), Cancel keeps everything."""
        kept = self.lesson_copies.titles()
        if not kept:
            return self.maybe_save()
        doc = self.document
        if doc.origin is not None and doc.modified:
            kept.insert(0, origin_title(doc.origin))
        elif not self.maybe_save():
            return False
        if not confirm_drop_kept(self, kept):
            return False
        self.lesson_copies.clear()
        return True

    # -------------------------------------------------------------- files
    def new_file(self) -> bool:
        if not self.release_document():
            return False
        self.document.replace(Network())
        return True

    def open_dialog(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(
            self, translate("FileHandling", "Open network"), self._start_dir(), open_filter()
        )
        return self.open_file(path) if path else False

    def open_file(self, path: str | Path, ask_to_save: bool = True) -> bool:
        """Load ``path``; a file that fails to load leaves the current document untouched."""
        try:
            network, digest = fileformat.load_with_digest(path)
        except FileFormatError as exc:
            self.error(translate("FileHandling", "Cannot open the file"), str(exc))
            return False
        origin = shipped_origin(path, network)
        doc = self.document
        leaving = doc.origin if doc.modified else None
        if ask_to_save and not self.release_document():
            return False
        if origin is not None:  # never written to: no temp files to tidy, no recent entry
            self.open_lesson(network, origin, leaving if ask_to_save else None)
            return True
        fileformat.remove_stale_temps(path)  # left beside it by a save that was killed
        self.open_network(network, Path(path), digest)
        self.add_recent(path)
        self.show_status(translate("FileHandling", "Opened {path}").format(path=path))
        return True

    def open_network(
        self,
        network: Network,
        path: Path | None = None,
        digest: str | None = None,
        origin: Origin | None = None,
    ) -> None:
        """Show ``network`` (already loaded) with a fresh history; the canvas fits it.
        ``digest``: of the file's bytes as read (to notice changes made by others). A
        ``path`` inside the installed lessons makes an untitled copy of that ``origin``."""
        if origin is None and path is not None:
            origin = shipped_origin(path, network)
        if origin is not None:
            path, digest = None, None
        self.suggested_path = None
        self.document.replace(network, path, digest, origin)

    def open_lesson(self, network: Network, origin: Origin, leaving: Origin | None = None) -> None:
        """Open a copy of the shipped lesson ``origin`` (``network``, as read), or the
        changed copy kept from earlier in the session; ``leaving``: the lesson whose
        changes were just kept."""
        kept = self.lesson_copies.take(origin)
        self.open_network(kept if kept is not None else network, origin=origin)
        if kept is None:
            if leaving is None:  # else the status bar keeps saying where those changes went
                self.show_status(
                    translate("FileHandling", "Opened a copy: the lesson itself stays as shipped"),
                    8000,
                )
            return
        self.document.undo_stack.resetClean()  # changed: it differs from the original
        self.show_status(
            translate(
                "FileHandling", "Your earlier changes are back; Revert to Original drops them"
            ),
            10000,
        )

    def revert(self) -> bool:
        """Drop the changes (after asking): a lesson copy goes back to the shipped lesson,
        a file to what is saved on disk. True if reverted."""
        doc = self.document
        origin = doc.origin
        if not doc.modified or (origin is None and doc.path is None):
            return False
        if not confirm_revert(self, doc.title, origin is not None):
            return False
        if origin is None:
            return self.open_file(doc.path, ask_to_save=False)
        try:
            network = fileformat.load(origin.path)
        except FileFormatError as exc:
            self.error(translate("FileHandling", "Cannot read the original lesson"), str(exc))
            return False
        self.lesson_copies.drop(origin)
        self.open_network(network, origin=origin)
        self.show_status(
            translate("FileHandling", "“{name}” is back as it was shipped").format(name=origin.name)
        )
        return True

    def save(self) -> bool:
        if self.document.path is None:
            return self.save_as()
        return self.save_to(self.document.path, check_outside=True)

    def save_as(self) -> bool:
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("FileHandling", "Save network as"),
            self._suggested_path(),
            save_filter(),
        )
        if not path:
            return False
        return self.save_to(with_suffix(path))  # chosen in the dialog: it asked to replace

    def save_to(self, path: str | Path, check_outside: bool = False) -> bool:
        """Save; on failure say why and keep the document marked as modified. With
        ``check_outside`` (a plain Save), a file changed by someone else since it was read
        is not overwritten: the user reloads it or saves under another name. Nothing is
        ever saved into the installed lessons."""
        if is_shipped(path):
            self.error(
                translate("FileHandling", "Cannot save there"),
                translate(
                    "FileHandling",
                    "{path}\nis in NeuroSim's own lessons folder, which stays as installed for "
                    "everyone. Save your copy somewhere else, for example in {folder}.",
                ).format(path=path, folder=documents_folder()),
            )
            return False
        if check_outside and self.file_watch.outside_change() is not None:
            return self.resolve_outside_change(saving=True)
        try:
            self.document.save(path)
        except OSError as exc:
            self.error(
                translate("FileHandling", "Cannot save the file"),
                f"{path}:\n{exc.strerror or exc}",
            )
            return False
        self.add_recent(path)
        self.show_status(translate("FileHandling", "Saved {path}").format(path=path))
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
        self.show_status(
            translate("FileHandling", "Your version is kept; save it under a name of your choice")
        )
        return self.save_as() if saving else False

    def _start_dir(self) -> str:
        """The open file's folder, else the folder last used, else the documents folder
        (never the installed lessons)."""
        if self.document.path is not None and not is_shipped(self.document.path):
            return str(self.document.path.parent)
        last = str(self.settings.value("last_dir", "") or "")
        if last and not is_shipped(last):
            return last
        return str(documents_folder())

    def _suggested_path(self) -> str:
        if self.document.path is not None and not is_shipped(self.document.path):
            return str(self.document.path)
        if self.suggested_path is not None and not is_shipped(self.suggested_path):
            return str(self.suggested_path)
        if self.document.origin is not None:  # the shipped file's name, in a folder of ours
            return str(Path(self._start_dir()) / self.document.origin.file_name)
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
            menu.addAction(translate("FileHandling", "(none yet)")).setEnabled(False)
        menu.addSeparator()
        clear = menu.addAction(translate("FileHandling", "&Clear Recent Files"))
        clear.setEnabled(bool(files))
        clear.triggered.connect(lambda: self.settings.setValue("recent_files", []))

    def _open_recent(self, path: str) -> None:
        if not self.open_file(path) and not Path(path).exists():
            self.settings.setValue("recent_files", [f for f in self.recent_files() if f != path])


def ask_outside_change(parent: QWidget | None, name: str, gone: bool, saving: bool) -> str:
    """Ask what to do about a file someone else changed: "reload", "keep" (this version,
    to Save As) or "cancel" (only when saving)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        translate("FileHandling", "File changed elsewhere"),
        outside_change_text(name, gone, saving),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("outside_change_dialog")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a file's name is only text
    reload = (
        None
        if gone
        else box.addButton(
            translate("FileHandling", "Reload"), QMessageBox.ButtonRole.DestructiveRole
        )
    )
    keep = box.addButton(
        translate("FileHandling", "Keep mine (Save As…)"), QMessageBox.ButtonRole.AcceptRole
    )
    if saving:
        box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(keep)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if reload is not None and clicked is reload:
        return "reload"
    return "keep" if clicked is keep or not saving else "cancel"


def outside_change_text(name: str, gone: bool, saving: bool) -> str:
    """What the question about a file someone else changed says (whole sentences)."""
    if gone:
        said = translate(
            "FileHandling", "“{name}” was removed or renamed since you opened or saved it here."
        )
    else:
        said = translate(
            "FileHandling",
            "“{name}” was changed by another program or window since you opened or saved it here.",
        )
    parts = [said.format(name=name)]
    if saving and not gone:
        parts.append(translate("FileHandling", "Saving now would overwrite that version."))
    parts.append(
        translate(
            "FileHandling",
            "Reload it (your unsaved changes here are dropped), or keep your version "
            "and save it under a name you choose?",
        )
    )
    return "\n\n".join(parts)
