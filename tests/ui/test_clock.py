"""The simulation clock and its transport bar: steps, run/pause, reset, keys, manual edits."""

from __future__ import annotations

import numpy as np
import pytest
from plots_helpers import make, relu_network, xor_network
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QSlider

from neurosim.core.sources import values_at
from neurosim.ui.commands import SetNeuronField, SetWeight
from neurosim.ui.plots.transport import TransportBar

# The offscreen platform warns about size hints whenever a top-level window is shown.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_step_evaluates_once_and_records(qtbot) -> None:
    document, clock = make(xor_network())
    seen = []
    document.evaluated.connect(seen.append)
    clock.step()
    clock.step(3)
    assert clock.t == 4
    assert len(seen) == 2  # one evaluated per call, however many steps it took
    times, x2 = clock.simulation.trace("x2")
    assert times.tolist() == [0, 1, 2, 3, 4]
    assert x2.tolist() == [0, 0, 0, 0, 0]
    clock.step(2)  # hold = 5: step 5 shows row 1 of the truth table
    assert clock.simulation.trace("x2")[1][-1] == 1.0
    assert document.network.neurons["x2"].value == 1.0
    assert document.evaluation.y[0, document.evaluation.index["x2"]] == 1.0
    assert document.undo_stack.count() == 0  # the clock is not an edit


class FakeElapsed:
    """Stands for the clock's QElapsedTimer: time moves only when the test says so."""

    def __init__(self) -> None:
        self.ms = 0

    def restart(self) -> None:
        self.ms = 0

    def elapsed(self) -> int:
        return self.ms


def test_run_steps_at_the_chosen_speed_and_pause_stops(qtbot) -> None:
    document, clock = make(relu_network())
    clock._elapsed = elapsed = FakeElapsed()
    clock.set_speed(120)
    with qtbot.waitSignal(clock.running_changed):
        clock.run()
    assert clock._timer.isActive() and clock._timer.interval() == 16  # one tick a frame
    for ms in (16, 33, 50, 250):  # ticks that jitter: the steps follow the elapsed time
        elapsed.ms = ms
        clock._timer.timeout.emit()
    assert clock.t == 30  # 250 ms at 120 steps/s
    clock.pause()
    assert not clock.running and not clock._timer.isActive()
    # Faster than the display: several steps per tick, still one per step in the history.
    assert clock.simulation.times.data().tolist() == list(range(31))


def test_a_clock_far_behind_does_not_race_to_catch_up(qtbot) -> None:
    document, clock = make(relu_network())
    clock._elapsed = elapsed = FakeElapsed()
    clock.set_speed(60)
    clock.run()
    elapsed.ms = 5_000  # the machine was busy for five seconds
    clock._timer.timeout.emit()
    assert clock.t == 1  # one step, not 300 at once
    elapsed.ms = 50  # since that step: 3 steps due at 60/s, one of them already taken
    clock._timer.timeout.emit()
    assert clock.t == 3
    clock.pause()


def test_reset_replays_the_same_history(qtbot) -> None:
    document, clock = make(relu_network())
    clock.step(25)
    first = clock.simulation.y.data()
    clock.reset()
    assert clock.t == 0 and len(clock.simulation.times) == 1
    clock.step(25)
    np.testing.assert_array_equal(clock.simulation.y.data(), first)


def test_manual_edits_while_paused_update_the_present(qtbot) -> None:
    document, clock = make(relu_network())
    clock.step(4)
    document.push(SetNeuronField(document.network, "x1", "source", None))
    document.push(SetNeuronField(document.network, "x1", "value", 0.9))
    with qtbot.waitSignal(clock.updated):
        document.evaluate_now()
    times, h1 = clock.simulation.trace("h1")
    assert times.tolist() == [0, 1, 2, 3, 4]
    assert h1[-1] == pytest.approx(0.4)
    document.push(SetWeight(document.network, ("x1", "h1"), 2.0))
    document.evaluate_now()
    assert clock.simulation.trace("h1")[1][-1] == pytest.approx(1.3)
    assert len(clock.simulation.times) == 5  # edits replace the present, they add no step


def test_window_and_speed_limits(qtbot) -> None:
    _, clock = make(relu_network())
    clock.set_speed(1000)
    assert clock.speed == 240
    clock.set_speed(0)
    assert clock.speed == 1
    clock.set_window(50)
    clock.step(80)
    assert len(clock.simulation.times) == 50
    with pytest.raises(ValueError):
        clock.set_window(5)
    assert clock.window == 50 and clock.simulation.window == 50


def test_transport_shows_a_window_set_elsewhere(qtbot) -> None:
    _, clock = make(relu_network())
    window, bar = _window(qtbot, clock)
    clock.set_window(300)
    assert bar.window_box.value() == 300


def test_new_network_restarts_the_clock(qtbot) -> None:
    document, clock = make(relu_network())
    clock.step(10)
    document.replace(xor_network())
    assert clock.t == 0
    assert clock.simulation.network is document.network
    clock.step()
    assert clock.simulation.trace("y1")[0].tolist() == [0, 1]


def _window(qtbot, clock) -> tuple[QMainWindow, TransportBar]:
    window = QMainWindow()
    bar = TransportBar(clock, window)
    window.addToolBar(bar)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    # Window shortcuts fire only in the active window (waitActive may return before).
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window, bar


def test_transport_keys_and_buttons(qtbot) -> None:
    document, clock = make(relu_network())
    window, bar = _window(qtbot, clock)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_Period)
    assert clock.t == 2
    assert bar.time_label.text().strip() == "t = 2"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert clock.running and bar.run_action.text() == "Pause"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    assert not clock.running and bar.run_action.text() == "Run"
    bar.reset_action.trigger()
    assert clock.t == 0 and bar.time_label.text().strip() == "t = 0"
    bar.speed.setValue(90)
    assert clock.speed == 90
    bar.window_box.setValue(200)
    assert clock.window == 200


def test_reset_and_speed_keys(qtbot) -> None:
    document, clock = make(relu_network())
    window, bar = _window(qtbot, clock)
    clock.step(5)
    qtbot.keyClick(window, Qt.Key.Key_Home)
    assert clock.t == 0
    assert clock.speed == 30
    qtbot.keyClick(window, Qt.Key.Key_BracketRight)
    assert clock.speed == 60 and bar.speed.value() == 60
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    assert clock.speed == 120
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Plus)
    assert clock.speed == 240  # the top stays the top
    clock.set_speed(7)  # between two speeds of the ladder: the next one down is 5
    qtbot.keyClick(window, Qt.Key.Key_Minus)
    assert clock.speed == 5
    for _ in range(5):
        qtbot.keyClick(window, Qt.Key.Key_BracketLeft)
    assert clock.speed == 1


def test_a_focused_slider_keeps_its_arrow_keys(qtbot) -> None:
    """→ steps the clock, except where it already means something: moving a slider."""
    document, clock = make(relu_network())
    window, bar = _window(qtbot, clock)
    slider = QSlider(Qt.Orientation.Horizontal)
    slider.setRange(0, 10)
    window.setCentralWidget(slider)
    slider.setFocus()
    qtbot.waitUntil(slider.hasFocus)
    qtbot.keyClick(slider, Qt.Key.Key_Right)
    qtbot.keyClick(slider, Qt.Key.Key_Home)
    qtbot.keyClick(slider, Qt.Key.Key_End)
    assert slider.value() == 10 and clock.t == 0
    qtbot.keyClick(slider, Qt.Key.Key_Period)  # not the slider's: the clock steps
    assert clock.t == 1


def test_sourced_values_follow_the_source_exactly(qtbot) -> None:
    document, clock = make(relu_network())
    clock.step(23)
    times, x1 = clock.simulation.trace("x1")
    np.testing.assert_allclose(x1, values_at(document.network.neurons["x1"].source, times))
