"""A session record and the small interface the app hands sessions to.

The UI and services only ever see :class:`SessionStore`; the SQLite
implementation lives in ``app.storage``. Stdlib only.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Literal, NamedTuple, Protocol

if TYPE_CHECKING:  # loaded before the first frame; the levels wait until a rating
    from app.domain.levels import StartLevel

Status = Literal["running", "completed", "stopped", "interrupted"]
STATUSES: tuple[Status, ...] = ("running", "completed", "stopped", "interrupted")

RATING_MIN = 0
RATING_MAX = 10
#: A drop of this many points or more is called "noticeable" (docs/EXERCISES.md, "The rating").
NOTICEABLE_DROP = 2
#: Below this many rated sessions, a share or a "helped most" is too few to tell.
FEW_TO_TELL = 3
#: Rated sessions an exercise needs before Steady says it has helped (launcher, tray).
HELPED_MIN_SESSIONS = 5
#: The longest note the log keeps (the note field should stop there).
MAX_NOTE_CHARS = 10_000

TimeOfDay = Literal["night", "morning", "afternoon", "evening"]
#: Local-time buckets: night 0-5 h, morning 6-11 h, afternoon 12-17 h, evening 18-23 h.
TIMES_OF_DAY: tuple[TimeOfDay, ...] = ("night", "morning", "afternoon", "evening")
GroupBy = Literal["exercise", "time_of_day", "tag", "start_level"]


def time_of_day(moment: datetime) -> TimeOfDay:
    """The bucket of ``moment`` in the computer's local time."""
    return TIMES_OF_DAY[moment.astimezone().hour // 6]


def utc_now() -> datetime:
    return datetime.now(UTC)


def new_session_id() -> str:
    import uuid  # only when a session starts: kept off the start-up path

    return str(uuid.uuid4())


@dataclass(frozen=True, slots=True)
class SessionRecord:
    """One row of the log: one exercise, done (or begun) once."""

    exercise_id: str
    exercise_title: str
    started_at: datetime
    id: str = field(default_factory=new_session_id)
    ended_at: datetime | None = None
    status: Status = "running"
    before: int | None = None
    after: int | None = None
    numb_before: bool = False
    numb_after: bool = False
    planned_seconds: float = 0.0
    practised_seconds: float = 0.0
    note: str = ""
    tags: tuple[str, ...] = ()

    def with_(self, **changes: object) -> SessionRecord:
        return replace(self, **changes)  # type: ignore[arg-type]

    @property
    def change(self) -> int | None:
        """after - before, when both were given."""
        if self.before is None or self.after is None:
            return None
        return self.after - self.before


@dataclass(frozen=True, slots=True)
class ExerciseStats:
    """ "What works for me" for one exercise (or one group).

    ``numb_rated`` counts the sessions begun numb or far away that have an answer
    afterwards (a number or the mark), ``numb_cleared`` those of them that ended
    without the mark: for someone shut down, feeling more here is what helps,
    not a lower number.
    """

    key: str
    title: str
    sessions: int
    rated: int
    mean_before: float | None
    mean_after: float | None
    mean_change: float | None
    noticeable_share: float | None
    numb_rated: int = 0
    numb_cleared: int = 0


@dataclass(frozen=True, slots=True)
class NumbMarks:
    """How many sessions had "numb or far away" marked: before, after, and either."""

    before: int = 0
    after: int = 0
    either: int = 0


@dataclass(frozen=True, slots=True)
class SessionFilter:
    """Which sessions to show or count. Empty fields do not filter."""

    since: datetime | None = None  # started at or after (inclusive)
    until: datetime | None = None  # started before (exclusive)
    exercise_id: str | None = None
    tag: str | None = None
    time_of_day: TimeOfDay | None = None
    start_level: StartLevel | None = None  # app.domain.levels.start_level of the session
    practised: bool = False  # only sessions with some time practised (not stopped at once)


class BestExercise(NamedTuple):
    """The exercise whose sessions brought the largest mean drop."""

    exercise_id: str
    title: str
    sessions: int  # rated sessions the mean is taken over
    mean_change: float


#: Where a save put a session: the log on disk (and checked to be there), a recovery
#: file on disk (the log could not take it; it is added to the log later), or memory
#: only (nothing on disk could take it; it lasts while Steady runs).
SavedTo = Literal["log", "recovery", "memory"]


@dataclass(frozen=True, slots=True)
class Saved:
    """What a save did: where the session now is, and anything to tell the person.

    ``notice`` is set when saving had to do something the person should know
    about (the data folder was gone and was made again, say); else it is "".
    ``problem`` is set when the log could not take it this time (a lock, a full
    disk) and it was kept elsewhere meanwhile: writing it to the log is worth
    trying again.
    """

    where: SavedTo
    notice: str = ""
    problem: str = ""

    @property
    def on_disk(self) -> bool:
        return self.where != "memory"


class SessionStore(Protocol):
    """Where sessions go. Implemented with SQLite in ``app.storage``."""

    def save(self, record: SessionRecord) -> Saved:
        """Insert or update the record (by id), durably; says where it went.

        Raises when it could not be kept anywhere but in the caller's hands.
        """

    def get(self, session_id: str) -> SessionRecord | None: ...

    def sessions(
        self, where: SessionFilter | None = None, limit: int | None = None
    ) -> Sequence[SessionRecord]:
        """Every session (or those matching ``where``), newest first."""

    def count(self, where: SessionFilter | None = None) -> int:
        """How many sessions there are (or match ``where``)."""

    def rating_points(
        self, where: SessionFilter | None = None
    ) -> list[tuple[datetime, int | None, int | None]]:
        """(started_at, before, after) of each session, oldest first."""

    def known_tags(self) -> list[str]:
        """Tags used before, most used first."""

    def delete(self, session_id: str) -> None: ...

    def delete_all(self) -> None:
        """Forget everything: the log and every copy of it but the person's exports."""

    def mark_interrupted(self) -> int:
        """Sessions still running become interrupted; returns how many."""

    def stats(
        self, group_by: GroupBy = "exercise", where: SessionFilter | None = None
    ) -> list[ExerciseStats]:
        """ "What works for me", one row per exercise, time of day, tag or starting level."""

    def best_exercise(self, min_sessions: int = HELPED_MIN_SESSIONS) -> BestExercise | None:
        """The exercise that helped most, once it has ``min_sessions`` rated sessions."""

    def numb_marks(self, where: SessionFilter | None = None) -> NumbMarks:
        """How many sessions (or of those matching ``where``) had the numb mark."""
