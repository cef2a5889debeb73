"""Network file format v1: JSON, validated on load, written atomically and deterministically.

See docs/file-format.md. Every problem found while loading raises :class:`FileFormatError`
whose message says what is wrong and where (``neurons[3].activation.name: …``).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

# Reading and writing helpers live in fileformat_read / fileformat_write; the names this
# module always offered are re-exported from here.
from neurosim.core.fileformat_read import (  # noqa: F401
    _SURROGATE,
    MAX_FREE_DEPTH,
    NEURON_KEYS,
    SYNAPSE_KEYS,
    _check_free_form,
    _cycle_closer,
    _read_neuron,
    _read_synapse,
    parse_json,
)
from neurosim.core.fileformat_write import (  # noqa: F401
    STALE_TEMP_SECONDS,
    remove_stale_temps,
    write_atomic,
)
from neurosim.core.layout import layered_positions
from neurosim.core.model import Network
from neurosim.core.validate import FileFormatError, expect

FORMAT = "neurosim-network"
VERSION = 1
MAX_FILE_BYTES = 16 * 1024 * 1024
KNOWN_TOP = ("format", "version", "meta", "neurons", "synapses")

__all__ = ["FileFormatError", "load", "loads", "save", "dumps", "from_dict", "to_dict"]


# ---------------------------------------------------------------------- reading
def loads(text: str) -> Network:
    return from_dict(parse_json(text))


def load(path: str | os.PathLike[str]) -> Network:
    """Read and validate a network file; any problem raises FileFormatError naming the file."""
    path = Path(path)
    try:
        info = path.stat()
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            # A pipe would block until written to and a device never ends (/dev/zero).
            raise OSError("not a regular file")
        size = info.st_size
        if size <= MAX_FILE_BYTES:
            with path.open("rb") as fh:  # read no more than allowed, even if the file grew
                data = fh.read(MAX_FILE_BYTES + 1)
            size = len(data)
        if size > MAX_FILE_BYTES:
            raise FileFormatError(
                f"the file is too large ({size / 1e6:.1f} MB; a network file is at most "
                f"{MAX_FILE_BYTES // (1024 * 1024)} MB)"
            )
        text = data.decode("utf-8-sig")
        return loads(text)
    except FileFormatError as exc:
        raise FileFormatError(f"{path.name}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"{path.name}: not a UTF-8 text file (byte {exc.start})") from None
    except OSError as exc:
        raise FileFormatError(f"{path}: cannot read the file ({exc.strerror or exc})") from None


def from_dict(data: Any) -> Network:
    expect(data, dict, "the file", "a JSON object")
    if data.get("format") != FORMAT:
        raise FileFormatError(f"format: expected '{FORMAT}', got {data.get('format')!r}")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FileFormatError(f"version: expected a whole number, got {version!r}")
    if version > VERSION:
        raise FileFormatError(
            f"version: this file is version {version}, made by a newer NeuroSim; "
            f"this one reads version {VERSION}"
        )
    if version < 1:
        raise FileFormatError(f"version: {version} is not a valid version")
    meta = data.get("meta", {})
    expect(meta, dict, "meta", "an object")
    for key in ("title", "description"):
        if key in meta:
            expect(meta[key], str, f"meta.{key}", "a string")
    network = Network(meta)
    for key in ("neurons", "synapses"):
        if key not in data:
            raise FileFormatError(f"{key}: missing (a network file lists its {key})")
        expect(data[key], list, key, "a list")
    _check_free_form(meta, "meta")
    for key, value in data.items():
        if key not in KNOWN_TOP:
            _check_free_form({key: value}, "")
    unplaced = [_read_neuron(network, item, i) for i, item in enumerate(data["neurons"])]
    closer = _cycle_closer(network, data["synapses"])
    for i, item in enumerate(data["synapses"]):
        _read_synapse(network, item, i, check_cycle=i == closer)
    if any(unplaced):
        layout = layered_positions(network)
        for nid, missing in zip(list(network.neurons), unplaced, strict=True):
            if missing:
                network.neurons[nid].position = layout[nid]
    network.extra = {k: v for k, v in data.items() if k not in KNOWN_TOP}
    return network


# ---------------------------------------------------------------------- writing
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
    return {
        "format": FORMAT,
        "version": VERSION,
        "meta": network.meta,
        "neurons": neurons,
        "synapses": synapses,
        **network.extra,
    }


def dumps(network: Network) -> str:
    """Deterministic text: the same network always gives the same bytes.

    One neuron or synapse per line keeps files readable and their diffs small.
    """
    data = to_dict(network)

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


def save(network: Network, path: str | os.PathLike[str]) -> None:
    """Write atomically: a crash mid-save leaves the old file intact."""
    write_atomic(Path(path), dumps(network).encode("utf-8"))
