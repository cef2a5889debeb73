"""The main window's actions: every menu item, toolbar button and shortcut, in one place.

Each action calls one of the window's :class:`WindowCommands`, the canvas or the
document's undo and redo; the menus and the
palette toolbar (``menus.py``) only arrange them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, QPointF, Qt
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

StandardKey = QKeySequence.StandardKey
#: palette tools: (canvas tool, text, key that adds one at the mouse pointer, colour)
TOOLS = (
    (None, "Select", "", "#5f6b7a"),
    ("input", "Input", "I", "#3b82c4"),
    ("hidden", "Hidden", "H", "#8a63c9"),
    ("output", "Output", "O", "#e07b24"),
)


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
        super().__init__(f"&{verb}", parent)
        self.verb = verb
        self.setShortcuts(shortcuts)
        self.setIconText(verb)
        stack = document.undo_stack
        undo = verb == "Undo"
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
        verb = self.verb
        self.setText(f"&{verb} {text}" if text else f"&{verb}")
        keys = self.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        what = f"{verb}: {text}" if text else f"Nothing to {verb.lower()}"
        self.setToolTip(f"{what} ({keys})" if keys else what)


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
        add = self._add
        c = commands
        # File
        self.new = add(
            "&New", c.new_file, keys(StandardKey.New, "Ctrl+N"), "Start an empty network"
        )
        self.open = add(
            "&Open…",
            c.open_dialog,
            keys(StandardKey.Open, "Ctrl+O"),
            "Open a network file (*.json)",
        )
        self.save = add(
            "&Save", c.save, keys(StandardKey.Save, "Ctrl+S"), "Save the network to its file"
        )
        self.save_as = add(
            "Save &As…",
            c.save_as,
            keys(StandardKey.SaveAs, "Ctrl+Shift+S"),
            "Save the network to a new file",
        )
        self.quit = add(
            "&Quit",
            c.close,
            keys(StandardKey.Quit, "Ctrl+Q"),
            "Close NeuroSim (asks to save unsaved changes)",
        )
        self.quit.setMenuRole(QAction.MenuRole.QuitRole)
        # Edit
        # The menu says what will be undone ("Undo Add hidden neuron h1"); the toolbar
        # button keeps the short icon text and tells the rest in its tooltip.
        self.undo = StackAction(document, "Undo", keys(StandardKey.Undo, "Ctrl+Z"), window)
        self.redo = StackAction(document, "Redo", redo_keys(), window)
        self.cut = add(
            "Cu&t",
            c.cut,
            keys(StandardKey.Cut, "Ctrl+X"),
            "Copy the selection to the clipboard and delete it",
        )
        self.copy = add(
            "&Copy",
            c.copy,
            keys(StandardKey.Copy, "Ctrl+C"),
            "Copy the selected neurons and the synapses between them",
        )
        self.paste = add(
            "&Paste",
            c.paste,
            keys(StandardKey.Paste, "Ctrl+V"),
            "Paste neurons copied from NeuroSim",
        )
        self.delete = add(
            "&Delete",
            canvas.delete_selection,
            [QKeySequence("Del"), QKeySequence("Backspace")],
            "Delete the selected neurons and synapses",
        )
        self.select_all = add(
            "Select &All",
            canvas.select_all,
            keys(StandardKey.SelectAll, "Ctrl+A"),
            "Select every neuron",
        )
        self.history = add(
            "&History…",
            c.show_history,
            [QKeySequence("Ctrl+H")],
            "List the steps you can undo and jump back to any of them",
        )
        # View
        self.zoom_in = add(
            "Zoom &In",
            canvas.zoom_in,
            keys(StandardKey.ZoomIn, "Ctrl++"),
            "Make the network bigger",
        )
        self.zoom_out = add(
            "Zoom &Out",
            canvas.zoom_out,
            keys(StandardKey.ZoomOut, "Ctrl+-"),
            "Make the network smaller",
        )
        self.fit = add(
            "&Fit to Window",
            canvas.fit_to_view,
            [QKeySequence("Ctrl+0")],
            "Zoom so the whole network fills the canvas",
        )
        self.auto_layout = add(
            "&Auto-layout",
            canvas.auto_layout,
            [QKeySequence("Ctrl+L")],
            "Arrange the neurons in columns: inputs left, outputs right",
        )
        self.fit.setIconText("Fit")  # short on the toolbar
        self.auto_layout.setIconText("Layout")
        self.show_weights = add(
            "Show &Weights",
            canvas.set_show_weights,
            [QKeySequence("Ctrl+1")],
            "Write each synapse's weight on it",
            checkable=True,
        )
        self.show_values = add(
            "Show &Values",
            canvas.set_show_values,
            [QKeySequence("Ctrl+2")],
            "Write each neuron's output value inside it",
            checkable=True,
        )
        self.snap_to_grid = add(
            "&Snap to Grid",
            canvas.set_snap_to_grid,
            [QKeySequence("Ctrl+G")],
            "Moved neurons land on a grid",
            checkable=True,
        )
        # Help
        self.about = add("&About NeuroSim", c.show_about, [], "Version and licence")
        self.about.setMenuRole(QAction.MenuRole.AboutRole)
        self.shortcuts = add(
            "&Keyboard Shortcuts",
            c.show_shortcuts,
            keys(StandardKey.HelpContents, "F1"),
            "Every shortcut in one list",
        )
        # Delete and Backspace act on the canvas only: in a spin box or combo they edit it.
        self.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        canvas.addAction(self.delete)
        self._make_tools()
        self._make_adders()

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
        hint = (
            f" ({shortcuts[0].toString(QKeySequence.SequenceFormat.NativeText)})"
            if shortcuts
            else ""
        )
        action.setToolTip(tip + hint)
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
            action = QAction(tool_icon(kind, colour), text, self.window)
            action.setCheckable(True)
            action.setData(kind)
            if kind is None:
                tip = "Select tool: click to select, drag to move; drag from a neuron to connect"
            else:
                tip = (
                    f"{text} neuron tool: click empty canvas to add a {kind} neuron. "
                    f"Shortcut: {key} adds one at the mouse pointer"
                )
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
        for kind, text, key, _ in TOOLS:
            if kind is None:
                continue
            action = QAction(f"Add {text} Neuron at Pointer", self.canvas)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(
                lambda _checked=False, k=kind: self.canvas.add_neuron_at_cursor(k)
            )
            self.canvas.addAction(action)
            self.adders[kind] = action
