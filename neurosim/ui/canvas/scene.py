"""The scene: one item per neuron and synapse, kept in step with the model.

The scene follows the document's model signals (:meth:`NetworkScene.follow`) for
structure, positions and weights, and :meth:`NetworkScene.apply_evaluation` recolours every
neuron from one evaluation. It never edits the model; the view pushes commands and the
model's announcements come back here.

Synapses are painted in the background layer, which the view caches; their layer
(:mod:`~neurosim.ui.canvas.synapse_layer`) shows their weights and repaints them. A
neuron is an ordinary item: Qt repaints it when it calls ``update()``.

Signals:
    geometry_changed(): items were added, removed or moved (the view refits its scene rect).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QGraphicsScene

from neurosim.core.engine import Evaluation
from neurosim.core.model import Network, SynapseKey
from neurosim.ui.canvas import colors
from neurosim.ui.canvas.neuron_bodies import NeuronBodies
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.style import CanvasStyle
from neurosim.ui.canvas.synapse_layer import SynapseLayer

if TYPE_CHECKING:
    from neurosim.ui.document import Document

_NEURON_FIELDS_DRAWN = ("label", "activation", "params", "bias")
#: more synapses than this and weights are labelled only around the selection
LABEL_LIMIT = 60


class NetworkScene(QGraphicsScene):
    geometry_changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.style = CanvasStyle()
        self.neurons: dict[str, NeuronItem] = {}
        self.layer = SynapseLayer(self, self.style)
        self.synapses = self.layer.items  # key -> SynapseItem (the layer's)
        self._attached: dict[str, set[SynapseKey]] = {}
        self.key_colours: dict[str, QColor] = {}  # neuron id -> its colour in the plots
        self._network: Network | None = None
        self._dirty: set[SynapseKey] = set()  # synapses to follow dragged neurons
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.setInterval(0)
        self._flush_timer.timeout.connect(self.flush_moves)
        self.setBackgroundBrush(self.style.ground)
        self.bodies = self._add_bodies()
        self.geometry_changed.connect(self._cover_neurons)
        self._overview = False
        self._resync = QTimer(self)  # the zoom crossed into or out of the overview
        self._resync.setSingleShot(True)
        self._resync.setInterval(0)
        self._resync.timeout.connect(self._sync_batched)

    def _cover_neurons(self) -> None:
        if shiboken6.isValid(self.bodies):  # not after clear() (a thumbnail's scene)
            self.bodies.moved()

    def _sync_batched(self) -> None:
        for item in self.neurons.values():
            if shiboken6.isValid(item):
                item.sync_batched()

    def _add_bodies(self) -> NeuronBodies:
        bodies = NeuronBodies(self.neurons, self.style)
        self.addItem(bodies)
        return bodies

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802
        """The ground, then every synapse that reaches into ``rect``."""
        painter.fillRect(rect, self.style.ground)
        # once per frame: the zoom every item's level of detail depends on
        self.style.lod = painter.worldTransform().m11()
        if self.style.overview != self._overview:  # not while painting: after this frame
            self._overview = self.style.overview
            self._resync.start()
        self.layer.draw(painter, rect)

    # ------------------------------------------------------------ following
    def follow(self, document: Document) -> None:
        """Follow the model through ``document``'s signals (connect once; Qt disconnects
        them when the scene goes). :meth:`show_network` says which network is shown."""
        document.neuron_added.connect(self._on_neuron_added)
        document.neuron_removed.connect(self._on_neuron_removed)
        document.synapse_added.connect(self._on_synapse_added)
        document.synapse_removed.connect(self._on_synapse_removed)
        document.neuron_changed.connect(self._on_neuron_changed)
        document.synapse_changed.connect(self._on_synapse_changed)
        document.parameters_changed.connect(self._on_parameters_changed)

    def show_network(self, network: Network, evaluation: Evaluation | None = None) -> None:
        """Drop every item and build the pictures of ``network``."""
        # Deselect first: clear() would announce the selection change while deleting the
        # items, and a listener asking which neurons are selected would meet dead ones.
        self.clearSelection()
        with self.layer.batch():
            self.layer.clear()
            self.clear()
            self.bodies = self._add_bodies()
            self.neurons.clear()
            self._attached.clear()
            self._network = network
            for nid in network.neurons:
                self._add_neuron(nid)
            for key in network.synapses:
                self._add_synapse(key)
            self._update_label_rule()
        if evaluation is not None:
            self.apply_evaluation(evaluation)
        self.geometry_changed.emit()

    @property
    def network(self) -> Network | None:
        return self._network

    def apply_evaluation(self, evaluation: Evaluation) -> None:
        """Recolour every neuron from sample 0 of ``evaluation``."""
        ys = evaluation.y[0].tolist() if evaluation.y.shape[0] else []
        fired = evaluation.fired[0].tolist() if ys else []
        silent = evaluation.silent[0].tolist() if ys else []
        items = self.neurons
        steps = colors.value_indices(evaluation.y[0], self.style.saturation).tolist() if ys else []
        overview = self.style.overview  # the bodies are painted together: repaint them once
        changed = []
        for nid, col in evaluation.index.items():
            item = items.get(nid)
            if item is not None:
                alone = not overview or item.selected or item.highlight or item.kind == "input"
                if (
                    item.set_state(ys[col], fired[col], silent[col], alone, steps[col])
                    and not alone
                ):
                    changed.append(item)
        self.bodies.show_changes(changed)

    # ------------------------------------------------------- model signals
    def _on_neuron_added(self, nid: str) -> None:
        self._add_neuron(nid)
        self.geometry_changed.emit()

    def _add_neuron(self, nid: str) -> None:
        assert self._network is not None
        neuron = self._network.neurons[nid]
        item = NeuronItem(neuron, self.style, self.to_scene(neuron.position), self._on_item_changed)
        item.set_key_colour(self.key_colours.get(nid))
        item.sync_batched()
        self.neurons[nid] = item
        self._attached[nid] = set()
        self.addItem(item)

    def _on_neuron_removed(self, nid: str) -> None:
        for key in list(self._attached.pop(nid, ())):
            self._on_synapse_removed(key)
        item = self.neurons.pop(nid, None)
        if item is not None:
            self.removeItem(item)
        self.geometry_changed.emit()

    def _on_synapse_added(self, key: SynapseKey) -> None:
        self._add_synapse(key)
        self._update_label_rule()

    def _add_synapse(self, key: SynapseKey) -> None:
        assert self._network is not None
        synapse = self._network.synapses[key]
        item = self.layer.add(
            key, synapse.weight, synapse.frozen, self.neurons[key[0]], self.neurons[key[1]]
        )
        self._attached[key[0]].add(key)
        self._attached[key[1]].add(key)
        self.addItem(item)

    def _on_synapse_removed(self, key: SynapseKey) -> None:
        for end in key:
            self._attached.get(end, set()).discard(key)
        item = self.layer.remove(key)
        if item is not None:
            self.removeItem(item)
        self._update_label_rule()

    def _on_neuron_changed(self, nid: str, field: str) -> None:
        assert self._network is not None
        item, neuron = self.neurons[nid], self._network.neurons[nid]
        if field == "position":
            item.setPos(self.to_scene(neuron.position))
        elif field in _NEURON_FIELDS_DRAWN:
            item.refresh(neuron)

    def _on_synapse_changed(self, key: SynapseKey, _field: str) -> None:
        assert self._network is not None
        synapse = self._network.synapses[key]
        self.layer.show(key, synapse.weight, synapse.frozen)

    def _on_parameters_changed(self) -> None:
        assert self._network is not None
        self.layer.show_weights(self._network)
        for nid, item in self.neurons.items():
            neuron = self._network.neurons[nid]
            if not neuron.is_input and neuron.bias != item.bias:
                item.refresh(neuron)

    def _on_item_changed(self, item: NeuronItem, what: str) -> None:
        keys = self._attached.get(item.neuron_id, ())
        if what == "moved":
            if self.style.dragging:  # a synapse between two dragged neurons: update it once
                if not self._dirty:
                    self._flush_timer.start()  # in case nobody calls flush_moves()
                self._dirty.update(keys)
            else:
                for key in keys:
                    self.synapses[key].follow()
            self.geometry_changed.emit()
        elif not self.style.all_labels:  # "selected": its synapses' weights show or hide
            for key in keys:
                self.synapses[key].repaint()

    def flush_moves(self) -> None:
        """Bring the synapses of neurons dragged since the last call up to date."""
        dirty, self._dirty = self._dirty, set()
        for key in dirty:
            item = self.synapses.get(key)
            if item is not None:
                item.follow()

    # ------------------------------------------------- model ↔ picture
    def to_scene(self, position: tuple[float, float]) -> QPointF:
        """Where a model position is drawn: the whole picture grows with the presentation
        scale, so bigger neurons never crowd each other."""
        f = self.style.scale
        return QPointF(position[0] * f, position[1] * f)

    def to_model(self, point: QPointF) -> tuple[float, float]:
        f = self.style.scale
        if f == 1.0:
            return (point.x(), point.y())
        return (round(point.x() / f, 3), round(point.y() / f, 3))

    def item_position(self, nid: str) -> tuple[float, float] | None:
        """The model position a neuron's picture shows now, or None if it is where the
        model says (it may have been dragged)."""
        item, neuron = self.neurons[nid], self._network.neurons[nid]  # type: ignore[union-attr]
        if item.pos() == self.to_scene(neuron.position):
            return None
        return self.to_model(item.pos())

    def _update_label_rule(self) -> None:
        """Weights are all labelled in small nets; in big ones, only around the selection."""
        all_labels = len(self.synapses) <= LABEL_LIMIT
        if all_labels != self.style.all_labels:
            self.style.all_labels = all_labels
            self.layer.restyle()

    # ----------------------------------------------------------- display
    def set_presentation_scale(self, factor: float) -> None:
        self.style.set_scale(factor)
        with self.layer.batch():
            for nid, item in self.neurons.items():
                item.setPos(self.to_scene(self._network.neurons[nid].position))  # type: ignore
            self.refresh_all()

    def set_text_boost(self, boost: float) -> None:
        """Text around the neurons ``boost`` times larger (see CanvasStyle.text_boost)."""
        if boost == self.style.text_boost:
            return
        self.style.set_text_boost(boost)
        with self.layer.batch():
            self.refresh_all()

    def set_min_text_px(self, pixels: float) -> None:
        """Text around the neurons smaller than ``pixels`` on screen is left out (0: all
        drawn; see CanvasStyle.min_text_px)."""
        if pixels != self.style.min_text_px:
            self.style.min_text_px = float(pixels)
            self.invalidate()  # the weight labels are in the views' cached background

    def text_rects(self) -> list[QRectF]:
        """Where the names, biases and shown weight labels are, in scene coordinates (to
        check that text does not pile up on text)."""
        rects = [
            item.mapRectToScene(item.label_rect)
            for item in self.neurons.values()
            if item.kind != "input"
        ]
        rects += [item.label_rect for item in self.synapses.values() if item.label_shown()]
        return [r for r in rects if not r.isEmpty()]

    def set_key_colours(self, colours: Mapping[str, QColor]) -> None:
        """Mark these neurons with their colour in the plots (the traces' legend); the
        others lose their mark."""
        self.key_colours = dict(colours)
        for nid, item in self.neurons.items():
            item.set_key_colour(self.key_colours.get(nid))

    def set_show_values(self, on: bool) -> None:
        self.style.show_values = bool(on)
        for item in self.neurons.values():
            item.update()

    def set_show_weights(self, on: bool) -> None:
        self.style.show_weights = bool(on)
        self.refresh_all()

    def refresh_all(self) -> None:
        """Recompute every item's geometry (scale, switches or colours changed)."""
        for item in self.neurons.values():
            item.update_geometry()
        self.layer.restyle()
        self.geometry_changed.emit()

    def set_snap_grid(self, grid: float | None) -> None:
        """Snap neurons the user drags to ``grid`` scene units (None: free placement)."""
        self.style.snap_grid = grid
