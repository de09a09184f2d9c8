"""Typing 10 gives 10: real key presses, with the gaps people leave between them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.rating import DIGIT_PAUSE
from app.domain.settings import Settings
from app.storage.sessions import SqliteSessionStore
from app.ui.shell.window import MainWindow
from tests.gui.conftest import show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]

KEYPAD = Qt.KeyboardModifier.KeypadModifier


@pytest.fixture
def window(qtbot: QtBot, library: Library, store: SqliteSessionStore) -> Iterator[MainWindow]:
    win = MainWindow(library, store, Settings(first_run_done=True))
    qtbot.addWidget(win)
    show_active(qtbot, win)
    assert win.start_exercise("box")
    qtbot.waitUntil(win.before.scale.hasFocus)
    yield win


@pytest.mark.parametrize("gap_ms", [80, 250, 600, 1400])
@pytest.mark.parametrize("keypad", [False, True], ids=["digits", "number pad"])
def test_one_then_zero_is_ten(qtbot: QtBot, window: MainWindow, gap_ms: int,
                              keypad: bool) -> None:
    scale = window.before.scale
    modifier = KEYPAD if keypad else Qt.KeyboardModifier.NoModifier
    qtbot.keyClick(scale, Qt.Key.Key_1, modifier)
    assert scale.value() == 1  # shown the moment it is typed
    qtbot.wait(gap_ms)  # a person's pause between the two keys
    qtbot.keyClick(scale, Qt.Key.Key_0, modifier)
    assert scale.value() == 10


def test_one_alone_then_enter_after_the_pause_is_one(qtbot: QtBot, window: MainWindow,
                                                     store: SqliteSessionStore) -> None:
    scale = window.before.scale
    qtbot.keyClick(scale, Qt.Key.Key_1)
    qtbot.wait(int(DIGIT_PAUSE * 1000) + 100)
    qtbot.keyClick(scale, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.exercise_page is not None)
    [record] = store.sessions()
    assert record.before == 1


def test_enter_without_a_number_says_what_to_do_aloud_too(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    before = window.before
    qtbot.keyClick(before.scale, Qt.Key.Key_Return)
    assert before.hint.isVisible()
    assert before.last_announcement == before.hint.text() == (
        "Choose a number, or press S to skip.")


def test_after_the_pause_zero_is_zero(qtbot: QtBot, window: MainWindow) -> None:
    scale = window.before.scale
    qtbot.keyClick(scale, Qt.Key.Key_1)
    qtbot.wait(int(DIGIT_PAUSE * 1000) + 100)
    qtbot.keyClick(scale, Qt.Key.Key_0)
    assert scale.value() == 0


def test_ten_at_the_first_rating_offers_help_first(qtbot: QtBot, window: MainWindow) -> None:
    before = window.before
    qtbot.keyClick(before.scale, Qt.Key.Key_1)
    qtbot.wait(250)
    qtbot.keyClick(before.scale, Qt.Key.Key_0)
    qtbot.keyClick(before.scale, Qt.Key.Key_Return)
    assert before.offer.isVisible()  # like 9: reach someone first, or go on
    assert window.exercise_page is None
    # the focus names only "No, take me to the exercise": the offer itself is said
    assert before.last_announcement.startswith("That sounds really hard.")
    assert before.go_button.accessibleName() == "Start"  # no key hint read out
    qtbot.keyClick(before.offer_continue, Qt.Key.Key_Return)  # pressed twice by reflex
    assert before.offer.isVisible() and window.exercise_page is None  # the offer stays
    qtbot.waitUntil(lambda: not before.offer_guard.fresh())  # a deliberate answer later
    qtbot.keyClick(before.offer_continue, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.exercise_page is not None)


def watch_suggestions(window: MainWindow) -> list[int | None]:
    """Record each level the before page asks a suggestion for (it then shows none)."""
    asked: list[int | None] = []

    def suggest(value: int | None, numb: bool, offered: bool) -> None:
        asked.append(value)

    window.before.suggest = suggest
    return asked


def test_no_suggestion_for_a_one_that_becomes_ten(qtbot: QtBot, window: MainWindow) -> None:
    asked = watch_suggestions(window)
    scale = window.before.scale
    qtbot.keyClick(scale, Qt.Key.Key_1)
    assert asked == []  # "1" may yet be the start of 10: no line for 1 meanwhile
    qtbot.wait(600)
    qtbot.keyClick(scale, Qt.Key.Key_0)
    assert asked == [10]
    qtbot.wait(int(DIGIT_PAUSE * 1000) + 200)
    assert asked == [10]  # the pending check for "1" does not come back


def test_a_one_left_alone_gets_its_suggestion_after_the_pause(qtbot: QtBot,
                                                              window: MainWindow) -> None:
    asked = watch_suggestions(window)
    qtbot.keyClick(window.before.scale, Qt.Key.Key_1)
    assert asked == []
    qtbot.waitUntil(lambda: asked == [1], timeout=int(DIGIT_PAUSE * 1000) + 2000)
