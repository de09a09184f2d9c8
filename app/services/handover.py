"""One Steady per person and data folder: its name, where it listens, and what is said.

This module owns the single-instance protocol. The Qt side
(:mod:`app.services.single_instance`: the server in the running Steady, and a Qt
client for Windows and for a start that got this far) and the plain client
below all take the name, the place and the message format from here, so
nothing of it is written twice.

**The name** is ``steady-<user>-<folder>``: the user id (on Windows a short hash
of the user name), and the data folder's identity, so two data folders each
have their own Steady and every spelling of one folder (a symbolic link, a path
with ``..``, a bind mount) meets the same one. The identity of a folder that
exists is its device and inode number; of one that does not exist yet, a hash
of its fully resolved path. ``run_gui`` creates the folder before it asks, so a
Steady that runs always goes by its folder's device and inode.

**The place**: on Linux and macOS a Unix socket file, in ``$XDG_RUNTIME_DIR``
(private to the user) when that is set, else in the temporary folder; on
Windows a named pipe of that name.

**The words**: one JSON object per connection, one line each way, at most
:data:`MAX_MESSAGE` bytes::

    -> {"cmd": "show"}  {"cmd": "start", "id": "box"}  {"cmd": "tray"}
    <- {"ok": true, ...}    whatever the running Steady adds

**The plain client** (:func:`ask`) is what ``steady``, ``steady start ID`` and
``steady --tray`` try first where the server is a socket file: the standard
library's ``socket`` and ``json``, nothing of Qt or of the window, so handing
over takes a few hundredths of a second. It sends nothing to a socket file
owned by another user (someone listening under Steady's name could otherwise
answer every start and keep Steady from opening).

Nothing here imports Qt, the window, or anything slow: the entry point imports
it before deciding whether to load any of that.
"""

from __future__ import annotations

import json
import os
import stat

TYPE_CHECKING = False  # typing itself is not imported: this module must stay light
if TYPE_CHECKING:
    from typing import Any, TypeAlias

    Message: TypeAlias = dict[str, Any]
    #: A socket file's device and inode: which file it was, even after a new one
    #: takes its name.
    FileId: TypeAlias = tuple[int, int]

#: Longest request or reply accepted, in bytes (they are tiny).
MAX_MESSAGE = 4096
#: How long a client waits to be let in, and then for the reply.
CONNECT_TIMEOUT_S = 1.0
REPLY_TIMEOUT_S = 4.0
#: The longest socket path every Unix takes (macOS: 104 bytes with the end mark).
MAX_SOCKET_PATH = 103

COMMANDS = ("show", "start", "tray")


# --------------------------------------------------------------------------- the name


def _sha256_hex(text: str) -> str:
    import hashlib  # only off the usual path: loading OpenSSL takes a moment

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def user_tag() -> str:
    """The user id; on Windows, where there is none, a short hash of the user name."""
    getuid = getattr(os, "getuid", None)
    if getuid is not None:
        return str(getuid())
    import getpass

    try:
        user = getpass.getuser()
    except Exception:
        user = "user"
    return _sha256_hex(user)[:8]


def folder_key(data_dir: str | os.PathLike[str]) -> str:
    """The data folder's identity: ``<device>-<inode>`` in hex if it is a folder now,
    else ``p<hash>`` of its fully resolved path (the same for every spelling)."""
    try:
        info = os.stat(data_dir)
    except (OSError, ValueError):
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        return f"{info.st_dev:x}-{info.st_ino:x}"
    resolved = os.path.normcase(os.path.realpath(os.fspath(data_dir)))
    return "p" + _sha256_hex(resolved)[:16]


def server_name(data_dir: str | os.PathLike[str]) -> str:
    """The bare name: ``steady-<user>-<folder identity>``."""
    return f"steady-{user_tag()}-{folder_key(data_dir)}"


def uses_socket_file() -> bool:
    """Whether the server is a Unix socket file (Linux, macOS), not a named pipe."""
    return os.name == "posix"


def temp_folder() -> str:
    """The temporary folder, resolved, as Qt finds it (``$TMPDIR``, else ``/tmp``)."""
    return os.path.realpath(os.environ.get("TMPDIR") or "/tmp")


def server_address(data_dir: str | os.PathLike[str]) -> str:
    """Where the Steady for ``data_dir`` listens: a socket file's full path (Linux,
    macOS), or the name of a named pipe (Windows)."""
    name = server_name(data_dir)
    if not uses_socket_file():
        return name
    runtime = os.environ.get("XDG_RUNTIME_DIR", "")
    for folder in (runtime, temp_folder(), "/tmp"):
        if not folder or not os.path.isdir(folder):
            continue
        path = os.path.join(folder, name)
        if len(os.fsencode(path)) <= MAX_SOCKET_PATH:
            return path
    return os.path.join("/tmp", name)


def lock_path(address: str) -> str:
    """The start-up lock that puts two Steadys started at once in line."""
    return address + ".lock"


# --------------------------------------------------------------------------- the words


def request(start_id: str | None = None, *, tray: bool = False) -> Message:
    """What a new Steady asks: start ``start_id``, wait in the tray, or show the window."""
    if start_id:
        return {"cmd": "start", "id": start_id}
    return {"cmd": "tray"} if tray else {"cmd": "show"}


def encode(message: Message) -> bytes:
    return json.dumps(message, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"


def decode(line: bytes) -> Message | None:
    """The object on one line, or None for anything else."""
    try:
        value = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def first_line(data: bytes) -> bytes | None:
    """The first whole line of ``data`` (without its end), or None while there is none."""
    end = data.find(b"\n")
    return data[:end] if end >= 0 else None


# --------------------------------------------------------------------------- who is there


def my_uid() -> int:
    """This process's user id (a seam: the tests stand another user in here)."""
    return os.getuid()


def file_id(path: str) -> FileId | None:
    """The device and inode of the socket file at ``path``; None when there is none."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return (info.st_dev, info.st_ino)


def socket_owner_ok(path: str) -> bool | None:
    """Whether the socket file at ``path`` is this user's: True, False (another
    user's: never handed anything), or None (there is no such file)."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_uid == my_uid()


class Asked:
    """What asking the running Steady came to.

    ``reply`` is its answer (None: nobody answered). ``silent`` names the socket
    file that was there and did not answer (a stale one, or a Steady that did not
    reply in time), so the start that follows need not wait on it a second time.
    ``refused`` says the file belongs to another user.
    """

    __slots__ = ("refused", "reply", "silent")

    def __init__(self, reply: Message | None = None, *, silent: FileId | None = None,
                 refused: bool = False) -> None:
        self.reply = reply
        self.silent = silent
        self.refused = refused

    @property
    def answered(self) -> bool:
        return self.reply is not None

    def __repr__(self) -> str:
        return f"Asked(reply={self.reply!r}, silent={self.silent!r}, refused={self.refused})"


def ask(address: str, message: Message, *, connect_timeout: float = CONNECT_TIMEOUT_S,
        reply_timeout: float = REPLY_TIMEOUT_S) -> Asked:
    """Send ``message`` to the Steady listening at the socket file ``address``.

    Plain Python (``AF_UNIX``), for Linux and macOS. Nothing is sent where there
    is no socket file or it belongs to another user; a stale file (nobody
    listening), a refusal and a reply that does not come in time all come back
    as no reply.
    """
    owner_ok = socket_owner_ok(address)
    if owner_ok is None:
        return Asked()
    if not owner_ok:
        return Asked(refused=True)
    which = file_id(address)
    import socket

    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.settimeout(connect_timeout)
        client.connect(address)
        client.settimeout(reply_timeout)
        client.sendall(encode(message))
        received = b""
        while first_line(received) is None and len(received) <= MAX_MESSAGE:
            chunk = client.recv(MAX_MESSAGE)
            if not chunk:
                break
            received += chunk
    except OSError:  # refused (stale), timed out, or hung up on
        return Asked(silent=which)
    finally:
        client.close()
    line = first_line(received)
    reply = decode(line) if line is not None else None
    return Asked(reply) if reply is not None else Asked(silent=which)
