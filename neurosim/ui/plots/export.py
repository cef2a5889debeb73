"""Writing a plot to PNG, SVG and CSV.

SVG goes through Qt's own QSvgGenerator: pyqtgraph's SVG exporter breaks under PySide6
(pyqtgraph issue #3485). Both pictures render the plot's QGraphicsView as it is on screen.
"""
from __future__ import annotations

import csv
import math
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsView


def render_image(view: QGraphicsView, scale: float = 2.0) -> QImage:
    """The view's picture at ``scale`` × its on-screen size (sharp on slides)."""
    size = _size(view)
    image = QImage(QSize(math.ceil(size.width() * scale), math.ceil(size.height() * scale)),
                   QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    view.render(painter)
    painter.end()
    return image


def write_png(view: QGraphicsView, path: str | os.PathLike[str], scale: float = 2.0) -> None:
    if not render_image(view, scale).save(str(path), "PNG"):
        raise OSError(f"could not write {path}")


def write_svg(view: QGraphicsView, path: str | os.PathLike[str], title: str = "") -> None:
    size = _size(view)
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    # Same dots per inch as the screen: at the generator's default (72) fonts and pyqtgraph's
    # cached pictures would come out at a different scale from the lines.
    generator.setResolution(view.logicalDpiX())
    generator.setTitle(title)
    generator.setDescription("Exported from NeuroSim")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write {path}")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRect(0, 0, size.width(), size.height()), Qt.GlobalColor.white)
    view.render(painter)
    painter.end()


def write_csv(path: str | os.PathLike[str], header: Sequence[str],
              rows: Iterable[Sequence[object]]) -> None:
    with Path(path).open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        for row in rows:
            writer.writerow([_cell(v) for v in row])


def _cell(value: object) -> object:
    # numpy scalars would print as "np.float64(…)"; plain Python numbers print plainly.
    if isinstance(value, (bool, np.bool_)):
        return int(value)
    if isinstance(value, (float, np.floating)):
        return "" if math.isnan(value) else repr(float(value))
    if isinstance(value, np.integer):
        return int(value)
    return value


def _size(view: QGraphicsView) -> QSize:
    size = view.viewport().size()
    if size.width() < 2 or size.height() < 2:  # never shown: use its preferred size
        size = view.sizeHint().expandedTo(QSize(400, 300))
    return size
