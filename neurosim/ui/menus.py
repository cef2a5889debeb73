"""The menu bar, the palette toolbar and the Help dialogs (About, Keyboard shortcuts)."""

from __future__ import annotations

import platform
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pyqtgraph as pg
import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QSize, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMainWindow,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from neurosim.ui.i18n import translate

if TYPE_CHECKING:
    from neurosim.ui.actions import Actions

#: text sizes offered in View ▸ Text Size: (menu text, factor); translated where shown
TEXT_SIZES = (
    (QT_TRANSLATE_NOOP("Menus", "&Normal"), 1.0),
    (QT_TRANSLATE_NOOP("Menus", "&Large"), 1.25),
    (QT_TRANSLATE_NOOP("Menus", "&Extra Large"), 1.6),
)
#: what the mouse and the canvas's own keys do (no actions, so listed by hand), for the
#: shortcuts dialog: (where, what it does, how), translated where shown
GESTURES = (
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Select a neuron or synapse"),
        QT_TRANSLATE_NOOP("Menus", "Click (Ctrl+click adds or removes)"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Select several"),
        QT_TRANSLATE_NOOP("Menus", "Drag a frame on empty space"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Move neurons"),
        QT_TRANSLATE_NOOP("Menus", "Drag a neuron (Snap to Grid aligns it)"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Connect two neurons"),
        QT_TRANSLATE_NOOP("Menus", "Drag from a neuron's rim, or Shift+drag, to another"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Change an input's value"),
        QT_TRANSLATE_NOOP("Menus", "Drag its lower half up/down (Shift: finer)"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Type a weight, bias or input value"),
        QT_TRANSLATE_NOOP("Menus", "Double-click it; Enter applies"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Nudge a weight, bias or input value"),
        QT_TRANSLATE_NOOP("Menus", "Alt+wheel over it (Shift: finer)"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Zoom around the pointer"),
        QT_TRANSLATE_NOOP("Menus", "Ctrl+wheel"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Scroll"),
        QT_TRANSLATE_NOOP("Menus", "Wheel"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Pan"),
        QT_TRANSLATE_NOOP("Menus", "Middle-drag, or hold Space and drag"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Run / Pause the clock"),
        QT_TRANSLATE_NOOP("Menus", "Tap Space"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Add a neuron of the chosen tool"),
        QT_TRANSLATE_NOOP("Menus", "Click empty space"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Cancel a drag or an edit; back to Select; clear the selection"),
        QT_TRANSLATE_NOOP("Menus", "Esc"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Canvas"),
        QT_TRANSLATE_NOOP("Menus", "Add, delete, paste, set activation…"),
        QT_TRANSLATE_NOOP("Menus", "Right-click"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Draw on Screen"),
        QT_TRANSLATE_NOOP("Menus", "Laser, pen, highlighter, eraser; colours"),
        QT_TRANSLATE_NOOP("Menus", "L, P, M, E; 1, 2, 3"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Draw on Screen"),
        QT_TRANSLATE_NOOP("Menus", "Laser pointer while held, whatever the tool"),
        QT_TRANSLATE_NOOP("Menus", "Right button"),
    ),
    (
        QT_TRANSLATE_NOOP("Menus", "Draw on Screen"),
        QT_TRANSLATE_NOOP("Menus", "Clear the ink; Esc clears it, a second Esc stops"),
        QT_TRANSLATE_NOOP("Menus", "C, Esc"),
    ),
)


@dataclass
class Menus:
    """The menu bar's menus, for the parts that add to them."""

    file: QMenu
    recent: QMenu  # File ▸ Open Recent, filled when it opens
    edit: QMenu
    view: QMenu
    text_size: QMenu  # View ▸ Text Size
    panels: QMenu  # View ▸ Panels: a toggle for each dock
    tools: QMenu
    help: QMenu


def build_menus(bar: QMenuBar, a: Actions) -> Menus:
    file_menu = bar.addMenu(translate("Menus", "&File"))
    file_menu.addActions([a.new, a.open])
    recent = file_menu.addMenu(translate("Menus", "Open &Recent"))
    file_menu.addSeparator()
    file_menu.addActions([a.save, a.save_as])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit = bar.addMenu(translate("Menus", "&Edit"))
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.cut, a.copy, a.paste, a.delete])
    edit.addSeparator()
    edit.addActions([a.select_all, a.history])
    edit.addSeparator()
    edit.addAction(a.preferences)

    view = bar.addMenu(translate("Menus", "&View"))
    view.addActions([a.zoom_in, a.zoom_out, a.fit])
    view.addSeparator()
    view.addAction(a.auto_layout)
    view.addSeparator()
    view.addActions([a.show_weights, a.show_values, a.snap_to_grid])
    text_size = view.addMenu(translate("Menus", "&Text Size"))
    view.addSeparator()
    panels = view.addMenu(translate("Menus", "&Panels"))

    tools = bar.addMenu(translate("Menus", "&Tools"))
    tools.addActions(list(a.tools.values()))
    tools.addSeparator()
    tools.addActions(list(a.adders.values()))

    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_menu.addActions([a.shortcuts, a.about])
    return Menus(file_menu, recent, edit, view, text_size, panels, tools, help_menu)


def build_palette(window: QMainWindow, a: Actions) -> QToolBar:
    """The toolbar: the neuron tools, then undo/redo and the view helpers."""
    bar = QToolBar(translate("Menus", "Palette"), window)
    bar.setObjectName("palette")
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    bar.setIconSize(QSize(28, 28))
    bar.addActions(list(a.tools.values()))
    bar.addSeparator()
    for action in (a.undo, a.redo):
        bar.addAction(action)
    bar.addSeparator()
    bar.addActions([a.fit, a.auto_layout])
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
    return bar


def about_text() -> str:
    """HTML for Help ▸ About: NeuroSim's version and licence, and the libraries' versions."""
    from neurosim import __version__  # looked up on first use (see neurosim/__init__.py)

    # The modules' own __version__, not package metadata: a frozen build carries no
    # metadata for its libraries.
    rows = [
        ("Python", platform.python_version()),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("pyqtgraph", pg.__version__),
        ("numpy", np.__version__),
    ]
    table = "".join(f"<tr><td>{k}</td><td>&nbsp;{v}</td></tr>" for k, v in rows)
    what = translate(
        "Menus",
        "A simulator of artificial neurons for teaching: watch z = Σ wᵢxᵢ + b "
        "and y = f(z) change as you edit a network.",
    )
    licence = translate(
        "Menus",
        "Free software under the MIT licence. Qt and PySide6 are used under the "
        "GNU LGPL v3, pyqtgraph under the MIT licence, numpy under the BSD licence.",
    )
    return f"<h2>NeuroSim {__version__}</h2><p>{what}</p><p>{licence}</p><table>{table}</table>"


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(where, what, keys) for every action of the window that has a shortcut (menus first,
    in menu order; then those only on a toolbar or the window), then the mouse gestures.
    Made from the actions themselves, so the list cannot drift from what the keys do."""
    rows: list[tuple[str, str, str]] = []
    seen: set[QAction] = set()

    def add(action: QAction, where: str) -> None:
        keys = [k for k in action.shortcuts() if _typeable(k)]
        if keys and action not in seen:
            seen.add(action)
            rows.append((where, shortcut_name(action), ", ".join(key_text(k) for k in keys)))

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {without_mnemonic(action.menu().title())}")
            else:
                add(action, path)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), without_mnemonic(top.menu().title()))
    for action in window.findChildren(QAction):  # on a toolbar or the window only
        owner = action.parent()
        in_a_dialog = isinstance(owner, QWidget) and isinstance(owner.window(), QDialog)
        if action.text() and not in_a_dialog:  # a dialog's keys work only in the dialog
            add(action, _place(action))
    gestures = [tuple(translate("Menus", text) for text in row) for row in GESTURES]
    return rows + gestures  # type: ignore[return-value]


def shortcut_name(action: QAction) -> str:
    """What the shortcuts dialog calls an action: its ``shortcut_name`` property (for an
    action whose text changes, e.g. "Run / Pause"), else its text without "&" or "…"."""
    name = action.property("shortcut_name")
    return name if isinstance(name, str) and name else _plain(action)


#: key names as printed on keyboards
_KEY_NAMES = {
    "Right": "→",
    "Left": "←",
    "Up": "↑",
    "Down": "↓",
    "PgUp": "Page Up",
    "PgDown": "Page Down",
    "Del": "Delete",
    "Ins": "Insert",
}


def key_text(keys: QKeySequence) -> str:
    """``keys`` as the dialog shows them: the platform's names, arrows as arrows."""
    text = keys.toString(QKeySequence.SequenceFormat.NativeText)
    mods, plus, key = text.rpartition("+")
    if plus and not key:  # "Ctrl++": the key is the plus
        return text
    return mods + plus + _KEY_NAMES.get(key, key)


def _place(action: QAction) -> str:
    """Where an action lives: the first menu or toolbar showing it."""
    for widget in action.associatedObjects():
        if isinstance(widget, (QMenu, QToolBar)) and widget.windowTitle():
            return without_mnemonic(widget.windowTitle())
        if isinstance(widget, QMenu) and widget.title():
            return without_mnemonic(widget.title())
    owner = action.parent()
    if isinstance(owner, QToolBar) and owner.windowTitle():  # a key of the bar, no button
        return owner.windowTitle()
    if type(owner).__name__ == "CanvasView":
        return translate("Menus", "Canvas")
    return translate("Menus", "Window")


def _typeable(keys: QKeySequence) -> bool:
    """False for keys few keyboards have: media keys (Copy, Open, Zoom In…), F13–F35."""
    return keys.count() > 0 and keys[0].key().value < Qt.Key.Key_F13.value


def _plain(action: QAction) -> str:
    """The action's name without mnemonic or ellipsis (Undo and Redo name themselves with
    their ``shortcut_name``: "Undo", not "Undo Add neuron h1")."""
    return without_mnemonic(action.text()).removesuffix("…")


#: a mnemonic set after the text, as Chinese menus write it: "文件(&F)"
_MNEMONIC_AFTER = re.compile(r"\s*\(&[^&)]\)")


def without_mnemonic(text: str) -> str:
    """``text`` as read, not as typed: "&File" → "File", "文件(&F)" → "文件", "&&" → "&"."""
    text = _MNEMONIC_AFTER.sub("", text)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts: a table of every shortcut."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard Shortcuts"))
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(
            [
                translate("ShortcutsDialog", "Where"),
                translate("ShortcutsDialog", "What"),
                translate("ShortcutsDialog", "Keys"),
            ]
        )
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the keys stay whole
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        screen = window.screen().availableGeometry() if window.screen() else None
        self.resize(
            min(1000, screen.width() - 40) if screen else 1000,
            min(700, screen.height() - 60) if screen else 700,
        )
