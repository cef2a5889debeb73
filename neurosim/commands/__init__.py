"""Headless subcommands of the ``neurosim`` command, one module each."""
