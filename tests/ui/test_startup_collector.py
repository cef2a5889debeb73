"""Once the window is up, what the app built at start is kept out of the garbage collector's
reach (``gc.freeze``): a collection walking it stalled the event loop for 60-120 ms."""

from __future__ import annotations

import gc
import os
import subprocess
import sys

from neurosim.ui.app import keep_out_of_collections

CHILD = r"""
import gc, sys
from PySide6.QtWidgets import QApplication
from neurosim.ui import app as ns_app

def report(*_args):  # the event loop would run here: say what is frozen, then quit
    print(gc.get_freeze_count(), flush=True)
    return 0

QApplication.exec = report
sys.exit(ns_app.run_gui(None))
"""


def test_the_running_app_has_frozen_its_start(tmp_path) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    frozen = int(done.stdout.split()[0])
    assert frozen > 20_000  # the modules, the window and its parts


def test_objects_made_later_are_still_collected() -> None:
    try:
        keep_out_of_collections()
        assert gc.get_freeze_count() > 0

        class Cycle:
            pass

        a, b = Cycle(), Cycle()
        a.other, b.other = b, a
        del a, b
        assert gc.collect() >= 2  # the new cycle is found and freed
    finally:
        gc.unfreeze()
