"""The .deb: its file list, its control fields, and the bundle inside it running."""

from __future__ import annotations

import fnmatch
import gzip
import re
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from tests.packaging.conftest import REPO, Packaged, load_script, quiet_env, require_tool

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
        "/usr/share/doc/steady/copyright", "/usr/share/doc/steady/changelog.gz",
        "/usr/share/man/man1/steady.1.gz",
    }
    assert expected <= set(listing), sorted(expected - set(listing))
    assert {owner for _mode, owner in listing.values()} == {"root/root"}
    writable = [p for p, (mode, _o) in listing.items()
                if not mode.startswith("l") and "w" in (mode[5], mode[8])]
    assert writable == []
    outside = [p for p in listing if p.strip("/") and not p.startswith(("/opt/", "/usr/"))
               and p not in ("/opt", "/usr")]
    assert outside == []
    assert not [p for p in listing if Path(p).name.startswith(".")]


def test_only_programs_are_executable(listing: dict[str, tuple[str, str]],
                                      unpacked: Path) -> None:
    executable = {p for p, (mode, _o) in listing.items()
                  if mode.startswith("-") and "x" in mode}
    assert {"/opt/steady/steady", "/usr/bin/steady"} <= executable
    for path in executable:
        head = (unpacked / path.lstrip("/")).read_bytes()[:4]
        assert head == b"\x7fELF" or head[:2] == b"#!", path
    libraries = [p for p, (mode, _o) in listing.items()
                 if mode.startswith("-") and re.search(r"\.so(\.|$)", p)]
    assert libraries and not [p for p in libraries if p in executable]
    assert not [p for p, (mode, _o) in listing.items() if mode.startswith("d") and
                mode != "drwxr-xr-x"]


@pytest.fixture(scope="module")
def unpacked(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("unpacked")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    return root


def elf_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()
                  and p.read_bytes()[:4] == b"\x7fELF")


def dynamic_paths(path: Path) -> list[str]:
    out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True,
                         check=True).stdout
    found = re.findall(r"\((?:RUNPATH|RPATH)\)\s+Library r(?:un)?path: \[(.*)\]", out)
    return [entry for joined in found for entry in joined.split(":")]


def test_no_runpath_names_a_folder_of_the_build_machine(unpacked: Path) -> None:
    require_tool("readelf", "binutils")
    elves = elf_files(unpacked / "opt" / "steady")
    assert len(elves) > 100
    with_paths = {p: dynamic_paths(p) for p in elves}
    assert any(with_paths.values())  # Qt's own $ORIGIN paths are kept
    absolute = {str(p): entries for p, entries in with_paths.items()
                if any(not e.startswith(("$ORIGIN", "${ORIGIN}")) for e in entries)}
    assert absolute == {}
    # Python's extension modules find libpython in _internal/, two folders up.
    module = next(p for p in elves if p.parent.name == "lib-dynload")
    assert dynamic_paths(module) == ["$ORIGIN/../.."]


def test_libc_dependency_is_the_newest_glibc_the_binaries_use(deb: Path, unpacked: Path) -> None:
    """Cross-checked another way than package.py: the versions of the symbols themselves."""
    require_tool("objdump", "binutils")
    elves = [str(p) for p in elf_files(unpacked / "opt" / "steady")]
    newest = (2, 0)
    for start in range(0, len(elves), 50):
        out = subprocess.run(["objdump", "-T", *elves[start:start + 50]], capture_output=True,
                             text=True, check=True).stdout
        for version in re.findall(r"\*UND\*\s+\S+\s+\(?GLIBC_(\d+(?:\.\d+)+)\)?", out):
            newest = max(newest, tuple(int(n) for n in version.split(".")))
    depends = [d.strip() for d in field(deb, "Depends").split(",")]
    assert depends[0] == f"libc6 (>= {'.'.join(map(str, newest))})", depends


def test_deb_control_fields(deb: Path, listing: dict[str, tuple[str, str]]) -> None:
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
    out = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True,
                         check=True).stdout
    files_kib = sum(int(line.split()[2]) for line in out.splitlines()) / 1024
    assert files_kib <= installed_kib <= files_kib + 1024
    description = field(deb, "Description")
    assert description.splitlines()[0] and len(description.splitlines()) > 1


def copyright_paragraphs(text: str) -> list[dict[str, str]]:
    paragraphs = []
    for block in text.strip().split("\n\n"):
        fields: dict[str, str] = {}
        name = ""
        for line in block.splitlines():
            if line.startswith(" "):
                fields[name] += "\n" + line[1:]
            else:
                name, _, value = line.partition(":")
                fields[name] = value.strip()
        paragraphs.append(fields)
    return paragraphs


def test_copyright_is_dep5_and_names_every_library(unpacked: Path) -> None:
    text = (unpacked / "usr/share/doc/steady/copyright").read_text(encoding="utf-8")
    header, *paragraphs = copyright_paragraphs(text)
    assert header["Format"] == ("https://www.debian.org/doc/packaging-manuals/"
                                "copyright-format/1.0/")
    files = [p for p in paragraphs if "Files" in p]
    assert files[0]["Files"] == "*" and files[0]["License"] == "MIT"
    licences = {p["License"].splitlines()[0] for p in paragraphs if "Files" not in p}

    def governing(path: str) -> dict[str, str]:  # DEP-5: the last matching paragraph wins
        return [p for p in files
                if any(fnmatch.fnmatchcase(path, g) for g in p["Files"].split())][-1]

    for elf in elf_files(unpacked / "opt" / "steady"):
        paragraph = governing(elf.relative_to(unpacked).as_posix())
        assert paragraph is not files[0], f"{elf.name} is not named in the copyright file"
        for name in re.split(r" (?:and|or) ", paragraph["License"]):
            assert name in licences, f"no License paragraph for {name}"
    assert governing("opt/steady/_internal/PySide6/Qt/lib/libQt6Core.so.6")["License"] \
        == "LGPL-3"
    assert governing("opt/steady/_internal/libpython3.11.so.1.0")["License"] == "PSF-2.0"
    assert "/usr/share/common-licenses/LGPL-3" in text
    assert "MIT" in governing("opt/steady/steady")["License"]


def test_changelog_and_man_page(unpacked: Path) -> None:
    doc = unpacked / "usr/share/doc/steady"
    changelog = gzip.decompress((doc / "changelog.gz").read_bytes()).decode("utf-8")
    assert changelog.startswith(f"steady ({__version__}) unstable; urgency=medium\n")
    assert re.search(r"^ -- .+ <.+>  \w{3}, \d\d \w{3} \d{4} ", changelog, re.M)
    page = gzip.decompress((unpacked / "usr/share/man/man1/steady.1.gz").read_bytes())
    assert page.decode("utf-8") == (REPO / "resources/man/steady.1").read_text(encoding="utf-8")


ALLOW_LIST = REPO / "docs" / "decisions" / "0011-a-deb-a-distribution-accepts-and-release-builds.md"


def allowed_tags() -> dict[str, str]:
    """tag -> reason, from the table in the decision note."""
    rows = re.findall(r"^\| `([a-z0-9+.-]+)` \| (.*?) \|$",
                      ALLOW_LIST.read_text(encoding="utf-8"), re.M)
    return dict(rows)


def test_lintian_finds_only_allowed_tags(deb: Path) -> None:
    tool = require_tool("lintian", "lintian")
    allowed = allowed_tags()
    assert "dir-or-file-in-opt" in allowed
    assert all(len(reason.split()) >= 5 for reason in allowed.values())
    result = subprocess.run([tool, "--display-info", "--no-tag-display-limit", str(deb)],
                            capture_output=True, text=True, timeout=900)
    tags = re.findall(r"^[EWIXPO]: steady(?: \w+)?: ([a-z0-9+.-]+)", result.stdout, re.M)
    assert tags, result.stdout + result.stderr  # lintian ran and found the package
    unexpected = sorted({t for t in tags if t not in allowed})
    assert unexpected == [], "\n".join(line for line in result.stdout.splitlines()
                                        if any(f" {t}" in line for t in unexpected))


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
