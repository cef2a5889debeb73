"""Shared fixtures and gestures for the canvas tests (real events on the viewport)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from neurosim.core.model import Network
from neurosim.ui.canvas import CanvasView
from neurosim.ui.canvas.paint_record import PaintRecord
from neurosim.ui.document import Document

NO_MOD = Qt.KeyboardModifier.NoModifier
LEFT = Qt.MouseButton.LeftButton


def network_231() -> Network:
    """Inputs x1, x2; hidden h1 (relu), h2 (tanh), h3 (step); output y1 (sigmoid)."""
    net = Network({"title": "2-3-1"})
    net.add_neuron("input", position=(0, -45), value=0.8)
    net.add_neuron("input", position=(0, 45), value=-0.35)
    net.add_neuron("hidden", position=(180, -90), activation="relu", bias=0.1)
    net.add_neuron("hidden", position=(180, 0), activation="tanh", bias=-0.2)
    net.add_neuron("hidden", position=(180, 90), activation="step")
    net.add_neuron("output", position=(360, 0), activation="sigmoid", bias=0.05)
    weights = {
        ("x1", "h1"): 1.2,
        ("x2", "h1"): 0.5,
        ("x1", "h2"): -0.7,
        ("x2", "h2"): 2.4,
        ("x1", "h3"): -1.5,
        ("x2", "h3"): 0.3,
        ("h1", "y1"): 1.0,
        ("h2", "y1"): -2.1,
        ("h3", "y1"): 0.5,
    }
    for key, w in weights.items():
        net.add_synapse(*key, w)
    return net


def make_canvas(qtbot):
    """Body of each test module's ``canvas`` fixture: the 2-3-1 net in a shown view."""
    view = CanvasView(Document(network_231()))
    qtbot.addWidget(view)
    view.resize(900, 620)
    view.show()
    qtbot.waitExposed(view)
    view.fit_to_view()
    yield view
    # A Document destroyed with a non-clean stack emits cleanChanged while being deleted
    # (a RuntimeError printed at exit); leave it clean.
    view.document.undo_stack.clear()


def vp(view: CanvasView, x: float, y: float) -> QPoint:
    """Viewport pixel of a model point."""
    return view.mapFromScene(view.network_scene.to_scene((x, y)))


def center(view: CanvasView, nid: str) -> QPoint:
    return vp(view, *view.document.network.neuron(nid).position)


def rim(view: CanvasView, nid: str) -> QPoint:
    """A point on the neuron's rim (its connect port), on its right side."""
    item = view.network_scene.neurons[nid]
    x, y = view.document.network.neuron(nid).position
    return vp(view, x + item.half_width - 2 * view.network_scene.style.scale, y)


def drag(
    qtbot,
    view: CanvasView,
    start: QPoint,
    end: QPoint,
    modifier: Qt.KeyboardModifier = NO_MOD,
    steps: int = 6,
) -> None:
    """Press at ``start``, move in steps to ``end``, release there."""
    viewport = view.viewport()
    qtbot.mousePress(viewport, LEFT, modifier, start)
    for i in range(1, steps + 1):
        p = start + (end - start) * (i / steps)
        qtbot.mouseMove(viewport, p)
    qtbot.mouseRelease(viewport, LEFT, modifier, end)


def wheel(
    view: CanvasView, pos: QPoint, notches: float = 1.0, modifiers: Qt.KeyboardModifier = NO_MOD
) -> None:
    """Send a real wheel event (qtbot has no helper for it)."""
    viewport = view.viewport()
    event = QWheelEvent(
        QPointF(pos),
        QPointF(viewport.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, round(120 * notches)),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)


def assert_matches_model(view: CanvasView) -> None:
    """Every neuron and synapse has exactly one item, drawn where and as the model says."""
    scene, network = view.network_scene, view.document.network
    assert set(scene.neurons) == set(network.neurons)
    assert set(scene.synapses) == set(network.synapses)
    for nid, item in scene.neurons.items():
        assert item.pos() == scene.to_scene(network.neurons[nid].position)
        assert scene.item_position(nid) is None
        assert item.neuron_id == nid and item.scene() is scene
    for key, item in scene.synapses.items():
        assert item.key == key and item.weight == network.synapses[key].weight
        assert item.source is scene.neurons[key[0]] and item.target is scene.neurons[key[1]]
    from neurosim.ui.canvas.neuron_item import NeuronItem
    from neurosim.ui.canvas.synapse_item import SynapseItem

    drawn = [i for i in scene.items() if isinstance(i, (NeuronItem, SynapseItem))]
    assert len(drawn) == len(network.neurons) + len(network.synapses)


def what_is_painted(window) -> PaintRecord:
    """What the window's canvas draws now, through its real paint path."""
    scene = window.canvas.network_scene
    scene.style.record = record = PaintRecord()
    window.canvas.resetCachedContent()
    window.canvas.viewport().repaint()
    scene.style.record = None
    return record
