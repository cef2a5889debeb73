"""A training session's live run: what it started from, and the edits it goes on through."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from neurosim.ui.commands import MoveNeurons, SetNeuronField

KEPT_FIELDS = ("label", "value", "source")  # neuron edits training goes on through


class LiveRun:
    """The open live run: the weights before it and the epochs done in it."""

    def __init__(self, before: tuple[dict, dict]) -> None:
        self.before = before
        self.epochs = 0


def keeps_running(command: QUndoCommand) -> bool:
    """Edits a run goes on through: they touch nothing training reads or writes."""
    if isinstance(command, MoveNeurons):
        return True
    return isinstance(command, SetNeuronField) and command.target[1] in KEPT_FIELDS
