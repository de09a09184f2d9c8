"""No exercise file stops Steady: whole generated TOML documents, every key, every type.

Documents are written as TOML text the way a person (or a broken tool) might:
integers in every base and hundreds of digits long, floats from subnormal to
``inf`` and ``nan``, strings with invisible and reordering characters, dates,
nested arrays and inline tables, ``[tables]`` and ``[[arrays of tables]]``.
Whatever the document, the loader answers with an exercise or with lines that
each name the file (and, where there is one, the key), and a good file beside
it still loads.
"""

from __future__ import annotations

import math
import re
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain.loader import TOP_KEYS, load_library, parse_exercise

GOOD = """\
format = 1
id = "calm"
title = "Calm"
kind = "breathing"
minutes = 3
tags = ["evening"]

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
"""

#: ``PATH[:LINE]:[ KEY:] message``, all on one line.
LINE_FORMAT = re.compile(r"^(?P<path>doc\.toml)(?::(?P<line>\d+))?:(?: (?P<key>[^ :]+):)? .+$")
LINE_BREAKS = ("\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")

# --------------------------------------------------------------------------- TOML text


def toml_key(key: str) -> str:
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else toml_string(key)


def toml_string(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif code < 0x20 or code == 0x7F or 0xD800 <= code <= 0xDFFF:
            out.append(f"\\u{code:04X}" if code < 0xD800 else "\\uFFFD")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class Raw(str):
    """A value already written as TOML (a number in some base, a float spelling)."""


def toml_value(value: object) -> str:
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        return toml_string(value)
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    assert isinstance(value, dict)
    return "{" + ", ".join(f"{toml_key(k)} = {toml_value(v)}" for k, v in value.items()) + "}"


def written(doc: dict[str, object]) -> str:
    """``doc`` as TOML: plain values first, then tables and arrays of tables."""
    lines: list[str] = []
    tables: list[tuple[str, dict[str, object]]] = []
    arrays: list[tuple[str, list[dict[str, object]]]] = []
    for key, value in doc.items():
        if isinstance(value, dict) and not isinstance(value, Raw):
            tables.append((key, value))
        elif (isinstance(value, list) and value
              and all(isinstance(v, dict) for v in value)):
            arrays.append((key, value))  # type: ignore[arg-type]
        else:
            lines.append(f"{toml_key(key)} = {toml_value(value)}")
    for key, table in tables:
        lines += ["", f"[{toml_key(key)}]"]
        lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in table.items()]
    for key, entries in arrays:
        for entry in entries:
            lines += ["", f"[[{toml_key(key)}]]"]
            lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in entry.items()]
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------- values


def spelled_int(number: int, base: str, underscores: bool) -> Raw:
    """``number`` written in TOML's decimal, hex, octal or binary, maybe with ``_``."""
    if base == "dec" or number < 0:
        text = str(number)
        if underscores and len(text.lstrip("-")) > 3:
            head = "-" if text.startswith("-") else ""
            digits = text.lstrip("-")
            groups = [digits[max(0, i - 3):i] for i in range(len(digits), 0, -3)]
            text = head + "_".join(reversed(groups))
        return Raw(text)
    prefix, digits = {"hex": ("0x", f"{number:x}"), "oct": ("0o", f"{number:o}"),
                      "bin": ("0b", f"{number:b}")}[base]
    return Raw(prefix + digits)


integers = st.one_of(
    st.integers(-10, 130),  # around every range's edges
    st.integers(-(2**63), 2**63),
    st.integers(10**15, 10**400) | st.integers(-(10**400), -(10**15)),  # 400 digits
).flatmap(lambda n: st.builds(spelled_int, st.just(n),
                              st.sampled_from(["dec", "dec", "hex", "oct", "bin"]),
                              st.booleans()))

float_spellings = st.sampled_from([
    "nan", "+nan", "-nan", "inf", "+inf", "-inf", "1e400", "-1e400", "1e-400", "5e-324",
    "2.2250738585072014e-308", "1.7976931348623157e308", "0.0", "-0.0", "0.5", "4.999999999",
    "60.000000001", "1_000.5", "0.1e1",
]).map(Raw)
floats = st.one_of(st.floats(allow_nan=True, allow_infinity=True), float_spellings)

#: Characters that look like nothing, or move or break the text around them.
TRICKY = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u034f", "\u180e",
          "\u3164", "\u115f", "\ufe0f", "\U000e0001", "\u2028", "\u2029", "\u202e", "\u202d",
          "\u2066", "\u2069", "\u200f", "\u0085", "\t", " ", "\u00a0", "\u3000", "\x00", "\x1b")
texts = st.one_of(
    st.text(max_size=30),
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=4).map("".join),
    st.tuples(st.sampled_from(["Calm", "Look", ""]), st.sampled_from(TRICKY)).map("".join),
    st.sampled_from(["inhale", "hold", "exhale", "breathing", "grounding", "calm", "x" * 400]),
)
moments = st.one_of(
    st.datetimes(timezones=st.just(timezone(timedelta(hours=2)))),
    st.datetimes(), st.dates(), st.times(),
)
scalars = st.one_of(integers, floats, texts, st.booleans(), moments)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(["action", "seconds", "text", "count", "x"]), inner,
                        max_size=3),
    ),
    max_leaves=8,
)
deep = st.integers(1, 60).map(lambda n: Raw("[" * n + "1" + "]" * n))
any_value = st.one_of(scalars, values, deep)

entry_keys = st.sampled_from(["action", "seconds", "text", "count", "other"])
entries = st.lists(st.dictionaries(entry_keys, any_value, max_size=4), min_size=1, max_size=4)
top_keys = st.sampled_from([*sorted(TOP_KEYS), "other", "Title", "tags.x"])


@st.composite
def documents(draw: st.DrawFn) -> dict[str, object]:
    """A whole document: a good exercise with keys replaced, or something else entirely."""
    base: dict[str, object]
    if draw(st.booleans()):
        kind = draw(st.sampled_from(["breathing", "grounding", "sensory", "body"]))
        base = {"format": 1, "id": "fuzz", "title": "Fuzz", "kind": kind}
        if kind == "breathing":
            base["phases"] = [{"action": "inhale", "seconds": 4},
                              {"action": "exhale", "seconds": 6}]
        else:
            base["steps"] = [{"text": "Look around.", "count": 3}]
    else:
        base = {}
    for key in draw(st.lists(top_keys, max_size=5)):
        base[key] = draw(any_value)
    if draw(st.booleans()):
        base[draw(st.sampled_from(["phases", "steps", "other"]))] = draw(entries)
    if draw(st.booleans()) and base.get("phases"):
        phases = base["phases"]
        if isinstance(phases, list) and phases and isinstance(phases[0], dict):
            phases[0][draw(st.sampled_from(["seconds", "action", "x"]))] = draw(any_value)
    if draw(st.booleans()):
        base[draw(st.sampled_from(["phases", "steps", "table"]))] = draw(
            st.dictionaries(entry_keys, any_value, max_size=3))
    return base


def check_answer(text: str) -> None:
    exercise, problems = parse_exercise(text.encode("utf-8", "surrogatepass"), "doc.toml")
    assert (exercise is None) == bool(problems), (exercise, problems)
    for problem in problems:
        line = str(problem)
        assert LINE_FORMAT.match(line), line
        assert not any(mark in line for mark in LINE_BREAKS), repr(line)
        assert len(line) < 1000, "one readable line, not a 400-digit number"
    if exercise is not None:
        assert exercise.title.strip() and all(tag.strip() for tag in exercise.tags)


@settings(max_examples=600, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents())
def test_any_document_is_loaded_or_refused_line_by_line(doc: dict[str, object]) -> None:
    check_answer(written(doc))


@settings(max_examples=120, deadline=None, suppress_health_check=list(HealthCheck))
@given(documents())
def test_the_rest_of_the_folder_loads_beside_any_document(doc: dict[str, object]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        bundled, own = Path(scratch) / "bundled", Path(scratch) / "own"
        bundled.mkdir()
        own.mkdir()
        (bundled / "calm.toml").write_text(GOOD, encoding="utf-8")
        (own / "look.toml").write_text(GOOD_STEPS, encoding="utf-8")
        (own / "doc.toml").write_bytes(written(doc).encode("utf-8", "surrogatepass"))
        library = load_library(bundled, own)
        assert library.get("calm") is not None and library.get("look") is not None
        named = {p.path for p in library.problems}
        assert named <= {str(own / "doc.toml")}, "only the generated file is a problem"


# --------------------------------------------------------------------------- the classes


def only(text: str) -> str:
    exercise, problems = parse_exercise(text.encode(), "doc.toml")
    assert exercise is None and len(problems) == 1, problems
    return str(problems[0])


@pytest.mark.parametrize("key", ["minutes", "cycles", "ease_in_seconds"])
@pytest.mark.parametrize("number", ["9" * 400, "-" + "9" * 400, "0x" + "f" * 300])
def test_a_huge_integer_in_any_number_key_is_one_line(key: str, number: str) -> None:
    text = GOOD.replace("minutes = 3", f"{key} = {number}")
    line = only(text)
    assert line.startswith(f"doc.toml:5: {key}: ")
    assert ("far too large" in line or "far too small" in line), line
    assert len(line) < 200


@pytest.mark.parametrize(("where", "number"), [
    ("seconds = 4", "seconds = " + "9" * 400),
    ("seconds = 4", "seconds = 1e-400"),
    ("seconds = 4", "seconds = 5e-324"),
    ("seconds = 4", "seconds = nan"),
    ("seconds = 4", "seconds = -inf"),
])
def test_every_odd_number_in_a_phase_is_one_line(where: str, number: str) -> None:
    line = only(GOOD.replace(where, number))
    assert line.startswith("doc.toml:10: phases[1].seconds: "), line


def test_a_huge_format_number_is_one_short_line() -> None:
    line = only(GOOD.replace("format = 1", "format = " + "7" * 400))
    assert line.startswith("doc.toml:1: format: ") and "newer Steady" in line
    assert len(line) < 200


def test_a_huge_step_count_is_one_line() -> None:
    line = only(GOOD_STEPS.replace("count = 5", "count = " + "5" * 400))
    assert line.startswith("doc.toml:8: steps[1].count: ") and "far too large" in line


def test_an_integer_too_long_for_toml_is_one_line() -> None:
    line = only(GOOD.replace("minutes = 3", "minutes = " + "1" * 5000))
    assert line.startswith("doc.toml: is not valid TOML") or line.startswith("doc.toml:5:")


INVISIBLE = ["\u200b", "\u200b\u200d", "\u2060", "\ufeff", "\u00ad", "\u3164", "\u115f",
             "\ufe0f", "\u034f", "\u180e", "\u00a0\u3000", "\U000e0020"]


@pytest.mark.parametrize("blank", INVISIBLE)
def test_a_title_or_tag_empty_once_invisible_characters_are_removed(blank: str) -> None:
    refused = ("nothing visible", "is empty")  # spaces alone are simply empty
    line = only(GOOD.replace('title = "Calm"', f"title = {toml_string(blank)}"))
    assert line.startswith("doc.toml:3: title: ") and any(w in line for w in refused)
    line = only(GOOD.replace('tags = ["evening"]', f'tags = ["evening", {toml_string(blank)}]'))
    assert line.startswith("doc.toml:6: tags[2]: ") and any(w in line for w in refused)


@pytest.mark.parametrize(("mark", "words"), [
    ("\u2028", "line separator"), ("\u2029", "paragraph separator"),
    ("\u202e", "reverses"), ("\u202d", "reverses"), ("\u202a", "reverses"),
    ("\u2066", "reverses"), ("\u2069", "reverses"),
])
def test_separators_and_bidirectional_overrides_in_a_title_or_tag(mark: str,
                                                                  words: str) -> None:
    line = only(GOOD.replace('title = "Calm"', f'title = "Calm{mark}breath"'))
    assert line.startswith("doc.toml:3: title: ") and words in line
    assert mark not in line
    line = only(GOOD.replace('tags = ["evening"]', f'tags = ["even{mark}ing"]'))
    assert line.startswith("doc.toml:6: tags[1]: ") and words in line


def test_a_right_to_left_title_with_marks_still_loads() -> None:
    text = GOOD.replace('title = "Calm"', 'title = "\u05e0\u05e9\u05d9\u05de\u05d4 4-6\u200f"')
    exercise, problems = parse_exercise(text.encode(), "doc.toml")
    assert problems == [] and exercise is not None
    assert exercise.title == "\u05e0\u05e9\u05d9\u05de\u05d4 4-6\u200f"


@pytest.mark.parametrize("suffix", [".TOML", ".Toml", ".tOmL"])
def test_an_exercise_file_named_in_capitals_is_read(tmp_path: Path, suffix: str) -> None:
    (tmp_path / f"calm{suffix}").write_text(GOOD, encoding="utf-8")
    (tmp_path / f"broken{suffix}").write_text("format = 1\nid = ", encoding="utf-8")
    (tmp_path / f".calm{suffix}.1-ab.tmp").write_text(GOOD, encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not an exercise", encoding="utf-8")
    library = load_library(tmp_path / "none", tmp_path)
    assert library.ids() == ["calm"]
    assert [p.path for p in library.problems] == [str(tmp_path / f"broken{suffix}")]
