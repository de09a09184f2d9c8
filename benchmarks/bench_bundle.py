"""The installed shape of Steady: build time, the sizes of the wheel, the sdist, the bundle
and the .deb, lintian's tags on the .deb, and start-up against the venv.

    python benchmarks/bench_bundle.py                 # build into a temporary folder
    python benchmarks/bench_bundle.py --dist dist     # measure an existing dist/steady

Building uses ``resources/scripts/package.py`` (PyInstaller on ``build.spec``,
then ``dpkg-deb`` with the same xz level as ``make package``) and ``python -m
build`` for the sdist and the wheel. lintian runs as the test does (errors,
warnings and information); its tags are counted by name. Start-up is the
wall time of ``--self-test`` (load the exercises, open a log, build the window
and paint every page offscreen, check sound), run in a fresh process each time,
alternating the bundle and ``python -m app`` from this checkout; one warm-up run
of each is not counted. Prints the medians with their spread, and each figure
against its target (docs/BENCHMARKS.md, "Bundle").
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

REPO = Path(__file__).resolve().parent.parent
MAX_BUNDLE_MB = 180.0
MAX_DEB_MB = 60.0
MAX_STARTUP_RATIO = 1.3


def load_package_script() -> ModuleType:
    name = "steady_scripts_package"
    spec = importlib.util.spec_from_file_location(name, REPO / "resources/scripts/package.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def run_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "STEADY_DATA_DIR"):
        env.pop(name, None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["HOME"] = str(home)
    return env


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{result.stdout}{result.stderr}")
    return seconds


def startup(bundle_exe: Path, runs: int, home: Path) -> tuple[list[float], list[float]]:
    env = run_env(home)
    venv_cmd = [sys.executable, "-m", "app", "--self-test"]
    bundle_cmd = [str(bundle_exe), "--self-test"]
    timed(venv_cmd, env)  # warm-up: .pyc files, the page cache
    timed(bundle_cmd, env)
    venv, bundle = [], []
    for _ in range(runs):
        venv.append(timed(venv_cmd, env))
        bundle.append(timed(bundle_cmd, env))
    return venv, bundle


def python_dists(out: Path) -> tuple[Path, Path]:
    """``python -m build``: the sdist and the wheel (built from the sdist) in ``out``."""
    subprocess.run([sys.executable, "-m", "build", "--outdir", str(out), str(REPO)], check=True,
                   capture_output=True, text=True, timeout=600)
    return next(out.glob("steady-*.tar.gz")), next(out.glob("steady-*.whl"))


def lintian_tags(deb: Path) -> collections.Counter[str] | None:
    """How often lintian reports each tag on ``deb`` (None without lintian)."""
    tool = shutil.which("lintian")
    if tool is None:
        return None
    result = subprocess.run([tool, "--display-info", "--no-tag-display-limit", str(deb)],
                            capture_output=True, text=True, timeout=900)
    return collections.Counter(
        re.findall(r"^[EWIXPO]: steady(?: \w+)?: ([a-z0-9+.-]+)", result.stdout, re.M))


def spread(values: list[float]) -> str:
    return (f"median {statistics.median(values):.2f} s "
            f"(min {min(values):.2f}, max {max(values):.2f}, n={len(values)})")


def verdict(ok: bool) -> str:
    return "ok" if ok else "OVER TARGET"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path,
                        help="measure the bundle (and .deb) already in this folder")
    parser.add_argument("--runs", type=int, default=7, help="start-up runs of each (default 7)")
    parser.add_argument("--fast-deb", action="store_true",
                        help="xz -1 instead of -6 for the .deb (quicker, larger)")
    args = parser.parse_args(argv)
    package = load_package_script()
    version = package.read_version()

    with tempfile.TemporaryDirectory(prefix="steady-bench-bundle-") as temp:
        temp_dir = Path(temp)
        build_seconds = deb_seconds = None
        if args.dist:
            dist = args.dist.resolve()
            bundle = package.bundle_dir(dist)
            if not bundle.is_dir():
                raise SystemExit(f"no bundle at {bundle}")
            debs = sorted(dist.glob(f"steady_{version}_*.deb"))
            deb = debs[0] if debs else None
        else:
            dist = temp_dir / "dist"
            built = package.build_bundle(dist, temp_dir / "work")
            bundle, build_seconds = built.bundle, built.seconds
            deb = None
            if sys.platform.startswith("linux") and shutil.which("dpkg-deb"):
                start = time.perf_counter()
                deb = package.build_deb(bundle, dist, version, level=1 if args.fast_deb else 6)
                deb_seconds = time.perf_counter() - start

        bundle_mb = package.tree_size(bundle) / 1e6
        deb_mb = deb.stat().st_size / 1e6 if deb is not None else None
        sdist, wheel = python_dists(temp_dir / "python")
        sdist_kb, wheel_kb = sdist.stat().st_size / 1e3, wheel.stat().st_size / 1e3
        tags = lintian_tags(deb) if deb is not None else None
        venv, frozen = startup(package.bundle_executable(bundle), args.runs, temp_dir / "home")

    ratio = statistics.median(frozen) / statistics.median(venv)
    lines = [f"Steady {version} bundle on {sys.platform}, Python {sys.version.split()[0]}"]
    if build_seconds is not None:
        lines.append(f"build time (PyInstaller, clean): {build_seconds:.1f} s")
    lines.append(f"bundle size: {bundle_mb:.1f} MB "
                 f"(target <= {MAX_BUNDLE_MB:g} MB: {verdict(bundle_mb <= MAX_BUNDLE_MB)})")
    if deb_mb is not None:
        took = f", built in {deb_seconds:.1f} s" if deb_seconds is not None else ""
        lines.append(f".deb size: {deb_mb:.1f} MB{took} "
                     f"(target <= {MAX_DEB_MB:g} MB: {verdict(deb_mb <= MAX_DEB_MB)})")
    lines.append(f"wheel size: {wheel_kb:.1f} kB ({wheel.name})")
    lines.append(f"sdist size: {sdist_kb:.1f} kB ({sdist.name})")
    if tags is not None:
        named = ", ".join(f"{tag} ({n})" for tag, n in sorted(tags.items()))
        lines.append(f"lintian tags: {len(tags)} kinds, {sum(tags.values())} reports: {named}")
    lines.append(f"start-up, venv   (python -m app --self-test): {spread(venv)}")
    lines.append(f"start-up, bundle (steady --self-test):        {spread(frozen)}")
    lines.append(f"bundle / venv: {ratio:.2f}x "
                 f"(target <= {MAX_STARTUP_RATIO:g}x: {verdict(ratio <= MAX_STARTUP_RATIO)})")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
