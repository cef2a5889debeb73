"""Traces panel: curve contents after k steps, pins, colours, coalesced redraws."""

from __future__ import annotations

import numpy as np
import pytest
from plots_helpers import make, relu_network, xor_network
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem

from neurosim.core.engine import Engine
from neurosim.core.sources import values_at
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.commands import AddNeuron, Connect
from neurosim.ui.plots.raster_panel import RasterPanel
from neurosim.ui.plots.traces_panel import TracesPanel

# The offscreen platform warns about size hints whenever a top-level window is shown.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _panel(qtbot, network):
    document, clock = make(network)
    panel = TracesPanel(document, clock)
    qtbot.addWidget(panel)
    return document, clock, panel


def test_curves_hold_the_outputs_after_k_steps(qtbot) -> None:
    document, clock, panel = _panel(qtbot, xor_network())
    clock.step(17)
    panel.flush()
    assert set(panel.curves) == {"x1", "x2", "y1"}  # outputs and the sourced inputs
    t, y = panel.curves["y1"].getData()
    assert t.tolist() == list(range(18))
    # Independently: the sources' values through a fresh engine, one row per step.
    net = document.network
    inputs = np.column_stack([values_at(net.neurons[i].source, t) for i in ("x1", "x2")])
    expected = Engine(net.copy()).evaluate(inputs)
    np.testing.assert_allclose(y, expected.y[:, expected.index["y1"]])
    np.testing.assert_allclose(panel.curves["x2"].getData()[1], inputs[:, 1])
    names = [label.text for _, label in panel.legend.items]
    assert names == ["x1", "x2", "XOR (y1)"]


def test_window_scrolls_and_x_range_follows(qtbot) -> None:
    document, clock, panel = _panel(qtbot, relu_network())
    clock.set_window(20)
    clock.step(50)
    panel.flush()
    t, _ = panel.curves["y1"].getData()
    assert t.tolist() == list(range(31, 51))
    x_lo, x_hi = panel.plot.getViewBox().viewRange()[0]
    assert x_lo == pytest.approx(30.5) and x_hi == pytest.approx(50.5)


def test_pin_adds_and_removes_a_trace(qtbot) -> None:
    document, clock, panel = _panel(qtbot, relu_network())
    clock.step(5)
    panel.pin("h1")
    panel.flush()
    assert "h1" in panel.curves
    np.testing.assert_allclose(panel.curves["h1"].getData()[1], clock.simulation.trace("h1")[1])
    panel.pin("h1", False)
    panel.set_show_sources(False)
    panel.flush()
    assert set(panel.curves) == {"y1"}


def test_new_neurons_join_and_keep_consistent_colours(qtbot) -> None:
    document, clock, panel = _panel(qtbot, relu_network())
    raster = RasterPanel(document, clock)
    qtbot.addWidget(raster)
    clock.step(3)
    document.push(AddNeuron(document.network, "output", (400, 0), activation="tanh"))
    document.push(Connect(document.network, "h1", "y2", 2.0))
    document.evaluate_now()
    clock.step(2)
    panel.flush()
    raster.flush()
    t, y2 = panel.curves["y2"].getData()
    assert np.isnan(y2[:3]).all() and np.isfinite(y2[3:]).all()  # no history before it existed
    colour = clock.colours.colour("y2")
    assert panel.curves["y2"].opts["pen"].color() == colour
    assert colour != clock.colours.colour("y1")
    row = raster._rows.index("y2")
    assert tuple(raster._colours[row][:3]) == (colour.red(), colour.green(), colour.blue())


def test_many_updates_in_one_frame_cost_one_redraw(qtbot) -> None:
    document, clock, panel = _panel(qtbot, relu_network())
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.wait(40)
    before = panel.redraw_count
    for _ in range(30):
        clock.step()
    qtbot.wait(60)
    assert 1 <= panel.redraw_count - before <= 2
    assert panel.curves["y1"].getData()[0][-1] == 30


def test_hidden_panel_does_not_redraw(qtbot) -> None:
    document, clock, panel = _panel(qtbot, relu_network())
    clock.step(10)
    qtbot.wait(40)
    assert panel.redraw_count == 0  # never shown: nothing to paint
    panel.show()
    qtbot.waitUntil(lambda: panel.redraw_count == 1)


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_inputs_are_dashed_hairlines_and_outputs_wide_solid_lines(qtbot, scale) -> None:
    """A dashed hairline is what Qt strokes fast (a wider dashed pen took most of a slider
    step in a window showing a noise trace); outputs stay wide and grow with the scale."""
    document, clock, panel = _panel(qtbot, xor_network())
    panel.set_presentation_scale(scale)
    clock.step(30)
    panel.flush()
    for nid in ("x1", "x2"):
        p = panel.curves[nid].opts["pen"]
        assert p.style() == Qt.PenStyle.DashLine and p.widthF() == 1.0 and p.isCosmetic()
    p = panel.curves["y1"].opts["pen"]
    assert p.style() == Qt.PenStyle.SolidLine and p.widthF() == pytest.approx(2.4 * scale)


def test_curves_are_smoothed_only_while_paused(qtbot) -> None:
    document, clock, panel = _panel(qtbot, relu_network())
    panel.flush()
    assert panel.curves["y1"].curve.opts["antialias"]
    clock.run()
    assert not panel.curves["y1"].curve.opts["antialias"]  # running: speed first
    clock.pause()
    assert panel.curves["y1"].curve.opts["antialias"]


def test_the_canvas_marks_traced_neurons_in_their_legend_colours(qtbot) -> None:
    """The legend's colours are on the canvas too: a bar of the trace's colour by the name."""
    document, clock, panel = _panel(qtbot, xor_network())
    canvas = CanvasView(document)
    qtbot.addWidget(canvas)
    panel.keys_changed.connect(canvas.scene().set_key_colours)  # as plots.install does
    canvas.resize(600, 400)
    canvas.show()
    panel.resize(600, 300)
    panel.show()
    qtbot.waitExposed(panel)
    panel.flush()
    items = canvas.scene().neurons
    marked = {nid for nid, item in items.items() if item.key_colour is not None}
    assert marked == {"x1", "x2", "y1"}
    assert (
        items["y1"].key_colour
        == clock.colours.colour("y1")
        == panel.curves["y1"].opts["pen"].color()
    )
    # The bar is drawn: the colour is in the picture of the neuron, by its name.
    item = items["y1"]
    image = QImage(item.boundingRect().size().toSize() * 2, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.scale(2, 2)
    painter.translate(-item.boundingRect().topLeft())
    item.paint(painter, QStyleOptionGraphicsItem())
    painter.end()
    key = item.key_colour.rgb()
    assert any(
        image.pixel(x, y) == key for x in range(image.width()) for y in range(image.height())
    )
    panel.pin("h1")
    panel.flush()
    assert items["h1"].key_colour == clock.colours.colour("h1")
    panel.hide()  # no legend on screen: no marks on the canvas
    assert all(item.key_colour is None for item in items.values())
    panel.show()
    assert items["y1"].key_colour == clock.colours.colour("y1")


def test_legend_goes_under_the_plot_in_a_narrow_panel(qtbot) -> None:
    document, clock, panel = _panel(qtbot, xor_network())
    panel.resize(700, 300)
    panel.show()
    qtbot.waitExposed(panel)
    layout = panel.widget.ci
    assert layout.items[panel.legend] == [(0, 1)]
    panel.resize(360, 300)
    qtbot.waitUntil(lambda: layout.items.get(panel.legend) == [(1, 0)])
    assert panel.legend.columnCount == 2
