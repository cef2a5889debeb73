"""The engine's compiled network read as what an exported script needs: its columns, and
per level the slice it reads, its weights, which entries are synapses, and its activations."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from neurosim.core.activations import SILENT_EPS
from neurosim.core.engine import compile_network
from neurosim.core.export import literals as lit
from neurosim.core.localized_text import english
from neurosim.core.model import Network


@dataclass(frozen=True)
class GroupPlan:
    """Columns [lo, hi) of a level (relative to its start) sharing one activation."""

    activation: str
    lo: int
    hi: int
    #: each parameter as one number when every column has the same value, else a list
    params: dict[str, float | list[float]]


@dataclass(frozen=True)
class LevelPlan:
    number: int  # 1, 2, … in the order the script computes them
    start: int
    stop: int
    src_lo: int
    weights: np.ndarray  # (start - src_lo, stop - start)
    synapse: np.ndarray  # bool, same shape: where a synapse is (the other entries are 0)
    bias: np.ndarray
    groups: tuple[GroupPlan, ...]


@dataclass(frozen=True)
class ScriptPlan:
    title: str
    version: str
    ids: tuple[str, ...]
    file_order: tuple[str, ...]  # the network's own order of neurons (neurosim eval's)
    labels: tuple[str, ...]
    n_inputs: int
    input_values: tuple[float, ...]
    hidden: tuple[int, ...]  # columns of hidden neurons (for the active fraction)
    thresholds: tuple[float, ...]  # per non-input column
    inclusive: tuple[bool, ...]
    levels: tuple[LevelPlan, ...]
    silent_eps: float = SILENT_EPS

    @property
    def activations(self) -> list[str]:
        """Every activation the network uses, once, in order of first use."""
        seen: dict[str, None] = {}
        for level in self.levels:
            for g in level.groups:
                seen.setdefault(g.activation, None)
        return list(seen)

    def names(self, lo: int, hi: int) -> str:
        return ", ".join(self.ids[lo:hi])


def _param(values: np.ndarray) -> float | list[float]:
    first = float(values[0])
    return first if bool(np.all(values == first)) else [float(v) for v in values]


def plan(network: Network) -> ScriptPlan:
    from neurosim import __version__  # looked up on first use: it costs a start ~40 ms

    c = compile_network(network)
    levels = []
    for li, level in enumerate(c.levels):
        synapse = np.zeros(level.weights.shape, dtype=bool)
        for slot_level, row, col in c.weight_slot.values():
            if slot_level == li:
                synapse[row, col] = True
        groups = tuple(
            GroupPlan(g.activation.name, g.lo, g.hi, {k: _param(v) for k, v in g.params.items()})
            for g in level.groups
        )
        levels.append(
            LevelPlan(
                li + 1,
                level.start,
                level.stop,
                level.src_lo,
                level.weights.copy(),
                synapse,
                level.bias.copy(),
                groups,
            )
        )
    title = english(network.meta.get("title")) or str(network.meta.get("name") or "network")
    return ScriptPlan(
        title=title,
        version=__version__,
        ids=c.ids,
        file_order=tuple(network.neurons),
        labels=tuple(network.neurons[i].label for i in c.ids),
        n_inputs=c.n_inputs,
        input_values=tuple(float(v) for v in c.input_values),
        hidden=tuple(int(i) for i in c.hidden_columns),
        thresholds=tuple(float(t) for t in c.thresholds),
        inclusive=tuple(bool(b) for b in c.inclusive),
        levels=tuple(levels),
    )


def head_fields(p: ScriptPlan, indent: int) -> dict[str, str]:
    """The literals a script's head is formatted with (``indent``: where a wrapped list of
    thresholds continues)."""
    return {
        "title": lit.in_docstring(p.title),
        "version": p.version,
        "ids": lit.names(p.ids),
        "neurons": lit.names(p.file_order),
        "n_inputs": str(p.n_inputs),
        "input_values": lit.row(p.input_values, " " * 15),
        "hidden": lit.ints(p.hidden),
        "silent_eps": lit.number(p.silent_eps),
        "thresholds": lit.row(p.thresholds, " " * indent),
        "inclusive": "[" + ", ".join(str(b) for b in p.inclusive) + "]",
    }
