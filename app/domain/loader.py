"""Read and check exercise files (format 1).

Every problem becomes one :class:`~app.domain.exercise.Problem`, printed as
``PATH:LINE: key: what is wrong``. Whatever the bytes, nothing here raises: a
broken file is described, never fatal. Stdlib only.
"""

from __future__ import annotations

import math
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, cast

from app.domain.exercise import (
    ACTIONS,
    FORMAT_VERSION,
    KINDS,
    SUITS,
    Action,
    Exercise,
    Kind,
    Phase,
    Problem,
    Step,
    Suit,
)
from app.domain.reasons import os_reason

MAX_FILE_BYTES = 64 * 1024
MAX_ITEMS = 40  # phases or steps
MAX_LIST = 20  # cautions, sources, tags
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

TOP_KEYS = frozenset({
    "format", "id", "title", "kind", "summary", "minutes", "cycles", "cautions",
    "sources", "tags", "suits", "ease_in_seconds", "phases", "steps",
})
PHASE_KEYS = frozenset({"action", "seconds"})
STEP_KEYS = frozenset({"text", "count", "seconds"})

# Longest text a field may hold (characters).
TEXT_LIMITS = {
    "title": 80, "summary": 300, "cautions": 300, "sources": 300, "tags": 40, "text": 300,
}

# (low, high) inclusive ranges.
RANGES: dict[str, tuple[float, float]] = {
    "minutes": (1, 60),
    "cycles": (1, 100),
    "ease_in_seconds": (0, 300),
    "phases.seconds": (0.5, 99),
    "steps.count": (1, 20),
    "steps.seconds": (1, 600),
}

#: The longest an exercise may take in all, as a person is told before starting
#: (the log keeps sessions of up to a day; nobody breathes along for longer).
MAX_TOTAL_MINUTES = 120
#: Fields that may run over several lines; every other text is one line.
MULTILINE = frozenset({"summary", "cautions", "sources", "text"})

KeyPath = tuple[str | int, ...]


#: Characters that show nothing by themselves: Unicode's default-ignorable code
#: points (zero-width spaces and joiners, soft hyphens, fillers, variation
#: selectors, tag characters...), spaces, and the blank braille pattern.
_INVISIBLE = re.compile(
    "[\\s\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f"
    "\u202a-\u202e\u2060-\u206f\u2800\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]")
#: In a one-line field: characters that break the line, or reorder the text around
#: them on screen (a title could then show as something else).
_ONE_LINE_BREAKERS = {"\u2028": "a line separator", "\u2029": "a paragraph separator"}
_REORDERING = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def has_nothing_visible(text: str) -> bool:
    """True when ``text`` is empty once characters that show nothing are taken out."""
    return not any(unicodedata.category(ch)[0] not in "CZ" for ch in _INVISIBLE.sub("", text))


def one_line_problem(text: str) -> str | None:
    """Why ``text`` cannot be a one-line field (a title, a tag), beyond control characters."""
    for ch in text:
        if ch in _ONE_LINE_BREAKERS:
            return f"holds {_ONE_LINE_BREAKERS[ch]} (U+{ord(ch):04X}); it should be one line"
        if ch in _REORDERING:
            return (f"holds U+{ord(ch):04X}, which reverses or reorders the text shown around "
                    "it; write it without")
    return None


def _control_character(text: str, allowed: str) -> str | None:
    """The first control character in ``text`` not in ``allowed`` (None if there is none)."""
    for ch in text:
        if (ch < " " or "\x7f" <= ch <= "\x9f") and ch not in allowed:
            return ch
    return None


def display_path(path: str | os.PathLike[str]) -> str:
    """A file name safe to print, even when it is not valid UTF-8."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", errors="backslashreplace")


# --------------------------------------------------------------------------- lines


_TABLE_ARRAY = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_\-]+)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_\-.]+)\s*\]")
_KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=""")


class _LineIndex:
    """Where each key sits in the text, good enough to point a person at it.

    TOML parsers do not report positions, so this scans the lines: table
    headers, ``[[phases]]`` entries and ``key =`` lines (multi-line strings are
    skipped).
    """

    def __init__(self, text: str) -> None:
        self._lines: dict[KeyPath, int] = {}
        counters: dict[str, int] = {}
        context: KeyPath = ()
        in_multiline: str | None = None
        for number, line in enumerate(text.splitlines(), start=1):
            if in_multiline is not None:
                if line.count(in_multiline) % 2 == 1:
                    in_multiline = None
                continue
            if m := _TABLE_ARRAY.match(line):
                name = m.group(1)
                index = counters.get(name, 0)
                counters[name] = index + 1
                context = (name, index)
                self._lines.setdefault((name,), number)
                self._lines.setdefault(context, number)
                continue
            if m := _TABLE.match(line):
                context = tuple(m.group(1).split("."))
                self._lines.setdefault(context, number)
                continue
            if m := _KEY.match(line):
                key = m.group(1).strip("\"'")
                self._lines.setdefault((*context, key), number)
                rest = line[m.end():]
                for quote in ('"""', "'''"):
                    if rest.count(quote) % 2 == 1:
                        in_multiline = quote
                        break

    def line_of(self, path: KeyPath) -> int | None:
        """The line of ``path``, or of its nearest enclosing key."""
        while path:
            if path in self._lines:
                return self._lines[path]
            path = path[:-1]
        return None


# --------------------------------------------------------------------------- checks


def _key_name(path: KeyPath) -> str:
    """``("phases", 2, "seconds")`` -> ``phases[3].seconds`` (1-based for people)."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += f".{part}" if out else part
    return out


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a whole number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return "a date or time"


#: Beyond this, a whole number is not shown digit by digit (it may have hundreds).
_SHOWN_DIGITS = 15


def _number_text(value: float) -> str:
    """``value`` as people read it; a whole number of hundreds of digits stays short."""
    if isinstance(value, int) and abs(value) >= 10**_SHOWN_DIGITS:
        return f"a number {len(str(abs(value)))} digits long"
    return f"{value:g}"


class _Checker:
    """Collects problems for one file while building its exercise."""

    def __init__(self, path: str, lines: _LineIndex) -> None:
        self.path = path
        self.lines = lines
        self.problems: list[Problem] = []

    def problem(self, key: KeyPath, message: str) -> None:
        """Record one problem; control characters are escaped so it stays one line."""
        message = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in message)
        self.problems.append(Problem(
            path=self.path, message=message, line=self.lines.line_of(key),
            key=_key_name(key) or None,
        ))

    def text(self, value: object, key: KeyPath, limit_name: str) -> str | None:
        if not isinstance(value, str):
            self.problem(key, f"should be text in quotes, not {_type_name(value)}")
            return None
        stripped = value.strip()
        if not stripped:
            self.problem(key, "is empty")
            return None
        if has_nothing_visible(stripped):
            self.problem(key, "has nothing visible in it (only spaces or invisible "
                              "characters)")
            return None
        limit = TEXT_LIMITS[limit_name]
        if len(stripped) > limit:
            self.problem(key, f"is too long ({len(stripped)} characters; at most {limit})")
            return None
        bad = _control_character(stripped, "\n\t" if limit_name in MULTILINE else "")
        if bad is not None:
            where = "" if limit_name in MULTILINE else " (it should be one line)"
            self.problem(key, f"contains the control character {bad!r}{where}")
            return None
        if limit_name not in MULTILINE and (problem := one_line_problem(stripped)):
            self.problem(key, problem)
            return None
        return stripped

    def number(self, value: object, key: KeyPath, range_name: str, *,
               whole: bool = False) -> float | None:
        low, high = RANGES[range_name]
        if isinstance(value, bool) or not isinstance(value, int | float):
            wanted = "a whole number" if whole else "a number"
            self.problem(key, f"should be {wanted}, not {_type_name(value)}")
            return None
        if whole and not isinstance(value, int):
            self.problem(key, f"should be a whole number, not {value!r}")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(key, "should be a finite number")
            return None
        if isinstance(value, int) and abs(value) >= 10**_SHOWN_DIGITS:
            size = "large" if value > 0 else "small"
            self.problem(key, f"is far too {size} ({_number_text(value)}); it should be "
                              f"between {_number_text(low)} and {_number_text(high)}")
            return None
        if not low <= value <= high:
            self.problem(key, f"is {_number_text(value)}; it should be between "
                              f"{_number_text(low)} and {_number_text(high)}")
            return None
        return float(value)

    def text_list(self, value: object, key: KeyPath) -> tuple[str, ...]:
        name = cast(str, key[-1])
        if not isinstance(value, list):
            self.problem(key, f"should be a list of text, like [\"...\"], not {_type_name(value)}")
            return ()
        if len(value) > MAX_LIST:
            self.problem(key, f"has {len(value)} entries; at most {MAX_LIST}")
            return ()
        out: list[str] = []
        for i, item in enumerate(value):
            checked = self.text(item, (*key, i), name)
            if checked is not None:
                out.append(checked)
        return tuple(out)

    def suits(self, value: object) -> tuple[Suit, ...]:
        """The optional ``suits`` key: a list of "high" and "numb", each at most once."""
        quoted = [f'"{state}"' for state in SUITS]
        if not isinstance(value, list):
            self.problem(("suits",), f"should be a list like [{', '.join(quoted)}], "
                                     f"not {_type_name(value)}")
            return ()
        out: list[Suit] = []
        for i, item in enumerate(value):
            if item not in SUITS:
                shown = f"'{item[:40]}'" if isinstance(item, str) else _type_name(item)
                self.problem(("suits", i), f"is {shown}; it may be {' or '.join(quoted)}, "
                                           "in quotes")
            elif item in out:
                self.problem(("suits", i), f'gives "{item}" twice')
            else:
                out.append(cast(Suit, item))
        return tuple(out)

    def unknown_keys(self, table: Mapping[str, object], allowed: Iterable[str],
                     where: KeyPath) -> None:
        allowed_set = set(allowed)
        for name in table:
            if name not in allowed_set:
                hint = ", ".join(sorted(allowed_set))
                self.problem((*where, name), f"is not a known key (known here: {hint})")

    def table_list(self, value: object, key: KeyPath) -> list[Mapping[str, object]]:
        name = cast(str, key[-1])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.problem(key, f"should be a list of [[{name}]] tables")
            return []
        if not value:
            self.problem(key, f"needs at least one entry in [[{name}]]")
            return []
        if len(value) > MAX_ITEMS:
            self.problem(key, f"has {len(value)} entries; at most {MAX_ITEMS}")
            return []
        return cast(list[Mapping[str, object]], value)

    def phases(self, value: object) -> tuple[Phase, ...]:
        out: list[Phase] = []
        for i, table in enumerate(self.table_list(value, ("phases",))):
            where: KeyPath = ("phases", i)
            self.unknown_keys(table, PHASE_KEYS, where)
            action = table.get("action")
            seconds = table.get("seconds")
            ok = True
            if action is None:
                self.problem(where, "needs an action (inhale, hold or exhale)")
                ok = False
            elif action not in ACTIONS:
                wanted = '"inhale", "hold" or "exhale"'
                self.problem((*where, "action"),
                             f"is '{action}'; it should be {wanted}" if isinstance(action, str)
                             else f"is {_type_name(action)}; it should be {wanted}, in quotes")
                ok = False
            if seconds is None:
                self.problem(where, "needs seconds")
                ok = False
            else:
                checked = self.number(seconds, (*where, "seconds"), "phases.seconds")
                ok = ok and checked is not None
            if ok:
                out.append(Phase(action=cast(Action, action), seconds=float(cast(float, seconds))))
        if out and len(out) == len(cast(list[object], value)):
            actions = {p.action for p in out}
            if "inhale" not in actions or "exhale" not in actions:
                self.problem(("phases",), "a breathing cycle needs at least one inhale "
                                          "and one exhale")
        return tuple(out)

    def steps(self, value: object) -> tuple[Step, ...]:
        out: list[Step] = []
        for i, table in enumerate(self.table_list(value, ("steps",))):
            where: KeyPath = ("steps", i)
            self.unknown_keys(table, STEP_KEYS, where)
            if "text" not in table:
                self.problem(where, "needs text")
                continue
            text = self.text(table["text"], (*where, "text"), "text")
            count = seconds = None
            ok = text is not None
            if "count" in table:
                count = self.number(table["count"], (*where, "count"), "steps.count", whole=True)
                ok = ok and count is not None
            if "seconds" in table:
                seconds = self.number(table["seconds"], (*where, "seconds"), "steps.seconds",
                                      whole=True)
                ok = ok and seconds is not None
            if ok and text is not None:
                out.append(Step(
                    text=text,
                    count=int(count) if count is not None else None,
                    seconds=int(seconds) if seconds is not None else None,
                ))
        return tuple(out)


def _check_document(doc: Mapping[str, Any], checker: _Checker, *,
                    bundled: bool, file_path: Path | None) -> Exercise | None:
    """Every key of a parsed file checked, each problem noted on ``checker``; the
    exercise when there were none."""
    c = checker
    c.unknown_keys(doc, TOP_KEYS, ())
    if not _check_format(doc, c):
        return None
    ex_id = _check_id(doc, c)
    title = c.text(doc["title"], ("title",), "title") if "title" in doc else None
    if "title" not in doc:
        c.problem(("title",), "is missing")
    kind = _check_kind(doc, c)
    summary = (c.text(doc["summary"], ("summary",), "summary") or "") if "summary" in doc else ""
    minutes, cycles, ease_in = _check_length(doc, c, kind)
    lists = {name: c.text_list(doc[name], (name,)) if name in doc else ()
             for name in ("cautions", "sources", "tags")}
    suits = c.suits(doc["suits"]) if "suits" in doc else ()
    phases, steps = _check_body(doc, c, kind)
    if c.problems or ex_id is None or title is None or kind is None:
        return None
    exercise = Exercise(
        id=ex_id, title=title, kind=kind, summary=summary, minutes=minutes,
        cycles=int(cycles) if cycles is not None else None,
        cautions=lists["cautions"], sources=lists["sources"], tags=lists["tags"],
        ease_in_seconds=ease_in, phases=phases, steps=steps, path=file_path, bundled=bundled,
        suits=suits,
    )
    total = exercise.planned_seconds() / 60
    if total > MAX_TOTAL_MINUTES:
        key = ("cycles",) if cycles is not None else ("minutes",) if minutes is not None else (
            ("phases",) if kind == "breathing" else ("steps",))
        c.problem(key, f"makes the exercise take about {math.ceil(total)} minutes; "
                       f"at most {MAX_TOTAL_MINUTES} in all")
        return None
    return exercise


def _check_format(doc: Mapping[str, Any], c: _Checker) -> bool:
    """``format``; False when the file is from a newer Steady (read no further)."""
    fmt = doc.get("format")
    if fmt is None:
        c.problem(("format",), f"is missing; add format = {FORMAT_VERSION} at the top")
    elif isinstance(fmt, float):  # 1.0: "should be the number 1, not a number" misleads
        c.problem(("format",), f"is {fmt!r}; write the whole number "
                               f"{FORMAT_VERSION}, without a decimal point")
    elif isinstance(fmt, bool) or not isinstance(fmt, int):
        c.problem(("format",), f"should be the number {FORMAT_VERSION}, not {_type_name(fmt)}")
    elif fmt > FORMAT_VERSION:
        c.problem(("format",), f"is {_number_text(fmt)}, from a newer Steady; this version "
                               f"reads format {FORMAT_VERSION}")
        return False
    elif fmt != FORMAT_VERSION:
        c.problem(("format",), f"is {_number_text(fmt)}; it should be {FORMAT_VERSION}")
    return True


def _check_id(doc: Mapping[str, Any], c: _Checker) -> str | None:
    raw_id = doc.get("id")
    if raw_id is None:
        c.problem(("id",), "is missing (lowercase letters, digits and '-', like \"my-breath\")")
    elif not isinstance(raw_id, str):
        c.problem(("id",), f"should be text in quotes, not {_type_name(raw_id)}")
    elif not ID_PATTERN.fullmatch(raw_id):
        c.problem(("id",), f"'{raw_id[:70]}' may only use lowercase letters, digits and '-' "
                           "(at most 64, starting with a letter or digit)")
    else:
        return raw_id
    return None


def _check_kind(doc: Mapping[str, Any], c: _Checker) -> Kind | None:
    raw_kind = doc.get("kind")
    if raw_kind is None:
        c.problem(("kind",), "is missing (breathing, grounding, sensory or body)")
    elif raw_kind not in KINDS:
        shown = raw_kind if isinstance(raw_kind, str) else _type_name(raw_kind)
        c.problem(("kind",), f"is '{shown}'; it should be breathing, grounding, sensory or body")
    else:
        return cast(Kind, raw_kind)
    return None


def _check_length(doc: Mapping[str, Any], c: _Checker,
                  kind: Kind | None) -> tuple[float | None, float | None, float]:
    """``minutes``, ``cycles`` (breathing only, never with minutes) and
    ``ease_in_seconds`` (breathing only)."""
    minutes = cycles = None
    if "minutes" in doc:
        minutes = c.number(doc["minutes"], ("minutes",), "minutes")
    if "cycles" in doc:
        cycles = c.number(doc["cycles"], ("cycles",), "cycles", whole=True)
        if kind is not None and kind != "breathing":
            c.problem(("cycles",), "only breathing exercises have cycles; use minutes")
    if "minutes" in doc and "cycles" in doc:
        c.problem(("cycles",), "give minutes or cycles, not both")
    ease_in = 0.0
    if "ease_in_seconds" in doc:
        ease_in = c.number(doc["ease_in_seconds"], ("ease_in_seconds",), "ease_in_seconds") or 0.0
        if kind is not None and kind != "breathing":
            c.problem(("ease_in_seconds",), "only breathing exercises can ease in")
    return minutes, cycles, ease_in


def _check_body(doc: Mapping[str, Any], c: _Checker,
                kind: Kind | None) -> tuple[tuple[Phase, ...], tuple[Step, ...]]:
    """``[[phases]]`` for a breathing exercise, ``[[steps]]`` for the others."""
    phases: tuple[Phase, ...] = ()
    steps: tuple[Step, ...] = ()
    if kind == "breathing":
        if "phases" not in doc:
            c.problem(("phases",), "is missing: a breathing exercise needs [[phases]]")
        else:
            phases = c.phases(doc["phases"])
        if "steps" in doc:
            c.problem(("steps",), "a breathing exercise has [[phases]], not [[steps]]")
    elif kind is not None:
        if "steps" not in doc:
            c.problem(("steps",), f"is missing: a {kind} exercise needs [[steps]]")
        else:
            steps = c.steps(doc["steps"])
        if "phases" in doc:
            c.problem(("phases",), f"a {kind} exercise has [[steps]], not [[phases]]")
    return phases, steps


_TOML_POSITION = re.compile(r"\s*\(at line (\d+), column \d+\)|\s*\(at end of document\)")


def parse_exercise(data: bytes, path: str | os.PathLike[str], *,
                   bundled: bool = False) -> tuple[Exercise | None, list[Problem]]:
    """Check the bytes of one exercise file. Never raises."""
    shown = display_path(path)
    if len(data) > MAX_FILE_BYTES:
        return None, [Problem(shown, f"is too large ({len(data) // 1024} KiB); an exercise "
                                     f"file may be at most {MAX_FILE_BYTES // 1024} KiB")]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return None, [Problem(shown, "is not UTF-8 text; save it as UTF-8", line=line)]
    if text.startswith("\ufeff"):
        text = text[1:]
    import tomllib  # here: a start that reads Steady's own exercises compiled needs none

    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as err:
        message = str(err)
        line_no: int | None = None
        if m := _TOML_POSITION.search(message):
            line_no = int(m.group(1)) if m.group(1) else text.count("\n") + 1
            message = message[: m.start()] + message[m.end():]
        message = message.strip().rstrip(".") or "Invalid TOML"
        return None, [Problem(shown, f"is not valid TOML: {message[0].lower()}{message[1:]}",
                              line=line_no)]
    except (RecursionError, ValueError, MemoryError):
        return None, [Problem(shown, "is not valid TOML (nested too deeply or too large)")]
    checker = _Checker(shown, _LineIndex(text))
    exercise = _check_document(doc, checker, bundled=bundled,
                               file_path=Path(os.fsdecode(path)))
    return exercise, checker.problems


def load_file(path: Path, *, bundled: bool = False) -> tuple[Exercise | None, list[Problem]]:
    """Read and check one file. Never raises."""
    shown = display_path(path)
    try:
        info = path.stat()
    except OSError as err:
        return None, [Problem(shown, f"cannot be read ({_os_reason(err)})")]
    if stat.S_ISDIR(info.st_mode):
        return None, [Problem(shown, "is a folder, not an exercise file")]
    if not stat.S_ISREG(info.st_mode):
        return None, [Problem(shown, "is not a regular file")]
    if info.st_size > MAX_FILE_BYTES:
        return None, [Problem(shown, f"is too large ({info.st_size // 1024} KiB); an exercise "
                                     f"file may be at most {MAX_FILE_BYTES // 1024} KiB")]
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as err:
        return None, [Problem(shown, f"cannot be read ({_os_reason(err)})")]
    return parse_exercise(data, path, bundled=bundled)


def _os_reason(err: OSError) -> str:
    """The system's reason, in lower case: it follows "cannot be read (" mid-sentence."""
    return os_reason(err).lower()


# --------------------------------------------------------------------------- folders


@dataclass
class FolderResult:
    exercises: list[Exercise] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def check_files(paths: Sequence[Path], *, bundled: bool = False) -> FolderResult:
    """Check ``paths``; two files of one folder with the same id are a problem."""
    result = FolderResult()
    seen: dict[tuple[str, str], Path] = {}
    for path in paths:
        exercise, problems = load_file(path, bundled=bundled)
        result.problems.extend(problems)
        if exercise is None:
            continue
        folder_key = (display_path(path.parent.absolute()), exercise.id)
        if folder_key in seen:
            first = seen[folder_key]
            result.problems.append(Problem(
                display_path(path), f"'{exercise.id}' is already the id of "
                                    f"{display_path(first.name)} in this folder", key="id"))
            continue
        seen[folder_key] = path
        result.exercises.append(exercise)
    return result


def exercise_files(folder: Path) -> tuple[list[Path], list[Problem]]:
    """The ``*.toml`` entries of ``folder`` (``.TOML``, ``.Toml``... too), sorted; a missing
    folder has none. Names starting with a dot (temporary files) are left out."""
    try:
        names = sorted(os.listdir(os.fsencode(folder)))
    except FileNotFoundError:
        return [], []
    except OSError as err:
        return [], [Problem(display_path(folder), f"cannot be read ({_os_reason(err)})")]
    paths = [folder / os.fsdecode(name) for name in names
             if name.lower().endswith(b".toml") and not name.startswith(b".")]
    return paths, []


def load_folder(folder: Path, *, bundled: bool = False) -> FolderResult:
    paths, problems = exercise_files(folder)
    result = check_files(paths, bundled=bundled)
    result.problems[:0] = problems
    return result


@dataclass
class Library:
    """Every exercise found, by id, and every file that could not be used."""

    exercises: dict[str, Exercise] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def get(self, exercise_id: str) -> Exercise | None:
        return self.exercises.get(exercise_id)

    def ids(self) -> list[str]:
        return list(self.exercises)

    def by_kind(self) -> dict[Kind, list[Exercise]]:
        groups: dict[Kind, list[Exercise]] = {kind: [] for kind in KINDS}
        for exercise in self.exercises.values():
            groups[exercise.kind].append(exercise)
        return groups


def load_library(bundled_dir: Path, user_dir: Path | None = None, *,
                 bundled_result: FolderResult | None = None) -> Library:
    """Bundled exercises, then the person's own (the same id overrides a bundled one).

    ``bundled_result``: the bundled folder already read (app.domain.compiled).
    """
    library = Library()
    bundled = bundled_result if bundled_result is not None else load_folder(
        bundled_dir, bundled=True)
    library.problems.extend(bundled.problems)
    for exercise in bundled.exercises:
        library.exercises[exercise.id] = exercise
    if user_dir is not None:
        own = load_folder(user_dir, bundled=False)
        library.problems.extend(own.problems)
        for exercise in own.exercises:
            library.exercises[exercise.id] = exercise
    return library
