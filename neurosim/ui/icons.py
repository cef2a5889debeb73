"""Icons drawn in a colour of the theme, so they read on its ground.

The style's own media icons are pictures in a fixed dark grey: on a dark toolbar they all
but vanish. These are simple shapes on a 64 × 64 grid, drawn again for each theme.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QIcon,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPixmap,
    QPolygonF,
)

__all__ = ["MEDIA_SHAPES", "media_icon"]

_SIDE = 64


def _triangle(*points: tuple[float, float]) -> QPainterPath:
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(x, y) for x, y in points]))
    path.closeSubpath()
    return path


def _bar(x: float, width: float) -> QPainterPath:
    path = QPainterPath()
    path.addRoundedRect(QRectF(x, 12, width, 40), 2, 2)
    return path


def _falling_curve() -> QPainterPath:
    """A loss curve falling to the right, on its axes: what training does, unlike "play"
    (which is the clock's Run)."""
    curve = QPainterPath(QPointF(14, 10))
    curve.cubicTo(QPointF(20, 40), QPointF(30, 46), QPointF(56, 46))
    stroker = QPainterPathStroker()
    stroker.setWidth(7)
    stroker.setCapStyle(Qt.PenCapStyle.RoundCap)
    axes = QPainterPath(QPointF(5, 4))
    axes.lineTo(QPointF(5, 58))
    axes.lineTo(QPointF(60, 58))
    thin = QPainterPathStroker()
    thin.setWidth(4)
    return stroker.createStroke(curve).united(thin.createStroke(axes))


#: name -> the shape on a 64 × 64 grid
MEDIA_SHAPES = {
    "play": _triangle((16, 10), (16, 54), (54, 32)),
    "pause": _bar(15, 12).united(_bar(37, 12)),
    "step": _triangle((10, 12), (10, 52), (42, 32)).united(_bar(44, 9)),
    "reset": _bar(11, 9).united(_triangle((54, 12), (54, 52), (22, 32))),
    "train": _falling_curve(),
}


def media_icon(name: str, colour: QColor | str) -> QIcon:
    """The shape ``name`` ("play", "pause", "step", "reset", "train") filled with ``colour``."""
    pixmap = QPixmap(_SIDE, _SIDE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillPath(MEDIA_SHAPES[name], QColor(colour))
    painter.end()
    return QIcon(pixmap)
