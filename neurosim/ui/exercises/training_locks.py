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

import shiboken6


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


class TrainingLocks:
    """Follows a training session (``attach``) and masks each trainer it builds."""

    def __init__(self, controller: Any) -> None:
        self.controller = controller
        self.session: Any = None

    def attach(self, session: Any) -> None:
        if session is self.session or session is None:
            return
        self.session = session
        session.state_changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        session = self.session
        if session is None or not shiboken6.isValid(session):
            return
        trainer = getattr(session, "trainer", None)
        policy = self.controller.document.lock_policy
        if trainer is not None and policy is not None:
            mask_locked(trainer, policy)
