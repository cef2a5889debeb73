"""The open document: one network, its engine, its undo stack and its file.

Views follow the model through the document: it re-emits every announcement of the open
network (see :mod:`neurosim.core.model`) as a Qt signal of its own, and when another network
is opened it moves over to it and says so once (``network_replaced``). A view connects once,
to the document; Qt drops the connection when the view is destroyed, so no view subscribes
to the network itself, re-subscribes after New/Open, or unsubscribes. The figures come with
``evaluated``. Every edit is a command pushed through :meth:`Document.push`.

Signals:
    neuron_added(str), neuron_removed(str): a neuron's id.
    synapse_added(object), synapse_removed(object): a synapse's key ``(source, target)``.
    neuron_changed(str, str): a neuron's id and the field that changed (``NEURON_FIELDS``).
    synapse_changed(object, str): a synapse's key and ``"weight"`` or ``"frozen"``.
    parameters_changed(): many weights and biases replaced at once (training, undo of it).
    meta_changed(): the title, description or another meta field.
    network_replaced(): a different network is open (New/Open); views rebuild from scratch.
    evaluated(Evaluation): fresh figures; coalesced to at most one per event-loop turn.
    file_state_changed(): the path or the modified state changed (window title).
    refused(str): an edit was refused; the reason for the status bar.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from neurosim.core import fileformat
from neurosim.core.engine import Engine, Evaluation
from neurosim.core.model import Network, NetworkError
from neurosim.ui.commands import Command

#: the network's announcements the document re-emits, by name (the same on both)
MODEL_SIGNALS = (
    "neuron_added",
    "neuron_removed",
    "synapse_added",
    "synapse_removed",
    "neuron_changed",
    "synapse_changed",
    "parameters_changed",
    "meta_changed",
)


class Document(QObject):
    neuron_added = Signal(str)
    neuron_removed = Signal(str)
    synapse_added = Signal(object)  # a SynapseKey: a tuple, passed as it is
    synapse_removed = Signal(object)
    neuron_changed = Signal(str, str)
    synapse_changed = Signal(object, str)
    parameters_changed = Signal()
    meta_changed = Signal()
    network_replaced = Signal()
    evaluated = Signal(object)
    file_state_changed = Signal()
    refused = Signal(str)

    def __init__(self, network: Network | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.path: Path | None = None
        #: refuses edits of protected parts: (kind, key) -> reason or None (exercise locks)
        self.lock_policy: Callable[[str, Any], str | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.evaluate_now)
        self._relays = {name: self._relay(name) for name in MODEL_SIGNALS}
        self.network = Network()
        self.engine = Engine(self.network)
        self.evaluation: Evaluation = self.engine.evaluate()
        self.replace(network or Network())

    # -------------------------------------------------------------- the network
    def replace(self, network: Network, path: Path | str | None = None) -> None:
        """Open another network: the undo history starts afresh and the state is clean."""
        self.engine.detach()
        self._follow(self.network, False)
        self.network = network
        self.engine = Engine(network)
        self._follow(network, True)
        self.path = Path(path) if path else None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.evaluation = self.engine.evaluate()
        self.network_replaced.emit()
        self.evaluated.emit(self.evaluation)
        self.file_state_changed.emit()

    def _follow(self, network: Network, on: bool) -> None:
        """Relay ``network``'s announcements (``on``), or stop relaying them."""
        for name, relay in self._relays.items():
            signal = getattr(network, name)
            (signal.connect if on else signal.disconnect)(relay)

    def _relay(self, name: str) -> Callable[..., None]:
        """Re-emit the network's ``name`` as ours; a change of what is computed (all but
        the meta fields) also asks for a fresh evaluation."""
        signal = getattr(self, name)
        evaluate = name != "meta_changed"

        def relay(*args: object) -> None:
            if evaluate:
                self.request_evaluation()
            signal.emit(*args)

        return relay

    def _on_clean_changed(self, _clean: bool) -> None:
        self.file_state_changed.emit()

    # -------------------------------------------------------------- evaluation
    def request_evaluation(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def evaluate_now(self) -> Evaluation:
        self._timer.stop()
        self.evaluation = self.engine.evaluate()
        self.evaluated.emit(self.evaluation)
        return self.evaluation

    # ------------------------------------------------------------------- edits
    def push(self, command: QUndoCommand) -> bool:
        """Apply an edit as one undo step; a refused edit is reported, never half-made."""
        return self.try_push(command) is None

    def try_push(self, command: QUndoCommand) -> str | None:
        """Like :meth:`push`, returning why the edit was refused (None: it was applied).

        The one place edits are checked (the lock policy, then the command's own
        ``problem()``): callers push and show the reason, they do not check first."""
        problem: str | None = None
        if isinstance(command, Command):
            problem = self.locked_reason(command) or command.problem() or None
        if problem is None:
            try:
                self.undo_stack.push(command)
            except NetworkError as exc:  # pragma: no cover - commands check first
                problem = str(exc) or type(exc).__name__
        if problem:
            self.refused.emit(problem)
        return problem

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
        fileformat.save(self.network, target)
        self.path = target
        self.undo_stack.setClean()
        self.file_state_changed.emit()
