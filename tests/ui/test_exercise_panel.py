"""The Exercise panel: goals with a live ✓/✗, the Solved banner, hints one at a time."""

from __future__ import annotations

import json

import pytest
from exercise_helpers import EXERCISES, SHIPPED, exercise_window, pass_marks
from PySide6.QtCore import Qt

from neurosim.core import fileformat
from neurosim.core.exercise.checks import check_goals
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.localized_text import english
from neurosim.ui.commands import MoveNeurons, SetNeuronField, SetWeight
from neurosim.ui.exercises import controller as controller_module

pytest_plugins = ["shell_fixtures"]  # fixtures: dialogs, settings, window

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.mark.parametrize("name", SHIPPED)
def test_each_shipped_exercise_shows_its_goals(qtbot, settings, dialogs, name):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, name)
    network = window.document.network
    exercise = exercise_of(network)
    expected = check_goals(exercise, network)
    panel = ui.panel
    assert ui.dock.isVisible()
    # one row per goal check, plus the locked-parts row
    assert len(panel.rows) == len(expected) + 1
    for row, result in zip(panel.rows, expected, strict=False):
        assert row.passed == result.passed
        assert result.label in row.text.text().replace("&gt;", ">").replace("&lt;", "<")
        assert row.mark.text() == ("✓" if result.passed else "✗")
    assert panel.rows[-1].passed  # nothing locked has changed yet
    assert not ui.controller.solved  # every shipped exercise starts unsolved
    assert "checks pass" in panel.banner.text()
    words = english(exercise.instructions).split("<p>")[1].split()[0]
    assert words in panel.instructions.toPlainText()
    assert panel.hint_button.text() == f"Show hint 1 of {len(exercise.hints)}"
    assert window.document.lock_policy is not None


def test_a_plain_network_has_no_panel_and_no_locks(qtbot, settings, dialogs):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    assert ui.dock.isVisible()
    window.new_file()
    qtbot.wait(1)
    assert not ui.dock.isVisible()
    assert window.document.lock_policy is None
    assert ui.controller.exercise is None and ui.panel.rows == []


def test_solving_and_in_the_gui_flips_rows_and_shows_solved(qtbot, settings, dialogs):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    doc = window.document
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    assert pass_marks(ui) == [False, False, False, True, True, True]
    assert doc.push(SetWeight(doc.network, ("x1", "y"), 1.0))
    assert doc.push(SetWeight(doc.network, ("x2", "y"), 1.0))
    qtbot.waitUntil(lambda: ui.panel.rows[0].text.text().endswith("got y = 1</span>"))
    assert not ui.controller.solved
    assert doc.push(SetNeuronField(doc.network, "y", "bias", -1.5))
    qtbot.waitUntil(lambda: ui.controller.solved)
    assert pass_marks(ui) == [True] * 6
    assert "got y = 0" in ui.panel.rows[0].text.text()
    assert "Solved ✓" in ui.panel.banner.text()
    # a further edit that keeps it solved does not announce it again
    assert doc.push(MoveNeurons(doc.network, {"y": ((180.0, 0.0), (200.0, 0.0))}))
    qtbot.wait(5)
    assert sum("Exercise solved" in m for m in messages) == 1
    doc.undo_stack.undo()
    doc.undo_stack.undo()  # the bias again: no longer solved
    qtbot.waitUntil(lambda: not ui.controller.solved)
    assert pass_marks(ui) == [False, False, False, True, True, True]
    assert "4 of 5 checks pass" not in ui.panel.banner.text()
    assert "2 of 5 checks pass" in ui.panel.banner.text()


def test_hints_are_revealed_one_at_a_time(qtbot, settings, dialogs):  # noqa: F811
    window, ui = exercise_window(qtbot, settings, "and-gate.nsim.json")
    hints = [english(h) for h in exercise_of(window.document.network).hints]
    panel = ui.panel
    assert panel.hint_texts() == []
    assert hints[0] not in panel.instructions.toPlainText()
    for n in range(1, len(hints) + 1):
        qtbot.mouseClick(panel.hint_button, Qt.MouseButton.LeftButton)
        assert panel.hint_texts() == list(hints[:n])
        text = panel.instructions.toPlainText()
        assert f"Hint {n}." in text and hints[n - 1] in text
        if n < len(hints):
            assert hints[n] not in text
            assert panel.hint_button.text() == f"Show hint {n + 1} of {len(hints)}"
    assert not panel.hint_button.isEnabled()
    assert len(hints) > 1 and panel.hint_button.text() == f"All {len(hints)} hints shown"
    window.document.undo_stack.setClean()
    window.open_file(window.document.origin.path)  # opening again hides them again
    assert panel.hint_texts() == [] and panel.hint_button.isEnabled()


def test_an_invalid_exercise_section_says_why_and_locks_nothing(
    qtbot,
    settings,
    dialogs,  # noqa: F811
    tmp_path,
):
    data = json.loads(fileformat.dumps(fileformat.load(EXERCISES / "and-gate.nsim.json")))
    data["exercise"]["goals"] = []
    path = tmp_path / "broken.nsim.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    window, ui = exercise_window(qtbot, settings)
    assert window.open_file(path)
    qtbot.wait(1)
    assert ui.dock.isVisible()
    assert "exercise cannot be used" in ui.panel.placeholder.text()
    assert "at least one goal" in ui.panel.placeholder.text()
    assert window.document.lock_policy is None


def test_slow_checks_are_throttled_not_skipped(
    qtbot,
    settings,
    dialogs,  # noqa: F811
    fake_clock,
    monkeypatch,
):
    """A check that takes 50 ms (on the clock) is postponed by four times that after an
    evaluation instead of running every time; it still runs, and once checks are fast
    again they run at once."""
    window, ui = exercise_window(qtbot, settings, "not-gate.nsim.json")
    controller, doc, timer = ui.controller, window.document, ui.controller._timer
    clock = fake_clock(controller_module)
    cost = [0.05]  # seconds one check of the goals takes
    check_goals = controller_module.check_goals

    def timed_check(*args, **kwargs):
        clock.advance(cost[0])
        return check_goals(*args, **kwargs)

    monkeypatch.setattr(controller_module, "check_goals", timed_check)
    controller.check_now(announce=False)
    assert doc.push(SetWeight(doc.network, ("x1", "y"), -1.0))  # solves it
    doc.evaluate_now()
    assert timer.isActive() and not controller.solved  # postponed, not run at once
    assert timer.interval() == 4 * 50
    cost[0] = 0.001
    timer.timeout.emit()  # the postponed check comes due
    assert controller.solved and not timer.isActive()
    assert doc.push(SetWeight(doc.network, ("x1", "y"), 1.0))  # unsolves it
    doc.evaluate_now()
    assert not controller.solved and not timer.isActive()  # a fast check runs at once
