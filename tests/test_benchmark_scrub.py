"""benchmarks/scrub.py, the real script on tiny sizes (``--quick``, a fresh process): one JSON
object with the recording cost, the scrub frame rate and the history's bytes, each a finite
number, and a verdict that agrees with its targets. How fast it is, is the benchmark's
business, not the test's."""

from __future__ import annotations

import pytest
from benchmark_helpers import check_figures, check_run_facts, run_quick

FIGURES = [
    "record_ms_per_step",
    "step_ms_median",
    "scrub_fps",
    "scrub_cpu_ms_per_frame",
    "scrub_fps_one_core",
    "scrub_load_1min",
    "scrub_epochs_fps",
    "scrub_epochs_cpu_ms_per_frame",
    "history_bytes_full",
    "history_real_bytes_full",
    "history_steps_kept",
    "history_ceiling_bytes",
    "epoch_history_bytes_full",
    "epoch_history_real_bytes_full",
    "epoch_record_us",
]


@pytest.mark.slow  # a fresh process opens the main window twice
def test_json_holds_every_figure_and_agrees_with_its_targets() -> None:
    pytest.importorskip("PySide6")
    status, result = run_quick("scrub")
    check_run_facts(result)
    check_figures(result, FIGURES, may_be_zero=("scrub_load_1min",))
    assert "scrub_move_ms_median" in result
    assert result["history_ceiling_bytes"] == 32 * 2**20
    assert result["history_bytes_full"] <= result["history_ceiling_bytes"]
    missed = []
    for key, target in result["targets"].items():
        ((kind, limit),) = target.items()
        value = result[key]
        if value < limit if kind == "min" else value > limit:
            missed.append(key)
    assert sorted(missed) == sorted(result["missed"])
    assert result["ok"] == (not missed) and status == (0 if result["ok"] else 1)
