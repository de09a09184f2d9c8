"""`steady report`: a PDF to share, as a real process; its text read back with pdftotext."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from app.domain.session import SessionRecord
from app.storage.sessions import open_store
from tests import pdf

REPO = Path(__file__).resolve().parents[2]
START = datetime(2026, 3, 2, 9, tzinfo=UTC)  # a Monday
NOTE = "Shaky after the call with my sister"
PRIVATE_TAG = "sister"


def steady(*args: str, data: Path, lang: str = "en_GB.UTF-8"
           ) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("STEADY_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(LANG=lang, LC_ALL=lang, LANGUAGE="", TZ="Europe/Berlin")
    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=120, env=env,
                          encoding="utf-8")


def seed(data: Path) -> list[SessionRecord]:
    def at(days: int, hours: int = 0) -> datetime:
        return START + timedelta(days=days, hours=hours)

    records = [
        SessionRecord("box", "Box breathing", at(0), before=7, after=4, status="completed",
                      tags=("work",)),
        SessionRecord("box", "Box breathing", at(1), before=6, after=5, status="completed",
                      tags=("work", PRIVATE_TAG), note=NOTE),
        SessionRecord("box", "Box breathing", at(2), before=8, after=3, status="stopped"),
        SessionRecord("five-senses", "Five senses", at(3), before=2, after=1,
                      status="completed", numb_after=True),
        SessionRecord("five-senses", "Five senses", at(9), before=None, after=6,
                      status="completed", numb_before=True),
        SessionRecord("cyclic-sigh", "Cyclic sigh", at(10), before=9, after=7,
                      status="completed", tags=("noise",)),
        SessionRecord("cyclic-sigh", "Cyclic sigh", at(40), before=5, after=5,
                      status="completed"),  # 11 April: outside March
    ]
    store, _ = open_store(data)
    with store:
        for record in records:
            store.save(record)
    return records


def stats_json(data: Path) -> list[dict[str, object]]:
    result = steady("stats", "--json", data=data)
    assert result.returncode == 0, result.stderr
    rows: list[dict[str, object]] = json.loads(result.stdout)["exercises"]
    return rows


def figures(row: dict[str, object]) -> list[str]:
    """A "what works for me" row as the report writes it (English numbers)."""
    def one(value: object, pattern: str) -> str:
        return "–" if value is None else pattern.format(value)

    share = row["noticeable_share"]
    return [str(row["sessions"]), str(row["rated"]), one(row["mean_before"], "{:.1f}"),
            one(row["mean_after"], "{:.1f}"), one(row["mean_change"], "{:+.1f}"),
            "–" if share is None else f"{round(100 * float(share))}%"]  # type: ignore[arg-type]


def table_row(text: str, title: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.strip().startswith(title))
    return line.strip()[len(title):].split()


def test_the_report_says_what_steady_stats_says(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "report.pdf"
    seed(data)
    result = steady("report", "--from", "2026-03-01", "-o", str(out), data=data)
    assert result.returncode == 0, result.stderr
    # every session of the log is from 2 March on: the report holds them all
    today = datetime.now(UTC).astimezone().date()
    text = pdf.text(out)
    assert "Sessions from 1 March 2026 to" in text
    assert f"{today.day} {today:%B %Y}" in text.replace("\n", " ")
    assert "not a diagnosis" in text
    assert "7 sessions in this period" in text
    for row in stats_json(data):
        assert table_row(text, str(row["title"])) == figures(row), row["title"]
    assert f"Wrote a report of 7 session(s) from 2026-03-01 to {today.isoformat()}" in (
        result.stderr)


def test_a_range_the_log_and_the_tables_agree(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "march.pdf"
    seed(data)
    result = steady("report", "--from", "2026-03-01", "--to", "2026-03-31", "-o", str(out),
                    data=data)
    assert result.returncode == 0, result.stderr
    text = pdf.text(out)
    assert "Sessions from 1 March 2026 to 31 March 2026" in text
    assert "6 sessions in this period, 5 rated before and after." in text
    # by exercise: the March sessions only (Cyclic sigh's April one is out)
    assert table_row(text, "Box breathing") == ["3", "3", "7.0", "4.0", "-3.0", "67%"]
    assert table_row(text, "Cyclic sigh") == ["1", "1", "9.0", "7.0", "-2.0", "100%"]
    assert table_row(text, "Five senses") == ["2", "1", "2.0", "1.0", "-1.0", "0%"]
    # by starting level
    assert table_row(text, "From 0 to 3") == ["1", "1", "2.0", "1.0", "-1.0", "0%"]
    assert table_row(text, "From 7 or 8") == ["2", "2", "7.5", "3.5", "-4.0", "100%"]
    assert table_row(text, "Numb or far away") == ["1", "0", "–", "–", "–", "–"]
    # sessions per week (weeks from Monday in en_GB): 2, 9, 16, 23, 30 March
    assert table_row(text, "2 Mar 2026") == ["4"]
    assert table_row(text, "9 Mar 2026") == ["2"]
    assert table_row(text, "30 Mar 2026") == ["0"]
    # the triggers, most frequent first, with their mean change
    assert table_row(text, "work") == ["2", "2", "-2.0"]
    assert table_row(text, "noise") == ["1", "1", "-2.0"]
    assert "Used in 2 of 6 sessions: before the exercise in 1, after it in 1." in text


def test_notes_only_when_asked(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    plain, with_notes = tmp_path / "plain.pdf", tmp_path / "notes.pdf"
    assert steady("report", "-o", str(plain), data=data).returncode == 0
    result = steady("report", "--notes", "-o", str(with_notes), data=data)
    assert result.returncode == 0, result.stderr
    assert NOTE not in pdf.text(plain) and "Notes" not in pdf.text(plain)
    text = pdf.text(with_notes, layout=False)
    assert NOTE in text
    assert "3 Mar 2026, 10:00 · Box breathing · 6 → 5" in text  # Berlin time
    assert "with your notes" in result.stderr


def test_the_file_is_private_real_text_at_least_10_points_and_a_vector_chart(
        tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "report.pdf"
    seed(data)
    assert steady("report", "-o", str(out), data=data).returncode == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.read_bytes().startswith(b"%PDF-")
    sizes = pdf.text_points(out)
    assert sizes and min(sizes) >= 10.0, sorted(set(sizes))
    assert pdf.image_count(out) == 0  # nothing drawn as a picture
    # the chart: the before and after dots drawn as curves, its scale as text
    assert pdf.curve_count(out, 0) >= 4 * 12  # 12 ratings, four curves a dot
    words = pdf.text(out, layout=False)
    assert "Before" in words and "After" in words


@pytest.mark.parametrize(("lang", "paper", "points"), [
    ("en_US.UTF-8", "letter", (612, 792)),
    ("es_MX.UTF-8", "letter", (612, 792)),
    ("en_GB.UTF-8", "A4", (595, 842)),
    ("de_DE.UTF-8", "A4", (595, 842)),
])
def test_the_paper_follows_the_locale(tmp_path: Path, lang: str, paper: str,
                                      points: tuple[int, int]) -> None:
    data, out = tmp_path / "data", tmp_path / "report.pdf"
    seed(data)
    assert steady("report", "-o", str(out), data=data, lang=lang).returncode == 0
    width, height = pdf.page_points(out)
    assert (round(width), round(height)) == points, paper
    assert paper in pdf.info(out)["Page size"]


@pytest.mark.parametrize(("args", "said"), [
    (["--from", "2026-13-01"], "steady: --from “2026-13-01” is not a date Steady can read; "
                               "write it as YYYY-MM-DD, like 2026-03-01."),
    (["--to", "31/03/2026"], "steady: --to “31/03/2026” is not a date"),
    (["--from", "2026-03-05", "--to", "2026-03-01"],
     "steady: the first day (2026-03-05) is after the last (2026-03-01); give --from the "
     "earlier day."),
])
def test_bad_dates_say_so_and_write_nothing(tmp_path: Path, args: list[str], said: str
                                            ) -> None:
    data, out = tmp_path / "data", tmp_path / "report.pdf"
    seed(data)
    result = steady("report", *args, "-o", str(out), data=data)
    assert result.returncode == 1
    assert result.stderr.startswith(said), result.stderr
    assert f"Nothing was written to {out}." in result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_an_empty_range_writes_a_short_report_that_says_so(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "report.pdf"
    seed(data)
    result = steady("report", "--from", "2025-01-01", "--to", "2025-01-31", "-o", str(out),
                    data=data)
    assert result.returncode == 0, result.stderr
    assert "There are no sessions from 2025-01-01 to 2025-01-31" in result.stderr
    text = pdf.text(out, layout=False)
    assert "There are no sessions in this period" in " ".join(text.split())
    assert "What works for me" not in text
    assert pdf.info(out)["Pages"] == "1"


def test_without_a_log_the_report_is_the_short_one_and_no_log_is_made(tmp_path: Path
                                                                      ) -> None:
    data, out = tmp_path / "data", tmp_path / "report.pdf"
    result = steady("report", "-o", str(out), data=data)
    assert result.returncode == 0, result.stderr
    assert "There are no sessions" in pdf.text(out)
    assert not data.exists()


def test_the_data_folder_is_refused_and_a_file_there_is_kept(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    inside = data / "report.pdf"
    result = steady("report", "-o", str(inside), data=data)
    assert result.returncode == 1
    assert "inside Steady's data folder" in result.stderr and not inside.exists()
    log = data / "steady.sqlite3"
    before = log.read_bytes()
    result = steady("report", "-o", str(log), data=data)
    assert result.returncode == 1 and log.read_bytes() == before


def test_a_report_replaces_a_file_whole(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "report.pdf"
    seed(data)
    out.write_text("an old file")
    out.chmod(0o644)
    assert steady("report", "-o", str(out), data=data).returncode == 0
    assert out.read_bytes().startswith(b"%PDF-")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_the_report_needs_no_screen_and_the_other_verbs_no_qt(tmp_path: Path) -> None:
    """`report` loads Qt with no screen (it works with DISPLAY pointing nowhere); every
    other verb runs without loading Qt at all."""
    data = tmp_path / "data"
    seed(data)
    env = {k: v for k, v in os.environ.items() if k not in ("STEADY_DATA_DIR",
                                                             "QT_QPA_PLATFORM")}
    env["DISPLAY"] = ":99999"  # no such screen: a window could not open
    out = tmp_path / "r.pdf"
    ran = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), "report",
                          "-o", str(out)], cwd=REPO, capture_output=True, text=True,
                         timeout=120, env=env)
    assert ran.returncode == 0, ran.stderr
    probe = (
        "import sys\n"
        "from app.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "sys.stderr.write('QT:' + ','.join(qt) + '\\n')\n"
    )
    export = tmp_path / "export.csv"
    verbs = [["list"], ["validate", str(REPO / "exercises")], ["stats"], ["stats", "--json"],
             ["export", "-o", str(export)], ["import", str(export)]]
    for verb in verbs:
        ran = subprocess.run([sys.executable, "-c", probe, "--data-dir", str(data), *verb],
                             cwd=REPO, capture_output=True, text=True, timeout=120, env=env)
        assert "QT:\n" in ran.stderr, (verb, ran.stderr[-500:])
    # the probe sees Qt where it is loaded
    ran = subprocess.run([sys.executable, "-c", probe, "--data-dir", str(data), "report",
                          "-o", str(out)], cwd=REPO, capture_output=True, text=True,
                         timeout=120, env=env)
    assert "QT:PySide6" in ran.stderr


def test_today_is_the_last_day_of_an_open_range(tmp_path: Path) -> None:
    data, out = tmp_path / "data", tmp_path / "r.pdf"
    seed(data)
    result = steady("report", "--to", "2026-03-03", "-o", str(out), data=data)
    assert result.returncode == 0, result.stderr
    assert "Sessions from 2 March 2026 to 3 March 2026" in pdf.text(out)
    assert date(2026, 3, 2).isoformat() in result.stderr
