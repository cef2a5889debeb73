"""What is selected on the canvas, and the edits that act on it: delete, copy, paste."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QPointF

from neurosim.core.model import SynapseKey
from neurosim.ui.canvas import clipboard
from neurosim.ui.canvas.gestures import Status
from neurosim.ui.canvas.scene import NetworkScene
from neurosim.ui.commands import AddItems, DeleteItems
from neurosim.ui.document import Document
from neurosim.ui.i18n import translate


class Selection:
    """The selected items of ``scene``; ``changed`` is called once for a selection made in
    one go. Owns ``batch``: True while it selects (the scene's own selectionChanged, which
    the view follows, is to be ignored meanwhile)."""

    def __init__(
        self,
        scene: NetworkScene,
        document: Document,
        status: Status,
        changed: Callable[[], None],
    ) -> None:
        self.scene, self.document, self.status, self._changed = scene, document, status, changed
        self.batch = False

    def neuron_ids(self) -> list[str]:
        return [nid for nid, item in self.scene.neurons.items() if item.isSelected()]

    def synapse_keys(self) -> list[SynapseKey]:
        return [key for key, item in self.scene.synapses.items() if item.isSelected()]

    def select(self, neuron_ids: Iterable[str] = (), synapse_keys: Iterable = ()) -> None:
        """Make exactly these items the selection (unknown ids are skipped)."""
        self.batch = True
        try:
            self.scene.clearSelection()
            for nid in neuron_ids:
                if nid in self.scene.neurons:
                    self.scene.neurons[nid].setSelected(True)
            for key in synapse_keys:
                item = self.scene.synapses.get(tuple(key))
                if item is not None:
                    item.setSelected(True)
        finally:
            self.batch = False
        self._changed()

    def select_all(self) -> None:
        self.select(list(self.scene.neurons), list(self.scene.synapses))

    # ---------------------------------------------------------------- edits
    def delete(self) -> None:
        ids, keys = self.neuron_ids(), self.synapse_keys()
        if not ids and not keys:
            self.status(translate("Selection", "Nothing is selected to delete"))
            return
        self.document.push(DeleteItems(self.document.network, ids, keys))

    def copy(self) -> dict[str, Any] | None:
        return clipboard.copy_payload(self.document.network, self.neuron_ids())

    def paste(self, payload: dict, at: QPointF | None = None) -> None:
        """Add copies of the payload with fresh ids, 40 units down-right of the originals
        (or centred on the scene point ``at``), never on a neuron already there, and select
        them."""
        network = self.document.network
        try:
            offset = clipboard.PASTE_OFFSET
            if at is not None:
                offset = clipboard.offset_to(payload, self.scene.to_model(at))
            neurons, synapses = clipboard.paste_items(network, payload, offset)
            clipboard.clear_of_others(network, neurons)
        except ValueError as exc:
            self.status(translate("Selection", "Cannot paste: {reason}").format(reason=exc))
            return
        if self.document.push(AddItems(network, neurons, synapses)):
            self.select([n.id for n in neurons], [s.key for s in synapses])
            n, k = len(neurons), len(synapses)  # (lupdate reads no call in a count argument)
            self.status(
                translate("Selection", "Pasted {neurons} and {synapses}").format(
                    neurons=translate("Selection", "%n neuron(s)", "", n),
                    synapses=translate("Selection", "%n synapse(s)", "", k),
                )
            )

    def copy_to_clipboard(self) -> None:
        payload = self.copy()
        if payload is None:
            self.status(translate("Selection", "Select neurons to copy"))
            return
        clipboard.put_on_clipboard(payload)
        n = len(payload["neurons"])  # (lupdate reads no call in a count argument)
        self.status(translate("Selection", "Copied %n neuron(s)", "", n))

    def paste_from_clipboard(self, at: QPointF | None = None) -> None:
        payload = clipboard.read_clipboard()
        if payload is None:
            self.status(translate("Selection", "The clipboard holds no NeuroSim neurons"))
            return
        self.paste(payload, at)
