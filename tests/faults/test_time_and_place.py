"""Time that jumps, a data folder that vanishes, a log that cannot open, a killed export.

Each case runs the real Steady in its own process (the fault driver, or the
``steady`` command) and looks at the data folder from outside: every session
typed must be in the log afterwards (or in the file the person chose), whole.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app.storage.db import DB_NAME
from app.storage.sessions import open_store
from tests.faults.conftest import (
    REPO,
    SteadyProcess,
    child_env,
    run_driver,
    said,
    seed_log,
    wait_until,
)
from tests.faults.reliability import (
    NONE_LOST,
    Table,
    data_lost,
    normalise,
    quoted,
    sessions_in,
)
from tests.faults.test_damaged_storage import Holder, holders  # noqa: F401 - a fixture

NOTE = "kept whatever the clock says"


def steady(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=child_env(),
                          capture_output=True, text=True, encoding="utf-8", timeout=120,
                          stdin=subprocess.DEVNULL)


def log_rows(data: Path) -> list[dict[str, Any]]:
    conn = sqlite3.connect(data / DB_NAME)
    try:
        rows = conn.execute("SELECT id, started_at, ended_at, status, before, after, note "
                            "FROM sessions ORDER BY started_at").fetchall()
    finally:
        conn.close()
    keys = ("id", "started_at", "ended_at", "status", "before", "after", "note")
    return [dict(zip(keys, row, strict=True)) for row in rows]


# --------------------------------------------------------------------------- clocks


JUMPS = {
    "set back an hour": -60.0,
    "set back a year": -525_600.0,
    "run a year ahead": 525_600.0,
}


@pytest.mark.parametrize("jump", list(JUMPS))
def test_the_clock_changed_mid_session(jump: str, tmp_path: Path, reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 2)
    sessions = sessions_in(data)
    code, lines, stderr = run_driver("jump", str(data), "--jump", str(JUMPS[jump]),
                                     "--note", NOTE, "--tags", "night")
    assert code == 0, stderr
    first, second = said(lines, "first", stderr), said(lines, "second", stderr)
    for step in (first, second):
        assert not step["unsaved"] and step["saved_note"] == "Saved on this computer only."
    rows = {row["note"]: row for row in log_rows(data)}
    mine = rows[NOTE]
    assert (mine["before"], mine["after"], mine["status"]) == (7, 3, "stopped")
    ended_first = mine["ended_at"] < mine["started_at"]
    assert ended_first == (JUMPS[jump] < 0), mine
    assert rows["the next one"]["after"] == 4, "the next session saves as well"
    # A backup made now must restore: the export holds the odd times, the import takes them.
    backup = tmp_path / "backup.json"
    assert steady("--data-dir", str(data), "export", "-o", str(backup)).returncode == 0
    elsewhere = tmp_path / "restored"
    done = steady("--data-dir", str(elsewhere), "import", str(backup))
    assert done.returncode == 0, done.stderr
    restored = {row["id"]: row for row in log_rows(elsewhere)}
    assert restored == {row["id"]: row for row in log_rows(data)}
    lost = data_lost({}, data, sessions)
    reliability.add(
        "Clock changes", f"the wall clock {jump} during a session",
        "real: the app in its own process through its composition root, handed a wall "
        "clock the driver moves after the first rating; a second session after it; then "
        "`steady export -o` and `steady import` into a new folder, real processes",
        f"both sessions are saved whole (ratings, note, tag); the summary says "
        f"{quoted(first['saved_note'])}; the first is recorded as the clock read it "
        f"(ended_at {'before' if ended_first else 'after'} started_at); the backup of all "
        f"{len(restored)} sessions imports back whole", lost)
    assert lost == NONE_LOST


# --------------------------------------------------------------------------- the folder


def delete_folder(data: Path) -> None:
    shutil.rmtree(data)


def delete_log(data: Path) -> None:
    for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"):
        (data / name).unlink(missing_ok=True)


def put_back_an_older_copy(data: Path) -> None:
    """The person restores an older copy of the log (a backup) over it while Steady runs."""
    older = data.parent / "older"
    store, _ = open_store(older)
    with store:
        pass
    shutil.copyfile(data.parent / "older-copy" / DB_NAME, older / "copy")
    os.replace(older / "copy", data / DB_NAME)


GONE: dict[str, tuple[Callable[[Path], None], str]] = {
    "the data folder is deleted": (delete_folder, "was deleted while Steady was open"),
    "the log (and its side files) is deleted": (delete_log, "was deleted while Steady"),
    "the log is replaced by an older copy of itself": (put_back_an_older_copy,
                                                       "was replaced by another file"),
}


@pytest.mark.parametrize("fault", list(GONE))
def test_the_data_folder_or_log_goes_mid_session(fault: str, tmp_path: Path,
                                                 steady_process: Callable[..., SteadyProcess],
                                                 reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 3)
    sessions = sessions_in(data)
    shutil.copytree(data, tmp_path / "older-copy")  # the copy a person might put back
    go = tmp_path / "go"
    process = steady_process("pause", str(data), "--go", str(go), "--note", NOTE)
    process.wait_said("waiting")
    make, words = GONE[fault]
    make(data)
    go.touch()
    done = process.wait_said("done")
    assert process.finish() == 0, process.stderr()
    assert words in done["notice"] and "saved your sessions" in done["notice"]
    assert done["saved_note"] == "Saved on this computer only." and not done["unsaved"]
    after = sessions_in(data)
    assert {s["note"] for s in after.values()} >= {NOTE}
    lost = data_lost({}, data, sessions, after)
    reliability.add(
        "Data folder", f"{fault} while a session is under way",
        "real: the app in its own process; after the first rating the test does it from "
        "outside, then the session is ended by keys",
        f"the next save says {quoted(normalise(done['notice'], {'<data>': data}))}; the "
        f"summary says {quoted(done['saved_note'])}; the log at its place holds all "
        f"{len(after)} sessions", lost)
    assert lost == NONE_LOST


def test_the_data_folder_and_the_folder_above_it_go(
        tmp_path: Path, steady_process: Callable[..., SteadyProcess],
        reliability: Table) -> None:
    """A drive pulled out: nothing can be made again there; the person saves elsewhere."""
    drive = tmp_path / "drive"
    data = drive / "data"
    seed_log(data, 3)
    sessions = sessions_in(data)
    go, kept = tmp_path / "go", tmp_path / "saved-here.json"
    process = steady_process("pause", str(data), "--go", str(go), "--note", NOTE,
                             "--keep-to", str(kept))
    process.wait_said("waiting")
    shutil.rmtree(drive)
    go.touch()
    done = process.wait_said("done")
    saved = process.wait_said("kept")
    assert process.finish() == 0, process.stderr()
    assert done["keep_offered"] and not drive.exists()
    restored = tmp_path / "restored"
    imported = steady("--data-dir", str(restored), "import", str(kept))
    assert imported.returncode == 0, imported.stderr
    after = sessions_in(restored)
    assert {s["note"] for s in after.values()} >= {NOTE}
    lost = data_lost({}, restored, sessions, after)
    places = {"<data>": data, "<file>": kept, "<drive>": drive}
    reliability.add(
        "Data folder", "the data folder and the folder above it (a drive) go while a session "
        "is under way",
        "real: the app in its own process; after the first rating the test removes both "
        "from outside; then the session is ended by keys, and \"Save to a file…\" pressed",
        f"the save says {quoted(normalise(done['notice'], places))}; the summary says "
        f"{quoted(done['saved_note'])} and offers \"Save to a file…\", which says "
        f"{quoted(normalise(saved['notice'], places))}; `steady import` of that file gives "
        f"back all {len(after)} sessions", lost)
    assert lost == NONE_LOST


@pytest.fixture
def steady_process(steady: Callable[..., SteadyProcess]) -> Callable[..., SteadyProcess]:
    return steady


# --------------------------------------------------------------------------- recovery


def test_a_log_that_cannot_open_loses_nothing_even_killed(
        tmp_path: Path, steady_process: Callable[..., SteadyProcess],
        holders: list[Holder], reliability: Table) -> None:  # noqa: F811
    data = tmp_path / "data"
    seed_log(data, 2)
    sessions = sessions_in(data)
    holders.append(Holder(data / DB_NAME, "exclusive-mode", tmp_path))
    process = steady_process("session", str(data), "--before", "7", "--stop-at", "after",
                             "--after", "3", "--note", NOTE, "--tags", "night")
    opened = process.wait_said("exercise")
    assert not opened["persistent"] and "recovery file" in opened["notice"]
    process.wait_said("after")
    folder = data / "recovery"
    wait_until(lambda: any(NOTE in p.read_text(encoding="utf-8")
                           for p in folder.glob("*.jsonl")), "the draft in the recovery file",
               process=process.popen)
    assert process.kill9() == -signal.SIGKILL
    holders[0].release()
    code, lines, stderr = run_driver("history", str(data))
    assert code == 0, stderr
    shown = said(lines, "history", stderr)
    mine = [row for row in shown["rows"] if row["note"] == NOTE]
    assert len(mine) == 1 and (mine[0]["before"], mine[0]["after"]) == (7, 3)
    assert mine[0]["tags"] == ["night"]
    assert "kept safe while your log could not be written" in shown["notice"]
    assert not list(folder.glob("*.jsonl")), "merged, then removed"
    code, lines, stderr = run_driver("history", str(data))
    again = said(lines, "history", stderr)
    assert len(again["rows"]) == len(shown["rows"]) == 3, "merged exactly once"
    lost = data_lost({}, data, sessions)
    places = {"<data>": data}
    reliability.add(
        "Damaged storage", "the log cannot be opened (another process holds it), a session "
        "is typed, and Steady is killed on the after page",
        "real: a second process holds the lock (locking_mode=EXCLUSIVE) while the app "
        "starts; the app in its own process, SIGKILL once the draft is in the recovery "
        "file; the lock released; two more real starts",
        f"says {quoted(normalise(opened['notice'], places))}; the next start says "
        f"{quoted(normalise(shown['notice'], places))} and History shows the session with "
        "its ratings, note and tag, once; the start after that adds nothing", lost)
    assert lost == NONE_LOST


# --------------------------------------------------------------------------- exports


KILLED_EXPORT = r"""
import os, signal, sys
from pathlib import Path
from app.storage.datadir import export_notes
from app.storage.files import temporary_name
target, data = Path(sys.argv[1]), Path(sys.argv[2])
temporary = temporary_name(target)
export_notes(data).note(temporary)
with open(temporary, "w") as handle:
    handle.write("id,exercise_id,exercise_title\r\n1,box,half of an export")
    handle.flush()
    os.kill(os.getpid(), signal.SIGKILL)
"""


def killed_export(target: Path, data: Path) -> Path:
    """What an export killed half-way leaves: its temporary file beside the target."""
    done = subprocess.run([sys.executable, "-c", KILLED_EXPORT, str(target), str(data)],
                          cwd=REPO, env=child_env(), capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    (left,) = [p for p in target.parent.iterdir() if p.name.startswith(f".{target.name}.")]
    return left


def test_a_killed_export_leaves_nothing_behind_for_long(tmp_path: Path,
                                                        reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 3)
    sessions = sessions_in(data)
    elsewhere = tmp_path / "exports"
    elsewhere.mkdir()
    first = killed_export(elsewhere / "backup.csv", data)
    other = killed_export(elsewhere / "other-name.csv", data)
    done = steady("--data-dir", str(data), "export", "-o", str(elsewhere / "backup.csv"))
    assert done.returncode == 0, done.stderr
    assert not first.exists() and not other.exists(), "the next export removes both"
    third = killed_export(elsewhere / "later.json", data)
    store, _ = open_store(data)
    with store:
        store.delete_all()  # "Delete everything" in Settings
    assert not third.exists()
    assert sorted(p.name for p in elsewhere.iterdir()) == ["backup.csv"]
    exported = (elsewhere / "backup.csv").read_bytes()
    assert exported.count(b"\r\n") == len(sessions) + 1, "the export itself is whole"
    reliability.add(
        "Imports and exports", "`steady export -o` killed half-way (its temporary file left "
        "beside the target, out of sight)",
        "real: a process notes and writes the temporary file as export does, then is "
        "killed (SIGKILL); then a real `steady export -o`, and \"delete everything\"",
        "the next export removes what killed exports left (for any target: they are noted "
        "in the data folder) and writes its own file whole; \"delete everything\" removes "
        "one left later", data_lost({}, data, {}, {}))


def test_recovery_files_are_private_and_in_the_data_folder(tmp_path: Path) -> None:
    """The same kept session, as the recovery file holds it: 0600, one line each, no more."""
    data = tmp_path / "data"
    seed_log(data, 1)
    folder = data / "recovery"
    code, _lines, stderr = run_driver("open", str(data))
    assert code == 0 and not folder.exists(), stderr
    if os.name == "posix":
        data.joinpath("recovery").mkdir(mode=0o700)
        (folder / "x.jsonl").write_text(json.dumps({"format": "steady-recovery",
                                                    "version": 1}) + "\n")
        code, _lines, _stderr = run_driver("open", str(data))
        assert code == 0 and not folder.exists(), "an empty one is tidied away"
