"""The data folder is Steady's own: a folder that is not, and names taken by odd files.

Every case runs the real ``steady`` (a command, or the window through the
fault driver) in its own process with a time limit: a pipe opened for a
blocking read would hang it, and the test would say so instead of waiting.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.faults.conftest import REPO, child_env, run_driver, said, seed_log
from tests.faults.reliability import (
    NONE_LOST,
    Table,
    data_lost,
    file_hashes,
    normalise,
    quoted,
    sessions_in,
)

AREA = "Data folder"
POSIX = os.name == "posix"
needs_posix = pytest.mark.skipif(not POSIX, reason="POSIX modes, pipes and sockets")


def steady(*args: str, env: dict[str, str] | None = None,
           timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=REPO,
                          env=env or child_env(), capture_output=True, text=True,
                          timeout=timeout, stdin=subprocess.DEVNULL)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# --------------------------------------------------------------------------- not Steady's


def shared_folder(folder: Path) -> str:
    folder.mkdir()
    (folder / "someone-else.txt").write_text("another account's file")
    os.chmod(folder, 0o1777)
    return "a shared folder, mode 1777 (like /tmp), holding another account's file"


def documents(folder: Path) -> str:
    folder.mkdir(mode=0o755)
    for name in ("letter.odt", "photo.jpg"):
        (folder / name).write_text(f"the person's {name}")
    os.chmod(folder, 0o755)
    return "a folder of the person's documents (mode 0755), no Steady file in it"


def anyone_may_write(folder: Path) -> str:
    folder.mkdir()
    os.chmod(folder, 0o777)
    return "an empty folder anyone may write in (mode 0777)"


NOT_STEADYS: dict[str, Callable[[Path], str]] = {
    "shared": shared_folder, "documents": documents, "anyone": anyone_may_write,
}


@needs_posix
@pytest.mark.parametrize("case", list(NOT_STEADYS))
def test_a_folder_that_is_not_steady_s_is_refused_untouched(case: str, tmp_path: Path,
                                                             reliability: Table) -> None:
    folder = tmp_path / "chosen"
    fault = NOT_STEADYS[case](folder)
    before_mode, before_files = mode(folder), file_hashes(folder)
    seen = []
    for verb in (["stats"], ["export"], ["import", str(tmp_path / "x.csv")], []):
        done = steady("--data-dir", str(folder), *verb)
        assert done.returncode == 1, (verb, done.stderr)
        assert str(folder) in done.stderr and "Nothing was changed" in done.stderr
        assert "Traceback" not in done.stderr
        seen.append(done.stderr)
    assert mode(folder) == before_mode, "its mode is left as it was"
    assert sorted(os.listdir(folder)) == sorted(before_files), "nothing was added"
    lost = data_lost(before_files, folder)
    reliability.add(
        AREA, f"--data-dir names {fault}",
        "real: `steady --data-dir DIR` for stats, export, import and the window, each in its "
        "own process", f"each exits 1 and says {quoted(normalise(seen[0], {'<dir>': folder}))}"
        f"; the folder's mode stays {before_mode:o} and nothing is written in it", lost)
    assert lost == NONE_LOST


def test_an_empty_data_dir_argument_is_an_error(tmp_path: Path, reliability: Table) -> None:
    home = tmp_path / "home"
    home.mkdir()
    env = child_env(HOME=str(home), XDG_DATA_HOME=str(home / "share"))
    for verb in (["stats"], []):
        done = steady("--data-dir", "", *verb, env=env)
        assert done.returncode == 2, done.stderr
        assert "--data-dir was given an empty name" in done.stderr
    assert list(home.iterdir()) == [], "the usual folder was not used instead"
    line = done.stderr.strip().splitlines()[-1]
    reliability.add(AREA, '--data-dir "" (an empty name)',
                    "real: `steady --data-dir \"\"` for stats and the window, HOME in a "
                    "scratch folder", f"exits 2 and says {quoted(line)}; the usual data folder "
                    "is not created or used", NONE_LOST)


def test_an_empty_folder_of_one_s_own_is_used(tmp_path: Path) -> None:
    folder = tmp_path / "mine"
    folder.mkdir(mode=0o755)
    done = steady("--data-dir", str(folder), "stats")
    assert done.returncode == 0, done.stderr
    done = steady("--data-dir", str(folder), "import", str(tmp_path / "missing.csv"))
    assert "could not be read" in done.stderr, "refused for the file, not the folder"


# --------------------------------------------------------------------------- odd files


@pytest.fixture
def make_odd() -> Iterator[Callable[[Path, str], None]]:
    listeners: list[socket.socket] = []

    def make(path: Path, kind: str) -> None:
        if kind == "named pipe":
            os.mkfifo(path)
        elif kind == "socket":
            listener = socket.socket(socket.AF_UNIX)
            listener.bind(str(path))
            listeners.append(listener)
        elif kind == "device":
            os.symlink("/dev/zero", path)
        else:
            raise AssertionError(kind)

    try:
        yield make
    finally:
        for listener in listeners:
            listener.close()


ODD_KINDS = ("named pipe", "socket", "device")


@needs_posix
@pytest.mark.parametrize("kind", ODD_KINDS)
def test_settings_file_taken_by_an_odd_file(kind: str, tmp_path: Path, reliability: Table,
                                            make_odd: Callable[[Path, str], None]) -> None:
    data = tmp_path / "data"
    seed_log(data, 2)
    make_odd(data / "settings.json", kind)
    sessions = sessions_in(data)
    code, lines, stderr = run_driver("open", str(data), "--save-settings", timeout=60)
    assert code == 0, stderr
    opened, settings, used = (said(lines, at, stderr) for at in ("opened", "settings", "used"))
    assert f"settings.json is a {kind}, not a file" in opened["notice"]
    assert f"is a {kind}, not a file" in settings["problem"]
    assert used["summary"] and used["count"] == 3
    stats = steady("--data-dir", str(data), "stats", timeout=30)
    assert stats.returncode == 0 and "Box breathing" in stats.stdout
    assert not stat.S_ISREG(os.stat(data / "settings.json").st_mode), "left where it was"
    lost = data_lost({}, data, sessions)
    places = {"<data>": data}
    reliability.add(
        AREA, f"settings.json is a {kind}",
        "real: made so, then the window (in its own process, by keys) and `steady stats`, "
        "each with a time limit", f"opens at once and says "
        f"{quoted(normalise(opened['notice'], places))}; Save in Settings says "
        f"{quoted(normalise(settings['problem'], places))}; a session by keys is saved; "
        "`steady stats` reports the log", lost)
    assert lost == NONE_LOST


@needs_posix
@pytest.mark.parametrize("kind", ODD_KINDS)
@pytest.mark.parametrize("name", ["steady.sqlite3", "steady.sqlite3-wal"])
def test_log_taken_by_an_odd_file(kind: str, name: str, tmp_path: Path, reliability: Table,
                                  make_odd: Callable[[Path, str], None]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    if name.endswith("-wal"):  # a log closed cleanly, and its side file's name taken
        seed_log(data, 2)
    make_odd(data / name, kind)
    files = file_hashes(data)
    outputs = [steady("--data-dir", str(data), *verb, timeout=30)
               for verb in (["stats"], ["export"])]
    for done in outputs:
        assert done.returncode == 1, done.stderr
        assert f"{kind}, not a file" in done.stderr and "Traceback" not in done.stderr
    code, lines, stderr = run_driver("open", str(data), timeout=60)
    assert code == 0, stderr
    opened = said(lines, "opened", stderr)
    assert f"{kind}, not a file" in opened["notice"]
    assert not stat.S_ISREG(os.stat(data / name).st_mode), "left where it was"
    lost = data_lost(files, data)
    places = {"<data>": data}
    reliability.add(
        AREA, f"{name} is a {kind}" + (" beside a log of 2 sessions" if files else ""),
        "real: made so, then `steady stats`, `steady export` and the window, each in its "
        "own process with a time limit",
        f"each returns at once: the commands exit 1 saying "
        f"{quoted(normalise(outputs[0].stderr, places))}; the window opens and says "
        f"{quoted(normalise(opened['notice'], places))}", lost)
    assert lost == NONE_LOST
