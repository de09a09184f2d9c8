"""One Steady per person and data folder: the Qt side.

A second ``steady`` (or ``steady start ID``) hands its request to the Steady
already running and exits; the running one brings its window forward (and
starts the exercise). The two talk over a local socket (``QLocalServer`` /
``QLocalSocket``: a Unix domain socket, or a named pipe on Windows), so no
network is involved, and only the same user may connect.

The name, the place and the words are :mod:`app.services.handover`'s: this
module is the server the running Steady listens with, and the Qt client a new
Steady uses on Windows (named pipes), or once the plain client of the entry
point found nobody and the window's start has begun.

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
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QDir,
    QLockFile,
    QObject,
    QTimer,
    Slot,
)

from app.services import handover
from app.services.handover import MAX_MESSAGE, decode, encode, first_line, request

if TYPE_CHECKING:  # Qt's network module is loaded only when there is someone to talk to
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

    from app.services.handover import FileId

log = logging.getLogger(__name__)

__all__ = ["SingleInstance", "request", "send"]

REPORT_ENV = "STEADY_TEST_REPORT"
CONNECT_TIMEOUT_MS = round(handover.CONNECT_TIMEOUT_S * 1000)
#: Before listening: how long to try whether someone else already listens.
PROBE_TIMEOUT_MS = 200
REPLY_TIMEOUT_MS = round(handover.REPLY_TIMEOUT_S * 1000)
LOCK_TIMEOUT_MS = 3000
#: A connection that has not sent a whole request by then is dropped.
SERVER_READ_TIMEOUT_MS = 5000

Message = dict[str, Any]
Handler = Callable[[Message], Message]


def send(name: str, message: Message, *, connect_timeout_ms: int = CONNECT_TIMEOUT_MS,
         reply_timeout_ms: int = REPLY_TIMEOUT_MS) -> Message | None:
    """Send ``message`` to the Steady listening at ``name``; its reply, or None.

    The Qt client: blocking, with timeouts, used before this process has an
    event loop. None means nobody answered (no server, a stale socket, or no
    reply in time).
    """
    from PySide6.QtCore import QByteArray  # like the network module: only to talk
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(connect_timeout_ms):
        return None
    try:
        socket.write(QByteArray(encode(message)))
        if not socket.waitForBytesWritten(reply_timeout_ms):
            return None
        received = b""
        while first_line(received) is None and len(received) <= MAX_MESSAGE:
            if socket.bytesAvailable() == 0 and not socket.waitForReadyRead(reply_timeout_ms):
                return None
            received += bytes(socket.readAll().data())
        line = first_line(received)
        return decode(line) if line is not None else None
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

        instance = SingleInstance(handover.server_address(data_dir), parent=app)
        if instance.hand_over(request(start_id)):
            return 0                      # the running Steady took it
        ...build the window...
        instance.set_handler(lambda message: {...})
    """

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name  # a socket file's full path, or a pipe's name (Windows)
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

    def may_be_running(self, *, silent: FileId | None = None) -> bool:
        """False only when no Steady of this user can be listening: there is no socket
        file, or it belongs to another user (who may have put it there to answer for
        Steady and keep it from opening: it is never handed anything), or it is the
        very file ``silent`` that did not answer a moment ago."""
        if not handover.uses_socket_file():
            return True
        path = self.socket_path()
        owner_ok = handover.socket_owner_ok(path)
        if owner_ok is None:
            return False
        if not owner_ok:
            log.warning("single instance: %s belongs to another user; not using it", path)
            return False
        if silent is not None and handover.file_id(path) == silent:
            log.info("single instance: %s did not answer a moment ago; not asked again", path)
            return False
        return True

    # -- starting ---------------------------------------------------------------
    def lock_path(self) -> str:
        return handover.lock_path(self.socket_path())

    def hand_over(self, message: Message, *, listen_later: bool = False,
                  silent: FileId | None = None) -> bool:
        """True when another Steady took ``message`` (this process should exit).

        False when this process is now the one Steady: it listens for the next
        ones (or, if even that failed, runs alone: a start is never blocked).
        With ``listen_later`` it keeps the start-up lock and listens at
        :meth:`listen_now`, which the caller makes sure comes soon. ``silent`` is
        the socket file the plain client found not answering: it is not asked
        again (a Steady that hangs would otherwise cost the wait twice more).
        """
        if self.may_be_running(silent=silent) and send(self.name, message) is not None:
            return True
        lock = QLockFile(self.lock_path())
        locked = lock.tryLock(LOCK_TIMEOUT_MS)
        if not locked:
            log.info("single-instance lock busy (%s); starting anyway", lock.error())
        # Another Steady may have started while we waited (or just as the wait ran out).
        if self.may_be_running(silent=silent) and send(self.name, message) is not None:
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
        if first_line(data) is None:
            if len(data) > MAX_MESSAGE:
                self._forget(socket)
                socket.abort()
            else:
                self._buffers[socket] = data
            return
        del self._buffers[socket]
        line = first_line(data)
        message = decode(line) if line is not None else None
        if message is None:
            reply: Message = {"ok": False, "error": "not a request"}
        elif self._handler is None:
            self._pending.append(message)
            reply = {"ok": True, "queued": True}
        else:
            reply = self._handle(message)
        from PySide6.QtCore import QByteArray  # not at start-up: its enums cost

        socket.write(QByteArray(encode(reply)))
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
