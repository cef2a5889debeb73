"""Mouse and keyboard handling of :class:`CanvasView` (a mixin placed before QGraphicsView).

A press picks a gesture from what is under the mouse: a neuron's rim (or Shift) connects,
an input's readout drags its value, a body moves (Qt's own item dragging, committed as one
``MoveNeurons`` on release), empty space adds a neuron with a tool or starts a rubber band.

Space is the canvas's own while it has the focus: held with a drag it pans, a tap (released
without a drag) emits ``space_tapped``, which the window connects to Run/Pause.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QMouseEvent, QWheelEvent

from neurosim.ui.canvas.gestures import ConnectGesture, ValueDrag, neuron_at
from neurosim.ui.canvas.menus import build_context_menu
from neurosim.ui.canvas.navigation import ZOOM_STEP
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.synapse_item import SynapseItem

_SHIFT = Qt.KeyboardModifier.ShiftModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_LEFT, _MIDDLE = Qt.MouseButton.LeftButton, Qt.MouseButton.MiddleButton
_ADD_KEYS = {Qt.Key.Key_I: "input", Qt.Key.Key_H: "hidden", Qt.Key.Key_O: "output"}


def _plain_space(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Space and mods == Qt.KeyboardModifier.NoModifier


class CanvasEvents:
    """The view's Qt event overrides."""

    def event(self, event: QEvent) -> bool:
        # Claim Space before the window's Space shortcut (Run/Pause) takes it: the canvas
        # tells a tap (space_tapped) from a hold-and-drag pan, which a shortcut cannot.
        if event.type() == QEvent.Type.ShortcutOverride and _plain_space(event):
            event.accept()
            return True
        return super().event(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_if_pending)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_legend()
        self._update_scene_rect()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = build_context_menu(self, self.mapToScene(event.pos()))
        menu.exec(event.globalPos())
        menu.deleteLater()
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key, mods = event.key(), event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if key in _ADD_KEYS and mods == Qt.KeyboardModifier.NoModifier:
            self.add_neuron_at_cursor(_ADD_KEYS[key])
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selection()
        elif key == Qt.Key.Key_Escape:
            self._escape()
        elif key == Qt.Key.Key_Space:
            if not event.isAutoRepeat():
                self._space_held = True
                self._space_dragged = False
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        elif event.matches(QKeySequence.StandardKey.SelectAll):
            self.select_all()
        elif event.matches(QKeySequence.StandardKey.Copy):
            self.copy_to_clipboard()
        elif event.matches(QKeySequence.StandardKey.Paste):
            self.paste_from_clipboard()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def keyReleaseEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            tapped = self._space_held and not self._space_dragged
            self._space_held = False
            self._pan_from = None
            self._update_cursor(self._last_mouse)
            if tapped:
                self.space_tapped.emit()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._space_held = False  # its release goes elsewhere now: no pan, no tap
        super().focusOutEvent(event)

    def _escape(self) -> None:
        if self._gesture is not None or self._pan_from is not None:
            self.cancel_interaction()
            self.status_message.emit("Cancelled")
        elif self._tool is not None:
            self.set_tool(None)
        else:
            self._scene.clearSelection()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = event.position().toPoint()
        scene_pos = self.mapToScene(point)
        button, mods = event.button(), event.modifiers()
        if button == _MIDDLE or (button == _LEFT and self._space_held):
            self._space_dragged = self._space_held
            self._pan_from = point
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == _LEFT and self._gesture is None:
            neuron = neuron_at(self._scene, scene_pos)
            if neuron is not None:
                zone = neuron.zone_at(neuron.mapFromScene(scene_pos))
                if zone == "port" or mods & _SHIFT:
                    self._gesture = ConnectGesture(
                        self._scene, self.document, neuron, self.status_message.emit
                    )
                    self._gesture.move(scene_pos)
                    event.accept()
                    return
                if zone == "readout" and not mods & _CTRL:
                    self.select([neuron.neuron_id])
                    self._gesture = ValueDrag(
                        self.document, neuron.neuron_id, point.y(), self.status_message.emit
                    )
                    event.accept()
                    return
            elif self._tool is not None and self.item_at(scene_pos) is None:
                self.add_neuron_at(self._tool, scene_pos)
                event.accept()
                return
            self._scene.style.dragging = True
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = event.position().toPoint()
        self._last_mouse = point
        if self._pan_from is not None:
            self._pan_by(point - self._pan_from)
            self._pan_from = point
        elif isinstance(self._gesture, ConnectGesture):
            self._gesture.move(self.mapToScene(point))
        elif isinstance(self._gesture, ValueDrag):
            self._gesture.move(point.y(), bool(event.modifiers() & _SHIFT))
        else:
            super().mouseMoveEvent(event)
            self._scene.flush_moves()
            if event.buttons() == Qt.MouseButton.NoButton:
                self._update_cursor(point)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = event.position().toPoint()
        if self._pan_from is not None and event.button() in (_MIDDLE, _LEFT):
            self._pan_from = None
            self._update_cursor(point)
        elif self._gesture is not None:
            gesture, self._gesture = self._gesture, None
            if isinstance(gesture, ConnectGesture):
                gesture.finish(self.mapToScene(point))
        else:
            super().mouseReleaseEvent(event)
            if event.button() == _LEFT:
                self._scene.style.dragging = False
                self._scene.flush_moves()
                self._commit_moves()
        event.accept()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != _LEFT:
            return super().mouseDoubleClickEvent(event)
        item = self.item_at(self.mapToScene(event.position().toPoint()))
        if isinstance(item, NeuronItem):
            self.edit_neuron(item.neuron_id)
        elif isinstance(item, SynapseItem):
            self.edit_weight(item.key)
        event.accept()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        mods = event.modifiers()
        angle = event.angleDelta()
        # Some platforms turn Alt+wheel into a horizontal wheel; either axis counts.
        notches = (angle.y() or angle.x()) / 120.0
        point = event.position().toPoint()
        if mods & _CTRL:
            self._zoom_about(point, ZOOM_STEP**notches)
        elif mods & _ALT:
            self.nudge_at(self.mapToScene(point), notches, bool(mods & _SHIFT))
        else:
            super().wheelEvent(event)
            return
        event.accept()

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._last_mouse = None
        super().leaveEvent(event)
