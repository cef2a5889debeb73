"""Docks made by the window's parts and placed by the window.

A part makes its docks with :func:`make_dock` (its widget, its title, the object name the
saved layout and the lesson views know it by); :class:`~neurosim.ui.mainwindow.MainWindow`
decides where each goes and adds its toggle to View ▸ Panels.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QScrollArea, QWidget


def make_dock(title: str, widget: QWidget, object_name: str, window: QWidget) -> QDockWidget:
    """A dock of ``window`` holding ``widget``, not placed yet."""
    dock = QDockWidget(title, window)
    dock.setObjectName(object_name)
    dock.setWidget(widget)
    return dock


def scrolling(widget: QWidget, min_width: int, horizontal: bool = True) -> QScrollArea:
    """``widget`` in a frameless scroll area (a panel taller than its dock)."""
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    if not horizontal:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(min_width)
    return area
