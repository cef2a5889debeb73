"""Helpers shared by the subcommands: loading a network, reading numbers, and writing
output files atomically — every problem as a CliError."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from neurosim.core.fileformat import FileFormatError, load, write_atomic
from neurosim.core.fileformat.atomic import refuse_read_only
from neurosim.core.model import Network
from neurosim.core.numbers import parse_finite


class CliError(Exception):
    """A problem with the user's input; printed as one ``error:`` line, exit status 2."""


def load_network(path: str) -> Network:
    try:
        return load(path)
    except FileFormatError as exc:
        raise CliError(str(exc)) from None


def parse_number(text: str, where: str) -> float:
    try:
        return parse_finite(text)
    except ValueError as exc:  # "'x' is not a number", "'nan' is not a finite number"
        raise CliError(f"{where}: {exc}") from None


def output_path(text: str, option: str, inputs: Sequence[str | None]) -> Path:
    """``text`` as a file to write, checked before any work is done: its folder exists, it is
    not a folder, not read-only, and not one of the command's own ``inputs``."""
    path = Path(text)
    folder = path.resolve().parent
    if not folder.is_dir():
        raise CliError(f"{option} {short(text)}: there is no folder {short(str(folder))}")
    if path.is_dir():
        raise CliError(f"{option} {short(text)}: is a folder, not a file name")
    for source in inputs:
        if source is not None and _same_file(path, Path(source)):
            raise CliError(
                f"{option} {short(text)}: is also an input of this command; "
                "writing there would destroy it (choose another file name)"
            )
    try:
        refuse_read_only(path)
    except PermissionError:
        raise CliError(f"{option} {short(text)}: the file is read-only; not replaced") from None
    return path


def write_output(path: Path, data: bytes) -> None:
    """Write ``data`` atomically; a failure is a CliError that says why."""
    try:
        write_atomic(path, data)
    except OSError as exc:
        raise CliError(f"{short(str(path))}: cannot write ({exc.strerror or exc})") from None


def short(text: str, limit: int = 80) -> str:
    """``text`` for an error message: at most ``limit`` characters, with an ellipsis."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return a.resolve() == b.resolve()
