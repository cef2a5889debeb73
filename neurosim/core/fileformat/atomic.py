"""Atomic writing: a crash mid-save leaves the old file intact, and the temporary files of
killed saves are cleaned up later."""

from __future__ import annotations

import os
import re
import tempfile
import time
from pathlib import Path


def write_atomic(path: Path, data: bytes) -> None:
    if path.is_symlink():  # replace the file it points to, not the link
        path = path.resolve()
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
