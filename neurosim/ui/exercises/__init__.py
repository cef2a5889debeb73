"""Exercises in the window: the student's checklist and locks, the teacher's authoring.

``install(window)`` adds to a main window (``document``, ``canvas``, ``add_panel``,
``show_status``, a Tools menu): the Exercise dock (shown while the open file has an
``exercise`` section, hidden otherwise), the locks (``document.lock_policy``, padlocks on
the canvas, locked parameters kept out of training) and Tools ▸ Exercise Authoring….
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

__all__ = ["ExerciseUI", "install"]

DOCK_WIDTH = 380
SOLVED_MESSAGE = "Exercise solved ✓ — every goal is met. Save your work to hand it in."


@dataclass
class ExerciseUI:
    """What :func:`install` made; the window keeps it as ``window.exercises``.

    ``authoring()`` opens (or raises) the authoring dialog and returns it.
    """

    window: Any
    controller: Any
    panel: Any
    dock: Any
    authoring_action: Any
    dialogs: list

    def authoring(self) -> Any:
        from neurosim.ui.exercises.authoring import AuthoringDialog

        if not self.dialogs:
            window = self.window
            self.dialogs.append(
                AuthoringDialog(self.controller, getattr(window, "canvas", None), window)
            )
        dialog = self.dialogs[0]
        dialog.start()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def attach_training(self, session: Any) -> None:
        """Keep locked weights out of this training session (done by :func:`install`
        for ``window.training`` when it exists)."""
        self.controller.training.attach(session)


def install(window: Any) -> ExerciseUI:
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QAction

    from neurosim.ui.exercises.controller import ExerciseController
    from neurosim.ui.exercises.panel import ExercisePanel
    from neurosim.ui.lifetime import tied

    controller = ExerciseController(window.document, getattr(window, "canvas", None), window)
    if hasattr(window, "setCorner"):  # the checklist runs the full height on the left
        window.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
    panel = ExercisePanel(controller)
    dock = window.add_panel(
        "Exercise", panel, "exercise", Qt.DockWidgetArea.LeftDockWidgetArea, visible=False
    )
    action = QAction("Exercise &Authoring…", window)
    action.setStatusTip("Turn the open network into an exercise: instructions, goals, locks, hints")
    action.setToolTip(action.statusTip())
    ui = ExerciseUI(window, controller, panel, dock, action, [])
    action.triggered.connect(lambda _checked=False: ui.authoring())
    tools = _menu(window, "Tools")
    if tools is not None:
        tools.addSeparator()
        tools.addAction(action)

    def follow() -> None:  # the dock comes and goes with the exercise
        if controller.exercise is not None or controller.problem:
            if dock.isHidden():
                dock.show()
                if hasattr(window, "resizeDocks"):
                    window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
            dock.raise_()
        else:
            dock.hide()

    def attach_training() -> None:
        session = getattr(getattr(window, "training", None), "session", None)
        if session is not None:
            ui.attach_training(session)

    controller.exercise_changed.connect(tied(dock, follow))
    controller.exercise_changed.connect(attach_training)
    controller.became_solved.connect(lambda: window.show_status(SOLVED_MESSAGE, 15000))
    follow()
    attach_training()
    # The window restores its saved layout after its parts are installed, and the
    # training panel may be installed after this: look again once the loop runs.
    QTimer.singleShot(0, dock, follow)  # with a context: not once the dock is gone
    QTimer.singleShot(0, window, attach_training)
    window.exercises = ui
    return ui


def _menu(window: Any, title: str) -> Any:
    bar = getattr(window, "menuBar", None)
    if bar is None:
        return None
    for action in window.menuBar().actions():
        menu = action.menu()
        if menu is not None and menu.title().replace("&", "") == title:
            return menu
    return None
