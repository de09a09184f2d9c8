"""The coping plan file (app.storage.plan): private, durable, never losing a word."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.errors import StorageError
from app.domain.plan import FIELDS, CopingPlan, PlanStore
from app.storage import files
from app.storage.datadir import check_data_dir
from app.storage.plan import (
    PLAN_NAME,
    PLAN_VERSION,
    FilePlanStore,
    plan_copies,
    plan_from_json,
    plan_problems,
    plan_to_json,
)

POSIX = os.name == "posix"
FIXED = datetime(2026, 12, 5, 21, 4, 5)

PLAN = CopingPlan(
    warning_signs=("Not sleeping", "Rows with my partner"),
    exercises=("orienting", "extended-exhale"),
    on_my_own=("A hot shower", "Walk round the block"),
    distractions=("The café on Mill Street",),
    contacts=("Sam",), people=("My sister Jo",),
    professional_contacts=("Crisis line",), professionals=("Dr Lee, 0161 000 0000",),
    safer_space=("Give the pills to Jo to keep",),
    what_matters=("My daughter", "Seeing the sea again"),
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def store(data_dir: Path) -> FilePlanStore:
    return FilePlanStore(data_dir, clock=lambda: FIXED)


def test_no_file_is_an_empty_plan_and_creates_nothing(store: FilePlanStore,
                                                      data_dir: Path) -> None:
    as_protocol: PlanStore = store
    assert as_protocol.load() == CopingPlan() and store.notice == ""
    assert not data_dir.exists()


def test_round_trip_keeps_every_section_in_order(store: FilePlanStore, data_dir: Path) -> None:
    store.save(PLAN)
    assert FilePlanStore(data_dir).load() == PLAN
    document = json.loads((data_dir / PLAN_NAME).read_text(encoding="utf-8"))
    assert list(document) == ["version", *FIELDS] and document["version"] == PLAN_VERSION
    assert document["what_matters"] == ["My daughter", "Seeing the sea again"]
    if POSIX:
        assert mode(data_dir / PLAN_NAME) == 0o600 and mode(data_dir) == 0o700


def test_saving_goes_through_the_one_durable_write(store: FilePlanStore,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    written: list[Path] = []
    real = files.write_durable

    def watch(path: Path, data: str | bytes, **kwargs: object) -> None:
        written.append(path)
        real(path, data, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("app.storage.plan.write_durable", watch)
    store.save(PLAN)
    assert written == [store.path]


def test_a_failed_save_keeps_the_old_plan_and_says_so(store: FilePlanStore,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(PLAN)

    def no_space(path: Path, data: str | bytes, **_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("app.storage.plan.write_durable", no_space)
    with pytest.raises(StorageError, match=r"Could not save your coping plan \(No space left"):
        store.save(CopingPlan())
    assert FilePlanStore(store.data_dir).load() == PLAN


def test_keys_of_a_newer_steady_are_carried_over(store: FilePlanStore, data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / PLAN_NAME).write_text(json.dumps({"version": 1, "warning_signs": ["x"],
                                                  "mood_words": ["heavy"]}))
    assert store.load().warning_signs == ("x",)
    store.save(PLAN)
    document = json.loads((data_dir / PLAN_NAME).read_text(encoding="utf-8"))
    assert document["mood_words"] == ["heavy"] and document["warning_signs"] == list(
        PLAN.warning_signs)


def test_a_file_that_is_not_a_plan_is_moved_aside_never_lost(store: FilePlanStore,
                                                              data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / PLAN_NAME).write_bytes(b"{ my plan, half written")
    assert store.load() == CopingPlan()
    kept = data_dir / f"{PLAN_NAME}.damaged-20261205-210405"
    assert kept.read_bytes() == b"{ my plan, half written"
    assert kept.name in store.notice and "could not be read" in store.notice
    assert not (data_dir / PLAN_NAME).exists()
    if POSIX:
        assert mode(kept) == 0o600
    # a second one in the same second gets its own name
    (data_dir / PLAN_NAME).write_bytes(b"[]")
    store.load()
    assert (data_dir / f"{PLAN_NAME}.damaged-20261205-210405-2").read_bytes() == b"[]"


def test_a_field_that_cannot_be_read_is_copied_aside_first(store: FilePlanStore,
                                                           data_dir: Path) -> None:
    data_dir.mkdir()
    raw = json.dumps({"version": 1, "warning_signs": ["Not sleeping"],
                      "people": "Sam and Jo", "exercises": ["box", 3]}).encode()
    (data_dir / PLAN_NAME).write_bytes(raw)
    plan = store.load()
    assert plan == CopingPlan(warning_signs=("Not sleeping",))
    assert "exercises, people" in store.notice
    copy = data_dir / f"{PLAN_NAME}.damaged-20261205-210405"
    assert copy.read_bytes() == raw and (data_dir / PLAN_NAME).read_bytes() == raw


@pytest.mark.skipif(not POSIX or os.geteuid() == 0, reason="needs file modes, not root")
def test_a_plan_that_cannot_be_read_is_an_error_and_left_alone(store: FilePlanStore,
                                                               data_dir: Path) -> None:
    store.save(PLAN)
    os.chmod(store.path, 0)
    try:
        with pytest.raises(StorageError, match="could not be read"):
            store.load()
    finally:
        os.chmod(store.path, 0o600)
    assert store.load() == PLAN


def test_a_pipe_in_its_place_is_refused_without_waiting(store: FilePlanStore,
                                                        data_dir: Path) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    data_dir.mkdir()
    os.mkfifo(data_dir / PLAN_NAME)
    with pytest.raises(StorageError, match="coping plan"):
        store.load()
    with pytest.raises(StorageError, match="Could not save your coping plan"):
        store.save(PLAN)


def test_delete_removes_the_plan_and_every_copy(store: FilePlanStore, data_dir: Path) -> None:
    store.save(PLAN)
    (data_dir / f"{PLAN_NAME}.damaged-20250101-000000").write_text("old")
    (data_dir / "settings.json").write_text("{}")
    assert [p.name for p in plan_copies(data_dir)] == [
        PLAN_NAME, f"{PLAN_NAME}.damaged-20250101-000000"]
    store.delete()
    assert sorted(p.name for p in data_dir.iterdir()) == ["settings.json"]
    assert store.load() == CopingPlan()
    store.delete()  # nothing left: nothing to do


def test_a_folder_holding_only_the_plan_is_steadys(data_dir: Path) -> None:
    FilePlanStore(data_dir).save(PLAN)
    check_data_dir(data_dir)  # does not raise


def test_json_round_trip_and_problems() -> None:
    assert plan_from_json(plan_to_json(PLAN)) == (PLAN, [])
    assert plan_from_json({"warning_signs": ["  a  ", " "]}) == (
        CopingPlan(warning_signs=("a",)), [])
    assert plan_problems(plan_to_json(PLAN)) == []
    assert plan_problems([]) == ["the plan must be an object of lists of text"]
    assert plan_problems({"version": 2}) == [
        "the plan was written by a newer Steady (plan version 2); update Steady"]
    assert plan_problems({"version": "1"}) == ["the plan's version '1' is not one Steady wrote"]
    assert plan_problems({"version": True}) == ["the plan's version True is not one Steady "
                                                "wrote"]
    assert plan_problems({"people": [1]}) == ["the plan's people must be a list of text"]


def test_a_damaged_plan_that_cannot_be_kept_aside_is_left_as_it_is(
        store: FilePlanStore, data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data_dir.mkdir()
    (data_dir / PLAN_NAME).write_bytes(b"not json")

    def refuse(*_: object) -> None:
        raise OSError(30, "Read-only file system")

    monkeypatch.setattr("app.storage.plan.os.replace", refuse)
    with pytest.raises(StorageError, match=r"could not be kept aside \(Read-only"):
        store.load()
    assert (data_dir / PLAN_NAME).read_bytes() == b"not json"


def test_a_plan_that_cannot_be_deleted_says_so(store: FilePlanStore,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    store.save(PLAN)

    def refuse(self: Path, missing_ok: bool = False) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "unlink", refuse)
    with pytest.raises(StorageError, match="Could not delete your coping plan"):
        store.delete()
    monkeypatch.undo()
    assert store.load() == PLAN
    assert plan_copies(store.data_dir / "not-there") == []


def test_peek_reads_without_changing_anything(store: FilePlanStore, data_dir: Path) -> None:
    assert store.peek() is None
    store.save(PLAN)
    assert store.peek() == PLAN
    for raw in (b"{ half", b"[]", b'{"people": "Sam"}'):
        (data_dir / PLAN_NAME).write_bytes(raw)
        with pytest.raises(StorageError, match="could not be read"):
            store.peek()
        assert sorted(p.name for p in data_dir.iterdir()) == [PLAN_NAME]
