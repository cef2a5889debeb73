"""The lecture side of the window: examples, notes, lesson views, start page, presentation.

:class:`LessonsUI` makes:

- the Examples menu and Next/Previous Example (PageDown/PageUp, a presenter's clicker)
  while an example is open (:class:`~neurosim.ui.lessons.gallery.Gallery`);
- the "What to notice" dock with the open file's title and notes (a tab beside the
  inspector, in front when a lesson opens);
- each opened file's ``view``: its panels, selected neuron, clock, decision plot,
  compared activations and training settings;
- File ▸ Exercises… (Ctrl+E): the shipped exercises, each with its instructions and a
  picture, started as a copy (:class:`~neurosim.ui.lessons.exercises_dialog.ExercisesDialog`);
- the Start Page action (also shown at start until its checkbox is cleared, see
  :meth:`LessonsUI.show_start_page_at_launch`);
- Presentation (F5, Esc leaves, in the high-contrast variant of the window's theme) and
  Presentation Settings….

The main window places the dock and the menus.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow

from neurosim.core.lesson import ExampleInfo, Lesson, lesson_of
from neurosim.core.validate import FileFormatError
from neurosim.paths import resource_path
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.core_text import gallery
from neurosim.ui.docks import make_dock
from neurosim.ui.document import Document
from neurosim.ui.files import FileVerbs
from neurosim.ui.i18n import translate
from neurosim.ui.inspector.panel import InspectorPanel
from neurosim.ui.lessons.exercises_dialog import ExercisesDialog
from neurosim.ui.lessons.gallery import Gallery
from neurosim.ui.lessons.notes_panel import NotesPanel
from neurosim.ui.lessons.presentation import Presentation
from neurosim.ui.lessons.start_page import StartPage
from neurosim.ui.lessons.views import apply_panels, apply_view
from neurosim.ui.plots.live import LivePlots
from neurosim.ui.theme import Theme
from neurosim.ui.training.training_ui import TrainingUI

__all__ = ["SHOW_AT_START_KEY", "LessonsUI"]

SHOW_AT_START_KEY = "lessons/show_start_page"


class LessonsUI(QObject):
    """The lecture parts of one window.

    ``lesson`` is the open file's Lesson (None without one), ``problem`` why its lesson
    could not be read; ``cache_dir`` holds the start page's thumbnails (None: the user's
    cache folder); ``start_page`` is the open start page, if any.
    """

    def __init__(
        self,
        document: Document,
        settings: QSettings,
        *,
        theme: Theme,
        window: QMainWindow,
        files: FileVerbs,
        canvas: CanvasView,
        inspector: InspectorPanel,
        inspector_dock: QDockWidget,
        live: LivePlots,
        training: TrainingUI,
        text_scale: Callable[[], float],
    ) -> None:
        super().__init__(window)
        self._document = document
        self._settings = settings
        self._window = window
        self._files = files
        self._canvas = canvas
        self._inspector_dock = inspector_dock
        self._live = live
        self._training = training
        self.lesson: Lesson | None = None
        self.problem: str | None = None
        self.cache_dir: Path | None = None
        self.start_page: StartPage | None = None
        self._theme = theme
        self.notes = NotesPanel()
        self.notes_dock = make_dock(
            translate("LessonsUI", "What to notice"), self.notes, "notes", window
        )
        self.gallery = Gallery(document, files, window)
        self.start_page_action = QAction(translate("LessonsUI", "&Start Page"), window)
        self.start_page_action.setStatusTip(
            translate("LessonsUI", "The examples as cards, the exercises, New and Open")
        )
        self.start_page_action.triggered.connect(lambda _c=False: self.show_start_page())
        self.exercises_action = QAction(translate("LessonsUI", "E&xercises…"), window)
        self.exercises_action.setShortcut(QKeySequence("Ctrl+E"))
        self.exercises_action.setStatusTip(
            translate(
                "LessonsUI",
                "The exercises: read what each asks, then open one as your own copy (Ctrl+E)",
            )
        )
        self.exercises_action.triggered.connect(lambda _c=False: self.show_exercises())
        window.addAction(self.exercises_action)  # Ctrl+E with the menu bar hidden, too
        self.exercises_dialog: ExercisesDialog | None = None
        self.presentation = Presentation(
            window,
            settings,
            document,
            canvas,
            inspector,
            live.transport,
            theme,
            text_scale,
            self.apply_panels,
        )
        document.network_replaced.connect(self.on_network_replaced)

    def on_network_replaced(self) -> None:
        """Read the new file's lesson: its notes, and its view applied to the window."""
        network = self._document.network
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
        w, inspector = self._window, self._inspector_dock
        if (
            appears
            and not inspector.isHidden()
            and inspector not in w.tabifiedDockWidgets(self.notes_dock)
            and w.dockWidgetArea(inspector) == w.dockWidgetArea(self.notes_dock)
        ):
            # stacked (the user moved them): the notes are read from afar, give them the
            # larger share of the column
            height = w.height()
            w.resizeDocks(
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
        if self.lesson is None:
            return []
        missing = apply_view(
            self._window, self.lesson.view, self._canvas, self._live, self._training
        )
        if self.presentation.active:
            self.presentation._arrange_timer.start()
        return missing

    def apply_panels(self) -> None:
        """Only the lesson's panels (after presentation mode put the old layout back)."""
        if self.lesson is not None and self.lesson.view.panels:
            apply_panels(self._window, self.lesson.view)

    def show_start_page(self) -> StartPage:
        """Open (or raise) the start page; returns the dialog."""
        if self.start_page is not None:
            self.start_page.raise_()
            self.start_page.activateWindow()
            return self.start_page
        files, settings = self._files, self._settings
        page = StartPage(
            self.gallery.items,
            shipped_exercises(),
            files.open_file,
            files.new_file,
            files.open_dialog,
            self._window,
            self.cache_dir,
            self._theme,
        )
        page.show_at_start.setChecked(settings.value(SHOW_AT_START_KEY, True, type=bool))
        page.show_at_start.toggled.connect(lambda on: settings.setValue(SHOW_AT_START_KEY, on))
        page.finished.connect(lambda _r: self._forget_start_page(page))
        self.start_page = page
        page.show()
        return page

    def show_start_page_at_launch(self) -> bool:
        """The start page over the default example: at the first start, and afterwards
        until the user clears its checkbox. Call it once the window is shown. True if it
        opened."""
        if not self._settings.value(SHOW_AT_START_KEY, True, type=bool):
            return False
        self.show_start_page()
        return True

    def show_exercises(self) -> ExercisesDialog:
        """File ▸ Exercises…: open (or raise) the exercises dialog; returns it."""
        if self.exercises_dialog is not None:
            self.exercises_dialog.raise_()
            self.exercises_dialog.activateWindow()
            return self.exercises_dialog
        dialog = ExercisesDialog(
            shipped_exercises(), self._files.open_file, self._theme, self.cache_dir, self._window
        )
        dialog.finished.connect(lambda _r: self._forget_exercises(dialog))
        self.exercises_dialog = dialog
        dialog.open()
        return dialog

    def _forget_exercises(self, dialog: ExercisesDialog) -> None:
        if self.exercises_dialog is dialog:
            self.exercises_dialog = None
        dialog.deleteLater()

    def _forget_start_page(self, page: StartPage) -> None:
        if self.start_page is page:
            self.start_page = None
        page.deleteLater()


def shipped_exercises() -> list[ExampleInfo]:
    """The exercises installed with NeuroSim, in order (none when the folder is missing)."""
    try:
        return gallery(resource_path("exercises"))
    except (FileNotFoundError, ValueError):
        return []
