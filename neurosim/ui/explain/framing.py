"""The network framed for the explanation, clear of the sum's panel and the bar, and the
view put back afterwards exactly as it was (zoom and the point at its centre)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize
from PySide6.QtGui import QTransform

from neurosim.ui.canvas.navigation import FIT_MAX_ZOOM, MIN_ZOOM
from neurosim.ui.canvas.view import CanvasView
from neurosim.ui.explain.overlay import MARGIN, SumOverlay

ROOM = 24.0  # around the network
LEAST_SHARE = 0.45  # of the canvas's height left for the network, or no band is kept


class Framing:
    def __init__(self, canvas: CanvasView, overlay: SumOverlay) -> None:
        self.canvas, self.overlay = canvas, overlay
        self._saved: tuple[QTransform, QRectF, QPointF, QSize, int, int] | None = None

    def save(self) -> None:
        view = self.canvas
        centre = view.mapToScene(view.viewport().rect().center())
        scroll = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
        self._saved = (
            QTransform(view.transform()),
            QRectF(view.sceneRect()),
            QPointF(centre),
            view.viewport().size(),
            *scroll,
        )

    def restore(self) -> None:
        if self._saved is None:
            return
        transform, scene_rect, centre, size, x, y = self._saved
        view = self.canvas
        view.setTransform(transform)
        view.setSceneRect(scene_rect)
        view.centerOn(centre)
        if view.viewport().size() == size:  # the very pixels shown before
            view.horizontalScrollBar().setValue(x)
            view.verticalScrollBar().setValue(y)

    def frame(self, panel_height: int, bar_height: int) -> None:
        """Zoom so the network fills the canvas between a band for the sum and the bar."""
        view = self.canvas
        rect = view.network_rect()
        if rect is None:
            return
        port = QRectF(view.viewport().rect())
        top = panel_height + 2 * MARGIN  # the sum's panel at its tallest
        legend = view.legend.height() if view.legend.isVisible() else 0
        bottom = max(bar_height, legend) + 2 * MARGIN  # the bar, and the colour key
        area = port.adjusted(ROOM, top, -ROOM, -bottom)
        if area.height() < LEAST_SHARE * port.height():  # too low a canvas: no band
            area = port.adjusted(ROOM, ROOM, -ROOM, -ROOM)
        if area.width() <= 0 or area.height() <= 0:
            return
        zoom = min(
            area.width() / max(rect.width(), 1.0),
            area.height() / max(rect.height(), 1.0),
            FIT_MAX_ZOOM,
        )
        zoom = max(zoom, MIN_ZOOM)
        view.setTransform(QTransform.fromScale(zoom, zoom))
        view.navigator.update_scene_rect()
        offset = port.center() - area.center()
        view.centerOn(rect.center() + offset / zoom)
