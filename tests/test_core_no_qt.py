"""neurosim.core must stay importable without Qt: no module in it may pull in PySide6,
shiboken6 or pyqtgraph, directly or through another import.

Modules are discovered at test time, so new files in neurosim/core are covered automatically.
"""

from __future__ import annotations

import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import neurosim.core

QT_PACKAGES = ("PySide6", "shiboken6", "pyqtgraph")


def core_modules() -> list[str]:
    found = pkgutil.walk_packages(neurosim.core.__path__, prefix="neurosim.core.")
    return sorted(info.name for info in found)


def test_core_has_modules_to_check() -> None:
    assert "neurosim.core.model" in core_modules()


def test_importing_core_loads_no_qt() -> None:
    names = ["neurosim.core", *core_modules()]
    code = (
        "import importlib, json, sys\n"
        f"for name in {names!r}:\n"
        "    importlib.import_module(name)\n"
        f"qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT_PACKAGES!r})\n"
        "print(json.dumps(qt))\n"
    )
    # Run beside the package so the child imports the same neurosim as this process.
    package_parent = Path(neurosim.core.__file__).resolve().parent.parent.parent
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=package_parent,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []
