"""The lecture side of the window: examples, notes, lesson views, start page, presentation.

:class:`~neurosim.ui.lessons.lessons_ui.LessonsUI` makes the set the main window shows.
"""
