"""Fixtures for the main-window tests: recorded dialogs, throw-away settings, a window.

Use them with ``pytest_plugins = ["shell_fixtures"]`` (or import the fixtures by name).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from neurosim.ui import files
from neurosim.ui.app import default_network
from neurosim.ui.mainwindow import MainWindow

Button = QMessageBox.StandardButton


@dataclass
class Dialogs:
    """Stands in for modal dialogs: records what was asked, answers from a script."""

    calls: list[tuple[str, str, str]] = field(default_factory=list)
    answer: Button = Button.Discard  # to "Unsaved changes"
    open_path: str = ""
    save_path: str = ""
    outside_answer: str = "keep"  # to "File changed elsewhere": keep mine (Save As)

    def kinds(self) -> list[str]:
        return [kind for kind, _, _ in self.calls]

    def texts(self, kind: str) -> list[str]:
        return [text for k, _, text in self.calls if k == kind]


@pytest.fixture
def dialogs(monkeypatch) -> Dialogs:
    record = Dialogs()

    def box(kind: str, answer=None):
        def show(_parent, title, text, *args, **kwargs):
            record.calls.append((kind, title, text))
            return record.answer if answer is None else answer

        return staticmethod(show)

    monkeypatch.setattr(QMessageBox, "warning", box("warning"))
    monkeypatch.setattr(QMessageBox, "question", box("question"))
    monkeypatch.setattr(QMessageBox, "critical", box("critical", Button.Ok))
    monkeypatch.setattr(QMessageBox, "information", box("information", Button.Ok))
    monkeypatch.setattr(QMessageBox, "about", box("about", Button.Ok))

    def get_open(*_args, **_kwargs):
        record.calls.append(("open_dialog", "", record.open_path))
        return record.open_path, ""

    def get_save(_parent, _caption, directory="", filter_="", *args, **kwargs):
        record.calls.append(("save_dialog", filter_, directory))
        return record.save_path, ""

    def outside_change(_parent, name, gone, saving):
        record.calls.append(("outside_change", name, "gone" if gone else "changed"))
        return record.outside_answer

    monkeypatch.setattr(files, "ask_outside_change", outside_change)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(get_open))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(get_save))
    return record


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def make_window(qtbot, settings: QSettings, network=None, **options) -> MainWindow:
    """A shown main window with ``network`` (the default example); ``options`` go to
    :class:`MainWindow` (e.g. ``autosave=True, recovery_folder=...``)."""
    window = MainWindow(settings=settings, **options)
    qtbot.addWidget(window)
    window.open_network(network or default_network())
    window.show()
    qtbot.waitExposed(window)
    # On a real X server without a window manager nothing activates a new window, and
    # window shortcuts (F5, PageDown) only reach the active one: activate it as a desktop would.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return window


@pytest.fixture
def window(qtbot, settings, dialogs) -> MainWindow:
    return make_window(qtbot, settings)


@pytest.fixture
def new_window(qtbot, settings, dialogs):
    """Make more windows sharing the test's settings: ``new_window(network=None)``."""
    return lambda network=None: make_window(qtbot, settings, network)
