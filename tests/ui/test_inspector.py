"""The inspector: every edit is one command; the view follows the model without echo."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from neurosim.core.explain import equation
from neurosim.ui.commands import SetWeight

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window


def select(window, qtbot, neuron_ids=(), synapse_keys=()):
    window.canvas.select(neuron_ids=list(neuron_ids), synapse_keys=list(synapse_keys))
    qtbot.wait(1)  # let the coalesced evaluation arrive
    return window.inspector


def type_into(qtbot, slider, text: str) -> None:
    edit = slider.spin.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def test_nothing_selected_shows_a_hint(window, qtbot):
    inspector = select(window, qtbot)
    assert inspector.currentWidget() is inspector.hint
    assert "Select a neuron or a synapse" in inspector.hint.text()


def test_input_value_edit_is_a_command(window, qtbot):
    inspector = select(window, qtbot, ["x2"])
    page = inspector.neuron_page
    assert inspector.currentWidget() is page
    assert page.value.isVisible() and not page.bias.isVisible()
    assert page.value.value() == 0.5
    type_into(qtbot, page.value, "-1.5")
    doc = window.document
    assert doc.network.neurons["x2"].value == -1.5
    assert doc.undo_stack.count() == 1 and doc.undo_stack.text(0) == "Value of x2"
    doc.undo_stack.undo()
    qtbot.wait(1)
    assert page.value.value() == 0.5  # the view followed the model back


def test_bias_param_and_activation_edits_are_commands(window, qtbot):
    doc = window.document
    page = select(window, qtbot, ["y1"]).neuron_page
    assert page.header.text() == "Output neuron y (y1)"
    assert page.activation.currentData() == "sigmoid" and not page.param_sliders
    type_into(qtbot, page.bias, "0.4")
    assert doc.network.neurons["y1"].bias == 0.4
    page.activation.setCurrentIndex(page.activation.findData("step"))
    page.activation.activated.emit(page.activation.currentIndex())
    assert doc.network.neurons["y1"].activation == "step"
    qtbot.wait(1)
    assert list(page.param_sliders) == ["threshold"]
    assert page.activation.itemData(
        page.activation.currentIndex(), Qt.ItemDataRole.ToolTipRole
    ).startswith("y = 1 if z ≥ θ")
    type_into(qtbot, page.param_sliders["threshold"], "0.75")
    assert doc.network.neurons["y1"].params == {"threshold": 0.75}
    assert [doc.undo_stack.text(i) for i in range(doc.undo_stack.count())] == [
        "Bias of y1",
        "Activation step on y1",
        "threshold of y1",
    ]


def test_label_edit_is_a_command(window, qtbot):
    page = select(window, qtbot, ["y1"]).neuron_page
    page.label_edit.setFocus()
    page.label_edit.selectAll()
    qtbot.keyClicks(page.label_edit, "out")
    qtbot.keyClick(page.label_edit, Qt.Key.Key_Return)
    assert window.document.network.neurons["y1"].label == "out"
    assert window.document.undo_stack.count() == 1


def test_weight_slider_drag_is_one_undo_step(window, qtbot):
    doc = window.document
    page = select(window, qtbot, synapse_keys=[("x1", "y1")]).synapse_page
    assert window.inspector.currentWidget() is page
    assert page.weight.value() == 0.7
    slider = page.weight.slider
    start = QPoint(
        slider.style().sliderPositionFromValue(0, 1000, slider.value(), slider.width()),
        slider.height() // 2,
    )
    qtbot.mousePress(slider, Qt.MouseButton.LeftButton, pos=start)
    for dx in (10, 25, 40, 60):
        qtbot.mouseMove(slider, start + QPoint(dx, 0))
    qtbot.mouseRelease(slider, Qt.MouseButton.LeftButton, pos=start + QPoint(60, 0))
    weight = doc.network.synapses[("x1", "y1")].weight
    assert weight > 0.7 and weight == page.weight.value()
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.network.synapses[("x1", "y1")].weight == 0.7


def test_model_changes_update_the_page_without_echo(window, qtbot):
    doc = window.document
    page = select(window, qtbot, synapse_keys=[("x2", "y1")]).synapse_page
    assert page.contribution.text() == "w·x = −0.3·0.50 = −0.15"
    doc.push(SetWeight(doc.network, ("x2", "y1"), 2.0))
    qtbot.wait(1)
    assert page.weight.value() == 2.0
    assert page.contribution.text() == "w·x = 2·0.50 = 1.00"
    assert doc.undo_stack.count() == 1  # showing the new value pushed nothing


def test_equation_follows_the_model(window, qtbot):
    doc = window.document
    page = select(window, qtbot, ["y1"]).neuron_page
    assert page.equation.text() == (
        "z = 0.7·1.00 + (−0.3)·0.50 − 0.20 = 0.35\n→ sigmoid(0.35) = 0.587 (fired)"
    )
    doc.push(SetWeight(doc.network, ("x1", "y1"), -1.0))
    qtbot.wait(1)
    expected = equation(doc.network, doc.evaluation, "y1")
    assert page.equation.text() == expected.replace(" → ", "\n→ ")
    assert "(not fired)" in page.equation.text()


def test_multi_selection_sets_every_activation_in_one_step(window, qtbot):
    doc = window.document
    window.canvas.add_neuron_at_cursor("hidden")
    inspector = select(window, qtbot, ["x1", "y1", "h1"])
    page = inspector.multi_page
    assert inspector.currentWidget() is page
    assert page.header.text() == "3 neurons selected"
    assert page.activation.currentData() == "sigmoid"
    page.activation.setCurrentIndex(page.activation.findData("tanh"))
    page.activation.activated.emit(page.activation.currentIndex())
    net = doc.network
    assert net.neurons["y1"].activation == "tanh" and net.neurons["h1"].activation == "tanh"
    assert doc.undo_stack.count() == 2  # the added neuron, then one step for both
    doc.undo_stack.undo()
    assert net.neurons["y1"].activation == "sigmoid" and net.neurons["h1"].activation == "sigmoid"


def test_deleted_selection_falls_back_to_the_hint(window, qtbot):
    inspector = select(window, qtbot, ["y1"])
    window.acts.delete.trigger()
    qtbot.wait(1)
    assert inspector.currentWidget() is inspector.hint


def test_numbers_are_read_as_the_person_meant_them(window, qtbot):
    # issue 14: the spin boxes dropped the e (1e-3 became 13) and clamped -1000000 to -1000
    doc = window.document
    page = select(window, qtbot, ["y1"]).neuron_page
    for text, bias in (("1e-3", 0.001), ("-2.5E2", -250.0), (".5", 0.5), ("7e0", 7.0)):
        type_into(qtbot, page.bias, text)
        assert doc.network.neurons["y1"].bias == bias, text
    edits = doc.undo_stack.count()
    type_into(qtbot, page.bias, "-1000000")
    assert doc.network.neurons["y1"].bias == 7.0 and doc.undo_stack.count() == edits
    message = "-1000000 is out of range: type a number from −1000 to 1000"
    assert page.bias.spin.problem == message
    assert page.bias.spin.toolTip().startswith(message)
    assert window.statusBar().currentMessage() == message
    weight_page = select(window, qtbot, synapse_keys=[("x1", "y1")]).synapse_page
    type_into(qtbot, weight_page.weight, "-1e-2")
    assert doc.network.synapses[("x1", "y1")].weight == -0.01
