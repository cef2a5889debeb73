"""Pictures as bytes, so they are written like every other file: atomically, refusing a
read-only target (:func:`neurosim.core.fileformat.write_atomic`)."""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

from neurosim.core.fileformat import write_atomic


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG; OSError if Qt cannot encode it."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("the picture could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def write_png(image: QImage, path: str | os.PathLike[str]) -> None:
    write_atomic(path, png_bytes(image))
