"""Write exercise files (format 1) that people can read, and write them safely.

The editor builds an :class:`~app.domain.exercise.Exercise` from what the
person typed; :func:`exercise_to_toml` turns it into an ordinary file: a header
comment, the top-level keys in a fixed order, then one ``[[phases]]`` or
``[[steps]]`` table per entry. Reading the text back with
:func:`app.domain.loader.parse_exercise` gives the same exercise (a property
test checks it).

Comments: when a file is edited, its leading comment block is kept as it was,
and any comment found further down (whole-line or after a value) is carried
into the header, so nothing a person wrote by hand is lost.

Writing the text to disk, and choosing a file name that is free, is storage's
(:mod:`app.storage.exercise_files`): this module only makes the text, so the
domain does no file writing. Stdlib only.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from itertools import count

from app.domain.exercise import FORMAT_VERSION, Exercise

#: Ids are at most this long (loader.ID_PATTERN).
MAX_ID_LENGTH = 64
#: The id of an exercise whose title gives nothing to build one from.
FALLBACK_ID = "my-exercise"
#: Short lists stay on one line up to this width.
ONE_LINE_WIDTH = 88

DEFAULT_HEADER = (
    "# Made with Steady's exercise editor. This is an ordinary exercise file",
    "# (format 1): you can change it by hand too, and check it with",
    "# `steady validate FILE`.",
)
CARRIED_HEADING = "# Comments from further down in the earlier version of this file:"

_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f",
            "\r": "\\r"}


# --------------------------------------------------------------------------- values


def toml_string(text: str) -> str:
    """``text`` as a TOML basic string, escaped where TOML requires it.

    A lone surrogate (which no UTF-8 file can hold) becomes U+FFFD.
    """
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif code < 0x20 or code == 0x7F:
            out.append(f"\\u{code:04X}")
        elif 0xD800 <= code <= 0xDFFF:
            out.append("\ufffd")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_number(value: float) -> str:
    """``4`` for 4.0, ``4.5`` for 4.5: whole numbers without a decimal point."""
    if isinstance(value, bool):
        raise TypeError("a number, not true/false")
    if isinstance(value, int):
        return str(value)
    if value.is_integer() and abs(value) < 2.0**53:
        return str(int(value))
    return repr(value)


def _text_list(name: str, items: Sequence[str], *, one_line: bool) -> list[str]:
    values = [toml_string(item) for item in items]
    line = f"{name} = [{', '.join(values)}]"
    if one_line and len(line) <= ONE_LINE_WIDTH:
        return [line]
    return [f"{name} = [", *(f"    {value}," for value in values), "]"]


# --------------------------------------------------------------------------- comments


def _comment_safe(text: str) -> str:
    """``text`` fit for a TOML comment: no line breaks or control characters."""
    return "".join(" " if (ord(ch) < 0x20 and ch != "\t") or ord(ch) == 0x7F
                   or 0xD800 <= ord(ch) <= 0xDFFF else ch for ch in text)


def _scan_comments(text: str) -> list[tuple[int, str, str]]:
    """Every comment in ``text``: (line number, code before it on the line, the comment).

    Knows TOML's four kinds of strings, so a ``#`` inside quotes is not a comment.
    """
    found: list[tuple[int, str, str]] = []
    i, n, line, line_start = 0, len(text), 1, 0
    quote: str | None = None  # the closing delimiter of the string we are in
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
            line_start = i + 1
            if quote in ('"', "'"):  # single-line strings end at the line (invalid TOML)
                quote = None
            i += 1
            continue
        if quote is not None:
            if quote in ('"', '"""') and ch == "\\":
                i += 2
                continue
            if text.startswith(quote, i):
                i += len(quote)
                # A multi-line string may end with up to two extra quotes.
                while len(quote) == 3 and i < n and text[i] == quote[0]:
                    i += 1
                quote = None
                continue
            i += 1
            continue
        if ch == "#":
            end = text.find("\n", i)
            end = n if end < 0 else end
            found.append((line, text[line_start:i].strip(), text[i:end].rstrip()))
            i = end
            continue
        for delimiter in ('"""', "'''", '"', "'"):
            if text.startswith(delimiter, i):
                quote = delimiter
                i += len(delimiter)
                break
        else:
            i += 1
    return found


def split_comments(text: str) -> tuple[list[str], list[str]]:
    """The leading comment block of ``text``, and every other comment in it.

    The leading block is the comment and blank lines before the first key,
    kept as they are (blank lines at either end dropped). A comment after a
    value keeps that value for context: ``# seconds = 4  # gentle``.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = text.splitlines()
    leading: list[str] = []
    for raw in lines:
        stripped = raw.strip()
        if stripped and not stripped.startswith("#"):
            break
        leading.append(stripped)
    while leading and not leading[-1]:
        leading.pop()
    while leading and not leading[0]:
        leading.pop(0)
    block_end = len(leading) + next((i for i, raw in enumerate(lines) if raw.strip()), 0)
    others: list[str] = []
    for number, code, comment in _scan_comments(text):
        if number <= block_end:
            continue
        others.append(f"# {code}  {comment}" if code else comment)
    return leading, others


def header_lines(original: str | None = None, *, note: str = "") -> list[str]:
    """The header comment for a file written from ``original`` (None: a new file).

    The original's leading comment block is kept (or the default header when it
    had none), other comments follow it, and ``note`` (one line) goes first
    unless the block already starts with it.
    """
    lines: list[str]
    if original is None:
        lines = list(DEFAULT_HEADER)
    else:
        leading, others = split_comments(original)
        lines = leading or list(DEFAULT_HEADER)
        if others:
            lines += ["#", CARRIED_HEADING, *others]
    if note:
        first = f"# {_comment_safe(note).strip()}"
        if not lines or lines[0] != first:
            lines = [first, "#", *lines]
    return [_comment_safe(line) for line in lines]


# --------------------------------------------------------------------------- the file


def exercise_to_toml(exercise: Exercise, header: Iterable[str] | None = None) -> str:
    """A readable format-1 file for ``exercise``; ``header`` lines are comments on top.

    Empty optional values (no summary, no tags, no suits, no ease-in) are left
    out, as a person writing by hand would (and a file without ``suits`` stays
    readable by a Steady from before that key). The text is written as given: checking it is
    the loader's job.
    """
    out: list[str] = list(header if header is not None else DEFAULT_HEADER)
    if out:
        out.append("")
    out += [
        f"format = {FORMAT_VERSION}",
        f"id = {toml_string(exercise.id)}",
        f"title = {toml_string(exercise.title)}",
        f"kind = {toml_string(exercise.kind)}",
    ]
    if exercise.summary:
        out.append(f"summary = {toml_string(exercise.summary)}")
    if exercise.minutes is not None:
        out.append(f"minutes = {toml_number(exercise.minutes)}")
    if exercise.cycles is not None:
        out.append(f"cycles = {toml_number(exercise.cycles)}")
    if exercise.ease_in_seconds:
        out.append(f"ease_in_seconds = {toml_number(exercise.ease_in_seconds)}")
    if exercise.cautions:
        out += _text_list("cautions", exercise.cautions, one_line=False)
    if exercise.sources:
        out += _text_list("sources", exercise.sources, one_line=False)
    if exercise.tags:
        out += _text_list("tags", exercise.tags, one_line=True)
    if exercise.suits:
        out += _text_list("suits", exercise.suits, one_line=True)
    return "\n".join(out + _tables(exercise)) + "\n"


def _tables(exercise: Exercise) -> list[str]:
    """The ``[[phases]]`` or ``[[steps]]`` tables, each after a blank line."""
    out: list[str] = []
    for phase in exercise.phases:
        out += ["", "[[phases]]", f"action = {toml_string(phase.action)}",
                f"seconds = {toml_number(phase.seconds)}"]
    for step in exercise.steps:
        out += ["", "[[steps]]", f"text = {toml_string(step.text)}"]
        if step.count is not None:
            out.append(f"count = {toml_number(step.count)}")
        if step.seconds is not None:
            out.append(f"seconds = {toml_number(step.seconds)}")
    return out


_TOP_ID = re.compile(r"""^(\s*(?:id|"id"|'id')\s*=\s*)("(?:[^"\\]|\\.)*"|'[^']*')(.*)$""")
_HEADER_LINE = re.compile(r"^\s*\[")


def replace_id(text: str, new_id: str) -> str | None:
    """``text`` with its top-level ``id = ...`` line giving ``new_id``; None if not found.

    Only that one value changes, so comments and layout stay exactly as they were.
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if _HEADER_LINE.match(line):
            return None
        if m := _TOP_ID.match(line):
            lines[index] = f"{m.group(1)}{toml_string(new_id)}{m.group(3)}"
            return "\n".join(lines)
    return None


# --------------------------------------------------------------------------- ids


def id_from_title(title: str) -> str:
    """A valid id made from ``title``: "Calm 4-2-6" -> ``calm-4-2-6``."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    slug = slug[:MAX_ID_LENGTH].rstrip("-")
    return slug or FALLBACK_ID


def unique_id(base: str, taken: Collection[str]) -> str:
    """``base``, or ``base-2``, ``base-3``, ... : the first not in ``taken``."""
    if base not in taken:
        return base
    for number in count(2):
        suffix = f"-{number}"
        candidate = base[: MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")  # pragma: no cover

