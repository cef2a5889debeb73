"""The one-click fix offered when step neurons stop training: make them sigmoid.

A step neuron's slope is 0 everywhere, so gradient descent cannot move it (the session's
message says so in words); sigmoid is the smooth step (σ(z) → 0 or 1 far from 0), so the
lesson's picture stays and the network can learn. One undo step brings the steps back.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QToolButton, QWidget

from neurosim.core.training_setup import STEP_MESSAGE
from neurosim.ui.commands import SetActivation
from neurosim.ui.training.session import TrainingSession

SMOOTH = "sigmoid"


class StepFixButton(QToolButton):
    """Shown while the session's message is the step message; :attr:`action` swaps every
    step neuron for sigmoid as one undo step."""

    def __init__(self, session: TrainingSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.action = QAction("Use sigmoid instead of step", self)
        self.action.setToolTip(
            "Make every step neuron a sigmoid neuron (a smooth step that gradient descent "
            "can adjust), then press Train; Undo brings the step neurons back"
        )
        self.action.triggered.connect(lambda _c=False: self.apply())
        self.setDefaultAction(self.action)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        session.message_changed.connect(self._on_message)
        self._on_message(session.message)

    def step_neurons(self) -> list[str]:
        return [n.id for n in self.session.document.network if n.activation == "step"]

    def apply(self) -> bool:
        ids = self.step_neurons()
        if not ids:
            return False
        document = self.session.document
        command = SetActivation(document.network, ids, SMOOTH)
        command.setText(f"Use sigmoid instead of step ({len(ids)} neuron{'s' * (len(ids) != 1)})")
        return document.push(command)

    def _on_message(self, text: str) -> None:
        self.setVisible(text == STEP_MESSAGE and bool(self.step_neurons()))
