"""Applying a lesson's ``view`` to the main window: panels, selection, clock, plots, training.

The view names panels (``neurosim.core.lesson.PANELS``); each maps to a dock of the window,
found by its object name (the same names the saved window layout uses).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow

from neurosim.core.lesson import View
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.plots.live import LivePlots
from neurosim.ui.training.plots_grid import GRADIENTS, LOSS
from neurosim.ui.training.training_ui import TrainingUI

#: view panel name -> object name of the dock that shows it
PANEL_DOCKS: dict[str, str] = {
    "activation": "activation_plot",
    "traces": "traces_plot",
    "raster": "raster_plot",
    "sparsity": "sparsity_plot",
    "decision": "surface_plot",
    "train": "train",
    "gradient_flow": "training_plots",
    "loss": "training_plots",
}
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
FIRST_SHARE = 1.3  # the first bottom panel's width relative to each of the others


def lesson_docks(window: QMainWindow) -> dict[str, QDockWidget]:
    """The window's docks a view can open or close, by object name."""
    docks = {}
    for name in dict.fromkeys(PANEL_DOCKS.values()):
        dock = window.findChild(QDockWidget, name)
        if dock is not None:
            docks[name] = dock
    return docks


def apply_view(
    window: QMainWindow,
    view: View,
    canvas: CanvasView,
    live: LivePlots,
    training: TrainingUI,
) -> list[str]:
    """Set the window up as ``view`` says; returns the panels it could not show."""
    missing = apply_panels(window, view) if view.panels else []
    canvas.select([view.selected] if view.selected else [])
    _apply_plots(live, view)
    _first_training_plot(training, view)
    if view.train is not None:
        apply_train_settings(training, view)
    return missing


def apply_panels(window: QMainWindow, view: View) -> list[str]:
    """Show the view's panels side by side, hide the others; the panels it could not show."""
    docks = lesson_docks(window)
    wanted = [PANEL_DOCKS[p] for p in view.panels]
    missing = [p for p in view.panels if PANEL_DOCKS[p] not in docks]
    for name, dock in docks.items():
        if name not in wanted:
            dock.hide()
    shown = [docks[n] for n in dict.fromkeys(wanted) if n in docks]
    for dock in shown:
        dock.show()
    _side_by_side(window, shown)
    for dock in shown:
        dock.raise_()  # in front of the tabs it shares a place with
    return missing


def _side_by_side(window: QMainWindow, docks: list[QDockWidget]) -> None:
    """The shown bottom docks in one row, in the order the view names them, none behind
    another's tab: a lesson wants each seen.

    (``splitDockWidget`` would only add another tab to a tab group: each dock is taken out
    and added again at the right end of the bottom area; hidden docks keep their places.)"""
    bottom = [d for d in docks if not d.isFloating() and window.dockWidgetArea(d) == BOTTOM]
    if len(bottom) < 2:
        return
    for dock in bottom:
        window.removeDockWidget(dock)
    for dock in bottom:
        window.addDockWidget(BOTTOM, dock, Qt.Orientation.Horizontal)
        dock.show()
    # The view names its main plot first: it gets a larger share of the width.
    share = [FIRST_SHARE] + [1.0] * (len(bottom) - 1)
    window.resizeDocks(
        bottom, [round(window.width() * s) for s in share], Qt.Orientation.Horizontal
    )


def _apply_plots(live: LivePlots, view: View) -> None:
    if view.clock_running:
        live.clock.run()
    else:
        live.clock.pause()
    decision = view.decision
    if decision is not None:
        try:
            live.surface.choose(decision.x, decision.y, decision.output)
        except ValueError:  # a choice the panel does not offer: keep its own
            pass
        if decision.range is not None:
            x0, x1, y0, y1 = decision.range
            live.surface.set_ranges((x0, x1), (y0, y1))
    live.activation.set_compared(list(view.compare))


def _first_training_plot(training: TrainingUI, view: View) -> None:
    """When only one training plot fits (tabs), the one the view names first: lessons
    05a/05b are about the gradients."""
    named = [p for p in view.panels if p in ("gradient_flow", "loss")]
    training.plots.show_first(GRADIENTS if named[:1] == ["gradient_flow"] else LOSS)


def apply_train_settings(training: TrainingUI, view: View) -> None:
    """The suggested settings in the Train panel. No test split: the notes' numbers are
    measured on the whole dataset, as ``neurosim train`` does."""
    t = view.train
    if t is None:
        return
    training.session.set_settings(
        loss=t.loss,
        optimizer=t.optimizer,
        lr=t.lr,
        batch_size=t.batch_size or 0,
        seed=t.seed,
        test_fraction=0.0,
        stop_after=t.epochs,  # "train for 300 epochs" is one press of Train
    )
    training.panel.sync_from_settings()
