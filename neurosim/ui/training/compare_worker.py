"""The Compare activations runs in a QThread: core objects only, results by signal."""

from __future__ import annotations

import threading
import time
import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from neurosim.core.compare import RunResult
from neurosim.core.text_marks import message_of
from neurosim.core.training import TrainingError
from neurosim.ui.core_text import core_text
from neurosim.ui.i18n import translate


class CompareWorker(QObject):
    """Runs the comparison in its thread; touches no Qt object but its own signals."""

    progressed = Signal(int, int, str)
    finished = Signal(object)  # list[RunResult]
    failed = Signal(str)

    def __init__(self, job: Callable[..., list[RunResult]]) -> None:
        super().__init__()
        self.job = job
        self.cancel_event = threading.Event()
        self._last = 0.0

    def run(self) -> None:
        try:
            results = self.job(progress=self._progress, cancelled=self.cancel_event.is_set)
        except TrainingError as exc:
            self.failed.emit(core_text(message_of(exc)))  # the core's words, translated
        except Exception as exc:  # a bug: say so, and never leave the dialog waiting
            traceback.print_exc()
            self.failed.emit(
                translate(
                    "CompareWorker", "the comparison stopped on an internal error: {error}"
                ).format(error=repr(exc))
            )
        else:
            self.finished.emit(results)

    def _progress(self, done: int, total: int, name: str) -> None:
        now = time.perf_counter()
        if now - self._last >= 0.05 or done == total:  # ≤ 20 updates a second
            self._last = now
            self.progressed.emit(done, total, name)
