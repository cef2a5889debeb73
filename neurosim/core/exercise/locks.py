"""Locked and frozen parts of an exercise: checking a submission, and refusing edits live.

An exercise locks neurons (they must stay), synapses (they must keep their weight) and
fields (``bias``, ``activation``, ``value`` or an activation parameter). Neurons and synapses
marked ``frozen`` in the exercise network must keep their bias and weight too.
"""

from __future__ import annotations

import math
from typing import Any

from neurosim.core.exercise.checks import GoalResult, fmt
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.exercise.section import (
    ActivationsGoal,
    DatasetGoal,
    Exercise,
    Locks,
    TableGoal,
)
from neurosim.core.model import Network, SynapseKey
from neurosim.core.text_marks import QT_TRANSLATE_NOOP, fill

LOCK_KINDS = ("neuron", "synapse", "bias", "activation", "param", "value", "delete")
KIND = "locked"


def _same(a: float, b: float) -> bool:
    # Files round-trip floats exactly; the slack only forgives arithmetic in other tools.
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _arrow(key: SynapseKey) -> str:
    return f"{key[0]} → {key[1]}"


def _field_name(name: str) -> str:
    """A locked field as a student reads it: "bias", "activation", "input value", "alpha"."""
    return _FIELD_NAMES.get(name, name)


_FIELD_NAMES = {
    "value": QT_TRANSLATE_NOOP("Locks", "input value"),
    "bias": QT_TRANSLATE_NOOP("Locks", "bias"),
    "activation": QT_TRANSLATE_NOOP("Locks", "activation"),
    "threshold": QT_TRANSLATE_NOOP("Locks", "threshold"),
}


# --------------------------------------------------------------------- grading
def check_locks(
    exercise: Exercise, exercise_network: Network, submission: Network
) -> list[GoalResult]:
    """One result per locked or frozen part: passed when the submission kept it unchanged."""
    # (what, key) -> frozen rather than locked; a neuron's key is its id, the others a pair
    items: dict[tuple[str, str | tuple[str, str]], bool] = {}
    locks = exercise.locked
    for nid in locks.neurons:
        items[("neuron", nid)] = False
    for key in locks.synapses:
        items[("synapse", key)] = False
    for field in locks.params:
        items[("field", field)] = False
    for key, s in exercise_network.synapses.items():
        if s.frozen:
            items.setdefault(("synapse", key), True)
    for n in exercise_network:
        if n.frozen and not n.is_input:
            items.setdefault(("field", (n.id, "bias")), True)
    results = []
    for (what, part), frozen in items.items():
        if what == "neuron":
            assert isinstance(part, str)
            label, problem = _neuron(exercise_network, submission, part)
        else:
            assert isinstance(part, tuple)
            check = _synapse if what == "synapse" else _field
            label, problem = check(exercise_network, submission, part)
        if problem:
            template = (
                QT_TRANSLATE_NOOP("Locks", "frozen by the exercise: {problem}")
                if frozen
                else QT_TRANSLATE_NOOP("Locks", "locked by the exercise: {problem}")
            )
            problem = fill(template, problem=problem)
        detail = problem or QT_TRANSLATE_NOOP("Locks", "unchanged")
        results.append(GoalResult(None, label, not problem, detail, None, KIND))
    return results


def _neuron(ex: Network, sub: Network, nid: str) -> tuple[str, str]:
    kind = ex.neurons[nid].kind
    label = fill(_KEPT[kind], nid=nid)
    if nid not in sub.neurons:
        return label, fill(_DELETED, nid=nid)
    if sub.neurons[nid].kind != kind:
        template = QT_TRANSLATE_NOOP("Locks", "neuron {nid} was {kind}, now {now}")
        return label, fill(template, nid=nid, kind=_KINDS[kind], now=_KINDS[sub.neurons[nid].kind])
    return label, ""


_KEPT = {
    "input": QT_TRANSLATE_NOOP("Locks", "input neuron {nid} is kept"),
    "hidden": QT_TRANSLATE_NOOP("Locks", "hidden neuron {nid} is kept"),
    "output": QT_TRANSLATE_NOOP("Locks", "output neuron {nid} is kept"),
}
_DELETED = QT_TRANSLATE_NOOP("Locks", "neuron {nid} was deleted")
_KINDS = {
    "input": QT_TRANSLATE_NOOP("Locks", "input"),
    "hidden": QT_TRANSLATE_NOOP("Locks", "hidden"),
    "output": QT_TRANSLATE_NOOP("Locks", "output"),
}


def _synapse(ex: Network, sub: Network, key: SynapseKey) -> tuple[str, str]:
    weight = ex.synapses[key].weight
    label = fill(
        QT_TRANSLATE_NOOP("Locks", "weight {synapse} stays {value}"),
        synapse=_arrow(key),
        value=fmt(weight),
    )
    if key not in sub.synapses:
        template = QT_TRANSLATE_NOOP("Locks", "the synapse {synapse} was deleted")
        return label, fill(template, synapse=_arrow(key))
    now = sub.synapses[key].weight
    if not _same(now, weight):
        template = QT_TRANSLATE_NOOP("Locks", "the weight {synapse} was {before}, now {now}")
        return label, fill(template, synapse=_arrow(key), before=fmt(weight), now=fmt(now))
    return label, ""


def _field(ex: Network, sub: Network, key: tuple[str, str]) -> tuple[str, str]:
    nid, name = key
    before = _field_value(ex, nid, name)
    # check_ids, run whenever an exercise is read from its network, refuses a lock on a field
    # the exercise network's neuron lacks.
    assert before is not None, f"the exercise network has no {name} on {nid}"
    shown = before if isinstance(before, str) else fmt(before)
    field = _field_name(name)
    label = fill(
        QT_TRANSLATE_NOOP("Locks", "{field} of {nid} stays {value}"),
        field=field,
        nid=nid,
        value=shown,
    )
    if nid not in sub.neurons:
        return label, fill(_DELETED, nid=nid)
    now = _field_value(sub, nid, name)
    if now is None:
        template = QT_TRANSLATE_NOOP(
            "Locks", "{nid} no longer has a {field} (its activation is now {activation})"
        )
        return label, fill(template, nid=nid, field=name, activation=sub.neurons[nid].activation)
    if isinstance(before, str) or isinstance(now, str):
        changed = before != now
    else:
        changed = not _same(now, before)
    if changed:
        now_shown = now if isinstance(now, str) else fmt(now)
        template = QT_TRANSLATE_NOOP("Locks", "the {field} of {nid} was {before}, now {now}")
        return label, fill(template, field=field, nid=nid, before=shown, now=now_shown)
    return label, ""


def _field_value(network: Network, nid: str, name: str) -> float | str | None:
    n = network.neurons[nid]
    if name == "value":
        return n.value if n.is_input else None
    if n.is_input:
        return None
    if name == "bias":
        return n.bias
    if name == "activation":
        return n.activation
    return n.params.get(name)


# --------------------------------------------------------------------- live edits
class LockPolicy:
    """What an exercise protects, for refusing edits in the app before they happen.

    Built once when the exercise is opened (frozen flags are read from the exercise
    network then), so unfreezing something later does not unlock it.
    """

    def __init__(
        self, exercise: Exercise | None = None, exercise_network: Network | None = None
    ) -> None:
        locks = exercise.locked if exercise is not None else Locks()
        self.neurons = frozenset(locks.neurons)
        self.synapses = frozenset(locks.synapses)
        self.fields = frozenset(locks.params)
        net = exercise_network
        self.frozen_synapses = (
            frozenset(k for k, s in net.synapses.items() if s.frozen) if net else frozenset()
        )
        self.frozen_biases = (
            frozenset(n.id for n in net if n.frozen and not n.is_input) if net else frozenset()
        )
        self.goal_neurons = frozenset(_goal_neurons(exercise)) if exercise else frozenset()

    def __bool__(self) -> bool:
        return bool(
            self.neurons
            or self.synapses
            or self.fields
            or self.frozen_synapses
            or self.frozen_biases
            or self.goal_neurons
        )

    def reason(self, kind: str, key: Any) -> str | None:
        """Why the edit may not be made (a sentence for the status bar), or None.

        kind/key: "neuron" id (the neuron itself), "synapse" (source, target) (its weight),
        "bias"/"activation"/"value" id, "param" (id, name), "delete" id or (source, target).
        """
        if kind == "neuron":
            return _locked(_neuron_part(key)) if key in self.neurons else None
        if kind == "synapse":
            return self._synapse(tuple(key))
        if kind in ("bias", "activation", "value"):
            return self._field(key, kind)
        if kind == "param":
            return self._field(key[0], key[1])
        if kind == "delete":
            if isinstance(key, str):
                return self._delete_neuron(key)
            return self._synapse(tuple(key))
        raise ValueError(f"unknown lock kind {kind!r}; known: {', '.join(LOCK_KINDS)}")

    def _synapse(self, key: tuple) -> str | None:
        if key in self.synapses:
            return _locked(
                fill(QT_TRANSLATE_NOOP("Locks", "the weight {synapse}"), synapse=_arrow(key))
            )
        if key in self.frozen_synapses:
            template = QT_TRANSLATE_NOOP(
                "Locks", "frozen by the exercise: the weight {synapse} must keep its value"
            )
            return fill(template, synapse=_arrow(key))
        return None

    def _field(self, nid: str, name: str) -> str | None:
        if (nid, name) in self.fields:
            return _locked(_field_part(name, nid))
        if name == "bias" and nid in self.frozen_biases:
            template = QT_TRANSLATE_NOOP(
                "Locks", "frozen by the exercise: the bias of {nid} must keep its value"
            )
            return fill(template, nid=nid)
        if name == "activation":
            # Another activation would drop or reset a locked parameter such as a threshold.
            for other_nid, other in sorted(self.fields):
                if other_nid == nid and other not in ("bias", "value"):
                    template = QT_TRANSLATE_NOOP(
                        "Locks",
                        "locked by the exercise: {what} is part of the task, "
                        "so its activation must stay",
                    )
                    return fill(template, what=_field_part(other, nid, raw=True))
        return None

    def _delete_neuron(self, nid: str) -> str | None:
        if nid in self.neurons:
            return _locked(_neuron_part(nid))
        for other_nid, name in sorted(self.fields):
            if other_nid == nid:
                return _locked(_field_part(name, nid))
        if nid in self.frozen_biases:
            template = QT_TRANSLATE_NOOP(
                "Locks", "frozen by the exercise: neuron {nid} must keep its bias"
            )
            return fill(template, nid=nid)
        for key in sorted(self.synapses | self.frozen_synapses):
            if nid in key:
                return self._synapse(key)
        if nid in self.goal_neurons:
            template = QT_TRANSLATE_NOOP(
                "Locks", "the exercise's goals use neuron {nid}, so it cannot be deleted"
            )
            return fill(template, nid=nid)
        return None


def lock_policy(network: Network) -> LockPolicy:
    """The lock policy of a network's exercise (an empty one for a plain network)."""
    return LockPolicy(exercise_of(network), network)


def is_locked(exercise_network: Network, kind: str, key: Any) -> str | None:
    """Why the exercise refuses this edit, or None; see :meth:`LockPolicy.reason`."""
    return lock_policy(exercise_network).reason(kind, key)


def _locked(what: str) -> str:
    template = QT_TRANSLATE_NOOP("Locks", "locked by the exercise: {what} is part of the task")
    return fill(template, what=what)


def _neuron_part(nid: str) -> str:
    return fill(QT_TRANSLATE_NOOP("Locks", "neuron {nid}"), nid=nid)


def _field_part(name: str, nid: str, raw: bool = False) -> str:
    """ "the bias of h1" (``raw``: the parameter's own name, as "the threshold of y")."""
    field = name if raw else _field_name(name)
    return fill(QT_TRANSLATE_NOOP("Locks", "the {field} of {nid}"), field=field, nid=nid)


def _goal_neurons(exercise: Exercise) -> set[str]:
    ids: set[str] = set()
    for goal in exercise.goals:
        if isinstance(goal, TableGoal):
            for row in goal.rows:
                ids.update(row.inputs)
                ids.update(row.expect)
        elif isinstance(goal, DatasetGoal):
            ids.update(goal.dataset.input_names)
            ids.update(goal.dataset.target_names)
        elif isinstance(goal, ActivationsGoal):
            ids.update(goal.neurons or ())
    return ids
