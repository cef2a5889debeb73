"""Signal sources for input neurons: what value an input takes at simulation step t.

Time ``t`` counts simulation steps (0, 1, 2, …); every period and hold is a number of steps,
so a sine with ``period`` 100 repeats every 100 steps whatever the clock's speed. In a file a
source is a JSON object on an input neuron, ``{"kind": "sine", "period": 100, …}``; keys left
out take their defaults. The kinds (value at step t):

- ``manual``: no source; the neuron keeps the value the user sets (same as no ``source`` key).
- ``constant``: ``value``.
- ``sine``: ``offset + amplitude·sin(2π·(t/period + phase/360))``; ``phase`` in degrees.
- ``square``: ``offset + amplitude`` for the first ``duty`` fraction of each period, else
  ``offset − amplitude`` (same phase as sine).
- ``triangle``: ``min`` up to ``max`` and back once per ``period``; ``sawtooth``: ``min`` up
  to ``max``, then jump back.
- ``uniform``: noise evenly spread in [``min``, ``max``); ``gaussian``: noise with ``mean``
  and ``std``. The value at step t depends only on ``seed`` and t, so Reset replays exactly.
- ``sequence``: steps through the ``rows`` of a table (say the four rows of a truth table),
  each held for ``hold`` steps, taking the row's entry in ``column`` (0 = first).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from neurosim.core.text_marks import QT_TRANSLATE_NOOP
from neurosim.core.validate import FileFormatError, check_keys, expect, number


@dataclass(frozen=True)
class FieldSpec:
    name: str
    default: float
    minimum: float  # inclusive unless open_min
    maximum: float
    description: str
    open_min: bool = False  # the minimum itself is not allowed (period > 0)
    integer: bool = False


@dataclass(frozen=True)
class SourceKind:
    name: str
    title: str
    fields: tuple[FieldSpec, ...]


_INF = math.inf
_BIG = 1e9  # keeps values (and sums of them) far from overflow
_MIN_PERIOD = 1e-280  # t (an int64, < 1e19) / period stays finite


_PERIOD = FieldSpec(
    "period", 100.0, 0.0, _BIG, QT_TRANSLATE_NOOP("Sources", "steps per cycle"), open_min=True
)
_PHASE = FieldSpec(
    "phase", 0.0, -360.0, 360.0, QT_TRANSLATE_NOOP("Sources", "shift of the cycle, in degrees")
)


def _amplitude() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec(
            "amplitude",
            1.0,
            -_BIG,
            _BIG,
            QT_TRANSLATE_NOOP("Sources", "half the swing, top to middle"),
        ),
        _PERIOD,
        _PHASE,
        FieldSpec("offset", 0.0, -_BIG, _BIG, QT_TRANSLATE_NOOP("Sources", "the middle value")),
    )


def _sweep() -> tuple[FieldSpec, ...]:
    return (
        FieldSpec("min", 0.0, -_BIG, _BIG, QT_TRANSLATE_NOOP("Sources", "lowest value")),
        FieldSpec("max", 1.0, -_BIG, _BIG, QT_TRANSLATE_NOOP("Sources", "highest value")),
        _PERIOD,
        _PHASE,
    )


_SEED = FieldSpec(
    "seed", 0, 0, 2**32 - 1, QT_TRANSLATE_NOOP("Sources", "same seed, same noise"), integer=True
)

SOURCE_KINDS: dict[str, SourceKind] = {
    k.name: k
    for k in (
        SourceKind("manual", QT_TRANSLATE_NOOP("Sources", "Manual"), ()),
        SourceKind(
            "constant",
            QT_TRANSLATE_NOOP("Sources", "Constant"),
            (FieldSpec("value", 1.0, -_BIG, _BIG, QT_TRANSLATE_NOOP("Sources", "the value")),),
        ),
        SourceKind("sine", QT_TRANSLATE_NOOP("Sources", "Sine wave"), _amplitude()),
        SourceKind(
            "square",
            QT_TRANSLATE_NOOP("Sources", "Square wave"),
            (
                *_amplitude(),
                FieldSpec(
                    "duty",
                    0.5,
                    0.0,
                    1.0,
                    QT_TRANSLATE_NOOP("Sources", "fraction of each period spent high"),
                ),
            ),
        ),
        SourceKind("triangle", QT_TRANSLATE_NOOP("Sources", "Triangle sweep"), _sweep()),
        SourceKind("sawtooth", QT_TRANSLATE_NOOP("Sources", "Sawtooth sweep"), _sweep()),
        SourceKind(
            "uniform",
            QT_TRANSLATE_NOOP("Sources", "Uniform noise"),
            (
                FieldSpec("min", -1.0, -_BIG, _BIG, QT_TRANSLATE_NOOP("Sources", "lowest value")),
                FieldSpec("max", 1.0, -_BIG, _BIG, QT_TRANSLATE_NOOP("Sources", "highest value")),
                _SEED,
            ),
        ),
        SourceKind(
            "gaussian",
            QT_TRANSLATE_NOOP("Sources", "Gaussian noise"),
            (
                FieldSpec(
                    "mean", 0.0, -_BIG, _BIG, QT_TRANSLATE_NOOP("Sources", "the average value")
                ),
                FieldSpec(
                    "std",
                    1.0,
                    0.0,
                    _BIG,
                    QT_TRANSLATE_NOOP("Sources", "standard deviation (spread)"),
                ),
                _SEED,
            ),
        ),
        SourceKind(
            "sequence",
            QT_TRANSLATE_NOOP("Sources", "Sequence (table rows)"),
            (
                FieldSpec(
                    "column",
                    0,
                    0,
                    1000,
                    QT_TRANSLATE_NOOP("Sources", "which entry of each row (0 = first)"),
                    integer=True,
                ),
                FieldSpec(
                    "hold",
                    25,
                    1,
                    10**6,
                    QT_TRANSLATE_NOOP("Sources", "steps each row is held"),
                    integer=True,
                ),
            ),
        ),
    )
}
TRUTH_TABLE_ROWS = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
MAX_ROWS = 10_000


@dataclass(frozen=True)
class Source:
    """A validated source: its kind and every parameter (defaults filled in)."""

    kind: str
    params: Mapping[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.params[name]


# ------------------------------------------------------------------ reading and writing
def source_from_dict(data: Any, where: str = "source") -> Source:
    """Validate a source object from a file; FileFormatError says what is wrong and where."""
    expect(data, dict, where, 'an object like {"kind": "sine"}')
    kind_name = data.get("kind")
    if kind_name is None:
        raise FileFormatError(f"{where}: missing 'kind' (one of {', '.join(SOURCE_KINDS)})")
    if not isinstance(kind_name, str) or kind_name not in SOURCE_KINDS:  # (a list is unhashable)
        raise FileFormatError(
            f"{where}.kind: expected one of {', '.join(SOURCE_KINDS)}, got {kind_name!r}"
        )
    kind = SOURCE_KINDS[kind_name]
    extra = ("rows",) if kind_name == "sequence" else ()
    check_keys(data, ("kind", *(f.name for f in kind.fields), *extra), where)
    params: dict[str, Any] = {}
    for spec in kind.fields:
        params[spec.name] = _field(data.get(spec.name, spec.default), spec, f"{where}.{spec.name}")
    if kind_name == "sequence":
        rows = _rows(data.get("rows", TRUTH_TABLE_ROWS), f"{where}.rows")
        if params["column"] >= len(rows[0]):
            raise FileFormatError(
                f"{where}.column: expected a whole number below "
                f"{len(rows[0])} (the rows have {len(rows[0])} entries)"
            )
        params["rows"] = rows
    return Source(kind_name, params)


def _field(value: Any, spec: FieldSpec, where: str) -> float | int:
    x = number(value, where)
    if spec.integer and not x.is_integer():
        raise FileFormatError(f"{where}: expected a whole number, got {value!r}")
    low_ok = x > spec.minimum if spec.open_min else x >= spec.minimum
    if not low_ok or x > spec.maximum:
        raise FileFormatError(f"{where}: expected {_describe(spec)}, got {value!r}")
    return int(x) if spec.integer else x


def _describe(spec: FieldSpec) -> str:
    what = "a whole number" if spec.integer else "a number"
    low = f"> {_fmt(spec.minimum)}" if spec.open_min else f"≥ {_fmt(spec.minimum)}"
    if spec.maximum >= _BIG and spec.minimum <= -_BIG:
        return f"{what} between −1e9 and 1e9"
    if spec.maximum >= _BIG:
        return f"{what} {low}"
    return f"{what} {low} and ≤ {_fmt(spec.maximum)}"


def _fmt(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


def _rows(value: Any, where: str) -> tuple[tuple[float, ...], ...]:
    if not isinstance(value, (list, tuple)):
        raise FileFormatError(
            f"{where}: expected a list of rows like [[0, 1], [1, 0]], got {value!r:.40}"
        )
    if not value or len(value) > MAX_ROWS:
        raise FileFormatError(f"{where}: expected 1 to {MAX_ROWS} rows, got {len(value)}")
    rows = []
    for i, row in enumerate(value):
        if not isinstance(row, (list, tuple)) or not row:
            raise FileFormatError(f"{where}[{i}]: expected a non-empty list of numbers")
        if len(row) != len(value[0]):
            raise FileFormatError(
                f"{where}[{i}]: expected {len(value[0])} entries like row 0, got {len(row)}"
            )
        rows.append(tuple(number(v, f"{where}[{i}][{k}]") for k, v in enumerate(row)))
    return tuple(rows)


def source_to_dict(source: Source) -> dict[str, Any]:
    """The JSON object for a file (every parameter written, so files say what they mean)."""
    out: dict[str, Any] = {"kind": source.kind}
    for name, value in source.params.items():
        out[name] = [list(r) for r in value] if name == "rows" else value
    return out


def default_source(kind: str, keep: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """A new source dict of ``kind``, keeping parameters of the same name from ``keep``."""
    spec = SOURCE_KINDS[kind]
    data: dict[str, Any] = {"kind": kind}
    for f in spec.fields:
        data[f.name] = (keep or {}).get(f.name, f.default)
    if kind == "sequence":
        data["rows"] = [list(r) for r in (keep or {}).get("rows", TRUTH_TABLE_ROWS)]
    return source_to_dict(source_from_dict(data))


def as_source(source: Source | Mapping[str, Any] | None) -> Source | None:
    """A Source from a Source, a (file) dict, or None; ``manual`` counts as None."""
    if source is None:
        return None
    if not isinstance(source, Source):
        source = source_from_dict(dict(source))
    return None if source.kind == "manual" else source


# ---------------------------------------------------------------------------- values
def value_at(source: Source | Mapping[str, Any], t: int) -> float:
    """The value at step ``t`` (raises ValueError for a manual source: it has none)."""
    return float(values_at(source, np.array([t], dtype=np.int64))[0])


def values_at(source: Source | Mapping[str, Any], t: np.ndarray) -> np.ndarray:
    """Values (float64) at every step in ``t`` (integers ≥ 0)."""
    src = as_source(source)
    if src is None:
        raise ValueError("a manual source has no value of its own; the neuron keeps its value")
    t = np.asarray(t, dtype=np.int64)
    p = src.params
    kind = src.kind
    if kind == "constant":
        return np.full(t.shape, p["value"], dtype=np.float64)
    if kind == "sequence":
        rows = np.array([r[p["column"]] for r in p["rows"]], dtype=np.float64)
        return rows[(t // p["hold"]) % len(rows)]
    if kind in ("uniform", "gaussian"):
        return _noise(kind, p, t)
    # Periodic kinds: the fraction of the current cycle, in [0, 1). A period may be any
    # number > 0, but below _MIN_PERIOD t / period would overflow to inf (NaN values): such
    # a wave is far shorter than one step and sampled at whole steps either way.
    frac = np.mod(t / max(p["period"], _MIN_PERIOD) + p["phase"] / 360.0, 1.0)
    if kind == "sine":
        return p["offset"] + p["amplitude"] * np.sin(2.0 * np.pi * frac)
    if kind == "square":
        return np.where(
            frac < p["duty"], p["offset"] + p["amplitude"], p["offset"] - p["amplitude"]
        )
    ramp = frac if kind == "sawtooth" else 1.0 - np.abs(2.0 * frac - 1.0)
    return p["min"] + (p["max"] - p["min"]) * ramp


def _noise(kind: str, p: Mapping[str, Any], t: np.ndarray) -> np.ndarray:
    if kind == "uniform":
        return p["min"] + (p["max"] - p["min"]) * _uniform01(p["seed"], t, 0)
    # Box–Muller: 1 − u lies in (0, 1], so the logarithm is always finite.
    radius = np.sqrt(-2.0 * np.log1p(-_uniform01(p["seed"], t, 0)))
    return p["mean"] + p["std"] * radius * np.cos(2.0 * np.pi * _uniform01(p["seed"], t, 1))


_M1, _M2 = np.uint64(0xBF58476D1CE4E5B9), np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _mix(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser: a bijection of uint64 that scrambles every bit."""
    x = (x ^ (x >> np.uint64(30))) * _M1
    x = (x ^ (x >> np.uint64(27))) * _M2
    return x ^ (x >> np.uint64(31))


def _uniform01(seed: int, t: np.ndarray, stream: int) -> np.ndarray:
    """Counter-based uniform numbers in [0, 1): a pure function of (seed, t, stream)."""
    # Arrays only: numpy wraps uint64 arithmetic silently for arrays (scalars would warn).
    key = _mix(np.array([seed * 2 + stream], dtype=np.uint64) + _GOLDEN)
    h = _mix(np.atleast_1d(t).astype(np.uint64) * _GOLDEN ^ key)
    return ((h >> np.uint64(11)).astype(np.float64) * 2.0**-53).reshape(np.shape(t))


def value_range(source: Source | Mapping[str, Any]) -> tuple[float, float] | None:
    """Where the values mostly lie (noise: mean ± 3 std), for axis ranges; None if manual."""
    src = as_source(source)
    if src is None:
        return None
    p, kind = src.params, src.kind
    if kind == "constant":
        return p["value"], p["value"]
    if kind in ("sine", "square"):
        a = abs(p["amplitude"])
        return p["offset"] - a, p["offset"] + a
    if kind == "gaussian":
        return p["mean"] - 3 * p["std"], p["mean"] + 3 * p["std"]
    if kind == "sequence":
        column = [r[p["column"]] for r in p["rows"]]
        return min(column), max(column)
    return min(p["min"], p["max"]), max(p["min"], p["max"])
