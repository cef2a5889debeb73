"""Activation files (``resources/activations/*.json``): a formula, its parameters' defaults and
a firing rule, which a teacher can copy and edit. Read strictly: a bad file is refused with
one message naming the file and the field, and nothing in it is ever run."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from neurosim.core.formula import Formula, formula
from neurosim.core.formula.parser import NAME, FormulaError

FORMAT = "neurosim-activation"
MAX_BYTES = 16_384
#: the firing rules a formula activation may have (the engine's rules are on z)
FIRING_RULES = ("z > 0", "z >= 0")
KEYS = {"format", "version", "name", "title", "formula", "params", "fires", "description"}
#: what a network file's "activations" section holds per activation (its key is the name)
SECTION_KEYS = KEYS - {"format", "version", "name"}


@dataclass(frozen=True)
class FormulaActivation:
    name: str
    title: str
    formula: Formula
    fires: str
    description: str


def _text(d: dict[str, Any], key: str, limit: int, where: str, required: bool = True) -> str:
    value = d.get(key, None if required else "")
    if not isinstance(value, str) or (required and not value.strip()) or len(value) > limit:
        raise FormulaError(f"{where}: '{key}' must be text of at most {limit} characters")
    return value


def activation_from_dict(d: Any, where: str = "activation") -> FormulaActivation:
    """The activation described by ``d`` (a file's JSON object); FormulaError names the
    field, and the column for a formula's own error."""
    if not isinstance(d, dict):
        raise FormulaError(f"{where}: expected a JSON object")
    unknown = sorted(set(d) - KEYS)
    if unknown:
        raise FormulaError(f"{where}: unknown field {unknown[0]!r}")
    if d.get("format") != FORMAT or d.get("version") != 1:
        raise FormulaError(f"{where}: not a {FORMAT} file of version 1")
    return _activation(d, _text(d, "name", 40, where), where)


def section_entry(name: str, d: Any, where: str) -> FormulaActivation:
    """One entry of a network file's "activations" section: ``{"formula": …, "params": …,
    "fires": …, "title": …, "description": …}`` under its name."""
    if not isinstance(d, dict):
        raise FormulaError(f"{where}: expected an object with a 'formula'")
    unknown = sorted(set(d) - SECTION_KEYS)
    if unknown:
        raise FormulaError(f"{where}: unknown field {unknown[0]!r}")
    return _activation({"title": name, **d}, name, where)


def to_section_entry(act: FormulaActivation) -> dict[str, Any]:
    entry: dict[str, Any] = {"title": act.title, "formula": act.formula.text}
    if act.formula.params:
        entry["params"] = dict(act.formula.params)
    entry["fires"] = act.fires
    if act.description:
        entry["description"] = act.description
    return entry


def _activation(d: dict[str, Any], name: str, where: str) -> FormulaActivation:
    if not NAME.fullmatch(name) or len(name) > 40:
        raise FormulaError(f"{where}: name {name!r} must be letters, digits and _ (up to 40)")
    params = d.get("params", {})
    if not isinstance(params, dict):
        raise FormulaError(f"{where}: 'params' must map names to default values")
    fires = d.get("fires", "z > 0")
    if fires not in FIRING_RULES:
        raise FormulaError(f"{where}: 'fires' must be one of {', '.join(FIRING_RULES)}")
    text = d.get("formula")
    if not isinstance(text, str):
        raise FormulaError(f"{where}: 'formula' must be text, such as \"z * sigmoid(z)\"")
    try:
        parsed = formula(text, params)  # which refuses a long one, saying how long
    except FormulaError as exc:
        raise FormulaError(f"{where}: formula: {exc}") from None
    return FormulaActivation(
        name,
        _text(d, "title", 60, where),
        parsed,
        fires,
        _text(d, "description", 400, where, required=False),
    )


def load_activation(path: str | Path) -> FormulaActivation:
    path = Path(path)
    try:
        data = path.read_bytes()[: MAX_BYTES + 1]
    except OSError as exc:
        raise FormulaError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if len(data) > MAX_BYTES:
        raise FormulaError(f"{path}: an activation file is at most {MAX_BYTES:,} bytes")
    try:
        d = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FormulaError(f"{path}: not a JSON text ({exc})") from None
    return activation_from_dict(d, str(path.name))


def shipped() -> list[FormulaActivation]:
    """The library NeuroSim ships (Swish, Mish, hard sigmoid, …), by name."""
    from neurosim.paths import resource_path

    return [load_activation(p) for p in sorted(resource_path("activations").glob("*.json"))]
