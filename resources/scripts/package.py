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
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
APP_ID = "io.github.steady_app.Steady"
PACKAGE = "steady"
INSTALL_DIR = "/opt/steady"
MAINTAINER = "The Steady team <steady@example.org>"

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


def control_text(version: str, arch: str, installed_kib: int) -> str:
    fields = {
        "Package": PACKAGE,
        "Version": version,
        "Architecture": arch,
        "Maintainer": os.environ.get("STEADY_DEB_MAINTAINER", MAINTAINER),
        "Installed-Size": str(installed_kib),
        "Depends": ", ".join(DEB_DEPENDS),
        "Recommends": ", ".join(DEB_RECOMMENDS),
        "Section": "utils",
        "Priority": "optional",
        "Description": DEB_DESCRIPTION,
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def _copy(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def stage_deb(bundle: Path, stage: Path, version: str, arch: str) -> None:
    """Lay out the package tree in ``stage`` (which must be empty)."""
    resources = ROOT / "resources"
    shutil.copytree(bundle, stage / INSTALL_DIR.lstrip("/"), symlinks=True)
    wrapper = stage / "usr" / "bin" / "steady"
    wrapper.parent.mkdir(parents=True)
    wrapper.write_text(WRAPPER, encoding="utf-8")
    wrapper.chmod(0o755)
    share = stage / "usr" / "share"
    _copy(resources / "linux" / "steady.desktop", share / "applications" / "steady.desktop")
    _copy(resources / "linux" / f"{APP_ID}.metainfo.xml",
          share / "metainfo" / f"{APP_ID}.metainfo.xml")
    icons = resources / "icons"
    for png in sorted(icons.glob("steady-*.png")):
        size = png.stem.split("-", 1)[1]
        _copy(png, share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "steady.png")
    _copy(icons / "steady.svg", share / "icons" / "hicolor" / "scalable" / "apps" / "steady.svg")
    # Nothing group- or world-writable; directories 0755.
    for dirpath, dirs, files in os.walk(stage):
        for name in dirs:
            os.chmod(os.path.join(dirpath, name), 0o755)
        for name in files:
            path = os.path.join(dirpath, name)
            if not os.path.islink(path):
                os.chmod(path, os.lstat(path).st_mode & 0o755)
    installed_kib = (tree_size(stage) + 1023) // 1024
    control = stage / "DEBIAN" / "control"
    control.parent.mkdir(mode=0o755)
    control.write_text(control_text(version, arch, installed_kib), encoding="utf-8")
    control.chmod(0o644)


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
        stage_deb(bundle, stage, version, arch)
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
