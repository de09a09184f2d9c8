"""`steady import` shows its progress on a terminal, and only there."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.cli import ProgressLine
from app.domain.session import SessionRecord
from app.storage.exchange import export_records

REPO = Path(__file__).resolve().parents[2]
START = datetime(2026, 3, 1, 8, tzinfo=UTC)


def export_of(path: Path, count: int) -> Path:
    records = [SessionRecord("box", "Box breathing", START + timedelta(minutes=i), before=6,
                             after=4, status="completed") for i in range(count)]
    with path.open("w", encoding="utf-8", newline="") as out:
        export_records(records, out, "csv")
    return path


def run_import(data: Path, path: Path, *, stderr_tty: bool) -> tuple[int, str, str]:
    env = {k: v for k, v in os.environ.items() if k != "STEADY_DATA_DIR"}
    command = [sys.executable, "-m", "app", "--data-dir", str(data), "import", str(path)]
    if not stderr_tty:
        done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True,
                              timeout=120)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    try:
        process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.PIPE,
                                   stderr=follower, stdin=subprocess.DEVNULL, text=True)
        os.close(follower)
        out, _ = process.communicate(timeout=120)
        seen = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal's other end is closed: all is read
                break
            if not chunk:
                break
            seen += chunk
    finally:
        os.close(leader)
    return process.returncode, out, seen.decode("utf-8", "replace")


@pytest.mark.skipif(os.name != "posix", reason="a pseudo-terminal")
def test_progress_on_a_terminal(tmp_path: Path) -> None:
    path = export_of(tmp_path / "backup.csv", 3000)
    code, out, err = run_import(tmp_path / "data", path, stderr_tty=True)
    assert code == 0, err
    assert "Imported 3000 session(s)" in out
    assert "Importing backup.csv: 100%" in err
    assert err.endswith("\n") or err.endswith("\r\n")
    code, out, err = run_import(tmp_path / "data", path, stderr_tty=True)
    assert "Importing backup.csv: 100%" in err
    assert "3000 were already in your log" in out


def test_no_progress_text_when_not_a_terminal(tmp_path: Path) -> None:
    path = export_of(tmp_path / "backup.csv", 50)
    code, out, err = run_import(tmp_path / "data", path, stderr_tty=False)
    assert (code, err) == (0, "")
    assert "Imported 50 session(s)" in out


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_the_line_is_redrawn_a_few_times_a_second_and_always_at_the_end() -> None:
    stream, clock = io.StringIO(), FakeClock()
    line = ProgressLine(stream, clock)
    line.start("Importing x.csv")
    line(10, 100)
    line(20, 100)  # too soon: not drawn
    clock.now = 0.3
    line(30, 100)
    line(100, 100)  # the end is always drawn
    line.end()
    assert stream.getvalue() == ("\rImporting x.csv:  10%\rImporting x.csv:  30%"
                                 "\rImporting x.csv: 100%\n")
    assert ProgressLine.for_terminal(io.StringIO()) is None
