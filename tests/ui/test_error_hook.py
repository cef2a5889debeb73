"""The exception hook: an error escaping a Qt handler is recorded and shown; the app goes on."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from neurosim.ui import errors


@pytest.fixture
def hook(monkeypatch):
    """The hook installed, dialogs off, a clean record; everything put back afterwards."""
    monkeypatch.setattr(errors, "show_dialogs", False)
    monkeypatch.setattr(errors, "reports", [])
    monkeypatch.setattr(errors, "listeners", [])
    monkeypatch.setattr(errors, "_dialog_busy", False)
    saved = sys.excepthook
    errors.install()
    yield errors
    errors.uninstall()
    sys.excepthook = saved


def fail() -> None:
    raise ZeroDivisionError("a slot went wrong")


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_slot_is_recorded_and_the_loop_keeps_running(qtbot, hook, capsys):
    heard = []
    hook.listeners.append(heard.append)
    QTimer.singleShot(0, fail)
    qtbot.waitUntil(lambda: len(hook.reports) == 1)
    # the event loop still runs: a later timer fires
    later = []
    QTimer.singleShot(0, lambda: later.append(True))
    qtbot.waitUntil(lambda: later == [True])
    report = hook.reports[0]
    assert report.summary == "ZeroDivisionError: a slot went wrong"
    assert "in fail" in report.details
    assert heard == [report]
    assert "ZeroDivisionError" in capsys.readouterr().err


def test_install_is_idempotent_and_uninstall_restores(hook):
    before = errors._previous_hook
    errors.install()
    assert sys.excepthook is errors.handle
    assert errors._previous_hook is before
    errors.uninstall()
    assert sys.excepthook is before


def test_one_dialog_at_a_time_and_a_failing_dialog_does_not_loop(qtbot, hook, monkeypatch):
    shown = []

    def exec_dialog(dialog):
        shown.append(dialog.report.summary)
        raise RuntimeError("the dialog itself failed")

    monkeypatch.setattr(errors, "show_dialogs", True)
    monkeypatch.setattr(errors.ErrorDialog, "exec", exec_dialog)
    for i in range(3):
        try:
            raise ValueError(f"error {i}")
        except ValueError:
            errors.handle(*sys.exc_info())
    qtbot.waitUntil(lambda: bool(shown))
    qtbot.wait(20)
    assert shown == ["ValueError: error 0"]  # the two others were only recorded
    assert len(hook.reports) == 3
    assert errors._dialog_busy is False  # the next error may show a dialog again


def test_dialog_shows_details_on_demand_and_copies_the_report(qtbot, hook):
    try:
        fail()
    except ZeroDivisionError:
        errors.handle(*sys.exc_info())
    dialog = errors.ErrorDialog(hook.reports[0])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.details.isVisible()
    dialog.toggle_button.click()
    assert dialog.details.isVisible()
    assert "Traceback" in dialog.details.toPlainText()
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "ZeroDivisionError: a slot went wrong" in copied and "NeuroSim" in copied


@pytest.mark.qt_no_exception_capture
def test_a_failing_view_leaves_the_document_and_window_working(qtbot, hook, tmp_path):
    from PySide6.QtCore import QSettings

    from neurosim.ui.app import default_network
    from neurosim.ui.commands import SetWeight
    from neurosim.ui.mainwindow import MainWindow

    window = MainWindow(settings=QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    window.open_network(default_network())
    doc = window.document

    def broken_view(_evaluation):
        raise RuntimeError("a plot could not draw")

    doc.evaluated.connect(broken_view)
    assert doc.push(SetWeight(doc.network, ("x1", "y1"), 1.5))
    qtbot.waitUntil(lambda: len(hook.reports) >= 1)
    assert hook.reports[0].summary == "RuntimeError: a plot could not draw"
    assert doc.network.synapses[("x1", "y1")].weight == 1.5  # the edit stands, undoable
    doc.evaluated.disconnect(broken_view)
    doc.undo_stack.undo()
    assert doc.network.synapses[("x1", "y1")].weight == 0.7
    assert window.isWindowModified() is False
