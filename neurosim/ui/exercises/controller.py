"""The open file's exercise: its goals checked live, its locks enforced and shown.

:class:`ExerciseController` reads the ``exercise`` section whenever a network is opened,
sets ``document.lock_policy`` (so ``Document.push`` refuses edits of locked parts), marks
the locked items on the canvas and re-checks every goal after each evaluation.

Signals:
    exercise_changed(): another exercise (or none) is open; read ``exercise``/``problem``.
    checked(): ``results`` and ``solved`` are up to date.
    became_solved(): the last failing check passed (not sent for a file opened solved).
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, QTimer, Signal

from neurosim.core.exercise.checks import GoalResult, check_goals
from neurosim.core.exercise.locks import LockPolicy, check_locks
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.exercise.section import Exercise
from neurosim.core.model import Network
from neurosim.core.validate import FileFormatError
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.document import Document
from neurosim.ui.exercises.lock_notes import lock_notes
from neurosim.ui.exercises.training_locks import TrainingLocks
from neurosim.ui.i18n import translate

SLOW_MS = 20.0  # a check slower than this is throttled to a quarter of the time


class ExerciseController(QObject):
    exercise_changed = Signal()
    checked = Signal()
    became_solved = Signal()

    def __init__(
        self, document: Document, canvas: CanvasView | None = None, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self.canvas = canvas
        self.exercise: Exercise | None = None
        self.problem = ""  # why the file's exercise section cannot be used
        self.policy: LockPolicy | None = None
        self.exercise_network: Network | None = None  # the file as opened: the locks' reference
        self.results: list[GoalResult] = []
        self.lock_results: list[GoalResult] = []
        self.solved = False
        self.suspended = False  # teacher mode: locks off while authoring
        self.last_check_ms = 0.0
        self.training = TrainingLocks(document, self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check_now)
        document.network_replaced.connect(self.reload)
        document.evaluated.connect(self._on_evaluated)
        self.reload()

    # ------------------------------------------------------------------ opening
    def reload(self) -> None:
        """Read the exercise of the document's network (after New/Open)."""
        network = self.document.network
        self.problem = ""
        try:
            self.exercise = exercise_of(network)
        except FileFormatError as exc:
            self.exercise = None
            self.problem = translate(
                "ExerciseController", "This file's exercise cannot be used: {problem}"
            ).format(problem=exc)
        self.exercise_network = network.copy() if self.exercise is not None else None
        self.policy = (
            LockPolicy(self.exercise, self.exercise_network) if self.exercise is not None else None
        )
        self.results, self.lock_results, self.solved = [], [], False
        self._apply_policy()
        self.training.use_goal_settings(self.exercise)
        self.exercise_changed.emit()
        self.check_now(announce=False)

    def set_suspended(self, on: bool) -> None:
        """Lift the locks (a teacher editing the exercise) or put them back."""
        if on != self.suspended:
            self.suspended = on
            self._apply_policy()

    def _apply_policy(self) -> None:
        policy = self.policy if not self.suspended else None
        self.document.lock_policy = policy.reason if policy else None
        if self.canvas is not None:
            if policy:
                neurons, synapses, partial = lock_notes(policy, self.document.network)
                self.canvas.set_locked(neurons, synapses, partial)
            else:
                self.canvas.set_locked()
        self.training.refresh()
        self.document.request_evaluation()  # the inspector greys out what is locked

    # ----------------------------------------------------------------- checking
    def _on_evaluated(self, _evaluation: object) -> None:
        if self.exercise is None or self._timer.isActive():
            return
        if self.last_check_ms > SLOW_MS:
            self._timer.start(round(4 * self.last_check_ms))
        else:
            self.check_now()

    def check_now(self, announce: bool = True) -> None:
        """Check every goal (and that the locked parts are unchanged) on the network."""
        self._timer.stop()
        exercise, network = self.exercise, self.document.network
        if exercise is None:
            self.results, self.lock_results, self.solved = [], [], False
            self.checked.emit()
            return
        start = time.perf_counter()
        assert self.exercise_network is not None
        self.results = check_goals(
            exercise, network, engine=self.document.engine, start=self.exercise_network
        )
        self.lock_results = check_locks(exercise, self.exercise_network, network)
        self.last_check_ms = (time.perf_counter() - start) * 1e3
        was = self.solved
        self.solved = all(r.passed for r in self.results + self.lock_results)
        self.checked.emit()
        if announce and self.solved and not was:
            self.became_solved.emit()

    @property
    def passed_count(self) -> tuple[int, int]:
        """(passing, all) goal checks, locked parts not counted."""
        return sum(r.passed for r in self.results), len(self.results)
