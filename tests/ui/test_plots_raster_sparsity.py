"""Raster marks and sparsity figures against the core's fired flags and active fraction."""

from __future__ import annotations

import numpy as np
import pytest
from plots_helpers import make, relu_network, xor_network

from neurosim.core.model import Network
from neurosim.core.sources import values_at
from neurosim.ui.commands import SetNeuronField
from neurosim.ui.plots.raster_panel import SUB, RasterPanel, lane_colours
from neurosim.ui.plots.sparsity_panel import SparsityPanel, sparsity_text

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_raster_marks_every_step_a_neuron_fired(qtbot) -> None:
    document, clock = make(relu_network())
    panel = RasterPanel(document, clock)
    qtbot.addWidget(panel)
    clock.step(24)
    panel.flush()
    image = panel.image.image  # (rows × SUB, steps, RGBA)
    assert panel._rows == ("h1", "h2", "y1")
    assert image.shape == (3 * SUB, 25, 4)
    lanes = image[1::SUB]  # the first lane pixel row of every neuron
    empty = lane_colours(panel.theme.palette.plot)[0]
    marked = np.any(lanes[..., :3] != empty[:3], axis=-1)
    x1 = values_at(document.network.neurons["x1"].source, np.arange(25))
    expected = np.array([x1 - 0.5 > 0, -x1 + 0.5 > 0, np.maximum(x1 - 0.5, 0) >= 0.2])
    np.testing.assert_array_equal(marked, expected)
    colour = clock.colours.colour("h2")
    step = int(np.flatnonzero(expected[1])[0])
    assert tuple(lanes[1, step, :3]) == (colour.red(), colour.green(), colour.blue())
    ticks = panel.plot.getAxis("left")._tickLevels[0]
    assert [label for _, label in ticks] == ["h1", "h2", "y1"]
    header, rows = panel.csv_table()
    assert header == ["t", "h1", "h2", "y1"]
    assert [r[1:] for r in rows] == expected.T.astype(int).tolist()


def test_sparsity_follows_the_core_active_fraction(qtbot) -> None:
    document, clock = make(relu_network())
    panel = SparsityPanel(document, clock)
    qtbot.addWidget(panel)
    texts = []
    panel.status_changed.connect(texts.append)
    for _ in range(12):
        clock.step()
    panel.flush()
    t, percent = panel.curve.getData()
    np.testing.assert_allclose(percent, 100 * clock.simulation.active.data())
    x1 = values_at(document.network.neurons["x1"].source, t)
    active = ((x1 - 0.5 > 1e-9).astype(float) + (0.5 - x1 > 1e-9)) / 2
    np.testing.assert_allclose(percent, 100 * active)
    fraction = float(document.evaluation.active_fraction[0])
    assert panel.status == sparsity_text(fraction, 2)
    # At t = 5 (x1 = 0.5) both neurons sat exactly at z = 0: the status said so then.
    assert texts[-2:] == [
        "sparsity: 100 % silent (hidden neurons active: 0 of 2)",
        "sparsity: 50 % silent (hidden neurons active: 1 of 2)",
    ]
    heights = panel.bars.opts["height"]
    assert heights.sum() == 2  # every hidden neuron in one bar


def test_sparsity_status_while_the_panel_is_hidden_and_paused(qtbot) -> None:
    document, clock = make(relu_network())
    panel = SparsityPanel(document, clock)
    qtbot.addWidget(panel)
    document.push(SetNeuronField(document.network, "x1", "source", None))
    document.push(SetNeuronField(document.network, "x1", "value", 0.5))
    document.evaluate_now()  # x1 = 0.5: both relu neurons get z = 0, both silent
    assert panel.status == "sparsity: 100 % silent (hidden neurons active: 0 of 2)"
    document.push(SetNeuronField(document.network, "x1", "value", 2.0))
    document.evaluate_now()
    assert panel.status == "sparsity: 50 % silent (hidden neurons active: 1 of 2)"


def test_sparsity_text() -> None:
    assert sparsity_text(0.75, 4) == "sparsity: 25 % silent (hidden neurons active: 3 of 4)"
    assert sparsity_text(None, 0) == "no hidden neurons"
    assert sparsity_text(1.0, 1) == "sparsity: 0 % silent (hidden neurons active: 1 of 1)"


def test_sparsity_without_hidden_neurons(qtbot) -> None:
    net = Network()
    net.add_neuron("input", "x1")
    net.add_neuron("output", "y1")
    net.add_synapse("x1", "y1", 1.0)
    document, clock = make(net)
    panel = SparsityPanel(document, clock)
    qtbot.addWidget(panel)
    clock.step(3)
    panel.flush()
    assert panel.status == "no hidden neurons"
    assert panel.empty_label.isVisibleTo(panel.hist)
    assert np.isnan(panel.curve.getData()[1]).all()


def test_sigmoid_hidden_neurons_are_never_silent(qtbot) -> None:
    document, clock = make(xor_network())
    panel = SparsityPanel(document, clock)
    qtbot.addWidget(panel)
    clock.step(8)
    panel.flush()
    assert panel.status == "sparsity: 0 % silent (hidden neurons active: 2 of 2)"
    np.testing.assert_allclose(panel.curve.getData()[1], 100.0)


def test_histogram_axes_read_as_counts_and_round_values(qtbot) -> None:
    """Counts of neurons are whole numbers; the narrow histogram gets few x labels."""
    document, clock = make(xor_network())  # two sigmoid hidden neurons: y in [0, 1]
    panel = SparsityPanel(document, clock)
    qtbot.addWidget(panel)
    clock.step(3)
    panel.flush()
    left = panel.hist.getAxis("left")._tickLevels[0]
    top = int(panel.bars.opts["height"].max())
    assert [label for _, label in left] == [str(k) for k in range(top + 1)]  # never "0.5"
    bottom = panel.hist.getAxis("bottom")._tickLevels
    assert [label for _, label in bottom[0]] == ["0", "0.5", "1"]
    assert all(label == "" for _, label in bottom[1])  # minor ticks: no crowded labels


def test_narrow_sparsity_panel_puts_the_histogram_under_the_curve(qtbot) -> None:
    document, clock = make(relu_network())
    panel = SparsityPanel(document, clock)
    qtbot.addWidget(panel)
    panel.resize(700, 300)
    panel.show()
    qtbot.waitExposed(panel)
    layout = panel.widget.ci
    assert layout.items[panel.hist] == [(0, 1)]
    panel.resize(300, 420)
    qtbot.waitUntil(lambda: layout.items.get(panel.hist) == [(1, 0)])
    panel.set_presentation_scale(0.5)  # 300 px is wide enough at half the size
    panel.resize(301, 420)
    qtbot.waitUntil(lambda: layout.items.get(panel.hist) == [(0, 1)])


def test_band_label_sits_under_zero_where_the_curve_never_goes(qtbot) -> None:
    document, clock = make(relu_network())
    panel = SparsityPanel(document, clock)
    qtbot.addWidget(panel)
    panel.resize(600, 320)
    panel.show()
    qtbot.waitExposed(panel)
    clock.step(5)
    panel.flush()
    qtbot.wait(30)  # the view boxes apply their new ranges
    box = panel.plot.getViewBox()
    label = box.mapSceneToView(panel.band_label.sceneBoundingRect()).boundingRect()
    assert label.bottom() <= 0.0 and label.top() >= box.viewRange()[1][0]  # y points up
    assert panel.band_label.isVisible() and panel.band.getRegion() == (1, 4)
    # "silent" sits above the tallest bar, inside the plot.
    hist = panel.hist.getViewBox()
    silent = hist.mapSceneToView(panel.silent_label.sceneBoundingRect()).boundingRect()
    assert silent.bottom() <= hist.viewRange()[1][1]
