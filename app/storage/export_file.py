"""The export file: its columns and cells, and reading one back row by row.

Both formats carry every field of every session. JSON is ``{"format":
"steady-log", "version": 2, "exported_at": ..., "plan": {...} or null,
"sessions": [...]}``; the coping plan travels in JSON only. CSV has one header
row naming :data:`COLUMNS`; tags are joined with ``;``; times are ISO 8601 UTC.

Versions: 1 had no plan. An older export is brought up to the current version
as it is read (:func:`upgrade_header`, one step per version), so every export
Steady ever wrote still imports.

Spreadsheet formulas: a text cell (exercise id, title, note, tags) that starts
with ``= + - @``, a tab, a carriage return or an apostrophe is written with one
more apostrophe in front, so a spreadsheet shows it as text instead of running
it. Reading removes exactly that apostrophe again, so the round trip is exact.

Reading never holds the whole file: :class:`ExportSource` reads it in pieces
(counting the bytes, for a progress line), CSV row by row and JSON session by
session, so a million sessions take little memory. Whether a file is JSON or
CSV is read from its first character, never from its name. What a row holds
is checked and described by field, and the problems never quote a note, a tag
or a title (they may be shown or logged). Stdlib only.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import Any, TextIO

from app.domain.reasons import os_reason
from app.storage.records import TAG_SEPARATOR, Format, quoted

FORMAT_NAME = "steady-log"
#: 2: the coping plan ("plan") travels with the sessions.
FORMAT_VERSION = 2
COLUMNS: tuple[str, ...] = (
    "id", "exercise_id", "exercise_title", "started_at", "ended_at", "status", "before",
    "after", "numb_before", "numb_after", "planned_seconds", "practised_seconds", "note",
    "tags",
)
TEXT_COLUMNS = frozenset({"exercise_id", "exercise_title", "note", "tags"})
#: Cells whose text is the person's own words: a problem never quotes them.
PRIVATE_COLUMNS = frozenset({"exercise_title", "note", "tags"})
#: A cell starting with one of these is neutralised with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
#: For a file that is neither kind of export; it quotes nothing of the file.
NOT_AN_EXPORT = (
    "not a Steady export: a Steady export is either JSON starting with { or CSV starting "
    "with the header row " + ",".join(COLUMNS[:3]) + ",..."
)
#: Read this much at a time.
CHUNK = 1 << 20
#: A Steady export of a million sessions is a few hundred megabytes; this is far beyond.
MAX_IMPORT_BYTES = 4 * 1024**3
#: No line of a CSV export is this long (a whole row, note included, is far shorter).
MAX_LINE = 16 * CHUNK
#: A value ending this close to the end of what was read may go on: read more first.
#: (Longer than any word of JSON, like ``false``, and than the numbers an export holds.)
TAIL = 64
#: No JSON value of a Steady export is anywhere near this long (a note is at most 10,000
#: characters); one that is, is not read on.
MAX_VALUE = 16 * CHUNK

#: Ratings: plain ASCII digits (a minus sign lets "-1" be said to be out of range).
_WHOLE = re.compile(r"-?[0-9]+")
#: Seconds: plain ASCII digits, a point and an exponent as Python writes a float, or a
#: spelled-out nan or inf (so they are said to be out of range, not unreadable).
_SECONDS = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?|-?(nan|inf|infinity)",
                      re.IGNORECASE)
_JSON_SPACE = re.compile(r"[ \t\n\r]*")

#: (where in the file, the row's values or None, what is wrong with it)
Row = tuple[str, dict[str, Any] | None, list[str]]


class ReadProblem(Exception):
    """The file cannot be read as an export at all; ``str()`` says why."""


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet cell (see the module notes)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(cell: str) -> str:
    """Undo :func:`neutralise`."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def detect_format(text: str) -> Format:
    """JSON when the first character that is not white space (after an optional BOM)
    is ``{`` or ``[``; otherwise CSV.

    The file's name is not consulted, so any Steady export imports whatever it is
    called (``export --format json -o log.csv`` included).
    """
    return "json" if text.lstrip().lstrip("\ufeff").lstrip()[:1] in ("{", "[") else "csv"


# ---------------------------------------------------------------------- the file


class _Counted(io.RawIOBase):
    """A binary file that counts the bytes read from it."""

    def __init__(self, descriptor: int) -> None:
        super().__init__()
        self._file = io.FileIO(descriptor, "rb", closefd=True)
        self.count = 0

    def readable(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._file.fileno()

    def readinto(self, buffer: Any) -> int:
        got = self._file.readinto(buffer) or 0
        self.count += got
        return got

    def close(self) -> None:
        self._file.close()
        super().close()


class ExportSource:
    """An export file opened for reading: a regular file only, read in pieces.

    Raises :class:`ReadProblem` (naming the file) when it cannot be opened, is a
    pipe or a device, or is empty.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            kind = os.stat(path).st_mode
            if not stat.S_ISREG(kind):  # reading a pipe or a device might never end
                raise ReadProblem(f"{path}: not an ordinary file, so not a Steady export")
            descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        except OSError as error:
            raise ReadProblem(f"{path}: could not be read ({os_reason(error)})") from error
        try:
            info = os.fstat(descriptor)
            if not stat.S_ISREG(info.st_mode):
                raise ReadProblem(f"{path}: not an ordinary file, so not a Steady export")
        except BaseException:
            os.close(descriptor)
            raise
        if info.st_size > MAX_IMPORT_BYTES:
            os.close(descriptor)
            raise ReadProblem(f"{path}: the file is larger than any Steady export could be")
        self.size = info.st_size
        #: The JSON export's top-level keys other than the sessions, once they are read
        #: (empty for CSV, which holds sessions only).
        self.header: dict[str, Any] = {}
        self._raw = _Counted(descriptor)
        self.text: TextIO = io.TextIOWrapper(
            self._raw, encoding="utf-8-sig", newline="")  # type: ignore[type-var]
        self.text._CHUNK_SIZE = CHUNK  # type: ignore[attr-defined]

    @property
    def bytes_read(self) -> int:
        return self._raw.count

    def close(self) -> None:
        self.text.close()

    def __enter__(self) -> ExportSource:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def not_utf8(self, error: UnicodeDecodeError) -> ReadProblem:
        where = max(0, self.bytes_read - len(error.object) + error.start)
        return ReadProblem(f"{self.path}: not UTF-8 text (at byte {where}); export it again "
                           "from Steady")

    def _lines(self) -> Iterator[str]:
        """The file's lines; one far longer than any row of an export ends the reading."""
        number = 0
        while line := self.text.readline(MAX_LINE):
            number += 1
            if len(line) >= MAX_LINE and not line.endswith(("\n", "\r")):
                raise ReadProblem(f"{self.path}: line {number} is far longer than any line of "
                                  "a Steady export can be")
            yield line

    def head(self) -> str:
        """The start of the file as text (to tell its format; never an error)."""
        data = os.pread(self._raw.fileno(), 64 * 1024, 0)
        return data.decode("utf-8-sig", errors="ignore")

    def rows(self) -> Iterator[Row]:
        """(where, values, problems) for each session; file-level problems first."""
        head = self.head()
        if not head.strip():
            raise ReadProblem(f"{self.path}: the file is empty")
        try:
            if detect_format(head) == "json":
                yield from _JsonRows(self.text, self.header).rows()
            else:
                yield from _csv_rows(self._lines())
        except UnicodeDecodeError as error:
            raise self.not_utf8(error) from error


# ---------------------------------------------------------------------- CSV


def _column_problems(found: list[str], word: str = "columns") -> list[str]:
    problems = []
    missing = [c for c in COLUMNS if c not in found]
    unknown = [c for c in found if c not in COLUMNS]
    twice = sorted({c for c in found if found.count(c) > 1})
    if missing:
        problems.append(f"missing {word}: " + ", ".join(missing))
    if unknown:
        problems.append(f"unknown {word}: " + ", ".join(repr(c[:40]) for c in unknown))
    if twice:
        problems.append(f"{word} given twice: " + ", ".join(twice))
    return problems


def _csv_rows(lines: Iterable[str]) -> Iterator[Row]:
    """(where, values, problems) per data row; the header's problems come first."""
    reader = csv.reader(lines, strict=True)
    try:
        header = next(reader, None)
        if header is None:
            yield "line 1", None, ["the file is empty"]
            return
        columns = [c.strip() for c in header]
        if not set(columns) & set(COLUMNS):  # not one Steady column: some other file
            yield "line 1", None, [NOT_AN_EXPORT]
            return
        problems = _column_problems(columns)
        if problems:
            yield "line 1", None, problems
            return
        line = reader.line_num
        for row in reader:
            where, line = f"line {line + 1}", reader.line_num
            if not row or row == [""]:
                continue
            if len(row) != len(columns):
                yield where, None, [f"{len(row)} cells, expected {len(columns)}"]
                continue
            problems = []
            values = csv_values(dict(zip(columns, row, strict=True)), problems)
            yield where, values, problems
    except csv.Error as error:
        problem = f"not readable as CSV ({error})"
        if "field limit" in str(error):
            problem = "a cell is far longer than any field of a Steady log can be"
        yield f"line {reader.line_num}", None, [problem]


def csv_values(cells: dict[str, str], problems: list[str]) -> dict[str, Any]:
    """The typed values of one CSV row; what cannot be read is added to ``problems``."""
    values: dict[str, Any] = {k: restore(v) if k in TEXT_COLUMNS else v for k, v in cells.items()}
    for name in ("before", "after"):
        text = values[name].strip(" ")
        if not text:
            values[name] = None
        elif _WHOLE.fullmatch(text) and len(text) < 400:
            values[name] = int(text)
        else:
            problems.append(f"{name} must be a whole number from 0 to 10 in plain digits "
                            "(0-9), or empty")
            values[name] = None
    for name in ("numb_before", "numb_after"):
        text = values[name].strip(" ").lower()
        if text in ("true", "1", "yes"):
            values[name] = True
        elif text in ("false", "0", "no", ""):
            values[name] = False
        else:
            problems.append(f"{name} must be true or false")
    for name in ("planned_seconds", "practised_seconds"):
        text = values[name].strip(" ")
        if not text:
            values[name] = 0.0
        elif _SECONDS.fullmatch(text) and len(text) < 400:
            values[name] = float(text)
        else:
            problems.append(f"{name} must be a number of seconds in plain digits (0-9)")
            values[name] = 0.0
    values["ended_at"] = values["ended_at"] or None
    parts = (t.strip() for t in values["tags"].split(TAG_SEPARATOR))
    values["tags"] = [t for t in parts if t]
    return values


# ---------------------------------------------------------------------- JSON


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a log can hold")


class _Broken(Exception):
    """The JSON cannot be read on; ``where`` and ``problem`` say why."""

    def __init__(self, where: str, problem: str) -> None:
        super().__init__(problem)
        self.where = where
        self.problem = problem


class _JsonRows:
    """A JSON export read value by value: the sessions one at a time, never all at once.

    The top-level object's other keys (format, version...) are read whole; the
    ``sessions`` list is walked element by element. Text is read in pieces and
    kept only from the value being read on.
    """

    def __init__(self, text: TextIO, header: dict[str, Any]) -> None:
        self.header = header  # filled in as the top-level keys are read
        self._buffer = ""
        self._at = 0
        self._rest = text
        self._ended = False
        self._lines_before = 0  # line breaks in text already let go
        self._decoder = json.JSONDecoder(parse_constant=_reject_constant)

    # --- the text

    def _more(self) -> bool:
        """Read the next piece; False at the end of the file."""
        if self._ended:
            return False
        if len(self._buffer) - self._at > MAX_VALUE:
            raise _Broken(self._line(), "a value is far longer than any field of a Steady "
                                        "log can be")
        piece = self._rest.read(CHUNK)
        if not piece:
            self._ended = True
            return False
        self._lines_before += self._buffer.count("\n", 0, self._at)
        self._buffer = self._buffer[self._at:] + piece
        self._at = 0
        return True

    def _line(self, at: int | None = None) -> str:
        end = self._at if at is None else at
        return f"line {self._lines_before + self._buffer.count(chr(10), 0, end) + 1}"

    def _peek(self) -> str:
        """The next character that is not white space ('' at the end)."""
        while True:
            self._at = _JSON_SPACE.match(self._buffer, self._at).end()  # type: ignore[union-attr]
            if self._at < len(self._buffer) or not self._more():
                return self._buffer[self._at:self._at + 1]

    def _expect(self, wanted: str) -> str:
        found = self._peek()
        if not found or found not in wanted:
            shown = " or ".join(repr(w) for w in wanted)
            raise _Broken(self._line(), f"not valid JSON (expecting {shown})")
        self._at += 1
        return found

    def _value(self) -> Any:
        """The next whole JSON value."""
        self._peek()
        while True:
            try:
                value, end = self._decoder.raw_decode(self._buffer, self._at)
            except json.JSONDecodeError as error:
                cut = (error.pos > len(self._buffer) - TAIL
                       or error.msg.startswith("Unterminated"))
                if cut and self._more():
                    continue  # the value goes on in the next piece
                raise _Broken(self._line(error.pos), f"not valid JSON ({error.msg})") from error
            except (ValueError, RecursionError) as error:
                raise _Broken(self._line(), f"not valid JSON ({error})") from error
            if end > len(self._buffer) - TAIL and self._more():
                continue  # a number or a word at the end of a piece may go on in the next
            self._at = end
            return value

    # --- the structure

    def rows(self) -> Iterator[Row]:
        header = self.header
        found_sessions = False
        try:
            if self._peek() != "{":
                yield "top", None, [f"not a Steady export (no \"format\": \"{FORMAT_NAME}\")"]
                return
            self._at += 1
            if self._peek() == "}":
                self._at += 1
            else:
                while True:
                    key = self._value()
                    self._expect(":")
                    if key == "sessions" and self._peek() == "[":
                        found_sessions = True
                        problem = _header_problem(header, partial=True)
                        if problem:
                            yield "top", None, [problem]
                            return
                        yield from self._sessions()
                    else:
                        header[str(key)] = self._value()
                    if self._expect(",}") == "}":
                        break
            if self._peek():
                raise _Broken(self._line(), "not valid JSON (extra data after the end)")
        except _Broken as broken:
            yield broken.where, None, [broken.problem]
            return
        problem = _header_problem(header, partial=False)
        if problem:
            yield "top", None, [problem]
        elif not found_sessions:
            yield "top", None, ["\"sessions\" must be a list"]

    def _sessions(self) -> Iterator[Row]:
        self._at += 1  # the [
        if self._peek() == "]":
            self._at += 1
            return
        index = 0
        while True:
            item = self._value()
            where = f"sessions[{index}]"
            if not isinstance(item, dict):
                yield where, None, ["a session must be an object"]
            else:
                problems = _column_problems(list(item), "keys")
                yield where, (None if problems else item), problems
            index += 1
            if self._expect(",]") == "]":
                return


def _header_problem(header: dict[str, Any], *, partial: bool) -> str | None:
    """What is wrong with the top-level keys read so far (``partial``: more may follow)."""
    fmt = header.get("format")
    if fmt is None and partial:
        return None
    if fmt != FORMAT_NAME:
        return f"not a Steady export (no \"format\": \"{FORMAT_NAME}\")"
    if "version" not in header and partial:
        return None
    version = header.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        return f"unknown export version{quoted(version)}"
    if version > FORMAT_VERSION:
        return f"made by a newer Steady (export version {version}); update Steady"
    if "sessions" in header:
        return "\"sessions\" must be a list"
    return None


def _v1_to_v2(header: dict[str, Any]) -> dict[str, Any]:
    """Version 1 had no coping plan."""
    return {**header, "plan": None, "version": 2}


#: ``UPGRADES[n]`` takes an export's header from version ``n + 1`` to ``n + 2``.
UPGRADES: tuple[Callable[[dict[str, Any]], dict[str, Any]], ...] = (_v1_to_v2,)


def upgrade_header(header: dict[str, Any]) -> dict[str, Any]:
    """``header`` (of a version this Steady reads) as the current version would hold it."""
    version = header.get("version", FORMAT_VERSION)
    for step in UPGRADES[version - 1:]:
        header = step(header)
    return header


#: Called now and then while a file is read: (bytes read, bytes in all).
Progress = Callable[[int, int], None]
