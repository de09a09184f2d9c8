"""Where an export or a report may be written (app.storage.out_files), in process."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from app.storage.files import TemporaryNotes
from app.storage.out_files import (
    Refused,
    export_target,
    holds_something,
    prepare_target,
    steady_files,
    write_private,
)
from app.storage.sessions import open_store


@pytest.fixture
def data(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    open_store(folder)[0].close()
    return folder


def test_an_ordinary_new_or_existing_file_is_fine(data: Path, tmp_path: Path) -> None:
    assert export_target(tmp_path / "new.csv", data) == Path(os.path.realpath(
        tmp_path / "new.csv"))
    (tmp_path / "old.csv").write_text("x")
    assert export_target(tmp_path / "old.csv", data).name == "old.csv"


def test_a_link_is_followed_to_the_file_it_points_to(data: Path, tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    assert export_target(link, data) == Path(os.path.realpath(real))


@pytest.mark.parametrize(("where", "said"), [
    ("data", "is Steady's data folder"),
    ("data/x.pdf", "inside Steady's data folder"),
    ("data/steady.sqlite3", "inside Steady's data folder"),
])
def test_steadys_own_places_are_refused(data: Path, tmp_path: Path, where: str, said: str
                                        ) -> None:
    with pytest.raises(Refused, match=said):
        export_target(tmp_path / where, data)


def test_a_link_to_the_log_from_elsewhere_is_refused(data: Path, tmp_path: Path) -> None:
    link = tmp_path / "innocent.csv"
    link.symlink_to(data / "steady.sqlite3")
    with pytest.raises(Refused, match="inside Steady's data folder"):
        export_target(link, data)
    hard = tmp_path / "hard.csv"
    os.link(data / "steady.sqlite3", hard)
    with pytest.raises(Refused, match="one of Steady's own files"):
        export_target(hard, data)


def test_a_folder_and_a_pipe_are_refused(data: Path, tmp_path: Path) -> None:
    with pytest.raises(Refused, match=r"is a folder; give a file name, like .*report\.pdf"):
        export_target(tmp_path, data, example="report.pdf")
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(Refused, match="not an ordinary file"):
        export_target(pipe, data)


def test_steadys_own_files_are_the_log_its_side_files_settings_and_plan(data: Path) -> None:
    names = {p.name for p in steady_files(data)}
    assert {"steady.sqlite3", "steady.sqlite3-wal", "settings.json",
            "coping-plan.json"} <= names


def test_prepare_removes_what_a_killed_write_left(data: Path, tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    leftover = tmp_path / ".export.csv.999999999-abcd.tmp"  # its process is long gone
    leftover.write_text("half")
    assert prepare_target(target, data) == Path(os.path.realpath(target))
    assert not leftover.exists()


def test_write_private_is_whole_private_and_forgets_its_note(data: Path,
                                                              tmp_path: Path) -> None:
    notes = TemporaryNotes(data / "notes")
    out = tmp_path / "out.bin"
    write_private(out, b"bytes", notes)
    assert out.read_bytes() == b"bytes" and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert not (data / "notes").exists()
    write_private(out, "text")
    assert out.read_text() == "text"


def test_holds_something(tmp_path: Path) -> None:
    assert not holds_something(tmp_path / "missing")
    (tmp_path / "empty").write_text("")
    assert not holds_something(tmp_path / "empty")
    (tmp_path / "full").write_text("x")
    assert holds_something(tmp_path / "full")
