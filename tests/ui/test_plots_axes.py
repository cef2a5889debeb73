"""Axes repaint only when what they show changes: a scrolling x-axis leaves the y-axis alone,
and a repaint of the curves beside an axis draws the axis from its cache."""

from __future__ import annotations

import pytest
from plots_helpers import make, relu_network

from neurosim.ui.plots.axes import StableAxisItem
from neurosim.ui.plots.traces_panel import TracesPanel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
FRAMES = 30


@pytest.fixture
def paints(monkeypatch) -> dict[str, int]:
    counts = {"left": 0, "bottom": 0}
    real = StableAxisItem.paint

    def counting(self, *args):
        counts[self.orientation] = counts.get(self.orientation, 0) + 1
        return real(self, *args)

    monkeypatch.setattr(StableAxisItem, "paint", counting)
    return counts


def test_a_scrolling_clock_repaints_the_time_axis_once_a_frame_and_the_y_axis_never(
    qtbot, paints
) -> None:
    document, clock = make(relu_network())
    panel = TracesPanel(document, clock)
    qtbot.addWidget(panel)
    panel.resize(460, 260)
    panel.show()
    qtbot.waitExposed(panel)
    clock.set_window(20)
    clock.step(40)  # past the first window: each step scrolls the x-axis
    panel.flush()
    viewport = panel.view.viewport()
    viewport.grab()
    y_range = panel.plot.getAxis("left").range
    paints.update(left=0, bottom=0)
    for _ in range(FRAMES):
        clock.step(1)
        panel.flush()
        viewport.grab()  # the real paint path, once a frame
    assert panel.plot.getAxis("left").range == y_range
    assert paints["left"] == 0
    assert 0 < paints["bottom"] <= FRAMES
    x_lo, _x_hi = panel.plot.getAxis("bottom").range
    assert x_lo == pytest.approx(clock.t - 20 + 0.5)  # it did scroll


def test_an_axis_asked_for_the_range_it_shows_keeps_its_drawing(qtbot) -> None:
    axis = StableAxisItem("bottom")
    axis.setRange(0.0, 10.0)
    axis.picture = object()  # stands for the drawing made at the last paint
    axis.setRange(0.0, 10.0)
    assert axis.picture is not None
    axis.setRange(1.0, 11.0)
    assert axis.picture is None
