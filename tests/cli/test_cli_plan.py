"""The coping plan on the command line: in a JSON export, merged by an import."""

from __future__ import annotations

import json
from pathlib import Path

from app.domain.plan import CopingPlan
from app.storage.plan import PLAN_NAME, FilePlanStore
from tests.cli.test_cli_log import seed, steady

PLAN = CopingPlan(warning_signs=("Not sleeping",), on_my_own=("A hot shower",),
                  what_matters=("My daughter",))


def test_a_json_export_takes_the_plan_and_an_import_merges_it(tmp_path: Path) -> None:
    data, other = tmp_path / "data", tmp_path / "other"
    records = seed(data)
    FilePlanStore(data).save(PLAN)
    target = tmp_path / "backup.json"
    result = steady("export", "--format", "json", "-o", str(target), data=data)
    assert result.returncode == 0, result.stderr
    assert f"Exported {len(records)} session(s) and your coping plan" in result.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["plan"]["what_matters"] == [
        "My daughter"]
    FilePlanStore(other).save(CopingPlan(what_matters=("My daughter", "The sea")))
    result = steady("import", str(target), data=other)
    assert result.returncode == 0, result.stderr
    assert "Added 2 entries to your coping plan; nothing in it was removed" in result.stdout
    assert FilePlanStore(other).load() == CopingPlan(
        warning_signs=("Not sleeping",), on_my_own=("A hot shower",),
        what_matters=("My daughter", "The sea"))
    again = steady("import", str(target), data=other)
    assert "The coping plan in it was already all in yours." in again.stdout


def test_a_csv_export_says_the_plan_is_not_in_it(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed(data)
    FilePlanStore(data).save(PLAN)
    result = steady("export", data=data)
    assert result.returncode == 0
    assert "Not sleeping" not in result.stdout
    assert result.stderr == ("steady: your coping plan is not in a CSV export; use --format "
                             "json to take it too.\n")


def test_a_plan_alone_can_be_exported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    FilePlanStore(data).save(PLAN)
    result = steady("export", "--format", "json", data=data)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["sessions"] == [] and payload["plan"]["warning_signs"] == ["Not sleeping"]
    assert sorted(p.name for p in data.iterdir()) == [PLAN_NAME]  # no log was made


def test_a_damaged_plan_is_left_as_it_is_and_the_sessions_still_export(tmp_path: Path) -> None:
    data = tmp_path / "data"
    records = seed(data)
    (data / PLAN_NAME).write_text("{ half a plan")
    result = steady("export", "--format", "json", data=data)
    assert result.returncode == 0
    assert "Your coping plan could not be read" in result.stderr
    assert "It is not in this export." in result.stderr
    assert len(json.loads(result.stdout)["sessions"]) == len(records)
    assert (data / PLAN_NAME).read_text() == "{ half a plan"  # an export changes nothing
