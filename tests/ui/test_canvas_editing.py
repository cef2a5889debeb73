"""Canvas structure edits with real mouse and keyboard events: add, move, connect, delete, paste."""

from __future__ import annotations

import pytest
from canvas_helpers import LEFT, assert_matches_model, center, drag, make_canvas, rim, vp
from PySide6.QtCore import QPoint, QPointF, Qt

from neurosim.core import fileformat
from neurosim.ui.canvas.menus import build_context_menu
from neurosim.ui.commands import MoveNeurons


@pytest.fixture
def canvas(qtbot):
    yield from make_canvas(qtbot)


def _texts(stack) -> list[str]:
    return [stack.text(i) for i in range(stack.count())]


@pytest.mark.parametrize("kind", ["input", "hidden", "output"])
def test_tool_click_on_empty_space_adds_that_kind_there(canvas, qtbot, kind):
    net = canvas.document.network
    before = set(net.neurons)
    messages = []
    canvas.status_message.connect(messages.append)
    canvas.set_tool(kind)
    article = "an" if kind[0] in "aeiou" else "a"
    assert f"add {article} {kind} neuron" in messages[-1]
    assert "Esc" in messages[-1]
    qtbot.mouseClick(canvas.viewport(), LEFT, pos=vp(canvas, 540, 200))
    (new,) = set(net.neurons) - before
    assert net.neurons[new].kind == kind
    x, y = net.neurons[new].position
    assert abs(x - 540) < 2 and abs(y - 200) < 2
    assert canvas.selected_neuron_ids() == [new]
    assert canvas.tool() == kind  # the tool stays until Esc
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.tool() is None
    assert_matches_model(canvas)


@pytest.mark.parametrize(
    "key, kind", [(Qt.Key.Key_I, "input"), (Qt.Key.Key_H, "hidden"), (Qt.Key.Key_O, "output")]
)
def test_keys_add_a_neuron_under_the_mouse(canvas, qtbot, key, kind):
    net = canvas.document.network
    before = set(net.neurons)
    # (Qt drops a move to where the pointer already is, so arrive from nearby)
    target = vp(canvas, 280, -110)
    qtbot.mouseMove(canvas.viewport(), target + QPoint(7, 3))
    qtbot.mouseMove(canvas.viewport(), target)
    # On a real X server the pointer's motion arrives later: wait until the canvas saw it.
    qtbot.waitUntil(lambda: canvas._cursor_point() == target)
    canvas.setFocus()
    qtbot.keyClick(canvas, key)
    (new,) = set(net.neurons) - before
    assert net.neurons[new].kind == kind
    x, y = net.neurons[new].position
    assert abs(x - 280) < 2 and abs(y + 110) < 2
    assert canvas.document.undo_stack.count() == 1


def test_tool_click_on_a_neuron_adds_nothing(canvas, qtbot):
    canvas.set_tool("hidden")
    qtbot.mouseClick(canvas.viewport(), LEFT, pos=center(canvas, "h2"))
    assert len(canvas.document.network.neurons) == 6


def test_dragging_moves_the_picture_then_pushes_one_move(canvas, qtbot):
    net, stack = canvas.document.network, canvas.document.undo_stack
    canvas.select(["h1", "h2"])
    start = vp(canvas, 180, 10)  # inside h2's body, below its centre
    end = start + QPoint(60, 30)
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, LEFT, pos=start)
    for i in range(1, 5):
        qtbot.mouseMove(viewport, start + (end - start) * (i / 4))
    # while dragging only the picture moves
    assert net.neurons["h2"].position == (180.0, 0.0)
    assert stack.count() == 0
    assert canvas.network_scene.neurons["h2"].pos().x() > 185
    qtbot.mouseRelease(viewport, LEFT, pos=end)
    assert stack.count() == 1
    assert isinstance(stack.command(0), MoveNeurons)
    assert set(stack.command(0).moves) == {"h1", "h2"}
    dx = net.neurons["h2"].position[0] - 180
    assert dx > 20 and net.neurons["h1"].position[0] == pytest.approx(180 + dx)
    assert_matches_model(canvas)
    stack.undo()
    assert net.neurons["h2"].position == (180.0, 0.0)
    assert_matches_model(canvas)


def test_snap_to_grid_rounds_dragged_positions(canvas, qtbot):
    canvas.set_snap_to_grid(True)
    drag(qtbot, canvas, vp(canvas, 180, 10), vp(canvas, 233, 57))
    x, y = canvas.document.network.neurons["h2"].position
    assert x % 20 == 0 and y % 20 == 0 and (x, y) != (180, 0)


def test_click_without_moving_pushes_nothing(canvas, qtbot):
    qtbot.mouseClick(canvas.viewport(), LEFT, pos=vp(canvas, 180, 10))
    assert canvas.document.undo_stack.count() == 0
    assert canvas.selected_neuron_ids() == ["h2"]


def test_drag_from_the_rim_connects(canvas, qtbot):
    net = canvas.document.network
    net_keys = set(net.synapses)
    drag(qtbot, canvas, rim(canvas, "x1"), center(canvas, "y1"))
    assert set(net.synapses) - net_keys == {("x1", "y1")}
    assert net.synapses[("x1", "y1")].weight == 1.0
    assert canvas.document.undo_stack.count() == 1
    assert_matches_model(canvas)
    canvas.document.undo_stack.undo()
    assert ("x1", "y1") not in net.synapses
    assert_matches_model(canvas)


def test_shift_drag_from_the_body_connects(canvas, qtbot):
    canvas.document.network.add_neuron("hidden", "h9", position=(360, 120))
    drag(
        qtbot,
        canvas,
        center(canvas, "h2"),
        center(canvas, "h9"),
        modifier=Qt.KeyboardModifier.ShiftModifier,
    )
    assert ("h2", "h9") in canvas.document.network.synapses
    assert canvas.document.network.neurons["h2"].position == (180.0, 0.0)  # not moved


@pytest.mark.parametrize(
    "source, target, reason",
    [
        ("h1", "x2", "input neuron"),
        ("h1", "h1", "itself"),
        ("x1", "h1", "already a synapse"),
        ("y1", "h2", "cycle"),
    ],
)
def test_refused_connections_change_nothing_and_say_why(canvas, qtbot, source, target, reason):
    before = fileformat.dumps(canvas.document.network)
    messages = []
    canvas.status_message.connect(messages.append)
    viewport = canvas.viewport()
    start, end = rim(canvas, source), center(canvas, target)
    qtbot.mousePress(viewport, LEFT, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(30, 30))
    qtbot.mouseMove(viewport, end + QPoint(1, 1))
    qtbot.mouseMove(viewport, end)
    item = canvas.network_scene.neurons[target]
    assert item.highlight == "invalid"
    assert reason in messages[-1]
    qtbot.mouseRelease(viewport, LEFT, pos=end)
    assert item.highlight is None
    assert reason in messages[-1] and "No synapse made" in messages[-1]
    assert fileformat.dumps(canvas.document.network) == before
    assert canvas.document.undo_stack.count() == 0
    assert_matches_model(canvas)


def test_hovering_a_valid_target_highlights_it_green(canvas, qtbot):
    canvas.document.network.add_neuron("output", "y2", position=(360, 150))
    viewport = canvas.viewport()
    qtbot.mousePress(viewport, LEFT, pos=rim(canvas, "h3"))
    qtbot.mouseMove(viewport, center(canvas, "y2"))
    assert canvas.network_scene.neurons["y2"].highlight == "valid"
    qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert canvas.network_scene.neurons["y2"].highlight is None
    qtbot.mouseRelease(viewport, LEFT, pos=center(canvas, "y2"))
    assert ("h3", "y2") not in canvas.document.network.synapses


def test_dropping_on_empty_space_makes_nothing(canvas, qtbot):
    messages = []
    canvas.status_message.connect(messages.append)
    drag(qtbot, canvas, rim(canvas, "h1"), vp(canvas, 300, -200))
    assert len(canvas.document.network.synapses) == 9
    assert "No synapse made" in messages[-1]
    assert not [i for i in canvas.scene().items() if type(i).__name__ == "QGraphicsLineItem"]


def test_delete_key_removes_neuron_with_synapses_and_undo_restores_the_bytes(canvas, qtbot):
    doc = canvas.document
    before = fileformat.dumps(doc.network)
    canvas.select(["h2"], [("h1", "y1")])
    canvas.setFocus()
    qtbot.keyClick(canvas, Qt.Key.Key_Delete)
    assert "h2" not in doc.network.neurons
    assert not [k for k in doc.network.synapses if "h2" in k]
    assert ("h1", "y1") not in doc.network.synapses
    assert_matches_model(canvas)
    doc.undo_stack.undo()
    assert fileformat.dumps(doc.network) == before
    assert_matches_model(canvas)
    doc.undo_stack.redo()
    assert_matches_model(canvas)


def test_copy_paste_duplicates_the_selection_with_its_internal_synapses(canvas):
    net = canvas.document.network
    canvas.select(["x1", "h1", "h2"])
    payload = canvas.copy_selection()
    assert [n["id"] for n in payload["neurons"]] == ["x1", "h1", "h2"]
    assert {(s["source"], s["target"]) for s in payload["synapses"]} == {("x1", "h1"), ("x1", "h2")}
    canvas.paste(payload)
    assert set(canvas.selected_neuron_ids()) == {"x3", "h4", "h5"}
    assert net.synapses[("x3", "h4")].weight == 1.2
    assert net.synapses[("x3", "h5")].weight == -0.7
    assert net.neurons["h4"].position == (220.0, -50.0)
    assert net.neurons["h4"].activation == "relu" and net.neurons["h4"].bias == 0.1
    assert net.neurons["x3"].value == 0.8
    assert len(net.synapses) == 11
    assert canvas.document.undo_stack.count() == 1
    assert_matches_model(canvas)
    canvas.document.undo_stack.undo()
    assert len(net.neurons) == 6
    assert_matches_model(canvas)


def test_pasting_garbage_is_refused_with_a_reason(canvas):
    messages = []
    canvas.status_message.connect(messages.append)
    canvas.paste({"neurons": [{"id": "a", "kind": "alien"}], "synapses": []})
    assert "Cannot paste" in messages[-1] and "kind" in messages[-1]
    assert len(canvas.document.network.neurons) == 6


def test_context_menu_on_empty_space_adds_a_neuron_there(canvas):
    menu = build_context_menu(canvas, canvas.mapToScene(vp(canvas, 500, 150)))
    actions = {a.text(): a for a in menu.actions()}
    actions["Add output neuron here"].trigger()
    (new,) = [n for n in canvas.document.network if n.id == "y2"]
    assert new.kind == "output" and new.position == pytest.approx((500, 150), abs=2)


def test_context_menu_on_a_neuron_deletes_and_sets_activation(canvas):
    menu = build_context_menu(canvas, canvas.mapToScene(center(canvas, "h2")))
    assert canvas.selected_neuron_ids() == ["h2"]
    actions = {a.text(): a for a in menu.actions()}
    sub = {a.text(): a for a in actions["Set activation"].menu().actions()}
    assert sub["Tanh"].isChecked()
    sub["ReLU"].trigger()
    assert canvas.document.network.neurons["h2"].activation == "relu"
    actions["Delete"].trigger()
    assert "h2" not in canvas.document.network.neurons
    assert_matches_model(canvas)


def test_auto_layout_is_one_undo_step(canvas):
    net = canvas.document.network
    net.set_position("h1", (40, 300))
    canvas.auto_layout()
    assert canvas.document.undo_stack.count() == 1
    assert "Auto-layout" in _texts(canvas.document.undo_stack)[0]
    assert net.neurons["h1"].position[0] == 180.0
    assert_matches_model(canvas)


def test_items_follow_the_model_through_edits_and_undo(canvas):
    doc = canvas.document
    canvas.add_neuron_at("hidden", canvas.mapToScene(vp(canvas, 100, 200)))
    canvas.select(["x2"])
    canvas.delete_selection()
    canvas.select(["h1", "y1"])
    canvas.paste(canvas.copy_selection())
    assert_matches_model(canvas)
    while doc.undo_stack.canUndo():
        doc.undo_stack.undo()
        assert_matches_model(canvas)
    while doc.undo_stack.canRedo():
        doc.undo_stack.redo()
        assert_matches_model(canvas)


def test_network_replaced_rebuilds_everything(canvas):
    from canvas_helpers import network_231

    other = network_231()
    other.remove_neuron("h3")
    canvas.document.replace(other)
    assert_matches_model(canvas)
    other.add_neuron("hidden", "h7")  # the scene follows the new network…
    assert "h7" in canvas.network_scene.neurons


def test_presentation_scale_grows_the_picture_not_the_model(canvas, qtbot):
    net = canvas.document.network
    before = fileformat.dumps(net)
    canvas.set_presentation_scale(1.6)
    scene = canvas.network_scene
    assert scene.neurons["h2"].pos() == QPointF(180 * 1.6, 0)
    assert fileformat.dumps(net) == before and canvas.document.undo_stack.count() == 0
    assert_matches_model(canvas)
    # a drag at this scale moves the neuron by the model distance under the mouse
    start = center(canvas, "h2") + QPoint(0, 10)
    drag(qtbot, canvas, start, start + QPoint(40, 0))
    dx = net.neurons["h2"].position[0] - 180
    assert dx == pytest.approx(40 / canvas.transform().m11() / 1.6, abs=0.5)
    assert_matches_model(canvas)
    canvas.document.undo_stack.undo()
    canvas.set_presentation_scale(1.0)
    assert fileformat.dumps(net) == before
    assert_matches_model(canvas)


def test_paste_from_the_context_menu_lands_where_clicked(canvas):
    canvas.select(["h1", "y1"])
    canvas.copy_to_clipboard()
    menu = build_context_menu(canvas, canvas.mapToScene(vp(canvas, 600, 300)))
    paste = {a.text(): a for a in menu.actions()}["Paste"]
    assert paste.isEnabled()
    paste.trigger()
    net = canvas.document.network
    (h4,) = [n for n in net if n.id == "h4"]
    (y2,) = [n for n in net if n.id == "y2"]
    centre = ((h4.position[0] + y2.position[0]) / 2, (h4.position[1] + y2.position[1]) / 2)
    assert centre == pytest.approx((600, 300), abs=2)
    assert ("h4", "y2") in net.synapses


@pytest.mark.parametrize("how", ["middle", "space"])
def test_middle_drag_or_space_drag_pans_without_editing(canvas, qtbot, how):
    canvas.zoom_in()
    before = canvas.mapFromScene(QPointF(180, 0))
    viewport, start = canvas.viewport(), center(canvas, "h2")
    if how == "space":
        canvas.setFocus()
        qtbot.keyPress(canvas, Qt.Key.Key_Space)
        button = LEFT
    else:
        button = Qt.MouseButton.MiddleButton
    qtbot.mousePress(viewport, button, pos=start)
    qtbot.mouseMove(viewport, start + QPoint(30, 20))
    qtbot.mouseMove(viewport, start + QPoint(60, 40))
    qtbot.mouseRelease(viewport, button, pos=start + QPoint(60, 40))
    if how == "space":
        qtbot.keyRelease(canvas, Qt.Key.Key_Space)
    after = canvas.mapFromScene(QPointF(180, 0))
    assert (after - before) == QPoint(60, 40)
    assert canvas.document.undo_stack.count() == 0
    assert canvas.document.network.neurons["h2"].position == (180.0, 0.0)


def test_rubber_band_and_ctrl_click_select(canvas, qtbot):
    changes = []
    canvas.selection_changed.connect(lambda: changes.append(1))
    drag(qtbot, canvas, vp(canvas, 120, -160), vp(canvas, 260, 45))  # around h1 and h2
    assert canvas.selected_neuron_ids() == ["h1", "h2"]
    assert changes
    assert canvas.document.undo_stack.count() == 0
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.mouseClick(canvas.viewport(), LEFT, ctrl, center(canvas, "h1") + QPoint(0, 8))
    assert canvas.selected_neuron_ids() == ["h2"]
    qtbot.mouseClick(canvas.viewport(), LEFT, ctrl, center(canvas, "y1") + QPoint(0, 8))
    assert canvas.selected_neuron_ids() == ["h2", "y1"]
    qtbot.mouseClick(canvas.viewport(), LEFT, pos=vp(canvas, 300, 150))  # empty space
    assert canvas.selected_neuron_ids() == []
