"""The synapses' layer: where a synapse is repainted when its weight — or anything — changes.

Synapses are drawn into the scene's background, which the view caches
(``QGraphicsView.CacheBackground``): an edit that only recolours neurons (an input value, a
clock step) then redraws the neurons over the cached arrows instead of every arrow beneath
them — at 500 neurons and 4 900 synapses that is 16 ms an edit instead of about 29 ms.

A cached picture is only as true as its invalidation, so this class is the one place that
changes what a synapse shows and the one place that invalidates the cache:

- :meth:`SynapseLayer.show` — one synapse's weight or frozen state (an edit, its undo, a
  slider drag, the model changed directly);
- :meth:`SynapseLayer.show_weights` — every weight at once (training frames, Initialise
  weights, undo and redo of a run, a compared run opened);
- :meth:`SynapseLayer.add`, :meth:`remove`, :meth:`clear`, :meth:`restyle` — structure,
  rebuilds, presentation scale, display switches, theme;
- an item's own changes (its selection, its neurons' selection or moves) call
  :meth:`SynapseLayer.damage` with the area it covered and covers now.

:meth:`damage` invalidates the background under that area at once, or, inside
:meth:`batch`, adds it to one rectangle that is invalidated when the batch ends: single and
bulk changes take the same path, and nothing is left out of a bulk change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QRectF
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsScene

from neurosim.core.model import Network, SynapseKey
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.style import CanvasStyle
from neurosim.ui.canvas.synapse_item import SynapseItem

_BACKGROUND = QGraphicsScene.SceneLayer.BackgroundLayer


class SynapseLayer:
    """Every :class:`SynapseItem` of a scene, by key, and the cache they are drawn into."""

    def __init__(self, scene: QGraphicsScene, style: CanvasStyle) -> None:
        self.scene = scene
        self.style = style
        self.items: dict[SynapseKey, SynapseItem] = {}
        self._depth = 0  # nested batches
        self._pending = QRectF()  # damage collected during a batch

    # ------------------------------------------------------------- the cache
    def damage(self, rect: QRectF) -> None:
        """The picture under ``rect`` (scene coordinates) changed: have it redrawn."""
        if rect.isEmpty():
            return
        if self._depth:
            self._pending = self._pending.united(rect)
        else:
            self.scene.invalidate(rect, _BACKGROUND)

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Collect the damage of many changes; invalidate its bounding rectangle once."""
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            if not self._depth and not self._pending.isEmpty():
                rect, self._pending = self._pending, QRectF()
                self.scene.invalidate(rect, _BACKGROUND)

    def draw(self, painter: QPainter, rect: QRectF) -> None:
        """Paint every synapse that reaches into ``rect`` (the scene's background)."""
        for item in self.items.values():
            if item.reaches(rect):
                item.draw(painter)

    # ------------------------------------------------------------ the model
    def add(
        self, key: SynapseKey, weight: float, frozen: bool, source: NeuronItem, target: NeuronItem
    ) -> SynapseItem:
        item = SynapseItem(key, weight, frozen, self.style, source, target, self.damage)
        self.items[key] = item
        return item

    def remove(self, key: SynapseKey) -> SynapseItem | None:
        item = self.items.pop(key, None)
        if item is not None:
            self.damage(item.boundingRect())  # the background still shows it
        return item

    def clear(self) -> None:
        """Forget every synapse (the scene deletes the items); their area is redrawn."""
        with self.batch():
            for item in self.items.values():
                self.damage(item.boundingRect())
            self.items.clear()

    def show(self, key: SynapseKey, weight: float, frozen: bool) -> None:
        """Show one synapse's weight and frozen state."""
        self.items[key].set_weight(weight, frozen)

    def show_weights(self, network: Network) -> None:
        """Show every weight of ``network`` that differs from its picture (a bulk change)."""
        synapses = network.synapses
        with self.batch():
            for key, item in self.items.items():
                synapse = synapses[key]
                if synapse.weight != item.weight or synapse.frozen != item.frozen:
                    item.set_weight(synapse.weight, synapse.frozen)

    def restyle(self) -> None:
        """Rebuild every picture from the style (scale, switches, label rule, colours)."""
        with self.batch():
            for item in self.items.values():
                item.set_weight(item.weight, item.frozen, rebuild=True)
