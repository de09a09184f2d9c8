"""A refused import into a folder with no log leaves nothing behind, parents included."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import cli


def test_a_refused_import_removes_the_log_and_folders_it_made(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "a" / "b" / "data"
    bad = tmp_path / "bad.csv"
    bad.write_text("not,a,steady,export\r\n1,2,3,4\r\n", encoding="utf-8")
    assert cli.main(["--data-dir", str(data), "import", str(bad)]) == 1
    assert "not a Steady export" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == [bad], "no log, no data folder, no parent made for it"


def test_a_refused_import_into_an_existing_empty_folder_keeps_the_folder(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "exercises").mkdir()
    bad = tmp_path / "bad.csv"
    bad.write_text("", encoding="utf-8")
    assert cli.main(["--data-dir", str(data), "import", str(bad)]) == 1
    assert "the file is empty" in capsys.readouterr().err
    assert sorted(p.name for p in data.iterdir()) == ["exercises"]
