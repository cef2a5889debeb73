"""Reading the entries of a network file: each neuron (with its activation) and synapse.

:func:`neurosim.core.fileformat.reading.from_dict` puts them together; every problem raises
:class:`FileFormatError` naming its place (``neurons[3].activation.name: …``).
"""

from __future__ import annotations

from typing import Any

from neurosim.core.activations import ActivationError, get_activation
from neurosim.core.fileformat.saveable import check_name, check_text
from neurosim.core.fileformat.schema import NEURON_KEYS, SYNAPSE_KEYS
from neurosim.core.model import KINDS, Network, NetworkError
from neurosim.core.sources import source_from_dict, source_to_dict
from neurosim.core.validate import FileFormatError, check_keys, expect, number


def read_neuron(network: Network, item: Any, i: int) -> bool:
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
    check_text(nid, f"{where}.id")
    check_name(nid, f"{where}.id")
    label = item.get("label", nid)
    expect(label, str, f"{where}.label", "a string")
    check_text(label, f"{where}.label")
    check_name(label, f"{where}.label")
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
            fields.update(read_activation(item["activation"], f"{where}.activation"))
    try:
        neuron = network.add_neuron(kind, nid, **fields)
    except (NetworkError, ActivationError) as exc:
        raise FileFormatError(f"{where}: {exc}") from None
    if "source" in item:
        neuron.source = source_to_dict(source_from_dict(item["source"], f"{where}.source"))
    return "position" not in item


def read_activation(spec: Any, where: str) -> dict[str, Any]:
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


def read_synapse(network: Network, item: Any, i: int, check_cycle: bool = True) -> None:
    where = f"synapses[{i}]"
    expect(item, dict, where, "an object")
    check_keys(item, SYNAPSE_KEYS, where)
    for key in ("source", "target", "weight"):
        if key not in item:
            raise FileFormatError(f"{where}: missing '{key}'")
    for key in ("source", "target"):
        expect(item[key], str, f"{where}.{key}", "a neuron id")
        check_text(item[key], f"{where}.{key}")  # before it is quoted in a message
        check_name(item[key], f"{where}.{key}")
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


def cycle_closer(network: Network, items: list[Any]) -> int | None:
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
