"""What a lock policy protects, as tooltips for the canvas's padlocks."""

from __future__ import annotations

from neurosim.core.exercise.locks import LockPolicy
from neurosim.core.model import Network, SynapseKey

_FIELD_WORDS = {"value": "its input value", "bias": "its bias", "activation": "its activation"}


def lock_notes(
    policy: LockPolicy, network: Network
) -> tuple[dict[str, str], dict[SynapseKey, str], set[str]]:
    """(neuron id -> text, synapse key -> text, neurons whose main number is still free).

    A neuron is marked when it must stay or one of its fields is locked; its padlock is
    open ("partial") when its bias (input: its value) can still be changed. Neurons that
    only may not be deleted because a goal uses them get no mark: the refusal says why.
    """
    neurons: dict[str, str] = {}
    partial: set[str] = set()
    for neuron in network:
        nid = neuron.id
        lines = []
        if nid in policy.neurons:
            lines.append(f"{nid} must stay: it cannot be deleted")
        for field_nid, name in sorted(policy.fields):
            if field_nid == nid:
                what = _FIELD_WORDS.get(name, f"its {name}")
                lines.append(f"{what} cannot be changed")
        if nid in policy.frozen_biases and (nid, "bias") not in policy.fields:
            lines.append("its bias is frozen: it cannot be changed")
        if not lines:
            continue
        neurons[nid] = "Locked by the exercise:\n" + "\n".join(f"• {line}" for line in lines)
        main = "value" if neuron.is_input else "bias"
        if policy.reason(main, nid) is None:
            partial.add(nid)
    synapses: dict[SynapseKey, str] = {}
    for key in network.synapses:
        if key in policy.synapses:
            synapses[key] = (
                f"Locked by the exercise: the weight {key[0]} → {key[1]} "
                "cannot be changed or deleted"
            )
        elif key in policy.frozen_synapses:
            synapses[key] = (
                f"Frozen by the exercise: the weight {key[0]} → {key[1]} must keep its value"
            )
    return neurons, synapses, partial
