"""The network model: neurons, synapses and the edits allowed on them.

Every edit goes through a method that validates it, stores it and announces it on one of the
:class:`Network` signals; an edit that changes nothing announces nothing. Invalid edits raise
:class:`NetworkError` (or a subclass) with a message a student can read.

Signals of :class:`Network` (all Qt-free, see :mod:`neurosim.core.events`):

- ``neuron_added(id)``, ``neuron_removed(id)``
- ``synapse_added(key)``, ``synapse_removed(key)`` — ``key`` is ``(source, target)``
- ``neuron_changed(id, field)`` — field is one of ``NEURON_FIELDS``
- ``synapse_changed(key, field)`` — ``"weight"`` or ``"frozen"``
- ``parameters_changed()`` — many weights/biases replaced at once (training)
- ``meta_changed()``
- ``activations_changed(name)`` — a formula activation was defined in the network or dropped
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from neurosim.core.activations import get_activation
from neurosim.core.custom_activations import SECTION, install, is_formula, uninstall
from neurosim.core.events import Signal
from neurosim.core.formula.library import FormulaActivation, to_section_entry
from neurosim.core.graph import find_path
from neurosim.core.model_queries import NetworkQueries

# The parts of a network live in model_types; they are re-exported from here.
from neurosim.core.model_types import (  # noqa: F401
    DEFAULT_ACTIVATION,
    ID_PREFIX,
    KINDS,
    NEURON_FIELDS,
    ConnectionRefused,
    NetworkError,
    Neuron,
    Synapse,
    SynapseKey,
    _insert,
    _point,
    finite,
)
from neurosim.core.names import name_problem
from neurosim.core.text_marks import QT_TRANSLATE_NOOP, fill

#: every announcement a Network makes, by attribute name (views adapting them rely on it)
SIGNAL_NAMES = (
    "neuron_added",
    "neuron_removed",
    "synapse_added",
    "synapse_removed",
    "neuron_changed",
    "synapse_changed",
    "parameters_changed",
    "meta_changed",
    "activations_changed",
)
#: the announcements of a change of structure (neurons or synapses added or removed)
STRUCTURE_SIGNAL_NAMES = SIGNAL_NAMES[:4]


class Network(NetworkQueries):
    """A directed acyclic graph of neurons joined by weighted synapses."""

    def __init__(self, meta: dict[str, Any] | None = None) -> None:
        self.neurons: dict[str, Neuron] = {}
        self.synapses: dict[SynapseKey, Synapse] = {}
        self.meta: dict[str, Any] = dict(meta or {})
        #: top-level file keys this version does not interpret, kept on round trip
        self.extra: dict[str, Any] = {}
        self._succ: dict[str, list[str]] | None = None  # adjacency cache, kept up to date
        self.neuron_added = Signal()
        self.neuron_removed = Signal()
        self.synapse_added = Signal()
        self.synapse_removed = Signal()
        self.neuron_changed = Signal()
        self.synapse_changed = Signal()
        self.parameters_changed = Signal()
        self.meta_changed = Signal()
        self.activations_changed = Signal()

    def copy(self) -> Network:
        """A deep copy with fresh (unconnected) signals."""
        other = type(self)(copy.deepcopy(self.meta))  # an API network copies as one
        other.extra = copy.deepcopy(self.extra)
        other.neurons = {k: copy.deepcopy(n) for k, n in self.neurons.items()}
        other.synapses = {k: copy.copy(s) for k, s in self.synapses.items()}
        return other

    # ---------------------------------------------------------------- neurons
    def add_neuron(
        self,
        kind: str,
        neuron_id: str | None = None,
        *,
        label: str | None = None,
        position: Iterable[float] = (0.0, 0.0),
        value: float = 0.0,
        bias: float = 0.0,
        activation: str = DEFAULT_ACTIVATION,
        params: dict[str, float] | None = None,
        frozen: bool = False,
        index: int | None = None,
    ) -> Neuron:
        if kind not in KINDS:
            raise NetworkError(f"unknown neuron kind '{kind}'; known: {', '.join(KINDS)}")
        neuron_id = neuron_id or self.new_id(kind)
        label = neuron_id if label is None else label
        _check_name(label, "label")
        act = get_activation(activation)
        x, y = _point(position)
        neuron = Neuron(
            id=neuron_id,
            kind=kind,
            label=label,
            position=(x, y),
            value=finite(value, "value"),
            bias=finite(bias, "bias"),
            activation=act.name,
            params=act.validate_params(params or {}),
            frozen=bool(frozen),
        )
        return self.insert_neuron(neuron, index)

    def insert_neuron(self, neuron: Neuron, index: int | None = None) -> Neuron:
        """Put a ready-made neuron back (undo); ``index`` restores its place in the order."""
        if not isinstance(neuron.id, str) or not neuron.id.strip():
            raise NetworkError("a neuron id must be a non-empty string")
        _check_name(neuron.id, "id")
        if neuron.id in self.neurons:
            raise NetworkError(f"there is already a neuron '{neuron.id}'")
        self.neurons = _insert(self.neurons, neuron.id, neuron, index)
        if self._succ is not None:
            self._succ[neuron.id] = []
        self.neuron_added.emit(neuron.id)
        return neuron

    def remove_neuron(self, neuron_id: str) -> tuple[Neuron, int, list[tuple[Synapse, int]]]:
        """Remove a neuron and its synapses; return what undo needs to put them back."""
        neuron = self.neuron(neuron_id)
        attached = [s for s in self.synapses.values() if neuron_id in s.key]
        removed = [(s, *self.remove_synapse(s.key)[1:]) for s in reversed(attached)]
        index = list(self.neurons).index(neuron_id)
        del self.neurons[neuron_id]
        if self._succ is not None:
            self._succ.pop(neuron_id, None)
        self.neuron_removed.emit(neuron_id)
        return neuron, index, list(reversed(removed))

    def _set_neuron_field(self, neuron_id: str, name: str, value: Any) -> None:
        neuron = self.neuron(neuron_id)
        if getattr(neuron, name) == value:
            return
        setattr(neuron, name, value)
        self.neuron_changed.emit(neuron_id, name)

    def set_label(self, neuron_id: str, label: str) -> None:
        _check_name(str(label), "label")  # a label the file could not load again
        self._set_neuron_field(neuron_id, "label", str(label))

    def set_position(self, neuron_id: str, position: Iterable[float]) -> None:
        x, y = _point(position)
        self._set_neuron_field(neuron_id, "position", (x, y))

    def set_value(self, neuron_id: str, value: float) -> None:
        if not self.neuron(neuron_id).is_input:
            raise NetworkError(f"'{neuron_id}' is not an input neuron, so it has no value")
        self._set_neuron_field(neuron_id, "value", finite(value, f"value of {neuron_id}"))

    def set_bias(self, neuron_id: str, bias: float) -> None:
        if self.neuron(neuron_id).is_input:
            raise NetworkError(f"'{neuron_id}' is an input neuron; inputs have no bias")
        self._set_neuron_field(neuron_id, "bias", finite(bias, f"bias of {neuron_id}"))

    def set_activation(
        self, neuron_id: str, name: str, params: dict[str, float] | None = None
    ) -> None:
        """Change the activation; parameters not given keep their value where the name
        matches and the value is in the new range, else they take the default."""
        neuron = self.neuron(neuron_id)
        if neuron.is_input:
            raise NetworkError(f"'{neuron_id}' is an input neuron; inputs have no activation")
        act = get_activation(name)
        # A value is kept only where it fits: ELU's α = 5 is no leaky ReLU α (at most 1).
        specs = {p.name: p for p in act.params}
        merged = {
            k: v
            for k, v in neuron.params.items()
            if k in specs and specs[k].minimum <= v <= specs[k].maximum
        }
        merged.update(params or {})
        new_params = act.validate_params(merged)
        if (neuron.activation, neuron.params) == (act.name, new_params):
            return
        changed_name = neuron.activation != act.name
        neuron.activation, neuron.params = act.name, new_params
        self.neuron_changed.emit(neuron_id, "activation" if changed_name else "params")

    def set_param(self, neuron_id: str, name: str, value: float) -> None:
        neuron = self.neuron(neuron_id)
        act = get_activation(neuron.activation)
        params = act.validate_params({**neuron.params, name: value}, where=f"{neuron_id}.params")
        self._set_neuron_field(neuron_id, "params", params)

    def set_source(self, neuron_id: str, source: dict[str, Any] | None) -> None:
        if not self.neuron(neuron_id).is_input:
            raise NetworkError(f"'{neuron_id}' is not an input neuron, so it has no signal source")
        self._set_neuron_field(neuron_id, "source", copy.deepcopy(source))

    def set_neuron_frozen(self, neuron_id: str, frozen: bool) -> None:
        self._set_neuron_field(neuron_id, "frozen", bool(frozen))

    # --------------------------------------------------------------- synapses
    def connection_problem(
        self, source: str, target: str, *, check_cycle: bool = True
    ) -> ConnectionRefused | None:
        """Why ``source → target`` may not be made, or None when it may.

        ``check_cycle=False`` skips the one costly check (a search of the graph); only for a
        caller that has checked the whole graph for cycles itself, as the loader does.
        """
        for end in (source, target):
            if end not in self.neurons:
                text = QT_TRANSLATE_NOOP("Network", "there is no neuron '{id}'")
                return ConnectionRefused(fill(text, id=end), "missing")
        if self.neurons[target].is_input:
            text = QT_TRANSLATE_NOOP(
                "Network", "'{id}' is an input neuron: inputs take no synapses"
            )
            return ConnectionRefused(fill(text, id=target), "input_target")
        if source == target:
            text = QT_TRANSLATE_NOOP("Network", "a neuron may not connect to itself ({id} → {id})")
            return ConnectionRefused(fill(text, id=source), "self_loop")
        if (source, target) in self.synapses:
            text = QT_TRANSLATE_NOOP("Network", "there is already a synapse {source} → {target}")
            return ConnectionRefused(fill(text, source=source, target=target), "duplicate")
        path = find_path(self.successors(), target, source) if check_cycle else None
        if path is not None:
            text = QT_TRANSLATE_NOOP(
                "Network", "connecting {source} → {target} would create a cycle {cycle}"
            )
            cycle = " → ".join([*path, target])
            return ConnectionRefused(fill(text, source=source, target=target, cycle=cycle), "cycle")
        return None

    def add_synapse(
        self,
        source: str,
        target: str,
        weight: float = 1.0,
        *,
        frozen: bool = False,
        index: int | None = None,
        check_cycle: bool = True,
    ) -> Synapse:
        problem = self.connection_problem(source, target, check_cycle=check_cycle)
        if problem is not None:
            raise problem
        synapse = Synapse(source, target, finite(weight, "weight"), bool(frozen))
        self.synapses = _insert(self.synapses, synapse.key, synapse, index)
        if self._succ is not None:
            self._succ[source].append(target)
        self.synapse_added.emit(synapse.key)
        return synapse

    def remove_synapse(self, key: SynapseKey) -> tuple[Synapse, int]:
        key = (key[0], key[1])
        synapse = self.synapse(key)
        index = list(self.synapses).index(key)
        del self.synapses[key]
        if self._succ is not None:
            self._succ[key[0]].remove(key[1])
        self.synapse_removed.emit(key)
        return synapse, index

    def set_weight(self, key: SynapseKey, weight: float) -> None:
        synapse = self.synapse(key)
        weight = finite(weight, f"weight of {key[0]} → {key[1]}")
        if synapse.weight != weight:
            synapse.weight = weight
            self.synapse_changed.emit(synapse.key, "weight")

    def set_synapse_frozen(self, key: SynapseKey, frozen: bool) -> None:
        synapse = self.synapse(key)
        if synapse.frozen != bool(frozen):
            synapse.frozen = bool(frozen)
            self.synapse_changed.emit(synapse.key, "frozen")

    # ------------------------------------------------------------ bulk edits
    def set_parameters(self, weights: dict[SynapseKey, float], biases: dict[str, float]) -> None:
        """Replace many weights and biases at once with a single announcement (training).

        Everything is checked before anything is stored, so a refused value leaves the
        network (and every view of it) unchanged.
        """
        new_weights = [
            (self.synapse(key), finite(w, f"weight of {key[0]} → {key[1]}"))
            for key, w in weights.items()
        ]
        new_biases = []
        for nid, b in biases.items():
            neuron = self.neuron(nid)
            if neuron.is_input:
                raise NetworkError(f"'{nid}' is an input neuron; inputs have no bias")
            new_biases.append((neuron, finite(b, f"bias of {nid}")))
        changed = any(s.weight != w for s, w in new_weights)
        changed = changed or any(n.bias != b for n, b in new_biases)
        for synapse, w in new_weights:
            synapse.weight = w
        for neuron, b in new_biases:
            neuron.bias = b
        if changed:
            self.parameters_changed.emit()

    def set_meta(self, key: str, value: Any) -> None:
        if self.meta.get(key) != value:
            self.meta[key] = value
            self.meta_changed.emit()

    # ------------------------------------------------------ formula activations
    @property
    def formula_activations(self) -> list[str]:
        """The names of the formula activations this network defines (its file section)."""
        return list(self.extra.get(SECTION, {}))

    def define_activation(self, fa: FormulaActivation) -> bool:
        """Install ``fa`` and list it in the network's section; FormulaError for a name that
        is a built-in's or means another formula this session. True if it was installed
        now (not before): :meth:`forget_activation` then takes it out again."""
        fresh = not is_formula(fa.name)
        install(fa)
        section = self.extra.setdefault(SECTION, {})
        entry = to_section_entry(fa)
        if section.get(fa.name) != entry:
            section[fa.name] = entry
            self.activations_changed.emit(fa.name)
        return fresh

    def forget_activation(self, name: str, uninstalled: bool = False) -> None:
        """Drop ``name`` from the network's section (and from the registry: ``uninstalled``);
        refused while a neuron uses it."""
        users = [n.id for n in self if n.activation == name]
        if users:
            raise NetworkError(f"{', '.join(users)} still use the activation {name!r}")
        section = self.extra.get(SECTION, {})
        if name in section:
            del section[name]
            if not section:
                del self.extra[SECTION]
            self.activations_changed.emit(name)
        if uninstalled:
            uninstall(name)


def _check_name(text: str, what: str) -> None:
    problem = name_problem(text)
    if problem is not None:
        raise NetworkError(f"the {what} {problem}")
