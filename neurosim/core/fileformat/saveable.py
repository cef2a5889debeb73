"""What can be copied and saved again: real text (no half surrogate pairs), finite numbers,
and free-form JSON (meta, unknown keys) no deeper than :data:`MAX_FREE_DEPTH` levels."""

from __future__ import annotations

import math
import re
from typing import Any

from neurosim.core.fileformat.schema import MAX_FREE_DEPTH
from neurosim.core.names import name_problem
from neurosim.core.validate import FileFormatError

# JSON may escape half of a UTF-16 pair ("\ud800"); such a string cannot be saved as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(text: str, where: str) -> None:
    match = _SURROGATE.search(text)
    if match:
        raise FileFormatError(
            f"{where}: holds half of a UTF-16 surrogate pair (\\u{ord(match.group()):04x}), "
            "which is not text and cannot be saved"
        )


def check_name(text: str, where: str) -> None:
    """FileFormatError when ``text`` cannot be an id or a label (``core.names``)."""
    problem = name_problem(text)
    if problem is not None:
        raise FileFormatError(f"{where}: {problem}")


def check_free_form(value: dict[str, Any], where: str) -> None:
    """meta and unknown keys may hold any JSON, but only what can be copied and saved again:
    finite numbers, real text, at most MAX_FREE_DEPTH levels. Iterative: no recursion.

    A section may hold 100,000 rows of numbers, so the place of an item is spelled out only
    when it is wrong: each container keeps (parent entry, key) to trace its path back.
    """
    Entry = tuple[Any, int, Any, Any]  # (node, depth, parent entry, key in the parent)
    stack: list[Entry] = [(value, 1, None, where)]
    while stack:
        entry = stack.pop()
        node, depth = entry[0], entry[1]
        if depth > MAX_FREE_DEPTH:
            raise FileFormatError(f"{_place(entry)}: nested more than {MAX_FREE_DEPTH} levels deep")
        for key, item in node.items() if isinstance(node, dict) else enumerate(node):
            if type(item) is float:
                if not math.isfinite(item):
                    raise FileFormatError(
                        f"{_place((None, 0, entry, key))}: expected a finite number, got {item}"
                    )
            elif isinstance(item, str):
                if _SURROGATE.search(item):
                    check_text(item, _place((None, 0, entry, key)))
            elif isinstance(item, (dict, list)):
                stack.append((item, depth + 1, entry, key))
            if isinstance(key, str) and _SURROGATE.search(key):
                check_text(key, _place((None, 0, entry, key)))


def _place(entry: tuple[Any, int, Any, Any]) -> str:
    """``meta.notes[2].x`` for an entry of :func:`check_free_form`."""
    keys = []
    while entry is not None:
        keys.append(entry[3])
        entry = entry[2]
    text = ""
    for key in reversed(keys):
        text += f"[{key}]" if isinstance(key, int) else f".{key}" if text else key
    return text.encode("utf-8", "backslashreplace").decode("utf-8")  # a key may be the culprit
