"""The in-place editing half of :class:`CanvasView`: line editors, wheel nudges, hover hints.

A mixin so the view's file stays about events; it uses the view's ``document``,
``_scene``, ``status_message`` and ``push``.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt

from neurosim.core.model import SynapseKey
from neurosim.ui.canvas.editors import ValueEditor
from neurosim.ui.canvas.gestures import neuron_at
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.synapse_item import SynapseItem
from neurosim.ui.commands import Command, SetNeuronField, SetWeight

HINTS = {
    "port": "Drag from the rim onto a hidden or output neuron to connect {id}",
    "readout": "Drag up/down to change {id} (Shift: finer) · double-click to type · "
    "Alt+wheel nudges",
    "body": "Drag to move {id} · double-click to edit {what} · Alt+wheel nudges it",
    "synapse": "{id}: double-click to type the weight · Alt+wheel nudges it (Shift: finer)",
}
CURSORS = {
    "port": Qt.CursorShape.CrossCursor,
    "readout": Qt.CursorShape.SizeVerCursor,
    "body": Qt.CursorShape.OpenHandCursor,
    "synapse": Qt.CursorShape.PointingHandCursor,
}


class CanvasEditing:
    """Editors, nudges and hover feedback for the canvas view."""

    def _init_editing(self) -> None:
        self._editor: ValueEditor | None = None

    # -------------------------------------------------------------- editors
    def edit_weight(self, key: SynapseKey) -> None:
        """Open a line editor on the synapse's label; Enter applies, Esc cancels."""
        item = self._scene.synapses.get(tuple(key))
        if item is None:
            return
        network = self.document.network
        if self._refused_by_lock("synapse", item.key):
            return

        def apply(value: float) -> str | None:
            if item.key not in network.synapses:
                return "the synapse no longer exists"
            return self._apply(SetWeight(network, item.key, value))

        self._open_editor(
            f"Weight {key[0]} → {key[1]}", network.synapse(key).weight, apply, item.label_pos
        )

    def edit_neuron(self, neuron_id: str) -> None:
        """Open a line editor for an input's value or another neuron's bias."""
        item = self._scene.neurons.get(neuron_id)
        if item is None:
            return
        network = self.document.network
        neuron = network.neuron(neuron_id)
        field = "value" if neuron.is_input else "bias"
        if self._refused_by_lock(field, neuron_id):
            return

        def apply(value: float) -> str | None:
            if neuron_id not in network.neurons:
                return f"{neuron_id} no longer exists"
            return self._apply(SetNeuronField(network, neuron_id, field, value))

        self._open_editor(
            f"{field.capitalize()} of {neuron_id}", getattr(neuron, field), apply, item.pos()
        )

    def _apply(self, command: Command) -> str | None:
        problem = command.problem() or self.document.locked_reason(command)
        if problem:
            return problem
        self.document.push(command)
        return None

    def _refused_by_lock(self, kind: str, key: object) -> bool:
        """True (and the reason in the status bar) when an exercise locks what an editor
        would change: no editor opens on a number that cannot be changed."""
        policy = self.document.lock_policy
        reason = policy(kind, key) if policy is not None else None
        if reason:
            self.status_message.emit(f"Not possible: {reason}")
        return bool(reason)

    def _open_editor(self, what: str, value: float, apply, scene_pos: QPointF) -> None:
        self.close_editor()
        style = self._scene.style
        size = max(14, round(16 * style.scale * min(max(self.zoom(), 1.0), 2.0)))
        editor = ValueEditor(self.viewport(), what, value, apply, size)
        editor.refused.connect(self.status_message)
        editor.closed.connect(self._on_editor_closed)
        self._editor = editor
        editor.show_at(self.mapFromScene(scene_pos))
        self.status_message.emit(f"{what}: type a number · Enter applies · Esc cancels")

    def _on_editor_closed(self) -> None:
        self._editor = None
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def close_editor(self) -> None:
        if self._editor is not None:
            editor, self._editor = self._editor, None
            editor.close_editor()

    def editor(self) -> ValueEditor | None:
        """The open in-place editor, if any (for tests and the main window)."""
        return self._editor

    # --------------------------------------------------------------- nudges
    def nudge_at(self, scene_pos: QPointF, notches: float, fine: bool) -> bool:
        """Alt+wheel over a synapse, neuron or input: nudge its weight, bias or value."""
        item = self.item_at(scene_pos)
        if isinstance(item, SynapseItem):
            target = ("weight", item.key)
        elif isinstance(item, NeuronItem):
            target = ("value" if item.kind == "input" else "bias", item.neuron_id)
        else:
            return False
        return self._nudger.nudge(target, notches, fine)

    # ---------------------------------------------------------------- hover
    def _update_cursor(self, point: QPoint | None) -> None:
        """Cursor and status hint for what a press at ``point`` (viewport) would grab."""
        zone, ident, what = None, "", ""
        if self._space_held:
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if point is not None:
            scene_pos = self.mapToScene(point)
            neuron = neuron_at(self._scene, scene_pos)
            if neuron is not None:
                zone = neuron.zone_at(neuron.mapFromScene(scene_pos))
                ident = neuron.neuron_id
                what = "the value" if neuron.kind == "input" else "the bias"
            else:
                item = self.item_at(scene_pos)
                if isinstance(item, SynapseItem):
                    zone, ident = "synapse", f"{item.key[0]} → {item.key[1]}"
        if zone in CURSORS:
            self.viewport().setCursor(CURSORS[zone])
        else:
            self.viewport().setCursor(
                Qt.CursorShape.CrossCursor if self._tool else Qt.CursorShape.ArrowCursor
            )
        hint = (zone, ident)
        if hint != self._hint_zone:
            self._hint_zone = hint
            if zone in HINTS:
                self.status_message.emit(HINTS[zone].format(id=ident, what=what))
