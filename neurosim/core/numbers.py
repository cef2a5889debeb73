"""What counts as a finite number, decided in one place.

:func:`finite_number` takes a number given as a number (from JSON, a setter, numpy);
:func:`parse_finite` takes one typed as text (a CSV cell, a command-line option, a text
box). Both raise a :class:`ValueError` whose message reads well on its own; a caller that
words refusals its own way tells the cases apart by the exception's class:

- :class:`NotANumber`: not a real number (true/false count as none), or text that does
  not read as one;
- :class:`NotFinite`: a number, but infinite or NaN; its subclass :class:`TooLarge` is a
  whole number beyond any float (``10**400``).

:func:`parse_typed` reads what a person types into a box (the GUI's number boxes and the
canvas's in-place editor): ``parse_finite``'s syntax plus a true minus sign (``−0.5``) and
a decimal comma where it cannot be a thousands separator. Numbers are always read and
written in the C locale (a dot before the decimals, no grouping), whatever the system's.
"""

from __future__ import annotations

import math
import re
from numbers import Real

import numpy as np


class NotANumber(ValueError):
    """Not a real number, or text that does not read as one."""


class NotFinite(ValueError):
    """A number, but infinite or NaN; :attr:`value` is it as a float (inf, -inf or nan)."""

    def __init__(self, message: str, value: float) -> None:
        super().__init__(message)
        self.value = value


class TooLarge(NotFinite):
    """A whole number too large for any float."""


def finite_number(value: object) -> float:
    """``value`` as a finite float; bool and anything that is no real number are refused."""
    # numbers.Real admits numpy scalars (np.float32, np.int64) that training code hands over.
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, Real):
        raise NotANumber(f"expected a number, got {value!r}")
    try:
        x = float(value)
    except OverflowError:  # a whole number beyond any float, like 10**400
        raise TooLarge("the number is too large", -math.inf if value < 0 else math.inf) from None
    if not math.isfinite(x):
        raise NotFinite(f"{x} is not a finite number", x)
    return x


#: what a number typed as text may hold: float() also reads "1_000" and digits of other
#: scripts ("١٢"), which no CSV or spreadsheet means as a number
_NUMBER_CHARS = frozenset("0123456789+-.eE infatyINFATY\t\n\r")


def parse_finite(text: str) -> float:
    """The finite float that ``text`` spells (``float``'s syntax, spaces around allowed,
    ASCII digits only, no ``_`` separators)."""
    if not set(text) <= _NUMBER_CHARS:
        raise NotANumber(f"{_quoted(text)} is not a number")
    try:
        x = float(text)
    except ValueError:
        raise NotANumber(f"{_quoted(text)} is not a number") from None
    if not math.isfinite(x):
        raise NotFinite(f"{_quoted(text)} is not a finite number", x)
    return x


#: minus signs people type or paste: the true minus (the app writes it), dashes
_MINUS_SIGNS = str.maketrans({"\u2212": "-", "\u2013": "-", "\u2012": "-", "\ufe63": "-"})
#: a comma that may group thousands as well as mark decimals: "1,000", "12,345"
_GROUPING_COMMA = re.compile(r"[+-]?[1-9][0-9]{0,2},[0-9]{3}")
TYPING_EXAMPLE = "type e.g. 0.75, -1.5 or 1e-3"


def parse_typed(text: str) -> float:
    """The finite float a person means by ``text`` typed into a box.

    Accepts what :func:`parse_finite` does (``1e-3``, ``-2.5E3``, ``.5``, spaces around)
    plus a true minus sign or a dash (``−0.5``) and one decimal comma (``0,25``, ``−1,5``).
    Never reads a thousands separator: ``1,000`` (a comma that could group thousands) and
    ``1 000`` are refused, each with a message that says what to type instead.
    """
    cleaned = text.strip().translate(_MINUS_SIGNS)
    if not cleaned:
        raise NotANumber(f"type a number ({TYPING_EXAMPLE})")
    if "," in cleaned:
        if _GROUPING_COMMA.fullmatch(cleaned):
            raise NotANumber(
                f"{_quoted(text.strip())}: is the comma a decimal point or a thousands "
                "separator? Write decimals with a dot and no separators (1.5, 1000)"
            )
        if cleaned.count(",") == 1 and "." not in cleaned:
            cleaned = cleaned.replace(",", ".")  # a decimal comma, as many students type it
    if re.search(r"[0-9][ _'][0-9]", cleaned):
        raise NotANumber(
            f"{_quoted(text.strip())}: a number has no thousands separators (type 1000)"
        )
    try:
        return parse_finite(cleaned)
    except NotFinite as exc:
        raise NotFinite(f"{_quoted(text.strip())} is not a finite number", exc.value) from None
    except NotANumber:
        raise NotANumber(f"{_quoted(text.strip())} is not a number; {TYPING_EXAMPLE}") from None


def _quoted(text: str, limit: int = 80) -> str:
    """``repr(text)``, cut to about ``limit`` characters: errors never echo a whole file."""
    return repr(text) if len(text) <= limit else repr(text[: limit - 1]) + "…"
