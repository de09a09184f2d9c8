"""The settings file: defaults, round trip, per-field fallback, damage kept aside."""

from __future__ import annotations

import json
import os
import stat
from dataclasses import fields
from datetime import datetime
from pathlib import Path

import pytest

from app.domain.settings import Contact, Settings
from app.storage import settings as store
from app.storage.settings import (
    MAX_CONTACTS,
    SETTINGS_NAME,
    SETTINGS_VERSION,
    SettingsError,
    load_settings,
    save_settings,
    settings_path,
    to_json_dict,
)

FIXED = datetime(2024, 5, 6, 7, 8, 9)

CUSTOM = Settings(
    sound=True, volume=0.25, spoken_cues=True, reduced_motion=True, theme="high-contrast",
    text_scale=1.75, default_exercise="box", health=frozenset({"heart", "pregnancy"}),
    contacts=(Contact("Sam", "+44 7700 900123", "evenings"), Contact("Crisis line", "988")),
    keep_in_tray=True, first_run_done=True,
)


def write(data_dir: Path, content: str | bytes) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    path = data_dir / SETTINGS_NAME
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_missing_file_gives_defaults_and_no_notice(data_dir: Path) -> None:
    settings, notice = load_settings(data_dir)
    assert settings == Settings()
    assert notice is None
    assert not data_dir.exists(), "loading must not create anything"


def test_round_trip_keeps_every_field(data_dir: Path) -> None:
    save_settings(data_dir, CUSTOM)
    loaded, notice = load_settings(data_dir)
    assert notice is None
    assert loaded == CUSTOM
    for field in fields(Settings):  # a new field must be saved too
        assert getattr(loaded, field.name) == getattr(CUSTOM, field.name), field.name
    assert set(to_json_dict(Settings())) >= {f.name for f in fields(Settings)}


def test_saved_file_has_a_version_and_is_plain_json(data_dir: Path) -> None:
    path = save_settings(data_dir, CUSTOM)
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["version"] == SETTINGS_VERSION
    assert document["theme"] == "high-contrast"
    assert document["health"] == ["heart", "pregnancy"]
    assert document["contacts"][0] == {"name": "Sam", "number": "+44 7700 900123",
                                       "note": "evenings"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_file_is_private_and_folder_too(data_dir: Path) -> None:
    path = save_settings(data_dir, CUSTOM)
    assert mode(path) == 0o600
    assert mode(data_dir) == 0o700
    save_settings(data_dir, Settings())  # replacing keeps it private
    assert mode(path) == 0o600


def test_save_leaves_no_temporary_file(data_dir: Path) -> None:
    save_settings(data_dir, CUSTOM)
    save_settings(data_dir, Settings())
    assert sorted(p.name for p in data_dir.iterdir()) == [SETTINGS_NAME]


def test_save_is_atomic_when_writing_fails(data_dir: Path, monkeypatch: pytest.MonkeyPatch
                                           ) -> None:
    save_settings(data_dir, CUSTOM)
    before = settings_path(data_dir).read_bytes()

    def broken_fsync(_fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "fsync", broken_fsync)
    with pytest.raises(SettingsError, match="No space left"):
        save_settings(data_dir, Settings())
    assert settings_path(data_dir).read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir()) == [SETTINGS_NAME]


def test_damaged_file_falls_back_and_is_kept_aside(data_dir: Path) -> None:
    path = write(data_dir, '{"sound": true, "theme": "dark"')  # cut short
    original = path.read_bytes()
    settings, notice = load_settings(data_dir, clock=lambda: FIXED)
    assert settings == Settings()
    assert notice is not None and notice.kind == "damaged"
    kept = data_dir / f"{SETTINGS_NAME}.damaged-20240506-070809"
    assert notice.moved_to == kept
    assert kept.read_bytes() == original
    assert not path.exists()
    assert kept.name in str(notice)
    if os.name == "posix":
        assert mode(kept) == 0o600


def test_second_damage_in_the_same_second_keeps_both(data_dir: Path) -> None:
    write(data_dir, b"\xff\xfe not text")
    load_settings(data_dir, clock=lambda: FIXED)
    write(data_dir, "[1, 2, 3]")  # JSON, but not settings
    _, notice = load_settings(data_dir, clock=lambda: FIXED)
    assert notice is not None and notice.kind == "damaged"
    names = sorted(p.name for p in data_dir.iterdir())
    assert names == [f"{SETTINGS_NAME}.damaged-20240506-070809",
                     f"{SETTINGS_NAME}.damaged-20240506-070809-2"]


def test_after_damage_saving_starts_a_fresh_file(data_dir: Path) -> None:
    write(data_dir, "not json at all")
    load_settings(data_dir, clock=lambda: FIXED)
    save_settings(data_dir, CUSTOM)
    assert load_settings(data_dir) == (CUSTOM, None)
    assert (data_dir / f"{SETTINGS_NAME}.damaged-20240506-070809").exists()


def test_unknown_keys_are_ignored_and_survive_a_save(data_dir: Path) -> None:
    write(data_dir, json.dumps({"version": 9, "sound": True, "future_thing": {"a": 1}}))
    settings, notice = load_settings(data_dir)
    assert notice is None
    assert settings == Settings(sound=True)
    save_settings(data_dir, settings)
    document = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
    assert document["future_thing"] == {"a": 1}
    assert document["version"] == SETTINGS_VERSION


@pytest.mark.parametrize(("key", "bad"), [
    ("sound", "yes"), ("sound", 1), ("volume", "loud"), ("volume", True),
    ("spoken_cues", None), ("reduced_motion", []), ("theme", "purple"), ("theme", 3),
    ("text_scale", "big"), ("default_exercise", 42), ("default_exercise", "   "),
    ("health", "heart"), ("contacts", {"name": "Sam"}), ("keep_in_tray", "true"),
    ("first_run_done", 0),
])
def test_a_wrong_type_falls_back_for_that_field_only(data_dir: Path, key: str, bad: object
                                                     ) -> None:
    document = to_json_dict(CUSTOM)
    document[key] = bad
    write(data_dir, json.dumps(document))
    settings, notice = load_settings(data_dir)
    assert getattr(settings, key) == getattr(Settings(), key)
    for other in fields(Settings):
        if other.name != key:
            assert getattr(settings, other.name) == getattr(CUSTOM, other.name), other.name
    assert notice is not None and notice.kind == "fields"
    assert notice.fields == (key,)
    assert settings_path(data_dir).exists(), "a readable file is never moved"


def test_numbers_are_brought_into_range(data_dir: Path) -> None:
    write(data_dir, json.dumps({"volume": 7, "text_scale": 0.2}))
    assert load_settings(data_dir)[0] == Settings(volume=1.0, text_scale=1.0)
    write(data_dir, json.dumps({"volume": -1, "text_scale": 9}))
    assert load_settings(data_dir)[0] == Settings(volume=0.0, text_scale=2.0)


def test_not_a_number_is_refused(data_dir: Path) -> None:
    write(data_dir, '{"volume": NaN, "text_scale": Infinity}')
    settings, notice = load_settings(data_dir)
    assert settings == Settings()
    assert notice is not None and set(notice.fields) == {"volume", "text_scale"}


def test_unknown_health_conditions_and_bad_contacts_are_left_out(data_dir: Path) -> None:
    write(data_dir, json.dumps({
        "health": ["heart", "wings", 3],
        "contacts": [{"name": "  Ana   Lopez ", "number": "555"}, "Bob", {"name": 5},
                     {"number": "988"}, {"name": "", "number": ""}],
    }))
    settings, notice = load_settings(data_dir)
    assert settings.health == frozenset({"heart"})
    assert settings.contacts == (Contact("Ana Lopez", "555"), Contact("988", "988"))
    assert notice is not None and notice.fields == ("health", "contacts")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file modes")
def test_unreadable_file_is_left_alone(data_dir: Path) -> None:
    path = write(data_dir, json.dumps({"sound": True}))
    path.chmod(0)
    try:
        settings, notice = load_settings(data_dir)
    finally:
        path.chmod(0o600)
    assert settings == Settings()
    assert notice is not None and notice.kind == "unreadable"
    assert path.exists()


def test_a_file_that_could_not_be_opened_is_never_written_over(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its crisis contacts were never read: saving the defaults (the welcome's Enter, any
    setting changed) must not replace them. The save is refused, saying why; the file
    stays byte for byte. (Opening is made to fail here: as root, modes do not.)"""
    path = write(data_dir, json.dumps(to_json_dict(CUSTOM)))
    before = path.read_bytes()
    real = store.read_own_file

    def refuse(*args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(store, "read_own_file", refuse)
    settings, notice = load_settings(data_dir)
    assert settings == Settings() and notice is not None and notice.kind == "unreadable"
    with pytest.raises(SettingsError) as refused:
        save_settings(data_dir, Settings(first_run_done=True))
    assert "left as it is" in refused.value.reason
    assert path.read_bytes() == before
    monkeypatch.setattr(store, "read_own_file", real)  # readable again: saving works
    save_settings(data_dir, Settings(first_run_done=True))
    assert load_settings(data_dir)[0] == Settings(first_run_done=True)


def test_a_huge_file_is_not_read_into_memory(data_dir: Path) -> None:
    write(data_dir, '{"note": "' + "x" * (store.MAX_BYTES + 10) + '"}')
    settings, notice = load_settings(data_dir, clock=lambda: FIXED)
    assert settings == Settings()
    assert notice is not None and notice.kind == "damaged"


def test_a_folder_in_the_way_is_reported_and_left_alone(data_dir: Path) -> None:
    (data_dir / SETTINGS_NAME).mkdir(parents=True)
    settings, notice = load_settings(data_dir)
    assert settings == Settings()
    assert notice is not None and notice.kind == "unreadable"
    assert (data_dir / SETTINGS_NAME).is_dir()
    with pytest.raises(SettingsError):
        save_settings(data_dir, CUSTOM)


def test_a_number_written_without_quotes_is_kept_as_text(data_dir: Path) -> None:
    write(data_dir, json.dumps({"contacts": [{"name": "Sister", "number": 447700900123}]}))
    settings, notice = load_settings(data_dir)
    assert settings.contacts == (Contact("Sister", "447700900123"),)
    assert notice is None


def test_contacts_that_cannot_be_read_are_kept_in_a_copy_of_the_file(data_dir: Path) -> None:
    document = {"contacts": [{"name": "Ana", "number": "555"}, {"name": ["Sam"]},
                             *({"name": f"Friend {i}"} for i in range(MAX_CONTACTS))]}
    raw = json.dumps(document)
    write(data_dir, raw)
    settings, notice = load_settings(data_dir, clock=lambda: datetime(2026, 3, 1, 21, 4, 5))
    assert len(settings.contacts) == MAX_CONTACTS - 1  # the unreadable one, and over 50
    assert notice is not None and notice.fields == ("contacts",)
    assert notice.moved_to is not None
    assert notice.moved_to.name == "settings.json.damaged-20260301-210405"
    assert notice.moved_to.read_text(encoding="utf-8") == raw  # nothing is lost on save
    assert "kept as settings.json.damaged-20260301-210405" in str(notice)
    if os.name == "posix":
        assert stat.S_IMODE(notice.moved_to.stat().st_mode) == 0o600
    save_settings(data_dir, settings)
    assert notice.moved_to.read_text(encoding="utf-8") == raw


def test_the_same_unreadable_field_is_kept_aside_once_not_at_every_start(
        data_dir: Path) -> None:
    """A field this Steady cannot read (from a newer one, say) is copied aside at the
    first start; the next starts name that copy instead of making another. A file that
    changed in between gets its own copy."""
    write(data_dir, json.dumps({"theme": "sepia", "sound": True}))
    first = load_settings(data_dir, clock=lambda: datetime(2026, 3, 1, 21, 4, 5))[1]
    second = load_settings(data_dir, clock=lambda: datetime(2026, 3, 2, 8, 0, 0))[1]
    assert first is not None and second is not None
    assert first.moved_to == second.moved_to
    assert len(list(data_dir.glob("settings.json.damaged-*"))) == 1
    write(data_dir, json.dumps({"theme": "sepia", "sound": False}))
    third = load_settings(data_dir, clock=lambda: datetime(2026, 3, 3, 8, 0, 0))[1]
    assert third is not None and third.moved_to != first.moved_to
    assert len(list(data_dir.glob("settings.json.damaged-*"))) == 2
