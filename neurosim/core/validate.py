"""Checks shared by every loader (networks, datasets, exercises): each names where it failed."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from neurosim.core.numbers import NotANumber, NotFinite, TooLarge, finite_number


class FileFormatError(ValueError):
    """A file that cannot be loaded; the message says what is wrong and where."""


_TYPE_NAMES = {dict: "an object", list: "a list", str: "a string", bool: "true or false"}


def expect(value: Any, kind: type, where: str, what: str | None = None) -> None:
    """Raise unless ``value`` is a ``kind`` (bool never counts as a number)."""
    if not isinstance(value, kind) or (kind is not bool and isinstance(value, bool)):
        what = what or _TYPE_NAMES.get(kind, kind.__name__)
        raise FileFormatError(f"{where}: expected {what}, got {shown(value)}")


def number(value: Any, where: str) -> float:
    """A finite JSON number as float."""
    try:
        return finite_number(value)
    except NotANumber:
        raise FileFormatError(f"{where}: expected a number, got {shown(value)}") from None
    except TooLarge as exc:
        raise FileFormatError(f"{where}: {exc}") from None
    except NotFinite as exc:
        raise FileFormatError(f"{where}: expected a finite number, got {exc.value}") from None


def check_keys(item: Mapping[str, Any], known: Iterable[str], where: str) -> None:
    known = tuple(known)
    for key in item:
        if key not in known:
            raise FileFormatError(f"{where}: unknown key '{key}'; known: {', '.join(known)}")


def shown(value: Any, limit: int = 80) -> str:
    """``value`` as an error message shows it: "nothing (missing)" for null, "a boolean
    (true)", and any other value's repr cut to about ``limit`` characters."""
    if value is None:
        return "nothing (missing)"
    if isinstance(value, bool):
        return f"a boolean ({'true' if value else 'false'})"
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
