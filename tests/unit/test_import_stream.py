"""Imports read as they go: any row an export wrote comes back; problems name the row
and the field, never the person's words; digits are plain ASCII; memory stays small."""

from __future__ import annotations

import csv
import io
import json
import tempfile
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.session import STATUSES, SessionFilter, SessionRecord
from app.storage import export_file
from app.storage.exchange import (
    COLUMNS,
    ImportProblem,
    export_csv,
    export_json,
    export_records,
    import_file,
    read_export,
)
from app.storage.sessions import SqliteSessionStore, memory_store, open_store

START = datetime(2026, 3, 1, 8, tzinfo=UTC)
SECRET = "my-secret-words"


def walk(i: int, **changes: object) -> SessionRecord:
    record = SessionRecord("walk", "Walk", START + timedelta(hours=i), before=6, after=3,
                           status="completed", note=f"note {i}", tags=("evening",),
                           id=f"5a1d2c3b-0000-4000-8000-{i:012d}")
    return record.with_(**changes)


def write_export(path: Path, records: list[SessionRecord], fmt: str = "csv") -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        export_records(records, out, fmt)  # type: ignore[arg-type]
    return path


def csv_rows(records: list[SessionRecord]) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    export_csv(records, out)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def write_rows(path: Path, rows: list[dict[str, str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\r\n")
        writer.writeheader()
        writer.writerows(rows)
    return path


# --------------------------------------------------------------------------- time


ODD_TIMES = {
    "a clock a year ahead": {"started_at": START + timedelta(days=365)},
    "the year 9999": {"started_at": datetime(9999, 12, 31, 23, tzinfo=UTC),
                      "ended_at": datetime(9999, 12, 31, 23, 30, tzinfo=UTC)},
    "ended an hour before it started (clock set back)": {
        "ended_at": START - timedelta(hours=1)},
}


@pytest.mark.parametrize("fmt", ["csv", "json"])
@pytest.mark.parametrize("case", list(ODD_TIMES))
def test_a_session_stamped_by_an_odd_clock_is_kept_exported_and_imported(
        tmp_path: Path, fmt: str, case: str) -> None:
    odd = walk(1, **ODD_TIMES[case])
    with memory_store() as log:
        log.save(odd)  # the log keeps what happened, as the clock said it
        path = write_export(tmp_path / f"backup.{fmt}", [walk(0), *log.sessions()], fmt)
    with memory_store() as restored:
        result = import_file(restored, path)
        assert result.added == 2
        assert restored.get(odd.id) == odd


# --------------------------------------------------------------------------- digits


@pytest.mark.parametrize("field", ["before", "after", "planned_seconds", "practised_seconds"])
@pytest.mark.parametrize("digits", ["1_0", "\u0661\u0660", "\uff11\uff10", "\u0967", "1\u00a0"])
def test_only_plain_ascii_digits_are_numbers(tmp_path: Path, field: str, digits: str) -> None:
    rows = csv_rows([walk(0), walk(1)])
    rows[1][field] = digits
    path = write_rows(tmp_path / "digits.csv", rows)
    with pytest.raises(ImportProblem) as caught:
        read_export(path)
    (problem,) = caught.value.problems
    assert problem.startswith(f"{path}: line 3: {field} must be a ")
    assert "plain digits (0-9)" in problem and digits not in problem


def test_plain_digits_with_spaces_around_still_read(tmp_path: Path) -> None:
    rows = csv_rows([walk(0)])
    rows[0]["before"] = " 7 "
    rows[0]["practised_seconds"] = " 12.5"
    (record,) = read_export(write_rows(tmp_path / "spaces.csv", rows))
    assert (record.before, record.practised_seconds) == (7, 12.5)


# --------------------------------------------------------------------------- privacy


PRIVATE_FAULTS = {  # the person's own words, each made unusable
    "tags": SECRET + "x" * 60,  # too long
    "note": SECRET + "\x00",  # cannot be stored
    "exercise_title": SECRET * 20,  # too long
}
OTHER_FAULTS = {  # Steady's own fields: a short value may be shown, to help find it
    "status": "paused", "id": "123", "started_at": "yesterday", "before": "seven",
    "planned_seconds": "lots", "numb_before": "maybe",
}


@pytest.mark.parametrize("field", [*PRIVATE_FAULTS, *OTHER_FAULTS])
def test_a_problem_names_the_row_and_field_never_the_person_s_words(tmp_path: Path,
                                                                     field: str) -> None:
    rows = csv_rows([walk(0), walk(1)])
    for row in rows:
        row["note"] = SECRET + " a note kept private"
        row["tags"] = SECRET
        row["exercise_title"] = SECRET
    rows[1][field] = {**PRIVATE_FAULTS, **OTHER_FAULTS}[field]
    path = write_rows(tmp_path / "private.csv", rows)
    with pytest.raises(ImportProblem) as caught:
        read_export(path)
    message = str(caught.value)
    assert SECRET not in message, message
    assert f"line 3: {field}" in message, message


def test_a_json_tag_problem_names_the_tag_by_place(tmp_path: Path) -> None:
    out = io.StringIO()
    export_json([walk(0, tags=("fine", SECRET + ";semi"))], out)
    path = tmp_path / "tags.json"
    path.write_text(out.getvalue(), encoding="utf-8")
    with pytest.raises(ImportProblem) as caught:
        read_export(path)
    assert caught.value.problems == [
        f"{path}: sessions[0]: tags: the 2nd tag contains ';' or a control character"]


# --------------------------------------------------------------------------- streaming


@pytest.fixture
def tiny_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read files a few characters at a time: every value crosses a piece's edge."""
    monkeypatch.setattr(export_file, "CHUNK", 7)
    monkeypatch.setattr(export_file, "TAIL", 6)  # longer than any word of JSON (false)


@pytest.mark.usefixtures("tiny_pieces")
@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_values_across_piece_edges_read_exactly(tmp_path: Path, fmt: str) -> None:
    records = [walk(i, note=f"line one\nline {i} two, \"quoted\" 🌊",
                    planned_seconds=300.0 + i / 7, practised_seconds=1e-05 * i)
               for i in range(12)]
    path = write_export(tmp_path / f"pieces.{fmt}", records, fmt)
    assert read_export(path) == records


@pytest.mark.usefixtures("tiny_pieces")
def test_json_with_sessions_before_its_format_is_read_and_checked(tmp_path: Path) -> None:
    out = io.StringIO()
    export_json([walk(0), walk(1)], out)
    doc = json.loads(out.getvalue())
    reordered = {"sessions": doc["sessions"], "version": 1, "format": "steady-log"}
    path = tmp_path / "reordered.json"
    path.write_text(json.dumps(reordered, indent=1), encoding="utf-8")
    assert [r.id for r in read_export(path)] == [walk(0).id, walk(1).id]
    reordered["format"] = "something else"
    path.write_text(json.dumps(reordered), encoding="utf-8")
    with memory_store() as log, pytest.raises(ImportProblem, match="not a Steady export"):
        import_file(log, path)


def test_progress_is_reported_up_to_the_whole_file(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("app.storage.exchange.PROGRESS_EVERY", 10)
    path = write_export(tmp_path / "many.csv", [walk(i) for i in range(95)])
    seen: list[tuple[int, int]] = []
    with memory_store() as log:
        assert import_file(log, path, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) >= 9
    assert all(total == path.stat().st_size for _, total in seen)
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)
    assert seen[-1][0] == path.stat().st_size


def test_a_problem_late_in_a_long_file_rolls_everything_back(tmp_path: Path) -> None:
    rows = csv_rows([walk(i) for i in range(3000)])
    rows[2990]["after"] = "11"
    path = write_rows(tmp_path / "late.csv", rows)
    with memory_store() as log:
        log.save(walk(5000))
        with pytest.raises(ImportProblem, match="line 2992: after is 11"):
            import_file(log, path)
        assert log.count() == 1, "not one row of the 2,990 good ones was kept"


def test_a_million_bad_rows_are_counted_not_kept(tmp_path: Path) -> None:
    rows = csv_rows([walk(i) for i in range(1500)])
    for row in rows:
        row["before"] = "12"
    with memory_store() as log, pytest.raises(ImportProblem) as caught:
        import_file(log, write_rows(tmp_path / "bad.csv", rows))
    assert len(caught.value.problems) == 1000
    assert str(caught.value).endswith("... and 1,490 more")


def peak_while_importing(path: Path) -> int:
    with tempfile.TemporaryDirectory() as folder:
        store, _ = open_store(Path(folder))
        with store:
            tracemalloc.start()
            try:
                import_file(store, path)
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()


def test_memory_grows_by_an_id_per_row_not_by_the_file(tmp_path: Path) -> None:
    """The import keeps each id (to find one given twice), nothing more of a row."""
    note = "a longer note " * 20
    small = write_export(tmp_path / "small.csv", [walk(i, note=note) for i in range(5_000)])
    large = write_export(tmp_path / "large.csv", [walk(i, note=note) for i in range(25_000)])
    per_row = (peak_while_importing(large) - peak_while_importing(small)) / 20_000
    bytes_per_row = (large.stat().st_size - small.stat().st_size) / 20_000
    assert per_row < 200 < bytes_per_row, (per_row, bytes_per_row)


# --------------------------------------------------------------------------- property


OFFSETS = st.integers(-14 * 60, 14 * 60).map(lambda m: timedelta(minutes=m))
moments = st.datetimes(min_value=datetime(1970, 1, 2), max_value=datetime(9999, 12, 30),
                       timezones=st.just(UTC))
records = st.builds(
    SessionRecord, exercise_id=st.just("box"), exercise_title=st.just("Box"),
    started_at=moments, ended_at=st.none() | moments, id=st.uuids().map(str),
    status=st.sampled_from(STATUSES), before=st.none() | st.integers(0, 10),
    after=st.none() | st.integers(0, 10), planned_seconds=st.floats(0, 86_400),
    practised_seconds=st.floats(0, 86_400),
)


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(records, max_size=6, unique_by=lambda r: r.id), st.sampled_from(["csv", "json"]))
def test_whatever_the_log_took_an_export_gives_back(found: list[SessionRecord],
                                                    fmt: str) -> None:
    """Any times at all (years ahead, ended before started): saved, exported, imported."""
    with tempfile.TemporaryDirectory() as folder, memory_store() as log, \
            memory_store() as restored:
        for record in found:
            log.save(record)
        path = write_export(Path(folder) / f"log.{fmt}", log.sessions(), fmt)
        assert import_file(restored, path).added == len(found)
        assert {r.id: r for r in restored.sessions()} == {r.id: r for r in found}


def index_names(store: SqliteSessionStore) -> set[str]:
    rows = store._conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    return {name for (name,) in rows}


@pytest.mark.parametrize("refused", [False, True])
def test_a_large_import_makes_its_indexes_afresh_and_keeps_them_if_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, refused: bool) -> None:
    monkeypatch.setattr("app.storage.exchange.MANY_BYTES", 0)  # every file counts as large
    rows = csv_rows([walk(i, tags=("a", "b")) for i in range(50)])
    if refused:
        rows[40]["before"] = "12"
    path = write_rows(tmp_path / "many.csv", rows)
    store, _ = open_store(tmp_path / "data")
    with store:
        store.save(walk(100))
        before = index_names(store)
        if refused:
            with pytest.raises(ImportProblem):
                import_file(store, path)
            assert store.count() == 1
        else:
            assert import_file(store, path).added == 50
            assert store.sessions(SessionFilter(tag="b"), limit=3)
        assert index_names(store) == before
        assert store._conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
