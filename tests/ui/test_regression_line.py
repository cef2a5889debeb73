"""With one input, the surface panel draws y(x) over the data points (07a: a flat line)."""

from __future__ import annotations

import numpy as np
import pytest
from lessons_helpers import example_path
from PySide6.QtGui import QImage
from shell_helpers import make_window

from neurosim.core.engine import Engine
from neurosim.ui.commands import SetNeuronField

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def open_07a(qtbot, settings):
    window = make_window(qtbot, settings)
    assert window.open_file(example_path("07a-dying-relu"))
    panel = window.live_plots.surface
    assert not window.live_plots.docks["surface"].isHidden()  # 07a's view shows it
    panel.flush()
    return window, panel


def engine_outputs(window, xs: np.ndarray) -> np.ndarray:
    net = window.document.network
    engine = Engine(net.copy())
    batch = np.tile(engine.compiled.input_values, (len(xs), 1))
    batch[:, engine.input_ids.index("x1")] = xs
    return engine.forward(batch)[:, engine.compiled.index["y1"]]


def test_the_line_is_the_engines_output_and_the_points_the_dataset(qtbot, settings, dialogs):
    window, panel = open_07a(qtbot, settings)
    assert panel.one_input and panel.view is panel.line.widget
    assert panel.toggle.text() == "y1 over x (x1)"
    xs, ys = panel.line.curve.getData()
    np.testing.assert_allclose(ys, engine_outputs(window, xs))
    data = window.training.session.train_set
    px, py = panel.line.train.getData()
    np.testing.assert_array_equal(px, data.inputs[:, 0])
    np.testing.assert_array_equal(py, data.targets[:, 0])
    assert xs[0] <= data.inputs.min() and xs[-1] >= data.inputs.max()  # spans the data
    assert [label.text for _, label in panel.line.legend.items] == ["output of y1", "data"]
    # painted: the line's blue and the points' orange are on screen
    image = panel.line.widget.viewport().grab().toImage()
    colours = {
        image.pixelColor(x, y).name()
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
    }
    assert "#0072b2" in colours and "#e08214" in colours


def test_dead_hidden_neurons_draw_the_flat_line_of_the_notes(qtbot, settings, dialogs):
    """07a's lesson: once every ReLU is dead, y(x) is flat (the bias of y1 alone)."""
    window, panel = open_07a(qtbot, settings)
    net, doc = window.document.network, window.document
    doc.undo_stack.beginMacro("kill")
    for n in net.of_kind("hidden"):
        doc.push(SetNeuronField(net, n.id, "bias", -5.0))
    doc.undo_stack.endMacro()
    doc.evaluate_now()
    panel.flush()
    xs, ys = panel.line.curve.getData()
    np.testing.assert_allclose(ys, net.neurons["y1"].bias)  # flat: no hidden neuron passes x
    np.testing.assert_allclose(ys, engine_outputs(window, xs))
    header, rows = panel.csv_table()
    assert header == ["x1", "y of y1"] and len(rows) == len(xs)


def test_export_renders_the_line(qtbot, settings, dialogs, tmp_path):
    _, panel = open_07a(qtbot, settings)
    panel.export_png(tmp_path / "line.png")
    assert not QImage(str(tmp_path / "line.png")).isNull()
