"""The live exercises folder, and the file work behind Import, Export and Delete."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.domain.loader import load_file, parse_exercise
from app.services.exercise_folder import (
    DELETED_FOLDER,
    ExerciseFolder,
    copy_in,
    export_to,
    move_aside,
    read_incoming,
    with_new_id,
    write_exercise,
)

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


# --------------------------------------------------------------------------- file work


def test_read_incoming_checks_like_validate(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(TEXT, encoding="utf-8")
    incoming = read_incoming(good)
    assert incoming.exercise is not None and incoming.problems == []
    assert incoming.data == good.read_bytes()
    bad = tmp_path / "bad.toml"
    bad.write_text(TEXT.replace("seconds = 6", "seconds = 600"), encoding="utf-8")
    incoming = read_incoming(bad)
    assert incoming.exercise is None and incoming.data == b""
    assert [p.key for p in incoming.problems] == ["phases[2].seconds"]
    assert read_incoming(tmp_path / "missing.toml").problems


def test_with_new_id_keeps_everything_else(tmp_path: Path) -> None:
    data = with_new_id(TEXT.encode(), tmp_path / "x.toml", "evening-2")
    assert data is not None
    assert data.decode() == TEXT.replace('id = "evening"', 'id = "evening-2"')
    exercise, problems = parse_exercise(data, "x.toml")
    assert problems == [] and exercise is not None and exercise.id == "evening-2"
    assert with_new_id(b"\xff", tmp_path / "x.toml", "a") is None
    assert with_new_id(b"format = 1\n", tmp_path / "x.toml", "a") is None


def test_copy_in_never_overwrites_an_unchosen_file(folder: Path) -> None:
    (folder / "evening.toml").write_text("someone else's")
    path = copy_in(TEXT.encode(), folder, "evening")
    assert path == folder / "evening-2.toml"
    assert (folder / "evening.toml").read_text() == "someone else's"
    again = copy_in(b"replaced", folder, "evening", replace=path)
    assert again == path and path.read_bytes() == b"replaced"
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600


def test_export_copies_the_file_as_it_is(folder: Path, tmp_path: Path) -> None:
    source = folder / "evening.toml"
    source.write_text(TEXT, encoding="utf-8")
    exercise, _ = load_file(source)
    assert exercise is not None
    target = tmp_path / "share" / "evening.toml"
    target.parent.mkdir()
    export_to(exercise, target)
    assert target.read_bytes() == source.read_bytes()


def test_move_aside_keeps_the_file(folder: Path) -> None:
    data_dir = folder.parent
    first = folder / "evening.toml"
    first.write_text(TEXT)
    aside = move_aside(first, data_dir)
    assert not first.exists() and aside.parent == data_dir / DELETED_FOLDER
    assert aside.read_text() == TEXT
    first.write_text("again")
    second = move_aside(first, data_dir)
    assert second != aside and second.read_text() == "again"
