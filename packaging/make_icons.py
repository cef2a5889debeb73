"""Render NeuroSim's app icon from ``resources/icons/neurosim.svg`` into every format we ship.

    python3 packaging/make_icons.py            # rewrite the files below
    python3 packaging/make_icons.py --check    # exit 1 if a shipped file is missing or stale

Writes, under ``resources/icons/``:

* ``hicolor/<N>x<N>/apps/neurosim.png`` for N in SIZES (freedesktop icon-theme layout, so
  ``packaging/linux/install.sh`` copies the tree as it is);
* ``neurosim.ico`` (Windows: PNG-compressed entries, 16–256 px);
* ``neurosim.icns`` (macOS: PNG entries, 16–512 px, and 16/32 pt @2x).

The ICO and ICNS containers are written here rather than by Qt's image plugins: both formats
are a tiny header plus the PNG files, and this way the output does not depend on which Qt
plugins a machine has. Rerun after editing the SVG and commit the results.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "neurosim.svg"
SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 32, 48, 64, 128, 256)
# ICNS entry types holding PNG data, by the pixel size they hold. ic11/ic12 are 16/32 pt @2x
# and reuse the 32/64 px PNGs; the big @2x types (ic13, ic14) are left out to keep the file
# small: macOS then scales ic08/ic09, which have the same pixels.
ICNS_TYPES = (
    (b"icp4", 16),
    (b"icp5", 32),
    (b"icp6", 64),
    (b"ic07", 128),
    (b"ic08", 256),
    (b"ic09", 512),
    (b"ic11", 32),
    (b"ic12", 64),
)


def png_path(size: int, icons: Path = ICONS) -> Path:
    return icons / "hicolor" / f"{size}x{size}" / "apps" / "neurosim.png"


def render_pngs(svg: Path, sizes: tuple[int, ...]) -> dict[int, bytes]:
    """PNG bytes of the SVG rendered at each size (transparent background)."""
    # Offscreen unless told otherwise: this runs on build machines without a display.
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (keeps Qt alive)
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"error: {svg}: not a valid SVG")
    result = {}
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        # Quality 0 is Qt's strongest PNG compression: the icons are committed to git.
        if not image.save(buffer, "PNG", 0):
            raise SystemExit(f"error: Qt could not encode a {size} px PNG")
        result[size] = bytes(data.data())
    return result


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding each PNG as one entry (PNG entries: Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    entries, blobs = [], []
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in the one-byte width/height fields
        entries.append(struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset))
        blobs.append(png)
        offset += len(png)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns: 'icns' + total length, then (type, length incl. 8-byte header, PNG)."""
    body = b"".join(
        kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size] for kind, size in ICNS_TYPES
    )
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def outputs(svg: Path = SVG, icons: Path = ICONS) -> dict[Path, bytes]:
    """Every file this script writes, with its content."""
    pngs = render_pngs(svg, SIZES)
    files = {png_path(size, icons): data for size, data in pngs.items()}
    files[icons / "neurosim.ico"] = ico_bytes({s: pngs[s] for s in ICO_SIZES})
    files[icons / "neurosim.icns"] = icns_bytes(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="do not write; exit 1 if a file is missing or differs"
    )
    args = parser.parse_args(argv)
    files = outputs()
    if args.check:
        stale = [p for p, data in files.items() if not p.is_file() or p.read_bytes() != data]
        for path in stale:
            print(f"stale: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    for path, data in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    total = sum(len(d) for d in files.values())
    print(f"wrote {len(files)} files, {total / 1024:.1f} KiB, under {ICONS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
