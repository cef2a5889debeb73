"""The live clock in the real main window, in its running event loop (see window.py).

``measure(network, every_panel, seconds)``: the clock at 60 steps/s for ``seconds`` after a
second of warm-up. ``live_fps``: frames shown per second, the slowest of the canvas's and
each visible time plot's (traces, raster, sparsity) paints per second. ``live_gap_ms_max``:
the longest interval of a 4 ms timer (how long the event loop went without turning).
``live_cpu_share``: CPU time over wall time (1.0 = one core).
"""

from __future__ import annotations

import time

from _window import close_window, cpu_seconds, open_window
from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer

from neurosim.core.model import Network

SPEED = 60
GAP_TIMER_MS = 4


class _Frames(QObject):
    """Counts the paints of the views that change at every step: the canvas and each visible
    time plot (their viewports). A frame is shown when all are painted, so the figure is
    the slowest of them."""

    def __init__(self, views: list[QObject]) -> None:
        super().__init__()
        self.counts = dict.fromkeys(views, 0)
        self.views = views
        for view in views:  # on them only: a filter on the application costs every event
            view.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Paint and obj in self.counts:
            self.counts[obj] += 1
        return False

    def reset(self) -> None:
        self.counts = dict.fromkeys(self.counts, 0)

    def remove(self) -> None:
        for view in self.views:
            view.removeEventFilter(self)


class _Gaps(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(GAP_TIMER_MS)
        self.timer.timeout.connect(self._tick)
        self.last = time.perf_counter()
        self.worst = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst = 0.0
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst = max(self.worst, (now - self.last) * 1e3)
        self.last = now


def run_loop(seconds: float) -> None:
    loop = QEventLoop()
    QTimer.singleShot(round(seconds * 1000), loop.quit)
    loop.exec()


def measure(network: Network, every_panel: bool, seconds: float) -> dict[str, float]:
    window = open_window(network, every_panel)
    canvas = window.canvas.viewport()
    live = window.live_plots  # the time plots: they scroll at every step
    plots = [  # on screen: a dock behind a tab is "visible" to Qt (older trees: visible)
        p.view.viewport()
        for p in (live.traces, live.raster, live.sparsity)
        if getattr(p, "on_screen", p.isVisible)()
    ]
    frames = _Frames([canvas, *plots])
    gaps = _Gaps()
    clock = window.clock
    try:
        clock.set_speed(SPEED)
        clock.run()
        run_loop(min(1.0, seconds))  # warm up
        frames.reset()
        gaps.start()
        wall, cpu, t0 = time.perf_counter(), cpu_seconds(), clock.t
        run_loop(seconds)
        wall, cpu = time.perf_counter() - wall, cpu_seconds() - cpu
        steps = clock.t - t0
        clock.pause()
    finally:
        gaps.timer.stop()
        frames.remove()
        close_window(window)
    return {
        "live_fps": round(min(frames.counts.values()) / wall, 2),
        "live_canvas_fps": round(frames.counts[canvas] / wall, 2),
        "live_plots_fps_min": round(min(frames.counts[p] for p in plots) / wall, 2)
        if plots
        else None,
        "live_plots_shown": len(plots),
        "live_gap_ms_max": round(gaps.worst, 2),
        "live_cpu_share": round(cpu / wall, 3),
        "live_steps_per_second": round(steps / wall, 2),
    }
