"""What a person at the back of the room would see wrong in the window, as a list of
problems: plots collapsed to a strip, numbers along an axis that run into each other, a
title or legend cut or shortened with "…", a label inside a plot cut by its edge, canvas
text too small to read. Used in the test process (1280×800) and in child processes whose
screen has another size (presentation at 1280×720 and 1920×1080).
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QPoint, QRect, QRectF
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QMainWindow

from neurosim.ui.plots.base import PlotPanel

ELLIPSIS = "…"


def on_screen(widget) -> bool:
    """Shown and inside its window (a dock behind another's tab is moved off the window)."""
    if not widget.isVisible():
        return False
    top = widget.window()
    where = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())
    return top.rect().intersects(where)


def shown_panels(window: QMainWindow) -> list[PlotPanel]:
    return [p for p in window.findChildren(PlotPanel) if p.window() is window and on_screen(p)]


def _visible_rect(view: pg.GraphicsView) -> QRectF:
    return view.mapToScene(view.viewport().rect()).boundingRect()


def _inside(inner: QRectF, outer: QRectF, slack: float = 1.0) -> bool:
    return outer.adjusted(-slack, -slack, slack, slack).contains(inner)


def _overlap(a: QRectF, b: QRectF) -> bool:
    both = a.intersected(b)
    return both.width() > 0.5 and both.height() > 0.5


def axis_overlaps(axis: pg.AxisItem) -> list[tuple[str, str]]:
    """Pairs of tick labels of ``axis`` whose drawn rectangles overlap."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    if not specs:
        return []
    texts = [(QRectF(rect), text) for rect, _flags, text in specs[2] if text.strip()]
    return [
        (ta, tb)
        for i, (ra, ta) in enumerate(texts)
        for rb, tb in texts[i + 1 :]
        if _overlap(ra, rb)
    ]


def plot_problems(panel: PlotPanel, min_side: int) -> list[str]:
    """What is wrong with ``panel`` as drawn now (empty: nothing)."""
    panel.flush()
    view = panel.view
    name = type(panel).__name__
    problems: list[str] = []
    room = _visible_rect(view)
    for item in view.scene().items():
        if isinstance(item, pg.ColorBarItem):
            continue  # a bar, thin by design (its axis is checked below)
        if isinstance(item, pg.PlotItem) and item.isVisible():
            problems += _plot_item_problems(name, item, room, min_side)
        elif isinstance(item, pg.LegendItem) and item.isVisible() and item.items:
            if not _inside(item.sceneBoundingRect(), room):
                problems.append(f"{name}: legend cut by the panel's edge")
            for _sample, label in item.items:
                if ELLIPSIS in label.text:
                    problems.append(f"{name}: legend entry shortened: {label.text!r}")
        elif isinstance(item, pg.AxisItem) and item.isVisible() and item.linkedView() is not None:
            for a, b in axis_overlaps(item):
                problems.append(f"{name}: {item.orientation} axis numbers overlap: {a!r} {b!r}")
    return problems


def _plot_item_problems(name: str, plot: pg.PlotItem, room: QRectF, min_side: int) -> list[str]:
    problems = []
    box = plot.getViewBox().sceneBoundingRect()
    if not _inside(box, room, slack=2.0):
        problems.append(f"{name}: plot {plot.titleLabel.text!r} cut by the panel's edge")
    if box.width() < min_side or box.height() < min_side:
        problems.append(f"{name}: plot only {box.width():.0f}×{box.height():.0f} px")
    title = plot.titleLabel
    if title.isVisible() and title.text:
        if ELLIPSIS in title.text:
            problems.append(f"{name}: title shortened: {title.text!r}")
        if not _inside(title.sceneBoundingRect(), room):
            problems.append(f"{name}: title {title.text!r} cut by the panel's edge")
    texts = [
        child
        for child in plot.getViewBox().allChildren()
        if isinstance(child, pg.TextItem) and child.isVisible() and child.toPlainText().strip()
    ]
    for i, child in enumerate(texts):
        rect = child.sceneBoundingRect()
        if not _inside(rect, box, slack=2.0):
            problems.append(f"{name}: {child.toPlainText()!r} cut by the plot's edge")
        for other in texts[i + 1 :]:
            if _overlap(rect.adjusted(1, 1, -1, -1), other.sceneBoundingRect()):
                problems.append(f"{name}: {child.toPlainText()!r} overlaps {other.toPlainText()!r}")
    return problems


def canvas_text_px(window: QMainWindow) -> float:
    """The smallest text drawn around the neurons (names, biases, weights), in screen
    pixels at the canvas's zoom."""
    style = window.canvas.network_scene.style
    zoom = window.canvas.transform().m11()
    fonts = (style.small_font, style.label_font, style.weight_font)
    return min(f.pixelSize() for f in fonts) * zoom


def train_panel_cut(window: QMainWindow) -> bool:
    """Whether the Train panel, when on screen, is narrower than its buttons need."""
    dock = window.training.docks["panel"]
    if not on_screen(dock):
        return False
    panel = window.training.panel  # (it scrolls up and down, never sideways)
    shown = panel.visibleRegion().boundingRect().width()
    return panel.width() < panel.minimumSizeHint().width() or shown < panel.width() - 2


def axis_labels(axis: pg.AxisItem) -> list[str]:
    """The numbers ``axis`` draws now, in order."""
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        specs = axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    return [text for _rect, _flags, text in specs[2]] if specs else []
