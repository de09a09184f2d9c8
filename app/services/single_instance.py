"""One Steady per person and data folder.

A second ``steady`` (or ``steady start ID``) hands its request to the Steady
already running and exits; the running one brings its window forward (and
starts the exercise). The two talk over a local socket (``QLocalServer`` /
``QLocalSocket``: a Unix domain socket, or a named pipe on Windows), so no
network is involved, and only the same user may connect.

The server name holds the user id and a hash of the data folder, so two data
folders can each have their own Steady (and parallel tests never meet). On
Linux it lives in ``$XDG_RUNTIME_DIR`` (private to the user) when that is set.

The protocol is one JSON object per connection, one line each way::

    -> {"cmd": "show"}            or  {"cmd": "start", "id": "box"}
    <- {"ok": true, ...}              whatever the handler adds

A crash can leave the socket file behind. Listening always removes a leftover
first (``QLocalServer.removeServer``), so a stale socket never blocks the next
start. Two Steadys started at the same moment (a double-click) are put in line
by a ``QLockFile`` next to the socket; Qt removes that lock by itself when the
process that held it is gone.

Start-up is kept short (docs/decisions/0007-light-start.md): where the server is a
socket file (Linux, macOS) and there is none, no Steady is running, so nothing
is sent and Qt's network module is not even loaded. With ``listen_later`` the
new Steady keeps the lock and starts listening once its window is up
(:meth:`SingleInstance.listen_now`); a Steady started in between waits for the
lock, then finds it listening and hands over.

Test hook: when the environment variable ``STEADY_TEST_REPORT`` names a file,
the running Steady appends each request it answered, with its reply, to that
file as one JSON line. The single-instance tests use it to see, from outside,
what a real second process delivered. Nothing else reads or writes it.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QCryptographicHash,
    QDir,
    QLockFile,
    QObject,
    QTimer,
    Slot,
)

if TYPE_CHECKING:  # Qt's network module is loaded only when there is someone to talk to
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

log = logging.getLogger(__name__)

REPORT_ENV = "STEADY_TEST_REPORT"
#: Longest request or reply accepted, in bytes (they are tiny).
MAX_MESSAGE = 4096
CONNECT_TIMEOUT_MS = 1000
#: Before listening: how long to try whether someone else already listens.
PROBE_TIMEOUT_MS = 200
REPLY_TIMEOUT_MS = 4000
LOCK_TIMEOUT_MS = 3000
#: A connection that has not sent a whole request by then is dropped.
SERVER_READ_TIMEOUT_MS = 5000

Message = dict[str, Any]
Handler = Callable[[Message], Message]


def _sha256(text: str) -> str:
    """The SHA-256 of ``text`` in hex (Qt's, already loaded: Python's hashlib is not)."""
    digest = QCryptographicHash.hash(QByteArray(text.encode("utf-8")),
                                     QCryptographicHash.Algorithm.Sha256)
    return bytes(digest.toHex().data()).decode("ascii")


def _user_tag() -> str:
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        return str(getuid())
    import getpass  # Windows only

    try:  # Windows: a short hash of the user name (the name itself stays private)
        user = getpass.getuser()
    except Exception:
        user = "user"
    return _sha256(user)[:8]


def server_name(data_dir: Path) -> str:
    """The local server name for this user and data folder.

    ``steady-<uid>-<hash of the data folder>``; on Linux with
    ``$XDG_RUNTIME_DIR`` set, a full path inside that private folder.
    """
    folder = os.path.normcase(os.path.abspath(os.fspath(data_dir)))
    digest = _sha256(folder)[:16]
    name = f"steady-{_user_tag()}-{digest}"
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    if os.name == "posix" and runtime and os.path.isdir(runtime):
        return os.path.join(runtime, name)
    return name


def request(start_id: str | None) -> Message:
    """The request a new Steady sends: show the window, or start ``start_id``."""
    return {"cmd": "start", "id": start_id} if start_id else {"cmd": "show"}


def _encode(message: Message) -> bytes:
    return json.dumps(message, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"


def _decode(line: bytes) -> Message | None:
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def send(name: str, message: Message, *, connect_timeout_ms: int = CONNECT_TIMEOUT_MS,
         reply_timeout_ms: int = REPLY_TIMEOUT_MS) -> Message | None:
    """Send ``message`` to the Steady listening at ``name``; its reply, or None.

    Blocking, with timeouts: used before this process has an event loop.
    None means nobody answered (no server, a stale socket, or no reply in time).
    """
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(connect_timeout_ms):
        return None
    try:
        socket.write(QByteArray(_encode(message)))
        if not socket.waitForBytesWritten(reply_timeout_ms):
            return None
        received = b""
        while b"\n" not in received and len(received) <= MAX_MESSAGE:
            if socket.bytesAvailable() == 0 and not socket.waitForReadyRead(reply_timeout_ms):
                return None
            received += bytes(socket.readAll().data())
        return _decode(received.split(b"\n", 1)[0])
    finally:
        socket.abort()


def _answers(name: str) -> bool:
    """Whether a server accepts a connection at ``name`` (it is then hung up on)."""
    from PySide6.QtNetwork import QLocalSocket

    probe = QLocalSocket()
    probe.connectToServer(name)
    connected = probe.waitForConnected(PROBE_TIMEOUT_MS)
    probe.abort()
    return connected


class SingleInstance(QObject):
    """Either hands a request to the running Steady, or becomes it.

    Typical use, before the window exists::

        instance = SingleInstance(server_name(data_dir), parent=app)
        if instance.hand_over(request(start_id)):
            return 0                      # the running Steady took it
        ...build the window...
        instance.set_handler(lambda message: {...})
    """

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server: QLocalServer | None = None
        self._handler: Handler | None = None
        self._pending: list[Message] = []
        self._buffers: dict[QLocalSocket, bytes] = {}
        self._lock: QLockFile | None = None  # held from hand_over until listen_now

    def socket_path(self) -> str:
        """Where the server's socket file is (Linux, macOS; a named pipe elsewhere)."""
        if os.path.isabs(self.name):
            return self.name
        return os.path.join(QDir.tempPath(), self.name)

    def may_be_running(self) -> bool:
        """False only when no Steady of this user can be listening: there is no socket
        file, or it belongs to another user (who may have put it there to answer for
        Steady and keep it from opening: it is never handed anything)."""
        if os.name != "posix":
            return True
        path = self.socket_path()
        try:
            owner = os.stat(path).st_uid
        except OSError:
            return False
        if owner != os.getuid():
            log.warning("single instance: %s belongs to another user; not using it", path)
            return False
        return True

    # -- starting ---------------------------------------------------------------
    def lock_path(self) -> str:
        return self.socket_path() + ".lock"

    def hand_over(self, message: Message, *, listen_later: bool = False) -> bool:
        """True when another Steady took ``message`` (this process should exit).

        False when this process is now the one Steady: it listens for the next
        ones (or, if even that failed, runs alone: a start is never blocked).
        With ``listen_later`` it keeps the start-up lock and listens at
        :meth:`listen_now`, which the caller makes sure comes soon.
        """
        if self.may_be_running() and send(self.name, message) is not None:
            return True
        lock = QLockFile(self.lock_path())
        locked = lock.tryLock(LOCK_TIMEOUT_MS)
        if not locked:
            log.info("single-instance lock busy (%s); starting anyway", lock.error())
        # Another Steady may have started while we waited (or just as the wait ran out).
        if self.may_be_running() and send(self.name, message) is not None:
            if locked:
                lock.unlock()
            return True
        if listen_later and locked:
            self._lock = lock  # the next Steady waits for it: it will find us listening
            return False
        try:
            self.listen()
        finally:
            if locked:
                lock.unlock()
        return False

    @Slot()
    def listen_now(self) -> bool:
        """Listen (after ``hand_over(..., listen_later=True)``) and let go of the lock."""
        try:
            return self.listen()
        finally:
            lock, self._lock = self._lock, None
            if lock is not None:
                lock.unlock()

    def listen(self) -> bool:
        """Listen at :attr:`name`, replacing a leftover socket. False if that failed,
        or if another Steady answers there (its socket is left alone: see below)."""
        if self._server is not None and self._server.isListening():
            return True
        from PySide6.QtNetwork import QLocalServer

        if self.may_be_running() and _answers(self.name):
            # Only when a start waited longer for the lock than it would (a very slow
            # first frame): taking the name over would leave the other Steady
            # unreachable once either closes. This one runs alone instead.
            log.warning("single instance: another Steady is listening; running alone")
            return False
        QLocalServer.removeServer(self.name)  # a socket left by a crash
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self.on_new_connection)
        if not server.listen(self.name):
            log.warning("single instance: cannot listen: %s", server.errorString())
            server.deleteLater()
            return False
        self._server = server
        app = QCoreApplication.instance()
        if app is not None:  # leave no socket file behind on a normal quit
            app.aboutToQuit.connect(self.close)
        return True

    def is_listening(self) -> bool:
        return self._server is not None and self._server.isListening()

    @Slot()
    def close(self) -> None:
        if self._server is not None:
            self._server.close()  # also removes the socket file
            self._server.deleteLater()
            self._server = None

    def set_handler(self, handler: Handler) -> None:
        """``handler(message) -> reply`` answers each request from now on.

        Requests that arrived before a handler was set are handled now.
        """
        self._handler = handler
        pending, self._pending = self._pending, []
        for message in pending:
            self._handle(message)

    # -- serving ----------------------------------------------------------------
    @Slot()
    def on_new_connection(self) -> None:
        server = self._server
        while server is not None and server.hasPendingConnections():
            socket = server.nextPendingConnection()
            self._buffers[socket] = b""
            timer = QTimer(socket)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda s=socket: s.abort())
            timer.start(SERVER_READ_TIMEOUT_MS)
            socket.readyRead.connect(lambda s=socket: self._read(s))
            socket.disconnected.connect(lambda s=socket: self._forget(s))
            if socket.bytesAvailable():
                self._read(socket)

    def _forget(self, socket: QLocalSocket) -> None:
        self._buffers.pop(socket, None)
        socket.deleteLater()

    def _read(self, socket: QLocalSocket) -> None:
        if socket not in self._buffers:
            return
        data = self._buffers[socket] + bytes(socket.readAll().data())
        if b"\n" not in data:
            if len(data) > MAX_MESSAGE:
                self._forget(socket)
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        del self._buffers[socket]
        message = _decode(data.split(b"\n", 1)[0])
        if message is None:
            reply: Message = {"ok": False, "error": "not a request"}
        elif self._handler is None:
            self._pending.append(message)
            reply = {"ok": True, "queued": True}
        else:
            reply = self._handle(message)
        socket.write(QByteArray(_encode(reply)))
        socket.flush()
        socket.disconnectFromServer()

    def _handle(self, message: Message) -> Message:
        assert self._handler is not None
        try:
            reply = dict(self._handler(message))
        except Exception:  # a request must never take the running Steady down
            log.exception("single instance: request failed")
            reply = {"ok": False, "error": "the request failed"}
        reply.setdefault("ok", True)
        _report(message, reply)
        return reply


def _report(message: Message, reply: Message) -> None:
    """The test hook: append what was answered to ``$STEADY_TEST_REPORT``, if set."""
    target = os.environ.get(REPORT_ENV)
    if not target:
        return
    try:
        with open(target, "a", encoding="utf-8") as out:
            out.write(json.dumps({"message": message, "reply": reply}) + "\n")
    except OSError:
        log.warning("single instance: cannot write the test report")
