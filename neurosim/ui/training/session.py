"""The training session: a core Trainer driven a slice at a time by a timer, with undo.

Frames. While training runs, a 16 ms timer runs epochs until either the chosen number per
frame or ~12 ms of work is reached, then shows the parameters once through the document's
live channel (``Document.live_parameters`` → one ``parameters_changed``), so the canvas and
plots animate and the window never freezes. An epoch longer than that (a big dataset, small
batches) is spread over several frames (``Trainer.advance``).

Undo. A run is a live run of the document (``Document.begin_live``) from its first frame
until it pauses, stops or a Step ends; frames are not edits and make no undo step. When the
run ends it pushes ONE ``SetParameters("Train N epochs", before, after)`` command — made
then, with the run's weights, and never changed afterwards (its first redo changes
nothing). While the run is live the document counts as modified and Edit ▸ Undo reads
"Undo Train": an undo first ends the run, then undoes it.

Runs. Train runs until paused, or to :attr:`goal` with Stop after N epochs (a paused run
goes on to it; the last frame trains only what is left). The curves start at epoch 0, the
loss before any update; a loss 1000× the start or not a number stops the run, in words.

Edits while training (the safe option): the document asks the run to stop before any
edit, undo, redo or save (``Document.settle``), so the run's command lands before the
edit. Training keeps running only through edits that do not touch what it reads: moving
neurons, renaming them, input values and sources (the simulation clock's inputs are live
too). A change that touches what training reads — a weight, a bias, an activation or its
parameters, a frozen flag, the structure — leaves the Trainer out of date: it is rebuilt
from the network at the next Train or Step. Structural edits also clear the curves and
forget the start weights.

Scrubbing (issue 16 §4). Every epoch's parameters and figures are kept in
:attr:`TrainingSession.epoch_history` (epoch 0: before any update; bounded, see
:mod:`neurosim.core.training_history`), cleared with the curves. While the window shows a
moment of the past (``Document.frozen_reason``), the parameters it sets are not edits:
the trainer is kept, so Now goes on exactly; Train and Step ask ``guard`` first (branch
here or return to the present), Reset and Initialise are refused with the reason.
:meth:`branch_at` drops the epochs after the one shown.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import fields, replace

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from neurosim.core.datasets import Dataset, DatasetError
from neurosim.core.text_marks import message_of
from neurosim.core.training import (
    EpochRecord,
    Trainer,
    TrainingDiverged,
    TrainingError,
    compiled_ready,
    init_weights,
    warm_up_compiled,
    zero_gradient_reason,
)
from neurosim.core.training_diagnosis import (
    Problem,
    diverged,
    divergence_message,
    start_problems,
)
from neurosim.core.training_history import TrainingHistory
from neurosim.ui.commands import SetParameters, snapshot_parameters
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.training.curves import HeldOut, TrainingCurves
from neurosim.ui.training.data import TrainSettings, make_trainer, match_and_split
from neurosim.ui.training.live_run import LiveRun, keeps_running

FRAME_MS = 16
BUDGET_MS = 12.0
ADVICE_MS = 150  # the advice's slowest pace during a drag
WARM_UP_S = 2.0  # after the first session is made, the compiled loop loads (~0.3 s)
_REBUILD = ("loss", "optimizer", "batch_size", "seed", "test_fraction")
_PARAM_FIELDS = ("bias", "frozen", "params")


class TrainingSession(QObject):
    """Signals: state_changed() (running, trainer), progressed() (new epochs),
    curves_cleared(), message_changed(str) ("" = no problem), data_changed(),
    problems_changed() (:attr:`problems`: why the network cannot learn well, in words),
    settings_changed().

    ``message`` is what stops training (no data, a diverged run); ``problems`` what lets
    it run but learn nothing useful (symmetric neurons, step neurons)."""

    state_changed = Signal()
    progressed = Signal()
    curves_cleared = Signal()
    message_changed = Signal(str)
    data_changed = Signal()
    problems_changed = Signal()
    settings_changed = Signal()

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.settings = TrainSettings()
        self.curves = TrainingCurves()
        self.epoch_history = TrainingHistory()  # for scrubbing back; cleared with the curves
        #: asked before Train or Step from the past (neurosim.ui.scrub): False cancels
        self.guard: Callable[[], bool] | None = None
        self.trainer: Trainer | None = None
        self.held_out: HeldOut | None = None
        self.source: Dataset | None = None  # as chosen, before matching the network
        self.train_set: Dataset | None = None
        self.test_set: Dataset | None = None
        self.message = ""
        self.problems: list[Problem] = []
        self.goal: int | None = None  # the epoch the run pauses at (Stop after N epochs)
        self._goal_base = 0  # the epochs trained when that run started
        self.last_frame_ms = 0.0
        self._data_problem: str | None = None
        self._start: tuple[dict, dict] | None = None  # weights when training started
        self._run: LiveRun | None = None  # the live run, from its first frame until it ends
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(FRAME_MS)
        self._timer.timeout.connect(self.frame)
        self._recheck = QTimer(self)
        self._recheck.setSingleShot(True)
        self._recheck.timeout.connect(self._rematch)
        # The advice follows an edit at once, and a slider drag's steps at most every
        # ADVICE_MS (it reads the whole network: ~2 ms a step otherwise).
        self._advice_due = False
        self._advice_timer = QTimer(self)
        self._advice_timer.setSingleShot(True)
        self._advice_timer.setInterval(ADVICE_MS)
        self._advice_timer.timeout.connect(self._advise_if_due)
        document.network_replaced.connect(self._on_replaced)
        for name in ("neuron_added", "neuron_removed", "synapse_added", "synapse_removed"):
            getattr(document, name).connect(self._on_structure)
        document.neuron_changed.connect(self._on_neuron_changed)
        document.synapse_changed.connect(self._on_edit)
        document.parameters_changed.connect(self._on_edit)
        # The compiled training loop loads in the background once the window is up; until
        # it has, trainers run in numpy (the same results), so Train never waits for it.
        warm_up_compiled(delay_s=WARM_UP_S)

    # ---------------------------------------------------------------- state
    @property
    def running(self) -> bool:
        return self._timer.isActive()

    @property
    def epochs(self) -> int:
        """Epochs trained since the curves were last cleared."""
        return self.curves.epochs

    def set_settings(self, **changes: object) -> None:
        """Change settings; the learning rate and epochs per frame apply at once, the rest
        (loss, optimiser, batch, seed, test split) pause training and rebuild the trainer;
        a new loss, seed or test split also clears the curves."""
        old, self.settings = self.settings, replace(self.settings, **changes)
        rebuild = [
            f.name
            for f in fields(TrainSettings)
            if f.name in _REBUILD and getattr(old, f.name) != getattr(self.settings, f.name)
        ]
        if "stop_after" in changes and self.goal is not None:
            self._set_goal(self._goal_base)
        if rebuild:
            self.pause()
            self._drop_trainer()
            if {"loss", "test_fraction", "seed"} & set(rebuild):  # other rows or measure:
                self._split()  # the curves so far would not compare
                self._clear_curves()
            self._check()
        elif self.trainer is not None and old.lr != self.settings.lr:
            try:
                self.trainer.lr = self.settings.lr
            except TrainingError as exc:
                self._say(str(exc))
        if old != self.settings:
            self.settings_changed.emit()

    def set_dataset(self, dataset: Dataset | None, problem: str | None = None) -> None:
        """Train on ``dataset`` (None, with ``problem`` saying why there is none)."""
        self.pause()
        self.source, self._data_problem = dataset, problem
        self._drop_trainer()
        self._clear_curves()
        self._split()
        self._check()

    # ------------------------------------------------------------- controls
    def train(self) -> bool:
        """Run until paused, or for Stop after N epochs (a paused run goes on to its end)."""
        if self.running:
            return True
        if not self._may_resume() or not self._ensure_trainer():
            return False
        if self.goal is None or self.goal <= self.epochs:
            self._set_goal(self.epochs)
        self._timer.start()
        self.state_changed.emit()
        return True

    def pause(self) -> None:
        """Stop the timer and end the live run with its one undo step."""
        was = self.running
        self._timer.stop()
        self._end_run()
        if was:
            self.state_changed.emit()

    def toggle(self) -> None:
        self.pause() if self.running else self.train()

    def step(self) -> None:
        """One epoch, as its own undo step."""
        self.pause()
        if self._may_resume() and self._ensure_trainer():
            self._train_for(1, float("inf"))
            self._end_run()

    def reset(self) -> None:
        """Back to the weights from when training started (one undo step); clear curves."""
        self.pause()
        if self._refused_in_past():
            return
        network = self.document.network
        if self._start is not None:
            now = snapshot_parameters(network)
            if now != self._start:
                self.document.push(
                    SetParameters(
                        network, translate("TrainingSession", "Reset training"), now, self._start
                    )
                )
        self._start = None
        self._drop_trainer()
        self._clear_curves()
        self._check()

    def branch_at(self, epoch: int) -> None:
        """Go on from epoch ``epoch`` of the curves (the network holds its parameters
        already): the later epochs are dropped, the next Train starts a new trainer there."""
        self.pause()
        self._drop_trainer()
        self.curves.truncate(epoch)
        self.epoch_history.branch_at(epoch)
        self.goal = None
        self.progressed.emit()

    def _may_resume(self) -> bool:
        return self.guard is None or self.guard()

    def _refused_in_past(self) -> bool:
        reason = self.document.frozen_reason
        if reason:
            self.document.refused.emit(reason)
        return bool(reason)

    def _set_goal(self, base: int) -> None:
        n = self.settings.stop_after
        self._goal_base = base
        self.goal = base + n if n > 0 else None

    def initialise(self) -> None:
        """Fresh weights from the seed (Xavier, He for ReLUs) as one undo step."""
        self.pause()
        if self._refused_in_past():
            return
        network = self.document.network
        fresh = network.copy()
        init_weights(fresh, self.settings.seed)
        old, new = snapshot_parameters(network), snapshot_parameters(fresh)
        if new != old:
            self.document.push(
                SetParameters(network, translate("TrainingSession", "Initialise weights"), old, new)
            )
        self._start = None
        self._drop_trainer()
        self._clear_curves()
        self._check()

    # --------------------------------------------------------------- frames
    def frame(self) -> None:
        """One timer slice: epochs for at most ~12 ms, then the weights shown once."""
        if self.trainer is None:
            self.pause()
            return
        epochs = max(1, self.settings.epochs_per_frame)
        if self.goal is not None:
            epochs = min(epochs, self.goal - self.epochs)
        if epochs > 0:
            self._train_for(epochs, BUDGET_MS)
        if self.goal is not None and self.epochs >= self.goal and self.running:
            self.pause()  # Stop after N epochs: exactly N, however many fit in a frame

    def _train_for(self, epochs: int, budget_ms: float) -> None:
        trainer, held_out = self.trainer, self.held_out
        assert trainer is not None
        start = time.perf_counter()
        deadline = start + budget_ms / 1e3
        # An epoch may outlast the budget (100,000 rows, batch 1): it then goes on next
        # frame, and the weights written back show it part-way.
        changed = trainer.in_epoch  # earlier frames wrote weights from within this epoch
        done, problem = 0, None
        try:
            while done < epochs:
                record = trainer.advance(deadline)
                changed = True
                if record is None:
                    break
                self.curves.append(record, held_out.measure() if held_out else None)
                self._keep_epoch(trainer, record)
                done += 1
                initial = self.curves.train_loss[0]
                if diverged(initial, record.loss):
                    problem = divergence_message(record.epoch, record.loss, initial, trainer.lr)
                    break
                if time.perf_counter() >= deadline:
                    break
        except TrainingDiverged:  # the trainer is back at the epoch's start
            epoch, initial = trainer.epoch + 1, self.curves.train_loss[0]
            problem = divergence_message(epoch, float("nan"), initial, trainer.lr)
        except TrainingError as exc:
            problem = str(exc)
        if changed:
            if self._run is None:
                self._begin_run()
            assert self._run is not None
            self._run.epochs += done
            self.document.live_parameters(*trainer.parameters())
            # Now, not on the next turn of the event loop: a repaint in between would show
            # this frame's weights beside the last frame's values.
            self.document.evaluate_now()
            if done:
                self.progressed.emit()
            # The frame's one paint pass, now: the canvas with the panels that asked (the
            # curves among them), not the canvas now and the panels on the next frame tick.
            self.document.settled.emit()
        self.last_frame_ms = (time.perf_counter() - start) * 1e3
        if problem is not None:
            self.pause()
            self._say(problem)
        elif self.message:
            self._say("")

    # ------------------------------------------------------------- building
    def _ensure_trainer(self) -> bool:
        if self.trainer is not None:
            return True
        self._check()
        if self.message:
            return False
        network = self.document.network
        try:
            assert self.train_set is not None
            self.trainer, self.held_out = make_trainer(
                network, self.settings, self.train_set, self.test_set, compiled_ready()
            )
            if not len(self.curves):  # epoch 0: the loss before any update
                start = self.trainer.measure()
                self.curves.start(start, self.held_out.measure() if self.held_out else None)
                self._keep_epoch(self.trainer, start)
        except (TrainingError, DatasetError) as exc:
            self._drop_trainer()
            self._say(message_of(exc))  # a core message: the panel translates it
            return False
        if self._start is None:
            self._start = snapshot_parameters(network)
        self.state_changed.emit()
        return True

    def _keep_epoch(self, trainer: Trainer, record: EpochRecord) -> None:
        """The parameters after the curves' newest epoch, for scrubbing back to it."""
        figures = {"loss": record.loss}
        if record.accuracy is not None:
            figures["accuracy"] = record.accuracy
        self.epoch_history.record_trainer(self.curves.epochs, trainer, figures)

    def _drop_trainer(self) -> None:
        if self.trainer is not None:
            self.trainer = self.held_out = None
            self.state_changed.emit()

    def _split(self) -> None:
        """Match the chosen data to the network, then hold out the test rows."""
        self.train_set = self.test_set = None
        if self.source is not None:
            try:
                self.train_set, self.test_set = match_and_split(
                    self.document.network,
                    self.source,
                    self.settings.test_fraction,
                    self.settings.seed,
                )
                self._data_problem = None
            except TrainingError as exc:
                self._data_problem = message_of(exc)
        self.data_changed.emit()

    def _check(self) -> None:
        """Say what stops training before the user presses Train (data, step neurons)."""
        problem = self._data_problem
        if problem is None and self.train_set is None:
            problem = translate("TrainingSession", "choose a dataset to train on")
        if problem is None:
            problem = zero_gradient_reason(self.document.network)
        self._say(problem or "")
        self._advise()

    def _advise(self) -> None:
        """What lets training run but learn nothing useful (the panel says it in words)."""
        blocked = zero_gradient_reason(self.document.network) is not None
        found = [
            p
            for p in start_problems(self.document.network)
            if not (blocked and p.kind == "step")  # the message says it already
        ]
        if found != self.problems:
            self.problems = found
            self.problems_changed.emit()

    def _rematch(self) -> None:
        self._split()
        self._check()

    def _say(self, text: str) -> None:
        if text != self.message:
            self.message = text
            self.message_changed.emit(text)

    def _clear_curves(self) -> None:
        self.curves.clear()
        self.epoch_history.clear()
        self.goal = None
        self.curves_cleared.emit()

    # ------------------------------------------------------------- the run
    def _begin_run(self) -> None:
        self._run = LiveRun(snapshot_parameters(self.document.network))
        # Edit ▸ Undo while the run is live: "Undo Train"
        label = translate("TrainingSession", "Train", "the live run's name in Edit ▸ Undo")
        self.document.begin_live(label, self.pause, keeps_running)

    def _end_run(self) -> None:
        """Close the live run: push its one command (if it changed anything)."""
        run, self._run = self._run, None
        if run is None:
            return
        network = self.document.network
        after = snapshot_parameters(network)
        n = run.epochs
        text = (
            translate("TrainingSession", "Train %n epoch(s)", "", n)
            if n
            else translate("TrainingSession", "Train part of an epoch")
        )
        changed = after != run.before
        self.document.end_live(SetParameters(network, text, run.before, after) if changed else None)

    # ------------------------------------------------------ foreign changes
    def _on_replaced(self) -> None:
        self._run = None  # the document dropped the live run with the old history
        self._timer.stop()
        self._start = None
        self.trainer = self.held_out = None
        self._clear_curves()
        self._rematch()
        self.state_changed.emit()

    def _on_edit(self, *_: object) -> None:
        # our own frames (the document settles every edit first), or the past shown
        if self._run is not None or self.document.frozen_reason:
            return
        self.pause()
        self._drop_trainer()
        if self._advice_timer.isActive():
            self._advice_due = True
        else:
            self._advise()
            self._advice_timer.start()

    def _advise_if_due(self) -> None:
        if self._advice_due:
            self._advice_due = False
            self._advise()

    def _on_neuron_changed(self, _nid: str, field: str) -> None:
        if field == "activation":
            self._on_structure()
        elif field in _PARAM_FIELDS:
            self._on_edit()

    def _on_structure(self, *_: object) -> None:
        self.pause()
        self._drop_trainer()
        self._start = None
        if len(self.curves):
            self._clear_curves()
        self._recheck.start(0)  # many signals in one edit: re-match the data once
