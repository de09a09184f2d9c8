"""One durable write for every file Steady writes, and what a killed write leaves."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.domain.reasons import os_reason
from app.storage import files
from app.storage.files import (
    TemporaryNotes,
    is_temporary_for,
    make_private_dir,
    remove_leftovers,
    temporary_name,
    write_durable,
)

POSIX = os.name == "posix"


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def dead_pid() -> int:
    """The id of a process that has ended (and was reaped)."""
    done = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(done.stdout)


def test_write_durable_is_private_whole_and_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    write_durable(target, "{}\n")
    assert target.read_text() == "{}\n"
    write_durable(target, b"{\"a\": 1}\r\n")
    assert target.read_bytes() == b"{\"a\": 1}\r\n", "bytes and line ends kept as given"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]
    if POSIX:
        assert mode(target) == 0o600
        write_durable(target, "x", mode=0o644)
        assert mode(target) == 0o644


def test_write_durable_syncs_the_file_and_then_its_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    synced: list[str] = []
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        synced.append("folder" if stat.S_ISDIR(os.fstat(descriptor).st_mode) else "file")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    write_durable(tmp_path / "a.toml", "format = 1\n")
    expected = ["file", "folder"] if POSIX else ["file"]
    assert synced == expected


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_failed_write_keeps_the_old_file_and_no_temporary_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    target = tmp_path / "calm.toml"
    target.write_text("old")

    def broken(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, step, broken)
    with pytest.raises(OSError, match="No space left"):
        write_durable(target, "new")
    monkeypatch.undo()
    assert target.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["calm.toml"]


def test_temporary_names_start_with_a_dot_and_name_their_process(tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    first, second = temporary_name(target), temporary_name(target)
    assert first != second
    assert first.name.startswith(f".export.csv.{os.getpid()}-") and first.name.endswith(".tmp")
    assert is_temporary_for(first, target)
    assert not is_temporary_for(tmp_path / "export.csv", target)
    assert not is_temporary_for(tmp_path / ".other.csv.1-ab.tmp", target)


def test_leftovers_of_a_gone_process_are_removed_and_a_live_one_is_kept(
        tmp_path: Path) -> None:
    target = tmp_path / "export.csv"
    target.write_text("the person's own file")
    gone = tmp_path / f".export.csv.{dead_pid()}-00aa.tmp"
    gone.write_text("half of an export")
    live = tmp_path / f".export.csv.{os.getppid()}-00bb.tmp"
    live.write_text("an export under way")
    other = tmp_path / ".notes.txt.1-00cc.tmp"
    other.write_text("not ours to touch")
    assert remove_leftovers(target) == [gone]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, live.name, other.name])


def test_notes_let_a_killed_write_elsewhere_be_cleaned(tmp_path: Path) -> None:
    (tmp_path / "data").mkdir()
    notes = TemporaryNotes(tmp_path / "data" / "exports-under-way")
    assert TemporaryNotes(tmp_path / "no-data" / "notes").note(tmp_path / "x") is None, (
        "a note never creates the data folder")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    left = elsewhere / f".backup.csv.{dead_pid()}-0001.tmp"
    left.write_text("sessions, half written")
    note = notes.note(left)
    assert note is not None and note.read_bytes() == os.fsencode(left)
    # Noted by a process that has ended: as the note says, the file is removed.
    note.rename(note.with_name(f"{dead_pid()}-0001"))
    assert notes.clean() == [left]
    assert not left.exists() and not notes.folder.exists()


def test_notes_leave_a_write_under_way_and_files_not_named_as_ours(tmp_path: Path) -> None:
    notes = TemporaryNotes(tmp_path / "notes")
    under_way = tmp_path / f".backup.csv.{os.getpid()}-0002.tmp"
    under_way.write_text("being written")
    kept = notes.note(under_way)
    assert kept is not None
    assert notes.clean() == [] and under_way.exists(), "this process is still writing it"
    notes.forget(kept)
    assert not notes.folder.exists(), "no empty notes folder is left"
    precious = tmp_path / "precious.txt"
    precious.write_text("the person's")
    odd = notes.folder / f"{dead_pid()}-0003"
    notes.folder.mkdir(exist_ok=True)
    odd.write_bytes(os.fsencode(precious))
    assert notes.clean() == [] and precious.read_text() == "the person's"


def test_make_private_dir(tmp_path: Path) -> None:
    folder = make_private_dir(tmp_path / "a" / "b")
    assert folder.is_dir()
    if POSIX:
        assert mode(tmp_path / "a") == 0o700 and mode(folder) == 0o700
        os.chmod(folder, 0o755)
        make_private_dir(folder)
        assert mode(folder) == 0o700
        os.chmod(folder, 0o555)
        make_private_dir(folder)
        assert mode(folder) == 0o500, "a folder made read-only stays so"


def test_one_reason_for_every_layer() -> None:
    assert os_reason(OSError(28, "No space left on device")) == "No space left on device"
    assert os_reason(OSError("odd")) == "odd"
    assert os_reason(OSError()) == "OSError"
    assert files.os_reason is os_reason


def test_every_whole_file_is_written_by_the_one_durable_write() -> None:
    """Only app/storage/files.py syncs what it writes (and the recovery file its lines,
    which it appends: not a whole file); nobody else makes temporary files."""
    app = Path(__file__).resolve().parents[2] / "app"
    syncing: set[str] = set()
    temporary: set[str] = set()
    for path in app.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        name = str(path.relative_to(app))
        if "os.fsync(" in text:
            syncing.add(name)
        if "mkstemp" in text or "NamedTemporaryFile" in text or ".tmp\"" in text:
            temporary.add(name)
    assert syncing == {"storage/files.py", "storage/recovery.py"}, syncing
    assert temporary <= {"storage/files.py"}, temporary
