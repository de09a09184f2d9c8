"""Export and import: exact round trips, formula-safe CSV, bad files change nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.session import MAX_NOTE_CHARS, STATUSES, SessionRecord
from app.storage.db import DB_NAME
from app.storage.errors import StorageError
from app.storage.exchange import (
    COLUMNS,
    ImportProblem,
    export_csv,
    export_json,
    export_records,
    export_store,
    import_file,
    neutralise,
    read_export,
    restore,
)
from app.storage.sessions import SqliteSessionStore, memory_store, open_store

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)
START = datetime(2026, 3, 1, 8, tzinfo=UTC)

TRICKY_NOTES = [
    'said "enough", then left',
    "first line\nsecond line\r\nthird\rfourth",
    "=cmd|' /C calc'!A0",
    "+1 555 0100",
    "-2 after the call",
    "@SUM(A1:A2)",
    "\tstarts with a tab",
    "\rstarts with a return",
    "'quoted already",
    "'=looks neutralised",
    "''",
    "'",
    "ends with a comma,",
    "ünïcödé, emoji 🌊 and a \u2028 line separator",
    "",
]


def sample_records() -> list[SessionRecord]:
    records = []
    for i, note in enumerate(TRICKY_NOTES):
        records.append(SessionRecord(
            id=f"5a1d2c3b-0000-4000-8000-{i:012d}",
            exercise_id="box" if i % 3 else "54321",
            exercise_title="Box breathing, slow" if i % 3 else "=5-4-3-2-1",
            started_at=START + timedelta(hours=5 * i, microseconds=i),
            ended_at=None if i % 4 == 0 else START + timedelta(hours=5 * i, minutes=4),
            status=STATUSES[i % 4], before=None if i == 5 else i % 11,
            after=None if i % 3 == 0 else (i * 3) % 11,
            numb_before=i % 2 == 0, numb_after=i % 5 == 0,
            planned_seconds=300.0 + i / 3, practised_seconds=(i * 17.25) % 300,
            note=note,
            tags=(("work", "=odd tag", "night") if i % 2 else ("-minus",))[: i % 4],
        ))
    return records


@pytest.fixture
def seeded(data_dir: Path) -> Iterator[SqliteSessionStore]:
    store, _ = open_store(data_dir)
    with store:
        for record in sample_records():
            store.save(record)
        yield store


def by_id(records: list[SessionRecord]) -> dict[str, SessionRecord]:
    return {r.id: r for r in records}


def log_digest(data_dir: Path) -> str:
    files = [data_dir / DB_NAME, data_dir / f"{DB_NAME}-wal"]
    return hashlib.sha256(b"".join(f.read_bytes() for f in files if f.exists())).hexdigest()


# ---------------------------------------------------------------------- round trips


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_export_then_import_into_an_empty_folder(seeded: SqliteSessionStore, tmp_path: Path,
                                                 fmt: str) -> None:
    export = tmp_path / f"log.{fmt}"
    with export.open("w", encoding="utf-8", newline="") as out:
        assert export_store(seeded, out, fmt) == len(TRICKY_NOTES)  # type: ignore[arg-type]
    fresh, _ = open_store(tmp_path / "elsewhere")
    with fresh:
        result = import_file(fresh, export)
        assert (result.added, result.already_present) == (len(TRICKY_NOTES), 0)
        assert fresh.sessions() == seeded.sessions()  # every field, same order
        assert by_id(fresh.sessions()) == by_id(sample_records())
        again = import_file(fresh, export)
        assert (again.added, again.already_present) == (0, len(TRICKY_NOTES))
        assert fresh.count() == len(TRICKY_NOTES)
        assert fresh.known_tags() == seeded.known_tags()


def test_import_merges_and_keeps_what_is_already_there(seeded: SqliteSessionStore,
                                                       tmp_path: Path) -> None:
    records = sample_records()
    changed = records[0].with_(note="edited elsewhere")
    new = SessionRecord("walk", "Walk", START, before=4, after=2, status="completed")
    export = tmp_path / "other.json"
    with export.open("w", encoding="utf-8") as out:
        export_json([changed, new], out)
    result = import_file(seeded, export)
    assert (result.added, result.already_present) == (1, 1)
    assert seeded.get(records[0].id) == records[0]  # the log's own copy wins
    assert seeded.get(new.id) == new


def test_a_session_saved_to_a_file_completes_the_interrupted_row(data_dir: Path,
                                                                   tmp_path: Path) -> None:
    """The disk filled after the first rating: the log kept the row as it was begun
    (interrupted at the next start), the whole session went to a file ("Save to a
    file…"). Importing that file completes the row, tags and all; a running row, or an
    ended one, is never changed by an import."""
    begun = SessionRecord("box", "Box breathing", START, before=8, status="running")
    ended = begun.with_(status="stopped", after=3, note="kept in a file", tags=("work",),
                        ended_at=START + timedelta(minutes=2), practised_seconds=95.0)
    store, _ = open_store(data_dir)
    with store:
        store.save(begun)
        store.mark_interrupted()
        saved = tmp_path / "saved.json"
        with saved.open("w", encoding="utf-8") as out:
            export_json([ended], out)
        result = import_file(store, saved)
        assert result.added == 1
        assert store.get(begun.id) == ended
        assert store.known_tags() == ["work"]
        changed = ended.with_(note="an ended row is the log's own")
        with saved.open("w", encoding="utf-8") as out:
            export_json([changed], out)
        assert import_file(store, saved).added == 0
        assert store.get(begun.id) == ended


def test_export_csv_cells(tmp_path: Path) -> None:
    records = sample_records()
    out = io.StringIO(newline="")
    export_csv(records, out)
    text = out.getvalue()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == list(COLUMNS)
    notes = [row[COLUMNS.index("note")] for row in rows[1:]]
    for cell, note in zip(notes, TRICKY_NOTES, strict=True):
        if note[:1] in ("=", "+", "-", "@", "\t", "\r", "'"):
            assert cell == "'" + note
        else:
            assert cell == note
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["exercise_title"] == "'=5-4-3-2-1"
    assert first["started_at"] == "2026-03-01T08:00:00.000000Z"
    assert first["ended_at"] == "" and first["before"] == "0" and first["after"] == ""
    assert first["numb_before"] == "true" and first["numb_after"] == "true"
    assert first["planned_seconds"] == "300.0" and first["tags"] == ""
    assert rows[2][COLUMNS.index("tags")] == "work"
    assert rows[3][COLUMNS.index("tags")] == "'-minus"
    assert rows[4][COLUMNS.index("tags")] == "work;=odd tag;night"
    # Only the row separators are CRLF; a note's own line breaks stay inside quotes.
    assert text.count('"first line\nsecond line\r\nthird\rfourth"') == 1


def test_every_exported_cell_is_safe_in_a_spreadsheet() -> None:
    out = io.StringIO(newline="")
    export_csv(sample_records(), out)
    for row in csv.reader(io.StringIO(out.getvalue(), newline="")):
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


@pytest.mark.parametrize("text", ["", "plain", "=1+1", "'", "''", "'=x", "'a", "-", "@@", "a=b"])
def test_neutralise_is_undone_exactly(text: str) -> None:
    assert restore(neutralise(text)) == text


def test_restore_leaves_hand_written_apostrophes() -> None:
    assert restore("'hello") == "'hello"
    assert restore("it's") == "it's"


def test_json_export_shape(tmp_path: Path) -> None:
    out = io.StringIO()
    assert export_records(sample_records()[:2], out, "json") == 2
    payload = json.loads(out.getvalue())
    assert payload["format"] == "steady-log" and payload["version"] == 2
    assert list(payload) == ["format", "version", "exported_at", "plan", "sessions"]
    assert payload["plan"] is None  # no plan given: null, never an empty one
    first = payload["sessions"][0]
    assert list(first) == list(COLUMNS)
    assert first["before"] == 0 and first["after"] is None and first["tags"] == []
    assert first["numb_before"] is True and first["ended_at"] is None
    with pytest.raises(ValueError):
        export_records([], out, "xml")  # type: ignore[arg-type]


def test_format_is_detected_by_content_when_the_name_says_nothing(tmp_path: Path) -> None:
    records = sample_records()[:3]
    for fmt in ("csv", "json"):
        path = tmp_path / f"export-{fmt}.txt"
        with path.open("w", encoding="utf-8", newline="") as out:
            export_records(records, out, fmt)  # type: ignore[arg-type]
        assert by_id(read_export(path)) == by_id(records)


@pytest.mark.parametrize(("fmt", "name"), [("json", "rt.csv"), ("csv", "rt.json"),
                                           ("json", "rt"), ("csv", "rt.JSON")])
def test_format_is_read_from_the_content_not_the_name(tmp_path: Path, fmt: str,
                                                      name: str) -> None:
    """`export --format json -o rt.csv` imports back, whatever the file is called."""
    records = sample_records()[:3]
    path = tmp_path / name
    with path.open("w", encoding="utf-8", newline="") as out:
        export_records(records, out, fmt)  # type: ignore[arg-type]
    assert by_id(read_export(path)) == by_id(records)


def test_json_after_a_bom_and_blank_lines_is_json(tmp_path: Path) -> None:
    out = io.StringIO()
    export_json(sample_records()[:2], out)
    path = tmp_path / "exported.csv"
    path.write_bytes(("\ufeff \r\n\t" + out.getvalue()).encode("utf-8"))
    assert by_id(read_export(path)) == by_id(sample_records()[:2])


@pytest.mark.parametrize("name", ["diary.json", "diary.csv", "diary.txt"])
def test_a_file_that_is_neither_export_says_so_without_quoting_it(
        seeded: SqliteSessionStore, data_dir: Path, tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("Dear diary, today was hard\nbut I got through it\n", encoding="utf-8")
    problem = assert_refused(seeded, data_dir, path, "not a Steady export")
    assert "diary, today" not in str(problem) and "hard" not in str(problem)


@pytest.mark.parametrize("text", ["", "  \r\n\t\n", "\ufeff\n"])
def test_an_empty_file_says_it_is_empty(seeded: SqliteSessionStore, data_dir: Path,
                                        tmp_path: Path, text: str) -> None:
    for name in ("empty.json", "empty.csv"):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        assert_refused(seeded, data_dir, path, "the file is empty")


def test_utf8_bom_and_hand_edits_are_accepted(tmp_path: Path) -> None:
    header = ",".join(COLUMNS)
    row = ("5A1D2C3B-0000-4000-8000-000000000001,box,Box,2026-03-01 08:00:00,,completed,"
           " 7 ,3,Yes,0,300,280.5,ok, work ; night ")
    path = tmp_path / "edited.csv"
    path.write_bytes(("\ufeff" + header + "\n" + row + "\n\n").encode("utf-8"))
    (record,) = read_export(path)
    assert record.id == "5a1d2c3b-0000-4000-8000-000000000001"
    assert record.started_at == datetime(2026, 3, 1, 8, tzinfo=UTC)  # no zone: UTC
    assert (record.before, record.after, record.numb_before, record.numb_after) == (
        7, 3, True, False)
    assert record.tags == ("work", "night") and record.practised_seconds == 280.5


def test_a_header_only_file_imports_nothing(seeded: SqliteSessionStore, tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text(",".join(COLUMNS) + "\r\n", encoding="utf-8")
    assert import_file(seeded, path).added == 0


# ---------------------------------------------------------------------- bad files

Mutation = Callable[[dict[str, str]], None]


def set_cell(column: str, value: str) -> Mutation:
    def change(row: dict[str, str]) -> None:
        row[column] = value
    return change


BAD_CSV_ROWS: list[tuple[Mutation, str]] = [
    (set_cell("before", "11"), "before is 11, outside 0 to 10"),
    (set_cell("after", "-1"), "after is -1, outside 0 to 10"),
    (set_cell("before", "seven"), "before must be a whole number"),
    (set_cell("before", "7.5"), "before must be a whole number"),
    (set_cell("started_at", "2026-13-45T00:00:00Z"), "is not a date and time"),
    (set_cell("started_at", ""), "is not a date and time"),
    (set_cell("started_at", "1969-07-20T20:17:00Z"), "before 1970"),
    (set_cell("note", "n" * (MAX_NOTE_CHARS + 1)), "note is 10,001 characters long"),
    (set_cell("status", "paused"), "status 'paused' is not one of"),
    (set_cell("id", "123"), "id '123' is not a uuid"),
    (set_cell("exercise_id", ""), "exercise_id is empty"),
    (set_cell("numb_before", "maybe"), "numb_before must be true or false"),
    (set_cell("planned_seconds", "-5"), "planned_seconds is -5.0, outside"),
    (set_cell("practised_seconds", "nan"), "practised_seconds is nan"),
    (set_cell("practised_seconds", "lots"), "practised_seconds must be a number"),
    (set_cell("tags", "a" * 61), "tags: the 1st tag is longer than 60 characters"),
    (set_cell("note", "nul \x00 inside"), "note contains characters that cannot be stored"),
]


def exported_csv(tmp_path: Path, records: list[SessionRecord]) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    export_csv(records, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    return rows


def write_csv(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> None:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=columns or list(COLUMNS),
                                lineterminator="\r\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def assert_refused(store: SqliteSessionStore, data_dir: Path, path: Path,
                   *expected: str) -> ImportProblem:
    count, digest = store.count(), log_digest(data_dir)
    with pytest.raises(ImportProblem) as caught:
        import_file(store, path)
    message = str(caught.value)
    assert message.startswith("Nothing was imported.")
    for text in (str(path), *expected):
        assert text in message, (text, message)
    assert store.count() == count and log_digest(data_dir) == digest
    return caught.value


@pytest.mark.parametrize(("mutate", "expected"), BAD_CSV_ROWS,
                         ids=[e for _, e in BAD_CSV_ROWS])
def test_bad_csv_row_changes_nothing(seeded: SqliteSessionStore, data_dir: Path,
                                     tmp_path: Path, mutate: Mutation, expected: str) -> None:
    new = [SessionRecord("walk", "Walk", START + timedelta(days=i), before=5, after=3,
                         status="completed", note="multi\nline") for i in range(3)]
    rows = exported_csv(tmp_path, new)
    mutate(rows[2])
    path = tmp_path / "bad.csv"
    write_csv(path, rows)
    # Rows 1 and 2 each span two lines (the note has a line break): row 3 starts on line 6.
    problem = assert_refused(seeded, data_dir, path, expected)
    assert problem.problems == [f"{path}: line 6: " + problem.problems[0].split(": line 6: ")[1]]
    assert expected in problem.problems[0]


def test_all_problems_are_listed_up_to_a_limit(seeded: SqliteSessionStore, data_dir: Path,
                                               tmp_path: Path) -> None:
    new = [SessionRecord("walk", "Walk", START + timedelta(hours=i), before=5)
           for i in range(14)]
    rows = exported_csv(tmp_path, new)
    for row in rows:
        row["before"] = "12"
    path = tmp_path / "many.csv"
    write_csv(path, rows)
    problem = assert_refused(seeded, data_dir, path, "line 2:", "line 11:", "and 4 more")
    assert len(problem.problems) == 14


@pytest.mark.parametrize(
    ("columns", "expected"),
    [
        ([c for c in COLUMNS if c != "note"], "line 1: missing columns: note"),
        ([*COLUMNS, "mood"], "line 1: unknown columns: 'mood'"),
        ([*COLUMNS, "note"], "line 1: unknown columns"),
    ],
)
def test_wrong_columns_change_nothing(seeded: SqliteSessionStore, data_dir: Path,
                                      tmp_path: Path, columns: list[str], expected: str) -> None:
    rows = exported_csv(tmp_path, sample_records()[:2])
    path = tmp_path / "columns.csv"
    write_csv(path, rows, columns)
    if columns.count("note") == 2:
        path.write_text(path.read_text(encoding="utf-8").replace(",mood", ""), encoding="utf-8")
        expected = "line 1: columns given twice: note"
    assert_refused(seeded, data_dir, path, expected)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"", "broken.csv: the file is empty"),
        (",".join(COLUMNS).encode() + b"\r\n1,2,3\r\n", "line 2: 3 cells, expected 14"),
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (",".join(COLUMNS).encode() + b"\r\n\"open quote\r\n", "line 2: not readable as CSV"),
    ],
    ids=["empty", "short-row", "not-utf8", "open-quote"],
)
def test_broken_csv_changes_nothing(seeded: SqliteSessionStore, data_dir: Path, tmp_path: Path,
                                    content: bytes, expected: str) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(content)
    assert_refused(seeded, data_dir, path, expected)


def test_ten_megabyte_note_is_refused(seeded: SqliteSessionStore, data_dir: Path,
                                      tmp_path: Path) -> None:
    rows = exported_csv(tmp_path, sample_records()[:2])
    rows[1]["note"] = "x" * 10_000_000
    path = tmp_path / "huge.csv"
    write_csv(path, rows)
    assert_refused(seeded, data_dir, path, "line 3: a cell is far longer")
    doc = {"format": "steady-log", "version": 1,
           "sessions": [json.loads(json.dumps(r)) for r in _json_sessions(2)]}
    doc["sessions"][1]["note"] = "x" * 10_000_000
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert_refused(seeded, data_dir, path, "sessions[1]: note is 10,000,000 characters long")


def test_duplicate_id_in_one_file(seeded: SqliteSessionStore, data_dir: Path,
                                  tmp_path: Path) -> None:
    rows = exported_csv(tmp_path, sample_records()[:2])
    rows.append(dict(rows[0]))
    path = tmp_path / "twice.csv"
    write_csv(path, rows)
    assert_refused(seeded, data_dir, path, "was already given at line 2")


def test_missing_file(seeded: SqliteSessionStore, data_dir: Path, tmp_path: Path) -> None:
    assert_refused(seeded, data_dir, tmp_path / "nowhere.csv", "could not be read")


def _json_sessions(n: int) -> list[dict[str, object]]:
    out = io.StringIO()
    export_json(sample_records()[:n], out)
    sessions: list[dict[str, object]] = json.loads(out.getvalue())["sessions"]
    return sessions


def _set(key: str, value: object) -> Callable[[dict[str, object]], None]:
    def change(doc: dict[str, object]) -> None:
        sessions = doc["sessions"]
        assert isinstance(sessions, list)
        sessions[1][key] = value
    return change


def _drop(key: str) -> Callable[[dict[str, object]], None]:
    def change(doc: dict[str, object]) -> None:
        sessions = doc["sessions"]
        assert isinstance(sessions, list)
        del sessions[1][key]
    return change


BAD_JSON: list[tuple[Callable[[dict[str, object]], None], str]] = [
    (_set("before", 11), "sessions[1]: before is 11, outside 0 to 10"),
    (_set("before", True), "sessions[1]: before must be a whole number"),
    (_set("after", "3"), "sessions[1]: after must be a whole number"),
    (_set("started_at", 1700000000), "sessions[1]: started_at 1700000000 is not a date"),
    (_set("status", "done"), "sessions[1]: status 'done'"),
    (_set("tags", "work"), "sessions[1]: tags must be a list"),
    (_set("tags", ["ok", 5]), "sessions[1]: tags: the 2nd tag is not text"),
    (_set("numb_after", "yes"), "sessions[1]: numb_after must be true or false"),
    (_set("note", None), "sessions[1]: note must be text"),
    (_set("planned_seconds", "300"), "sessions[1]: planned_seconds must be a number"),
    (_set("id", "not-a-uuid"), "sessions[1]: id 'not-a-uuid' is not a uuid"),
    (_drop("note"), "sessions[1]: missing keys: note"),
    (_set("mood", "calm"), "sessions[1]: unknown keys: 'mood'"),
    (lambda doc: doc.update(version=3), "made by a newer Steady (export version 3)"),
    (lambda doc: doc.update(version="1"), "unknown export version"),
    (lambda doc: doc.update(format="something"), "not a Steady export"),
    (lambda doc: doc.update(sessions={}), "\"sessions\" must be a list"),
    (lambda doc: doc["sessions"].insert(0, 3), "sessions[0]: a session must be an object"),  # type: ignore[attr-defined]
]


@pytest.mark.parametrize(("mutate", "expected"), BAD_JSON, ids=[e for _, e in BAD_JSON])
def test_bad_json_changes_nothing(seeded: SqliteSessionStore, data_dir: Path, tmp_path: Path,
                                  mutate: Callable[[dict[str, object]], None],
                                  expected: str) -> None:
    doc: dict[str, object] = {"format": "steady-log", "version": 1,
                              "sessions": _json_sessions(3)}
    doc["sessions"][0]["id"] = "5a1d2c3b-0000-4000-8000-00000000000a"  # type: ignore[index]
    mutate(doc)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    assert_refused(seeded, data_dir, path, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"format": "steady-log",\n "version": 1,\n "sessions": [}', "line 3: not valid JSON"),
        ('{"format": "steady-log", "version": 1, "sessions": [NaN]}', "not valid JSON"),
        ("[1, 2, 3]", "not a Steady export"),
    ],
)
def test_broken_json_changes_nothing(seeded: SqliteSessionStore, data_dir: Path,
                                     tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    assert_refused(seeded, data_dir, path, expected)


def test_failure_while_writing_rolls_back(seeded: SqliteSessionStore, tmp_path: Path) -> None:
    """Even a fault in the middle of the import transaction leaves the log as it was."""
    new = [SessionRecord("walk", "Walk", START + timedelta(hours=i), note=f"n{i}")
           for i in range(5)]
    path = tmp_path / "new.json"
    with path.open("w", encoding="utf-8") as out:
        export_json(new, out)
    count = seeded.count()
    seeded._conn.execute(
        "CREATE TEMP TRIGGER fault BEFORE INSERT ON sessions WHEN NEW.note = 'n3'"
        " BEGIN SELECT RAISE(ABORT, 'simulated disk fault'); END"
    )
    with pytest.raises(StorageError):
        import_file(seeded, path)
    assert seeded.count() == count and seeded.get(new[0].id) is None


# ---------------------------------------------------------------------- property


def _tag() -> st.SearchStrategy[str]:
    chars = st.characters(blacklist_categories=("Cc", "Cs"), blacklist_characters=";")
    return st.text(chars, min_size=1, max_size=15).filter(lambda t: t == t.strip() and t != "")


NOTE_CHARS = st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00")
OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m)))
records_strategy = st.builds(
    SessionRecord,
    exercise_id=st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1,
                        max_size=20).filter(str.strip),
    exercise_title=st.text(NOTE_CHARS, min_size=1, max_size=40).filter(str.strip),
    started_at=st.datetimes(min_value=datetime(1971, 1, 1), max_value=datetime(2026, 5, 1),
                            timezones=OFFSETS),
    id=st.uuids().map(str),
    status=st.sampled_from(STATUSES),
    before=st.none() | st.integers(0, 10),
    after=st.none() | st.integers(0, 10),
    numb_before=st.booleans(),
    numb_after=st.booleans(),
    planned_seconds=st.floats(0, 86_400),
    practised_seconds=st.floats(0, 86_400),
    note=st.one_of(st.sampled_from(TRICKY_NOTES), st.text(NOTE_CHARS, max_size=60))
    .flatmap(lambda head: st.text(NOTE_CHARS, max_size=20).map(lambda tail: head + tail)),
    tags=st.lists(_tag(), max_size=4, unique=True).map(tuple),
).flatmap(lambda r: (st.none() | st.timedeltas(timedelta(0), timedelta(hours=3))).map(
    lambda d: r if d is None else r.with_(ended_at=r.started_at + d)))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(records=st.lists(records_strategy, max_size=6, unique_by=lambda r: r.id),
       fmt=st.sampled_from(["csv", "json"]))
def test_any_records_survive_export_and_import(records: list[SessionRecord], fmt: str) -> None:
    with tempfile.TemporaryDirectory() as folder, memory_store() as source, \
            memory_store() as target:
        for record in records:
            source.save(record)
        path = Path(folder) / f"log.{fmt}"
        with path.open("w", encoding="utf-8", newline="") as out:
            export_store(source, out, fmt)  # type: ignore[arg-type]
        assert import_file(target, path).added == len(records)
        assert by_id(target.sessions()) == by_id(records)
        assert target.sessions() == source.sessions()
