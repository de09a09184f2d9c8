"""One Steady per data folder, however the folder is spelt and whatever is in the way.

Every Steady here is a real process started the way ``steady`` starts
(``app.__main__``: the plain-Python hand-over first, then the command line and
the window), offscreen. The first one runs the driver's ``wait`` scenario with
``STEADY_TEST_REPORT`` set, so each request it answers is written to a file the
test reads (the test hook of app/services/single_instance.py). What is in the
way is real: a socket file left by a crash, a Steady stopped with SIGSTOP, a
server of another user (as root; see :func:`run_as_other_user`), three starts
launched together, a symbolic link, ``..`` and a bind mount.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from app.bootstrap import load_exercises
from app.services import handover
from app.terminal import own_copy_note
from tests.faults.conftest import (
    REPO,
    SteadyProcess,
    child_env,
    log_rows,
    run_driver,
    said,
    wait_until,
)
from tests.faults.reliability import NONE_LOST, Table, data_lost, file_hashes, sessions_in
from tests.faults.sandbox import namespace_prefix

pytestmark = pytest.mark.skipif(os.name != "posix", reason="socket files are POSIX")

AREA = "One Steady"
REPORT_ENV = "STEADY_TEST_REPORT"
#: Long enough for a cold start of Python and Qt on a loaded machine.
START_TIMEOUT = 60.0
OTHER_UID = 65534  # nobody


@pytest.fixture
def places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """Sockets go to a temporary folder of this test's own, made like ``/tmp`` (anyone
    may create a file there, only its owner remove it) and reachable by every user,
    the same in this process and in every Steady it starts."""
    base = "/tmp" if os.path.isdir("/tmp") else None
    shared = Path(tempfile.mkdtemp(prefix="steady-one-", dir=base))
    shared.chmod(0o1777)
    monkeypatch.delenv("XDG_RUNTIME_DIR", raising=False)
    monkeypatch.setenv("TMPDIR", str(shared))
    try:
        yield {"TMPDIR": str(shared)}
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def env_for(places: dict[str, str], report: Path | None = None) -> dict[str, str]:
    env = child_env(**places)
    env.pop("XDG_RUNTIME_DIR", None)
    env.pop(REPORT_ENV, None)
    if report is not None:
        env[REPORT_ENV] = str(report)
    return env


def address(data: Path) -> Path:
    data.mkdir(parents=True, exist_ok=True)  # named by what it is: Steady makes it first
    return Path(handover.server_address(data))


def reports(report: Path) -> list[dict[str, Any]]:
    if not report.exists():
        return []
    return [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]


def run_steady(args: Sequence[str], env: dict[str, str],
           timeout: float = START_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """``steady ARGS`` run to its end (a start handed over ends at once)."""
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


@pytest.fixture
def first(steady: Callable[..., SteadyProcess], tmp_path: Path,
          places: dict[str, str]) -> Callable[..., tuple[SteadyProcess, Path]]:
    """Start the first Steady (``wait`` scenario) and wait until it listens."""

    def start(data: Path, *extra: str) -> tuple[SteadyProcess, Path]:
        report = tmp_path / f"report-{data.name}.jsonl"
        where = address(data)
        process = steady("wait", str(data), *extra, env=env_for(places, report))
        process.wait_said("waiting", timeout=START_TIMEOUT)
        wait_until(where.exists, "the first Steady to listen", process=process.popen,
                   timeout=START_TIMEOUT)
        return process, report

    return start


# --------------------------------------------------------------------------- the plain client


LIGHT_HAND_OVER = """
import json, sys
from app.__main__ import main
code = main(sys.argv[1:])
heavy = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")
               or m.startswith(("app.ui", "app.cli", "app.bootstrap", "app.storage",
                                "app.domain")))
print(json.dumps({"code": code, "heavy": heavy}))
"""


def test_a_start_hands_over_without_loading_qt(first, tmp_path: Path,
                                               places: dict[str, str]) -> None:
    """``steady start box`` against a running Steady: handed over by the plain client,
    with nothing of Qt, the window, the command line or storage loaded."""
    data = tmp_path / "data"
    _process, report = first(data)
    done = subprocess.run([sys.executable, "-c", LIGHT_HAND_OVER, "--data-dir", str(data),
                           "start", "box"], cwd=REPO, env=env_for(places),
                          capture_output=True, text=True, timeout=START_TIMEOUT)
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert outcome == {"code": 0, "heavy": []}
    assert reports(report) == [{"message": {"cmd": "start", "id": "box"},
                                "reply": {"ok": True, "started": True, "waiting": False}}]


def test_tray_start_meets_a_running_steady_and_changes_nothing(
        first, tmp_path: Path, places: dict[str, str]) -> None:
    data = tmp_path / "data"
    process, report = first(data)
    done = run_steady(["--data-dir", str(data), "--tray"], env_for(places))
    assert done.returncode == 0, done.stderr
    assert reports(report) == [{"message": {"cmd": "tray"}, "reply": {"ok": True}}]
    assert process.popen.poll() is None


# --------------------------------------------------------------------------- in the way


def test_a_stale_socket_file(tmp_path: Path, places: dict[str, str],
                             reliability: Table) -> None:
    """What a crash leaves: the socket file, nobody listening on it."""
    data = tmp_path / "data"
    where = address(data)
    leftover = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    leftover.bind(str(where))
    leftover.close()
    stale = handover.file_id(str(where))
    assert stale is not None

    code, lines, stderr = run_driver("look", str(data), "--start", "box", env=env_for(places))
    assert code == 0, stderr
    opened = said(lines, "opened", stderr)
    assert opened["page"] == "BeforePage" and opened["visible"]
    assert "not asked again" in stderr  # the plain client found it dead; Qt did not wait on it
    reliability.add(
        AREA, "a socket file left by a crash (nobody listening on it)",
        "real: a socket bound and closed at Steady's address, then `steady start box`",
        "the quick hand-over finds nobody there at once; the window opens on the first rating and "
        "Steady listens in the leftover's place", NONE_LOST)



def test_a_start_while_busy_waits_in_the_running_steady(steady, tmp_path: Path,
                                                         places: dict[str, str]) -> None:
    """``steady start five-senses`` while the person is in an exercise: the running
    Steady keeps it waiting behind the header's button (app/ui/shell/waiting.py), and
    the plain client takes that as handed over: it ends at once, no second window."""
    data = tmp_path / "data"
    where = address(data)
    report = tmp_path / "report.jsonl"
    go = tmp_path / "go"
    process = steady("pause", str(data), "--go", str(go), env=env_for(places, report))
    process.wait_said("waiting", timeout=START_TIMEOUT)  # in the exercise: busy
    wait_until(where.exists, "the Steady to listen", process=process.popen,
               timeout=START_TIMEOUT)
    done = subprocess.run([sys.executable, "-c", LIGHT_HAND_OVER, "--data-dir", str(data),
                           "start", "five-senses"], cwd=REPO, env=env_for(places),
                          capture_output=True, text=True, timeout=START_TIMEOUT)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"code": 0, "heavy": []}
    assert reports(report) == [{"message": {"cmd": "start", "id": "five-senses"},
                                "reply": {"ok": True, "started": False, "waiting": True}}]
    go.touch()
    finished = process.wait_said("done", timeout=START_TIMEOUT)
    assert finished["count"] == 1  # the session the person was in, ended as they chose


SQUATTER = """
import socket, sys
path, log = sys.argv[1], sys.argv[2]
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen(8)
print("listening", flush=True)
while True:
    client, _ = server.accept()
    data = client.recv(4096)
    with open(log, "a") as out:
        out.write(repr(data) + "\\n")
    client.sendall(b'{"ok": true, "started": true}\\n')
    client.close()
"""


def run_as_other_user() -> bool:
    """Whether a real second user can be used: as root, ``nobody``."""
    return os.geteuid() == 0


def test_a_socket_of_another_user_is_never_used(tmp_path: Path, places: dict[str, str],
                                                reliability: Table) -> None:
    """Someone else listens under Steady's name and would answer every start.

    As root the server runs as ``nobody`` (uid 65534) with the system's Python,
    a real other user. Otherwise this process cannot be another user: the
    server runs as us and Steady's ownership check (``handover.my_uid``) is
    told the socket is someone else's.
    """
    data = tmp_path / "data"
    where = address(data)
    caught = Path(places["TMPDIR"]) / "caught.txt"
    real_other = run_as_other_user()
    python = "/usr/bin/python3" if real_other and Path("/usr/bin/python3").exists() \
        else sys.executable
    if real_other and python == sys.executable:
        pytest.skip("no system Python another user can run")
    squatter = subprocess.Popen(
        [python, "-c", SQUATTER, str(where), str(caught)], stdout=subprocess.PIPE, text=True,
        env={"PATH": os.environ.get("PATH", "")}, cwd=places["TMPDIR"],
        user=OTHER_UID if real_other else None, group=OTHER_UID if real_other else None)
    try:
        assert squatter.stdout is not None
        assert squatter.stdout.readline().strip() == "listening"
        if real_other:
            assert where.stat().st_uid == OTHER_UID
            prefix: list[str] = []
        else:
            prefix = [sys.executable, "-c",
                      "import os, runpy, sys\nfrom app.services import handover\n"
                      "handover.my_uid = lambda: os.getuid() + 1\n"
                      "sys.argv = ['driver', *sys.argv[1:]]\n"
                      "runpy.run_module('tests.faults.driver', run_name='__main__')\n"]
        if prefix:
            done = subprocess.run([*prefix, "look", str(data), "--start", "box"], cwd=REPO,
                                  env=env_for(places), capture_output=True, text=True,
                                  timeout=START_TIMEOUT, stdin=subprocess.DEVNULL)
            code, stderr = done.returncode, done.stderr
            lines = [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]
        else:
            code, lines, stderr = run_driver("look", str(data), "--start", "box",
                                             env=env_for(places))
        assert code == 0, stderr
        opened = said(lines, "opened", stderr)
        assert opened["page"] == "BeforePage" and opened["visible"]
        assert not caught.exists(), caught.read_text()  # not one byte was sent to it
        assert "belongs to another user" in stderr
    finally:
        squatter.kill()
        squatter.wait(timeout=30)
        if squatter.stdout is not None:
            squatter.stdout.close()
    reliability.add(
        AREA, "another user listens at Steady's socket address and answers every start",
        "real: a server running as user nobody (65534) at the address, as root; without "
        "root the ownership check is told the socket is another user's",
        "nothing is sent to it; Steady opens its own window on the first rating", NONE_LOST)


def test_a_steady_that_does_not_answer(first, steady: Callable[..., SteadyProcess],
                                       tmp_path: Path, places: dict[str, str],
                                       reliability: Table) -> None:
    """The running Steady is stopped (SIGSTOP): it accepts no request in time."""
    data = tmp_path / "data"
    process, report = first(data)
    os.kill(process.popen.pid, signal.SIGSTOP)
    try:
        began = time.monotonic()
        second = steady("wait", str(data), "--start", "box", env=env_for(places))
        opened = second.wait_said("waiting", timeout=START_TIMEOUT)
        waited = time.monotonic() - began
        wait_until(lambda: "running alone" in second.stderr(), "the new one to listen or not",
                   process=second.popen)
    finally:
        os.kill(process.popen.pid, signal.SIGCONT)
    assert opened["page"] == "BeforePage" and opened["visible"]
    stderr = second.stderr()
    assert "not asked again" in stderr  # waited for the reply once, not three times
    assert "another Steady is listening; running alone" in stderr
    assert waited >= handover.REPLY_TIMEOUT_S  # it did wait for the reply
    assert reports(report) == []
    reliability.add(
        AREA, "the running Steady does not answer (stopped with SIGSTOP)",
        "real: the first Steady's process stopped, then `steady start box`",
        f"the new start waits {handover.REPLY_TIMEOUT_S:g} s for a reply once, then opens "
        "its own window on the first rating; it leaves the other one's socket alone",
        NONE_LOST)


def test_two_starts_at_once_both_reach_the_running_steady(
        first, tmp_path: Path, places: dict[str, str], reliability: Table) -> None:
    data = tmp_path / "data"
    process, report = first(data)
    starts = [subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data),
                                "start", exercise], cwd=REPO, env=env_for(places),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
              for exercise in ("box", "five-senses")]
    codes = [start.wait(timeout=START_TIMEOUT) for start in starts]
    for start in starts:
        assert start.stderr is not None
        start.stderr.close()
    assert codes == [0, 0]
    asked = sorted(str(r["message"].get("id")) for r in reports(report))
    assert asked == ["box", "five-senses"]
    assert all(r["reply"] == {"ok": True, "started": True, "waiting": False}
               for r in reports(report))
    assert process.popen.poll() is None
    reliability.add(
        AREA, "two `steady start ID` at the same moment, Steady running",
        "real: two processes started together against a running Steady",
        "both are handed over and exit at once; the running Steady opens one, then the "
        "other", NONE_LOST)


def test_three_first_starts_at_once_make_one_window(
        steady: Callable[..., SteadyProcess], tmp_path: Path, places: dict[str, str],
        reliability: Table) -> None:
    """Nobody running; three starts launched together (a hurried triple click)."""
    data = tmp_path / "data"
    report = tmp_path / "report.jsonl"
    where = address(data)
    env = env_for(places, report)
    processes = [steady("wait", str(data), env=env) for _ in range(3)]
    wait_until(lambda: sum(p.popen.poll() is not None for p in processes) >= 2,
               "two of the three to hand over and end", timeout=START_TIMEOUT * 2)
    running = [p for p in processes if p.popen.poll() is None]
    ended = [p for p in processes if p.popen.poll() is not None]
    assert len(running) == 1, [p.stderr() for p in processes]
    assert [p.popen.returncode for p in ended] == [0, 0], [p.stderr() for p in ended]
    assert [p.said("waiting") for p in ended] == [None, None]  # they never opened a window
    assert running[0].wait_said("waiting")["visible"]
    wait_until(lambda: len(reports(report)) == 2, "both requests to be answered",
               timeout=START_TIMEOUT)
    assert [r["message"] for r in reports(report)] == [{"cmd": "show"}, {"cmd": "show"}]
    assert where.exists()
    reliability.add(
        AREA, "three `steady` at the same moment, nothing running yet",
        "real: three processes started together on a new data folder",
        "one window opens; the other two wait for it to listen, hand over (it comes "
        "forward) and exit", NONE_LOST)


# --------------------------------------------------------------------------- every spelling


def _spelling(kind: str, data: Path, tmp_path: Path) -> Path:
    if kind == "a symbolic link":
        link = tmp_path / "link-to-data"
        link.symlink_to(data, target_is_directory=True)
        return link
    if kind == "a path with ..":
        (data / "exercises").mkdir(exist_ok=True)
        return data / "exercises" / ".."
    raise AssertionError(kind)


SPELLINGS = ["a symbolic link", "a path with ..", "a bind mount"]


@pytest.mark.parametrize("kind", SPELLINGS)
def test_every_spelling_of_the_folder_meets_the_same_steady(
        kind: str, steady: Callable[..., SteadyProcess], tmp_path: Path,
        places: dict[str, str], reliability: Table) -> None:
    """Mid-session in one Steady, a second start reaches the same folder another way.

    Before, the second one opened its own window and marked the live session
    interrupted. Now it hands over: the session stays as it was.
    """
    data = tmp_path / "data"
    report = tmp_path / "report.jsonl"
    where = address(data)
    running = steady("session", str(data), "--before", "7", env=env_for(places, report))
    running.wait_said("exercise", timeout=START_TIMEOUT)
    wait_until(where.exists, "the first Steady to listen", process=running.popen,
               timeout=START_TIMEOUT)
    wait_until(lambda: [r for r in log_rows(data) if r["status"] == "running"],
               "the live session's row", process=running.popen)
    files, sessions = file_hashes(data), sessions_in(data)

    if kind == "a bind mount":
        prefix = namespace_prefix()
        if prefix is None:
            pytest.skip("no mount namespace here")
        other = tmp_path / "mounted"
        other.mkdir()
        script = 'mount --bind "$1" "$2" && exec "$3" -m app --data-dir "$2"'
        done = subprocess.run([*prefix, "sh", "-c", script, "sh", str(data), str(other),
                               sys.executable], cwd=REPO, env=env_for(places),
                              capture_output=True, text=True, timeout=START_TIMEOUT,
                              stdin=subprocess.DEVNULL)
        spelt = "another path where the folder is bind-mounted"
    else:
        other = _spelling(kind, data, tmp_path)
        done = run_steady(["--data-dir", str(other)], env_for(places))
        spelt = kind
    assert done.returncode == 0, done.stderr
    wait_until(lambda: reports(report), "the running Steady to answer",
               process=running.popen)
    assert reports(report) == [{"message": {"cmd": "show"}, "reply": {"ok": True}}]
    assert running.popen.poll() is None
    assert [r["status"] for r in log_rows(data)] == ["running"]
    lost = data_lost(files, data, sessions, bytes_may_move_within_sqlite=True)
    reliability.add(
        AREA, f"a second start mid-session, through {kind}",
        f"real: `steady --data-dir <{spelt}>` while the first Steady runs an exercise",
        "it is handed to the running Steady (same folder: same device and inode), whose "
        "window comes forward; the live session stays as it is, not marked interrupted",
        lost)
    assert lost == NONE_LOST


def test_a_broken_own_copy_is_told_by_the_hand_over_as_by_a_start(
        first, tmp_path: Path, places: dict[str, str]) -> None:
    """One's own ``box.toml`` cannot be read: the running Steady starts its own box
    and the hand-over prints the same two lines a start without Steady running does."""
    data = tmp_path / "data"
    own = data / "exercises"
    own.mkdir(parents=True)
    (own / "box.toml").write_text('id = "box"\nkind = "breathing"\nminutes = "five"\n',
                                  encoding="utf-8")
    _process, report = first(data)
    done = run_steady(["--data-dir", str(data), "start", "box"], env_for(places))
    assert done.returncode == 0, done.stderr
    [answered] = reports(report)
    assert answered["reply"]["started"] is True and answered["reply"]["problems"]
    # What `steady start box` says when no Steady runs (app.cli.cmd_start), word for word.
    named = [str(p) for p in load_exercises(data).problems if Path(p.path).stem == "box"]
    assert named and done.stderr == own_copy_note("box", named)
    assert done.stderr.endswith("steady: starting Steady's own 'box' instead.\n")
