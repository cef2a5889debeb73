"""What counts as a finite number, decided in one place.

:func:`finite_number` takes a number given as a number (from JSON, a setter, numpy);
:func:`parse_finite` takes one typed as text (a CSV cell, a command-line option, a text
box). Both raise a :class:`ValueError` whose message reads well on its own; a caller that
words refusals its own way tells the cases apart by the exception's class:

- :class:`NotANumber`: not a real number (true/false count as none), or text that does
  not read as one;
- :class:`NotFinite`: a number, but infinite or NaN; its subclass :class:`TooLarge` is a
  whole number beyond any float (``10**400``).
"""

from __future__ import annotations

import math
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


def _quoted(text: str, limit: int = 80) -> str:
    """``repr(text)``, cut to about ``limit`` characters: errors never echo a whole file."""
    return repr(text) if len(text) <= limit else repr(text[: limit - 1]) + "…"
