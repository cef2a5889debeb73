"""The main window: canvas in the centre, inspector on the right, menus, palette, status bar.

The default arrangement (first start, or a new ``STATE_VERSION``): the right column runs
full height with the Inspector and "What to notice" as tabs (a lesson opens on its notes;
selecting something brings the inspector forward); the plots sit below the canvas.

It owns the file operations (New, Open, Save, recent files, asking to save: ``files.py``),
the clipboard, drag-and-drop of network files and the persistent settings (geometry, docks,
view options).
Other parts add their docks with :meth:`MainWindow.add_panel`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMimeData, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QTabWidget,
    QUndoView,
    QWidget,
)

from neurosim.ui import exercises, lessons, training
from neurosim.ui.actions import Actions
from neurosim.ui.canvas import clipboard
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.document import Document
from neurosim.ui.files import FileHandling
from neurosim.ui.inspector import InspectorPanel
from neurosim.ui.menus import TEXT_SIZES, ShortcutsDialog, about_text, build_menus, build_palette

MIME_TYPE = clipboard.MIME_TYPE  # the canvas's; kept here for callers of the window
#: saved window layouts of another version are dropped for the default arrangement
#: (2: Inspector and notes as tabs, the activation plot below the canvas)
STATE_VERSION = 2
RIGHT_SHARE, RIGHT_MIN, RIGHT_MAX = 0.30, 380, 500  # the right column's width, pixels
BOTTOM_SHARE, BOTTOM_MIN, BOTTOM_MAX = 0.36, 250, 420  # the plots' height, pixels
DEFAULT_TEXT_SCALE = 1.25
_base_point_size: float | None = None  # the application font's size before any scaling


class MainWindow(FileHandling, QMainWindow):
    """NeuroSim's window. Public parts: ``document``, ``canvas``, ``inspector``, ``acts``."""

    def __init__(
        self,
        document: Document | None = None,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("main_window")
        self.settings = settings if settings is not None else QSettings()
        self.document = document if document is not None else Document(parent=self)
        self._state_restored = False
        self._size_docks_when_shown = False
        # The right column runs full height beside the canvas and the plots below it;
        # tabs on top, where people look for them.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        self.canvas = CanvasView(self.document, self)
        self.setCentralWidget(self.canvas)
        self.inspector = InspectorPanel(self.document, self.canvas)
        self.acts = Actions(self)
        build_menus(self, self.acts)
        self.palette = build_palette(self, self.acts)
        self.inspector_dock = self.add_panel(
            "Inspector",
            _scrolling(self.inspector),
            "inspector",
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.history_view = QUndoView(self.document.undo_stack)
        self.history_view.setEmptyLabel("<opened>")
        self.history_dock = self.add_panel(
            "History",
            self.history_view,
            "history",
            Qt.DockWidgetArea.RightDockWidgetArea,
            visible=False,
        )
        self._build_text_size_menu()
        self._build_status_bar()
        self._connect()
        self.setAcceptDrops(True)
        self.canvas.viewport().installEventFilter(self)
        self._install_plots()
        training.install(self)  # Train dock and menu, training curves, compare activations
        exercises.install(self)  # the Exercise dock, exercise locks, Tools ▸ Exercise Authoring
        lessons.install(self)  # Examples, notes, lesson views, start page, presentation, themes
        self._restore_settings()
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
        """Dock ``widget``, with a toggle in View ▸ Panels; its place and visibility persist."""
        dock = QDockWidget(title, self)
        dock.setObjectName(object_name)
        dock.setWidget(widget)
        # A dock made after restoreState() goes back where it was saved, if it was.
        if not (self._state_restored and self.restoreDockWidget(dock)):
            self.addDockWidget(area, dock)
            dock.setVisible(visible)
        toggle = dock.toggleViewAction()
        toggle.setText(title)
        toggle.setStatusTip(f"Show or hide the {title} panel")
        self.panels_menu.addAction(toggle)
        return dock

    def _build_status_bar(self) -> None:
        self.counts_label = QLabel(self)
        self.counts_label.setToolTip("Neurons and synapses in the network")
        self.statusBar().addPermanentWidget(self.counts_label)

    def _build_text_size_menu(self) -> None:
        group = QActionGroup(self)
        self.text_size_actions: dict[float, QAction] = {}
        for text, factor in TEXT_SIZES:
            action = group.addAction(text)
            action.setCheckable(True)
            action.setStatusTip("Larger text and neurons for a projector")
            action.triggered.connect(lambda _c=False, f=factor: self.set_text_scale(f))
            self.text_size_menu.addAction(action)
            self.text_size_actions[factor] = action

    def _connect(self) -> None:
        doc = self.document
        doc.file_state_changed.connect(self._on_file_state_changed)
        doc.refused.connect(lambda reason: self.show_status(f"Not possible: {reason}", 8000))
        doc.evaluated.connect(lambda _e: self._update_counts())
        self.canvas.status_message.connect(lambda text: self.show_status(text, 6000))
        self.canvas.selection_changed.connect(self._on_selection_changed)

    def _install_plots(self) -> None:
        try:
            from neurosim.ui.plots import install
        except ImportError as exc:
            if exc.name != "neurosim.ui.plots":  # a broken import inside plots is a bug: say so
                raise
            return
        install(self)

    # ------------------------------------------------------------- settings
    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self._default_size()
        state = s.value("window/state")
        if state is None or not self.restoreState(state, STATE_VERSION):
            self._default_layout()
        self._state_restored = True
        for key, action in (
            ("show_weights", self.acts.show_weights),
            ("show_values", self.acts.show_values),
            ("snap_to_grid", self.acts.snap_to_grid),
        ):
            on = s.value(f"view/{key}", key != "snap_to_grid", type=bool)
            action.setChecked(on)
            action.toggled.emit(on)  # apply even when the action already had this state
        self.set_text_scale(s.value("view/text_scale", DEFAULT_TEXT_SCALE, type=float))

    def _default_size(self) -> None:
        """First start: 1280×800, or most of a bigger screen."""
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None or screen.width() < 1280 or screen.height() < 800:
            self.resize(1280, 800)
        else:
            self.resize(
                max(1280, round(screen.width() * 0.9)), max(800, round(screen.height() * 0.9))
            )

    def _default_layout(self) -> None:
        """First start: the panels stay where their installers put them (the inspector and
        the notes as tabs, the plots below the canvas); their sizes are set once the window
        has its real size (:meth:`size_docks`)."""
        self._size_docks_when_shown = True

    def size_docks(self) -> None:
        """The default sizes: a right column wide enough for the inspector's sliders and
        equation, plots tall enough to read, the rest for the canvas."""
        width, height = self.width(), self.height()
        right = _clamp(round(width * RIGHT_SHARE), RIGHT_MIN, RIGHT_MAX)
        self.resizeDocks([self.inspector_dock], [right], Qt.Orientation.Horizontal)
        bottom = [
            d
            for d in self.findChildren(QDockWidget)
            if d.parent() is self
            and not d.isHidden()
            and not d.isFloating()
            and self.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea
        ]
        if bottom:
            plots = _clamp(round(height * BOTTOM_SHARE), BOTTOM_MIN, BOTTOM_MAX)
            self.resizeDocks(bottom[:1], [plots], Qt.Orientation.Vertical)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if self._size_docks_when_shown:
            self._size_docks_when_shown = False
            QTimer.singleShot(0, self, self.size_docks)  # once the layout has its size

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/state", self.saveState(STATE_VERSION))
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
        plots = getattr(self, "live_plots", None)  # made by neurosim.ui.plots.install
        if plots is not None:
            plots.set_presentation_scale(factor)
        if getattr(self, "training", None) is not None:
            self.training.set_presentation_scale(factor)

    # ----------------------------------------------------------- file state
    def _on_file_state_changed(self) -> None:
        self.setWindowTitle(f"{self.document.title}[*] — NeuroSim")
        self.setWindowModified(self.document.modified)
        self._update_counts()

    def _update_counts(self) -> None:
        net = self.document.network
        n, s = len(net.neurons), len(net.synapses)
        self.counts_label.setText(
            f"{n} neuron{'s' if n != 1 else ''}, {s} synapse{'s' if s != 1 else ''}"
        )

    def show_status(self, text: str, timeout: int = 5000) -> None:
        if text:
            self.statusBar().showMessage(text, timeout)
        else:
            self.statusBar().clearMessage()

    def error(self, title: str, text: str) -> None:
        QMessageBox.critical(self, title, text)

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
            self.show_status("Select the neurons to copy first")
            return False
        clipboard.put_on_clipboard(payload)
        return True

    def cut(self) -> None:
        if self.copy():
            self.canvas.delete_selection()

    def paste(self) -> None:
        payload = clipboard.read_clipboard()
        if payload is None:
            self.show_status("The clipboard holds no neurons copied from NeuroSim")
            return
        try:
            self.canvas.paste(payload)
        except (KeyError, TypeError, ValueError) as exc:
            self.show_status(f"Cannot paste: {exc}")

    # -------------------------------------------------------------- dialogs
    def show_history(self) -> None:
        self.history_dock.show()
        self.history_dock.raise_()

    def show_about(self) -> None:
        QMessageBox.about(self, "About NeuroSim", about_text())

    def show_shortcuts(self) -> None:
        ShortcutsDialog(self).exec()

    # -------------------------------------------------------- drag and drop
    @staticmethod
    def dropped_files(mime: QMimeData) -> list[str]:
        """Local *.json files in a drag's data."""
        return [
            url.toLocalFile()
            for url in mime.urls()
            if url.isLocalFile() and url.toLocalFile().lower().endswith(".json")
        ]

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:  # noqa: N802 - Qt override
        if self.dropped_files(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        files = self.dropped_files(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.open_file(files[0])

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        # The canvas would take file drops for itself; route them to the window.
        kind = event.type()
        if watched is self.canvas.viewport() and kind in (
            QEvent.Type.DragEnter,
            QEvent.Type.DragMove,
            QEvent.Type.Drop,
        ):
            if self.dropped_files(event.mimeData()):
                {
                    QEvent.Type.DragEnter: self.dragEnterEvent,
                    QEvent.Type.DragMove: self.dragMoveEvent,
                    QEvent.Type.Drop: self.dropEvent,
                }[kind](event)
                return True
        if (
            watched is self.canvas.viewport()
            and kind == QEvent.Type.MouseButtonRelease
            and (self.canvas.selected_neuron_ids() or self.canvas.selected_synapse_keys())
        ):
            # a click on what was already selected changes no selection: show it anyway
            self._bring_inspector_forward()
        return super().eventFilter(watched, event)

    # --------------------------------------------------------------- close
    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        if not self.maybe_save():
            event.ignore()
            return
        self.save_settings()
        # Saved or discarded: mark it clean, so the undo stack does not announce a change
        # of its clean state while it is being destroyed with the window.
        self.document.undo_stack.setClean()
        event.accept()


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setMinimumWidth(340)
    return area
