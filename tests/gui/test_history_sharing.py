"""History's Save report…, Print… (Ctrl+P) and Export…: the days shown, whole files
that only the person can read, notes only when asked, and plain words when it fails."""

from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.plan import MemoryPlanStore
from app.domain.report import ReportData
from app.storage.sessions import SqliteSessionStore
from app.ui.history.page import HistoryPage
from app.ui.history.sharing import log_files_for
from tests import pdf
from tests.gui import test_history as history
from tests.gui.test_history import NOW

pytestmark = pytest.mark.gui


# History's own fixtures: the seeded log and the page on it, at a fixed "now".
store = history.store
page = history.page


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


@pytest.fixture
def shared(page: HistoryPage, store: SqliteSessionStore, data_dir: Path) -> HistoryPage:
    page.log_files = lambda: log_files_for(store, data_dir, lambda: MemoryPlanStore())
    return page


def answer_with(page: HistoryPage, path: Path | None) -> list[Path]:
    """The file dialogs answer ``path``; what they were offered is recorded."""
    offered: list[Path] = []

    def choose(_parent: object, suggested: Path) -> Path | None:
        offered.append(suggested)
        return path

    page.sharing.choose_report = choose
    page.sharing.choose_export = choose
    return offered


def test_save_report_writes_the_days_shown_whole_and_private(shared: HistoryPage,
                                                              tmp_path: Path) -> None:
    shared.filters.set_period("30")  # the last 30 days: the report covers the same
    target = tmp_path / "for-my-therapist.pdf"
    offered = answer_with(shared, target)
    shared.share.report_button.click()
    assert target.read_bytes().startswith(b"%PDF-")
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
    assert offered and offered[0].suffix == ".pdf"
    assert "Saved the report to" in shared.status.text() and not shared.notice.isVisible()
    words = pdf.text(target)
    since = shared.current_filter().since
    assert since is not None
    first, last = since.astimezone().date(), NOW.astimezone().date()
    assert offered[0].name == f"steady-report-{first.isoformat()}-to-{last.isoformat()}.pdf"
    assert "Box breathing" in words and "Five senses" in words
    assert "2026-01-05" not in words and "5 Jan" not in words  # before the 30 days
    assert "Before the meeting." not in words, "notes stay out unless asked"


def test_notes_go_in_only_when_ticked(shared: HistoryPage, tmp_path: Path) -> None:
    assert not shared.share.notes.isChecked(), "off until chosen"
    target = tmp_path / "with-notes.pdf"
    answer_with(shared, target)
    shared.share.notes.click()
    shared.share.report_button.click()
    assert "Before the meeting." in pdf.text(target)


def test_a_report_into_the_data_folder_is_refused(shared: HistoryPage,
                                                  data_dir: Path) -> None:
    target = data_dir / "report.pdf"
    answer_with(shared, target)
    shared.share.report_button.click()
    assert not target.exists()
    said = shared.notice.text()
    assert shared.notice.isVisible() and "inside Steady's data folder" in said
    assert said.endswith("Nothing was written.") and not shared.status.isVisible()


def test_cancelling_writes_and_says_nothing(shared: HistoryPage, tmp_path: Path) -> None:
    answer_with(shared, None)
    shared.share.report_button.click()
    shared.share.export_button.click()
    assert list(tmp_path.glob("*.pdf")) == [] and not shared.notice.isVisible()
    assert not shared.status.isVisible()


@pytest.mark.parametrize("name", ["history.csv", "history.json"])
def test_export_writes_every_session(shared: HistoryPage, store: SqliteSessionStore,
                                     tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    answer_with(shared, target)
    shared.share.export_button.click()
    total = store.count()
    if name.endswith(".csv"):
        with target.open(newline="", encoding="utf-8") as rows:
            assert len(list(csv.DictReader(rows))) == total
    else:
        assert len(json.loads(target.read_text(encoding="utf-8"))["sessions"]) == total
    assert f"Exported {total} sessions to" in shared.status.text()


def test_ctrl_p_prints_the_days_shown(shared: HistoryPage, qtbot: QtBot) -> None:
    printed: list[ReportData] = []

    def print_report(_parent: object, data: ReportData) -> bool:
        printed.append(data)
        return True

    shared.sharing.print_report = print_report
    shared.activateWindow()
    shared.period.setFocus()
    qtbot.waitUntil(shared.period.hasFocus)
    qtbot.keyClick(shared.period, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(printed) == 1
    assert printed[0].last_day == NOW.astimezone().date()
    assert printed[0].sessions > 0
    assert "sent to the printer" in shared.status.text()


def test_without_a_data_folder_it_says_so(page: HistoryPage, tmp_path: Path) -> None:
    answer_with(page, tmp_path / "x.pdf")
    page.share.report_button.click()
    assert "data folder" in page.notice.text()
    assert not (tmp_path / "x.pdf").exists()
