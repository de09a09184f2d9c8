"""Reading a PDF Steady wrote, with poppler-utils (``pdftotext``, ``pdfinfo``,
``pdfimages``; installed by ``.ci/run``) and a little of the file itself.

Where poppler-utils is missing, a test that needs it is skipped and says what to
install; under ``.ci/run`` (``STEADY_PACKAGING_TOOLS=required``) it fails instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import zlib
from pathlib import Path

import pytest


def tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        message = f"{name} is not available: apt-get install poppler-utils"
        if os.environ.get("STEADY_PACKAGING_TOOLS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    assert found is not None
    return found


def text(path: Path, *, layout: bool = True) -> str:
    """The words of every page, as ``pdftotext`` reads them (so: real text)."""
    args = [tool("pdftotext"), *(["-layout"] if layout else []), str(path), "-"]
    return subprocess.run(args, capture_output=True, text=True, check=True).stdout


def info(path: Path) -> dict[str, str]:
    out = subprocess.run([tool("pdfinfo"), str(path)], capture_output=True, text=True,
                         check=True).stdout
    return {key.strip(): value.strip() for key, _, value in
            (line.partition(":") for line in out.splitlines()) if value}


def page_points(path: Path) -> tuple[float, float]:
    """The first page's width and height in points."""
    found = re.match(r"([\d.]+) x ([\d.]+) pts", info(path)["Page size"])
    assert found, info(path)["Page size"]
    return float(found.group(1)), float(found.group(2))


def image_count(path: Path) -> int:
    """How many raster images the file holds (a vector chart has none)."""
    out = subprocess.run([tool("pdfimages"), "-list", str(path)], capture_output=True,
                         text=True, check=True).stdout
    return len(out.splitlines()[2:])  # after the two header lines


def content_streams(path: Path) -> list[bytes]:
    """The drawing instructions of each page (Qt compresses them with zlib)."""
    data = path.read_bytes()
    found = []
    for match in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            stream = zlib.decompress(match.group(1))
        except zlib.error:
            continue  # a font or an image, not drawing instructions
        if b" cm" in stream:
            found.append(stream)
    return found


def text_points(path: Path) -> list[float]:
    """The size in points of every run of text, as drawn.

    Qt's PDF writer scales each page once (``a 0 0 -a x y cm``, the document's units
    to points), moves without scaling after that (``1 0 0 1 x y cm``) and writes
    text with a unit matrix (``1 0 0 -1 0 0 Tm``); the size is the font size times
    that scale. Anything else fails here, so a change in how Qt writes is noticed.
    """
    sizes = []
    for stream in content_streams(path):
        matrices = re.findall(rb"([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) [-\d.]+ [-\d.]+ cm",
                              stream)
        scale = abs(float(matrices[0][0]))
        for a, b, c, d in matrices[1:]:
            assert (float(a), float(b), float(c), float(d)) == (1, 0, 0, 1), (a, b, c, d)
        assert set(re.findall(rb"Tf ([-\d. ]+) Tm", stream)) <= {b"1 0 0 -1 0 0"}
        sizes += [float(size) * scale for size in re.findall(rb"/F\d+ ([\d.]+) Tf", stream)]
    return sizes


def curve_count(path: Path, page: int = 0) -> int:
    """Bezier curves drawn on a page (each dot of the chart is four)."""
    return len(re.findall(rb" c\n", content_streams(path)[page]))
