"""Exercises in the window: the student's checklist and locks, the teacher's authoring.

:class:`~neurosim.ui.exercises.exercise_ui.ExerciseUI` makes the set the main window shows.
"""
