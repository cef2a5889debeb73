"""Kept lesson copies in the recovery folder: a crash or a logout loses none of them.

A changed lesson copy that the user left for another file waits in memory for the session
(:class:`~neurosim.ui.lesson_copies.LessonCopies`). :class:`KeptWriter` mirrors them into the
recovery folder beside the session's own files, as ``SESSION~kept-N.nsim.json`` with a
sidecar ``SESSION~kept-N.recovery.json`` (``"kept": true``, the lesson it is a copy of, never
an original path). The part before ``~kept-`` names the session, so its lock tells whether
it still runs (:mod:`neurosim.ui.leftovers`). A kept copy does not change while it waits, so
it is written once when kept and removed when it is opened again, reverted or discarded.

:func:`restore_kept` brings them back after a crash: each into the new session's kept
copies, so opening the lesson again shows the edits, as it did before the crash.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from neurosim.core import fileformat
from neurosim.core.fileformat import FileFormatError
from neurosim.core.model import Network
from neurosim.core.shipped import Origin
from neurosim.ui.core_text import origin_title, shipped_origin
from neurosim.ui.leftovers import KEPT_MARK, NETWORK_SUFFIX, SIDECAR_SUFFIX, Leftover
from neurosim.ui.lesson_copies import LessonCopies

#: queue writing a network file and its sidecar: (network path, sidecar path, data, side)
WriteSet = Callable[[Path, Path, dict[str, Any], dict[str, Any]], None]
#: queue removing files (after anything queued before)
RemoveFiles = Callable[..., None]


class KeptWriter:
    """Keeps the recovery folder in step with one session's kept lesson copies.

    The writing itself is queued on the session's worker (``write`` and ``remove``, in
    order), so a copy is on disk before the file that replaces it goes."""

    def __init__(
        self,
        folder: Path,
        session: str,
        snapshot: Callable[[Network], dict[str, Any]],
        write: WriteSet,
        remove: RemoveFiles,
    ) -> None:
        self.folder = folder
        self.session = session
        self._snapshot = snapshot
        self._write = write
        self._remove = remove
        self._numbers = itertools.count(1)
        #: lesson path -> (the network written, its file stem)
        self._written: dict[Path, tuple[Network, str]] = {}

    def paths(self, stem: str) -> tuple[Path, Path]:
        return self.folder / f"{stem}{NETWORK_SUFFIX}", self.folder / f"{stem}{SIDECAR_SUFFIX}"

    def sync(self, kept: list[tuple[Origin, Network]], removals: bool = True) -> None:
        """Write every kept copy not on disk yet; with ``removals``, remove the files of
        copies no longer kept (after the document that took one over was written)."""
        current = {origin.path: network for origin, network in kept}
        for origin, network in kept:
            written = self._written.get(origin.path)
            if written is not None and written[0] is network:
                continue  # unchanged while it waits: written already
            stem = written[1] if written is not None else self._stem()
            self._written[origin.path] = (network, stem)
            self._write(*self.paths(stem), self._snapshot(network), _sidecar(origin, stem))
        if removals:
            for path in [p for p in self._written if p not in current]:
                _network, stem = self._written.pop(path)
                self._remove(*self.paths(stem))

    def remove_all(self) -> None:
        """A clean quit: no kept copy is left for the next start."""
        self.sync([])

    def _stem(self) -> str:
        return f"{self.session}{KEPT_MARK}{next(self._numbers)}"


def _sidecar(origin: Origin, stem: str) -> dict[str, Any]:
    return {
        "original_path": None,  # a copy of a lesson: Save never points at the shipped file
        "original_digest": None,
        "title": origin_title(origin),
        "lesson": str(origin.path),
        "kept": True,
        "saved_at": time.time(),
        "network_file": f"{stem}{NETWORK_SUFFIX}",
    }


def restore_kept(
    companions: list[Leftover], lessons: LessonCopies, open_origin: Origin | None
) -> tuple[list[str], list[Leftover]]:
    """Keep each crashed session's kept copy in ``lessons`` again (its recovery files are
    then written under this session's name: the caller flushes, then discards the old
    ones). Returns the titles brought back and the leftovers restored. A copy whose lesson
    is no longer shipped waits in the folder for a start that can restore it as a file;
    one that cannot be read is removed."""
    titles: list[str] = []
    restored: list[Leftover] = []
    for item in companions:
        if item.lesson_path is None:
            continue
        try:
            network = fileformat.load(item.network_path)
        except (FileFormatError, OSError):
            item.discard()
            continue
        origin = shipped_origin(item.lesson_path, network)
        if origin is None:
            continue
        restored.append(item)
        if open_origin is not None and origin.path == open_origin.path:
            continue  # the open document is that lesson already, with the newer edits
        lessons.keep(origin, network)
        titles.append(origin_title(origin))
    return titles, restored
