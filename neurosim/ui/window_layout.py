"""Where the main window's parts go: docks, toolbars, status-bar figures and menus.

The default arrangement (first start, or a new ``STATE_VERSION``): the right column runs
full height with the Inspector, Train and "What to notice" as tabs (a lesson opens on its
notes; selecting something brings the inspector forward); the plots sit below the canvas
as two tab groups; the exercise's checklist runs full height on the left. A saved layout
(``window/state``) overrides it; the docks' default sizes are set once the window has its
real size.

The window fits the screen (a 1024×600 netbook, or ``QT_SCALE_FACTOR=2``): it opens at most
at the screen's available size, its minimum size stays small, and whenever a panel is shown
(View ▸ Panels, a lesson's view, a restored layout) and the docks side by side would need
more room than the screen has, panels go into tabs beside their neighbours instead of
widening the window past the screen (:meth:`DockLayout.fit_screen`).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QMenu, QTabWidget, QToolBar
from shiboken6 import isValid

from neurosim.ui.exercises.exercise_ui import ExerciseUI
from neurosim.ui.i18n import translate
from neurosim.ui.lessons.lessons_ui import LessonsUI
from neurosim.ui.menus import Menus
from neurosim.ui.plots.live import LivePlots
from neurosim.ui.theme import Theme
from neurosim.ui.training.training_ui import TrainingUI
from neurosim.ui.truth_table.truth_ui import TruthTableUI

#: saved window layouts of another version are dropped for the default arrangement
#: (2: Inspector and notes as tabs, the activation plot below the canvas)
STATE_VERSION = 2
RIGHT_SHARE, RIGHT_MIN, RIGHT_MAX = 0.30, 380, 500  # the right column's width, pixels
BOTTOM_SHARE, BOTTOM_MIN, BOTTOM_MAX = 0.36, 250, 420  # the plots' height, pixels
RIGHT = Qt.DockWidgetArea.RightDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
LEFT = Qt.DockWidgetArea.LeftDockWidgetArea


class DockLayout(QObject):
    """Places one window's docks, brings their saved layout back, keeps it on the screen."""

    def __init__(self, window: QMainWindow, panels_menu: QMenu, inspector: QDockWidget) -> None:
        super().__init__(window)
        self.window = window
        self.panels_menu = panels_menu  # View ▸ Panels: a toggle for each dock
        self.inspector = inspector
        self.restored = False  # restore() ran: later docks go back where they were saved
        self._size_when_shown = False
        # the window's size as last chosen (by the user, the program, a screenshot), not
        # forced by a panel that needed room: a panel may not push the window past the
        # screen, but a window made bigger than the screen on purpose keeps its size
        self._chosen = QSize(0, 0)
        self._opening_size: QSize | None = None  # the size restore() chose, not yet shown
        self._fit_timer = QTimer(self)
        self._fit_timer.setSingleShot(True)
        self._fit_timer.setInterval(0)
        self._fit_timer.timeout.connect(self.fit_screen)
        window.installEventFilter(self)

    def place(self, dock: QDockWidget, area: Qt.DockWidgetArea, visible: bool = True) -> None:
        """Dock ``dock`` with a toggle in View ▸ Panels; its place and visibility persist."""
        w = self.window
        if not (self.restored and w.restoreDockWidget(dock)):
            w.addDockWidget(area, dock)
            dock.setVisible(visible)
        dock.visibilityChanged.connect(self._panels_changed)
        dock.dockLocationChanged.connect(self._panels_changed)
        dock.topLevelChanged.connect(self._panels_changed)
        toggle = dock.toggleViewAction()
        toggle.setText(dock.windowTitle())
        toggle.setStatusTip(
            translate("DockLayout", "Show or hide the {panel} panel").format(
                panel=dock.windowTitle()
            )
        )
        self.panels_menu.addAction(toggle)

    def arrange(
        self,
        history: QDockWidget,
        counts: QLabel,
        live: LivePlots,
        training: TrainingUI,
        exercises: ExerciseUI,
        lessons: LessonsUI,
        truth: TruthTableUI,
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
        # the right column's full height: 64 rows with room to read them
        self.place(truth.dock, RIGHT, visible=False)
        w.tabifyDockWidget(inspector, truth.dock)
        inspector.raise_()

    # ------------------------------------------------------------ saved layout
    def restore(self, settings: QSettings) -> None:
        """The saved geometry and docks, or the defaults (sized once the window shows)."""
        w = self.window
        geometry = settings.value("window/geometry")
        if geometry is None or not w.restoreGeometry(geometry):
            self._default_size()
        else:  # saved on a bigger screen, or at another scale factor
            self._clamp_to_screen()
        self._opening_size = w.size()
        state = settings.value("window/state")
        if state is None or not w.restoreState(state, STATE_VERSION):
            self._size_when_shown = True
        self.restored = True

    def save(self, settings: QSettings) -> None:
        settings.setValue("window/geometry", self.window.saveGeometry())
        settings.setValue("window/state", self.window.saveState(STATE_VERSION))

    def shown(self) -> None:
        """The window is shown: the default sizes, once the layout has its size."""
        if self._opening_size == self.window.size():  # (a screenshot sets its own size)
            self._clamp_to_screen()  # again: the frame may be known now
            # A window manager adds its frame (the title bar) a moment after the window
            # shows; until then a 1280×800 window on a 1280×800 screen looks as if it fits
            # and its status bar ends below the screen. Fit again once the frame is there.
            shown_size = self.window.size()
            for delay in (300, 1000):
                QTimer.singleShot(delay, self.window, lambda: self._refit_frame(shown_size))
        self._opening_size = None
        self.fit_screen()
        if self._size_when_shown:
            self._size_when_shown = False
            QTimer.singleShot(0, self.window, self.size_docks)

    def _refit_frame(self, shown_size: QSize) -> None:
        """Fit the window, frame included, into the screen — unless the user has resized
        it since it showed."""
        if self.window.size() == shown_size and not self.window.isFullScreen():
            self._clamp_to_screen()

    def _default_size(self) -> None:
        """First start: 1280×800, or most of a bigger screen; at most the available size of
        a smaller one."""
        w = self.window
        screen = self._available()
        if screen is None:
            w.resize(1280, 800)
        elif screen.width() < 1280 or screen.height() < 800:
            w.resize(min(1280, screen.width()), min(800, screen.height()))
        else:
            w.resize(max(1280, round(screen.width() * 0.9)), max(800, round(screen.height() * 0.9)))

    # ------------------------------------------------------------ the screen
    def _available(self) -> QRect | None:
        screen = self.window.screen()
        return screen.availableGeometry() if screen is not None else None

    def _clamp_to_screen(self) -> None:
        """Shrink (and move) the window, frame included, into the screen's available area."""
        w, screen = self.window, self._available()
        if screen is None:
            return
        frame = w.frameGeometry()
        extra_w = max(0, frame.width() - w.width())
        extra_h = max(0, frame.height() - w.height())
        width = min(w.width(), screen.width() - extra_w)
        height = min(w.height(), screen.height() - extra_h)
        if (width, height) != (w.width(), w.height()):
            w.resize(max(width, 1), max(height, 1))
        frame = w.frameGeometry()
        if not screen.contains(frame):
            x = min(max(frame.x(), screen.x()), screen.right() + 1 - frame.width())
            y = min(max(frame.y(), screen.y()), screen.bottom() + 1 - frame.height())
            w.move(max(x, screen.x()), max(y, screen.y()))

    def _panels_changed(self, *_: object) -> None:
        # While the window is hidden nothing is on a screen yet: shown() fits it.
        if isValid(self.window) and self.window.isVisible():  # (closing: docks go with it)
            self._fit_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent):
            old, new, w = event.oldSize(), event.size(), self.window
            # grown to exactly its minimum: forced by a panel's room, not chosen
            forced_w = old.isValid() and old.width() < new.width() <= w.minimumWidth()
            forced_h = old.isValid() and old.height() < new.height() <= w.minimumHeight()
            self._chosen = QSize(
                self._chosen.width() if forced_w else new.width(),
                self._chosen.height() if forced_h else new.height(),
            )
        return False

    def fit_screen(self) -> None:
        """Tab panels together until the docks side by side fit the screen (or the window's
        size before a panel made it grow, when that is bigger), then shrink the window back."""
        self._fit_timer.stop()
        w, screen = self.window, self._available()
        if screen is None or not w.isVisible():
            return
        frame = w.frameGeometry().size() - w.size()  # the title bar and borders
        limit = QSize(
            max(screen.width() - frame.width(), self._chosen.width()),
            max(screen.height() - frame.height(), self._chosen.height()),
        )
        for _ in range(32):  # every merge removes a group: this ends long before
            need = w.minimumSizeHint()
            wide, tall = need.width() > limit.width(), need.height() > limit.height()
            if not (wide or tall) or not self._merge_one(wide):
                break
        width, height = min(w.width(), limit.width()), min(w.height(), limit.height())
        if (width, height) != (w.width(), w.height()):
            w.layout().activate()  # the smaller minimum size first, or resize stops at the old
            w.resize(width, height)
        self._fit_timer.stop()  # the panels changed by the merges above are settled

    def _groups(self, area: Qt.DockWidgetArea) -> list[list[QDockWidget]]:
        """The shown docks of ``area`` as tab groups, in the order they were added."""
        w = self.window
        docks = [
            d
            for d in w.findChildren(QDockWidget)
            if d.parent() is w and not d.isHidden() and not d.isFloating()
            if w.dockWidgetArea(d) == area
        ]
        groups: list[list[QDockWidget]] = []
        seen: set[QDockWidget] = set()
        for dock in docks:
            if dock not in seen:
                group = [dock, *(d for d in w.tabifiedDockWidgets(dock) if d in docks)]
                seen.update(group)
                groups.append(group)
        return groups

    def _merge_one(self, wide: bool) -> bool:
        """Tab one group of panels onto another; False when nothing is left to merge.

        Too wide: the plots side by side below the canvas first, then the left column into
        the right one. Too tall: the groups stacked in the side columns."""
        areas = (BOTTOM, Qt.DockWidgetArea.TopDockWidgetArea) if wide else (RIGHT, LEFT, BOTTOM)
        for area in areas:
            groups = self._groups(area)
            if len(groups) > 1:
                self._tab_onto(groups[-2][0], groups[-1])
                return True
        if wide:
            left, right = self._groups(LEFT), self._groups(RIGHT)
            if left and right:
                self._tab_onto(right[0][0], left[-1])
                return True
        return False

    def _tab_onto(self, target: QDockWidget, group: list[QDockWidget]) -> None:
        for dock in group:
            self.window.tabifyDockWidget(target, dock)
        target.raise_()

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
    truth: TruthTableUI,
) -> None:
    """The parts' menus and actions in the window's menus (and View ▸ Theme)."""
    window.menuBar().insertMenu(menus.help.menuAction(), training.menu)  # Help stays last
    # Training one click away: the Train button on the toolbar, whatever panels are shown.
    for bar in window.findChildren(QToolBar, "palette"):
        bar.addSeparator()
        bar.addAction(training.panel.train_action)
        button = bar.widgetForAction(training.panel.train_action)
        if button is not None:
            button.setObjectName("train_button")
    menus.tools.addSeparator()
    menus.tools.addAction(exercises.authoring_action)
    _insert_after(menus.file, menus.recent, lessons.gallery.menu)  # File ▸ Examples
    entries = menus.file.actions()  # File ▸ Exercises… after it
    menus.file.insertAction(
        entries[entries.index(lessons.gallery.menu.menuAction()) + 1], lessons.exercises_action
    )
    menus.view.insertAction(menus.panels.menuAction(), truth.action)
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
