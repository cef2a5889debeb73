"""Training in the window: the Train panel, the training curves, Compare activations.

``install(window)`` adds to a main window (``document``, ``canvas``, ``add_panel``, optional
``live_plots``): the Train dock, the Training curves dock, a Train menu with the panel's
actions (Ctrl+T train/pause, Ctrl+Shift+T one epoch, Ctrl+Shift+R reset, Ctrl+Shift+I initialise
weights, Ctrl+Shift+K compare activations), dead-ReLU badges on the canvas and the data
points on the decision surface. The parts also work alone (see the tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["TrainingUI", "install"]


@dataclass
class TrainingUI:
    """What :func:`install` made; the window keeps it as ``window.training``.

    ``compare()`` opens (or raises) the Compare activations dialog and returns it.
    """

    session: Any
    panel: Any
    plots: Any
    overlays: Any
    docks: dict[str, Any]
    menu: Any
    compare: Callable[[], Any]

    def set_presentation_scale(self, factor: float) -> None:
        self.plots.set_presentation_scale(factor)


def install(window: Any) -> TrainingUI:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollArea

    from neurosim.ui.plots.clock import SimulationClock
    from neurosim.ui.training.compare_dialog import CompareDialog
    from neurosim.ui.training.overlays import TrainingOverlays
    from neurosim.ui.training.panel import TrainPanel
    from neurosim.ui.training.plots import TrainingPlots
    from neurosim.ui.training.session import TrainingSession

    document = window.document
    session = TrainingSession(document, window)
    panel = TrainPanel(session)
    live = getattr(window, "live_plots", None)
    clock = live.clock if live is not None else SimulationClock(document, window)
    plots = TrainingPlots(session, document, clock)
    scroll = QScrollArea()
    scroll.setWidget(panel)
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    scroll.setMinimumWidth(310)
    right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
    docks = {
        "panel": window.add_panel("Train", scroll, "train", right),
        "plots": window.add_panel("Training curves", plots, "training_plots", bottom),
    }
    # Beside the inspector and the time plots, as tabs: the canvas keeps its room.
    # A saved window layout overrides this.
    inspector = getattr(window, "inspector_dock", None)
    if inspector is not None:
        window.tabifyDockWidget(inspector, docks["panel"])
        inspector.raise_()
    if live is not None and "traces" in live.docks:
        window.tabifyDockWidget(live.docks["traces"], docks["plots"])
    surface = live.surface if live is not None else None

    def points_wanted() -> bool:
        return (
            not docks["panel"].isHidden()
            or window.document.network.extra.get("dataset") is not None
        )

    overlays = TrainingOverlays(
        session, getattr(window, "canvas", None), surface, window, wanted=points_wanted
    )
    docks["panel"].visibilityChanged.connect(lambda _visible: overlays.show_points())
    menu = _menu(window, panel)
    open_network = _opener(window)
    dialogs: list[CompareDialog] = []

    def compare() -> CompareDialog:  # one dialog, kept with its results between uses
        if not dialogs:
            dialogs.append(CompareDialog(session, open_network, window))
        dialog = dialogs[0]
        dialog.refresh()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    panel.compare_action.triggered.connect(lambda _c=False: compare())

    def on_state() -> None:  # training starts: bring the panel and its curves to the front
        if session.running:
            for dock in docks.values():
                if not dock.isHidden():
                    dock.raise_()

    session.state_changed.connect(on_state)

    def on_refused() -> None:  # Train or Step did nothing: show why, even if the panel is hidden
        if not session.running and session.message:
            docks["panel"].show()
            docks["panel"].raise_()
            status = getattr(window, "statusBar", None)
            if status is not None:
                status().showMessage(session.message[:1].upper() + session.message[1:], 8000)

    for action in (panel.train_action, panel.step_action):
        action.triggered.connect(lambda _c=False: on_refused())
    ui = TrainingUI(session, panel, plots, overlays, docks, menu, compare)
    window.training = ui
    return ui


def _menu(window: Any, panel: Any) -> Any:
    bar = getattr(window, "menuBar", None)
    if bar is None:
        return None
    menu = window.menuBar().addMenu("T&rain")
    help_menu = next(
        (
            a
            for a in window.menuBar().actions()
            if a.menu() is not None and a.text().replace("&", "") == "Help"
        ),
        None,
    )
    if help_menu is not None:  # keep Help last
        window.menuBar().insertMenu(help_menu, menu)
    menu.addActions([panel.train_action, panel.step_action, panel.reset_action])
    menu.addSeparator()
    menu.addAction(panel.init_action)
    menu.addSeparator()
    menu.addAction(panel.compare_action)
    return menu


def _opener(window: Any):
    """Open a run's network: the window's own way (asks to save) when it has one."""
    if hasattr(window, "maybe_save") and hasattr(window, "open_network"):

        def open_network(network) -> bool:
            if not window.maybe_save():
                return False
            window.open_network(network)
            return True

        return open_network
    from neurosim.ui.training.compare_dialog import ask_and_replace

    return ask_and_replace(window.document, window)
