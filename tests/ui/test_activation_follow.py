"""The activation plot in the real window stays on its neuron while an input is dragged."""

from __future__ import annotations

import pytest
from canvas_helpers import LEFT, center, network_231
from PySide6.QtCore import QPoint
from shell_helpers import make_window

from neurosim.core import fileformat

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window


@pytest.fixture
def window231(qtbot, settings, dialogs):
    return make_window(qtbot, settings, network_231())


def marker(panel):
    panel.flush()
    xs, ys = panel.markers.getData()
    return float(xs[0]), float(ys[0])


def click(qtbot, canvas, nid: str) -> None:
    qtbot.mouseClick(canvas.viewport(), LEFT, pos=center(canvas, nid) - QPoint(0, 6))


def test_dragging_an_input_moves_the_point_along_the_shown_curve(window231, qtbot):
    canvas, panel = window231.canvas, window231.live_plots.activation
    click(qtbot, canvas, "h2")  # tanh: z = -0.7·x1 + 2.4·x2 - 0.2
    assert [n.id for n in panel.shown()] == ["h2"]
    before = marker(panel)
    viewport = canvas.viewport()
    start = center(canvas, "x1") + QPoint(0, 8)  # the input's readout: drag its value
    qtbot.mousePress(viewport, LEFT, pos=start)
    assert canvas.selected_neuron_ids() == ["x1"]
    for dy in (10, 20, 40):
        qtbot.mouseMove(viewport, start - QPoint(0, dy))
        window231.document.evaluate_now()
        assert [n.id for n in panel.shown()] == ["h2"]  # still the tanh neuron
    qtbot.mouseRelease(viewport, LEFT, pos=start - QPoint(0, 40))
    x1 = window231.document.network.neuron("x1").value
    assert x1 == pytest.approx(1.2)
    z, y = marker(panel)
    assert z == pytest.approx(before[0] - 0.7 * 0.4) and z != before[0]
    assert y == pytest.approx(float(__import__("numpy").tanh(z)))
    assert panel.plot.titleLabel.text.startswith("h2:")
    canvas.select([])  # clicking empty canvas keeps it too
    assert [n.id for n in panel.shown()] == ["h2"]


def test_selecting_another_hidden_neuron_follows_it_unless_pinned(window231, qtbot):
    canvas, panel = window231.canvas, window231.live_plots.activation
    click(qtbot, canvas, "h1")
    assert [n.id for n in panel.shown()] == ["h1"]
    qtbot.mouseClick(panel.pin, LEFT)
    assert panel.pin.isChecked() and "h1" in panel.pin.toolTip()
    click(qtbot, canvas, "y1")
    assert [n.id for n in panel.shown()] == ["h1"]
    qtbot.mouseClick(panel.pin, LEFT)  # unpinned: the selection's neuron, at once
    assert [n.id for n in panel.shown()] == ["y1"]


def test_opening_another_network_unpins(window231, qtbot):
    panel = window231.live_plots.activation
    window231.canvas.select(["h1"])
    panel.pin.setChecked(True)
    window231.open_network(fileformat.loads(fileformat.dumps(network_231())))
    assert not panel.pin.isChecked()
    assert [n.id for n in panel.shown()] == ["y1"]
