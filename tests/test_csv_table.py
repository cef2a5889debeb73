"""CSV exports write numbers with 15 significant digits: typed values round-trip, noise goes."""

from __future__ import annotations

import csv
import io
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from neurosim.core.csv_table import csv_cell, csv_number, csv_text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (0.1 + 0.2 - 0.32, "-0.02"),  # -0.019999999999999574
        (0.1 + 0.2, "0.3"),
        (1.0, "1"),
        (-0.0, "0"),
        (1e300, "1e+300"),
        (123456789012345.0, "123456789012345"),
        (math.inf, "inf"),
        (-math.inf, "-inf"),
        (math.nan, ""),
        (np.float32(0.5), "0.5"),
    ],
)
def test_number_text(value: float, text: str) -> None:
    assert csv_number(value) == text


@given(st.decimals(allow_nan=False, allow_infinity=False, places=6, min_value=-1e6, max_value=1e6))
def test_a_typed_decimal_round_trips(typed) -> None:
    """What a person types (here up to 13 digits) is read back as the same float."""
    x = float(str(typed))
    assert float(csv_number(x)) == x


def test_cells_and_table() -> None:
    assert [csv_cell(v) for v in (True, np.bool_(False), np.int64(3), "h1")] == [1, 0, 3, "h1"]
    text = csv_text(["x", "y of h1"], [[0.3, 0.1 * 3], [np.float64(2.5), math.nan]])
    assert text == "x,y of h1\n0.3,0.3\n2.5,\n"
    assert list(csv.reader(io.StringIO(text)))[1] == ["0.3", "0.3"]
