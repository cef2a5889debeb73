"""Starting the GUI: the application object, the first network, the self-test, screenshots."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QSettings,
    QSize,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QIcon, QImage
from PySide6.QtWidgets import QApplication, QWidget

from neurosim.core import fileformat
from neurosim.core.fileformat import FileFormatError
from neurosim.core.model import Network
from neurosim.paths import resource_path
from neurosim.ui.i18n import chosen_language, install_language, translate
from neurosim.ui.image_files import write_png
from neurosim.ui.screenshot import Shot, take
from neurosim.ui.termination import TerminationWatcher

if TYPE_CHECKING:  # the window is imported when one is made: the CLI starts without Qt widgets
    from neurosim.ui.mainwindow import MainWindow

APP_NAME = "NeuroSim"
DESKTOP_FILE = "neurosim"  # packaging/linux/neurosim.desktop
ICON_SIZES = (16, 32, 48, 64, 128, 256, 512)
EXAMPLE = ("examples", "single_neuron.nsim.json")
SELFTEST_STEPS = 5


def use_c_locale() -> None:
    """Every number in the C locale, whatever the system's: a dot before the decimals and
    no thousands separator, in the boxes, on the canvas, in equations, plots and CSV files
    alike (a maths tool must not read "0.25" as 25 under LANG=de_DE). Qt widgets made
    after this read and write numbers so; the app's own text is Python's, which is C."""
    locale = QLocale.c()
    locale.setNumberOptions(
        QLocale.NumberOption.OmitGroupSeparator | QLocale.NumberOption.RejectGroupSeparator
    )
    QLocale.setDefault(locale)


def application() -> QApplication:
    """The running QApplication, created (named for QSettings) if there is none yet; numbers
    in the C locale (:func:`use_c_locale`)."""
    use_c_locale()
    app = QApplication.instance()
    if app is None:
        if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
            qInstallMessageHandler(_quiet_offscreen)
        app = QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    # Wayland and the GNOME/KDE docks match a window to neurosim.desktop (its icon, its name).
    app.setDesktopFileName(DESKTOP_FILE)
    app.setWindowIcon(app_icon())
    if not _language_set:
        _language_set.append(install_language(chosen_language()))
    return app


_language_set: list[bool] = []  # the language is chosen once per process


def app_icon() -> QIcon:
    """The NeuroSim icon: the PNG sizes, and the SVG for every other size.

    The PNGs come first so the icon still draws where Qt's SVG plug-in is missing (a
    trimmed build); a null icon means the resources are missing.
    """
    icon = QIcon()
    for size in ICON_SIZES:
        png = _resource("icons", "hicolor", f"{size}x{size}", "apps", "neurosim.png")
        if png is not None:
            icon.addFile(str(png), QSize(size, size))
    svg = _resource("icons", "neurosim.svg")
    if svg is not None:
        icon.addFile(str(svg))
    return icon


def _quiet_offscreen(_mode: QtMsgType, _context: object, message: str) -> None:
    # The offscreen platform warns about every window it cannot resize like a desktop
    # would; that says nothing to someone rendering a screenshot. Everything else is shown.
    if "does not support propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def _resource(*parts: str) -> Path | None:
    try:
        path = resource_path(*parts)
    except (FileNotFoundError, ValueError):
        return None
    return path if path.is_file() else None


def default_network() -> Network:
    """The example shown at start: one output neuron with two inputs."""
    path = _resource(*EXAMPLE)
    if path is not None:
        try:
            return fileformat.load(path)
        except FileFormatError as exc:  # a damaged installation should still start
            print(f"warning: {exc}", file=sys.stderr)
    net = Network({"title": "One neuron, two inputs"})
    net.add_neuron("input", "x1", label="x₁", position=(0, -80), value=1.0)
    net.add_neuron("input", "x2", label="x₂", position=(0, 80), value=0.5)
    net.add_neuron("output", "y1", label="y", position=(280, 0), bias=-0.2)
    net.add_synapse("x1", "y1", 0.7)
    net.add_synapse("x2", "y1", -0.3)
    return net


def _window(
    network: Network,
    path: Path | None = None,
    settings: QSettings | None = None,
    autosave: bool = False,
) -> MainWindow:
    from neurosim.ui.mainwindow import MainWindow

    window = MainWindow(settings=settings, autosave=autosave)
    window.open_network(network, path)
    return window


def keep_out_of_collections() -> None:
    """Put every object made so far (modules, the window and its parts: they live as long as
    the app) out of the garbage collector's reach. Otherwise a collection that walks them,
    80,000 objects and more, stalls the event loop for 60-120 ms now and then: a visible
    hitch in a slider drag or a running clock. Objects made later are collected as usual.
    (No collection first: at this point it finds no garbage and costs ~100 ms.)"""
    gc.freeze()


def run_gui(path: str | None) -> int:
    """Open the main window with ``path`` (or the example) and run until it is closed."""
    from neurosim.ui import errors

    app = application()
    errors.install()
    # the example as a lesson copy (PageDown pages on from it); a clean quit removes the
    # recovery copy
    window = _window(default_network(), _resource(*EXAMPLE), autosave=True)
    # SIGTERM/SIGHUP (logout, kill): close like a quit, keep unsaved work, drop the lock
    watcher = TerminationWatcher(app)
    watcher.terminated.connect(lambda _signal: window.terminate())
    window.show()
    keep_out_of_collections()

    def start() -> None:
        # Once the loop runs, so a bad file's message appears over a drawn window.
        # Work left by a crash is offered first, beside ``path`` (open it instead, or
        # restore the work: then ``path`` is not opened, and the status bar says so).
        restored = window.offer_restore(path)
        if not restored and path:
            window.open_file(path)
        elif restored and path:
            window.show_status(
                translate("App", "Restored your unsaved work; {name} was not opened").format(
                    name=Path(path).name
                ),
                15000,
            )
        elif not restored:  # the very first start: the examples as cards, over the default
            window.lessons.show_start_page_at_launch()

    QTimer.singleShot(0, start)
    try:
        return app.exec()
    finally:
        watcher.uninstall()
        dispose(window)


def dispose(window: QWidget) -> None:
    """Destroy ``window`` now, while Python is whole. Left to interpreter exit, PySide
    deletes it from an atexit hook, where the Python overrides its plots' widgets call
    (pyqtgraph's ``setGeometry``, ``itemChange``) meet a half-finalised interpreter and
    crash the process (a segfault after the window has closed)."""
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def colour_count(image: QImage, limit: int = 64, step: int = 4) -> int:
    """How many distinct colours a grid of pixels holds (stops counting at ``limit``)."""
    seen: set[int] = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
            if len(seen) >= limit:
                return len(seen)
    return len(seen)


def _throwaway_settings(folder: str) -> QSettings:
    # Screenshots and the self-test must look the same on every machine: no saved layout.
    return QSettings(os.path.join(folder, "settings.ini"), QSettings.Format.IniFormat)


def render_network(
    network: Network,
    path: Path | None,
    png_out: str | Path,
    size: tuple[int, int] = (1280, 800),
    check: Callable[[MainWindow], None] | None = None,
    shot: Shot | None = None,
) -> None:
    """Render the main window showing ``network`` to a PNG; OSError if it cannot be written.

    ``shot`` says the time and the mode (default: the whole window at t = 0, at ``size``);
    ``check(window)``, if given, runs on the shown window before it is rendered.
    """
    app = application()
    shot = shot or Shot(size=size)
    with tempfile.TemporaryDirectory(prefix="neurosim-shot-") as folder:
        window = _window(network, path, _throwaway_settings(folder))
        try:
            write_png(take(window, shot, check), png_out)
        finally:
            window.document.undo_stack.setClean()  # nothing to ask on close
            window.close()
            window.deleteLater()
            app.processEvents()


def render_screenshot(path_in: str, png_out: str, size: tuple[int, int] = (1280, 800)) -> None:
    """Render the main window with the network file ``path_in`` to ``png_out``.

    Raises FileFormatError for a file that cannot be loaded, OSError for an unwritable output.
    """
    if not os.environ.get("QT_QPA_PLATFORM") and QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    render_network(fileformat.load(path_in), Path(path_in), png_out, size)


class SelftestError(Exception):
    """The window came up wrong; the message says how."""


def _selftest_window(window: MainWindow) -> None:
    """The icon is there and the clock runs: SELFTEST_STEPS steps move it to that t."""
    if window.windowIcon().isNull() or window.windowIcon().pixmap(64, 64).isNull():
        raise SelftestError("the window has no icon (resources/icons missing or unreadable)")
    clock = window.clock
    clock.reset()
    clock.step(SELFTEST_STEPS)
    QApplication.processEvents()
    if clock.t != SELFTEST_STEPS:
        raise SelftestError(f"the clock took {clock.t} steps, not {SELFTEST_STEPS}")


def run_selftest() -> int:
    """Open the window offscreen with the example, check its icon, run the clock a few
    steps, render it, and check the picture is not blank. 0 if all is well."""
    if QApplication.instance() is None:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    application()
    out = Path(tempfile.mkdtemp(prefix="neurosim-selftest-")) / "selftest.png"
    try:
        render_network(default_network(), None, out, check=_selftest_window)
    except (OSError, SelftestError) as exc:
        print(f"selftest: FAILED: {exc}", file=sys.stderr)
        return 1
    colours = colour_count(QImage(str(out)))
    if colours < 2:
        print(f"selftest: FAILED: the window rendered blank ({out})", file=sys.stderr)
        return 1
    print(out)
    return 0
