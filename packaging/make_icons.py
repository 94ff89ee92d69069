"""Render the app icon's SVG with Qt (QSvgRenderer) into PNG sizes, a Windows .ico and a macOS .icns (no Pillow).

Usage: python packaging/make_icons.py [OUTPUT_DIR] (default build/icons). Writes
OUTPUT_DIR/hicolor/<N>x<N>/apps/incident-logger.png for every size in PNG_SIZES, and
OUTPUT_DIR/incident-logger.ico and OUTPUT_DIR/incident-logger.icns. The PyInstaller spec and
`make install-desktop` run it; both containers are written here with struct and hold PNG-compressed images.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SVG = ROOT / "desktop" / "resources" / "incident-logger.svg"
NAME = "incident-logger"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico entry can describe
# PNG entries of an .icns: the OSType and the pixel size it holds (ic11-ic14 are the @2x variants)
ICNS_TYPES = (
    (b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256), (b"ic09", 512),
    (b"ic10", 1024), (b"ic11", 32), (b"ic12", 64), (b"ic13", 256), (b"ic14", 512),
)  # fmt: skip


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn by Qt on a transparent size×size image, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"make_icons: cannot read the SVG {svg}")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"make_icons: Qt could not encode a {size}×{size} PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An .ico holding each PNG as it is (ICONDIR, then one 16-byte ICONDIRENTRY each, then the images)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, images = b"", b""
    for size in sizes:
        data = pngs[size]
        side = 0 if size >= 256 else size  # 0 means 256
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        images += data
        offset += len(data)
    return header + entries + images


def icns_bytes(entries: list[tuple[bytes, bytes]]) -> bytes:
    """An .icns: 'icns' and the file's length, then each (OSType, PNG) with its 8-byte header (big-endian)."""
    body = b"".join(kind + struct.pack(">I", 8 + len(data)) + data for kind, data in entries)
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def make_icons(output: Path, svg: Path = SVG) -> dict[str, Path]:
    """Write the PNGs, the .ico and the .icns under `output`; returns what was written by name
    ("png16" … "png512", "ico", "icns")."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display is needed to draw into an image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    rendered = {size: render_png(svg, size) for size in sorted({*PNG_SIZES, *(s for _, s in ICNS_TYPES)})}
    written: dict[str, Path] = {}
    for size in PNG_SIZES:
        path = output / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered[size])
        written[f"png{size}"] = path
    written["ico"] = output / f"{NAME}.ico"
    written["ico"].write_bytes(ico_bytes({size: rendered[size] for size in ICO_SIZES}))
    written["icns"] = output / f"{NAME}.icns"
    written["icns"].write_bytes(icns_bytes([(kind, rendered[size]) for kind, size in ICNS_TYPES]))
    del app
    return written


def main(argv: list[str]) -> int:
    output = Path(argv[1]) if len(argv) > 1 else ROOT / "build" / "icons"
    for path in make_icons(output).values():
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
