"""Shared set-up for the exercise GUI tests: a main window with the exercise parts."""

from __future__ import annotations

from pathlib import Path

from shell_helpers import make_window

from neurosim.core import fileformat

ROOT = Path(__file__).resolve().parents[2]
EXERCISES = ROOT / "resources" / "exercises"
SHIPPED = sorted(p.name for p in EXERCISES.glob("*.nsim.json"))


def exercise_window(qtbot, settings, name: str | None = None):
    """(window, its ExerciseUI), with the exercise ``name`` opened (None: the example)."""
    window = make_window(qtbot, settings)
    ui = window.exercises
    if name is not None:
        assert window.open_file(EXERCISES / name)
    qtbot.wait(1)  # the dock and the checks follow on the next turn of the loop
    return window, ui


def dumped(window) -> str:
    return fileformat.dumps(window.document.network)


def pass_marks(ui) -> list[bool | None]:
    return [row.passed for row in ui.panel.rows]
