"""resources/exercise.schema.json and the loader agree on what a valid file is."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from app.domain import loader
from app.domain.exercise import ACTIONS, KINDS, SUITS
from app.domain.loader import parse_exercise
from app.paths import bundled_exercises_dir, resource

NAME = "ex.toml"
SCHEMA: dict[str, Any] = json.loads(resource("exercise.schema.json").read_text(encoding="utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA)

PROBLEM_FORM = re.compile(
    r"^ex\.toml(?::(?P<line>\d+))?: "
    r"(?P<key>[A-Za-z0-9_-]+(?:\[\d+\])?(?:\.[A-Za-z0-9_-]+)?): \S.*$")


# --------------------------------------------------------------------------- building documents

TOP = {"format": "1", "id": '"test"', "title": '"Test"'}
PHASES = [("inhale", "4"), ("exhale", "6")]
STEPS = ['text = "Look around."']


def q(text: str) -> str:
    """A TOML basic string (JSON's escapes are valid TOML for the BMP)."""
    return json.dumps(text)


def phases_toml(phases: list[tuple[str, str]]) -> str:
    return "".join(f'\n[[phases]]\naction = "{a}"\nseconds = {s}\n' for a, s in phases)


def steps_toml(steps: list[str]) -> str:
    return "".join(f"\n[[steps]]\n{body}\n" for body in steps)


def doc(kind: str | None, tables: str, **top: str | None) -> str:
    """A document: TOP with overrides (None drops a key), ``kind``, then ``tables``."""
    keys: dict[str, str | None] = {**TOP, "kind": q(kind) if kind else None, **top}
    head = "".join(f"{k} = {v}\n" for k, v in keys.items() if v is not None)
    return head + tables


def breathing(phases: list[tuple[str, str]] | None = None, **top: str | None) -> str:
    return doc("breathing", phases_toml(PHASES if phases is None else phases), **top)


def stepped(steps: list[str] | None = None, kind: str = "grounding", **top: str | None) -> str:
    return doc(kind, steps_toml(STEPS if steps is None else steps), **top)


def schema_errors(text: str) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(tomllib.loads(text))]


def loader_problems(text: str) -> list[str]:
    exercise, problems = parse_exercise(text.encode("utf-8"), NAME)
    assert (exercise is None) == bool(problems)
    return [str(p) for p in problems]


# --------------------------------------------------------------------------- the bundled files


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


@pytest.mark.parametrize("path", sorted(bundled_exercises_dir().glob("*.toml")),
                         ids=lambda p: p.stem)
def test_bundled_file_passes_schema_and_loader(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert schema_errors(text) == []
    assert loader_problems(text) == []


# --------------------------------------------------------------------------- the rules match


def test_schema_keys_and_limits_match_the_loader() -> None:
    props = SCHEMA["properties"]
    defs = SCHEMA["$defs"]
    assert set(props) == loader.TOP_KEYS
    assert set(defs["phase"]["properties"]) == loader.PHASE_KEYS
    assert set(defs["step"]["properties"]) == loader.STEP_KEYS
    assert tuple(props["kind"]["enum"]) == KINDS
    assert tuple(defs["phase"]["properties"]["action"]["enum"]) == ACTIONS
    assert tuple(props["suits"]["items"]["enum"]) == SUITS
    assert props["suits"]["maxItems"] == len(SUITS) and props["suits"]["uniqueItems"]

    def bounds(node: dict[str, Any]) -> tuple[float, float]:
        return node["minimum"], node["maximum"]

    assert bounds(props["minutes"]) == loader.RANGES["minutes"]
    assert bounds(props["cycles"]) == loader.RANGES["cycles"]
    assert bounds(props["ease_in_seconds"]) == loader.RANGES["ease_in_seconds"]
    assert bounds(defs["phase"]["properties"]["seconds"]) == loader.RANGES["phases.seconds"]
    assert bounds(defs["step"]["properties"]["count"]) == loader.RANGES["steps.count"]
    assert bounds(defs["step"]["properties"]["seconds"]) == loader.RANGES["steps.seconds"]
    for name in ("phases", "steps"):
        assert (props[name]["minItems"], props[name]["maxItems"]) == (1, loader.MAX_ITEMS)
    for name in ("cautions", "sources", "tags"):
        assert props[name]["maxItems"] == loader.MAX_LIST

    def limit(ref: str) -> int:
        return int(ref.rsplit("text", 1)[1])

    assert limit(props["title"]["$ref"]) == loader.TEXT_LIMITS["title"]
    assert limit(props["summary"]["$ref"]) == loader.TEXT_LIMITS["summary"]
    assert limit(props["cautions"]["items"]["$ref"]) == loader.TEXT_LIMITS["cautions"]
    assert limit(props["sources"]["items"]["$ref"]) == loader.TEXT_LIMITS["sources"]
    assert limit(props["tags"]["items"]["$ref"]) == loader.TEXT_LIMITS["tags"]
    step_text = defs["step"]["properties"]["text"]["$ref"]
    assert limit(step_text) == loader.TEXT_LIMITS["text"]
    # One-line texts refuse every control character; longer ones allow line breaks and tabs.
    control = r"\x00-\x1f\x7f-\x9f"
    for name, inner in (("text40", control), ("text80", control),
                        ("text300", r"\x00-\x08\x0b-\x1f\x7f-\x9f")):
        n = limit(name)
        assert defs[name]["pattern"] == (
            rf"^\s*[^\s{control}](?:[^{inner}]{{0,{n - 2}}}[^\s{control}])?\s*$")
    assert limit(props["title"]["$ref"]) < 300 and "title" not in loader.MULTILINE
    assert limit(props["tags"]["items"]["$ref"]) < 300 and "tags" not in loader.MULTILINE
    assert {"summary", "cautions", "sources", "text"} == loader.MULTILINE


def test_every_key_has_help_for_editors() -> None:
    nodes = [SCHEMA, *SCHEMA["properties"].values(),
             *SCHEMA["$defs"]["phase"]["properties"].values(),
             *SCHEMA["$defs"]["step"]["properties"].values()]
    for node in nodes:
        assert node.get("description"), node
        assert node.get("title"), node


# --------------------------------------------------------------------------- broken documents

LONG = "x" * 301
FORTY_ONE_PHASES = [("inhale", "1"), ("exhale", "1")] * 20 + [("hold", "1")]

BROKEN: dict[str, str] = {
    # keys
    "unknown top key": breathing(colour='"blue"'),
    "unknown phase key": doc("breathing", phases_toml(PHASES) + "volume = 3\n"),
    "unknown step key": stepped(['text = "Look."\ntimer = 5']),
    "unknown table": breathing() + "\n[meta]\nauthor = \"me\"\n",
    "missing format": breathing(format=None),
    "missing id": breathing(id=None),
    "missing title": breathing(title=None),
    "missing kind": doc(None, steps_toml(STEPS)),
    "missing phases": doc("breathing", ""),
    "missing steps": doc("body", ""),
    "phase without seconds": breathing([*PHASES, ("hold", "")]).replace("seconds = \n", ""),
    "phase without action": doc("breathing", phases_toml(PHASES) + "[[phases]]\nseconds = 2\n"),
    "step without text": stepped(["count = 3"]),
    # format, id, kind, action
    "format 2": breathing(format="2"),
    "format 0": breathing(format="0"),
    "format as text": breathing(format='"1"'),
    "id uppercase": breathing(id='"Box"'),
    "id starts with a dash": breathing(id='"-box"'),
    "id with underscore": breathing(id='"my_box"'),
    "id with a space": breathing(id='"my box"'),
    "id empty": breathing(id='""'),
    "id 65 characters": breathing(id=q("a" * 65)),
    "id with a trailing newline": breathing(id=r'"box\n"'),
    "id as a number": breathing(id="7"),
    "kind unknown": stepped(kind="walking"),
    "action unknown": breathing([("inhale", "4"), ("breathe", "2"), ("exhale", "4")]),
    # wrong types
    "title as a number": breathing(title="5"),
    "title as a date": breathing(title="1979-05-27"),
    "minutes as true": breathing(minutes="true"),
    "minutes as text": breathing(minutes='"5"'),
    "phase seconds as text": breathing([("inhale", '"4"'), ("exhale", "4")]),
    "cautions as text": breathing(cautions='"Careful"'),
    "tags of numbers": breathing(tags="[1, 2]"),
    "phases as a table": doc("breathing", '\n[phases]\naction = "inhale"\nseconds = 4\n'),
    "steps as a list of text": doc("grounding", "", steps='["Look around."]'),
    "suits as text": stepped(suits='"high"'),
    "suits of numbers": stepped(suits="[7]"),
    "suits unknown state": breathing(suits='["high", "calm"]'),
    "suits in capitals": breathing(suits='["High"]'),
    "suits twice": stepped(suits='["numb", "numb"]'),
    # ranges
    "minutes 0.5": breathing(minutes="0.5"),
    "minutes 61": stepped(minutes="61"),
    "minutes inf": stepped(minutes="inf"),
    "cycles 0": breathing(cycles="0"),
    "cycles 101": breathing(cycles="101"),
    "cycles 2.5": breathing(cycles="2.5"),
    "ease in -1": breathing(ease_in_seconds="-1"),
    "ease in 301": breathing(ease_in_seconds="301"),
    "phase 0.4 s": breathing([("inhale", "0.4"), ("exhale", "4")]),
    "phase 0 s": breathing([("inhale", "0"), ("exhale", "4")]),
    "phase 99.5 s": breathing([("inhale", "4"), ("exhale", "99.5")]),
    "phase -inf s": breathing([("inhale", "-inf"), ("exhale", "4")]),
    "count 0": stepped(['text = "Name things."\ncount = 0']),
    "count 21": stepped(['text = "Name things."\ncount = 21']),
    "count 2.5": stepped(['text = "Name things."\ncount = 2.5']),
    "step seconds 0": stepped(['text = "Wait."\nseconds = 0']),
    "step seconds 0.5": stepped(['text = "Wait."\nseconds = 0.5']),
    "step seconds 601": stepped(['text = "Wait."\nseconds = 601']),
    # lengths and counts
    "no phases": doc("breathing", "", phases="[]"),
    "41 phases": breathing(FORTY_ONE_PHASES),
    "no steps": doc("sensory", "", steps="[]"),
    "41 steps": stepped([f'text = "Step {i}."' for i in range(41)]),
    "21 cautions": breathing(cautions=json.dumps(["Careful."] * 21)),
    "21 tags": breathing(tags=json.dumps([f"t{i}" for i in range(21)])),
    # text
    "empty title": breathing(title='""'),
    "blank title": breathing(title=r'" \t "'),
    "title 81": breathing(title=q("x" * 81)),
    "title 81 inside spaces": breathing(title=q("  " + "x" * 81 + "  ")),
    "summary 301": breathing(summary=q(LONG)),
    "blank summary": breathing(summary='"   "'),
    "caution 301": breathing(cautions=json.dumps(["Careful.", LONG])),
    "empty caution": breathing(cautions='["Careful.", ""]'),
    "source 301": breathing(sources=json.dumps([LONG])),
    "tag 41": breathing(tags=json.dumps(["x" * 41])),
    "empty tag": breathing(tags='[" "]'),
    "step text 301": stepped([f"text = {q(LONG)}"]),
    "blank step text": stepped([r'text = "\n"']),
    # combinations
    "minutes and cycles": breathing(minutes="5", cycles="4"),
    "cycles on grounding": stepped(cycles="4"),
    "ease in on sensory": stepped(kind="sensory", ease_in_seconds="30"),
    "steps on breathing": breathing() + steps_toml(STEPS),
    "phases on body": stepped(kind="body") + phases_toml(PHASES),
    "no exhale": breathing([("inhale", "4"), ("hold", "4")]),
    "no inhale": breathing([("hold", "4"), ("exhale", "4")]),
    "only holds": breathing([("hold", "4")]),
}


def test_there_are_plenty_of_broken_cases() -> None:
    assert len(BROKEN) >= 20


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_broken_document_fails_schema_and_loader(text: str) -> None:
    tomllib.loads(text)  # each case is valid TOML: it breaks one exercise rule
    assert schema_errors(text), "the schema accepts it"
    problems = loader_problems(text)
    assert problems, "the loader accepts it"


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_loader_problems_read_path_line_key_message(text: str) -> None:
    lines = text.splitlines()
    for problem in loader_problems(text):
        m = PROBLEM_FORM.match(problem)
        assert m, problem
        if m["line"] is not None:
            # The line named holds the key, or the [[table]] the key belongs to.
            name = re.findall(r"[A-Za-z_][A-Za-z0-9_-]*", m["key"])[-1]
            assert name in lines[int(m["line"]) - 1], (problem, lines)


# JSON has no NaN and cannot tell 4 from 4.0, so only the loader can catch these.
LOADER_ONLY: dict[str, str] = {
    "format 1.0": breathing(format="1.0"),
    "cycles 4.0": breathing(cycles="4.0"),
    "count 5.0": stepped(['text = "Name things."\ncount = 5.0']),
    "step seconds 30.0": stepped(['text = "Wait."\nseconds = 30.0']),
    "phase nan s": breathing([("inhale", "nan"), ("exhale", "4")]),
    "minutes nan": breathing(minutes="nan"),
}


@pytest.mark.parametrize("text", LOADER_ONLY.values(), ids=LOADER_ONLY.keys())
def test_loader_catches_what_json_cannot_express(text: str) -> None:
    assert loader_problems(text)


# --------------------------------------------------------------------------- valid edge cases

FORTY_PHASES = [("inhale", "0.5"), ("exhale", "99")] * 20

VALID: dict[str, str] = {
    "phase 0.5 s and 99 s": breathing([("inhale", "0.5"), ("exhale", "99")]),
    "40 phases": breathing(FORTY_PHASES),
    "40 steps": stepped([f'text = "Step {i}."' for i in range(40)]),
    "minutes 60": stepped(minutes="60"),
    "minutes 1": breathing(minutes="1"),
    "minutes 2.5": breathing(minutes="2.5"),
    "cycles 1": breathing(cycles="1"),
    "cycles 100": breathing(cycles="100"),
    "ease in 0": breathing(ease_in_seconds="0"),
    "ease in 300.0": breathing(ease_in_seconds="300.0"),
    "count 1 and 20, seconds 1 and 600": stepped(
        ['text = "A."\ncount = 1\nseconds = 1', 'text = "B."\ncount = 20\nseconds = 600']),
    "breathing with no length": breathing(),
    "a person's minimal file": stepped(kind="body"),
    "empty lists": breathing(cautions="[]", sources="[]", tags="[]", suits="[]"),
    "suits high and numb": stepped(kind="sensory", suits='["high", "numb"]'),
    "suits numb": stepped(suits='["numb"]'),
    "phases in any order": breathing([("exhale", "5"), ("hold", "2"), ("inhale", "3"),
                                      ("inhale", "1")]),
    "inline phases": doc("breathing", "", phases='[{action = "inhale", seconds = 4}, '
                                                 '{ action = "exhale", seconds = 4.5 }]'),
    "title 80": breathing(title=q("x" * 80)),
    "title 80 inside spaces": breathing(title=q(" \t" + "x" * 80 + "\n ")),
    "title of one character": breathing(title='"x"'),
    "multi-line text": stepped(['text = """\nLook around.\nTake your time.\n"""']),
    "tag 40": breathing(tags=json.dumps(["x" * 40])),
    "20 cautions of 300": breathing(cautions=json.dumps(["c" * 300] * 20)),
    "id 64 characters": breathing(id=q("a" + "-" * 63)),
    "id one digit": breathing(id='"0"'),
    "sensory": stepped(kind="sensory", minutes="2"),
    "unicode text": stepped(['text = "Nommez cinq choses que vous voyez. 見えるもの"']),
}


@pytest.mark.parametrize("text", VALID.values(), ids=VALID.keys())
def test_valid_edge_case_passes_schema_and_loader(text: str) -> None:
    assert schema_errors(text) == []
    assert loader_problems(text) == []


# --------------------------------------------------------------------------- where problems point


def _line_of(text: str, fragment: str, nth: int = 1) -> int:
    hits = [i for i, line in enumerate(text.splitlines(), start=1) if fragment in line]
    return hits[nth - 1]


def test_bad_seconds_in_third_phase_points_at_its_line() -> None:
    text = breathing([("inhale", "4"), ("hold", "2"), ("exhale", "120"), ("hold", "1")])
    line = _line_of(text, "seconds = 120")
    assert loader_problems(text) == [
        f"ex.toml:{line}: phases[3].seconds: is 120; it should be between 0.5 and 99"]


def test_unknown_key_points_at_its_line() -> None:
    text = breathing(summary='"Fine."', colour='"blue"')
    assert loader_problems(text) == [
        f"ex.toml:{_line_of(text, 'colour')}: colour: is not a known key "
        "(known here: cautions, cycles, ease_in_seconds, format, id, kind, minutes, phases, "
        "sources, steps, suits, summary, tags, title)"]


def test_bad_count_in_second_step_points_at_its_line() -> None:
    text = stepped(['text = "One."\ncount = 2', 'text = "Two."\ncount = 0'])
    [problem] = loader_problems(text)
    assert problem.startswith(f"ex.toml:{_line_of(text, 'count = 0')}: steps[2].count: ")


def test_missing_phase_seconds_points_at_the_phase() -> None:
    text = doc("breathing", phases_toml(PHASES) + '\n[[phases]]\naction = "hold"\n')
    [problem] = loader_problems(text)
    assert problem == f"ex.toml:{_line_of(text, '[[phases]]', 3)}: phases[3]: needs seconds"


def test_overlong_caution_names_its_entry() -> None:
    text = breathing(cautions=json.dumps(["Fine.", "Also fine.", LONG]))
    [problem] = loader_problems(text)
    assert problem == (f"ex.toml:{_line_of(text, 'cautions')}: cautions[3]: "
                       "is too long (301 characters; at most 300)")


# --------------------------------------------------------------------------- never disagree

# Text with whitespace at either end, around the 80-character title limit.
_SPACE = st.text(alphabet=" \t\n\u00a0\u2003\u3000", max_size=3)
_CORE = st.text(alphabet=st.sampled_from("ab \t\u00a0.é"), min_size=0, max_size=84)
_NUMBER = st.one_of(
    st.integers(min_value=-5, max_value=700),
    st.floats(min_value=-5, max_value=700, allow_nan=False),
    st.sampled_from([0.5, 0.49, 1, 20, 21, 60, 60.01, 99, 99.01, 100, 101, 300, 600, 601]),
)
_WHOLE = st.one_of(
    st.integers(min_value=-5, max_value=700),
    st.floats(min_value=-5, max_value=700, allow_nan=False).filter(lambda f: not f.is_integer()),
)


def _agree(text: str) -> None:
    assert bool(schema_errors(text)) == bool(loader_problems(text)), text


@settings(max_examples=150, deadline=None, database=None)
@given(before=_SPACE, core=_CORE, after=_SPACE)
def test_title_length_rule_agrees(before: str, core: str, after: str) -> None:
    _agree(breathing(title=q(before + core + after)))


@settings(max_examples=150, deadline=None, database=None)
@given(minutes=_NUMBER, ease=_NUMBER, seconds=_NUMBER)
def test_number_ranges_agree(minutes: float, ease: float, seconds: float) -> None:
    _agree(breathing([("inhale", repr(seconds)), ("exhale", "4")],
                     minutes=repr(minutes), ease_in_seconds=repr(ease)))


@settings(max_examples=150, deadline=None, database=None)
@given(count=_WHOLE, seconds=_WHOLE, cycles=_WHOLE)
def test_whole_number_ranges_agree(count: float, seconds: float, cycles: float) -> None:
    _agree(stepped([f'text = "Go."\ncount = {count!r}\nseconds = {seconds!r}']))
    _agree(breathing(cycles=repr(cycles)))
