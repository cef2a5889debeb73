"""Undo commands: one per user operation. ``redo``/``undo`` call model methods only.

Views never change anything themselves; they repaint from the model's announcements.
A command's :meth:`Command.problem` says why it may not be applied (checked by
``Document.push`` before the command reaches the stack), so nothing is ever half-made.
Edits made while dragging a slider carry a ``merge_token``: consecutive commands with the
same token and target merge into one undo step.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QUndoCommand

from neurosim.core.activations import ActivationError, get_activation
from neurosim.core.model import Network, NetworkError, Neuron, Synapse, SynapseKey, finite
from neurosim.core.names import name_problem
from neurosim.core.text_marks import message_of
from neurosim.ui.i18n import translate

#: the history's text for a new neuron, by kind: before it has an id, and with it
ADD_TEXTS = {
    "input": (
        QT_TRANSLATE_NOOP("AddNeuron", "Add input neuron"),
        QT_TRANSLATE_NOOP("AddNeuron", "Add input neuron {id}"),
    ),
    "hidden": (
        QT_TRANSLATE_NOOP("AddNeuron", "Add hidden neuron"),
        QT_TRANSLATE_NOOP("AddNeuron", "Add hidden neuron {id}"),
    ),
    "output": (
        QT_TRANSLATE_NOOP("AddNeuron", "Add output neuron"),
        QT_TRANSLATE_NOOP("AddNeuron", "Add output neuron {id}"),
    ),
}
#: the history's text for a change of one of a neuron's fields
FIELD_TEXTS = {
    "bias": QT_TRANSLATE_NOOP("SetNeuronField", "Bias of {id}"),
    "value": QT_TRANSLATE_NOOP("SetNeuronField", "Value of {id}"),
    "label": QT_TRANSLATE_NOOP("SetNeuronField", "Label of {id}"),
    "source": QT_TRANSLATE_NOOP("SetNeuronField", "Source of {id}"),
}


class Command(QUndoCommand):
    """Base: a text for the history, a network, and an optional precondition."""

    def __init__(self, network: Network, text: str) -> None:
        super().__init__(text)
        self.network = network

    def problem(self) -> str | None:
        """Why this edit may not be made now, or None."""
        return None

    def touches(self) -> list[tuple[str, Any]]:
        """What the edit changes, as (lock kind, key) pairs a lock policy can refuse.

        Kinds follow ``neurosim.core.exercise.locks.LOCK_KINDS``.
        """
        return []


class AddNeuron(Command):
    def __init__(
        self, network: Network, kind: str, position: tuple[float, float], **fields: Any
    ) -> None:
        texts = ADD_TEXTS.get(kind)
        super().__init__(network, translate("AddNeuron", texts[0]) if texts else kind)
        self.kind, self.position, self.fields = kind, position, fields
        self.neuron: Neuron | None = None
        self.index: int | None = None

    def redo(self) -> None:
        if self.neuron is None:
            self.neuron = self.network.add_neuron(self.kind, position=self.position, **self.fields)
            texts = ADD_TEXTS.get(self.kind)
            if texts:
                self.setText(translate("AddNeuron", texts[1]).format(id=self.neuron.id))
        else:
            self.network.insert_neuron(self.neuron, self.index)

    def undo(self) -> None:
        assert self.neuron is not None
        _, self.index, _ = self.network.remove_neuron(self.neuron.id)


class DeleteItems(Command):
    """Delete synapses and neurons (a neuron takes its synapses with it)."""

    def __init__(
        self, network: Network, neuron_ids: list[str], synapse_keys: list[SynapseKey]
    ) -> None:
        n = len(neuron_ids) + len(synapse_keys)
        super().__init__(network, translate("DeleteItems", "Delete %n item(s)", "", n))
        self.neuron_ids = list(neuron_ids)
        self.synapse_keys = [
            tuple(k) for k in synapse_keys if k[0] not in neuron_ids and k[1] not in neuron_ids
        ]
        self._removed_synapses: list[tuple[Synapse, int]] = []
        self._removed_neurons: list[tuple[Neuron, int, list[tuple[Synapse, int]]]] = []

    def problem(self) -> str | None:
        if not self.neuron_ids and not self.synapse_keys:
            return translate("DeleteItems", "nothing is selected to delete")
        return None

    def touches(self) -> list[tuple[str, Any]]:
        return [("delete", nid) for nid in self.neuron_ids] + [
            ("delete", key) for key in self.synapse_keys
        ]

    def redo(self) -> None:
        # Back to front, so each recorded index is the synapse's place in the original
        # order: undo puts them back in ascending order and the file is byte-identical.
        place = {key: i for i, key in enumerate(self.network.synapses)}
        keys = sorted(self.synapse_keys, key=lambda k: place.get(k, -1), reverse=True)
        self._removed_synapses = [self.network.remove_synapse(k) for k in keys]
        self._removed_neurons = [self.network.remove_neuron(n) for n in self.neuron_ids]

    def undo(self) -> None:
        for neuron, index, synapses in reversed(self._removed_neurons):
            self.network.insert_neuron(neuron, index)
            _restore_synapses(self.network, synapses)
        _restore_synapses(self.network, self._removed_synapses[::-1])


def _restore_synapses(network: Network, removed: list[tuple[Synapse, int]]) -> None:
    for synapse, index in sorted(removed, key=lambda item: item[1]):
        network.add_synapse(
            synapse.source, synapse.target, synapse.weight, frozen=synapse.frozen, index=index
        )


class Connect(Command):
    def __init__(self, network: Network, source: str, target: str, weight: float = 1.0) -> None:
        super().__init__(
            network,
            translate("Connect", "Connect {source} → {target}").format(
                source=source, target=target
            ),
        )
        self.key: SynapseKey = (source, target)
        self.weight = weight

    def problem(self) -> str | None:
        refused = self.network.connection_problem(*self.key)
        return message_of(refused) if refused else None  # translated where it is shown

    def redo(self) -> None:
        self.network.add_synapse(*self.key, self.weight)

    def undo(self) -> None:
        self.network.remove_synapse(self.key)


class MoveNeurons(Command):
    def __init__(
        self,
        network: Network,
        moves: dict[str, tuple[tuple[float, float], tuple[float, float]]],
        text: str = "Move",
    ) -> None:
        n = len(moves)
        if text == "Move":
            shown = translate("MoveNeurons", "Move %n neuron(s)", "", n)
        elif text == "Auto-layout":
            shown = translate("MoveNeurons", "Auto-layout %n neuron(s)", "", n)
        else:  # a caller's own (translated) name for the move
            shown = translate("MoveNeurons", "{what}: %n neuron(s)", "", n).format(what=text)
        super().__init__(network, shown)
        self.moves = moves  # id -> (old position, new position)

    def redo(self) -> None:
        for nid, (_, new) in self.moves.items():
            self.network.set_position(nid, new)

    def undo(self) -> None:
        for nid, (old, _) in self.moves.items():
            self.network.set_position(nid, old)


class _MergeableSet(Command):
    """Set one value; consecutive edits with the same merge token merge (slider drags)."""

    command_id = 1000

    def __init__(
        self,
        network: Network,
        target: Any,
        old: Any,
        new: Any,
        text: str,
        merge_token: object | None,
    ) -> None:
        super().__init__(network, text)
        self.target, self.old, self.new, self.merge_token = target, old, new, merge_token

    def id(self) -> int:  # noqa: A003 - Qt's name
        return self.command_id if self.merge_token is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if (
            type(other) is not type(self)
            or other.merge_token != self.merge_token
            or other.target != self.target
        ):
            return False
        self.new = other.new
        return True

    def problem(self) -> str | None:
        try:
            self.check(self.new)
        except NetworkError as exc:
            return str(exc)
        return None

    def check(self, value: Any) -> None:
        """Raise NetworkError if ``value`` may not be set (default: apply and roll back)."""

    def redo(self) -> None:
        self.apply(self.new)

    def undo(self) -> None:
        self.apply(self.old)

    def apply(self, value: Any) -> None:
        raise NotImplementedError


class SetWeight(_MergeableSet):
    command_id = 1001

    def __init__(
        self, network: Network, key: SynapseKey, weight: float, merge_token: object | None = None
    ) -> None:
        key = (key[0], key[1])
        old = network.synapse(key).weight
        text = translate("SetWeight", "Weight {source} → {target}").format(
            source=key[0], target=key[1]
        )
        super().__init__(network, key, old, weight, text, merge_token)

    def check(self, value: Any) -> None:
        finite(value, "the weight")

    def touches(self) -> list[tuple[str, Any]]:
        return [("synapse", self.target)]

    def apply(self, value: Any) -> None:
        self.network.set_weight(self.target, value)


_NEURON_SETTERS = {
    "bias": "set_bias",
    "value": "set_value",
    "label": "set_label",
    "source": "set_source",
}


class SetNeuronField(_MergeableSet):
    """Set a neuron's bias, value, label or signal source."""

    command_id = 1002

    def __init__(
        self,
        network: Network,
        neuron_id: str,
        field: str,
        value: Any,
        merge_token: object | None = None,
    ) -> None:
        old = getattr(network.neuron(neuron_id), field)
        super().__init__(
            network,
            (neuron_id, field),
            old,
            value,
            translate("SetNeuronField", FIELD_TEXTS[field]).format(id=neuron_id)
            if field in FIELD_TEXTS
            else f"{field} ({neuron_id})",
            merge_token,
        )

    def check(self, value: Any) -> None:
        nid, field = self.target
        neuron = self.network.neuron(nid)
        if field in ("bias",) and neuron.is_input:
            raise NetworkError(
                translate(
                    "SetNeuronField", "'{id}' is an input neuron; inputs have no bias"
                ).format(id=nid)
            )
        if field in ("value", "source") and not neuron.is_input:
            raise NetworkError(
                translate("SetNeuronField", "'{id}' is not an input neuron").format(id=nid)
            )
        if field in ("bias", "value"):
            finite(value, f"the {field}")
        if field == "label" and name_problem(str(value)):  # the file would not load again
            raise NetworkError(
                translate("SetNeuronField", "the label {problem}").format(
                    problem=name_problem(str(value))
                )
            )

    def touches(self) -> list[tuple[str, Any]]:
        nid, field = self.target
        kind = {"bias": "bias", "value": "value", "source": "value"}.get(field)
        return [(kind, nid)] if kind else []

    def apply(self, value: Any) -> None:
        nid, field = self.target
        getattr(self.network, _NEURON_SETTERS[field])(nid, value)


class SetInputs(Command):
    """Set several input values as one step (a truth table's row). An input driven by a
    signal source would be set back by it at once: its source is switched off (undo
    brings it back)."""

    def __init__(self, network: Network, values: dict[str, float], text: str) -> None:
        super().__init__(network, text)
        self.new = dict(values)
        self.old = {nid: network.neuron(nid).value for nid in values}
        self.sources = {nid: network.neuron(nid).source for nid in values}

    def problem(self) -> str | None:
        wrong = [nid for nid in self.new if not self.network.neuron(nid).is_input]
        if not wrong:
            return None
        return translate("SetInputs", "'{id}' is not an input neuron").format(id=wrong[0])

    def touches(self) -> list[tuple[str, Any]]:
        return [("value", nid) for nid in self.new]

    def redo(self) -> None:
        for nid, value in self.new.items():
            if self.sources[nid] is not None:
                self.network.set_source(nid, None)
            self.network.set_value(nid, value)

    def undo(self) -> None:
        for nid, value in self.old.items():
            self.network.set_value(nid, value)
            if self.sources[nid] is not None:
                self.network.set_source(nid, self.sources[nid])


class SetParam(_MergeableSet):
    """Set one activation parameter (threshold, alpha, slope…) of a neuron."""

    command_id = 1003

    def __init__(
        self,
        network: Network,
        neuron_id: str,
        name: str,
        value: float,
        merge_token: object | None = None,
    ) -> None:
        old = network.neuron(neuron_id).params.get(name)
        super().__init__(
            network,
            (neuron_id, name),
            old,
            value,
            translate("SetParam", "{name} of {id}").format(name=name, id=neuron_id),
            merge_token,
        )

    def check(self, value: Any) -> None:
        nid, name = self.target
        neuron = self.network.neuron(nid)
        try:
            get_activation(neuron.activation).validate_params({**neuron.params, name: value})
        except ActivationError as exc:
            raise NetworkError(str(exc)) from None

    def touches(self) -> list[tuple[str, Any]]:
        return [("param", self.target)]

    def apply(self, value: Any) -> None:
        self.network.set_param(*self.target, value)


class SetActivation(Command):
    """Give one or several neurons an activation (their parameters are kept where they fit)."""

    def __init__(self, network: Network, neuron_ids: list[str], name: str) -> None:
        text = translate("SetActivation", "Activation {name} on {ids}").format(
            name=name, ids=", ".join(neuron_ids)
        )
        super().__init__(network, text)
        self.name = name
        self.old = {
            nid: (network.neuron(nid).activation, dict(network.neuron(nid).params))
            for nid in neuron_ids
            if not network.neuron(nid).is_input
        }

    def problem(self) -> str | None:
        if self.old:
            return None
        return translate("SetActivation", "select a hidden or output neuron to set its activation")

    def touches(self) -> list[tuple[str, Any]]:
        return [("activation", nid) for nid, (name, _) in self.old.items() if name != self.name]

    def redo(self) -> None:
        for nid in self.old:
            self.network.set_activation(nid, self.name)

    def undo(self) -> None:
        for nid, (name, params) in self.old.items():
            self.network.set_activation(nid, name, params)


class SetParameters(Command):
    """Replace many weights and biases at once (training N epochs, weight initialisation)."""

    def __init__(
        self, network: Network, text: str, old: tuple[dict, dict], new: tuple[dict, dict]
    ) -> None:
        super().__init__(network, text)
        self.old, self.new = old, new

    def touches(self) -> list[tuple[str, Any]]:
        (old_w, old_b), (new_w, new_b) = self.old, self.new
        return [("synapse", k) for k, w in new_w.items() if old_w.get(k) != w] + [
            ("bias", nid) for nid, b in new_b.items() if old_b.get(nid) != b
        ]

    def redo(self) -> None:
        self.network.set_parameters(*self.new)

    def undo(self) -> None:
        self.network.set_parameters(*self.old)


def snapshot_parameters(network: Network) -> tuple[dict, dict]:
    """All weights and biases, in the form :class:`SetParameters` takes."""
    weights = {k: s.weight for k, s in network.synapses.items()}
    biases = {n.id: n.bias for n in network if not n.is_input}
    return weights, biases


class AddItems(Command):
    """Add ready-made neurons and synapses (paste, duplicate); ids must be free."""

    def __init__(
        self, network: Network, neurons: list[Neuron], synapses: list[Synapse], text: str = "Paste"
    ) -> None:
        n = len(neurons)
        if text == "Paste":
            shown = translate("AddItems", "Paste %n neuron(s)", "", n)
        else:  # a caller's own (translated) name for the addition
            shown = translate("AddItems", "{what}: %n neuron(s)", "", n).format(what=text)
        super().__init__(network, shown)
        self.neurons, self.synapses = neurons, synapses

    def problem(self) -> str | None:
        if not self.neurons:
            return translate("AddItems", "there is nothing to paste")
        taken = [n.id for n in self.neurons if n.id in self.network.neurons]
        if not taken:
            return None
        return translate("AddItems", "ids already in use: {ids}").format(ids=", ".join(taken))

    def redo(self) -> None:
        for neuron in self.neurons:
            self.network.insert_neuron(neuron)
        for s in self.synapses:
            self.network.add_synapse(s.source, s.target, s.weight, frozen=s.frozen)

    def undo(self) -> None:
        for s in reversed(self.synapses):
            self.network.remove_synapse(s.key)
        for neuron in reversed(self.neurons):
            self.network.remove_neuron(neuron.id)
