"""Moves the whole window to a recorded moment of the clock, and back to the present.

Going to a past step sets the recorded parameters (when they differ) and inputs on the
network and evaluates once, so the canvas, the inspector and every view that follows the
document show that step; the clock ignores these evaluations (``viewing_past``) and the
document refuses edits (``frozen_reason``) until the window is back in the present.
The present (its parameters and inputs) is kept when leaving it and put back exactly by
:meth:`ScrubController.now`. :meth:`branch` makes the shown step the present instead: later
steps are dropped, and changed parameters become one undo step.

Signals:
    moved(object): the StepSnapshot now shown, or None for the present.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from neurosim.core.history import Parameters, StepHistory, StepSnapshot
from neurosim.ui.clock import SimulationClock
from neurosim.ui.commands import SetParameters
from neurosim.ui.document import Document


class ScrubController(QObject):
    moved = Signal(object)

    def __init__(
        self, document: Document, clock: SimulationClock, window: QWidget | None = None
    ) -> None:
        super().__init__(window)
        self.document, self.clock, self.window = document, clock, window
        self.index: int | None = None  # where in the history the window is; None: the present
        self._present: tuple[Parameters, dict[str, float]] | None = None
        self._shown: Parameters | None = None
        clock.guard = self.ask_to_resume
        document.network_replaced.connect(self._forget)

    # ------------------------------------------------------------------ state
    @property
    def history(self) -> StepHistory:
        return self.clock.simulation.history

    @property
    def in_past(self) -> bool:
        return self.index is not None

    @property
    def snapshot(self) -> StepSnapshot | None:
        return None if self.index is None else self.history.ring[self.index]

    # ------------------------------------------------------------------ moving
    def go_to(self, index: int) -> None:
        """Show the index-th recorded step (the newest one is the present)."""
        ring = self.history.ring
        index = max(0, min(int(index), len(ring) - 1))
        if index == len(ring) - 1 and not self.in_past:
            return
        if self._present is None:
            self.clock.pause()
            network = self.document.network
            self._present = (Parameters.of(network), self._inputs())
            self._shown = self._present[0]
        self.index = index
        snap = ring[index]
        self.clock.viewing_past = True
        self.document.frozen_reason = (
            f"The window shows step {snap.t:,} of the past: press Now (Ctrl+End) to edit, "
            "or Run/Step and choose Branch here"
        )
        self._show(snap.parameters, self._snapshot_inputs(snap))
        self.moved.emit(snap)

    def now(self) -> None:
        """Back to the present, exactly as it was left."""
        if self._present is None:
            return
        params, inputs = self._present
        self._leave()
        self._show(params, inputs)
        self._shown = None
        self.moved.emit(None)

    def branch(self) -> None:
        """Make the shown step the present: the later steps are dropped."""
        snap = self.snapshot
        if snap is None or self._present is None:
            return
        present_params, _ = self._present
        if not snap.parameters.same_as(present_params):
            present_params.apply(self.document.network)  # silently, then one undo step
            self._leave()
            old = (present_params.weight_dict(), present_params.bias_dict())
            new = (snap.parameters.weight_dict(), snap.parameters.bias_dict())
            cmd = SetParameters(self.document.network, f"Branch at step {snap.t:,}", old, new)
            self.document.push(cmd)
        else:
            self._leave()
        self.document.live_inputs(self._snapshot_inputs(snap))
        self.clock.rewind(snap.t)
        self._shown = None
        self.moved.emit(None)

    def ask_to_resume(self) -> bool:
        """Run/Step from the past: branch here, return to the present, or cancel."""
        if not self.in_past:
            return True
        snap = self.snapshot
        assert snap is not None
        box = QMessageBox(self.window)
        box.setWindowTitle("Resume from the past")
        box.setText(f"The window shows step {snap.t:,}, in the past.")
        box.setInformativeText(
            "Branch here: continue from this step and drop the steps after it.\n"
            "Return to the present: continue from the newest step."
        )
        branch = box.addButton("&Branch here", QMessageBox.ButtonRole.AcceptRole)
        present = box.addButton("&Return to the present", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(branch)
        box.exec()
        if box.clickedButton() is branch:
            self.branch()
            return True
        if box.clickedButton() is present:
            self.now()
            return True
        return False

    # ------------------------------------------------------------------ helpers
    def _show(self, params: Parameters, inputs: dict[str, float]) -> None:
        network = self.document.network
        if not params.same_as(self._shown):
            params.apply(network)
            self._shown = params
        self.document.live_inputs({k: v for k, v in inputs.items() if k in network.neurons})
        self.document.evaluate_now()

    def _leave(self) -> None:
        self.index = None
        self._present = None
        self.clock.viewing_past = False
        self.document.frozen_reason = None

    def _forget(self) -> None:  # a new network: its present is all there is
        self._leave()
        self._shown = None
        self.moved.emit(None)

    def _inputs(self) -> dict[str, float]:
        return {n.id: float(n.value) for n in self.document.network if n.is_input}

    @staticmethod
    def _snapshot_inputs(snap: StepSnapshot) -> dict[str, float]:
        return snap.input_values()
