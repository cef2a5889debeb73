"""In-place editing of a number: a small line edit over the canvas.

Enter applies (through a callback that pushes a command), Esc or clicking elsewhere cancels.
Text that is not a finite number keeps the editor open, outlined in red, with the reason.

Signals of :class:`ValueEditor`:
    refused(str): the typed text was not accepted; the reason for the status bar.
    closed(): the editor is gone (applied or cancelled).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QFont, QKeyEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from neurosim.core.numbers import parse_typed
from neurosim.ui.i18n import translate


def parse_number(text: str) -> float:
    """A finite float from what a user types ("0.75", "−1,5", " 2e3 "); ValueError otherwise
    (the one reading of typed numbers: :func:`neurosim.core.numbers.parse_typed`)."""
    return parse_typed(text)


def editable_text(value: float) -> str:
    """The starting text: short, but exact enough that Enter without changes is harmless."""
    text = f"{value:.6g}"
    return text if float(text) == value else repr(value)


class ValueEditor(QLineEdit):
    """A one-shot editor; ``apply(value)`` returns a refusal reason or None when done."""

    refused = Signal(str)
    closed = Signal()

    _STYLE = (
        "QLineEdit {{ background: white; color: #1a1a1a; border: 2px solid {c};"
        " border-radius: 4px; padding: 1px 4px; }}"
    )

    def __init__(
        self,
        parent: QWidget,
        what: str,
        value: float,
        apply: Callable[[float], str | None],
        pixel_size: int = 16,
    ) -> None:
        super().__init__(parent)
        self.what = what
        self._apply = apply
        self._done = False
        font = QFont(self.font())
        font.setPixelSize(pixel_size)
        font.setBold(True)
        self.setFont(font)
        self.setStyleSheet(self._STYLE.format(c="#7b2cbf"))
        self.setText(editable_text(value))
        self.setToolTip(
            translate("ValueEditor", "{what}: Enter applies · Esc cancels").format(what=what)
        )
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        width = self.fontMetrics().horizontalAdvance("−0.000000") + 20
        self.resize(width, self.fontMetrics().height() + 12)
        self.returnPressed.connect(self.commit)

    def show_at(self, center: QPoint) -> None:
        """Show centred on a viewport point and take the keyboard."""
        self.move(center.x() - self.width() // 2, center.y() - self.height() // 2)
        self.show()
        self.raise_()
        self.selectAll()
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def commit(self) -> bool:
        """Apply the typed value; True when it was accepted and the editor closed."""
        if self._done:
            return False
        try:
            value = parse_number(self.text())
        except ValueError as exc:  # the core's reading says what is wrong with the text
            self._refuse(f"{self.what}: {exc}")
            return False
        problem = self._apply(value)
        if problem:
            self._refuse(problem)
            return False
        self.close_editor()
        return True

    def _refuse(self, reason: str) -> None:
        self.setStyleSheet(self._STYLE.format(c="#d73027"))
        self.setToolTip(reason)
        self.refused.emit(reason)

    def close_editor(self) -> None:
        """Close without applying anything (Esc, focus lost, the edited item vanished)."""
        if self._done:
            return
        self._done = True
        self.hide()
        self.closed.emit()
        self.deleteLater()

    @property
    def is_open(self) -> bool:
        return not self._done

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close_editor()
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason:  # a context menu keeps it open
            self.close_editor()

    def event(self, event: QEvent) -> bool:
        # Esc must reach keyPressEvent even when a window action uses it as a shortcut.
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Escape
        ):
            event.accept()
            return True
        return super().event(event)
