"""Fault-suite set-up: real Steady processes, polling without fixed sleeps, the table.

Every process a test starts is killed at the end, whatever happened. The rows
of ``docs/RELIABILITY.md`` are gathered in one :class:`Table` per session; the
check in ``test_reliability_doc.py`` runs last and only when the whole of
``tests/faults`` was selected and passed (see :func:`whole_suite_ran`).
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

import pytest

from app.domain.session import SessionRecord
from app.storage.sessions import open_store
from tests.faults.reliability import Table

# Windows closed by fault tests in this process never wait on the close question.
from tests.gui.conftest import close_without_held_sessions  # noqa: F401

REPO = Path(__file__).resolve().parents[2]
FAULTS = Path(__file__).resolve().parent
DOC_CHECK = "test_reliability_doc.py"
START = datetime(2026, 3, 1, 20, 0, tzinfo=UTC)
T = TypeVar("T")

_TABLE = pytest.StashKey[Table]()
_SELECTED = pytest.StashKey[set[str]]()
_DESELECTED = pytest.StashKey[bool]()
_OUTCOMES = pytest.StashKey[dict[str, str]]()


# --------------------------------------------------------------------------- waiting


def wait_until(condition: Callable[[], T | None], what: str, *, timeout: float = 30.0,
               process: subprocess.Popen[Any] | None = None, every: float = 0.02) -> T:
    """Poll ``condition`` until it returns something truthy; fail after ``timeout`` s.

    With ``process``, fail at once if it ends before the condition holds.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if process is not None and process.poll() is not None:
            value = condition()  # it may have said it just before it ended
            if value:
                return value
            raise AssertionError(f"the process ended ({process.returncode}) before {what}")
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(every)  # the polling interval, not a wait for something to happen


# --------------------------------------------------------------------------- processes


def child_env(**extra: str) -> dict[str, str]:
    """The environment for a Steady process: offscreen, never the real data folder."""
    env = {k: v for k, v in os.environ.items() if k != "STEADY_DATA_DIR"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


class SteadyProcess:
    """A real Steady started through ``tests.faults.driver``; output goes to files."""

    def __init__(self, args: Sequence[str], folder: Path, *, prefix: Sequence[str] = (),
                 env: dict[str, str] | None = None) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.stdout_path = folder / "stdout.txt"
        self.stderr_path = folder / "stderr.txt"
        with open(self.stdout_path, "wb") as out, open(self.stderr_path, "wb") as err:
            self.popen = subprocess.Popen(
                [*prefix, sys.executable, "-m", "tests.faults.driver", *args],
                cwd=REPO, env=env or child_env(), stdout=out, stderr=err,
                stdin=subprocess.DEVNULL)

    def lines(self) -> list[dict[str, Any]]:
        text = self.stdout_path.read_text(encoding="utf-8", errors="replace")
        found = []
        for line in text.splitlines():
            if line.startswith("{"):
                found.append(json.loads(line))
        return found

    def said(self, at: str) -> dict[str, Any] | None:
        for line in self.lines():
            if line.get("at") == "error":
                raise AssertionError(f"the driver failed: {line['error']}\n{self.stderr()}")
            if line.get("at") == at:
                return line
        return None

    def wait_said(self, at: str, timeout: float = 60.0) -> dict[str, Any]:
        return wait_until(lambda: self.said(at), f"the app to reach {at!r}", timeout=timeout,
                          process=self.popen)

    def stderr(self) -> str:
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    def kill9(self) -> int:
        """SIGKILL, as a crash or a power cut would end it; returns the exit status."""
        os.kill(self.popen.pid, signal.SIGKILL)
        return self.popen.wait(timeout=30)

    def finish(self, timeout: float = 60.0) -> int:
        return self.popen.wait(timeout=timeout)

    def stop(self) -> None:
        if self.popen.poll() is None:
            self.popen.kill()
            self.popen.wait(timeout=30)


@pytest.fixture
def steady(tmp_path: Path) -> Iterator[Callable[..., SteadyProcess]]:
    """Start real Steady processes; each is killed at the end of the test."""
    started: list[SteadyProcess] = []
    counter = iter(range(1000))

    def start(*args: str, prefix: Sequence[str] = (),
              env: dict[str, str] | None = None) -> SteadyProcess:
        process = SteadyProcess(args, tmp_path / f"process-{next(counter)}", prefix=prefix,
                                env=env)
        started.append(process)
        return process

    try:
        yield start
    finally:
        for process in started:
            process.stop()


def run_driver(*args: str, prefix: Sequence[str] = (), timeout: float = 90.0,
               env: dict[str, str] | None = None) -> tuple[int, list[dict[str, Any]], str]:
    """Run the driver to its end: (exit code, JSON lines, stderr)."""
    done = subprocess.run([*prefix, sys.executable, "-m", "tests.faults.driver", *args],
                          cwd=REPO, env=env or child_env(), capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)
    lines = [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]
    return done.returncode, lines, done.stderr


def said(lines: list[dict[str, Any]], at: str, stderr: str = "") -> dict[str, Any]:
    for line in lines:
        if line.get("at") == "error":
            raise AssertionError(f"the driver failed: {line['error']}\n{stderr}")
        if line.get("at") == at:
            return line
    raise AssertionError(f"the driver never reached {at!r}: {lines}\n{stderr}")


# --------------------------------------------------------------------------- data


def log_rows(folder: Path) -> list[dict[str, Any]]:
    """The sessions as the log holds them now, read read-only while the app runs."""
    path = folder / "steady.sqlite3"
    if not path.exists():
        return []
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, timeout=1.0)
        try:
            rows = conn.execute(
                "SELECT s.status, s.before, s.after, s.note, (SELECT group_concat(tag, ', ')"
                " FROM (SELECT tag FROM session_tags WHERE session_n = s.n ORDER BY position))"
                " FROM sessions s").fetchall()
        finally:
            conn.close()
    except sqlite3.Error:  # not created yet, or busy this instant: poll again
        return []
    return [dict(zip(("status", "before", "after", "note", "tags"), row, strict=True))
            for row in rows]


def seed_log(folder: Path, count: int = 3, *, note: str = "kept safe",
             running: bool = False) -> list[SessionRecord]:
    """A log with ``count`` finished sessions (and one left running, if asked), closed."""
    records = session_records(count, note=note, running=running)
    store, _ = open_store(folder)
    with store:
        for record in records:
            store.save(record)
    return records


CRASH_SEED = """
import os, signal, sys
from pathlib import Path
from app.storage.sessions import open_store
from tests.faults.conftest import session_records
store, _ = open_store(Path(sys.argv[1]))
for record in session_records(int(sys.argv[2]), running=True):
    store.save(record)
os.kill(os.getpid(), signal.SIGKILL)
"""


def seed_crashed_log(folder: Path, count: int = 3) -> None:
    """A log as a killed Steady leaves it: WAL and index beside it, a session running."""
    done = subprocess.run([sys.executable, "-c", CRASH_SEED, str(folder), str(count)],
                          cwd=REPO, env=child_env(), capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGKILL, done.stderr
    assert (folder / "steady.sqlite3-wal").exists()


def session_records(count: int, *, note: str = "kept safe",
                    running: bool = False) -> list[SessionRecord]:
    records = [
        SessionRecord("box", "Box breathing", START + timedelta(days=i), before=7 - i % 3,
                      after=3, status="completed", note=f"{note} {i}", tags=("evening",),
                      ended_at=START + timedelta(days=i, minutes=5), planned_seconds=300.0,
                      practised_seconds=300.0)
        for i in range(count)
    ]
    if running:
        records.append(SessionRecord("54321", "5-4-3-2-1", START + timedelta(days=count),
                                     before=8, note=""))
    return records


# --------------------------------------------------------------------------- the table


@pytest.fixture(scope="session")
def reliability(request: pytest.FixtureRequest) -> Table:
    return request.config.stash.setdefault(_TABLE, Table())


def _in_faults(path: Path) -> bool:
    return path == FAULTS or FAULTS in path.parents


@pytest.hookimpl(trylast=True)  # after -k and -m have deselected what they will
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Put the table check last, and note which fault tests were selected."""
    checks = [item for item in items if item.path.name == DOC_CHECK]
    for item in checks:
        items.remove(item)
    items.extend(checks)
    config.stash[_SELECTED] = {item.nodeid for item in items if _in_faults(item.path)}


def pytest_deselected(items: Sequence[pytest.Item]) -> None:
    for item in items:
        if _in_faults(item.path):
            item.config.stash[_DESELECTED] = True


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item,
                              call: pytest.CallInfo[None]) -> Iterator[None]:
    """Note each fault test's outcome: the first phase that did not pass decides."""
    report: pytest.TestReport = yield
    if _in_faults(item.path):
        outcomes = item.config.stash.setdefault(_OUTCOMES, {})
        if outcomes.get(item.nodeid, "passed") == "passed":
            outcomes[item.nodeid] = report.outcome
    return report


def suite_outcome(config: pytest.Config, me: str) -> tuple[str, list[str]]:
    """(why the table cannot be checked in this run, fault tests skipped here).

    It can be checked when every test of ``tests/faults`` was selected (the
    directory, or a folder above it, was given; no ``-k``, ``-m`` or ``::``
    narrowed it) and none of them failed. Tests skipped here (no ``strace``, no
    mount namespace) are listed: their rows are then simply missing.
    """
    base = (config.rootpath if config.args_source == pytest.Config.ArgsSource.TESTPATHS
            else config.invocation_params.dir)
    for arg in config.args:
        if "::" in arg:
            return "a single test was selected", []
        path = (base / arg).resolve()
        if not (path == FAULTS or path in FAULTS.parents):
            return f"only {arg} was selected", []
    if config.stash.get(_DESELECTED, False):
        return "some fault tests were deselected (-k, -m or --deselect)", []
    outcomes = config.stash.get(_OUTCOMES, {})
    selected = config.stash.get(_SELECTED, set()) - {me}
    failed = sorted(n for n in selected if outcomes.get(n) not in ("passed", "skipped"))
    if failed:
        return "these fault tests did not pass: " + ", ".join(failed), []
    return "", sorted(n for n in selected if outcomes.get(n) == "skipped")

