"""The desktop entry and AppStream metainfo: valid, and consistent with the app."""

from __future__ import annotations

import configparser
import re
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from app import __version__
from tests.packaging.conftest import REPO, require_tool

pytestmark = pytest.mark.slow

LINUX = REPO / "resources" / "linux"
DESKTOP = LINUX / "steady.desktop"
APP_ID = "io.github.steady_app.Steady"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"


def test_desktop_entry_validates() -> None:
    tool = require_tool("desktop-file-validate", "desktop-file-utils")
    result = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


#: What ``appstreamcli validate --pedantic`` may still say (nothing worse than pedantic
#: or info): the id keeps its capital (it names the app everywhere, including macOS's
#: bundle id), and appstream before 1.0 does not know <developer> yet.
ALLOWED_METAINFO_NOTES = {"cid-contains-uppercase-letter", "unknown-tag"}


def test_metainfo_validates_pedantically() -> None:
    tool = require_tool("appstreamcli", "appstream")
    result = subprocess.run([tool, "validate", "--pedantic", "--no-net", str(METAINFO)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    notes = re.findall(r"^([EWIP]): [^:]+:\d*:? ?([a-z0-9-]+)", result.stdout, re.M)
    assert not [n for n in notes if n[0] in "EW"], result.stdout
    assert {tag for _level, tag in notes} <= ALLOWED_METAINFO_NOTES, result.stdout


def test_metainfo_screenshots_are_files_in_the_repository() -> None:
    root = ET.parse(METAINFO).getroot()
    homepage = root.findtext("url[@type='homepage']")
    assert homepage and homepage.startswith("https://github.com/")
    raw = homepage.replace("https://github.com/", "https://raw.githubusercontent.com/")
    shots = root.findall("screenshots/screenshot")
    assert len(shots) >= 3
    assert [s.get("type") for s in shots].count("default") == 1
    for shot in shots:
        assert (shot.findtext("caption") or "").strip()
        image = shot.find("image")
        assert image is not None and image.text
        assert image.text.startswith(f"{raw}/main/docs/screenshots/"), image.text
        local = REPO / image.text.removeprefix(f"{raw}/main/")
        assert local.is_file(), f"{image.text} is not in the repository"
        assert local.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        width, height = struct.unpack(">II", local.read_bytes()[16:24])
        assert (image.get("width"), image.get("height")) == (str(width), str(height))


def test_desktop_entry_matches_the_app() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment, method-assign]
    entry.read(DESKTOP, encoding="utf-8")
    main = entry["Desktop Entry"]
    assert main["Exec"] == "steady"
    assert main["Icon"] == "steady"
    assert (REPO / "resources" / "icons" / "steady.svg").is_file()
    # Each quick action starts a bundled exercise by id.
    bundled = {p.stem for p in (REPO / "exercises").glob("*.toml")}
    for action in filter(None, main["Actions"].split(";")):
        command = entry[f"Desktop Action {action}"]["Exec"].split()
        assert command[:2] == ["steady", "start"] and command[2] in bundled, command


def test_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP.name
    assert root.findtext("provides/binary") == "steady"
    versions = [r.get("version") for r in root.iter("release")]
    assert versions[:1] == [__version__], f"add a <release> for {__version__} first"
    newest = root.find("releases/release")
    assert newest is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", newest.get("date", ""))


def test_installer_script_names_the_bundle() -> None:
    text = (REPO / "resources" / "windows" / "steady.iss").read_text(encoding="utf-8")
    assert "steady.exe" in text and "steady.ico" in text
    assert Path(REPO / "resources" / "icons" / "steady.ico").is_file()
