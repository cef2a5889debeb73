"""The menu bar, the palette toolbar and the Help dialogs (About, Keyboard shortcuts)."""
from __future__ import annotations

import platform
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

import numpy as np
import PySide6
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from neurosim import __version__

if TYPE_CHECKING:
    from neurosim.ui.actions import Actions
    from neurosim.ui.mainwindow import MainWindow

#: text sizes offered in View ▸ Text Size: (menu text, factor)
TEXT_SIZES = (("&Normal", 1.0), ("&Large", 1.25), ("&Extra Large", 1.6))
#: canvas gestures that are not actions, for the shortcuts dialog
GESTURES = (
    ("Canvas", "Click a neuron or synapse", "Select it"),
    ("Canvas", "Drag a neuron", "Move it (Snap to Grid aligns it)"),
    ("Canvas", "Drag from a neuron to another", "Connect them with a synapse"),
    ("Canvas", "Mouse wheel", "Zoom"),
)


def build_menus(window: MainWindow, a: Actions) -> None:
    bar = window.menuBar()
    file_menu = bar.addMenu("&File")
    file_menu.addActions([a.new, a.open])
    window.recent_menu = file_menu.addMenu("Open &Recent")
    window.recent_menu.aboutToShow.connect(window.fill_recent_menu)
    file_menu.addSeparator()
    file_menu.addActions([a.save, a.save_as])
    file_menu.addSeparator()
    file_menu.addAction(a.quit)

    edit = bar.addMenu("&Edit")
    edit.addActions([a.undo, a.redo])
    edit.addSeparator()
    edit.addActions([a.cut, a.copy, a.paste, a.delete])
    edit.addSeparator()
    edit.addActions([a.select_all, a.history])

    view = bar.addMenu("&View")
    view.addActions([a.zoom_in, a.zoom_out, a.fit])
    view.addSeparator()
    view.addAction(a.auto_layout)
    view.addSeparator()
    view.addActions([a.show_weights, a.show_values, a.snap_to_grid])
    window.text_size_menu = view.addMenu("&Text Size")
    view.addSeparator()
    window.panels_menu = view.addMenu("&Panels")

    tools = bar.addMenu("&Tools")
    tools.addActions(list(a.tools.values()))
    tools.addSeparator()
    tools.addActions(list(a.adders.values()))

    help_menu = bar.addMenu("&Help")
    help_menu.addActions([a.shortcuts, a.about])


def build_palette(window: MainWindow, a: Actions) -> QToolBar:
    """The toolbar: the neuron tools, then undo/redo and the view helpers."""
    bar = QToolBar("Palette", window)
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
    def installed(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    rows = [("Python", platform.python_version()), ("Qt", qVersion()),
            ("PySide6", PySide6.__version__), ("pyqtgraph", installed("pyqtgraph")),
            ("numpy", np.__version__)]
    table = "".join(f"<tr><td>{k}</td><td>&nbsp;{v}</td></tr>" for k, v in rows)
    return (f"<h2>NeuroSim {__version__}</h2>"
            "<p>A simulator of artificial neurons for teaching: watch z = Σ wᵢxᵢ + b "
            "and y = f(z) change as you edit a network.</p>"
            "<p>Free software under the MIT licence.</p>"
            f"<table>{table}</table>")


def shortcut_rows(window: QWidget) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every menu action that has a shortcut, then canvas gestures."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {action.menu().title().replace('&', '')}")
            elif action.shortcuts():
                names = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                                  for k in action.shortcuts() if _typeable(k))
                rows.append((path, _plain(action), names))

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), top.menu().title().replace("&", ""))
    listed = {(path, what) for path, what, _ in rows}
    for action in window.findChildren(QAction):  # toolbar-only actions (panels add some)
        keys = [k for k in action.shortcuts() if _typeable(k)]
        where = _place(action)
        if keys and action.text() and (where, _plain(action)) not in listed:
            listed.add((where, _plain(action)))
            rows.append((where, _plain(action), ", ".join(
                k.toString(QKeySequence.SequenceFormat.NativeText) for k in keys)))
    return rows + list(GESTURES)


def _place(action: QAction) -> str:
    """Where an action lives: the first menu or toolbar showing it."""
    for widget in action.associatedObjects():
        if isinstance(widget, (QMenu, QToolBar)) and widget.windowTitle():
            return widget.windowTitle().replace("&", "")
        if isinstance(widget, QMenu) and widget.title():
            return widget.title().replace("&", "")
    return "Window"


def _typeable(keys: QKeySequence) -> bool:
    """False for keys few keyboards have: media keys (Copy, Open, Zoom In…), F13–F35."""
    return keys.count() > 0 and keys[0].key().value < Qt.Key.Key_F13.value


def _plain(action: QAction) -> str:
    """The action's name without mnemonic or ellipsis ("Undo", not "Undo Add neuron h1")."""
    text = action.iconText() if action.iconText() in ("Undo", "Redo") else action.text()
    text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text.removesuffix("…")


class ShortcutsDialog(QDialog):
    """Help ▸ Keyboard Shortcuts: a table of every shortcut."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 3, self)
        self.table.setHorizontalHeaderLabels(["Where", "What", "Keys"])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(720, 640)
