"""Strict JSON: ``json.loads`` that refuses NaN, Infinity and keys given twice, naming where."""

from __future__ import annotations

import json
from typing import Any

from neurosim.core.validate import FileFormatError


class _Refused:
    """Stands in, while parsing, for what JSON may hold but a network file may not
    (NaN, a key given twice), so the error can name its place once the tree is built."""

    def __init__(self, message: str) -> None:
        self.message = message


def parse_json(text: str) -> Any:
    """``json.loads`` that rejects NaN/Infinity and duplicate keys, naming where they are."""
    refused: list[_Refused] = []

    def constant(name: str) -> _Refused:
        refused.append(_Refused(f"{name} is not allowed (numbers must be finite)"))
        return refused[-1]

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any] | _Refused:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                refused.append(_Refused(f"duplicate key '{key}'"))
                return refused[-1]
            result[key] = value
        return result

    try:
        data = json.loads(text, parse_constant=constant, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise FileFormatError("malformed JSON: nested too deeply") from None
    except ValueError as exc:  # an integer with too many digits
        raise FileFormatError(f"malformed JSON: {exc}") from None
    if refused:
        place, bad = _first_refused(data)
        raise FileFormatError(f"{place}: {bad.message}")
    return data


def _first_refused(data: Any) -> tuple[str, _Refused]:
    """The first :class:`_Refused` in document order, with its path (``neurons[2].bias``)."""
    stack: list[tuple[Any, str]] = [(data, "the file")]
    while stack:
        node, place = stack.pop()
        if isinstance(node, _Refused):
            return place, node
        if isinstance(node, dict):
            children = [
                (v, f"{place}.{k}" if place != "the file" else str(k)) for k, v in node.items()
            ]
        elif isinstance(node, list):
            children = [(v, f"{place}[{i}]") for i, v in enumerate(node)]
        else:
            continue
        stack.extend(reversed(children))
    raise AssertionError("a refused value was recorded but is not in the tree")
