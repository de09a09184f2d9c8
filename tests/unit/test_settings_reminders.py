"""Practice reminders in the settings file: kept exactly, off when anything is unreadable."""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

import pytest

from app.domain.reminders import Reminders
from app.domain.settings import SETTINGS_NAME, Settings
from app.storage.settings import load_settings, save_settings, settings_path

CHOSEN = Reminders(enabled=True, days=frozenset({0, 2, 4}), times=(time(18, 30), time(8, 5)),
                   quiet_from=time(22), quiet_to=time(7), exercise="box")


def write(data_dir: Path, reminders: object) -> None:
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / SETTINGS_NAME).write_text(json.dumps({"version": 1, "sound": True,
                                                      "reminders": reminders}))


def test_off_until_chosen(data_dir: Path) -> None:
    assert Settings().reminders == Reminders() and not Settings().reminders.enabled
    data_dir.mkdir(parents=True)
    (data_dir / SETTINGS_NAME).write_text('{"version": 1}')  # a file from before reminders
    settings, notice = load_settings(data_dir)
    assert settings.reminders == Reminders() and notice is None


def test_round_trip_as_plain_json(data_dir: Path) -> None:
    save_settings(data_dir, Settings(reminders=CHOSEN))
    document = json.loads(settings_path(data_dir).read_text(encoding="utf-8"))
    assert document["reminders"] == {
        "enabled": True, "days": [0, 2, 4], "times": ["08:05", "18:30"],
        "quiet_from": "22:00", "quiet_to": "07:00", "exercise": "box"}
    loaded, notice = load_settings(data_dir)
    assert notice is None
    assert loaded.reminders == Reminders(
        enabled=True, days=frozenset({0, 2, 4}), times=(time(8, 5), time(18, 30)),
        quiet_from=time(22), quiet_to=time(7), exercise="box")


def test_no_quiet_hours_and_a_time_given_twice(data_dir: Path) -> None:
    write(data_dir, {"enabled": True, "days": [6], "times": ["09:00", "09:00"],
                     "quiet_from": None, "quiet_to": None, "exercise": ""})
    settings, notice = load_settings(data_dir)
    assert notice is None
    assert settings.reminders == Reminders(enabled=True, days=frozenset({6}),
                                           times=(time(9),))


@pytest.mark.parametrize("bad", [
    "daily", [], {"enabled": "yes", "days": [0], "times": ["09:00"]},
    {"enabled": True, "days": [7], "times": ["09:00"]},
    {"enabled": True, "days": [True], "times": ["09:00"]},
    {"enabled": True, "days": "0", "times": ["09:00"]},
    {"enabled": True, "days": [0], "times": ["24:00"]},
    {"enabled": True, "days": [0], "times": ["9:00"]},
    {"enabled": True, "days": [0], "times": ["٠٩:٠٠"]},  # Arabic-Indic digits
    {"enabled": True, "days": [0], "times": [900]},
    {"enabled": True, "days": [0], "times": ["07:00", "08:00", "09:00", "10:00"]},
    {"enabled": True, "days": [0], "times": ["09:00"], "quiet_from": "late"},
    {"enabled": True, "days": [0], "times": ["09:00"], "exercise": 3},
    {"enabled": True, "days": [0], "times": ["09:00"], "exercise": "x" * 101},
])
def test_anything_unreadable_leaves_them_off_and_says_so(data_dir: Path, bad: object) -> None:
    write(data_dir, bad)
    settings, notice = load_settings(data_dir)
    assert settings.reminders == Reminders()
    assert settings.sound is True  # the rest is read as it is
    assert notice is not None and notice.kind == "fields" and notice.fields == ("reminders",)
