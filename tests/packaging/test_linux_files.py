"""The desktop entry and AppStream metainfo: valid, and consistent with the app."""

from __future__ import annotations

import configparser
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


def test_metainfo_validates() -> None:
    tool = require_tool("appstreamcli", "appstream")
    result = subprocess.run([tool, "validate", "--no-net", str(METAINFO)], capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stdout + result.stderr


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
    assert __version__ in versions, f"add a <release> for {__version__} to {METAINFO.name}"


def test_installer_script_names_the_bundle() -> None:
    text = (REPO / "resources" / "windows" / "steady.iss").read_text(encoding="utf-8")
    assert "steady.exe" in text and "steady.ico" in text
    assert Path(REPO / "resources" / "icons" / "steady.ico").is_file()
