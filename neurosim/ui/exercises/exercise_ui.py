"""Exercises in the window: the student's checklist and locks, the teacher's authoring.

:class:`ExerciseUI` makes the Exercise dock (shown while the open file has an ``exercise``
section, hidden otherwise), the locks (``document.lock_policy``, padlocks on the canvas,
locked parameters kept out of training) and the Exercise Authoring… action; the main
window places the dock and puts the action in its Tools menu.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow

from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.docks import make_dock
from neurosim.ui.document import Document
from neurosim.ui.exercises.controller import ExerciseController
from neurosim.ui.exercises.panel import ExercisePanel
from neurosim.ui.i18n import translate
from neurosim.ui.lifetime import tied
from neurosim.ui.theme import Theme
from neurosim.ui.training.session import TrainingSession

if TYPE_CHECKING:  # opened on demand: its import waits for the first use
    from neurosim.ui.exercises.authoring import AuthoringDialog

__all__ = ["SOLVED_MESSAGE", "ExerciseUI"]

DOCK_WIDTH = 380
#: the status bar's message when the last goal is met (marked for the catalog: show it
#: as ``translate("ExerciseUI", SOLVED_MESSAGE)``)
SOLVED_MESSAGE = QT_TRANSLATE_NOOP(
    "ExerciseUI", "Exercise solved ✓ — every goal is met. Save your work to hand it in."
)


class ExerciseUI(QObject):
    """The exercise parts of one window. ``authoring()`` opens the teacher's dialog."""

    def __init__(
        self, document: Document, canvas: CanvasView, theme: Theme, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self._window = window
        self._canvas = canvas
        self._theme = theme
        self.controller = ExerciseController(document, canvas, window)
        self.panel = ExercisePanel(self.controller, theme=theme)
        self.dock = make_dock(translate("ExerciseUI", "Exercise"), self.panel, "exercise", window)
        self.authoring_action = QAction(translate("ExerciseUI", "Exercise &Authoring…"), window)
        self.authoring_action.setStatusTip(
            translate(
                "ExerciseUI",
                "Turn the open network into an exercise: instructions, goals, locks, hints",
            )
        )
        self.authoring_action.setToolTip(self.authoring_action.statusTip())
        self.authoring_action.triggered.connect(lambda _checked=False: self.authoring())
        self._authoring_dialog: AuthoringDialog | None = None
        # Tied to the dock: the controller may announce a change while the window is being
        # taken apart, after the dock is gone.
        self.controller.exercise_changed.connect(tied(self.dock, self.follow))

    def authoring(self) -> AuthoringDialog:
        """Open (or raise) the authoring dialog and return it."""
        if self._authoring_dialog is None:
            from neurosim.ui.exercises.authoring import AuthoringDialog  # on demand: not at start

            self._authoring_dialog = AuthoringDialog(
                self.controller, self._canvas, self._window, theme=self._theme
            )
        dialog = self._authoring_dialog
        dialog.start()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def attach_training(self, session: TrainingSession) -> None:
        """Keep locked weights out of this training session."""
        self.controller.training.attach(session)

    def show_hint(self) -> None:
        """Bring the Exercise panel forward with the next hint (Train's fix where the
        exercise locks its step neurons)."""
        self.dock.show()
        self.dock.raise_()
        self.panel.show_next_hint()

    def follow(self) -> None:
        """The dock comes and goes with the exercise (also after a saved layout returns)."""
        dock = self.dock
        if self.controller.exercise is not None or self.controller.problem:
            if dock.isHidden():
                dock.show()
                self._window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
            dock.raise_()
        else:
            dock.hide()
