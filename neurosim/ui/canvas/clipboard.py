"""Copy and paste of a selection: a JSON-able payload and its re-identified duplicate.

The payload is ``{"neurons": [neuron dicts as in the file format], "synapses": [...]}`` with
only the synapses between copied neurons. Pasting validates it exactly as a file is
validated, gives every neuron a fresh id and shifts it by an offset; :func:`clear_of_others`
then moves the copies on, down-right, until none lies on a neuron already there (repeated
pastes cascade instead of piling up).
"""

from __future__ import annotations

import copy
import json
from typing import Any

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from neurosim.core import fileformat
from neurosim.core.model import ID_PREFIX, Network, Neuron, Synapse
from neurosim.ui.i18n import translate

#: The one clipboard type of a copied selection (the canvas's Copy and the window's Edit ▸ Copy
#: both use it). Not the file type (application/x-neurosim+json): a selection is no network.
MIME_TYPE = "application/x-neurosim-selection+json"
PASTE_OFFSET = (40.0, 40.0)
#: copies closer than this (model units) to a neuron already there would hide it
TOUCHING = 12.0


def copy_payload(network: Network, neuron_ids: list[str]) -> dict[str, Any] | None:
    """The selected neurons and the synapses among them, or None when nothing is selected."""
    chosen = set(neuron_ids)
    if not chosen:
        return None
    data = fileformat.to_dict(network)
    return {
        "neurons": [n for n in data["neurons"] if n["id"] in chosen],
        "synapses": [
            s for s in data["synapses"] if s["source"] in chosen and s["target"] in chosen
        ],
    }


def _fresh_id(kind: str, taken: set[str]) -> str:
    # Network.new_id, but also avoiding the ids this paste has handed out already.
    n = 1
    while f"{ID_PREFIX[kind]}{n}" in taken:
        n += 1
    return f"{ID_PREFIX[kind]}{n}"


def paste_items(
    network: Network, payload: Any, offset: tuple[float, float] = PASTE_OFFSET
) -> tuple[list[Neuron], list[Synapse]]:
    """Fresh copies of the payload's neurons and synapses, ready for ``AddItems``.

    Raises FileFormatError (a ValueError) when the payload is not a valid selection.
    """
    if not isinstance(payload, dict):
        raise fileformat.FileFormatError(
            translate("Selection", "the clipboard does not hold NeuroSim neurons")
        )
    checked = fileformat.from_dict(
        {
            "format": fileformat.FORMAT,
            "version": fileformat.VERSION,
            "neurons": payload.get("neurons"),
            "synapses": payload.get("synapses", []),
        }
    )
    taken = set(network.neurons)
    new_ids: dict[str, str] = {}
    neurons = []
    for old in checked:
        nid = _fresh_id(old.kind, taken)
        taken.add(nid)
        new_ids[old.id] = nid
        neuron = copy.deepcopy(old)
        neuron.id = nid
        if old.label == old.id:  # a label that was just the id follows the new id
            neuron.label = nid
        neuron.position = (old.position[0] + offset[0], old.position[1] + offset[1])
        neurons.append(neuron)
    synapses = [
        Synapse(new_ids[s.source], new_ids[s.target], s.weight, s.frozen)
        for s in checked.synapses.values()
    ]
    return neurons, synapses


def clear_of_others(network: Network, neurons: list[Neuron]) -> None:
    """Shift the copies by ``PASTE_OFFSET`` until none of them sits on a neuron of
    ``network``: the second paste of the same copy lands beside the first, not on it."""
    taken = [n.position for n in network]
    for _ in range(100):  # a network 100 offsets deep in one diagonal is beyond any lesson
        if not any(_touching(n.position, taken) for n in neurons):
            return
        for n in neurons:
            n.position = (n.position[0] + PASTE_OFFSET[0], n.position[1] + PASTE_OFFSET[1])


def _touching(point: tuple[float, float], others: list[tuple[float, float]]) -> bool:
    return any(abs(point[0] - x) < TOUCHING and abs(point[1] - y) < TOUCHING for x, y in others)


def offset_to(payload: Any, point: tuple[float, float]) -> tuple[float, float]:
    """The shift that centres the payload's neurons on ``point`` (model units)."""
    try:
        xs = [float(n["position"][0]) for n in payload["neurons"]]
        ys = [float(n["position"][1]) for n in payload["neurons"]]
    except (KeyError, TypeError, ValueError, IndexError):
        return PASTE_OFFSET  # paste_items says what is wrong with the payload
    if not xs:
        return PASTE_OFFSET
    return (point[0] - (min(xs) + max(xs)) / 2, point[1] - (min(ys) + max(ys)) / 2)


def put_on_clipboard(payload: dict[str, Any]) -> None:
    """Place a payload on the system clipboard (our MIME type, plus JSON text)."""
    text = json.dumps(payload, ensure_ascii=False)
    mime = QMimeData()
    mime.setData(MIME_TYPE, text.encode("utf-8"))
    mime.setText(text)
    QGuiApplication.clipboard().setMimeData(mime)


def read_clipboard() -> dict[str, Any] | None:
    """The payload on the system clipboard, or None when it holds no NeuroSim neurons."""
    mime = QGuiApplication.clipboard().mimeData()
    if mime is None:
        return None
    if mime.hasFormat(MIME_TYPE):
        text = bytes(mime.data(MIME_TYPE).data()).decode("utf-8", "replace")
    elif mime.hasText():
        text = mime.text()
    else:
        return None
    try:
        data = json.loads(text)
    except ValueError:
        return None
    return data if isinstance(data, dict) and "neurons" in data else None
