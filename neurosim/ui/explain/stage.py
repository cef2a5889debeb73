"""What a beat lights on the canvas: rings around the neurons it is about, a bright band
along the synapse whose term it adds, and veils on the neurons not computed yet.

The marks are scene items of their own above the synapses and below nothing the user can
grab (the canvas takes no clicks while explaining); :meth:`Stage.clear` removes them and
lifts every veil, so the live picture comes back as it was.
"""

from __future__ import annotations

from PySide6.QtCore import QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsEllipseItem, QGraphicsItem, QGraphicsLineItem

from neurosim.core.model import SynapseKey
from neurosim.core.walkthrough import Beat
from neurosim.ui.canvas.scene import NetworkScene

AMBER = QColor(255, 176, 0)
SOFT_AMBER = QColor(255, 176, 0, 110)  # the terms already added to the sum
MARK_Z = 0.5  # above the synapses (background), below the neurons (z 1)
RING_Z = 2.0  # around a neuron: above it


class Stage:
    """The marks of one beat on ``scene``."""

    def __init__(self, scene: NetworkScene) -> None:
        self.scene = scene
        self.items: list[QGraphicsItem] = []
        self.synapse: SynapseKey | None = None  # the synapse of the beat shown, if any
        self.ringed: list[str] = []  # the neurons ringed

    def show(self, beat: Beat, beats: list[Beat]) -> None:
        self._remove_marks()
        done = set(beat.done)
        for nid, item in self.scene.neurons.items():
            item.set_veiled(nid not in done)
        if beat.kind == "inputs":
            self._ring(list(beat.done))
            return
        assert beat.neuron is not None
        # the terms already in the sum softly, the beat's own brightly
        for b in beats[: beats.index(beat)]:
            if b.neuron == beat.neuron and b.kind == "term" and b.synapse is not None:
                self._band(b.synapse, SOFT_AMBER, 0.6)
        if beat.kind == "term" and beat.synapse is not None:
            self._band(beat.synapse, AMBER, 1.0)
            self.synapse = beat.synapse
            self._ring([beat.synapse[0], beat.neuron])
        else:
            self._ring([beat.neuron])

    def clear(self) -> None:
        self._remove_marks()
        for item in self.scene.neurons.values():
            item.set_veiled(False)

    def _remove_marks(self) -> None:
        for item in self.items:
            if item.scene() is self.scene:
                self.scene.removeItem(item)
        self.items.clear()
        self.synapse = None
        self.ringed = []

    def _band(self, key: SynapseKey, colour: QColor, share: float) -> None:
        source, target = (self.scene.neurons.get(n) for n in key)
        if source is None or target is None:
            return
        s = self.scene.style
        line = QGraphicsLineItem(QLineF(source.pos(), target.pos()))
        pen = QPen(colour, 9 * s.scale * share + 3)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        line.setPen(pen)
        line.setZValue(MARK_Z)
        line.setData(0, key)
        self._add(line)

    def _ring(self, neuron_ids: list[str]) -> None:
        s = self.scene.style
        for nid in neuron_ids:
            item = self.scene.neurons.get(nid)
            if item is None:
                continue
            r = s.radius + s.selection_gap + 4 * s.scale
            w = r + item.half_width - s.radius  # an input is a wider rectangle
            ring = QGraphicsEllipseItem(-w, -r, 2 * w, 2 * r)
            ring.setPos(QPointF(item.pos()))
            ring.setPen(QPen(AMBER, 4 * s.scale))
            ring.setBrush(Qt.BrushStyle.NoBrush)
            ring.setZValue(RING_Z)
            self._add(ring)
            self.ringed.append(nid)

    def _add(self, item: QGraphicsItem) -> None:
        item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        item.setAcceptHoverEvents(False)
        self.scene.addItem(item)
        self.items.append(item)
