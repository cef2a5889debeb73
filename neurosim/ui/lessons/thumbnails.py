"""Small pictures of network files for the start page, rendered once and cached as PNGs.

A thumbnail is the canvas picture of the file (rendered offscreen, no window) in a theme's
canvas colours, cached under the user's cache folder keyed by a hash of the file's bytes,
the size and the theme: an edited example gets a new picture, an unchanged one is read back
from disk.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
from PySide6.QtCore import QRectF, QSize, QStandardPaths, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from neurosim.core import fileformat
from neurosim.core.engine import Engine
from neurosim.core.fileformat import FileFormatError
from neurosim.core.model import Network
from neurosim.ui.image_files import write_png
from neurosim.ui.theme import LIGHT, Palette

SIZE = QSize(320, 190)
VERSION = "2"  # bump when the drawing changes: old cached pictures are then not used
MARGIN = 0.08


def cache_dir() -> Path:
    """``<user cache>/thumbnails``: ~/.cache/NeuroSim/thumbnails on Linux."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base) / "thumbnails"


def cache_key(data: bytes, size: QSize, theme: str) -> str:
    h = hashlib.sha256(data)
    h.update(f"|{size.width()}x{size.height()}|{theme}|{VERSION}".encode())
    return h.hexdigest()[:32]


def thumbnail(
    path: Path, folder: Path | None = None, size: QSize = SIZE, palette: Palette = LIGHT
) -> QPixmap:
    """The picture of the network file ``path``: from the cache, or rendered and cached.

    A file that cannot be read gives a plain tile; a cache that cannot be written is
    skipped (the picture is still returned)."""
    folder = cache_dir() if folder is None else Path(folder)
    try:
        data = Path(path).read_bytes()
    except OSError:
        return blank(size, palette)
    cached = folder / f"{cache_key(data, size, palette.name)}.png"
    if cached.is_file():
        pixmap = QPixmap(str(cached))
        if not pixmap.isNull():
            return pixmap
    try:
        network = fileformat.loads(data.decode("utf-8-sig"))
    except (FileFormatError, UnicodeDecodeError, ValueError):
        return blank(size, palette)
    image = render(network, size, palette)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        write_png(image, cached)  # atomic: a killed start never leaves half a picture
    except OSError:
        pass
    return QPixmap.fromImage(image)


def render(network: Network, size: QSize = SIZE, palette: Palette = LIGHT) -> QImage:
    """The network drawn as on the canvas (values, weights), fitted into ``size``."""
    from neurosim.ui.canvas.scene import NetworkScene  # the canvas items need a QApplication

    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(palette.canvas.ground))
    scene = NetworkScene()
    scene.style.set_colours(palette.canvas)
    scene.setBackgroundBrush(scene.style.ground)
    try:
        with np.errstate(over="ignore", invalid="ignore"):  # an overflow draws "overflow"
            evaluation = Engine(network).evaluate()
        scene.show_network(network, evaluation)
        source = QRectF()
        for item in scene.neurons.values():
            source = source.united(item.sceneBoundingRect())
        if source.isEmpty():
            return image
        dx, dy = source.width() * MARGIN, source.height() * MARGIN
        source.adjust(-dx, -dy, dx, dy)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        scene.render(
            painter,
            _centred(source, QRectF(image.rect())),
            source,
            Qt.AspectRatioMode.KeepAspectRatio,
        )
        painter.end()
    finally:
        scene.clear()
    return image


def _centred(source: QRectF, frame: QRectF) -> QRectF:
    """The largest rectangle of ``source``'s shape in the middle of ``frame``."""
    k = min(frame.width() / source.width(), frame.height() / source.height())
    target = QRectF(0, 0, source.width() * k, source.height() * k)
    target.moveCenter(frame.center())
    return target


def blank(size: QSize = SIZE, palette: Palette = LIGHT) -> QPixmap:
    pixmap = QPixmap(size)
    ground = QColor(palette.canvas.ground)
    pixmap.fill(ground.lighter(130) if palette.dark else ground.darker(106))
    return pixmap
