"""Where the runtime resources (examples, exercises, icons, schema) are on this machine.

The same files are found in three layouts:

* an installed wheel: ``site-packages/neurosim/resources/`` (the ``neurosim.resources`` package);
* a source checkout or editable install: the repository's top-level ``resources/``;
* a PyInstaller build: ``sys._MEIPASS/resources`` (or ``.../neurosim/resources``).
"""

from __future__ import annotations

import importlib.util
import sys
from functools import cache
from pathlib import Path

_PACKAGE = "neurosim.resources"


def _frozen_candidates() -> list[Path]:
    bundle = getattr(sys, "_MEIPASS", None)
    if not getattr(sys, "frozen", False) or bundle is None:
        return []
    return [Path(bundle) / "resources", Path(bundle) / "neurosim" / "resources"]


def _package_candidates() -> list[Path]:
    # find_spec rather than importlib.resources.files(): the folder has no __init__.py, and
    # for such namespace packages files() returns a MultiplexedPath, not a real Path.
    try:
        spec = importlib.util.find_spec(_PACKAGE)
    except (ImportError, ValueError):
        return []
    if spec is None or spec.submodule_search_locations is None:
        return []
    return [Path(location) for location in spec.submodule_search_locations]


def _checkout_candidates() -> list[Path]:
    root = Path(__file__).resolve().parent.parent
    # pyproject.toml beside it tells a checkout from a stray site-packages/resources folder.
    return [root / "resources"] if (root / "pyproject.toml").is_file() else []


@cache
def resources_dir() -> Path:
    """The folder holding the runtime resources; FileNotFoundError if there is none."""
    candidates = [*_frozen_candidates(), *_package_candidates(), *_checkout_candidates()]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    tried = ", ".join(str(c) for c in candidates) or "nowhere"
    raise FileNotFoundError(f"NeuroSim's resources folder is missing (looked in: {tried})")


def resource_path(*parts: str) -> Path:
    """Path of a resource, e.g. ``resource_path("examples", "and_gate.json")``.

    The file need not exist (callers may list or probe); a path that would leave the
    resources folder (absolute, or through ``..``) raises ValueError.
    """
    base = resources_dir()
    path = base.joinpath(*parts)
    if not path.resolve().is_relative_to(base.resolve()):
        raise ValueError(f"resource path {'/'.join(parts)!r} points outside the resources folder")
    return path
