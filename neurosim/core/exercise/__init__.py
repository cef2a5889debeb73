"""Self-checking exercises: a network file with an ``exercise`` section (docs/exercises.md).

- :mod:`.section`: what the section holds (:class:`~.section.Exercise`, its goals, locks);
- :mod:`.reading`: ``exercise_from_dict`` checks a section, ``exercise_of(network)`` gives a
  network's exercise (None without one) checked against its ids;
- :mod:`.writing`: ``exercise_to_dict``, ``goal_to_dict``;
- :mod:`.checks`: ``check_goals(exercise, network)``, live ✓/✗ per table row;
- :mod:`.locks`: locked and frozen parts, ``LockPolicy(...).reason(kind, key)`` for live edits;
- :mod:`.grading`: ``grade(exercise_network, submission)``, goals + locked parts.
"""
