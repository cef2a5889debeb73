"""Render truth: after every kind of change, the canvas shows the model — as painted.

Each test changes the model the way a student or a lecturer does, then grabs the canvas
through the real paint path (``viewport().grab()``, with the view's background cache as
shipped) and checks two things:

1. the screen is what a full repaint paints now: the grab equals, pixel for pixel, a grab
   after ``resetCachedContent()`` (which redraws every synapse, as a zoom does) — so no
   cached pixels show an old weight, colour, dash or halo;
2. that full repaint paints the model: the debug hook ``CanvasStyle.record`` writes down
   each synapse's label text, colour, dash (frozen) and halo (selected), and each neuron's
   value text and fired ring, and they must match the network and its evaluation.

Checks of items' state (``item.weight == w``) prove the items agree with the model, not that
the screen does: these tests look at what was painted.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QApplication

from neurosim.core import fileformat
from neurosim.core.engine import Engine
from neurosim.core.model import Network
from neurosim.paths import resource_path
from neurosim.ui.canvas import colors
from neurosim.ui.canvas.paint_record import PaintedSynapse, PaintRecord
from neurosim.ui.canvas.scene import LABEL_LIMIT
from neurosim.ui.canvas.style import format_value
from neurosim.ui.clock import SimulationClock
from neurosim.ui.commands import SetNeuronField, SetWeight
from neurosim.ui.training.compare_dialog import CompareDialog
from neurosim.ui.training.session import TrainingSession

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

#: 10 neurons, 16 synapses (every weight labelled), a dataset to train on
LEAKY = resource_path("examples", "07b-leaky-relu.nsim.json")
#: 19 neurons, 88 synapses: weights are labelled only around the selection
BIGGER = resource_path("examples", "08-choosing-activation.nsim.json")


# ------------------------------------------------------------------ what was painted
def settle() -> None:
    """Let queued evaluations and repaints happen, as the event loop would."""
    for _ in range(4):
        QApplication.processEvents()


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    data = np.frombuffer(image.constBits(), np.uint32, image.sizeInBytes() // 4)
    return data.reshape(image.height(), image.bytesPerLine() // 4)[:, : image.width()].copy()


def grab(canvas) -> np.ndarray:
    return pixels(canvas.viewport().grab().toImage())


def stale_items(canvas, wrong: np.ndarray) -> list[str]:
    """The synapses and neurons whose picture covers a wrong pixel (for the message)."""
    scene = canvas.network_scene
    names = []
    for name, item in [*scene.synapses.items(), *scene.neurons.items()]:
        rect = canvas.mapFromScene(item.sceneBoundingRect()).boundingRect()
        rect = rect.intersected(QRect(0, 0, wrong.shape[1], wrong.shape[0]))
        if (
            rect.isValid()
            and wrong[rect.top() : rect.bottom() + 1, rect.left() : rect.right() + 1].any()
        ):
            names.append(str(name))
    return names


def painted(canvas) -> tuple[np.ndarray, np.ndarray, PaintRecord]:
    """(the screen through the view's cache, a full repaint, what the full repaint drew)."""
    settle()
    shown = grab(canvas)
    style = canvas.network_scene.style
    record = style.record = PaintRecord()
    try:
        canvas.resetCachedContent()  # every synapse is drawn afresh, as after a zoom
        fresh = grab(canvas)
    finally:
        style.record = None
    return shown, fresh, record


def expected_picture(window) -> tuple[dict, dict]:
    """What the canvas must show: every synapse and neuron of the model, as drawn."""
    canvas, network = window.canvas, window.document.network
    selected = set(canvas.selected_synapse_keys())
    around = set(canvas.selected_neuron_ids())
    # Weights are labelled when readable: all in a small net, else around the selection.
    readable = canvas.transform().m11() * canvas.network_scene.style.weight_metrics.height() >= 7
    every = len(network.synapses) <= LABEL_LIMIT

    def label(key, weight):
        shown = readable and (every or key in selected or around & set(key))
        return format_value(weight, 2) if shown else None

    synapses = {
        key: PaintedSynapse(
            label(key, s.weight),
            colors.weight_color(s.weight).name(),
            s.frozen,
            key in selected,
        )
        for key, s in network.synapses.items()
    }
    engine = Engine(network)  # the model's values now, whatever the document has cached
    try:
        evaluation = engine.evaluate()
    finally:
        engine.detach()
    neurons = {}
    for nid, col in evaluation.index.items():
        y = float(evaluation.y[0, col])
        neurons[nid] = (y, bool(evaluation.fired[0, col]))
    return synapses, neurons


def sign_of(colour: str) -> int:
    """The sign a synapse's colour says: orange is positive, blue negative, grey zero."""
    c = int(colour[1:], 16)
    red, blue = c >> 16, c & 0xFF
    return 0 if abs(red - blue) < 8 else (1 if red > blue else -1)


def assert_truth(window) -> PaintRecord:
    canvas = window.canvas
    shown, fresh, record = painted(canvas)
    wrong = shown != fresh
    assert not wrong.any(), (
        f"{int(wrong.sum())} pixels on screen are not what the model paints now; "
        f"stale: {', '.join(stale_items(canvas, wrong))}"
    )
    synapses, neurons = expected_picture(window)
    assert record.synapses == synapses  # label, colour, dash, halo of every synapse
    for key, picture in record.synapses.items():
        weight = window.document.network.synapses[key].weight
        assert sign_of(picture.colour) == (weight > 0) - (weight < 0), key
    assert set(record.neurons) == set(neurons)
    for nid, (y, fired) in neurons.items():
        shown_value = record.neurons[nid]
        assert shown_value.fired == fired, f"{nid}: fired ring"
        assert shown_value.value in {format_value(y, d) for d in (1, 2, 3)}, (nid, y)
    return record


# --------------------------------------------------------------------------- helpers
def action(window, text: str) -> QAction:
    """The window's action with this text (the menu's & ignored)."""
    found = [a for a in window.findChildren(QAction) if a.text().replace("&", "") == text]
    assert found, f"no action {text!r}"
    return found[0]


def session(window) -> TrainingSession:
    return window.findChildren(TrainingSession)[0]


def open_example(window, path: Path = LEAKY) -> None:
    window.resize(1800, 1200)  # room enough for the weights to be readable, so drawn
    assert window.open_file(path)
    window.canvas.fit_to_view()
    settle()
    record = assert_truth(window)
    assert window.canvas.network_scene.style.record is None
    if path == LEAKY:
        assert all(picture.label for picture in record.synapses.values())


def initialise(window) -> None:
    """Train ▸ Initialise weights, from a seed the example was not made with."""
    session(window).set_settings(seed=12345)
    before = dict(window.document.network.synapses)
    before = {key: s.weight for key, s in before.items()}
    action(window, "Initialise weights").trigger()
    after = {key: s.weight for key, s in window.document.network.synapses.items()}
    assert all(after[key] != w for key, w in before.items())


def train_frames(window, frames: int = 3) -> TrainingSession:
    s = session(window)
    assert s.train(), s.message
    for _ in range(frames):
        s.frame()
    return s


@pytest.fixture
def net(window):
    open_example(window)
    return window


# ----------------------------------------------------------------------------- tests
def test_one_weight_edit(net):
    network = net.document.network
    key = next(iter(network.synapses))
    net.document.push(SetWeight(network, key, -network.synapses[key].weight / 2))
    assert_truth(net)


def test_a_slider_drag_in_the_inspector(net):
    key = next(iter(net.document.network.synapses))
    net.canvas.select(synapse_keys=[key])
    settle()
    slider = net.inspector.synapse_page.weight.slider
    slider.setSliderDown(True)  # a drag: one undo step, every position shown
    for position in (slider.value() - 120, slider.value() - 260, 130):
        slider.setValue(position)
        assert_truth(net)
    slider.setSliderDown(False)
    assert_truth(net)


def test_selecting_and_freezing_a_synapse(net):
    network = net.document.network
    key = next(iter(network.synapses))
    net.canvas.select(synapse_keys=[key])
    assert_truth(net)  # the halo
    network.set_synapse_frozen(key, True)  # no edit does it (a file does): the model may
    assert_truth(net)  # dashed
    net.canvas.select()
    assert_truth(net)
    network.set_synapse_frozen(key, False)
    assert_truth(net)


def test_training_frames(net):
    s = train_frames(net)
    assert_truth(net)  # while the run goes on
    s.frame()
    assert_truth(net)
    s.pause()
    assert_truth(net)


def test_initialise_weights(net):
    initialise(net)
    assert_truth(net)


def test_undo_and_redo_of_a_training_run(net):
    train_frames(net).pause()
    settle()
    stack = net.document.undo_stack
    assert stack.undoText().startswith("Train")
    stack.undo()
    assert_truth(net)
    stack.redo()
    assert_truth(net)


def test_compare_open_this_run(net, qtbot):
    action(net, "Compare activations…").trigger()
    dialog = net.findChildren(CompareDialog)[0]
    dialog.set_chosen(["relu"])
    dialog.epochs.setValue(30)
    assert dialog.start()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    dialog.close()
    assert net.document.network.meta["title"].endswith("ReLU run")
    assert_truth(net)


def test_opening_a_file_with_the_same_layout(net, tmp_path: Path):
    other: Network = fileformat.load(LEAKY)
    for i, key in enumerate(other.synapses):
        other.set_weight(key, (-1) ** i * (0.25 + 0.1 * i))  # other values, other signs
    path = tmp_path / "same-layout.nsim.json"
    fileformat.save(other, path)
    assert net.open_file(path)
    assert_truth(net)
    assert net.open_file(LEAKY)
    assert_truth(net)


def test_saving_during_training(net, tmp_path: Path, dialogs):
    train_frames(net)
    dialogs.save_path = str(tmp_path / "trained.nsim.json")
    assert net.save_as()
    assert_truth(net)


def test_switching_theme(net):
    try:
        for theme in ("Dark", "Light"):
            action(net, theme).trigger()
            assert_truth(net)
    finally:
        action(net, "System").trigger()


def test_a_clock_step(net):
    clock = net.findChildren(SimulationClock)[0]
    network = net.document.network
    x = next(n.id for n in network if n.is_input)
    net.document.push(SetNeuronField(network, x, "source", {"kind": "square", "period": 4}))
    for _ in range(3):
        clock.step()
        assert_truth(net)


def test_a_bigger_net_labels_the_selection(window):
    open_example(window, BIGGER)
    neuron = next(n.id for n in window.document.network if n.kind == "hidden")
    window.canvas.select([neuron])
    assert_truth(window)  # its synapses' weights appear
    initialise(window)
    assert_truth(window)
    window.canvas.select()
    assert_truth(window)  # and go
