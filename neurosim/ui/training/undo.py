"""One training run as one undo step: "Train N epochs".

The command is pushed when the run's first epochs are done and *before* they are written to
the network, with the present weights as both old and new, so its first redo changes
nothing. Closing it gives it the trained weights and its final text. An undo of it later
puts back the weights from before the run; a redo the trained ones.
"""

from __future__ import annotations

from neurosim.core.training import Trainer
from neurosim.ui.commands import SetParameters, snapshot_parameters
from neurosim.ui.document import Document


class TrainingUndo:
    """The open "Train N epochs" command of a run, and pushes the session makes itself."""

    def __init__(self, document: Document) -> None:
        self.document = document
        self.command: SetParameters | None = None
        self.index = 0  # the undo stack's index just after the open command
        self.epochs = 0  # epochs in the open command
        self.pushing = False  # True while the session pushes: not a foreign change

    def open(self, epochs: int) -> None:
        """Count ``epochs`` more into the open command, pushing one if none is open."""
        if self.command is None:
            network = self.document.network
            old = snapshot_parameters(network)
            self.command = SetParameters(network, "Train", old, old)
            self.epochs = 0
            self.push(self.command)
            self.index = self.document.undo_stack.index()
        self.epochs += epochs

    def close(self, trainer: Trainer | None) -> None:
        """Give the open command ``trainer``'s weights and its final text."""
        command, self.command = self.command, None
        if command is None or trainer is None or not self._on_stack(command):
            return
        p = trainer.params
        command.new = (
            {k: float(p[i]) for k, i in trainer.weight_index.items()},
            {n: float(p[i]) for n, i in trainer.bias_index.items()},
        )
        n = self.epochs
        command.setText(
            f"Train {n} epoch{'s' if n != 1 else ''}" if n else "Train part of an epoch"
        )  # paused within a long epoch
        stack = self.document.undo_stack
        if stack.index() == self.index:  # on top: Edit ▸ Undo shows the new text
            stack.undoTextChanged.emit(stack.undoText())

    def _on_stack(self, command: SetParameters) -> bool:
        """Is ``command`` still on the undo stack (undone, then dropped by a new edit)?"""
        stack = self.document.undo_stack
        return any(stack.command(i) is command for i in range(stack.count()))

    def forget(self) -> None:
        """The undo stack was cleared (another network): the command is gone."""
        self.command = None

    def undone(self, index: int) -> bool:
        """Is the open command undone at stack index ``index``?"""
        return self.command is not None and index < self.index

    def push(self, command: SetParameters) -> None:
        self.pushing = True
        try:
            self.document.push(command)
        finally:
            self.pushing = False
