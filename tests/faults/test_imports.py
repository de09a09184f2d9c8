"""Hostile and malformed exports fed to the real ``steady import``; formulas in exports.

Each bad file is refused with a message naming the file and the line (CSV) or
entry (JSON), and the log's bytes and sessions are exactly as before: nothing
is half-written. Cells that look like spreadsheet formulas are plain text in
the log and leave it, in a CSV export, with an apostrophe in front.
"""

from __future__ import annotations

import csv
import io
import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.session import SessionRecord
from app.storage.exchange import COLUMNS, FORMULA_STARTS, TEXT_COLUMNS, export_records
from app.storage.sessions import open_store
from tests.faults.conftest import REPO, child_env, seed_log, session_records
from tests.faults.reliability import (
    NONE_LOST,
    Table,
    data_lost,
    file_hashes,
    normalise,
    quoted,
    sessions_in,
)

AREA = "Imports and exports"
CALC = "=cmd|' /C calc'!A0"
POSIX = os.name == "posix"


def steady(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), *args],
                          cwd=REPO, env=child_env(), capture_output=True, text=True,
                          encoding="utf-8", timeout=120, stdin=subprocess.DEVNULL)


def good_rows(count: int = 3) -> list[dict[str, str]]:
    """Cells of a real export of ``count`` fresh sessions (ids unknown to the log)."""
    records = [SessionRecord("box", "Box breathing", datetime(2026, 2, 1, tzinfo=UTC)
                             + timedelta(hours=i), before=6, after=4, status="completed",
                             id=f"00000000-0000-4000-8000-{i + 1:012d}")
               for i in range(count)]
    out = io.StringIO(newline="")
    export_records(records, out, "csv")
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


def write_csv(path: Path, rows: list[dict[str, str]], columns: list[str] | None = None) -> None:
    columns = columns or list(COLUMNS)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, columns, lineterminator="\r\n", extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in columns})


def changed(field: str, value: str, at: int = 1) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        rows = good_rows()
        rows[at][field] = value
        write_csv(path, rows)
    return make


def wrong_columns(path: Path) -> None:
    columns = [c for c in COLUMNS if c != "note"] + ["password"]
    write_csv(path, good_rows(), columns)


def bad_last_row(path: Path) -> None:
    rows = good_rows(4)
    rows[-1]["started_at"] = "yesterday-ish"
    write_csv(path, rows)


def json_export(path: Path, edit: Callable[[list[dict[str, object]]], object]) -> None:
    sessions = []
    for row in good_rows():
        item: dict[str, object] = dict(row)
        item.update(before=int(row["before"]), after=int(row["after"]), numb_before=False,
                    numb_after=False, planned_seconds=0.0, practised_seconds=0.0,
                    ended_at=None, tags=[])
        sessions.append(item)
    payload = edit(sessions) or {"format": "steady-log", "version": 1, "sessions": sessions}
    path.write_text(json.dumps(payload), encoding="utf-8")


def json_rating_11(path: Path) -> None:
    json_export(path, lambda s: s[1].update(after=11))


def json_nan(path: Path) -> None:
    json_export(path, lambda s: None)
    path.write_text(path.read_text().replace('"planned_seconds": 0.0', '"planned_seconds": NaN',
                                              1))


def json_deep(path: Path) -> None:
    path.write_text('{"format": "steady-log", "version": 1, "sessions": '
                    + "[" * 100_000 + "]" * 100_000 + "}")


def not_steady(path: Path) -> None:
    path.write_text(json.dumps({"format": "something-else", "rows": [1, 2, 3]}))


def random_bytes(path: Path) -> None:
    path.write_bytes(random.Random(8).randbytes(4096))


def sparse_300_mb(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.write(",".join(COLUMNS).encode() + b"\r\n")
        handle.truncate(300 * 1024 * 1024)


def sparse_5_gb(path: Path) -> None:
    with open(path, "wb") as handle:
        handle.write(",".join(COLUMNS).encode() + b"\r\n")
        handle.truncate(5 * 1024**3)


def duplicate_ids(path: Path) -> None:
    rows = good_rows()
    rows[2]["id"] = rows[0]["id"]
    write_csv(path, rows)


def nul_in_csv(path: Path) -> None:
    changed("note", "before\x00after")(path)


BAD: dict[str, tuple[str, Callable[[Path], None], str]] = {
    # fault: (file name, how to make it, what the message must point at)
    "CSV with a column missing and an unknown one": ("columns.csv", wrong_columns, "line 1"),
    "CSV with an after rating of 11": ("eleven.csv", changed("after", "11"), "line 3"),
    "CSV with a before rating of -1": ("minus.csv", changed("before", "-1"), "line 3"),
    "CSV with a 10 MB note": ("huge-note.csv", changed("note", "x" * 10_000_000), "line 3"),
    "CSV whose last of 4 rows is bad (the first 3 are fine)": ("last.csv", bad_last_row,
                                                               "line 5"),
    "CSV with one id given twice": ("twice.csv", duplicate_ids, "line 4"),
    "CSV with a NUL byte in a note": ("nul.csv", nul_in_csv, "line"),
    "4 KiB of random bytes named .csv": ("random.csv", random_bytes, "not UTF-8"),
    "JSON export with an after rating of 11": ("eleven.json", json_rating_11, "sessions[1]"),
    "JSON with NaN for a number": ("nan.json", json_nan, "not valid JSON"),
    "JSON nested 100,000 deep": ("deep.json", json_deep, "not valid JSON"),
    "JSON that is not a Steady export": ("other.json", not_steady, "not a Steady export"),
    "a 300 MB file (sparse): a header, then 300 MB on one line": (
        "huge.csv", sparse_300_mb, "line 2 is far longer than any line"),
    "a 5 GB file (sparse)": ("huger.csv", sparse_5_gb, "larger than any Steady export"),
}


@pytest.mark.parametrize("fault", list(BAD))
def test_bad_import_is_refused_and_changes_nothing(fault: str, tmp_path: Path,
                                                   reliability: Table) -> None:
    data, elsewhere = tmp_path / "data", tmp_path / "elsewhere"
    elsewhere.mkdir()
    seed_log(data, 3)
    files, sessions = file_hashes(data), sessions_in(data)
    name, make, pointer = BAD[fault]
    path = elsewhere / name
    make(path)
    done = steady(data, "import", str(path))
    assert done.returncode == 1, done.stdout
    assert "Traceback" not in done.stderr
    assert str(path) in done.stderr and pointer in done.stderr, done.stderr[:2000]
    assert "Nothing was imported" in done.stderr
    assert file_hashes(data) == files, "not a byte of the log changed"
    lost = data_lost(files, data, sessions)
    message = normalise(done.stderr, {"<elsewhere>": elsewhere})
    if len(message) > 400:
        message = message[:400] + " …"
    reliability.add(AREA, f"import: {fault}", "real file, real `steady import` process",
                    f"refused, exit 1: {quoted(message)}; the log's files are byte-identical",
                    lost)
    assert lost == NONE_LOST


@pytest.mark.skipif(not POSIX, reason="pipes and devices are POSIX")
@pytest.mark.parametrize("what", ["a named pipe", "/dev/zero"])
def test_import_of_something_that_is_not_a_file(what: str, tmp_path: Path,
                                                reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 2)
    files = file_hashes(data)
    if what == "a named pipe":
        path = tmp_path / "export.csv"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")
    done = steady(data, "import", str(path))  # never blocks, never reads forever
    assert done.returncode == 1 and str(path) in done.stderr
    lost = data_lost(files, data)
    reliability.add(AREA, f"import: {what} instead of a file", "real",
                    f"refused at once, exit 1: "
                    f"{quoted(normalise(done.stderr, {'<elsewhere>': tmp_path}))}", lost)
    assert lost == NONE_LOST


FORMULAS = [CALC, "+SUM(A1:A9)", "-2+3", "@SUM(1)", "\tTAB", "\rCR",
            "'quoted already", '=HYPERLINK("http://example.invalid","click")']


def test_formula_cells_are_plain_text_and_neutralised_on_export(
        tmp_path: Path, reliability: Table) -> None:
    data, elsewhere = tmp_path / "data", tmp_path / "elsewhere"
    elsewhere.mkdir()
    seed_log(data, 1)
    rows = good_rows(len(FORMULAS))
    for row, text in zip(rows, FORMULAS, strict=True):
        row["note"] = text
        row["exercise_title"] = text if not text.startswith(("\t", "\r")) else "=1+1"
        row["tags"] = "@tag;=tag"
    hostile = elsewhere / "hostile.csv"
    write_csv(hostile, rows)
    done = steady(data, "import", str(hostile))
    assert done.returncode == 0, done.stderr
    store, _ = open_store(data)
    with store:
        notes = {r.note for r in store.sessions()}
    assert set(FORMULAS) <= notes, "kept as the plain text they are"

    out = elsewhere / "export.csv"
    done = steady(data, "export", "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    cells = list(csv.DictReader(io.StringIO(text, newline="")))
    risky = []
    for row in cells:
        for column in TEXT_COLUMNS:
            value = row[column]
            if value.startswith(FORMULA_STARTS) and not value.startswith("'"):
                risky.append(value)
    assert not risky
    assert f"'{CALC}" in {row["note"] for row in cells}
    assert "'@tag;=tag" in {row["tags"] for row in cells}
    # And back again, exactly: importing the export elsewhere gives the same notes.
    again = tmp_path / "again"
    assert steady(again, "import", str(out)).returncode == 0
    store, _ = open_store(again)
    with store:
        assert set(FORMULAS) <= {r.note for r in store.sessions()}
    reliability.add(
        AREA, f"formula-looking cells (e.g. {CALC!r}, '+SUM(…)', '@…', a leading tab) in "
              "notes, titles and tags",
        "real `steady import`, then `steady export -o`",
        "imported as plain text; in the CSV export every such cell starts with an "
        f"apostrophe (e.g. {quoted(chr(39) + CALC)}), which import removes again, so the "
        "round trip is exact", NONE_LOST)


def test_export_of_a_log_left_running(tmp_path: Path, reliability: Table) -> None:
    """An export taken while a session is under way holds it as running, not half."""
    data = tmp_path / "data"
    seed_log(data, 2, running=True)
    out = tmp_path / "out.json"
    done = steady(data, "export", "-o", str(out))
    assert done.returncode == 0, done.stderr
    payload = json.loads(out.read_text(encoding="utf-8"))
    statuses = sorted(s["status"] for s in payload["sessions"])
    assert statuses == ["completed", "completed", "running"]
    assert len(session_records(2, running=True)) == len(payload["sessions"])
    reliability.add(AREA, "export while a session is under way", "real `steady export -o`",
                    "the session is exported as it stands (status running, first rating "
                    "kept); the export file is whole (written to a temporary file, then "
                    "renamed)", NONE_LOST)
