"""Live plots under a running clock: frame rate, frame cost, update cost, memory.

    python3 benchmarks/gui_live.py           a table
    python3 benchmarks/gui_live.py --json    one JSON object

A 2-input, 50-neuron tanh network ([2, 16, 16, 14, 2]; x1 a sine, x2 Gaussian noise) in the
real main window (``_window.open_window``) with every panel open side by side at 1920×1080
(offscreen platform unless QT_QPA_PLATFORM says otherwise), the decision surface at
100 × 100, the clock at 60 steps/s for a few seconds. ``window.py`` has the issue's figures
for the default layout and an example lesson.

- ``live_fps``: frames painted per second (a frame: the panels repainting after a tick;
  target ≥ 55).
- ``live_frame_ms_median`` / ``_max``: busy time per frame — the clock's steps (sources +
  one evaluation each, the canvas recolouring its neurons), the panels' data updates and
  the paint events of the panels and the canvas (target: max ≤ 33 ms).
- ``update_ms_median``: the same without painting: evaluate + canvas + panel updates
  (target ≤ 12 ms).
- ``surface_ms_median``: one full decision-surface recomputation (forward of 10 000 rows
  + contour), which happens only when weights, biases or other inputs change.
- ``rss_growth_mb_100k``: resident memory growth over 100 000 further steps (run directly,
  with the event loop turning so the panels keep redrawing). Flat ring buffers: ≈ 0.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time

import _harness  # one BLAS thread, offscreen Qt, repo on sys.path
import pyqtgraph as pg
from _window import close_window, open_window
from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication

from neurosim.core.builders import layered_network
from neurosim.core.sources import default_source
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.clock import FrameTimer, SimulationClock

#: key -> (at most / at least, limit)
TARGETS = {
    "update_ms_median": ("max", 12.0),
    "live_frame_ms_max": ("max", 33.0),
    "live_fps": ("min", 55.0),
}


def missed(result: dict, targets: dict = TARGETS) -> list[str]:
    """The keys of ``result`` that miss their target."""
    return [
        key
        for key, (kind, limit) in targets.items()
        if (result[key] > limit if kind == "max" else result[key] < limit)
    ]


def benchmark_network():
    net = layered_network([2, 16, 16, 14, 2], activation="tanh", seed=1)
    net.set_source("x1", default_source("sine") | {"period": 120.0})
    net.set_source("x2", default_source("gaussian") | {"std": 0.5, "seed": 3})
    return net


class Recorder:
    """Times, per frame: the clock's steps since the last frame, the panels' updates in the
    frame and the paint events that follow it (a frame: one pass of the FrameTimer)."""

    def __init__(self) -> None:
        self.frames: list[dict[str, float]] = []
        self._steps = 0.0  # step time not yet given to a frame
        self._patch()

    def _patch(self) -> None:
        recorder = self
        advance, on_frame, paint = (
            SimulationClock._advance,
            FrameTimer._on_frame,
            pg.GraphicsView.paintEvent,
        )
        canvas_paint = CanvasView.paintEvent

        def timed_advance(clock, n):
            start = time.perf_counter()
            advance(clock, n)
            recorder._steps += time.perf_counter() - start

        def timed_frame(timer):
            start = time.perf_counter()
            on_frame(timer)
            recorder.frames.append(
                {
                    "step": recorder._steps,
                    "paint": 0.0,
                    "painted": 0.0,
                    "update": time.perf_counter() - start,
                }
            )
            recorder._steps = 0.0

        def timed_paint(view, event):
            start = time.perf_counter()
            result = paint(view, event)
            if recorder.frames:
                recorder.frames[-1]["paint"] += time.perf_counter() - start
                recorder.frames[-1]["painted"] = 1.0
            return result

        def timed_canvas_paint(view, event):
            start = time.perf_counter()
            result = canvas_paint(view, event)
            if recorder.frames:
                recorder.frames[-1]["paint"] += time.perf_counter() - start
            return result

        SimulationClock._advance = timed_advance
        FrameTimer._on_frame = timed_frame
        pg.GraphicsView.paintEvent = timed_paint
        CanvasView.paintEvent = timed_canvas_paint


def rss_mb() -> float:
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure(
    seconds: float = 5.0,
    speed: int = 60,
    steps: int = 100_000,
    warm_s: float = 1.0,
    warm_steps: int = 5000,
) -> dict[str, float]:
    """The figures: ``seconds`` of frames after ``warm_s`` of warm-up, then memory over
    ``steps`` after ``warm_steps``."""
    app = QApplication.instance() or QApplication([])
    recorder = Recorder()
    window = open_window(benchmark_network(), every_panel=True)
    live = window.live_plots
    clock = live.clock
    clock.set_speed(speed)
    clock.run()
    timer = QElapsedTimer()
    timer.start()
    warm = warm_s * 1000  # ms before frames count
    while timer.elapsed() < warm:
        app.processEvents()
    recorder.frames.clear()
    start, t_start = time.perf_counter(), clock.t
    while timer.elapsed() < warm + seconds * 1000:
        app.processEvents()
    elapsed, t_end = time.perf_counter() - start, clock.t
    clock.pause()
    frames = [f for f in recorder.frames if f["painted"]]
    busy = [(f["step"] + f["update"] + f["paint"]) * 1e3 for f in frames]
    update = [(f["step"] + f["update"]) * 1e3 for f in frames]
    surface_ms = _surface_ms(live.surface)
    rss_growth = _rss_growth(app, clock, steps, warm_steps)
    close_window(window)
    return {
        "live_fps": len(frames) / elapsed,
        "live_frame_ms_median": statistics.median(busy),
        "live_frame_ms_max": max(busy),
        "update_ms_median": statistics.median(update),
        "surface_ms_median": surface_ms,
        "steps_per_second": (t_end - t_start) / elapsed,
        "rss_growth_mb_100k": rss_growth,
    }


def _surface_ms(panel, repeats: int = 20) -> float:
    times = []
    for _ in range(repeats):
        panel._surface_stale = True
        start = time.perf_counter()
        panel.redraw()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def _rss_growth(app: QApplication, clock: SimulationClock, steps: int, warm_steps: int) -> float:
    for i in range(warm_steps):  # warm up: buffers, caches and pyqtgraph's paths exist
        clock.step()
        if i % 50 == 0:
            app.processEvents()
    before = rss_mb()
    for i in range(steps):
        clock.step()
        if i % 50 == 0:
            app.processEvents()
    app.processEvents()
    return rss_mb() - before


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--steps", type=int, default=100_000)
    args = parser.parse_args()
    load = _harness.load_average()
    result = measure(args.seconds, steps=args.steps)
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in result.items()} | {"load_average": load}))
    else:
        print(f"load average before the run (1, 5, 15 min): {load}")
        for key, value in result.items():
            kind, limit = TARGETS.get(key, (None, None))
            note = f"  (target {'≤' if kind == 'max' else '≥'} {limit})" if kind else ""
            print(f"{key:24s} {value:10.3f}{note}")
    return 1 if missed(result) else 0


if __name__ == "__main__":
    sys.exit(main())
