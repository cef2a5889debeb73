"""Training speed beside TensorFlow Playground's engine in the same run; a grid forward pass.

    python3 benchmarks/train.py           a short report
    python3 benchmarks/train.py --json    one JSON object (train_samples_per_s, peer_ratio_train, …)

Workload (TensorFlow Playground's default): a 2-8-8-1 tanh network, 500 points of the circle
set, batches of 10, lr 0.03, mse, SGD; every epoch also measures loss, accuracy and gradient
norms on the whole set, as the app's training panel shows them (``Trainer.step_epoch``).

The yardstick is the Playground's engine run by node (``../shared/peer-bench``, or
``--peer``) on the same network, data and batches. Rounds interleave it with ours — our
compiled trainer, our numpy fallback, the peer — and each figure is the median over the
rounds (≥ 5); ``peer_ratio_train`` is the median of each round's ratio of our samples/s to
the peer's pure training (its loop without any per-epoch loss; ``peer_ratio_train_app``
divides by its loop with the per-epoch loss it shows, like ours). Without node or the peer
bench the ratios are None and ``peer`` says why. The load average is printed beside the
figures: on a shared machine only the ratios compare from run to run.

Targets: ≥ 2× the peer (``peer_ratio_train``, when measured), ≥ 700,000 training samples/s
on one core, and ≥ 6,000,000 samples/s for a 200×200 float32 grid through
``Engine.forward``. Exit status 1 when one is missed.

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
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import _harness  # noqa: F401  (one BLAS thread, offscreen Qt, repo on sys.path)
import numpy as np

from neurosim.core import jit
from neurosim.core.builders import layered_network
from neurosim.core.datasets import builtin
from neurosim.core.engine import Engine
from neurosim.core.training import Trainer, init_weights

TARGET_TRAIN = 700_000
TARGET_GRID = 6_000_000
TARGET_PEER_RATIO = 2.0
TARGET_FRAME_MS = 16.0
GRID = 200
SHAPE, POINTS, BATCH, LR = [2, 8, 8, 1], 500, 10, 0.03
ROUNDS, EPOCHS = 7, 40  # interleaved rounds; epochs per timed block
PEER = Path(__file__).resolve().parents[2] / "shared" / "peer-bench"


def _trainer(compiled: bool | None) -> Trainer:
    net = layered_network(SHAPE, "tanh", seed=0)
    init_weights(net, seed=0)
    data = builtin("circle", POINTS, 0.1, 0)
    return Trainer(net, data, "mse", "sgd", LR, BATCH, seed=0, compiled=compiled)


def train_rate(trainer: Trainer, epochs: int = EPOCHS) -> float:
    """Samples/s of ``epochs`` epochs (each with its record) of ``trainer``."""
    start = time.perf_counter()
    for _ in range(epochs):
        trainer.step_epoch()
    return epochs * POINTS / (time.perf_counter() - start)


def peer_fixture(folder: Path) -> Path:
    """The workload as the peer harness reads it (see its make_fixture.py)."""
    net = layered_network(SHAPE, "tanh", seed=0)
    init_weights(net, seed=0)
    data = builtin("circle", POINTS, 0.1, 0)
    ids, layers = list(net.neurons), []
    for size in SHAPE:
        layers.append(ids[:size])
        ids = ids[size:]
    pairs = list(zip(layers, layers[1:], strict=False))
    fixture = {
        "shape": SHAPE,
        "batch": BATCH,
        "lr": LR,
        "lr_playground": 2 * LR,  # its error is ½(o − t)²: twice our rate for the same step
        "x": data.inputs.tolist(),
        "t": data.targets[:, 0].tolist(),
        "orders": [],
        "weights": [[[net.synapses[(s, t)].weight for s in a] for t in b] for a, b in pairs],
        "biases": [[net.neurons[t].bias for t in b] for _, b in pairs],
        "layers": layers,
    }
    path = folder / "fx.json"
    path.write_text(json.dumps(fixture))
    return path


def peer_problem(peer: Path) -> str | None:
    """Why the peer cannot run here, or None."""
    if shutil.which("node") is None:
        return "node is not installed: no same-run ratio to the Playground's engine"
    if not (peer / "harness.js").is_file():
        return f"no peer bench at {peer}: no same-run ratio to the Playground's engine"
    return None


def peer_rates(peer: Path, fixture: Path, blocks: int = 3) -> tuple[float, float]:
    """(pure, with per-epoch loss) training samples/s of the Playground's engine: the median
    of ``blocks`` blocks of EPOCHS epochs after its own JIT warm-up."""
    out = subprocess.run(
        ["node", str(peer / "harness.js"), "train", str(fixture), str(EPOCHS), str(blocks)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    result = json.loads(out)
    return float(result["pure_samples_per_s"]), float(result["app_samples_per_s"])


def compare(peer: Path = PEER, rounds: int = ROUNDS) -> dict:
    """Interleaved rounds: ours compiled (when numba is there), ours in numpy, the peer."""
    problem = peer_problem(peer)
    compiled, numpy_path = _trainer(None), _trainer(False)
    for trainer in (compiled, numpy_path):
        trainer.step_epoch()  # warm up (and compile, or load the compiled loop)
    rates: dict[str, list[float]] = {"ours": [], "numpy": [], "peer": [], "peer_app": []}
    with tempfile.TemporaryDirectory() as folder:
        fixture = peer_fixture(Path(folder)) if problem is None else None
        for _ in range(rounds):
            rates["ours"].append(train_rate(compiled))
            rates["numpy"].append(train_rate(numpy_path))
            if fixture is not None:
                pure, app = peer_rates(peer, fixture)
                rates["peer"].append(pure)
                rates["peer_app"].append(app)

    def ratio(a: str, b: str) -> float | None:
        if not rates[b]:
            return None
        return round(statistics.median(x / y for x, y in zip(rates[a], rates[b], strict=True)), 2)

    median = {k: round(statistics.median(v)) if v else None for k, v in rates.items()}
    return {
        "train_samples_per_s": median["ours"],
        "train_samples_per_s_best": round(max(rates["ours"])),  # the least disturbed block
        "train_compiled": compiled.compiled,
        "train_compiled_problem": None if compiled.compiled else jit.reason(),
        "train_samples_per_s_numpy": median["numpy"],
        "compiled_vs_numpy": ratio("ours", "numpy"),
        "peer_train_samples_per_s": median["peer"],
        "peer_train_app_samples_per_s": median["peer_app"],
        "peer_ratio_train": ratio("ours", "peer"),
        "peer_ratio_train_app": ratio("ours", "peer_app"),
        "numpy_peer_ratio_train": ratio("numpy", "peer"),
        "peer": problem or f"TensorFlow Playground's engine (node), {rounds} interleaved rounds",
        "final_loss": compiled.history[-1].loss,
    }


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
            session.step() if i == 0 else session.frame()  # evaluates the new weights
            for panel in panels:  # what asked, is on screen and is not drawn yet
                if getattr(panel, "on_screen", panel.isVisible)():  # (older trees: visible)
                    panel.flush()
            app.processEvents()  # paints every widget the frame changed, once
            times.append((time.perf_counter() - start) * 1e3)
        session.pause()  # the run becomes its undo step, then nothing to ask on close
        window.document.undo_stack.setClean()
        window.close()
    return round(statistics.median(times[warmup:]), 2)


def load_average() -> list[float] | None:
    """The 1-, 5- and 15-minute load averages (None where the system has none)."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


def run(peer: Path = PEER) -> dict:
    load_before = load_average()
    started = time.perf_counter()
    result = compare(peer)
    grid = grid_samples_per_s()
    train, ratio = result["train_samples_per_s"], result["peer_ratio_train"]
    targets = {
        "train_samples_per_s": TARGET_TRAIN,
        "grid200_samples_per_s": TARGET_GRID,
        "peer_ratio_train": TARGET_PEER_RATIO,
    }
    result.update(
        {
            "grid200_samples_per_s": round(grid),
            "targets": targets,
            "ok": train >= TARGET_TRAIN
            and grid >= TARGET_GRID
            and (ratio is None or ratio >= TARGET_PEER_RATIO),
            "live_train_frame_ms": live_train_frame_ms(),
            "live_train_frame_target_ms": TARGET_FRAME_MS,
            "load_average": load_before,  # at the start; the end's is below
            "load_average_end": load_average(),
            "seconds": round(time.perf_counter() - started, 1),
            "numpy": np.__version__,
            "python": platform.python_version(),
            "machine": platform.machine(),
        }
    )
    return result


def print_table(result: dict) -> None:
    load = result["load_average"]
    print(f"load average {load} at the start, {result['load_average_end']} at the end")
    for key, target in result["targets"].items():
        value = result[key]
        if value is None:
            print(f"{key:<30}{'-':>12}   target ≥ {target:,}   not measured: {result['peer']}")
            continue
        verdict = "ok" if value >= target else "MISSED"
        print(f"{key:<30}{value:>12,}   target ≥ {target:,}   {verdict}")
    for key in (
        "train_samples_per_s_best",
        "train_samples_per_s_numpy",
        "compiled_vs_numpy",
        "peer_train_samples_per_s",
        "peer_train_app_samples_per_s",
        "peer_ratio_train_app",
        "numpy_peer_ratio_train",
    ):
        value = result[key]
        print(f"{key:<30}{'-' if value is None else f'{value:,}':>12}")
    if not result["train_compiled"]:
        print(f"training ran in numpy: {result['train_compiled_problem']}")
    print(f"{'final loss':<30}{result['final_loss']:>12.4f}")
    frame = result["live_train_frame_ms"]
    if frame is not None:
        verdict = "ok" if frame <= TARGET_FRAME_MS else "MISSED"
        print(
            f"{'live_train_frame_ms':<30}{frame:>12.2f}   target ≤ {TARGET_FRAME_MS:g}   {verdict}"
        )
    print(f"peer: {result['peer']}; {result['seconds']} s")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--peer", type=Path, default=PEER, help="the peer bench folder")
    args = parser.parse_args(argv)
    result = run(args.peer)
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    raise SystemExit(main())
