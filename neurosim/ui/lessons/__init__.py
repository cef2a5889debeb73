"""The lecture side of the window: examples, notes, lesson views, start page, presentation.

``install(window)`` adds to a main window (``document``, ``canvas``, ``settings``,
``add_panel``, ``open_file``; the plots' ``live_plots`` and the ``training`` UI when there):

- File ▸ Examples (every example, by number and title) and Next/Previous Example
  (PageDown/PageUp, a presenter's clicker) while an example is open;
- the "What to notice" dock with the open file's title and notes (a tab beside the
  inspector, in front when a lesson opens);
- each opened file's ``view``: its panels, selected neuron, clock, decision plot,
  compared activations and training settings;
- Help ▸ Start Page (also shown at the very first start, see :func:`show_start_page_at_launch`);
- View ▸ Presentation (F5, Esc leaves) and Presentation Settings…;
- View ▸ Theme ▸ System / Light / Dark.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["LessonsUI", "install", "show_start_page_at_launch"]

FIRST_LAUNCH_KEY = "lessons/start_page_seen"
SHOW_AT_START_KEY = "lessons/show_start_page"


@dataclass
class LessonsUI:
    """What :func:`install` made; the window keeps it as ``window.lessons``."""

    window: Any
    notes: Any
    notes_dock: Any
    gallery: Any
    presentation: Any
    themes: Any
    start_page_action: Any
    lesson: Any = None  # the open file's Lesson, or None
    problem: str | None = None  # why the open file's lesson could not be read
    cache_dir: Path | None = None  # thumbnails (None: the user's cache folder)
    start_page: Any = None  # the open start page dialog, if any

    def on_network_replaced(self) -> None:
        from PySide6.QtCore import Qt

        from neurosim.core.lesson import lesson_of
        from neurosim.core.validate import FileFormatError

        network = self.window.document.network
        try:
            self.lesson, self.problem = lesson_of(network), None
        except FileFormatError as exc:  # opened anyway: the network is fine, its view is not
            self.lesson, self.problem = None, str(exc)
        self.notes.set_lesson(self.lesson, self.problem)
        has_view = self.lesson is not None and bool(network.extra.get("view"))
        show = self.notes.has_notes or self.problem is not None
        if self.presentation.active:
            show = show and self.presentation.option("notes")
        appears = show and self.notes_dock.isHidden()
        self.notes_dock.setVisible(show)
        inspector = getattr(self.window, "inspector_dock", None)
        beside = (
            inspector is not None
            and not inspector.isHidden()
            and inspector not in self.window.tabifiedDockWidgets(self.notes_dock)
        )
        if (
            appears
            and beside
            and self.window.dockWidgetArea(inspector) == self.window.dockWidgetArea(self.notes_dock)
        ):
            # stacked (the user moved them): the notes are read from afar, give them the
            # larger share of the column
            height = self.window.height()
            self.window.resizeDocks(
                [inspector, self.notes_dock],
                [round(height * 0.4), round(height * 0.6)],
                Qt.Orientation.Vertical,
            )
        if has_view:
            self.apply_view()  # its selection brings the inspector forward...
        if show:
            self.notes_dock.raise_()  # ...but a lesson opens on what to notice

    def apply_view(self) -> list[str]:
        """Apply the open lesson's view again (panels, selection, clock, plots, training)."""
        from neurosim.ui.lessons.views import apply_view

        if self.lesson is None:
            return []
        missing = apply_view(self.window, self.lesson.view)
        if self.presentation.active:
            self.presentation._arrange_timer.start()
        return missing

    def apply_panels(self) -> None:
        """Only the lesson's panels (after presentation mode put the old layout back)."""
        from neurosim.ui.lessons.views import _apply_panels

        if self.lesson is not None and self.lesson.view.panels:
            _apply_panels(self.window, self.lesson.view)

    def show_start_page(self) -> Any:
        """Open (or raise) the start page; returns the dialog."""
        from neurosim.core.lesson import examples
        from neurosim.paths import resource_path
        from neurosim.ui.lessons.start_page import StartPage

        if self.start_page is not None:
            self.start_page.raise_()
            self.start_page.activateWindow()
            return self.start_page
        w = self.window
        try:
            exercises = examples(resource_path("exercises"))
        except (FileNotFoundError, ValueError):
            exercises = []
        page = StartPage(
            self.gallery.items,
            exercises,
            w.open_file,
            w.new_file,
            w.open_dialog,
            w,
            self.cache_dir,
            self.themes.theme.name,
        )
        page.show_at_start.setChecked(w.settings.value(SHOW_AT_START_KEY, False, type=bool))
        page.show_at_start.toggled.connect(lambda on: w.settings.setValue(SHOW_AT_START_KEY, on))
        page.finished.connect(lambda _r: self._forget_start_page(page))
        w.settings.setValue(FIRST_LAUNCH_KEY, True)
        self.start_page = page
        page.show()
        return page

    def _forget_start_page(self, page: Any) -> None:
        if self.start_page is page:
            self.start_page = None
        page.deleteLater()


def install(window: Any) -> LessonsUI:
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction

    from neurosim.ui.lessons.gallery import Gallery
    from neurosim.ui.lessons.notes_panel import NotesPanel
    from neurosim.ui.lessons.presentation import Presentation
    from neurosim.ui.lessons.themes import ThemeManager

    themes = ThemeManager(window, window.settings)
    notes = NotesPanel()
    dock = window.add_panel(
        "What to notice", notes, "notes", Qt.DockWidgetArea.RightDockWidgetArea, visible=False
    )
    inspector = getattr(window, "inspector_dock", None)
    if inspector is not None and not getattr(window, "_state_restored", False):
        # A tab beside the inspector: each gets the column's full height (the equation
        # and the notes both stay in view). A saved window layout overrides this.
        window.tabifyDockWidget(inspector, dock)
        inspector.raise_()
    gallery = Gallery(window)
    start = QAction("&Start Page", window)
    start.setStatusTip("The examples as cards, the exercises, New and Open")
    ui = LessonsUI(window, notes, dock, gallery, None, themes, start)
    ui.presentation = Presentation(window, themes, ui.apply_panels)
    start.triggered.connect(lambda _c=False: ui.show_start_page())
    _add_menus(window, ui)
    window.document.network_replaced.connect(ui.on_network_replaced)
    window.lessons = ui
    themes.apply()
    themes.apply_later()  # again once the window is complete: panels installed after us
    ui.on_network_replaced()
    return ui


def _add_menus(window: Any, ui: LessonsUI) -> None:
    menus = {
        a.text().replace("&", ""): a.menu()
        for a in window.menuBar().actions()
        if a.menu() is not None
    }
    file_menu, view_menu, help_menu = menus.get("File"), menus.get("View"), menus.get("Help")
    gallery = ui.gallery
    if file_menu is not None:
        recent = getattr(window, "recent_menu", None)
        actions = file_menu.actions()
        after = None
        if recent is not None and recent.menuAction() in actions:
            i = actions.index(recent.menuAction())
            after = actions[i + 1] if i + 1 < len(actions) else None
        file_menu.insertMenu(after, gallery.menu) if after is not None else file_menu.addMenu(
            gallery.menu
        )
    if view_menu is not None:
        view_menu.addSeparator()
        ui.themes.build_menu(view_menu)
        view_menu.addSeparator()
        p = ui.presentation
        view_menu.addActions([p.toggle_action, p.settings_action])
    if help_menu is not None:
        first = help_menu.actions()[0] if help_menu.actions() else None
        if first is None:
            help_menu.addAction(ui.start_page_action)
        else:
            help_menu.insertAction(first, ui.start_page_action)
            help_menu.insertSeparator(first)


def show_start_page_at_launch(window: Any) -> bool:
    """At the very first start, or when the user asked for it: the start page, over the
    default example. Call it once the window is shown. True if it opened."""
    ui = getattr(window, "lessons", None)
    if ui is None:
        return False
    s = window.settings
    if s.value(FIRST_LAUNCH_KEY, False, type=bool) and not s.value(
        SHOW_AT_START_KEY, False, type=bool
    ):
        return False
    ui.show_start_page()
    return True
