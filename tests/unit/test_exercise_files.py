"""The person's exercise files, without Qt: saved whole, never overwritten by surprise,
deleted by moving aside, imported and exported as they are."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.exercise import Exercise
from app.domain.loader import load_file, load_folder, parse_exercise
from app.storage import exercise_files
from app.storage.exercise_files import (
    DELETED_FOLDER,
    SavePlan,
    changed_since,
    copy_in,
    export_to,
    free_file_name,
    make_folder,
    move_aside,
    plan_save,
    read_incoming,
    read_original,
    save_exercise,
    with_new_id,
    write_exercise,
)

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
POSIX = os.name == "posix"
JAN_5 = datetime(2026, 1, 5, 9, 0, 0)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "data" / "exercises"
    path.mkdir(parents=True)
    return path


def own(folder: Path, name: str = "evening.toml", text: str = TEXT) -> Exercise:
    """One's own exercise, as the library read it from ``folder``."""
    path = folder / name
    path.write_text(text, encoding="utf-8")
    exercise, problems = load_file(path)
    assert exercise is not None and problems == []
    return exercise


# --------------------------------------------------------------------------- names and writing


def test_free_file_names(tmp_path: Path) -> None:
    assert free_file_name(tmp_path, "x") == tmp_path / "x.toml"
    (tmp_path / "x.toml").write_text("")
    assert free_file_name(tmp_path, "x") == tmp_path / "x-2.toml"


def test_a_dangling_link_takes_a_name_too(tmp_path: Path) -> None:
    if not POSIX:
        pytest.skip("symbolic links need POSIX here")
    (tmp_path / "x.toml").symlink_to(tmp_path / "nowhere")
    assert free_file_name(tmp_path, "x") == tmp_path / "x-2.toml"


def test_write_exercise_is_private_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "data" / "exercises" / "calm.toml"
    write_exercise(target, "format = 1\n")
    assert target.read_text() == "format = 1\n"
    write_exercise(target, "format = 1\n# again\n")
    assert target.read_bytes() == b"format = 1\n# again\n"
    assert sorted(p.name for p in target.parent.iterdir()) == ["calm.toml"]
    assert load_folder(target.parent).problems  # our file is read (and is incomplete)
    if os.name == "posix":
        assert target.stat().st_mode & 0o777 == 0o600
        assert target.parent.stat().st_mode & 0o777 == 0o700
        assert target.parent.parent.stat().st_mode & 0o777 == 0o700


def test_a_failed_write_keeps_the_old_file(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "calm.toml"
    target.write_text("old")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_exercise(target, "new")
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["calm.toml"]


def test_make_folder(tmp_path: Path) -> None:
    folder = make_folder(tmp_path / "a" / "b")
    assert folder.is_dir()
    if os.name == "posix":
        assert (tmp_path / "a").stat().st_mode & 0o777 == 0o700


# --------------------------------------------------------------------------- the editor's save


def test_a_new_exercise_gets_a_name_of_its_own(folder: Path) -> None:
    assert plan_save(folder, "calm") == SavePlan(folder / "calm.toml")
    (folder / "calm.toml").write_text("someone else's")
    assert plan_save(folder, "calm") == SavePlan(folder / "calm-2.toml")


def test_ones_own_exercise_is_saved_over_its_file(folder: Path) -> None:
    evening = own(folder, "my-evening.toml")  # a file name that is not its id
    assert plan_save(folder, "evening", editing=evening) == SavePlan(folder / "my-evening.toml")


def test_a_changed_id_gets_a_new_file_and_the_old_one_goes(folder: Path) -> None:
    evening = own(folder)
    plan = plan_save(folder, "night", editing=evening)
    assert plan == SavePlan(folder / "night.toml", replaces=folder / "evening.toml")
    text = TEXT.replace('id = "evening"', 'id = "night"')
    saved = save_exercise(plan, text)
    assert saved is not None and saved.id == "night" and saved.path == folder / "night.toml"
    assert sorted(p.name for p in folder.iterdir()) == ["night.toml"]
    assert (folder / "night.toml").read_text(encoding="utf-8") == text


def test_an_exercise_without_a_file_is_saved_as_new(folder: Path) -> None:
    evening = own(folder)
    bundled_like = Exercise(id="evening", title="Evening", kind="breathing")  # no path
    assert plan_save(folder, "evening", editing=bundled_like) == SavePlan(
        folder / "evening-2.toml")
    assert evening.path is not None and evening.path.exists()


def test_save_writes_privately_and_reads_the_exercise_back(folder: Path) -> None:
    saved = save_exercise(SavePlan(folder / "evening.toml"), TEXT)
    assert saved is not None
    assert saved.path == folder / "evening.toml" and saved.title == "Evening breath"
    assert [p.seconds for p in saved.phases] == [4, 6]
    if POSIX:
        assert (folder / "evening.toml").stat().st_mode & 0o777 == 0o600


def test_text_that_does_not_read_back_is_still_written(folder: Path) -> None:
    assert save_exercise(SavePlan(folder / "odd.toml"), "format = 1\n") is None
    assert (folder / "odd.toml").read_text() == "format = 1\n"


def test_a_failed_save_keeps_the_file_it_was_to_replace(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    evening = own(folder)
    plan = plan_save(folder, "night", editing=evening)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_exercise(plan, TEXT.replace('id = "evening"', 'id = "night"'))
    assert sorted(p.name for p in folder.iterdir()) == ["evening.toml"]
    assert (folder / "evening.toml").read_text(encoding="utf-8") == TEXT


def test_a_file_changed_elsewhere_is_noticed(folder: Path) -> None:
    path = own(folder).path
    assert path is not None
    original = read_original(path)
    assert original == TEXT.encode()
    assert not changed_since(path, original)
    path.write_text(TEXT.replace("Evening breath", "Changed in a text editor"))
    assert changed_since(path, original)
    path.unlink()
    assert read_original(path) is None
    assert changed_since(path, original)  # gone is changed too
    assert not changed_since(path, None)  # it could not be read then either


# --------------------------------------------------------------------------- import, export, delete


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


def test_a_file_that_goes_between_check_and_read_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.toml"
    good.write_text(TEXT, encoding="utf-8")

    def gone(self: Path) -> bytes:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(Path, "read_bytes", gone)
    incoming = read_incoming(good)
    assert incoming.exercise is None and incoming.data == b""
    [problem] = incoming.problems
    assert problem.path == str(good) and problem.message.startswith("cannot be read (")


def test_with_new_id_keeps_everything_else(tmp_path: Path) -> None:
    data = with_new_id(TEXT.encode(), tmp_path / "x.toml", "evening-2")
    assert data is not None
    assert data.decode() == TEXT.replace('id = "evening"', 'id = "evening-2"')
    exercise, problems = parse_exercise(data, "x.toml")
    assert problems == [] and exercise is not None and exercise.id == "evening-2"
    assert with_new_id(b"\xff", tmp_path / "x.toml", "a") is None
    assert with_new_id(b"format = 1\n", tmp_path / "x.toml", "a") is None


def test_with_new_id_refuses_an_id_the_loader_would_not_take(tmp_path: Path) -> None:
    assert with_new_id(TEXT.encode(), tmp_path / "x.toml", "Not An Id") is None


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


def test_an_exercise_without_a_file_cannot_be_exported(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        export_to(Exercise(id="x", title="X", kind="body"), tmp_path / "x.toml")
    assert not (tmp_path / "x.toml").exists()


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


def test_move_aside_names_the_time_and_never_overwrites(
        folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir = folder.parent
    path = folder / "evening.toml"
    names = []
    for text in ("first", "second"):
        path.write_text(text)
        names.append(move_aside(path, data_dir, clock=lambda: JAN_5).name)
    assert names == ["evening-20260105-090000.toml", "evening-20260105-090000-2.toml"]
    if POSIX:
        assert (data_dir / DELETED_FOLDER).stat().st_mode & 0o777 == 0o700

    monkeypatch.setattr(exercise_files, "MAX_ASIDE", 2)
    path.write_text("third")
    with pytest.raises(OSError):
        move_aside(path, data_dir, clock=lambda: JAN_5)
    assert path.read_text() == "third"  # left where it was
    kept = sorted(p.read_text() for p in (data_dir / DELETED_FOLDER).iterdir())
    assert kept == ["first", "second"]
