"""The .deb: its file list, its control fields, and the bundle inside it running."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from tests.packaging.conftest import Packaged, load_script, quiet_env, require_tool

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Debian packages: Linux"),
]

#: docs/BENCHMARKS.md, "Bundle": the .deb stays at or under this.
MAX_DEB_BYTES = 60_000_000
APP_ID = "io.github.steady_app.Steady"
QT_SYSTEM_LIBS = {
    "libglib2.0-0", "libgl1", "libegl1", "libxkbcommon0", "libfreetype6", "libfontconfig1",
    "libdbus-1-3", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
    "libxcb-shape0", "fonts-dejavu-core",
}


@pytest.fixture(scope="module")
def deb(packaged: Packaged) -> Path:
    require_tool("dpkg-deb", "dpkg")
    assert packaged.deb is not None, "package.py built no .deb:\n" + packaged.output[-3000:]
    return packaged.deb


@pytest.fixture(scope="module")
def listing(deb: Path) -> dict[str, tuple[str, str]]:
    """path -> (mode string, owner) for every entry of the package."""
    out = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                         check=True).stdout
    entries = {}
    for line in out.splitlines():
        mode, owner, _size, _date, _time, path = line.split(None, 5)
        entries[path.split(" -> ")[0].removeprefix(".")] = (mode, owner)
    return entries


def field(deb: Path, name: str) -> str:
    return subprocess.run(["dpkg-deb", "-f", str(deb), name], capture_output=True, text=True,
                          check=True).stdout.strip()


def test_deb_is_named_and_sized_as_expected(deb: Path) -> None:
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    assert deb.name == f"steady_{__version__}_{arch}.deb"
    assert deb.stat().st_size <= MAX_DEB_BYTES, f"{deb.stat().st_size / 1e6:.1f} MB"


def test_deb_file_list(listing: dict[str, tuple[str, str]]) -> None:
    sizes = load_script("make_icons").PNG_SIZES
    expected = {
        "/opt/steady/steady", "/opt/steady/_internal/exercises/box.toml", "/usr/bin/steady",
        "/usr/share/applications/steady.desktop",
        f"/usr/share/metainfo/{APP_ID}.metainfo.xml",
        "/usr/share/icons/hicolor/scalable/apps/steady.svg",
        *(f"/usr/share/icons/hicolor/{s}x{s}/apps/steady.png" for s in sizes),
    }
    assert expected <= set(listing), sorted(expected - set(listing))
    assert {owner for _mode, owner in listing.values()} == {"root/root"}
    for path in ("/opt/steady/steady", "/usr/bin/steady"):
        assert listing[path][0] == "-rwxr-xr-x", path
    writable = [p for p, (mode, _o) in listing.items()
                if not mode.startswith("l") and "w" in (mode[5], mode[8])]
    assert writable == []
    outside = [p for p in listing if p.strip("/") and not p.startswith(("/opt/", "/usr/"))
               and p not in ("/opt", "/usr")]
    assert outside == []


def test_deb_control_fields(deb: Path, packaged: Packaged) -> None:
    assert field(deb, "Package") == "steady"
    assert field(deb, "Version") == __version__
    arch = subprocess.run(["dpkg", "--print-architecture"], capture_output=True, text=True,
                          check=True).stdout.strip()
    assert field(deb, "Architecture") == arch
    assert "<" in field(deb, "Maintainer") and field(deb, "Maintainer").endswith(">")
    depends = {d.strip() for d in field(deb, "Depends").split(",")}
    assert depends >= QT_SYSTEM_LIBS, sorted(QT_SYSTEM_LIBS - depends)
    assert "libpulse0" in field(deb, "Recommends")
    installed_kib = int(field(deb, "Installed-Size"))
    bundle_kib = load_script("package").tree_size(packaged.bundle) / 1024
    assert bundle_kib <= installed_kib <= bundle_kib + 1024
    description = field(deb, "Description")
    assert description.splitlines()[0] and len(description.splitlines()) > 1


def test_installed_bundle_self_test(deb: Path, tmp_path: Path) -> None:
    """Unpack as dpkg would, then run the installed copy's self-test."""
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    wrapper = (root / "usr" / "bin" / "steady").read_text(encoding="utf-8")
    assert 'exec /opt/steady/steady "$@"' in wrapper
    result = subprocess.run([str(root / "opt" / "steady" / "steady"), "--self-test"],
                            capture_output=True, text=True, env=quiet_env(tmp_path / "home"),
                            timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert str(root / "opt" / "steady") in result.stdout
