"""neurosim.paths finds the resources in a checkout, an installed wheel and a frozen build."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import pytest
from checkout_helpers import copy_checkout

import neurosim
from neurosim.paths import resource_path, resources_dir

REPO = Path(__file__).resolve().parent.parent
PACKAGE_DIR = Path(neurosim.__file__).resolve().parent
README_START = "Runtime resources"


@pytest.fixture(autouse=True)
def _fresh_lookup():
    resources_dir.cache_clear()
    yield
    resources_dir.cache_clear()


def test_checkout_uses_top_level_resources() -> None:
    assert resource_path("README.md").resolve() == REPO / "resources" / "README.md"
    assert resource_path("README.md").read_text(encoding="utf-8").startswith(README_START)


def test_paths_may_name_missing_files_but_not_leave_the_folder() -> None:
    assert resource_path("examples", "nope.json") == resources_dir() / "examples" / "nope.json"
    with pytest.raises(ValueError, match="outside the resources folder"):
        resource_path("..", "pyproject.toml")
    with pytest.raises(ValueError, match="outside the resources folder"):
        resource_path("/etc/passwd")


@pytest.mark.parametrize("inside", [("resources",), ("neurosim", "resources")])
def test_frozen_build_uses_bundle_folder(tmp_path, monkeypatch, inside) -> None:
    bundled = tmp_path.joinpath(*inside)
    bundled.mkdir(parents=True)
    (bundled / "README.md").write_text("bundled", encoding="utf-8")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resource_path("README.md") == bundled / "README.md"


def _run_in_site(site: Path) -> subprocess.CompletedProcess[str]:
    # -I -S: no user/site packages, no PYTHONPATH, so only `site` provides neurosim.
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from neurosim.paths import resource_path\n"
        "print(resource_path('README.md'))"
    )
    return subprocess.run(
        [sys.executable, "-I", "-S", "-c", code, str(site)],
        capture_output=True,
        text=True,
        cwd=site,
        timeout=60,
    )


def test_installed_layout_uses_package_resources(tmp_path) -> None:
    site = tmp_path / "site-packages"
    shutil.copytree(PACKAGE_DIR, site / "neurosim", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(REPO / "resources", site / "neurosim" / "resources")
    proc = _run_in_site(site)
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.strip()) == site / "neurosim" / "resources" / "README.md"


def test_missing_resources_is_a_readable_error(tmp_path) -> None:
    site = tmp_path / "site-packages"
    shutil.copytree(PACKAGE_DIR, site / "neurosim", ignore=shutil.ignore_patterns("__pycache__"))
    proc = _run_in_site(site)
    assert proc.returncode != 0
    assert "FileNotFoundError: NeuroSim's resources folder is missing" in proc.stderr


def test_version_is_the_one_in_pyproject() -> None:
    declared = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    try:
        installed = version("neurosim")
    except PackageNotFoundError:  # an uninstalled checkout reads pyproject.toml itself
        assert neurosim.__version__ == declared
    else:
        assert neurosim.__version__ == installed == declared, "reinstall: pip install -e ."


@pytest.mark.slow
def test_wheel_ships_resources(tmp_path) -> None:
    # Build from a copy: pip builds in-tree and would leave build/ and *.egg-info behind.
    source = tmp_path / "src"
    copy_checkout(source)
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            str(source),
            "--no-deps",
            "-w",
            str(tmp_path / "dist"),
            "-q",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = (tmp_path / "dist").glob("neurosim-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "neurosim/resources/README.md" in names
    assert "neurosim/paths.py" in names
    assert not any(name.startswith("resources/") for name in names)
