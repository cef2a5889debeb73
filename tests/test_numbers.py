"""The one place that decides what a finite number is, and the refusals each caller words."""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np
import pytest

from neurosim.core.numbers import (
    NotANumber,
    NotFinite,
    TooLarge,
    finite_number,
    parse_finite,
    parse_typed,
)


@pytest.mark.parametrize(
    ("value", "want"),
    [(0, 0.0), (-3, -3.0), (2.5, 2.5), (np.float32(0.5), 0.5), (np.int64(7), 7.0),
     (Fraction(1, 4), 0.25), (1e308, 1e308)],
)  # fmt: skip
def test_finite_number_takes_real_numbers(value, want) -> None:
    got = finite_number(value)
    assert type(got) is float and got == want


@pytest.mark.parametrize("value", [True, np.bool_(False), "1.5", None, [1.0], 1j])
def test_finite_number_refuses_what_is_no_number(value) -> None:
    with pytest.raises(NotANumber, match=r"^expected a number, got "):
        finite_number(value)


@pytest.mark.parametrize("value", [math.inf, -math.inf, math.nan, np.float32("inf")])
def test_finite_number_refuses_infinities_and_nan(value) -> None:
    with pytest.raises(NotFinite, match=r"is not a finite number$") as info:
        finite_number(value)
    assert not isinstance(info.value, TooLarge)
    assert str(info.value.value) == str(float(value))


@pytest.mark.parametrize(("value", "sign"), [(10**400, 1.0), (-(10**400), -1.0)])
def test_whole_numbers_beyond_any_float_are_too_large(value, sign) -> None:
    with pytest.raises(TooLarge, match=r"^the number is too large$") as info:
        finite_number(value)
    assert info.value.value == sign * math.inf


@pytest.mark.parametrize(
    ("text", "want"), [("0.75", 0.75), (" -1.5 ", -1.5), ("2e3", 2000.0), ("7", 7.0)]
)
def test_parse_finite_reads_text(text, want) -> None:
    assert parse_finite(text) == want


@pytest.mark.parametrize("text", ["", "abc", "1,5", "0x10", "1.2.3"])
def test_parse_finite_refuses_text_that_is_no_number(text) -> None:
    with pytest.raises(NotANumber) as info:
        parse_finite(text)
    assert str(info.value) == f"{text!r} is not a number"


@pytest.mark.parametrize("text", ["nan", "inf", "-Infinity", "1e400"])
def test_parse_finite_refuses_non_finite_text(text) -> None:
    with pytest.raises(NotFinite) as info:
        parse_finite(text)
    assert str(info.value) == f"{text!r} is not a finite number"


def test_both_are_value_errors() -> None:
    assert issubclass(NotANumber, ValueError) and issubclass(NotFinite, ValueError)


# ------------------------------------------------- typed by a person (issue 14)
@pytest.mark.parametrize(
    ("text", "want"),
    [("1e-3", 0.001), ("-2.5E3", -2500.0), (".5", 0.5), ("\u22120.5", -0.5), ("\u20132", -2.0),
     (" 0,25 ", 0.25), ("-1,5", -1.5), ("0,125", 0.125), ("1,2345", 1.2345), ("1,5e3", 1500.0)],
)  # fmt: skip
def test_parse_typed_reads_what_people_type(text, want) -> None:
    assert parse_typed(text) == want


@pytest.mark.parametrize(
    ("text", "words"),
    [("1,000", "thousands separator"), ("-12,345", "thousands separator"),
     ("1 000", "no thousands separators"), ("1_000", "no thousands separators"),
     ("1,2,3", "is not a number"), ("1.000,5", "is not a number"), ("\u0661", "is not a number"),
     ("", "type a number"), ("nan", "not a finite number"), ("1e999", "not a finite number")],
)  # fmt: skip
def test_parse_typed_never_reads_a_thousands_separator(text, words) -> None:
    with pytest.raises(ValueError, match=words):
        parse_typed(text)
