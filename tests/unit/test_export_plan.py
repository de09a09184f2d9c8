"""The coping plan in exports: version 2 carries it, version 1 still imports, and an
import merges it into the person's plan without losing a word."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from app.domain.errors import StorageError
from app.domain.plan import CopingPlan, MemoryPlanStore
from app.domain.session import SessionRecord
from app.storage.exchange import (
    ImportProblem,
    export_records,
    import_file,
    read_export,
    read_export_all,
)
from app.storage.export_file import FORMAT_VERSION, UPGRADES, upgrade_header
from app.storage.plan import FilePlanStore
from app.storage.sessions import SqliteSessionStore, memory_store

OLD = Path(__file__).parent / "exports"
OLD_IDS = ["1b6f9a52-3c1e-4d4b-9e57-0c1d2e3f4a51", "2c7fab63-4d2f-4e5c-8f68-1d2e3f4a5b62",
           "3d8abc74-5e3a-4f6d-9a79-2e3f4a5b6c73"]

PLAN = CopingPlan(warning_signs=("Not sleeping",), exercises=("orienting",),
                  contacts=("Sam",), what_matters=("My daughter",))


@pytest.fixture
def store() -> SqliteSessionStore:
    return memory_store()


def exported(tmp_path: Path, records: list[SessionRecord], plan: CopingPlan | None,
             name: str = "export.json") -> Path:
    out = io.StringIO()
    export_records(records, out, "json", plan)
    path = tmp_path / name
    path.write_text(out.getvalue(), encoding="utf-8")
    return path


def test_every_version_has_its_upgrade() -> None:
    assert len(UPGRADES) == FORMAT_VERSION - 1
    assert upgrade_header({"format": "steady-log", "version": 1}) == {
        "format": "steady-log", "version": 2, "plan": None}
    current = {"format": "steady-log", "version": 2, "plan": {"people": ["Jo"]}}
    assert upgrade_header(current) == current


@pytest.mark.parametrize("name", ["steady-export-v1.json", "steady-export-v1.csv"])
def test_an_export_from_before_the_plan_still_imports(store: SqliteSessionStore,
                                                      name: str) -> None:
    """Files written by the Steady before version 2 (kept in tests/unit/exports)."""
    plans = MemoryPlanStore(PLAN)
    result = import_file(store, OLD / name, plans=plans)
    assert (result.added, result.already_present, result.had_plan) == (3, 0, False)
    records = {r.id: r for r in store.sessions()}
    assert sorted(records) == OLD_IDS
    first, second, third = (records[i] for i in OLD_IDS)
    assert (first.before, first.after, first.numb_before, first.tags) == (
        None, 4, True, ("phone call",))
    assert first.note == "Felt far away after the call.\nCame back a bit."
    assert (second.note, second.tags) == ("=not a formula", ("work", "night"))
    assert (third.status, third.after, third.practised_seconds) == ("stopped", None, 62.0)
    assert plans.load() == PLAN  # nothing in the old file touches the plan
    again = import_file(store, OLD / name, plans=plans)
    assert (again.added, again.already_present) == (0, 3)


def test_the_plan_travels_in_json(tmp_path: Path, store: SqliteSessionStore) -> None:
    path = exported(tmp_path, [], PLAN)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == 2 and document["plan"]["warning_signs"] == ["Not sleeping"]
    assert read_export_all(path) == ([], PLAN)
    plans = MemoryPlanStore()
    result = import_file(store, path, plans=plans)
    assert (result.had_plan, result.plan_added) == (True, 4)
    assert plans.load() == PLAN
    again = import_file(store, path, plans=plans)
    assert (again.had_plan, again.plan_added) == (True, 0)  # twice adds nothing
    assert plans.load() == PLAN


def test_an_empty_plan_is_written_as_null(tmp_path: Path) -> None:
    path = exported(tmp_path, [], CopingPlan())
    assert json.loads(path.read_text(encoding="utf-8"))["plan"] is None
    assert read_export_all(path) == ([], None)


def test_an_imported_plan_is_merged_never_replacing_words(tmp_path: Path,
                                                          store: SqliteSessionStore) -> None:
    mine = CopingPlan(warning_signs=("Pacing at night",), what_matters=("My daughter",))
    plans = MemoryPlanStore(mine)
    result = import_file(store, exported(tmp_path, [], PLAN), plans=plans)
    assert result.plan_added == 3  # "My daughter" was there already
    assert plans.load() == CopingPlan(warning_signs=("Pacing at night", "Not sleeping"),
                                      exercises=("orienting",), contacts=("Sam",),
                                      what_matters=("My daughter",))


def test_the_plan_round_trips_through_the_file_store(tmp_path: Path, data_dir: Path,
                                                     store: SqliteSessionStore) -> None:
    path = exported(tmp_path, [], PLAN)
    plans = FilePlanStore(data_dir)
    import_file(store, path, plans=plans)
    assert FilePlanStore(data_dir).load() == PLAN


@pytest.mark.parametrize(("plan", "expected"), [
    ([], "plan: the plan must be an object of lists of text"),
    ({"version": 7}, "plan: the plan was written by a newer Steady (plan version 7)"),
    ({"people": "Sam"}, "plan: the plan's people must be a list of text"),
])
def test_a_bad_plan_refuses_the_whole_file(tmp_path: Path, store: SqliteSessionStore,
                                           plan: object, expected: str) -> None:
    path = exported(tmp_path, [], None)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["plan"] = plan
    document["sessions"] = json.loads(OLD.joinpath("steady-export-v1.json").read_text(
        encoding="utf-8"))["sessions"]
    path.write_text(json.dumps(document), encoding="utf-8")
    plans = MemoryPlanStore(PLAN)
    with pytest.raises(ImportProblem, match=expected.replace("(", r"\(").replace(")", r"\)")):
        import_file(store, path, plans=plans)
    assert store.count() == 0 and plans.load() == PLAN
    with pytest.raises(ImportProblem):
        read_export(path)


def test_a_plan_that_cannot_be_saved_rolls_the_sessions_back(tmp_path: Path,
                                                            store: SqliteSessionStore) -> None:
    class Full(MemoryPlanStore):
        def save(self, plan: CopingPlan) -> None:
            raise StorageError("Could not save your coping plan (No space left on device).")

    path = tmp_path / "with-plan.json"
    document = json.loads(OLD.joinpath("steady-export-v1.json").read_text(encoding="utf-8"))
    document.update(version=2, plan={"people": ["Jo"]})
    path.write_text(json.dumps(document), encoding="utf-8")
    with pytest.raises(StorageError, match="No space left"):
        import_file(store, path, plans=Full())
    assert store.count() == 0
    assert import_file(store, path).added == 3  # no plan store: the plan is left out


def test_the_plan_may_come_after_the_sessions(tmp_path: Path, store: SqliteSessionStore) -> None:
    path = tmp_path / "reordered.json"
    document = json.loads(exported(tmp_path, [], PLAN).read_text(encoding="utf-8"))
    path.write_text(json.dumps({"sessions": [], **document}), encoding="utf-8")
    plans = MemoryPlanStore()
    assert import_file(store, path, plans=plans).plan_added == 4
    assert plans.load() == PLAN


def test_csv_holds_sessions_only(tmp_path: Path) -> None:
    out = io.StringIO()
    export_records([], out, "csv", PLAN)
    assert "Not sleeping" not in out.getvalue()
