"""Numbers on the canvas in the real window: one precision, inside the ring; the inspector
returns to its size after a huge number is undone."""

from __future__ import annotations

import math

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from shell_helpers import make_window

from neurosim.core.model import Network
from neurosim.ui.canvas.faces import face_text
from neurosim.ui.canvas.paint_record import PaintRecord

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window


def small_values() -> Network:
    """h1 and y1 show −0.01 (linear); h2 shows σ(0.35) = 0.5866; weights of 3+ decimals."""
    net = Network({"title": "faces"})
    net.add_neuron("input", position=(0, 0), value=0.0)
    net.add_neuron("hidden", position=(160, -70), activation="linear", bias=-0.01)
    net.add_neuron("hidden", position=(160, 70), activation="sigmoid", bias=0.35)
    net.add_neuron("output", position=(320, 0), activation="linear", bias=0.0)
    net.add_synapse("x1", "h1", 0.12345)
    net.add_synapse("x1", "h2", -1.0049)
    net.add_synapse("h1", "y1", 1.0)
    net.add_synapse("h2", "y1", 0.0)
    return net


@pytest.fixture
def faces(qtbot, settings, dialogs):
    window = make_window(qtbot, settings, small_values())
    window.resize(1280, 800)
    window.canvas.fit_to_view()
    window.document.evaluate_now()
    for _ in range(4):
        QApplication.processEvents()
    return window


def record_picture(canvas) -> PaintRecord:
    style = canvas.network_scene.style
    record = style.record = PaintRecord()
    try:
        canvas.resetCachedContent()
        canvas.viewport().grab()
    finally:
        style.record = None
    return record


def grey(canvas) -> np.ndarray:
    image = canvas.viewport().grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
    data = np.frombuffer(image.constBits(), np.uint8, image.sizeInBytes())
    return data.reshape(image.height(), image.bytesPerLine())[:, : image.width()].astype(int)


def test_faces_and_labels_share_one_precision(faces):
    record = record_picture(faces.canvas)
    evaluation = faces.document.evaluation
    for nid in ("h1", "h2", "y1"):
        y = float(evaluation.y[0, evaluation.index[nid]])
        assert record.neurons[nid].value == face_text(y)
    assert record.neurons["h2"].value == "0.59"  # not "0.587" beside a "0.12"
    assert record.neurons["y1"].value == record.neurons["h1"].value == "−0.01"
    assert record.synapses[("x1", "h1")].label == "0.12"
    assert record.synapses[("x1", "h2")].label == "−1.00"
    assert faces.canvas.network_scene.neurons["h1"]._bias_text == "b −0.01"


@pytest.mark.parametrize("nid", ["h1", "y1"])
def test_minus_001_stays_clear_of_the_ring(faces, nid):
    """The pixels the number paints (screen with it, minus screen without it) all lie
    inside the body's border, and an output's inner ring, with a pixel to spare."""
    canvas = faces.canvas
    item = canvas.network_scene.neurons[nid]
    with_text = grey(canvas)
    shown = item._value_text
    item._value_text = ""
    item.update()
    without = grey(canvas)
    item._value_text = shown
    item.update()
    ys, xs = np.nonzero(np.abs(with_text - without) > 40)
    assert len(xs) > 20, "the number was painted"
    centre = canvas.mapFromScene(item.scenePos())
    zoom = canvas.transform().m11()
    style = canvas.network_scene.style
    ring = style.radius - style.border / 2  # the border's inner edge
    if nid == "y1":
        ring = style.radius - 4.5 * style.scale - 0.6 * style.scale  # the inner ring's
    farthest = np.hypot(xs + 0.5 - centre.x(), ys + 0.5 - centre.y()).max()
    assert farthest <= ring * zoom - 1.0, (farthest, ring * zoom)


def test_inspector_size_and_slider_return_after_a_huge_number_is_undone(faces, qtbot):
    window, canvas = faces, faces.canvas
    canvas.select(["y1"])
    qtbot.wait(1)
    area, inspector = window.inspector_dock.widget(), window.inspector
    bias = inspector.neuron_page.bias
    before = (inspector.minimumSizeHint().width(), bias.range())
    canvas.edit_neuron("y1")  # as a double-click does: type in place
    editor = canvas.editor()
    editor.selectAll()
    qtbot.keyClicks(editor, "1e300")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert window.document.network.neuron("y1").bias == 1e300
    qtbot.waitUntil(lambda: bias.value() == 1e300)
    assert area.horizontalScrollBar().maximum() == 0  # never wider than its dock
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bias.value() == 0.0)
    assert bias.range() == before[1]  # the slider is usable again, not 0…1e300
    assert inspector.minimumSizeHint().width() <= before[0]
    assert area.horizontalScrollBar().maximum() == 0
    assert not math.isinf(bias.spin.maximum()) and bias.spin.maximum() == 1000.0
    assert inspector.width() <= area.viewport().width()


def test_inspector_box_shows_the_whole_of_a_longer_number(faces, qtbot):
    """A bias of −0.187427 after −0.01: the box widens, its minus sign is not cut off."""
    window = faces
    window.canvas.select(["h1"])
    qtbot.wait(1)
    box = window.inspector.neuron_page.bias.spin
    window.canvas.edit_neuron("h1")
    editor = window.canvas.editor()
    editor.selectAll()
    qtbot.keyClicks(editor, "-0.187427")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: box.lineEdit().text() == "-0.187427")
    edit = box.lineEdit()
    qtbot.waitUntil(lambda: edit.width() >= edit.fontMetrics().horizontalAdvance(edit.text()))
    for _ in range(3):
        QApplication.processEvents()
    assert edit.width() >= edit.fontMetrics().horizontalAdvance(edit.text())
