"""Tools ▸ New Activation… and the inspector's "Custom…": a formula typed key by key is
checked as it is typed (the error under its column, OK disabled), drawn as the core computes
it, added as one undo step, used by a neuron and saved in the file."""

from __future__ import annotations

import json

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from neurosim.core.activations import REGISTRY
from neurosim.core.builders import layered_network
from neurosim.core.formula import formula
from neurosim.ui.document import Document
from neurosim.ui.formula.dialog import NewActivationDialog
from neurosim.ui.formula.listing import CUSTOM
from neurosim.ui.formula.preview import Z

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window, new_window


def open_dialog(qtbot, network=None) -> NewActivationDialog:
    dialog = NewActivationDialog(network or layered_network([2, 2, 1], "tanh", seed=0))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()  # (a window an earlier test closed may still be the active one)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def retype(qtbot, edit, text: str) -> None:
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_an_unknown_function_is_marked_at_its_column_and_ok_stays_off(qtbot):
    dialog = open_dialog(qtbot)
    retype(qtbot, dialog.name, "bump")
    retype(qtbot, dialog.formula, "z * expp(z)")
    line, marks = dialog.caret.text().split("\n")
    assert line == "z * expp(z)" and marks == "    ^^^^"  # under "expp", column 5
    assert dialog.caret.isVisible() and dialog.formula_error.isVisible()
    assert dialog.formula_error.text() == "Column 5: Unknown function “expp”"
    assert dialog.hint.text() == "Hint: did you mean exp?"
    assert not dialog.ok.isEnabled() and "expp" in dialog.ok.toolTip()
    assert dialog.derivative.text() == "—" and dialog.preview.f_curve.getData()[0] is None
    qtbot.keyClick(dialog.formula, Qt.Key.Key_Return)  # Enter does nothing while wrong
    assert dialog.isVisible() and dialog.result() == 0
    retype(qtbot, dialog.formula, "z * exp(z")  # a ')' is missing at the end
    assert dialog.formula_error.text() == "Column 10: ',' or ')' is missing"
    assert dialog.caret.text().split("\n")[1] == " " * 9 + "^"


def test_a_valid_formula_is_drawn_as_the_core_computes_it_and_enter_accepts(qtbot):
    dialog = open_dialog(qtbot)
    retype(qtbot, dialog.name, "swish_t")
    retype(qtbot, dialog.formula, "z * sigmoid(beta * z)")
    assert "Unknown name “beta”" in dialog.formula_error.text()
    retype(qtbot, dialog.params, "beta = 1.5")
    core = formula("z * sigmoid(beta * z)", {"beta": 1.5})
    assert not dialog.formula_error.isVisible() and not dialog.caret.isVisible()
    assert dialog.derivative.text() == f"f′(z) = {core.derivative_text}"
    z, y = dialog.preview.f_curve.getData()
    np.testing.assert_array_equal(z, Z)
    np.testing.assert_array_equal(y, core.f(Z, {"beta": 1.5}))
    np.testing.assert_array_equal(dialog.preview.df_curve.getData()[1], core.df(Z, {"beta": 1.5}))
    assert dialog.ok.isEnabled()
    qtbot.keyClick(dialog.formula, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    fa = dialog.activation
    assert (fa.name, fa.formula.text, dict(fa.formula.params)) == (
        "swish_t",
        "z * sigmoid(beta * z)",
        {"beta": 1.5},
    )


def test_tab_walks_the_fields_in_reading_order_and_esc_cancels(qtbot):
    dialog = open_dialog(qtbot)
    assert dialog.focusWidget() is dialog.name
    seen = []
    for _ in range(6):
        qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
        seen.append(dialog.focusWidget())
    assert seen == [
        dialog.title_edit,
        dialog.formula,
        dialog.params,
        dialog.fires,
        dialog.description,
        dialog.library,
    ]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_a_built_in_name_is_refused_in_words(qtbot):
    dialog = open_dialog(qtbot)
    retype(qtbot, dialog.name, "relu")
    assert dialog.name_error.isVisible()
    assert dialog.name_error.text() == "“relu” is a built-in activation: choose another name"
    assert not dialog.ok.isEnabled()
    retype(qtbot, dialog.name, "2bad")
    assert "letters, digits and _" in dialog.name_error.text()


def test_the_library_fills_the_fields(qtbot):
    dialog = open_dialog(qtbot)
    titles = [dialog.library.item(i).text() for i in range(dialog.library.count())]
    assert "Mish" in titles and "SELU" in titles
    dialog.library.setCurrentRow(titles.index("Swish (SiLU-β)"))
    assert (dialog.name.text(), dialog.formula.text(), dialog.params.text()) == (
        "swish",
        "z * sigmoid(beta * z)",
        "beta = 1",
    )
    assert dialog.ok.isEnabled()
    assert dialog.preview.f_curve.getData()[1][-1] == formula("z * sigmoid(z)")(Z)[-1]


def fill_and_press_enter(qtbot, name: str, text: str, seen: list) -> None:
    """When the modal dialog is up: type a name and a formula, press Enter."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewActivationDialog)
        seen.append(dialog.windowTitle())
        retype(qtbot, dialog.name, name)
        retype(qtbot, dialog.formula, text)
        qtbot.keyClick(dialog.formula, Qt.Key.Key_Return)

    QTimer.singleShot(0, act)


def test_tools_new_activation_adds_it_as_one_undo_step_and_saves_it(window, qtbot, tmp_path):
    assert window.formula.action in window.menus.tools.actions()
    doc: Document = window.document
    fill_and_press_enter(qtbot, "mish_t", "z * tanh(softplus(z))", seen := [])
    window.formula.action.trigger()
    assert seen == ["New Activation"]
    assert doc.network.formula_activations == ["mish_t"] and "mish_t" in REGISTRY
    output = doc.network.of_kind("output")[0].id
    doc.network.set_activation(output, "mish_t")  # a neuron can use it
    z = doc.evaluate_now().z[:, doc.evaluation.index[output]]
    assert doc.evaluation.y[:, doc.evaluation.index[output]] == REGISTRY["mish_t"].f(z)
    doc.network.set_activation(output, "sigmoid")
    panel = window.live_plots.activation  # Compare with… offers it like a built-in
    panel.compare_menu.aboutToShow.emit()
    assert panel.compare_actions["mish_t"].isVisible()
    panel.compare_actions["mish_t"].setChecked(True)
    compare = window.training.compare()  # and so does Compare activations
    listed = {
        compare.choices.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(compare.choices.count())
    }
    assert "mish_t" in listed
    compare.close()
    doc.undo()
    assert doc.network.formula_activations == [] and "mish_t" not in REGISTRY
    panel.compare_menu.aboutToShow.emit()
    assert not panel.compare_actions["mish_t"].isVisible() and panel.compared() == []
    doc.redo()
    doc.network.set_activation(output, "mish_t")
    doc.save(tmp_path / "mish.nsim.json")
    saved = json.loads((tmp_path / "mish.nsim.json").read_text(encoding="utf-8"))
    assert saved["version"] == 2
    assert saved["activations"]["mish_t"]["formula"] == "z * tanh(softplus(z))"


def test_custom_in_the_inspector_defines_and_uses_it_undo_takes_both_back(window, qtbot):
    doc: Document = window.document
    output = doc.network.of_kind("output")[0].id
    window.canvas.select(neuron_ids=[output])
    qtbot.wait(1)
    page = window.inspector.neuron_page
    combo = page.activation
    assert combo.itemData(combo.count() - 1) == CUSTOM and combo.itemText(combo.count() - 1) == (
        "Custom…"
    )
    before = doc.network.neurons[output].activation
    fill_and_press_enter(qtbot, "gauss_t", "exp(-z^2)", seen := [])
    combo.activated.emit(combo.count() - 1)  # what choosing the item does
    assert seen == [f"New Activation for {output}"]
    assert doc.network.neurons[output].activation == "gauss_t"
    assert combo.currentData() == "gauss_t" and combo.currentText() == "gauss_t"
    assert doc.undo_stack.count() == 1  # defined and used: one step
    doc.undo()
    qtbot.wait(1)
    assert doc.network.neurons[output].activation == before
    assert combo.findData("gauss_t") == -1 and combo.currentData() == before


def test_custom_for_several_selected_neurons_gives_it_to_all(new_window, qtbot):
    window = new_window(layered_network([2, 2, 1], "tanh", seed=0))
    doc: Document = window.document
    ids = [n.id for n in doc.network if not n.is_input]
    assert len(ids) >= 2
    window.canvas.select(neuron_ids=ids)
    qtbot.wait(1)
    page = window.inspector.multi_page
    assert window.inspector.currentWidget() is page
    combo = page.activation
    assert combo.itemData(combo.count() - 1) == CUSTOM
    fill_and_press_enter(qtbot, "sine_t", "sin(z)", seen := [])
    combo.activated.emit(combo.count() - 1)
    assert seen == [f"New Activation for {', '.join(ids)}"]
    assert {doc.network.neurons[i].activation for i in ids} == {"sine_t"}
    assert combo.currentData() == "sine_t"
