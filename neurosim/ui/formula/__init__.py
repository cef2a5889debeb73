"""Activations written as formulas, in the window: Tools ▸ New Activation… and the
inspector's "Custom…" open :class:`~neurosim.ui.formula.dialog.NewActivationDialog`; OK
pushes :class:`~neurosim.ui.formula.commands.AddActivation` (undo takes it out again)."""
