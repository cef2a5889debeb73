"""Training speed: mini-batch backpropagation, and a decision-surface grid forward pass.

    python3 benchmarks/train.py           a short report
    python3 benchmarks/train.py --json    one JSON object (train_samples_per_s, …)

Workload (TensorFlow Playground's default): a 2-8-8-1 tanh network, 500 points of the circle
set, batches of 10, lr 0.03, mse, SGD; every epoch also measures loss, accuracy and gradient
norms on the whole set, as the app's training panel shows them. Targets: ≥ 700,000 training
samples/s on one core (the Playground's own engine does 300–400k/s) and ≥ 6,000,000
samples/s for a 200×200 float32 grid through ``Engine.forward``. Exit status 1 when missed.
"""
from __future__ import annotations

import os

# One BLAS thread: figures must not depend on the core count. Must precede numpy.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"

import argparse  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np  # noqa: E402

from neurosim.core.builders import layered_network  # noqa: E402
from neurosim.core.datasets import builtin  # noqa: E402
from neurosim.core.engine import Engine  # noqa: E402
from neurosim.core.training import Trainer, init_weights  # noqa: E402

TARGET_TRAIN = 700_000
TARGET_GRID = 6_000_000
GRID = 200
POINTS, BATCH, LR = 500, 10, 0.03


def train_samples_per_s(epochs: int = 40, blocks: int = 15) -> tuple[list[float], float]:
    """(samples/s of each block of ``epochs`` epochs, loss after training)."""
    net = layered_network([2, 8, 8, 1], "tanh", seed=0)
    init_weights(net, seed=0)
    trainer = Trainer(net, builtin("circle", POINTS, 0.1, 0), loss="mse", optimizer="sgd",
                      lr=LR, batch_size=BATCH, seed=0)
    trainer.step_epoch()  # warm up
    rates = []
    for _ in range(blocks):
        start = time.perf_counter()
        for _ in range(epochs):
            record = trainer.step_epoch()
        rates.append(epochs * POINTS / (time.perf_counter() - start))
    return rates, record.loss


def grid_samples_per_s(repeats: int = 30) -> float:
    engine = Engine(layered_network([2, 8, 8, 1], "tanh", seed=0))
    axis = np.linspace(-1.0, 1.0, GRID, dtype=np.float32)
    xx, yy = np.meshgrid(axis, axis)
    grid = np.column_stack([xx.ravel(), yy.ravel()])
    engine.forward(grid)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        engine.forward(grid)
        times.append(time.perf_counter() - start)
    return GRID * GRID / statistics.median(times)


def run() -> dict:
    rates, loss = train_samples_per_s()
    train = statistics.median(rates)
    grid = grid_samples_per_s()
    return {
        "train_samples_per_s": round(train),
        "train_samples_per_s_best": round(max(rates)),  # the least disturbed block
        "grid200_samples_per_s": round(grid),
        "final_loss": loss,
        "targets": {"train_samples_per_s": TARGET_TRAIN, "grid200_samples_per_s": TARGET_GRID},
        "ok": train >= TARGET_TRAIN and grid >= TARGET_GRID,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    result = run()
    if args.json:
        print(json.dumps(result))
    else:
        for key, target in result["targets"].items():
            verdict = "ok" if result[key] >= target else "MISSED"
            print(f"{key:<24}{result[key]:>12,}   target ≥ {target:,}   {verdict}")
        print(f"{'train_samples_per_s_best':<24}{result['train_samples_per_s_best']:>12,}")
        print(f"{'final loss':<24}{result['final_loss']:>12.4f}")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
