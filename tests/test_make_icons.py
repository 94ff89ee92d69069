"""packaging/make_icons.py: the PNG sizes, .ico and .icns drawn by Qt from the SVG, read back here byte by byte."""

from __future__ import annotations

import struct
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk (which must come first)."""
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    length, kind = struct.unpack(">I4s", data[8:16])
    assert kind == b"IHDR" and length == 13
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def read_ico(data: bytes) -> list[tuple[int, bytes]]:
    """(size the directory entry gives, image bytes) of each .ico entry."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1), "not an icon directory"
    entries = []
    for index in range(count):
        width, height, colours, zero, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert width == height and colours == 0 and zero == 0 and planes == 1 and bits == 32
        assert offset + length <= len(data)
        entries.append((width or 256, data[offset : offset + length]))
    return entries


def read_icns(data: bytes) -> list[tuple[bytes, bytes]]:
    """(OSType, image bytes) of each .icns entry; the lengths must add up to the file's."""
    magic, total = struct.unpack(">4sI", data[:8])
    assert magic == b"icns" and total == len(data)
    entries, position = [], 8
    while position < total:
        kind, length = struct.unpack(">4sI", data[position : position + 8])
        assert length > 8 and position + length <= total
        entries.append((kind, data[position + 8 : position + length]))
        position += length
    assert position == total
    return entries


@pytest.fixture(scope="module")
def icons(tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("icons")
    done = subprocess.run([sys.executable, str(ROOT / "packaging" / "make_icons.py"), str(output)],
                          capture_output=True, text=True, timeout=120, check=False)  # fmt: skip
    assert done.returncode == 0, done.stderr
    return output


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_each_png_has_its_size_and_is_drawn(icons: Path, size: int) -> None:
    data = (icons / "hicolor" / f"{size}x{size}" / "apps" / "incident-logger.png").read_bytes()
    assert png_size(data) == (size, size)
    from PySide6.QtGui import QImage

    image = QImage.fromData(data, "PNG")
    assert image.hasAlphaChannel()
    assert image.pixelColor(0, 0).alpha() == 0  # the rounded tile leaves the corner transparent
    assert image.pixelColor(size // 2, size // 2).alpha() == 255  # and the middle is drawn


def test_the_ico_holds_a_png_of_each_size_its_directory_names(icons: Path) -> None:
    entries = read_ico((icons / "incident-logger.ico").read_bytes())
    assert [size for size, _ in entries] == [16, 24, 32, 48, 64, 128, 256]
    for size, image in entries:
        assert png_size(image) == (size, size)


def test_the_icns_holds_pngs_of_the_sizes_their_types_mean(icons: Path) -> None:
    expected = {b"icp4": 16, b"icp5": 32, b"icp6": 64, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024,
                b"ic11": 32, b"ic12": 64, b"ic13": 256, b"ic14": 512}  # fmt: skip
    entries = read_icns((icons / "incident-logger.icns").read_bytes())
    assert {kind for kind, _ in entries} == set(expected)
    for kind, image in entries:
        assert png_size(image) == (expected[kind], expected[kind]), kind


def test_qt_reads_the_ico_and_the_icns_back(icons: Path) -> None:
    """Qt's own ico and icns image plugins (not this file's readers) find the images."""
    from PySide6.QtGui import QImageReader

    for name, largest in (("incident-logger.ico", 256), ("incident-logger.icns", 1024)):
        reader = QImageReader(str(icons / name))
        sizes = []
        for index in range(reader.imageCount()):
            reader.jumpToImage(index)
            image = reader.read()
            assert not image.isNull(), f"{name} #{index}: {reader.errorString()}"
            sizes.append(image.width())
        assert max(sizes) == largest, (name, sizes)
