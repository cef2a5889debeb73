"""benchmarks/engine.py --json: one JSON object with the figures tracked from run to run.

Only the shape is checked here (timings are stubbed out): the speed itself is for the
benchmark to report, not for a test to assert on a busy CI machine.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture
def bench(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("bench_engine", BENCHMARKS / "engine.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    # one call per measurement: seconds instead of a minute
    monkeypatch.setattr(module, "median_seconds", lambda call, *, block, blocks: (call(), 1e-5)[1])
    return module


def test_json_holds_the_tracked_keys(bench, capsys) -> None:
    assert bench.main(["--json"]) == 0  # 10 µs and 0.01 ms meet both targets
    out = capsys.readouterr().out
    assert out.count("\n") == 1
    result = json.loads(out)
    assert result["single_eval_us_20"] == 10.0 and result["grid200_ms"] == 0.01
    assert result["targets"] == {"single_eval_us_20": 50.0, "grid200_ms": 6.0}
    assert [r["network"] for r in result["networks"]] == [
        "2-8-8-1",
        "2-64-64-64-1",
        "random-500/5000",
    ]
    assert [(r["neurons"], r["synapses"]) for r in result["networks"]] == [
        (19, 88),
        (195, 8384),
        (500, 5000),
    ]
    assert all(r["grid_samples_per_s"] == 4_000_000_000 for r in result["networks"])


def test_a_missed_target_exits_1(bench, monkeypatch, capsys) -> None:
    monkeypatch.setattr(bench, "median_seconds", lambda call, *, block, blocks: 1.0)
    assert bench.main([]) == 1
    assert "MISSED" in capsys.readouterr().out
