"""Compare activations dialog: background runs, table and curves, cancel, opening a run."""

from __future__ import annotations

import math

import pytest
from PySide6.QtCore import Qt
from training_helpers import session_for, tanh_net

from neurosim.core.builders import layered_network
from neurosim.core.datasets import builtin
from neurosim.core.fileformat import load
from neurosim.paths import resource_path
from neurosim.ui.training.compare_dialog import CompareDialog, round_value

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _dialog(qtbot, network=None, data=None):
    document, session = session_for(network or tanh_net(), data or builtin("circle", 60))
    opened = []
    dialog = CompareDialog(session, opened.append)
    qtbot.addWidget(dialog)
    return document, dialog, opened


def _run(qtbot, dialog) -> None:
    assert dialog.start()
    assert dialog.running and not dialog.run_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=30_000)


def test_runs_fill_the_table_and_the_plot(qtbot):
    _, dialog, _ = _dialog(qtbot)
    dialog.set_chosen(["tanh", "relu"])
    dialog.epochs.setValue(20)
    dialog.target.setValue(0.2)
    _run(qtbot, dialog)
    assert dialog.status.text() == "Done: 2 runs."
    assert dialog.progress.value() == dialog.progress.maximum() == 40
    table = dialog.table
    assert table.rowCount() == 2
    cells = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(2)]
    assert [row[0] for row in cells] == ["Tanh", "ReLU"]
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers[1:3] == ["Epochs to\n95 % acc.", "Epochs to\nloss target"]
    for row, run in zip(cells, dialog.results, strict=True):
        assert row[1] == ("—" if run.epochs_to_accuracy is None else str(run.epochs_to_accuracy))
        assert row[2] == ("—" if run.epochs_to_target is None else str(run.epochs_to_target))
        assert row[3] == f"{run.final_loss:.4g}" and row[4].endswith("%")
        assert float(row[7]) > 0  # ns per value: measured, positive
        assert row[8].endswith(" s")
    curves = dialog.plot.listDataItems()
    assert len(curves) == 2 and len(curves[0].getData()[0]) == 21  # epoch 0 and 20 epochs
    assert dialog.run_button.isEnabled()


def test_cancel_stops_the_runs_and_keeps_the_finished_ones(qtbot):
    _, dialog, _ = _dialog(qtbot, data=builtin("circle", 400))
    dialog.set_chosen(["sigmoid", "tanh", "relu"])
    dialog.epochs.setValue(100_000)
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=10_000)
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.running, timeout=10_000)
    assert dialog.status.text().startswith("Cancelled after 0 runs")
    assert dialog.table.rowCount() == 0 and dialog.run_button.isEnabled()


def test_open_this_run_hands_over_the_trained_copy(qtbot):
    document, dialog, opened = _dialog(qtbot)
    dialog.set_chosen(["sigmoid", "relu"])
    dialog.epochs.setValue(5)
    _run(qtbot, dialog)
    dialog.table.selectRow(1)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1
    net = opened[0]
    assert {n.activation for n in net.of_kind("hidden")} == {"relu"}
    assert net.meta["title"].endswith("— ReLU run")
    assert net is not dialog.results[1].network  # a copy: opening twice gives two networks
    assert document.network is not net


def test_settings_that_cannot_work_are_reported(qtbot):
    _, dialog, _ = _dialog(qtbot, network=layered_network([2, 1], "tanh"))
    _run(qtbot, dialog)
    assert "no hidden neurons" in dialog.status.text()
    dialog.set_chosen([])
    assert not dialog.start() and "Tick at least one" in dialog.status.text()


def test_closing_while_running_stops_the_worker(qtbot):
    _, dialog, _ = _dialog(qtbot, data=builtin("circle", 400))
    dialog.epochs.setValue(100_000)
    dialog.show()
    assert dialog.start()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=10_000)
    dialog.reject()
    assert not dialog.running and not dialog.isVisible()


def test_round_value_brackets_a_loss_by_round_numbers():
    assert round_value(0.23, math.floor) == pytest.approx(0.2)
    assert round_value(0.23, math.ceil) == pytest.approx(0.3)
    assert round_value(0.0071, math.floor) == pytest.approx(0.007)
    assert round_value(0.0071, math.ceil) == pytest.approx(0.008)
    assert round_value(3.0, math.ceil) == pytest.approx(3.0)


def test_the_log_loss_axis_always_spans_labelled_round_values(qtbot):
    _, dialog, _ = _dialog(qtbot)
    dialog.set_chosen(["sigmoid"])  # its loss stays within one decade: 0.2 to 0.3 or so
    dialog.epochs.setValue(10)
    _run(qtbot, dialog)
    losses = [dialog.results[0].initial_loss, *dialog.results[0].losses]
    lo, hi = dialog.plot.getViewBox().viewRange()[1]
    assert lo <= math.log10(round_value(min(losses), math.floor)) + 1e-9
    assert hi >= math.log10(round_value(max(losses), math.ceil)) - 1e-9
    axis = dialog.plot.getAxis("left")
    labelled = [v for _spacing, values in axis.tickValues(lo, hi, 200) for v in values]
    assert len([v for v in labelled if lo <= v <= hi]) >= 2  # ticks there to label
    dialog.log.setChecked(False)
    lo, hi = dialog.plot.getViewBox().viewRange()[1]
    assert lo <= 0.0 and hi >= max(losses)


def test_the_lesson_ticks_its_own_activations_and_another_file_its_own(qtbot):
    lesson = load(resource_path("examples", "08-choosing-activation.nsim.json"))
    document, dialog, _ = _dialog(qtbot, network=lesson)
    assert dialog.chosen() == ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu"]
    assert dialog.epochs.value() == 300  # the lesson's suggested training
    document.replace(load(resource_path("examples", "07a-dying-relu.nsim.json")))
    assert dialog.epochs.value() == 100  # 07a suggests 100 epochs
    document.replace(tanh_net())  # no list of its own: the default one
    assert dialog.chosen() == ["step", "sigmoid", "tanh", "relu", "leaky_relu"]
    assert dialog.epochs.value() == 300


def test_results_go_when_the_network_changes(qtbot):
    document, dialog, _ = _dialog(qtbot)
    dialog.set_chosen(["tanh"])
    dialog.epochs.setValue(3)
    _run(qtbot, dialog)
    assert dialog.table.rowCount() == 1 and dialog.plot.listDataItems()
    document.network.add_neuron("hidden", "h9", activation="tanh")
    assert dialog.table.rowCount() == 0 and not dialog.plot.listDataItems()
    assert "changed" in dialog.status.text() and not dialog.open_button.isEnabled()


def test_a_diverging_run_is_marked_and_does_not_flatten_the_others(qtbot):
    net = layered_network([2, 4, 1], "tanh", seed=0, output_activation="linear")
    _, dialog, _ = _dialog(qtbot, network=net, data=builtin("circle", 50, 0.1, 0))
    dialog.show()
    dialog.session.set_settings(lr=0.5, test_fraction=0.0)
    dialog.set_chosen(["tanh", "linear"])  # linear hidden neurons blow up at this rate
    dialog.epochs.setValue(200)
    _run(qtbot, dialog)
    linear, tanh = dialog.results  # in the list's order
    assert linear.diverged and not tanh.diverged
    names = [label.text for _sample, label in dialog.view.legend.items]
    assert names == ["Linear — diverged", "Tanh"]
    assert dialog.table.item(0, dialog.table.columnCount() - 1).text() == "Diverged: lr too big"
    dialog.table.selectRow(0)  # the whole reason, in words, below the table
    note = dialog.view.note
    assert note.isVisible() and "Training diverged at epoch" in note.text()
    assert "try a smaller learning rate (e.g. 0.05)" in note.text()
    dialog.table.selectRow(1)  # tanh: nothing to say
    assert not note.isVisible()
    lo, hi = dialog.plot.getViewBox().viewRange()[1]
    assert hi <= math.log10(round_value(max(tanh.initial_loss, *tanh.losses), math.ceil)) + 0.1
    assert max(linear.losses) > 10**hi  # runs off the top: clipped, not rescaling the plot


def test_step_runs_explain_why_in_the_note_column(qtbot):
    _, dialog, _ = _dialog(qtbot)
    dialog.show()
    dialog.set_chosen(["step"])
    dialog.epochs.setValue(3)
    _run(qtbot, dialog)
    assert dialog.table.item(0, dialog.table.columnCount() - 1).text() == "Step: gradient 0"
    assert "step′(z) is 0 everywhere" in dialog.view.note.text()


def test_the_legend_sits_beside_the_plot_never_over_the_curves(qtbot):
    _, dialog, _ = _dialog(qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.set_chosen(["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu"])
    dialog.epochs.setValue(5)
    _run(qtbot, dialog)
    legend = dialog.view.legend
    assert len(legend.items) == 6
    qtbot.waitUntil(lambda: legend.pos().x() > 0, timeout=5_000)  # laid out
    plot_area = dialog.plot.getViewBox().sceneBoundingRect()
    assert not legend.sceneBoundingRect().intersects(plot_area)
    assert legend.sceneBoundingRect().left() >= plot_area.right()


def test_cost_per_evaluation_is_shown_with_its_caveat(qtbot):
    _, dialog, _ = _dialog(qtbot)
    dialog.show()
    dialog.set_chosen(["relu", "gelu"])
    dialog.epochs.setValue(2)
    _run(qtbot, dialog)
    column = [
        dialog.table.horizontalHeaderItem(c).text() for c in range(dialog.table.columnCount())
    ].index("ns per\nvalue")
    for row in range(2):
        assert float(dialog.table.item(row, column).text()) > 0
    caption = dialog.view.cost_caption
    assert caption.isVisible() and "this machine" in caption.text() and "numpy" in caption.text()
    tip = dialog.table.horizontalHeaderItem(column).toolTip()
    assert "median" in tip and "this machine" in tip
