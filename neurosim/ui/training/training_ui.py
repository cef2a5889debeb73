"""Training in the window: the Train panel, the training curves, Compare activations.

:class:`TrainingUI` makes the Train dock, the Training curves dock, a Train menu with the
panel's actions (Ctrl+T train/pause, Ctrl+Shift+T one epoch, Ctrl+Shift+R reset,
Ctrl+Shift+I initialise weights, Ctrl+Shift+K compare activations; Train is on the
toolbar too), dead-ReLU badges on
the canvas and the data points on the decision surface. The main window places the docks
and the menu. The parts also work alone (see the tests).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from neurosim.core.model import Network
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.clock import SimulationClock
from neurosim.ui.core_text import core_text
from neurosim.ui.docks import make_dock, scrolling
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.lifetime import tied
from neurosim.ui.plots.surface.panel import DecisionSurfacePanel
from neurosim.ui.theme import Theme
from neurosim.ui.training.overlays import TrainingOverlays
from neurosim.ui.training.panel import TrainPanel
from neurosim.ui.training.plots import TrainingPlots
from neurosim.ui.training.session import TrainingSession

if TYPE_CHECKING:  # opened on demand: its import waits for the first use
    from neurosim.ui.training.compare_dialog import CompareDialog

__all__ = ["TrainingUI"]

PANEL_MIN_WIDTH = 300


class TrainingUI(QObject):
    """The training parts of one window.

    ``docks`` holds "panel" (object name ``train``) and "plots" (``training_plots``).

    Signals:
        refused(str): Train or Step did nothing; why, for the status bar.
    """

    refused = Signal(str)

    def __init__(
        self,
        document: Document,
        clock: SimulationClock,
        canvas: CanvasView,
        surface: DecisionSurfacePanel,
        open_network: Callable[[Network], bool],
        theme: Theme,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._open_network = open_network  # "open this run": asks to save first
        self._theme = theme
        self.session = TrainingSession(document, window)
        self.panel = TrainPanel(self.session, theme=theme)
        self.plots = TrainingPlots(self.session, document, clock, theme=theme)
        self.docks: dict[str, QDockWidget] = {
            "panel": make_dock(
                translate("TrainingUI", "Train", "the Train panel's title"),
                scrolling(self.panel, PANEL_MIN_WIDTH, horizontal=False),
                "train",
                window,
            ),
            "plots": make_dock(
                translate("TrainingUI", "Training curves"), self.plots, "training_plots", window
            ),
        }
        self.overlays = TrainingOverlays(
            self.session, canvas, surface, window, wanted=self._points_wanted
        )
        self.menu = self._build_menu()
        self._compare_dialog: CompareDialog | None = None
        # tied to the surface: no call reaches its deleted scatter item while the window
        # is being torn down (a RuntimeError at exit)
        self.docks["panel"].visibilityChanged.connect(
            tied(surface.points.train, lambda _v: self.overlays.show_points())
        )
        self.panel.compare_action.triggered.connect(lambda _c=False: self.compare())
        self.session.state_changed.connect(self._on_state)
        for action in (self.panel.train_action, self.panel.step_action):
            action.triggered.connect(lambda _c=False: self._on_train_or_step())
        self.panel.train_action.triggered.connect(lambda _c=False: self._show_training())

    def _build_menu(self) -> QMenu:
        panel = self.panel
        # "Training", not "Train": its first item is Train, and a menu named after its
        # first item reads like a sub-menu arrow ("Train ▶").
        menu = QMenu(translate("TrainingUI", "T&raining"), self._window)
        menu.addActions([panel.train_action, panel.step_action, panel.reset_action])
        menu.addSeparator()
        menu.addAction(panel.init_action)
        menu.addSeparator()
        menu.addAction(panel.compare_action)
        return menu

    def _points_wanted(self) -> bool:
        return (
            not self.docks["panel"].isHidden()
            or self.session.document.network.extra.get("dataset") is not None
        )

    def compare(self) -> CompareDialog:
        """Open (or raise) Compare activations: one dialog, kept with its results."""
        if self._compare_dialog is None:
            from neurosim.ui.training.compare_dialog import CompareDialog  # on demand: not at start

            self._compare_dialog = CompareDialog(
                self.session, self._open_network, self._window, theme=self._theme
            )
        dialog = self._compare_dialog
        dialog.refresh()
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def set_presentation_scale(self, factor: float) -> None:
        self.plots.set_presentation_scale(factor)

    def _on_state(self) -> None:  # training starts: bring the panel and its curves forward
        if self.session.running:
            for dock in self.docks.values():
                if not dock.isHidden():
                    dock.raise_()

    def _show_training(self) -> None:
        """Train pressed (toolbar, menu, key) with the panels hidden: show the Train panel
        and its curves, so a student sees the settings and the loss falling."""
        if not self.session.running:
            return
        plots = self.docks["plots"]
        if plots.isHidden():
            # A tab beside a plot already shown: a new column would squeeze the plots
            # the lesson laid out (the decision surface to a strip).
            host = self._tab_host()
            if host is not None:
                self._window.tabifyDockWidget(host, plots)
        for dock in self.docks.values():
            if dock.isHidden():
                dock.show()
                dock.raise_()

    def _tab_host(self) -> QDockWidget | None:
        """The shown plot below the canvas the curves can share a place with: the last
        one, and never the decision surface (it shows the learning happen)."""
        window = self._window
        if not isinstance(window, QMainWindow):
            return None
        shown = [
            d
            for d in window.findChildren(QDockWidget)
            if d.parent() is window
            and d is not self.docks["plots"]
            and not d.isHidden()
            and not d.isFloating()
            and window.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea
        ]
        others = [d for d in shown if d.objectName() != "surface_plot"]
        return (others or shown)[-1] if (others or shown) else None

    def _on_train_or_step(self) -> None:  # did nothing: say why, even with the panel hidden
        message = core_text(self.session.message)
        if not self.session.running and message:
            self.docks["panel"].show()
            self.docks["panel"].raise_()
            self.refused.emit(message[:1].upper() + message[1:])
