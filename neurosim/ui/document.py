"""The open document: one network, its engine, its undo stack and its file.

Views follow the model through the document: it re-emits every announcement of the open
network (see :mod:`neurosim.core.model`) as a Qt signal of its own, and when another network
is opened it moves over to it and says so once (``network_replaced``). A view connects once,
to the document; Qt drops the connection when the view is destroyed, so no view subscribes
to the network itself, re-subscribes after New/Open, or unsubscribes. The figures come with
``evaluated``. Every edit is a command pushed through :meth:`Document.push`.

Live changes are not edits. A training run and the simulation clock change the model many
times a second through the *live* channel (:meth:`live_parameters`, :meth:`live_inputs`):
announced like any change, so views repaint, but no undo step. A live run (training) is
opened with :meth:`begin_live` and closed with :meth:`end_live`, which pushes the run's one
command; before any edit the run does not keep, an undo, a redo or a save, the document
asks the run to stop first (:meth:`settle`), so the stack stays in the order things happened
and no command is changed after it was pushed. The clock's inputs make no command at all.

Signals:
    neuron_added(str), neuron_removed(str): a neuron's id.
    synapse_added(object), synapse_removed(object): a synapse's key ``(source, target)``.
    neuron_changed(str, str): a neuron's id and the field that changed (``NEURON_FIELDS``).
    synapse_changed(object, str): a synapse's key and ``"weight"`` or ``"frozen"``.
    parameters_changed(): many weights and biases replaced at once (training, undo of it).
    meta_changed(): the title, description or another meta field.
    activations_changed(str): a formula activation was defined in the network or dropped.
    network_replaced(): a different network is open (New/Open); views rebuild from scratch.
    evaluated(Evaluation): fresh figures; coalesced to at most one per event-loop turn.
    settled(): the edits of this turn are evaluated and announced: views may paint now
        (the frame timer redraws the panels in the same turn: one paint pass per edit).
    file_state_changed(): the path or the modified state changed (window title).
    refused(str): an edit was refused; the reason for the status bar.
    live_changed(bool): a live run began (True) or ended; ``live_label`` names it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from neurosim.core import fileformat
from neurosim.core.engine import Engine, Evaluation
from neurosim.core.model import SIGNAL_NAMES, Network, NetworkError
from neurosim.core.shipped import Origin
from neurosim.ui.commands import Command
from neurosim.ui.core_text import core_text, localized, origin_title
from neurosim.ui.i18n import translate
from neurosim.ui.one_pass import Coalescer

#: the network's announcements the document re-emits, by name (the same on both)
MODEL_SIGNALS = SIGNAL_NAMES


class Document(QObject):
    neuron_added = Signal(str)
    neuron_removed = Signal(str)
    synapse_added = Signal(object)  # a SynapseKey: a tuple, passed as it is
    synapse_removed = Signal(object)
    neuron_changed = Signal(str, str)
    synapse_changed = Signal(object, str)
    parameters_changed = Signal()
    meta_changed = Signal()
    activations_changed = Signal(str)
    network_replaced = Signal()
    evaluated = Signal(object)
    settled = Signal()
    file_state_changed = Signal()
    refused = Signal(str)
    live_changed = Signal(bool)

    def __init__(self, network: Network | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.path: Path | None = None
        #: a copy of a shipped lesson: where it came from (then ``path`` is None)
        self.origin: Origin | None = None
        #: SHA-256 of the file as this document last read or wrote it (None: not known)
        self.disk_digest: str | None = None
        #: refuses edits of protected parts: (kind, key) -> reason or None (exercise locks)
        self.lock_policy: Callable[[str, Any], str | None] | None = None
        #: why no edit may be made now (the window shows the past: neurosim.ui.scrub), or None
        self.frozen_reason: str | None = None
        #: puts the present back while the window shows the past (settle() calls it before
        #: the network is saved or kept), or None
        self.leave_past: Callable[[], None] | None = None
        self._live: _LiveRun | None = None
        # a posted event, not a zero timer: see neurosim.ui.one_pass
        self._coalescer = Coalescer(self._evaluate_requested, self)
        self._relays = {name: self._relay(name) for name in MODEL_SIGNALS}
        self.network = Network()
        self.engine = Engine(self.network)
        self.evaluation: Evaluation = self._evaluate()
        self.replace(network or Network())

    # -------------------------------------------------------------- the network
    def replace(
        self,
        network: Network,
        path: Path | str | None = None,
        digest: str | None = None,
        origin: Origin | None = None,
    ) -> None:
        """Open another network: the undo history starts afresh and the state is clean.
        ``digest``: of the file's bytes as they were read (``fileformat.load_with_digest``);
        ``origin``: the shipped lesson an untitled copy came from (only without ``path``).

        A live run is dropped, not stopped: its command would go with the old history."""
        self._set_live(None)
        self.engine.detach()
        self._follow(self.network, False)
        self.network = network
        self.engine = Engine(network)
        self._follow(network, True)
        self.path = Path(path) if path else None
        self.disk_digest = digest if path else None
        self.origin = origin if not path else None
        self.undo_stack.clear()
        self.undo_stack.setClean()
        self.evaluation = self._evaluate()
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
    def _evaluate(self) -> Evaluation:
        # Finite weights and values can still overflow (1e200 · 1e200): the figures then
        # hold ±inf or NaN, which the views explain in words; numpy must not warn on stderr.
        with np.errstate(over="ignore", invalid="ignore"):
            return self.engine.evaluate()

    def request_evaluation(self) -> None:
        """Evaluate later in this turn of the event loop: any number of requests, one
        evaluation (then ``settled``)."""
        self._coalescer.request()

    @property
    def evaluation_pending(self) -> bool:
        return self._coalescer.pending

    def _evaluate_requested(self) -> None:
        self.evaluate_now()
        self.settled.emit()

    def evaluate_now(self) -> Evaluation:
        self._coalescer.cancel()
        self.evaluation = self._evaluate()
        self.evaluated.emit(self.evaluation)
        return self.evaluation

    # -------------------------------------------------------------------- live
    @property
    def live(self) -> bool:
        """Is a live run open (its changes not yet an undo step)?"""
        return self._live is not None

    @property
    def live_label(self) -> str:
        """What the open live run is called ("Train"), "" without one."""
        return self._live.label if self._live is not None else ""

    def begin_live(
        self,
        label: str,
        stop: Callable[[], None],
        keeps: Callable[[QUndoCommand], bool] | None = None,
    ) -> None:
        """Open a live run called ``label``: the document counts as modified until it ends.

        ``stop`` is called before any edit the run does not ``keep`` (keeps nothing by
        default), an undo, a redo or a save; it must end the run with :meth:`end_live`.
        """
        if self._live is not None:
            raise RuntimeError(f"a live run ({self._live.label}) is open already")
        self._set_live(_LiveRun(label, stop, keeps or (lambda _command: False)))
        self.file_state_changed.emit()

    def live_parameters(self, weights: Mapping[Any, float], biases: Mapping[str, float]) -> None:
        """Set many weights and biases at once (one ``parameters_changed``), as part of the
        open live run: no undo step now, the run's command records them when it ends."""
        if self._live is None:
            raise RuntimeError("live parameters outside a live run would never be undoable")
        self.network.set_parameters(dict(weights), dict(biases))

    def live_inputs(self, values: Mapping[str, float]) -> None:
        """Set input values as the simulation clock does: announced, never an undo step and
        not a modification (a source, not the value, is what the file keeps)."""
        for neuron_id, value in values.items():
            self.network.set_value(neuron_id, value)

    def end_live(self, command: QUndoCommand | None = None) -> None:
        """Close the live run; ``command`` (what it changed, done already) goes on the stack.

        Pushed without the lock check: the changes were made, the command only records them.
        """
        if self._live is None:
            return
        self._set_live(None)
        if command is not None:
            self.undo_stack.push(command)
        self.file_state_changed.emit()

    def settle(self, command: QUndoCommand | None = None) -> None:
        """Ask the open live run to stop before ``command`` (None: an undo, redo or save),
        unless the run keeps it; a run that does not end itself is closed here. The window
        showing the past returns to the present first: the present is what is kept."""
        if self.frozen_reason and self.leave_past is not None:
            self.leave_past()
        live = self._live
        if live is None or (command is not None and live.keeps(command)):
            return
        live.stop()
        if self._live is live:
            self.end_live()

    def _set_live(self, live: _LiveRun | None) -> None:
        was, self._live = self._live, live
        if (was is None) != (live is None):
            self.live_changed.emit(live is not None)

    # ------------------------------------------------------------------- edits
    def undo(self) -> None:
        """Undo the last step; an open live run is stopped (and becomes that step) first."""
        if self.frozen_reason:
            self.refused.emit(self.frozen_reason)
            return
        self.settle()
        self.undo_stack.undo()

    def redo(self) -> None:
        if self.frozen_reason:
            self.refused.emit(self.frozen_reason)
            return
        self.settle()
        self.undo_stack.redo()

    def push(self, command: QUndoCommand) -> bool:
        """Apply an edit as one undo step; a refused edit is reported, never half-made.

        An open live run stops first unless it keeps the edit (see :meth:`settle`)."""
        return self.try_push(command) is None

    def try_push(self, command: QUndoCommand) -> str | None:
        """Like :meth:`push`, returning why the edit was refused (None: it was applied).

        The one place edits are checked (the lock policy, then the command's own
        ``problem()``): callers push and show the reason, they do not check first."""
        problem: str | None = self.frozen_reason
        if problem is None and isinstance(command, Command):
            problem = self.locked_reason(command) or command.problem() or None
        if problem is None:
            self.settle(command)
            try:
                self.undo_stack.push(command)
            except NetworkError as exc:  # pragma: no cover - commands check first
                problem = str(exc) or type(exc).__name__
        if problem:
            self.refused.emit(core_text(problem))  # a lock's reason, in the window's language
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
        return not self.undo_stack.isClean() or self._live is not None

    @property
    def title(self) -> str:
        if self.path is not None:
            return self.path.name
        if self.origin is not None:
            return origin_title(self.origin)
        return localized(self.network.meta.get("title")) or translate("Document", "Untitled")

    def save(self, path: Path | str | None = None) -> None:
        """Save (atomically) to ``path`` or the current file; raises OSError on failure."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("no file name given")
        self.settle()  # what is on disk is what the network shows, and the history agrees
        self.disk_digest = fileformat.save(self.network, target)
        self.path = target
        self.origin = None  # saved elsewhere: an ordinary file from now on
        self.undo_stack.setClean()
        self.file_state_changed.emit()


@dataclass(frozen=True)
class _LiveRun:
    label: str
    stop: Callable[[], None]
    keeps: Callable[[QUndoCommand], bool]
