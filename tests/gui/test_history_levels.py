"""History by starting level, and "delete everything" taking the coping plan too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.plan import CopingPlan
from app.domain.session import FEW_TO_TELL, SessionRecord
from app.domain.settings import Settings
from app.storage.plan import PLAN_NAME, FilePlanStore
from app.storage.sessions import SqliteSessionStore, memory_store
from app.ui.history.models import StatsModel
from app.ui.history.page import HistoryPage
from app.ui.shell.window import MainWindow
from app.ui.widgets.dialogs import ConfirmDialog, Question
from tests.gui.conftest import FakeClock, shown_history
from tests.gui.test_history import NOW, at, choose, session, stats_rows

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]

#: From 7 or 8: box three times (8->4, 7->4, 8->5: -3.3), cold twice (-1); from 0-3 one
#: session; numb three times with orienting (the mark gone after two), one unrated.
SEED = [
    *(session("box", "Box breathing", at("03-0" + str(d), 9), b, a)
      for d, (b, a) in enumerate([(8, 4), (7, 4), (8, 5)], start=1)),
    *(session("cold-temperature", "Cold temperature", at("03-1" + str(d), 9), 8, 7)
      for d in range(2)),
    session("texture", "Texture", at("03-20", 9), 2, 1),
    *(session("orienting", "Orienting", at("03-2" + str(d), 20), 3, 3, numb_before=True,
              numb_after=d == 3) for d in range(1, 4)),
    session("orienting", "Orienting", at("03-25", 20), None, None, numb_before=True),
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


def test_what_works_grouped_by_starting_level(page: HistoryPage) -> None:
    choose(page.group, "start_level")
    model = page.stats_model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Starting level"
    names = [page.stats_proxy.index(r, 0).data() for r in range(page.stats_proxy.rowCount())]
    assert names == ["From 0 to 3", "From 7 or 8", "Numb or far away"]  # the levels' order
    rows = stats_rows(page)
    assert rows["From 7 or 8"][:4] == ["5", "7.8", "5.4", "\u22122.4"]
    assert rows["Numb or far away"][0] == "4"
    assert not page.stats_table.isColumnHidden(StatsModel.BEST)
    best = {page.stats_proxy.index(r, 0).data(): page.stats_proxy.index(r, StatsModel.BEST)
            .data() for r in range(page.stats_proxy.rowCount())}
    assert best["From 7 or 8"] == "Box breathing (\u22123.3)"  # the domain's one rule
    assert best["Numb or far away"] == "Orienting (eased 2 of 3)"  # its own measure
    tip = page.stats_proxy.index(names.index("From 7 or 8"), 0).data(
        Qt.ItemDataRole.ToolTipRole)
    assert tip == "Sessions that began at 7 or 8"


def test_too_few_sessions_name_nothing(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    assert FEW_TO_TELL == 3  # box from 7-8 and orienting from numb have 3 each
    monkeypatch.setattr("app.domain.history.FEW_TO_TELL", 4)
    with memory_store() as store:
        store.merge(SEED)
        widget = HistoryPage(store, clock=lambda: NOW)
        qtbot.addWidget(widget)
        choose(widget.group, "start_level")
        cells = [widget.stats_proxy.index(r, StatsModel.BEST).data()
                 for r in range(widget.stats_proxy.rowCount())]
        assert cells == ["", "", ""]


def test_delete_everything_takes_the_plan_too(qtbot: QtBot, library: Library,
                                              store: SqliteSessionStore, clock: FakeClock,
                                              data_dir: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[dict[str, Any]] = []

    def ask(cls: type, parent: QWidget | None, question: Question) -> str:
        asked.append({"title": question.title, "text": question.text})
        return question.answers[0].key  # the first answer: delete

    monkeypatch.setattr(ConfirmDialog, "ask", classmethod(ask))
    plans = FilePlanStore(data_dir)
    plans.save(CopingPlan(warning_signs=("Not sleeping",)))
    (data_dir / f"{PLAN_NAME}.damaged-20250101-000000").write_text("old")
    store.save(SessionRecord("box", "Box breathing", NOW, before=5, after=3,
                             status="completed"))
    window = MainWindow(library, store, Settings(first_run_done=True), clock=clock,
                        plans=lambda: FilePlanStore(data_dir))
    qtbot.addWidget(window)
    window.show_plan()  # open, as a person may have left it
    window.show_history()
    page = window.history_page
    assert page is not None
    page.delete_all_button.click()
    assert "Your coping plan will be removed too." in asked[0]["text"]
    assert store.count() == 0
    assert not [p for p in data_dir.iterdir() if p.name.startswith(PLAN_NAME)]
    window.show_plan()
    assert window.plan_door.page.plan() == CopingPlan()
