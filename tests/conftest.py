"""Test-session environment: headless Qt, one BLAS thread, throw-away QSettings.

This runs before any test module is imported, so the variables below are in place before
numpy or Qt load (both read them once, at import / QApplication creation).
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from types import ModuleType

import pytest

# One BLAS thread: deterministic sums and no oversubscription on small CI machines.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

# QSettings (native format on Linux) lives under XDG_CONFIG_HOME: point it at a temporary
# folder so tests never read or overwrite the user's real settings.
# The same for the cache (start-page thumbnails) and data (crash-recovery files) folders.
_CONFIG_HOME = tempfile.mkdtemp(prefix="neurosim-test-config-")
os.environ["XDG_CONFIG_HOME"] = _CONFIG_HOME
for _var, _sub in (("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data")):
    os.environ[_var] = os.path.join(_CONFIG_HOME, _sub)
# The tests read English whatever the machine's language (zh_CN ones ask for it: ``zh_cn``)
os.environ["NEUROSIM_LANG"] = "en"


@pytest.hookimpl(trylast=True)
def pytest_configure(config) -> None:
    # After pytest-xvfb (when installed and Xvfb is on the machine) has started a virtual X
    # server and set DISPLAY: the GUI tests then run on a real X server. Without a display
    # they render offscreen. An explicit QT_QPA_PLATFORM always wins. Qt reads it when the
    # first QApplication is made, which no module does at import.
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_offscreen_screen()}")


#: the test screen, offscreen and under Xvfb alike (pyproject's xvfb_width/height): the
#: 1280×800 the window is designed for, so a window that fits itself to the screen (it does)
#: gets the same room on both
SCREEN = (1280, 800)


def _offscreen_screen() -> str:
    path = os.path.join(_CONFIG_HOME, "offscreen-screen.json")
    width, height = SCREEN
    screen = {"name": "test", "x": 0, "y": 0, "width": width, "height": height}
    screen.update(logicalDpi=96, logicalBaseDpi=96, dpr=1)
    with open(path, "w", encoding="utf-8") as fh:
        json.dump({"screens": [screen]}, fh)
    return path


def pytest_report_header(config) -> str:
    platform = os.environ.get("QT_QPA_PLATFORM") or f"xcb on DISPLAY={os.environ.get('DISPLAY')}"
    return f"Qt platform: {platform}"


def pytest_unconfigure(config) -> None:
    # The offscreen platform segfaults at exit when the clipboard still holds our data.
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.clipboard().clear()
    shutil.rmtree(_CONFIG_HOME, ignore_errors=True)


class FakeClock:
    """Stands in for the ``time`` module of the code under test: ``perf_counter()`` reads a
    clock that moves only when the test says so — ``step`` seconds at every read (as if
    each timed piece of work took that long) and whatever :meth:`advance` adds. Budgets,
    deadlines and durations then come out the same on any machine, however busy."""

    def __init__(self, step: float = 0.0) -> None:
        self.now = 1000.0
        self.step = step
        self.reads = 0

    def perf_counter(self) -> float:
        now = self.now
        self.now += self.step
        self.reads += 1
        return now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def fake_clock(monkeypatch) -> Callable[..., FakeClock]:
    """``clock = fake_clock(module, …, step=0.001)``: each module's ``time`` becomes one
    :class:`FakeClock` until the test ends (the modules must ``import time`` and call
    ``time.perf_counter()``; anything else they ask of it fails loudly)."""

    def install(*modules: ModuleType, step: float = 0.0) -> FakeClock:
        clock = FakeClock(step)
        for module in modules:
            assert module.time.__name__ == "time", f"{module.__name__} has no time module"
            monkeypatch.setattr(module, "time", clock)
        return clock

    return install


@pytest.fixture
def zh_cn(qapp) -> Iterator[None]:
    """The app's text in Simplified Chinese for one test (English again afterwards)."""
    from neurosim.ui.i18n import install_language

    assert install_language("zh_CN"), "no zh_CN catalog: run python packaging/translations.py"
    yield
    install_language("en")


@pytest.fixture(autouse=True)
def _formula_activations_stay_in_their_test() -> Iterator[None]:
    """Formula activations a test defines (the registry is one per process) are taken out
    afterwards, so later tests, and the generated activation table, see the built-ins."""
    from neurosim.core.custom_activations import INSTALLED, uninstall

    before = set(INSTALLED)
    yield
    for name in set(INSTALLED) - before:
        uninstall(name)


@pytest.fixture(autouse=True)
def english_plurals(request) -> None:
    """GUI tests read the app's English as users do: with its plural forms ("1 epoch",
    "3 epochs"), which come from the English catalog."""
    if "qtbot" in request.fixturenames or "qapp" in request.fixturenames:
        from neurosim.ui.i18n import current_language, install_language

        request.getfixturevalue("qapp")
        if current_language() != "en" or not _english[0]:
            _english[0] = install_language("en")


_english = [False]
