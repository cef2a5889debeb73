"""Writing a network file (format v1): deterministic text, saved atomically."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from neurosim.core.custom_activations import INSTALLED, is_formula
from neurosim.core.fileformat.atomic import write_atomic
from neurosim.core.fileformat.reading import digest
from neurosim.core.fileformat.schema import FORMAT, SECTION, VERSION
from neurosim.core.formula.library import to_section_entry
from neurosim.core.localized_text import has_localized_text
from neurosim.core.model import Network


def to_dict(network: Network) -> dict[str, Any]:
    neurons = []
    for n in network:
        d: dict[str, Any] = {
            "id": n.id,
            "kind": n.kind,
            "label": n.label,
            "position": [float(n.position[0]), float(n.position[1])],
        }
        if n.is_input:
            d["value"] = float(n.value)
        else:
            d["bias"] = float(n.bias)
            d["activation"] = {
                "name": n.activation,
                "params": {k: float(v) for k, v in n.params.items()},
            }
        if n.frozen:
            d["frozen"] = True
        if n.source is not None:
            d["source"] = n.source
        neurons.append(d)
    synapses = []
    for s in network.synapses.values():
        d = {"source": s.source, "target": s.target, "weight": float(s.weight)}
        if s.frozen:
            d["frozen"] = True
        synapses.append(d)
    extra = _with_used_formulas(network)
    return {
        "format": FORMAT,
        "version": _version(network, extra),
        "meta": network.meta,
        "neurons": neurons,
        "synapses": synapses,
        **extra,
    }


def _with_used_formulas(network: Network) -> dict[str, Any]:
    """``network.extra``, its section completed with the formula activations its neurons use
    but it does not list (defined from the Python API): a file always carries its formulas."""
    section = dict(network.extra.get(SECTION, {}))
    for n in network:
        if not n.is_input and n.activation not in section and is_formula(n.activation):
            section[n.activation] = to_section_entry(INSTALLED[n.activation])
    if not section or section == network.extra.get(SECTION):
        return network.extra
    return {**network.extra, SECTION: section}


def _version(network: Network, extra: dict[str, Any]) -> int:
    """2 for a file that needs it (formula activations, text in several languages), else 1,
    which NeuroSims before version 2 read too."""
    if SECTION in extra or has_localized_text(network.meta, network.extra):
        return VERSION
    return 1


def dumps(network: Network) -> str:
    """Deterministic text: the same network always gives the same bytes.

    One neuron or synapse per line keeps files readable and their diffs small.
    """
    return dumps_dict(to_dict(network))


def dumps_dict(data: dict[str, Any]) -> str:
    """The text :func:`dumps` writes, from the :func:`to_dict` form (or a copy of it that
    another thread may read while the network changes, as autosave does)."""

    def one_line(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, allow_nan=False)

    def block(values: list[Any]) -> str:
        if not values:
            return "[]"
        return "[\n    " + ",\n    ".join(one_line(v) for v in values) + "\n  ]"

    parts = []
    for key, value in data.items():
        if key in ("neurons", "synapses"):
            text = block(value)
        else:
            text = json.dumps(value, ensure_ascii=False, allow_nan=False, indent=2)
            text = text.replace("\n", "\n  ")
        parts.append(f"  {json.dumps(key)}: {text}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def save(network: Network, path: str | os.PathLike[str]) -> str:
    """Write atomically: a crash mid-save leaves the old file intact. Returns the SHA-256 of
    the bytes written (``reading.digest``), to tell later whether the file changed since."""
    data = dumps(network).encode("utf-8")
    write_atomic(Path(path), data)
    return digest(data)
