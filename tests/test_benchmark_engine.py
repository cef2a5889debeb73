"""benchmarks/engine.py, the real script on tiny sizes (``--quick``): one JSON object with
every figure tracked from run to run, a verdict that agrees with its targets, the exit
status that goes with it, and a table that shows the same. How fast the engine is, is for
the benchmark to report, not for a test to assert on a busy machine."""

from __future__ import annotations

import importlib.util
import json

import pytest
from benchmark_helpers import BENCHMARKS, check_figures, check_run_facts, is_figure

FIGURES = [
    "single_eval_us_20",
    "single_eval_us_20_dag",
    "single_eval_us_20_dag_levels",
    "grid200_ms",
]
ROW_FIGURES = ["neurons", "synapses", "levels", "eval_us", "grid_ms", "grid_samples_per_s"]


@pytest.fixture
def bench(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("bench_engine", BENCHMARKS / "engine.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_json_holds_every_tracked_figure(bench, capsys) -> None:
    status = bench.main(["--json", "--quick"])
    out = capsys.readouterr().out
    assert out.count("\n") == 1  # one object, one line
    result = json.loads(out)
    check_run_facts(result)
    check_figures(result, FIGURES)
    assert [row["network"] for row in result["networks"]]  # the networks measured
    for row in result["networks"]:
        check_figures(row, ROW_FIGURES)
    targets = result["targets"]
    assert set(targets) <= set(FIGURES) and all(is_figure(t) and t > 0 for t in targets.values())
    assert result["ok"] == all(result[key] < limit for key, limit in targets.items())
    assert status == (0 if result["ok"] else 1)


def test_table_shows_every_target_and_the_load(bench, capsys) -> None:
    status = bench.main(["--quick"])
    out = capsys.readouterr().out
    assert "load average before the run" in out
    for key in ("single_eval_us_20", "grid200_ms"):
        line = next(line for line in out.splitlines() if line.startswith(key))
        assert line.endswith("ok") or line.endswith("MISSED")
    assert ("MISSED" in out) == (status == 1)
