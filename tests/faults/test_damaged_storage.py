"""Damaged, refused, locked, read-only and full storage: the app opens, says why, loses nothing.

Most cases start the real app in its own process (``tests.faults.driver open``:
the same path as ``steady``), read the message it shows, then do one session
by keys to prove it is usable. Before and after, every file of the data folder
is hashed; each original file's bytes must still exist there.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import build_window
from app.domain.settings import Settings
from app.storage.db import DB_NAME
from app.ui.shell.window import MainWindow
from tests.damage import scribble_over_index
from tests.faults import sandbox
from tests.faults.conftest import (
    REPO,
    child_env,
    run_driver,
    said,
    seed_crashed_log,
    seed_log,
    wait_until,
)
from tests.faults.reliability import (
    NONE_LOST,
    Table,
    data_lost,
    file_hashes,
    normalise,
    quoted,
    sessions_in,
)

AREA = "Damaged storage"
POSIX = os.name == "posix"


# --------------------------------------------------------------------------- helpers


def open_and_use(data: Path, prefix: list[str] | None = None
                 ) -> tuple[dict[str, Any], dict[str, Any], str]:
    """Start the real app on ``data``, read its message, do a session by keys, quit."""
    code, lines, stderr = run_driver("open", str(data), prefix=prefix or ())
    assert code == 0, stderr
    return said(lines, "opened", stderr), said(lines, "used", stderr), stderr


def what_happened(opened: dict[str, Any], used: dict[str, Any],
                  places: dict[str, Any]) -> str:
    if opened["persistent"]:
        start = f"opens on its log ({opened['count']} sessions)"
    else:
        start = "opens on a log kept only in memory"
    text = f"{start} and says {quoted(normalise(opened['notice'], places))}"
    if not used["summary"]:
        return text + "; a session by keys does NOT reach its summary"
    if used["unsaved"]:
        end = "is kept while Steady is open and saving is retried"
    elif used["persistent"]:
        end = "is saved"
    else:
        end = "is kept until Steady closes"
    return f"{text}; a session by keys afterwards {end}"


def assert_opened_and_usable(opened: dict[str, Any], used: dict[str, Any]) -> None:
    assert opened["notice"], "the person is told what happened"
    assert used["summary"], "a session still reaches its summary"


# --------------------------------------------------------------------------- damaged files


def truncated(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(8).randbytes(64 * 1024))


def zero_length(path: Path) -> None:
    path.write_bytes(b"")


def newer_version(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()


def header_only(path: Path) -> None:
    """The first 100 bytes (a valid header) and nothing else: a copy cut off early."""
    path.write_bytes(path.read_bytes()[:100])


def index_page(path: Path) -> None:
    """One page of one index scribbled over: every row still there, SQLite's check fails."""
    scribble_over_index(path)


DAMAGE = {
    "damaged in one page of an index": index_page,
    "truncated to half its size": truncated,
    "cut off after the 100-byte header": header_only,
    "64 KiB of random bytes": random_bytes,
    "a zero-length file": zero_length,
    "a log from a newer Steady (user_version 99)": newer_version,
}


@pytest.mark.parametrize("fault", list(DAMAGE))
def test_damaged_or_newer_log(fault: str, tmp_path: Path, reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 5)
    DAMAGE[fault](data / DB_NAME)
    files = file_hashes(data)
    opened, used, _ = open_and_use(data)
    assert_opened_and_usable(opened, used)
    lost = data_lost(files, data)
    if "newer" in fault:
        assert not opened["persistent"] and "newer" in opened["notice"]
        assert file_hashes(data)[DB_NAME] == files[DB_NAME], "refused, never rewritten"
    elif "index" in fault:  # rebuilt from its rows: every session is still there
        assert opened["persistent"] and opened["count"] == 5
        assert "rebuilt it from what the file still held: 5 session(s)" in opened["notice"]
    else:
        assert opened["persistent"] and "moved, unchanged" in opened["notice"]
        assert sessions_in(data)  # the new log holds the session made afterwards
    reliability.add(AREA, f"the log is {fault}", "real: the file written so, then the app "
                    "started in its own process", what_happened(opened, used, {"<data>": data}),
                    lost)
    assert lost == NONE_LOST


def test_log_is_a_folder(tmp_path: Path, reliability: Table) -> None:
    data = tmp_path / "data"
    (data / DB_NAME).mkdir(parents=True)
    (data / DB_NAME / "something.txt").write_text("not a log")
    files = file_hashes(data)
    opened, used, _ = open_and_use(data)
    assert_opened_and_usable(opened, used)
    assert not opened["persistent"]
    lost = data_lost(files, data)
    reliability.add(AREA, "the log's name is taken by a folder", "real",
                    what_happened(opened, used, {"<data>": data}), lost)
    assert lost == NONE_LOST


def test_damaged_settings_file(tmp_path: Path, reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 2)
    (data / "settings.json").write_bytes(b'{"sound": tru\x00\xff')
    sessions = sessions_in(data)
    settings_bytes = {k: v for k, v in file_hashes(data).items() if k.startswith("settings")}
    opened, used, _ = open_and_use(data)
    assert_opened_and_usable(opened, used)
    assert "settings" in opened["notice"]
    lost = data_lost(settings_bytes, data, sessions)  # the log grows by the new session
    reliability.add(AREA, "the settings file is damaged (not JSON)", "real",
                    what_happened(opened, used, {"<data>": data}), lost)
    assert lost == NONE_LOST


# --------------------------------------------------------------------------- locks

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=10)
if sys.argv[2] == "exclusive-mode":
    conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("SELECT count(*) FROM sessions").fetchone()
print("held", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
conn.close()
"""


class Holder:
    """A second, real process holding the log with ``BEGIN EXCLUSIVE`` until released."""

    def __init__(self, path: Path, mode: str, folder: Path) -> None:
        self.out = folder / f"holder-{mode}.txt"
        with open(self.out, "wb") as out:
            self.popen = subprocess.Popen(
                [sys.executable, "-c", HOLDER, str(path), mode], stdin=subprocess.PIPE,
                stdout=out, stderr=subprocess.STDOUT, cwd=REPO, env=child_env())
        wait_until(lambda: "held" in self.out.read_text(), "the lock to be held",
                   process=self.popen)

    def release(self) -> None:
        if self.popen.poll() is None:
            assert self.popen.stdin is not None
            self.popen.stdin.close()
            assert self.popen.wait(timeout=30) == 0, self.out.read_text()

    def kill(self) -> None:
        if self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait(timeout=30)


@pytest.fixture
def holders(tmp_path: Path) -> Iterator[list[Holder]]:
    started: list[Holder] = []
    try:
        yield started
    finally:
        for holder in started:
            holder.kill()


LOCKS = {
    "BEGIN EXCLUSIVE": "normal",
    "BEGIN EXCLUSIVE in locking_mode=EXCLUSIVE": "exclusive-mode",
}


@pytest.mark.parametrize("lock", list(LOCKS))
def test_log_locked_by_another_process(lock: str, tmp_path: Path, holders: list[Holder],
                                       reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 3)
    sessions = sessions_in(data)
    files = file_hashes(data)
    holders.append(Holder(data / DB_NAME, LOCKS[lock], tmp_path))
    opened, used, _ = open_and_use(data)
    holders[0].release()
    assert_opened_and_usable(opened, used)
    assert "another program is using the log" in opened["notice"]
    lost = data_lost(files, data, sessions)
    reliability.add(
        AREA, f"another process holds the log at start-up ({lock})",
        "real: a second process holds the lock while the app starts (it waits 2 s)",
        what_happened(opened, used, {"<data>": data}), lost)
    assert lost == NONE_LOST


# --------------------------------------------------------------------------- in the window


@pytest.fixture
def window_on(qtbot: QtBot) -> Iterator[Any]:
    windows: list[MainWindow] = []

    def make(data: Path) -> MainWindow:
        window = build_window(data, Settings(first_run_done=True))
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()  # Esc on an exercise is a window shortcut
        qtbot.waitUntil(window.isActiveWindow)
        windows.append(window)
        return window

    try:
        yield make
    finally:
        for window in windows:
            window.close()
            window.store.close()  # type: ignore[attr-defined]


def key(qtbot: QtBot, window: MainWindow, keys: str | Qt.Key,
        modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    target = window.focusWidget() or window.current_page()
    if isinstance(keys, str):
        qtbot.keyClicks(target, keys)
    else:
        qtbot.keyClick(target, keys, modifier)


def notice(window: MainWindow) -> str:
    return window.notice.text() if window.notice.isVisible() else ""


@pytest.mark.gui
def test_lock_taken_during_a_session(tmp_path: Path, qtbot: QtBot, window_on: Any,
                                     holders: list[Holder], reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 3)
    sessions = sessions_in(data)
    window = window_on(data)
    holders.append(Holder(data / DB_NAME, "normal", tmp_path))
    assert window.start_exercise("box")
    key(qtbot, window, "5")
    key(qtbot, window, Qt.Key.Key_Return)  # the first write waits 2 s, then gives up
    assert window.exercise_page is not None, "the exercise starts all the same"
    while_locked = notice(window)
    assert "another program is using the log" in while_locked
    holders[0].release()
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.after)
    key(qtbot, window, "4")
    window.after.note.setPlainText("after the lock")
    qtbot.keyClick(window.after.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.summary
    assert not window.flow.unsaved and notice(window) == ""
    window.store.close()  # type: ignore[attr-defined]
    after = sessions_in(data)
    [new] = [s for s in after.values() if s["id"] not in sessions]
    assert (new["before"], new["after"], new["note"]) == (5, 4, "after the lock")
    lost = data_lost({}, data, sessions, after)
    reliability.add(
        AREA, "another process takes the lock during a session",
        "real: a second process holds BEGIN EXCLUSIVE from just after start-up until the "
        "exercise is under way",
        f"the exercise starts all the same; says {quoted(normalise(while_locked, {}))}; once "
        "the lock is gone the next step saves everything and the message goes away", lost)
    assert lost == NONE_LOST


@pytest.mark.gui
def test_lock_held_while_the_note_is_typed(tmp_path: Path, qtbot: QtBot, window_on: Any,
                                           holders: list[Holder], reliability: Table) -> None:
    """Drafts do not make the window wait for a lock at every pause in typing."""
    data = tmp_path / "data"
    seed_log(data, 2)
    sessions = sessions_in(data)
    window = window_on(data)
    assert window.start_exercise("box")
    key(qtbot, window, "7")
    key(qtbot, window, Qt.Key.Key_Return)
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.after)
    holders.append(Holder(data / DB_NAME, "normal", tmp_path))
    tries: list[str] = []
    real_save = window.store.save

    def counted(record: Any) -> Any:
        tries.append(record.note)
        return real_save(record)

    window.store.save = counted  # type: ignore[method-assign]
    key(qtbot, window, "3")  # the draft's first write waits for the lock, then fails
    qtbot.waitUntil(lambda: window.flow.unsaved, timeout=10_000)
    qtbot.keyClicks(window.after.note, "typed while locked")
    assert not window.flow._draft_timer.isActive(), "no write is waiting to block again"
    assert len(tries) == 1
    holders[0].release()
    qtbot.keyClick(window.after.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not window.flow.unsaved and notice(window) == ""
    window.store.close()  # type: ignore[attr-defined]
    after = sessions_in(data)
    [new] = [s for s in after.values() if s["id"] not in sessions]
    assert (new["before"], new["after"], new["note"]) == (7, 3, "typed while locked")
    lost = data_lost({}, data, sessions, after)
    reliability.add(
        AREA, "another process holds the log while the after page is typed",
        "real: a second process holds BEGIN EXCLUSIVE from the after page until Done",
        f"the first write of what is typed waits 2 s and fails (the message says so); "
        f"after that, typing never waits: {len(tries)} write tried in all before Done, "
        "which saves everything once the lock is gone", lost)
    assert lost == NONE_LOST


@pytest.mark.gui
def test_disk_fills_during_a_session(tmp_path: Path, qtbot: QtBot, window_on: Any,
                                     reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 3)
    sessions = sessions_in(data)
    window = window_on(data)
    conn = window.store._conn  # type: ignore[attr-defined]
    assert window.start_exercise("box")
    key(qtbot, window, "6")
    key(qtbot, window, Qt.Key.Key_Return)
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.current_page() is window.after)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")  # the disk is now full
    key(qtbot, window, "2")
    window.after.note.setPlainText("long enough to need new pages " * 300)
    qtbot.keyClick(window.after.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page() is window.summary
    full = notice(window)
    saved_note = window.summary.saved_note.text()
    assert window.flow.unsaved and "disk is full" in full
    conn.execute("PRAGMA max_page_count = 1073741823")  # space was freed
    qtbot.waitUntil(lambda: not window.summary.enter_guard.fresh())  # a deliberate Enter
    key(qtbot, window, Qt.Key.Key_Return)  # home: saving is tried again
    assert window.current_page() is window.launcher
    assert not window.flow.unsaved and notice(window) == ""
    window.store.close()  # type: ignore[attr-defined]
    after = sessions_in(data)
    [new] = [s for s in after.values() if s["id"] not in sessions]
    assert (new["before"], new["after"]) == (6, 2) and new["note"].startswith("long enough")
    lost = data_lost({}, data, sessions, after)
    reliability.add(
        AREA, "the disk fills up during a session (the note needs new pages)",
        "simulated: SQLite's PRAGMA max_page_count set to the log's size on the window's "
        "own connection, then lifted",
        f"says {quoted(normalise(full, {}))}; the summary says {quoted(saved_note)}; once "
        "there is room, going home saves the whole session and the message goes away", lost)
    assert lost == NONE_LOST


# --------------------------------------------------------------------------- mounts


READ_ONLY_HOW = ("real: the data folder bind-mounted read-only in a private mount namespace "
                 "(unshare); where that is not allowed, chmod 0500 (not root) or chattr +i "
                 "(root) stand in")
SYSTEM_REASONS = ("Read-only file system", "Permission denied", "Operation not permitted")


def reasons_hidden(text: str) -> str:
    for reason in SYSTEM_REASONS:
        text = text.replace(reason, "<the system's reason>")
    return text


def _read_only_fallback(folder: Path) -> tuple[list[str], list[str]] | None:
    """(command to make read-only, command to undo) where no namespace is allowed."""
    if not POSIX:
        return None
    if os.geteuid() != 0:
        return ["chmod", "0500", str(folder)], ["chmod", "0700", str(folder)]
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0:
        return ["true"], ["chattr", "-i", str(folder)]
    return None


@pytest.mark.skipif(not POSIX, reason="mounts and modes are POSIX")
def test_read_only_data_folder(tmp_path: Path, reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 3)
    sessions = sessions_in(data)
    files = file_hashes(data)
    prefix = sandbox.read_only_prefix(data)
    if prefix is not None:
        opened, used, _ = open_and_use(data, prefix)
    else:
        fallback = _read_only_fallback(data)
        if fallback is None:
            pytest.skip("no way to make a read-only folder here")
        make, undo = fallback
        subprocess.run(make, check=True)
        try:
            opened, used, _ = open_and_use(data)
        finally:
            subprocess.run(undo, check=True)
    assert_opened_and_usable(opened, used)
    assert not opened["persistent"]
    lost = data_lost(files, data, sessions)
    reliability.add(AREA, "the data folder is read-only", READ_ONLY_HOW,
                    reasons_hidden(what_happened(opened, used, {"<data>": data})), lost)
    assert lost == NONE_LOST


@pytest.mark.skipif(sandbox.namespace_prefix() is None,
                    reason="needs a private mount namespace to make a folder read-only")
def test_the_log_on_a_read_only_disk_can_still_be_exported(tmp_path: Path,
                                                          reliability: Table) -> None:
    """A failing disk is often remounted read-only: the moment to export what it holds."""
    data = tmp_path / "data"
    seed_log(data, 3)
    sessions = sessions_in(data)
    files = file_hashes(data)
    prefix = sandbox.read_only_prefix(data)
    assert prefix is not None
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "app", "--data-dir", str(data), "export",
         "--format", "json"], cwd=REPO, env=child_env(), capture_output=True, text=True,
        timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    exported = json.loads(result.stdout)
    assert sorted(s["id"] for s in exported["sessions"]) == sorted(sessions)
    assert "read as it is; nothing in it was changed" in result.stderr
    lost = data_lost(files, data, sessions)
    said_line = result.stderr.strip().splitlines()[-1]
    reliability.add(AREA, "steady export with the data folder read-only",
                    "real: the data folder bind-mounted read-only in a private mount "
                    "namespace (unshare), then `steady export` in its own process",
                    f"exports all {len(exported['sessions'])} sessions (exit 0) and says "
                    f"{quoted(reasons_hidden(normalise(said_line, {'<data>': data})))}", lost)
    assert lost == NONE_LOST


FULL_DISK = r"""
set -e
mount -t tmpfs -o size=2m,mode=0700 tmpfs "$1"
mkdir -m 0700 "$1/data"
cp -a "$2/." "$1/data/"
dd if=/dev/zero of="$1/filler" bs=4096 2>/dev/null || true
cd "$4"
"$5" -m tests.faults.driver open "$1/data" > "$3/full.out" 2> "$3/full.err" || true
mkdir "$3/after-full" && cp -a "$1/data/." "$3/after-full/"
rm "$1/filler"
"$5" -m tests.faults.driver history "$1/data" > "$3/freed.out" 2> "$3/freed.err" || true
mkdir "$3/after-freed" && cp -a "$1/data/." "$3/after-freed/"
"""


def _lines(path: Path) -> list[dict[str, Any]]:
    import json

    return [json.loads(x) for x in path.read_text().splitlines() if x.startswith("{")]


@pytest.mark.skipif(sandbox.namespace_prefix() is None,
                    reason="a small filesystem needs a mount namespace")
@pytest.mark.parametrize("start", [
    "with the log as a crash left it (WAL and index beside it, a session running)",
    "with the log closed cleanly (SQLite must create its index file)",
    "with no log yet",
])
def test_full_disk_at_start_up(start: str, tmp_path: Path, reliability: Table) -> None:
    seed = tmp_path / "seed"
    seed.mkdir(mode=0o700)
    if "crash" in start:
        seed_crashed_log(seed, 3)
    elif "cleanly" in start:
        seed_log(seed, 3)
    sessions = sessions_in(seed)
    files = file_hashes(seed)
    mount, out = tmp_path / "mnt", tmp_path / "out"
    mount.mkdir()
    out.mkdir()
    done = sandbox.run_script(FULL_DISK, [str(mount), str(seed), str(out), str(REPO),
                                          sys.executable], env=child_env(), cwd=REPO)
    assert done.returncode == 0, done.stderr
    full_err = (out / "full.err").read_text()
    lines = _lines(out / "full.out")
    opened, used = said(lines, "opened", full_err), said(lines, "used", full_err)
    assert_opened_and_usable(opened, used)
    assert "disk is full" in opened["notice"]
    freed = said(_lines(out / "freed.out"), "history", (out / "freed.err").read_text())
    lost_full = data_lost(files, out / "after-full", sessions,
                          bytes_may_move_within_sqlite=True)
    lost_freed = data_lost(files, out / "after-freed", sessions,
                           bytes_may_move_within_sqlite=True)
    lost = lost_full if lost_full != NONE_LOST else lost_freed
    places = {"<data>": mount / "data"}
    seen = what_happened(opened, used, places)
    if sessions:
        assert opened["persistent"] or "cleanly" in start
        statuses = sorted({row["shown"]["status"] for row in freed["rows"]})
        seen += (f"; once space is freed, the next start shows all {len(freed['rows'])} "
                 f"sessions ({', '.join(statuses)})")
        assert len(freed["rows"]) == len(sessions)
    reliability.add(
        AREA, f"the disk is full at start-up, {start}",
        "real: a 2 MiB tmpfs filled to the last block, in a private mount namespace; "
        "SQLite folds its WAL into the log when it closes, so sessions are compared, "
        "not bytes", seen, lost)
    assert lost == NONE_LOST


@pytest.mark.skipif(sandbox.namespace_prefix() is None,
                    reason="needs a private mount namespace to make a folder read-only")
@pytest.mark.parametrize("verb", [["stats"], ["stats", "--json"]])
def test_stats_on_a_read_only_log_reports_its_sessions(verb: list[str], tmp_path: Path,
                                                       reliability: Table) -> None:
    """Read-only is not empty: stats reads the log as it is, like export does."""
    data = tmp_path / "data"
    seed_log(data, 3)
    sessions = sessions_in(data)
    files = file_hashes(data)
    prefix = sandbox.read_only_prefix(data)
    assert prefix is not None
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "app", "--data-dir", str(data), *verb], cwd=REPO,
        env=child_env(), capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    assert "no log" not in result.stdout + result.stderr
    assert "read as it is; nothing in it was changed" in result.stderr
    if "--json" in verb:
        (row,) = json.loads(result.stdout)["exercises"]
        assert (row["title"], row["sessions"]) == ("Box breathing", 3)
        shown = f"{row['sessions']} sessions of {row['title']} in JSON"
    else:
        assert "Box breathing" in result.stdout and "What works for you" in result.stdout
        shown = "the table (Box breathing, 3 sessions)"
    lost = data_lost(files, data, sessions)
    reliability.add(AREA, f"steady {' '.join(verb)} with the data folder read-only",
                    "real: the data folder bind-mounted read-only in a private mount "
                    f"namespace (unshare), then `steady {' '.join(verb)}` in its own process",
                    f"reports {shown} (exit 0), never \"no log\", and says it was read as it "
                    "is", lost)
    assert lost == NONE_LOST
