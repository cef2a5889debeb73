"""benchmarks/formula.py, the real script on tiny sizes (``--quick``): every pair measured,
one JSON object with the figures; the speed itself is the benchmark's to report."""

from __future__ import annotations

import importlib.util
import json

import pytest
from benchmark_helpers import BENCHMARKS, check_run_facts, is_figure

from neurosim.core.custom_activations import INSTALLED, uninstall


@pytest.fixture
def bench(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    spec = importlib.util.spec_from_file_location("bench_formula", BENCHMARKS / "formula.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    before = set(INSTALLED)
    yield module
    for name in set(INSTALLED) - before:
        uninstall(name)


def test_json_holds_a_row_per_pair(bench, capsys) -> None:
    assert bench.main(["--json", "--quick"]) == 0
    result = json.loads(capsys.readouterr().out)
    check_run_facts(result)
    assert [r["builtin"] for r in result["pairs"]] == list(bench.PAIRS)
    for row in result["pairs"]:
        for key in ("grid200_ms_builtin", "grid200_ms_formula", "ratio", "kernel_us_formula"):
            assert is_figure(row[key]), (row, key)
    assert result["ratio_max"] == max(r["ratio"] for r in result["pairs"])


def test_formulas_compute_what_their_builtins_compute(bench) -> None:
    import numpy as np

    from neurosim.core.engine import Engine

    x = np.random.default_rng(0).normal(size=(50, 2))
    bench.run(quick=True)  # installs formula_<builtin> for each pair
    for builtin in bench.PAIRS:
        a = Engine(bench.network_with(builtin)).forward(x)
        b = Engine(bench.network_with(f"formula_{builtin}")).forward(x)
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-13, err_msg=builtin)
