"""The main-window fixtures as a plugin: ``pytest_plugins = ["shell_fixtures"]``.

A separate module because ``shell_helpers`` may already be imported by other tests, and
pytest warns when a module it is asked to load as a plugin was imported before.
"""

from shell_helpers import dialogs, new_window, settings, window  # noqa: F401
