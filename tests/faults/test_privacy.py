"""Privacy: private modes on everything, "delete everything" leaves no copy, quiet logs.

Modes are checked on files the real app writes under a hostile ``umask 000``:
the log, its backups, moved-aside copies, settings (and a damaged settings
file kept aside), and an export written with ``-o``. Note that tests run as
root in CI, where modes are checked but not what stops anyone.
"""

from __future__ import annotations

import logging
import os
import re
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import build_window
from app.domain.session import SessionRecord
from app.domain.settings import Settings
from app.storage.db import DB_NAME, log_copies
from app.storage.schema import MIGRATIONS
from app.ui.widgets.dialogs import ConfirmDialog
from tests.faults.conftest import REPO, child_env, run_driver, said, seed_log
from tests.faults.reliability import NONE_LOST, Table

AREA = "Privacy"
POSIX = os.name == "posix"
SECRET = "Zebra-lantern-4471 told me"
TAG = "quokkamarker"
HOSTILE_UMASK = ["sh", "-c", 'umask 000 && exec "$@"', "sh"]
START_NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)


def build_v1(folder: Path, note: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / DB_NAME)
    try:
        MIGRATIONS[0](conn)
        conn.execute(
            "INSERT INTO sessions (id, exercise_id, exercise_title, started_at, ended_at,"
            " status, before, after, planned_seconds, practised_seconds, note, tags)"
            " VALUES ('0b8f3a52-58e4-4d8e-9b0e-1a1f7f0c2a01', 'box', 'Box breathing',"
            " '2025-05-01T08:00:00.000000Z', NULL, 'completed', 7, 4, 300, 300, ?, ?)",
            (note, TAG))
        conn.execute("PRAGMA user_version = 1")
        conn.commit()
    finally:
        conn.close()


def modes(folder: Path) -> dict[str, str]:
    found = {".": oct(stat.S_IMODE(folder.stat().st_mode))}
    for path in sorted(folder.rglob("*")):
        found[str(path.relative_to(folder))] = oct(stat.S_IMODE(path.lstat().st_mode))
    return found


@pytest.mark.skipif(not POSIX, reason="file modes are POSIX")
def test_every_file_is_private_even_under_umask_000(tmp_path: Path,
                                                     reliability: Table) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o777)
    os.chmod(data, 0o777)  # as loose as it gets: Steady tightens it
    (data / DB_NAME).write_bytes(b"this is not a database " * 100)
    (data / "settings.json").write_bytes(b"{ not json")
    # 1: a damaged log and damaged settings are moved aside; settings are saved.
    code, lines, stderr = run_driver("open", str(data), "--save-settings",
                                     prefix=HOSTILE_UMASK)
    assert code == 0, stderr
    assert said(lines, "settings", stderr)["problem"] == ""
    # 2: an older log is migrated, so a backup is made first.
    for path in data.glob(f"{DB_NAME}*"):
        if ".damaged-" not in path.name:
            path.unlink()
    build_v1(data, SECRET)
    os.chmod(data / DB_NAME, 0o666)
    code, lines, stderr = run_driver("open", str(data), prefix=HOSTILE_UMASK)
    assert code == 0, stderr
    # 3: an export written with -o, elsewhere.
    out = tmp_path / "elsewhere" / "mine.csv"
    out.parent.mkdir()
    done = subprocess.run([*HOSTILE_UMASK, sys.executable, "-m", "app", "--data-dir",
                           str(data), "export", "-o", str(out)], cwd=REPO, env=child_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr

    found = modes(data)
    kinds = {
        "the log": DB_NAME in found,
        "a backup": any(k.startswith("backups/") for k in found),
        "a moved-aside log": any(".damaged-" in k and k.startswith(DB_NAME) for k in found),
        "settings": "settings.json" in found,
        "damaged settings kept aside": any(k.startswith("settings.json.damaged-")
                                           for k in found),
    }
    assert all(kinds.values()), kinds
    loose = {name: mode for name, mode in found.items()
             if mode != ("0o700" if (data / name).is_dir() else "0o600")}
    assert loose == {}
    export_mode = oct(stat.S_IMODE(out.stat().st_mode))
    assert export_mode == "0o600"
    reliability.add(
        AREA, "file modes under a hostile umask 000, data folder made 0777 beforehand",
        "real processes (the window twice, `steady export -o`) started under umask 000; "
        "as root the modes are checked, not enforced",
        f"data folder and backups/ 0700; {len(found) - 2} files, including "
        f"{', '.join(kinds)}, all 0600; the export written with -o is 0600", NONE_LOST)


def everything_under(folder: Path) -> bytes:
    chunks = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            chunks.append(path.read_bytes())
    return b"\n".join(chunks)


@pytest.mark.gui
def test_delete_everything_leaves_no_copy(tmp_path: Path, qtbot: QtBot,
                                          monkeypatch: pytest.MonkeyPatch,
                                          reliability: Table) -> None:
    data = tmp_path / "data"
    build_v1(data, SECRET)
    (data / f"{DB_NAME}.damaged-20250101-000000").write_bytes(SECRET.encode() * 10)
    exported = tmp_path / "my-export.txt"
    exported.write_text(SECRET)  # the person's own export elsewhere: not ours to delete
    window = build_window(data, Settings(first_run_done=True))  # migrates: a backup
    qtbot.addWidget(window)
    try:
        window.store.save(SessionRecord("box", "Box breathing",  # type: ignore[attr-defined]
                                        START_NOW, before=8, note=SECRET, tags=(TAG,)))
        before = {p.name for p in log_copies(data)}
        assert {DB_NAME, f"{DB_NAME}-wal", "backups"} <= before
        assert SECRET.encode() in everything_under(data)
        monkeypatch.setattr(ConfirmDialog, "ask",
                            classmethod(lambda cls, parent, question: question.answers[0].key))
        window.show_history()
        page = window.history_page
        assert page is not None
        qtbot.mouseClick(page.delete_all_button, Qt.MouseButton.LeftButton)
        assert page.sessions_model.total == 0
        left = {p.name for p in log_copies(data)}
        residue = everything_under(data)
    finally:
        window.close()
        window.store.close()  # type: ignore[attr-defined]
    assert left <= {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"}, left
    assert SECRET.encode() not in residue and TAG.encode() not in residue
    assert SECRET.encode() not in everything_under(data)  # after closing, too
    assert exported.read_text() == SECRET
    reliability.add(
        AREA, "\"Delete all history\" with a WAL, a backup and a moved-aside copy present",
        "real, in the window (the confirmation answered yes)",
        f"removed: {', '.join([*sorted(before - left), 'the old log and WAL'])}; a fresh "
        "empty log is opened; no byte of the note or tag is left in any file of the data "
        "folder; the person's own export elsewhere is untouched", NONE_LOST)


RATING_TEXT = re.compile(r"\b(rating|before|after)\b\D{0,3}\d", re.IGNORECASE)


@pytest.mark.gui
def test_no_note_tag_or_rating_in_any_log_record(tmp_path: Path, qtbot: QtBot,
                                                 caplog: pytest.LogCaptureFixture,
                                                 reliability: Table) -> None:
    caplog.set_level(logging.DEBUG)
    data = tmp_path / "data"
    seed_log(data, 2, running=True)  # the next start marks it interrupted (logged)
    window = build_window(data, Settings(first_run_done=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    try:
        assert window.start_exercise("box")
        qtbot.keyClicks(window.before, "9")
        qtbot.keyClick(window.before, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: not window.before.offer_guard.fresh())  # the offer read
        qtbot.keyClick(window.before, Qt.Key.Key_Return)  # past the offer of help
        qtbot.waitUntil(lambda: window.exercise_page is not None)
        qtbot.keyClick(window.focusWidget() or window.current_page(), Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.current_page() is window.after)
        qtbot.keyClicks(window.after, "2")
        qtbot.keyClicks(window.after.note, SECRET)
        qtbot.keyClicks(window.after.tags, TAG)
        conn = window.store._conn  # type: ignore[attr-defined]
        conn.execute("PRAGMA query_only = ON")  # every write now fails: the failure path logs
        qtbot.keyClick(window.after.tags, Qt.Key.Key_Return)
        assert window.flow.unsaved
        conn.execute("PRAGMA query_only = OFF")
        qtbot.waitUntil(lambda: not window.summary.enter_guard.fresh())  # a deliberate Enter
        qtbot.keyClick(window.focusWidget() or window.current_page(), Qt.Key.Key_Return)
        assert not window.flow.unsaved
    finally:
        window.close()
        window.store.close()  # type: ignore[attr-defined]
    records = caplog.records
    assert any("could not save session" in r.getMessage() for r in records), "the failure logged"
    for record in records:
        text = record.getMessage() + repr(record.args)
        assert SECRET not in text and TAG not in text, text
        assert not RATING_TEXT.search(record.getMessage()), record.getMessage()
        assert not any(isinstance(a, SessionRecord) for a in (record.args or ())), text
    reliability.add(
        AREA, "log records during a session whose save fails and is retried (DEBUG)",
        "real window; pytest's caplog at DEBUG; writes made to fail with PRAGMA query_only",
        "the records (sessions marked interrupted, a save that failed) name what happened "
        "and the session's id; none holds the note, a tag, a rating or a session", NONE_LOST)


def test_command_line_output_never_holds_a_note(tmp_path: Path, reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 2, note=SECRET)
    bad = tmp_path / "bad.csv"
    export = tmp_path / "export.csv"

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), *args],
                              cwd=REPO, env=child_env(), capture_output=True, text=True,
                              timeout=60)

    assert run("export", "-o", str(export)).returncode == 0
    text = export.read_text(encoding="utf-8")
    bad.write_text(text.replace(",3,", ",11,", 1).replace("kept", "x"), encoding="utf-8")
    outputs = [run("stats"), run("stats", "--json"), run("import", str(bad)),
               run("import", str(export)), run("export", "-o", str(tmp_path / "again.json"))]
    assert outputs[2].returncode == 1 and "11" in outputs[2].stderr
    for done in outputs:
        assert SECRET not in done.stderr and SECRET not in done.stdout
    reliability.add(
        AREA, "what `steady stats`, `export -o` and `import` (good and bad) print",
        "real processes on a log whose notes hold a marker",
        "no note text on stdout or stderr; a refused import names the file, line and "
        "field, never the note", NONE_LOST)
