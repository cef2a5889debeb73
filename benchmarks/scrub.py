"""Scrubbing back in time (issue 16 §4): the cost of recording, the scrub frame rate, memory.

    python benchmarks/scrub.py            a table
    python benchmarks/scrub.py --json     one JSON object (the keys below)
    python benchmarks/scrub.py --quick    tiny sizes: the script runs (figures mean nothing)

The 50-neuron live benchmark's network (``gui_live.benchmark_network``: [2, 16, 16, 14, 2]
tanh, x1 a sine, x2 Gaussian noise) in the real main window (default layout, 1280×800).

- ``record_ms_per_step``: the median time ``StepHistory.record`` takes per clock step (the
  clock stepped one step at a time through the window; target < 1 ms).
- ``step_ms_median``: a whole clock step in the window (sources, evaluation, recording and
  the views' updates, without painting), for scale.
- ``scrub_fps``: the clock run for 2,000 steps, then the timeline slider dragged back and
  forth with real mouse events (a move every 8 ms, 3 px each) for 4 s: the window's frames
  per second, each showing a new step (canvas paints that followed a move; target ≥ 30).
  The timeline shows at most one move per display frame (16 ms), so ~60 is the ceiling.
- ``scrub_cpu_ms_per_frame``: the process's CPU time during that drag per frame shown — what
  a frame costs, whatever the machine's load; ``scrub_fps_one_core`` = 1000 / it, the frame
  rate with a core to itself (capped at 60 by the pacing). ``scrub_load_1min``: the load
  average read right after the drag (the machine is shared: on 2 cores a load of 10 leaves
  the process ~20 % of a core, and ``scrub_fps`` falls with it).
- ``scrub_epochs_fps``, ``scrub_epochs_cpu_ms_per_frame``: the same drag over the epochs of
  a 300-epoch training run of this network (circle data, chosen by the window): each frame
  sets that epoch's ~550 weights and biases and evaluates.
- ``scrub_move_ms_median``: one move at a time, from the event to the end of the last paint
  it caused (the window quiet for 60 ms before the next).
- ``history_bytes_full``: the step history's own count of its bytes with 10,000 steps of this
  network; ``history_real_bytes_full``: the same measured with tracemalloc;
  ``history_ceiling_bytes``: the ceiling it never passes (oldest dropped);
  ``epoch_history_bytes_full``: 2,000 epochs of this network's parameters as training
  records them (``epoch_history_real_bytes_full``: with tracemalloc; ``epoch_record_us``:
  the time recording one epoch takes).
"""

from __future__ import annotations

import os
import statistics
import time
import tracemalloc

import _harness  # noqa: F401  (one BLAS thread, offscreen Qt, repo on sys.path)
import numpy as np
from _window import PaintWatch, close_window, open_window
from gui_live import benchmark_network
from PySide6.QtCore import QEvent, Qt, QTimer
from window import _mouse, drag_ms
from window_live import _Frames, run_loop

from neurosim.core.datasets import Dataset
from neurosim.core.engine import Engine
from neurosim.core.history import DEFAULT_CEILING, EPOCH_CAPACITY, STEP_CAPACITY, StepHistory
from neurosim.core.training import Trainer
from neurosim.core.training_history import TrainingHistory
from neurosim.ui.app import application

TARGETS = {"record_ms_per_step": ("max", 1.0), "scrub_fps": ("min", 30.0)}


def record_cost(steps: int) -> tuple[float, float]:
    """(median ms of recording, median ms of a whole step) over ``steps`` single steps."""
    window = open_window(benchmark_network())
    clock = window.clock
    history = clock.simulation.history
    record, spent = history.record, []

    def timed(*args, **kwargs):
        start = time.perf_counter()
        out = record(*args, **kwargs)
        spent.append((time.perf_counter() - start) * 1e3)
        return out

    history.record = timed  # type: ignore[method-assign]
    whole = []
    try:
        for _ in range(steps):
            start = time.perf_counter()
            clock.step(1)
            whole.append((time.perf_counter() - start) * 1e3)
    finally:
        close_window(window)
    return statistics.median(spent), statistics.median(whole)


def scrub_fps(steps: int, seconds: float) -> dict[str, float]:
    """Frames per second, CPU ms per frame and the median ms from a move to its last paint
    while dragging over ``steps`` clock steps."""
    window = open_window(benchmark_network())
    watch = PaintWatch()
    try:
        window.clock.step(steps)
        watch.until_painted(time.perf_counter())
        slider = window.scrub.bar.slider
        latency = drag_ms(slider, watch, 20)
        assert window.scrub.controller.in_past, "the drag did not reach the past"
        fps, cpu_ms = _continuous_drag(window, slider, seconds)
    finally:
        watch.remove()
        close_window(window)
    return {
        "scrub_fps": round(fps, 1),
        "scrub_cpu_ms_per_frame": round(cpu_ms, 2),
        "scrub_fps_one_core": round(min(60.0, 1000 / cpu_ms), 1),
        "scrub_load_1min": round(os.getloadavg()[0], 2),
        "scrub_move_ms_median": round(statistics.median(latency), 2),
    }


def scrub_epochs_fps(epochs: int, seconds: float) -> dict[str, float]:
    """The same drag over the epochs of a training run of ``epochs`` epochs."""
    window = open_window(benchmark_network())
    session = window.training.session
    try:
        session.set_settings(stop_after=epochs, epochs_per_frame=50)
        assert session.train(), session.message
        while session.running:
            run_loop(0.05)
        assert window.scrub.controller.track == "epochs"
        slider = window.scrub.bar.slider
        assert slider.maximum() == epochs
        window.scrub.controller.go_to(epochs // 2)
        run_loop(0.1)
        fps, cpu_ms = _continuous_drag(window, slider, seconds)
    finally:
        close_window(window)
    return {
        "scrub_epochs_fps": round(fps, 1),
        "scrub_epochs_cpu_ms_per_frame": round(cpu_ms, 2),
        "scrub_epochs_load_1min": round(os.getloadavg()[0], 2),
    }


def _continuous_drag(window, slider, seconds: float) -> tuple[float, float]:
    """A hand dragging without pause: a mouse move every 8 ms (a 125 Hz mouse), 3 px each,
    back and forth, for ``seconds``; (frames shown per second = the canvas's paints per
    second, counted only when the window really moved to a new moment; the process's CPU
    ms per frame shown)."""
    frames = _Frames([window.canvas.viewport()])
    moved = [0]
    window.scrub.controller.moved.connect(lambda _s: moved.__setitem__(0, moved[0] + 1))
    lo, hi = 10, slider.width() - 10
    state = {"x": (lo + hi) // 2, "dir": -1}
    left = Qt.MouseButton.LeftButton
    _mouse(slider, QEvent.Type.MouseButtonPress, handle_x(slider), left)

    def move() -> None:
        if not lo <= state["x"] + 3 * state["dir"] <= hi:
            state["dir"] = -state["dir"]
        state["x"] += 3 * state["dir"]
        _mouse(slider, QEvent.Type.MouseMove, state["x"], left)

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(move)
    frames.reset()
    moved[0] = 0
    start, cpu = time.perf_counter(), time.process_time()
    timer.start(8)
    run_loop(seconds)
    timer.stop()
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    _mouse(slider, QEvent.Type.MouseButtonRelease, state["x"], Qt.MouseButton.NoButton)
    shown = min(frames.counts[window.canvas.viewport()], moved[0])
    frames.remove()
    return shown / wall, cpu * 1e3 / max(1, shown)


def handle_x(slider) -> int:
    lo, hi = 10, slider.width() - 10
    span = max(1, slider.maximum() - slider.minimum())
    return lo + (hi - lo) * (slider.value() - slider.minimum()) // span


def history_bytes(steps: int, epochs: int) -> dict[str, int]:
    net = benchmark_network()
    ev = Engine(net).evaluate()
    history = StepHistory()
    tracemalloc.start()
    for t in range(steps):
        history.record(t, ev.ids, ev.is_input, ev.y[0], ev.fired[0], net)
    real, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    # training's own recorder (parameters read from the trainer's vector)
    ins = [n.id for n in net.of_kind("input")]
    outs = [n.id for n in net.of_kind("output")]
    x = np.random.default_rng(0).uniform(-1, 1, (160, len(ins)))
    t = np.tanh(x[:, :1] * x[:, -1:]).repeat(len(outs), 1)
    trainer = Trainer(net, Dataset("bench", x, t, ins, outs, "regression"), compiled=False)
    figures = {"loss": trainer.measure().loss, "accuracy": 0.5}
    epochs_ring = TrainingHistory()
    start = time.perf_counter()
    for e in range(epochs):
        epochs_ring.record_trainer(e, trainer, figures)
    record_us = (time.perf_counter() - start) / epochs * 1e6
    epochs_ring.clear()
    tracemalloc.start()
    for e in range(epochs):
        epochs_ring.record_trainer(e, trainer, figures)
    real_epochs, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "history_bytes_full": history.ring.nbytes,
        "history_real_bytes_full": real,
        "history_steps_kept": len(history.ring),
        "history_ceiling_bytes": history.ring.ceiling,
        "epoch_history_bytes_full": epochs_ring.ring.nbytes,
        "epoch_history_real_bytes_full": real_epochs,
        "epoch_record_us": round(record_us, 2),
    }


def run(quick: bool = False) -> dict:
    app = application()
    result: dict = {"qpa": app.platformName()}
    record_ms, step_ms = record_cost(30 if quick else 600)
    result["record_ms_per_step"] = round(record_ms, 4)
    result["step_ms_median"] = round(step_ms, 3)
    result.update(scrub_fps(*((100, 0.5) if quick else (2000, 4.0))))
    result.update(scrub_epochs_fps(*((20, 0.5) if quick else (300, 4.0))))
    result.update(history_bytes(*((200, 50) if quick else (STEP_CAPACITY, EPOCH_CAPACITY))))
    assert result["history_ceiling_bytes"] == DEFAULT_CEILING
    result["targets"] = {key: {kind: limit} for key, (kind, limit) in TARGETS.items()}
    result["missed"] = [
        key
        for key, (kind, limit) in TARGETS.items()
        if (result[key] > limit if kind == "max" else result[key] < limit)
    ]
    result["ok"] = not result["missed"]
    return result


def print_table(result: dict) -> None:
    print(f"platform: {result['qpa']}")
    for key, value in result.items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            kind, limit = TARGETS.get(key, (None, None))
            note = f"target {'≤' if kind == 'max' else '≥'} {limit:g}" if kind else ""
            verdict = ("MISSED" if key in result["missed"] else "ok") if kind else ""
            print(f"{key:<28} {value:>14,.4f}   {note:<14} {verdict}")


def main(argv: list[str] | None = None) -> int:
    return _harness.main(__doc__, run, print_table, argv)


if __name__ == "__main__":
    raise SystemExit(main())
