"""The global exception hook: an unexpected error shows a dialog and the app keeps running.

Python calls ``sys.excepthook`` for an exception that escapes the main code, and PySide6
calls it for one that escapes a slot or an overridden virtual (``paintEvent``…), after which
Qt carries on. The hook records the error, prints it to stderr and, unless dialogs are
disabled (tests), shows :class:`ErrorDialog` once control is back in the event loop — never
from inside the failing handler, so a painting or mouse handler is not re-entered.
While one dialog is pending or open, further errors are only recorded and counted, so an
error repeated on every repaint cannot pile up dialogs or recurse.
"""

from __future__ import annotations

import platform
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtCore import Qt, QTimer, qVersion
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from neurosim.ui.i18n import translate

#: show the modal dialog (tests set this to False and look at ``reports``)
show_dialogs = True
#: called with each report, after it is recorded
listeners: list[Callable[[ErrorReport], None]] = []
#: the most recent reports, oldest first
reports: list[ErrorReport] = []
MAX_REPORTS = 50

_previous_hook: Callable | None = None
_dialog_busy = False
_missed = 0


@dataclass
class ErrorReport:
    summary: str  # "ZeroDivisionError: division by zero"
    details: str  # the traceback

    def text(self) -> str:
        """Everything a bug report needs: versions, the error and its traceback."""
        from neurosim import __version__

        return (
            f"NeuroSim {__version__}, Python {platform.python_version()}, Qt {qVersion()}, "
            f"{platform.platform()}\n\n{self.summary}\n\n{self.details}"
        )


def install() -> None:
    """Make :func:`handle` the exception hook (idempotent)."""
    global _previous_hook
    if sys.excepthook is not handle:
        _previous_hook = sys.excepthook
        sys.excepthook = handle


def uninstall() -> None:
    """Put back the hook that was there before :func:`install`."""
    global _previous_hook
    if sys.excepthook is handle:
        sys.excepthook = _previous_hook or sys.__excepthook__
    _previous_hook = None


def handle(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """The hook itself: record, print, and show a dialog later; never raises."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        app = QApplication.instance()
        if app is not None:
            app.quit()
        return
    try:
        report = ErrorReport(
            "".join(traceback.format_exception_only(exc_type, exc)).strip(),
            "".join(traceback.format_exception(exc_type, exc, tb)).strip(),
        )
        reports.append(report)
        del reports[:-MAX_REPORTS]
        print(report.details, file=sys.stderr)
        for listener in list(listeners):
            listener(report)
        _schedule_dialog(report)
    except Exception:  # noqa: BLE001 - the hook must never fail, or it would be called again
        sys.__excepthook__(exc_type, exc, tb)


def _schedule_dialog(report: ErrorReport) -> None:
    global _dialog_busy, _missed
    if not show_dialogs or QApplication.instance() is None:
        return
    if _dialog_busy:
        _missed += 1
        return
    _dialog_busy = True
    _missed = 0
    QTimer.singleShot(0, lambda: _show_dialog(report))


def _show_dialog(report: ErrorReport) -> None:
    global _dialog_busy
    try:
        ErrorDialog(report, QApplication.activeWindow()).exec()
    except Exception as exc:  # noqa: BLE001 - a failing dialog must not call the hook again
        print(f"(could not show the error dialog: {exc!r})", file=sys.stderr)
    finally:
        _dialog_busy = False


class ErrorDialog(QDialog):
    """The error, a "Show details" toggle for the traceback, and "Copy report"."""

    def __init__(self, report: ErrorReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(translate("ErrorDialog", "NeuroSim: unexpected error"))
        text = translate(
            "ErrorDialog",
            "Something went wrong inside NeuroSim. Your network is unchanged and you can keep "
            "working; saving it now is a good idea.\n\n{error}",
        ).format(error=report.summary)
        if _missed:
            more = translate("ErrorDialog", "(%n more error(s) happened meanwhile.)", "", _missed)
            text += "\n\n" + more
        message = QLabel(text, self)
        message.setWordWrap(True)
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(report.text(), self)
        self.details.setReadOnly(True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setVisible(False)
        self.details.setMinimumHeight(220)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.toggle_button = QPushButton(translate("ErrorDialog", "Show details"), self)
        self.toggle_button.setCheckable(True)
        self.toggle_button.toggled.connect(self._on_toggled)
        self.copy_button = QPushButton(translate("ErrorDialog", "Copy report"), self)
        self.copy_button.setToolTip(
            translate("ErrorDialog", "Copy the error and its traceback, to paste into a bug report")
        )
        self.copy_button.clicked.connect(self.copy_report)
        buttons.addButton(self.toggle_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)
        self.resize(560, 200)

    def _on_toggled(self, on: bool) -> None:
        self.details.setVisible(on)
        self.toggle_button.setText(
            translate("ErrorDialog", "Hide details")
            if on
            else translate("ErrorDialog", "Show details")
        )
        self.resize(self.width(), 520 if on else 200)

    def copy_report(self) -> None:
        QApplication.clipboard().setText(self.report.text())
        self.copy_button.setText(translate("ErrorDialog", "Copied"))
