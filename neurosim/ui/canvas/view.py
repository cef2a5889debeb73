"""CanvasView: the network drawn live, edited with the mouse and the keyboard.

Gestures (also in the items' tooltips and the status messages):
- drag a neuron's body: move it (and the selection); release = one "Move" undo step
- drag a neuron's rim (crosshair cursor), or Shift+drag anywhere on it: connect
- drag an input's lower half up/down: change its value live (one undo step)
- double-click: type a weight, bias or input value in place; Alt+wheel nudges it
- I / H / O: add a neuron under the mouse; Delete removes the selection; Esc cancels
- Ctrl+wheel zooms around the mouse; middle-drag or Space+drag pans; a tap of Space
  emits ``space_tapped`` (the window runs or pauses the clock)

Signals:
    selection_changed(): the selection in the scene changed.
    status_message(str): status-bar text: tool hints, why an edit was refused.
    tool_changed(object): the add-neuron tool changed ("input"/"hidden"/"output" or None).
    space_tapped(): Space was pressed and released without a drag (a pan) in between.

The view handles Qt's events and hands each to the tool that owns that state: a
:class:`~.navigation.PanTool` (Space and the middle button), a
:class:`~.gestures.GestureTool` (connect, drag a value), an
:class:`~.editing.InPlaceEditor` and a :class:`~.editing.Nudger` (typed and wheeled
numbers), :class:`~.hover.HoverHints` (cursor and hints); zoom and fit are the
:class:`~.navigation.Navigator`'s; :class:`~.selection.Selection` holds the selection and
copies, pastes and deletes it; :class:`~.adding.AddNeuronTool` the add-neuron tool. The
view's own methods are the public face of these (menus, actions and tests call them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from neurosim.core.layout import layered_positions
from neurosim.core.model import SynapseKey
from neurosim.ui.canvas.adding import GRID, AddNeuronTool
from neurosim.ui.canvas.badges import TextBadges
from neurosim.ui.canvas.editing import InPlaceEditor, Nudger
from neurosim.ui.canvas.editors import ValueEditor
from neurosim.ui.canvas.gestures import GestureTool, item_at
from neurosim.ui.canvas.hover import HoverHints
from neurosim.ui.canvas.legend import LegendOverlay
from neurosim.ui.canvas.locks import LockMarks
from neurosim.ui.canvas.menus import build_context_menu
from neurosim.ui.canvas.navigation import ZOOM_STEP, Navigator, PanTool
from neurosim.ui.canvas.neuron_item import NeuronItem
from neurosim.ui.canvas.scene import NetworkScene
from neurosim.ui.canvas.selection import Selection
from neurosim.ui.canvas.synapse_item import SynapseItem
from neurosim.ui.commands import Command, MoveNeurons
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate
from neurosim.ui.theme import Palette, Theme

_SHIFT = Qt.KeyboardModifier.ShiftModifier
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_LEFT = Qt.MouseButton.LeftButton
_ADD_KEYS = {Qt.Key.Key_I: "input", Qt.Key.Key_H: "hidden", Qt.Key.Key_O: "output"}


def _plain_space(event: QKeyEvent) -> bool:
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    return event.key() == Qt.Key.Key_Space and mods == Qt.KeyboardModifier.NoModifier


class CanvasView(QGraphicsView):
    selection_changed = Signal()
    status_message = Signal(str)
    tool_changed = Signal(object)
    space_tapped = Signal()

    def __init__(
        self, document: Document, parent: QWidget | None = None, *, theme: Theme | None = None
    ) -> None:
        super().__init__(parent)
        self.document = document
        self._scene = NetworkScene(self)
        self.setScene(self._scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.ContainsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        # A few changed places (a sparse network's live step, a slider's synapse) repaint
        # just those; many (every neuron of a big network) one rectangle around them, not a
        # region built rectangle by rectangle that every item's paint is clipped against.
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # The synapses live in the background layer: cached, they are not redrawn when
        # an evaluation only recolours the neurons.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.legend = LegendOverlay(self)
        status = self._status
        self.navigator = Navigator(self, self._scene, self.legend)
        self.pan = PanTool(self.navigator, self.viewport().setCursor)
        self.gestures = GestureTool(self._scene, document, status, self._select_one)
        self.editing = InPlaceEditor(self, self._scene, document, status)
        self.nudger = Nudger(self._scene, document)
        self.hover = HoverHints(self, self._scene, status)
        self.lock_marks = LockMarks(self._scene, self)
        self.text_badges = TextBadges(self._scene, self)
        self.selection = Selection(self._scene, document, status, self._selection_made)
        self.adding = AddNeuronTool(
            self._scene, document, self.viewport(), status, self._tool_changed, self._select_one
        )
        self._last_mouse: QPoint | None = None
        self._rect_timer = QTimer(self)
        self._rect_timer.setSingleShot(True)
        self._rect_timer.timeout.connect(self._update_scene_rect)
        self._scene.selectionChanged.connect(self._on_scene_selection_changed)
        self._scene.geometry_changed.connect(self._rect_timer.start)
        self._scene.follow(document)
        document.network_replaced.connect(self._on_network_replaced)
        document.evaluated.connect(self._scene.apply_evaluation)
        self.theme = theme if theme is not None else Theme(parent=self)  # None: light, its own
        self._take_palette(self.theme.palette)
        self.theme.changed.connect(self._on_theme_changed)
        self._scene.show_network(document.network, document.evaluation)

    @property
    def network_scene(self) -> NetworkScene:
        return self._scene

    def push(self, command: Command) -> bool:
        """Push an edit; the document checks it and reports a refusal."""
        return self.document.push(command)

    # ---------------------------------------------------------------- events
    def event(self, event: QEvent) -> bool:
        # Claim Space before the window's Space shortcut (Run/Pause) takes it: the canvas
        # tells a tap (space_tapped) from a hold-and-drag pan, which a shortcut cannot.
        if event.type() == QEvent.Type.ShortcutOverride and _plain_space(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self, self._fit_if_pending)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.navigator.place_legend()
        self.navigator.update_scene_rect()

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
                self.pan.space_pressed()
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
            tapped = self.pan.space_released()
            self._update_cursor(self._last_mouse)
            if tapped:
                self.space_tapped.emit()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.pan.focus_lost()
        super().focusOutEvent(event)

    def _escape(self) -> None:
        if self.gestures.active or self.pan.active:
            self.cancel_interaction()
            self.status_message.emit(translate("CanvasView", "Cancelled"))
        elif self.adding.kind is not None:
            self.set_tool(None)
        else:
            self._scene.clearSelection()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = event.position().toPoint()
        scene_pos = self.mapToScene(point)
        if self.pan.press(point, event.button()):
            event.accept()
            return
        if event.button() == _LEFT and not self.gestures.active:
            if self.gestures.press(scene_pos, point.y(), event.modifiers()):
                event.accept()
                return
            if self.adding.kind is not None and self.item_at(scene_pos) is None:
                self.add_neuron_at(self.adding.kind, scene_pos)
                event.accept()
                return
            self._scene.style.dragging = True
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = event.position().toPoint()
        self._last_mouse = point
        fine = bool(event.modifiers() & _SHIFT)
        if not self.pan.move(point) and not self.gestures.move(
            self.mapToScene(point), point.y(), fine
        ):
            super().mouseMoveEvent(event)
            self._scene.flush_moves()
            if event.buttons() == Qt.MouseButton.NoButton:
                self._update_cursor(point)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        point = event.position().toPoint()
        if self.pan.release(event.button()):
            self._update_cursor(point)
        elif not self.gestures.release(self.mapToScene(point)):
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
            self.navigator.zoom_about(point, ZOOM_STEP**notches)
        elif mods & _ALT:
            self.nudge_at(self.mapToScene(point), notches, bool(mods & _SHIFT))
        else:
            super().wheelEvent(event)
            return
        event.accept()

    def leaveEvent(self, event) -> None:  # noqa: N802 - Qt override
        self._last_mouse = None
        super().leaveEvent(event)

    def _update_cursor(self, point: QPoint | None) -> None:
        self.hover.update(point, self.pan.space_held, self.adding.kind is not None)

    # ------------------------------------------------------------ selection
    def selected_neuron_ids(self) -> list[str]:
        return self.selection.neuron_ids()

    def selected_synapse_keys(self) -> list[SynapseKey]:
        return self.selection.synapse_keys()

    def select(self, neuron_ids: Iterable[str] = (), synapse_keys: Iterable = ()) -> None:
        """Make exactly these items the selection (unknown ids are skipped)."""
        self.selection.select(neuron_ids, synapse_keys)

    def select_all(self) -> None:
        self.selection.select_all()

    def _select_one(self, neuron_id: str) -> None:
        self.select([neuron_id])

    # The tools call back through the view's own methods: Qt drops a connection to a
    # method of the view when the view goes, and a signal is emitted from the live view.
    def _on_scene_selection_changed(self) -> None:
        if not self.selection.batch:
            self.selection_changed.emit()

    def _selection_made(self) -> None:
        self.selection_changed.emit()

    def _status(self, text: str) -> None:
        self.status_message.emit(text)

    def _tool_changed(self, kind: str | None) -> None:
        self.tool_changed.emit(kind)

    def _update_scene_rect(self) -> None:
        self.navigator.update_scene_rect()

    def set_locked(
        self,
        neurons: Mapping[str, str] | None = None,
        synapses: Mapping[tuple[str, str], str] | None = None,
        partial: Iterable[str] = (),
    ) -> None:
        """Mark these neurons and synapses with a padlock whose tooltip is the text given
        (why they are locked); ``partial`` neurons get an open padlock (only some of their
        fields are locked). The marks survive rebuilds; no arguments: no marks. Only a
        picture: edits are refused by ``document.lock_policy``."""
        self.lock_marks.set_locked(neurons or {}, synapses or {}, partial)

    def set_badges(self, badges: Mapping[str, str]) -> None:
        """Short grey labels on neurons, e.g. ``{"h3": "✕ dead"}`` (training marks dead
        ReLUs with it); ``{}`` removes them all. They survive rebuilds of the scene."""
        self.text_badges.set_badges(badges)

    def badges(self) -> dict[str, str]:
        """The badges shown now: neuron id -> text."""
        return self.text_badges.shown()

    # ---------------------------------------------------------------- edits
    def delete_selection(self) -> None:
        self.selection.delete()

    def copy_selection(self) -> dict | None:
        return self.selection.copy()

    def paste(self, payload: dict, at: QPointF | None = None) -> None:
        """Add copies of the payload with fresh ids and select them: centred on the scene
        point ``at``, else on the mouse pointer when it is over the canvas, else 40 units
        down-right of the originals; never on top of a neuron already there."""
        self.selection.paste(payload, at if at is not None else self._pointer_in_scene())

    def copy_to_clipboard(self) -> None:
        self.selection.copy_to_clipboard()

    def paste_from_clipboard(self, at: QPointF | None = None) -> None:
        self.selection.paste_from_clipboard(at if at is not None else self._pointer_in_scene())

    def _pointer_in_scene(self) -> QPointF | None:
        """Where the mouse is on the canvas (scene units), or None when it is elsewhere."""
        point = self._last_mouse
        if point is None or not self.viewport().rect().contains(point):
            return None
        return self.mapToScene(point)

    def set_tool(self, kind: str | None) -> None:
        """The add-neuron tool for ``kind`` ("input", "hidden", "output"), None: select."""
        self.adding.set_kind(kind)

    def tool(self) -> str | None:
        return self.adding.kind

    def add_neuron_at(self, kind: str, scene_pos: QPointF) -> str | None:
        """Add a neuron centred at ``scene_pos`` (snapped if the grid is on) and select it."""
        return self.adding.add_at(kind, scene_pos)

    def add_neuron_at_cursor(self, kind: str) -> None:
        self.add_neuron_at(kind, self.mapToScene(self._cursor_point()))

    def _cursor_point(self) -> QPoint:
        """The mouse in viewport coordinates, or the viewport's centre if it is elsewhere."""
        if self._last_mouse is not None and self.viewport().rect().contains(self._last_mouse):
            return self._last_mouse
        return self.viewport().rect().center()

    def auto_layout(self) -> None:
        network = self.document.network
        moves = {
            nid: (network.neurons[nid].position, pos)
            for nid, pos in layered_positions(network).items()
            if tuple(network.neurons[nid].position) != tuple(pos)
        }
        if not moves:
            self.status_message.emit(translate("CanvasView", "The network is already laid out"))
        elif self.push(MoveNeurons(network, moves, translate("CanvasView", "Auto-layout"))):
            self.fit_to_view()

    def _commit_moves(self) -> None:
        """After a drag: one MoveNeurons for every neuron whose picture left its position."""
        network = self.document.network
        moves = {}
        for nid in self._scene.neurons:
            new = self._scene.item_position(nid)
            if new is not None:
                moves[nid] = (network.neurons[nid].position, new)
        if moves:
            self.push(MoveNeurons(network, moves))

    # -------------------------------------------------------------- display
    def set_show_weights(self, on: bool) -> None:
        self._scene.set_show_weights(on)

    def set_show_values(self, on: bool) -> None:
        self._scene.set_show_values(on)

    def set_snap_to_grid(self, on: bool) -> None:
        self._scene.set_snap_grid(GRID if on else None)

    def set_presentation_scale(self, factor: float) -> None:
        """Neurons, text and lines ``factor`` times larger (the layout too, so nothing
        crowds); the point at the view's centre stays there."""
        old = self._scene.style.scale
        centre = self.mapToScene(self.viewport().rect().center())
        self._scene.set_presentation_scale(factor)
        self.navigator.update_scene_rect()
        self.centerOn(centre * (self._scene.style.scale / old))
        self.legend.set_scale(factor)
        self.navigator.place_legend()

    def _take_palette(self, palette: Palette) -> None:
        self._scene.style.set_colours(palette.canvas)
        self._scene.setBackgroundBrush(self._scene.style.ground)
        self.legend.set_colours(palette.canvas)

    def _on_theme_changed(self, palette: Palette) -> None:
        """Repaint everything in the new theme's ground and ink."""
        self._take_palette(palette)
        self._scene.refresh_all()
        self.resetCachedContent()
        self._scene.update()
        self.legend.update()
        self.viewport().update()

    # --------------------------------------------------------------- model
    def _on_network_replaced(self) -> None:
        self.cancel_interaction()
        self._scene.show_network(self.document.network, self.document.evaluation)
        self.navigator.fit_pending = True
        if self.isVisible():  # not after the view is gone: ``self`` is the timer's context
            QTimer.singleShot(0, self, self._fit_if_pending)

    def _fit_if_pending(self) -> None:
        # A method of the view itself: PySide looks a context's functor up on the context.
        self.navigator.fit_if_pending()

    def cancel_interaction(self) -> None:
        """Drop any gesture or open editor without applying anything."""
        self.gestures.cancel()
        self.pan.cancel()
        self.close_editor()

    def item_at(self, scene_pos: QPointF) -> QGraphicsItem | None:
        """The neuron (preferred) or synapse at ``scene_pos``."""
        return item_at(self._scene, scene_pos)

    # ------------------------------------------------- zoom, editors (the tools')
    def zoom(self) -> float:
        return self.navigator.zoom()

    def zoom_in(self) -> None:
        self.navigator.zoom_centre(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.navigator.zoom_centre(1 / ZOOM_STEP)

    def network_rect(self) -> QRectF | None:
        """What the neurons cover, in scene coordinates (None: no neurons)."""
        rect = None
        for item in self._scene.neurons.values():
            box = item.sceneBoundingRect()
            rect = box if rect is None else rect.united(box)
        return rect

    def fit_to_view(self) -> None:
        """Zoom so the whole network shows as large as possible, clear of the legend."""
        self.navigator.fit()

    def edit_weight(self, key: SynapseKey) -> None:
        """Open a line editor on the synapse's label; Enter applies, Esc cancels."""
        self.editing.edit_weight(key)

    def edit_neuron(self, neuron_id: str, together: list[str] | None = None) -> None:
        """Open a line editor for an input's value or another neuron's bias (of all the
        neurons ``together``, like it an input or not, in one step)."""
        self.editing.edit_neuron(neuron_id, together)

    def editor(self) -> ValueEditor | None:
        """The open in-place editor, if any (for tests and the main window)."""
        return self.editing.editor

    def close_editor(self) -> None:
        self.editing.close()

    def nudge_at(self, scene_pos: QPointF, notches: float, fine: bool) -> bool:
        """Alt+wheel over a synapse, neuron or input: nudge its weight, bias or value."""
        return self.nudger.nudge_at(scene_pos, notches, fine)
