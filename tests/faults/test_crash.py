"""Steady killed (SIGKILL) mid-session in its own process; the next start keeps everything.

The app runs offscreen through ``steady start box`` (``tests.faults.driver``),
is given a rating by keys, and is killed once the row is in the log, which the
test polls read-only from outside. A second real start then shows History.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from app.services.handover import server_address
from tests.faults.conftest import SteadyProcess, log_rows, run_driver, said, wait_until
from tests.faults.reliability import (
    NONE_LOST,
    Table,
    data_lost,
    file_hashes,
    quoted,
    sessions_in,
)

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")

NOTE = "Zebra lantern 4471: the kettle, then the call"
TAGS = "quokka, night"
HOW = ("real: the app in its own process (offscreen, by keys); the test polls the log "
       "read-only and sends SIGKILL once the row is written; then a second real start")


def next_start_history(data: Path) -> tuple[dict[str, object], str]:
    code, lines, stderr = run_driver("history", str(data))
    assert code == 0, stderr
    return said(lines, "history", stderr), stderr


def test_killed_during_the_exercise(steady: Callable[..., SteadyProcess], tmp_path: Path,
                                    reliability: Table) -> None:
    data = tmp_path / "data"
    app = steady("session", str(data), "--before", "7")
    wait_until(lambda: [r for r in log_rows(data) if r["status"] == "running"],
               "the session's row", process=app.popen, timeout=60)
    app.wait_said("exercise")
    assert app.kill9() == -signal.SIGKILL
    files, sessions = file_hashes(data), sessions_in(data)
    assert [s["before"] for s in sessions.values()] == [7]

    history, _stderr = next_start_history(data)
    [row] = history["rows"]
    assert (row["status"], row["before"], row["after"]) == ("interrupted", 7, None)
    assert row["shown"]["status"] == "Interrupted"
    assert row["shown"]["ratings"].startswith("7 ")
    assert row["status_tip"] and "ratings you gave are kept" in row["status_tip"]
    lost = data_lost(files, data, sessions, bytes_may_move_within_sqlite=True)
    reliability.add(
        "Crash", "killed (SIGKILL) during an exercise, after the first rating", HOW,
        f"next start: History shows the session as {quoted(row['shown']['status'])}, "
        f"ratings {quoted(row['shown']['ratings'])}, with the tip "
        f"{quoted(str(row['status_tip']))}", lost)
    assert lost == NONE_LOST


def test_killed_on_the_after_page_before_done(steady: Callable[..., SteadyProcess],
                                              tmp_path: Path, reliability: Table) -> None:
    """The after rating, note and tags are kept as they are typed, before Done."""
    data = tmp_path / "data"
    app = steady("session", str(data), "--before", "6", "--stop-at", "after",
                 "--after", "3", "--note", NOTE, "--tags", TAGS)
    wait_until(lambda: [r for r in log_rows(data)
                        if r["note"] == NOTE and r["tags"] == TAGS and r["after"] == 3],
               "the note typed on the after page to reach the log", process=app.popen,
               timeout=60)
    assert app.kill9() == -signal.SIGKILL
    files, sessions = file_hashes(data), sessions_in(data)

    history, stderr = next_start_history(data)
    [row] = history["rows"]
    assert (row["status"], row["before"], row["after"]) == ("stopped", 6, 3)
    assert (row["note"], row["tags"]) == (NOTE, ["quokka", "night"])
    assert row["shown"]["note"] == NOTE and row["shown"]["tags"] == TAGS
    for output in (app.stderr(), stderr):  # the app's log (DEBUG) never holds the note
        assert "Zebra" not in output and "quokka" not in output
    lost = data_lost(files, data, sessions, bytes_may_move_within_sqlite=True)
    reliability.add(
        "Crash", "killed (SIGKILL) on the after page: rating, note and tags typed, "
                 "Done not pressed", HOW,
        f"the page is kept as it is typed (written {500} ms after the last change); next "
        f"start: History shows {quoted(row['shown']['status'])}, ratings "
        f"{quoted(row['shown']['ratings'])}, the note and the tags as typed", lost)
    assert lost == NONE_LOST


@pytest.mark.parametrize("where", ["during the exercise", "on the after page before Done"])
def test_window_closed(where: str, steady: Callable[..., SteadyProcess], tmp_path: Path,
                       reliability: Table) -> None:
    """Closing the window is not a crash: whatever was entered is written as Steady quits."""
    data = tmp_path / "data"
    extra = ["--stop-at", "after", "--after", "2", "--note", NOTE, "--tags", TAGS] if (
        "after" in where) else []
    app = steady("session", str(data), "--before", "5", "--close", *extra)
    assert app.finish() == 0, app.stderr()
    history, _ = next_start_history(data)
    [row] = history["rows"]
    if "after" in where:  # typed less than the draft delay before closing
        assert (row["status"], row["after"], row["note"]) == ("stopped", 2, NOTE)
    else:
        assert (row["status"], row["before"]) == ("stopped", 5)
    reliability.add(
        "Crash", f"the window closed {where}",
        "real: the app in its own process closes its window at once, by itself",
        f"Steady quits; next start: History shows {quoted(row['shown']['status'])}, "
        f"ratings {quoted(row['shown']['ratings'])}"
        + (", the note and the tags as typed" if "after" in where else ""), NONE_LOST)


@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP],
                         ids=lambda n: signal.Signals(n).name)
@pytest.mark.parametrize("where", ["during the exercise", "on the after page before Done"])
def test_asked_to_end_by_a_signal(number: int, where: str,
                                  steady: Callable[..., SteadyProcess], tmp_path: Path,
                                  reliability: Table) -> None:
    """Log-out or shut-down (SIGTERM), Ctrl+C (SIGINT), the terminal closing (SIGHUP):
    Steady quits as its Quit does, writing what was entered, and leaves no socket."""
    data = tmp_path / "data"
    extra = ["--stop-at", "after", "--after", "2", "--note", NOTE, "--tags", TAGS] if (
        "after" in where) else []
    app = steady("session", str(data), "--before", "5", *extra)
    app.wait_said("after" if "after" in where else "exercise")
    wait_until(lambda: "quitting as Quit does on" in app.stderr(),
               "the app to be ready for signals", process=app.popen)
    socket_file = Path(server_address(data))
    wait_until(socket_file.exists, "the app to listen for a second start", process=app.popen)
    os.kill(app.popen.pid, number)
    assert app.finish(timeout=30) == 0, app.stderr()
    assert not socket_file.exists(), "a stale socket would slow the next start"
    assert f"quitting on signal {signal.Signals(number).name}" in app.stderr()
    files, sessions = file_hashes(data), sessions_in(data)
    history, _ = next_start_history(data)
    [row] = history["rows"]
    if "after" in where:
        assert (row["status"], row["after"], row["note"]) == ("stopped", 2, NOTE)
    else:
        assert (row["status"], row["before"]) == ("stopped", 5)
    assert "Zebra" not in app.stderr()
    lost = data_lost(files, data, sessions, bytes_may_move_within_sqlite=True)
    name = signal.Signals(number).name
    reliability.add(
        "Crash", f"asked to end by {name} {where}",
        "real: the app in its own process (offscreen, by keys) is sent the signal",
        f"Steady quits at once as its Quit does (exit 0); next start: History shows "
        f"{quoted(row['shown']['status'])}, ratings {quoted(row['shown']['ratings'])}"
        + (", the note and the tags as typed" if "after" in where else ""), lost)
    assert lost == NONE_LOST
