"""benchmarks/gui.py --json: the canvas figures and the live-plot figures in one object.

Timings are stubbed out (the measurements themselves take minutes): only the keys, the
merge and the verdict are checked.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"
LIVE = {
    "live_fps": 59.0,
    "live_frame_ms_median": 9.0,
    "live_frame_ms_max": 20.0,
    "update_ms_median": 2.0,
    "surface_ms_median": 1.5,
    "steps_per_second": 60.0,
    "rss_growth_mb_100k": 0.1,
}
CANVAS = {
    "neurons": 20,
    "synapses": 96,
    "fit_zoom": 1.0,
    "fit_ms": 3.0,
    "zoom1_ms": 3.0,
    "edit_evaluate_ms": 0.1,
    "weight_edit_ms": 3.0,
    "cold_repaint_ms": 5.0,
}


@pytest.fixture
def bench(monkeypatch):
    pytest.importorskip("PySide6")
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("bench_gui", BENCHMARKS / "gui.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(module, "measure", lambda network: dict(CANVAS))
    monkeypatch.setattr(module.gui_live, "measure", lambda: dict(LIVE))
    monkeypatch.setattr(
        module.first_paint, "measure", lambda: {"first_paint_s": 0.5, "first_paint_s_cold": 0.6}
    )
    return module


def test_json_merges_the_live_figures(bench, capsys) -> None:
    assert bench.main(["--json"]) == 0
    out = capsys.readouterr().out
    result = json.loads(out.strip().splitlines()[-1])
    for key in (
        "live_fps",
        "live_frame_ms_median",
        "live_frame_ms_max",
        "update_ms_median",
        "rss_growth_mb_100k",
        "edit_repaint_ms_20",
        "edit_repaint_ms_100",
        "edit_repaint_ms_500",
        "first_paint_s",
    ):
        assert key in result
    assert result["live_fps"] == 59.0 and result["live_steps_per_second"] == 60.0
    assert result["live_targets"]["live_fps"] == {"min": 55.0}
    assert result["live_targets"]["update_ms_median"] == {"max": 12.0}
    assert result["ok"] is True


def test_a_missed_live_target_fails_the_run(bench, monkeypatch, capsys) -> None:
    monkeypatch.setattr(bench.gui_live, "measure", lambda: LIVE | {"live_fps": 40.0})
    assert bench.main(["--json"]) == 1
    assert json.loads(capsys.readouterr().out.strip().splitlines()[-1])["ok"] is False
    monkeypatch.setattr(bench.gui_live, "measure", lambda: LIVE | {"live_frame_ms_max": 50.0})
    assert bench.main([]) == 1
    assert "live_frame_ms_max" in capsys.readouterr().out
