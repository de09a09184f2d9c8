"""Exports and reports from the window (app.services.log_files): the very files
`steady export -o` writes, by the same rules."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.errors import StorageError
from app.domain.plan import CopingPlan, MemoryPlanStore
from app.domain.session import SessionRecord
from app.services.log_files import LogFiles
from app.storage.sessions import open_store

REPO = Path(__file__).resolve().parents[2]
START = datetime(2026, 3, 2, 9, tzinfo=UTC)


def seed(data: Path) -> None:
    store, _ = open_store(data)
    with store:
        for n in range(4):
            store.save(SessionRecord("box", "Box breathing", START + timedelta(hours=n),
                                     before=7, after=4 - n % 2, status="completed",
                                     note=f"note {n}", tags=("work",)))


def cli_export(data: Path, out: Path, *extra: str) -> None:
    env = {k: v for k, v in os.environ.items() if k != "STEADY_DATA_DIR"}
    subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), "export", *extra,
                    "-o", str(out)], cwd=REPO, env=env, check=True, capture_output=True)


@pytest.fixture
def files(tmp_path: Path) -> LogFiles:
    data = tmp_path / "data"
    seed(data)
    store, _ = open_store(data)
    plan = CopingPlan(warning_signs=("racing thoughts",))
    return LogFiles(store, data, plans=lambda: MemoryPlanStore(plan))


def test_a_csv_export_is_byte_for_byte_the_command_lines(files: LogFiles,
                                                         tmp_path: Path) -> None:
    mine, theirs = tmp_path / "window.csv", tmp_path / "cli.csv"
    assert files.export(mine, "csv") == 4
    cli_export(files.data_dir, theirs)
    assert mine.read_bytes() == theirs.read_bytes()
    assert stat.S_IMODE(mine.stat().st_mode) == 0o600


def test_a_json_export_holds_the_sessions_and_the_plan(files: LogFiles,
                                                       tmp_path: Path) -> None:
    mine, theirs = tmp_path / "window.json", tmp_path / "cli.json"
    assert files.export(mine, "json") == 4
    cli_export(files.data_dir, theirs, "--format", "json")
    ours, cli = json.loads(mine.read_text()), json.loads(theirs.read_text())
    assert ours["sessions"] == cli["sessions"] and len(ours["sessions"]) == 4
    assert ours["plan"]["warning_signs"] == ["racing thoughts"]
    assert {k for k in ours if k != "plan"} == {k for k in cli if k != "plan"}


def test_the_data_folder_and_a_folder_are_refused_and_nothing_is_written(
        files: LogFiles, tmp_path: Path) -> None:
    inside = files.data_dir / "export.csv"
    with pytest.raises(StorageError, match=r"inside Steady's data folder .*Nothing was "
                                           r"written"):
        files.export(inside, "csv")
    assert not inside.exists()
    with pytest.raises(StorageError, match=r"is a folder; give a file name, like .*"
                                           r"steady-report\.pdf"):
        files.write_report(tmp_path, b"%PDF-")
    log = files.data_dir / "steady.sqlite3"
    before = log.read_bytes()
    with pytest.raises(StorageError, match="inside Steady's data folder"):
        files.write_report(log, b"%PDF-")
    assert log.read_bytes() == before


def test_a_report_is_written_whole_and_private(files: LogFiles, tmp_path: Path) -> None:
    out = tmp_path / "report.pdf"
    out.write_text("old")
    files.write_report(out, b"%PDF-1.4 made up")
    assert out.read_bytes() == b"%PDF-1.4 made up"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_place_that_cannot_be_written_says_so(files: LogFiles, tmp_path: Path) -> None:
    with pytest.raises(StorageError, match=r"Could not write .*Nothing was written"):
        files.export(tmp_path / "no-such-folder" / "export.csv", "csv")
