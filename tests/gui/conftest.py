"""Shared pieces of the GUI tests: a fake clock the test moves by hand, quiet cues,
the bundled library, an in-memory log, and pressing keys as a person would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import paths
from app.domain.loader import Library, load_library
from app.storage.sessions import SqliteSessionStore, open_store

if TYPE_CHECKING:
    from app.ui.history.page import HistoryPage


class FakeClock:
    """A monotonic clock that only moves when the test says so."""

    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


class FakeCues:
    """Stands in for the sound and speech services: no device probing in tests."""

    def __init__(self, *_args: object, reason: str = "", **_kwargs: object) -> None:
        self._reason = reason

    def reason(self) -> str:
        return self._reason

    def available(self) -> bool:
        return not self.reason()

    def play(self, *_args: object) -> bool:
        return False

    def say(self, *_args: object) -> bool:
        return False

    def set_volume(self, *_args: object) -> None:
        pass

    def stop(self) -> None:
        pass


@pytest.fixture
def quiet_cues(monkeypatch: pytest.MonkeyPatch) -> None:
    """Sound and speech stand-ins for the window (use with ``pytest.mark.usefixtures``)."""
    import app.ui.exercise.cues as cues

    monkeypatch.setattr(cues, "SoundCues", FakeCues)
    monkeypatch.setattr(cues, "SpokenCues", FakeCues)


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(paths.bundled_exercises_dir())


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteSessionStore]:
    """A real log on disk, as the window has: saves are checked there, and the summary
    says so ("Saved on this computer only")."""
    opened, _ = open_store(tmp_path / "log")
    with opened:
        yield opened


def show_active(qtbot: QtBot, widget: QWidget) -> None:
    """Show ``widget`` as the active window, so keys reach it."""
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def press(qtbot: QtBot, key: Qt.Key) -> QWidget:
    """Press ``key`` on whatever has the keyboard focus, as a person would."""
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, key)
    return target



def shown_history(qtbot: QtBot, store: SqliteSessionStore, now: datetime) -> HistoryPage:
    """History over ``store`` at ``now`` (its clock), 900x640, shown."""
    from app.ui.history.page import HistoryPage

    page = HistoryPage(store, clock=lambda: now)
    qtbot.addWidget(page)
    page.resize(900, 640)
    page.show()
    qtbot.waitExposed(page)
    return page

@pytest.fixture(autouse=True)
def close_without_held_sessions(monkeypatch: pytest.MonkeyPatch) -> None:
    """A window closed at the end of a test with sessions no disk took would ask what
    to do with them, and wait for a person: here it closes without them. Tests of
    that question set their own answer."""
    from app.ui.shell.session_steps import SessionSteps

    monkeypatch.setattr(SessionSteps, "ask_before_close",
                        staticmethod(lambda _parent, _question: "close"))
