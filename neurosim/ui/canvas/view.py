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
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtCore import QPoint, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView, QWidget

from neurosim.core.layout import layered_positions
from neurosim.core.model import KINDS
from neurosim.ui.canvas import clipboard
from neurosim.ui.canvas.editing import CanvasEditing
from neurosim.ui.canvas.events import CanvasEvents
from neurosim.ui.canvas.gestures import ConnectGesture, Nudger, ValueDrag, neuron_at, push
from neurosim.ui.canvas.legend import LegendOverlay
from neurosim.ui.canvas.locks import LockMarks
from neurosim.ui.canvas.navigation import CanvasNavigation
from neurosim.ui.canvas.scene import NetworkScene
from neurosim.ui.canvas.synapse_item import SynapseItem
from neurosim.ui.commands import AddItems, AddNeuron, Command, DeleteItems, MoveNeurons
from neurosim.ui.document import Document
from neurosim.ui.theme import Palette, Theme

GRID = 20.0  # snap grid, model units
SELECT_HINT = (
    "Drag a neuron to move it · drag its rim (or Shift+drag) to connect · "
    "double-click to edit · I/H/O add neurons"
)


def tool_hint(kind: str | None) -> str:
    if kind is None:
        return SELECT_HINT
    article = "an" if kind[0] in "aeiou" else "a"
    return f"Click on empty space to add {article} {kind} neuron · Esc returns to select"


class CanvasView(CanvasEvents, CanvasNavigation, CanvasEditing, QGraphicsView):
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
        # The synapses live in the background layer: cached, they are not redrawn when
        # an evaluation only recolours the neurons.
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setMouseTracking(True)
        self.legend = LegendOverlay(self)
        self._tool: str | None = None
        self._gesture: ConnectGesture | ValueDrag | None = None
        self._pan_from: QPoint | None = None
        self._space_held = False
        self._space_dragged = False  # a pan happened while Space was held: no tap
        self._batch_select = False
        self._last_mouse: QPoint | None = None
        self._hint_zone: object = None
        self._fit_pending = True
        self._nudger = Nudger(document, self.status_message.emit)
        self._init_editing()
        self._rect_timer = QTimer(self)
        self._rect_timer.setSingleShot(True)
        self._rect_timer.timeout.connect(self._update_scene_rect)
        self._scene.selectionChanged.connect(self._on_scene_selection_changed)
        self._scene.geometry_changed.connect(self._rect_timer.start)
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
        """Push an edit; a refusal is explained in the status bar."""
        return push(self.document, command, self.status_message.emit)

    # ------------------------------------------------------------ selection
    def selected_neuron_ids(self) -> list[str]:
        return [nid for nid, item in self._scene.neurons.items() if item.isSelected()]

    def selected_synapse_keys(self) -> list[tuple[str, str]]:
        return [key for key, item in self._scene.synapses.items() if item.isSelected()]

    def select(self, neuron_ids=(), synapse_keys=()) -> None:
        """Make exactly these items the selection (unknown ids are skipped)."""
        self._batch_select = True
        try:
            self._scene.clearSelection()
            for nid in neuron_ids:
                if nid in self._scene.neurons:
                    self._scene.neurons[nid].setSelected(True)
            for key in synapse_keys:
                item = self._scene.synapses.get(tuple(key))
                if item is not None:
                    item.setSelected(True)
        finally:
            self._batch_select = False
        self.selection_changed.emit()

    def select_all(self) -> None:
        self.select(list(self._scene.neurons), list(self._scene.synapses))

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
        marks = getattr(self, "_lock_marks", None)
        if marks is None:
            marks = self._lock_marks = LockMarks(self._scene, self)
        marks.set_locked(neurons or {}, synapses or {}, partial)

    def set_badges(self, badges: Mapping[str, str]) -> None:
        """Short grey labels on neurons, e.g. ``{"h3": "✕ dead"}`` (training marks dead
        ReLUs with it); ``{}`` removes them all. They survive rebuilds of the scene."""
        marks = getattr(self, "_text_badges", None)
        if marks is None:
            from neurosim.ui.canvas.badges import TextBadges

            marks = self._text_badges = TextBadges(self._scene, self)
        marks.set_badges(badges)

    def badges(self) -> dict[str, str]:
        """The badges shown now: neuron id -> text."""
        marks = getattr(self, "_text_badges", None)
        return {} if marks is None else marks.shown()

    def _on_scene_selection_changed(self) -> None:
        if not self._batch_select:
            self.selection_changed.emit()

    # ---------------------------------------------------------------- edits
    def delete_selection(self) -> None:
        ids, keys = self.selected_neuron_ids(), self.selected_synapse_keys()
        if not ids and not keys:
            self.status_message.emit("Nothing is selected to delete")
            return
        self.push(DeleteItems(self.document.network, ids, keys))

    def copy_selection(self) -> dict | None:
        return clipboard.copy_payload(self.document.network, self.selected_neuron_ids())

    def paste(self, payload: dict, at: QPointF | None = None) -> None:
        """Add copies of the payload with fresh ids, 40 units down-right of the originals
        (or centred on the scene point ``at``), and select them."""
        try:
            offset = clipboard.PASTE_OFFSET
            if at is not None:
                offset = clipboard.offset_to(payload, self._scene.to_model(at))
            neurons, synapses = clipboard.paste_items(self.document.network, payload, offset)
        except ValueError as exc:
            self.status_message.emit(f"Cannot paste: {exc}")
            return
        if self.push(AddItems(self.document.network, neurons, synapses)):
            self.select([n.id for n in neurons], [s.key for s in synapses])
            self.status_message.emit(
                f"Pasted {len(neurons)} neuron(s) and {len(synapses)} synapse(s)"
            )

    def copy_to_clipboard(self) -> None:
        payload = self.copy_selection()
        if payload is None:
            self.status_message.emit("Select neurons to copy")
            return
        clipboard.put_on_clipboard(payload)
        self.status_message.emit(f"Copied {len(payload['neurons'])} neuron(s)")

    def paste_from_clipboard(self, at: QPointF | None = None) -> None:
        payload = clipboard.read_clipboard()
        if payload is None:
            self.status_message.emit("The clipboard holds no NeuroSim neurons")
            return
        self.paste(payload, at)

    def set_tool(self, kind: str | None) -> None:
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown tool {kind!r}; use one of {', '.join(KINDS)} or None")
        changed = kind != self._tool
        self._tool = kind
        self.viewport().setCursor(
            Qt.CursorShape.CrossCursor if kind else Qt.CursorShape.ArrowCursor
        )
        self.status_message.emit(tool_hint(kind))
        if changed:
            self.tool_changed.emit(kind)

    def tool(self) -> str | None:
        return self._tool

    def add_neuron_at(self, kind: str, scene_pos: QPointF) -> str | None:
        """Add a neuron centred at ``scene_pos`` (snapped if the grid is on) and select it."""
        x, y = self._scene.to_model(scene_pos)
        if self._scene.style.snap_grid:
            x, y = round(x / GRID) * GRID, round(y / GRID) * GRID
        command = AddNeuron(self.document.network, kind, (x, y))
        if not self.push(command) or command.neuron is None:
            return None
        self.select([command.neuron.id])
        return command.neuron.id

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
            self.status_message.emit("The network is already laid out")
        elif self.push(MoveNeurons(network, moves, "Auto-layout")):
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
        self._update_scene_rect()
        self.centerOn(centre * (self._scene.style.scale / old))
        self.legend.set_scale(factor)
        self._place_legend()

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
        self._fit_pending = True
        if self.isVisible():
            QTimer.singleShot(0, self._fit_if_pending)

    def _fit_if_pending(self) -> None:
        if self._fit_pending:
            self.fit_to_view()

    def cancel_interaction(self) -> None:
        """Drop any gesture or open editor without applying anything."""
        if isinstance(self._gesture, ConnectGesture):
            self._gesture.cancel()
        self._gesture = None
        self._pan_from = None
        self.close_editor()

    def item_at(self, scene_pos: QPointF) -> QGraphicsItem | None:
        """The neuron (preferred) or synapse at ``scene_pos``."""
        neuron = neuron_at(self._scene, scene_pos)
        if neuron is not None:
            return neuron
        for item in self._scene.items(scene_pos):
            if isinstance(item, SynapseItem):
                return item
        return None
