"""The app quits cleanly: exit status 0 and nothing on stderr, with the training docks open.

Left to interpreter exit, PySide deleted the window from an atexit hook, where pyqtgraph's
Python overrides met a half-finalised interpreter: a segfault in one exit out of two or
three when the app quit with its window open and its plots' layout still pending, and a
RuntimeError from the Train dock's ``visibilityChanged`` reaching a deleted scatter-plot
item. Each run here is a fresh process, so a crash shows as a status."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from neurosim.paths import resource_path

CHILD = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from neurosim.ui import app as ns_app

real_exec = QApplication.exec
kept = []  # as the app's own closures and gc.freeze do, the window outlives run_gui

def exec_then_close(*_args):  # the user opens the training docks, then quits
    def close():
        for widget in QApplication.topLevelWidgets():
            if widget.objectName() == "main_window":
                kept.append(widget)
                for dock in widget.training.docks.values():
                    dock.show()
                QApplication.processEvents()
                if sys.argv[2] == "close":
                    widget.close()
        QApplication.quit()  # "quit": the window still open, as when the session ends
    QTimer.singleShot(0, close)
    return real_exec()

QApplication.exec = exec_then_close
sys.exit(ns_app.run_gui(sys.argv[1]))
"""


@pytest.mark.parametrize("how", ["close", "close", "quit", "quit", "quit"])
def test_quitting_leaves_no_crash_and_no_traceback(tmp_path, how: str) -> None:
    lesson = resource_path("examples", "06a-sparse-relu.nsim.json")
    env = {
        **os.environ,
        "XDG_CONFIG_HOME": str(tmp_path),
        "XDG_CACHE_HOME": str(tmp_path),
        "XDG_DATA_HOME": str(tmp_path),
        "QT_QPA_PLATFORM": "offscreen",
    }
    done = subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", CHILD, str(lesson), how],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "Error" not in done.stderr, done.stderr
