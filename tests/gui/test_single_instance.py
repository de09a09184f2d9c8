"""One Steady per person and data folder: a second start hands over and exits.

The first tests run two real ``python -m app`` processes (offscreen): the first
is started with ``STEADY_TEST_REPORT`` set, so it writes each request it
answers to a file (the documented test hook in app/services/single_instance.py);
the second is ``start box`` and must exit 0 at once. The rest drive
:class:`SingleInstance` in this process.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QLockFile
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app.services import handover, single_instance
from app.services.handover import request
from app.services.single_instance import REPORT_ENV, SingleInstance, send

pytestmark = pytest.mark.gui

REPO = Path(__file__).resolve().parents[2]
#: Generous: a cold start of Python + Qt on a loaded CI machine.
START_TIMEOUT_MS = 30_000
HAND_OVER_TIMEOUT_S = 20


def _env(report: Path | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.pop("STEADY_DATA_DIR", None)
    env.pop(REPORT_ENV, None)
    if report is not None:
        env[REPORT_ENV] = str(report)
    return env


def server_name(data: Path) -> str:
    """Where the Steady for ``data`` listens (the folder is made first, as Steady does)."""
    data.mkdir(parents=True, exist_ok=True)
    return handover.server_address(data)


def _socket_path(name: str) -> Path:
    return Path(name) if os.path.isabs(name) else Path(QDir.tempPath()) / name


def _answers(name: str) -> bool:
    probe = QLocalSocket()
    probe.connectToServer(name)
    ok = probe.waitForConnected(200)
    probe.abort()
    return ok


@pytest.fixture
def first_steady(tmp_path: Path, qtbot) -> Iterator[tuple[subprocess.Popen[bytes], Path, str]]:
    """A real Steady, listening; yields (process, report file, server name)."""
    data = tmp_path / "data"
    report = tmp_path / "report.jsonl"
    name = server_name(data)
    process = subprocess.Popen(
        [sys.executable, "-m", "app", "--data-dir", str(data)], cwd=REPO,
        env=_env(report), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        def listening() -> None:
            if process.poll() is not None:  # no point waiting: say why, now
                errors = process.stderr.read().decode(errors="replace") if process.stderr else ""
                pytest.fail(f"the first Steady exited with {process.returncode}: {errors}")
            assert _answers(name)

        qtbot.waitUntil(listening, timeout=START_TIMEOUT_MS)
        yield process, report, name
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        if process.stderr is not None:
            process.stderr.close()
        QLocalServer.removeServer(name)  # a terminated process leaves its socket behind


def _reports(report: Path) -> list[dict[str, object]]:
    if not report.exists():
        return []
    return [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]


def test_a_second_start_hands_the_exercise_to_the_first(first_steady, tmp_path, qtbot) -> None:
    process, report, _name = first_steady
    began = time.monotonic()
    second = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data"), "start", "box"],
        cwd=REPO, env=_env(), capture_output=True, text=True, timeout=HAND_OVER_TIMEOUT_S)
    took = time.monotonic() - began

    assert second.returncode == 0, second.stderr
    assert took < HAND_OVER_TIMEOUT_S
    qtbot.waitUntil(lambda: len(_reports(report)) == 1, timeout=5000)
    assert _reports(report) == [{"message": {"cmd": "start", "id": "box"},
                                 "reply": {"ok": True, "started": True, "waiting": False}}]
    assert process.poll() is None  # the first Steady is still there


def test_a_second_plain_start_brings_the_window_forward(first_steady, tmp_path, qtbot) -> None:
    _process, report, _name = first_steady
    second = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data")],
        cwd=REPO, env=_env(), capture_output=True, text=True, timeout=HAND_OVER_TIMEOUT_S)
    assert second.returncode == 0, second.stderr
    qtbot.waitUntil(lambda: len(_reports(report)) == 1, timeout=5000)
    assert _reports(report)[0]["message"] == {"cmd": "show"}


def test_an_unknown_id_changes_nothing_and_is_refused(first_steady, tmp_path) -> None:
    """The running Steady is asked, does not know the id and changes nothing; the new
    start then says so itself, with the ids it knows, and exits 2."""
    _process, report, _name = first_steady
    second = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "data"), "start", "nope"],
        cwd=REPO, env=_env(), capture_output=True, text=True, timeout=HAND_OVER_TIMEOUT_S)
    assert second.returncode == 2
    assert "box" in second.stderr
    assert _reports(report) == [{"message": {"cmd": "start", "id": "nope"},
                                 "reply": {"ok": True, "started": False}}]


# --------------------------------------------------------------------------- names


def test_the_name_is_per_user_and_per_data_folder(tmp_path: Path) -> None:
    one, other = server_name(tmp_path / "a"), server_name(tmp_path / "b")
    assert one != other
    assert one == server_name(tmp_path / "a")
    base = os.path.basename(one)
    assert base.startswith("steady-")
    if hasattr(os, "getuid"):
        assert base.split("-")[1] == str(os.getuid())
    assert str(tmp_path) not in one  # the folder itself is not spelled out


def test_the_name_lives_in_the_private_runtime_folder(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    if os.name != "posix":
        pytest.skip("XDG_RUNTIME_DIR is a Unix notion")
    runtime = tmp_path / "run"
    runtime.mkdir()
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    assert Path(server_name(tmp_path / "data")).parent == runtime
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "missing"))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    assert Path(server_name(tmp_path / "data")).parent == Path(os.path.realpath(tmp_path))


def test_requests() -> None:
    assert request(None) == {"cmd": "show"}
    assert request("box") == {"cmd": "start", "id": "box"}
    assert request(None, tray=True) == {"cmd": "tray"}


# --------------------------------------------------------------------------- in this process


@pytest.fixture
def name(tmp_path: Path) -> Iterator[str]:
    value = server_name(tmp_path / "data")
    yield value
    QLocalServer.removeServer(value)


def _ask(qtbot, name: str, message: dict[str, object]) -> dict[str, object]:
    """A request from a client in this process, without blocking the event loop.

    (``send`` blocks, and holds Python's lock while it waits, so it cannot be
    served from this same process; the two-process tests above cover it.)
    """
    client = QLocalSocket()
    client.connectToServer(name)
    qtbot.waitUntil(lambda: client.state() == QLocalSocket.LocalSocketState.ConnectedState,
                    timeout=5000)
    client.write((json.dumps(message) + "\n").encode())
    received = bytearray()

    def replied() -> None:
        received.extend(bytes(client.readAll().data()))
        assert b"\n" in received

    qtbot.waitUntil(replied, timeout=5000)
    client.abort()
    return json.loads(bytes(received).split(b"\n")[0])


def test_nobody_listening_means_no_reply(name: str) -> None:
    assert send(name, {"cmd": "show"}, connect_timeout_ms=200) is None


def test_the_first_instance_listens_and_answers(name: str, qtbot) -> None:
    first = SingleInstance(name)
    assert first.hand_over(request(None)) is False
    assert first.is_listening()
    seen: list[dict[str, object]] = []
    first.set_handler(lambda message: seen.append(message) or {"started": True})

    assert _ask(qtbot, name, request("box")) == {"started": True, "ok": True}
    assert seen == [{"cmd": "start", "id": "box"}]
    first.close()


def test_requests_before_the_handler_wait_for_it(name: str, qtbot) -> None:
    first = SingleInstance(name)
    assert first.listen()
    assert _ask(qtbot, name, request("box")) == {"ok": True, "queued": True}
    seen: list[dict[str, object]] = []
    first.set_handler(lambda message: seen.append(message) or {})
    assert seen == [{"cmd": "start", "id": "box"}]
    first.close()


def test_garbage_and_a_failing_handler_do_not_take_it_down(name: str, qtbot) -> None:
    first = SingleInstance(name)
    assert first.listen()

    def broken(_message: dict[str, object]) -> dict[str, object]:
        raise RuntimeError("boom")

    first.set_handler(broken)
    raw = QLocalSocket()
    raw.connectToServer(name)
    assert raw.waitForConnected(1000)
    raw.write(b"not json\n")
    qtbot.waitUntil(lambda: raw.bytesAvailable() > 0, timeout=5000)
    assert json.loads(bytes(raw.readAll().data()))["ok"] is False
    raw.abort()

    assert _ask(qtbot, name, request(None)) == {"ok": False, "error": "the request failed"}
    first.close()


def test_a_normal_quit_leaves_no_socket_behind(name: str, qapp) -> None:
    first = SingleInstance(name)
    assert first.listen()
    if os.name == "posix":
        assert _socket_path(name).exists()
    qapp.aboutToQuit.emit()  # what QApplication says on its way out
    assert not first.is_listening()
    assert not _socket_path(name).exists()


def test_a_stale_socket_does_not_block_a_start(name: str, qtbot) -> None:
    """What a crash leaves: a socket file nobody listens on."""
    if os.name != "posix":
        pytest.skip("named pipes vanish with their process on Windows")
    path = _socket_path(name)
    leftover = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    leftover.bind(str(path))
    leftover.close()  # the file stays, like after a crash
    assert path.exists()

    first = SingleInstance(name)
    assert first.hand_over(request(None)) is False
    assert first.is_listening()
    first.set_handler(lambda _message: {"fresh": True})
    assert _ask(qtbot, name, request(None)) == {"fresh": True, "ok": True}
    first.close()


def test_a_lock_left_by_a_crash_does_not_block_a_start(name: str, tmp_path: Path) -> None:
    """A process takes the start-up lock and dies without letting go of it."""
    lock = SingleInstance(name).lock_path()
    code = ("import os, sys\nfrom PySide6.QtCore import QLockFile\n"
            "lock = QLockFile(sys.argv[1])\nassert lock.tryLock(0)\nos._exit(0)\n")
    subprocess.run([sys.executable, "-c", code, lock], check=True, timeout=60, env=_env())
    assert Path(lock).exists()

    began = time.monotonic()
    first = SingleInstance(name)
    assert first.hand_over(request(None)) is False
    assert time.monotonic() - began < single_instance.LOCK_TIMEOUT_MS / 1000
    assert first.is_listening()
    assert not Path(lock).exists()
    first.close()


# --------------------------------------------------------------------------- listening later


def test_listen_later_holds_the_lock_until_listening(name: str, qtbot) -> None:
    first = SingleInstance(name)
    assert first.hand_over(request(None), listen_later=True) is False
    assert not first.is_listening()
    waiting = QLockFile(first.lock_path())
    assert not waiting.tryLock(0)  # a second start would wait here, not start a window

    assert first.listen_now()
    assert first.is_listening()
    assert waiting.tryLock(0)  # let go once listening: the next start finds it
    waiting.unlock()
    first.set_handler(lambda message: {"seen": message["cmd"]})
    assert _ask(qtbot, name, request(None)) == {"seen": "show", "ok": True}
    first.close()


def test_a_start_meanwhile_waits_then_hands_over(name: str, qtbot) -> None:
    first = SingleInstance(name)
    assert first.hand_over(request(None), listen_later=True) is False
    seen: list[dict[str, object]] = []
    first.set_handler(lambda message: seen.append(message) or {"started": True})
    # The second says when it starts waiting for the lock, and whether it got it.
    code = ("import sys\nfrom PySide6.QtCore import QCoreApplication, QLockFile\n"
            "from app.services import single_instance\n"
            "class Told(QLockFile):\n"
            "    def tryLock(self, timeout):\n"
            "        print('waiting', flush=True)\n"
            "        got = super().tryLock(timeout)\n"
            "        print('locked' if got else 'gave up', flush=True)\n"
            "        return got\n"
            "single_instance.QLockFile = Told\n"
            "app = QCoreApplication([])\n"
            "instance = single_instance.SingleInstance(sys.argv[1])\n"
            "print(instance.hand_over(single_instance.request('box')), flush=True)\n")
    second = subprocess.Popen([sys.executable, "-c", code, name], cwd=REPO, env=_env(),
                              stdout=subprocess.PIPE, text=True)
    try:
        assert second.stdout is not None
        assert second.stdout.readline().strip() == "waiting"  # on the lock the first holds
        first.listen_now()
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=HAND_OVER_TIMEOUT_S * 1000)
        assert second.stdout.read().split() == ["locked", "True"]
        assert second.returncode == 0
        assert seen == [{"cmd": "start", "id": "box"}]
    finally:
        if second.poll() is None:
            second.kill()
        second.wait(timeout=10)
        if second.stdout is not None:
            second.stdout.close()
        first.close()


@pytest.mark.skipif(os.name != "posix", reason="a named pipe cannot be looked for cheaply")
def test_with_no_socket_file_nothing_is_sent_and_no_network_module_loaded(
        tmp_path: Path) -> None:
    code = ("import sys\nfrom PySide6.QtCore import QCoreApplication\n"
            "from app.services.single_instance import SingleInstance, request\n"
            "app = QCoreApplication([])\ninstance = SingleInstance(sys.argv[1])\n"
            "assert not instance.may_be_running()\n"
            "assert instance.hand_over(request(None), listen_later=True) is False\n"
            "print('PySide6.QtNetwork' in sys.modules, instance.listen_now(),\n"
            "      'PySide6.QtNetwork' in sys.modules, instance.may_be_running())\n"
            "instance.close()\n")
    name = server_name(tmp_path / "data")
    done = subprocess.run([sys.executable, "-c", code, name], cwd=REPO, env=_env(),
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    # Not loaded to find out nobody is there; loaded to listen; the socket then exists.
    assert done.stdout.split() == ["False", "True", "True", "True"]


def test_listening_never_takes_the_name_from_a_live_steady(name: str, qtbot) -> None:
    """A start that waited past the lock must not make the first one unreachable."""
    first = SingleInstance(name)
    assert first.listen()
    first.set_handler(lambda _message: {"who": "first"})
    late = SingleInstance(name)
    assert late.listen() is False  # runs alone rather than take the name over
    assert _ask(qtbot, name, request(None)) == {"who": "first", "ok": True}
    late.close()  # closing the one that never listened leaves the first's socket
    assert _ask(qtbot, name, request(None)) == {"who": "first", "ok": True}
    first.close()


@pytest.mark.skipif(os.name != "posix", reason="socket files and their owners are POSIX")
def test_a_socket_of_another_user_is_never_handed_anything(
        name: str, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    squatter = SingleInstance(name)  # answers every request, as someone else's could
    assert squatter.hand_over(request(None)) is False and squatter.is_listening()
    seen: list[dict[str, object]] = []
    squatter.set_handler(lambda message: seen.append(message) or {"started": True})
    real_uid = os.getuid()
    monkeypatch.setattr(os, "getuid", lambda: real_uid + 1)  # the socket is not ours now
    second = SingleInstance(name)
    assert not second.may_be_running()
    assert second.hand_over(request("box")) is False  # this one opens its own window
    assert seen == []
    second.close()
    squatter.close()
