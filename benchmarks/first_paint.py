"""Time from starting NeuroSim to its first painted window (warm: the second and later runs).

Each run is a fresh Python process doing what ``neurosim`` does at start — import the app,
build the main window with the default example, show it — and reporting the first paint of
the window. The figure is the wall time from launching the process to that report.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _harness  # one BLAS thread, offscreen Qt, repo on sys.path

TARGET_S = 1.5
CHILD = r"""
from PySide6.QtCore import QEvent, QObject
from neurosim.ui import errors
from neurosim.ui.app import _window, application, default_network, dispose

app = application()
errors.install()
window = _window(default_network())


class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("painted", flush=True)
            app.quit()
        return False


probe = FirstPaint()
window.installEventFilter(probe)
window.show()
app.exec()
dispose(window)  # now, not from PySide's exit hook (a segfault there)
"""


def one_start(env: dict[str, str]) -> float:
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    elapsed = time.perf_counter() - start
    _, errors = child.communicate(timeout=60)
    if line.strip() != "painted":
        raise RuntimeError("the window never painted")
    if child.returncode != 0:  # a crash at exit is a bug, not noise
        raise RuntimeError(f"the app exited with {child.returncode}: {errors[-800:]}")
    return elapsed


def measure(runs: int = 5) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        env = {
            **os.environ,
            "XDG_CONFIG_HOME": home,
            "XDG_CACHE_HOME": home,
            "XDG_DATA_HOME": home,
            "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
        }
        # A user's Python caches compiled modules (pip compiles them at install); a machine
        # that says not to (PYTHONDONTWRITEBYTECODE) would compile ~240 modules at every
        # start, ~0.25 s no user pays. The first, cold run writes the cache.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        times = [one_start(env) for _ in range(runs)]
    warm = times[1:]  # the first run fills the file cache
    return {
        "first_paint_s": round(statistics.median(warm), 3),
        "first_paint_s_cold": round(times[0], 3),
    }


if __name__ == "__main__":
    load = _harness.load_average()
    print(measure() | {"load_average": load})
