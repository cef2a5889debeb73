"""What a lock policy protects, as tooltips for the canvas's padlocks; and the words for
a neuron's activation and parameters that the exercise tools show."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from neurosim.core.exercise.locks import LockPolicy
from neurosim.core.model import Network, SynapseKey
from neurosim.ui.i18n import translate

#: activations and parameters whose names are English words (the others are names in
#: every language: ReLU, tanh, sigmoid …)
_WORDS = {
    "step": QT_TRANSLATE_NOOP("LockNotes", "step"),
    "linear": QT_TRANSLATE_NOOP("LockNotes", "linear"),
    "threshold": QT_TRANSLATE_NOOP("LockNotes", "threshold"),
    "slope": QT_TRANSLATE_NOOP("LockNotes", "slope"),
    "alpha": QT_TRANSLATE_NOOP("LockNotes", "alpha"),
}


def word(name: str) -> str:
    """An activation's or a parameter's name as the window shows it."""
    return translate("LockNotes", _WORDS[name]) if name in _WORDS else name


def _field_locked(name: str) -> str:
    if name == "value":
        return translate("LockNotes", "its input value cannot be changed")
    if name == "bias":
        return translate("LockNotes", "its bias cannot be changed")
    if name == "activation":
        return translate("LockNotes", "its activation cannot be changed")
    return translate("LockNotes", "its {parameter} cannot be changed").format(parameter=word(name))


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
            lines.append(
                translate("LockNotes", "{neuron} must stay: it cannot be deleted").format(
                    neuron=nid
                )
            )
        for field_nid, name in sorted(policy.fields):
            if field_nid == nid:
                lines.append(_field_locked(name))
        if nid in policy.frozen_biases and (nid, "bias") not in policy.fields:
            lines.append(translate("LockNotes", "its bias is frozen: it cannot be changed"))
        if not lines:
            continue
        neurons[nid] = translate("LockNotes", "Locked by the exercise:\n{lines}").format(
            lines="\n".join(f"• {line}" for line in lines)
        )
        main = "value" if neuron.is_input else "bias"
        if policy.reason(main, nid) is None:
            partial.add(nid)
    synapses: dict[SynapseKey, str] = {}
    for key in network.synapses:
        if key in policy.synapses:
            synapses[key] = translate(
                "LockNotes",
                "Locked by the exercise: the weight {source} → {target} "
                "cannot be changed or deleted",
            ).format(source=key[0], target=key[1])
        elif key in policy.frozen_synapses:
            synapses[key] = translate(
                "LockNotes",
                "Frozen by the exercise: the weight {source} → {target} must keep its value",
            ).format(source=key[0], target=key[1])
    return neurons, synapses, partial
