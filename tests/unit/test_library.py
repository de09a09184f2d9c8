"""The bundled exercise library: every file loads, and matches docs/EXERCISES.md."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.domain.exercise import KINDS, Exercise
from app.domain.loader import Library, load_library
from app.paths import bundled_exercises_dir

BREATHING = ("extended-exhale", "coherent", "cyclic-sigh", "box", "four-seven-eight")
GROUNDING = ("five-senses", "categories", "orienting")
SENSORY = ("cold-temperature", "texture", "sound-focus", "butterfly-hug")
BODY = ("pmr-short", "paired-relaxation")
EXPECTED_KINDS = {
    **dict.fromkeys(BREATHING, "breathing"),
    **dict.fromkeys(GROUNDING, "grounding"),
    **dict.fromkeys(SENSORY, "sensory"),
    **dict.fromkeys(BODY, "body"),
}

# (action, seconds) for one cycle, from docs/EXERCISES.md.
PATTERNS = {
    "extended-exhale": [("inhale", 4), ("exhale", 6)],
    "coherent": [("inhale", 4.5), ("exhale", 5.5)],
    "cyclic-sigh": [("inhale", 2), ("inhale", 1), ("exhale", 6)],
    "box": [("inhale", 4), ("hold", 4), ("exhale", 4), ("hold", 4)],
    "four-seven-eight": [("inhale", 4), ("hold", 7), ("exhale", 8)],
}

# Default length per docs/EXERCISES.md: minutes, or ("cycles", n).
BREATHING_LENGTH = {
    "extended-exhale": 5,
    "coherent": 10,
    "cyclic-sigh": 5,
    "box": 5,
    "four-seven-eight": ("cycles", 4),
}

# Inclusive minute ranges for step exercises, from docs/EXERCISES.md.
STEP_MINUTES = {
    "five-senses": (3, 5),
    "categories": (2, 5),
    "orienting": (2, 3),
    "cold-temperature": (1, 2),
    "texture": (1, 3),
    "sound-focus": (2, 5),
    "butterfly-hug": (2, 3),
    "pmr-short": (4, 6),
    "paired-relaxation": (2.5, 3.5),
}

# The states each file suits, from docs/EXERCISES.md ("Which states each suits").
SUITS = {
    "extended-exhale": ("high",), "cyclic-sigh": ("high",), "paired-relaxation": ("high",),
    "cold-temperature": ("high", "numb"), "texture": ("high", "numb"),
    "five-senses": ("high", "numb"), "orienting": ("numb",), "sound-focus": ("numb",),
}

# Words that have no place in a calm, trauma-informed exercise.
AVOIDED = ("breakdown", "freaking out", "close your eyes", "eyes closed", "must", "fail")


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(bundled_exercises_dir())


def _all_text(exercise: Exercise) -> list[str]:
    return [exercise.title, exercise.summary, *exercise.cautions, *exercise.sources,
            *exercise.tags, *(step.text for step in exercise.steps)]


def test_every_bundled_file_loads_without_problems(library: Library) -> None:
    assert [str(p) for p in library.problems] == []
    assert len(library.exercises) == 14


def test_ids_and_kinds(library: Library) -> None:
    assert {ex.id: ex.kind for ex in library.exercises.values()} == EXPECTED_KINDS
    groups = library.by_kind()
    assert set(groups) == set(KINDS)
    assert all(groups[kind] for kind in KINDS)


def test_one_file_per_exercise_named_after_its_id(library: Library) -> None:
    files = sorted(p.name for p in bundled_exercises_dir().glob("*.toml"))
    assert files == sorted(f"{ex_id}.toml" for ex_id in EXPECTED_KINDS)
    for ex in library.exercises.values():
        assert ex.path is not None and ex.path.name == f"{ex.id}.toml"
        assert ex.bundled


@pytest.mark.parametrize("ex_id", sorted(EXPECTED_KINDS))
def test_each_file_starts_with_a_header_comment(ex_id: str) -> None:
    text = (bundled_exercises_dir() / f"{ex_id}.toml").read_text(encoding="utf-8")
    header = text.split("format = 1", 1)[0].splitlines()
    assert len(header) >= 2 and all(line.startswith("# ") for line in header)


@pytest.mark.parametrize("ex_id", sorted(EXPECTED_KINDS))
def test_each_has_summary_cautions_and_sources(library: Library, ex_id: str) -> None:
    ex = library.exercises[ex_id]
    assert ex.summary
    assert len(ex.cautions) >= 1
    assert len(ex.sources) >= 1


@pytest.mark.parametrize("ex_id", sorted(EXPECTED_KINDS))
def test_wording_is_gentle(library: Library, ex_id: str) -> None:
    for text in _all_text(library.exercises[ex_id]):
        lowered = text.lower()
        for word in AVOIDED:
            assert word not in lowered, f"{ex_id}: {text!r} contains {word!r}"


@pytest.mark.parametrize("ex_id", BREATHING)
def test_breathing_timings_match_the_library(library: Library, ex_id: str) -> None:
    ex = library.exercises[ex_id]
    assert [(p.action, p.seconds) for p in ex.phases] == PATTERNS[ex_id]
    length = BREATHING_LENGTH[ex_id]
    if isinstance(length, tuple):
        assert (ex.cycles, ex.minutes) == (length[1], None)
    else:
        assert (ex.minutes, ex.cycles) == (length, None)


def test_breathing_rates(library: Library) -> None:
    # About six breaths a minute for the two slow-breathing patterns.
    for ex_id in ("extended-exhale", "coherent"):
        assert library.exercises[ex_id].breaths_per_minute == pytest.approx(6.0)
    # The out-breath is never shorter than the in-breath.
    for ex_id in BREATHING:
        ex = library.exercises[ex_id]
        inhale = sum(p.seconds for p in ex.phases if p.action == "inhale")
        exhale = sum(p.seconds for p in ex.phases if p.action == "exhale")
        assert exhale >= inhale, ex_id


def test_ease_in_only_for_patterns_without_holds(library: Library) -> None:
    assert library.exercises["extended-exhale"].ease_in_seconds == 60
    assert library.exercises["coherent"].ease_in_seconds == 60
    for ex in library.exercises.values():
        if any(p.action == "hold" for p in ex.phases):
            assert ex.ease_in_seconds == 0, ex.id


def test_health_tags(library: Library) -> None:
    with_hold = {ex.id for ex in library.exercises.values() if "breath-hold" in ex.tags}
    assert with_hold == {"box", "four-seven-eight"}
    # Any exercise with a hold phase must carry the tag that lets settings hide it.
    for ex in library.exercises.values():
        if any(p.action == "hold" for p in ex.phases):
            assert "breath-hold" in ex.tags, ex.id
    with_cold = {ex.id for ex in library.exercises.values() if "cold" in ex.tags}
    assert with_cold == {"cold-temperature"}


def test_suits_match_the_library(library: Library) -> None:
    found = {ex.id: ex.suits for ex in library.exercises.values() if ex.suits}
    assert found == SUITS
    high = [library.exercises[ex_id] for ex_id, states in SUITS.items() if "high" in states]
    # Short, led by a long breath out, or through the senses; never a breath hold.
    for ex in high:
        assert "breath-hold" not in ex.tags, ex.id
        assert ex.length_minutes is not None and ex.length_minutes <= 5, ex.id
        if ex.is_breathing:
            breath_in = sum(p.seconds for p in ex.phases if p.action == "inhale")
            breath_out = sum(p.seconds for p in ex.phases if p.action == "exhale")
            assert breath_out > breath_in, ex.id
    # Numb: orienting and the senses, never paced breathing (slowing down further).
    numb = [library.exercises[ex_id] for ex_id, states in SUITS.items() if "numb" in states]
    assert {ex.kind for ex in numb} == {"grounding", "sensory"}


def test_tags_are_lowercase_words(library: Library) -> None:
    for ex in library.exercises.values():
        for tag in ex.tags:
            assert tag == tag.strip().lower() and " " not in tag, (ex.id, tag)


@pytest.mark.parametrize("ex_id", sorted(STEP_MINUTES))
def test_step_exercise_length_within_the_library_range(library: Library, ex_id: str) -> None:
    ex = library.exercises[ex_id]
    low, high = STEP_MINUTES[ex_id]
    assert ex.minutes is not None and low <= ex.minutes <= high
    assert ex.cycles is None and not ex.phases and ex.steps
    timed = sum(step.seconds or 0 for step in ex.steps)
    assert timed <= ex.minutes * 60


def test_five_senses_counts_down(library: Library) -> None:
    counts = [s.count for s in library.exercises["five-senses"].steps if s.count]
    assert counts == [5, 4, 3, 2, 1]


def test_cold_temperature_has_a_thirty_second_countdown(library: Library) -> None:
    ex = library.exercises["cold-temperature"]
    assert [s.seconds for s in ex.steps if s.seconds] == [30]
    cautions = " ".join(ex.cautions).lower()
    for word in ("heart", "beta-blockers", "allergic", "eating disorder", "10 °c"):
        assert word in cautions


def test_pmr_short_tenses_then_releases_four_groups(library: Library) -> None:
    timed = [s.seconds for s in library.exercises["pmr-short"].steps if s.seconds]
    assert timed == [6, 30] * 4
    assert all(5 <= t <= 7 for t in timed[::2])
    assert all(20 <= r <= 40 for r in timed[1::2])


def test_paired_relaxation_breathes_in_out_and_notices(library: Library) -> None:
    steps = [s for s in library.exercises["paired-relaxation"].steps if s.seconds]
    assert len(steps) % 3 == 0 and len(steps) >= 9
    for tense, release, notice in zip(steps[::3], steps[1::3], steps[2::3], strict=True):
        assert "breathe in" in tense.text.lower() and 5 <= (tense.seconds or 0) <= 6
        assert "breathe out" in release.text.lower() and '"relax"' in release.text
        assert 10 <= (notice.seconds or 0) <= 15


def test_butterfly_hug_short_sets_with_pauses(library: Library) -> None:
    ex = library.exercises["butterfly-hug"]
    assert any("emdr" in c.lower() for c in ex.cautions)
    tap_sets = [s for s in ex.steps if "tap" in s.text.lower() and s.seconds]
    assert 2 <= len(tap_sets) <= 4
    assert all((s.seconds or 0) <= 10 for s in tap_sets)


OWN_BOX = """\
format = 1
id = "box"
title = "My box"
kind = "breathing"
cycles = 3

[[phases]]
action = "inhale"
seconds = 3

[[phases]]
action = "exhale"
seconds = 3
"""


def test_a_persons_file_overrides_a_bundled_id(tmp_path: Path) -> None:
    user_dir = tmp_path / "exercises"
    user_dir.mkdir()
    own = user_dir / "my-box.toml"
    own.write_text(OWN_BOX, encoding="utf-8")
    (user_dir / "calm.toml").write_text(
        OWN_BOX.replace('id = "box"', 'id = "calm"'), encoding="utf-8")

    library = load_library(bundled_exercises_dir(), tmp_path / "exercises")

    assert library.problems == []
    assert len(library.exercises) == 15
    box = library.get("box")
    assert box is not None
    assert (box.title, box.cycles, box.bundled, box.path) == ("My box", 3, False, own)
    assert [(p.action, p.seconds) for p in box.phases] == [("inhale", 3), ("exhale", 3)]
    calm = library.get("calm")
    assert calm is not None and not calm.bundled
    # Everything else is still the bundled version.
    coherent = library.get("coherent")
    assert coherent is not None and coherent.bundled


def test_a_broken_personal_file_leaves_the_library_whole(tmp_path: Path) -> None:
    user_dir = tmp_path / "exercises"
    user_dir.mkdir()
    (user_dir / "box.toml").write_text(OWN_BOX.replace("cycles = 3", "cycles = 0"),
                                       encoding="utf-8")
    library = load_library(bundled_exercises_dir(), user_dir)
    assert len(library.exercises) == 14
    box = library.get("box")
    assert box is not None and box.bundled
    assert [p.key for p in library.problems] == ["cycles"]
