"""The exercise writer: readable files that the loader reads back as the same exercise."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from app.domain.exercise import ACTIONS, SUITS, Exercise, Phase, Step
from app.domain.loader import (
    MAX_ITEMS,
    MAX_LIST,
    MAX_TOTAL_MINUTES,
    MULTILINE,
    RANGES,
    TEXT_LIMITS,
    has_nothing_visible,
    load_file,
    one_line_problem,
    parse_exercise,
)
from app.domain.writer import (
    CARRIED_HEADING,
    DEFAULT_HEADER,
    FALLBACK_ID,
    exercise_to_toml,
    header_lines,
    id_from_title,
    replace_id,
    split_comments,
    toml_number,
    toml_string,
    unique_id,
)

REPO = Path(__file__).resolve().parents[2]
BUNDLED = sorted((REPO / "exercises").glob("*.toml"))


def read_back(text: str) -> Exercise:
    exercise, problems = parse_exercise(text.encode("utf-8"), "draft.toml")
    assert problems == [], "\n".join(map(str, problems))
    assert exercise is not None
    return exercise


# --------------------------------------------------------------------------- property


def texts(limit_name: str) -> st.SearchStrategy[str]:
    """Any text the loader keeps as it is: not empty, no outer spaces, within the limit,
    something visible, no control characters (but line breaks and tabs in the longer
    texts), and in one-line texts nothing that breaks the line or reorders it."""
    allowed = "\n\t" if limit_name in MULTILINE else ""

    def without_controls(text: str) -> str:
        return "".join(ch for ch in text
                       if ch in allowed or not (ch < " " or "\x7f" <= ch <= "\x9f"))

    def kept(text: str) -> bool:
        one_line_ok = limit_name in MULTILINE or one_line_problem(text) is None
        return bool(text) and not has_nothing_visible(text) and one_line_ok

    return (st.text(min_size=1, max_size=TEXT_LIMITS[limit_name]).map(without_controls)
            .map(str.strip).filter(kept))


def fits(draft: Exercise) -> bool:
    """Within the longest an exercise may take in all."""
    return draft.planned_seconds() <= MAX_TOTAL_MINUTES * 60


ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,63}", fullmatch=True)
halves = st.integers(1, 198).map(lambda n: n / 2)
phase_seconds = st.one_of(halves, st.floats(*RANGES["phases.seconds"], allow_nan=False))
phases = st.builds(Phase, action=st.sampled_from(ACTIONS), seconds=phase_seconds)
steps = st.builds(
    Step, text=texts("text"),
    count=st.none() | st.integers(*map(int, RANGES["steps.count"])),
    seconds=st.none() | st.integers(*map(int, RANGES["steps.seconds"])),
)
minutes = st.floats(*RANGES["minutes"], allow_nan=False)


def text_lists(name: str) -> st.SearchStrategy[tuple[str, ...]]:
    return st.lists(texts(name), max_size=MAX_LIST).map(tuple)


suits = st.lists(st.sampled_from(SUITS), unique=True).map(tuple)


@st.composite
def breathing_drafts(draw: st.DrawFn) -> Exercise:
    pattern = draw(st.lists(phases, min_size=1, max_size=MAX_ITEMS))
    pattern[0] = Phase("inhale", pattern[0].seconds)
    pattern.append(Phase("exhale", draw(phase_seconds)))
    pattern = pattern[:MAX_ITEMS]
    if all(p.action != "inhale" for p in pattern) or all(p.action != "exhale" for p in pattern):
        pattern[-1] = Phase("exhale", pattern[-1].seconds)
    length = draw(st.sampled_from(["minutes", "cycles", "neither"]))
    return Exercise(
        id=draw(ids), title=draw(texts("title")), kind="breathing",
        summary=draw(st.just("") | texts("summary")),
        minutes=draw(minutes) if length == "minutes" else None,
        cycles=draw(st.integers(*map(int, RANGES["cycles"]))) if length == "cycles" else None,
        cautions=draw(text_lists("cautions")), sources=draw(text_lists("sources")),
        tags=draw(text_lists("tags")), suits=draw(suits),
        ease_in_seconds=draw(st.just(0.0) | st.floats(*RANGES["ease_in_seconds"],
                                                      allow_nan=False)),
        phases=tuple(pattern),
    )


@st.composite
def step_drafts(draw: st.DrawFn) -> Exercise:
    return Exercise(
        id=draw(ids), title=draw(texts("title")),
        kind=draw(st.sampled_from(["grounding", "sensory", "body"])),
        summary=draw(st.just("") | texts("summary")),
        minutes=draw(st.none() | minutes),
        cautions=draw(text_lists("cautions")), sources=draw(text_lists("sources")),
        tags=draw(text_lists("tags")), suits=draw(suits),
        steps=tuple(draw(st.lists(steps, min_size=1, max_size=MAX_ITEMS))),
    )


@settings(max_examples=150, deadline=None)
@given(draft=st.one_of(breathing_drafts(), step_drafts()))
def test_any_valid_draft_reads_back_as_the_same_exercise(draft: Exercise) -> None:
    text = exercise_to_toml(draft, header_lines(None))
    if len(text.encode("utf-8")) > 64 * 1024:
        return  # very long texts of four-byte characters; the loader says so itself
    if not fits(draft):  # many cycles of long phases: refused, and told why
        _, problems = parse_exercise(text.encode("utf-8"), "draft.toml")
        assert any("in all" in problem.message for problem in problems), problems
        return
    assert read_back(text) == draft


@settings(max_examples=60, deadline=None)
@given(draft=breathing_drafts(), original=st.text(max_size=200))
def test_any_header_keeps_the_file_valid(draft: Exercise, original: str) -> None:
    assume(fits(draft))
    lines = header_lines(original, note="Made from “x”\nwith\ttabs\x00")
    assert all(line == "" or line.startswith("#") for line in lines)
    assert read_back(exercise_to_toml(draft, lines)) == draft


# --------------------------------------------------------------------------- the file


@pytest.mark.parametrize("path", BUNDLED, ids=[p.stem for p in BUNDLED])
def test_every_bundled_exercise_writes_back_the_same(path: Path) -> None:
    exercise, problems = load_file(path)
    assert exercise is not None and problems == []
    original = path.read_text(encoding="utf-8")
    text = exercise_to_toml(exercise, header_lines(original))
    assert read_back(text) == exercise
    leading, _ = split_comments(original)
    assert text.startswith("\n".join(leading) + "\n\n")


def test_the_file_reads_well() -> None:
    draft = Exercise(
        id="calm", title='My "calm" breath', kind="breathing", summary="In 4, out 6.",
        minutes=5.0, cautions=("Stop whenever you want.",), tags=("evening", "slow"),
        ease_in_seconds=30.0, phases=(Phase("inhale", 4.0), Phase("exhale", 6.5)),
    )
    text = exercise_to_toml(draft)
    assert text == "\n".join([
        *DEFAULT_HEADER,
        "",
        "format = 1",
        'id = "calm"',
        'title = "My \\"calm\\" breath"',
        'kind = "breathing"',
        'summary = "In 4, out 6."',
        "minutes = 5",
        "ease_in_seconds = 30",
        "cautions = [",
        '    "Stop whenever you want.",',
        "]",
        'tags = ["evening", "slow"]',
        "",
        "[[phases]]",
        'action = "inhale"',
        "seconds = 4",
        "",
        "[[phases]]",
        'action = "exhale"',
        "seconds = 6.5",
        "",
    ])
    assert read_back(text) == draft


def test_steps_leave_out_what_is_not_given() -> None:
    draft = Exercise(id="feet", title="Feet", kind="body",
                     steps=(Step("Feel your feet."), Step("Count", count=3, seconds=20)))
    text = exercise_to_toml(draft, header=[])
    assert text.startswith("format = 1\n")
    assert "minutes" not in text and "summary" not in text and "tags" not in text
    assert text.count("count = ") == 1 and text.count("seconds = ") == 1
    assert read_back(text) == draft


@pytest.mark.parametrize("text", [
    "", "plain", 'quote " and \\ backslash', "tab\there", "new\nline", "\x00\x1f\x7f",
    "ünïcødé ✓ 🌿", "# not a comment", "'''", '"""', "\u2028\u0085",
])
def test_strings_survive_toml(text: str) -> None:
    assert tomllib.loads(f"v = {toml_string(text)}")["v"] == text


def test_a_lone_surrogate_becomes_a_replacement_character() -> None:
    written = toml_string("a\udc80b")
    assert tomllib.loads(f"v = {written}")["v"] == "a\ufffdb"


@pytest.mark.parametrize(("value", "text"), [
    (4, "4"), (4.0, "4"), (0.5, "0.5"), (99.0, "99"), (12.25, "12.25"), (1e20, "1e+20"),
])
def test_numbers_are_written_simply(value: float, text: str) -> None:
    assert toml_number(value) == text
    assert tomllib.loads(f"v = {text}")["v"] == value


def test_true_and_false_are_not_numbers() -> None:
    with pytest.raises(TypeError):
        toml_number(True)


# --------------------------------------------------------------------------- comments


def test_comments_are_kept_or_carried_into_the_header() -> None:
    original = (
        "\ufeff\n# Mine: written on a bad night.\n#\n# It helps.\n\n"
        "format = 1  # the format\n"
        'id = "mine" # "quoted" # twice\n'
        'title = "A # inside quotes is text"\n'
        "summary = '''\n# not a comment\n'''\n"
        "# About the breath:\n"
        "[[phases]]\n"
    )
    leading, others = split_comments(original)
    assert leading == ["# Mine: written on a bad night.", "#", "# It helps."]
    assert others == ["# format = 1  # the format", '# id = "mine"  # "quoted" # twice',
                      "# About the breath:"]
    lines = header_lines(original)
    assert lines == [*leading, "#", CARRIED_HEADING, *others]
    # Writing again from that file keeps the header as it is (no comment doubles).
    draft = Exercise(id="mine", title="Mine", kind="breathing",
                     phases=(Phase("inhale", 4), Phase("exhale", 4)))
    again = exercise_to_toml(draft, lines)
    assert header_lines(again) == lines


def test_a_file_without_comments_gets_the_default_header() -> None:
    assert header_lines('format = 1\nid = "x"\n') == list(DEFAULT_HEADER)
    assert header_lines(None) == list(DEFAULT_HEADER)


def test_a_note_goes_first_once() -> None:
    lines = header_lines("# Original.\nformat = 1\n", note="A copy.")
    assert lines == ["# A copy.", "#", "# Original."]
    assert header_lines("\n".join(lines) + "\nformat = 1\n", note="A copy.") == lines


def test_replace_id_changes_only_that_value() -> None:
    text = '# id = "old" in a comment\nformat = 1\nid = "old"  # keep me\n[[phases]]\nid = "x"\n'
    assert replace_id(text, "new") == (
        '# id = "old" in a comment\nformat = 1\nid = "new"  # keep me\n[[phases]]\nid = "x"\n')
    assert replace_id("format = 1\n[[phases]]\nid = 'x'\n", "new") is None


# --------------------------------------------------------------------------- ids


@pytest.mark.parametrize(("title", "expected"), [
    ("Calm 4-2-6", "calm-4-2-6"), ("  Émile's  breath! ", "emile-s-breath"),
    ("呼吸", FALLBACK_ID), ("", FALLBACK_ID), ("x" * 100, "x" * 64), ("a" * 63 + " b", "a" * 63),
])
def test_ids_from_titles(title: str, expected: str) -> None:
    assert id_from_title(title) == expected


def test_unique_ids_stay_valid() -> None:
    assert unique_id("box", set()) == "box"
    assert unique_id("box", {"box", "box-2"}) == "box-3"
    long = "a" * 64
    made = unique_id(long, {long})
    assert made == "a" * 62 + "-2" and len(made) <= 64
