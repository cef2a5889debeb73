"""Mouse gestures that edit the network: connecting (drag from a rim), dragging a value.

Each gesture previews on the canvas only and pushes commands through the document, which
checks them (a refused edit changes nothing, and the document says why); ``status``
receives hints. :class:`GestureTool` owns the gesture in progress.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem

from neurosim.core.model import SynapseKey
from neurosim.core.text_marks import message_of
from neurosim.ui.canvas import colors
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.scene import NetworkScene
from neurosim.ui.canvas.synapse_item import SynapseItem
from neurosim.ui.commands import Connect, SetNeuronField
from neurosim.ui.core_text import core_text
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate

Status = Callable[[str], None]
DEFAULT_WEIGHT = 1.0


def neuron_at(scene: NetworkScene, pos: QPointF) -> NeuronItem | None:
    """The topmost neuron whose shape (body, rim or label) contains ``pos``."""
    for item in scene.items(pos):
        if isinstance(item, NeuronItem):
            return item
    return None


def item_at(scene: NetworkScene, pos: QPointF) -> NeuronItem | SynapseItem | None:
    """The neuron (preferred) or synapse at ``pos``."""
    neuron = neuron_at(scene, pos)
    if neuron is not None:
        return neuron
    for item in scene.items(pos):
        if isinstance(item, SynapseItem):
            return item
    return None


class ConnectGesture:
    """Drag from a neuron: a rubber line follows; the target shows green (valid) or red."""

    def __init__(
        self, scene: NetworkScene, document: Document, source: NeuronItem, status: Status
    ) -> None:
        self.scene, self.document, self.source, self.status = scene, document, source, status
        self.target: NeuronItem | None = None
        self.problem: str | None = None
        s = scene.style
        self.line = QGraphicsLineItem()
        self.line.setZValue(5.0)
        self._pens = {
            key: QPen(color, 3.0 * s.scale, Qt.PenStyle.DashLine, Qt.PenCapStyle.RoundCap)
            for key, color in (
                ("none", s.ink),
                ("valid", colors.VALID),
                ("invalid", colors.INVALID),
            )
        }
        self.line.setPen(self._pens["none"])
        scene.addItem(self.line)
        status(
            translate(
                "ConnectGesture",
                "Connecting from {id}: drop on a hidden or output neuron · Esc cancels",
            ).format(id=source.neuron_id)
        )

    def move(self, pos: QPointF) -> None:
        a = self.source.pos()
        dx, dy = pos.x() - a.x(), pos.y() - a.y()
        length = math.hypot(dx, dy)
        if length > 1e-9:  # start at the rim, not over the source's value
            gap = min(self.source.border_distance(dx / length, dy / length), length)
            a = QPointF(a.x() + dx / length * gap, a.y() + dy / length * gap)
        self.line.setLine(QLineF(a, pos))
        target = neuron_at(self.scene, pos)
        if target is self.source and target.zone_at(target.mapFromScene(pos)) == "port":
            target = None  # still leaving the source's rim: no verdict yet
        if target is not self.target:
            if self.target is not None:
                self.target.set_highlight(None)
            self.target = target
            self.problem = None
            state = "none"
            if target is not None:
                network = self.document.network
                refused = network.connection_problem(self.source.neuron_id, target.neuron_id)
                self.problem = core_text(message_of(refused)) if refused else None
                state = "invalid" if refused else "valid"
                target.set_highlight(state)
                self.status(
                    translate("ConnectGesture", "Cannot connect: {reason}").format(
                        reason=self.problem
                    )
                    if refused
                    else translate(
                        "ConnectGesture", "Release to connect {source} → {target}"
                    ).format(source=self.source.neuron_id, target=target.neuron_id)
                )
            self.line.setPen(self._pens[state])

    def finish(self, pos: QPointF) -> SynapseKey | None:
        """Drop: connect to a valid target, otherwise explain why nothing was made."""
        self.move(pos)
        target, problem = self.target, self.problem
        self.cancel()
        if target is None:
            if neuron_at(self.scene, pos) is self.source:
                self.status(
                    translate("ConnectGesture", "To connect, drag from the rim onto another neuron")
                )
            else:
                self.status(
                    translate(
                        "ConnectGesture",
                        "No synapse made: drop the line on a hidden or output neuron",
                    )
                )
            return None
        if problem:
            self.status(
                translate("ConnectGesture", "No synapse made: {reason}").format(reason=problem)
            )
            return None
        key = (self.source.neuron_id, target.neuron_id)
        command = Connect(self.document.network, *key, DEFAULT_WEIGHT)
        if self.document.push(command):
            self.status(
                translate(
                    "ConnectGesture",
                    "Connected {source} → {target} (weight {weight}); "
                    "double-click the synapse to change it",
                ).format(source=key[0], target=key[1], weight=f"{DEFAULT_WEIGHT:g}")
            )
            return key
        return None

    def cancel(self) -> None:
        if self.target is not None:
            self.target.set_highlight(None)
            self.target = None
        if self.line.scene() is not None:
            self.scene.removeItem(self.line)


class ValueDrag:
    """Drag an input's readout up/down: the value follows live, all one undo step."""

    PER_PIXEL = 0.01
    FINE_PER_PIXEL = 0.001

    def __init__(self, document: Document, neuron_id: str, y: float, status: Status) -> None:
        self.document, self.neuron_id, self.status = document, neuron_id, status
        self.token = object()
        self._anchor(y, document.network.neuron(neuron_id).value, False)
        status(
            translate("ValueDrag", "Drag up/down to change {id} (Shift: finer)").format(
                id=neuron_id
            )
        )

    def _anchor(self, y: float, value: float, fine: bool) -> None:
        self.start_y, self.start_value, self.fine = y, value, fine

    def move(self, y: float, fine: bool) -> None:
        network = self.document.network
        if self.neuron_id not in network.neurons:
            return
        if fine != self.fine:  # switching speed mid-drag must not jump
            self._anchor(y, network.neurons[self.neuron_id].value, fine)
        step = self.FINE_PER_PIXEL if fine else self.PER_PIXEL
        value = round(self.start_value + (self.start_y - y) * step, 3 if fine else 2)
        if value != network.neurons[self.neuron_id].value:
            self.document.push(
                SetNeuronField(network, self.neuron_id, "value", value, merge_token=self.token)
            )


Gesture = ConnectGesture | ValueDrag


class GestureTool:
    """A left press on a neuron's rim (or with Shift) connects, on an input's readout drags
    its value. Owns the gesture in progress, if any; ``select`` selects a neuron by id."""

    def __init__(
        self,
        scene: NetworkScene,
        document: Document,
        status: Status,
        select: Callable[[str], None],
    ) -> None:
        self.scene, self.document, self.status, self._select = scene, document, status, select
        self.gesture: Gesture | None = None

    @property
    def active(self) -> bool:
        return self.gesture is not None

    def press(self, scene_pos: QPointF, y: float, mods: Qt.KeyboardModifier) -> bool:
        """Start the gesture a left press at ``scene_pos`` asks for; False if none."""
        neuron = neuron_at(self.scene, scene_pos)
        if self.gesture is not None or neuron is None:
            return False
        zone = neuron.zone_at(neuron.mapFromScene(scene_pos))
        if zone == "port" or mods & Qt.KeyboardModifier.ShiftModifier:
            self.gesture = ConnectGesture(self.scene, self.document, neuron, self.status)
            self.gesture.move(scene_pos)
            return True
        if zone == "readout" and not mods & Qt.KeyboardModifier.ControlModifier:
            self._select(neuron.neuron_id)
            self.gesture = ValueDrag(self.document, neuron.neuron_id, y, self.status)
            return True
        return False

    def move(self, scene_pos: QPointF, y: float, fine: bool) -> bool:
        if isinstance(self.gesture, ConnectGesture):
            self.gesture.move(scene_pos)
        elif isinstance(self.gesture, ValueDrag):
            self.gesture.move(y, fine)
        return self.gesture is not None

    def release(self, scene_pos: QPointF) -> bool:
        """Finish the gesture (a connection is made on release); False if there was none."""
        gesture, self.gesture = self.gesture, None
        if isinstance(gesture, ConnectGesture):
            gesture.finish(scene_pos)
        return gesture is not None

    def cancel(self) -> None:
        if isinstance(self.gesture, ConnectGesture):
            self.gesture.cancel()
        self.gesture = None
