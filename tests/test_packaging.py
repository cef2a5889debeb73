"""Desktop packaging: icons, Linux desktop integration, and the wheel as a user installs it."""

from __future__ import annotations

import ast
import configparser
import fnmatch
import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import tomllib
import venv
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from checkout_helpers import copy_checkout

from neurosim.core import fileformat

REPO = Path(__file__).resolve().parent.parent
ICONS = REPO / "resources" / "icons"
LINUX = REPO / "packaging" / "linux"
SIZES = (16, 32, 48, 64, 128, 256, 512)
MIME = "application/x-neurosim+json"
MIME_NS = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
EXAMPLE = ("examples", "single_neuron.nsim.json")


def _png_size(data: bytes) -> tuple[int, int]:
    """(width, height) of PNG bytes; AssertionError if they are not an RGBA PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    length, kind, width, height, depth, colour = struct.unpack(">I4sIIBB", data[8:26])
    assert (length, kind) == (13, b"IHDR")
    assert (depth, colour) == (8, 6), "expected 8-bit RGBA"
    assert data.endswith(b"IEND\xaeB`\x82"), "truncated PNG"
    return width, height


def _load(name: str):
    """A module from packaging/ (a folder of scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, REPO / "packaging" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(LINUX / "neurosim.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


# --- icons -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", SIZES)
def test_png_icon_has_its_size(size) -> None:
    path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "neurosim.png"
    assert _png_size(path.read_bytes()) == (size, size)


def test_ico_holds_a_png_per_size() -> None:
    data = (ICONS / "neurosim.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for i in range(count):
        w, h, _c, _r, _planes, _bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i : 22 + 16 * i]
        )
        png = data[offset : offset + length]
        side = w or 256  # 0 stands for 256
        assert w == h and _png_size(png) == (side, side)
        sizes.append(side)
    assert sizes == [16, 32, 48, 64, 128, 256]


def test_icns_holds_png_entries_up_to_512() -> None:
    data = (ICONS / "neurosim.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    entries, at = {}, 8
    while at < len(data):
        kind, length = data[at : at + 4], struct.unpack(">I", data[at + 4 : at + 8])[0]
        entries[kind] = _png_size(data[at + 8 : at + length])[0]
        at += length
    assert at == len(data)
    assert entries == {
        b"icp4": 16,
        b"icp5": 32,
        b"icp6": 64,
        b"ic07": 128,
        b"ic08": 256,
        b"ic09": 512,
        b"ic11": 32,
        b"ic12": 64,
    }


def test_icons_stay_small() -> None:
    total = sum(p.stat().st_size for p in ICONS.rglob("*") if p.is_file())
    assert total < 200 * 1024, f"icons take {total / 1024:.0f} KiB"


def test_icon_renders_the_neuron_colours(tmp_path, qapp) -> None:
    # qapp first: make_icons must not create a QGuiApplication that pytest-qt cannot use.
    make_icons = _load("make_icons")
    files = make_icons.outputs(icons=tmp_path)
    assert set(files) == {make_icons.png_path(s, tmp_path) for s in SIZES} | {
        tmp_path / "neurosim.ico",
        tmp_path / "neurosim.icns",
    }
    from PySide6.QtGui import QImage

    image = QImage.fromData(files[make_icons.png_path(64, tmp_path)])
    assert (image.width(), image.height()) == (64, 64)
    assert image.pixelColor(0, 63).alpha() == 0  # transparent background
    assert image.pixelColor(44, 36).name() == "#1f4e9c"  # soma
    assert image.pixelColor(40, 12).name() == "#ffc20a"  # firing ring, top
    assert image.pixelColor(6, 32).name() == "#e66101"  # a synapse terminal


# --- Linux desktop integration ----------------------------------------------------------


def test_desktop_file_opens_network_files() -> None:
    entry = _desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "NeuroSim"
    assert entry["Exec"] == "neurosim %f"
    assert entry["Icon"] == "neurosim"
    assert entry["MimeType"] == f"{MIME};"
    assert {"Education", "Science"} <= set(entry["Categories"].rstrip(";").split(";"))
    assert entry["Keywords"].endswith(";") and "neuron" in entry["Keywords"].split(";")
    scripts = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert entry["Exec"].split()[0] in scripts


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed"
)
def test_desktop_file_validates() -> None:
    proc = subprocess.run(
        ["desktop-file-validate", str(LINUX / "neurosim.desktop")],
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout


def test_mime_type_matches_saved_and_shipped_files(tmp_path) -> None:
    root = ET.parse(LINUX / "neurosim-mime.xml").getroot()
    (mime,) = root.findall("m:mime-type", MIME_NS)
    assert mime.get("type") == MIME
    assert mime.find("m:sub-class-of", MIME_NS).get("type") == "application/json"
    globs = [g.get("pattern") for g in mime.findall("m:glob", MIME_NS)]
    assert globs == ["*.nsim.json"]
    shipped = list((REPO / "resources").rglob("*.nsim.json"))
    assert shipped and all(fnmatch.fnmatch(p.name, globs[0]) for p in shipped)
    # The magic must find what NeuroSim writes, where it writes it, whatever the file name.
    match = mime.find("m:magic/m:match", MIME_NS)
    start, end = (int(n) for n in match.get("offset").split(":"))
    saved = tmp_path / "renamed.dat"
    fileformat.save(fileformat.load(REPO / "resources" / Path(*EXAMPLE)), saved)
    text = saved.read_bytes()
    assert text.find(match.get("value").encode()) in range(start, end + 1)


def test_metainfo_describes_the_app() -> None:
    root = ET.parse(LINUX / "io.github.neurosim.NeuroSim.metainfo.xml").getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == "io.github.neurosim.NeuroSim"
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("launchable") == "neurosim.desktop"
    assert (LINUX / root.findtext("launchable")).is_file()
    assert root.findtext("provides/mediatype") == MIME
    assert root.findtext("provides/binary") == "neurosim"
    version = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    assert root.find("releases/release").get("version") == version


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream is not installed")
def test_metainfo_validates() -> None:
    proc = subprocess.run(
        [
            "appstreamcli",
            "validate",
            "--no-net",
            str(LINUX / "io.github.neurosim.NeuroSim.metainfo.xml"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX shell script")
def test_install_script_installs_and_removes(tmp_path) -> None:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "share")}
    script = ["sh", str(LINUX / "install.sh"), "--exec", sys.executable]
    done = subprocess.run(script, capture_output=True, text=True, env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    share = tmp_path / "share"
    desktop = (share / "applications" / "neurosim.desktop").read_text("utf-8")
    assert f"Exec={sys.executable} %f" in desktop.splitlines()
    assert (share / "mime" / "packages" / "neurosim-mime.xml").is_file()
    assert (share / "metainfo" / "io.github.neurosim.NeuroSim.metainfo.xml").is_file()
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "neurosim.svg").is_file()
    for size in SIZES:
        png = share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "neurosim.png"
        assert _png_size(png.read_bytes()) == (size, size)
    if shutil.which("update-mime-database"):
        assert "*.nsim.json" in (share / "mime" / "globs2").read_text("utf-8")
    gone = subprocess.run(
        [*script, "--uninstall"], capture_output=True, text=True, env=env, timeout=60
    )
    assert gone.returncode == 0, gone.stderr
    assert not [p for p in share.rglob("*neurosim*") if p.is_file()]


# --- the PyInstaller build (the build itself: packaging/build.sh, not part of the tests) -----


def _trim():
    return _load("pyinstaller_trim")


def test_pyinstaller_spec_compiles() -> None:
    spec = REPO / "packaging" / "neurosim.spec"
    compile(spec.read_text("utf-8"), str(spec), "exec")


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", True),
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
        ("PySide6/Qt/plugins/platforms/libqminimalegl.so", False),
        ("PySide6/plugins/platforms/qwindows.dll", True),
        ("PySide6/Qt/plugins/platforms/libqcocoa.dylib", True),
        ("PySide6/Qt/plugins/imageformats/libqsvg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
        ("PySide6/Qt/plugins/iconengines/libqsvgicon.so", True),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
        (
            "PySide6/Qt/plugins/wayland-graphics-integration-client/libqt-plugin-wayland-egl.so",
            True,
        ),
        ("PySide6/Qt/plugins/wayland-graphics-integration-client/libvulkan-server.so", False),
        ("PySide6/Qt/plugins/tls/libqopensslbackend.so", False),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtdeclarative_zh_CN.qm", False),
        ("resources/i18n/neurosim_zh_CN.qm", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("numpy.libs/libscipy_openblas64_-32a4b2a6.so", True),
        ("resources/examples/single_neuron.nsim.json", True),
    ],
)
def test_trimming_keeps_what_the_app_uses(dest, kept) -> None:
    assert _trim().keep(dest) is kept


def test_trimming_drops_links_to_dropped_files() -> None:
    toc = [
        ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK"),
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
    ]
    kept = {os.path.normpath("PySide6/Qt/lib/libQt6Core.so.6")}
    assert _trim().without_dangling_links(toc, kept) == [toc[0], toc[2]]


def test_app_does_not_import_what_the_build_excludes() -> None:
    excluded = set(_trim().EXCLUDES)
    found = []
    for path in (REPO / "neurosim").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            else:
                continue
            found += [
                f"{path.relative_to(REPO)}: {n}"
                for n in names
                if any(n == e or n.startswith(e + ".") for e in excluded)
            ]
    assert not found, "excluded from the PyInstaller build: " + ", ".join(found)


# --- the release: sdist and wheel; the wheel installed into a fresh venv -----------------


@pytest.fixture(scope="module")
def release(tmp_path_factory) -> dict[str, Path]:
    """``python -m build`` of a copy of the checkout: the sdist, and the wheel built from it."""
    pytest.importorskip("build", reason="the test extra installs build")
    tmp = tmp_path_factory.mktemp("release")
    # Build from a copy: setuptools writes *.egg-info and build/ into the source folder.
    source = tmp / "src"
    copy_checkout(source)
    built = subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(tmp / "dist"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    (sdist,) = (tmp / "dist").glob("neurosim-*.tar.gz")
    (wheel,) = (tmp / "dist").glob("neurosim-*.whl")
    return {"sdist": sdist, "wheel": wheel}


@pytest.fixture(scope="module")
def installed(release) -> Path:
    """The built wheel installed with its dependencies into a fresh venv, as a user would.

    The venv sees nothing of the system's site-packages, so the test proves the wheel's own
    requirements are enough; pip may take the dependencies from its cache or the registry.
    """
    wheel = release["wheel"]
    env_dir = wheel.parent.parent / "venv"
    venv.create(env_dir, system_site_packages=False, with_pip=False)
    python = env_dir / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    done = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", str(wheel)],
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONNOUSERSITE": "1"},
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return wheel


def test_installed_venv_sees_only_its_own_packages(installed) -> None:
    code = (
        "import PySide6, numpy, pyqtgraph as g; print(PySide6.__file__, numpy.__file__, g.__file__)"
    )
    proc = _venv_run(installed, "python", "-c", code, PYTHONNOUSERSITE="1")
    assert proc.returncode == 0, proc.stderr
    files = proc.stdout.split()
    env_dir = installed.parent.parent / "venv"
    assert files and all(Path(f).is_relative_to(env_dir) for f in files), files


def test_installed_api_works_without_a_display_and_imports_no_qt(installed) -> None:
    code = (
        "import sys, neurosim\n"
        "net = neurosim.load(neurosim.example('03b-xor-hidden-layer'))\n"
        "y = net.evaluate([[0, 1], [1, 1]]).y['xor'].tolist()\n"
        "h = neurosim.layered([2, 3, 1], 'tanh', output='sigmoid').train('xor', epochs=3)\n"
        "qt = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph')]\n"
        "print(list(y), len(h.loss), qt, neurosim.__file__)"
    )
    no_display = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "PYTHONNOUSERSITE": "1"}
    proc = _venv_run(installed, "python", "-c", code, **no_display)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("[1.0, 0.0] 4 [] ")  # outputs, epochs 0-3, no Qt module
    env_dir = installed.parent.parent / "venv"
    assert Path(proc.stdout.split()[-1]).is_relative_to(env_dir)  # the installed package


def test_sdist_is_the_whole_source_release(release) -> None:
    with tarfile.open(release["sdist"]) as sdist:
        top = f"{release['sdist'].name.removesuffix('.tar.gz')}/"
        names = {n.removeprefix(top) for n in sdist.getnames()}
    tracked = [
        p.relative_to(REPO).as_posix()
        for folder in ("resources", "tests", "docs", "packaging", "benchmarks")
        for p in (REPO / folder).rglob("*")
        if p.is_file() and not {"__pycache__", ".hypothesis"} & set(p.parts)
    ]
    missing = [t for t in tracked if t not in names]
    assert not missing, f"not in the sdist: {missing[:10]}"
    for needed in (
        "pyproject.toml",
        "setup.py",
        "MANIFEST.in",
        "LICENSE",
        "README.md",
        "neurosim/cli.py",
        "resources/schema/network-v1.schema.json",
    ):
        assert needed in names
    assert not [n for n in names if n.endswith((".pyc", ".so")) or ".venv" in n]


def _venv_run(wheel: Path, program: str, *args: str, **env: str) -> subprocess.CompletedProcess:
    env_dir = wheel.parent.parent / "venv"
    bindir = env_dir / ("Scripts" if sys.platform == "win32" else "bin")
    # Run outside the checkout and without PYTHONPATH: only the installed package is seen.
    environ = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | env
    return subprocess.run(
        [str(bindir / program), *args],
        capture_output=True,
        text=True,
        cwd=env_dir,
        env=environ,
        timeout=120,
    )


def test_wheel_ships_every_resource(installed) -> None:
    names = set(zipfile.ZipFile(installed).namelist())
    resources = [
        p.relative_to(REPO / "resources").as_posix()
        for p in (REPO / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    ]
    missing = [r for r in resources if f"neurosim/resources/{r}" not in names]
    assert not missing
    for needed in (
        "examples/single_neuron.nsim.json",
        "icons/neurosim.svg",
        "icons/hicolor/256x256/apps/neurosim.png",
    ):
        assert f"neurosim/resources/{needed}" in names
    assert any(n.startswith("neurosim/resources/schema/") for n in names)


def test_installed_wheel_evaluates_its_example(installed) -> None:
    code = f"from neurosim.paths import resource_path as r; print(r(*{EXAMPLE!r}))"
    where = _venv_run(installed, "python", "-c", code)
    assert where.returncode == 0, where.stderr
    example = Path(where.stdout.strip())
    assert example.is_file()
    assert example.is_relative_to(installed.parent.parent / "venv")  # not the checkout's
    proc = _venv_run(installed, "neurosim", "eval", str(example))
    assert proc.returncode == 0, proc.stderr
    assert set(json.loads(proc.stdout)["neurons"]) == {"x1", "x2", "y1"}


def test_installed_wheel_passes_selftest(installed) -> None:
    proc = _venv_run(installed, "neurosim", "--selftest", QT_QPA_PLATFORM="offscreen")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert Path(proc.stdout.strip().splitlines()[-1]).suffix == ".png"
