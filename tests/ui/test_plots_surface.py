"""Decision surface: the image against a direct core evaluation, contour, marker, choices."""

from __future__ import annotations

import numpy as np
import pytest
from plots_helpers import make, relu_network, xor_network
from PySide6.QtCore import Qt

from neurosim.core.engine import Engine
from neurosim.core.model import Network
from neurosim.ui.commands import AddNeuron, SetNeuronField, SetWeight
from neurosim.ui.plots.surface.panel import DecisionSurfacePanel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _panel(qtbot, network, **kwargs):
    document, clock = make(network)
    panel = DecisionSurfacePanel(document, clock, **kwargs)
    qtbot.addWidget(panel)
    return document, clock, panel


def _three_inputs() -> Network:
    net = xor_network(sources=False)
    net.add_neuron("input", "x3", value=0.7)
    net.add_synapse("x3", "h1", -3.0)
    return net


def test_image_matches_a_direct_core_evaluation(qtbot) -> None:
    net = _three_inputs()
    document, _, panel = _panel(qtbot, net)
    panel.choose("x1", "x3", "y1")
    panel.set_ranges((-1.0, 2.0), (-0.5, 1.5))
    panel.flush()
    image = panel.image.image
    assert image.shape == (100, 100) and image.dtype == np.float32
    xs, ys = np.linspace(-1, 2, 100), np.linspace(-0.5, 1.5, 100)
    gx, gy = np.meshgrid(xs, ys)
    # The same plane in float64 through a separate engine, x2 held at its value (0).
    batch = np.column_stack([gx.ravel(), np.zeros(gx.size), gy.ravel()])
    engine = Engine(net.copy())
    order = [engine.compiled.index[i] for i in ("x1", "x2", "x3")]
    inputs = np.empty_like(batch)
    inputs[:, order] = batch
    expected = engine.evaluate(inputs)
    want = expected.y[:, expected.index["y1"]].reshape(100, 100)
    np.testing.assert_allclose(image, want, atol=2e-4)
    rect = panel.image.mapRectToParent(panel.image.boundingRect())
    half_pixel = 1.5 / 99
    assert rect.left() == pytest.approx(-1 - half_pixel)
    assert rect.right() == pytest.approx(2 + half_pixel)
    assert panel.bar.levels() == pytest.approx((0.0, 1.0))


def test_contour_is_where_z_crosses_the_threshold(qtbot) -> None:
    net = relu_network()  # one input: give it a second one
    net.add_neuron("input", "x2")
    net.add_synapse("x2", "h1", 2.0)
    document, _, panel = _panel(qtbot, net)
    panel.choose("x1", "x2", "h1")
    panel.set_ranges((-1.0, 2.0), (-1.0, 1.0))
    panel.flush()
    x, y = panel.contour.getData()
    assert len(x) > 20 and len(x) % 2 == 0
    # z of h1 = x1 + 2·x2 − 0.5 is linear: the interpolated line is exact (to float32).
    np.testing.assert_allclose(x + 2 * y - 0.5, 0.0, atol=1e-6)
    assert panel.legend.items[0][1].text == "fires: z > 0"


def test_marker_follows_edits_without_recomputing(qtbot, monkeypatch) -> None:
    net = xor_network(sources=False)
    document, _, panel = _panel(qtbot, net)
    panel.flush()
    computed = []
    original = panel.compute_grid
    monkeypatch.setattr(panel, "compute_grid", lambda *a: computed.append(a) or original(*a))
    document.push(SetNeuronField(net, "x1", "value", 0.8))
    document.evaluate_now()
    panel.flush()
    assert panel.marker.getData()[0].tolist() == [0.8]
    assert computed == []  # only the marker moved
    document.push(SetWeight(net, ("h1", "y1"), 3.0))
    document.evaluate_now()
    panel.flush()
    assert len(computed) == 1


def test_running_clock_moves_the_marker(qtbot) -> None:
    document, clock, panel = _panel(qtbot, xor_network())
    clock.step(12)  # hold 5: row 2 of the truth table, (1, 0)
    panel.flush()
    assert (panel.marker.getData()[0][0], panel.marker.getData()[1][0]) == (1.0, 0.0)


def test_ranges_fit_the_sources(qtbot) -> None:
    net = relu_network()
    net.add_neuron("input", "x2")
    net.add_synapse("x2", "h1", 1.0)
    net.set_source("x2", {"kind": "sine", "amplitude": 2.0, "offset": 1.0})
    document, _, panel = _panel(qtbot, net)
    (x0, x1), (y0, y1) = panel.ranges()
    assert (x0, x1) == pytest.approx((-0.25, 1.25))  # sawtooth 0…1
    assert (y0, y1) == pytest.approx((-2.0, 4.0))  # sine −1…3 with 25 % margins


def test_choices_stay_two_different_inputs(qtbot) -> None:
    document, _, panel = _panel(qtbot, _three_inputs())
    assert panel.chosen() == ("x1", "x2", "y1")
    panel.controls.x_combo.setCurrentIndex(panel.controls.x_combo.findData("x2"))
    panel.controls.x_combo.activated.emit(panel.controls.x_combo.currentIndex())
    x_id, y_id, _ = panel.chosen()
    assert x_id == "x2" and y_id != "x2"
    with pytest.raises(ValueError):
        panel.choose(neuron_id="x1")  # inputs are not coloured


def test_one_input_draws_a_line_two_a_surface(qtbot) -> None:
    document, _, panel = _panel(qtbot, relu_network())
    assert panel.stack.currentIndex() == 0 and panel.one_input
    assert panel.plots.currentWidget() is panel.line.widget
    assert panel.view is panel.line.widget
    document.push(AddNeuron(document.network, "input", (0, 100)))
    assert panel.stack.currentIndex() == 0 and not panel.one_input
    assert panel.plots.currentWidget() is panel.widget
    assert panel.chosen()[:2] == ("x1", "x2")


def test_no_input_explains_itself(qtbot) -> None:
    net = Network()
    net.add_neuron("output", "y1")
    _, _, panel = _panel(qtbot, net)
    assert panel.stack.currentIndex() == 1
    assert "needs an input neuron" in panel.message.text()


def test_resolution_is_adjustable(qtbot) -> None:
    _, _, panel = _panel(qtbot, xor_network(), resolution=40)
    panel.flush()
    assert panel.image.image.shape == (40, 40)
    header, rows = panel.csv_table()
    assert header == ["x1", "x2", "y of y1"] and len(rows) == 1600


def test_controls_fold_away_in_a_small_panel(qtbot) -> None:
    _, _, panel = _panel(qtbot, xor_network())
    panel.resize(700, 500)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.controls.isVisible()
    panel.resize(380, 260)
    qtbot.waitUntil(lambda: not panel.controls.isVisible())
    assert panel.toggle.text() == "XOR (y1) over x1 × x2"
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)  # the user's choice wins
    assert panel.controls.isVisible()
    panel.resize(370, 250)
    qtbot.wait(20)
    assert panel.controls.isVisible()
