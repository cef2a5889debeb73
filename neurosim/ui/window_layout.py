"""Where the main window's parts go: docks, toolbars, status-bar figures and menus.

The default arrangement (first start, or a new ``STATE_VERSION``): the right column runs
full height with the Inspector, Train and "What to notice" as tabs (a lesson opens on its
notes; selecting something brings the inspector forward); the plots sit below the canvas
as two tab groups; the exercise's checklist runs full height on the left. A saved layout
(``window/state``) overrides it; the docks' default sizes are set once the window has its
real size.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QTabWidget

from neurosim.ui.exercises.exercise_ui import ExerciseUI
from neurosim.ui.lessons.lessons_ui import LessonsUI
from neurosim.ui.menus import Menus
from neurosim.ui.plots.live import LivePlots
from neurosim.ui.theme import Theme
from neurosim.ui.training.training_ui import TrainingUI

#: saved window layouts of another version are dropped for the default arrangement
#: (2: Inspector and notes as tabs, the activation plot below the canvas)
STATE_VERSION = 2
RIGHT_SHARE, RIGHT_MIN, RIGHT_MAX = 0.30, 380, 500  # the right column's width, pixels
BOTTOM_SHARE, BOTTOM_MIN, BOTTOM_MAX = 0.36, 250, 420  # the plots' height, pixels
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea


class DockLayout:
    """Places one window's docks and brings their saved layout back."""

    def __init__(self, window: QMainWindow, panels_menu: QMenu, inspector: QDockWidget) -> None:
        self.window = window
        self.panels_menu = panels_menu  # View ▸ Panels: a toggle for each dock
        self.inspector = inspector
        self.restored = False  # restore() ran: later docks go back where they were saved
        self._size_when_shown = False

    def place(self, dock: QDockWidget, area: Qt.DockWidgetArea, visible: bool = True) -> None:
        """Dock ``dock`` with a toggle in View ▸ Panels; its place and visibility persist."""
        w = self.window
        if not (self.restored and w.restoreDockWidget(dock)):
            w.addDockWidget(area, dock)
            dock.setVisible(visible)
        toggle = dock.toggleViewAction()
        toggle.setText(dock.windowTitle())
        toggle.setStatusTip(f"Show or hide the {dock.windowTitle()} panel")
        self.panels_menu.addAction(toggle)

    def arrange(
        self,
        history: QDockWidget,
        counts: QLabel,
        live: LivePlots,
        training: TrainingUI,
        exercises: ExerciseUI,
        lessons: LessonsUI,
    ) -> None:
        """The default arrangement of every dock, the transport bar and the status figures."""
        w, inspector = self.window, self.inspector
        w.setCorner(Qt.Corner.BottomRightCorner, RIGHT)  # the right column: full height
        w.setCorner(Qt.Corner.BottomLeftCorner, LEFT)  # the exercise's checklist too
        w.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        self.place(inspector, RIGHT)
        self.place(history, RIGHT, visible=False)
        w.statusBar().addPermanentWidget(counts)
        w.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # room for every transport control
        w.addToolBar(Qt.ToolBarArea.TopToolBarArea, live.transport)
        # Below the canvas, wide enough to read, as two tab groups (a panel behind a tab
        # costs nothing): the activation function and the decision surface, then the time
        # plots and the training curves. A lesson's view puts the plots it names side by side.
        plots = live.docks
        for dock in plots.values():
            self.place(dock, BOTTOM)
        w.tabifyDockWidget(plots["activation"], plots["surface"])
        w.tabifyDockWidget(plots["traces"], plots["raster"])
        w.tabifyDockWidget(plots["traces"], plots["sparsity"])
        plots["activation"].raise_()
        plots["traces"].raise_()
        w.statusBar().addPermanentWidget(live.status_label)
        # Train and the notes are tabs beside the inspector: each gets the column's full
        # height (the equation and the notes both stay in view); the canvas keeps its room.
        self.place(training.docks["panel"], RIGHT)
        self.place(training.docks["plots"], BOTTOM)
        w.tabifyDockWidget(inspector, training.docks["panel"])
        inspector.raise_()
        w.tabifyDockWidget(plots["traces"], training.docks["plots"])
        self.place(exercises.dock, LEFT, visible=False)
        self.place(lessons.notes_dock, RIGHT, visible=False)
        w.tabifyDockWidget(inspector, lessons.notes_dock)
        inspector.raise_()

    # ------------------------------------------------------------ saved layout
    def restore(self, settings: QSettings) -> None:
        """The saved geometry and docks, or the defaults (sized once the window shows)."""
        w = self.window
        geometry = settings.value("window/geometry")
        if geometry is None or not w.restoreGeometry(geometry):
            self._default_size()
        state = settings.value("window/state")
        if state is None or not w.restoreState(state, STATE_VERSION):
            self._size_when_shown = True
        self.restored = True

    def save(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.window.saveGeometry())
        settings.setValue("window/state", self.window.saveState(STATE_VERSION))

    def shown(self) -> None:
        """The window is shown: the default sizes, once the layout has its size."""
        if self._size_when_shown:
            self._size_when_shown = False
            QTimer.singleShot(0, self.window, self.size_docks)

    def _default_size(self) -> None:
        """First start: 1280×800, or most of a bigger screen."""
        w = self.window
        screen = w.screen().availableGeometry() if w.screen() else None
        if screen is None or screen.width() < 1280 or screen.height() < 800:
            w.resize(1280, 800)
        else:
            w.resize(max(1280, round(screen.width() * 0.9)), max(800, round(screen.height() * 0.9)))

    def size_docks(self) -> None:
        """The default sizes: a right column wide enough for the inspector's sliders and
        equation, plots tall enough to read, the rest for the canvas."""
        w = self.window
        right = _clamp(round(w.width() * RIGHT_SHARE), RIGHT_MIN, RIGHT_MAX)
        w.resizeDocks([self.inspector], [right], Qt.Orientation.Horizontal)
        bottom = [
            d
            for d in w.findChildren(QDockWidget)
            if d.parent() is w
            and not d.isHidden()
            and not d.isFloating()
            and w.dockWidgetArea(d) == BOTTOM
        ]
        if bottom:
            plots = _clamp(round(w.height() * BOTTOM_SHARE), BOTTOM_MIN, BOTTOM_MAX)
            w.resizeDocks(bottom[:1], [plots], Qt.Orientation.Vertical)


def fill_menus(
    window: QMainWindow,
    menus: Menus,
    training: TrainingUI,
    exercises: ExerciseUI,
    lessons: LessonsUI,
    theme: Theme,
) -> None:
    """The parts' menus and actions in the window's menus (and View ▸ Theme)."""
    window.menuBar().insertMenu(menus.help.menuAction(), training.menu)  # Help stays last
    menus.tools.addSeparator()
    menus.tools.addAction(exercises.authoring_action)
    _insert_after(menus.file, menus.recent, lessons.gallery.menu)  # File ▸ Examples
    menus.view.addSeparator()
    theme.build_menu(menus.view)
    menus.view.addSeparator()
    presentation = lessons.presentation
    menus.view.addActions([presentation.toggle_action, presentation.settings_action])
    first = menus.help.actions()[0]
    menus.help.insertAction(first, lessons.start_page_action)
    menus.help.insertSeparator(first)


def _insert_after(menu: QMenu, after: QMenu, submenu: QMenu) -> None:
    actions = menu.actions()
    i = actions.index(after.menuAction()) + 1
    if i < len(actions):
        menu.insertMenu(actions[i], submenu)
    else:
        menu.addMenu(submenu)


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))
