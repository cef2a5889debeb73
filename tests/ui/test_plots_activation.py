"""Activation panel: curves from the registry, the live operating point, threshold, flat regions."""

from __future__ import annotations

import numpy as np
import pytest
from plots_helpers import make, relu_network, xor_network

from neurosim.core.activations import REGISTRY
from neurosim.core.model import Neuron
from neurosim.ui.commands import SetActivation, SetNeuronField, SetParam, SetWeight
from neurosim.ui.plots.activation_panel import ActivationPanel, _label_anchor
from neurosim.ui.plots.curves import flat_regions

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _panel(qtbot, network):
    document, clock = make(network)
    panel = ActivationPanel(document, clock)
    qtbot.addWidget(panel)
    return document, clock, panel


def _marker_points(panel) -> list[tuple[float, float]]:
    x, y = panel.markers.getData()
    return list(zip(x.tolist(), y.tolist(), strict=True))


def test_marker_moves_with_an_edit(qtbot) -> None:
    net = xor_network(sources=False)
    document, _, panel = _panel(qtbot, net)
    panel.set_neurons(["h1"])
    panel.flush()
    assert _marker_points(panel) == [pytest.approx((-10.0, 1 / (1 + np.exp(10))))]
    document.push(SetNeuronField(net, "x1", "value", 0.4))
    document.push(SetWeight(net, ("x2", "h1"), 5.0))
    document.push(SetNeuronField(net, "x2", "value", 1.0))
    document.evaluate_now()
    panel.flush()
    z = 20 * 0.4 + 5 * 1.0 - 10  # = 3
    assert _marker_points(panel) == [pytest.approx((z, 1 / (1 + np.exp(-z))))]
    assert panel.point_label.toPlainText() == f"z = {z:.3f}\ny = {1 / (1 + np.exp(-z)):.3f}"


def test_curve_is_the_registry_function_over_a_range_holding_z(qtbot) -> None:
    net = xor_network(sources=False)
    document, _, panel = _panel(qtbot, net)
    panel.set_neurons(["y1"])  # z = -30 + 20·σ(-10) + 20·σ(30) ≈ -10
    panel.flush()
    z, y = panel.curves[0].getData()
    assert z[0] <= -11 and z[-1] >= 6
    np.testing.assert_allclose(y, REGISTRY["sigmoid"].f(z))
    dz, dy = panel.slopes[0].getData()
    np.testing.assert_allclose(dy, REGISTRY["sigmoid"].df(dz))
    x_lo, x_hi = panel.plot.getViewBox().viewRange()[0]
    assert x_lo <= -11 and x_hi >= 6
    panel.show_slope.setChecked(False)
    panel.flush()
    assert not panel.slopes[0].isVisible()


def test_threshold_line_and_parameters(qtbot) -> None:
    net = relu_network()
    document, _, panel = _panel(qtbot, net)
    panel.set_neurons(["y1"])
    panel.flush()
    assert panel.threshold.value() == pytest.approx(0.2)
    document.push(SetParam(net, "y1", "threshold", 1.5))
    document.evaluate_now()
    panel.flush()
    assert panel.threshold.value() == pytest.approx(1.5)
    assert "θ = 1.5" in panel.threshold.label.toPlainText()
    z, y = panel.curves[0].getData()
    np.testing.assert_array_equal(y, (z >= 1.5).astype(float))
    # Step has no slope at all: one region over everything.
    region, label = panel.regions[0]
    assert region.isVisible() and label.toPlainText() == "gradient 0 everywhere"
    assert region.getRegion() == pytest.approx((z[0], z[-1]))


def test_vanishing_gradient_regions() -> None:
    z = np.linspace(-6, 6, 1201)
    lo, hi = flat_regions(z, REGISTRY["sigmoid"].df(z))
    # σ′(z) = 0.05 · 0.25 where |z| ≈ 4.36
    assert lo == pytest.approx((-6, -4.36), abs=0.01)
    assert hi == pytest.approx((4.36, 6), abs=0.01)
    assert flat_regions(z, REGISTRY["relu"].df(z)) == [pytest.approx((-6, 0), abs=0.01)]
    assert flat_regions(z, REGISTRY["linear"].df(z)) == []


def test_several_neurons_each_on_their_own_curve(qtbot) -> None:
    net = relu_network()
    document, clock, panel = _panel(qtbot, net)
    document.push(SetActivation(net, ["h2"], "tanh"))
    document.evaluate_now()
    clock.step(3)
    panel.set_neurons(["h1", "h2", "x1"])  # the input has no curve
    panel.flush()
    ev = document.evaluation
    points = [(ev.z[0, ev.index[n]], ev.y[0, ev.index[n]]) for n in ("h1", "h2")]
    assert _marker_points(panel) == [pytest.approx(p) for p in points]
    for curve, name in zip(panel.curves, ("relu", "tanh"), strict=True):
        z, y = curve.getData()
        np.testing.assert_allclose(y, REGISTRY[name].f(z))
    brushes = panel.markers.data["brush"]
    assert [b.color() for b in brushes] == [clock.colours.colour(n) for n in ("h1", "h2")]
    assert panel.legend.isVisible()


def test_compare_overlays_other_activations(qtbot) -> None:
    document, _, panel = _panel(qtbot, relu_network())
    panel.set_compared(["tanh", "gelu"])
    panel.flush()
    assert panel.compared() == ["tanh", "gelu"]
    for name in ("tanh", "gelu"):
        z, y = panel.compare_curves[name].getData()
        np.testing.assert_allclose(y, REGISTRY[name].f(z))
        assert panel.compare_curves[name].isVisible()
    panel.compare_actions["tanh"].setChecked(False)
    panel.flush()
    assert not panel.compare_curves["tanh"].isVisible()
    header, rows = panel.csv_table()
    assert header[-1] == "f(z) compare gelu" and len(rows) > 100


def test_selecting_an_input_keeps_the_neuron_shown(qtbot) -> None:
    _, _, panel = _panel(qtbot, relu_network())
    panel.set_neurons(["x1"])  # nothing chosen yet: the first output neuron
    panel.flush()
    assert not panel.message.isVisible()
    assert panel.plot.titleLabel.text.startswith("y1:")
    panel.set_neurons([])
    panel.flush()
    assert panel.plot.titleLabel.text.startswith("y1:")


def test_point_label_stays_off_the_curve_and_inside_the_plot() -> None:
    relu = Neuron("h", "hidden", "h", activation="relu")
    tanh = Neuron("h", "hidden", "h", activation="tanh")
    view = [[-6.0, 6.0], [-1.0, 7.0]]
    # ReLU rising through the middle, left part of the plot: right of it and below.
    assert _label_anchor(relu, 2.0, 2.0, view) == (-0.08, -0.1)
    # In the right quarter: left of it, and above (the rising curve is below-left).
    assert _label_anchor(relu, 5.0, 4.0, view) == (1.08, 1.1)
    # Near the bottom, flat: above and to the right.
    assert _label_anchor(relu, -3.0, 0.0, view) == (-0.08, 1.1)
    # Near the bottom, rising: above and to the left, where the curve is not.
    assert _label_anchor(relu, 0.2, 0.2, view) == (1.08, 1.1)
    # ... unless the left edge is too close.
    assert _label_anchor(relu, -5.0, 0.2, [[-6.0, 6.0], [-1.0, 7.0]]) == (-0.08, 1.1)
    # Near the top: below.
    assert _label_anchor(tanh, 2.0, 6.5, view) == (-0.08, -0.1)
