"""The PyInstaller bundle: built once (see conftest), self-tested, and lean."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app import __version__
from tests.packaging.conftest import REPO, Packaged, load_script, quiet_env

pytestmark = pytest.mark.slow

#: docs/BENCHMARKS.md, "Bundle": the one-folder bundle stays at or under this.
MAX_BUNDLE_BYTES = 180_000_000


def internal(packaged: Packaged) -> Path:
    """The folder PyInstaller puts everything but the executable in (sys._MEIPASS)."""
    if packaged.bundle.suffix == ".app":
        return packaged.bundle / "Contents" / "Frameworks"
    return packaged.bundle / "_internal"


def test_build_spec_imports_nothing_of_the_app() -> None:
    tree = ast.parse((REPO / "build.spec").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module.split(".")[0])
    assert "app" not in imported
    assert imported <= {"os", "re", "sys", "pathlib", "PyInstaller"}, imported


def test_bundle_self_test_passes_offscreen(packaged: Packaged, tmp_path: Path) -> None:
    result = subprocess.run([str(packaged.executable), "--self-test"], capture_output=True,
                            text=True, env=quiet_env(tmp_path / "home"), timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "self-test (bundle:" in result.stdout
    for check in ("exercises", "storage", "window"):
        assert f"\nok   {check}: " in result.stdout, result.stdout
    assert "self-test passed" in result.stdout


def test_bundle_runs_the_command_line(packaged: Packaged, tmp_path: Path) -> None:
    env = quiet_env(tmp_path / "home")
    version = subprocess.run([str(packaged.executable), "--version"], capture_output=True,
                             text=True, env=env, timeout=60)
    assert version.returncode == 0 and version.stdout.strip() == f"steady {__version__}"
    listed = subprocess.run([str(packaged.executable), "list"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert listed.returncode == 0, listed.stderr
    assert str(internal(packaged) / "exercises") in listed.stdout


def test_bundle_carries_data_but_no_build_helpers(packaged: Packaged) -> None:
    inside = internal(packaged)
    bundled = sorted(p.name for p in (inside / "exercises").glob("*.toml"))
    assert bundled == sorted(p.name for p in (REPO / "exercises").glob("*.toml"))
    assert (inside / "resources" / "icons" / "steady.svg").is_file()
    assert (inside / "resources" / "exercise.schema.json").is_file()
    assert not (inside / "resources" / "scripts").exists()
    assert not (inside / "resources" / "windows").exists()
    sounds = REPO / "resources" / "sounds"
    if sounds.is_dir():
        for wav in sounds.glob("*.wav"):
            assert (inside / "resources" / "sounds" / wav.name).is_file()


def test_unused_qt_is_left_out(packaged: Packaged) -> None:
    names = [p.relative_to(packaged.bundle).as_posix() for p in packaged.bundle.rglob("*")]
    dangling = [n for n in names if not (packaged.bundle / n).exists()]
    assert dangling == [], "symbolic links to files left out"
    for unwanted in ("WebEngine", "Qt6Pdf", "Qt6Quick", "Qt6Qml", "Qt63D", "Qt6Designer",
                     "VirtualKeyboard", "libqgtk3", "libavcodec"):
        assert not [n for n in names if unwanted in n], unwanted
    # Of Qt's translations only "qtbase" (app/ui/shell/translations.py loads it) is kept.
    qt_translations = {n.rsplit("/", 1)[1] for n in names if "/Qt/translations/" in n}
    assert qt_translations, "qtbase translations are missing"
    assert all(name.startswith("qtbase_") for name in qt_translations), sorted(qt_translations)
    for wanted in ("QtMultimedia", "QtCharts", "QtSvg", "QtNetwork", "QtPrintSupport"):
        assert [n for n in names if f"PySide6/{wanted}." in n], wanted
    assert [n for n in names if "/platforms/" in n and "offscreen" in n]
    if sys.platform.startswith("linux"):
        assert [n for n in names if "/platforms/" in n and "qxcb" in n]
        assert [n for n in names if "/platforms/" in n and "qwayland" in n]


def test_bundle_size_within_budget(packaged: Packaged) -> None:
    size = load_script("package").tree_size(packaged.bundle)
    assert size <= MAX_BUNDLE_BYTES, f"bundle is {size / 1e6:.1f} MB"


def test_spec_never_strips_nor_compresses() -> None:
    """strip corrupts the FFmpeg libraries QtMultimedia can load; UPX breaks Qt plugins."""
    tree = ast.parse((REPO / "build.spec").read_text(encoding="utf-8"))
    calls = {node.func.id: {kw.arg: kw.value for kw in node.keywords}
             for node in ast.walk(tree)
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
             and node.func.id in ("EXE", "COLLECT")}
    assert set(calls) == {"EXE", "COLLECT"}
    for name, keywords in calls.items():
        for option in ("strip", "upx"):
            value = keywords.get(option)
            assert isinstance(value, ast.Constant) and value.value is False, (name, option)


def test_package_script_reports_its_figures(packaged: Packaged) -> None:
    for label in ("build time:", "bundle:", "self-test:  passed"):
        assert label in packaged.output, packaged.output[-3000:]
    if packaged.deb is not None:
        assert "installer:" in packaged.output
    assert os.path.isdir(packaged.bundle)
