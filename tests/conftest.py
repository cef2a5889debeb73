"""Test-session environment: headless Qt, one BLAS thread, throw-away QSettings.

This runs before any test module is imported, so the variables below are in place before
numpy or Qt load (both read them once, at import / QApplication creation).
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile

# No display configured -> render offscreen; an explicit QT_QPA_PLATFORM always wins.
if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# One BLAS thread: deterministic sums and no oversubscription on small CI machines.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

# QSettings (native format on Linux) lives under XDG_CONFIG_HOME: point it at a temporary
# folder so tests never read or overwrite the user's real settings.
# The same for the cache (start-page thumbnails) and data (crash-recovery files) folders.
_CONFIG_HOME = tempfile.mkdtemp(prefix="neurosim-test-config-")
os.environ["XDG_CONFIG_HOME"] = _CONFIG_HOME
for _var, _sub in (("XDG_CACHE_HOME", "cache"), ("XDG_DATA_HOME", "data")):
    os.environ[_var] = os.path.join(_CONFIG_HOME, _sub)


def pytest_unconfigure(config) -> None:
    # The offscreen platform segfaults at exit when the clipboard still holds our data.
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            app.clipboard().clear()
    shutil.rmtree(_CONFIG_HOME, ignore_errors=True)
