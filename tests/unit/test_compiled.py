"""Steady's own exercises read ahead: the same library as reading the files, or none.

The compiled file (resources/exercises.compiled.json) is used only while it says
exactly what the exercise files say; these tests change the files in a copy and
check that the start then reads them instead.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import paths
from app.bootstrap import COMPILED_EXERCISES
from app.domain.compiled import compile_folder, load_library, read_compiled
from app.domain.loader import Library
from app.domain.loader import load_library as read_library

BUNDLED = paths.bundled_exercises_dir()
COMPILED = paths.resource(COMPILED_EXERCISES)


def same(one: Library, other: Library) -> None:
    """Two libraries hold the same exercises, in the same order, from the same files."""
    assert list(one.exercises.items()) == list(other.exercises.items())
    for a, b in zip(one.exercises.values(), other.exercises.values(), strict=True):
        assert (a.path, a.bundled) == (b.path, b.bundled)
    assert [str(p) for p in one.problems] == [str(p) for p in other.problems]


def test_the_committed_file_is_up_to_date() -> None:
    assert COMPILED.read_text(encoding="utf-8") == compile_folder(BUNDLED), (
        "exercises/ changed: run python resources/scripts/compile_exercises.py")


def test_it_gives_the_library_the_files_give(tmp_path: Path) -> None:
    assert read_compiled(BUNDLED, COMPILED) is not None  # it is really used
    same(load_library(BUNDLED, tmp_path / "own", compiled=COMPILED),
         read_library(BUNDLED, tmp_path / "own"))


def test_ones_own_exercises_still_take_the_place_of_steadys(tmp_path: Path) -> None:
    own = tmp_path / "own"
    own.mkdir()
    text = (BUNDLED / "box.toml").read_text(encoding="utf-8")
    (own / "box.toml").write_text(text.replace('title = "Box breathing"',
                                               'title = "My box"'), encoding="utf-8")
    library = load_library(BUNDLED, own, compiled=COMPILED)
    box = library.get("box")
    assert box is not None and box.title == "My box" and not box.bundled
    same(library, read_library(BUNDLED, own))


def _copy(tmp_path: Path) -> tuple[Path, Path]:
    folder = tmp_path / "exercises"
    shutil.copytree(BUNDLED, folder)
    compiled = tmp_path / "compiled.json"
    compiled.write_text(compile_folder(folder), encoding="utf-8")
    assert read_compiled(folder, compiled) is not None
    return folder, compiled


@pytest.mark.parametrize("change", ["edited", "added", "removed", "damaged", "missing",
                                    "other version"])
def test_anything_changed_and_the_files_are_read(change: str, tmp_path: Path) -> None:
    folder, compiled = _copy(tmp_path)
    if change == "edited":
        box = folder / "box.toml"
        box.write_text(box.read_text(encoding="utf-8").replace("Box breathing", "Square"),
                       encoding="utf-8")
    elif change == "added":
        shutil.copy(folder / "box.toml", folder / "box-again.TOML")
    elif change == "removed":
        (folder / "texture.toml").unlink()
    elif change == "damaged":
        compiled.write_text(compiled.read_text(encoding="utf-8")[:500], encoding="utf-8")
    elif change == "missing":
        compiled.unlink()
    else:
        compiled.write_text(compiled.read_text(encoding="utf-8").replace(
            '"version": 1', '"version": 99'), encoding="utf-8")
    assert read_compiled(folder, compiled) is None
    same(load_library(folder, None, compiled=compiled), read_library(folder, None))


def test_only_good_exercises_are_compiled(tmp_path: Path) -> None:
    folder, _compiled = _copy(tmp_path)
    (folder / "broken.toml").write_text("format = 1\nid = \n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"broken\.toml"):
        compile_folder(folder)
