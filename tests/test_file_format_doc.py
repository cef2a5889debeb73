"""docs/file-format.md stays true: its activation table and its example come from the code."""
from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

from neurosim.core import fileformat

ROOT = Path(__file__).resolve().parents[1]
DOC = (ROOT / "docs" / "file-format.md").read_text("utf-8")


def _generator():
    spec = importlib.util.spec_from_file_location("gen_activation_table",
                                                  ROOT / "docs" / "gen_activation_table.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_activation_table_matches_the_registry() -> None:
    gen = _generator()
    assert gen.table_in_doc(DOC) == gen.table(), (
        "docs/file-format.md is out of date: run python3 docs/gen_activation_table.py --update")


def test_generator_prints_the_table_and_replaces_only_the_table() -> None:
    gen = _generator()
    out = subprocess.run([sys.executable, str(ROOT / "docs" / "gen_activation_table.py")],
                         capture_output=True, text=True, encoding="utf-8", check=True).stdout
    assert out == gen.table()
    assert "| `gelu` | GELU |" in out and out.count("\n") == 2 + len(gen.REGISTRY)
    stale = gen.replace_table(DOC, "| old |\n")
    assert gen.table_in_doc(stale) == "| old |\n"
    assert gen.replace_table(stale, gen.table()) == DOC


def test_example_is_exactly_what_neurosim_writes() -> None:
    example = re.search(r"```json\n(.*?)```", DOC, re.S).group(1)
    assert fileformat.dumps(fileformat.loads(example)) == example
