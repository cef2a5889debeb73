"""The main window: it builds every part and hands each what it needs.

The parts, each given its dependencies in its constructor: the theme (``theme.py``: the
colours every part paints with, View ▸ Theme), the canvas and the inspector, the
simulation clock, the live plots (``plots/live.py``), the training UI
(``training/training_ui.py``), the exercise UI (``exercises/exercise_ui.py``), the lessons
UI (``lessons/lessons_ui.py``) and, with ``autosave``, crash recovery (``recovery.py``).
Where they go is ``window_layout.py``; the signals between them are connected in one
place, :meth:`MainWindow._connect_signals`.

The window owns the file operations (New, Open, Save, recent files, asking to save:
``files.py``), the clipboard, drops of network files (``drops.py``) and the persistent
settings (geometry, docks, view options).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QUndoView,
    QWidget,
)

from neurosim.core.model import Network
from neurosim.ui.actions import Actions
from neurosim.ui.canvas import clipboard
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.clock import SimulationClock
from neurosim.ui.code_export import CodeExportUI
from neurosim.ui.docks import make_dock, scrolling
from neurosim.ui.document import Document
from neurosim.ui.drops import FileDrops
from neurosim.ui.exercises.exercise_ui import SOLVED_MESSAGE, ExerciseUI
from neurosim.ui.explain.mode import ExplainMode
from neurosim.ui.file_watch import FileWatch
from neurosim.ui.files import FileHandling
from neurosim.ui.formula.formula_ui import FormulaUI
from neurosim.ui.i18n import translate
from neurosim.ui.idle_collect import install_idle_collector
from neurosim.ui.ink.ink_ui import InkUI
from neurosim.ui.inspector.panel import InspectorPanel
from neurosim.ui.lesson_copies import LessonCopies, revert_action
from neurosim.ui.lessons.lessons_ui import LessonsUI
from neurosim.ui.lifetime import tied
from neurosim.ui.menus import (
    TEXT_SIZES,
    ShortcutsDialog,
    about_text,
    build_menus,
    build_palette,
)
from neurosim.ui.plain_text import as_text
from neurosim.ui.plots.live import LivePlots
from neurosim.ui.preferences import PreferencesDialog
from neurosim.ui.recovery import Recovery
from neurosim.ui.report_export import ReportUI
from neurosim.ui.scrub.scrub_ui import ScrubUI
from neurosim.ui.side.compare_ui import CompareUI
from neurosim.ui.theme import Theme
from neurosim.ui.training.training_ui import TrainingUI
from neurosim.ui.truth_table.truth_ui import TruthTableUI
from neurosim.ui.wheel_guard import install_wheel_guard
from neurosim.ui.window_layout import DockLayout, fill_menus

MIME_TYPE = clipboard.MIME_TYPE  # the canvas's; kept here for callers of the window
INSPECTOR_MIN_WIDTH = 300  # with two plots below the canvas: fits 800 px (it scrolls)
DEFAULT_TEXT_SCALE = 1.25
_base_point_size: float | None = None  # the application font's size before any scaling


class MainWindow(FileHandling, QMainWindow):
    """NeuroSim's window; its parts are public attributes (see the module docstring).

    ``autosave`` keeps a recovery copy of unsaved work in ``recovery_folder`` (None: the
    default folder) and makes ``recovery``; tests and screenshots leave it off.
    """

    def __init__(
        self,
        document: Document | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        autosave: bool = False,
        recovery_folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        install_wheel_guard()  # before any control is polished (focus-to-wheel)
        idle = install_idle_collector()  # before the training session starts the warm-up
        self.setObjectName("main_window")
        self.settings = settings if settings is not None else QSettings()
        self.document = document if document is not None else Document(parent=self)
        if idle is not None:  # an edit or a clock step is no moment to collect
            self.document.evaluated.connect(idle.activity)
        self.suggested_path: Path | None = None  # Save As starts here (files.py)
        self.asking_outside = False
        self.lesson_copies = LessonCopies(self)  # changed lesson copies, kept for the session
        self.file_watch = FileWatch(self.document, self)  # changes made by someone else
        self.terminating = False  # closing for SIGTERM/SIGHUP: no questions (terminate())
        self.text_scale = DEFAULT_TEXT_SCALE
        # the window's own parts
        self.theme = Theme(self.settings, self)
        self.canvas = CanvasView(self.document, self, theme=self.theme)
        self.setCentralWidget(self.canvas)
        self.inspector = InspectorPanel(self.document, self.canvas, self.theme)
        self.clock = SimulationClock(self.document, self)
        self.acts = Actions(self, commands=self, canvas=self.canvas, document=self.document)
        self.menus = build_menus(self.menuBar(), self.acts)
        self.recent_menu = self.menus.recent
        self.revert_action = revert_action(self, self.document, self.revert)
        entries = self.menus.file.actions()  # after Save As
        self.menus.file.insertAction(
            entries[entries.index(self.acts.save_as) + 1], self.revert_action
        )
        self.code_export = CodeExportUI(self, self.document, self._start_dir, self.show_status)
        before_quit = entries[entries.index(self.acts.quit) - 1]  # the separator
        self.menus.file.insertMenu(before_quit, self.code_export.menu)
        self.palette_bar = build_palette(self, self.acts)  # not "palette": QWidget.palette()
        self.inspector_dock = make_dock(
            translate("MainWindow", "Inspector"),
            scrolling(self.inspector, INSPECTOR_MIN_WIDTH),
            "inspector",
            self,
        )
        self.history_view = QUndoView(self.document.undo_stack)
        self.history_view.setEmptyLabel(translate("MainWindow", "<opened>"))
        self.history_dock = make_dock(
            translate("MainWindow", "History"), self.history_view, "history", self
        )
        self.dock_layout = DockLayout(self, self.menus.panels, self.inspector_dock)
        self.counts_label = QLabel(self)
        self.counts_label.setToolTip(translate("MainWindow", "Neurons and synapses in the network"))
        self.text_size_actions = self._build_text_size_menu()
        self.setAcceptDrops(True)
        self.drops = FileDrops(self.open_file, [self, self.canvas.viewport()], self)
        # the parts, each given what it needs
        self.live_plots = LivePlots(self.document, self.clock, self.theme, self)
        self.training = TrainingUI(
            self.document,
            self.clock,
            self.canvas,
            self.live_plots.surface,
            open_network=self._open_run,
            theme=self.theme,
            window=self,
        )
        self.scrub = ScrubUI(self.document, self.clock, self.live_plots, self.training, self)
        self.exercises = ExerciseUI(self.document, self.canvas, self.theme, window=self)
        self.truth_table = TruthTableUI(
            self.document, self.canvas, self.exercises.controller, self.theme, self
        )
        self.report = ReportUI(
            self,
            self.document,
            lambda: [*self.live_plots.panels, self.training.plots],
            self.training.session,
            self.exercises.controller,
            self._start_dir,
            self.show_status,
        )
        self.menus.file.insertAction(before_quit, self.report.action)
        self.lessons = LessonsUI(
            self.document,
            self.settings,
            theme=self.theme,
            window=self,
            files=self,
            canvas=self.canvas,
            inspector=self.inspector,
            inspector_dock=self.inspector_dock,
            live=self.live_plots,
            training=self.training,
            text_scale=lambda: self.text_scale,
        )
        self.recovery: Recovery | None = (
            Recovery(self.document, recovery_folder, parent=self, lessons=self.lesson_copies)
            if autosave
            else None
        )
        self.dock_layout.arrange(
            self.history_dock,
            self.counts_label,
            self.live_plots,
            self.training,
            self.exercises,
            self.lessons,
            self.truth_table,
        )
        fill_menus(
            self,
            self.menus,
            self.training,
            self.exercises,
            self.lessons,
            self.theme,
            self.truth_table,
        )
        self.formula = FormulaUI(self.document, self.theme, self)  # Tools ▸ New Activation…
        self.menus.tools.addAction(self.formula.action)
        self.ink = InkUI(self, self.lessons.presentation, self.live_plots.transport)
        self.menus.view.insertAction(self.lessons.presentation.toggle_action, self.ink.action)
        self.explain = ExplainMode(
            self.document,
            self.canvas,
            self.clock,
            self.live_plots.activation,
            self,
            activation_dock=self.live_plots.docks["activation"],
            presenting=lambda: self.lessons.presentation.active,
            status=lambda text: self.show_status(text, 8000),
        )
        self.menus.view.insertAction(self.menus.panels.menuAction(), self.explain.action)
        # View ▸ Compare With… (issue 16 §5)
        self.compare = CompareUI(self, self, self.lessons.presentation)
        self.menus.view.insertAction(self.truth_table.action, self.compare.action)
        self.menus.view.insertAction(self.truth_table.action, self.compare.link_action)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)  # the timeline: a row of its own
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.scrub.bar)
        self._connect_signals()
        self.theme.apply()
        self.lessons.on_network_replaced()
        self._restore_settings()
        self.exercises.follow()  # a restored layout may show or hide the exercise's dock
        self._on_file_state_changed()
        self._on_selection_changed()

    # ------------------------------------------------------------ building
    def add_panel(
        self,
        title: str,
        widget: QWidget,
        object_name: str,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.BottomDockWidgetArea,
        visible: bool = True,
    ) -> QDockWidget:
        """Dock ``widget`` with a toggle in View ▸ Panels; its place and visibility persist."""
        dock = make_dock(title, widget, object_name, self)
        self.dock_layout.place(dock, area, visible)
        return dock

    def _build_text_size_menu(self) -> dict[float, QAction]:
        group = QActionGroup(self)
        actions: dict[float, QAction] = {}
        for text, factor in TEXT_SIZES:
            action = group.addAction(translate("Menus", text))
            action.setCheckable(True)
            action.setStatusTip(translate("MainWindow", "Larger text and neurons for a projector"))
            action.triggered.connect(lambda _c=False, f=factor: self.set_text_scale(f))
            self.menus.text_size.addAction(action)
            actions[factor] = action
        return actions

    def _connect_signals(self) -> None:
        """Every connection between the window and its parts, and between parts."""
        doc, canvas = self.document, self.canvas
        doc.file_state_changed.connect(self._on_file_state_changed)
        self.file_watch.changed_outside.connect(lambda _gone: self.resolve_outside_change())
        # The document may outlive the window (it can be handed in): tied to the window.
        doc.refused.connect(
            tied(self, lambda reason: self.show_status(self._refusal(reason), 8000))
        )
        doc.evaluated.connect(tied(self, lambda _e: self._update_counts()))
        # The History list sets the stack's index itself: while a live run (training) has
        # not become a step yet, it waits (Edit ▸ Undo ends the run first).
        doc.live_changed.connect(tied(self, lambda live: self.history_view.setEnabled(not live)))
        self.recent_menu.aboutToShow.connect(self.fill_recent_menu)
        canvas.status_message.connect(lambda text: self.show_status(text, 6000))
        canvas.selection_changed.connect(self._on_selection_changed)
        canvas.viewport().installEventFilter(self)  # a click on the selection
        live = self.live_plots
        canvas.selection_changed.connect(
            lambda: live.activation.set_neurons(canvas.selected_neuron_ids())
        )
        live.traces.keys_changed.connect(canvas.network_scene.set_key_colours)  # legend colours
        canvas.space_tapped.connect(live.transport.run_action.trigger)  # Space also pans
        self.training.refused.connect(lambda text: self.show_status(text, 8000))
        self.exercises.attach_training(self.training.session)  # locked weights stay put
        self.training.panel.step_fix.offer_hint(self.exercises.show_hint)  # locked steps
        self.exercises.controller.became_solved.connect(
            lambda: self.show_status(SOLVED_MESSAGE, 15000)
        )
        if self.recovery is not None:
            self.recovery.failed.connect(lambda text: self.show_status(text, 10000))
            self.recovery.restored.connect(lambda text: self.show_status(text, 10000))
            QApplication.instance().aboutToQuit.connect(self.recovery.close)

    def _open_run(self, network: Network) -> bool:
        """Compare ▸ open this run: the window's own way (asks to save first)."""
        if not self.release_document():
            return False
        self.open_network(network)
        return True

    def offer_restore(self, requested: str | Path | None = None) -> bool:
        """Offer the work a crashed session left (with ``autosave`` only), beside the file
        ``requested`` on the command line; True if restored."""
        if self.recovery is None:
            return False
        wanted = Path(requested) if requested else None
        leftover = self.recovery.offer_restore(self.open_network, self, requested=wanted)
        if leftover is not None and self.document.path is None:
            self.suggested_path = leftover.original_path  # Save As starts there
        return leftover is not None

    # ------------------------------------------------------------- settings
    def _restore_settings(self) -> None:
        s = self.settings
        self.dock_layout.restore(s)
        for key, action in (
            ("show_weights", self.acts.show_weights),
            ("show_values", self.acts.show_values),
            ("snap_to_grid", self.acts.snap_to_grid),
        ):
            on = s.value(f"view/{key}", key != "snap_to_grid", type=bool)
            action.setChecked(on)
            action.toggled.emit(on)  # apply even when the action already had this state
        self.set_text_scale(s.value("view/text_scale", DEFAULT_TEXT_SCALE, type=float))

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.dock_layout.shown()

    def save_settings(self) -> None:
        s = self.settings
        self.dock_layout.save(s)
        s.setValue("view/show_weights", self.acts.show_weights.isChecked())
        s.setValue("view/show_values", self.acts.show_values.isChecked())
        s.setValue("view/snap_to_grid", self.acts.snap_to_grid.isChecked())
        s.setValue("view/text_scale", self.text_scale)
        s.sync()

    def set_text_scale(self, factor: float) -> None:
        """Scale the application's text and the canvas (for the back row of a lecture hall)."""
        global _base_point_size
        factor = min((f for _, f in TEXT_SIZES), key=lambda f: abs(f - factor))
        self.text_scale = factor
        self.text_size_actions[factor].setChecked(True)
        app = QApplication.instance()
        if _base_point_size is None:
            _base_point_size = app.font().pointSizeF()
        font = QFont(app.font())
        font.setPointSizeF(_base_point_size * factor)
        app.setFont(font)
        self.inspector.follow_app_font()
        self.canvas.set_presentation_scale(factor)
        self.live_plots.set_presentation_scale(factor)
        self.training.set_presentation_scale(factor)

    # ----------------------------------------------------------- file state
    def _on_file_state_changed(self) -> None:
        self.setWindowTitle(
            translate("MainWindow", "{title}[*] — NeuroSim").format(title=self.document.title)
        )
        self.setWindowModified(self.document.modified)
        self._update_counts()

    def _update_counts(self) -> None:
        net = self.document.network
        n, s = len(net.neurons), len(net.synapses)
        neurons = translate("MainWindow", "%n neuron(s)", "", n)
        synapses = translate("MainWindow", "%n synapse(s)", "", s)
        self.counts_label.setText(
            translate("MainWindow", "{neurons}, {synapses}").format(
                neurons=neurons, synapses=synapses
            )
        )

    @staticmethod
    def _refusal(reason: str) -> str:
        return translate("MainWindow", "Not possible: {reason}").format(reason=reason)

    def show_status(self, text: str, timeout: int = 5000) -> None:
        if text:
            self.statusBar().showMessage(text, timeout)
        else:
            self.statusBar().clearMessage()

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self, title, as_text(text))  # it may quote a file's ids

    # ----------------------------------------------------------- clipboard
    def _on_selection_changed(self) -> None:
        neurons = bool(self.canvas.selected_neuron_ids())
        synapses = bool(self.canvas.selected_synapse_keys())
        self.acts.copy.setEnabled(neurons)
        self.acts.cut.setEnabled(neurons)
        self.acts.delete.setEnabled(neurons or synapses)
        if neurons or synapses:
            self._bring_inspector_forward()

    def _bring_inspector_forward(self) -> None:
        """Selecting something shows its numbers, even when the notes' tab was in front."""
        dock = self.inspector_dock
        if not dock.isHidden() and not dock.isFloating() and self.tabifiedDockWidgets(dock):
            dock.raise_()

    def copy(self) -> bool:
        payload = self.canvas.copy_selection()
        if not payload:
            self.show_status(translate("MainWindow", "Select the neurons to copy first"))
            return False
        clipboard.put_on_clipboard(payload)
        return True

    def cut(self) -> None:
        if self.copy():
            self.canvas.delete_selection()

    def paste(self) -> None:
        payload = clipboard.read_clipboard()
        if payload is None:
            self.show_status(
                translate("MainWindow", "The clipboard holds no neurons copied from NeuroSim")
            )
            return
        try:
            self.canvas.paste(payload)
        except (KeyError, TypeError, ValueError) as exc:
            self.show_status(translate("MainWindow", "Cannot paste: {reason}").format(reason=exc))

    # -------------------------------------------------------------- dialogs
    def show_history(self) -> None:
        self.history_dock.show()
        self.history_dock.raise_()

    def show_about(self) -> None:
        QMessageBox.about(self, translate("MainWindow", "About NeuroSim"), about_text())

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    def show_preferences(self) -> None:
        PreferencesDialog(self.settings, self).exec()

    # ---------------------------------------------------------------- events
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if (
            watched is self.canvas.viewport()
            and event.type() == QEvent.Type.MouseButtonRelease
            and (self.canvas.selected_neuron_ids() or self.canvas.selected_synapse_keys())
        ):
            # a click on what was already selected changes no selection: show it anyway
            self._bring_inspector_forward()
        return super().eventFilter(watched, event)

    def terminate(self) -> None:
        """The session ends without asking (SIGTERM at logout, ``kill``): unsaved work stays
        in the recovery folder for the next start (the open document's and the kept
        lesson copies), the session's lock is released, the layout is saved, and the
        application quits."""
        self.terminating = True
        if self.recovery is not None:
            self.recovery.close(keep=True)
        self.close()
        QApplication.instance().quit()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.terminating and not self.may_close():
            event.ignore()
            return
        if not self.compare.close(ask=not self.terminating):  # the layout saved is the window's
            event.ignore()
            return
        self.save_settings()
        # Saved or discarded: mark it clean, so the undo stack does not announce a change
        # of its clean state while it is being destroyed with the window.
        self.document.undo_stack.setClean()
        event.accept()
