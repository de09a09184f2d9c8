"""History against a seeded log: the models, the numbers, filters, deleting, keys.

The log holds seven sessions at fixed times; every figure the tests expect is
worked out by hand in the comments next to the data.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QModelIndex, QPoint, Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import paths
from app.domain.loader import load_library
from app.domain.session import SessionFilter, SessionRecord, time_of_day
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore, memory_store
from app.ui.history.chart import INSET, RatingChart
from app.ui.history.models import (
    SORT_ROLE,
    SessionsModel,
    StatsModel,
    format_change,
    format_mean,
    format_share,
)
from app.ui.history.page import HistoryPage
from app.ui.shell.window import MainWindow
from app.ui.style import theme
from app.ui.widgets.dialogs import Answer, ConfirmDialog, Question
from tests.gui.conftest import shown_history

pytestmark = pytest.mark.gui

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)


def at(day: str, hour: int, minute: int = 0) -> datetime:
    month, date = (int(part) for part in day.split("-"))
    return datetime(2026, month, date, hour, minute, tzinfo=UTC)


def session(ex: str, title: str, started: datetime, before: int | None, after: int | None,
            **fields: Any) -> SessionRecord:
    fields.setdefault("status", "completed")
    return SessionRecord(exercise_id=ex, exercise_title=title, started_at=started,
                         ended_at=None if fields["status"] == "interrupted"
                         else started + timedelta(minutes=5),
                         before=before, after=after, planned_seconds=300.0,
                         practised_seconds=300.0, **fields)


SEED = [
    # box: before 8, 7, 6 -> mean 7.0; after 5, 6, 3 -> 4.7; change -3, -1, -3 -> -2.3;
    # drops of 2+: two of three -> 67%.
    session("box", "Box breathing", at("03-30", 8), 8, 5, tags=("work",),
            note="Before the meeting."),
    session("box", "Box breathing", at("03-25", 21), 7, 6, tags=("night",)),
    session("box", "Box breathing", at("03-10", 9), 6, 3, status="stopped",
            tags=("work", "family")),
    # extended-exhale: two sessions, one rated both times: 9 -> 8, change -1.0, 0%.
    session("extended-exhale", "Extended exhale", at("03-29", 22, 30), 9, 8,
            tags=("night",), numb_before=True),
    session("extended-exhale", "Extended exhale", at("02-01", 14), 5, None,
            status="interrupted"),
    # five-senses: two sessions, one rated both times: 6 -> 2, change -4.0, 100%.
    session("five-senses", "Five senses (5-4-3-2-1)", at("03-28", 13), 6, 2,
            tags=("family",), note="Called my sister, after."),
    session("five-senses", "Five senses (5-4-3-2-1)", at("01-05", 7), None, None),
]


@pytest.fixture(autouse=True)
def english_numbers() -> Iterator[None]:
    """Numbers as in English ("-1.5"), whatever the machine's language."""
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(old)


@pytest.fixture
def store() -> Iterator[SqliteSessionStore]:
    with memory_store() as s:
        s.merge(SEED)
        yield s


@pytest.fixture
def page(qtbot: QtBot, store: SqliteSessionStore) -> HistoryPage:
    return shown_history(qtbot, store, NOW)


@pytest.fixture
def confirm(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """ConfirmDialog.ask answers yes; each question asked is recorded."""
    asked: list[dict[str, Any]] = []

    def ask(cls: type[ConfirmDialog], parent: QWidget | None, question: Question) -> str:
        asked.append({"title": question.title, "text": question.text})
        return question.answers[0].key  # the first answer: delete

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(ask))
    return asked


def table_text(model: Any, column: int) -> list[str]:
    return [model.index(row, column).data() for row in range(model.rowCount())]


def stats_rows(page: HistoryPage) -> dict[str, list[str]]:
    proxy = page.stats_proxy
    return {proxy.index(row, 0).data(): [proxy.index(row, c).data()
                                         for c in range(1, StatsModel.BEST)]
            for row in range(proxy.rowCount())}


def choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, f"{data!r} is not offered"
    combo.setCurrentIndex(index)


# --------------------------------------------------------------------------- formatting


def test_numbers_are_formatted_calmly() -> None:
    assert format_change(-1.5) == "\u22121.5"
    assert format_change(-2.333) == "\u22122.3"
    assert format_change(0.5) == "+0.5"
    assert format_change(-0.04) == "0.0"
    assert format_change(None) == "\u2013"
    assert format_mean(4.6667) == "4.7"
    assert format_share(0.4) == "40%"
    assert format_share(2 / 3) == "67%"


# --------------------------------------------------------------------------- models


def test_every_model_passes_the_model_tester(page: HistoryPage, qtmodeltester: Any) -> None:
    qtmodeltester.check(page.stats_model)
    qtmodeltester.check(page.stats_proxy)
    qtmodeltester.check(page.sessions_model)
    choose(page.group, "tag")
    qtmodeltester.check(page.stats_model)
    choose(page.group, "time_of_day")
    qtmodeltester.check(page.stats_proxy)


def test_sessions_model_pages_through_everything(store: SqliteSessionStore,
                                                 qtmodeltester: Any) -> None:
    model = SessionsModel(lambda where, limit: store.sessions(where, limit), page_size=2)
    model.set_filter(SessionFilter(), store.count())
    assert model.rowCount() == 2 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert [r.id for r in model.rows()] == [r.id for r in store.sessions()]
    assert not model.canFetchMore(QModelIndex())


def test_paging_keeps_sessions_that_start_at_the_same_instant() -> None:
    same = at("03-01", 10)
    with memory_store() as s:
        s.merge([session("box", "Box breathing", same, 5, 4) for _ in range(5)]
                + [session("box", "Box breathing", at("02-01", 10), 5, 4)])
        model = SessionsModel(lambda where, limit: s.sessions(where, limit), page_size=2)
        model.set_filter(SessionFilter(), s.count())
        while model.canFetchMore():
            model.fetchMore()
        ids = [r.id for r in model.rows()]
        assert len(ids) == len(set(ids)) == 6
        assert sorted(ids) == sorted(r.id for r in s.sessions())


# --------------------------------------------------------------------------- what works for me


def test_what_works_for_me_matches_a_hand_computation(page: HistoryPage) -> None:
    assert page.period.currentData() == "all"  # a small log opens on all of it
    # Two rated sessions are too few to tell a share from (FEW_TO_TELL is 3).
    assert stats_rows(page) == {
        "Box breathing": ["3", "7.0", "4.7", "\u22122.3", "67%"],
        "Extended exhale": ["2", "9.0", "8.0", "\u22121.0", "too few to tell"],
        "Five senses (5-4-3-2-1)": ["2", "6.0", "2.0", "\u22124.0", "too few to tell"],
    }


def test_table_sorts_by_any_column(page: HistoryPage, qtbot: QtBot) -> None:
    table = page.stats_table
    table.sortByColumn(StatsModel.CHANGE, Qt.SortOrder.AscendingOrder)
    assert table_text(page.stats_proxy, 0) == [
        "Five senses (5-4-3-2-1)", "Box breathing", "Extended exhale"]
    table.sortByColumn(StatsModel.BEFORE, Qt.SortOrder.DescendingOrder)
    assert table_text(page.stats_proxy, 0)[0] == "Extended exhale"
    table.sortByColumn(StatsModel.NAME, Qt.SortOrder.AscendingOrder)
    assert table_text(page.stats_proxy, 0) == sorted(table_text(page.stats_proxy, 0))
    # Clicking a heading sorts too.
    header = table.horizontalHeader()
    middle = QPoint(header.sectionViewportPosition(StatsModel.SHARE)
                    + header.sectionSize(StatsModel.SHARE) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=middle)
    assert header.sortIndicatorSection() == StatsModel.SHARE
    shares = [page.stats_proxy.index(r, StatsModel.SHARE).data(SORT_ROLE)
              for r in range(page.stats_proxy.rowCount())]
    told = [share for share in shares if share is not None]  # "too few to tell" sorts last
    assert shares == told + [None] * (len(shares) - len(told))
    assert told in (sorted(told), sorted(told, reverse=True))


def test_empty_means_sort_last_both_ways(qtbot: QtBot) -> None:
    with memory_store() as s:
        s.merge([*SEED, session("orienting", "Orienting", at("03-02", 10), None, 3)])
        page = HistoryPage(s, clock=lambda: NOW)
        qtbot.addWidget(page)
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            page.stats_table.sortByColumn(StatsModel.CHANGE, order)
            assert table_text(page.stats_proxy, 0)[-1] == "Orienting"
            assert table_text(page.stats_proxy, StatsModel.CHANGE)[-1] == "\u2013"


def test_group_by_tag_and_time_of_day(page: HistoryPage) -> None:
    choose(page.group, "tag")
    assert page.stats_model.headerData(0, Qt.Orientation.Horizontal) == "Tag"
    rows = stats_rows(page)
    assert set(rows) == {"work", "night", "family"}
    # work: 8 -> 5 and 6 -> 3: before 7.0, after 4.0, change -3.0, both dropped 2+.
    assert rows["work"] == ["2", "7.0", "4.0", "\u22123.0", "too few to tell"]
    choose(page.group, "time_of_day")
    names = {key: name for key, (name, _hours) in
             page.stats_model.time_of_day_names().items()}
    expected: dict[str, int] = {}
    for record in SEED:
        key = names[time_of_day(record.started_at)]
        expected[key] = expected.get(key, 0) + 1
    assert {name: int(row[0]) for name, row in stats_rows(page).items()} == expected


# --------------------------------------------------------------------------- filters and list


def test_session_list_shows_notes_tags_and_neutral_status(page: HistoryPage) -> None:
    model = page.sessions_model
    assert model.rowCount() == len(SEED)
    first = {c: model.index(0, c).data() for c in range(SessionsModel.COLUMNS)}
    assert first[SessionsModel.EXERCISE] == "Box breathing"
    assert first[SessionsModel.RATINGS] == "8 \u2192 5"
    assert first[SessionsModel.NOTE] == "Before the meeting."
    assert first[SessionsModel.TAGS] == "work"
    statuses = table_text(model, SessionsModel.STATUS)
    assert "Interrupted" in statuses and "Ended early" in statuses
    ratings = table_text(model, SessionsModel.RATINGS)
    assert "5 \u2192 \u2013" in ratings and "\u2013 \u2192 \u2013" in ratings
    assert "Before" in table_text(model, SessionsModel.NUMB)


def test_filters_change_what_is_shown(page: HistoryPage) -> None:
    model = page.sessions_model
    choose(page.period, "7")  # since 24 March, 12:00 UTC
    assert model.rowCount() == 4
    assert page.chart.mark_count() == 4
    choose(page.period, "30")  # since 1 March, 12:00 UTC
    assert model.rowCount() == 5
    choose(page.exercise, "box")
    assert set(table_text(model, SessionsModel.EXERCISE)) == {"Box breathing"}
    assert model.rowCount() == 3
    assert list(stats_rows(page)) == ["Box breathing"]
    choose(page.exercise, None)
    choose(page.tag, "night")
    assert model.rowCount() == 2
    assert all("night" in tags for tags in table_text(model, SessionsModel.TAGS))
    choose(page.tag, "family")
    assert {r.id for r in model.rows()} == {SEED[2].id, SEED[5].id}
    choose(page.tag, None)
    choose(page.period, "all")
    assert model.rowCount() == len(SEED)


def test_chosen_dates_filter_the_list(page: HistoryPage) -> None:
    choose(page.period, "custom")
    assert page.dates_row.isVisible()
    page.date_from.setDate(page.date_from.date().fromString("2026-01-01", "yyyy-MM-dd"))
    page.date_to.setDate(page.date_to.date().fromString("2026-02-28", "yyyy-MM-dd"))
    assert {r.id for r in page.sessions_model.rows()} == {SEED[4].id, SEED[6].id}


def test_the_page_counts_its_days_from_its_own_clock(qtbot: QtBot,
                                                    store: SqliteSessionStore) -> None:
    later = NOW + timedelta(days=3)  # 3 April, 12:00 UTC: months before the computer's date
    page = HistoryPage(store, clock=lambda: later)
    qtbot.addWidget(page)
    choose(page.period, "7")  # since 27 March, 12:00 UTC
    assert {r.id for r in page.sessions_model.rows()} == {SEED[0].id, SEED[3].id, SEED[5].id}
    assert page.chart.mark_count() == 3
    # The dates offered end on the clock's day, and run back 30 days from it.
    today = later.astimezone().date()
    assert page.date_to.date().toPython() == today
    assert page.date_from.date().toPython() == today - timedelta(days=30)
    choose(page.period, "custom")  # 4 March to 3 April: all but February and January
    assert {r.id for r in page.sessions_model.rows()} == {
        SEED[i].id for i in (0, 1, 2, 3, 5)}


def test_nothing_matching_says_so_kindly(page: HistoryPage) -> None:
    choose(page.exercise, "five-senses")
    choose(page.tag, "night")
    assert page.sessions_model.rowCount() == 0
    assert "No sessions match" in page.sessions_count.text()
    assert page.chart.mark_count() == 0


# --------------------------------------------------------------------------- chart


def test_chart_shows_each_rated_session_as_a_pair(page: HistoryPage) -> None:
    # Six sessions have at least one rating; the seventh was skipped both times.
    assert page.chart.session_count() == 6
    assert page.chart.mark_count() == 6
    assert page.chart.averaged_over() is None
    marks = page.chart.marks()
    assert [m.at for m in marks] == sorted(m.at for m in marks)
    assert (marks[-1].before, marks[-1].after) == (8, 5)
    assert "6 sessions with ratings" in page.chart.accessibleDescription()


def test_chart_averages_many_sessions(qtbot: QtBot) -> None:
    chart = RatingChart()
    qtbot.addWidget(chart)
    chart.resize(600, 200)
    start = datetime(2024, 1, 1, tzinfo=UTC)
    points = [(start + timedelta(hours=7 * i), 7, 4) for i in range(3000)]
    chart.set_points(points, None, points[-1][0])
    assert chart.session_count() == 3000
    assert chart.averaged_over() in ("week", "month")
    assert 0 < chart.mark_count() <= 600
    assert sum(m.sessions for m in chart.marks()) == 3000
    assert all((m.before, m.after) == (7, 4) for m in chart.marks())
    chart.grab()  # paints without trouble


# --------------------------------------------------------------------------- deleting


def test_delete_one_session_with_the_delete_key(page: HistoryPage, qtbot: QtBot,
                                                store: SqliteSessionStore,
                                                confirm: list[dict[str, Any]]) -> None:
    page.tabs.setCurrentIndex(1)
    page.select_session_row(0)
    page.sessions_table.setFocus()
    qtbot.waitUntil(page.sessions_table.hasFocus)
    assert page.delete_button.isEnabled()
    with qtbot.waitSignal(page.sessionsDeleted):
        qtbot.keyClick(page.sessions_table, Qt.Key.Key_Delete)
    assert len(confirm) == 1 and "cannot be undone" in confirm[0]["text"]
    assert store.get(SEED[0].id) is None
    assert store.count() == len(SEED) - 1
    assert page.sessions_model.rowCount() == len(SEED) - 1
    assert stats_rows(page)["Box breathing"][0] == "2"
    assert page.chart.session_count() == 5
    # The next session is selected, so Delete can be pressed again.
    assert page.selected_session() == page.sessions_model.record(0)


def test_the_delete_question_names_the_year_by_the_pages_clock(
        qtbot: QtBot, store: SqliteSessionStore, confirm: list[dict[str, Any]]) -> None:
    page = HistoryPage(store, clock=lambda: NOW.replace(year=2027))  # a year on
    qtbot.addWidget(page)
    page.select_session_row(0)  # 30 March 2026: last year, as the page's clock has it
    page.delete_button.click()
    assert "Mar 2026" in confirm[0]["text"]


def test_delete_asks_first_and_no_keeps_it(page: HistoryPage, store: SqliteSessionStore,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ConfirmDialog, "ask",
                        classmethod(lambda cls, parent, question: question.cancel))
    page.select_session_row(2)
    page.delete_button.click()
    page.delete_all_button.click()
    assert store.count() == len(SEED)
    assert page.sessions_model.rowCount() == len(SEED)


def test_delete_everything(page: HistoryPage, qtbot: QtBot, store: SqliteSessionStore,
                           confirm: list[dict[str, Any]]) -> None:
    with qtbot.waitSignal(page.sessionsDeleted):
        page.delete_all_button.click()
    words = confirm[0]
    assert "All 7 sessions" in words["text"]
    assert "exported" in words["text"] and "not touched" in words["text"]
    assert store.count() == 0
    assert page.is_empty_state()
    assert page.empty_text.isVisible()


def test_empty_log_says_what_will_appear(qtbot: QtBot) -> None:
    with memory_store() as s:
        page = HistoryPage(s, clock=lambda: NOW)
        qtbot.addWidget(page)
        page.show()
        qtbot.waitExposed(page)
        assert page.is_empty_state()
        assert page.empty_text.isVisible()
        assert "After your first session" in page.empty_text.text()
        assert not page.sessions_table.isVisible()


def test_confirm_dialog_defaults_to_keeping(qtbot: QtBot) -> None:
    dialog = ConfirmDialog(Question.yes_no("Delete?", "It cannot be undone.",
                                           Answer("delete", "Delete"), Answer("keep", "Keep it")))
    qtbot.addWidget(dialog)
    assert dialog.buttons["keep"].isDefault() and not dialog.buttons["delete"].isDefault()
    assert dialog.buttons["delete"].accessibleName() == "Delete"


# --------------------------------------------------------------------------- keys


def test_tab_reaches_the_filters_and_the_table(page: HistoryPage, qtbot: QtBot) -> None:
    page.activateWindow()
    page.setFocus()
    qtbot.waitUntil(lambda: page.back_button.hasFocus())
    reached: list[QWidget] = []
    for _ in range(20):
        widget = QApplication.focusWidget()
        assert widget is not None
        reached.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    for wanted in (page.period, page.exercise, page.tag, page.time_of_day, page.group,
                   page.stats_table, page.back_button):
        assert wanted in reached, wanted.accessibleName()


def test_every_control_has_an_accessible_name(page: HistoryPage) -> None:
    for widget in page.findChildren(QWidget):
        if widget.focusPolicy() != Qt.FocusPolicy.NoFocus and widget.isVisibleTo(page):
            name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
            assert name, type(widget).__name__


def test_escape_closes(page: HistoryPage, qtbot: QtBot) -> None:
    page.stats_table.setFocus()
    with qtbot.waitSignal(page.closed):
        qtbot.keyClick(page.stats_table, Qt.Key.Key_Escape)


# --------------------------------------------------------------------------- in the window


def window_with(qtbot: QtBot, store: SqliteSessionStore,
                settings: Settings | None = None) -> MainWindow:
    window = MainWindow(load_library(paths.bundled_exercises_dir()), store,
                        settings or Settings(first_run_done=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_window_opens_history_and_escape_goes_home(qtbot: QtBot,
                                                   store: SqliteSessionStore) -> None:
    window = window_with(qtbot, store)
    window.launcher.history_button.click()
    assert isinstance(window.current_page(), HistoryPage)
    qtbot.keyClick(window.current_page().stats_table, Qt.Key.Key_Escape)
    assert window.current_page() is window.launcher
    store.save(session("orienting", "Orienting", NOW - timedelta(hours=1), 6, 4))
    window.historyRequested.emit()  # opened again: the same page, read afresh
    assert window.current_page() is window.history_page
    assert window.history_page.sessions_model.rowCount() == len(SEED) + 1


def helped(exercise: str, title: str, count: int, drop: int) -> list[SessionRecord]:
    return [session(exercise, title, NOW - timedelta(days=i + 1), 7, 7 - drop)
            for i in range(count)]


# "Start now" always starts the exercise chosen in Settings; what has helped most is
# a second, smaller choice beside it (issue 14: it used to take Start now's place).


def test_what_helped_most_is_offered_beside_start_now_once_there_is_enough(
        qtbot: QtBot) -> None:
    with memory_store() as s:
        s.merge(helped("box", "Box breathing", 4, 3))
        window = window_with(qtbot, s)
        launcher = window.launcher
        assert launcher.start_now.text() == "Start now: Extended exhale"
        assert launcher.helped_button.isHidden()
        s.merge(helped("box", "Box breathing", 1, 1))  # the fifth: mean (4*-3 - 1)/5 = -2.6
        window.refresh_launcher()
        assert launcher.start_now.text() == "Start now: Extended exhale"  # never replaced
        assert not launcher.helped_button.isHidden()
        assert launcher.helped_button.heading.text() == "Or Box breathing"
        reason = launcher.helped_button.details.text()
        assert reason == launcher.helped_button.accessibleDescription()
        assert "2.6 points lower" in reason and "5 sessions" in reason
        with qtbot.waitSignal(launcher.exerciseChosen) as chosen:
            launcher.helped_button.click()
        assert chosen.args == ["box"]


def test_a_saved_session_updates_what_helped_on_the_way_home(qtbot: QtBot) -> None:
    with memory_store() as s:
        s.merge(helped("box", "Box breathing", 4, 3))
        window = window_with(qtbot, s)
        assert window.launcher.helped_button.isHidden()
        fifth = helped("box", "Box breathing", 5, 3)[-1]
        s.save(fifth)
        window.flow.saved.emit(fifth.id)  # as the session flow does after each write
        window.go_home()
        assert window.launcher.start_now.text() == "Start now: Extended exhale"
        assert "Box breathing" in window.launcher.helped_button.accessibleName()


def test_start_now_is_the_persons_own_choice(qtbot: QtBot) -> None:
    with memory_store() as s:
        s.merge(helped("box", "Box breathing", 6, 3))
        window = window_with(qtbot, s, Settings(first_run_done=True,
                                                default_exercise="five-senses"))
        assert window.launcher.start_now.text() == "Start now: Five senses (5-4-3-2-1)"
        assert "Box breathing" in window.launcher.helped_button.accessibleName()


def test_what_helped_is_not_offered_twice(qtbot: QtBot) -> None:
    with memory_store() as s:
        s.merge(helped("box", "Box breathing", 6, 3))
        window = window_with(qtbot, s, Settings(first_run_done=True, default_exercise="box"))
        assert window.launcher.start_now.text() == "Start now: Box breathing"
        assert window.launcher.helped_button.isHidden()


def test_never_offers_a_hidden_exercise(qtbot: QtBot) -> None:
    with memory_store() as s:
        s.merge(helped("box", "Box breathing", 6, 3))  # box holds the breath
        window = window_with(qtbot, s, Settings(first_run_done=True,
                                                health=frozenset({"heart"})))
        assert window.launcher.start_now.text() == "Start now: Extended exhale"
        assert window.launcher.helped_button.isHidden()


def test_never_offers_one_that_needs_things_to_hand_unless_chosen(qtbot: QtBot) -> None:
    with memory_store() as s:
        s.merge(helped("cold-temperature", "Cold temperature", 6, 4))  # ice, cold water
        s.merge(helped("orienting", "Orienting", 5, 1))
        window = window_with(qtbot, s)
        assert window.launcher.start_now.text() == "Start now: Extended exhale"
        assert "Orienting" in window.launcher.helped_button.accessibleName()  # the next best
        chosen = window_with(qtbot, s, Settings(first_run_done=True,
                                                default_exercise="cold-temperature"))
        assert chosen.launcher.start_now.text() == "Start now: Cold temperature"


def test_deleting_in_history_updates_what_helped(qtbot: QtBot,
                                                 confirm: list[dict[str, Any]]) -> None:
    with memory_store() as s:
        s.merge(helped("box", "Box breathing", 5, 3))
        window = window_with(qtbot, s)
        assert "Box breathing" in window.launcher.helped_button.accessibleName()
        window.historyRequested.emit()
        page = window.history_page
        assert page is not None
        page.tabs.setCurrentIndex(1)
        page.select_session_row(0)
        page.delete_button.click()
        page.back_button.click()
        assert window.current_page() is window.launcher
        assert window.launcher.helped_button.isHidden()  # four left: too few to say


def test_the_chosen_sessions_note_and_tags_are_shown_whole(page: HistoryPage,
                                                           qtbot: QtBot) -> None:
    page.tabs.setCurrentIndex(1)
    assert not page.session_detail.isVisible()
    model = page.sessions_model
    row = next(i for i in range(model.rowCount())
               if model.record(i).note == "Called my sister, after.")
    page.sessions_table.setFocus()
    qtbot.waitUntil(page.sessions_table.hasFocus)
    page.select_session_row(row)
    qtbot.waitUntil(page.session_detail.isVisible)
    assert page.session_detail.text() == "Note: Called my sister, after.\nTags: family"
    # The keyboard moves the choice, and the text follows it.
    for _ in range(model.rowCount()):
        qtbot.keyClick(page.sessions_table, Qt.Key.Key_Down)
        record = page.selected_session()
        assert record is not None
        if not record.note and not record.tags:
            assert not page.session_detail.isVisible()
            break
    else:
        pytest.fail("no session without a note or tags below the chosen one")


def test_a_dot_on_the_last_day_or_at_ten_sits_clear_of_the_plots_edges(qtbot: QtBot) -> None:
    chart = RatingChart()
    qtbot.addWidget(chart)
    chart.resize(800, 220)
    start, end = NOW - timedelta(days=30), NOW
    chart.set_points([(start, 0, 10), (end, 10, 0)], start, end)
    plot = chart._plot_rect()
    for at in (start, end):
        x = chart._x(at.timestamp(), plot)
        assert plot.left() + INSET <= x <= plot.right() - INSET
    for value in (0, 10):
        y = chart._y(value, plot)
        assert plot.top() + INSET <= y <= plot.bottom() - INSET
    chart.grab()  # paints without trouble


def test_at_double_text_size_the_sessions_tab_fits_the_window(qtbot: QtBot,
                                                              store: SqliteSessionStore) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", 2.0)
    try:
        page = HistoryPage(store, clock=lambda: NOW)
        qtbot.addWidget(page)
        page.resize(900, 640)
        page.show()
        qtbot.waitExposed(page)
        page.tabs.setCurrentIndex(1)
        area = page.content_area
        widget = area.widget()
        assert widget is not None
        qtbot.waitUntil(lambda: widget.minimumSizeHint().width() <= area.viewport().width())
        assert area.horizontalScrollBar().maximum() == 0
    finally:
        theme.apply(app, "light", 1.0)


@pytest.mark.parametrize("width", [320, 500, 800])
def test_time_axis_labels_never_overlap(qtbot: QtBot, width: int) -> None:
    chart = RatingChart()
    qtbot.addWidget(chart)
    font = chart.font()
    font.setPointSizeF(24)  # text at twice the usual size
    chart.setFont(font)
    chart.resize(width, 240)
    start = datetime(2026, 8, 29, tzinfo=UTC)
    chart.set_points([(start + timedelta(days=d), 7, 4) for d in range(0, 90, 3)], start,
                     start + timedelta(days=90))
    plot = chart._plot_rect()
    shown = [place for _x, place, _text in chart.time_labels(plot, QFontMetricsF(
        chart._small_font())) if place is not None]
    assert shown, "at least one date is labelled"
    for before, after in itertools.pairwise(shown):
        assert before.right() < after.left(), (before, after)


def test_tabbing_into_the_sessions_chooses_the_newest_so_down_goes_to_the_next(
        page: HistoryPage, qtbot: QtBot) -> None:
    page.tabs.setCurrentIndex(1)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.tabs.tabBar().setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(page.tabs.tabBar(), Qt.Key.Key_Tab)
    qtbot.waitUntil(page.sessions_table.hasFocus)
    assert page.selected_session() == page.sessions_model.record(0)
    qtbot.keyClick(page.sessions_table, Qt.Key.Key_Down)
    assert page.selected_session() == page.sessions_model.record(1)
