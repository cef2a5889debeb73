"""Running a benchmark script the way a person does, on tiny sizes (``--quick``).

The tests check what a benchmark promises — one JSON object holding every tracked figure as
a finite number, a verdict that agrees with its targets, an exit status that agrees with the
verdict — and never how fast anything was: that is the benchmark's own business.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"


def run_quick(name: str, timeout: float = 600) -> tuple[int, dict[str, Any]]:
    """(exit status, the JSON object) of ``benchmarks/NAME.py --json --quick`` in a fresh
    process (the GUI benchmarks patch Qt classes and make their own application)."""
    done = subprocess.run(
        [sys.executable, str(BENCHMARKS / f"{name}.py"), "--json", "--quick"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=timeout,
    )
    lines = done.stdout.splitlines()
    assert done.returncode in (0, 1) and len(lines) == 1, (
        done.returncode,
        done.stdout,
        done.stderr,
    )
    return done.returncode, json.loads(lines[0])


def is_figure(value: Any) -> bool:
    """A real number (not a bool), finite."""
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def check_figures(
    result: dict[str, Any], keys: list[str], may_be_zero: tuple[str, ...] = ()
) -> None:
    """Every key is there and a finite number; above zero unless named in ``may_be_zero``."""
    missing = [key for key in keys if key not in result]
    assert not missing, f"missing figures: {missing}"
    for key in keys:
        assert is_figure(result[key]), f"{key} = {result[key]!r}"
        assert key in may_be_zero or result[key] > 0, f"{key} = {result[key]!r}"


def check_run_facts(result: dict[str, Any]) -> None:
    """What every benchmark adds: the load average before the run and the quick flag."""
    assert result["quick"] is True
    load = result["load_average"]
    assert load is None or (len(load) == 3 and all(is_figure(x) and x >= 0 for x in load))
