"""View ▸ Compare With…: a second lesson beside the open one, both live (issue 16 §5)."""
