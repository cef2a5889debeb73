"""Fuzzed network files: every bad input is refused with the loader's own error, at a
bounded cost.

Each input goes through :class:`Tally`, which counts the calls it costs (a case over
``WORK_LIMIT`` fails, and an endless loop is stopped there), checks that the loader returned
a whole Network or raised FileFormatError (never another exception type, never a half-read
document), and that no global state changed. A file that is still valid after a mutation
must load, save, reload and evaluate. The default run tries well over 500 generated inputs;
``pytest -m slow tests/reliability`` tries over 10,000. Big inputs are checked for linear
cost by comparing the work for n and 4n items; the loader's times are in
``benchmarks/reliability.py``.
"""

from __future__ import annotations

import copy
import json
import math
import os
import sys
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from work_counting import WORK_LIMIT, Calls, Counted, WorkLimitExceeded, count_calls

from neurosim.core import datasets, fileformat, model
from neurosim.core.activations import REGISTRY
from neurosim.core.datasets import Dataset, DatasetError, dataset_from_dict
from neurosim.core.engine import Engine
from neurosim.core.exercise.checks import check_goals
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.exercise.section import MAX_GOAL_ROWS
from neurosim.core.fileformat import entries, schema
from neurosim.core.model import Network
from neurosim.core.simulation import Simulation
from neurosim.core.sources import SOURCE_KINDS, Source, source_from_dict
from neurosim.core.training_setup import embedded_dataset
from neurosim.core.validate import FileFormatError

ROOT = Path(__file__).resolve().parents[2]
SLOW = 20  # the slow job tries SLOW times as many generated inputs

# ---------------------------------------------------------------- valid starting points
RICH: dict[str, Any] = {
    "format": "neurosim-network",
    "version": 1,
    "meta": {
        "title": "Fuzz base",
        "description": "every section a file can hold",
        "author": "tests",
    },
    "neurons": [
        {
            "id": "x1",
            "kind": "input",
            "label": "x₁",
            "position": [0.0, -45.0],
            "value": 0.0,
            "source": {
                "kind": "sine",
                "amplitude": 1.0,
                "period": 100,
                "phase": 0.0,
                "offset": 0.0,
            },
        },
        {
            "id": "x2",
            "kind": "input",
            "label": "x₂",
            "position": [0.0, 45.0],
            "value": 1.0,
            "source": {
                "kind": "sequence",
                "column": 1,
                "hold": 25,
                "rows": [[0, 0], [0, 1], [1, 0], [1, 1]],
            },
        },
        {
            "id": "h1",
            "kind": "hidden",
            "position": [180.0, -45.0],
            "bias": -10.0,
            "activation": {"name": "sigmoid"},
        },
        {
            "id": "h2",
            "kind": "hidden",
            "position": [180.0, 45.0],
            "bias": -30.0,
            "activation": {"name": "leaky_relu", "params": {"alpha": 0.1}},
        },
        {
            "id": "y",
            "kind": "output",
            "position": [360.0, 0.0],
            "bias": -10.0,
            "activation": {"name": "step", "params": {"threshold": 0.5}},
            "frozen": True,
        },
    ],
    "synapses": [
        {"source": "x1", "target": "h1", "weight": 20.0},
        {"source": "x2", "target": "h1", "weight": 20.0},
        {"source": "x1", "target": "h2", "weight": 20.0},
        {"source": "x2", "target": "h2", "weight": 20.0},
        {"source": "h1", "target": "y", "weight": 20.0},
        {"source": "h2", "target": "y", "weight": -40.0, "frozen": True},
    ],
    "exercise": {
        "instructions": "<h3>XOR</h3><p>Make <b>y</b> compute x1 XOR x2.</p>",
        "goals": [
            {
                "type": "table",
                "title": "Truth table",
                "tolerance": 0.1,
                "rows": [
                    {"inputs": {"x1": 0, "x2": 0}, "expect": {"y": 0}},
                    {"inputs": {"x1": 1, "x2": 0}, "expect": {"y": "fired"}},
                ],
            },
            {
                "type": "dataset",
                "min_accuracy": 0.75,
                "dataset": {"builtin": "xor", "inputs": ["x1", "x2"], "outputs": ["y"]},
            },
            {
                "type": "dataset",
                "max_loss": 1.0,
                "loss": "mse",
                "dataset": {
                    "name": "two rows",
                    "inputs": ["x1", "x2"],
                    "outputs": ["y"],
                    "task": "regression",
                    "rows": [[0, 0, 0.5], [1, 1, 0.25]],
                },
            },
            {"type": "max_hidden", "count": 2},
            {
                "type": "activations",
                "allowed": ["sigmoid", "leaky_relu", "step"],
                "neurons": ["h1", "h2"],
            },
        ],
        "locked": {
            "neurons": ["x1", "x2"],
            "synapses": [["h1", "y"]],
            "params": [["y", "bias"], ["h2", "alpha"]],
        },
        "hints": ["Use two hidden neurons."],
    },
    "dataset": {
        "name": "xor rows",
        "inputs": ["x1", "x2"],
        "outputs": ["y"],
        "rows": [[0, 0, 0], [0, 1, 1], [1, 0, 1], [1, 1, 0]],
    },
}
FILES = [
    ROOT / "resources/examples/single_neuron.nsim.json",
    ROOT / "resources/exercises/xor-two-hidden.nsim.json",
    ROOT / "resources/exercises/find-threshold.nsim.json",
]
BASES: dict[str, dict[str, Any]] = {"rich": RICH}
BASES.update({p.name: json.loads(p.read_text(encoding="utf-8")) for p in FILES})


# ---------------------------------------------------------------- the checks
def _global_state() -> tuple:
    """What a load must never change: numpy's error state, the recursion limit, registries."""
    return (
        np.geterr(),
        sys.getrecursionlimit(),
        len(warnings.filters),
        {n: (a.params, a.y_range) for n, a in REGISTRY.items()},
        {n: k.fields for n, k in SOURCE_KINDS.items()},
        schema.NEURON_KEYS,
        schema.SYNAPSE_KEYS,
        schema.KNOWN_TOP,
        schema.MAX_FILE_BYTES,
    )


def check_whole(net: Network) -> None:
    """A loaded network is complete and usable: it saves, reloads equal, copies, evaluates,
    runs its sources, and its exercise and dataset sections read or fail with their errors."""
    assert isinstance(net, Network)
    text = fileformat.dumps(net)
    text.encode("utf-8")  # what save() writes
    again = fileformat.loads(text)
    assert fileformat.to_dict(again) == fileformat.to_dict(net)
    net.copy()
    # A valid file may hold weights whose sums overflow (1e300 is finite): no warnings then.
    with np.errstate(all="ignore"):
        engine = Engine(net)
        assert engine.evaluate().y.shape == (1, len(net.neurons))
        Simulation(net, engine, window=10).step(3)
        try:
            exercise = exercise_of(net)
        except FileFormatError as exc:
            assert str(exc)
            exercise = None
        if exercise is not None:
            check_goals(exercise, net)
    try:
        data = embedded_dataset(net)
    except DatasetError as exc:
        assert str(exc)
    else:
        assert data is None or isinstance(data, Dataset)


class Tally:
    """Counts the inputs of one test and the work each costs; the figures go to the
    session summary."""

    def __init__(self, stats: dict, name: str) -> None:
        self.figures = stats.setdefault(name, {"cases": 0, "max_calls": 0, "accepted": 0})

    def _counted(
        self, call: Callable[[], Any], errors: type[Exception], limit: int | None = WORK_LIMIT
    ) -> Any:
        before = _global_state()  # (hypothesis raises the recursion limit while it runs)
        # Calls, not seconds: the verdict is the same on a busy machine, while a loader that
        # loops or blows up on some input still fails (stopped at the limit, not hanging).
        try:
            with Calls(limit) as work:
                try:
                    result = call()
                except errors as exc:
                    result = exc
        except WorkLimitExceeded:  # an AssertionError, so hypothesis shows the input
            raise AssertionError(f"one input cost more than {limit:,} calls") from None
        if isinstance(result, Exception):
            assert str(result), "an error must say what is wrong"
            str(result).encode("utf-8")  # printable: the CLI writes it to stderr
        self.figures["cases"] += 1
        self.figures["max_calls"] = max(self.figures["max_calls"], work.count)
        assert _global_state() == before
        if not isinstance(result, Exception):
            self.figures["accepted"] += 1
        return result

    def text(self, text: str, limit: int | None = WORK_LIMIT) -> Network | FileFormatError:
        """``limit=None`` for a big input whose cost a test checks itself (n against 4n)."""
        result = self._counted(lambda: fileformat.loads(text), FileFormatError, limit)
        if isinstance(result, Network):
            check_whole(result)
        return result

    def file(self, path: Path) -> Network | FileFormatError:
        result = self._counted(lambda: fileformat.load(path), FileFormatError)
        if isinstance(result, Network):
            check_whole(result)
        else:
            assert str(result).startswith(f"{path.name}: ") or str(path) in str(result)
        return result

    def call(self, call: Callable[[], Any], errors: type[Exception]) -> Any:
        return self._counted(call, errors)

    @property
    def cases(self) -> int:
        return int(self.figures["cases"])


def fuzz(
    strategy: st.SearchStrategy, check: Callable[[Any], None], examples: int, derandomize: bool
) -> None:
    """Run ``check`` on ``examples`` values drawn from ``strategy``."""

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=derandomize,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def run(value: Any) -> None:
        check(value)

    run()


# ---------------------------------------------------------------- mutation machinery
# Literals json.dumps cannot write: a marker string stands in and is swapped for the raw text.
RAW_LITERALS = [
    "NaN",
    "Infinity",
    "-Infinity",
    "1e400",
    "-1e400",
    "1" + "0" * 5000,
    "-" + "9" * 400,
    "1e-400",
]
_MARK = "\x00raw{}\x00"
RAW_VALUES = [_MARK.format(i) for i in range(len(RAW_LITERALS))]
NASTY = [
    None,
    True,
    False,
    0,
    -1,
    1,
    2,
    65,
    -(2**63),
    2**64,
    10**400,
    1e308,
    -1e308,
    5e-324,
    -5e-324,
    0.5,
    1e9 + 1,
    "",
    " ",
    "x",
    "sigmoid",
    "input",
    "hidden",
    "output",
    "x1",
    "y",
    "h1",
    "\ud800",
    "a" * 65,
    "<script>",
    [],
    {},
    [0],
    [0, 0],
    [[]],
    [1e308],
    {"name": "nope"},
    {"kind": "sine"},
    {"kind": []},
    {"type": []},
    ["x1", "y"],
]
JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)
VALUES = st.sampled_from(NASTY) | st.sampled_from(RAW_VALUES) | JSON
OPERATIONS = ("replace", "replace", "replace", "delete", "add", "duplicate", "wrap")


def to_text(doc: Any) -> str:
    text = json.dumps(doc, ensure_ascii=False)
    for marker, literal in zip(RAW_VALUES, RAW_LITERALS, strict=True):
        text = text.replace(json.dumps(marker), literal)
    return text


def places(node: Any, prefix: tuple = ()) -> Iterator[tuple]:
    """The path of every value inside a JSON tree."""
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, value in items:
        yield (*prefix, key)
        yield from places(value, (*prefix, key))


def _at(doc: Any, path: tuple) -> Any:
    for key in path:
        doc = doc[key]
    return doc


def mutate(doc: Any, path: tuple, operation: str, value: Any) -> None:
    value = copy.deepcopy(value)  # NASTY's lists must not be changed by a later mutation
    parent, key = _at(doc, path[:-1]), path[-1]
    if operation == "delete":
        del parent[key]
    elif operation == "add":
        target = parent[key]
        if isinstance(target, dict):
            target["zz_unknown" if "zz_unknown" not in target else "zz2"] = value
        elif isinstance(target, list):
            target.append(value)
        else:
            parent[key] = value
    elif operation == "duplicate" and isinstance(parent, list):
        parent.insert(key, copy.deepcopy(parent[key]))
    elif operation == "wrap":
        parent[key] = [parent[key]]
    else:
        parent[key] = value


@st.composite
def mutated(
    draw: st.DrawFn, bases: tuple[str, ...], section: Callable[[dict], tuple] = lambda d: ()
) -> tuple[str, dict]:
    """(text, document) of a base file with one to three of its values mutated, all inside
    ``section(doc)`` (a path; () is the whole file)."""
    doc = copy.deepcopy(BASES[draw(st.sampled_from(bases))])
    root = section(doc)
    for _ in range(draw(st.integers(1, 3))):
        try:
            subtree = _at(doc, root)
        except (KeyError, IndexError, TypeError):
            break  # an earlier mutation removed the section
        paths = [(*root, *p) for p in places(subtree)] + ([root] if root else [])
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        mutate(doc, path, draw(st.sampled_from(OPERATIONS)), draw(VALUES))
    return to_text(doc), doc


def _source_of(doc: dict) -> tuple:
    return ("neurons", 0, "source")


# ---------------------------------------------------------------- the bases themselves
@pytest.mark.parametrize("name", sorted(BASES))
def test_every_base_file_is_valid_and_whole(name):
    net = fileformat.loads(to_text(BASES[name]))
    check_whole(net)
    if name == "rich":
        assert exercise_of(net) is not None and embedded_dataset(net) is not None
        assert all(n.source for n in net if n.is_input)


# ---------------------------------------------------------------- random text and bytes
def _random_text(tally: Tally, n: int, derandomize: bool) -> None:
    json_chars = st.sampled_from(list('{}[]":,.-+eE0123456789 \n\\tfalsnur') + ["\\u0000"])
    strategy = st.text(max_size=300) | st.lists(json_chars, max_size=200).map("".join)
    fuzz(strategy, tally.text, n, derandomize)


def _random_bytes(tally: Tally, folder: Path, n: int, derandomize: bool) -> None:
    valid = FILES[0].read_bytes()

    @st.composite
    def corrupted(draw: st.DrawFn) -> bytes:
        if draw(st.booleans()):
            return draw(st.binary(max_size=400))
        data = bytearray(valid)
        for _ in range(draw(st.integers(1, 4))):
            data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
        return bytes(data)

    def check(data: bytes) -> None:
        path = folder / "fuzz.nsim.json"
        path.write_bytes(data)
        tally.file(path)

    fuzz(corrupted(), check, n, derandomize)


def test_random_text_and_bytes(reliability_stats, tmp_path):
    tally = Tally(reliability_stats, "random text and bytes")
    _random_text(tally, 150, derandomize=True)
    _random_bytes(tally, tmp_path, 150, derandomize=True)
    assert tally.cases >= 300


@pytest.mark.slow
def test_random_text_and_bytes_slow(reliability_stats, tmp_path):
    tally = Tally(reliability_stats, "random text and bytes (slow)")
    _random_text(tally, 150 * SLOW, derandomize=False)
    _random_bytes(tally, tmp_path, 150 * SLOW, derandomize=False)
    print(f"random text and bytes: {tally.cases} cases")
    assert tally.cases >= 300 * SLOW


# ---------------------------------------------------------------- truncated files
def _prefixes(tally: Tally, names: list[str]) -> None:
    for name in names:
        text = to_text(BASES[name])
        for end in range(len(text)):
            result = tally.text(text[:end])
            assert isinstance(result, FileFormatError), f"{name}[:{end}] loaded"


def test_every_prefix_is_refused(reliability_stats):
    tally = Tally(reliability_stats, "truncated files")
    _prefixes(tally, ["single_neuron.nsim.json", "rich"])
    assert tally.cases > 3000


@pytest.mark.slow
def test_every_prefix_is_refused_slow(reliability_stats):
    tally = Tally(reliability_stats, "truncated files (slow)")
    _prefixes(tally, sorted(BASES))
    print(f"truncated files: {tally.cases} cases")


def test_truncated_file_on_disk(tmp_path):
    path = tmp_path / "cut.nsim.json"
    path.write_bytes(FILES[1].read_bytes()[:-40])
    with pytest.raises(FileFormatError, match=r"^cut\.nsim\.json: malformed JSON at line"):
        fileformat.load(path)


# ---------------------------------------------------------------- one field mutated
def test_mutated_files(reliability_stats):
    tally = Tally(reliability_stats, "mutated files")
    fuzz(mutated(tuple(BASES)), lambda case: tally.text(case[0]), 250, derandomize=True)
    assert tally.cases >= 250
    assert tally.figures["accepted"] < tally.cases  # the mutations do reach the checks


@pytest.mark.slow
def test_mutated_files_slow(reliability_stats):
    tally = Tally(reliability_stats, "mutated files (slow)")
    fuzz(mutated(tuple(BASES)), lambda case: tally.text(case[0]), 250 * SLOW, derandomize=False)
    print(f"mutated files: {tally.cases} cases, {tally.figures['accepted']} still valid")
    assert tally.cases >= 250 * SLOW


def _neuron(doc: dict, nid: str) -> dict:
    return next(n for n in doc["neurons"] if n["id"] == nid)


def _set(path: tuple, value: Any) -> Callable[[dict], None]:
    def edit(doc: dict) -> None:
        _at(doc, path[:-1])[path[-1]] = value

    return edit


def _drop(path: tuple) -> Callable[[dict], None]:
    def edit(doc: dict) -> None:
        del _at(doc, path[:-1])[path[-1]]

    return edit


def _append(path: tuple, value: Any) -> Callable[[dict], None]:
    def edit(doc: dict) -> None:
        _at(doc, path).append(copy.deepcopy(value))

    return edit


RAW = dict(zip(RAW_LITERALS, RAW_VALUES, strict=True))
#: (what, edit of RICH, words the message must contain): each one makes the file invalid
INVALID: list[tuple[str, Callable[[dict], None], str]] = [
    ("not an object", lambda d: d.clear() or d.update({"format": []}), "format"),
    ("wrong format", _set(("format",), "neurosim-net"), "format"),
    ("newer version", _set(("version",), 3), "newer"),
    ("version 0", _set(("version",), 0), "version"),
    ("version text", _set(("version",), "1"), "version"),
    ("version float", _set(("version",), 1.0), "version"),
    ("version huge", _set(("version",), 10**400), "version"),
    ("meta a list", _set(("meta",), []), "meta"),
    ("title a number", _set(("meta", "title"), 3), "meta.title"),
    ("neurons missing", _drop(("neurons",)), "neurons"),
    ("synapses missing", _drop(("synapses",)), "synapses"),
    ("neurons an object", _set(("neurons",), {}), "neurons"),
    ("id missing", _drop(("neurons", 2, "id")), "missing 'id'"),
    ("kind missing", _drop(("neurons", 2, "kind")), "missing 'kind'"),
    ("id a number", _set(("neurons", 2, "id"), 7), "neurons[2].id"),
    ("id empty", _set(("neurons", 2, "id"), " "), "neurons[2].id"),
    ("id too long", _set(("neurons", 2, "id"), "h" * 65), "neurons[2].id"),
    ("duplicate id", _set(("neurons", 3, "id"), "h1"), "duplicate id"),
    ("kind unknown", _set(("neurons", 2, "kind"), "bias"), "kind"),
    ("kind a list", _set(("neurons", 2, "kind"), ["hidden"]), "kind"),
    ("label a list", _set(("neurons", 2, "label"), ["h"]), "label"),
    ("unknown neuron key", _set(("neurons", 2, "colour"), "red"), "unknown key 'colour'"),
    ("position short", _set(("neurons", 0, "position"), [1.0]), "position"),
    ("position text", _set(("neurons", 0, "position"), ["0", "0"]), "position"),
    ("position NaN", _set(("neurons", 0, "position"), [RAW["NaN"], 0]), "NaN"),
    ("position 1e400", _set(("neurons", 0, "position"), [RAW["1e400"], 0]), "finite"),
    (
        "position 10**5000",
        _set(("neurons", 0, "position"), [0, RAW["1" + "0" * 5000]]),
        "malformed JSON",
    ),
    ("value Infinity", _set(("neurons", 0, "value"), RAW["Infinity"]), "Infinity"),
    ("value -Infinity", _set(("neurons", 0, "value"), RAW["-Infinity"]), "Infinity"),
    ("value text", _set(("neurons", 0, "value"), "1"), "value"),
    ("value true", _set(("neurons", 0, "value"), True), "value"),
    ("bias 1e400", _set(("neurons", 2, "bias"), RAW["1e400"]), "finite"),
    ("bias 10**400", _set(("neurons", 2, "bias"), 10**400), "too large"),
    ("bias on input", _set(("neurons", 0, "bias"), 0.5), "input neurons have no bias"),
    ("value on hidden", _set(("neurons", 2, "value"), 0.5), "only input neurons"),
    ("source on hidden", _set(("neurons", 2, "source"), {"kind": "constant"}), "source"),
    (
        "unknown activation",
        _set(("neurons", 2, "activation", "name"), "swish"),
        "unknown activation",
    ),
    ("activation a string", _set(("neurons", 2, "activation"), "sigmoid"), "activation"),
    ("activation null", _set(("neurons", 2, "activation"), None), "activation"),
    ("unknown parameter", _set(("neurons", 3, "activation", "params", "beta"), 1.0), "beta"),
    (
        "parameter out of range",
        _set(("neurons", 3, "activation", "params", "alpha"), 2.0),
        "out of range",
    ),
    (
        "parameter 10**400",
        _set(("neurons", 4, "activation", "params", "threshold"), 10**400),
        "threshold",
    ),
    ("parameter NaN", _set(("neurons", 4, "activation", "params", "threshold"), RAW["NaN"]), "NaN"),
    ("frozen a number", _set(("neurons", 4, "frozen"), 1), "frozen"),
    ("weight missing", _drop(("synapses", 0, "weight")), "missing 'weight'"),
    ("weight NaN", _set(("synapses", 0, "weight"), RAW["NaN"]), "NaN"),
    ("weight 1e400", _set(("synapses", 0, "weight"), RAW["-1e400"]), "finite"),
    ("weight huge integer", _set(("synapses", 0, "weight"), RAW["-" + "9" * 400]), "too large"),
    ("dangling source", _set(("synapses", 0, "source"), "ghost"), "no neuron 'ghost'"),
    ("dangling target", _set(("synapses", 0, "target"), "ghost"), "no neuron 'ghost'"),
    ("source a number", _set(("synapses", 0, "source"), 1), "synapses[0].source"),
    (
        "into an input",
        _append(("synapses",), {"source": "h1", "target": "x1", "weight": 1}),
        "input neuron",
    ),
    ("self loop", _append(("synapses",), {"source": "h1", "target": "h1", "weight": 1}), "itself"),
    ("cycle", _append(("synapses",), {"source": "y", "target": "x1", "weight": 1}), "input"),
    (
        "cycle through hidden",
        lambda d: d["synapses"].extend(
            [
                {"source": "h1", "target": "h2", "weight": 1},
                {"source": "h2", "target": "h1", "weight": 1},
            ]
        ),
        "cycle",
    ),
    (
        "duplicate synapse",
        _append(("synapses",), {"source": "x1", "target": "h1", "weight": 2}),
        "already a synapse",
    ),
    ("unknown synapse key", _set(("synapses", 0, "delay"), 1), "unknown key 'delay'"),
    ("source kind unknown", _set(("neurons", 0, "source", "kind"), "noise"), "source.kind"),
    ("source kind a list", _set(("neurons", 0, "source", "kind"), ["sine"]), "source.kind"),
    ("source kind missing", _drop(("neurons", 0, "source", "kind")), "missing 'kind'"),
    ("source period 0", _set(("neurons", 0, "source", "period"), 0), "period"),
    ("source period negative", _set(("neurons", 0, "source", "period"), -100), "period"),
    ("source period enormous", _set(("neurons", 0, "source", "period"), 1e300), "period"),
    ("source hold enormous", _set(("neurons", 1, "source", "hold"), 10**7), "hold"),
    ("source column enormous", _set(("neurons", 1, "source", "column"), 10**9), "column"),
    ("source rows ragged", _set(("neurons", 1, "source", "rows"), [[0, 1], [1]]), "rows[1]"),
    ("source rows empty", _set(("neurons", 1, "source", "rows"), []), "rows"),
    ("source rows too many", _set(("neurons", 1, "source", "rows"), [[0, 0]] * 10_001), "rows"),
    ("source unknown key", _set(("neurons", 0, "source", "wobble"), 1), "wobble"),
    ("source amplitude NaN", _set(("neurons", 0, "source", "amplitude"), RAW["NaN"]), "NaN"),
    ("meta holds 1e400", _set(("meta", "scale"), RAW["1e400"]), "finite"),
    ("unknown key holds Infinity", _set(("zz",), [RAW["Infinity"]]), "Infinity"),
    # ids and labels are plain text: no control or bidirectional characters (issue 14)
    ("id with NUL", _set(("neurons", 2, "id"), "h\x00"), "neurons[2].id: holds a control"),
    ("label with NUL", _set(("neurons", 2, "label"), "\x00"), "control character (U+0000)"),
    ("label with newline", _set(("neurons", 2, "label"), "a\nb"), "(U+000A)"),
    ("label with escape", _set(("neurons", 2, "label"), "\x1b[31mred"), "(U+001B)"),
    ("label with DEL", _set(("neurons", 2, "label"), "a\x7f"), "(U+007F)"),
    ("label with C1 control", _set(("neurons", 2, "label"), "a\x85b"), "(U+0085)"),
    ("label with line separator", _set(("neurons", 2, "label"), "a\u2028b"), "(U+2028)"),
    ("label with RLO", _set(("neurons", 2, "label"), "x\u202egnp.exe"), "bidirectional"),
    ("label with LRE", _set(("neurons", 3, "label"), "\u202ah"), "(U+202A)"),
    ("id with RLI", _set(("neurons", 2, "id"), "h\u2067x"), "neurons[2].id: holds a bidirectional"),
    ("id with PDI", _set(("neurons", 2, "id"), "h\u2069"), "(U+2069)"),
    ("synapse end with RLO", _set(("synapses", 0, "source"), "\u202ex1"), "synapses[0].source"),
]


@pytest.mark.parametrize("what, edit, words", INVALID, ids=[c[0] for c in INVALID])
def test_invalid_field_is_refused(reliability_stats, what, edit, words):
    doc = copy.deepcopy(RICH)
    edit(doc)
    result = Tally(reliability_stats, "invalid fields").text(to_text(doc))
    assert isinstance(result, FileFormatError), f"{what}: the file loaded"
    assert words in str(result)


def test_duplicate_keys_are_refused():
    text = to_text(RICH).replace('"id": "h1", ', '"id": "h1", "id": "h9", ', 1)
    with pytest.raises(FileFormatError, match="duplicate key 'id'"):
        fileformat.loads(text)


#: valid in spite of looking odd: these must load (and survive a round trip)
ODD_BUT_VALID: list[tuple[str, Callable[[dict], None]]] = [
    ("enormous position", _set(("neurons", 0, "position"), [1e300, -1e300])),
    ("negative position", _set(("neurons", 2, "position"), [-5e3, -7e3])),
    ("tiny weight", _set(("synapses", 0, "weight"), 5e-324)),
    ("huge weight", _set(("synapses", 0, "weight"), -1.7e308)),
    ("big whole number", _set(("synapses", 0, "weight"), 10**300)),
    ("no positions", lambda d: [n.pop("position") for n in d["neurons"]]),
    ("no synapses", _set(("synapses",), [])),
    ("no neurons", lambda d: d.update(neurons=[], synapses=[]) or d.pop("exercise")),
    ("unknown top-level key", _set(("plugin",), {"anything": [1, "two", None]})),
    ("unicode label", _set(("neurons", 2, "label"), "神经元 🧠 \u200b")),
    ("extra meta", _set(("meta", "tags"), ["a", {"b": None}])),
    ("exercise an odd shape", _set(("exercise",), [1, 2])),  # kept; exercise_of refuses it
    ("tiny source period", _set(("neurons", 0, "source", "period"), 5e-324)),
    (
        "source at its limits",
        _set(
            ("neurons", 0, "source"),
            {
                "kind": "square",
                "amplitude": 1e9,
                "offset": -1e9,
                "period": 1e9,
                "phase": -360,
                "duty": 1.0,
            },
        ),
    ),
    (
        "noise at its limits",
        _set(
            ("neurons", 0, "source"),
            {"kind": "gaussian", "mean": 1e9, "std": 1e9, "seed": 2**32 - 1},
        ),
    ),
]


@pytest.mark.parametrize("what, edit", ODD_BUT_VALID, ids=[c[0] for c in ODD_BUT_VALID])
def test_odd_but_valid_files_load(reliability_stats, what, edit):
    doc = copy.deepcopy(RICH)
    edit(doc)
    result = Tally(reliability_stats, "odd but valid").text(to_text(doc))
    assert isinstance(result, Network), f"{what}: {result}"


# ---------------------------------------------------------------- sections read later
def _exercise_case(tally: Tally, case: tuple[str, dict]) -> None:
    result = tally.text(case[0])
    if isinstance(result, Network):  # check_whole ran exercise_of already; time it alone too
        tally.call(lambda: exercise_of(result), FileFormatError)


def _dataset_case(tally: Tally, case: tuple[str, dict]) -> None:
    spec = case[1].get("dataset")
    outcome = tally.call(lambda: dataset_from_dict(spec), DatasetError)
    assert isinstance(outcome, (Dataset, DatasetError))
    result = tally.text(case[0])
    if isinstance(result, Network):
        tally.call(lambda: embedded_dataset(result), DatasetError)


def _source_case(tally: Tally, case: tuple[str, dict]) -> None:
    try:
        spec = case[1]["neurons"][0]["source"]
    except (KeyError, IndexError, TypeError):
        spec = None
    outcome = tally.call(lambda: source_from_dict(spec), FileFormatError)
    assert isinstance(outcome, (Source, FileFormatError))
    tally.text(case[0])


SECTIONS = {
    "exercise": (lambda d: ("exercise",), _exercise_case),
    "dataset": (lambda d: ("dataset",), _dataset_case),
    "source": (_source_of, _source_case),
}


def _sections(stats: dict, examples: int, derandomize: bool, suffix: str = "") -> int:
    total = 0
    for name, (section, check) in SECTIONS.items():
        tally = Tally(stats, f"{name} sections{suffix}")
        fuzz(
            mutated(("rich",), section),
            lambda case, t=tally, c=check: c(t, case),
            examples,
            derandomize,
        )
        total += tally.cases
    return total


def test_mutated_sections(reliability_stats):
    assert _sections(reliability_stats, 70, derandomize=True) >= 3 * 70


@pytest.mark.slow
def test_mutated_sections_slow(reliability_stats):
    total = _sections(reliability_stats, 70 * SLOW, False, " (slow)")
    print(f"mutated sections: {total} cases")
    assert total >= 3 * 70 * SLOW


INVALID_EXERCISES: list[tuple[str, Callable[[dict], None]]] = [
    ("not an object", _set(("exercise",), [])),
    ("no goals", _set(("exercise", "goals"), [])),
    ("no instructions", _drop(("exercise", "instructions"))),
    ("script tag", _set(("exercise", "instructions"), "<script>alert(1)</script>")),
    # one sanitiser: tags and attributes on an allow-list (issue 14)
    ("img tag", _set(("exercise", "instructions"), '<img src="/etc/passwd">')),
    ("img without spaces", _set(("exercise", "instructions"), "<p><img/src=x></p>")),
    (
        "style attribute",
        _set(("exercise", "instructions"), '<div style="background-image:url(/x.png)">x</div>'),
    ),
    ("href to a local file", _set(("exercise", "instructions"), '<a href="file:///etc">x</a>')),
    ("event handler", _set(("exercise", "instructions"), '<p onclick="x()">hi</p>')),
    ("src on an allowed tag", _set(("exercise", "instructions"), '<span src="/etc/x">hi</span>')),
    ("row id with RLO", _set(("exercise", "goals", 0, "rows", 0, "inputs", "x\u202e1"), 1)),
    ("expected id with NUL", _set(("exercise", "goals", 0, "rows", 0, "expect", "y\x00"), 1)),
    ("goal type unknown", _set(("exercise", "goals", 0, "type"), "quiz")),
    ("goal type a list", _set(("exercise", "goals", 0, "type"), ["table"])),
    ("goal type an object", _set(("exercise", "goals", 0, "type"), {"a": 1})),
    ("rows empty", _set(("exercise", "goals", 0, "rows"), [])),
    ("tolerance negative", _set(("exercise", "goals", 0, "tolerance"), -1)),
    ("tolerance 1e400", _set(("exercise", "goals", 0, "tolerance"), RAW["1e400"])),
    ("expect a word", _set(("exercise", "goals", 0, "rows", 0, "expect", "y"), "on")),
    ("expect a ghost", _set(("exercise", "goals", 0, "rows", 0, "expect", "ghost"), 1)),
    ("input not an input", _set(("exercise", "goals", 0, "rows", 0, "inputs", "h1"), 1)),
    ("accuracy above 1", _set(("exercise", "goals", 1, "min_accuracy"), 2)),
    ("dataset n negative", _set(("exercise", "goals", 1, "dataset", "n"), -1)),
    ("dataset n enormous", _set(("exercise", "goals", 1, "dataset", "n"), 10**9)),
    ("dataset n 10**400", _set(("exercise", "goals", 1, "dataset", "n"), 10**400)),
    ("dataset noise 10**400", _set(("exercise", "goals", 1, "dataset", "noise"), 10**400)),
    ("dataset builtin a list", _set(("exercise", "goals", 1, "dataset", "builtin"), ["xor"])),
    ("dataset row 10**400", _set(("exercise", "goals", 2, "dataset", "rows", 0, 2), 10**400)),
    ("dataset row text", _set(("exercise", "goals", 2, "dataset", "rows", 0, 2), "1")),
    ("dataset ragged", _set(("exercise", "goals", 2, "dataset", "rows", 1), [1, 1])),
    ("loss unknown", _set(("exercise", "goals", 2, "loss"), "hinge")),
    ("loss a list", _set(("exercise", "goals", 2, "loss"), ["mse"])),
    ("count negative", _set(("exercise", "goals", 3, "count"), -1)),
    ("count a float", _set(("exercise", "goals", 3, "count"), 2.5)),
    ("allowed unknown", _set(("exercise", "goals", 4, "allowed"), ["swish"])),
    ("allowed twice", _set(("exercise", "goals", 4, "allowed"), ["step", "step"])),
    ("lock a ghost", _set(("exercise", "locked", "neurons"), ["ghost"])),
    ("lock a missing synapse", _set(("exercise", "locked", "synapses"), [["x1", "y"]])),
    ("lock a pair twice", _set(("exercise", "locked", "synapses"), [["h1", "y"], ["h1", "y"]])),
    ("lock a bad param", _set(("exercise", "locked", "params"), [["y", "alpha"]])),
    ("hint empty", _set(("exercise", "hints"), [""])),
    ("unknown key", _set(("exercise", "timer"), 60)),
]


@pytest.mark.parametrize("what, edit", INVALID_EXERCISES, ids=[c[0] for c in INVALID_EXERCISES])
def test_invalid_exercise_is_refused(reliability_stats, what, edit):
    doc = copy.deepcopy(RICH)
    edit(doc)
    tally = Tally(reliability_stats, "invalid exercises")
    net = tally.text(to_text(doc))
    if isinstance(net, FileFormatError):  # numbers JSON itself refuses
        return
    result = tally.call(lambda: exercise_of(net), FileFormatError)
    assert isinstance(result, FileFormatError), f"{what}: the exercise was accepted"


INVALID_DATASETS: list[tuple[str, Any]] = [
    ("not an object", [1, 2]),
    ("unknown key", {"builtin": "xor", "path": "../../etc/passwd"}),
    ("csv path", {"csv": "/etc/passwd", "inputs": ["x1"], "outputs": ["y"]}),
    ("no rows", {"inputs": ["a"], "outputs": ["b"]}),
    ("rows empty", {"inputs": ["a"], "outputs": ["b"], "rows": []}),
    ("rows an object", {"inputs": ["a"], "outputs": ["b"], "rows": {"0": [1, 2]}}),
    ("row 10**400", {"inputs": ["a"], "outputs": ["b"], "rows": [[10**400, 1]]}),
    ("row -10**400", {"inputs": ["a"], "outputs": ["b"], "rows": [[1, -(10**400)]]}),
    ("row NaN", {"inputs": ["a"], "outputs": ["b"], "rows": [[float("nan"), 1]]}),
    ("row bool", {"inputs": ["a"], "outputs": ["b"], "rows": [[True, 1]]}),
    ("row nested", {"inputs": ["a"], "outputs": ["b"], "rows": [[[1], 1]]}),
    ("too many rows", {"inputs": ["a"], "outputs": ["b"], "rows": [[0, 0]] * 100_001}),
    ("ids duplicated", {"inputs": ["a", "a"], "outputs": ["b"], "rows": [[0, 0, 0]]}),
    ("ids empty", {"inputs": [], "outputs": ["b"], "rows": [[0]]}),
    ("ids a string", {"inputs": "a", "outputs": ["b"], "rows": [[0, 0]]}),
    ("task unknown", {"inputs": ["a"], "outputs": ["b"], "rows": [[0, 0]], "task": "ranking"}),
    ("task a list", {"inputs": ["a"], "outputs": ["b"], "rows": [[0, 0]], "task": ["x"]}),
    ("name a number", {"name": 3, "inputs": ["a"], "outputs": ["b"], "rows": [[0, 0]]}),
    ("builtin unknown", {"builtin": "mnist"}),
    ("builtin a list", {"builtin": ["xor"]}),
    ("n 0", {"builtin": "spiral", "n": 0}),
    ("n too many", {"builtin": "spiral", "n": 100_001}),
    ("n 10**400", {"builtin": "spiral", "n": 10**400}),
    ("noise 10**400", {"builtin": "spiral", "noise": 10**400}),
    ("noise negative", {"builtin": "spiral", "noise": -1}),
    ("seed negative", {"builtin": "spiral", "seed": -1}),
    ("seed float", {"builtin": "spiral", "seed": 0.5}),
    ("names wrong count", {"builtin": "xor", "inputs": ["a"]}),
]


@pytest.mark.parametrize("what, spec", INVALID_DATASETS, ids=[c[0] for c in INVALID_DATASETS])
def test_invalid_dataset_is_refused(reliability_stats, what, spec):
    result = Tally(reliability_stats, "invalid datasets").call(
        lambda: dataset_from_dict(spec), DatasetError
    )
    assert isinstance(result, DatasetError), f"{what}: the dataset was accepted"


def test_duplicate_ids_and_locks_are_found_with_sets(reliability_stats):
    """Duplicate checks are linear: of 20,000 dataset names or locked pairs, each name is
    hashed about once and compared with almost none of the others. (A search of the list per
    name, as the checks once did, compares 200 million pairs.) :class:`Counted` names count
    both, however the check is written."""
    n = 20_000
    tally = Tally(reliability_stats, "big sections")
    names = [Counted(f"a{i}") for i in range(n)] + [Counted("a7")]  # the last one twice
    Counted.reset()
    result = tally.call(
        lambda: dataset_from_dict({"inputs": names, "outputs": ["b"], "rows": [[0] * (n + 2)]}),
        DatasetError,
    )
    assert isinstance(result, DatasetError) and "'a7' appears more than once" in str(result)
    assert Counted.hashes >= n  # every name was checked …
    assert Counted.compares <= n  # … and not against a list of the others
    net = tally.text(to_text(RICH))
    pairs = [[Counted(f"a{i}"), Counted("b")] for i in range(n)] + [["a7", "b"]]
    net.extra["exercise"]["locked"]["synapses"] = pairs
    Counted.reset()
    result = tally.call(lambda: exercise_of(net), FileFormatError)
    assert isinstance(result, FileFormatError) and "is listed twice" in str(result)
    assert Counted.hashes >= n and Counted.compares <= n


def test_dataset_goals_cannot_demand_unbounded_work(reliability_stats, monkeypatch):
    """A few bytes per goal must not make the loader generate millions of rows: 200 goals
    of 100,000 rows each are refused once the rows made pass MAX_GOAL_ROWS."""
    made: list[int] = []
    builtin = datasets.builtin

    def counted(*args: Any, **kwargs: Any) -> Dataset:
        data = builtin(*args, **kwargs)
        made.append(len(data))
        return data

    monkeypatch.setattr(datasets, "builtin", counted)
    goal = {
        "type": "dataset",
        "max_loss": 1.0,
        "dataset": {"builtin": "spiral", "n": 100_000, "inputs": ["x1", "x2"], "outputs": ["y"]},
    }
    doc = copy.deepcopy(RICH)
    doc["exercise"]["goals"] = [goal] * 200
    tally = Tally(reliability_stats, "big sections")
    net = tally.text(to_text(doc))
    made.clear()  # the rich file's own goal and the whole-network checks made some already
    result = tally.call(lambda: exercise_of(net), FileFormatError)
    assert isinstance(result, FileFormatError) and "rows" in str(result)
    assert sum(made) <= MAX_GOAL_ROWS + datasets.MAX_ROWS  # stopped at the goal that passed it


# ---------------------------------------------------------------- nesting and size
@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000 + "]" * 100_000,
        '{"a":' * 100_000 + "1" + "}" * 100_000,
        "[" * 100_000,
        '{"format": "neurosim-network", "version": 1, "neurons": [], "synapses": [], "meta": '
        '{"deep": ' + "[" * 100_000 + "]" * 100_000 + "}}",
    ],
    ids=["lists", "objects", "unclosed", "inside meta"],
)
def test_deep_nesting_is_refused(reliability_stats, text):
    result = Tally(reliability_stats, "deep nesting").text(text)
    assert isinstance(result, FileFormatError)


@pytest.mark.parametrize("depth", [10, 40, 200, 900, 5000])
def test_nested_free_form_data_loads_or_is_refused_whole(reliability_stats, depth):
    """meta and unknown keys are kept as they are; however deep, a file that loads can be
    copied and saved (both recursive), and one that cannot is refused."""
    doc = copy.deepcopy(RICH)
    doc["meta"]["deep"] = doc["plugin"] = "@"
    text = to_text(doc).replace('"@"', "[" * depth + "]" * depth, 1)
    text = text.replace('"@"', '{"a": ' * depth + "1" + "}" * depth, 1)
    result = Tally(reliability_stats, "deep nesting").text(text)
    if depth <= 10:
        assert isinstance(result, Network)
    if depth >= 900:
        assert isinstance(result, FileFormatError)


def test_lone_surrogates_cannot_make_an_unsavable_network(reliability_stats):
    for edit in (
        _set(("neurons", 2, "label"), "\ud800"),
        _set(("meta", "title"), "a\udfffb"),
        _set(("plugin",), {"k\ud83d": 1}),
        _set(("exercise", "hints"), ["\udc00"]),
    ):
        doc = copy.deepcopy(RICH)
        edit(doc)
        text = json.dumps(doc)  # ASCII escapes, as another program might write them
        result = Tally(reliability_stats, "unsavable text").text(text)
        assert isinstance(result, FileFormatError) and "surrogate" in str(result)
        assert "\\u" in str(result)  # shown escaped, so the message itself can be printed
    emoji = copy.deepcopy(RICH)
    emoji["neurons"][2]["label"] = "🧠"
    net = fileformat.loads(json.dumps(emoji))  # "\ud83e\udde0": a proper pair, one character
    assert net.neurons["h1"].label == "🧠"


def _write_big(path: Path, megabytes: int) -> None:
    """A syntactically valid file of about ``megabytes`` MB (one enormous label)."""
    head = to_text(RICH)[:-1] + ', "pad": "'
    with path.open("w", encoding="utf-8") as fh:
        fh.write(head)
        chunk = "x" * (1 << 20)
        for _ in range(megabytes):
            fh.write(chunk)
        fh.write('"}')


@pytest.fixture
def opened(monkeypatch) -> list[Path]:
    """The paths ``Path.open`` is asked to open while the test runs."""
    paths: list[Path] = []
    open_path = Path.open

    def recorded(self: Path, *args: Any, **kwargs: Any) -> Any:
        paths.append(self)
        return open_path(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", recorded)
    return paths


def test_50_mb_file_is_refused_without_being_read(reliability_stats, tmp_path, opened):
    path = tmp_path / "big.nsim.json"
    _write_big(path, 50)
    opened.clear()
    result = Tally(reliability_stats, "big files").file(path)
    assert isinstance(result, FileFormatError) and "too large" in str(result)
    assert path not in opened  # refused on its size alone


def _big_network_text(neurons: int, reverse: bool) -> str:
    """A long chain x → h0 → h1 → … with its synapses listed back to front if ``reverse``."""
    items = [{"id": "x", "kind": "input"}] + [
        {"id": f"h{i}", "kind": "hidden", "bias": 0.1} for i in range(neurons)
    ]
    syn = [{"source": "x", "target": "h0", "weight": 0.5}] + [
        {"source": f"h{i}", "target": f"h{i + 1}", "weight": 0.5} for i in range(neurons - 1)
    ]
    if reverse:
        syn.reverse()
    return json.dumps(
        {"format": "neurosim-network", "version": 1, "neurons": items, "synapses": syn}
    )


def _cyclic_chain_text(neurons: int) -> str:
    """A chain listed back to front, then one synapse from its end back to h5."""
    doc = json.loads(_big_network_text(neurons, reverse=True))
    doc["synapses"].append({"source": f"h{neurons - 1}", "target": "h5", "weight": 1.0})
    return json.dumps(doc)


@pytest.fixture
def cycle_checks(monkeypatch) -> dict[str, list[int]]:
    """What the loader's cycle checks did: ``passes`` (synapses in each whole-graph pass of
    ``_has_cycle``) and ``searches`` (one per path search of ``Network.add_synapse``)."""
    done: dict[str, list[int]] = {"passes": [], "searches": []}
    has_cycle, find_path = entries._has_cycle, model.find_path

    def counted_pass(ids: Any, pairs: list) -> bool:
        done["passes"].append(len(pairs))
        return has_cycle(ids, pairs)

    def counted_search(*args: Any) -> Any:
        done["searches"].append(1)
        return find_path(*args)

    monkeypatch.setattr(entries, "_has_cycle", counted_pass)
    monkeypatch.setattr(model, "find_path", counted_search)
    return done


@pytest.mark.parametrize("reverse", [False, True], ids=["in order", "back to front"])
def test_long_chain_loads_in_linear_time(reliability_stats, reverse, cycle_checks):
    """Cycle checks must not make loading quadratic in the number of synapses: one pass over
    the whole graph, no search per synapse (that took 1.9 s for 5,000), and 4 times the
    synapses cost at most 4.5 times the calls (quadratic: 16)."""
    text = _big_network_text(10_000, reverse)
    net = Tally(reliability_stats, "big files").text(text, limit=None)
    assert isinstance(net, Network) and len(net.synapses) == 10_000
    assert list(net.synapses)[0] == (("h9998", "h9999") if reverse else ("x", "h0"))
    cycle_checks["passes"].clear()  # the tally's own reload (check_whole) passed once more
    fileformat.loads(text)
    assert cycle_checks == {"passes": [10_000], "searches": []}
    small, big = (_big_network_text(n, reverse) for n in (1_000, 4_000))
    assert count_calls(lambda: fileformat.loads(big)) <= 4.5 * count_calls(
        lambda: fileformat.loads(small)
    )


def test_cycle_in_a_long_chain_is_found_by_bisection(reliability_stats, cycle_checks):
    """A cycle closed by the last of 10,001 synapses: one pass finds there is a cycle, a
    binary search over the synapses finds the one that closes it (about log2 n passes), and
    only that one is searched for the path the message shows."""
    result = Tally(reliability_stats, "big files").text(_cyclic_chain_text(10_000), limit=None)
    assert isinstance(result, FileFormatError)
    assert str(result).startswith("synapses[10000]: connecting h9999 → h5 would create a cycle")
    assert len(cycle_checks["passes"]) <= 1 + math.ceil(math.log2(10_001))
    assert cycle_checks["searches"] == [1]
    small, big = (_cyclic_chain_text(n) for n in (1_000, 4_000))
    errors = (FileFormatError,)
    assert count_calls(lambda: fileformat.loads(big), errors) <= 6 * count_calls(
        lambda: fileformat.loads(small), errors
    )  # n log n: 4.6 times; a search per synapse: 16


@pytest.mark.slow
def test_file_at_the_size_limit_loads(reliability_stats, tmp_path):
    """Just under 16 MB of neurons and synapses loads, at no more calls per neuron than a
    chain of 10,000: linear up to the size limit."""
    path = tmp_path / "limit.nsim.json"
    text = _big_network_text(145_000, reverse=True)
    path.write_text(text, encoding="utf-8")
    assert 10e6 < path.stat().st_size < schema.MAX_FILE_BYTES
    with Calls() as work:
        net = fileformat.load(path)
    small = count_calls(lambda: fileformat.loads(_big_network_text(10_000, reverse=True)))
    reliability_stats["file at the size limit"] = {
        "megabytes": path.stat().st_size / 1e6,
        "calls_per_neuron": work.count / 145_001,
    }
    assert len(net.neurons) == 145_001
    assert work.count / 145_001 <= 1.1 * small / 10_001


# ---------------------------------------------------------------- files that are not files
def test_special_paths_are_refused_without_being_read(reliability_stats, tmp_path, opened):
    """Refused, and what is not a regular file is never opened: a named pipe would block
    until written to, /dev/zero never ends."""
    tally = Tally(reliability_stats, "special paths")
    fifo = tmp_path / "pipe.nsim.json"
    os.mkfifo(fifo)  # opening it for reading would block until a writer came
    loop = tmp_path / "loop.nsim.json"
    loop.symlink_to(loop)
    utf16 = tmp_path / "utf16.nsim.json"
    utf16.write_bytes(to_text(RICH).encode("utf-16"))
    png = tmp_path / "picture.nsim.json"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    empty = tmp_path / "empty.nsim.json"
    empty.write_bytes(b"")
    for path in (
        fifo,
        loop,
        tmp_path,
        tmp_path / "missing.nsim.json",
        utf16,
        png,
        empty,
        Path("/dev/zero"),
        Path("/dev/urandom"),
    ):
        if not os.path.lexists(path) and path.parent == Path("/dev"):
            continue
        opened.clear()
        result = tally.call(lambda p=path: fileformat.load(p), FileFormatError)
        assert isinstance(result, FileFormatError), path
        if path in (fifo, loop, Path("/dev/zero"), Path("/dev/urandom")):
            assert opened == [], path


def test_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.nsim.json"
    path.write_bytes(b"\xef\xbb\xbf" + to_text(RICH).encode("utf-8"))
    check_whole(fileformat.load(path))


def test_generated_cases_reach_the_target(reliability_stats):
    """The default run must try at least 500 generated inputs (prefixes not counted)."""
    names = (
        "random text and bytes",
        "mutated files",
        "exercise sections",
        "dataset sections",
        "source sections",
    )
    if not all(name in reliability_stats for name in names):
        pytest.skip("counts only when the whole file runs")
    generated = sum(int(reliability_stats[name]["cases"]) for name in names)
    print(f"generated inputs in the default run: {generated}")
    assert generated >= 500
