"""The live exercises folder: added, changed and removed files noticed, in one signal.

The file work behind Save, Import, Export and Delete is tested without Qt in
tests/unit/test_exercise_files.py.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.services.exercise_folder import ExerciseFolder, write_exercise

pytestmark = pytest.mark.gui

TEXT = """# Shared by a friend.
format = 1
id = "evening"
title = "Evening breath"
kind = "breathing"

[[phases]]
action = "inhale"
seconds = 4
[[phases]]
action = "exhale"
seconds = 6
"""
WAIT_MS = 5000


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "exercises"
    path.mkdir(parents=True)
    return path


@pytest.fixture
def watcher(qtbot: QtBot, folder: Path) -> Iterator[ExerciseFolder]:
    watched = ExerciseFolder(folder, debounce_ms=50)
    yield watched
    watched.stop()
    watched.deleteLater()


def test_the_debounce_timer_belongs_to_the_watcher(watcher: ExerciseFolder) -> None:
    timer = watcher.timer()
    assert timer.parent() is watcher and timer.isSingleShot()
    assert not timer.isActive()


def test_a_new_file_is_noticed_and_then_watched(qtbot: QtBot, watcher: ExerciseFolder,
                                                folder: Path) -> None:
    path = folder / "evening.toml"
    with qtbot.waitSignal(watcher.changed, timeout=WAIT_MS):
        path.write_text(TEXT, encoding="utf-8")
    assert str(path) in watcher.watched()
    with (qtbot.waitSignal(watcher.changed, timeout=WAIT_MS),
          path.open("a", encoding="utf-8") as handle):  # changed in place
        handle.write("# one more line\n")
    with qtbot.waitSignal(watcher.changed, timeout=WAIT_MS):
        path.unlink()
    assert str(path) not in watcher.watched()


def test_a_file_replaced_by_an_editor_is_watched_again(qtbot: QtBot, watcher: ExerciseFolder,
                                                       folder: Path) -> None:
    path = folder / "evening.toml"
    with qtbot.waitSignal(watcher.changed, timeout=WAIT_MS):
        path.write_text(TEXT, encoding="utf-8")
    for title in ("First save", "Second save"):  # each save is a new file (os.replace)
        with qtbot.waitSignal(watcher.changed, timeout=WAIT_MS):
            write_exercise(path, TEXT.replace("Evening breath", title))
        assert str(path) in watcher.watched()
    with qtbot.waitSignal(watcher.changed, timeout=WAIT_MS):  # and an edit in place after
        path.write_text(TEXT, encoding="utf-8")


def test_a_burst_of_changes_settles_into_one_signal(qtbot: QtBot, watcher: ExerciseFolder,
                                                    folder: Path) -> None:
    seen: list[int] = []
    watcher.changed.connect(lambda: seen.append(1))
    with qtbot.waitSignal(watcher.changed, timeout=WAIT_MS):
        for n in range(5):
            (folder / f"e{n}.toml").write_text(TEXT.replace("evening", f"e{n}"))
    assert len(seen) >= 1
    qtbot.waitUntil(lambda: not watcher.timer().isActive())
    assert all(str(folder / f"e{n}.toml") in watcher.watched() for n in range(5))


def test_a_folder_that_does_not_exist_yet_is_waited_for(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "exercises"
    watched = ExerciseFolder(folder, debounce_ms=50)
    try:
        assert watched.watched() == [str(tmp_path)]
        with qtbot.waitSignal(watched.changed, timeout=WAIT_MS):
            folder.mkdir()
        assert str(folder) in watched.watched()
        with qtbot.waitSignal(watched.changed, timeout=WAIT_MS):
            (folder / "evening.toml").write_text(TEXT)
    finally:
        watched.stop()
        watched.deleteLater()


def test_stop_watches_nothing(watcher: ExerciseFolder) -> None:
    watcher.stop()
    assert watcher.watched() == []
