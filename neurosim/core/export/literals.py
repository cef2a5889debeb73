"""Python literals for numbers, arrays and texts that read back to exactly the same values."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import numpy as np

#: numbers per line in a matrix literal before it wraps
PER_LINE = 6


def number(x: float) -> str:
    """``repr`` of a float: the shortest text that reads back to the same double."""
    x = float(x)
    if math.isinf(x):
        return "math.inf" if x > 0 else "-math.inf"
    return repr(x)


def row(values: Iterable[float], indent: str) -> str:
    """``[a, b, c]`` wrapped after PER_LINE numbers, continuation lines at ``indent``."""
    texts = [number(v) for v in values]
    lines = [", ".join(texts[i : i + PER_LINE]) for i in range(0, len(texts), PER_LINE)]
    return "[" + (",\n" + indent + " ").join(lines) + "]"


def matrix(m: np.ndarray, row_names: Sequence[str], indent: str) -> str:
    """A list of rows, each followed by a comment naming where it comes from (a matrix
    with no rows, the weights of a level nothing feeds, is an empty list)."""
    if m.shape[0] == 0:
        return "[]"
    inner = indent + "    "
    lines = [f"{inner}{row(m[r], inner)},  # from {name}" for r, name in enumerate(row_names)]
    return "[\n" + "\n".join(lines) + f"\n{indent}]"


def ints(values: Sequence[int]) -> str:
    """A tuple literal of integers."""
    return "(" + ", ".join(str(int(v)) for v in values) + ("," if len(values) == 1 else "") + ")"


def names(ids: Sequence[str]) -> str:
    """A tuple literal of texts (ids come from files: repr escapes whatever they hold)."""
    return "(" + ", ".join(repr(i) for i in ids) + ("," if len(ids) == 1 else "") + ")"


def comment(text: str) -> str:
    """One line of comment text: a label from a file may hold a newline."""
    return " ".join(str(text).split())


def in_docstring(text: str) -> str:
    """``text`` on one line, safe inside a triple-quoted docstring (no quote or backslash
    of its own can end it)."""
    return comment(text).replace('"', "'").replace("\\", "/")
