"""The compiled loop's background load, and the garbage it leaves, at moments the user is idle.

:func:`neurosim.core.jit_warmup.when_idle` hands over two calls: the go-ahead for the load
(it holds the interpreter lock for ~0.3 s) and turning Python's collector back on after it
(freeing numba's compiler objects costs ~25 ms). :class:`IdleCollector` makes each on the
GUI thread once nothing has happened for a moment (no mouse button held, no edit or clock
step for QUIET_MS): not a hitch under the user's hand, in a slider drag or a running clock.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from neurosim.core import jit_warmup

POLL_MS = 250
#: how long the window must have been still
QUIET_MS = 1000
#: collect anyway after this long (a button held down for minutes)
PATIENCE_MS = 8000


class IdleCollector(QObject):
    """Lives on the GUI thread; :meth:`hand_over` may be called from any thread."""

    handed = Signal(object)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pending: Callable[[], None] | None = None
        self._waited = 0
        self._still = QElapsedTimer()
        self._still.start()
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._try)
        self.handed.connect(self._received)  # queued: the emitter is the warm-up thread

    def activity(self) -> None:
        """Something changed on screen (an edit, a step): not the moment."""
        self._still.restart()

    def hand_over(self, collect: Callable[[], None]) -> None:
        self.handed.emit(collect)

    def _received(self, collect: Callable[[], None]) -> None:
        self._pending, self._waited = collect, 0
        self._timer.start()

    def _try(self) -> None:
        self._waited += POLL_MS
        busy = (
            QApplication.mouseButtons() != Qt.MouseButton.NoButton
            or self._still.elapsed() < QUIET_MS
        )
        if self._pending is None or (busy and self._waited < PATIENCE_MS):
            return
        self._timer.stop()
        collect, self._pending = self._pending, None
        collect()


def install_idle_collector() -> IdleCollector | None:
    """Once per application: the warm-up's hand-over goes to the GUI thread."""
    app = QCoreApplication.instance()
    if app is None:
        return None
    collector = app.findChild(IdleCollector)
    if collector is None:
        collector = IdleCollector(app)
        jit_warmup.when_idle(collector.hand_over)
    return collector
