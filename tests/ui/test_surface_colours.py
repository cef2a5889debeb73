"""The decision surface colours a value as the canvas colours a neuron's face, on a range
fixed per activation: a near-constant output stays pale, never stretched to full colour."""

from __future__ import annotations

import numpy as np
import pytest
from plots_helpers import make
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage

from neurosim.core.engine import Engine
from neurosim.core.model import Network
from neurosim.ui.app import default_network
from neurosim.ui.canvas import colors
from neurosim.ui.commands import SetActivation
from neurosim.ui.plots.surface.panel import DecisionSurfacePanel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def painted(panel, x: float, y: float) -> tuple[int, int, int]:
    """The colour on screen at data point (x, y) of the surface."""
    view = panel.widget
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    scene = panel.plot.getViewBox().mapViewToScene(QPointF(x, y))
    at = view.mapFromScene(scene)
    ratio = image.devicePixelRatio()
    c = image.pixelColor(round(at.x() * ratio), round(at.y() * ratio))
    return c.red(), c.green(), c.blue()


def rgb(colour) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def close(a, b, tolerance: int = 6) -> bool:
    return max(abs(p - q) for p, q in zip(a, b, strict=True)) <= tolerance


def shown_panel(qtbot, net: Network):
    document, clock = make(net)
    panel = DecisionSurfacePanel(document, clock)
    qtbot.addWidget(panel)
    panel.resize(560, 480)
    panel.show()
    qtbot.waitExposed(panel)
    panel.flush()
    return document, panel


def test_surface_pixels_have_the_canvas_colours(qtbot) -> None:
    net = default_network()  # one sigmoid neuron over x1 × x2
    document, panel = shown_panel(qtbot, net)
    panel.set_ranges((-2.0, 2.0), (-2.0, 2.0))
    panel.flush()
    x_id, y_id, out_id = panel.chosen()
    engine = Engine(net.copy())
    for x, y in ((-1.2, 1.2), (1.2, -1.2), (-1.2, -1.2), (1.2, 1.2), (0.3, 0.0)):
        inputs = np.zeros((1, len(engine.input_ids)))
        inputs[0, engine.input_ids.index(x_id)] = x
        inputs[0, engine.input_ids.index(y_id)] = y
        value = float(engine.forward(inputs)[0, engine.compiled.index[out_id]])
        assert close(painted(panel, x, y), rgb(colors.value_color(value))), (x, y, value)
    # sigmoid: the bar shows 0…1 of the same scale, pale grey at 0, orange at 1
    assert panel.bar.levels() == pytest.approx((0.0, 1.0))


def test_a_near_constant_output_is_not_stretched(qtbot) -> None:
    net = Network()
    net.add_neuron("input", "x1")
    net.add_neuron("input", "x2")
    net.add_neuron("output", "y1", activation="relu", bias=0.001)
    net.add_synapse("x1", "y1", 1e-6)
    net.add_synapse("x2", "y1", 1e-6)
    document, panel = shown_panel(qtbot, net)
    assert panel.bar.levels() == pytest.approx((0.0, 1.0))  # ReLU: 0…1, fixed
    assert panel.bar.axis.autoSIPrefixScale == 1.0  # no "(x0.001)" on the bar
    ticks = [t for t, _ in panel.bar.axis._tickLevels[0]]
    assert "≥1" in [label for _, label in panel.bar.axis._tickLevels[0]] and 0.0 in ticks
    # y ≈ 0.001 everywhere: nearly the colour of 0, not the full orange of before
    pale = rgb(colors.value_color(0.0))
    assert close(painted(panel, 0.5, 0.5), pale)
    # tanh: −1…1 (the same scale, its two ends)
    document.push(SetActivation(net, ["y1"], "tanh"))
    document.evaluate_now()
    panel.flush()
    assert panel.bar.levels() == pytest.approx((-1.0, 1.0))
