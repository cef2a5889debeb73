"""Canvas value edits and live display: in-place editors, nudges, value drags, colours, zoom."""

from __future__ import annotations

import pytest
from canvas_helpers import LEFT, assert_matches_model, center, make_canvas, network_231, wheel
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor

from neurosim.ui.canvas import colors
from neurosim.ui.canvas.editors import parse_number
from neurosim.ui.canvas.style import format_value
from neurosim.ui.commands import SetNeuronField

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def canvas(qtbot):
    yield from make_canvas(qtbot)


def _label_point(canvas, key) -> QPoint:
    return canvas.mapFromScene(canvas.network_scene.synapses[key].label_pos)


def _open_weight_editor(canvas, qtbot, key):
    qtbot.mouseDClick(canvas.viewport(), LEFT, pos=_label_point(canvas, key))
    editor = canvas.editor()
    assert editor is not None and editor.isVisible()
    return editor


def test_double_click_a_synapse_type_a_weight_and_enter(canvas, qtbot):
    editor = _open_weight_editor(canvas, qtbot, ("h2", "y1"))
    assert editor.text() == "-2.1"
    editor.selectAll()
    qtbot.keyClicks(editor, "0.75")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert canvas.document.network.synapses[("h2", "y1")].weight == 0.75
    assert canvas.network_scene.synapses[("h2", "y1")].label == "0.75"
    assert canvas.editor() is None
    assert canvas.document.undo_stack.count() == 1


def test_escape_cancels_the_weight_editor(canvas, qtbot):
    editor = _open_weight_editor(canvas, qtbot, ("x1", "h1"))
    editor.selectAll()
    qtbot.keyClicks(editor, "5")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert canvas.document.network.synapses[("x1", "h1")].weight == 1.2
    assert canvas.editor() is None and not editor.isVisible()
    assert canvas.document.undo_stack.count() == 0


def test_bad_text_is_refused_with_the_reason_and_nothing_applied(canvas, qtbot):
    messages = []
    canvas.status_message.connect(messages.append)
    editor = _open_weight_editor(canvas, qtbot, ("x1", "h1"))
    editor.selectAll()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert "'abc' is not a number" in messages[-1]
    assert canvas.editor() is editor and editor.isVisible()  # still open to fix it
    assert canvas.document.network.synapses[("x1", "h1")].weight == 1.2
    editor.setText("−1,5")  # a real minus sign (QTest cannot type it) and a decimal comma
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert canvas.document.network.synapses[("x1", "h1")].weight == -1.5


def test_double_click_a_hidden_neuron_edits_its_bias(canvas, qtbot):
    qtbot.mouseDClick(canvas.viewport(), LEFT, pos=center(canvas, "h2"))
    editor = canvas.editor()
    assert editor.text() == "-0.2"
    editor.selectAll()
    qtbot.keyClicks(editor, "0.3")
    qtbot.keyClick(editor, Qt.Key.Key_Enter)
    assert canvas.document.network.neurons["h2"].bias == 0.3
    assert canvas.network_scene.neurons["h2"].bias == 0.3


def test_double_click_an_input_types_its_value(canvas, qtbot):
    qtbot.mouseDClick(canvas.viewport(), LEFT, pos=center(canvas, "x2") + QPoint(0, 6))
    editor = canvas.editor()
    editor.selectAll()
    qtbot.keyClicks(editor, "1e-3")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert canvas.document.network.neurons["x2"].value == 0.001
    assert canvas.document.undo_stack.count() == 1  # the first click's drag pushed nothing


def test_alt_wheel_nudges_a_weight_and_merges_into_one_step(canvas, qtbot):
    stack = canvas.document.undo_stack
    point = _label_point(canvas, ("x1", "h1"))
    for _ in range(3):
        wheel(canvas, point, 1, ALT)
    assert canvas.document.network.synapses[("x1", "h1")].weight == pytest.approx(1.5)
    wheel(canvas, point, -1, ALT | SHIFT)
    assert canvas.document.network.synapses[("x1", "h1")].weight == pytest.approx(1.49)
    assert stack.count() == 1
    stack.undo()
    assert canvas.document.network.synapses[("x1", "h1")].weight == 1.2


def test_alt_wheel_over_another_item_starts_a_new_step(canvas):
    stack = canvas.document.undo_stack
    wheel(canvas, _label_point(canvas, ("x1", "h1")), 1, ALT)
    wheel(canvas, center(canvas, "h2"), 1, ALT)
    wheel(canvas, center(canvas, "h2"), 1, ALT)
    assert canvas.document.network.neurons["h2"].bias == pytest.approx(0.0)
    assert stack.count() == 2


def test_dragging_an_input_readout_changes_its_value_live_in_one_step(canvas, qtbot):
    doc, viewport = canvas.document, canvas.viewport()
    start = center(canvas, "x1") + QPoint(0, 8)  # lower half: the readout
    qtbot.mousePress(viewport, LEFT, pos=start)
    qtbot.mouseMove(viewport, start - QPoint(0, 10))
    assert doc.network.neurons["x1"].value == pytest.approx(0.9)
    qtbot.mouseMove(viewport, start - QPoint(0, 30))
    doc.evaluate_now()
    assert canvas.network_scene.neurons["x1"].y == pytest.approx(1.1)
    qtbot.mouseRelease(viewport, LEFT, pos=start - QPoint(0, 30))
    assert doc.network.neurons["x1"].value == pytest.approx(1.1)
    assert doc.network.neurons["x1"].position == (0.0, -45.0)  # not moved
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.network.neurons["x1"].value == 0.8


def _pixel(canvas, x: float, y: float) -> QColor:
    image = canvas.viewport().grab().toImage()
    p = canvas.mapFromScene(QPointF(x, y)) * canvas.devicePixelRatioF()
    return image.pixelColor(p)


def _ring_point(canvas, nid):
    item = canvas.network_scene.neurons[nid]
    s = item.style
    x, y = canvas.document.network.neurons[nid].position
    return x, y + s.radius + s.ring_gap + s.ring_width / 2


def test_fired_ring_and_dim_state_follow_the_evaluation(canvas):
    doc, scene = canvas.document, canvas.network_scene
    doc.evaluate_now()
    h1, h3 = scene.neurons["h1"], scene.neurons["h3"]
    assert h1.fired and not h1.silent  # relu of 0.96 + 0.1
    assert not h3.fired and h3.silent  # step of -1.305
    gold = _pixel(canvas, *_ring_point(canvas, "h1"))
    assert (gold.red(), gold.green(), gold.blue()) == pytest.approx((0xFF, 0xC2, 0x0A), abs=25)
    doc.push(SetNeuronField(doc.network, "x1", "value", -0.8))
    doc.evaluate_now()
    assert not h1.fired and h1.silent and h3.fired and not h3.silent
    assert h1.y == 0.0 and h3.y == 1.0
    ring = _pixel(canvas, *_ring_point(canvas, "h1"))
    assert ring.green() > 240 and ring.blue() > 200  # no gold ring any more
    gold = _pixel(canvas, *_ring_point(canvas, "h3"))
    assert (gold.red(), gold.green(), gold.blue()) == pytest.approx((0xFF, 0xC2, 0x0A), abs=25)


def test_fill_colour_shows_the_sign_of_y(canvas):
    canvas.document.evaluate_now()
    scene = canvas.network_scene
    h2 = scene.neurons["h2"]  # tanh(-0.56 - 0.84 - 0.2) < 0 → blue
    assert h2.y < -0.9
    fill = _pixel(canvas, 180 + 0.6 * h2.style.radius, 0)
    assert fill.blue() > fill.red() + 60
    x1 = _pixel(canvas, -20, -45 + 12)  # value 0.8 → orange
    assert x1.red() > x1.blue() + 100


def test_every_change_recolours_within_one_evaluation(canvas):
    doc, scene = canvas.document, canvas.network_scene
    doc.push(SetNeuronField(doc.network, "x2", "value", 1.0))
    doc.evaluate_now()
    evaluation = doc.evaluation
    for nid, item in scene.neurons.items():
        assert item.y == evaluation.y[0, evaluation.index[nid]]


def test_ctrl_wheel_zooms_around_the_mouse(canvas):
    before = canvas.transform().m11()
    point = center(canvas, "h1")
    wheel(canvas, point, 1, Qt.KeyboardModifier.ControlModifier)
    assert canvas.transform().m11() == pytest.approx(before * 1.25)
    after = canvas.mapFromScene(QPointF(180, -90))
    assert abs(after.x() - point.x()) <= 2 and abs(after.y() - point.y()) <= 2
    canvas.zoom_out()
    assert canvas.transform().m11() == pytest.approx(before)


def test_plain_wheel_does_not_zoom(canvas):
    before = canvas.transform().m11()
    wheel(canvas, center(canvas, "h1"), 1)
    assert canvas.transform().m11() == before


def test_presentation_scale_and_switches(canvas):
    scene = canvas.network_scene
    item = scene.neurons["h2"]
    r, width = item.style.radius, scene.synapses[("x1", "h2")].width
    canvas.set_presentation_scale(1.5)
    assert item.style.radius == pytest.approx(1.5 * r)
    assert scene.synapses[("x1", "h2")].width == pytest.approx(1.5 * width)
    assert item.style.value_font.pixelSize() == 21
    canvas.set_show_weights(False)
    assert not item.style.show_weights and item._bias_text == ""
    canvas.set_show_values(False)
    canvas.viewport().grab()  # paints without values or labels, and without errors
    assert_matches_model(canvas)


def test_synapse_width_and_colour_follow_the_weight(canvas):
    doc = canvas.document
    item = canvas.network_scene.synapses[("x1", "h1")]
    thin = item.width
    from neurosim.ui.commands import SetWeight

    doc.push(SetWeight(doc.network, ("x1", "h1"), -3.0))
    assert item.width > thin and item.width == pytest.approx(10.0)
    assert item.color == colors.weight_color(-3.0)
    assert item.color.blue() > item.color.red()


@pytest.mark.parametrize(
    "value, text",
    [
        (0.5871, "0.587"),
        (-12.34, "−12.3"),
        (1e6, "1.0e+06"),
        (-0.0004, "0.000"),
        (123.4, "123"),
        (0.0, "0.000"),
        (-2.5e-7, "0.000"),
        (float("nan"), "?"),
    ],
)
def test_values_are_formatted_legibly(value, text):
    assert format_value(value) == text


@pytest.mark.parametrize("text, value", [("0.75", 0.75), (" −1,5 ", -1.5), ("2e3", 2000.0)])
def test_parse_number_accepts_what_students_type(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["", "abc", "inf", "nan", "1,2,3"])
def test_parse_number_refuses_with_a_reason(text):
    with pytest.raises(ValueError, match="number"):
        parse_number(text)


def test_scale_is_diverging_and_saturates():
    white = colors.value_color(0.0)
    assert min(white.red(), white.green(), white.blue()) > 240
    assert colors.value_color(1.0) == colors.value_color(7.0)
    neg, pos = colors.value_color(-1.0), colors.value_color(1.0)
    assert neg.blue() > neg.red() and pos.red() > pos.blue()
    assert colors.text_color(1.0) == colors.PAPER and colors.text_color(0.0) == colors.FILL_INK


def test_scene_survives_a_new_network_without_leaking_items(canvas):
    for _ in range(3):
        canvas.document.replace(network_231())
    assert_matches_model(canvas)


def _synapse_pixel(canvas, key) -> QColor:
    item = canvas.network_scene.synapses[key]
    line = item._line
    mid = line.pointAt(0.35)  # on the shaft, away from the label
    return _pixel(canvas, mid.x(), mid.y())


def test_cached_synapse_layer_follows_weight_changes(canvas):
    doc = canvas.document
    from neurosim.ui.commands import SetWeight

    key = ("h1", "y1")  # +1.0: orange
    before = _synapse_pixel(canvas, key)
    assert before.red() > before.blue() + 60
    doc.push(SetWeight(doc.network, key, -2.0))
    after = _synapse_pixel(canvas, key)
    assert after.blue() > after.red() + 60  # the cached background was redrawn there
    doc.undo_stack.undo()
    again = _synapse_pixel(canvas, key)
    assert again.red() > again.blue() + 60


def test_cached_synapse_layer_follows_deletes_and_moves(canvas):
    doc = canvas.document
    key = ("h1", "y1")
    item = canvas.network_scene.synapses[key]
    point = item._line.pointAt(0.35)
    canvas.select(synapse_keys=[key])
    canvas.delete_selection()
    ground = _pixel(canvas, point.x(), point.y())
    assert min(ground.red(), ground.green(), ground.blue()) > 240  # erased
    doc.undo_stack.undo()
    item = canvas.network_scene.synapses[key]
    drawn = _pixel(canvas, point.x(), point.y())
    assert drawn.red() > drawn.blue() + 60
    doc.network.set_position("h1", (180, -200))  # the arrow follows its neuron
    assert _pixel(canvas, point.x(), point.y()).green() > 240
    moved = _synapse_pixel(canvas, key)
    assert moved.red() > moved.blue() + 60


def test_zoomed_far_out_synapses_are_still_drawn_as_hairlines(canvas):
    item = canvas.network_scene.synapses[("h1", "y1")]
    while canvas.transform().m11() * item.width >= 1.0:
        canvas.zoom_out()
    image = canvas.viewport().grab().toImage()
    mid = canvas.mapFromScene(item._line.pointAt(0.5)) * canvas.devicePixelRatioF()
    near = [image.pixelColor(mid.x() + dx, mid.y() + dy) for dx in (-1, 0, 1) for dy in (-1, 0, 1)]
    assert any(c.red() > c.blue() + 40 for c in near)  # an orange hairline is there


def test_big_nets_label_weights_only_around_the_selection(qtbot):
    from neurosim.core.builders import layered_network
    from neurosim.ui.canvas import CanvasView
    from neurosim.ui.document import Document

    view = CanvasView(Document(layered_network([2, 8, 8, 2], seed=0)))  # 96 synapses
    qtbot.addWidget(view)
    scene = view.network_scene
    assert not scene.style.all_labels
    assert not any(item.label_shown() for item in scene.synapses.values())
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.fit_to_view()
    key = ("h3", "h9")
    item = scene.synapses[key]
    rect = item._label_rect

    def label_ink() -> int:  # dark text pixels inside the label's box
        image = view.viewport().grab().toImage()
        box = view.mapFromScene(rect).boundingRect()
        return sum(
            image.pixelColor(x, y).lightness() < 80
            for x in range(box.left() + 2, box.right() - 1)
            for y in range(box.top() + 2, box.bottom() - 1)
        )

    view.select(["h1"])
    hidden = label_ink()
    view.select(["h3"])
    shown = {key for key, item in scene.synapses.items() if item.label_shown()}
    assert shown == {key for key in scene.synapses if "h3" in key}
    assert label_ink() > hidden + 10  # the label is drawn now
    view.set_show_weights(False)
    assert not any(item.label_shown() for item in scene.synapses.values())


def test_a_weight_change_too_small_to_see_redraws_nothing(canvas, monkeypatch):
    """Training rewrites every weight each frame; an arrow whose label, colour and width
    stay the same is not redrawn (and one whose label changes is)."""
    doc = canvas.document
    key = ("h1", "y1")
    item = canvas.network_scene.synapses[key]
    redrawn = []
    monkeypatch.setattr(item, "repaint", lambda old=None: redrawn.append(old))
    monkeypatch.setattr(item, "update_geometry", lambda: redrawn.append("geometry"))
    text = item._text
    doc.network.set_parameters({key: 1.0 + 1e-9}, {})  # the label still reads 1.00
    assert redrawn == [] and item.weight == 1.0 + 1e-9 and item._text is text
    doc.network.set_parameters({key: 1.25}, {})
    assert redrawn and item.label == format_value(1.25, 2)
    assert item._text.text() == item.label
    other = canvas.network_scene.synapses[("x1", "h1")]
    other.set_weight(1.25, other.frozen)
    assert other._text is item._text  # the laid-out text is shared per label
