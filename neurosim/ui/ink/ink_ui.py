"""Draw on the screen in the window: View ▸ Draw on Screen (Ctrl+D), the overlay, its palette.

In presentation mode the same action sits on the transport bar (the menu bar is hidden
there) and Ctrl+D works too; leaving presentation stops drawing. Esc while drawing clears
the ink; a second Esc stops drawing and, in presentation mode, leaves it as Esc did before.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from neurosim.ui.i18n import translate
from neurosim.ui.ink.overlay import InkOverlay
from neurosim.ui.ink.palette import InkPalette
from neurosim.ui.lessons.presentation import Presentation
from neurosim.ui.plots.transport import TransportBar

SHORTCUT = QKeySequence("Ctrl+D")


class InkUI(QObject):
    """``overlay`` over ``window`` with its ``palette``; ``action`` turns drawing on and off."""

    def __init__(
        self,
        window: QMainWindow,
        presentation: Presentation,
        transport: TransportBar,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.presentation = presentation
        self.transport = transport
        self.overlay = InkOverlay(window, clock)
        self.palette = InkPalette(self.overlay, lambda: self.set_drawing(False))
        self._focus_before: QWidget | None = None
        self.action = QAction(pen_icon(), translate("InkUI", "&Draw on Screen"), window)
        self.action.setCheckable(True)
        self.action.setIconText(translate("InkUI", "Draw"))  # on the transport bar
        self.action.setShortcut(SHORTCUT)
        self.action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = translate(
            "InkUI",
            "Laser pointer, pen, highlighter and eraser over the whole window; never part "
            "of the network or of undo. Keys: L P M E, C clears, 1 2 3 colours, Esc",
        )
        self.action.setStatusTip(tip)
        self.action.setToolTip(
            translate("InkUI", "Draw on Screen ({keys}): {tip}").format(
                keys=SHORTCUT.toString(), tip=tip
            )
        )
        self.action.toggled.connect(self.set_drawing)
        window.addAction(self.action)  # Ctrl+D with the menu bar hidden (presentation)
        self.overlay.leave_requested.connect(self._on_escape_with_no_ink)
        presentation.toggled.connect(self._on_presentation_toggled)
        window.installEventFilter(self)

    @property
    def drawing(self) -> bool:
        return self.overlay.drawing

    def set_drawing(self, on: bool) -> None:
        """Start drawing (the overlay takes the pointer and the keys) or stop (ink goes)."""
        on = bool(on)
        if on == self.overlay.drawing:
            self.action.setChecked(on)
            return
        if on:
            self._focus_before = QApplication.focusWidget()
        self.overlay.set_drawing(on)
        self.action.setChecked(on)
        if on:
            self.palette.refresh()
            self.overlay.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self._focus_before is not None:
            self._focus_before.setFocus(Qt.FocusReason.OtherFocusReason)
            self._focus_before = None

    def _on_escape_with_no_ink(self) -> None:
        self.set_drawing(False)
        if self.presentation.active:
            self.presentation.leave()  # what Esc does there when nobody draws

    def _on_presentation_toggled(self, on: bool) -> None:
        self.overlay.clear()  # the layout changes under it: the ink would point at nothing
        if on:  # beside the clock's buttons: a touch screen has no Ctrl+D (the bar's
            # right end, the speed boxes, goes to its » menu first on a narrow screen)
            actions = self.transport.actions()
            reset = self.transport.reset_action
            after = actions[actions.index(reset) + 1] if reset in actions[:-1] else None
            self.transport.insertAction(after, self.action)
        else:
            self.transport.removeAction(self.action)
            self.set_drawing(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.window and self.overlay.drawing:
            kind = event.type()
            if kind == QEvent.Type.Resize:
                self.overlay.follow_parent()
                self.palette.place()
            elif kind in (QEvent.Type.ChildAdded, QEvent.Type.LayoutRequest):
                # a bar or dock added later (presentation's title) must not cover the ink
                QTimer.singleShot(0, self.overlay, self.overlay.raise_)
        return False


def pen_icon(colour: QColor | None = None) -> QIcon:
    """A slanted pen with a red stroke under it."""
    pixmap = QPixmap(64, 64)
    pixmap.fill(Qt.GlobalColor.transparent)
    p = QPainter(pixmap)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(QPen(QColor(230, 60, 20), 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawLine(QPointF(8, 56), QPointF(40, 56))
    p.translate(32, 30)
    p.rotate(45)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour or QColor(70, 70, 70))
    p.drawRoundedRect(QRectF(-7, -26, 14, 40), 3, 3)
    p.drawPolygon([QPointF(-7, 16), QPointF(7, 16), QPointF(0, 28)])
    p.end()
    return QIcon(pixmap)
