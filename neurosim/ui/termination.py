"""SIGTERM and SIGHUP (logout, ``kill``) end the session like a quit, not like a crash.

Python runs a signal handler only when the interpreter gets control, which Qt's event loop
may not give it for a long time. So the handler does nothing itself: Python's wakeup file
descriptor (``signal.set_wakeup_fd``) writes the signal's number into one end of a socket
pair, a ``QSocketNotifier`` on the other end wakes the event loop, and the watcher
announces ``terminated`` there, on the UI thread, where the window can save its state.

Signals of :class:`TerminationWatcher`:
    terminated(int): SIGTERM or SIGHUP arrived (the signal's number).
"""

from __future__ import annotations

import signal
import socket
from types import FrameType

from PySide6.QtCore import QObject, QSocketNotifier, Signal

#: the signals that end a session politely (SIGHUP: the terminal or the desktop went)
SIGNALS = tuple(s for s in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)) if s)


class TerminationWatcher(QObject):
    """Turns SIGTERM/SIGHUP into ``terminated`` on the event loop (see the module docstring).

    Only one may be installed (it owns the process's wakeup descriptor); :meth:`uninstall`
    gives the signals their previous handlers back."""

    terminated = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._previous = {sig: signal.signal(sig, _ignore) for sig in SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_wakeup)

    def _on_wakeup(self, *_: object) -> None:
        try:
            data = self._reader.recv(64)
        except BlockingIOError:
            return
        for number in data:  # one byte per signal received
            if number in SIGNALS:
                self.terminated.emit(number)
                return

    def uninstall(self) -> None:
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        self._reader.close()
        self._writer.close()


def _ignore(_signum: int, _frame: FrameType | None) -> None:
    """Python's part of the handler: nothing (the wakeup byte does the work)."""
