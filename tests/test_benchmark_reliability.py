"""benchmarks/reliability.py, the real script on tiny sizes (``--quick``, a fresh process):
one JSON object with every figure the reliability suite no longer times, each a finite
number, and a verdict that agrees with its targets. The suite itself counts work instead
(``tests/reliability/work_counting.py``)."""

from __future__ import annotations

import pytest
from benchmark_helpers import check_figures, check_run_facts, run_quick

FIGURES = [
    "big_file_neurons",
    "big_file_mb",
    "big_file_load_s",
    "chain_neurons",
    "chain_load_ms",
    "chain_load_ms_reversed",
    "chain_cycle_ms",
    "oversize_refuse_ms",
    "fuzz_cases",
    "fuzz_case_ms_median",
    "fuzz_case_ms_max",
    "simulation_steps_per_s",
    "train_epochs_per_s",
    "load_save_cycle_ms",
    "edit_neurons",
    "edit_repaint_ms_median",
    "edit_repaint_ms_max",
    "edit_repaint_cpu_ms_median",
    "surface_grid",
]


def test_json_holds_every_figure_and_agrees_with_its_targets() -> None:
    pytest.importorskip("PySide6")
    status, result = run_quick("reliability")
    check_run_facts(result)
    check_figures(result, FIGURES)
    assert result["edit_repaint_ms_median"] <= result["edit_repaint_ms_max"]
    assert result["fuzz_case_ms_median"] <= result["fuzz_case_ms_max"]
    targets = result["targets"]
    assert set(targets) <= set(FIGURES)
    assert result["ok"] == all(result[key] <= limit for key, limit in targets.items())
    assert status == (0 if result["ok"] else 1)
