"""The open document: one network, its engine, its undo stack and its file.

Views observe ``document.network`` (Qt-free signals) for structure and ``evaluated`` for the
live figures. Every edit is a command pushed through :meth:`Document.push`.

Signals:
    evaluated(Evaluation): fresh figures; coalesced to at most one per event-loop turn.
    network_replaced(): a different network is open (New/Open); views rebuild from scratch.
    file_state_changed(): the path or the modified state changed (window title).
    refused(str): an edit was refused; the reason for the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from neurosim.core import fileformat
from neurosim.core.engine import Engine, Evaluation
from neurosim.core.model import Network, NetworkError
from neurosim.ui.commands import Command


class Document(QObject):
    evaluated = Signal(object)
    network_replaced = Signal()
    file_state_changed = Signal()
    refused = Signal(str)

    def __init__(self, network: Network | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.path: Path | None = None
        #: SHA-256 of the file as this document last read or wrote it (None: not known)
        self.disk_digest: str | None = None
        #: refuses edits of protected parts: (kind, key) -> reason or None (exercise locks)
        self.lock_policy: Callable[[str, Any], str | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.evaluate_now)
        self.network = Network()
        self.engine = Engine(self.network)
        self.evaluation: Evaluation = self._evaluate()
        self.replace(network or Network())

    # -------------------------------------------------------------- the network
    def replace(
        self, network: Network, path: Path | str | None = None, digest: str | None = None
    ) -> None:
        """Open another network: the undo history starts afresh and the state is clean.
        ``digest``: of the file's bytes as they were read (``fileformat.load_with_digest``)."""
        self.engine.detach()
        self._follow(self.network, False)
        self.network = network
        self.engine = Engine(network)
        self._follow(network, True)
        self.path = Path(path) if path else None
        self.disk_digest = digest if path else None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.evaluation = self._evaluate()
        self.network_replaced.emit()
        self.evaluated.emit(self.evaluation)
        self.file_state_changed.emit()

    def _follow(self, network: Network, on: bool) -> None:
        for signal in (
            network.neuron_added,
            network.neuron_removed,
            network.synapse_added,
            network.synapse_removed,
            network.neuron_changed,
            network.synapse_changed,
            network.parameters_changed,
        ):
            (signal.connect if on else signal.disconnect)(self._on_network_changed)

    def _on_clean_changed(self, _clean: bool) -> None:
        self.file_state_changed.emit()

    def _on_network_changed(self, *_: object) -> None:
        self.request_evaluation()

    # -------------------------------------------------------------- evaluation
    def _evaluate(self) -> Evaluation:
        # Finite weights and values can still overflow (1e200 · 1e200): the figures then
        # hold ±inf or NaN, which the views explain in words; numpy must not warn on stderr.
        with np.errstate(over="ignore", invalid="ignore"):
            return self.engine.evaluate()

    def request_evaluation(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def evaluate_now(self) -> Evaluation:
        self._timer.stop()
        self.evaluation = self._evaluate()
        self.evaluated.emit(self.evaluation)
        return self.evaluation

    # ------------------------------------------------------------------- edits
    def push(self, command: QUndoCommand) -> bool:
        """Apply an edit as one undo step; a refused edit is reported, never half-made."""
        if isinstance(command, Command):
            problem = self.locked_reason(command) or command.problem()
            if problem:
                self.refused.emit(problem)
                return False
        try:
            self.undo_stack.push(command)
        except NetworkError as exc:  # pragma: no cover - commands check first
            self.refused.emit(str(exc))
            return False
        return True

    def locked_reason(self, command: Command) -> str | None:
        """Why the lock policy refuses ``command``, or None."""
        if self.lock_policy is None:
            return None
        for kind, key in command.touches():
            reason = self.lock_policy(kind, key)
            if reason:
                return reason
        return None

    # ------------------------------------------------------------------- files
    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    @property
    def title(self) -> str:
        if self.path is not None:
            return self.path.name
        return self.network.meta.get("title") or "Untitled"

    def save(self, path: Path | str | None = None) -> None:
        """Save (atomically) to ``path`` or the current file; raises OSError on failure."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file name given")
        self.disk_digest = fileformat.save(self.network, target)
        self.path = target
        self.undo_stack.setClean()
        self.file_state_changed.emit()
