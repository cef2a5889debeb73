"""Pictures of the window for slides and docs (``neurosim screenshot``), the same every run.

The clock is paused and put back to t = 0 (or stepped to ``time``), and every coalesced
update (the evaluation, each plot's redraw) is done before the picture is taken, so two
runs give the same pixels whatever the machine's speed. ``canvas_only`` renders just the
network at the requested size; ``presentation`` shows the window in presentation mode
(large text and neurons, high contrast) at the requested size, not full screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QDockWidget, QToolBar

from neurosim.ui.plots.base import PlotPanel

if TYPE_CHECKING:
    from neurosim.ui.mainwindow import MainWindow

SETTLE_ROUNDS = 3  # event-loop passes for layouts to settle after each change


@dataclass(frozen=True)
class Shot:
    """What to picture: the window's size, the clock's time and the mode."""

    size: tuple[int, int] = (1280, 800)
    time: int = 0
    canvas_only: bool = False
    presentation: bool = False


def take(window: MainWindow, shot: Shot, check: Callable[[MainWindow], None] | None) -> QImage:
    """Show ``window`` as ``shot`` asks and return its picture (``check`` runs first)."""
    # An example that starts its clock has started it by now: stopped before any event
    # loop pass, no step is ever taken and drawn (the plots keep ranges that fit what
    # they once showed, so a step drawn and undone would still show).
    window.clock.pause()
    window.resize(*shot.size)
    window.show()
    _settle()
    _set_time(window, shot.time)
    if check is not None:
        check(window)
    if shot.presentation:
        presentation = window.lessons.presentation
        presentation.enter()
        window.showNormal()  # the requested size, not the (offscreen) screen's
        window.resize(*shot.size)
        _settle()
        presentation.arrange_now()
    if shot.canvas_only:
        _canvas_alone(window)
        window.resize(*shot.size)
    _settle()
    window.canvas.fit_to_view()
    if check is None:  # (a check may run the clock itself, as the self-test does)
        _set_time(window, shot.time)
    _finish_updates(window)
    return (window.canvas if shot.canvas_only else window).grab().toImage()


def _set_time(window: MainWindow, time: int) -> None:
    """The clock paused at step ``time``, from a reset: where it ran to by now (how fast
    this machine is) never shows."""
    clock = window.clock
    clock.pause()
    clock.reset()
    if time:
        clock.step(time)


def _canvas_alone(window: MainWindow) -> None:
    """Only the network: the bars and docks hidden, the canvas fills the window."""
    window.menuBar().hide()
    window.statusBar().hide()
    for child in window.findChildren(QToolBar) + window.findChildren(QDockWidget):
        if child.parent() is window:
            child.hide()


def _finish_updates(window: MainWindow) -> None:
    """Everything that waits for a timer (the coalesced evaluation, the plots' next frame)
    done now, so the picture never depends on how fast the machine drew."""
    window.document.evaluate_now()
    _settle()
    for panel in window.findChildren(PlotPanel):
        panel.flush()
    _settle()


def _settle() -> None:
    for _ in range(SETTLE_ROUNDS):
        QApplication.processEvents()
