"""Training in the window: the Train panel, the training curves, Compare activations.

:class:`~neurosim.ui.training.training_ui.TrainingUI` makes the set the main window shows.
"""
