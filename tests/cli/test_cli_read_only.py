"""Read-only is not empty: `stats` on a log that cannot be written reports its sessions.

Where a read-only mount can be made, the fault suite runs this for real
(tests/faults/test_damaged_storage.py); here the refusal to open for writing
is stood in for, so it is checked on every machine.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app import cli
from app.domain.errors import StorageError
from app.domain.session import SessionRecord
from app.storage.sessions import open_store

START = datetime(2026, 3, 1, 8, tzinfo=UTC)


def refuse_writing(*_args: object, **_kwargs: object) -> object:
    raise StorageError("Could not open the log: the log's folder or file cannot be written "
                       "(attempt to write a readonly database).")


@pytest.mark.parametrize("json_out", [False, True])
def test_stats_reads_a_log_it_cannot_write(tmp_path: Path, json_out: bool,
                                           monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    store, _ = open_store(data)
    with store:
        for i in range(3):
            store.save(SessionRecord("box", "Box breathing", START + timedelta(hours=i),
                                     before=7, after=4, status="completed"))
    monkeypatch.setattr(cli, "open_store", refuse_writing)
    code = cli.main(["--data-dir", str(data), "stats", *(["--json"] if json_out else [])])
    out, err = capsys.readouterr()
    assert code == 0
    assert "no log" not in out + err
    assert "It was read as it is; nothing in it was changed." in err
    if json_out:
        (row,) = json.loads(out)["exercises"]
        assert (row["title"], row["sessions"], row["rated"]) == ("Box breathing", 3, 3)
    else:
        assert "Box breathing" in out and "What works for you" in out
