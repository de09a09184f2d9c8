"""History you can read: a table as tall as its rows, names never cut, times of day
in order with their hours, "too few to tell", the sort arrow, and by tag what
helped most."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QLocale, QRect, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionHeader
from pytestqt.qtbot import QtBot

from app.domain.session import SessionRecord
from app.storage.sessions import memory_store
from app.ui.history.models import StatsModel
from app.ui.history.page import HistoryPage
from app.ui.history.table_fit import longest_word
from app.ui.style import theme
from tests.gui.conftest import shown_history

pytestmark = pytest.mark.gui

NOW = datetime(2026, 3, 31, 12, 0, tzinfo=UTC)


def session(exercise: str, title: str, day: int, hour: int, before: int, after: int,
            tags: tuple[str, ...] = ()) -> SessionRecord:
    started = NOW - timedelta(days=day, hours=NOW.hour - hour)
    return SessionRecord(exercise_id=exercise, exercise_title=title, started_at=started,
                         ended_at=started + timedelta(minutes=5), status="completed",
                         before=before, after=after, planned_seconds=300.0,
                         practised_seconds=300.0, tags=tags)


# "work": box three times (7 -> 4, a drop of 3), five senses three times (7 -> 6).
# "night": orienting twice only: too few to tell what helped.
SEED = [
    *(session("box", "Box breathing", day, 9, 7, 4, ("work",)) for day in (1, 2, 3)),
    *(session("five-senses", "Five senses (5-4-3-2-1)", day, 14, 7, 6, ("work",))
      for day in (4, 5, 6)),
    *(session("orienting", "Orienting", day, 23, 8, 5, ("night",)) for day in (7, 8)),
]


@pytest.fixture(autouse=True)
def english_numbers() -> Iterator[None]:
    old = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))
    yield
    QLocale.setDefault(old)


@pytest.fixture
def page(qtbot: QtBot) -> Iterator[HistoryPage]:
    with memory_store() as store:
        store.merge(SEED)
        yield shown_history(qtbot, store, NOW)


def group(page: HistoryPage, key: str) -> None:
    page.group.setCurrentIndex(page.group.findData(key))


def names(page: HistoryPage) -> list[str]:
    proxy = page.stats_proxy
    return [proxy.index(row, StatsModel.NAME).data() for row in range(proxy.rowCount())]


def test_times_of_day_come_in_order_and_name_their_hours(page: HistoryPage) -> None:
    group(page, "time_of_day")
    # Seeded at 9:00, 14:00 and 23:00: morning, afternoon, evening, in the day's order.
    assert names(page) == ["Morning, 06:00–12:00", "Afternoon, 12:00–18:00",
                           "Evening, 18:00–00:00"]


def test_by_tag_it_says_what_helped_most_with_each(page: HistoryPage) -> None:
    assert page.stats_table.isColumnHidden(StatsModel.BEST)  # by exercise: not there
    group(page, "tag")
    assert not page.stats_table.isColumnHidden(StatsModel.BEST)
    proxy = page.stats_proxy
    best = {proxy.index(row, StatsModel.NAME).data(): proxy.index(row, StatsModel.BEST).data()
            for row in range(proxy.rowCount())}
    assert best["work"] == "Box breathing (\u22123.0)"
    assert best["night"] == ""  # two sessions: too few to tell
    group(page, "exercise")
    assert page.stats_table.isColumnHidden(StatsModel.BEST)


def test_too_few_to_tell_instead_of_a_share(page: HistoryPage) -> None:
    proxy = page.stats_proxy
    shares = {proxy.index(row, StatsModel.NAME).data(): proxy.index(row, StatsModel.SHARE).data()
              for row in range(proxy.rowCount())}
    assert shares == {"Box breathing": "100%", "Five senses (5-4-3-2-1)": "0%",
                      "Orienting": "too few to tell"}


def test_the_table_is_as_tall_as_its_rows_and_names_are_whole(page: HistoryPage) -> None:
    view = page.stats_table
    assert view.verticalScrollBar().maximum() == 0
    last = view.rowViewportPosition(view.model().rowCount() - 1) + view.rowHeight(
        view.model().rowCount() - 1)
    assert last <= view.viewport().height()
    assert view.columnWidth(StatsModel.NAME) >= longest_word(view, StatsModel.NAME)


def test_in_a_narrow_page_at_large_text_columns_give_way_then_come_back(
        qtbot: QtBot, page: HistoryPage) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", 2.0)
    try:
        page.resize(640, 640)  # the narrowest the window lets it be
        qtbot.waitUntil(lambda: page.stats_table.isColumnHidden(StatsModel.BEFORE))
        view = page.stats_table
        assert view.horizontalScrollBar().maximum() == 0  # no sideways scrolling
        assert not view.isColumnHidden(StatsModel.CHANGE)  # what matters most stays
        page.tabs.setCurrentIndex(1)  # the sessions, laid out once on show
        sessions = page.sessions_table
        qtbot.waitUntil(lambda: sessions.isVisible() and sessions.viewport().width() > 0)
        QApplication.processEvents()
        assert sessions.horizontalScrollBar().maximum() == 0
        page.tabs.setCurrentIndex(0)
        page.resize(1400, 640)
        qtbot.waitUntil(lambda: not page.stats_table.isColumnHidden(StatsModel.BEFORE))
    finally:
        theme.apply(app, "light", 1.0)


def test_the_sort_arrow_points_the_way_the_numbers_go(qtbot: QtBot, page: HistoryPage) -> None:
    """Most sessions first (descending) shows an arrow pointing down, and the other
    way round: the header is drawn, and the arrow's two halves compared."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", 1.0)  # Steady's look draws the arrows
    view = page.stats_table
    header = view.horizontalHeader()

    def arrow_points_down() -> bool:
        QApplication.processEvents()
        picture = header.grab().toImage()
        rect = header.style().subElementRect(QStyle.SubElement.SE_HeaderArrow, _option(
            header, view.horizontalHeader().sortIndicatorSection()), header)
        ink = [[0, 0], [0, 0]]  # dark pixels in the top and bottom halves, at the edges
        for x in range(rect.left(), rect.right() + 1):
            for y in range(rect.top(), rect.bottom() + 1):
                if QColor(picture.pixel(x, y)).lightness() < 128:
                    half = 0 if y < rect.center().y() else 1
                    edge = abs(x - rect.center().x()) > rect.width() // 4
                    ink[half][int(edge)] += 1
        # Down "v": the wide part (ink at the edges) is on top.
        return ink[0][1] > ink[1][1]

    view.sortByColumn(StatsModel.SESSIONS, Qt.SortOrder.DescendingOrder)
    assert arrow_points_down()
    view.sortByColumn(StatsModel.SESSIONS, Qt.SortOrder.AscendingOrder)
    assert not arrow_points_down()


def _option(header: object, section: int) -> QStyleOptionHeader:
    from PySide6.QtWidgets import QHeaderView

    assert isinstance(header, QHeaderView)
    option = QStyleOptionHeader()
    option.initFrom(header)
    option.section = section
    option.rect = QRect(header.sectionViewportPosition(section), 0,
                        header.sectionSize(section), header.height())
    option.sortIndicator = (QStyleOptionHeader.SortIndicator.SortDown
                            if header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
                            else QStyleOptionHeader.SortIndicator.SortUp)
    return option
