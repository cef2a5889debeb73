"""Writing a plot to PNG, SVG and CSV.

SVG goes through Qt's own QSvgGenerator: pyqtgraph's SVG exporter breaks under PySide6
(pyqtgraph issue #3485). Both pictures render the plot's QGraphicsView as it is on screen,
with the items in pyqtgraph's export mode and their caches off, so curves and markers are
drawn as lines and shapes (sharp at 2×, vector in SVG) rather than as cached pixmaps.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from neurosim.core.csv_table import csv_text
from neurosim.core.fileformat import write_atomic
from neurosim.ui import image_files
from neurosim.ui.i18n import translate


def render_image(view: QGraphicsView, scale: float = 2.0) -> QImage:
    """The view's picture at ``scale`` × its on-screen size (sharp on slides)."""
    size = _size(view)
    image = QImage(
        QSize(math.ceil(size.width() * scale), math.ceil(size.height() * scale)),
        QImage.Format.Format_ARGB32,
    )
    image.setDevicePixelRatio(scale)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    _render(view, painter, size)
    painter.end()
    return image


def write_png(view: QGraphicsView, path: str | os.PathLike[str], scale: float = 2.0) -> None:
    image_files.write_png(render_image(view, scale), path)


def write_svg(view: QGraphicsView, path: str | os.PathLike[str], title: str = "") -> None:
    size = _size(view)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(0, 0, size.width(), size.height()))
    # Same dots per inch as the screen: at the generator's default (72) fonts and pyqtgraph's
    # cached pictures would come out at a different scale from the lines.
    generator.setResolution(view.logicalDpiX())
    generator.setTitle(title)
    generator.setDescription("Exported from NeuroSim")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(translate("PlotExport", "could not write {path}").format(path=path))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(QRect(0, 0, size.width(), size.height()), Qt.GlobalColor.white)
    _render(view, painter, size)
    painter.end()
    buffer.close()
    write_atomic(path, bytes(data.data()))


def _render(view: QGraphicsView, painter: QPainter, size: QSize) -> None:
    # The target in the painter's logical units: left out, Qt takes the device's size in
    # physical pixels, and an image at 2× would show only the top-left quarter, doubled.
    # (The painter's device pixel ratio already scales everything: resolutionScale is 1.)
    target = QRectF(0, 0, size.width(), size.height())
    with _export_mode(
        view,
        {
            "antialias": True,
            "background": QColor("white"),
            "painter": painter,
            "resolutionScale": 1.0,
        },
    ):
        view.render(painter, target, QRect(0, 0, size.width(), size.height()))


@contextmanager
def _export_mode(view: QGraphicsView, opts: dict) -> Iterator[None]:
    """Items drawn for export (pyqtgraph's ``setExportMode``), with no cached pictures."""
    items = view.scene().items() if view.scene() is not None else []
    cached = [
        (item, item.cacheMode())
        for item in items
        if item.cacheMode() != QGraphicsItem.CacheMode.NoCache
    ]
    exporting = [item for item in items if hasattr(item, "setExportMode")]
    for item, _mode in cached:
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    for item in exporting:
        item.setExportMode(True, opts)
    try:
        yield
    finally:
        for item in exporting:
            item.setExportMode(False)
        for item, mode in cached:
            item.setCacheMode(mode)


def write_csv(
    path: str | os.PathLike[str], header: Sequence[str], rows: Iterable[Sequence[object]]
) -> None:
    """The table as a CSV file, numbers to 15 significant digits (:mod:`.csv_table`)."""
    write_atomic(path, csv_text(header, rows).encode("utf-8"))


def _size(view: QGraphicsView) -> QSize:
    size = view.viewport().size()
    if size.width() < 2 or size.height() < 2:  # never shown: use its preferred size
        size = view.sizeHint().expandedTo(QSize(400, 300))
    return size
