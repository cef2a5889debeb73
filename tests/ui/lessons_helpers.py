"""A main window and its lessons UI, put back in order afterwards.

The theme and presentation mode change process-wide things (the application palette and
font, the plots' and the canvas's ink), so the fixture returns them to the defaults.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from shell_helpers import make_window

from neurosim.core.lesson import examples
from neurosim.paths import resource_path

EXAMPLES = examples()


def example_path(name: str) -> Path:
    return resource_path("examples", f"{name}.nsim.json")


def lesson_shown(window) -> Path | None:
    """The shipped file the open lesson copy came from (lessons open as untitled copies)."""
    origin = window.document.origin
    assert origin is None or window.document.path is None
    return origin.path if origin is not None else None


def open_window(qtbot, settings):
    window = make_window(qtbot, settings)
    ui = window.lessons
    ui.cache_dir = Path(settings.fileName()).parent / "thumbnails"
    return window, ui


@pytest.fixture
def lessons(qtbot, settings, dialogs):
    window, ui = open_window(qtbot, settings)
    yield window, ui
    if ui.presentation.active:
        ui.presentation.leave()
    window.theme.set_mode("system")  # offscreen: light, the platform's palette
    window.live_plots.clock.pause()
    window.document.undo_stack.setClean()
