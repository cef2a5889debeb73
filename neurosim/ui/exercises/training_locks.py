"""Training never changes what an exercise locks.

The training session writes trained weights straight into the network (one undo step is
pushed first, with the weights as they were), so the document's lock policy never sees
the new values. This keeps locked weights and biases out of training instead: whenever
the session builds a trainer, the locked parameters are marked not trainable, exactly as
frozen ones are. Initialise weights and Reset still go through ``Document.push`` and are
refused when they would change a locked part.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject


def mask_locked(trainer: Any, reason: Any) -> int:
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

    def __init__(self, controller: Any) -> None:
        super().__init__(controller)
        self.controller = controller
        self.session: Any = None

    def attach(self, session: Any) -> None:
        if session is self.session or session is None:
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

    def refresh(self) -> None:
        session = self.session
        if session is None:
            return
        trainer = getattr(session, "trainer", None)
        policy = self.controller.document.lock_policy
        if trainer is not None and policy is not None:
            mask_locked(trainer, policy)
