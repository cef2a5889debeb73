"""The main window's actions: every menu item, toolbar button and shortcut, in one place.

Each action calls one of the window's :class:`WindowCommands`, the canvas or the
document's undo and redo; the menus and the
palette toolbar (``menus.py``) only arrange them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QPointF, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPixmap,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate

StandardKey = QKeySequence.StandardKey
#: palette tools: (canvas tool, text, key that adds one at the mouse pointer, colour);
#: the text is translated where it is shown (context "Actions")
TOOLS = (
    (None, QT_TRANSLATE_NOOP("Actions", "Select"), "", "#5f6b7a"),
    ("input", QT_TRANSLATE_NOOP("Actions", "Input"), "I", "#3b82c4"),
    ("hidden", QT_TRANSLATE_NOOP("Actions", "Hidden"), "H", "#8a63c9"),
    ("output", QT_TRANSLATE_NOOP("Actions", "Output"), "O", "#e07b24"),
)
#: each neuron tool's tooltip and its menu entry (kind -> texts): whole sentences
TOOL_TIPS = {
    "input": QT_TRANSLATE_NOOP(
        "Actions",
        "Input neuron tool: click empty canvas to add an input neuron. "
        "Shortcut: {key} adds one at the mouse pointer",
    ),
    "hidden": QT_TRANSLATE_NOOP(
        "Actions",
        "Hidden neuron tool: click empty canvas to add a hidden neuron. "
        "Shortcut: {key} adds one at the mouse pointer",
    ),
    "output": QT_TRANSLATE_NOOP(
        "Actions",
        "Output neuron tool: click empty canvas to add an output neuron. "
        "Shortcut: {key} adds one at the mouse pointer",
    ),
}
ADDER_TEXTS = {
    "input": QT_TRANSLATE_NOOP("Actions", "Add Input Neuron at Pointer"),
    "hidden": QT_TRANSLATE_NOOP("Actions", "Add Hidden Neuron at Pointer"),
    "output": QT_TRANSLATE_NOOP("Actions", "Add Output Neuron at Pointer"),
}

#: Undo/Redo: (menu text with the step, without one, tooltip with the step, without one)
STACK_TEXTS = {
    "Undo": (
        QT_TRANSLATE_NOOP("StackAction", "&Undo {what}"),
        QT_TRANSLATE_NOOP("StackAction", "&Undo"),
        QT_TRANSLATE_NOOP("StackAction", "Undo: {what}"),
        QT_TRANSLATE_NOOP("StackAction", "Nothing to undo"),
    ),
    "Redo": (
        QT_TRANSLATE_NOOP("StackAction", "&Redo {what}"),
        QT_TRANSLATE_NOOP("StackAction", "&Redo"),
        QT_TRANSLATE_NOOP("StackAction", "Redo: {what}"),
        QT_TRANSLATE_NOOP("StackAction", "Nothing to redo"),
    ),
}


def keys(standard: StandardKey | None, fallback: str = "") -> list[QKeySequence]:
    """The platform's keys for a standard action, or ``fallback`` where it has none."""
    bound = QKeySequence.keyBindings(standard) if standard is not None else []
    return bound or ([QKeySequence(fallback)] if fallback else [])


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys plus both common ones: Ctrl+Shift+Z and Ctrl+Y (no other
    action of the window uses Ctrl+Y; a lecturer from Windows presses it)."""
    found: list[QKeySequence] = []
    for key in [*keys(StandardKey.Redo), QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]:
        if key not in found:
            found.append(key)
    return found


def tool_icon(kind: str | None, colour: str, size: int = 64) -> QIcon:
    """A filled circle with the kind's initial, or an arrow for the select tool."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(colour))
    s = size / 64
    if kind is None:
        points = [(18, 8), (18, 54), (30, 43), (38, 60), (46, 56), (38, 40), (54, 40)]
        painter.drawPolygon(QPolygonF([QPointF(x * s, y * s) for x, y in points]))
    else:
        painter.drawEllipse(4 * s, 4 * s, 56 * s, 56 * s)
        painter.setPen(QColor("white"))
        font = painter.font()
        font.setPixelSize(int(34 * s))
        font.setBold(True)
        painter.setFont(font)
        painter.drawText(pixmap.rect(), Qt.AlignmentFlag.AlignCenter, kind[0].upper())
    painter.end()
    return QIcon(pixmap)


class StackAction(QAction):
    """Undo or Redo of a document: enabled when there is something to undo (redo), its text
    says what ("Undo Add hidden neuron h1"), its tooltip adds the keys.

    A live run (training) is the newest change while it lasts: Undo reads "Undo Train" and
    ends the run before undoing it (``Document.undo``); Redo waits until the run is over,
    since the run's command will end what could be redone.

    Made here rather than by ``QUndoStack.createUndoAction``: the stack may outlive the
    window (a document handed to it) and announces a last change while it is destroyed;
    the action's own slots then go with it, and it is never half-gone while they run. It
    keeps what the signals said and never calls the stack back from them.
    """

    def __init__(
        self, document: Document, verb: str, shortcuts: list[QKeySequence], parent: QObject
    ) -> None:
        super().__init__(parent)
        self.verb = verb  # "Undo" or "Redo": which of the two (never shown as it is)
        undo = verb == "Undo"
        self.setShortcuts(shortcuts)
        shown = translate("StackAction", "Undo") if undo else translate("StackAction", "Redo")
        self.setIconText(shown)
        self.setProperty("shortcut_name", shown)  # the shortcuts dialog's name for it
        stack = document.undo_stack
        self._document = document
        self._possible = stack.canUndo() if undo else stack.canRedo()
        self._stack_text = stack.undoText() if undo else stack.redoText()
        self._live = document.live
        self.triggered.connect(document.undo if undo else document.redo)
        (stack.canUndoChanged if undo else stack.canRedoChanged).connect(self._on_possible)
        (stack.undoTextChanged if undo else stack.redoTextChanged).connect(self._on_text)
        document.live_changed.connect(self._on_live_changed)
        self._refresh()

    def _on_possible(self, possible: bool) -> None:
        self._possible = possible
        self._refresh()

    def _on_text(self, text: str) -> None:
        self._stack_text = text
        self._refresh()

    def _on_live_changed(self, live: bool) -> None:
        self._live = live
        self._refresh()

    def _refresh(self) -> None:
        if self.verb == "Undo" and self._live:
            self.setEnabled(True)
            self.show_text(self._document.live_label)
        elif self._live:  # Redo during a live run
            self.setEnabled(False)
            self.show_text("")
        else:
            self.setEnabled(self._possible)
            self.show_text(self._stack_text)

    def show_text(self, text: str) -> None:
        """The menu text and tooltip for the step ``text`` names ("" when there is none)."""
        with_step, bare, tip_step, tip_none = STACK_TEXTS[self.verb]
        self.setText(translate("StackAction", with_step if text else bare).format(what=text))
        what = translate("StackAction", tip_step if text else tip_none).format(what=text)
        keys = self.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        self.setToolTip(
            translate("StackAction", "{what} ({keys})").format(what=what, keys=keys)
            if keys
            else what
        )


class WindowCommands(Protocol):
    """The window's own commands that actions call (:class:`~neurosim.ui.mainwindow.MainWindow`
    has them)."""

    def new_file(self) -> bool: ...
    def open_dialog(self) -> bool: ...
    def save(self) -> bool: ...
    def save_as(self) -> bool: ...
    def close(self) -> bool: ...
    def cut(self) -> None: ...
    def copy(self) -> bool: ...
    def paste(self) -> None: ...
    def show_history(self) -> None: ...
    def show_about(self) -> None: ...
    def show_shortcuts(self) -> None: ...
    def show_preferences(self) -> None: ...


class Actions:
    """All actions of one main window, as attributes (``actions.save``, ``actions.undo``…).

    ``window`` owns them (their keys work anywhere in it); ``commands`` are the window's.
    """

    def __init__(
        self,
        window: QWidget,
        commands: WindowCommands,
        canvas: CanvasView,
        document: Document,
    ) -> None:
        self.window = window
        self.canvas = canvas
        self._make_file(commands)
        self._make_edit(commands, document)
        self._make_view()
        self._make_help(commands)
        # Delete and Backspace act on the canvas only: in a spin box or combo they edit it.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        canvas.addAction(self.delete)
        self._make_tools()
        self._make_adders()

    def _make_file(self, c: WindowCommands) -> None:
        add = self._add
        self.new = add(
            translate("Actions", "&New"),
            c.new_file,
            keys(StandardKey.New, "Ctrl+N"),
            translate("Actions", "Start an empty network"),
        )
        self.open = add(
            translate("Actions", "&Open…"),
            c.open_dialog,
            keys(StandardKey.Open, "Ctrl+O"),
            translate("Actions", "Open a network file (*.json)"),
        )
        self.save = add(
            translate("Actions", "&Save"),
            c.save,
            keys(StandardKey.Save, "Ctrl+S"),
            translate("Actions", "Save the network to its file"),
        )
        self.save_as = add(
            translate("Actions", "Save &As…"),
            c.save_as,
            keys(StandardKey.SaveAs, "Ctrl+Shift+S"),
            translate("Actions", "Save the network to a new file"),
        )
        self.quit = add(
            translate("Actions", "&Quit"),
            c.close,
            keys(StandardKey.Quit, "Ctrl+Q"),
            translate("Actions", "Close NeuroSim (asks to save unsaved changes)"),
        )
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)

    def _make_edit(self, c: WindowCommands, document: Document) -> None:
        add, window, canvas = self._add, self.window, self.canvas
        # The menu says what will be undone ("Undo Add hidden neuron h1"); the toolbar
        # button keeps the short icon text and tells the rest in its tooltip.
        self.undo = StackAction(document, "Undo", keys(StandardKey.Undo, "Ctrl+Z"), window)
        self.redo = StackAction(document, "Redo", redo_keys(), window)
        self.cut = add(
            translate("Actions", "Cu&t"),
            c.cut,
            keys(StandardKey.Cut, "Ctrl+X"),
            translate("Actions", "Copy the selection to the clipboard and delete it"),
        )
        self.copy = add(
            translate("Actions", "&Copy"),
            c.copy,
            keys(StandardKey.Copy, "Ctrl+C"),
            translate("Actions", "Copy the selected neurons and the synapses between them"),
        )
        self.paste = add(
            translate("Actions", "&Paste"),
            c.paste,
            keys(StandardKey.Paste, "Ctrl+V"),
            translate("Actions", "Paste neurons copied from NeuroSim"),
        )
        self.delete = add(
            translate("Actions", "&Delete"),
            canvas.delete_selection,
            [QKeySequence("Del"), QKeySequence("Backspace")],
            translate("Actions", "Delete the selected neurons and synapses"),
        )
        self.select_all = add(
            translate("Actions", "Select &All"),
            canvas.select_all,
            keys(StandardKey.SelectAll, "Ctrl+A"),
            translate("Actions", "Select every neuron"),
        )
        self.history = add(
            translate("Actions", "&History…"),
            c.show_history,
            [QKeySequence("Ctrl+H")],
            translate("Actions", "List the steps you can undo and jump back to any of them"),
        )
        self.preferences = add(
            translate("Actions", "Pre&ferences…"),
            c.show_preferences,
            keys(StandardKey.Preferences, "Ctrl+,"),
            translate("Actions", "Choose NeuroSim's language"),
        )
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)

    def _make_view(self) -> None:
        add, canvas = self._add, self.canvas
        self.zoom_in = add(
            translate("Actions", "Zoom &In"),
            canvas.zoom_in,
            keys(StandardKey.ZoomIn, "Ctrl++"),
            translate("Actions", "Make the network bigger"),
        )
        self.zoom_out = add(
            translate("Actions", "Zoom &Out"),
            canvas.zoom_out,
            keys(StandardKey.ZoomOut, "Ctrl+-"),
            translate("Actions", "Make the network smaller"),
        )
        self.fit = add(
            translate("Actions", "&Fit to Window"),
            canvas.fit_to_view,
            [QKeySequence("Ctrl+0")],
            translate("Actions", "Zoom so the whole network fills the canvas"),
        )
        self.auto_layout = add(
            translate("Actions", "&Auto-layout"),
            canvas.auto_layout,
            [QKeySequence("Ctrl+L")],
            translate("Actions", "Arrange the neurons in columns: inputs left, outputs right"),
        )
        self.fit.setIconText(translate("Actions", "Fit"))  # short on the toolbar
        self.auto_layout.setIconText(translate("Actions", "Layout"))
        self.show_weights = add(
            translate("Actions", "Show &Weights"),
            canvas.set_show_weights,
            [QKeySequence("Ctrl+1")],
            translate("Actions", "Write each synapse's weight on it"),
            checkable=True,
        )
        self.show_values = add(
            translate("Actions", "Show &Values"),
            canvas.set_show_values,
            [QKeySequence("Ctrl+2")],
            translate("Actions", "Write each neuron's output value inside it"),
            checkable=True,
        )
        self.snap_to_grid = add(
            translate("Actions", "&Snap to Grid"),
            canvas.set_snap_to_grid,
            [QKeySequence("Ctrl+G")],
            translate("Actions", "Moved neurons land on a grid"),
            checkable=True,
        )

    def _make_help(self, c: WindowCommands) -> None:
        add = self._add
        self.about = add(
            translate("Actions", "&About NeuroSim"),
            c.show_about,
            [],
            translate("Actions", "Version and licence"),
        )
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts = add(
            translate("Actions", "&Keyboard Shortcuts"),
            c.show_shortcuts,
            keys(StandardKey.HelpContents, "F1"),
            translate("Actions", "Every shortcut in one list"),
        )

    def _add(
        self,
        text: str,
        slot: Callable,
        shortcuts: list[QKeySequence],
        tip: str,
        checkable: bool = False,
    ) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts(shortcuts)
        action.setCheckable(checkable)
        if shortcuts:
            keys = shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(translate("Actions", "{tip} ({keys})").format(tip=tip, keys=keys))
        else:
            action.setToolTip(tip)
        action.setStatusTip(tip)
        (action.toggled if checkable else action.triggered).connect(
            slot if checkable else lambda _checked=False: slot()
        )
        return action

    def _make_tools(self) -> None:
        """The palette: exclusive, checkable tools; Select is on at the start."""
        self.tool_group = QActionGroup(self.window)
        self.tools: dict[str | None, QAction] = {}
        for kind, text, key, colour in TOOLS:
            action = QAction(tool_icon(kind, colour), translate("Actions", text), self.window)
            action.setCheckable(True)
            action.setData(kind)
            if kind is None:
                tip = translate(
                    "Actions",
                    "Select tool: click to select, drag to move; drag from a neuron to connect",
                )
            else:
                tip = translate("Actions", TOOL_TIPS[kind]).format(key=key)
            action.setToolTip(tip)
            action.setStatusTip(tip)
            self.tool_group.addAction(action)
            self.tools[kind] = action
        self.tools[None].setChecked(True)
        self.tool_group.triggered.connect(lambda a: self.canvas.set_tool(a.data()))
        self.canvas.tool_changed.connect(lambda kind: self.tools[kind].setChecked(True))

    def _make_adders(self) -> None:
        """Keys I, H, O on the canvas add a neuron at the mouse pointer."""
        self.adders: dict[str, QAction] = {}
        for kind, _text, key, _ in TOOLS:
            if kind is None:
                continue
            action = QAction(translate("Actions", ADDER_TEXTS[kind]), self.canvas)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(
                lambda _checked=False, k=kind: self.canvas.add_neuron_at_cursor(k)
            )
            self.canvas.addAction(action)
            self.adders[kind] = action
