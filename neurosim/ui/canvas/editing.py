"""Editing numbers in place on the canvas: a line editor over an item, Alt+wheel nudges.

:class:`InPlaceEditor` owns the open editor (at most one); :class:`Nudger` owns the last
nudge, so consecutive nudges of one number merge into one undo step. Both push commands
through the document, which checks them and says why one is refused.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QGraphicsView

from neurosim.core.model import SynapseKey
from neurosim.ui.canvas.editors import ValueEditor
from neurosim.ui.canvas.gestures import Status, item_at
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.scene import NetworkScene
from neurosim.ui.canvas.synapse_item import SynapseItem
from neurosim.ui.commands import Command, SetNeuronField, SetWeight
from neurosim.ui.document import Document
from neurosim.ui.group_edits import SetFieldOfMany
from neurosim.ui.i18n import translate


class InPlaceEditor:
    """Double-click: a line editor on a weight, bias or input value; Enter applies, Esc
    cancels. Owns the open :class:`ValueEditor` (``editor``), shown in ``view``."""

    def __init__(
        self, view: QGraphicsView, scene: NetworkScene, document: Document, status: Status
    ) -> None:
        self.view, self.scene, self.document, self.status = view, scene, document, status
        self.editor: ValueEditor | None = None

    def edit_weight(self, key: SynapseKey) -> None:
        """Open a line editor on the synapse's label."""
        item = self.scene.synapses.get(tuple(key))
        if item is None:
            return
        network = self.document.network
        if self._refused_by_lock("synapse", item.key):
            return

        def apply(value: float) -> str | None:
            if item.key not in network.synapses:
                return translate("InPlaceEditor", "the synapse no longer exists")
            return self.document.try_push(SetWeight(network, item.key, value))

        what = translate("InPlaceEditor", "Weight {source} → {target}").format(
            source=key[0], target=key[1]
        )
        self._open(what, network.synapse(key).weight, apply, item.label_pos)

    def edit_neuron(self, neuron_id: str, together: list[str] | None = None) -> None:
        """Open a line editor for an input's value or another neuron's bias, over
        ``neuron_id``; the number typed goes to every neuron of ``together`` (of the same
        field: inputs or not) in one undo step, or to ``neuron_id`` alone."""
        item = self.scene.neurons.get(neuron_id)
        if item is None:
            return
        network = self.document.network
        neuron = network.neuron(neuron_id)
        field = "value" if neuron.is_input else "bias"
        ids = [n for n in together or [] if n in network.neurons]
        ids = [n for n in ids if network.neurons[n].is_input == neuron.is_input]
        if len(ids) < 2:
            ids = [neuron_id]
        if any(self._refused_by_lock(field, n) for n in ids):
            return

        def apply(value: float) -> str | None:
            gone = [n for n in ids if n not in network.neurons]
            if gone:
                return translate("InPlaceEditor", "{id} no longer exists").format(id=gone[0])
            if len(ids) == 1:
                return self.document.try_push(SetNeuronField(network, neuron_id, field, value))
            return self.document.try_push(SetFieldOfMany(network, field, dict.fromkeys(ids, value)))

        self._open(_what(field, neuron_id, len(ids)), getattr(neuron, field), apply, item.pos())

    def _refused_by_lock(self, kind: str, key: object) -> bool:
        """True (and the reason in the status bar) when an exercise locks what an editor
        would change: no editor opens on a number that cannot be changed."""
        policy = self.document.lock_policy
        reason = policy(kind, key) if policy is not None else None
        if reason:
            self.status(translate("InPlaceEditor", "Not possible: {reason}").format(reason=reason))
        return bool(reason)

    def _open(
        self,
        what: str,
        value: float,
        apply: Callable[[float], str | None],
        scene_pos: QPointF,
    ) -> None:
        self.close()
        view = self.view
        zoom = view.transform().m11()
        size = max(14, round(16 * self.scene.style.scale * min(max(zoom, 1.0), 2.0)))
        editor = ValueEditor(view.viewport(), what, value, apply, size)
        editor.refused.connect(self.status)
        editor.closed.connect(self._on_closed)
        self.editor = editor
        editor.show_at(view.mapFromScene(scene_pos))
        self.status(
            translate(
                "InPlaceEditor", "{what}: type a number · Enter applies · Esc cancels"
            ).format(what=what)
        )

    def _on_closed(self) -> None:
        self.editor = None
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def close(self) -> None:
        """Close the open editor, if any, without applying anything."""
        if self.editor is not None:
            editor, self.editor = self.editor, None
            editor.close_editor()


def _what(field: str, neuron_id: str, count: int) -> str:
    """What the editor edits: "Bias of h1", "Value of 3 inputs" (in the window's language)."""
    if field == "value":
        if count > 1:
            return translate("InPlaceEditor", "Value of %n inputs", "", count)
        return translate("InPlaceEditor", "Value of {id}").format(id=neuron_id)
    if count > 1:
        return translate("InPlaceEditor", "Bias of %n neurons", "", count)
    return translate("InPlaceEditor", "Bias of {id}").format(id=neuron_id)


class Nudger:
    """Alt+wheel: ±0.1 per notch (Shift ±0.01); consecutive nudges are one undo step."""

    STEP, FINE_STEP = 0.1, 0.01
    PAUSE = 2.0  # seconds without nudging that start a new undo step

    def __init__(self, scene: NetworkScene, document: Document) -> None:
        self.scene, self.document = scene, document
        self._last: tuple[object, object, int, float] | None = None

    def nudge_at(self, scene_pos: QPointF, notches: float, fine: bool) -> bool:
        """Nudge the weight, bias or value of the synapse, neuron or input at ``scene_pos``."""
        item = item_at(self.scene, scene_pos)
        if isinstance(item, SynapseItem):
            target: tuple[str, object] = ("weight", item.key)
        elif isinstance(item, NeuronItem):
            target = ("value" if item.kind == "input" else "bias", item.neuron_id)
        else:
            return False
        return self.nudge(target, notches, fine)

    def nudge(self, target: tuple[str, object], notches: float, fine: bool) -> bool:
        """``target`` is ("weight", key), ("bias", id) or ("value", id)."""
        network, stack = self.document.network, self.document.undo_stack
        now = time.monotonic()
        token = object()
        if self._last is not None:
            last_target, last_token, index, when = self._last
            if last_target == target and index == stack.index() and now - when < self.PAUSE:
                token = last_token
        step = (self.FINE_STEP if fine else self.STEP) * notches
        field, ident = target
        if field == "weight":
            old = network.synapse(ident).weight  # type: ignore[arg-type]
            command: Command = SetWeight(
                network,
                ident,
                round(old + step, 10),  # type: ignore
                merge_token=token,
            )
        else:
            old = getattr(network.neuron(ident), field)  # type: ignore[arg-type]
            command = SetNeuronField(
                network,
                ident,
                field,
                round(old + step, 10),  # type: ignore
                merge_token=token,
            )
        if not self.document.push(command):
            return False
        self._last = (target, token, stack.index(), now)
        return True
