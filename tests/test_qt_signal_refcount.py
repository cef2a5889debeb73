"""Regression test: PySide6 6.12.0 on Python 3.11 loses a reference to True per emit().

With that release every ``Signal.emit()`` decremented ``True``'s reference count once too
often; after a few thousand emissions (pyqtgraph emits constantly) the interpreter died with
``Fatal Python error: bool_dealloc``. pyproject.toml pins PySide6 < 6.12 on Python < 3.12;
this test proves the installed PySide6 does not have the bug.

The emissions run in a child process so a crash shows up as a readable failure instead of
killing pytest.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

EMITS = 100_000

CHILD = r"""
import json, sys
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

app = QApplication([])
N = int(sys.argv[1])


class Emitter(QObject):
    flag_changed = Signal(bool)
    poked = Signal()
    value_changed = Signal(object)
    range_changed = Signal(object, object)


received = []
emitter = Emitter()
emitter.flag_changed.connect(lambda flag: received.append(flag) if len(received) < 1 else None)
emitter.poked.connect(lambda: None)
emitter.value_changed.connect(lambda value: None)
emitter.range_changed.connect(lambda view, changed: None)
action = QAction("toggle")
action.setCheckable(True)
action.toggled.connect(lambda checked: None)   # a C++ signal carrying a bool into Python


def run(name, emit_once):
    before = sys.getrefcount(True)
    for _ in range(N):
        emit_once()
    return name, sys.getrefcount(True) - before


def toggle():
    action.setChecked(not action.isChecked())


deltas = dict([
    run("Signal(bool).emit(True)", lambda: emitter.flag_changed.emit(True)),
    run("Signal().emit()", emitter.poked.emit),
    run("Signal(object).emit(True)", lambda: emitter.value_changed.emit(True)),
    # pyqtgraph's ViewBox.sigRangeChanged carries a [bool, bool] list
    run("Signal(object, object).emit(...)",
        lambda: emitter.range_changed.emit(emitter, [True, False])),
    run("QAction.toggled(bool)", toggle),
])
print(json.dumps({"deltas": deltas, "received": received}))
"""


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12")
def test_signal_emit_keeps_references_to_true() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(EMITS)], capture_output=True, text=True, timeout=300
    )
    assert proc.returncode == 0, (
        f"emitting Qt signals crashed the interpreter (exit {proc.returncode}):\n"
        f"{proc.stderr[-2000:]}"
    )
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["received"] == [True]  # the slots really ran
    lost = {name: delta for name, delta in result["deltas"].items() if delta < 0}
    assert not lost, f"references to True lost over {EMITS} emits: {lost}"
