"""A copy of the checkout to build from: setuptools and pip write build/ and *.egg-info into
the source folder, which must not happen to the working tree."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

#: what a build needs none of: version control, venvs, builds and caches
_LEFT_OUT = shutil.ignore_patterns(
    ".git",
    ".venv*",
    "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".*cache",
    ".hypothesis",
    ".benchmarks",
)


def copy_checkout(destination: Path) -> Path:
    """The repository's source files copied to ``destination`` (which must not exist)."""
    shutil.copytree(REPO, destination, ignore=_LEFT_OUT)
    return destination
