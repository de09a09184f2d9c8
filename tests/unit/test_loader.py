"""The exercise loader: clear lines for every problem, and it never raises."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.loader import (
    MAX_FILE_BYTES,
    check_files,
    load_file,
    load_folder,
    load_library,
    parse_exercise,
)

GOOD_BREATHING = """\
format = 1
id = "calm"
title = "Calm"
kind = "breathing"
minutes = 3

[[phases]]
action = "inhale"
seconds = 4

[[phases]]
action = "exhale"
seconds = 6
"""

GOOD_STEPS = """\
format = 1
id = "look"
title = "Look around"
kind = "grounding"

[[steps]]
text = "Name five things you can see."
count = 5

[[steps]]
text = "Rest a moment."
seconds = 30
"""

LINE_FORMAT = re.compile(r"^(?P<path>.+?)(?::(?P<line>\d+))?:(?: (?P<key>[\w.\[\]-]+):)? .+$")


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def only_problem(text: str, name: str = "f.toml") -> str:
    exercise, problems = parse_exercise(text.encode(), name)
    assert exercise is None
    assert len(problems) == 1, [str(p) for p in problems]
    return str(problems[0])


def test_good_breathing_file_builds_the_model() -> None:
    exercise, problems = parse_exercise(GOOD_BREATHING.encode(), "calm.toml")
    assert problems == []
    assert exercise is not None
    assert exercise.id == "calm"
    assert [(p.action, p.seconds) for p in exercise.phases] == [("inhale", 4.0), ("exhale", 6.0)]
    assert exercise.cycle_seconds == 10
    assert exercise.breaths_per_minute == pytest.approx(6.0)


def test_good_steps_file_builds_the_model() -> None:
    exercise, problems = parse_exercise(GOOD_STEPS.encode(), "look.toml")
    assert problems == []
    assert exercise is not None
    assert [(s.count, s.seconds) for s in exercise.steps] == [(5, None), (None, 30)]
    assert exercise.planned_seconds() == 30


def test_syntax_error_names_its_line() -> None:
    text = GOOD_BREATHING.replace('title = "Calm"', 'title = "Calm')
    line = only_problem(text, "calm.toml")
    assert line.startswith("calm.toml:3: ")
    assert "not valid TOML" in line


def test_unknown_key_is_an_error_with_line_and_key() -> None:
    text = GOOD_BREATHING.replace("minutes = 3", "minutes = 3\ncolour = \"blue\"")
    line = only_problem(text)
    assert line.startswith("f.toml:6: colour: is not a known key")


def test_bad_phase_seconds_points_at_the_phase() -> None:
    text = GOOD_BREATHING.replace("seconds = 6", "seconds = 120")
    line = only_problem(text)
    assert line == "f.toml:13: phases[2].seconds: is 120; it should be between 0.5 and 99"


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        (("minutes = 3", "minutes = 0"), "minutes", "between 1 and 60"),
        (("minutes = 3", "minutes = 61"), "minutes", "between 1 and 60"),
        (("minutes = 3", "cycles = 101"), "cycles", "between 1 and 100"),
        (("minutes = 3", "cycles = 2.5"), "cycles", "whole number"),
        (("minutes = 3", "minutes = true"), "minutes", "should be a number"),
        (("minutes = 3", "minutes = 3\ncycles = 4"), "cycles", "not both"),
        (('title = "Calm"', 'title = "   "'), "title", "is empty"),
        (('title = "Calm"', f'title = "{"x" * 81}"'), "title", "too long"),
        (('id = "calm"', 'id = "Calm Breath"'), "id", "lowercase"),
        (('kind = "breathing"', 'kind = "dance"'), "kind", "breathing, grounding"),
        (("format = 1", "format = 2"), "format", "newer Steady"),
        (("format = 1", "format = 1.0"), "format",
         "is 1.0; write the whole number 1, without a decimal point"),
        (("format = 1", 'format = "1"'), "format", "should be the number 1, not text"),
        (('action = "exhale"', 'action = "hold"'), "phases", "one inhale and one exhale"),
        (('action = "inhale"', 'action = "sniff"'), "phases[1].action",
         '"inhale", "hold" or "exhale"'),
        (("minutes = 3", "ease_in_seconds = 301"), "ease_in_seconds", "between 0 and 300"),
        (("minutes = 3", 'cautions = "be careful"'), "cautions", "list of text"),
        (("minutes = 3", 'tags = [""]'), "tags[1]", "is empty"),
        (("minutes = 3", 'suits = "high"'), "suits", 'a list like ["high", "numb"], not text'),
        (("minutes = 3", 'suits = ["high", "calm"]'), "suits[2]",
         """is 'calm'; it may be "high" or "numb", in quotes"""),
        (("minutes = 3", "suits = [true]"), "suits[1]", "is true/false; it may be"),
        (("minutes = 3", 'suits = ["numb", "numb"]'), "suits[2]", 'gives "numb" twice'),
    ],
)
def test_each_rule_gives_one_clear_line(change: tuple[str, str], key: str, words: str) -> None:
    line = only_problem(GOOD_BREATHING.replace(*change))
    match = LINE_FORMAT.match(line)
    assert match, line
    assert match.group("key") == key, line
    assert match.group("line") is not None, line
    assert words in line


@pytest.mark.parametrize(
    ("change", "key", "words"),
    [
        (("count = 5", "count = 0"), "steps[1].count", "between 1 and 20"),
        (("count = 5", "count = 21"), "steps[1].count", "between 1 and 20"),
        (("seconds = 30", "seconds = 601"), "steps[2].seconds", "between 1 and 600"),
        (("seconds = 30", "seconds = 0.5"), "steps[2].seconds", "whole number"),
        (("count = 5", "count = 5\nshout = true"), "steps[1].shout", "not a known key"),
        (('kind = "grounding"', 'kind = "grounding"\ncycles = 3'), "cycles", "only breathing"),
    ],
)
def test_step_rules(change: tuple[str, str], key: str, words: str) -> None:
    line = only_problem(GOOD_STEPS.replace(*change))
    match = LINE_FORMAT.match(line)
    assert match and match.group("key") == key, line
    assert words in line


def test_suits_reads_into_the_model_and_may_be_left_out() -> None:
    exercise, problems = parse_exercise(
        GOOD_STEPS.replace('kind = "grounding"', 'kind = "grounding"\nsuits = ["numb", "high"]')
        .encode(), "f.toml")
    assert problems == [] and exercise is not None
    assert exercise.suits == ("numb", "high")
    plain, _ = parse_exercise(GOOD_STEPS.encode(), "f.toml")
    assert plain is not None and plain.suits == ()  # an older file: valid, suits nothing


def test_missing_required_keys_are_each_named() -> None:
    _, problems = parse_exercise(b'kind = "breathing"\n', "x.toml")
    keys = {p.key for p in problems}
    assert {"format", "id", "title", "phases"} <= keys


def test_breathing_with_steps_and_grounding_with_phases() -> None:
    text = GOOD_STEPS.replace('kind = "grounding"', 'kind = "breathing"')
    _, problems = parse_exercise(text.encode(), "x.toml")
    messages = " / ".join(str(p) for p in problems)
    assert "needs [[phases]]" in messages
    assert "not [[steps]]" in messages


def test_too_many_phases() -> None:
    phases = '[[phases]]\naction = "inhale"\nseconds = 1\n' * 20
    phases += '[[phases]]\naction = "exhale"\nseconds = 1\n' * 21
    text = GOOD_BREATHING.split("[[phases]]")[0] + phases
    assert "has 41 entries; at most 40" in only_problem(text)


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "big.toml", GOOD_BREATHING + "#" * MAX_FILE_BYTES)
    exercise, problems = load_file(path)
    assert exercise is None
    assert "too large" in str(problems[0]) and str(path) in str(problems[0])


def test_non_utf8_file_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "latin.toml"
    path.write_bytes(GOOD_BREATHING.replace("Calm", "Ca\xe9lm").encode("latin-1"))
    _, problems = load_file(path)
    assert [str(p) for p in problems] == [f"{path}:3: is not UTF-8 text; save it as UTF-8"]


def test_folder_unreadable_and_missing_files(tmp_path: Path) -> None:
    (tmp_path / "dir.toml").mkdir()
    missing = tmp_path / "gone.toml"
    _, p1 = load_file(tmp_path / "dir.toml")
    _, p2 = load_file(missing)
    assert "is a folder" in str(p1[0])
    assert "cannot be read" in str(p2[0])


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads anything")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "secret.toml", GOOD_BREATHING)
    path.chmod(0)
    _, problems = load_file(path)
    assert "cannot be read" in str(problems[0])


def test_symlink_loop_and_odd_names(tmp_path: Path) -> None:
    loop = tmp_path / "loop.toml"
    loop.symlink_to(loop)
    odd = os.path.join(os.fsencode(tmp_path), b"caf\xe9.toml")
    with open(odd, "wb") as handle:
        handle.write(GOOD_BREATHING.encode())
    result = load_folder(tmp_path)
    assert [e.id for e in result.exercises] == ["calm"]
    assert len(result.problems) == 1 and "loop.toml" in str(result.problems[0])
    str(result.exercises[0].path).encode("utf-8", "surrogateescape")  # printable path


def test_same_id_twice_in_one_folder(tmp_path: Path) -> None:
    a = write(tmp_path, "a.toml", GOOD_BREATHING)
    b = write(tmp_path, "b.toml", GOOD_BREATHING.replace('"Calm"', '"Calm too"'))
    result = check_files([a, b])
    assert [e.title for e in result.exercises] == ["Calm"]
    assert [str(p) for p in result.problems] == [
        f"{b}: id: 'calm' is already the id of a.toml in this folder"]


def test_own_file_overrides_bundled_and_broken_ones_are_listed(tmp_path: Path) -> None:
    bundled, own = tmp_path / "bundled", tmp_path / "own"
    bundled.mkdir()
    own.mkdir()
    write(bundled, "calm.toml", GOOD_BREATHING)
    write(bundled, "look.toml", GOOD_STEPS)
    write(own, "calm.toml", GOOD_BREATHING.replace('"Calm"', '"My calm"'))
    write(own, "broken.toml", "format = 1\nid = ")
    (own / "notes.txt").write_text("not an exercise")
    library = load_library(bundled, own)
    assert library.ids() == ["calm", "look"]
    calm = library.get("calm")
    assert calm is not None and calm.title == "My calm" and not calm.bundled
    assert [p.path for p in library.problems] == [str(own / "broken.toml")]
    assert load_library(bundled, tmp_path / "nowhere").get("calm").title == "Calm"  # type: ignore[union-attr]


# --------------------------------------------------------------------------- never raises

toml_scalars = st.one_of(
    st.integers(min_value=-10**6, max_value=10**6), st.floats(allow_nan=True),
    st.text(max_size=40), st.booleans(),
)
toml_values = st.recursive(
    toml_scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(st.sampled_from(["action", "seconds", "text", "count", "x"]), inner,
                        max_size=4),
    ),
    max_leaves=12,
)
keys = st.sampled_from(["format", "id", "title", "kind", "summary", "minutes", "cycles",
                        "cautions", "sources", "tags", "ease_in_seconds", "phases", "steps",
                        "other"])


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:
            return "nan"
        if value in (float("inf"), float("-inf")):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return '"' + value.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{k} = {_toml_value(v)}" for k, v in value.items()) + "}"


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data: bytes) -> None:
    exercise, problems = parse_exercise(data, "fuzz.toml")
    assert (exercise is None) == bool(problems)
    for problem in problems:
        assert str(problem).startswith("fuzz.toml")


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(keys, toml_values, max_size=10),
       st.sampled_from(["breathing", "grounding", "sensory", "body", None]))
def test_arbitrary_toml_documents_never_raise(doc: dict[str, object], kind: str | None) -> None:
    if kind is not None:
        doc = {"format": 1, "id": "fuzz", "title": "Fuzz", "kind": kind, **doc}
    text = "\n".join(f"{k} = {_toml_value(v)}" for k, v in doc.items()) + "\n"
    exercise, problems = parse_exercise(text.encode(), "fuzz.toml")
    assert (exercise is None) == bool(problems)
    for problem in problems:
        assert LINE_FORMAT.match(str(problem)), str(problem)


def test_a_file_that_cannot_be_opened_is_described(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """As root no file is unreadable, so the refusal is simulated at open()."""
    path = write(tmp_path, "secret.toml", GOOD_BREATHING)
    real_open = Path.open

    def refuse(self: Path, *args: object, **kwargs: object):  # type: ignore[no-untyped-def]
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", refuse)
    exercise, problems = load_file(path)
    assert exercise is None
    assert [str(p) for p in problems] == [f"{path}: cannot be read (permission denied)"]


@pytest.mark.parametrize(("find", "replace", "key", "wanted"), [
    ('title = "Calm"', 'title = "Calm\\u0000breath"', "title", "'\\x00'"),
    ('title = "Calm"', 'title = "Calm\\nbreath"', "title", "one line"),
    ('title = "Calm"', 'title = "Calm\\u001b[31m"', "title", "'\\x1b'"),
    ('title = "Calm"', 'title = "Calm"\ntags = ["ni\\u0085ght"]', "tags[1]", "'\\x85'"),
])
def test_text_with_control_characters_is_refused(find: str, replace: str, key: str,
                                                 wanted: str) -> None:
    exercise, problems = parse_exercise(GOOD_BREATHING.replace(find, replace).encode(),
                                        "calm.toml")
    assert exercise is None
    assert len(problems) == 1
    assert problems[0].key == key
    assert "control character" in problems[0].message and wanted in str(problems[0])


def test_longer_texts_may_run_over_lines() -> None:
    text = GOOD_BREATHING.replace('title = "Calm"',
                                  'title = "Calm"\nsummary = """Slow.\n\tThen slower."""')
    exercise, problems = parse_exercise(text.encode(), "calm.toml")
    assert problems == []
    assert exercise is not None and exercise.summary == "Slow.\n\tThen slower."


def test_an_exercise_longer_than_the_limit_is_refused_naming_what_makes_it_long() -> None:
    long_phases = "".join(f'\n[[phases]]\naction = "{a}"\nseconds = 99\n'
                          for a in ("inhale", "exhale") * 5)
    text = ('format = 1\nid = "long-one"\ntitle = "Long"\nkind = "breathing"\ncycles = 100\n'
            + long_phases)
    exercise, problems = parse_exercise(text.encode(), "long-one.toml")
    assert exercise is None
    assert [(p.path, p.line, p.key) for p in problems] == [("long-one.toml", 5, "cycles")]
    assert "about 1650 minutes" in problems[0].message
    assert "at most 120" in problems[0].message
    # Just within the limit is fine: 7 cycles of 990 s is 115.5 minutes.
    exercise, problems = parse_exercise(text.replace("cycles = 100", "cycles = 7").encode(),
                                        "long-one.toml")
    assert problems == [] and exercise is not None


def test_an_action_that_is_not_text_says_it_needs_quotes() -> None:
    text = GOOD_BREATHING.replace('action = "inhale"', "action = 1")
    problem = only_problem(text, "calm.toml")
    assert problem == ('calm.toml:8: phases[1].action: is a whole number; it should be '
                       '"inhale", "hold" or "exhale", in quotes')
