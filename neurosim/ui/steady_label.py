"""A label for a figure that changes many times a second (the sparsity sentence in the status
bar): its width only grows, and a new text repaints the label alone.

A plain ``QLabel`` asks its parent to lay out again at every ``setText``; the status bar
answers a layout request by repainting itself whole, its other figures included — at every
clock step. Here the label sits in a holder that no layout manages (its request stops
there), and the holder asks the status bar for room only when a text is wider than any
before.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget


class SteadyLabel(QWidget):
    """Text shown by :attr:`label`; ``text``/``setText`` as a ``QLabel``'s."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(self)
        self._widest = QSize(0, 0)

    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # noqa: N802 - as QLabel's
        if text == self.label.text():
            return
        self.label.setText(text)
        hint = self.label.sizeHint()
        if hint.width() > self._widest.width() or hint.height() > self._widest.height():
            self._widest = self._widest.expandedTo(hint)
            self.updateGeometry()

    def setToolTip(self, tip: str) -> None:  # noqa: N802 - Qt
        super().setToolTip(tip)
        self.label.setToolTip(tip)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        self._widest = self._widest.expandedTo(self.label.sizeHint())
        return self._widest

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.sizeHint()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)
