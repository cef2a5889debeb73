"""View ▸ Explain Forward Pass (F6): the core's beats played on the canvas, the overlay,
the activation plot; keys inside the mode; Esc gives back the live view as it was."""

# ruff: noqa: F811 - pytest fixtures imported from the helpers
from __future__ import annotations

import numpy as np
import pytest
from lessons_helpers import lesson_shown, lessons  # noqa: F401 - fixture
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QGraphicsLineItem
from shell_helpers import make_window

from neurosim.core import fileformat
from neurosim.core.activations import get_activation
from neurosim.core.model import Network
from neurosim.core.walkthrough import walkthrough
from neurosim.paths import resource_path
from neurosim.ui.commands import SetWeight
from neurosim.ui.explain.mode import ENDED_BY_EDIT
from neurosim.ui.explain.overlay import PACES

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def xor(x1: float, x2: float) -> Network:
    """03b with its inputs held (no sources), so the test decides them."""
    net = fileformat.load(resource_path("examples", "03b-xor-hidden-layer.nsim.json"))
    for n in net.neurons.values():
        if n.is_input:
            net.set_source(n.id, None)
    net.set_value("x1", x1)
    net.set_value("x2", x2)
    return net


def drawn() -> Network:
    """A network as a user draws it: two inputs, a tanh neuron, a sigmoid output."""
    net = Network()
    net.add_neuron("input", "a", position=(0, 0), value=0.5)
    net.add_neuron("input", "b", position=(0, 120), value=-1.0)
    net.add_neuron("hidden", "h", position=(160, 60), bias=0.25, activation="tanh")
    net.add_neuron("output", "o", position=(320, 60), bias=-0.1, activation="sigmoid")
    net.add_synapse("a", "h", 0.8)
    net.add_synapse("b", "h", -0.4)
    net.add_synapse("h", "o", 1.5)
    net.add_synapse("a", "o", 0.3)
    return net


def key(window, k: Qt.Key) -> None:
    QTest.keyClick(window, k)


def press_f6(qtbot, window):
    key(window, Qt.Key.Key_F6)
    mode = window.explain
    assert mode.active
    return mode


def painted_pixel_size(mode) -> int:
    """The sum's font as the real paint path drew it (grab() paints the widget)."""
    mode.overlay.painted_font = None
    mode.overlay.grab()
    font = mode.overlay.painted_font
    assert font is not None
    assert QFontMetrics(font).height() >= font.pixelSize()
    return font.pixelSize()


def test_f6_walks_the_beats_and_esc_restores_the_live_view(qtbot, settings, dialogs):
    net = xor(1.0, 0.0)
    window = make_window(qtbot, settings, net)
    canvas, clock, plot = window.canvas, window.clock, window.live_plots.activation
    canvas.select(["h_or"])
    clock.run()
    assert clock.running
    beats = walkthrough(window.document.network)
    zoom = canvas.transform()
    centre = canvas.mapToScene(canvas.viewport().rect().center())

    mode = press_f6(qtbot, window)
    assert not clock.running  # the live clock holds still while explaining
    assert [b.text for b in mode.beats] == [b.text for b in beats]
    assert mode.index == 0 and mode.overlay.isVisible() and mode.bar.isVisible()
    assert mode.overlay.text == beats[0].text == "x₁ = 1.00, x₂ = 0.00"
    scene = canvas.network_scene
    # only the inputs show their faces; the rest wait for their beats
    assert {n for n, item in scene.neurons.items() if not item.veiled} == {"x1", "x2"}
    assert mode.bar.count.text() == f"beat 1 of {len(beats)}"

    for i in range(1, len(beats)):
        key(window, Qt.Key.Key_Right)
        beat = beats[i]
        assert mode.index == i and mode.overlay.text == beat.text
        assert plot.selected == [beat.neuron]  # the activation plot shows the beat's neuron
        # the operating point glides along the curve to the sum so far
        glide = mode.point.animation
        glide.setCurrentTime(glide.duration())
        neuron = net.neurons[beat.neuron]
        f = get_activation(neuron.activation).f(np.array([beat.z]), neuron.params)[0]
        assert mode.point.position() == pytest.approx((beat.z, f))
        assert not plot.markers.isVisible()  # the live point waits for the end
        assert {n for n, item in scene.neurons.items() if not item.veiled} == set(beat.done)
        if beat.kind == "term":
            assert mode.stage.synapse == beat.synapse
            bright = [
                item
                for item in mode.stage.items
                if isinstance(item, QGraphicsLineItem) and item.data(0) == beat.synapse
            ]
            assert bright and bright[-1].scene() is scene
            source, target = (scene.neurons[n].pos() for n in beat.synapse)
            line = bright[-1].line()
            assert (line.p1(), line.p2()) == (source, target)
        else:
            assert mode.stage.synapse is None
    assert mode.bar.count.text() == f"beat {len(beats)} of {len(beats)}"
    key(window, Qt.Key.Key_Right)  # past the end: stays
    assert mode.index == len(beats) - 1

    key(window, Qt.Key.Key_Left)
    assert mode.index == len(beats) - 2 and mode.overlay.text == beats[-2].text
    key(window, Qt.Key.Key_Home)
    assert mode.index == 0
    key(window, Qt.Key.Key_End)
    assert mode.index == len(beats) - 1
    assert beats[-1].kind == "activation" and "fired" in mode.overlay.text

    key(window, Qt.Key.Key_Escape)
    assert not mode.active
    assert canvas.selected_neuron_ids() == ["h_or"]
    assert plot.selected == ["h_or"]
    assert clock.running
    qtbot.wait(10)  # the docks settle, the view is put back
    assert canvas.transform() == zoom  # the zoom and the place shown, as they were
    # the same point in the middle (to the pixel: the docks may settle a pixel apart)
    back = canvas.mapFromScene(centre) - canvas.viewport().rect().center()
    assert back.manhattanLength() <= 2
    assert not any(item.veiled for item in scene.neurons.values())
    assert not mode.stage.items and not mode.overlay.isVisible() and not mode.bar.isVisible()
    assert mode.point.position() is None
    plot.flush()
    assert plot.markers.isVisible()
    assert window.isVisible()  # Esc ended the explanation, nothing else
    clock.pause()


def test_the_overlay_is_large_in_the_window(qtbot, settings, dialogs):
    window = make_window(qtbot, settings, xor(0.0, 1.0))
    window.clock.pause()
    mode = press_f6(qtbot, window)
    key(window, Qt.Key.Key_Right)
    assert painted_pixel_size(mode) >= 28
    # the panel is on the canvas, wholly inside it
    assert window.canvas.rect().contains(mode.overlay.geometry())
    key(window, Qt.Key.Key_Escape)


def test_the_view_menu_has_it_and_a_second_f6_ends_it(qtbot, settings, dialogs):
    window = make_window(qtbot, settings, xor(1.0, 1.0))
    window.clock.pause()
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.explain.action in view.actions()
    assert window.explain.action.shortcut().toString() == "F6"
    mode = press_f6(qtbot, window)
    key(window, Qt.Key.Key_F6)
    assert not mode.active


def test_clicker_keys_page_beats_not_lessons_in_presentation(lessons, qtbot):
    window, ui = lessons
    window.live_plots.clock.pause()
    ui.presentation.enter()
    qtbot.waitUntil(window.isFullScreen)
    shown = lesson_shown(window)
    mode = press_f6(qtbot, window)
    assert painted_pixel_size(mode) >= 36
    key(window.canvas, Qt.Key.Key_PageDown)
    key(window.canvas, Qt.Key.Key_PageDown)
    assert mode.index == 2 and lesson_shown(window) == shown
    key(window.canvas, Qt.Key.Key_PageUp)
    assert mode.index == 1 and lesson_shown(window) == shown
    key(window.canvas, Qt.Key.Key_Escape)
    assert not mode.active and ui.presentation.active  # Esc ended only the explanation
    key(window.canvas, Qt.Key.Key_PageDown)  # the clicker pages lessons again
    qtbot.waitUntil(lambda: lesson_shown(window) != shown)


def test_auto_play_advances_at_the_chosen_pace_and_stops_at_the_end(qtbot, settings, dialogs):
    window = make_window(qtbot, settings, xor(1.0, 0.0))
    window.clock.pause()
    mode = press_f6(qtbot, window)
    assert mode.timer.interval() == PACES["Normal"]
    mode.bar.pace.setCurrentText("Fast")
    assert mode.timer.interval() == PACES["Fast"]
    key(window, Qt.Key.Key_P)
    assert mode.timer.isActive()
    for _ in range(3):  # the timer's ticks, without waiting for them
        mode.timer.timeout.emit()
    assert mode.index == 3 and mode.overlay.text == mode.beats[3].text
    key(window, Qt.Key.Key_P)
    assert not mode.timer.isActive()
    key(window, Qt.Key.Key_P)
    for _ in range(len(mode.beats)):
        mode.timer.timeout.emit()
    assert mode.index == len(mode.beats) - 1 and not mode.timer.isActive()
    key(window, Qt.Key.Key_Escape)
    assert not mode.timer.isActive()


def test_a_network_the_user_drew_is_explained(qtbot, settings, dialogs):
    window = make_window(qtbot, settings, drawn())
    window.clock.pause()
    mode = press_f6(qtbot, window)
    ev = window.document.evaluation
    beats = mode.beats
    assert [b.neuron for b in beats if b.kind == "activation"] == ["h", "o"]
    assert beats[1].text == "z = 0.8·0.50"
    assert mode.stage.synapse is None
    key(window, Qt.Key.Key_Right)
    assert mode.stage.synapse == ("a", "h") and mode.overlay.text == "z = 0.8·0.50"
    key(window, Qt.Key.Key_End)
    last = beats[-1]
    assert last.neuron == "o" and last.y == pytest.approx(float(ev.y[0, ev.index["o"]]))
    assert mode.overlay.text == last.text
    assert not window.canvas.network_scene.neurons["o"].veiled
    key(window, Qt.Key.Key_Escape)


def test_the_canvas_is_not_edited_and_an_edit_ends_the_mode(qtbot, settings, dialogs):
    window = make_window(qtbot, settings, drawn())
    window.clock.pause()
    canvas = window.canvas
    mode = press_f6(qtbot, window)
    item = canvas.network_scene.neurons["h"]
    at = canvas.mapFromScene(item.pos())
    QTest.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert mode.active and canvas.selected_neuron_ids() == []  # the click did nothing
    assert window.document.undo_stack.count() == 0
    network = window.document.network
    window.document.push(SetWeight(network, ("a", "h"), 0.1))
    assert not mode.active
    assert not any(i.veiled for i in canvas.network_scene.neurons.values())
    assert window.statusBar().currentMessage() == ENDED_BY_EDIT
