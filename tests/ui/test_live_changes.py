"""Live changes are not edits: training frames and clock steps change the model (views
repaint) without touching the undo stack; a run becomes one command when it ends."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from shell_helpers import make_window
from training_helpers import tanh_net, weights

from neurosim.ui.clock import SimulationClock
from neurosim.ui.commands import SetParameters
from neurosim.ui.document import Document
from neurosim.ui.training.session import TrainingSession

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

PACKAGE = Path(__file__).resolve().parents[2] / "neurosim"
STACK_SIGNALS = (
    "indexChanged",
    "cleanChanged",
    "canUndoChanged",
    "canRedoChanged",
    "undoTextChanged",
    "redoTextChanged",
)


def _window(qtbot, settings, network=None):
    window = make_window(qtbot, settings, network or tanh_net())
    clock = window.findChildren(SimulationClock)[0]
    clock.pause()  # the clock's steps are tested on their own below
    return window, window.findChildren(TrainingSession)[0], clock


def _run(session: TrainingSession, frames: int) -> None:
    """``frames`` training frames by hand (the timer stopped: nothing else runs)."""
    assert session.train(), session.message
    session._timer.stop()
    for _ in range(frames):
        session.frame()


def _pushed(stack) -> list[tuple[str, object, object]]:
    """Every command on the stack as pushed: its text and (for parameters) its values."""
    out = []
    for i in range(stack.count()):
        command = stack.command(i)
        values = (command.old, command.new) if isinstance(command, SetParameters) else None
        out.append((command.text(), command, repr(values)))
    return out


def test_no_code_emits_the_undo_stacks_signals():
    pattern = re.compile(rf"\b({'|'.join(STACK_SIGNALS)})\.emit\(")
    found = [
        f"{path.relative_to(PACKAGE)}:{n}"
        for path in PACKAGE.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_a_training_run_is_one_command_pushed_when_it_ends(qtbot, settings, dialogs):  # noqa: F811
    window, session, _clock = _window(qtbot, settings)
    document, stack = window.document, window.document.undo_stack
    before = weights(document.network)
    indexes: list[int] = []
    stack.indexChanged.connect(indexes.append)
    _run(session, 20)
    assert stack.count() == 0 and indexes == []  # 20 frames: nothing on the stack yet
    assert weights(document.network) != before  # but the network (and the screen) moved
    assert document.live and document.modified and window.isWindowModified()
    assert window.acts.undo.text() == "&Undo Train" and window.acts.undo.isEnabled()
    assert not window.acts.redo.isEnabled() and not window.history_view.isEnabled()
    session.pause()
    trained = weights(document.network)
    assert indexes == [1] and stack.count() == 1  # one command, pushed at the pause
    assert stack.text(0) == f"Train {session.epochs} epochs" and session.epochs >= 20
    assert not document.live and document.modified and window.history_view.isEnabled()
    assert window.acts.undo.text() == f"&Undo Train {session.epochs} epochs"
    pushed = _pushed(stack)
    stack.undo()
    assert weights(document.network) == before
    stack.redo()
    assert weights(document.network) == trained
    _run(session, 3)  # a second run is a second command; the first stays as it was pushed
    session.pause()
    assert stack.count() == 2 and _pushed(stack)[:1] == pushed
    assert indexes == [1, 0, 1, 2]


def test_the_engine_does_not_recompile_over_20_live_frames(qtbot, settings, dialogs):  # noqa: F811
    window, session, _clock = _window(qtbot, settings)
    _run(session, 1)
    engine = window.document.engine
    compiles = engine.compile_count
    changes: list[int] = []
    window.document.parameters_changed.connect(lambda: changes.append(1))
    for _ in range(20):
        session.frame()
    assert len(changes) == 20  # every frame was shown
    assert engine.compile_count == compiles  # 0 compiles after the first
    session.pause()
    assert engine.compile_count == compiles  # the run's command changes nothing more


def test_undo_during_a_run_ends_the_run_then_undoes_it(qtbot, settings, dialogs):  # noqa: F811
    window, session, _clock = _window(qtbot, settings)
    document = window.document
    before = weights(document.network)
    _run(session, 5)
    session._timer.start()  # running, as after Train
    trained = weights(document.network)
    window.acts.undo.trigger()
    assert not session.running and not document.live
    assert weights(document.network) == before
    assert document.undo_stack.redoText() == "Train 5 epochs"
    window.acts.redo.trigger()
    assert weights(document.network) == trained


def test_saving_during_a_run_saves_what_is_shown_and_is_clean(qtbot, settings, dialogs, tmp_path):  # noqa: F811
    window, session, _clock = _window(qtbot, settings)
    document = window.document
    _run(session, 4)
    document.save(tmp_path / "run.nsim.json")
    assert not session.running and not document.live
    assert not document.modified and not window.isWindowModified()
    assert document.undo_stack.count() == 1 and document.undo_stack.isClean()


def test_clock_steps_push_nothing_and_do_not_modify(qtbot, settings, dialogs):  # noqa: F811
    network = tanh_net()
    network.set_source("x1", {"kind": "square", "period": 2})
    window, _session, clock = _window(qtbot, settings, network)
    document = window.document
    assert not document.modified
    values = []
    for _ in range(6):
        clock.step()
        values.append(document.network.neuron("x1").value)
    assert len(set(values)) > 1  # the input really changed, live
    assert document.undo_stack.count() == 0 and not document.live
    assert not document.modified and not window.isWindowModified()
    clock.run()
    t = clock.t
    qtbot.waitUntil(lambda: clock.t >= t + 3, timeout=10_000)
    clock.pause()
    assert document.undo_stack.count() == 0 and not document.modified


def test_live_parameters_outside_a_run_are_refused(qtbot):
    document = Document(tanh_net())
    w, b = weights(document.network)
    with pytest.raises(RuntimeError, match="live run"):
        document.live_parameters({k: v + 1 for k, v in w.items()}, b)
    assert weights(document.network) == (w, b)
    document.begin_live("Train", lambda: document.end_live())
    with pytest.raises(RuntimeError, match="open already"):
        document.begin_live("Train", lambda: None)
    document.settle()  # a save, an undo or an edit: the run ends first
    assert not document.live and document.undo_stack.count() == 0
