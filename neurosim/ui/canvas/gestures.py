"""Mouse gestures that edit the network: connecting, dragging a value, nudging with the wheel.

Each gesture previews on the canvas only and pushes commands through the document, so a
refused edit changes nothing; ``status`` receives hints and the reasons for refusals.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsLineItem

from neurosim.core.model import SynapseKey
from neurosim.ui.canvas import colors
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.scene import NetworkScene
from neurosim.ui.commands import Command, Connect, SetNeuronField, SetWeight
from neurosim.ui.document import Document

Status = Callable[[str], None]
DEFAULT_WEIGHT = 1.0


def push(document: Document, command: Command, status: Status) -> bool:
    """Push ``command``; if it is refused, say why in the status bar and change nothing."""
    problem = command.problem()
    if problem:
        status(f"Not done: {problem}")
        return False
    return document.push(command)


def neuron_at(scene: NetworkScene, pos: QPointF) -> NeuronItem | None:
    """The topmost neuron whose shape (body, rim or label) contains ``pos``."""
    for item in scene.items(pos):
        if isinstance(item, NeuronItem):
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
            f"Connecting from {source.neuron_id}: drop on a hidden or output neuron · Esc cancels"
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
                self.problem = str(refused) if refused else None
                state = "invalid" if refused else "valid"
                target.set_highlight(state)
                self.status(
                    f"Cannot connect: {self.problem}"
                    if refused
                    else f"Release to connect {self.source.neuron_id} → {target.neuron_id}"
                )
            self.line.setPen(self._pens[state])

    def finish(self, pos: QPointF) -> SynapseKey | None:
        """Drop: connect to a valid target, otherwise explain why nothing was made."""
        self.move(pos)
        target, problem = self.target, self.problem
        self.cancel()
        if target is None:
            if neuron_at(self.scene, pos) is self.source:
                self.status("To connect, drag from the rim onto another neuron")
            else:
                self.status("No synapse made: drop the line on a hidden or output neuron")
            return None
        if problem:
            self.status(f"No synapse made: {problem}")
            return None
        key = (self.source.neuron_id, target.neuron_id)
        command = Connect(self.document.network, *key, DEFAULT_WEIGHT)
        if push(self.document, command, self.status):
            self.status(
                f"Connected {key[0]} → {key[1]} (weight {DEFAULT_WEIGHT:g}); "
                "double-click the synapse to change it"
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
        status(f"Drag up/down to change {neuron_id} (Shift: finer)")

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
            push(
                self.document,
                SetNeuronField(network, self.neuron_id, "value", value, merge_token=self.token),
                self.status,
            )


class Nudger:
    """Alt+wheel: ±0.1 per notch (Shift ±0.01); consecutive nudges are one undo step."""

    STEP, FINE_STEP = 0.1, 0.01
    PAUSE = 2.0  # seconds without nudging that start a new undo step

    def __init__(self, document: Document, status: Status) -> None:
        self.document, self.status = document, status
        self._last: tuple[object, object, int, float] | None = None

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
        if not push(self.document, command, self.status):
            return False
        self._last = (target, token, stack.index(), now)
        return True
