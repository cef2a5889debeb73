"""A big network seen whole (an overview: no numbers on the neurons) has its hidden and
output bodies painted together by NeuronBodies; what is drawn is what the neurons say."""

from __future__ import annotations

from canvas_helpers import what_is_painted
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QGraphicsItem
from shell_helpers import dialogs, make_window, settings  # noqa: F401 - fixtures

from neurosim.core.builders import layered_network
from neurosim.ui.canvas import colors
from neurosim.ui.commands import SetNeuronField
from neurosim.ui.lessons.thumbnails import render

NO_CONTENTS = QGraphicsItem.GraphicsItemFlag.ItemHasNoContents


def _pixel(window, item) -> QColor:
    view = window.canvas
    image = view.viewport().grab().toImage()
    at = view.mapFromScene(item.centre)
    return QColor(image.pixel(QPoint(at.x(), at.y())))


def _big(qtbot, settings):  # noqa: F811
    window = make_window(qtbot, settings, layered_network([4] + [12] * 30 + [2], "tanh", seed=3))
    window.canvas.fit_to_view()
    qtbot.waitUntil(lambda: window.canvas.network_scene.style.overview, timeout=3000)
    qtbot.wait(50)  # the items learn they are batched after the frame that found out
    return window


def test_an_overview_paints_every_body_in_its_value_colour(qtbot, settings, dialogs):  # noqa: F811
    window = _big(qtbot, settings)
    scene = window.canvas.network_scene
    evaluation = window.document.evaluation
    record = what_is_painted(window)
    view = window.canvas
    seen = view.mapToScene(view.viewport().rect().adjusted(-3, -3, 3, 3)).boundingRect()
    on_screen = {nid for nid, item in scene.neurons.items() if item.scene_rect.intersects(seen)}
    assert len(on_screen) > 300
    assert set(record.neurons) == on_screen  # inputs paint themselves, the rest batched
    for nid, painted in record.neurons.items():
        item = scene.neurons[nid]
        assert painted.value is None  # no number in an overview
        assert painted.fired == bool(evaluation.fired[0, evaluation.index[nid]])
        if item.kind != "input":
            assert item.flags() & NO_CONTENTS  # Qt does not call into it to paint
    hidden = next(i for i in scene.neurons.values() if i.kind == "hidden" and abs(i.y) > 0.3)
    expected = colors.value_color(hidden.y)
    shown = _pixel(window, hidden)
    assert max(abs(shown.red() - expected.red()), abs(shown.blue() - expected.blue())) < 40


def test_an_edit_recolours_the_bodies_and_a_selected_neuron_paints_itself(qtbot, settings, dialogs):  # noqa: F811
    window = _big(qtbot, settings)
    scene = window.canvas.network_scene
    network = window.document.network
    first = next(n.id for n in network if n.is_input)
    window.document.push(SetNeuronField(network, first, "value", 1.0))
    qtbot.wait(100)
    hidden = next(i for i in scene.neurons.values() if i.kind == "hidden" and abs(i.y) > 0.3)
    expected = colors.value_color(hidden.y)
    shown = _pixel(window, hidden)
    assert max(abs(shown.red() - expected.red()), abs(shown.blue() - expected.blue())) < 40
    window.canvas.select(neuron_ids=[hidden.neuron_id])
    qtbot.wait(50)
    assert not hidden.flags() & NO_CONTENTS and not hidden.batched  # its selection shows
    window.canvas.select(neuron_ids=[])
    qtbot.wait(50)
    assert hidden.flags() & NO_CONTENTS


def test_a_thumbnail_of_a_big_network_shows_its_neurons(qapp):
    network = layered_network([4] + [12] * 30 + [2], "tanh", seed=3)
    image: QImage = render(network)
    ground = image.pixel(0, 0)
    inked = sum(
        image.pixel(x, y) != ground
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    )
    assert inked > 200
    assert Qt  # (the fixtures' Qt app is up)
