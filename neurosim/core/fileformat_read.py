"""Reading a network file: strict JSON parsing and the checks of each neuron, activation and
synapse. :func:`neurosim.core.fileformat.from_dict` puts them together; every problem raises
:class:`FileFormatError` naming its place (``neurons[3].activation.name: …``).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from neurosim.core.activations import ActivationError, get_activation
from neurosim.core.model import KINDS, Network, NetworkError
from neurosim.core.sources import source_from_dict, source_to_dict
from neurosim.core.validate import FileFormatError, check_keys, expect, number

NEURON_KEYS = ("id", "kind", "label", "position", "value", "bias", "activation", "frozen", "source")
SYNAPSE_KEYS = ("source", "target", "weight", "frozen")
#: meta and unknown top-level keys are kept as they are, but no deeper than this: copying
#: and saving are recursive, and a network file needs a handful of levels
MAX_FREE_DEPTH = 64
# JSON may escape half of a UTF-16 pair ("\ud800"); such a string cannot be saved as UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Refused:
    """Stands in, while parsing, for what JSON may hold but a network file may not
    (NaN, a key given twice), so the error can name its place once the tree is built."""

    def __init__(self, message: str) -> None:
        self.message = message


def parse_json(text: str) -> Any:
    """``json.loads`` that rejects NaN/Infinity and duplicate keys, naming where they are."""
    refused: list[_Refused] = []

    def constant(name: str) -> _Refused:
        refused.append(_Refused(f"{name} is not allowed (numbers must be finite)"))
        return refused[-1]

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any] | _Refused:
        result: dict[str, Any] = {}
        for key, value in items:
            if key in result:
                refused.append(_Refused(f"duplicate key '{key}'"))
                return refused[-1]
            result[key] = value
        return result

    try:
        data = json.loads(text, parse_constant=constant, object_pairs_hook=pairs)
    except json.JSONDecodeError as exc:
        raise FileFormatError(
            f"malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise FileFormatError("malformed JSON: nested too deeply") from None
    except ValueError as exc:  # an integer with too many digits
        raise FileFormatError(f"malformed JSON: {exc}") from None
    if refused:
        place, bad = _first_refused(data)
        raise FileFormatError(f"{place}: {bad.message}")
    return data


def _first_refused(data: Any) -> tuple[str, _Refused]:
    """The first :class:`_Refused` in document order, with its path (``neurons[2].bias``)."""
    stack: list[tuple[Any, str]] = [(data, "the file")]
    while stack:
        node, place = stack.pop()
        if isinstance(node, _Refused):
            return place, node
        if isinstance(node, dict):
            children = [
                (v, f"{place}.{k}" if place != "the file" else str(k)) for k, v in node.items()
            ]
        elif isinstance(node, list):
            children = [(v, f"{place}[{i}]") for i, v in enumerate(node)]
        else:
            continue
        stack.extend(reversed(children))
    raise AssertionError("a refused value was recorded but is not in the tree")


def _read_neuron(network: Network, item: Any, i: int) -> bool:
    """Add one neuron; return True when the file gave it no position."""
    where = f"neurons[{i}]"
    expect(item, dict, where, "an object")
    check_keys(item, NEURON_KEYS, where)
    for key in ("id", "kind"):
        if key not in item:
            raise FileFormatError(f"{where}: missing '{key}'")
    nid, kind = item["id"], item["kind"]
    expect(nid, str, f"{where}.id", "a string")
    if not nid.strip() or len(nid) > 64:
        raise FileFormatError(f"{where}.id: an id is 1 to 64 characters, got {nid!r}")
    if nid in network.neurons:
        first = list(network.neurons).index(nid)
        raise FileFormatError(f"{where}.id: duplicate id '{nid}' (also neurons[{first}])")
    if kind not in KINDS:
        raise FileFormatError(f"{where}.kind: expected one of {', '.join(KINDS)}, got {kind!r}")
    _check_text(nid, f"{where}.id")
    label = item.get("label", nid)
    expect(label, str, f"{where}.label", "a string")
    _check_text(label, f"{where}.label")
    position = item.get("position", [0.0, 0.0])
    if not (isinstance(position, list) and len(position) == 2):
        raise FileFormatError(f"{where}.position: expected [x, y], got {position!r}")
    pos = [number(v, f"{where}.position[{k}]") for k, v in enumerate(position)]
    frozen = item.get("frozen", False)
    expect(frozen, bool, f"{where}.frozen", "true or false")
    fields: dict[str, Any] = {"label": label, "position": pos, "frozen": frozen}
    if kind == "input":
        for key in ("bias", "activation"):
            if key in item:
                raise FileFormatError(f"{where}.{key}: input neurons have no {key}")
        fields["value"] = number(item.get("value", 0.0), f"{where}.value")
    else:
        for key in ("value", "source"):
            if key in item:
                raise FileFormatError(f"{where}.{key}: only input neurons have a {key}")
        fields["bias"] = number(item.get("bias", 0.0), f"{where}.bias")
        if "activation" in item:  # absent means sigmoid; an explicit null is an error
            fields.update(_read_activation(item["activation"], f"{where}.activation"))
    try:
        neuron = network.add_neuron(kind, nid, **fields)
    except (NetworkError, ActivationError) as exc:
        raise FileFormatError(f"{where}: {exc}") from None
    if "source" in item:
        neuron.source = source_to_dict(source_from_dict(item["source"], f"{where}.source"))
    return "position" not in item


def _read_activation(spec: Any, where: str) -> dict[str, Any]:
    expect(spec, dict, where, 'an object like {"name": "sigmoid"}')
    check_keys(spec, ("name", "params"), where)
    name = spec.get("name")
    expect(name, str, f"{where}.name", "a string")
    try:
        act = get_activation(name)
    except ActivationError as exc:
        raise FileFormatError(f"{where}.name: {exc}") from None
    params = spec.get("params", {})
    expect(params, dict, f"{where}.params", "an object")
    try:
        return {"activation": name, "params": act.validate_params(params, where=f"{where}.params")}
    except ActivationError as exc:
        raise FileFormatError(str(exc)) from None


def _read_synapse(network: Network, item: Any, i: int, check_cycle: bool = True) -> None:
    where = f"synapses[{i}]"
    expect(item, dict, where, "an object")
    check_keys(item, SYNAPSE_KEYS, where)
    for key in ("source", "target", "weight"):
        if key not in item:
            raise FileFormatError(f"{where}: missing '{key}'")
    for key in ("source", "target"):
        expect(item[key], str, f"{where}.{key}", "a neuron id")
        _check_text(item[key], f"{where}.{key}")  # before it is quoted in a message
        if item[key] not in network.neurons:
            raise FileFormatError(f"{where}.{key}: there is no neuron '{item[key]}'")
    weight = number(item["weight"], f"{where}.weight")
    frozen = item.get("frozen", False)
    expect(frozen, bool, f"{where}.frozen", "true or false")
    try:
        network.add_synapse(
            item["source"], item["target"], weight, frozen=frozen, check_cycle=check_cycle
        )
    except NetworkError as exc:
        raise FileFormatError(f"{where}: {exc}") from None


def _cycle_closer(network: Network, items: list[Any]) -> int | None:
    """Index of the first synapse that closes a cycle with the ones before it, or None.

    Checking each synapse as it is added searches the graph every time: quadratic, minutes
    for a big file. One pass over the whole graph tells whether there is a cycle at all
    (the usual answer is no); only then a binary search finds the synapse to blame, which
    is checked the ordinary way so the message names the cycle. Reading stops at the first
    malformed synapse: loading fails there before any later one matters.
    """
    pairs: list[tuple[str, str]] = []
    for item in items:
        if not isinstance(item, dict):
            break
        source, target = item.get("source"), item.get("target")
        if not (isinstance(source, str) and source in network.neurons):
            break
        if not (isinstance(target, str) and target in network.neurons):
            break
        pairs.append((source, target))
    if not _has_cycle(network.neurons, pairs):
        return None
    acyclic, cyclic = 0, len(pairs)  # pairs[:acyclic] has no cycle, pairs[:cyclic] has one
    while cyclic - acyclic > 1:
        middle = (acyclic + cyclic) // 2
        if _has_cycle(network.neurons, pairs[:middle]):
            cyclic = middle
        else:
            acyclic = middle
    return cyclic - 1


def _has_cycle(ids: Any, pairs: list[tuple[str, str]]) -> bool:
    """Kahn's algorithm: a cycle (self-loops included) leaves some neuron never ready."""
    indegree = dict.fromkeys(ids, 0)
    succ: dict[str, list[str]] = {nid: [] for nid in indegree}
    for source, target in pairs:
        succ[source].append(target)
        indegree[target] += 1
    ready = [nid for nid, d in indegree.items() if d == 0]
    done = 0
    while ready:
        done += 1
        for target in succ[ready.pop()]:
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return done < len(indegree)


def _check_text(text: str, where: str) -> None:
    match = _SURROGATE.search(text)
    if match:
        raise FileFormatError(
            f"{where}: holds half of a UTF-16 surrogate pair (\\u{ord(match.group()):04x}), "
            "which is not text and cannot be saved"
        )


def _check_free_form(value: dict[str, Any], where: str) -> None:
    """meta and unknown keys may hold any JSON, but only what can be copied and saved again:
    finite numbers, real text, at most MAX_FREE_DEPTH levels. Iterative: no recursion.

    A section may hold 100,000 rows of numbers, so the place of an item is spelled out only
    when it is wrong: each container keeps (parent entry, key) to trace its path back.
    """
    Entry = tuple[Any, int, Any, Any]  # (node, depth, parent entry, key in the parent)
    stack: list[Entry] = [(value, 1, None, where)]
    while stack:
        entry = stack.pop()
        node, depth = entry[0], entry[1]
        if depth > MAX_FREE_DEPTH:
            raise FileFormatError(f"{_place(entry)}: nested more than {MAX_FREE_DEPTH} levels deep")
        for key, item in node.items() if isinstance(node, dict) else enumerate(node):
            if type(item) is float:
                if not math.isfinite(item):
                    raise FileFormatError(
                        f"{_place((None, 0, entry, key))}: expected a finite number, got {item}"
                    )
            elif isinstance(item, str):
                if _SURROGATE.search(item):
                    _check_text(item, _place((None, 0, entry, key)))
            elif isinstance(item, (dict, list)):
                stack.append((item, depth + 1, entry, key))
            if isinstance(key, str) and _SURROGATE.search(key):
                _check_text(key, _place((None, 0, entry, key)))


def _place(entry: tuple[Any, int, Any, Any]) -> str:
    """``meta.notes[2].x`` for an entry of :func:`_check_free_form`."""
    keys = []
    while entry is not None:
        keys.append(entry[3])
        entry = entry[2]
    text = ""
    for key in reversed(keys):
        text += f"[{key}]" if isinstance(key, int) else f".{key}" if text else key
    return text.encode("utf-8", "backslashreplace").decode("utf-8")  # a key may be the culprit
