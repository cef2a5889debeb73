"""Zoom and pan of the canvas: :class:`Navigator`, and :class:`PanTool` for dragging it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsView, QWidget

from neurosim.ui.canvas.scene import NetworkScene

ZOOM_STEP = 1.25
MIN_ZOOM, MAX_ZOOM = 0.05, 8.0
FIT_MAX_ZOOM = 2.5  # a 3-neuron net should not fill the screen with one circle


class Navigator:
    """Zooms ``view`` around a point, fits the network clear of ``legend`` and keeps the
    scene rect pannable. Owns ``fit_pending``: a fit is due once the view can show it."""

    def __init__(self, view: QGraphicsView, scene: NetworkScene, legend: QWidget) -> None:
        self.view, self.scene, self.legend = view, scene, legend
        self.fit_pending = True

    def zoom(self) -> float:
        return self.view.transform().m11()

    def zoom_about(self, point: QPoint, factor: float) -> None:
        """Scale by ``factor`` keeping the scene point under ``point`` (viewport) in place."""
        view = self.view
        factor = max(MIN_ZOOM, min(MAX_ZOOM, self.zoom() * factor)) / self.zoom()
        anchor = view.mapToScene(point)
        view.scale(factor, factor)
        self.update_scene_rect()
        moved = view.mapFromScene(anchor) - point
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() + moved.x())
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + moved.y())

    def zoom_centre(self, factor: float) -> None:
        self.zoom_about(self.view.viewport().rect().center(), factor)

    def fit(self) -> None:
        """Zoom so the whole network shows as large as possible, clear of the legend."""
        view = self.view
        items = self.scene.neurons.values()
        if not items:
            view.setTransform(QTransform())
            self.update_scene_rect()
            view.centerOn(QPointF(0, 0))
            return
        rect = QRectF()
        for item in items:
            rect = rect.united(item.sceneBoundingRect())
        zoom, area = self._best_fit(rect)
        view.setTransform(QTransform.fromScale(zoom, zoom))
        self.update_scene_rect()
        # centre the network in ``area``: shift the view centre by the area's offset
        offset = QRectF(view.viewport().rect()).center() - area.center()
        view.centerOn(rect.center() + offset / zoom)
        self.fit_pending = False

    def fit_if_pending(self) -> None:
        if self.fit_pending:
            self.fit()

    def _best_fit(self, rect: QRectF) -> tuple[float, QRectF]:
        """(zoom, viewport area) giving the largest picture that leaves the legend free:
        the whole viewport if the network misses the legend there, else above or beside it."""
        m = 24.0
        view = QRectF(self.view.viewport().rect())
        legend = QRectF(self.legend.geometry()).translated(-QPointF(self.view.viewport().pos()))
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

    def update_scene_rect(self) -> None:
        """Items plus a viewport of margin on every side, so any part can be panned to."""
        bounds = self.scene.itemsBoundingRect()
        zoom = self.zoom()
        mx = self.view.viewport().width() / zoom
        my = self.view.viewport().height() / zoom
        self.view.setSceneRect(bounds.adjusted(-mx, -my, mx, my))

    def place_legend(self) -> None:
        self.legend.move(10, self.view.height() - self.legend.height() - 10)

    def pan_by(self, delta: QPoint) -> None:
        view = self.view
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() - delta.x())
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() - delta.y())


class PanTool:
    """Middle-drag, or Space held with a left drag, pans; a tap of Space is reported.

    Owns the pan in progress (``dragging_from``) and the Space key's state: held, and
    whether a pan happened while it was held (then its release is no tap).
    """

    def __init__(self, navigator: Navigator, set_cursor: Callable[[Qt.CursorShape], None]) -> None:
        self.navigator, self._set_cursor = navigator, set_cursor
        self.dragging_from: QPoint | None = None
        self.space_held = False
        self._space_dragged = False

    @property
    def active(self) -> bool:
        return self.dragging_from is not None

    def space_pressed(self) -> None:
        self.space_held = True
        self._space_dragged = False
        self._set_cursor(Qt.CursorShape.OpenHandCursor)

    def space_released(self) -> bool:
        """Space let go: True if it was a tap (no pan while it was held)."""
        tapped = self.space_held and not self._space_dragged
        self.space_held = False
        self.dragging_from = None
        return tapped

    def focus_lost(self) -> None:
        self.space_held = False  # its release goes elsewhere now: no pan, no tap

    def press(self, point: QPoint, button: Qt.MouseButton) -> bool:
        """Start a pan if ``button`` pans (middle, or left with Space held)."""
        left = button == Qt.MouseButton.LeftButton
        if button != Qt.MouseButton.MiddleButton and not (left and self.space_held):
            return False
        self._space_dragged = self.space_held
        self.dragging_from = point
        self._set_cursor(Qt.CursorShape.ClosedHandCursor)
        return True

    def move(self, point: QPoint) -> bool:
        if self.dragging_from is None:
            return False
        self.navigator.pan_by(point - self.dragging_from)
        self.dragging_from = point
        return True

    def release(self, button: Qt.MouseButton) -> bool:
        """End a pan on the release of a panning button; True if one was ended."""
        pans = (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton)
        if self.dragging_from is None or button not in pans:
            return False
        self.dragging_from = None
        return True

    def cancel(self) -> None:
        self.dragging_from = None
