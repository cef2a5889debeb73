"""Self-checking exercises: a network file with an ``exercise`` section (see docs/exercises.md).

This module is the public face; the work is split over ``exercise_spec`` (the section's
form), ``exercise_check`` (goals) and ``exercise_locks`` (locked and frozen parts).

    exercise = exercise_of(network)               # None for a plain network file
    results = check_goals(exercise, network)      # live ✓/✗, one result per table row
    report = grade(exercise_network, submission)  # goals + locked parts, report.solved
    LockPolicy(exercise, network).reason("synapse", ("x1", "y"))  # why an edit is refused
"""

from __future__ import annotations

from typing import Any

from neurosim.core.exercise_check import GoalResult, Report, check_goals, row_label
from neurosim.core.exercise_locks import LOCK_KINDS, LockPolicy, check_locks
from neurosim.core.exercise_spec import (
    ALLOWED_TAGS,
    FIRING_WORDS,
    NEURON_FIELDS,
    SECTION,
    ActivationsGoal,
    DatasetGoal,
    Exercise,
    Goal,
    Locks,
    MaxHiddenGoal,
    TableGoal,
    TableRow,
    exercise_from_dict,
    exercise_to_dict,
    goal_to_dict,
)
from neurosim.core.model import Network
from neurosim.core.validate import FileFormatError

__all__ = [
    "ALLOWED_TAGS",
    "FIRING_WORDS",
    "LOCK_KINDS",
    "SECTION",
    "ActivationsGoal",
    "DatasetGoal",
    "Exercise",
    "FileFormatError",
    "Goal",
    "GoalResult",
    "LockPolicy",
    "Locks",
    "MaxHiddenGoal",
    "Report",
    "TableGoal",
    "TableRow",
    "check_goals",
    "check_ids",
    "check_locked",
    "exercise_from_dict",
    "exercise_of",
    "exercise_to_dict",
    "goal_to_dict",
    "grade",
    "is_locked",
    "lock_policy",
    "row_label",
]


def exercise_of(network: Network) -> Exercise | None:
    """The network's exercise (checked against its neurons), or None when it has none."""
    if SECTION not in network.extra:
        return None
    exercise = exercise_from_dict(network.extra[SECTION])
    check_ids(exercise, network)
    return exercise


def grade(exercise_network: Network, submission: Network) -> Report:
    """Every goal of ``exercise_network``'s exercise checked on ``submission``, then its locks.

    The goals come from the exercise network, never from the submission (whose copy of the
    section a student could have edited). Raises FileFormatError without an exercise.
    """
    exercise = _required(exercise_network)
    locked = check_locks(exercise, exercise_network, submission)
    return Report(tuple(check_goals(exercise, submission)) + tuple(locked))


def check_locked(exercise_network: Network, submission: Network) -> list[GoalResult]:
    """One result per locked or frozen part of the exercise: kept unchanged or not."""
    return check_locks(_required(exercise_network), exercise_network, submission)


def lock_policy(network: Network) -> LockPolicy:
    """The lock policy of a network's exercise (an empty one for a plain network)."""
    return LockPolicy(exercise_of(network), network)


def is_locked(exercise_network: Network, kind: str, key: Any) -> str | None:
    """Why the exercise refuses this edit, or None; see :meth:`LockPolicy.reason`."""
    return lock_policy(exercise_network).reason(kind, key)


def _required(network: Network) -> Exercise:
    exercise = exercise_of(network)
    if exercise is None:
        raise FileFormatError("the file has no 'exercise' section, so there is nothing to check")
    return exercise


# ------------------------------------------------------------- against a network
def check_ids(exercise: Exercise, network: Network, where: str = SECTION) -> None:
    """Raise FileFormatError if the section names a neuron, synapse or field the network lacks."""
    for gi, goal in enumerate(exercise.goals):
        at = f"{where}.goals[{gi}]"
        if isinstance(goal, TableGoal):
            for ri, row in enumerate(goal.rows):
                for nid in row.inputs:
                    _need(network, nid, f"{at}.rows[{ri}].inputs.{nid}", want_input=True)
                for nid in row.expect:
                    _need(network, nid, f"{at}.rows[{ri}].expect.{nid}", want_input=False)
        elif isinstance(goal, DatasetGoal):
            for nid in goal.dataset.input_names:
                _need(network, nid, f"{at}.dataset.inputs", want_input=True)
            for nid in goal.dataset.target_names:
                _need(network, nid, f"{at}.dataset.outputs", want_input=False)
        elif isinstance(goal, ActivationsGoal):
            for i, nid in enumerate(goal.neurons or ()):
                _need(network, nid, f"{at}.neurons[{i}]", want_input=False)
    locks = exercise.locked
    for i, nid in enumerate(locks.neurons):
        _need(network, nid, f"{where}.locked.neurons[{i}]")
    for i, key in enumerate(locks.synapses):
        if key not in network.synapses:
            raise FileFormatError(
                f"{where}.locked.synapses[{i}]: there is no synapse {key[0]} → {key[1]}"
            )
    for i, (nid, name) in enumerate(locks.params):
        _check_param(network, nid, name, f"{where}.locked.params[{i}]")


def _need(network: Network, nid: str, where: str, want_input: bool | None = None) -> None:
    neuron = network.neurons.get(nid)
    if neuron is None:
        raise FileFormatError(f"{where}: there is no neuron '{nid}' in the network")
    if want_input is True and not neuron.is_input:
        raise FileFormatError(f"{where}: '{nid}' is not an input neuron")
    if want_input is False and neuron.is_input:
        raise FileFormatError(f"{where}: '{nid}' is an input neuron; name a hidden or output one")


def _check_param(network: Network, nid: str, name: str, where: str) -> None:
    _need(network, nid, where)
    neuron = network.neurons[nid]
    if name == "value":
        if not neuron.is_input:
            raise FileFormatError(
                f"{where}: only input neurons have a value; '{nid}' is {neuron.kind}"
            )
        return
    if neuron.is_input:
        raise FileFormatError(f"{where}: '{nid}' is an input neuron; lock its \"value\"")
    if name not in NEURON_FIELDS and name not in neuron.params:
        known = ", ".join([*NEURON_FIELDS[:2], *neuron.params])
        raise FileFormatError(f"{where}: '{nid}' has no {name!r} to lock; it has {known}")
