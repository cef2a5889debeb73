"""Reading a network file (format v1): JSON, validated entry by entry.

Every problem raises :class:`FileFormatError` whose message says what is wrong and where
(``neurons[3].activation.name: …``); :func:`load` also names the file. See
docs/file-format.md.
"""

from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path
from typing import Any

from neurosim.core.custom_activations import install_section
from neurosim.core.fileformat.entries import cycle_closer, read_neuron, read_synapse
from neurosim.core.fileformat.saveable import check_free_form
from neurosim.core.fileformat.schema import FORMAT, KNOWN_TOP, MAX_FILE_BYTES, SECTION, VERSION
from neurosim.core.fileformat.strict_json import parse_json
from neurosim.core.formula.parser import FormulaError
from neurosim.core.layout import layered_positions
from neurosim.core.localized_text import check_text as check_localized
from neurosim.core.model import Network
from neurosim.core.validate import FileFormatError, expect, shown


def loads(text: str) -> Network:
    return from_dict(parse_json(text))


def load(path: str | os.PathLike[str]) -> Network:
    """Read and validate a network file; any problem raises FileFormatError naming the file."""
    return load_with_digest(path)[0]


def load_with_digest(path: str | os.PathLike[str]) -> tuple[Network, str]:
    """:func:`load`, and the SHA-256 of exactly the bytes it read (:func:`digest`): the
    window tells later whether someone else changed the file since."""
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
                f"the file is too large ({_mebibytes(size)}; a network file is at most "
                f"{MAX_FILE_BYTES // 2**20} MiB)"
            )
        text = data.decode("utf-8-sig")
        return loads(text), digest(data)
    except FileFormatError as exc:
        raise FileFormatError(f"{path.name}: {exc}") from None
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"{path.name}: not a UTF-8 text file (byte {exc.start})") from None
    except OSError as exc:
        raise FileFormatError(f"{path}: cannot read the file ({exc.strerror or exc})") from None


def digest(data: bytes) -> str:
    """The SHA-256 of a file's bytes, as hex."""
    return hashlib.sha256(data).hexdigest()


def file_digest(path: str | os.PathLike[str]) -> str | None:
    """:func:`digest` of the regular file at ``path`` now (at most the size limit read), or
    None when there is none (removed, unreadable, not a regular file)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as fh:
            return digest(fh.read(MAX_FILE_BYTES + 1))
    except OSError:
        return None


def from_dict(data: Any) -> Network:
    expect(data, dict, "the file", "a JSON object")
    if data.get("format") != FORMAT:
        raise FileFormatError(f"format: expected '{FORMAT}', got {shown(data.get('format'))}")
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
    for key in ("title", "description"):  # a string, or (version 2) one per language
        if key in meta:
            check_localized(meta[key], f"meta.{key}")
    network = Network(meta)
    for key in ("neurons", "synapses"):
        if key not in data:
            raise FileFormatError(f"{key}: missing (a network file lists its {key})")
        expect(data[key], list, key, "a list")
    check_free_form(meta, "meta")
    for key, value in data.items():
        if key not in KNOWN_TOP:
            check_free_form({key: value}, "")
    if SECTION in data:  # (version 2) the formula activations its neurons may use
        try:
            install_section(data[SECTION], SECTION)
        except FormulaError as exc:
            raise FileFormatError(str(exc)) from None
    unplaced = [read_neuron(network, item, i) for i, item in enumerate(data["neurons"])]
    closer = cycle_closer(network, data["synapses"])
    for i, item in enumerate(data["synapses"]):
        read_synapse(network, item, i, check_cycle=i == closer)
    if any(unplaced):
        layout = layered_positions(network)
        for nid, missing in zip(list(network.neurons), unplaced, strict=True):
            if missing:
                network.neurons[nid].position = layout[nid]
    network.extra = {k: v for k, v in data.items() if k not in KNOWN_TOP}  # with SECTION
    return network


def _mebibytes(size: int) -> str:
    """``size`` in MiB for a too-large file: "just over" where the figure would round down
    to the limit itself."""
    text = f"{size / 2**20:.1f} MiB"
    return text if size / 2**20 >= MAX_FILE_BYTES / 2**20 + 0.05 else f"just over {text}"
