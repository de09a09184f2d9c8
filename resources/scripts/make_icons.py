"""Render Steady's icon sizes from the one SVG source.

    python resources/scripts/make_icons.py          # writes into resources/icons/
    python resources/scripts/make_icons.py --check  # exit 1 when a file is out of date

Writes ``steady-<size>.png`` for every size in :data:`PNG_SIZES`, ``steady.ico``
(PNG entries in an ICO container, for Windows) and ``steady.icns`` (PNG entries
in an ICNS container, for macOS). Both containers are small enough to write by
hand, so no image library beyond PySide6's QtSvg is needed. The generated files
are committed; run this again after editing ``steady.svg``.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from collections.abc import Iterable
from pathlib import Path

ICON_DIR = Path(__file__).resolve().parent.parent / "icons"
SOURCE = "steady.svg"
#: PNG files written next to the SVG (and installed into hicolor on Linux).
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
#: Sizes inside the Windows .ico (256 is the largest an ICO entry can describe).
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS entry types and their pixel sizes (all PNG-encoded).
ICNS_TYPES = (
    (b"ic11", 32),    # 16x16@2x
    (b"ic12", 64),    # 32x32@2x
    (b"ic07", 128),   # 128x128
    (b"ic13", 256),   # 128x128@2x
    (b"ic08", 256),   # 256x256
    (b"ic14", 512),   # 256x256@2x
    (b"ic09", 512),   # 512x512
    (b"ic10", 1024),  # 512x512@2x
)


def render_png(svg: Path, size: int) -> bytes:
    """The SVG drawn into a ``size`` x ``size`` transparent PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        render_png.app = QGuiApplication([sys.argv[0]])  # type: ignore[attr-defined]
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit(f"could not encode a {size}px PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: Iterable[tuple[int, bytes]]) -> bytes:
    """An ICO file holding ``(size, png_bytes)`` entries (PNG entries: Vista and later)."""
    entries = list(images)
    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(header) + 16 * len(entries)
    directory = b""
    payload = b""
    for size, png in entries:
        if not 1 <= size <= 256:
            raise ValueError(f"ICO entries are 1..256 px, not {size}")
        dim = 0 if size == 256 else size  # 0 means 256
        directory += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        payload += png
        offset += len(png)
    return header + directory + payload


def icns_bytes(entries: Iterable[tuple[bytes, bytes]]) -> bytes:
    """An ICNS file holding ``(type, png_bytes)`` entries: 'icns', total length, then blocks."""
    body = b""
    for kind, png in entries:
        if len(kind) != 4:
            raise ValueError(f"ICNS types are four bytes, not {kind!r}")
        body += kind + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def build(icon_dir: Path) -> dict[str, bytes]:
    """Every generated file's name and content."""
    svg = icon_dir / SOURCE
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {px for _, px in ICNS_TYPES})
    pngs = {size: render_png(svg, size) for size in sizes}
    files = {f"steady-{size}.png": pngs[size] for size in PNG_SIZES}
    files["steady.ico"] = ico_bytes((size, pngs[size]) for size in ICO_SIZES)
    files["steady.icns"] = icns_bytes((kind, pngs[px]) for kind, px in ICNS_TYPES)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--icons", type=Path, default=ICON_DIR,
                        help="folder holding steady.svg (default: resources/icons)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when a generated file differs")
    args = parser.parse_args(argv)
    stale = []
    for name, content in build(args.icons).items():
        target = args.icons / name
        if target.exists() and target.read_bytes() == content:
            continue
        stale.append(name)
        if not args.check:
            target.write_bytes(content)
            print(f"wrote {target} ({len(content):,} bytes)")
    if args.check and stale:
        print("out of date: " + ", ".join(stale) + " (run resources/scripts/make_icons.py)")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
