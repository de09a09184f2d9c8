"""`steady export`, `import` and `stats` as real processes."""

from __future__ import annotations

import csv
import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.session import SessionRecord
from app.storage.db import DB_NAME
from app.storage.sessions import open_store

REPO = Path(__file__).resolve().parents[2]
START = datetime(2026, 3, 1, 8, tzinfo=UTC)


def steady(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "STEADY_DATA_DIR"}
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        cwd=REPO, capture_output=True, text=True, timeout=60, env=env, encoding="utf-8",
    )


def seed(data: Path) -> list[SessionRecord]:
    records = [
        SessionRecord("box", "Box breathing", START + timedelta(hours=1), before=7, after=4,
                      status="completed", note='tight, then "looser"\nbetter', tags=("work",)),
        SessionRecord("box", "Box breathing", START + timedelta(hours=2), before=6, after=5,
                      status="completed"),
        SessionRecord("box", "Box breathing", START + timedelta(hours=3), before=8, after=3,
                      status="stopped", note="=HYPERLINK(\"x\")"),
        SessionRecord("54321", "5-4-3-2-1", START + timedelta(hours=4), before=4, after=4,
                      status="completed"),
        SessionRecord("54321", "5-4-3-2-1", START + timedelta(hours=5), before=9,
                      status="running"),
    ]
    store, _ = open_store(data)
    with store:
        for record in records:
            store.save(record)
    return records


def imports_whole(path: Path, data: Path, records: list[SessionRecord]) -> None:
    """``steady import path`` into ``data`` takes every one of ``records``, unchanged."""
    result = steady("import", str(path), data=data)
    assert result.returncode == 0, result.stderr
    assert f"Imported {len(records)} session(s)" in result.stdout
    store, _ = open_store(data)
    with store:
        assert {r.id: r for r in store.sessions()} == {r.id: r for r in records}


def digest(data: Path) -> str:
    files = sorted(p for p in data.glob(f"{DB_NAME}*") if not p.name.endswith("-shm"))
    return hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()


def test_stats_without_a_log_is_kind_names_the_folder_and_creates_nothing(
        tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = steady("stats", data=data)
    assert result.returncode == 0, result.stderr
    assert f"There is no log in {data} yet." in result.stdout and result.stderr == ""
    assert not data.exists()
    result = steady("stats", "--json", data=data)
    assert result.returncode == 0 and json.loads(result.stdout) == {"exercises": [], "best": None}
    assert result.stderr == f"steady: there is no log in {data} yet.\n"
    assert not data.exists()


def test_stats_on_an_empty_log_is_kind(tmp_path: Path) -> None:
    data = tmp_path / "data"
    open_store(data)[0].close()
    result = steady("stats", data=data)
    assert result.returncode == 0, result.stderr
    assert "Your log is empty for now" in result.stdout and result.stderr == ""


def test_stats_table(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    result = steady("stats", data=data)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    header = next(line for line in lines if line.startswith("Exercise"))
    assert header.split() == ["Exercise", "Sessions", "Rated", "Before", "After", "Change",
                              "Drop", ">=", "2"]
    box = next(line for line in lines if line.startswith("Box breathing"))
    assert box.split()[2:] == ["3", "3", "7.0", "4.0", "-3.0", "67%"]
    five = next(line for line in lines if line.startswith("5-4-3-2-1"))
    assert five.split()[1:] == ["2", "1", "4.0", "4.0", "+0.0", "0%"]


def test_stats_json_and_no_session_is_marked_interrupted(tmp_path: Path) -> None:
    data = tmp_path / "data"
    records = seed(data)
    result = steady("stats", "--json", data=data)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    box = payload["exercises"][0]
    assert box["key"] == "box" and box["sessions"] == 3 and box["rated"] == 3
    assert box["mean_before"] == 7.0 and box["mean_change"] == -3.0
    assert box["noticeable_share"] == pytest.approx(2 / 3)
    assert payload["best"] is None  # fewer than five rated sessions
    store, _ = open_store(data)
    with store:
        still = store.get(records[-1].id)
    assert still is not None and still.status == "running"  # a window may be mid-session


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_to_stdout_then_import_elsewhere(tmp_path: Path, fmt: str) -> None:
    data, other = tmp_path / "data", tmp_path / "other"
    records = seed(data)
    exported = steady("export", "--format", fmt, data=data)
    assert exported.returncode == 0, exported.stderr
    path = tmp_path / f"log.{fmt}"
    path.write_text(exported.stdout, encoding="utf-8", newline="")
    imports_whole(path, other, records)
    again = steady("import", str(path), data=other)
    assert again.returncode == 0
    assert "Imported 0 session(s)" in again.stdout
    assert f"{len(records)} were already" in again.stdout
    if fmt == "csv":
        assert steady("export", data=other).stdout == exported.stdout


def test_export_to_a_private_file(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    target = tmp_path / "mine.json"
    result = steady("export", "-o", str(target), data=data)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "" and "Exported 5 session(s)" in result.stderr
    payload = json.loads(target.read_text(encoding="utf-8"))  # .json picks the format
    assert payload["format"] == "steady-log" and len(payload["sessions"]) == 5
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_to_an_unwritable_place(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    result = steady("export", "-o", str(tmp_path / "missing" / "x.csv"), data=data)
    assert result.returncode == 1 and "could not write" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_import_changes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    bad = tmp_path / "bad.csv"
    assert steady("export", "-o", str(bad), data=data).returncode == 0
    with bad.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[3][rows[0].index("before")] = "11"
    with bad.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)
    before = digest(data)
    result = steady("import", str(bad), data=data)
    assert result.returncode == 1
    assert str(bad) in result.stderr and "before is 11" in result.stderr
    assert "Nothing was imported" in result.stderr and "Traceback" not in result.stderr
    assert digest(data) == before
    fresh = tmp_path / "fresh"
    assert steady("import", str(bad), data=fresh).returncode == 1
    assert not fresh.exists()  # a refused file leaves not even an empty log


def test_import_of_a_missing_file(tmp_path: Path) -> None:
    result = steady("import", str(tmp_path / "nope.csv"), data=tmp_path / "data")
    assert result.returncode == 1 and "could not be read" in result.stderr


def test_newer_log_is_refused_without_a_traceback(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    conn = sqlite3.connect(data / DB_NAME)
    conn.execute("PRAGMA user_version = 42")
    conn.commit()
    conn.close()
    before = digest(data)
    for verb in (["stats"], ["export"]):
        result = steady(*verb, data=data)
        assert result.returncode == 1
        assert "newer Steady" in result.stderr and "Traceback" not in result.stderr
    assert digest(data) == before


# ------------------------------------------------------------ export never harms a backup

GOOD_BACKUP = b"id,exercise_id\r\nthe person's good backup\r\n"


def backup(tmp_path: Path) -> Path:
    path = tmp_path / "backup.csv"
    path.write_bytes(GOOD_BACKUP)
    return path


def test_export_without_a_log_writes_nothing_and_names_the_folder(tmp_path: Path) -> None:
    """A mistyped data folder must not turn a good backup into an empty one."""
    data, saved, fresh = tmp_path / "typo", backup(tmp_path), tmp_path / "fresh.csv"
    for target in (saved, fresh):
        result = steady("export", "-o", str(target), data=data)
        assert result.returncode == 1
        assert result.stderr.startswith(f"steady: there is no log in {data}")
        assert f"Nothing was written to {target}." in result.stderr
    assert saved.read_bytes() == GOOD_BACKUP
    assert not fresh.exists() and not data.exists()
    result = steady("export", data=data)
    assert result.returncode == 1 and result.stdout == ""
    assert result.stderr == f"steady: there is no log in {data}, so there is nothing to export.\n"


def test_export_of_a_damaged_log_writes_nothing(tmp_path: Path) -> None:
    data, saved = tmp_path / "data", backup(tmp_path)
    data.mkdir()
    (data / DB_NAME).write_bytes(b"not a database, just damage " * 200)
    result = steady("export", "-o", str(saved), data=data)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "a new, empty log was started" in result.stderr
    assert f"Nothing was exported. Nothing was written to {saved}." in result.stderr
    assert saved.read_bytes() == GOOD_BACKUP
    assert len(list(data.glob(f"{DB_NAME}.damaged-*"))) == 1
    assert steady("export", data=data).returncode == 0  # the notice was given once
    # The new log is empty: it still never replaces a file that holds something ...
    again = steady("export", "-o", str(saved), data=data)
    assert again.returncode == 1 and "has no sessions" in again.stderr
    assert f"{saved} already holds something and was left as it was" in again.stderr
    assert saved.read_bytes() == GOOD_BACKUP
    # ... but a new file gets the (empty) export as asked.
    assert steady("export", "-o", str(tmp_path / "new.csv"), data=data).returncode == 0
    assert (tmp_path / "new.csv").read_text(encoding="utf-8").startswith("id,exercise_id,")


def data_files(data: Path) -> dict[str, bytes]:
    return {str(p.relative_to(data)): p.read_bytes()
            for p in sorted(data.rglob("*")) if p.is_file() and not p.name.endswith("-shm")}


@pytest.mark.parametrize("where", [DB_NAME, f"{DB_NAME}-wal", "settings.json",
                                   "backups/mine.csv", "exercises/x.csv", ".", "sub/../x.csv"])
def test_export_refuses_steady_s_own_files(tmp_path: Path, where: str) -> None:
    data = tmp_path / "data"
    seed(data)
    (data / "settings.json").write_text("{}", encoding="utf-8")
    (data / "backups").mkdir()
    before = data_files(data)
    target = data / where
    result = steady("export", "-o", str(target), data=data)
    assert result.returncode == 1, result.stderr
    assert "Steady's" in result.stderr and "Nothing was written." in result.stderr
    assert "Traceback" not in result.stderr
    assert data_files(data) == before


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need POSIX here")
@pytest.mark.parametrize("what", ["the log", "the data folder", "a link inside"])
def test_export_refuses_links_into_steady_s_folder(tmp_path: Path, what: str) -> None:
    """Paths are compared once every link is followed."""
    data = tmp_path / "data"
    seed(data)
    before = data_files(data)
    link = tmp_path / "innocent.csv"
    if what == "the log":
        link.symlink_to(data / DB_NAME)
    elif what == "the data folder":
        (tmp_path / "folder").symlink_to(data)
        link = tmp_path / "folder" / "export.csv"
    else:
        link.symlink_to(data / "backups-to-be" / "x.csv")  # not there yet
    result = steady("export", "-o", str(link), data=data)
    assert result.returncode == 1 and "Steady's data folder" in result.stderr
    assert data_files(data) == before


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need POSIX here")
def test_export_refuses_a_log_that_is_a_link_to_elsewhere(tmp_path: Path) -> None:
    data, elsewhere = tmp_path / "data", tmp_path / "elsewhere"
    seed(tmp_path / "seeded")
    elsewhere.mkdir()
    data.mkdir()
    os.replace(tmp_path / "seeded" / DB_NAME, elsewhere / "log.sqlite3")
    (data / DB_NAME).symlink_to(elsewhere / "log.sqlite3")
    kept = (elsewhere / "log.sqlite3").read_bytes()
    result = steady("export", "-o", str(elsewhere / "log.sqlite3"), data=data)
    assert result.returncode == 1 and "one of Steady's own files" in result.stderr
    assert (elsewhere / "log.sqlite3").read_bytes() == kept


@pytest.mark.skipif(os.name != "posix", reason="symbolic links need POSIX here")
def test_export_through_a_link_writes_the_file_it_points_to(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    (tmp_path / "exports").mkdir()
    real = tmp_path / "exports" / "latest.csv"
    real.write_text("older export\n", encoding="utf-8")
    link = tmp_path / "latest.csv"
    link.symlink_to(Path("exports") / "latest.csv")  # relative, as people make them
    result = steady("export", "-o", str(link), data=data)
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(Path("exports") / "latest.csv")
    with real.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][0] == "id" and len(rows) == 6
    assert stat.S_IMODE(real.stat().st_mode) == 0o600
    leftovers = [p.name for p in (*tmp_path.iterdir(), *real.parent.iterdir())
                 if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_export_refuses_a_named_pipe(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    pipe = tmp_path / "export.csv"
    os.mkfifo(pipe)
    result = steady("export", "-o", str(pipe), data=data)
    assert result.returncode == 1 and "not an ordinary file" in result.stderr
    assert stat.S_ISFIFO(pipe.lstat().st_mode), "the pipe is still a pipe"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_export_refuses_a_folder(tmp_path: Path) -> None:
    data, folder = tmp_path / "data", tmp_path / "exports"
    seed(data)
    folder.mkdir()
    (folder / "kept.txt").write_text("mine", encoding="utf-8")
    result = steady("export", "-o", str(folder), data=data)
    assert result.returncode == 1
    assert f"{folder} is a folder; give a file name, like {folder}" in result.stderr
    assert folder.is_dir() and [p.name for p in folder.iterdir()] == ["kept.txt"]


# ------------------------------------------------------------ round trips whatever the name


@pytest.mark.parametrize(("fmt", "name"), [("json", "rt.csv"), ("csv", "rt.json")])
def test_an_export_imports_back_whatever_its_name(tmp_path: Path, fmt: str, name: str) -> None:
    data, other = tmp_path / "data", tmp_path / "other"
    records = seed(data)
    path = tmp_path / name
    assert steady("export", "--format", fmt, "-o", str(path), data=data).returncode == 0
    imports_whole(path, other, records)


# ------------------------------------------------------------ titles shown harmlessly


def test_stats_shows_control_characters_in_titles_harmlessly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    title = "Box \x1b[2J\x1b]0;pwned\x07\nsecond line \x9b31m \u202eright"
    store, _ = open_store(data)
    with store:
        for hour in range(6):
            store.save(SessionRecord("box", title, START + timedelta(hours=hour), before=8,
                                     after=3, status="completed", tags=("work",)))
    result = steady("stats", data=data)
    assert result.returncode == 0, result.stderr
    for raw in ("\x1b", "\x07", "\x9b", "\u202e"):
        assert raw not in result.stdout
    shown = "Box \\x1b[2J\\x1b]0;pwned\\x07\\nsecond line \\x9b31m \\u202eright"
    lines = result.stdout.splitlines()
    row = next(line for line in lines if line.startswith("Box"))
    assert row.startswith(shown) and row.split()[-6:] == ["6", "6", "8.0", "3.0", "-5.0",
                                                          "100%"]
    assert f"Helped most so far: {shown}, a mean change" in result.stdout
    payload = steady("stats", "--json", data=data)
    assert "\x1b" not in payload.stdout and "\x9b" not in payload.stdout
    assert json.loads(payload.stdout)["exercises"][0]["title"] == title, "JSON keeps it exact"
    exported = steady("export", "--format", "json", data=data)
    assert json.loads(exported.stdout)["sessions"][0]["exercise_title"] == title


@pytest.mark.parametrize("verb", [["stats"], ["export"], ["list"]])
def test_a_data_folder_that_is_a_file_is_said_plainly(tmp_path: Path, verb: list[str]) -> None:
    data = tmp_path / "afile"
    data.write_text("not a folder")
    result = steady(*verb, data=data)
    assert result.returncode == 1
    assert f"Steady's data folder {data} is a file, not a folder" in result.stderr
    assert result.stdout == ""
    assert data.read_text() == "not a folder"
