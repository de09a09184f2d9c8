"""The generated icons: every size present, the containers well formed, in step with the SVG."""

from __future__ import annotations

import os
import struct
import subprocess
import sys

from tests.packaging.conftest import REPO, SCRIPTS, load_script

ICONS = REPO / "resources" / "icons"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
make_icons = load_script("make_icons")


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_png_size_is_there() -> None:
    for size in make_icons.PNG_SIZES:
        assert png_size((ICONS / f"steady-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_png_entries_of_each_size() -> None:
    data = (ICONS / "steady.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    assert count == len(make_icons.ICO_SIZES)
    sizes = []
    for i in range(count):
        width, height, _c, _r, _planes, _bpp, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * i: 22 + 16 * i])
        px = width or 256
        assert width == height
        assert png_size(data[offset: offset + length]) == (px, px)
        sizes.append(px)
    assert tuple(sizes) == make_icons.ICO_SIZES


def test_icns_blocks_add_up_and_hold_pngs() -> None:
    data = (ICONS / "steady.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = dict(make_icons.ICNS_TYPES)
    found = {}
    pos = 8
    while pos < len(data):
        kind, length = data[pos: pos + 4], struct.unpack(">I", data[pos + 4: pos + 8])[0]
        found[kind] = png_size(data[pos + 8: pos + length])[0]
        pos += length
    assert pos == len(data)
    assert found == expected
    assert {b"ic07", b"ic08", b"ic09", b"ic10"} <= set(found)


def test_pngs_match_the_svg() -> None:
    """Edited steady.svg without running make_icons.py? Re-render a size and compare
    (with a small tolerance: anti-aliasing may differ by a step between CPUs)."""
    code = f"""
import sys
sys.path.insert(0, {str(SCRIPTS)!r})
from PySide6.QtGui import QImage
import make_icons
for size in (32, 128):
    fresh = QImage.fromData(make_icons.render_png(make_icons.ICON_DIR / "steady.svg", size))
    kept = QImage(str(make_icons.ICON_DIR / f"steady-{{size}}.png"))
    off = 0
    for y in range(size):
        for x in range(size):
            a, b = fresh.pixelColor(x, y), kept.pixelColor(x, y)
            if max(abs(a.red() - b.red()), abs(a.green() - b.green()),
                   abs(a.blue() - b.blue()), abs(a.alpha() - b.alpha())) > 8:
                off += 1
    print(size, off)
    if off > size * size // 100:
        sys.exit(f"steady-{{size}}.png differs from steady.svg in {{off}} pixels: "
                 "run resources/scripts/make_icons.py")
"""
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
