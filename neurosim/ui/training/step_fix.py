"""The one-click fix offered when step neurons stop training.

A step neuron's slope is 0 everywhere, so gradient descent cannot move it (the session's
message says so in words). In a lesson the fix is sigmoid, the smooth step (σ(z) → 0 or 1
far from 0): the picture stays and the network can learn; one undo step brings the steps
back. In an exercise that locks the step activation the point is to find the weights by
hand, so the fix offered is the exercise's next hint.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from neurosim.core.training_setup import STEP_MESSAGE
from neurosim.ui.commands import SetActivation
from neurosim.ui.i18n import translate
from neurosim.ui.training.session import TrainingSession

SMOOTH = "sigmoid"
LOCKED_NOTE = QT_TRANSLATE_NOOP(
    "StepFix",
    "This exercise locks the step activation on purpose: you solve it by setting the "
    "weights and bias yourself, not by training.",
)


class StepFix(QWidget):
    """Shown while the session's message is the step message: :attr:`button` swaps every
    step neuron for sigmoid as one undo step, or, where the exercise locks them, says so
    and reveals the next hint (see :meth:`offer_hint`)."""

    def __init__(self, session: TrainingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self._hint: Callable[[], None] | None = None
        self.note = QLabel(translate("StepFix", LOCKED_NOTE), self)
        self.note.setWordWrap(True)
        self.action = QAction(self)
        self.action.triggered.connect(lambda _c=False: self.apply())
        self.button = QToolButton(self)
        self.button.setDefaultAction(self.action)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        session.message_changed.connect(lambda _text: self.refresh())
        # once every part has seen the new network (the exercise sets its locks then)
        session.document.network_replaced.connect(lambda: QTimer.singleShot(0, self, self.refresh))
        self.refresh()

    def offer_hint(self, show_hint: Callable[[], None]) -> None:
        """Where the steps are locked, the button calls ``show_hint`` (the exercise's)."""
        self._hint = show_hint
        self.refresh()

    def step_neurons(self) -> list[str]:
        return [n.id for n in self.session.document.network if n.activation == "step"]

    def locked(self) -> bool:
        document = self.session.document
        ids = self.step_neurons()
        return bool(ids) and document.locked_reason(self._command(ids)) is not None

    def apply(self) -> bool:
        """Make the step neurons sigmoid (one undo step), or show the hint if locked."""
        ids = self.step_neurons()
        if not ids:
            return False
        if self.locked():
            if self._hint is not None:
                self._hint()
            return False
        return self.session.document.push(self._command(ids))

    def _command(self, ids: list[str]) -> SetActivation:
        command = SetActivation(self.session.document.network, ids, SMOOTH)
        n = len(ids)  # (a name: lupdate skips a call whose count is a call)
        command.setText(translate("StepFix", "Use sigmoid instead of step (%n neuron(s))", "", n))
        return command

    def refresh(self) -> None:
        shown = self.session.message == STEP_MESSAGE and bool(self.step_neurons())
        locked = shown and self.locked()
        self.note.setVisible(locked)
        self.button.setVisible(not locked or self._hint is not None)
        if locked:
            self.action.setText(translate("StepFix", "Show a hint"))
            self.action.setToolTip(translate("StepFix", "Show the exercise's next hint"))
        else:
            self.action.setText(translate("StepFix", "Use sigmoid instead of step"))
            self.action.setToolTip(
                translate(
                    "StepFix",
                    "Make every step neuron a sigmoid neuron (a smooth step that gradient "
                    "descent can adjust), then press Train; Undo brings the step neurons back",
                )
            )
        self.setVisible(shown)
