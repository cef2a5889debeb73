"""View ▸ Explain Forward Pass: one evaluation of the current inputs, beat by beat."""
