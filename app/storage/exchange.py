"""Export the log to CSV or JSON, and import such a file back (merging by session id).

Both formats carry every field. JSON is ``{"format": "steady-log", "version": 1,
"sessions": [...]}``. CSV has one header row naming :data:`COLUMNS`; tags are
joined with ``;``; times are ISO 8601 UTC.

Spreadsheet formulas: a text cell (exercise id, title, note, tags) that starts
with ``= + - @``, a tab, a carriage return or an apostrophe is written with one
more apostrophe in front, so a spreadsheet shows it as text instead of running
it. Import removes exactly that apostrophe again, so the round trip is exact.

Import checks the whole file before touching the log; on any problem nothing is
written and :class:`ImportProblem` names the file, the line (CSV) or the
``sessions[i]`` entry (JSON), and what is wrong. Whether a file is JSON or CSV
is read from its first character, never from its name, so an export imports
back whatever it was called; a file that is neither says so without quoting it.
"""

from __future__ import annotations

import csv
import io
import json
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from app.domain.reasons import os_reason
from app.domain.session import SessionRecord, utc_now
from app.storage.records import (
    TAG_SEPARATOR,
    Format,
    format_time,
    parse_time,
    record_problems,
)
from app.storage.sessions import SqliteSessionStore

FORMAT_NAME = "steady-log"
FORMAT_VERSION = 1
COLUMNS: tuple[str, ...] = (
    "id", "exercise_id", "exercise_title", "started_at", "ended_at", "status", "before",
    "after", "numb_before", "numb_after", "planned_seconds", "practised_seconds", "note",
    "tags",
)
TEXT_COLUMNS = frozenset({"exercise_id", "exercise_title", "note", "tags"})
#: A cell starting with one of these is neutralised with a leading apostrophe.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
MAX_IMPORT_BYTES = 256 * 1024 * 1024
#: How many problems an ImportProblem lists before "and N more".
MAX_LISTED = 10
#: For a file that is neither kind of export; it quotes nothing of the file.
NOT_AN_EXPORT = (
    "not a Steady export: a Steady export is either JSON starting with { or CSV starting "
    "with the header row " + ",".join(COLUMNS[:3]) + ",..."
)


class TextSink(Protocol):
    """Where an export is written: an open text file, or anything with ``write``."""

    def write(self, text: str, /) -> int: ...


class ImportProblem(Exception):
    """A file that cannot be imported; nothing was written. ``problems`` lists why."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        listed = problems[:MAX_LISTED]
        more = len(problems) - len(listed)
        text = "Nothing was imported. " + (
            listed[0] if len(problems) == 1 else "Problems:\n  " + "\n  ".join(listed)
        )
        if more:
            text += f"\n  ... and {more} more"
        super().__init__(text)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    already_present: int  # sessions whose id the log already had; left as they were


# ---------------------------------------------------------------------- export


def neutralise(text: str) -> str:
    """``text`` made safe for a spreadsheet cell (see the module notes)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def restore(cell: str) -> str:
    """Undo :func:`neutralise`."""
    if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS):
        return cell[1:]
    return cell


def record_to_json(record: SessionRecord) -> dict[str, Any]:
    return {
        "id": record.id,
        "exercise_id": record.exercise_id,
        "exercise_title": record.exercise_title,
        "started_at": format_time(record.started_at),
        "ended_at": format_time(record.ended_at) if record.ended_at else None,
        "status": record.status,
        "before": record.before,
        "after": record.after,
        "numb_before": record.numb_before,
        "numb_after": record.numb_after,
        "planned_seconds": float(record.planned_seconds),
        "practised_seconds": float(record.practised_seconds),
        "note": record.note,
        "tags": list(record.tags),
    }


def _csv_cells(record: SessionRecord) -> list[str]:
    values = record_to_json(record)
    cells: list[str] = []
    for column in COLUMNS:
        value = values[column]
        if column == "tags":
            value = TAG_SEPARATOR.join(value)
        if value is None:
            cell = ""
        elif isinstance(value, bool):
            cell = "true" if value else "false"
        else:
            cell = repr(value) if isinstance(value, float) else str(value)
        cells.append(neutralise(cell) if column in TEXT_COLUMNS else cell)
    return cells


def export_csv(records: Iterable[SessionRecord], out: TextSink) -> int:
    """Write a header and one row per record; returns the number of rows.

    Open ``out`` with ``newline=""``: rows end in CRLF, line breaks inside notes
    are kept inside quoted cells.
    """
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    count = 0
    for record in records:
        writer.writerow(_csv_cells(record))
        count += 1
    return count


def export_json(records: Iterable[SessionRecord], out: TextSink) -> int:
    sessions = [record_to_json(r) for r in records]
    payload = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": format_time(utc_now()),
        "sessions": sessions,
    }
    json.dump(payload, out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")
    return len(sessions)


def export_records(records: Iterable[SessionRecord], out: TextSink, fmt: Format = "csv") -> int:
    if fmt == "json":
        return export_json(records, out)
    if fmt == "csv":
        return export_csv(records, out)
    raise ValueError(f"unknown export format {fmt!r}")


def export_store(store: SqliteSessionStore, out: TextSink, fmt: Format = "csv") -> int:
    """The whole log, oldest session first."""
    return export_records(reversed(store.sessions()), out, fmt)


# ---------------------------------------------------------------------- import


def _int_or_none(name: str, value: object, problems: list[str]) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if value is None or isinstance(value, int):
        return value
    problems.append(f"{name} must be a whole number from 0 to 10 or empty, not {value!r}")
    return None


def _time(name: str, value: object, problems: list[str], *, optional: bool) -> datetime | None:
    if value is None and optional:
        return None
    if isinstance(value, str):
        try:
            return parse_time(value)
        except (ValueError, OverflowError):
            pass
    problems.append(f"{name} {value!r} is not a date and time like 2026-03-01T21:04:05Z")
    return None


def _build(values: dict[str, Any], now: datetime) -> tuple[SessionRecord | None, list[str]]:
    """A record from typed values (as JSON holds them), or the problems found."""
    import uuid  # here, not at the top: the command line loads this module on every start

    problems: list[str] = []
    session_id = values["id"]
    try:
        session_id = str(uuid.UUID(session_id))
    except (ValueError, TypeError, AttributeError):
        problems.append(f"id {session_id!r} is not a uuid")
    started = _time("started_at", values["started_at"], problems, optional=False)
    ended = _time("ended_at", values["ended_at"], problems, optional=True)
    before = _int_or_none("before", values["before"], problems)
    after = _int_or_none("after", values["after"], problems)
    tags = values["tags"]
    if not isinstance(tags, list):
        problems.append("tags must be a list of text")
    if problems or started is None:
        return None, problems
    record = SessionRecord(
        id=session_id, exercise_id=values["exercise_id"],
        exercise_title=values["exercise_title"], started_at=started, ended_at=ended,
        status=values["status"], before=before, after=after,
        numb_before=values["numb_before"], numb_after=values["numb_after"],
        planned_seconds=values["planned_seconds"],
        practised_seconds=values["practised_seconds"], note=values["note"],
        tags=tuple(tags),
    )
    problems = record_problems(record, now=now)
    return (None if problems else record), problems


def _csv_values(cells: dict[str, str], problems: list[str]) -> dict[str, Any]:
    values: dict[str, Any] = {k: restore(v) if k in TEXT_COLUMNS else v for k, v in cells.items()}
    for name in ("before", "after"):
        text = values[name].strip()
        try:
            values[name] = int(text) if text else None
        except ValueError:
            problems.append(f"{name} must be a whole number from 0 to 10 or empty, not {text!r}")
            values[name] = None
    for name in ("numb_before", "numb_after"):
        text = values[name].strip().lower()
        if text in ("true", "1", "yes"):
            values[name] = True
        elif text in ("false", "0", "no", ""):
            values[name] = False
        else:
            problems.append(f"{name} must be true or false, not {values[name]!r}")
    for name in ("planned_seconds", "practised_seconds"):
        text = values[name].strip()
        try:
            values[name] = float(text) if text else 0.0
        except ValueError:
            problems.append(f"{name} must be a number of seconds, not {text!r}")
            values[name] = 0.0
    values["ended_at"] = values["ended_at"] or None
    parts = (t.strip() for t in values["tags"].split(TAG_SEPARATOR))
    values["tags"] = [t for t in parts if t]
    return values


def _column_problems(found: list[str], word: str = "columns") -> list[str]:
    problems = []
    missing = [c for c in COLUMNS if c not in found]
    unknown = [c for c in found if c not in COLUMNS]
    twice = sorted({c for c in found if found.count(c) > 1})
    if missing:
        problems.append(f"missing {word}: " + ", ".join(missing))
    if unknown:
        problems.append(f"unknown {word}: " + ", ".join(repr(c) for c in unknown))
    if twice:
        problems.append(f"{word} given twice: " + ", ".join(twice))
    return problems


def _read_csv(text: str) -> Iterable[tuple[str, dict[str, Any] | None, list[str]]]:
    """(where, values, problems) per data row; the header's problems come first."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
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
            values = _csv_values(dict(zip(columns, row, strict=True)), problems)
            yield where, values, problems
    except csv.Error as error:
        problem = f"not readable as CSV ({error})"
        if "field limit" in str(error):
            problem = "a cell is far longer than any field of a Steady log can be"
        yield f"line {reader.line_num}", None, [problem]


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number a log can hold")


def _read_json(text: str) -> Iterable[tuple[str, dict[str, Any] | None, list[str]]]:
    try:
        payload = json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as error:
        yield f"line {error.lineno}", None, [f"not valid JSON ({error.msg})"]
        return
    except (ValueError, RecursionError) as error:
        yield "top", None, [f"not valid JSON ({error})"]
        return
    if not isinstance(payload, dict) or payload.get("format") != FORMAT_NAME:
        yield "top", None, [f"not a Steady export (no \"format\": \"{FORMAT_NAME}\")"]
        return
    version = payload.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        yield "top", None, [f"unknown export version {version!r}"]
        return
    if version > FORMAT_VERSION:
        yield "top", None, [f"made by a newer Steady (export version {version}); update Steady"]
        return
    sessions = payload.get("sessions")
    if not isinstance(sessions, list):
        yield "top", None, ["\"sessions\" must be a list"]
        return
    for index, item in enumerate(sessions):
        where = f"sessions[{index}]"
        if not isinstance(item, dict):
            yield where, None, ["a session must be an object"]
            continue
        problems = _column_problems(list(item), "keys")
        yield where, (None if problems else item), problems


def detect_format(text: str) -> Format:
    """JSON when the first character that is not white space (after an optional BOM)
    is ``{`` or ``[``; otherwise CSV.

    The file's name is not consulted, so any Steady export imports whatever it is
    called (``export --format json -o log.csv`` included).
    """
    return "json" if text.lstrip().lstrip("\ufeff").lstrip()[:1] in ("{", "[") else "csv"


def _read_text(path: Path) -> str:
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # reading a pipe or a device might never end
            raise ImportProblem([f"{path}: not an ordinary file, so not a Steady export"])
        if info.st_size > MAX_IMPORT_BYTES:
            raise ImportProblem([f"{path}: the file is larger than any Steady export could be"])
        with path.open("rb") as handle:
            data = handle.read(MAX_IMPORT_BYTES + 1)
        if len(data) > MAX_IMPORT_BYTES:  # it grew while being read
            raise ImportProblem([f"{path}: the file is larger than any Steady export could be"])
    except OSError as error:
        raise ImportProblem([f"{path}: could not be read ({os_reason(error)})"]) from error
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportProblem(
            [f"{path}: not UTF-8 text (at byte {error.start}); export it again from Steady"]
        ) from error


def read_export(path: Path, *, now: datetime | None = None) -> list[SessionRecord]:
    """Every session in the export at ``path``, all checked; raises ImportProblem."""
    path = Path(path)
    text = _read_text(path)
    if not text.strip():
        raise ImportProblem([f"{path}: the file is empty"])
    rows = _read_json(text) if detect_format(text) == "json" else _read_csv(text)
    moment = now or utc_now()
    records: list[SessionRecord] = []
    problems: list[str] = []
    seen: dict[str, str] = {}
    for where, values, row_problems in rows:
        record = None
        if values is not None and not row_problems:
            record, row_problems = _build(values, moment)
        if record is not None:
            if record.id in seen:
                row_problems = [f"id {record.id} was already given at {seen[record.id]}"]
            seen.setdefault(record.id, where)
        problems.extend(f"{path}: {where}: {p}" for p in row_problems)
        if record is not None and not row_problems:
            records.append(record)
    if problems:
        raise ImportProblem(problems)
    return records


def import_file(
    store: SqliteSessionStore, path: Path, *, now: datetime | None = None
) -> ImportResult:
    """Merge the export at ``path`` into ``store`` in one transaction.

    Sessions already in the log (same id) are left as they are, so importing a
    file twice adds nothing. On any problem nothing is written.
    """
    records = read_export(path, now=now)
    added = store.merge(records)
    return ImportResult(added=added, already_present=len(records) - added)
