"""``steady --self-test`` from the source tree: passes here, fails naming the check."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import paths, selftest
from tests.packaging.conftest import REPO, quiet_env

CHECK_LINE = re.compile(r"^(ok|note|FAIL) +(\w+): (.+)$", re.MULTILINE)


def run_self_test(home: Path, *, code: str | None = None) -> subprocess.CompletedProcess[str]:
    cmd = [sys.executable, "-m", "app", "--self-test"] if code is None else [
        sys.executable, "-c", code]
    return subprocess.run(cmd, cwd=REPO, env=quiet_env(home), capture_output=True, text=True,
                          timeout=120)


def checks(output: str) -> dict[str, tuple[str, str]]:
    return {name: (outcome, detail) for outcome, name, detail in CHECK_LINE.findall(output)}


def test_self_test_passes_from_the_venv(tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_self_test(home)
    assert result.returncode == 0, result.stdout + result.stderr
    found = checks(result.stdout)
    assert set(found) == {"exercises", "storage", "window", "sound"}, result.stdout
    bundled = len(list((REPO / "exercises").glob("*.toml")))
    assert found["exercises"] == ("ok", f"{bundled} loaded")
    assert found["storage"][0] == "ok"
    assert found["window"][0] == "ok"
    assert "LauncherPage" in found["window"][1]
    assert "BreathingPage" in found["window"][1] and "StepsPage" in found["window"][1]
    window_code = (REPO / "app" / "ui" / "shell" / "window.py").read_text(encoding="utf-8")
    for opener, page in (("show_history", "HistoryPage"), ("show_settings", "SettingsPage")):
        if f"def {opener}(" in window_code:
            assert page in found["window"][1], found["window"][1]
    assert found["sound"][0] in ("ok", "note")  # sound may be off; it never fails
    assert result.stdout.rstrip().endswith("self-test passed: 4 checks")
    # The person's data folder (platformdirs under this fake home) was never created.
    leftovers = [p for p in home.rglob("*") if "steady" in p.name.lower()]
    assert leftovers == []


def test_self_test_fails_and_names_the_check(tmp_path: Path) -> None:
    """A bundle whose exercises are broken: exit 1, the failing check named."""
    fake_root = tmp_path / "bundle"
    (fake_root / "exercises").mkdir(parents=True)
    (fake_root / "exercises" / "broken.toml").write_text('format = 1\nid = "x"\nkind = "nap"\n',
                                                        encoding="utf-8")
    code = (
        "import sys\n"
        f"sys._MEIPASS = {str(fake_root)!r}\n"
        "from app.__main__ import main\n"
        "sys.exit(main(['--self-test']))\n"
    )
    result = run_self_test(tmp_path / "home", code=code)
    assert result.returncode == 1, result.stdout + result.stderr
    found = checks(result.stdout)
    assert found["exercises"][0] == "FAIL"
    assert "broken.toml" in found["exercises"][1]
    assert found["storage"][0] == "ok"  # the other checks still ran
    assert "self-test FAILED: exercises" in result.stdout
    assert "steady: self-test failed: exercises" in result.stderr


def test_exercise_check_fails_on_an_empty_folder(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "bundled_exercises_dir", lambda: tmp_path)
    with pytest.raises(selftest.CheckFailed, match="no exercise found"):
        selftest.check_exercises()


def test_storage_check_writes_only_where_told(tmp_path: Path) -> None:
    detail = selftest.check_storage(tmp_path / "data")
    assert re.fullmatch(r"wrote and read one session \(schema v\d+\)", detail)
    assert (tmp_path / "data").is_dir()


def test_sound_check_reports_missing_files_without_failing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "resource", lambda *parts: tmp_path.joinpath(*parts))
    assert selftest.check_sound().startswith("off: no sound files in ")


@pytest.mark.parametrize(("environ", "expected"), [
    ({}, "offscreen"),
    ({"DISPLAY": ":0"}, None),
    ({"WAYLAND_DISPLAY": "wayland-0"}, None),
    ({"QT_QPA_PLATFORM": "xcb"}, "xcb"),
])
@pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="Linux/BSD displays only")
def test_offscreen_only_without_a_display(environ: dict[str, str], expected: str | None) -> None:
    env = dict(environ)
    selftest.use_offscreen_without_display(env)
    assert env.get("QT_QPA_PLATFORM") == expected


@pytest.mark.gui
def test_blank_check_tells_flat_from_painted(qtbot: QtBot) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QLabel, QWidget

    flat = QWidget()
    flat.setAutoFillBackground(True)
    palette = flat.palette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#336699"))
    flat.setPalette(palette)
    flat.resize(120, 80)
    qtbot.addWidget(flat)
    assert "one flat colour" in selftest.is_blank(flat)

    text = QLabel("Breathe in")
    text.resize(120, 80)
    qtbot.addWidget(text)
    assert selftest.is_blank(text) == ""


def test_report_goes_to_a_file_without_stdout(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """A windowed Windows bundle has no stdout; the report then goes to a temp file."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(selftest.tempfile, "gettempdir", lambda: str(tmp_path))
    out = selftest._default_out()
    assert out is not None
    out.write("x\n")
    out.close()
    assert (tmp_path / "steady-self-test.txt").read_text(encoding="utf-8") == "x\n"
