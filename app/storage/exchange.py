"""Export the log to CSV or JSON, and import such a file back (merging by session id).

The file format (columns, spreadsheet-safe cells, reading row by row) is
:mod:`app.storage.export_file`'s; this module writes exports and merges them in.
A JSON export also carries the coping plan; importing one merges its entries
into the person's plan (:func:`app.domain.plan.merge_plans`: nothing of theirs
is removed or reworded, and the same file twice adds nothing). The plan is
checked with the sessions and saved inside the sessions' transaction, so a
refused file or a plan that cannot be saved leaves both as they were.

Import checks every row as it reads it and adds it to the log in one
transaction; on any problem the transaction is rolled back, so nothing is
written, and :class:`ImportProblem` names the file, the line (CSV) or the
``sessions[i]`` entry (JSON) and the field, never quoting a note, a tag or a
title. The file is read in pieces, never held whole: a million sessions import
in little memory, with a progress callback for a terminal. Whatever an export
wrote imports back: times are not weighed against the computer's clock, so a
session stamped "in the future" by a clock that ran ahead is restored too.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from app.domain.plan import FIELDS as PLAN_FIELDS
from app.domain.plan import CopingPlan, PlanStore, merge_plans
from app.domain.session import SessionRecord, utc_now
from app.storage.export_file import (
    COLUMNS,
    FORMAT_NAME,
    FORMAT_VERSION,
    FORMULA_STARTS,
    NOT_AN_EXPORT,
    TEXT_COLUMNS,
    ExportSource,
    Progress,
    ReadProblem,
    detect_format,
    neutralise,
    restore,
    upgrade_header,
)
from app.storage.plan import plan_from_json, plan_problems, plan_to_json
from app.storage.records import (
    TAG_SEPARATOR,
    Format,
    format_time,
    is_log_uuid,
    parse_time,
    quoted,
    record_fields,
    record_problems,
)
from app.storage.sessions import SqliteSessionStore

__all__ = [
    "COLUMNS", "FORMAT_NAME", "FORMAT_VERSION", "FORMULA_STARTS", "NOT_AN_EXPORT",
    "TEXT_COLUMNS", "ImportProblem", "ImportResult", "Progress",
    "detect_format", "export_csv", "export_json", "export_records", "export_store",
    "import_file", "neutralise", "read_export", "read_export_all", "record_to_json",
    "restore",
]

#: How many problems an ImportProblem lists before "and N more".
MAX_LISTED = 10
#: How many problems are kept at all (a million bad rows are counted, not kept).
MAX_KEPT = 1000
#: A file this large holds tens of thousands of sessions: indexes are made afresh after.
MANY_BYTES = 8 * 1024 * 1024
#: Report progress after this many rows.
PROGRESS_EVERY = 2000


class TextSink(Protocol):
    """Where an export is written: an open text file, or anything with ``write``."""

    def write(self, text: str, /) -> int: ...


class ImportProblem(Exception):
    """A file that cannot be imported; nothing was written. ``problems`` lists why.

    ``more`` counts problems found beyond those kept in ``problems``.
    """

    def __init__(self, problems: list[str], more: int = 0) -> None:
        self.problems = problems
        total = len(problems) + more
        listed = problems[:MAX_LISTED]
        text = "Nothing was imported. " + (
            listed[0] if total == 1 else "Problems:\n  " + "\n  ".join(listed)
        )
        if total > len(listed):
            text += f"\n  ... and {total - len(listed):,} more"
        super().__init__(text)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    already_present: int  # sessions whose id the log already had; left as they were
    plan_added: int = 0  # entries of the export's coping plan that were new to the person's
    had_plan: bool = False  # the export held a coping plan


# ---------------------------------------------------------------------- export


#: A session as a JSON object (the same fields as a CSV row).
record_to_json = record_fields


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


def export_json(records: Iterable[SessionRecord], out: TextSink,
                plan: CopingPlan | None = None) -> int:
    """The sessions, and ``plan`` when it holds anything (else ``"plan": null``);
    returns the number of sessions."""
    sessions = [record_to_json(r) for r in records]
    payload = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "exported_at": format_time(utc_now()),
        "plan": plan_to_json(plan) if plan is not None and not plan.is_empty() else None,
        "sessions": sessions,
    }
    json.dump(payload, out, ensure_ascii=False, indent=2, allow_nan=False)
    out.write("\n")
    return len(sessions)


def export_records(records: Iterable[SessionRecord], out: TextSink, fmt: Format = "csv",
                   plan: CopingPlan | None = None) -> int:
    """The sessions as ``fmt``; the plan goes into JSON only (CSV holds sessions)."""
    if fmt == "json":
        return export_json(records, out, plan)
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
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        return value
    problems.append(f"{name} must be a whole number from 0 to 10 or empty")
    return None


def _time(name: str, value: object, problems: list[str], *, optional: bool) -> Any:
    if value is None and optional:
        return None
    if isinstance(value, str):
        try:
            return parse_time(value)
        except (ValueError, OverflowError):
            pass
    problems.append(f"{name}{quoted(value)} is not a date and time like 2026-03-01T21:04:05Z")
    return None


def build_record(values: dict[str, Any]) -> tuple[SessionRecord | None, list[str]]:
    """A record from typed values (as JSON holds them), or the problems found."""
    problems: list[str] = []
    session_id = values["id"]
    if not is_log_uuid(session_id):  # an id typed in capitals, say, is written as the log does
        import uuid  # here, not at the top: the command line loads this module on every start

        try:
            session_id = str(uuid.UUID(session_id))
        except (ValueError, TypeError, AttributeError):
            problems.append(f"id{quoted(session_id)} is not a uuid")
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
    problems = record_problems(record)
    return (None if problems else record), problems


class _Checker:
    """Checks an export row by row: the records, and what is wrong, kept in bounds."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []
        self.more = 0
        self.rows = 0
        #: uuid as a number -> where it was first given (see _place): a million ids fit
        #: in about a hundred megabytes.
        self._seen: dict[int, int] = {}

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    def check(self, where: str, values: dict[str, Any] | None,
              problems: list[str]) -> SessionRecord | None:
        """The row's record when it is good; else None, and its problems noted."""
        self.rows += 1
        record = None
        if values is not None and not problems:
            record, problems = build_record(values)
        if record is not None:
            key = int(record.id.replace("-", ""), 16)
            place = _place(where)
            first = self._seen.setdefault(key, place)
            if first != place:
                problems = [f"id {record.id} was already given at {_where(first)}"]
                record = None
        for problem in problems:
            if len(self.problems) < MAX_KEPT:
                self.problems.append(f"{self.path}: {where}: {problem}")
            else:
                self.more += 1
        return record

    def refusal(self) -> ImportProblem:
        return ImportProblem(self.problems, self.more)


def _place(where: str) -> int:
    """``line 7`` as 7, ``sessions[3]`` as -4: a small number to remember a row by."""
    if where.startswith("line "):
        return int(where[5:])
    return -1 - int(where[9:-1])


def _where(place: int) -> str:
    return f"line {place}" if place >= 0 else f"sessions[{-1 - place}]"


def _records(source: ExportSource, checker: _Checker,
             progress: Progress | None) -> Iterator[SessionRecord]:
    """Every good record of ``source``, in order; problems go to ``checker``."""
    try:
        for where, values, problems in source.rows():
            record = checker.check(where, values, problems)
            if progress is not None and checker.rows % PROGRESS_EVERY == 0:
                progress(source.bytes_read, source.size)
            if record is not None:
                yield record
    except ReadProblem as problem:
        checker.problems.insert(0, str(problem))
    if progress is not None:
        progress(source.bytes_read, source.size)


def _plan_in(source: ExportSource, checker: _Checker) -> CopingPlan | None:
    """The coping plan the export holds (None for none, or a CSV); problems to ``checker``."""
    if not source.header or checker.failed:
        return None
    value = upgrade_header(source.header).get("plan")
    if value is None:
        return None
    problems = plan_problems(value)
    if problems:
        checker.problems.extend(f"{checker.path}: plan: {p}" for p in problems)
        return None
    plan, _ = plan_from_json(value)
    return plan


def _merge_plan(plans: PlanStore, plan: CopingPlan) -> int:
    """Merge ``plan`` into the person's; returns how many entries were new."""
    current = plans.load()
    merged = merge_plans(current, plan)
    if merged != current:
        plans.save(merged)
    return sum(len(getattr(merged, name)) - len(getattr(current, name)) for name in PLAN_FIELDS)


def _open(path: Path) -> ExportSource:
    try:
        return ExportSource(Path(path))
    except ReadProblem as problem:
        raise ImportProblem([str(problem)]) from problem


def read_export(path: Path) -> list[SessionRecord]:
    """Every session in the export at ``path``, all checked; raises ImportProblem."""
    return read_export_all(path)[0]


def read_export_all(path: Path) -> tuple[list[SessionRecord], CopingPlan | None]:
    """The sessions and the coping plan (None when it has none) in the export at ``path``,
    all checked; raises ImportProblem."""
    checker = _Checker(Path(path))
    with _open(path) as source:
        records = list(_records(source, checker, None))
        plan = _plan_in(source, checker)
    if checker.failed:
        raise checker.refusal()
    return records, plan


def import_file(store: SqliteSessionStore, path: Path, *,
                progress: Progress | None = None,
                plans: PlanStore | None = None) -> ImportResult:
    """Merge the export at ``path`` into ``store`` in one transaction, as it is read.

    Sessions already in the log (same id) are left as they are, so importing a
    file twice adds nothing; except that one the log has as interrupted is
    completed by an ended copy (a session saved to a file when the disk was full).
    The export's coping plan is merged into ``plans``
    (left out when None). On any problem the transaction is rolled back:
    nothing is written, and ImportProblem (or StorageError, when the plan
    cannot be read or saved) says why.
    """
    checker = _Checker(Path(path))
    added = total = plan_added = 0
    with _open(path) as source, store.merging(many=source.size > MANY_BYTES) as add:
        for record in _records(source, checker, progress):
            total += 1
            if not checker.failed:
                added += add(record, checked=True)
        plan = _plan_in(source, checker)
        if checker.failed:
            raise checker.refusal()  # rolls the whole import back
        if plan is not None and plans is not None:
            plan_added = _merge_plan(plans, plan)  # an error here rolls the sessions back
    return ImportResult(added=added, already_present=total - added, plan_added=plan_added,
                        had_plan=plan is not None)
