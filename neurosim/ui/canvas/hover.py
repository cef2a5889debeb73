"""Hover feedback on the canvas: the cursor and a status hint for what a press would grab."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QPoint, Qt
from PySide6.QtWidgets import QGraphicsView

from neurosim.ui.canvas.gestures import Status, item_at, neuron_at
from neurosim.ui.canvas.scene import NetworkScene
from neurosim.ui.canvas.synapse_item import SynapseItem
from neurosim.ui.i18n import translate

HINTS = {
    "port": QT_TRANSLATE_NOOP(
        "HoverHints", "Drag from the rim onto a hidden or output neuron to connect {id}"
    ),
    "readout": QT_TRANSLATE_NOOP(
        "HoverHints",
        "Drag up/down to change {id} (Shift: finer) · double-click to type · Alt+wheel nudges",
    ),
    "body": QT_TRANSLATE_NOOP(
        "HoverHints", "Drag to move {id} · double-click to edit its bias · Alt+wheel nudges it"
    ),
    "input body": QT_TRANSLATE_NOOP(
        "HoverHints", "Drag to move {id} · double-click to edit its value · Alt+wheel nudges it"
    ),
    "synapse": QT_TRANSLATE_NOOP(
        "HoverHints",
        "{id}: double-click to type the weight · Alt+wheel nudges it (Shift: finer)",
    ),
}
CURSORS = {
    "port": Qt.CursorShape.CrossCursor,
    "readout": Qt.CursorShape.SizeVerCursor,
    "body": Qt.CursorShape.OpenHandCursor,
    "synapse": Qt.CursorShape.PointingHandCursor,
}


class HoverHints:
    """Sets ``view``'s cursor for the zone under the mouse and says, once per zone, what a
    press there does. Owns the zone last hinted at."""

    def __init__(self, view: QGraphicsView, scene: NetworkScene, status: Status) -> None:
        self.view, self.scene, self.status = view, scene, status
        self._hinted: object = None

    def update(self, point: QPoint | None, panning: bool, adding: bool) -> None:
        """``point``: the mouse in the viewport (None: elsewhere); ``panning``: Space is
        held; ``adding``: an add-neuron tool is on."""
        viewport = self.view.viewport()
        if panning:
            viewport.setCursor(Qt.CursorShape.OpenHandCursor)
            return
        zone, ident, hint_of = None, "", None
        if point is not None:
            scene_pos = self.view.mapToScene(point)
            neuron = neuron_at(self.scene, scene_pos)
            if neuron is not None:
                zone = neuron.zone_at(neuron.mapFromScene(scene_pos))
                ident = neuron.neuron_id
                hint_of = "input body" if neuron.kind == "input" and zone == "body" else zone
            else:
                item = item_at(self.scene, scene_pos)
                if isinstance(item, SynapseItem):
                    zone, ident = "synapse", f"{item.key[0]} → {item.key[1]}"
                    hint_of = zone
        if zone in CURSORS:
            viewport.setCursor(CURSORS[zone])
        else:
            viewport.setCursor(Qt.CursorShape.CrossCursor if adding else Qt.CursorShape.ArrowCursor)
        hint = (zone, ident)
        if hint != self._hinted:
            self._hinted = hint
            if hint_of in HINTS:
                self.status(translate("HoverHints", HINTS[hint_of]).format(id=ident))
