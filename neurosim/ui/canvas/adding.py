"""The add-neuron tool: I / H / O or the toolbar pick a kind; a click on empty space adds
one there (snapped to the grid if it is on); Esc returns to selecting."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QWidget

from neurosim.core.model import KINDS
from neurosim.ui.canvas.gestures import Status
from neurosim.ui.canvas.scene import NetworkScene
from neurosim.ui.commands import AddNeuron
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate

GRID = 20.0  # snap grid, model units


def tool_hint(kind: str | None) -> str:
    """The status bar's word on the tool: what a click does with it."""
    if kind == "input":
        return translate(
            "AddNeuronTool", "Click on empty space to add an input neuron · Esc returns to select"
        )
    if kind == "hidden":
        return translate(
            "AddNeuronTool", "Click on empty space to add a hidden neuron · Esc returns to select"
        )
    if kind == "output":
        return translate(
            "AddNeuronTool", "Click on empty space to add an output neuron · Esc returns to select"
        )
    return translate(
        "AddNeuronTool",
        "Drag a neuron to move it · drag its rim (or Shift+drag) to connect · "
        "double-click to edit · I/H/O add neurons",
    )


class AddNeuronTool:
    """Owns the kind of neuron a click adds (None: the select tool is on).

    ``changed`` is called with the new kind when it changes; ``select`` selects the neuron
    added; the cursor is set on ``viewport``.
    """

    def __init__(
        self,
        scene: NetworkScene,
        document: Document,
        viewport: QWidget,
        status: Status,
        changed: Callable[[str | None], None],
        select: Callable[[str], None],
    ) -> None:
        self.scene, self.document, self.viewport, self.status = scene, document, viewport, status
        self._changed, self._select = changed, select
        self.kind: str | None = None

    def set_kind(self, kind: str | None) -> None:
        if kind is not None and kind not in KINDS:
            raise ValueError(f"unknown tool {kind!r}; use one of {', '.join(KINDS)} or None")
        changed = kind != self.kind
        self.kind = kind
        self.viewport.setCursor(Qt.CursorShape.CrossCursor if kind else Qt.CursorShape.ArrowCursor)
        self.status(tool_hint(kind))
        if changed:
            self._changed(kind)

    def add_at(self, kind: str, scene_pos: QPointF) -> str | None:
        """Add a neuron centred at ``scene_pos`` (snapped if the grid is on) and select it."""
        x, y = self.scene.to_model(scene_pos)
        if self.scene.style.snap_grid:
            x, y = round(x / GRID) * GRID, round(y / GRID) * GRID
        command = AddNeuron(self.document.network, kind, (x, y))
        if not self.document.push(command) or command.neuron is None:
            return None
        self._select(command.neuron.id)
        return command.neuron.id
