"""The "shift all hidden biases" slider in the real window: 06a into the brain's 1–4 % band."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionSlider
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.paths import resource_path
from neurosim.ui.plots.bias_shift import shift_text
from neurosim.ui.plots.sparsity_panel import sparsity_text

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

SPARSE = resource_path("examples", "06a-sparse-relu.nsim.json")
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def sparse(qtbot, settings, dialogs):
    window = make_window(qtbot, settings, fileformat.load(SPARSE))
    window.resize(1280, 800)
    dock = window.live_plots.docks["sparsity"]
    dock.show()
    dock.raise_()
    panel = window.live_plots.sparsity
    qtbot.waitUntil(lambda: panel.bias_shift.slider.width() > 150)
    return window, panel


def handle_centre(slider) -> QPoint:
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    rect = slider.style().subControlRect(
        QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider
    )
    return rect.center()


def hidden_biases(window) -> dict[str, float]:
    return {n.id: n.bias for n in window.document.network.of_kind("hidden")}


#: 06a's inputs are uniform in −1…1: a 41×41 grid stands for many steps of its clock
GRID = np.stack(np.meshgrid(*[np.linspace(-1.0, 1.0, 41)] * 2), axis=-1).reshape(-1, 2)


def share_over_time(doc) -> float:
    """The mean share of active hidden neurons over the inputs' range — what the sparsity
    plot shows over time. One evaluation gives only multiples of 1/32, and whether one
    pixel of the slider lands on exactly 1 of 32 depends on that moment's inputs."""
    return float(doc.engine.evaluate(GRID).active_fraction.mean())


def test_dragging_left_reaches_the_band_in_one_undo_step(sparse, qtbot):
    window, panel = sparse
    slider, doc = panel.bias_shift.slider, window.document
    before = hidden_biases(window)
    start = handle_centre(slider)
    assert slider.value() == 0 and panel.bias_shift.readout.text() == "0.00"
    qtbot.mousePress(slider, LEFT, pos=start)
    in_band = []
    for dx in range(1, start.x() + 1):  # every pixel: the band is a narrow stretch
        qtbot.mouseMove(slider, start - QPoint(dx, 0))
        fraction = float(doc.evaluate_now().active_fraction[0])
        mean_share = share_over_time(doc)
        offset = panel.bias_shift.offset()
        assert hidden_biases(window) == {
            nid: pytest.approx(b + offset) for nid, b in before.items()
        }
        assert panel.status == sparsity_text(fraction, 32)  # the readout follows, live
        assert panel.bias_shift.readout.text() == shift_text(offset)
        if 0.01 <= mean_share <= 0.04:
            in_band.append(offset)
    qtbot.mouseRelease(slider, LEFT, pos=start - QPoint(start.x(), 0))
    assert in_band, "some shift keeps 1–4 % of the hidden neurons active on average"
    assert all(-2.0 <= offset < 0 for offset in in_band)
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText().startswith("Shift hidden biases by −")
    window.acts.undo.trigger()
    assert hidden_biases(window) == before
    doc.evaluate_now()
    assert slider.value() == 0 and panel.bias_shift.readout.text() == "0.00"


def test_two_drags_are_two_steps_and_an_edit_elsewhere_restarts_the_slider(sparse, qtbot):
    window, panel = sparse
    slider, doc = panel.bias_shift.slider, window.document
    before = hidden_biases(window)
    for _ in range(2):
        start = handle_centre(slider)
        qtbot.mousePress(slider, LEFT, pos=start)
        qtbot.mouseMove(slider, start - QPoint(10, 0))
        qtbot.mouseRelease(slider, LEFT, pos=start - QPoint(10, 0))
        doc.evaluate_now()
    assert doc.undo_stack.count() == 2
    shifted = panel.bias_shift.offset()
    assert shifted < 0
    assert hidden_biases(window) == {n: pytest.approx(b + shifted) for n, b in before.items()}
    window.acts.undo.trigger()  # the second drag goes: the slider shows the first
    doc.evaluate_now()
    assert slider.value() == 0  # restarted from the biases the network has now
    window.acts.undo.trigger()
    assert hidden_biases(window) == before


def test_a_narrow_panel_puts_the_title_above_the_slider(sparse, qtbot):
    _window, panel = sparse
    shift = panel.bias_shift

    def slider_row() -> int:
        return shift.grid.getItemPosition(shift.grid.indexOf(shift.slider))[0]

    shift.resize(600, shift.height())
    assert slider_row() == 0  # one row when there is room
    shift.resize(220, shift.height())
    assert slider_row() == 1  # the slider under its title, never a sliver
    assert shift.minimumSizeHint().width() <= 220
