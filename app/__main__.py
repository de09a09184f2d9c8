"""Entry point: ``steady`` or ``python -m app``.

``steady``, ``steady start ID`` and ``steady --tray`` (each with or without
``--data-dir DIR``) first ask a Steady already running for that data folder to
take over, with the plain client of :mod:`app.services.handover`: where the
server is a socket file (Linux, macOS) that takes a few hundredths of a second,
because nothing of Qt, the window or the command line is loaded to do it. Only
when nobody answers does the window start (``app.bootstrap.start_window``, the
same start the command line makes, without loading the command line; it skips
the socket that did not answer). Anything else goes to :mod:`app.cli`.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # nothing more is loaded than handing over needs
if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.services.handover import Asked, Message


def window_request(argv: Sequence[str]) -> tuple[str | None, Message] | None:
    """``(--data-dir value or None, request)`` for the commands that open the window,
    written the plain way; None for anything else (the command line reads it)."""
    from app.services.handover import request

    data_dir: str | None = None
    tray = False
    start_id: str | None = None
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "--data-dir" and rest and data_dir is None:
            data_dir = rest.pop(0)
        elif word.startswith("--data-dir=") and data_dir is None:
            data_dir = word.split("=", 1)[1]
        elif word == "--tray" and not tray:
            tray = True
        elif word == "start" and len(rest) == 1 and not rest[0].startswith("-") and not tray:
            start_id = rest.pop(0)
        else:
            return None
    if data_dir is not None and not data_dir:
        return None  # an empty --data-dir is for the command line to refuse
    return data_dir, request(start_id, tray=tray)


def quick_hand_over(wanted: tuple[str | None, Message] | None) -> Asked | None:
    """Ask the running Steady to take this start; what came of it (None: not tried)."""
    from app.services import handover

    if wanted is None or not handover.uses_socket_file():
        return None  # not a start of the window; or Windows: named pipes, through Qt
    from app import paths

    data_dir = paths.data_dir(wanted[0])
    return handover.ask(handover.server_address(data_dir), wanted[1])


def handed(asked: Asked | None, message: Message) -> bool:
    """Whether the running Steady took it; prints what it had to say about the files."""
    if asked is None or asked.reply is None:
        return False
    if asked.reply.get("started") is False and not asked.reply.get("waiting"):
        return False  # an id it does not know: the command line says so, with the list
    problems = asked.reply.get("problems")
    if message.get("cmd") == "start" and isinstance(problems, list) and problems:
        from app.terminal import own_copy_note

        sys.stderr.write(own_copy_note(str(message.get("id")), [str(p) for p in problems]))
    return True


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    wanted = window_request(args)
    if wanted is None:
        from app.cli import main as cli_main

        return cli_main(args)
    asked = quick_hand_over(wanted)
    if handed(asked, wanted[1]):
        return 0
    # Nobody took it: the window starts, without loading the command line.
    from app import paths
    from app.bootstrap import start_window

    message = wanted[1]
    return start_window(paths.data_dir(wanted[0]),
                        str(message["id"]) if message["cmd"] == "start" else None,
                        tray=message["cmd"] == "tray",
                        silent=asked.silent if asked is not None else None)


if __name__ == "__main__":
    sys.exit(main())
