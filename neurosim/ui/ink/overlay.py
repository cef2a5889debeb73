"""The ink overlay: a transparent widget above the whole window that draws the annotations.

It covers the window (canvas, docks, plots and bars alike) while drawing is on or ink is
left; it takes the mouse, the tablet's pen and touches only while drawing is on, and is
hidden otherwise so every click reaches the window below. What it holds is an
:class:`~neurosim.core.ink.Ink` and a :class:`~neurosim.core.ink.LaserTrail`: never the
document, never the undo stack.

Keys while drawing is on (the overlay has the keyboard): L laser, P pen, M highlighter,
E eraser, C clear, 1/2/3 colours; Esc clears the ink, or with none asks to leave.

Signals:
    changed(): the ink, the tool or the colour changed (the indicator shows the last two).
    leave_requested(): Esc with no ink on the screen.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QCursor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QRadialGradient,
    QTabletEvent,
    QTouchEvent,
)
from PySide6.QtWidgets import QWidget

from neurosim.core.ink import (
    ERASER_RADIUS,
    HIGHLIGHTER_ALPHA,
    Ink,
    LaserTrail,
    Stroke,
    Tool,
)

LASER_RGB = (255, 30, 30)
LASER_RADIUS = 9.0  # px: the dot's bright core; its glow reaches twice as far
FRAME_MS = 16  # the trail's repaint while it fades
TOOL_KEYS = {getattr(Qt.Key, f"Key_{t.key}"): t for t in Tool}
COLOUR_KEYS = {Qt.Key.Key_1: "1", Qt.Key.Key_2: "2", Qt.Key.Key_3: "3"}
OWN_KEYS = {*TOOL_KEYS, *COLOUR_KEYS, Qt.Key.Key_C, Qt.Key.Key_Escape}


class InkOverlay(QWidget):
    """Annotations over ``parent`` (the main window), which it follows in size.

    ``clock`` gives the time in seconds (tests pass a fake one and call :meth:`tick`).
    """

    changed = Signal()
    leave_requested = Signal()

    def __init__(self, parent: QWidget, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self.setObjectName("ink_overlay")
        self.ink = Ink()
        self.trail = LaserTrail()
        self.clock = clock
        self.drawing = False
        self.laser_at: QPointF | None = None  # the dot, while the laser points
        self._right_laser = False  # a held right button points, whatever the tool
        self._erasing: set[str] = set()  # pointers dragging the eraser
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_TabletTracking)
        self.setMouseTracking(True)  # the laser follows the pointer without a button
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.fade_timer = QTimer(self)
        self.fade_timer.setInterval(FRAME_MS)
        self.fade_timer.timeout.connect(self.tick)
        self.hide()

    # -------------------------------------------------------------- state
    def set_drawing(self, on: bool) -> None:
        """Take the pointer (on) or let everything through and forget the ink (off)."""
        self.drawing = bool(on)
        if not on:
            self.ink.clear()
            self._stop_laser()
            self.hide()
        else:
            self.follow_parent()
            self.show()
            self.raise_()
            self._update_cursor()
        self.update()
        self.changed.emit()

    def set_tool(self, tool: Tool) -> None:
        self.ink.tool = tool
        if tool is not Tool.LASER and not self._right_laser:
            self._stop_laser()
        self._update_cursor()
        self.changed.emit()

    def set_colour(self, key: str) -> None:
        if self.ink.set_colour(key):
            self.changed.emit()

    def clear(self) -> bool:
        """Remove every stroke (and the laser's trail); True if there was ink."""
        had = self.ink.clear()
        self.trail.clear()
        self.update()
        self.changed.emit()
        return had

    def follow_parent(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    # ----------------------------------------------------------- pointers
    def press(self, pointer: str, pos: QPointF, pressure: float | None = None) -> None:
        tool = self.ink.tool
        if tool is Tool.LASER:
            self.point_laser(pos)
        elif tool is Tool.ERASER:
            self._erasing.add(pointer)
            self._erase(pos)
        else:
            stroke = self.ink.begin(pointer, pos.x(), pos.y(), pressure)
            self._update_stroke(stroke)

    def move(self, pointer: str, pos: QPointF, pressure: float | None = None) -> None:
        if self.ink.tool is Tool.LASER or self._right_laser:
            self.point_laser(pos)
        elif pointer in self._erasing:
            self._erase(pos)
        elif self.ink.extend(pointer, pos.x(), pos.y(), pressure):
            self._update_stroke(self.ink.active[pointer], last_only=True)

    def release(self, pointer: str) -> None:
        self._erasing.discard(pointer)
        stroke = self.ink.end(pointer)
        if stroke is not None:
            self.changed.emit()

    def point_laser(self, pos: QPointF) -> None:
        """The laser's dot at ``pos``; where it was fades away."""
        if self.laser_at is not None:
            self.update(_laser_rect(self.laser_at))
        self.laser_at = QPointF(pos)
        self.trail.add(pos.x(), pos.y(), self.clock())
        self.update(_laser_rect(self.laser_at))
        self.update(self._trail_rect())
        if not self.fade_timer.isActive():
            self.fade_timer.start()

    def tick(self) -> None:
        """One frame of the trail's fade (the timer's, or a test's with its clock)."""
        rect = self._trail_rect()
        self.trail.prune(self.clock())
        self.update(rect)
        if not self.trail.alive:
            self.fade_timer.stop()

    def _stop_laser(self) -> None:
        if self.laser_at is not None:
            self.update(_laser_rect(self.laser_at))
        self.laser_at = None
        self.trail.clear()
        self.fade_timer.stop()
        self.update()

    def _erase(self, pos: QPointF) -> None:
        for stroke in self.ink.erase_at(pos.x(), pos.y()):
            self.update(_rect(stroke.bounds()))
        self.changed.emit()

    def _update_stroke(self, stroke: Stroke, last_only: bool = False) -> None:
        points = stroke.points[-2:] if last_only else stroke.points
        half = stroke.max_width / 2 + 2
        xs = [p[0] for p in points]
        ys = [p[1] for p in points]
        self.update(
            QRectF(
                min(xs) - half,
                min(ys) - half,
                max(xs) - min(xs) + 2 * half,
                max(ys) - min(ys) + 2 * half,
            ).toAlignedRect()  # fmt: skip
        )

    def _trail_rect(self) -> object:
        if not self.trail.points:
            return self.rect()
        xs = [p[0] for p in self.trail.points]
        ys = [p[1] for p in self.trail.points]
        r = 2 * LASER_RADIUS + 2
        return _rect((min(xs) - r, min(ys) - r, max(xs) + r, max(ys) + r))

    def _update_cursor(self) -> None:
        shapes = {
            Tool.LASER: Qt.CursorShape.BlankCursor,  # the dot is the pointer
            Tool.ERASER: Qt.CursorShape.PointingHandCursor,
        }
        self.setCursor(QCursor(shapes.get(self.ink.tool, Qt.CursorShape.CrossCursor)))

    # ------------------------------------------------------------- events
    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.RightButton:
            self._right_laser = True  # a held right button is the laser, whatever the tool
            self.point_laser(event.position())
        elif event.button() == Qt.MouseButton.LeftButton:
            self.press("mouse", event.position())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton or self._right_laser:
            self.move("mouse", event.position())
        elif self.ink.tool is Tool.LASER:
            self.point_laser(event.position())
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.RightButton:
            self._right_laser = False
            if self.ink.tool is not Tool.LASER:
                self.laser_at = None  # the trail still fades
                self.update()
        elif event.button() == Qt.MouseButton.LeftButton:
            self.release("mouse")
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if self.laser_at is not None and not self._right_laser:
            self.update(_laser_rect(self.laser_at))
            self.laser_at = None  # the pointer left the window: no dot stays behind
        super().leaveEvent(event)

    def tabletEvent(self, event: QTabletEvent) -> None:  # noqa: N802 - Qt override
        kind, pos, pressure = event.type(), event.position(), event.pressure()
        if kind == QEvent.Type.TabletPress:
            self.press("tablet", pos, pressure)
        elif kind == QEvent.Type.TabletMove:
            if event.buttons() or self.ink.tool is Tool.LASER:
                self.move("tablet", pos, pressure)
        elif kind == QEvent.Type.TabletRelease:
            self.release("tablet")
        event.accept()  # no mouse event is made up from it

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        if not self.drawing or not _plain(event) or key not in OWN_KEYS:
            super().keyPressEvent(event)
            return
        if key in TOOL_KEYS:
            self.set_tool(TOOL_KEYS[key])
        elif key in COLOUR_KEYS:
            self.set_colour(COLOUR_KEYS[key])
        elif key == Qt.Key.Key_C:
            self.clear()
        elif not self.clear():  # Esc: the ink first, then leave
            self.leave_requested.emit()
        event.accept()

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and self.drawing:
            # our keys beat the window's shortcuts (Esc leaves presentation, C, digits)
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.key() in OWN_KEYS and _plain(key_event):
                event.accept()
                return True
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd):
            self._touch(event)  # type: ignore[arg-type]
            return True
        if kind == QEvent.Type.TouchCancel:
            for pointer in [p for p in self.ink.active if p.startswith("touch")]:
                self.release(pointer)
            return True
        return super().event(event)

    def _touch(self, event: QTouchEvent) -> None:
        for point in event.points():
            pointer = f"touch{point.id()}"
            state = point.state()
            if state == point.State.Pressed:
                self.press(pointer, point.position())
            elif state == point.State.Updated:
                self.move(pointer, point.position())
            elif state == point.State.Released:
                self.release(pointer)
        event.accept()

    # ------------------------------------------------------------ painting
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for stroke in self.ink.all_strokes():
            _paint_stroke(painter, stroke)
        self._paint_laser(painter)
        painter.end()

    def _paint_laser(self, painter: QPainter) -> None:
        r, g, b = LASER_RGB
        shown = self.trail.visible(self.clock())
        for (x0, y0, _a), (x1, y1, a1) in zip(shown, shown[1:], strict=False):
            pen = QPen(QColor(r, g, b, round(200 * a1)), LASER_RADIUS * (0.4 + 0.8 * a1))
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            painter.setPen(pen)
            painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))
        if self.laser_at is None:
            return
        glow = QRadialGradient(self.laser_at, 2 * LASER_RADIUS)
        glow.setColorAt(0.0, QColor(255, 255, 255))
        glow.setColorAt(0.25, QColor(r, g, b))
        glow.setColorAt(0.5, QColor(r, g, b, 180))
        glow.setColorAt(1.0, QColor(r, g, b, 0))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(glow)
        painter.drawEllipse(self.laser_at, 2 * LASER_RADIUS, 2 * LASER_RADIUS)


def _paint_stroke(painter: QPainter, stroke: Stroke) -> None:
    r, g, b = stroke.colour.rgb
    points = stroke.points
    if stroke.tool is Tool.HIGHLIGHTER:
        colour = QColor(r, g, b, round(255 * HIGHLIGHTER_ALPHA))
    else:
        colour = QColor(r, g, b)
    widths = {p[2] for p in points}
    if len(points) == 1 or len(widths) == 1:
        # one path at one width: a translucent highlighter does not darken where it overlaps
        pen = QPen(colour, points[0][2])
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        if len(points) == 1:
            painter.drawPoint(QPointF(points[0][0], points[0][1]))
            return
        path = QPainterPath(QPointF(points[0][0], points[0][1]))
        for x, y, _w in points[1:]:
            path.lineTo(x, y)
        painter.drawPath(path)
        return
    for (x0, y0, w0), (x1, y1, w1) in zip(points, points[1:], strict=False):  # pressure
        pen = QPen(colour, (w0 + w1) / 2)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        painter.drawLine(QPointF(x0, y0), QPointF(x1, y1))


def _plain(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return mods == Qt.KeyboardModifier.NoModifier


def _rect(bounds: tuple[float, float, float, float]):  # -> QRect
    left, top, right, bottom = bounds
    return QRectF(left, top, right - left, bottom - top).toAlignedRect()


def _laser_rect(at: QPointF):  # -> QRect
    r = 2 * LASER_RADIUS + 2
    return _rect((at.x() - r, at.y() - r, at.x() + r, at.y() + r))


__all__ = ["ERASER_RADIUS", "InkOverlay"]
