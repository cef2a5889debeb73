"""Training data: built-in teaching sets, CSV files and the network-file form.

A dataset's columns carry the ids of the neurons they feed (inputs) or train (targets),
so training can match columns to a network by name. Pure numpy, no Qt.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import numpy as np

from neurosim.core.numbers import NotANumber, NotFinite, finite_number, parse_finite
from neurosim.core.validate import shown

TASKS = ("classification", "regression")
BUILTIN_NAMES = ("and", "or", "nand", "xor", "circle", "xor2d", "gauss", "spiral", "sine")
MAX_ROWS = 100_000
MAX_NOISE = 10.0


class DatasetError(ValueError):
    """A problem with data, worded for the user and naming where it is."""


@dataclass(frozen=True, eq=False)
class Dataset:
    """Rows of inputs and targets. Arrays are copied to read-only float64 on creation.

    ``recipe`` is set for built-in sets ({"builtin", "n", "noise", "seed"}) so a file
    can store how to regenerate them instead of every row.
    """

    name: str
    inputs: np.ndarray  # (n, k)
    targets: np.ndarray  # (n, m)
    input_names: tuple[str, ...]
    target_names: tuple[str, ...]
    task: str
    recipe: Mapping[str, Any] | None = field(default=None, kw_only=True)

    def __post_init__(self) -> None:
        where = f"dataset {self.name!r}"
        ins = _ids(self.input_names, f"{where} input names")
        outs = _ids(self.target_names, f"{where} target names")
        x = _frozen_matrix(self.inputs, len(ins), f"{where} inputs")
        t = _frozen_matrix(self.targets, len(outs), f"{where} targets")
        if x.shape[0] != t.shape[0]:
            raise DatasetError(f"{where}: {x.shape[0]} input rows but {t.shape[0]} target rows")
        if self.task not in TASKS:
            raise DatasetError(
                f"{where}: task must be one of {', '.join(TASKS)}, got {shown(self.task)}"
            )
        for attr, value in (
            ("inputs", x),
            ("targets", t),
            ("input_names", ins),
            ("target_names", outs),
            ("recipe", None if self.recipe is None else dict(self.recipe)),
        ):
            object.__setattr__(self, attr, value)

    def __len__(self) -> int:
        return self.inputs.shape[0]

    @property
    def n_inputs(self) -> int:
        return self.inputs.shape[1]

    @property
    def n_outputs(self) -> int:
        return self.targets.shape[1]

    def split(self, test_fraction: float, seed: int) -> tuple[Dataset, Dataset]:
        """(train, test): rows shuffled by ``seed``, about ``test_fraction`` of them to test.

        The same seed always gives the same split. The training part always keeps at
        least one row; with two or more rows and a fraction above 0, so does the test part.
        """
        frac = _number(test_fraction, "test fraction", 0.0, 1.0)
        if frac >= 1.0:
            raise DatasetError(f"test fraction: must be below 1, got {shown(test_fraction)}")
        seed = _int(seed, "seed", 0, 2**63 - 1)
        n = len(self)
        n_test = min(round(frac * n), n - 1)
        if frac > 0 and n >= 2:
            n_test = max(n_test, 1)
        order = np.random.default_rng(seed).permutation(n)
        return self._subset(order[n_test:], "train"), self._subset(order[:n_test], "test")

    def _subset(self, rows: np.ndarray, part: str) -> Dataset:
        return replace(
            self,
            name=f"{self.name} ({part})",
            inputs=self.inputs[rows],
            targets=self.targets[rows],
            recipe=None,
        )

    def with_names(self, input_names: Sequence[str], target_names: Sequence[str]) -> Dataset:
        """The same rows with columns renamed to a network's input and output ids."""
        ins, outs = tuple(input_names), tuple(target_names)
        for role, cols, ids in (("input", self.n_inputs, ins), ("output", self.n_outputs, outs)):
            if cols != len(ids):
                raise DatasetError(
                    f"dataset {self.name!r} has {cols} {role} column(s) but the network has "
                    f"{len(ids)} {role} neuron(s)"
                )
        return replace(self, input_names=ins, target_names=outs)


# ---------------------------------------------------------------- validation helpers


def _frozen_matrix(values: Any, cols: int, what: str) -> np.ndarray:
    try:
        arr = np.array(values, dtype=np.float64)
    except (TypeError, ValueError, OverflowError) as exc:  # OverflowError: 10**400
        raise DatasetError(f"{what}: expected numbers ({exc})") from None
    if arr.ndim != 2 or arr.shape[1] != cols:
        raise DatasetError(f"{what}: expected a table with {cols} column(s), got shape {arr.shape}")
    if not np.isfinite(arr).all():
        row, col = np.argwhere(~np.isfinite(arr))[0]
        raise DatasetError(
            f"{what}: row {row}, column {col} is {arr[row, col]}, not a finite number"
        )
    arr.setflags(write=False)
    return arr


def _ids(values: Any, what: str) -> tuple[str, ...]:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise DatasetError(f"{what}: expected a list of neuron ids, got {shown(values)}")
    if not values:
        raise DatasetError(f"{what}: expected at least one neuron id")
    for i, v in enumerate(values):
        if not isinstance(v, str) or not v:
            raise DatasetError(f"{what}[{i}]: expected a neuron id (text), got {shown(v)}")
    seen: set[str] = set()
    repeated: set[str] = set()
    for v in values:  # linear: values.count(v) per value took seconds for 20,000 ids
        (repeated if v in seen else seen).add(v)
    dupes = sorted(repeated)
    if dupes:
        raise DatasetError(f"{what}: {dupes[0]!r} appears more than once")
    return tuple(values)


def _number(v: Any, what: str, lo: float, hi: float) -> float:
    try:
        x = finite_number(v)
    except ValueError:
        x = math.nan
    if not lo <= x <= hi:
        raise DatasetError(f"{what}: expected a number from {lo:g} to {hi:g}, got {shown(v)}")
    return x


def _int(v: Any, what: str, lo: int, hi: int) -> int:
    if not isinstance(v, (int, np.integer)) or isinstance(v, (bool, np.bool_)) or not lo <= v <= hi:
        raise DatasetError(f"{what}: expected a whole number from {lo} to {hi}, got {shown(v)}")
    return int(v)


def _infer_task(targets: np.ndarray) -> str:
    return "classification" if np.isin(targets, (0.0, 1.0)).all() else "regression"


# ---------------------------------------------------------------- built-in sets

_TRUTH = {"and": (0, 0, 0, 1), "or": (0, 1, 1, 1), "nand": (1, 1, 1, 0), "xor": (0, 1, 1, 0)}
_CORNERS = ((0.0, 0.0), (0.0, 1.0), (1.0, 0.0), (1.0, 1.0))
_Points = tuple[np.ndarray, np.ndarray]


def _labels(rng: np.random.Generator, n: int) -> np.ndarray:
    """Shuffled 0/1 labels, class 1 getting the extra point when n is odd."""
    return rng.permutation(np.arange(n) < (n + 1) // 2).astype(np.float64)


def _circle(rng: np.random.Generator, n: int) -> _Points:
    y = _labels(rng, n)
    r = np.where(y == 1.0, rng.uniform(0.0, 0.5, n), rng.uniform(0.7, 1.0, n))
    a = rng.uniform(0.0, 2.0 * np.pi, n)
    return np.column_stack((r * np.cos(a), r * np.sin(a))), y


def _xor2d(rng: np.random.Generator, n: int) -> _Points:
    # Keep points a little away from the axes so noise 0 gives clean quadrants.
    x = rng.uniform(0.05, 1.0, (n, 2)) * rng.choice((-1.0, 1.0), (n, 2))
    return x, (x[:, 0] * x[:, 1] > 0).astype(np.float64)


def _gauss(rng: np.random.Generator, n: int) -> _Points:
    y = _labels(rng, n)
    centre = np.where(y[:, None] == 1.0, 0.5, -0.5)
    return centre + rng.normal(0.0, 0.2, (n, 2)), y


def _spiral(rng: np.random.Generator, n: int) -> _Points:
    y = _labels(rng, n)
    r = rng.uniform(0.05, 1.0, n)
    turn = 1.75 * 2.0 * np.pi * r + np.pi * (1.0 - y)  # class 0 is class 1 rotated by π
    return np.column_stack((r * np.sin(turn), r * np.cos(turn))), y


_POINT_SETS: dict[str, Callable[[np.random.Generator, int], _Points]] = {
    "circle": _circle,
    "xor2d": _xor2d,
    "gauss": _gauss,
    "spiral": _spiral,
}


def builtin(name: str, n: int = 200, noise: float = 0.1, seed: int = 0) -> Dataset:
    """A teaching dataset, the same for the same (name, n, noise, seed).

    - and / or / nand / xor: the 4-row truth table, inputs ("x1", "x2") in {0, 1},
      target ("y",) in {0, 1}; n and noise are ignored.
    - circle (inner disc r < 0.5 is class 1, ring 0.7 < r < 1 class 0), xor2d (class 1
      where x1·x2 > 0), gauss (blobs at ±(0.5, 0.5)), spiral (two interleaved arms):
      n points with coordinates in roughly [-1, 1]², targets in {0, 1}; ``noise`` is the
      standard deviation of Gaussian jitter added to the coordinates after labelling.
    - sine: regression, x uniform in [-1, 1], y = sin(πx) + noise·N(0, 1).
    """
    if name not in BUILTIN_NAMES:
        raise DatasetError(f"unknown built-in dataset {name!r}; known: {', '.join(BUILTIN_NAMES)}")
    n = _int(n, "n (number of points)", 1, MAX_ROWS)
    noise = _number(noise, "noise", 0.0, MAX_NOISE)
    seed = _int(seed, "seed", 0, 2**63 - 1)
    recipe = {"builtin": name, "n": n, "noise": noise, "seed": seed}
    rng = np.random.default_rng(seed)
    if name in _TRUTH:
        return Dataset(
            name,
            np.array(_CORNERS),
            np.array(_TRUTH[name], float)[:, None],
            ("x1", "x2"),
            ("y",),
            "classification",
            recipe=recipe,
        )
    if name == "sine":
        x = rng.uniform(-1.0, 1.0, (n, 1))
        y = np.sin(np.pi * x) + noise * rng.standard_normal((n, 1))
        return Dataset(name, x, y, ("x",), ("y",), "regression", recipe=recipe)
    x, y = _POINT_SETS[name](rng, n)
    x = x + noise * rng.standard_normal(x.shape)
    return Dataset(name, x, y[:, None], ("x1", "x2"), ("y",), "classification", recipe=recipe)


# ---------------------------------------------------------------- CSV files


def load_csv(path: str | Path, input_ids: Sequence[str], output_ids: Sequence[str]) -> Dataset:
    """Read a CSV whose header names the network's input and output neuron ids.

    Other columns are ignored; blank lines are skipped. The task is "classification"
    when every target is 0 or 1, else "regression".
    """
    path = Path(path)
    ins, outs = _ids(list(input_ids), "input ids"), _ids(list(output_ids), "output ids")
    reader = None
    try:
        with path.open(newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            rows = _read_rows(reader, path.name, ins, outs)
    except OSError as exc:
        raise DatasetError(f"{path.name}: cannot read the file ({exc.strerror or exc})") from None
    except UnicodeDecodeError:
        raise DatasetError(f"{path.name}: not a UTF-8 text file") from None
    except csv.Error as exc:
        line = reader.line_num if reader else "?"
        raise DatasetError(f"{path.name}, line {line}: {exc}") from None
    data = np.array(rows, dtype=np.float64)
    k = len(ins)
    return Dataset(path.stem, data[:, :k], data[:, k:], ins, outs, _infer_task(data[:, k:]))


def _read_rows(
    reader: Any, label: str, ins: tuple[str, ...], outs: tuple[str, ...]
) -> list[list[float]]:
    header = next((row for row in reader if any(c.strip() for c in row)), None)
    if header is None:
        raise DatasetError(f"{label}: the file is empty; its first line should name the columns")
    names = [c.strip() for c in header]
    wanted = ins + outs
    for nid in wanted:
        if nid not in names:
            role = "input" if nid in ins else "output"
            raise DatasetError(
                f"{label}: no column {nid!r} for the {role} neuron {nid!r}; "
                f"the header has {', '.join(map(repr, names))}"
            )
        if names.count(nid) > 1:
            raise DatasetError(f"{label}: the header has column {nid!r} more than once")
    cols = [names.index(nid) for nid in wanted]
    rows: list[list[float]] = []
    for row in reader:
        if not any(c.strip() for c in row):
            continue
        line = reader.line_num
        if len(rows) == MAX_ROWS:
            raise DatasetError(f"{label}, line {line}: more than {MAX_ROWS} rows")
        where = f"{label}, line {line}"
        rows.append(
            [_csv_value(row, col, nid, where) for nid, col in zip(wanted, cols, strict=True)]
        )
    if not rows:
        raise DatasetError(f"{label}: the header is there but no data rows follow")
    return rows


def _csv_value(row: list[str], col: int, nid: str, where: str) -> float:
    if col >= len(row):
        raise DatasetError(
            f"{where}: column {nid!r} is missing (the row has only {len(row)} fields)"
        )
    text = row[col].strip()
    try:
        return parse_finite(text)
    except NotANumber:
        raise DatasetError(
            f"{where}, column {nid!r}: expected a number, got {shown(text)}"
        ) from None
    except NotFinite as exc:  # "'nan' is not a finite number"
        raise DatasetError(f"{where}, column {nid!r}: {exc}") from None


# ---------------------------------------------------------------- network-file form

_RECIPE_KEYS = ("builtin", "n", "noise", "seed", "inputs", "outputs")
_ROWS_KEYS = ("name", "inputs", "outputs", "task", "rows")


def dataset_to_dict(ds: Dataset) -> dict[str, Any]:
    """JSON-ready form: the recipe for built-in sets, every row for the rest."""
    names = {"inputs": list(ds.input_names), "outputs": list(ds.target_names)}
    if ds.recipe is not None:
        return {**{k: ds.recipe[k] for k in _RECIPE_KEYS[:4]}, **names}
    rows = np.hstack((ds.inputs, ds.targets)).tolist()
    return {"name": ds.name, **names, "task": ds.task, "rows": rows}


def dataset_from_dict(d: Mapping[str, Any], where: str = "dataset") -> Dataset:
    """Inverse of :func:`dataset_to_dict`; every problem names its place, e.g.
    "dataset.rows[3][1]"."""
    if not isinstance(d, Mapping):
        raise DatasetError(f"{where}: expected an object, got {type(d).__name__}")
    is_recipe = "builtin" in d
    allowed = _RECIPE_KEYS if is_recipe else _ROWS_KEYS
    unknown = [k for k in d if k not in allowed]
    if unknown:
        raise DatasetError(f"{where}: unknown key {unknown[0]!r}; allowed: {', '.join(allowed)}")
    return _from_recipe(d, where) if is_recipe else _from_rows(d, where)


def _from_recipe(d: Mapping[str, Any], where: str) -> Dataset:
    name = d["builtin"]
    if name not in BUILTIN_NAMES:
        raise DatasetError(
            f"{where}.builtin: unknown built-in dataset {name!r}; known: {', '.join(BUILTIN_NAMES)}"
        )
    ds = builtin(
        name,
        _int(d.get("n", 200), f"{where}.n", 1, MAX_ROWS),
        _number(d.get("noise", 0.1), f"{where}.noise", 0.0, MAX_NOISE),
        _int(d.get("seed", 0), f"{where}.seed", 0, 2**63 - 1),
    )
    ins = _ids(d.get("inputs", ds.input_names), f"{where}.inputs")
    outs = _ids(d.get("outputs", ds.target_names), f"{where}.outputs")
    try:
        return ds.with_names(ins, outs)
    except DatasetError as exc:
        raise DatasetError(f"{where}: {exc}") from None


def _from_rows(d: Mapping[str, Any], where: str) -> Dataset:
    for key in ("inputs", "outputs", "rows"):
        if key not in d:
            raise DatasetError(f"{where}: missing {key!r} (or 'builtin' for a built-in set)")
    ins, outs = _ids(d["inputs"], f"{where}.inputs"), _ids(d["outputs"], f"{where}.outputs")
    name = d.get("name", "dataset")
    if not isinstance(name, str):
        raise DatasetError(f"{where}.name: expected text, got {shown(name)}")
    rows = d["rows"]
    if not isinstance(rows, Sequence) or isinstance(rows, (str, bytes)) or not rows:
        raise DatasetError(f"{where}.rows: expected a non-empty list of rows")
    if len(rows) > MAX_ROWS:
        raise DatasetError(f"{where}.rows: more than {MAX_ROWS} rows")
    width = len(ins) + len(outs)
    for i, row in enumerate(rows):
        _check_row(row, width, f"{where}.rows[{i}]")
    data = np.array(rows, dtype=np.float64).reshape(len(rows), width)
    k = len(ins)
    task = d.get("task", _infer_task(data[:, k:]))
    if task not in TASKS:
        raise DatasetError(f"{where}.task: expected one of {', '.join(TASKS)}, got {shown(task)}")
    return Dataset(name, data[:, :k], data[:, k:], ins, outs, task)


def _check_row(row: Any, width: int, where: str) -> None:
    if not isinstance(row, Sequence) or isinstance(row, (str, bytes)) or len(row) != width:
        raise DatasetError(
            f"{where}: expected a list of {width} numbers (inputs then outputs), got {shown(row)}"
        )
    for j, v in enumerate(row):
        try:
            finite_number(v)
        except NotANumber:
            raise DatasetError(f"{where}[{j}]: expected a number, got {shown(v)}") from None
        except NotFinite:
            raise DatasetError(f"{where}[{j}]: expected a finite number, got {shown(v)}") from None


# ---------------------------------------------------------------- scoring


def accuracy(outputs: np.ndarray, targets: np.ndarray, threshold: float = 0.5) -> float:
    """Fraction of rows whose outputs all fall on the same side of ``threshold`` as the
    targets (targets in {0, 1}; an output equal to the threshold counts as 0).
    NaN when there are no rows."""
    y, t = np.asarray(outputs, dtype=np.float64), np.asarray(targets, dtype=np.float64)
    y, t = (y[:, None] if y.ndim == 1 else y), (t[:, None] if t.ndim == 1 else t)
    if y.shape != t.shape:
        raise ValueError(f"accuracy: outputs have shape {y.shape} but targets {t.shape}")
    if y.shape[0] == 0:
        return float("nan")
    return float(((y > threshold) == (t > threshold)).all(axis=1).mean())
