"""The training session: frames, undo steps, edits while training, problems, held-out rows."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QTimer
from training_helpers import dead_relu_net, session_for, step_net, tanh_net, weights

from neurosim.core import fileformat, training
from neurosim.core.builders import layered_network
from neurosim.core.datasets import builtin
from neurosim.core.engine import Engine
from neurosim.core.model import Network
from neurosim.core.training import init_weights
from neurosim.core.training_setup import STEP_MESSAGE
from neurosim.ui.commands import MoveNeurons, SetWeight
from neurosim.ui.training import session as session_module
from neurosim.ui.training.session import BUDGET_MS

BATCH_S = 0.001  # on the fake clock, every read (one per batch trained) is a millisecond


def _train_until(qtbot, session, epochs: int) -> None:
    assert session.train()
    qtbot.waitUntil(lambda: session.epochs >= epochs, timeout=10_000)
    session.pause()


def test_step_is_one_epoch_and_one_undo_step(qtbot):
    document, session = session_for(tanh_net())
    before = weights(document.network)
    session.step()
    assert session.epochs == 1 and session.curves.epoch.tolist() == [0, 1]
    after = weights(document.network)
    assert after != before
    stack = document.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Train 1 epoch"
    stack.undo()
    assert weights(document.network) == before
    stack.redo()
    assert weights(document.network) == after


def test_training_writes_back_once_per_frame_and_undoes_in_one_step(qtbot):
    document, session = session_for(tanh_net(), epochs_per_frame=3)
    before = weights(document.network)
    changes, frames = [], []
    document.network.parameters_changed.connect(lambda: changes.append(1))
    session.progressed.connect(lambda: frames.append(1))
    _train_until(qtbot, session, 12)
    assert len(changes) == len(frames) >= 4  # the pushed command's first redo changed nothing
    n = session.epochs
    assert session.curves.epoch.tolist() == list(range(0, n + 1))  # from epoch 0
    stack = document.undo_stack
    assert stack.count() == 1 and stack.text(0) == f"Train {n} epochs"
    trained = weights(document.network)
    stack.undo()
    assert weights(document.network) == before
    stack.redo()
    assert weights(document.network) == trained


def test_initialise_weights_is_one_undo_step_with_the_seeded_weights(qtbot):
    document, session = session_for(tanh_net(), seed=7)
    before = weights(document.network)
    session.initialise()
    expected = document.network.copy()
    init_weights(expected, 7)
    assert weights(document.network) == weights(expected) != before
    assert document.undo_stack.count() == 1
    assert document.undo_stack.text(0) == "Initialise weights"
    document.undo_stack.undo()
    assert weights(document.network) == before


def test_reset_goes_back_to_the_start_weights_and_clears_the_curves(qtbot):
    document, session = session_for(tanh_net())
    before = weights(document.network)
    for _ in range(3):
        session.step()
    trained = weights(document.network)
    cleared = []
    session.curves_cleared.connect(lambda: cleared.append(1))
    session.reset()
    assert weights(document.network) == before
    assert session.epochs == 0 and cleared
    stack = document.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Train 1 epoch"] * 3 + [
        "Reset training"
    ]
    stack.undo()
    assert weights(document.network) == trained


def test_gradient_norms_are_recorded_per_level(qtbot):
    _, session = session_for(layered_network([2, 3, 3, 3, 1], "sigmoid", seed=0))
    for _ in range(4):
        session.step()
    curves = session.curves
    assert curves.levels == 4
    for level in range(4):
        values = curves.gradient(level)
        assert len(values) == 5 and np.all(values > 0)  # epoch 0 and four steps
    # A sigmoid chain: the gradient shrinks on the way back to the inputs.
    assert curves.gradient(0)[-1] < curves.gradient(3)[-1]


def test_a_step_network_explains_why_it_cannot_train(qtbot):
    document, session = session_for(step_net(), builtin("xor"))
    assert session.message == STEP_MESSAGE
    assert not session.train()
    session.step()
    assert session.epochs == 0 and document.undo_stack.count() == 0


def test_data_that_does_not_fit_the_network_is_explained(qtbot):
    _, session = session_for(layered_network([3, 2, 1], "tanh"), builtin("circle", 20))
    assert "3 input neuron" in session.message
    assert not session.train()


def test_dead_relus_are_listed(qtbot):
    _, session = session_for(dead_relu_net(), builtin("circle", 60, 0.0, 0))
    session.step()
    assert session.curves.dead == ["h2", "h3"]


def test_divergence_pauses_with_a_message_and_keeps_the_last_good_weights(qtbot):
    document, session = session_for(
        layered_network([2, 4, 1], "linear", seed=0), lr=50.0, batch_size=0
    )
    assert session.train()
    qtbot.waitUntil(lambda: not session.running, timeout=10_000)
    assert "diverged" in session.message
    assert all(np.isfinite(s.weight) for s in document.network.synapses.values())


def test_an_edit_while_training_pauses_and_lands_after_the_training_step(qtbot):
    document, session = session_for(tanh_net())
    before = weights(document.network)
    assert session.train()
    qtbot.waitUntil(lambda: session.epochs >= 3, timeout=10_000)
    trained_w = document.network.synapses[("x1", "h1")].weight
    document.push(SetWeight(document.network, ("x1", "h1"), 5.0))
    assert not session.running and session.trainer is None
    stack = document.undo_stack
    assert stack.text(0).startswith("Train ") and stack.text(1) == "Weight x1 → h1"
    stack.undo()
    assert document.network.synapses[("x1", "h1")].weight == trained_w
    stack.undo()
    assert weights(document.network) == before
    stack.redo()
    stack.redo()
    session.step()  # a new trainer starts from the edited network
    assert session.trainer is not None and session.epochs > 3


def test_undoing_the_training_step_while_it_runs_pauses(qtbot):
    document, session = session_for(tanh_net())
    before = weights(document.network)
    assert session.train()
    qtbot.waitUntil(lambda: session.epochs >= 3, timeout=10_000)
    document.undo()  # Edit ▸ Undo: "Undo Train" ends the run, then undoes it
    assert not session.running
    assert weights(document.network) == before
    document.undo_stack.redo()
    assert weights(document.network) != before


def test_moving_a_neuron_or_running_the_clock_does_not_disturb_training(qtbot):
    document, session = session_for(tanh_net())
    assert session.train()
    qtbot.waitUntil(lambda: session.epochs >= 2, timeout=10_000)
    document.push(MoveNeurons(document.network, {"h1": ((0, 0), (40, 40))}))
    document.network.set_value("x1", 0.3)
    assert session.running
    qtbot.waitUntil(lambda: session.epochs >= 4, timeout=10_000)
    session.pause()
    stack = document.undo_stack  # the run's one step is pushed when it ends
    assert [stack.text(i) for i in range(stack.count())] == [
        "Move 1 neuron(s)",  # a Qt plural (%n): English has no catalog of its own
        f"Train {session.epochs} epochs",
    ]


def test_saving_pauses_training(qtbot, tmp_path):
    document, session = session_for(tanh_net())
    assert session.train()
    qtbot.waitUntil(lambda: session.epochs >= 1, timeout=10_000)
    assert document.modified  # before any undo step is pushed
    document.save(tmp_path / "trained.nsim.json")
    assert not session.running and not document.modified
    assert document.undo_stack.undoText() == f"Train {session.epochs} epoch" + (
        "s" if session.epochs != 1 else ""
    )
    assert fileformat.load(tmp_path / "trained.nsim.json").synapses.keys() == (
        document.network.synapses.keys()
    )
    assert weights(fileformat.load(tmp_path / "trained.nsim.json")) == weights(document.network)


def test_opening_another_network_stops_and_forgets(qtbot):
    document, session = session_for(tanh_net())
    assert session.train()
    qtbot.waitUntil(lambda: session.epochs >= 1, timeout=10_000)
    document.replace(tanh_net())
    assert not session.running and session.epochs == 0 and session.trainer is None
    session.step()  # the data is matched to the new network
    assert session.epochs == 1


def test_test_rows_are_scored_with_the_trained_weights(qtbot):
    document, session = session_for(tanh_net(), builtin("circle", 100, 0.1, 2), test_fraction=0.25)
    assert len(session.test_set) == 25 and len(session.train_set) == 75
    session.step()
    engine = Engine(document.network)
    test = session.test_set
    order = [test.input_names.index(i) for i in engine.input_ids]
    y = engine.forward(test.inputs[:, order])[:, engine.compiled.index["y1"]]
    expected = float(np.mean((y - test.targets[:, 0]) ** 2))
    assert session.curves.last("test_loss") == pytest.approx(expected, rel=1e-12)
    small = session_for(tanh_net(), builtin("xor"), test_fraction=0.5)[1]
    assert small.test_set is None and len(small.train_set) == 4  # too few rows to hold out


def test_learning_rate_applies_at_once_other_settings_pause(qtbot):
    _, session = session_for(tanh_net())
    assert session.train()
    session.set_settings(lr=0.05, epochs_per_frame=4)
    assert session.running and session.trainer.lr == 0.05
    qtbot.waitUntil(lambda: session.epochs >= 2, timeout=10_000)
    session.set_settings(loss="bce")
    assert not session.running and session.epochs == 0 and session.trainer is None


def test_training_never_blocks_the_event_loop(qtbot, fake_clock, monkeypatch):
    """A frame asking for 100 epochs of 500 rows one at a time (50,000 batches) stops at its
    budget of work on the clock, and the event loop runs between frames."""
    clock = fake_clock(session_module, training, step=BATCH_S)
    monkeypatch.setattr(session_module, "compiled_ready", lambda: False)  # the numpy loop
    net = layered_network([2, 8, 8, 1], "tanh", seed=0)
    document, session = session_for(
        net, builtin("circle", 500, 0.1, 0), epochs_per_frame=100, batch_size=1
    )
    events: list[tuple[str, int]] = []  # ("frame" at its write-back, or "tick"), clock reads
    document.network.parameters_changed.connect(lambda: events.append(("frame", clock.reads)))
    ticker = QTimer()
    ticker.setInterval(1)
    ticker.timeout.connect(lambda: events.append(("tick", clock.reads)))
    ticker.start()
    assert session.train()
    qtbot.waitUntil(lambda: [kind for kind, _ in events].count("frame") >= 5, timeout=10_000)
    session.pause()
    ticker.stop()
    kinds = "".join(kind[0] for kind, _ in events).lstrip("t")
    assert "ff" not in kinds  # every frame handed the loop back before the next one
    reads = [n for kind, n in events if kind == "frame"]
    per_frame = [b - a for a, b in zip(reads, reads[1:], strict=False)]
    assert all(0 < n <= 2 * BUDGET_MS / 1e3 / BATCH_S for n in per_frame)  # ~12 batches
    assert session.epochs == 0 and session.trainer.in_epoch  # the first epoch, part-way


def test_an_epoch_longer_than_a_frame_is_spread_over_frames(qtbot, fake_clock, monkeypatch):
    # 200 rows one at a time, a millisecond each on the clock: an epoch is 200 ms of work,
    # about seventeen frames' worth of budget, in the numpy loop (the compiled loop's slices
    # are tested in tests/test_training_compiled.py).
    fake_clock(session_module, training, step=BATCH_S)
    monkeypatch.setattr(session_module, "compiled_ready", lambda: False)
    document, session = session_for(
        tanh_net(), builtin("circle", 200, 0.1, 0), batch_size=1, test_fraction=0.0
    )
    before = weights(document.network)
    assert session.train()
    session.pause()  # frames by hand from here
    session.frame()
    assert session.epochs == 0 and session.trainer.in_epoch
    assert weights(document.network) != before  # the canvas shows the epoch part-way
    session.pause()
    assert document.undo_stack.text(0) == "Train part of an epoch"
    document.undo_stack.undo()  # back to the start; a new trainer begins a fresh epoch
    assert weights(document.network) == before and session.trainer is None
    assert session.train()
    session.pause()
    session.frame()
    frames = 1
    while session.epochs == 0:
        session.frame()
        frames += 1
    assert frames > 3 and not session.trainer.in_epoch
    session.pause()
    stack = document.undo_stack
    assert stack.count() == 1 and stack.text(0) == "Train 1 epoch"  # replaced the undone one
    stack.undo()
    assert weights(document.network) == before


def test_a_network_without_outputs_is_explained(qtbot):
    net = Network()
    net.add_neuron("input", "x1")
    net.add_neuron("input", "x2")
    _, session = session_for(net)
    assert "output" in session.message
