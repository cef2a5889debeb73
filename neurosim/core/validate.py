"""Checks shared by every loader (networks, datasets, exercises): each names where it failed."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any


class FileFormatError(ValueError):
    """A file that cannot be loaded; the message says what is wrong and where."""


_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}


def expect(value: Any, kind: type, where: str, what: str | None = None) -> None:
    """Raise unless ``value`` is a ``kind`` (bool never counts as a number)."""
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        what = what or _TYPE_NAMES.get(kind, kind.__name__)
        raise FileFormatError(f"{where}: expected {what}, got {_show(value)}")


def number(value: Any, where: str) -> float:
    """A finite JSON number as float."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise FileFormatError(f"{where}: expected a number, got {_show(value)}")
    try:
        result = float(value)
    except OverflowError:
        raise FileFormatError(f"{where}: the number is too large") from None
    if not math.isfinite(result):
        raise FileFormatError(f"{where}: expected a finite number, got {result}")
    return result


def check_keys(item: Mapping[str, Any], known: Iterable[str], where: str) -> None:
    known = tuple(known)
    for key in item:
        if key not in known:
            raise FileFormatError(f"{where}: unknown key '{key}'; known: {', '.join(known)}")


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
