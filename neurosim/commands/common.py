"""Helpers shared by the subcommands: their error, loading a network and reading numbers."""

from __future__ import annotations

import math

from neurosim.core.fileformat import FileFormatError, load
from neurosim.core.model import Network


class CliError(Exception):
    """A problem with the user's input; printed as one ``error:`` line, exit status 2."""


def load_network(path: str) -> Network:
    try:
        return load(path)
    except FileFormatError as exc:
        raise CliError(str(exc)) from None


def parse_number(text: str, where: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise CliError(f"{where}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise CliError(f"{where}: {text!r} is not a finite number")
    return value
