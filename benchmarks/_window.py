"""The real main window for the GUI benchmarks, and a clock for "event → painted".

:func:`open_window` builds ``MainWindow`` exactly as ``neurosim FILE`` does (throw-away
settings, so the default layout), optionally with every panel open side by side.
:class:`PaintWatch` times from an input event to the end of the last paint it caused: it
spins the event loop until nothing has been painted for ``IDLE_MS`` (the frame timer's
coalescing delay is inside that), and reports when the last painting pass ended.
"""

from __future__ import annotations

import resource
import tempfile
import time

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget

from neurosim.core.model import Network
from neurosim.ui import app as app_module
from neurosim.ui.app import application
from neurosim.ui.mainwindow import MainWindow

SIZE = (1280, 800)
SIZE_EVERY_PANEL = (1920, 1080)  # room for every panel side by side (else the window tabs them)
IDLE_MS = 60.0  # no paint for this long after the last one: the event's work is done
BUSY_TURN_S = 0.005  # a turn of the event loop this long did work
PAINTS = (QEvent.Type.Paint, QEvent.Type.UpdateRequest)


def open_window(network: Network, every_panel: bool = False) -> MainWindow:
    """The main window at 1280×800 (1920×1080 with every panel) showing ``network``, shown,
    exposed and settled."""
    app = application()
    folder = tempfile.mkdtemp(prefix="neurosim-bench-")
    window = MainWindow(settings=QSettings(f"{folder}/s.ini", QSettings.Format.IniFormat))
    window.open_network(network)
    window.clock.pause()  # an example may start its clock; the caller runs it when it wants
    window.resize(*SIZE)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    settle(app, 300)
    if every_panel:
        window.resize(*SIZE_EVERY_PANEL)
        settle(app, 100)
        open_every_panel(window)
        settle(app, 300)
    window.canvas.fit_to_view()
    settle(app, 200)
    # as run_gui does once its window shows (absent before it did: then nothing)
    getattr(app_module, "keep_out_of_collections", lambda: None)()
    return window


def open_every_panel(window: MainWindow) -> None:
    """Every dock shown, none behind a tab: the plots side by side below the canvas, the
    rest stacked in the right column."""
    bottom = Qt.DockWidgetArea.BottomDockWidgetArea
    docks = window.findChildren(QDockWidget)
    areas = {dock: window.dockWidgetArea(dock) for dock in docks}
    for dock in docks:
        window.removeDockWidget(dock)  # out of its tab group
    for dock in docks:
        if areas[dock] == bottom:
            window.addDockWidget(bottom, dock, Qt.Orientation.Horizontal)
        else:
            window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        dock.setFloating(False)
        dock.show()


def close_window(window: MainWindow) -> None:
    window.document.undo_stack.setClean()  # nothing to ask
    window.close()
    window.deleteLater()
    settle(QApplication.instance(), 50)


def settle(app: QApplication, ms: float) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


class PaintWatch(QObject):
    """Counts paint passes anywhere in the application (an application event filter)."""

    def __init__(self) -> None:
        super().__init__()
        self.paints = 0
        self.app = QApplication.instance()
        self.app.installEventFilter(self)

    def eventFilter(self, _obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() in PAINTS:
            self.paints += 1
        return False

    def remove(self) -> None:
        self.app.removeEventFilter(self)

    def until_painted(self, start: float, timeout_s: float = 5.0) -> float:
        """Ms from ``start`` to the end of the last event-loop pass that painted, once the
        window has been quiet for IDLE_MS (0 if nothing painted)."""
        last = None
        busy = start  # a turn of the event loop still working is not quiet: an edit's
        while True:  # whole work may come in one long turn before its one paint pass
            before = self.paints
            turn = time.perf_counter()
            self.app.processEvents()
            now = time.perf_counter()
            if self.paints != before:
                last = now
            if now - turn > BUSY_TURN_S:
                busy = now
            quiet_since = max(last if last is not None else start, busy)
            if (now - quiet_since) * 1e3 > IDLE_MS or now - start > timeout_s:
                break
            time.sleep(0.0005)
        return 0.0 if last is None else (last - start) * 1e3


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
