"""``Network.evaluate``: every neuron's z, y and fired for a batch of input rows."""

from __future__ import annotations

import html
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np

from neurosim.core.engine import Engine
from neurosim.core.model import Network

#: rows a table shows in a notebook before "… N more rows"
SHOWN_ROWS = 20


@dataclass(frozen=True)
class Result:
    """The figures of every neuron for each input row (arrays of length ``len(result)``).

    ``result.y["h1"]`` is h1's output per row; ``result["h1"]`` gives its z, y and fired
    together. z is NaN and fired is False for the inputs, whose y is their value.
    ``active_fraction`` is the share of hidden neurons whose output is not 0, per row
    (None without hidden neurons), as the sparsity plot counts.
    """

    ids: tuple[str, ...]
    z: dict[str, np.ndarray]
    y: dict[str, np.ndarray]
    fired: dict[str, np.ndarray]
    active_fraction: np.ndarray | None

    def __len__(self) -> int:
        return len(next(iter(self.y.values()))) if self.y else 0

    def __getitem__(self, neuron_id: str) -> dict[str, np.ndarray]:
        return {"z": self.z[neuron_id], "y": self.y[neuron_id], "fired": self.fired[neuron_id]}

    def rows(self) -> list[dict[str, float]]:
        """One dict per input row: each neuron's output y by id."""
        return [{nid: float(self.y[nid][r]) for nid in self.ids} for r in range(len(self))]

    def __repr__(self) -> str:
        head = "row  " + "  ".join(f"{nid:>10.10}" for nid in self.ids)
        lines = [head]
        for r in range(min(len(self), SHOWN_ROWS)):
            cells = "  ".join(
                f"{self.y[nid][r]:>9.4g}{'*' if self.fired[nid][r] else ' '}" for nid in self.ids
            )
            lines.append(f"{r:>3}  {cells}")
        if len(self) > SHOWN_ROWS:
            lines.append(f"… {len(self) - SHOWN_ROWS} more rows")
        return "Result: y of every neuron per input row (* fired)\n" + "\n".join(lines)

    def _repr_html_(self) -> str:
        head = "".join(f"<th>{html.escape(nid)}</th>" for nid in self.ids)
        body = []
        for r in range(min(len(self), SHOWN_ROWS)):
            cells = "".join(
                f"<td>{self.y[nid][r]:.4g}{'*' if self.fired[nid][r] else ''}</td>"
                for nid in self.ids
            )
            body.append(f"<tr><th>{r}</th>{cells}</tr>")
        more = len(self) - SHOWN_ROWS
        tail = f"<p>… {more} more rows</p>" if more > 0 else ""
        note = "<p>y of every neuron per input row; * fired</p>"
        return f"<table><tr><th>row</th>{head}</tr>{''.join(body)}</table>{tail}{note}"


def input_matrix(network: Network, engine: Engine, inputs: Any) -> np.ndarray | None:
    """``inputs`` as rows in the engine's input order; None means the stored values.

    A mapping gives some inputs by id (numbers or equal-length sequences; the others keep
    their stored values); an array has one column per input in the network's order of inputs."""
    if inputs is None:
        return None
    order = engine.input_ids
    if isinstance(inputs, Mapping):
        unknown = [k for k in inputs if k not in order]
        if unknown:
            raise ValueError(
                f"no input neuron {unknown[0]!r}; the inputs are {', '.join(order) or 'none'}"
            )
        columns = [
            np.atleast_1d(np.asarray(inputs.get(i, network.neurons[i].value), float)) for i in order
        ]
        rows = max((len(c) for c in columns), default=1)
        if any(len(c) not in (1, rows) for c in columns):
            raise ValueError("the inputs' sequences differ in length")
        return np.column_stack([np.broadcast_to(c, (rows,)) for c in columns])
    x = np.asarray(inputs, dtype=float)
    x = x[None, :] if x.ndim == 1 else x
    named = [n.id for n in network.of_kind("input")]
    if x.ndim != 2 or x.shape[1] != len(named):
        raise ValueError(
            f"expected rows of {len(named)} input values ({', '.join(named)}), "
            f"got an array of shape {np.shape(inputs)}"
        )
    return x[:, [named.index(i) for i in order]]


def evaluate(network: Network, inputs: Any = None) -> Result:
    engine = Engine(network)
    try:
        with np.errstate(over="ignore", invalid="ignore"):
            ev = engine.evaluate(input_matrix(network, engine, inputs))
    finally:
        engine.detach()
    ids = tuple(network.neurons)
    col = ev.index
    return Result(
        ids,
        {nid: ev.z[:, col[nid]].copy() for nid in ids},
        {nid: ev.y[:, col[nid]].copy() for nid in ids},
        {nid: ev.fired[:, col[nid]].copy() for nid in ids},
        None if ev.active_fraction is None else ev.active_fraction.copy(),
    )
