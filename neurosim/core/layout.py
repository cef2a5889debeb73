"""Automatic layout: columns by topological depth, inputs left, outputs right."""

from __future__ import annotations

from neurosim.core.model import Network

COLUMN_GAP = 180.0
ROW_GAP = 90.0


def layered_positions(network: Network) -> dict[str, tuple[float, float]]:
    """Positions putting each neuron in the column of its depth, outputs in the last column.

    Columns are centred vertically on y = 0; within a column neurons keep their current
    top-to-bottom order so a re-layout does not shuffle what the user arranged.
    """
    depth = network.depths()
    last = max(depth.values(), default=0)
    columns: dict[int, list[str]] = {}
    for nid, d in depth.items():
        neuron = network.neurons[nid]
        col = last if neuron.kind == "output" and last > 0 else d
        columns.setdefault(col, []).append(nid)
    order = {nid: i for i, nid in enumerate(network.neurons)}
    positions: dict[str, tuple[float, float]] = {}
    for col, ids in columns.items():
        ids.sort(key=lambda nid: (network.neurons[nid].position[1], order[nid]))
        top = -(len(ids) - 1) * ROW_GAP / 2
        for row, nid in enumerate(ids):
            positions[nid] = (col * COLUMN_GAP, top + row * ROW_GAP)
    return positions
