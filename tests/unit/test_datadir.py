"""The data folder is Steady's own; names taken by pipes and devices are refused unopened."""

from __future__ import annotations

import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.settings import Settings
from app.storage.datadir import (
    DataFolderError,
    check_data_dir,
    check_own_file,
    is_own_name,
    read_own_file,
)
from app.storage.db import open_database, open_read_only
from app.storage.errors import StorageError
from app.storage.settings import SettingsError, load_settings, save_settings

POSIX = os.name == "posix"
needs_posix = pytest.mark.skipif(not POSIX, reason="POSIX modes, pipes and sockets")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_or_empty_folder_is_fine(tmp_path: Path) -> None:
    check_data_dir(tmp_path / "not-yet")
    empty = tmp_path / "empty"
    empty.mkdir(mode=0o755)
    check_data_dir(empty)
    assert not (tmp_path / "not-yet").exists(), "checking creates nothing"


def test_a_folder_with_steady_s_files_is_steady_s_whatever_else_is_there(
        tmp_path: Path) -> None:
    for own in ("steady.sqlite3", "settings.json", "exercises", "steady.sqlite3-wal",
                "settings.json.damaged-20260101-000000", "recovery"):
        folder = tmp_path / own.replace(".", "_")
        folder.mkdir()
        (folder / own).write_text("")
        (folder / "my-export.csv").write_text("the person put it here")
        check_data_dir(folder)
        assert is_own_name(own)
    assert not is_own_name("my-export.csv") and not is_own_name("steady")


def test_a_folder_holding_other_things_is_refused_and_left_as_it_was(tmp_path: Path) -> None:
    folder = tmp_path / "Documents"
    folder.mkdir(mode=0o755)
    for name in ("letter.odt", "photo.jpg", "taxes.pdf", "zz.txt"):
        (folder / name).write_text(name)
    before = mode(folder)
    with pytest.raises(DataFolderError) as caught:
        check_data_dir(folder)
    message = str(caught.value)
    assert str(folder) in message and "'letter.odt'" in message and "1 more" in message
    assert "Nothing was changed" in message and "--data-dir" in message
    assert mode(folder) == before


@needs_posix
@pytest.mark.parametrize("bits", [0o1777, 0o777])
def test_a_shared_folder_is_refused(tmp_path: Path, bits: int) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, bits)
    with pytest.raises(DataFolderError, match=r"anyone on this computer|shared by every"):
        check_data_dir(shared)
    assert mode(shared) == bits, "its mode is not touched"


@needs_posix
def test_the_sticky_bit_is_refused_even_with_steady_s_files(tmp_path: Path) -> None:
    shared = tmp_path / "tmp-like"
    shared.mkdir()
    (shared / "steady.sqlite3").write_text("")
    os.chmod(shared, 0o1777)
    with pytest.raises(DataFolderError, match="like /tmp"):
        check_data_dir(shared)


@pytest.mark.skipif(not POSIX or os.geteuid() != 0, reason="chown needs root")
def test_another_account_s_folder_is_refused(tmp_path: Path) -> None:
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    os.chown(theirs, 4242, 4242)
    with pytest.raises(DataFolderError, match="belongs to another user account"):
        check_data_dir(theirs)


def test_a_file_in_the_folder_s_place_is_refused(tmp_path: Path) -> None:
    file = tmp_path / "afile"
    file.write_text("x")
    with pytest.raises(DataFolderError, match="is a file, not a folder"):
        check_data_dir(file)


@pytest.fixture
def odd_files(tmp_path: Path) -> Iterator[dict[str, Path]]:
    """A named pipe, a socket, a device (through a link) and a folder, in a data folder."""
    data = tmp_path / "data"
    data.mkdir()
    made = {"folder": data / "a-folder"}
    made["folder"].mkdir()
    listener = None
    if POSIX:
        made["named pipe"] = data / "pipe"
        os.mkfifo(made["named pipe"])
        made["device"] = data / "zero"
        os.symlink("/dev/zero", made["device"])
        made["socket"] = data / "sock"
        listener = socket.socket(socket.AF_UNIX)
        listener.bind(str(made["socket"]))
    try:
        yield made
    finally:
        if listener is not None:
            listener.close()


def test_names_taken_by_pipes_sockets_and_devices_are_refused_unopened(
        odd_files: dict[str, Path]) -> None:
    for kind, path in odd_files.items():
        with pytest.raises(DataFolderError) as caught:
            check_own_file(path, "your settings file")
        assert f"Your settings file {path} is a {kind}" in str(caught.value)
        assert caught.value.reason == f"{path} is a {kind}, not a file"
        with pytest.raises(DataFolderError):  # returns at once: never a blocking read
            read_own_file(path, "your settings file", 100)


def test_read_own_file_reads_a_file_up_to_its_limit(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b"x" * 50)
    assert read_own_file(path, "your settings file", 10) == b"x" * 11
    assert read_own_file(path, "your settings file", 100) == b"x" * 50
    with pytest.raises(FileNotFoundError):
        read_own_file(tmp_path / "missing", "your settings file", 10)


@needs_posix
@pytest.mark.parametrize("kind", ["named pipe", "socket", "device"])
def test_settings_on_a_pipe_socket_or_device(odd_files: dict[str, Path], kind: str) -> None:
    data = odd_files[kind].parent
    os.replace(odd_files[kind], data / "settings.json")
    settings, notice = load_settings(data)
    assert settings == Settings()
    assert notice is not None and notice.kind == "unreadable"
    assert f"settings.json is a {kind}, not a file" in str(notice)
    with pytest.raises(SettingsError, match=f"is a {kind}, not a file"):
        save_settings(data, Settings(sound=False))
    assert not stat.S_ISREG(os.stat(data / "settings.json").st_mode), "left as it was"


@needs_posix
@pytest.mark.parametrize("kind", ["named pipe", "socket", "device", "folder"])
@pytest.mark.parametrize("name", ["steady.sqlite3", "steady.sqlite3-wal"])
def test_the_log_on_a_pipe_socket_or_device(odd_files: dict[str, Path], kind: str,
                                            name: str) -> None:
    data = odd_files[kind].parent
    os.replace(odd_files[kind], data / name)
    for opener in (open_database, open_read_only):
        with pytest.raises(StorageError) as caught:
            opener(data)
        message = str(caught.value)
        assert f"Could not open the log {data / 'steady.sqlite3'}" in message
        assert f"{kind}, not a file" in message and "Nothing was changed" in message
