"""Training speed: mini-batch backpropagation, and a decision-surface grid forward pass.

    python3 benchmarks/train.py           a short report
    python3 benchmarks/train.py --json    one JSON object (train_samples_per_s, …)

Workload (TensorFlow Playground's default): a 2-8-8-1 tanh network, 500 points of the circle
set, batches of 10, lr 0.03, mse, SGD; every epoch also measures loss, accuracy and gradient
norms on the whole set, as the app's training panel shows them. Targets: ≥ 700,000 training
samples/s on one core (the Playground's own engine does 300–400k/s) and ≥ 6,000,000
samples/s for a 200×200 float32 grid through ``Engine.forward``. Exit status 1 when missed.

``live_train_frame_ms`` (GUI, offscreen): the median time of one frame of live training in
the main window at 1280×800 — one epoch of that workload with the write-back, the evaluation,
the 100×100 decision surface and every visible plot redrawn and repainted with the canvas.
Target ≤ 16 ms (live training at 60 epochs/s); reported, not part of ``ok``. None when the
GUI cannot be loaded.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import time

import _harness  # noqa: F401  (one BLAS thread, offscreen Qt, repo on sys.path)
import numpy as np

from neurosim.core.builders import layered_network
from neurosim.core.datasets import builtin
from neurosim.core.engine import Engine
from neurosim.core.training import Trainer, init_weights

TARGET_TRAIN = 700_000
TARGET_GRID = 6_000_000
TARGET_FRAME_MS = 16.0
GRID = 200
POINTS, BATCH, LR = 500, 10, 0.03


def train_samples_per_s(epochs: int = 40, blocks: int = 15) -> tuple[list[float], float]:
    """(samples/s of each block of ``epochs`` epochs, loss after training)."""
    net = layered_network([2, 8, 8, 1], "tanh", seed=0)
    init_weights(net, seed=0)
    trainer = Trainer(
        net,
        builtin("circle", POINTS, 0.1, 0),
        loss="mse",
        optimizer="sgd",
        lr=LR,
        batch_size=BATCH,
        seed=0,
    )
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


def live_train_frame_ms(frames: int = 100, warmup: int = 10) -> float | None:
    """Median ms of one live-training frame in the window (see the module docstring)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6.QtCore import QSettings

        from neurosim.core.builders import layered_network as layered
        from neurosim.ui.app import application
        from neurosim.ui.mainwindow import MainWindow
    except ImportError:
        return None
    import tempfile

    app = application()  # offscreen: without the platform's size-hint warnings
    with tempfile.TemporaryDirectory() as folder:
        window = MainWindow(settings=QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
        ui = window.training
        window.open_network(layered([2, 8, 8, 1], "tanh", seed=0))
        window.resize(1280, 800)
        window.show()
        ui.docks["plots"].raise_()
        ui.panel.data.choose("builtin", "circle")
        ui.panel.data.rows.setValue(POINTS)
        session = ui.session
        session.set_settings(test_fraction=0.0, batch_size=BATCH, lr=LR, epochs_per_frame=1)
        app.processEvents()
        panels = [*window.live_plots.panels, ui.plots]
        times = []
        for i in range(warmup + frames):
            start = time.perf_counter()
            session.step() if i == 0 else session.frame()
            window.document.evaluate_now()
            for panel in panels:
                if panel.isVisible():
                    panel.flush()
            app.processEvents()  # paints every widget the frame changed, once
            times.append((time.perf_counter() - start) * 1e3)
        window.document.undo_stack.setClean()
        window.close()
    return round(statistics.median(times[warmup:]), 2)


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
        "live_train_frame_ms": live_train_frame_ms(),
        "live_train_frame_target_ms": TARGET_FRAME_MS,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args(argv)
    load = _harness.load_average()
    result = run()
    result["load_average"] = load
    if args.json:
        print(json.dumps(result))
    else:
        print(f"load average before the run (1, 5, 15 min): {load}")
        for key, target in result["targets"].items():
            verdict = "ok" if result[key] >= target else "MISSED"
            print(f"{key:<24}{result[key]:>12,}   target ≥ {target:,}   {verdict}")
        print(f"{'train_samples_per_s_best':<24}{result['train_samples_per_s_best']:>12,}")
        print(f"{'final loss':<24}{result['final_loss']:>12.4f}")
        frame = result["live_train_frame_ms"]
        if frame is not None:
            verdict = "ok" if frame <= TARGET_FRAME_MS else "MISSED"
            print(
                f"{'live_train_frame_ms':<24}{frame:>12.2f}   target ≤ {TARGET_FRAME_MS:g}   "
                f"{verdict}"
            )
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
