"""Session records to and from the text the log and its exports hold.

Times are stored as ISO 8601 in UTC with six fractional digits and a ``Z``
(``2026-03-01T21:04:05.123456Z``), so text order is time order and SQLite's date
functions read them. Every record is checked before it is written or imported,
so anything in the log can be exported and imported again.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any, Literal

from app.domain.session import (
    MAX_NOTE_CHARS,
    RATING_MAX,
    RATING_MIN,
    STATUSES,
    SessionRecord,
)

MAX_TAG_CHARS = 60
MAX_TAGS = 20
MAX_TITLE_CHARS = 200
MAX_EXERCISE_ID_CHARS = 100
#: Longest plausible session (planned or practised), in seconds.
MAX_SECONDS = 24 * 60 * 60
#: Separates tags in a CSV cell; so a tag may not contain it.
TAG_SEPARATOR = ";"
#: The formats sessions are exported to and imported from (app.storage.exchange).
Format = Literal["csv", "json"]
FORMATS: tuple[Format, ...] = ("csv", "json")
#: The earliest time the log holds; a clock reading earlier is stamped so (see stamp()).
EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)


def format_time(moment: datetime) -> str:
    """``moment`` (time-zone aware) as stored: UTC, microseconds, ``Z``."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("a session time must carry a time zone")
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def stamp(moment: datetime) -> datetime:
    """``moment`` as the log can hold it: a clock set before 1970 is stamped 1970-01-01.

    Any later time is kept as the clock gave it, however far ahead: a clock that
    ran ahead is recorded as it was, never refused.
    """
    if moment.tzinfo is None or moment.utcoffset() is None:
        moment = moment.replace(tzinfo=UTC)
    return max(moment, EARLIEST)


def parse_time(text: str) -> datetime:
    """Read an ISO 8601 time; one without a zone is taken as UTC. Returns UTC."""
    moment = datetime.fromisoformat(text.strip())
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def quoted(value: object) -> str:
    """`` 'value'`` to show in a problem when it is short, plain text; else nothing.

    Only ever used for fields that are not the person's own words (ids, times,
    status); even then, anything long or unusual is left out.
    """
    if (isinstance(value, str) and len(value) <= 40 and value.isascii()
            and value.isprintable()) or (isinstance(value, int | float)
                                         and len(repr(value)) <= 40):
        return f" {value!r}"
    return ""


#: Unicode's control characters (category Cc): C0, DEL and C1.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
#: Lone surrogates: the only characters UTF-8 cannot hold.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: A uuid as the log keeps it: lower case, with its four hyphens.
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _has_control(text: str, allowed: str = "") -> bool:
    if not allowed:
        return _CONTROL.search(text) is not None
    return any(ch not in allowed for ch in _CONTROL.findall(text))


def _encodable(text: str) -> bool:
    return _SURROGATE.search(text) is None


def is_log_uuid(text: object) -> bool:
    """True for a uuid written as the log keeps it (``str(uuid.UUID(...))``)."""
    return isinstance(text, str) and _UUID.fullmatch(text) is not None


def tag_problem(tag: object) -> str | None:
    """Why ``tag`` cannot be kept, or None when it is fine. The tag's text is never quoted:
    tags are private, and this may be shown or logged."""
    if not isinstance(tag, str):
        return "is not text"
    if not tag or tag != tag.strip():
        return "is empty or starts or ends with a space"
    if len(tag) > MAX_TAG_CHARS:
        return f"is longer than {MAX_TAG_CHARS} characters"
    if TAG_SEPARATOR in tag or _has_control(tag) or not _encodable(tag):
        return f"contains '{TAG_SEPARATOR}' or a control character"
    return None


def clean_title(text: str, fallback: str) -> str:
    """The nearest title the log can keep to ``text``: one line, at most the limit.

    ``fallback`` (the exercise's id) when nothing is left.
    """
    kept = "".join(" " if _has_control(ch) else ch for ch in text)
    kept = " ".join(kept.encode("utf-8", "replace").decode("utf-8").split())
    return kept[:MAX_TITLE_CHARS].strip() or fallback


def clean_tag(text: str) -> str:
    """The nearest acceptable tag to ``text`` ('' when nothing is left)."""
    kept = "".join(" " if _has_control(ch) or ch == TAG_SEPARATOR else ch for ch in text)
    kept = kept.encode("utf-8", "replace").decode("utf-8")
    return " ".join(kept.split())[:MAX_TAG_CHARS].strip()


def _time_problems(name: str, moment: object) -> list[str]:
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        return [f"{name} must be a time with a time zone"]
    if moment < EARLIEST:
        return [f"{name} {moment.isoformat()} is before 1970"]
    return []


def _text_problems(name: str, value: object, limit: int, *, blank_ok: bool) -> list[str]:
    if not isinstance(value, str):
        return [f"{name} must be text"]
    if not blank_ok and not value.strip():
        return [f"{name} is empty"]
    if len(value) > limit:
        return [f"{name} is {len(value):,} characters long (at most {limit:,})"]
    if not _encodable(value) or "\x00" in value:
        return [f"{name} contains characters that cannot be stored"]
    return []


def _rating_problem(name: str, value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        return f"{name} must be a whole number from {RATING_MIN} to {RATING_MAX} or empty"
    if not RATING_MIN <= value <= RATING_MAX:
        shown = value if abs(value) < 10**15 else "far too large"
        return f"{name} is {shown}, outside {RATING_MIN} to {RATING_MAX}"
    return None


def _seconds_problem(name: str, value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return f"{name} must be a number of seconds"
    if not 0 <= value <= MAX_SECONDS:  # also refuses NaN and infinities
        return f"{name} is {value}, outside 0 to {MAX_SECONDS}"
    return None


def record_problems(record: SessionRecord) -> list[str]:
    """Everything wrong with ``record``; empty when it may be stored.

    Each problem starts with the field's name and never quotes a note, a tag or a
    title. Times are not weighed against the computer's clock, nor against each
    other: a clock may have run ahead, or been set back mid-session, and the
    session is recorded as it happened (an export of it must import again).
    """
    problems: list[str] = []
    if not is_log_uuid(record.id):
        problems.append("id is not a lower-case uuid" if _uuid_in_other_case(record.id)
                        else "id is not a uuid")
    problems += _text_problems("exercise_id", record.exercise_id, MAX_EXERCISE_ID_CHARS,
                               blank_ok=False)
    if isinstance(record.exercise_id, str) and _has_control(record.exercise_id):
        problems.append("exercise_id contains a control character")
    problems += _text_problems("exercise_title", record.exercise_title, MAX_TITLE_CHARS,
                               blank_ok=False)
    problems += _time_problems("started_at", record.started_at)
    if record.ended_at is not None:
        problems += _time_problems("ended_at", record.ended_at)
    if record.status not in STATUSES:
        problems.append(f"status{quoted(record.status)} is not one of {', '.join(STATUSES)}")
    for name, rating in (("before", record.before), ("after", record.after)):
        problem = _rating_problem(name, rating)
        if problem:
            problems.append(problem)
    for name, flag in (("numb_before", record.numb_before), ("numb_after", record.numb_after)):
        if not isinstance(flag, bool):
            problems.append(f"{name} must be true or false")
    for name, seconds in (("planned_seconds", record.planned_seconds),
                          ("practised_seconds", record.practised_seconds)):
        problem = _seconds_problem(name, seconds)
        if problem:
            problems.append(problem)
    problems += _text_problems("note", record.note, MAX_NOTE_CHARS, blank_ok=True)
    problems += _tags_problems(record.tags)
    return problems


def _uuid_in_other_case(text: object) -> bool:
    import uuid  # here, not at the top: kept off the start-up path

    try:
        uuid.UUID(str(text))
    except (ValueError, TypeError, AttributeError):
        return False
    return True


def _tags_problems(tags: object) -> list[str]:
    if not isinstance(tags, tuple | list):
        return ["tags must be a list of text"]
    problems = [f"tags: the {_ordinal(i + 1)} tag {problem}"
                for i, problem in enumerate(tag_problem(t) for t in tags) if problem]
    if len(tags) > MAX_TAGS:
        problems.append(f"tags: {len(tags)} tags (at most {MAX_TAGS})")
    if not problems and len(set(tags)) != len(tags):
        problems.append("tags: a tag is given twice")
    return problems


def _ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th... 11th, 12th, 13th... 21st."""
    suffix = "th"
    if not 10 <= number % 100 <= 20:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def record_fields(record: SessionRecord) -> dict[str, Any]:
    """Every field of ``record`` as plain JSON values (exports and recovery files)."""
    return {
        "id": record.id,
        "exercise_id": record.exercise_id,
        "exercise_title": record.exercise_title,
        "started_at": format_time(record.started_at),
        "ended_at": format_time(record.ended_at) if record.ended_at else None,
        "status": record.status,
        "before": record.before,
        "after": record.after,
        "numb_before": record.numb_before,
        "numb_after": record.numb_after,
        "planned_seconds": float(record.planned_seconds),
        "practised_seconds": float(record.practised_seconds),
        "note": record.note,
        "tags": list(record.tags),
    }


def record_digest(record: SessionRecord) -> str:
    """A fingerprint of every field of ``record``: equal for the same session, as stored."""
    import hashlib
    import json

    text = json.dumps(record_fields(record), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def check_record(record: SessionRecord) -> None:
    """Raise ValueError naming every problem when ``record`` cannot be stored."""
    problems = record_problems(record)
    if problems:
        raise ValueError("session cannot be stored: " + "; ".join(problems))
