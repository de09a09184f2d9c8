"""Text for a terminal: what the command line prints, made safe to print.

Used by :mod:`app.cli`, by the window's start (``app.bootstrap.start_window``)
and by the entry point's quick hand-over, which print the same lines without
loading the command line.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Characters never sent raw to a terminal: C0 and C1 controls (ESC and CSI start
#: terminal codes; a newline would break a table), line and paragraph separators,
#: and the bidi controls that reorder what follows them.
_OTHER_UNSAFE = r"\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
_UNSAFE_CHAR = re.compile(rf"[\x00-\x1f{_OTHER_UNSAFE}]")
#: What ``json.dumps(ensure_ascii=False)`` leaves raw (it escapes the C0 controls).
UNSAFE_IN_JSON = re.compile(f"[{_OTHER_UNSAFE}]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def shown(text: str) -> str:
    """``text`` safe for a terminal: each control character as a visible escape (``\\x1b``).

    For what people read (tables, messages); exports keep the text exactly.
    """
    return _UNSAFE_CHAR.sub(_escape, text)


def own_copy_note(exercise_id: str, problems: Sequence[str]) -> str:
    """What ``steady start ID`` says when one's own file for the id could not be read
    and Steady's own exercise of that id starts instead ("" when nothing is wrong)."""
    if not problems:
        return ""
    lines = [f"steady: {shown(problem)}\n" for problem in problems]
    lines.append(f"steady: starting Steady's own '{shown(exercise_id)}' instead.\n")
    return "".join(lines)


#: What the command line returns: done, something refused or invalid, an unknown id.
EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNKNOWN_ID = 2


def failure(message: str) -> str:
    """``message`` as the command line says a failure: ``steady: ...``, made safe."""
    return "steady: " + "\n".join(shown(line) for line in message.split("\n")) + "\n"


def unknown_id(exercise_id: str, problems: Sequence[str], known: Sequence[str]) -> str:
    """What ``steady start ID`` says for an id no exercise has, with the files named
    for it that could not be read and the ids there are."""
    lines = [f"steady: there is no exercise with the id '{shown(exercise_id)}'.\n"]
    lines += [f"A file for it has a problem: {shown(problem)}\n" for problem in problems]
    lines.append("Known ids:\n")
    lines += [f"  {known_id}\n" for known_id in known]
    return "".join(lines)
