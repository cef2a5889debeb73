"""Grading a submission: every goal of the exercise network's exercise, then its locks.

report = grade(exercise_network, submission)  # goals + locked parts, report.solved
"""

from __future__ import annotations

from neurosim.core.exercise.checks import GoalResult, Report, check_goals
from neurosim.core.exercise.locks import check_locks
from neurosim.core.exercise.reading import exercise_of
from neurosim.core.exercise.section import Exercise
from neurosim.core.model import Network
from neurosim.core.validate import FileFormatError


def grade(exercise_network: Network, submission: Network) -> Report:
    """Every goal of ``exercise_network``'s exercise checked on ``submission``, then its locks.

    The goals come from the exercise network, never from the submission (whose copy of the
    section a student could have edited). Raises FileFormatError without an exercise.
    """
    exercise = _required(exercise_network)
    locked = check_locks(exercise, exercise_network, submission)
    goals = check_goals(exercise, submission, start=exercise_network)
    return Report(tuple(goals) + tuple(locked))


def check_locked(exercise_network: Network, submission: Network) -> list[GoalResult]:
    """One result per locked or frozen part of the exercise: kept unchanged or not."""
    return check_locks(_required(exercise_network), exercise_network, submission)


def _required(network: Network) -> Exercise:
    exercise = exercise_of(network)
    if exercise is None:
        raise FileFormatError("the file has no 'exercise' section, so there is nothing to check")
    return exercise
