"""Finding English a user would read in a window shown in another language.

``english_left(widget)`` walks a widget tree (menus and their actions, labels, buttons,
group boxes, docks, tabs, combo items, headers, tool tips, placeholders and the titles
and axis labels of pyqtgraph plots) and returns each text that still holds an English
word, with where it was found. Names that are the same in every language (ReLU, tanh,
XOR, file types, keys) are allowed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QTreeView,
    QWidget,
)

# Same in every language: names of functions and networks, products, file types, keys
ALLOWED = {
    "neurosim",
    "relu",
    "leaky",
    "tanh",
    "sigmoid",
    "gelu",
    "silu",
    "elu",
    "selu",
    "swish",
    "mish",
    "softplus",
    "xor",
    "and",
    "or",
    "not",
    "nand",
    "nor",
    "xnor",
    "mse",
    "bce",
    "csv",
    "png",
    "pdf",
    "svg",
    "html",
    "json",
    "nsim",
    "numpy",
    "pytorch",
    "torch",
    "python",
    "ctrl",
    "shift",
    "alt",
    "esc",
    "del",
    "tab",
    "enter",
    "pgup",
    "pgdown",
    "pageup",
    "pagedown",
    "home",
    "end",
    "space",
    "backspace",
    "f1",
    "f11",
    "qt",
    "pyside",
    "pyqtgraph",
    "sgd",
    "adam",
    "momentum",
    "heaviside",  # the step function's name, and the names in formulas
    "transformer",
    "ln",
    "erf",
    "x",
    "y",
    "z",
    "w",
    "b",
    "id",
    "ids",
    "dpi",
    "px",
    "fps",
    "ms",
    "utf",
    "zh",
    "cn",
    "en",
    "english",  # the language chooser names each language in its own language
    "max",
    "min",
    "exp",
    "log",
    "sin",
    "cos",
    "abs",
    "sqrt",
    "ns",  # nanoseconds
    "lr",  # the learning rate in formulas: w ← w − lr·g
    "xavier",  # weight initialisations named after their authors
    "he",
}
WORD = re.compile(r"[A-Za-z]{2,}")
# code and notation, the same in every language: step(z), step′(z), nn.Module, loss.backward()
CODE = re.compile(r"[A-Za-z_][\w.]*′?\([^()]*\)|[A-Za-z_]\w*(\.[A-Za-z_]\w*)+")
MARKUP = re.compile(r"<[^>]*>|&[a-z]+;")


def english_words(text: str) -> list[str]:
    """The English words in ``text`` (markup, allowed names and single letters aside)."""
    plain = CODE.sub(" ", MARKUP.sub(" ", text).replace("&&", "").replace("&", ""))
    return [w for w in WORD.findall(plain) if w.lower() not in ALLOWED]


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-visible text under ``root`` (hidden parts included:
    a panel shown later must be translated too)."""
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        name = type(widget).__name__
        yield f"{name} tooltip", widget.toolTip()
        yield f"{name} title", widget.windowTitle() if widget.isWindow() else ""
        yield from _widget_texts(widget, name)
        for action in widget.actions():
            yield from _action_texts(action)
    for plot in root.findChildren(pg.PlotWidget):
        yield from _plot_texts(plot.getPlotItem())
    for view in root.findChildren(pg.GraphicsLayoutWidget):
        for item in view.ci.items:
            if isinstance(item, pg.PlotItem):
                yield from _plot_texts(item)


def _widget_texts(widget: QWidget, name: str) -> Iterator[tuple[str, str]]:
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield name, widget.text()
    if isinstance(widget, QGroupBox):
        yield name, widget.title()
    if isinstance(widget, QDockWidget):
        yield name, widget.windowTitle()
    if isinstance(widget, QLineEdit):
        yield f"{name} placeholder", widget.placeholderText()
    if isinstance(widget, (QPlainTextEdit, QTextEdit)):
        yield f"{name} placeholder", widget.placeholderText()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name} item", widget.itemText(i)
            yield f"{name} item tooltip", str(widget.itemData(i, Qt.ItemDataRole.ToolTipRole) or "")
    if isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"{name} tab", widget.tabText(i)
            yield f"{name} tab tooltip", widget.tabToolTip(i)
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield f"{name} tab", widget.tabText(i)
    if isinstance(widget, QMenu):
        yield f"{name} menu", widget.title()
    if isinstance(widget, QListWidget):  # a list model has no columns to ask about
        for i in range(widget.count()):
            yield f"{name} item", widget.item(i).text()
    if isinstance(widget, (QTableView, QTreeView)) and widget.model() is not None:
        model = widget.model()
        for section in range(model.columnCount()):
            yield f"{name} header", str(model.headerData(section, Qt.Orientation.Horizontal) or "")


def _action_texts(action: QAction) -> Iterator[tuple[str, str]]:
    if action.isSeparator():
        return
    yield "action", action.text()
    yield "action tooltip", action.toolTip()
    yield "action status tip", action.statusTip()
    menu = action.menu()
    if isinstance(menu, QMenu):
        yield "menu", menu.title()
        for child in menu.actions():
            yield from _action_texts(child)


def _plot_texts(plot: pg.PlotItem) -> Iterator[tuple[str, str]]:
    yield "plot title", plot.titleLabel.text or ""
    for side in ("left", "bottom", "right", "top"):
        axis = plot.getAxis(side)
        if axis.isVisible():
            yield f"plot {side} axis", axis.labelText or ""


def english_left(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) of each text under ``root`` that still holds an English word."""
    return sorted({(where, text) for where, text in texts(root) if english_words(text)})
