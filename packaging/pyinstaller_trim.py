"""What packaging/neurosim.spec leaves out of the trimmed PyInstaller build, and how.

Plain functions over PyInstaller's TOC entries ``(dest, src, typecode)``, kept out of the spec
so tests/test_packaging.py can check them without running PyInstaller.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePath

# Qt plugins, by folder: a plugin is kept if its file name, without "lib" and the extension,
# matches; a folder not listed is dropped whole. The platform plugins cover X11, Wayland,
# Windows and macOS; offscreen/minimal run the self-test and headless screenshots.
KEEP_PLUGINS = {
    "platforms": r"q(xcb|wayland.*|offscreen|minimal|windows|cocoa)",
    # PNG support is built into QtGui; these add the formats the app reads (icons, images).
    "imageformats": r"q(svg|ico|jpeg)",
    "iconengines": r"qsvgicon",  # QIcon from an .svg file
    # Native file dialogs through the desktop portal. Not gtk3: it would drag in a partial
    # GTK stack (cairo, pango, …) from the build machine that can clash with the user's GTK.
    "platformthemes": r"qxdgdesktopportal",
    "platforminputcontexts": r"(compose|ibus)platforminputcontextplugin",  # accents, CJK
    "xcbglintegrations": r"qxcb-(glx|egl)-integration",  # OpenGL under X11 (pyqtgraph)
    "wayland-shell-integration": r"xdg-shell",
    "wayland-decoration-client": r".*",  # window title bars on GNOME and others
    "wayland-graphics-integration-client": r"qt-plugin-wayland-egl",  # OpenGL on Wayland
    "styles": r".*",  # the native look on Windows and macOS
}
# Python modules the app never imports but some package may pull in when present. ssl and
# _hashlib take OpenSSL (~6 MB) with them; the stdlib modules that use them import them in
# try/except and hashlib falls back to its built-in hashes.
EXCLUDES = [
    "tkinter",
    "_tkinter",
    "PyQt5",
    "PyQt6",
    "PySide2",
    "IPython",
    "matplotlib",
    "scipy",
    "pytest",
    "hypothesis",
    "pytestqt",
    "setuptools",
    "pkg_resources",
    "ssl",
    "_ssl",
    "_hashlib",
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtPdf",
    "PySide6.QtTest",
    "pyqtgraph.opengl",
    "pyqtgraph.examples",
    "pyqtgraph.jupyter",
    "OpenGL",
]


def keep(dest: str) -> bool:
    """False for a collected file the trimmed build leaves out (dest: path inside the bundle)."""
    parts = PurePath(dest).parts
    if parts[0] != "PySide6":
        return True
    if "translations" in parts:
        # Qt's own dialogs' text in the languages NeuroSim speaks (neurosim.ui.i18n), no more
        return re.fullmatch(r"qtbase_(zh_CN)\.qm", parts[-1]) is not None
    if "plugins" in parts and len(parts) > parts.index("plugins") + 2:
        pattern = KEEP_PLUGINS.get(parts[parts.index("plugins") + 1])
        name = re.sub(r"^lib|\.(so|dll|dylib)$", "", parts[-1])
        return pattern is not None and re.fullmatch(pattern, name) is not None
    return True


def linked_only(binaries: list) -> list:
    """Drop shared libraries that nothing kept links to (Linux only).

    The roots are the Python extension modules, the kept Qt plugins and libpython; a library
    stays if a root needs it, directly or through other libraries. What goes are the
    libraries only the dropped plugins needed. Not on Windows and macOS, where Qt loads some
    libraries by name at run time (opengl32sw.dll, …), which this would not see.
    """
    from PyInstaller.depend.bindepend import get_imports

    files = [e for e in binaries if e[2] != "SYMLINK"]
    by_name = {PurePath(dest).name: (dest, src, kind) for dest, src, kind in files}
    todo = [
        e
        for e in files
        if e[2] != "BINARY"
        or "plugins" in PurePath(e[0]).parts
        or "python" in PurePath(e[0]).name.lower()
    ]
    needed = set()
    while todo:
        dest, src, _kind = todo.pop()
        if dest in needed:
            continue
        needed.add(dest)
        todo.extend(
            by_name[PurePath(name).name]
            for name, _path in get_imports(src)
            if PurePath(name).name in by_name
        )
    # Numpy's own libraries (OpenBLAS, gfortran) always stay, whatever the analysis says.
    return [e for e in binaries if e[2] == "SYMLINK" or e[0] in needed or e[0].startswith("numpy")]


def without_dangling_links(toc: list, kept: set) -> list:
    """Drop the symlinks PyInstaller made to files that were left out."""

    def target(dest: str, src: str) -> str:
        return os.path.normpath(os.path.join(os.path.dirname(dest), src))

    return [e for e in toc if e[2] != "SYMLINK" or target(e[0], e[1]) in kept]


def without_debug_info(binaries: list, workpath: str) -> list:
    """Python's own libraries stripped of debug info (Linux, when `strip` exists).

    pyenv and other source builds leave debug info in libpython and the stdlib extension
    modules: ~25 MB of the bundle. Only those are stripped; the Qt, numpy and OpenBLAS
    libraries are used exactly as shipped.
    """
    strip = shutil.which("strip")
    base = Path(sys.base_prefix).resolve()
    out_dir = Path(workpath) / "stripped"
    result = []
    for dest, src, kind in binaries:
        path = Path(src).resolve()
        python_own = path.is_relative_to(base) and not {"site-packages", "dist-packages"} & set(
            path.parts
        )
        if strip and kind != "SYMLINK" and python_own:
            target = out_dir / dest
            target.parent.mkdir(parents=True, exist_ok=True)
            subprocess.run([strip, "--strip-debug", "-o", str(target), str(path)], check=True)
            src = str(target)
        result.append((dest, src, kind))
    return result


def trimmed(binaries: list, datas: list, workpath: str) -> tuple[list, list]:
    """The Analysis' binaries and datas without what NeuroSim does not use."""
    binaries = [entry for entry in binaries if keep(entry[0])]
    datas = [entry for entry in datas if keep(entry[0])]
    if sys.platform.startswith("linux"):
        binaries = without_debug_info(linked_only(binaries), workpath)
    kept = {os.path.normpath(e[0]) for e in [*binaries, *datas] if e[2] != "SYMLINK"}
    return without_dangling_links(binaries, kept), without_dangling_links(datas, kept)
