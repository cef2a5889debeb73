"""Build shim: ship the top-level ``resources/`` folder as the ``neurosim.resources`` package.

All metadata lives in pyproject.toml. This file exists only because pyproject's
``packages.find`` cannot add packages whose folder is mapped elsewhere by ``package-dir``
(``"neurosim.resources" = "resources"``; the files come from its ``package-data``).
"""

from pathlib import Path

from setuptools import find_packages, setup


def _resource_packages() -> list[str]:
    # Every sub-folder is listed too: otherwise setuptools warns that it looks like an
    # importable namespace package missing from `packages`.
    root = Path(__file__).parent / "resources"
    names = ["neurosim.resources"]
    for folder in sorted(p for p in root.rglob("*") if p.is_dir()):
        parts = folder.relative_to(root).parts
        if not any(part.startswith((".", "__")) for part in parts):
            names.append(".".join(["neurosim.resources", *parts]))
    return names


setup(packages=[*find_packages(include=["neurosim", "neurosim.*"]), *_resource_packages()])
