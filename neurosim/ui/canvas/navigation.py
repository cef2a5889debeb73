"""Zoom and pan of :class:`CanvasView` (a mixin; uses the view's ``_scene`` and ``legend``)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, QRectF
from PySide6.QtGui import QTransform

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
FIT_MAX_ZOOM = 2.5  # a 3-neuron net should not fill the screen with one circle


class CanvasNavigation:
    """Zoom around a point, fit the network, keep the scene rect pannable."""

    def zoom(self) -> float:
        return self.transform().m11()

    def zoom_in(self) -> None:
        self._zoom_about(self.viewport().rect().center(), ZOOM_STEP)

    def zoom_out(self) -> None:
        self._zoom_about(self.viewport().rect().center(), 1 / ZOOM_STEP)

    def _zoom_about(self, point: QPoint, factor: float) -> None:
        """Scale by ``factor`` keeping the scene point under ``point`` (viewport) in place."""
        factor = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor)) / self.zoom()
        anchor = self.mapToScene(point)
        self.scale(factor, factor)
        self._update_scene_rect()
        moved = self.mapFromScene(anchor) - point
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())

    def fit_to_view(self) -> None:
        """Zoom so the whole network shows as large as possible, clear of the legend."""
        items = self._scene.neurons.values()
        if not items:
            self.setTransform(QTransform())
            self._update_scene_rect()
            self.centerOn(QPointF(0, 0))
            return
        rect = QRectF()
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        zoom, area = self._best_fit(rect)
        self.setTransform(QTransform.fromScale(zoom, zoom))
        self._update_scene_rect()
        # centre the network in ``area``: shift the view centre by the area's offset
        offset = QRectF(self.viewport().rect()).center() - area.center()
        self.centerOn(rect.center() + offset / zoom)
        self._fit_pending = False

    def _best_fit(self, rect: QRectF) -> tuple[float, QRectF]:
        """(zoom, viewport area) giving the largest picture that leaves the legend free:
        the whole viewport if the network misses the legend there, else above or beside it."""
        m = 24.0
        view = QRectF(self.viewport().rect())
        legend = QRectF(self.legend.geometry()).translated(-QPointF(self.viewport().pos()))
        candidates = [
            view.adjusted(m, m, -m, -m),
            QRectF(m, m, view.width() - 2 * m, legend.top() - 2 * m),
            QRectF(
                legend.right() + m, m, view.width() - legend.right() - 2 * m, view.height() - 2 * m
            ),
        ]
        best: tuple[float, QRectF] | None = None
        for i, area in enumerate(candidates):
            if area.width() <= 0 or area.height() <= 0:
                continue
            zoom = min(
                area.width() / max(rect.width(), 1.0),
                area.height() / max(rect.height(), 1.0),
                FIT_MAX_ZOOM,
            )
            zoom = max(zoom, MIN_ZOOM)
            placed = QRectF(0, 0, rect.width() * zoom, rect.height() * zoom)
            placed.moveCenter(area.center())
            if i == 0 and self.legend.isVisible() and placed.intersects(legend):
                continue
            if best is None or zoom > best[0]:
                best = (zoom, area)
        return best or (MIN_ZOOM, view)

    def _update_scene_rect(self) -> None:
        """Items plus a viewport of margin on every side, so any part can be panned to."""
        bounds = self._scene.itemsBoundingRect()
        zoom = self.zoom()
        mx = self.viewport().width() / zoom
        my = self.viewport().height() / zoom
        self.setSceneRect(bounds.adjusted(-mx, -my, mx, my))

    def _place_legend(self) -> None:
        self.legend.move(10, self.height() - self.legend.height() - 10)

    def _pan_by(self, delta: QPoint) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
