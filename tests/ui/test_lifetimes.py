"""Views follow the model through the document and live as long as Qt says.

No view subscribes to the network itself, guards against being half-deleted or
unsubscribes by hand: these tests destroy views while their model and document live on
and check that nothing reaches them afterwards (pytest-qt fails a test on an exception in
a slot).
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from neurosim.core.builders import layered_network
from neurosim.core.events import Signal as ModelSignal
from neurosim.ui.canvas import CanvasView
from neurosim.ui.clock import SimulationClock
from neurosim.ui.commands import DeleteItems, SetParameters, SetWeight, snapshot_parameters
from neurosim.ui.document import MODEL_SIGNALS, Document
from neurosim.ui.exercises.authoring import AuthoringDialog
from neurosim.ui.exercises.controller import ExerciseController
from neurosim.ui.inspector.panel import InspectorPanel
from neurosim.ui.inspector.source_editor import SourceEditor
from neurosim.ui.lifetime import tied
from neurosim.ui.mainwindow import MainWindow
from neurosim.ui.plots.activation_panel import ActivationPanel
from neurosim.ui.plots.base import PlotPanel
from neurosim.ui.plots.raster_panel import RasterPanel
from neurosim.ui.plots.sparsity_panel import SparsityPanel
from neurosim.ui.plots.surface.panel import DecisionSurfacePanel
from neurosim.ui.plots.traces_panel import TracesPanel
from neurosim.ui.training.session import TrainingSession

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def delete_now(obj: QObject) -> None:
    obj.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    gc.collect()


def test_the_document_relays_every_model_signal_of_the_open_network(qtbot):
    network = layered_network([2, 2, 1], "tanh", seed=0)
    announced = {name for name, value in vars(network).items() if isinstance(value, ModelSignal)}
    assert set(MODEL_SIGNALS) == announced  # a new model signal needs its Qt twin
    document = Document(network)
    heard = []
    receiver = QObject()
    for name in MODEL_SIGNALS:
        getattr(document, name).connect(tied(receiver, lambda *a, n=name: heard.append((n, *a))))
    network.set_weight(("x1", "h1"), 0.25)
    network.set_bias("h1", 0.5)
    network.set_parameters({("x1", "h1"): -0.5}, {})
    network.set_meta("title", "Relayed")
    key = ("x2", "h1")
    network.remove_synapse(key)
    assert heard == [
        ("synapse_changed", ("x1", "h1"), "weight"),
        ("neuron_changed", "h1", "bias"),
        ("parameters_changed",),
        ("meta_changed",),
        ("synapse_removed", key),
    ]
    other = layered_network([2, 1], "tanh", seed=0)
    replaced = []
    document.network_replaced.connect(tied(receiver, lambda: replaced.append(1)))
    document.replace(other)
    assert replaced == [1]
    heard.clear()
    network.set_weight(("x1", "h1"), 2.0)  # the old network: nobody hears it now
    other.set_weight(("x1", "y1"), 2.0)
    assert heard == [("synapse_changed", ("x1", "y1"), "weight")]


def test_a_document_outlives_its_views(qtbot):
    """Canvas, inspector, live plots, source editor, training, recovery: all follow the
    document, and once they are gone its edits reach none of them."""
    document = Document(layered_network([2, 3, 1], "tanh", seed=0))
    host = QWidget()
    canvas = CanvasView(document, host)
    InspectorPanel(document, canvas, canvas.theme, host)
    clock = SimulationClock(document, host)
    for cls in (ActivationPanel, TracesPanel, DecisionSurfacePanel, RasterPanel, SparsityPanel):
        cls(document, clock, host).schedule()
    SourceEditor(document, "x1", host)
    TrainingSession(document, host)
    AuthoringDialog(ExerciseController(document, canvas, host), canvas, host)
    host.resize(800, 600)
    host.show()
    qtbot.waitExposed(host)
    network = document.network
    document.push(SetWeight(network, ("x1", "h1"), 0.5))
    document.replace(network)  # followed across a replacement, too
    delete_now(host)
    # An edit, its undo, a bulk change and a deletion reach no dead view (an exception in
    # a slot fails the test), and the event loop holds nothing for them.
    document.push(SetWeight(network, ("x1", "h1"), -0.5))
    document.undo_stack.undo()
    old = snapshot_parameters(network)
    new = ({key: 0.1 for key in network.synapses}, {})
    document.push(SetParameters(network, "Bulk", old, new))
    document.push(DeleteItems(network, ["h2"], []))
    network.set_meta("title", "Still here")
    document.evaluate_now()
    document.undo_stack.clear()
    QApplication.processEvents()


def test_a_window_closed_with_unsaved_edits_goes_quietly(qtbot, settings, dialogs):
    """Its document's undo stack announces a last change while the window is destroyed."""
    window = MainWindow(settings=settings)
    window.open_network(layered_network([2, 2, 1], "tanh", seed=0))
    window.show()
    qtbot.waitExposed(window)
    network = window.document.network
    key = next(iter(network.synapses))
    window.document.push(SetWeight(network, key, 0.5))
    window.document.push(SetWeight(network, key, 0.7))
    window.document.undo_stack.undo()  # something to undo and something to redo
    assert window.acts.undo.isEnabled() and window.acts.redo.isEnabled()
    assert window.acts.undo.text() == f"&Undo Weight {key[0]} → {key[1]}"
    window.close()
    delete_now(window)


class _Sender(QObject):
    fired = Signal()


def test_tied_slots_go_with_their_owner(qtbot):
    sender, owner, calls = _Sender(), QObject(), []
    sender.fired.connect(tied(owner, lambda: calls.append(1)))
    gc.collect()
    sender.fired.emit()
    delete_now(owner)
    sender.fired.emit()
    assert calls == [1]


def test_a_panel_closed_while_waiting_for_its_frame_is_skipped(window, qtbot):
    panel = window.findChildren(PlotPanel)[0]
    frames = panel.clock.frames
    count = frames.frames
    panel.schedule()
    delete_now(panel)
    qtbot.waitUntil(lambda: frames.frames > count)  # the frame came, without the panel


def test_badges_and_padlocks_go_with_their_neuron(window, qtbot):
    canvas = window.canvas
    network = window.document.network
    nid = next(n.id for n in network if not n.is_input)
    key = next(k for k in network.synapses if nid in k)
    canvas.set_badges({nid: "✕ dead"})
    canvas.set_locked({nid: "locked"}, {key: "locked too"})
    assert canvas.badges() == {nid: "✕ dead"}
    assert set(canvas.lock_marks.badges) == {nid, key}
    window.document.push(DeleteItems(network, [nid], []))
    QApplication.processEvents()
    gc.collect()
    assert canvas.badges() == {}
    assert canvas.lock_marks.badges == {}
    window.document.undo_stack.undo()  # back: marked again
    QApplication.processEvents()
    assert canvas.badges() == {nid: "✕ dead"}
    assert set(canvas.lock_marks.badges) == {nid, key}
    window.document.undo_stack.setClean()
