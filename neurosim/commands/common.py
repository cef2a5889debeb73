"""Helpers shared by the subcommands: loading a network and reading numbers, all as CliError."""

from __future__ import annotations

from neurosim.cli import CliError
from neurosim.core.fileformat import FileFormatError, load
from neurosim.core.model import Network
from neurosim.core.numbers import parse_finite


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
