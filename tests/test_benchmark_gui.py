"""benchmarks/gui.py, the real script on tiny sizes (``--quick``, a fresh process): one JSON
object with the canvas figures, the first paint and the live-plot figures merged, each a
finite number, and a verdict that agrees with the targets it lists. How fast the window is,
is for the benchmark to report, not for a test to assert on a busy machine."""

from __future__ import annotations

import pytest
from benchmark_helpers import check_figures, check_run_facts, is_figure, run_quick

SIZES = (20, 100, 500)
CANVAS = [
    f"{figure}_{n}"
    for n in SIZES
    for figure in ("edit_repaint_ms", "weight_edit_ms", "cold_repaint_ms")
] + [f"edit_repaint_ms_{n}_zoom1" for n in SIZES]
FIRST_PAINT = ["first_paint_s", "first_paint_s_cold"]
LIVE = [
    "live_fps",
    "live_frame_ms_median",
    "live_frame_ms_max",
    "update_ms_median",
    "surface_ms_median",
    "live_steps_per_second",
]
ROW_FIGURES = ["neurons", "synapses", "fit_zoom", "fit_ms", "zoom1_ms", "edit_evaluate_ms"]


@pytest.mark.slow  # a fresh process draws three canvases, starts the app twice, runs the clock
def test_json_merges_every_figure_and_agrees_with_its_targets() -> None:
    pytest.importorskip("PySide6")
    status, result = run_quick("gui")
    check_run_facts(result)
    check_figures(result, CANVAS + FIRST_PAINT + LIVE)
    check_figures(result, ["rss_growth_mb_100k"], may_be_zero=("rss_growth_mb_100k",))
    assert [row["size"] for row in result["networks"]] == list(SIZES)
    for row in result["networks"]:
        check_figures(row, ROW_FIGURES)
    met = [result[key] <= limit for key, limit in result["targets"].items()]
    for key, target in result["live_targets"].items():
        ((kind, limit),) = target.items()
        assert kind in ("min", "max") and is_figure(limit)
        met.append(result[key] >= limit if kind == "min" else result[key] <= limit)
    assert all(met) or not result["ok"]  # a missed target is never "ok" (nor is a slow start)
    assert status == (0 if result["ok"] else 1)
