"""Training never changes what an exercise locks.

The training session writes trained weights straight into the network (one undo step is
pushed first, with the weights as they were), so the document's lock policy never sees
the new values. This keeps locked weights and biases out of training instead: whenever
the session builds a trainer, the locked parameters are marked not trainable, exactly as
frozen ones are. Initialise weights and Reset still go through ``Document.push`` and are
refused when they would change a locked part.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from neurosim.core.exercise.section import DatasetGoal, Exercise
from neurosim.core.training import Trainer
from neurosim.ui.document import Document
from neurosim.ui.training.session import TrainingSession


def mask_locked(trainer: Trainer, reason: Callable[[str, Any], str | None]) -> int:
    """Mark the trainer's locked weights and biases not trainable; how many it marked.

    ``reason`` is a lock policy's ``reason(kind, key)``.
    """
    bp = trainer.bp
    trainable = bp.trainable
    marked = 0
    for key, i in bp.weight_index.items():
        if trainable[i] and reason("synapse", key):
            trainable[i] = False
            marked += 1
    for nid, i in bp.bias_index.items():
        if trainable[i] and reason("bias", nid):
            trainable[i] = False
            marked += 1
    if marked:
        trainer.optimizer.set_trainable(trainable)
        trainer.lr = trainer.lr  # rebuilds the learning-rate mask from bp.trainable
    return marked


class TrainingLocks(QObject):
    """Follows a training session (``attach``) and masks each trainer it builds; a child
    of the exercise controller. It forgets a session that is destroyed."""

    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.session: TrainingSession | None = None

    def attach(self, session: TrainingSession) -> None:
        if session is self.session:
            return
        if self.session is not None:
            self.session.state_changed.disconnect(self.refresh)
            self.session.destroyed.disconnect(self._forget)
        self.session = session
        session.state_changed.connect(self.refresh)
        session.destroyed.connect(self._forget)
        self.refresh()

    def _forget(self) -> None:
        self.session = None

    def use_goal_settings(self, exercise: Exercise | None) -> None:
        """An exercise whose goal trains (reach the loss within N epochs): the Train panel
        gets the same settings, on the whole dataset as the check, and stops after N."""
        session = self.session
        goal = (
            next(
                (g for g in exercise.goals if isinstance(g, DatasetGoal) and g.train is not None),
                None,
            )
            if exercise is not None
            else None
        )
        if session is None or goal is None or goal.train is None:
            return
        t = goal.train
        session.set_settings(
            loss=goal.loss,
            optimizer=t.optimizer,
            lr=t.lr,
            batch_size=t.batch_size or 0,
            seed=t.seed,
            test_fraction=0.0,
            stop_after=t.epochs,
        )

    def refresh(self) -> None:
        session = self.session
        if session is None:
            return
        trainer = session.trainer
        policy = self.document.lock_policy
        if trainer is not None and policy is not None:
            mask_locked(trainer, policy)
