"""One way to write a CSV table of numbers, for every export (plots, training history, CLI).

Numbers are written with 15 significant digits (``%.15g``): any decimal a person typed
(at most 15 digits) reads back as the same float, while float noise from arithmetic does
not show (−0.019999999999999574 is written −0.02). NaN is an empty cell; ±inf is written
``inf``/``-inf``; booleans are 0/1.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence

import numpy as np

SIGNIFICANT = 15


def csv_number(value: float) -> str:
    """A float as the CSV shows it: 15 significant digits, no trailing noise."""
    x = float(value)
    if math.isnan(x):
        return ""
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    text = f"{x:.{SIGNIFICANT}g}"
    return "0" if text == "-0" else text


def csv_cell(value: object) -> object:
    """A cell for :mod:`csv`: numbers formatted by :func:`csv_number`, text as it is."""
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return csv_number(float(value))
    return value


def csv_text(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """The whole table as text, header first, one line per row ("\\n" line ends)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])
    return out.getvalue()
