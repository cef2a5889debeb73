"""One paint pass per edit: the pieces that make an edit, a slider step or a live frame
repaint the window once.

Qt repaints a window in passes: each turn of the event loop that finds a widget marked
dirty paints the window's dirty widgets together. An edit used to reach the screen in
three to five passes, because its announcements arrived in different turns: the canvas's
items asked for a repaint as the model changed, the evaluation ran on a zero timer (the
next turn), the plots redrew on the frame timer (another turn), and every
``QGraphicsScene`` hands its dirty items to its view through queued calls, one more turn
per hop. Each pass painted part of the window, and the whole canvas again.

The gate puts it in one turn:

- :class:`Coalescer` turns any number of requests made in one turn into one call, through a
  posted event (not a timer): it is delivered in the same turn as the scenes' own queued
  calls made after it, and before the window's paint request (posted at low priority).
- :func:`drain_scene_updates` delivers the queued calls the scenes posted (dirty items →
  views → viewports marked dirty) at once, so every view is marked before the window's
  single paint request is served.

The document evaluates through a :class:`Coalescer` and announces ``settled`` after; the
frame timer then redraws the panels that asked and drains the scenes (``FrameTimer.flush``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QGraphicsScene, QGraphicsView, QWidget

#: queued-call hops a scene takes from a dirty item to a dirty viewport (process dirty
#: items, then emit the changed region to the views); one more for a view's own queue
SCENE_HOPS = 3

_EVENT = QEvent.Type(QEvent.registerEventType())


class Coalescer(QObject):
    """Calls ``action`` once, later in this turn of the event loop, however many times
    :meth:`request` was called; :meth:`cancel` (or running it directly) drops the call."""

    def __init__(self, action: Callable[[], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self._pending = False
        self._posted = False

    @property
    def pending(self) -> bool:
        return self._pending

    def request(self) -> None:
        self._pending = True
        if not self._posted:  # one event in the queue at most, even after a cancel
            self._posted = True
            QCoreApplication.postEvent(self, QEvent(_EVENT))

    def cancel(self) -> None:
        self._pending = False

    def event(self, event: QEvent) -> bool:
        if event.type() != _EVENT:
            return super().event(event)
        self._posted = False
        if self._pending:
            self._pending = False
            self._action()
        return True


def drain_scene_updates(scenes: list[QGraphicsScene], rounds: int = SCENE_HOPS) -> None:
    """Deliver the layout requests and the queued calls of ``scenes`` (a window's: see
    :class:`WindowScenes`) posted so far, and those they post, ``rounds`` deep: changed
    texts reach their layouts (axes, legends) and the scenes' dirty items their viewports
    now, not in later turns.

    Qt may ask a window to paint from inside one scene's call, before the next scene has
    marked its view: the window's paint request is held until all are done, then posted
    once (:class:`_HeldPaints`)."""
    with _HeldPaints():
        for _ in range(rounds):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            for scene in scenes:
                QCoreApplication.sendPostedEvents(scene, QEvent.Type.MetaCall)


class _HeldPaints(QObject):
    """Within ``with``: a window's paint request (``UpdateRequest``) waits; on leaving,
    each window that asked gets one, posted as Qt posts its own (low priority)."""

    def __init__(self) -> None:
        super().__init__()
        self._held: list[QObject] = []

    def __enter__(self) -> None:
        QCoreApplication.instance().installEventFilter(self)

    def __exit__(self, *_: object) -> None:
        QCoreApplication.instance().removeEventFilter(self)
        for window in self._held:
            QCoreApplication.postEvent(
                window, QEvent(QEvent.Type.UpdateRequest), Qt.EventPriority.LowEventPriority.value
            )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt
        if event.type() != QEvent.Type.UpdateRequest:
            return False
        if not any(watched is held for held in self._held):
            self._held.append(watched)
        return True


class WindowScenes:
    """The scenes of the visible graphics views in the window above ``owner`` (its floating
    docks too). Only this window's: walking every top-level widget met windows being torn
    down, whose wrappers crash when touched. The views are looked up at most four times a second
    (``findChildren`` over the whole window costs milliseconds a frame); a view added since
    is drained from the next lookup on, one extra paint pass until then."""

    REFRESH_S = 0.25

    def __init__(self, owner: QObject) -> None:
        self._owner = owner
        self._window: QWidget | None = None
        self._views: list[QGraphicsView] = []
        self._found_at = -self.REFRESH_S

    def __call__(self) -> list[QGraphicsScene]:
        now = time.monotonic()
        if now - self._found_at >= self.REFRESH_S:
            self._views = self._find_views()
            if self._views:  # a window not shown yet is asked again next frame
                self._found_at = now
        scenes: dict[int, QGraphicsScene] = {}
        for view in self._views:
            if shiboken6.isValid(view) and view.isVisible():
                scene = view.scene()
                if scene is not None:
                    scenes[id(scene)] = scene
        return list(scenes.values())

    def _find_views(self) -> list[QGraphicsView]:
        if self._window is None:
            self._window = owning_window(self._owner)
        window = self._window
        if window is None or not shiboken6.isValid(window) or not window.isVisible():
            return []
        return window.findChildren(QGraphicsView)


def owning_window(obj: QObject) -> QWidget | None:
    """The window of the first widget up ``obj``'s parent chain (None: no widget above)."""
    parent = obj.parent()
    while parent is not None and not isinstance(parent, QWidget):
        parent = parent.parent()
    return parent.window() if isinstance(parent, QWidget) else None
