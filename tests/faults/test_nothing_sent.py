"""Nothing is sent: no IPv4 or IPv6 socket is ever asked for, by the window or the CLI.

Three layers: Python's ``socket`` made to refuse (and record) every internet
socket and name lookup while a whole session, History, Settings, help, export
and import run in the window; every CLI verb in a real process with the same
guard installed first; and the real app under ``strace``, which also sees what
Qt's C++ does. Local (AF_UNIX) sockets, used for the single-instance channel,
are allowed. A static check keeps Qt's network classes out of the app.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.bootstrap import build_window
from app.domain.settings import Settings
from app.services import sound as sound_module
from app.services import speech as speech_module
from app.storage.exchange import export_store, import_file
from tests.faults.conftest import REPO, child_env, seed_log
from tests.faults.reliability import NONE_LOST, Table

AREA = "Nothing sent"
INTERNET = (socket.AF_INET, socket.AF_INET6)

GUARD = r"""
import atexit, json, os, socket, sys
_attempts = []
_Real = socket.socket
class _Guarded(_Real):
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        if family in (socket.AF_INET, socket.AF_INET6) or (family == -1 and fileno is None):
            _attempts.append(f"socket({family})")
            raise OSError("network is forbidden in this test")
        super().__init__(family, type, proto, fileno)
def _refuse(name):
    def refuse(*args, **kwargs):
        _attempts.append(f"{name}{args[:2]}")
        raise OSError("network is forbidden in this test")
    return refuse
socket.socket = _Guarded
for _name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
              "gethostbyaddr", "socketpair"):
    setattr(socket, _name, _refuse(_name))
atexit.register(lambda: open(os.environ["STEADY_GUARD_REPORT"], "w").write(
    json.dumps(_attempts)))
sys.argv = ["steady", *sys.argv[1:]]
from app.__main__ import main
sys.exit(main(sys.argv[1:]))
"""


class Recorder:
    def __init__(self) -> None:
        self.attempts: list[str] = []


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> Recorder:
    """Python's internet sockets and name lookups refuse, and are recorded."""
    recorder = Recorder()
    real = socket.socket

    class Guarded(real):  # type: ignore[misc, valid-type]
        def __init__(self, family: int = -1, type: int = -1, proto: int = -1,
                     fileno: int | None = None) -> None:
            if family in INTERNET or (family == -1 and fileno is None):
                recorder.attempts.append(f"socket({family})")
                raise OSError("network is forbidden in this test")
            super().__init__(family, type, proto, fileno)

    def refuse(name: str) -> Any:
        def refused(*args: object, **kwargs: object) -> None:
            recorder.attempts.append(f"{name}{args[:2]}")
            raise OSError("network is forbidden in this test")
        return refused

    monkeypatch.setattr(socket, "socket", Guarded)
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "gethostbyname_ex",
                 "gethostbyaddr"):
        monkeypatch.setattr(socket, name, refuse(name))
    return recorder


def test_the_guard_catches_what_it_should(no_network: Recorder) -> None:
    with pytest.raises(OSError):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(OSError):
        socket.create_connection(("example.invalid", 80))
    local = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    local.close()
    assert len(no_network.attempts) == 2


@pytest.mark.gui
@pytest.mark.qt_log_ignore(*sound_module.BACKEND_LOG_MESSAGES,
                           *speech_module.BACKEND_LOG_MESSAGES)
def test_a_whole_session_history_settings_help_export_and_import(
        tmp_path: Path, qtbot: QtBot, no_network: Recorder, reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 3)
    window = build_window(data, Settings(first_run_done=True))
    window.settings_writer = None
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    def key(keys: str | Qt.Key,
            modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = window.focusWidget() or window.current_page()
        if isinstance(keys, str):
            qtbot.keyClicks(target, keys)
        else:
            qtbot.keyClick(target, keys, modifier)

    try:
        assert window.start_exercise("box")
        key("6")
        key(Qt.Key.Key_Return)
        key(Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: window.current_page() is window.after)
        key("3")
        window.after.note.setFocus()
        qtbot.keyClicks(window.after.note, "nothing leaves this computer")
        qtbot.keyClick(window.after.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        assert window.current_page() is window.summary
        key(Qt.Key.Key_Return)
        window.show_history()
        assert window.history_page is not None and window.history_page.sessions_model.total == 4
        window.show_settings()
        window.show_help()
        assert window.help_dialog is not None
        window.help_dialog.close()
        out = tmp_path / "export.csv"
        with open(out, "w", encoding="utf-8", newline="") as handle:
            export_store(window.store, handle)  # type: ignore[arg-type]
        assert import_file(window.store, out).already_present == 4  # type: ignore[arg-type]
    finally:
        window.close()
        window.store.close()  # type: ignore[attr-defined]
    assert no_network.attempts == []
    reliability.add(
        AREA, "a whole session by keys, History, Settings, Get help now, export and import, "
              "in the window",
        "Python's socket.socket refuses and records AF_INET/AF_INET6 (and name lookups); "
        "AF_UNIX allowed", "no internet socket or name lookup was attempted", NONE_LOST)


VERBS = [
    ["--version"],
    ["list"],
    ["list", "--json"],
    ["validate", "exercises"],
    ["stats"],
    ["stats", "--json"],
    ["export"],
    ["export", "--format", "json", "-o", "{tmp}/out.json"],
    ["import", "{tmp}/out.json"],
    ["--self-test"],
]


def test_every_command_line_verb(tmp_path: Path, reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 3)
    ran = []
    for verb in VERBS:
        args = [a.replace("{tmp}", str(tmp_path)) for a in verb]
        report = tmp_path / "attempts.json"
        report.unlink(missing_ok=True)
        done = subprocess.run(
            [sys.executable, "-c", GUARD, "--data-dir", str(data), *args], cwd=REPO,
            env=child_env(STEADY_GUARD_REPORT=str(report)), capture_output=True, text=True,
            timeout=120, stdin=subprocess.DEVNULL)
        assert done.returncode == 0, (verb, done.stderr)
        assert json.loads(report.read_text()) == [], verb
        ran.append(" ".join(verb).replace("{tmp}/", ""))
    reliability.add(
        AREA, "every command-line verb: " + "; ".join(f"`steady {v}`" for v in ran),
        "real processes, each started through a wrapper that installs the same socket guard "
        "first", "all exit 0; no internet socket or name lookup was attempted", NONE_LOST)


STRACE_LINE = re.compile(r"\bsocket\((AF_INET6?|AF_PACKET)\b")


def traced(tmp_path: Path, name: str, command: list[str]) -> list[str]:
    """The internet sockets ``command`` (and every thread and child) asked the kernel for."""
    log = tmp_path / f"{name}.strace"
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=socket", "-o", str(log), *command],
                   cwd=REPO, env=child_env(), capture_output=True, timeout=120,
                   stdin=subprocess.DEVNULL)
    return [line for line in log.read_text().splitlines() if STRACE_LINE.search(line)]


@pytest.mark.skipif(shutil.which("strace") is None or os.name != "posix",
                    reason="needs strace")
def test_the_real_app_under_strace(tmp_path: Path, reliability: Table) -> None:
    canary = traced(tmp_path, "canary", [sys.executable, "-c",
                                         "import socket; socket.socket().close()"])
    assert canary, "strace sees an internet socket when there is one"
    data = tmp_path / "data"
    seen = traced(tmp_path, "open", [sys.executable, "-m", "tests.faults.driver", "open",
                                     str(data)])
    seen += traced(tmp_path, "history", [sys.executable, "-m", "tests.faults.driver",
                                         "history", str(data)])
    assert (data / "steady.sqlite3").exists(), "the app really ran"
    assert seen == []
    reliability.add(
        AREA, "the real app (Qt included): a session by keys, then History, in its own "
              "process", "real: strace -f records every socket() the process and its threads "
                         "ask for; a canary proves it sees an AF_INET one",
        "no AF_INET, AF_INET6 or AF_PACKET socket; only AF_UNIX (the single-instance "
        "channel)", NONE_LOST)


NETWORK_NAMES = re.compile(
    r"QNetworkAccessManager|QNetworkRequest|QTcpSocket|QUdpSocket|QSslSocket|QHostInfo|"
    r"QDnsLookup|QtWebEngine|QWebSocket|\burllib\b|\bhttp\.client\b|\brequests\b|"
    r"\bimport socket\b|\bsocket\.socket\b|\bsmtplib\b|\bftplib\b")
#: The one place Python's socket module may be used: the hand-over's plain client,
#: and there only for a local Unix socket (AF_UNIX), line for line.
LOCAL_ONLY = {"app/services/handover.py": (
    "import socket", "client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)")}


def test_no_network_class_in_the_app(reliability: Table) -> None:
    found = []
    for path in sorted((REPO / "app").rglob("*.py")):
        allowed = LOCAL_ONLY.get(path.relative_to(REPO).as_posix(), ())
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if NETWORK_NAMES.search(line) and line.strip() not in allowed:
                found.append(f"{path.relative_to(REPO)}:{number}: {line.strip()}")
    assert found == []
    reliability.add(
        AREA, "Qt's network classes (QNetworkAccessManager, QTcpSocket, QHostInfo...) and "
              "Python's (urllib, http.client, socket)",
        "a scan of every file in app/", "none is used; QtNetwork serves only "
        "QLocalServer/QLocalSocket, and Python's socket module only the hand-over's "
        "local (AF_UNIX) client", NONE_LOST)
