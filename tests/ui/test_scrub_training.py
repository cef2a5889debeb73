"""Scrubbing back through a training run (issue 16 §4): the timeline over epochs moves the
canvas, the inspector's numbers and the training curves to any epoch; Now returns exactly;
edits in the past are refused with the reason; Train from the past asks to branch."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from scrub_helpers import answer_next_box, drag_slider
from shell_helpers import make_window
from training_helpers import tanh_net, weights

from neurosim.core import fileformat
from neurosim.core.engine import Engine
from neurosim.ui.canvas.paint_record import PaintRecord
from neurosim.ui.canvas.style import format_value
from neurosim.ui.commands import SetWeight
from neurosim.ui.scrub.controller import EPOCHS, STEPS

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

EPOCHS_RUN = 60


def trained_window(qtbot, settings):
    """A window whose network trained EPOCHS_RUN epochs through the Train action."""
    window = make_window(qtbot, settings, tanh_net())
    session = window.training.session
    session.set_settings(stop_after=EPOCHS_RUN, epochs_per_frame=15, lr=0.5)
    window.training.panel.train_action.trigger()
    qtbot.waitUntil(lambda: not session.running, timeout=20_000)
    assert session.epochs == EPOCHS_RUN
    return window


def shown_values(window) -> dict[str, float]:
    return {nid: item.y for nid, item in window.canvas.scene().neurons.items()}


def expected_values(window, snap) -> dict[str, float]:
    """The network's outputs with the epoch's weights, computed apart from the window."""
    copy = window.document.network.copy()
    snap.parameters.apply(copy)
    ev = Engine(copy).evaluate()
    return {nid: float(ev.y[0, col]) for nid, col in ev.index.items()}


def painted_weight_labels(window) -> dict:
    """The weight labels the canvas paints afresh (through the view's real paint path)."""
    canvas = window.canvas
    style = canvas.network_scene.style
    record = style.record = PaintRecord()
    try:
        canvas.resetCachedContent()
        canvas.viewport().grab()
    finally:
        style.record = None
    return {key: s.label for key, s in record.synapses.items() if s.label is not None}


def test_training_follows_the_timeline_and_each_epoch_is_kept(qtbot, settings, dialogs):
    window = trained_window(qtbot, settings)
    scrub, session = window.scrub, window.training.session
    assert scrub.controller.track == EPOCHS  # Train was started last
    assert scrub.bar.epochs_action.isChecked()
    ring = session.epoch_history.ring
    assert [s.epoch for s in ring] == list(range(EPOCHS_RUN + 1))
    assert scrub.bar.slider.maximum() == EPOCHS_RUN
    assert scrub.bar.label.text() == f"epoch {EPOCHS_RUN} (now)"
    # the figures kept are the curves' own
    assert [s.figures["loss"] for s in ring] == pytest.approx(list(session.curves.train_loss))
    # Run on the clock: the timeline goes over to the steps; the Epochs button goes back
    window.live_plots.transport.step_action.trigger()
    window.live_plots.transport.run_action.trigger()
    assert scrub.controller.track == STEPS
    window.live_plots.transport.run_action.trigger()  # pause
    button = scrub.bar.widgetForAction(scrub.bar.epochs_action)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert scrub.controller.track == EPOCHS


def test_dragging_to_an_epoch_shows_its_network_and_now_returns(qtbot, settings, dialogs):
    window = trained_window(qtbot, settings)
    scrub, session = window.scrub, window.training.session
    network = window.document.network
    present_weights, present_values = weights(network), shown_values(window)
    present_labels = painted_weight_labels(window)
    drag_slider(qtbot, scrub.bar, 20)
    snap = scrub.controller.snapshot
    assert snap is not None and abs(snap.epoch - 20) <= 1  # a pixel may round by one
    # canvas: every neuron's value and every weight label are those of that epoch
    expected = expected_values(window, snap)
    assert shown_values(window) == pytest.approx(expected, abs=1e-12)
    labels = painted_weight_labels(window)
    assert labels and labels == {
        key: format_value(w, 2) for key, w in snap.parameters.weight_dict().items() if key in labels
    }
    assert labels != present_labels
    # the training curves have a cursor at that epoch; the time plots none
    # (a narrow dock shows one curve at a time: the line is visible within its plot)
    for line in scrub.cursors.epoch_lines:
        assert line.isVisibleTo(line.parentItem()) and line.value() == snap.epoch
    assert not any(line.isVisibleTo(line.parentItem()) for line in scrub.cursors.lines)
    loss = f"{snap.figures['loss']:.4g}"
    assert scrub.bar.label.text() == f"epoch {snap.epoch} of {EPOCHS_RUN} · loss {loss}"
    # the inspector shows the epoch's weight of a selected synapse
    key = next(iter(network.synapses))
    window.canvas.select(synapse_keys=[key])
    qtbot.waitUntil(lambda: window.inspector.synapse_page.isVisible())
    shown = window.inspector.synapse_page.weight.value()
    assert shown == pytest.approx(snap.parameters.weight_dict()[key], abs=1e-9)
    # Now (Ctrl+End) returns exactly; the curves are untouched
    QTest.keyClick(window, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert scrub.controller.index is None
    assert weights(network) == present_weights and shown_values(window) == present_values
    assert not any(line.isVisibleTo(line.parentItem()) for line in scrub.cursors.epoch_lines)
    assert session.epochs == EPOCHS_RUN and len(session.epoch_history.ring) == EPOCHS_RUN + 1


def test_edits_in_a_past_epoch_are_refused_with_the_reason(qtbot, settings, dialogs):
    window = trained_window(qtbot, settings)
    document, session = window.document, window.training.session
    window.scrub.controller.go_to(10)
    reasons: list[str] = []
    document.refused.connect(reasons.append)
    key = next(iter(document.network.synapses))
    before = document.network.synapses[key].weight
    depth = document.undo_stack.count()
    assert not document.push(SetWeight(document.network, key, before + 1))
    assert "epoch 10" in reasons[-1] and "Now (Ctrl+End)" in reasons[-1]
    QTest.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    assert len(reasons) == 2 and document.undo_stack.count() == depth
    window.training.panel.reset_action.trigger()  # training's Reset: refused, curves kept
    assert len(reasons) == 3 and session.epochs == EPOCHS_RUN
    assert document.network.synapses[key].weight == before
    assert "Not possible: The window shows epoch 10" in window.statusBar().currentMessage()


def test_train_from_the_past_can_return_and_go_on_with_the_same_trainer(qtbot, settings, dialogs):
    window = trained_window(qtbot, settings)
    session, controller = window.training.session, window.scrub.controller
    trainer = session.trainer
    present = weights(window.document.network)
    controller.go_to(30)
    assert session.trainer is trainer  # showing the past is not an edit
    answer_next_box(Qt.Key.Key_Escape)
    window.training.panel.step_action.trigger()
    assert controller.index == 30 and session.epochs == EPOCHS_RUN
    answer_next_box(Qt.Key.Key_R)
    window.training.panel.step_action.trigger()
    assert controller.index is None and session.epochs == EPOCHS_RUN + 1
    assert session.trainer is trainer  # went on exactly where it was
    assert weights(window.document.network) != present
    assert [s.epoch for s in session.epoch_history.ring][-2:] == [EPOCHS_RUN, EPOCHS_RUN + 1]


def test_train_from_the_past_can_branch_there_as_one_undo_step(qtbot, settings, dialogs):
    window = trained_window(qtbot, settings)
    session, controller = window.training.session, window.scrub.controller
    document = window.document
    present = weights(document.network)
    controller.go_to(25)
    snap = controller.snapshot
    depth = document.undo_stack.count()
    answer_next_box(Qt.Key.Key_B)
    window.training.panel.step_action.trigger()
    assert controller.index is None
    # the epochs after 25 are gone from the curves and the history; one epoch trained on
    assert session.epochs == 26 and len(session.curves) == 27
    assert [s.epoch for s in session.epoch_history.ring] == list(range(27))
    assert list(session.curves.train_loss[:26]) == pytest.approx(
        [s.figures["loss"] for s in session.epoch_history.ring][:26]
    )
    assert document.undo_stack.count() == depth + 2  # Branch at epoch 25, Train 1 epoch
    assert document.undo_stack.command(depth).text() == "Branch at epoch 25"
    document.undo()  # the epoch: back at the weights of epoch 25
    kept, now = snap.parameters.weight_dict(), weights(document.network)[0]
    assert {key: now[key] for key in kept} == kept
    document.undo()  # the branch
    assert weights(document.network) == present


def test_a_running_training_pauses_when_the_timeline_goes_back(qtbot, settings, dialogs):
    window = trained_window(qtbot, settings)
    session = window.training.session
    session.set_settings(stop_after=0, epochs_per_frame=1)
    window.training.panel.train_action.trigger()
    qtbot.waitUntil(lambda: session.epochs >= EPOCHS_RUN + 3, timeout=10_000)
    window.scrub.controller.go_to(5)
    assert not session.running and window.scrub.controller.index == 5
    assert window.document.undo_stack.undoText().startswith("Train")
    epochs = session.epochs
    qtbot.wait(100)
    assert session.epochs == epochs  # nothing trains behind the past shown
    assert np.isfinite(window.scrub.controller.snapshot.figures["loss"])


def test_forgetting_the_shown_history_returns_to_the_present(qtbot, settings, dialogs):
    window = trained_window(qtbot, settings)
    controller, session = window.scrub.controller, window.training.session
    present = weights(window.document.network)
    controller.go_to(10)
    session.set_settings(loss="bce")  # other figures: the curves and epochs start afresh
    assert controller.index is None and window.document.frozen_reason is None
    assert weights(window.document.network) == present
    # the clock's Reset from a past step: back to the present first, then t = 0
    window.clock.step(20)
    controller.set_track(STEPS)
    controller.go_to(4)
    window.live_plots.transport.reset_action.trigger()
    assert controller.index is None and window.clock.t == 0
    assert weights(window.document.network) == present


def test_saving_while_the_past_is_shown_saves_the_present(qtbot, settings, dialogs, tmp_path):
    window = trained_window(qtbot, settings)
    present = weights(window.document.network)
    window.scrub.controller.go_to(7)
    assert weights(window.document.network) != present
    target = tmp_path / "run.nsim.json"
    window.document.save(target)
    assert window.scrub.controller.index is None
    assert weights(fileformat.load(target)) == present
    assert weights(window.document.network) == present and not window.document.modified


def test_an_autosave_while_the_past_is_shown_keeps_the_present(qtbot, settings, dialogs, tmp_path):
    window = make_window(qtbot, settings, tanh_net(), autosave=True, recovery_folder=tmp_path)
    session = window.training.session
    session.set_settings(stop_after=EPOCHS_RUN, epochs_per_frame=15, lr=0.5)
    window.training.panel.train_action.trigger()
    qtbot.waitUntil(lambda: not session.running, timeout=20_000)
    present = weights(window.document.network)
    window.scrub.controller.go_to(7)
    assert not window.recovery.autosave()  # the past is on screen: nothing written
    window.scrub.controller.now()
    assert window.recovery.autosave()
    window.recovery.flush()
    [written] = tmp_path.glob("*.nsim.json")
    assert weights(fileformat.load(written)) == present
