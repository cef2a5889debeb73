"""Engine speed: single-sample ``evaluate()`` and a 200×200 grid batch through ``forward()``.

    python3 benchmarks/engine.py           a table
    python3 benchmarks/engine.py --json    one JSON object (single_eval_us_20, grid200_ms, …)
    python3 benchmarks/engine.py --quick   a 20×20 grid, few repeats: the script runs

Targets (a slider drag re-evaluates on every mouse move, a decision surface redraws at
60 fps): a 20-neuron layered sigmoid network ([2, 8, 8, 2]) evaluates one sample in < 50 µs
(``single_eval_us_20``), a 200×200 float32 grid through [2, 8, 8, 1] takes < 6 ms
(``grid200_ms``). Exit status 1 when a target is missed.
"""

from __future__ import annotations

import platform
import statistics
import time

import _harness  # noqa: F401  (one BLAS thread, offscreen Qt, repo on sys.path)
import numpy as np

from neurosim.core.builders import layered_network, random_dag
from neurosim.core.engine import Engine
from neurosim.core.model import Network

TARGET_SINGLE_EVAL_US = 50.0
TARGET_GRID_MS = 6.0
GRID = 200


def grid_inputs(n: int = GRID, dtype: type = np.float32) -> np.ndarray:
    """The n×n points of [-1, 1]² as (n², 2) input rows."""
    axis = np.linspace(-1.0, 1.0, n)
    xx, yy = np.meshgrid(axis, axis)
    return np.column_stack([xx.ravel(), yy.ravel()]).astype(dtype)


def median_seconds(call, *, block: int, blocks: int) -> float:
    """Median over ``blocks`` of the mean time of ``block`` back-to-back calls."""
    call()  # compile, warm caches
    times = []
    for _ in range(blocks):
        start = time.perf_counter()
        for _ in range(block):
            call()
        times.append((time.perf_counter() - start) / block)
    return statistics.median(times)


def single_eval_us(network: Network, quick: bool = False) -> float:
    engine = Engine(network)
    block, blocks = (5, 3) if quick else (200, 25)
    return median_seconds(engine.evaluate, block=block, blocks=blocks) * 1e6


def grid_ms(network: Network, n: int = GRID, quick: bool = False) -> float:
    engine = Engine(network)
    x = grid_inputs(n)
    start = time.perf_counter()
    engine.forward(x)
    once = time.perf_counter() - start
    blocks = int(min(30, max(5, 1.5 / max(once, 1e-6))))  # about 1.5 s per network
    return median_seconds(lambda: engine.forward(x), block=1, blocks=3 if quick else blocks) * 1e3


def run(quick: bool = False) -> dict:
    """The figures; ``quick``: a 20×20 grid and a few calls each (the script runs)."""
    grid = 20 if quick else GRID
    cases = {
        "2-8-8-1": layered_network([2, 8, 8, 1], "tanh", seed=0),
        "2-64-64-64-1": layered_network([2, 64, 64, 64, 1], "tanh", seed=0),
        "random-500/5000": random_dag(500, 5000, seed=0, n_inputs=2, n_outputs=4),
    }
    # 20 neurons as a student draws them: layers, the default activation (sigmoid).
    small = layered_network([2, 8, 8, 2], "sigmoid", seed=0)
    # 20 neurons as a worst case: skip connections everywhere, so 10 levels of 1–3
    # activations each (per-level call overhead dominates; no target).
    busy = random_dag(20, 45, seed=1, n_inputs=2, n_outputs=2)
    rows = []
    for name, net in cases.items():
        ms = grid_ms(net, grid, quick)
        rows.append(
            {
                "network": name,
                "neurons": len(net.neurons),
                "synapses": len(net.synapses),
                "levels": len(Engine(net).compiled.levels),
                "eval_us": round(single_eval_us(net, quick), 2),
                "grid_ms": round(ms, 3),
                "grid_samples_per_s": round(grid * grid / (ms / 1e3)),
            }
        )
    result = {
        "single_eval_us_20": round(single_eval_us(small, quick), 2),
        "single_eval_us_20_dag": round(single_eval_us(busy, quick), 2),
        "single_eval_us_20_dag_levels": len(Engine(busy).compiled.levels),
        "grid200_ms": rows[0]["grid_ms"],
        "targets": {"single_eval_us_20": TARGET_SINGLE_EVAL_US, "grid200_ms": TARGET_GRID_MS},
        "networks": rows,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }
    result["ok"] = (
        result["single_eval_us_20"] < TARGET_SINGLE_EVAL_US
        and result["grid200_ms"] < TARGET_GRID_MS
    )
    return result


def print_table(result: dict) -> None:
    head = (
        f"{'network':<18}{'neurons':>8}{'synapses':>9}{'levels':>7}"
        f"{'evaluate µs':>13}{'grid ms':>9}{'samples/s':>12}"
    )
    print(head)
    print("-" * len(head))
    for r in result["networks"]:
        print(
            f"{r['network']:<18}{r['neurons']:>8}{r['synapses']:>9}{r['levels']:>7}"
            f"{r['eval_us']:>13.1f}{r['grid_ms']:>9.2f}{r['grid_samples_per_s']:>12,}"
        )
    print()
    for key, target in result["targets"].items():
        value = result[key]
        verdict = "ok" if value < target else "MISSED"
        print(f"{key:<22} {value:>8.2f}   target < {target:g}   {verdict}")
    print(
        f"{'single_eval_us_20_dag':<22} {result['single_eval_us_20_dag']:>8.2f}   "
        f"({result['single_eval_us_20_dag_levels']} levels; no target)"
    )


def main(argv: list[str] | None = None) -> int:
    return _harness.main(__doc__, run, print_table, argv)


if __name__ == "__main__":
    raise SystemExit(main())
