"""The truth table in the window: its panel, its dock and View ▸ Truth Table (F7).

The main window places the dock (hidden until asked for, a tab of the right column beside
the inspector: its full height holds 64 rows) and puts the action in its View menu.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow

from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.docks import make_dock
from neurosim.ui.document import Document
from neurosim.ui.exercises.controller import ExerciseController
from neurosim.ui.i18n import translate
from neurosim.ui.theme import Theme
from neurosim.ui.truth_table.panel import TruthTablePanel

SHORTCUT = QKeySequence(Qt.Key.Key_F7)
MAX_SHARE = 0.6  # of the window's width, at most, when the table asks for room


class TruthTableUI(QObject):
    """``panel`` in ``dock``; ``action`` shows the dock in front of its tab group."""

    def __init__(
        self,
        document: Document,
        canvas: CanvasView,
        exercise: ExerciseController,
        theme: Theme,
        window: QMainWindow,
    ) -> None:
        super().__init__(window)
        self.window = window
        self.canvas = canvas
        self.panel = TruthTablePanel(document, canvas, exercise, theme)
        self.dock = make_dock(
            translate("TruthTableUI", "Truth Table"), self.panel, "truth_table", window
        )
        self.action = QAction(translate("TruthTableUI", "Truth &Table"), window)
        self.action.setShortcut(SHORTCUT)
        tip = translate(
            "TruthTableUI", "Every 0/1 combination of the inputs with the outputs' z, y and firing"
        )
        self.action.setStatusTip(tip)
        self.action.setToolTip(
            translate("TruthTableUI", "{tip} ({keys})").format(tip=tip, keys=SHORTCUT.toString())
        )
        self.action.triggered.connect(lambda _checked=False: self.show())
        window.addAction(self.action)  # F7 works with the menu bar hidden (presentation)

    def show(self) -> None:
        """Show the table in front (it computes when it shows) and give it the keyboard."""
        self.dock.show()
        self.dock.raise_()
        self.panel.refresh()
        if not self.dock.isFloating():  # as wide as its columns, up to most of the window
            width = min(self.panel.preferred_width(), round(self.window.width() * MAX_SHARE))
            if width > self.dock.width():
                self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
                # the canvas gave the room: keep the whole network in sight
                QTimer.singleShot(0, self.canvas, self.canvas.fit_to_view)
        self.panel.grid.setFocus()
        # once the dock has its size: a row scrolled to in a still tiny view is not in view
        QTimer.singleShot(0, self.panel, self.panel.scroll_to_current)
