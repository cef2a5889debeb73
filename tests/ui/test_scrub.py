"""Scrubbing back in time: the timeline moves the whole window to a recorded step."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from scrub_helpers import answer_next_box, drag_slider
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.core.history import Parameters
from neurosim.paths import resource_path
from neurosim.ui.commands import SetWeight

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

SPARSE = resource_path("examples", "06a-sparse-relu.nsim.json")


def run_window(qtbot, settings, steps: int = 80):
    window = make_window(qtbot, settings, fileformat.load(SPARSE))
    window.clock.pause()
    window.clock.reset()
    window.clock.step(steps)
    return window


def test_dragging_the_slider_shows_that_step_everywhere(qtbot, settings, dialogs):
    window = run_window(qtbot, settings)
    scrub = window.scrub
    slider = scrub.bar.slider
    ring = scrub.controller.ring
    assert slider.maximum() == len(ring) - 1 == 80
    present_y = {nid: item.y for nid, item in window.canvas.scene().neurons.items()}
    # somewhere with a different picture than now
    target = next(i for i in range(10, 70) if not np.allclose(ring[i].y, ring[-1].y))
    drag_slider(qtbot, scrub.bar, target)
    qtbot.waitUntil(lambda: scrub.controller.index is not None)
    snap = scrub.controller.snapshot
    assert snap is not None and abs(snap.t - target) <= 1  # a pixel may round by one step
    assert scrub.bar.label.text() == f"step {snap.t} of 80"
    # the canvas faces show the recorded outputs of that step
    for nid, item in window.canvas.scene().neurons.items():
        assert item.y == pytest.approx(snap.output(nid))
    # every time plot has a cursor line at that step
    for line in scrub.cursors.lines:
        assert line.isVisible() and line.value() == snap.t
    # Now (Ctrl+End) returns exactly
    QTest.keyClick(window, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert scrub.controller.index is None
    for nid, item in window.canvas.scene().neurons.items():
        assert item.y == present_y[nid]
    assert not any(line.isVisible() for line in scrub.cursors.lines)
    assert slider.value() == slider.maximum()


def test_keyboard_moves_the_slider(qtbot, settings, dialogs):
    window = run_window(qtbot, settings, 30)
    slider = window.scrub.bar.slider
    slider.setFocus()
    QTest.keyClick(slider, Qt.Key.Key_Home)
    qtbot.waitUntil(lambda: window.scrub.controller.index == 0)
    QTest.keyClick(slider, Qt.Key.Key_Right)
    qtbot.waitUntil(lambda: window.scrub.controller.index == 1)
    assert window.scrub.controller.snapshot.t == 1
    QTest.keyClick(slider, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: window.scrub.controller.index is None)


def test_editing_in_the_past_is_refused_with_a_reason(qtbot, settings, dialogs):
    window = run_window(qtbot, settings, 20)
    window.scrub.controller.go_to(5)
    key = next(iter(window.document.network.synapses))
    before = window.document.network.synapses[key].weight
    reasons: list[str] = []
    window.document.refused.connect(reasons.append)
    assert not window.document.push(SetWeight(window.document.network, key, before + 1))
    assert "step 5" in reasons[-1] and "Now" in reasons[-1]
    assert window.document.network.synapses[key].weight == before


def test_resuming_asks_and_branch_drops_the_future(qtbot, settings, dialogs):
    window = run_window(qtbot, settings, 50)
    controller = window.scrub.controller
    controller.go_to(20)
    # Esc: nothing happens, still in the past
    answer_next_box(Qt.Key.Key_Escape)
    window.live_plots.transport.step_action.trigger()
    assert controller.index == 20 and window.clock.t == 50
    # B: branch at step 20 and take one step from there
    answer_next_box(Qt.Key.Key_B)
    window.live_plots.transport.step_action.trigger()
    assert controller.index is None
    assert window.clock.t == 21
    assert [s.t for s in controller.ring] == list(range(22))
    assert window.clock.simulation.times.data()[-1] == 21


def test_resuming_can_return_to_the_present(qtbot, settings, dialogs):
    window = run_window(qtbot, settings, 40)
    controller = window.scrub.controller
    present = Parameters.of(window.document.network)
    controller.go_to(3)
    answer_next_box(Qt.Key.Key_R)
    window.live_plots.transport.step_action.trigger()
    assert controller.index is None and window.clock.t == 41
    assert Parameters.of(window.document.network).same_as(present)


def test_past_parameters_are_shown_and_branch_is_one_undo_step(qtbot, settings, dialogs):
    window = run_window(qtbot, settings, 10)
    network = window.document.network
    key = next(iter(network.synapses))
    old = network.synapses[key].weight
    window.document.push(SetWeight(network, key, old + 2.0))
    window.clock.step(10)
    controller = window.scrub.controller
    controller.go_to(5)  # before the edit
    assert network.synapses[key].weight == old
    controller.now()
    assert network.synapses[key].weight == old + 2.0
    controller.go_to(5)
    depth = window.document.undo_stack.count()
    controller.branch()
    assert network.synapses[key].weight == old
    assert window.document.undo_stack.count() == depth + 1
    window.document.undo()
    assert network.synapses[key].weight == old + 2.0


def test_the_label_keeps_its_width_and_fits_a_larger_font(qtbot, settings, dialogs):
    window = run_window(qtbot, settings, 30)
    bar = window.scrub.bar
    slider_width = bar.slider.width()
    for index in (3, 12, 29, 0):  # texts of other lengths: the slider stays put
        window.scrub.controller.go_to(index)
        assert bar.slider.width() == slider_width
    label = bar.label
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 3)  # as presentation mode's larger type
    bar.setFont(font)
    assert label.fontMetrics().horizontalAdvance(label.text()) > 230
    assert label.width() >= label.fontMetrics().horizontalAdvance(label.text())
