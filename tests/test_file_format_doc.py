"""docs/file-format.md stays true: its activation table and its example come from the code."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from neurosim.core import fileformat
from neurosim.core.fileformat.schema import MAX_FILE_BYTES

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "file-format.md").read_text("utf-8")


def _generator():
    spec = importlib.util.spec_from_file_location(
        "gen_activation_table", ROOT / "docs" / "gen_activation_table.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_activation_table_matches_the_registry() -> None:
    gen = _generator()
    assert gen.table_in_doc(DOC) == gen.table(), (
        "docs/file-format.md is out of date: run python3 docs/gen_activation_table.py --update"
    )


def test_generator_prints_the_table_and_replaces_only_the_table() -> None:
    gen = _generator()
    out = subprocess.run(
        [sys.executable, str(ROOT / "docs" / "gen_activation_table.py")],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert out == gen.table()
    assert "| `gelu` | GELU |" in out and out.count("\n") == 2 + len(gen.REGISTRY)
    stale = gen.replace_table(DOC, "| old |\n")
    assert gen.table_in_doc(stale) == "| old |\n"
    assert gen.replace_table(stale, gen.table()) == DOC


def test_example_is_exactly_what_neurosim_writes() -> None:
    example = re.search(r"```json\n(.*?)```", DOC, re.S).group(1)
    assert fileformat.dumps(fileformat.loads(example)) == example


# --------------------------------------------------- the table of error messages


def _base() -> dict:
    return {
        "format": "neurosim-network",
        "version": 1,
        "neurons": [
            {"id": "x1", "kind": "input"},
            {"id": "h1", "kind": "hidden"},
            {"id": "h2", "kind": "hidden"},
            {"id": "y1", "kind": "output"},
        ],
        "synapses": [
            {"source": "x1", "target": "h1", "weight": 1},
            {"source": "h1", "target": "h2", "weight": 1},
            {"source": "h2", "target": "y1", "weight": 1},
        ],
    }


def _with(change) -> str:
    data = _base()
    change(data)
    return json.dumps(data, ensure_ascii=False)


def _neuron(i: int, **fields):
    return lambda d: d["neurons"][i].update(fields)


def _synapse(source: str, target: str):
    return lambda d: d["synapses"].append({"source": source, "target": target, "weight": 1})


#: the "Problem" column of docs/file-format.md -> the file's text (bytes for "Not UTF-8")
CASES = {
    "Not JSON": '{\n  "format":\n}',
    "NaN": _with(_neuron(0, value=0)).replace('"value": 0', '"value": NaN'),
    "Same key twice": _with(lambda d: None).replace('"id": "h1"', '"id": "h1", "id": "h1"'),
    "Another format": _with(lambda d: d.update(format="other")),
    "Newer file": _with(lambda d: d.update(version=3)),
    "No id": _with(lambda d: d["neurons"][0].pop("id")),
    "Same id twice": _with(_neuron(2, id="h1")),
    "Wrong type": _with(_neuron(1, label=5)),
    "Bad position": _with(_neuron(1, position=[1.0])),
    "Unknown key": _with(_neuron(0, colour="red")),
    "Bias on an input": _with(_neuron(0, bias=1)),
    "Unknown activation": _with(_neuron(1, activation={"name": "swish"})),
    "Parameter out of range": _with(
        _neuron(1, activation={"name": "leaky_relu", "params": {"alpha": 2}})
    ),
    "Dangling synapse": _with(_synapse("x1", "h9")),
    "Input as target": _with(_synapse("h1", "x1")),
    "Self-loop": _with(_synapse("h1", "h1")),
    "Duplicate synapse": _with(_synapse("x1", "h1")),
    "Cycle": _with(_synapse("h2", "h1")),
    "Too large": " " * (MAX_FILE_BYTES + 1),
    "Not UTF-8": (lambda b: b[:40] + b"\xe9" + b[40:])(_with(lambda d: None).encode()),
}


def _doc_rows() -> dict[str, str]:
    section = DOC.split("| Problem | Message |", 1)[1].split("\n\n", 1)[0]
    rows = re.findall(r"^\| (.+?) \| `(.+)` \|$", section, re.M)
    return dict(rows)


def test_every_documented_problem_is_checked() -> None:
    assert list(_doc_rows()) == list(CASES)


@pytest.mark.parametrize("problem", list(CASES))
def test_documented_error_is_what_neurosim_eval_prints(problem, tmp_path, capsys) -> None:
    from neurosim.cli import main

    text = CASES[problem]
    path = tmp_path / "net.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    assert main(["eval", str(path)]) == 2
    err = capsys.readouterr().err
    want = _doc_rows()[problem]
    if want.endswith("…"):  # the doc shortens a long list
        assert err.startswith("error: " + want.removesuffix("…")), err
    else:
        assert err == f"error: {want}\n"
