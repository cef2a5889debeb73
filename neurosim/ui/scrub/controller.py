"""Moves the whole window to a recorded moment — a step of the clock or an epoch of
training — and back to the present.

The timeline runs over one *track* at a time: the clock's steps (``STEPS``) or the
training run's epochs (``EPOCHS``). Going to a past moment pauses the clock and training,
sets the recorded parameters (when they differ) and, for a step, its inputs, and
evaluates once, so the canvas, the inspector and every view that follows the document show
that moment; the clock ignores these evaluations (``viewing_past``), training keeps its
trainer, and the document refuses edits (``frozen_reason``) until the window is back in
the present. The present (its parameters and inputs) is kept when leaving it and put back
exactly by :meth:`ScrubController.now`. :meth:`branch` makes the shown moment the present
instead: later steps (or epochs, with their curves) are dropped, and changed parameters
become one undo step.

Signals:
    moved(object): the StepSnapshot or EpochSnapshot now shown, or None for the present.
    track_changed(str): the timeline now runs over ``STEPS`` or ``EPOCHS``.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from neurosim.core.history import EpochSnapshot, Parameters, SnapshotRing, StepSnapshot
from neurosim.ui.clock import SimulationClock
from neurosim.ui.commands import SetParameters
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.training.session import TrainingSession

STEPS, EPOCHS = "steps", "epochs"
Snapshot = StepSnapshot | EpochSnapshot


class ScrubController(QObject):
    moved = Signal(object)
    track_changed = Signal(str)

    def __init__(
        self,
        document: Document,
        clock: SimulationClock,
        session: TrainingSession,
        window: QWidget | None = None,
    ) -> None:
        super().__init__(window)
        self.document, self.clock, self.session, self.window = document, clock, session, window
        self.track = STEPS
        self.index: int | None = None  # where in the track the window is; None: the present
        self._present: tuple[Parameters, dict[str, float]] | None = None
        self._shown: Parameters | None = None
        self._network = document.network  # the network whose present is kept
        clock.guard = session.guard = self.ask_to_resume
        clock.leave_past = document.leave_past = self.now  # Reset, Save: the present first
        document.network_replaced.connect(self._forget)
        session.curves_cleared.connect(self._on_curves_cleared)  # new data, loss, …

    # ------------------------------------------------------------------ state
    @property
    def ring(self) -> SnapshotRing:
        if self.track == EPOCHS:
            return self.session.epoch_history.ring
        return self.clock.simulation.history.ring

    @property
    def in_past(self) -> bool:
        return self.index is not None

    @property
    def snapshot(self) -> Snapshot | None:
        return None if self.index is None else self.ring[self.index]

    def set_track(self, track: str) -> None:
        """Run the timeline over ``STEPS`` or ``EPOCHS`` (back in the present first)."""
        if track not in (STEPS, EPOCHS):
            raise ValueError(f"no timeline track {track!r}")
        if track != self.track:
            self.now()
            self.track = track
            self.track_changed.emit(track)

    # ------------------------------------------------------------------ moving
    def go_to(self, index: int) -> None:
        """Show the index-th recorded moment of the track (the newest one is the present)."""
        ring = self.ring
        if not len(ring):
            return
        index = max(0, min(int(index), len(ring) - 1))
        if index == len(ring) - 1 and not self.in_past:
            return
        if self._present is None:
            self.clock.pause()
            self.session.pause()  # its run becomes its undo step now
            self._network = self.document.network
            self._present = (Parameters.of(self._network), self._inputs())
            self._shown = self._present[0]
        self.index = index
        snap = ring[index]
        self.clock.viewing_past = True
        self.document.frozen_reason = self._reason(snap)
        if isinstance(snap, StepSnapshot):
            inputs = snap.input_values()
        else:  # an epoch: its weights with the inputs of the present
            inputs = self._present[1]
        self._show(snap.parameters, inputs)
        self.moved.emit(snap)

    def now(self) -> None:
        """Back to the present, exactly as it was left."""
        if self._present is None:
            return
        params, inputs = self._present
        if self._network is self.document.network:  # (not a network opened meanwhile)
            self._show(params, inputs)  # still "in the past": training keeps its trainer
        self._leave()
        self._shown = None
        self.moved.emit(None)

    def branch(self) -> None:
        """Make the shown moment the present: the later steps or epochs are dropped."""
        snap = self.snapshot
        if snap is None or self._present is None:
            return
        present_params, _ = self._present
        if not snap.parameters.same_as(present_params):
            present_params.apply(self.document.network)  # silently, then one undo step
            self._leave()
            old = (present_params.weight_dict(), present_params.bias_dict())
            new = (snap.parameters.weight_dict(), snap.parameters.bias_dict())
            if isinstance(snap, StepSnapshot):
                text = translate("ScrubController", "Branch at step {step}").format(step=snap.t)
            else:
                text = translate("ScrubController", "Branch at epoch {epoch}").format(
                    epoch=snap.epoch
                )
            if not self.document.push(SetParameters(self.document.network, text, old, new)):
                self._shown = None
                self.moved.emit(None)  # refused (the reason is shown): the present stays
                return
        else:
            self._leave()
        if isinstance(snap, StepSnapshot):
            self.document.live_inputs(snap.input_values())
            self.clock.rewind(snap.t)
        else:
            self.session.branch_at(snap.epoch)
        self._shown = None
        self.moved.emit(None)

    def ask_to_resume(self) -> bool:
        """Run/Step/Train from the past: branch here, return to the present, or cancel."""
        snap = self.snapshot
        if snap is None:
            return True
        box = QMessageBox(self.window)
        box.setWindowTitle(translate("ScrubController", "Resume from the past"))
        if isinstance(snap, StepSnapshot):
            box.setText(
                translate("ScrubController", "The window shows step {step}, in the past.").format(
                    step=snap.t
                )
            )
            box.setInformativeText(
                translate(
                    "ScrubController",
                    "Branch here: continue from this step and drop the steps after it.\n"
                    "Return to the present: continue from the newest step.",
                )
            )
        else:
            box.setText(
                translate("ScrubController", "The window shows epoch {epoch}, in the past.").format(
                    epoch=snap.epoch
                )
            )
            box.setInformativeText(
                translate(
                    "ScrubController",
                    "Branch here: go on from the weights of this epoch and drop the epochs "
                    "after it (one undo step).\n"
                    "Return to the present: go on from the newest weights.",
                )
            )
        branch = box.addButton(
            translate("ScrubController", "&Branch here"), QMessageBox.ButtonRole.AcceptRole
        )
        present = box.addButton(
            translate("ScrubController", "&Return to the present"),
            QMessageBox.ButtonRole.ActionRole,
        )
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
    @staticmethod
    def _reason(snap: Snapshot) -> str:
        if isinstance(snap, StepSnapshot):
            return translate(
                "ScrubController",
                "The window shows step {step} of the past: press Now (Ctrl+End) to edit, "
                "or Run/Step and choose Branch here",
            ).format(step=snap.t)
        return translate(
            "ScrubController",
            "The window shows epoch {epoch} of the past: press Now (Ctrl+End) to edit, "
            "or Train and choose Branch here",
        ).format(epoch=snap.epoch)

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

    def _on_curves_cleared(self) -> None:
        """The epochs were forgotten while the window showed one: back to the present."""
        if self.track == EPOCHS and self.in_past:
            self.now()

    def _inputs(self) -> dict[str, float]:
        return {n.id: float(n.value) for n in self.document.network if n.is_input}
