"""Atomic writing: a crash mid-save leaves the old file intact, and the temporary files of
killed saves are cleaned up later."""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write ``data`` to ``path`` so that it holds either the old or the new bytes, never
    a part: a temporary file in the same folder, fsync, then rename over the target.

    Every file NeuroSim writes goes through here (saves, autosave, ``neurosim eval/train
    --out``, screenshots, plot exports). A read-only target raises PermissionError: the
    rename would otherwise replace it, since it needs only the folder's permission.
    """
    path = Path(path)
    if path.is_symlink():  # replace the file it points to, not the link
        path = path.resolve()
    refuse_read_only(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    remove_stale_temps(path)


def refuse_read_only(path: Path) -> None:
    """PermissionError if ``path`` exists and is read-only (no write bit at all, or not
    writable by us); root ignores the bits, so they are checked, not only os.access."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK)):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))


#: a writer's temporary file older than this (seconds) was left by a killed save; a
#: younger one may be another process's save in progress
STALE_TEMP_SECONDS = 60.0
_TEMP_TAIL = r"\.[a-z0-9_]{8}\.tmp"  # what tempfile.mkstemp adds to our prefix, then .tmp


def remove_stale_temps(
    path: str | os.PathLike[str], older_than: float = STALE_TEMP_SECONDS
) -> list[Path]:
    """Delete the ".NAME.xxxxxxxx.tmp" files :func:`write_atomic` leaves beside ``path``
    when it is killed mid-write, once they are ``older_than`` seconds old. A folder
    ``path`` means every such leftover in it (the recovery folder). Returns what was
    removed; never raises (a leftover that cannot be removed stays)."""
    path = Path(path)
    folder, name = (path, ".+") if path.is_dir() else (path.parent, re.escape(path.name))
    pattern = re.compile(r"\." + name + _TEMP_TAIL)
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        try:
            if (
                pattern.fullmatch(entry.name)
                and entry.is_file(follow_symlinks=False)
                and now - entry.stat(follow_symlinks=False).st_mtime > older_than
            ):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed
