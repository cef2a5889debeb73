"""Never lose a student's work: autosave to a recovery file, offer it back after a crash.

While the document has unsaved changes, :class:`Recovery` writes it to the recovery folder
every 30 s (``NEUROSIM_AUTOSAVE_MS``) and soon after every structural edit (a neuron or
synapse added or removed). A save, an undo back to the saved state, opening another file
or a clean quit removes the recovery file. After a crash or a killed process the file
stays, and the next start offers it back (:meth:`Recovery.offer_restore`): Restore opens it
as a modified document with the original path, Discard deletes it. The original path is
stored absolute, with the SHA-256 of the file the edits were made to: when that file is gone
or changed since, the work is restored without a file (Save asks for a name, starting at
the old one), so a restore never overwrites anything. A copy of a shipped lesson has no
original path: the lesson it came from is stored apart, and it comes back as a copy. A file
named on the command line is offered beside the work ("Open FILE" keeps the work for the
next start). SIGTERM or SIGHUP (logout, ``kill``) closes the session like a quit
(:meth:`Recovery.close` with ``keep``): unsaved work stays for the next start, the lock goes.
The changed lesson copies kept in memory for the session are in the folder too
(:mod:`neurosim.ui.kept_recovery`); a restore brings them back with the open document's work.

Files in the folder, one set per running session (so two windows never clash):
``<session>.nsim.json`` (the network, as ``fileformat.dumps`` writes it),
``<session>.recovery.json`` (the original path and digest, the title and the time) and
``<session>.lock`` (a QLockFile held while the session runs: a session whose lock can be
taken has ended without cleaning up).

The folder: ``NEUROSIM_RECOVERY_DIR``, else the setting ``recovery/dir``, else
``QStandardPaths.AppDataLocation/recovery``.

Speed: a dense 500-neuron network (60,000 synapses) takes ~8 ms to snapshot and
~220–280 ms to turn into text, so the snapshot is taken on the UI thread and the text is
made and written (atomically) by one worker thread, in order.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLockFile, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from neurosim.core import fileformat
from neurosim.core.fileformat import FileFormatError
from neurosim.core.model import SIGNAL_NAMES, STRUCTURE_SIGNAL_NAMES, Network
from neurosim.core.shipped import is_shipped
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.kept_recovery import KeptWriter, restore_kept
from neurosim.ui.leftovers import (
    LOCK_SUFFIX,
    NETWORK_SUFFIX,
    SIDECAR_SUFFIX,
    Leftover,
    ask_restore,
    leftovers,
    newest_session,
    recovery_dir,
    remove,
)
from neurosim.ui.lesson_copies import LessonCopies

ENV_INTERVAL = "NEUROSIM_AUTOSAVE_MS"
DEFAULT_INTERVAL_MS = 30_000
_SESSIONS = itertools.count(1)


def autosave_interval_ms() -> int:
    try:
        return max(50, int(os.environ.get(ENV_INTERVAL, DEFAULT_INTERVAL_MS)))
    except ValueError:
        return DEFAULT_INTERVAL_MS


# --------------------------------------------------------------------- writing
def snapshot(network: Network) -> dict[str, Any]:
    """The file's content as plain data the worker may read while the model changes."""
    data = fileformat.to_dict(network)
    for key, value in data.items():
        if key not in ("neurons", "synapses"):
            data[key] = copy.deepcopy(value)  # meta and unknown sections are shared dicts
    for neuron in data["neurons"]:
        if "source" in neuron:
            neuron["source"] = copy.deepcopy(neuron["source"])
    return data


class Recovery(QObject):
    """Autosaves one document while it has unsaved changes; offers a crash's work back.

    Signals (received on the UI thread): ``written(str)`` — a recovery file was written (its
    path); ``failed(str)`` — one could not be written or read (why, for the status bar);
    ``restored(str)`` — work left by a crash was restored (what to tell, for the status bar).
    """

    written = Signal(str)
    failed = Signal(str)
    restored = Signal(str)

    def __init__(
        self,
        document: Document,
        folder: Path | None = None,
        interval_ms: int | None = None,
        parent: QObject | None = None,
        lessons: LessonCopies | None = None,
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.folder = Path(folder) if folder is not None else recovery_dir()
        self.folder.mkdir(parents=True, exist_ok=True)
        # unique per Recovery, even for two in one process within a second (tests)
        self.session = f"{os.getpid()}-{time.strftime('%Y%m%d-%H%M%S')}-{next(_SESSIONS)}"
        self.network_path = self.folder / f"{self.session}{NETWORK_SUFFIX}"
        self.sidecar_path = self.folder / f"{self.session}{SIDECAR_SUFFIX}"
        self._lock = QLockFile(str(self.folder / f"{self.session}{LOCK_SUFFIX}"))
        self._lock.setStaleLockTime(0)
        self._lock.tryLock(0)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="neurosim-recovery")
        self._pool_shut = False
        self._pending: Future | None = None
        self.lessons = lessons  # the window's kept lesson copies, autosaved beside it
        self.kept_copies = KeptWriter(
            self.folder, self.session, snapshot, self._queue_write, self._queue_remove
        )
        self._generation = 0  # bumped by every change of the network
        self._written_generation = -1
        self._closed = False
        self._kept = False  # closed keeping the files (SIGTERM with unsaved work)
        self.last_snapshot_ms = 0.0
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms or autosave_interval_ms())
        self._timer.timeout.connect(self.autosave)
        self._timer.start()
        self._soon = QTimer(self)  # one write for a burst of structural edits (a paste)
        self._soon.setSingleShot(True)
        self._soon.setInterval(0)
        self._soon.timeout.connect(self._autosave_all)
        self.written.connect(self._on_written)
        for name in SIGNAL_NAMES:
            getattr(document, name).connect(self._on_changed)
        for name in STRUCTURE_SIGNAL_NAMES:
            getattr(document, name).connect(self._on_structure)
        document.network_replaced.connect(self._on_changed)
        document.file_state_changed.connect(self._on_file_state)
        if lessons is not None:
            lessons.changed.connect(self._on_lessons_changed)
        self._on_changed()

    # ----------------------------------------------------------------- model

    def _on_changed(self, *_: object) -> None:
        self._generation += 1

    def _on_structure(self, *_: object) -> None:
        if not self._closed:
            self._soon.start()

    def _on_file_state(self) -> None:
        if not self.document.modified:
            self.discard()  # saved, or back to the saved state: nothing to recover
        else:
            self._generation += 1  # e.g. a restored file: modified without an edit

    def _on_lessons_changed(self) -> None:
        """A lesson copy was kept (written at once, before the document moves on), or taken
        back (its files go once the document holding it now is written: soon)."""
        if self._closed or self.lessons is None:
            return
        self.kept_copies.sync(self.lessons.items(), removals=False)
        self._soon.start()

    def _autosave_all(self) -> None:
        self.autosave()
        if not self._closed and self.lessons is not None:
            self.kept_copies.sync(self.lessons.items())

    # ---------------------------------------------------------------- saving
    def autosave(self) -> bool:
        """Write the document if it has unsaved changes not written yet; True if queued."""
        if self._closed:
            return False
        if not self.document.modified:
            self.discard()
            return False
        if self._generation == self._written_generation:
            return False
        if self.document.frozen_reason:  # a past moment is shown: the present is what to keep
            return False
        start = time.perf_counter()
        data = snapshot(self.document.network)
        self.last_snapshot_ms = (time.perf_counter() - start) * 1e3
        path, origin = self.document.path, self.document.origin
        side = {
            # absolute: a restore started from another folder finds the same file
            "original_path": str(path.resolve()) if path is not None else None,
            # the file the edits were made to: a restore tells whether it changed since
            "original_digest": self.document.disk_digest if path is not None else None,
            "title": self.document.title,
            # a lesson copy: the shipped file it came from (never its original_path, so
            # nothing a restore does can point Save at the installed lessons)
            "lesson": str(origin.path) if origin is not None else None,
            "saved_at": time.time(),
            "pid": os.getpid(),
            "network_file": self.network_path.name,
        }
        self._written_generation = self._generation
        self._queue_write(self.network_path, self.sidecar_path, data, side)
        return True

    def _queue_write(
        self, network_path: Path, sidecar_path: Path, data: dict[str, Any], side: dict[str, Any]
    ) -> None:
        side["pid"] = os.getpid()
        self._pending = self._pool.submit(self._write, network_path, sidecar_path, data, side)

    def _queue_remove(self, *paths: Path) -> None:
        if self._pool_shut:
            remove(*paths)
        else:
            self._pending = self._pool.submit(remove, *paths)

    def _write(
        self, network_path: Path, sidecar_path: Path, data: dict[str, Any], side: dict[str, Any]
    ) -> None:
        """Worker thread: the network first, then the sidecar that points to it."""
        try:
            fileformat.write_atomic(network_path, fileformat.dumps_dict(data).encode("utf-8"))
            fileformat.write_atomic(
                sidecar_path, json.dumps(side, ensure_ascii=False, indent=2).encode("utf-8")
            )
        except (OSError, ValueError) as exc:
            self.failed.emit(
                translate(
                    "Recovery", "Could not save a recovery copy in {folder}: {reason}"
                ).format(folder=self.folder, reason=exc)
            )
            return
        self.written.emit(str(network_path))

    def _on_written(self, path: str) -> None:
        if Path(path) != self.network_path:
            return  # a kept lesson copy
        if self._closed or not self.document.modified:  # saved meanwhile: drop it again
            self.discard()

    def discard(self) -> None:
        """Remove this session's recovery files (after any write still under way)."""
        if self._kept:
            return  # closed for the next start to offer them
        self._written_generation = -1
        self._queue_remove(self.network_path, self.sidecar_path)

    def flush(self, timeout: float = 10.0) -> None:
        """Wait until every queued write or removal is done (tests, quitting)."""
        pending = self._pending
        if pending is not None:
            pending.result(timeout)

    def close(self, keep: bool = False) -> None:
        """A clean quit: remove the files, stop the worker, release the session's lock.

        ``keep`` (the session ends without asking, e.g. SIGTERM at logout, with unsaved
        work): write the work once more and keep it, with the kept lesson copies, for the
        next start to offer; the lock goes all the same, so the next start knows this
        session has ended."""
        if self._closed:
            return
        if keep and self.document.modified:
            self.autosave()
            self._kept = True
        lessons = self.lessons.items() if keep and self.lessons is not None else []
        self.kept_copies.sync(lessons)  # a clean quit leaves none of them
        self._closed = True
        self._timer.stop()
        self._soon.stop()
        self.discard()
        self._pool.shutdown(wait=True)
        self._pool_shut = True
        self._lock.unlock()

    def offer_restore(
        self,
        open_network: Callable[[Network, Path | None, str | None], None],
        parent: QWidget | None = None,
        ask: Callable[[QWidget | None, Leftover, Path | None], str] | None = None,
        requested: Path | None = None,
    ) -> Leftover | None:
        """Offer the newest work an ended session left in this folder (``ask``, by default
        :func:`ask_restore`, beside the file ``requested`` on the command line); the
        leftover when it was restored with ``open_network(network, path, digest)``.

        ``ask`` answers "restore", "discard" (then the requested file opens), "open" or
        "later" (the work waits for the next start). The original path is kept only while
        its file is what the edits were made to; else the work opens without a file. The
        lesson copies that session kept come back kept in this one (``lessons``)."""
        leftover = newest_session(leftovers(self.folder))
        if leftover is None:
            return None
        try:
            network = fileformat.load(leftover.network_path)
        except (FileFormatError, OSError) as exc:
            leftover.discard()
            self.failed.emit(
                translate(
                    "Recovery", "A recovery file could not be read and was removed: {reason}"
                ).format(reason=exc)
            )
            return self.offer_restore(open_network, parent, ask, requested)  # the rest of it
        answer = (ask or ask_restore)(parent, leftover, requested)
        if answer == "discard":
            for item in (leftover, *leftover.companions):
                item.discard()
        if answer != "restore":
            return None
        state = leftover.original_state()
        if state == "same":
            open_network(network, leftover.original_path, leftover.original_digest)
        elif (
            state is None and leftover.lesson_path is not None and is_shipped(leftover.lesson_path)
        ):
            open_network(network, leftover.lesson_path, None)  # a lesson copy again
        else:
            open_network(network, None, None)  # never over a file that changed or went
        self.document.undo_stack.resetClean()  # modified: it differs from the file on disk
        titles, companions = (
            restore_kept(leftover.companions, self.lessons, self.document.origin)
            if self.lessons is not None
            else ([], [])
        )
        self.autosave()  # safe again under this session's name before the old goes
        self.flush()
        for item in (leftover, *companions):
            item.discard()
        self.restored.emit(restored_message(leftover, state, len(titles)))
        return leftover


#: the status bar after a restore when the original file is not what the work was made to
RESTORED_STATES = {
    "gone": QT_TRANSLATE_NOOP(
        "Recovery",
        "Restored your unsaved work; {name} is no longer there, so Save will ask for a file name",
    ),
    "changed": QT_TRANSLATE_NOOP(
        "Recovery",
        "Restored your unsaved work; {name} has changed since, so Save will ask for a file name",
    ),
    "unknown": QT_TRANSLATE_NOOP(
        "Recovery",
        "Restored your unsaved work; {name} may have changed since, so Save will ask for a "
        "file name",
    ),
}


def restored_message(leftover: Leftover, state: str | None, lessons: int) -> str:
    """What the status bar says after a restore (``lessons``: kept copies brought back)."""
    if state in RESTORED_STATES and leftover.original_path is not None:
        return translate("Recovery", RESTORED_STATES[state]).format(
            name=leftover.original_path.name
        )
    if lessons:
        return translate(
            "Recovery",
            "Restored your unsaved work and your changes to %n more lesson(s)",
            "",
            lessons,
        )
    return translate("Recovery", "Restored your unsaved work; save it to keep it")
