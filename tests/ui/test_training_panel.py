"""The Train panel and the training curves: buttons, keys, data choices, plots, problems."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from training_helpers import dead_relu_net, session_for, step_net, tanh_net, weights

from neurosim.core.builders import layered_network
from neurosim.core.datasets import builtin
from neurosim.core.training import Trainer
from neurosim.core.training_setup import STEP_MESSAGE
from neurosim.ui.clock import SimulationClock
from neurosim.ui.document import Document
from neurosim.ui.training.panel import TrainPanel
from neurosim.ui.training.plots import TrainingPlots
from neurosim.ui.training.session import TrainingSession

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _panel(qtbot, network, show=False):
    document = Document(network)
    session = TrainingSession(document)
    panel = TrainPanel(session)
    qtbot.addWidget(panel)
    if show:
        panel.show()
        qtbot.waitExposed(panel)
    return document, session, panel


def _plots(qtbot, document, session):
    plots = TrainingPlots(session, document, SimulationClock(document))
    qtbot.addWidget(plots)
    return plots


def _click(qtbot, panel, action):
    qtbot.mouseClick(panel.button_for[action], Qt.MouseButton.LeftButton)


def test_buttons_step_train_and_pause(qtbot):
    document, session, panel = _panel(qtbot, tanh_net())
    assert panel.data.kind() == ("builtin", "circle")  # fits a two-input network
    _click(qtbot, panel, panel.step_action)
    assert session.epochs == 1
    assert "Epoch 1" in panel.status.text() and "loss" in panel.status.text()
    _click(qtbot, panel, panel.train_action)
    assert session.running and panel.train_action.text() == "Pause"
    qtbot.waitUntil(lambda: session.epochs >= 3, timeout=10_000)
    _click(qtbot, panel, panel.train_action)
    assert not session.running and panel.train_action.text() == "Train"
    assert document.undo_stack.count() == 2


def test_initialise_button_and_shortcuts(qtbot):
    document, session, panel = _panel(qtbot, tanh_net(), show=True)
    before = weights(document.network)
    _click(qtbot, panel, panel.init_action)
    assert document.undo_stack.text(0) == "Initialise weights"
    assert weights(document.network) != before
    with qtbot.waitActive(panel):
        panel.activateWindow()
    panel.lr.setFocus()  # even while typing in a box
    qtbot.keyClick(
        panel.lr,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert session.epochs == 1
    qtbot.keyClick(panel, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert session.running
    qtbot.keyClick(panel, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert not session.running
    qtbot.keyClick(
        panel, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert session.epochs == 0
    for action in (
        panel.train_action,
        panel.step_action,
        panel.reset_action,
        panel.init_action,
        panel.compare_action,
    ):
        assert action.toolTip() and not action.shortcut().isEmpty()


def test_settings_widgets_reach_the_session(qtbot):
    _, session, panel = _panel(qtbot, tanh_net())
    panel.lr.setValue(0.25)
    panel.batch.setValue(0)
    panel.per_frame.setValue(7)
    panel.test_split.setValue(50)
    panel.optimizer.setCurrentIndex(panel.optimizer.findData("adam"))
    panel.optimizer.activated.emit(panel.optimizer.currentIndex())
    s = session.settings
    assert (s.lr, s.batch_size, s.epochs_per_frame, s.test_fraction, s.optimizer) == (
        0.25,
        0,
        7,
        0.5,
        "adam",
    )
    assert panel.batch.text() == "full batch"
    assert len(session.test_set) == 100 and "test rows: 100" in panel.status.text()


def test_a_step_network_shows_the_explanation(qtbot):
    _, session, panel = _panel(qtbot, step_net(), show=True)
    assert panel.message.isVisible()
    assert "step′(z) = 0" in panel.message.text() and "sigmoid" in panel.message.text()
    _click(qtbot, panel, panel.train_action)
    assert not session.running and session.message == STEP_MESSAGE


def test_truth_tables_csv_files_and_mismatches(qtbot, tmp_path):
    _, session, panel = _panel(qtbot, tanh_net(), show=True)
    panel.data.choose("builtin", "xor")
    assert panel.data.preview.rowCount() == 4 and not panel.data.rows.isEnabled()
    assert panel.data.info.text().startswith("4 rows · classification")
    good = tmp_path / "points.csv"
    good.write_text("x1,x2,y1,note\n0,0,0,a\n0,1,1,b\n1,0,1,c\n1,1,0,d\n0.5,0.5,1,e\n")
    panel.data.load_file(good)
    assert panel.data.kind() == ("csv", "") and len(session.train_set) == 5
    assert panel.data.preview.horizontalHeaderItem(2).text() == "y1 (target)"
    assert not panel.message.isVisible()
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b,y1\n1,2,3\n")
    panel.data.load_file(bad)
    assert panel.message.isVisible() and "no column 'x1'" in panel.message.text()
    assert not session.train()


def test_the_files_own_data_is_offered_and_chosen(qtbot):
    net = tanh_net()
    net.extra["dataset"] = {"builtin": "xor"}
    _, session, panel = _panel(qtbot, net)
    assert panel.data.kind() == ("embedded", "")
    assert len(session.train_set) == 4
    session.document.replace(tanh_net())  # a file without data: the choice goes away
    assert panel.data.source.findData("embedded") < 0
    assert panel.data.kind() == ("builtin", "circle")


def test_loss_and_accuracy_curves_have_a_point_per_epoch_from_epoch_0(qtbot):
    document, session = session_for(tanh_net(), test_fraction=0.25)
    plots = _plots(qtbot, document, session)
    start = Trainer(document.network.copy(), session.train_set).measure().loss
    for _ in range(5):
        session.step()
    plots.flush()
    for (_plot, _name), curve in plots.curves.items():
        x, y = curve.getData()
        assert x.tolist() == [0, 1, 2, 3, 4, 5]  # epoch 0: before any update
    x, y = plots.curves[(plots.loss_plot, "train")].getData()
    assert y[0] == pytest.approx(start, rel=1e-12)
    x, y = plots.curves[(plots.loss_plot, "train")].getData()
    assert y.tolist() == session.curves.train_loss.tolist()
    header, rows = plots.csv_table()
    assert header[:3] == ["epoch", "train_loss", "test_loss"] and len(rows) == 6
    plots.log_loss.setChecked(True)
    plots.flush()
    assert plots.loss_plot.getAxis("left").logMode


def test_gradient_flow_has_a_named_curve_per_level(qtbot):
    document, session = session_for(layered_network([2, 3, 3, 3, 1], "sigmoid", seed=0))
    plots = _plots(qtbot, document, session)
    plots.resize(1000, 260)
    plots.show()
    qtbot.waitExposed(plots)
    for _ in range(3):
        session.step()
    plots.flush()
    assert len(plots.grad_curves) == len(plots.grad_raw) == 4
    names = [label.text for _sample, label in plots.grad_legend.items]
    assert names == ["level 4 (outputs)", "level 3", "level 2", "level 1 (nearest the inputs)"]
    plots.resize(500, 260)  # a narrow dock: short legend texts
    names = [label.text for _sample, label in plots.grad_legend.items]
    assert names == ["4 · outputs", "3", "2", "1 · inputs"]
    for curve in plots.grad_curves:
        x, _y = curve.getData()
        assert len(x) == 4  # epoch 0 and three steps
    assert plots.grad_plot.getAxis("left").logMode


def test_dead_relus_are_counted_above_the_plots(qtbot):
    document, session = session_for(dead_relu_net(), builtin("circle", 60, 0.0, 0))
    plots = _plots(qtbot, document, session)
    session.step()
    plots.flush()
    assert plots.dead_label.text() == "2 dead ReLUs: h2, h3"
    session.reset()
    plots.flush()
    assert plots.dead_label.text() == ""


def test_learning_rate_box_has_the_one_range_and_refuses_beyond_it(qtbot):
    # issue 14: the panel capped 100 to 10 and read 1e2 as 1; lesson files allowed 100
    from neurosim.core.training_options import LEARNING_RATE

    _, session, panel = _panel(qtbot, tanh_net(), show=True)
    box = panel.lr
    assert (box.minimum(), box.maximum()) == (LEARNING_RATE.minimum, LEARNING_RATE.maximum)
    assert "from 1e-06 to 10" in box.toolTip()
    for text in ("100", "1e2"):
        box.setFocus()
        box.lineEdit().selectAll()
        qtbot.keyClicks(box.lineEdit(), text)
        qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
        assert session.settings.lr == 0.1, text
        assert box.problem is not None and "out of range" in box.problem
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), "1e-3")
    qtbot.keyClick(box.lineEdit(), Qt.Key.Key_Return)
    assert session.settings.lr == 0.001 and box.problem is None


def test_training_history_csv_has_15_significant_digits(qtbot, tmp_path):
    document, session = session_for(tanh_net(), test_fraction=0.25)
    plots = _plots(qtbot, document, session)
    for _ in range(3):
        session.step()
    plots.export_csv(tmp_path / "history.csv")
    lines = (tmp_path / "history.csv").read_text().splitlines()
    assert lines[0].startswith("epoch,train_loss,test_loss")
    for line, loss in zip(lines[1:], session.curves.train_loss, strict=True):
        cell = line.split(",")[1]
        assert cell == f"{loss:.15g}" and float(cell) == pytest.approx(loss, rel=1e-14)
    assert [line.split(",")[0] for line in lines[1:]] == [
        "0",
        "1",
        "2",
        "3",
    ]  # epoch 0: the loss before any update
