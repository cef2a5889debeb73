"""What earlier sessions left in the recovery folder, and asking the user about it.

A session's files are ``SESSION.nsim.json`` (the autosaved network), ``SESSION.recovery.json``
(the sidecar: original path and digest, title, time) and ``SESSION.lock`` (held while the
session runs). A session's kept lesson copies (:mod:`neurosim.ui.kept_recovery`) are
``SESSION~kept-N.nsim.json`` and ``SESSION~kept-N.recovery.json``: the same lock says
whether that session still runs. :func:`leftovers` finds the sessions that ended without
cleaning up; :func:`newest_session` gathers the newest one's work, and :func:`ask_restore`
offers it. :mod:`neurosim.ui.recovery` writes the files.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLockFile, QSettings, QStandardPaths, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from neurosim.core import fileformat
from neurosim.ui.i18n import translate

ENV_DIR = "NEUROSIM_RECOVERY_DIR"
SETTINGS_DIR = "recovery/dir"
NETWORK_SUFFIX, SIDECAR_SUFFIX, LOCK_SUFFIX = ".nsim.json", ".recovery.json", ".lock"
#: between a session's name and the number of one of its kept lesson copies
KEPT_MARK = "~kept-"


def recovery_dir() -> Path:
    """Where recovery files go (see the module docstring)."""
    if os.environ.get(ENV_DIR):
        return Path(os.environ[ENV_DIR])
    configured = QSettings().value(SETTINGS_DIR, "", type=str)
    if configured:
        return Path(configured)
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    return Path(base or Path.home() / ".neurosim") / "recovery"


def remove(*paths: Path) -> None:
    for path in paths:
        try:
            path.unlink()
        except FileNotFoundError:
            pass


# --------------------------------------------------------------------- restoring
#: what became of the file a leftover's edits were made to, as the restore question says
#: it (context "Leftovers"; {path} is the file)
ORIGINAL_STATES = {
    "gone": QT_TRANSLATE_NOOP(
        "Leftovers",
        "{path} is no longer there: the restored work will not be saved over it; "
        "Save will ask for a file name.",
    ),
    "changed": QT_TRANSLATE_NOOP(
        "Leftovers",
        "{path} has changed since: the restored work will not be saved over it; "
        "Save will ask for a file name.",
    ),
    "unknown": QT_TRANSLATE_NOOP(
        "Leftovers",
        "{path} may have changed since: the restored work will not be saved over it; "
        "Save will ask for a file name.",
    ),
}


@dataclass
class Leftover:
    """The recovery files of a session that ended without cleaning up."""

    sidecar: Path
    network_path: Path
    original_path: Path | None
    title: str
    saved_at: float
    original_digest: str | None = None
    lesson_path: Path | None = None  # the shipped lesson the work was a copy of
    session: str = ""  # the session that left it (whose lock it shares)
    kept: bool = False  # a lesson copy kept in memory, not the document that was open
    #: the same session's other work, offered and restored with this one
    companions: list[Leftover] = field(default_factory=list)

    def original_state(self) -> str | None:
        """None (the work had no file), "same" (the file is what the edits were made to),
        "changed", "gone", or "unknown" (an older recovery file: no absolute path or
        digest recorded)."""
        path = self.original_path
        if path is None:
            return None
        if not path.is_absolute() or self.original_digest is None:
            return "unknown"
        now = fileformat.file_digest(path)
        if now is None:
            return "gone"
        return "same" if now == self.original_digest else "changed"

    def discard(self) -> None:
        lock = [self.sidecar.with_name(self.session + LOCK_SUFFIX)] if self.session else []
        remove(self.network_path, self.sidecar, *lock)


def leftovers(folder: Path | None = None) -> list[Leftover]:
    """Recovery files whose session is no longer running, newest first."""
    folder = Path(folder) if folder is not None else recovery_dir()
    fileformat.remove_stale_temps(folder)  # half-written autosaves of killed sessions
    found = []
    for sidecar in folder.glob(f"*{SIDECAR_SUFFIX}"):
        stem = sidecar.name.removesuffix(SIDECAR_SUFFIX)
        session = stem.split(KEPT_MARK)[0]
        if not _ended(folder, session):
            continue  # that session is still running (another window)
        try:
            side = json.loads(sidecar.read_text(encoding="utf-8"))
            network_path = folder / str(side.get("network_file") or f"{stem}{NETWORK_SUFFIX}")
            original = side.get("original_path")
            digest = side.get("original_digest")
            lesson = side.get("lesson")
            found.append(
                Leftover(
                    sidecar,
                    network_path,
                    Path(original) if original else None,
                    str(side.get("title") or translate("Leftovers", "Untitled")),
                    float(side.get("saved_at") or 0.0),
                    digest if isinstance(digest, str) else None,
                    Path(lesson) if isinstance(lesson, str) and lesson else None,
                    session,
                    side.get("kept") is True,
                )
            )
        except (OSError, ValueError, TypeError, AttributeError):
            remove(sidecar)  # half-written or damaged: nothing to offer
    found += _without_sidecar(folder)
    return sorted(found, key=lambda item: item.saved_at, reverse=True)


def _ended(folder: Path, session: str) -> bool:
    """True when the session's lock can be taken: it is not running (taking it and letting
    go removes the lock file)."""
    lock = QLockFile(str(folder / f"{session}{LOCK_SUFFIX}"))
    lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
    if not lock.tryLock(0):
        return False
    lock.unlock()
    return True


def _without_sidecar(folder: Path) -> list[Leftover]:
    """Network files of ended sessions killed before they wrote the sidecar (the open
    document's or a kept lesson copy's) are offered as they are ("Untitled"); a lone lock
    (a session killed before writing anything) is removed."""
    found = []
    for network_path in folder.glob(f"*{NETWORK_SUFFIX}"):
        stem = network_path.name.removesuffix(NETWORK_SUFFIX)
        sidecar = folder / f"{stem}{SIDECAR_SUFFIX}"
        session = stem.split(KEPT_MARK)[0]
        if sidecar.exists() or not _ended(folder, session):
            continue
        try:
            saved_at = network_path.stat().st_mtime
        except OSError:
            continue
        kept = KEPT_MARK in stem
        found.append(
            Leftover(
                sidecar,
                network_path,
                None,
                translate("Leftovers", "Untitled"),
                saved_at,
                session=session,
                kept=kept,
            )
        )
    for lock in folder.glob(f"*{LOCK_SUFFIX}"):
        _ended(folder, lock.name.removesuffix(LOCK_SUFFIX))  # taking it removes a dead one
    return found


def newest_session(found: list[Leftover]) -> Leftover | None:
    """The newest session's work in ``found`` (newest first): the document it had open
    (else its newest kept lesson copy), with the rest of that session's work as
    ``companions``. Other sessions' work waits for the next start."""
    if not found:
        return None
    same = [item for item in found if item.session == found[0].session]
    first = next((item for item in same if not item.kept), same[0])
    first.companions = [item for item in same if item is not first]
    return first


def ask_restore(parent: QWidget | None, leftover: Leftover, requested: Path | None = None) -> str:
    """The dialog: "restore", "discard", "open" (the ``requested`` file; the work waits) or
    "later" (closed: ask again next time)."""
    when = time.strftime("%H:%M, %Y-%m-%d", time.localtime(leftover.saved_at))
    original = leftover.original_path
    name = original.name if original else leftover.title
    paragraphs = [
        translate(
            "Leftovers",
            "NeuroSim did not close properly last time.\n\nUnsaved changes to "
            "“{name}”, saved automatically at {when}, can be restored.",
        ).format(name=name, when=when)
    ]
    state = leftover.original_state()
    if original is not None and state in ORIGINAL_STATES:
        paragraphs.append(translate("Leftovers", ORIGINAL_STATES[state]).format(path=original))
    if leftover.companions:
        titles = [item.title for item in leftover.companions]
        shown = "\n".join(f"• {t}" for t in titles[:8]) + ("\n• …" if len(titles) > 8 else "")
        paragraphs.append(
            translate(
                "Leftovers",
                "Your changes to these lessons come back too, as copies (open a lesson "
                "again to see them):\n{lessons}",
            ).format(lessons=shown)
        )
    if requested is not None:
        paragraphs.append(
            translate("Leftovers", "You also asked to open “{name}”.").format(name=requested.name)
        )
    text = "\n\n".join(paragraphs)
    box = QMessageBox(
        QMessageBox.Icon.Question,
        translate("Leftovers", "Restore unsaved work?"),
        text,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setObjectName("restore_dialog")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a title from a file is only text
    restore = box.addButton(translate("Leftovers", "Restore"), QMessageBox.ButtonRole.AcceptRole)
    opened = None
    if requested is not None:
        opened = box.addButton(
            translate("Leftovers", "Open “{name}” (keep the work for later)").format(
                name=requested.name
            ),
            QMessageBox.ButtonRole.NoRole,
        )
    discard = box.addButton(
        translate("Leftovers", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.setDefaultButton(restore)
    box.exec()
    clicked = box.clickedButton()
    box.deleteLater()
    if clicked is restore:
        return "restore"
    if opened is not None and clicked is opened:
        return "open"
    return "discard" if clicked is discard else "later"
