"""When standard output cannot take what a verb writes: a full disk, a closed pipe."""

from __future__ import annotations

import errno
import io
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO

import pytest

from app import cli
from app.domain.session import SessionRecord
from app.storage.sessions import open_store

REPO = Path(__file__).resolve().parents[2]
START = datetime(2026, 3, 1, 8, tzinfo=UTC)
FULL = "steady: could not write the output: No space left on device\n"


def seed(data: Path, count: int) -> None:
    store, _ = open_store(data)
    with store:
        store.merge(SessionRecord("box", "Box breathing", START + timedelta(minutes=i),
                                  before=7, after=4, status="completed", note="n" * 80)
                    for i in range(count))


class FullDisk(io.StringIO):
    """A stream on a full disk: every write fails, as on /dev/full."""

    def write(self, text: str, /) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class FullOnFlush(io.StringIO):
    """A buffered stream: writes succeed, the disk says it is full when flushed."""

    failed = False

    def flush(self) -> None:
        if not self.failed and self.getvalue():
            self.failed = True
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


class ClosedPipe(io.StringIO):
    def write(self, text: str, /) -> int:
        raise BrokenPipeError(errno.EPIPE, os.strerror(errno.EPIPE))


VERBS = [["stats"], ["stats", "--json"], ["export"], ["export", "--format", "json"],
         ["list"], ["list", "--json"]]


@pytest.mark.parametrize("stream", [FullDisk, FullOnFlush])
@pytest.mark.parametrize("verb", VERBS, ids=" ".join)
def test_a_full_disk_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str],
                                       stream: type[io.StringIO], verb: list[str]) -> None:
    data = tmp_path / "data"
    seed(data, 3)
    monkeypatch.setattr(sys, "stdout", stream())
    assert cli.main(["--data-dir", str(data), *verb]) == cli.EXIT_INVALID
    assert capsys.readouterr().err == FULL


@pytest.mark.parametrize("verb", VERBS, ids=" ".join)
def test_a_closed_pipe_is_quietly_fine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                       capsys: pytest.CaptureFixture[str],
                                       verb: list[str]) -> None:
    data = tmp_path / "data"
    seed(data, 3)
    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert cli.main(["--data-dir", str(data), *verb]) == cli.EXIT_OK
    assert capsys.readouterr().err == ""


def steady(*args: str, data: Path, stdout: int | IO[str]) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "STEADY_DATA_DIR"}
    return subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data), *args],
                            cwd=REPO, env=env, stdout=stdout, stderr=subprocess.PIPE)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("verb", [["export"], ["stats"], ["stats", "--json"], ["list"]],
                         ids=" ".join)
def test_stdout_on_dev_full(tmp_path: Path, verb: list[str]) -> None:
    """`steady export > /dev/full`: /dev/full is only opened for writing, never replaced."""
    data = tmp_path / "data"
    seed(data, 3)
    with open("/dev/full", "w") as full:
        process = steady(*verb, data=data, stdout=full)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 1
    assert err.decode() == FULL


@pytest.mark.skipif(os.name != "posix", reason="a reader closing early is a POSIX pipe")
def test_export_into_a_reader_that_stops_early(tmp_path: Path) -> None:
    """`steady export | head -1`: no traceback, no complaint, exit 0."""
    data = tmp_path / "data"
    seed(data, 2000)  # far more than a pipe holds
    process = steady("export", data=data, stdout=subprocess.PIPE)
    assert process.stdout is not None
    first = process.stdout.readline()
    process.stdout.close()
    _, err = process.communicate(timeout=60)
    assert first.startswith(b"id,exercise_id,")
    assert (process.returncode, err) == (0, b"")
