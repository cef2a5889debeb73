"""Writing the ``exercise`` section: the JSON-ready form :mod:`.reading` reads back."""

from __future__ import annotations

from typing import Any

from neurosim.core.datasets import dataset_to_dict
from neurosim.core.exercise.section import (
    DatasetGoal,
    Exercise,
    Goal,
    MaxHiddenGoal,
    TableGoal,
)


def exercise_to_dict(exercise: Exercise) -> dict[str, Any]:
    """JSON-ready form; :func:`exercise_from_dict` reads it back to an equal exercise."""
    out: dict[str, Any] = {
        "instructions": exercise.instructions,
        "goals": [goal_to_dict(g) for g in exercise.goals],
    }
    locks = exercise.locked
    locked = {
        "neurons": list(locks.neurons),
        "synapses": [list(k) for k in locks.synapses],
        "params": [list(p) for p in locks.params],
    }
    locked = {k: v for k, v in locked.items() if v}
    if locked:
        out["locked"] = locked
    if exercise.hints:
        out["hints"] = list(exercise.hints)
    return out


def goal_to_dict(goal: Goal) -> dict[str, Any]:
    d: dict[str, Any] = {"type": goal.type}
    if goal.title:
        d["title"] = goal.title
    if isinstance(goal, TableGoal):
        d["rows"] = [
            {"inputs": dict(r.inputs), "expect": dict(r.expect)}
            if r.inputs
            else {"expect": dict(r.expect)}
            for r in goal.rows
        ]
        d["tolerance"] = goal.tolerance
    elif isinstance(goal, DatasetGoal):
        d["dataset"] = dataset_to_dict(goal.dataset)
        if goal.min_accuracy is not None:
            d["min_accuracy"] = goal.min_accuracy
        if goal.max_loss is not None:
            d["max_loss"] = goal.max_loss
            d["loss"] = goal.loss
        if goal.train is not None:
            t = goal.train
            d["train"] = {
                "epochs": t.epochs,
                "lr": t.lr,
                "optimizer": t.optimizer,
                "batch_size": t.batch_size,
                "seed": t.seed,
            }
    elif isinstance(goal, MaxHiddenGoal):
        d["count"] = goal.count
    else:
        d["allowed"] = list(goal.allowed)
        if goal.neurons is not None:
            d["neurons"] = list(goal.neurons)
    return d
