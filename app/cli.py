"""The command line. Nothing here imports Qt unless the window is opened."""

from __future__ import annotations

import argparse
import dataclasses
import io
import json
import os
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app import __version__, paths
from app.bootstrap import load_exercises
from app.domain.exercise import Exercise, Problem
from app.domain.loader import (
    check_files,
    display_path,
    exercise_files,
)
from app.domain.session import ExerciseStats
from app.storage.datadir import DataFolderError, check_data_dir, export_notes
from app.storage.db import (
    OpenResult,
    database_path,
    open_read_only,
    remove_new_log,
)
from app.storage.errors import NewerDatabaseError, StorageError
from app.storage.files import os_reason
from app.storage.records import FORMATS, Format
from app.storage.sessions import SqliteSessionStore, memory_store, open_store
from app.terminal import (
    EXIT_INVALID,
    EXIT_OK,
    UNSAFE_IN_JSON,
    failure,
    shown,
)

if TYPE_CHECKING:
    from app.services.handover import Asked

if TYPE_CHECKING:
    from app.domain.plan import CopingPlan
    from app.domain.session import SessionRecord



def _length_text(exercise: Exercise) -> str:
    if exercise.cycles is not None:
        return f"{exercise.cycles} cycles"
    minutes = exercise.length_minutes
    if minutes is not None:
        return f"{minutes:g} min"
    seconds = exercise.planned_seconds()
    return f"{seconds / 60:.0f} min" if seconds else "your pace"


def json_text(payload: object) -> str:
    """``payload`` as indented JSON that is safe for a terminal and means the same.

    JSON already escapes the C0 controls; the rest of :func:`shown`'s characters
    become ``\\u`` escapes, which any JSON reader turns back into the same text.
    """
    text = json.dumps(payload, indent=2, ensure_ascii=False)
    return UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text) + "\n"


class OutputError(Exception):
    """Standard output could not be written (a full disk, say); never a closed pipe."""

    def __init__(self, error: OSError) -> None:
        super().__init__(os_reason(error))


class Output:
    """Standard output for a verb.

    A failed write or flush becomes :class:`OutputError`, so it is told apart from
    a problem with the person's own files; a closed pipe stays ``BrokenPipeError``.
    """

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str, /) -> int:
        try:
            return self.stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error) from error

    def flush(self) -> None:
        try:
            self.stream.flush()
        except BrokenPipeError:
            raise
        except OSError as error:
            raise OutputError(error) from error

    def exact_utf8(self) -> None:
        """Exports go out as UTF-8 with their own line ends, whatever the terminal."""
        if isinstance(self.stream, io.TextIOWrapper):
            self.stream.reconfigure(encoding="utf-8", newline="")


def _quiet_stdout() -> None:
    """After a failed write, let Python's last flush at exit go nowhere, silently."""
    try:
        fd = sys.stdout.fileno()
    except (OSError, ValueError, AttributeError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, fd)
    finally:
        os.close(devnull)


# --------------------------------------------------------------------------- verbs


def nothing_found_text(data: Path) -> str:
    """What ``steady list`` says when no exercise was found at all."""
    lines = ["no exercise was found. Steady looked in:"]
    for folder, own in paths.exercise_folders(data):
        holds = "your own exercises" if own else "Steady's own exercises"
        missing = "" if folder.is_dir() else "; this folder does not exist"
        lines.append(f"  {display_path(folder)} ({holds}{missing})")
    lines.append("Steady's own exercises come with it: if that folder is missing or empty, "
                 "this copy of Steady is incomplete; installing it again brings them back.")
    return "\n".join(lines)


def cmd_list(args: argparse.Namespace, out: Output) -> int:
    library = load_exercises(args.data_dir)
    empty = not library.exercises
    if args.json:
        payload = {
            "exercises": [
                {
                    "id": ex.id, "kind": ex.kind, "title": ex.title,
                    "length": _length_text(ex), "planned_seconds": ex.planned_seconds(),
                    "file": display_path(ex.path) if ex.path else None,
                    "bundled": ex.bundled, "suits": list(ex.suits),
                }
                for ex in library.exercises.values()
            ],
            "invalid": [str(p) for p in library.problems],
            "looked_in": [display_path(folder)
                          for folder, _own in paths.exercise_folders(args.data_dir)],
        }
        out.write(json_text(payload))
        if empty:
            return _fail(nothing_found_text(args.data_dir))
        return EXIT_OK
    rows = [tuple(shown(cell) for cell in (ex.id, ex.kind, _length_text(ex), ex.title,
                                           display_path(ex.path) if ex.path else ""))
            for ex in library.exercises.values()]
    widths = [max((len(r[i]) for r in rows), default=0) for i in range(4)]
    for row in rows:
        cells = [row[i].ljust(widths[i]) for i in range(4)]
        out.write("  ".join(cells) + "  " + row[4] + "\n")
    if library.problems:
        out.write(("" if empty else "\n") + "Files that could not be used:\n")
        for problem in library.problems:
            out.write(f"  {shown(str(problem))}\n")
    if empty:
        return _fail(nothing_found_text(args.data_dir))
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: Output) -> int:
    files: list[Path] = []
    problems = []
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir():
            found, folder_problems = exercise_files(path)
            files.extend(found)
            problems.extend(folder_problems)
            if not found and not folder_problems:
                problems.append(Problem(display_path(path),
                                        "no exercise files (.toml) were found in this folder"))
        else:
            files.append(path)
    result = check_files(files)
    problems.extend(result.problems)
    for problem in problems:
        out.write(f"{shown(str(problem))}\n")
    return EXIT_INVALID if problems else EXIT_OK


def cmd_start(args: argparse.Namespace, out: Output) -> int:
    return _open_window(args, start_id=args.id)


def _open_window(args: argparse.Namespace, start_id: str | None = None) -> int:
    """The window (``steady``, ``steady start ID``, ``steady --tray``): its start
    checks the folder and the id itself (app.bootstrap.start_window)."""
    from app.bootstrap import start_window

    asked: Asked | None = getattr(args, "asked", None)
    return start_window(args.data_dir, start_id, tray=bool(getattr(args, "tray", False)),
                        silent=asked.silent if asked is not None else None)


# --------------------------------------------------------------------------- log verbs

EMPTY_LOG_TEXT = (
    "Your log is empty for now. After a session where you rate how you feel before and\n"
    "after, what helps you will show up here.\n"
)
NO_LOG_TEXT = (
    "There is no log in {folder} yet. After a session where you rate how you feel\n"
    "before and after, what helps you will show up here.\n"
)


def _fail(message: str) -> int:
    sys.stderr.write(failure(message))
    return EXIT_INVALID


def _has_log(data: Path) -> bool:
    return database_path(data).exists()


def _tell_what_opening_found(result: OpenResult | None, nothing_done: str) -> str:
    """What opening the log found is said on standard error; but when the log turned out
    damaged and was moved aside (a new, empty log stands in its place) nothing may go
    ahead: then the message to fail with, ending in ``nothing_done``. "" otherwise."""
    if result is None or not result.notice:
        return ""
    if result.moved_aside is not None and not result.rebuilt:
        return f"{result.notice}{nothing_done}"
    sys.stderr.write(f"steady: {shown(result.notice)}\n")
    return ""


def _open_log(data: Path, *, create: bool = False) -> tuple[SqliteSessionStore, OpenResult | None]:
    """The log for a verb; never marks running sessions (a window may be mid-session).

    Reading verbs do not create a log where there is none: they get an empty one
    in memory (and no result). A notice from opening (a damaged log moved aside)
    is the caller's to tell.
    """
    if not create and not _has_log(data):
        return memory_store(), None
    try:
        return open_store(data)
    except NewerDatabaseError:
        raise
    except StorageError as error:
        if create:
            raise
        try:  # a reading verb can still read it as it is (a disk gone read-only)
            connection = open_read_only(data)
        except StorageError:
            raise error from None
        sys.stderr.write(f"steady: {shown(str(error))} It was read as it is; nothing in it "
                         "was changed.\n")
        return SqliteSessionStore(connection), None


def _export_format(args: argparse.Namespace) -> Format:
    if args.format:
        return "json" if args.format == "json" else "csv"
    if args.output and Path(args.output).suffix.lower() == ".json":
        return "json"
    return "csv"


def _plan_for_export(data: Path, fmt: Format) -> CopingPlan | None:
    """The coping plan to export, read without changing anything; said on standard
    error when it cannot be read or does not fit the format (CSV holds sessions only)."""
    from app.storage.plan import FilePlanStore

    try:
        plan = FilePlanStore(data).peek()
    except StorageError as error:
        sys.stderr.write(f"steady: {shown(str(error))} It is not in this export.\n")
        return None
    if plan is None or plan.is_empty():
        return None
    if fmt != "json":
        sys.stderr.write("steady: your coping plan is not in a CSV export; "
                         "use --format json to take it too.\n")
        return None
    return plan


def cmd_export(args: argparse.Namespace, out: Output) -> int:
    """The whole log; never a new, empty one in place of a missing or damaged log."""
    from app.storage.exchange import export_records
    from app.storage.out_files import Refused, holds_something, prepare_target, write_export

    fmt = _export_format(args)
    data: Path = args.data_dir
    target = None
    untouched = ""
    if args.output:
        untouched = f" Nothing was written to {args.output}."
        try:
            target = prepare_target(Path(args.output), data)
        except Refused as refused:
            return _fail(str(refused))
    plan = _plan_for_export(data, fmt)
    records: list[SessionRecord] = []
    if not _has_log(data) and plan is None:
        return _fail(f"there is no log in {data}, so there is nothing to export.{untouched}")
    try:
        if _has_log(data):
            store, result = _open_log(data)
            with store:
                stop = _tell_what_opening_found(result, f" Nothing was exported.{untouched}")
                if stop:
                    return _fail(stop)
                records = list(reversed(store.sessions()))
    except StorageError as error:
        return _fail(str(error))
    if target is None:
        out.exact_utf8()
        export_records(records, out, fmt, plan)
        return EXIT_OK
    if not records and plan is None and holds_something(target):
        return _fail(f"your log in {data} has no sessions, so the export would be empty; "
                     f"{args.output} already holds something and was left as it was. To "
                     "replace it anyway, delete it first.")
    try:
        count = write_export(target, data, records, fmt, plan)
    except OSError as error:
        return _fail(f"could not write {args.output}: {os_reason(error)}")
    with_plan = " and your coping plan" if plan is not None else ""
    sys.stderr.write(f"Exported {count} session(s){with_plan} to {shown(args.output)}.\n")
    return EXIT_OK


class ProgressLine:
    """``Importing FILE: 42%`` on standard error while a long job reads a file.

    Only on a terminal (a script or a pipe gets no progress text), and redrawn at
    most a few times a second. :meth:`end` finishes the line.
    """

    EVERY = 0.25  # seconds between redraws

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self._stream = stream
        self._clock = clock
        self._label = ""
        self._last = float("-inf")
        self._drawn = False

    @classmethod
    def for_terminal(cls, stream: TextIO) -> ProgressLine | None:
        try:
            return cls(stream) if stream.isatty() else None
        except (AttributeError, ValueError, OSError):
            return None

    def start(self, label: str) -> None:
        self._label = label
        self._last = float("-inf")

    def __call__(self, done: int, total: int) -> None:
        now = self._clock()
        if now - self._last < self.EVERY and done < total:
            return
        self._last = now
        percent = 100 if total <= 0 else min(100, done * 100 // total)
        self._stream.write(f"\r{self._label}: {percent:3d}%")
        self._stream.flush()
        self._drawn = True

    def end(self) -> None:
        if self._drawn:
            self._stream.write("\n")
            self._stream.flush()
            self._drawn = False


def cmd_import(args: argparse.Namespace, out: Output) -> int:
    """Merge an export, read as it is imported; a refused file leaves the log as it was
    (and where there was no log, none: the one made for the import is removed)."""
    from app.storage.exchange import ImportProblem, import_file
    from app.storage.plan import FilePlanStore

    data: Path = args.data_dir
    path = Path(args.file)
    progress = ProgressLine.for_terminal(sys.stderr)
    made = [] if _has_log(data) else [p for p in (data, *data.parents) if not p.exists()]
    fresh = not _has_log(data)
    try:
        store, result = _open_log(data, create=True)
    except StorageError as error:
        return _fail(str(error))
    empty = False
    try:
        with store:
            if result is not None and result.notice:
                sys.stderr.write(f"steady: {shown(result.notice)}\n")
            if progress is not None:
                progress.start(f"Importing {shown(path.name)}")
            try:
                imported = import_file(store, path, progress=progress,
                                       plans=FilePlanStore(data))
            finally:
                if progress is not None:
                    progress.end()
                empty = fresh and store.count() == 0
    except (ImportProblem, StorageError) as error:
        if empty:
            remove_new_log(data, made)
        return _fail(str(error))
    present = imported.already_present
    note = f"; {present} were already in your log" if present else ""
    out.write(f"Imported {imported.added} session(s) from {shown(str(path))}{note}.\n")
    if imported.plan_added:
        out.write(f"Added {imported.plan_added} entr{'y' if imported.plan_added == 1 else 'ies'}"
                  " to your coping plan; nothing in it was removed or changed.\n")
    elif imported.had_plan:
        out.write("The coping plan in it was already all in yours.\n")
    return EXIT_OK


def _number(value: float | None, pattern: str = "{:.1f}") -> str:
    return "-" if value is None else pattern.format(value)


def stats_table(rows: list[ExerciseStats]) -> list[str]:
    """ "What works for me" as aligned text lines, safe for a terminal."""
    header = ("Exercise", "Sessions", "Rated", "Before", "After", "Change", "Drop >= 2")
    body = [
        (shown(r.title), str(r.sessions), str(r.rated), _number(r.mean_before),
         _number(r.mean_after), _number(r.mean_change, "{:+.1f}"),
         _number(None if r.noticeable_share is None else 100 * r.noticeable_share, "{:.0f}%"))
        for r in rows
    ]
    widths = [max(len(line[i]) for line in (header, *body)) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(widths[0]) if i == 0 else cell.rjust(widths[i])
                  for i, cell in enumerate(line)).rstrip()
        for line in (header, *body)
    ]


def cmd_stats(args: argparse.Namespace, out: Output) -> int:
    """ "What works for me"; a log that can be read but not written is read as it is."""
    data: Path = args.data_dir
    no_log = not _has_log(data)
    try:
        store, result = _open_log(data)
        with store:
            if result is not None and result.notice:
                sys.stderr.write(f"steady: {shown(result.notice)}\n")
            rows, best = store.stats(), store.best_exercise()
    except StorageError as error:
        return _fail(str(error))
    if args.json:
        if no_log:
            sys.stderr.write(f"steady: there is no log in {shown(str(data))} yet.\n")
        payload = {"exercises": [dataclasses.asdict(r) for r in rows],
                   "best": best._asdict() if best else None}
        out.write(json_text(payload))
        return EXIT_OK
    if no_log:
        out.write(NO_LOG_TEXT.format(folder=shown(str(data))))
        return EXIT_OK
    if not rows:
        out.write(EMPTY_LOG_TEXT)
        return EXIT_OK
    out.write("What works for you, per exercise (change = after - before; lower is calmer)\n\n")
    out.write("\n".join(stats_table(rows)) + "\n")
    if best:
        out.write(f"\nHelped most so far: {shown(best.title)}, a mean change of "
                  f"{best.mean_change:+.1f} over {best.sessions} rated sessions.\n")
    return EXIT_OK


def cmd_report(args: argparse.Namespace, out: Output) -> int:
    """A PDF of a range of days to share, written as ``export -o`` writes: whole or not at
    all, private, never over Steady's own files. Qt is loaded here only, with no screen."""
    from app.domain.report import DateRange, RangeError, gather, parse_day
    from app.domain.session import utc_now
    from app.storage.out_files import Refused, prepare_target, write_private

    data: Path = args.data_dir
    untouched = f" Nothing was written to {args.output}."
    days = []
    for flag, text in (("--from", args.date_from), ("--to", args.date_to)):
        try:
            days.append(parse_day(text) if text is not None else None)
        except RangeError as error:
            return _fail(f"{flag} {error}.{untouched}")
    try:
        chosen = DateRange(*days)
    except RangeError as error:
        return _fail(f"{error}; give --from the earlier day.{untouched}")
    try:
        target = prepare_target(Path(args.output), data, example="steady-report.pdf")
    except Refused as refused:
        return _fail(str(refused))
    from app.services.local_time import first_weekday, local_zone
    from app.ui.history.report import offscreen_application, render_pdf

    offscreen_application()
    try:
        store, result = _open_log(data)
        with store:
            stop = _tell_what_opening_found(result, untouched)
            if stop:
                return _fail(stop)
            report = gather(store, chosen, now=utc_now(), zone=local_zone(), notes=args.notes,
                            first_weekday=first_weekday())
    except StorageError as error:
        return _fail(f"{error}{untouched}")
    try:
        write_private(target, render_pdf(report), export_notes(data))
    except OSError as error:
        return _fail(f"could not write {args.output}: {os_reason(error)}")
    span = f"from {report.first_day.isoformat()} to {report.last_day.isoformat()}"
    if report.empty:
        sys.stderr.write(f"There are no sessions {span}; the report in {shown(args.output)} "
                         "says so.\n")
    else:
        notes = " with your notes" if args.notes else ""
        sys.stderr.write(f"Wrote a report of {report.sessions} session(s) {span}{notes} to "
                         f"{shown(args.output)}.\n")
    return EXIT_OK


# --------------------------------------------------------------------------- parser


Verb = Callable[[argparse.Namespace, Output], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="steady",
        description="Steady: a calm companion for grounding and paced breathing. "
                    "With no command, opens the window.",
        epilog="Steady is not a diagnosis and not a replacement for care.",
    )
    parser.add_argument("--version", action="version", version=f"steady {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="check that this installation works (exercises, log, window, "
                             "sound) without touching your data, then exit")
    parser.add_argument("--tray", action="store_true",
                        help="start waiting in the tray, with no window until you open it "
                             "(what starting at login does)")
    parser.add_argument("--data-dir", metavar="DIR",
                        help=f"where your log and own exercises live "
                             f"(default: ${paths.DATA_DIR_ENV} or the system's data folder)")
    sub = parser.add_subparsers(dest="verb", metavar="COMMAND")

    p = sub.add_parser("start", help="open straight into an exercise's first rating")
    p.add_argument("id", help="the exercise id, e.g. box (see `steady list`)")
    p.set_defaults(func=cmd_start)

    p = sub.add_parser("list", help="the exercises found, and any file with a problem")
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_list)

    p = sub.add_parser("validate", help="check exercise files; one line per problem")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files (or folders) to check")
    p.set_defaults(func=cmd_validate)

    # --- log verbs (export, import, stats) are registered below ---
    p = sub.add_parser("export", help="write the whole log, every field (stdout by default)")
    p.add_argument("--format", choices=FORMATS,
                   help="csv (the default) or json; -o FILE.json picks json")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (private, 0600)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import", help="merge an export into the log; the same file twice adds "
                                      "nothing")
    p.add_argument("file", metavar="FILE", help="a .csv or .json file from `steady export`")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("stats", help='"what works for me": each exercise\'s before and after')
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("report", help="a PDF of your sessions to share, for example with "
                                      "your therapist (private, 0600)")
    p.add_argument("--from", dest="date_from", metavar="DATE",
                   help="the first day, YYYY-MM-DD (default: your first session)")
    p.add_argument("--to", dest="date_to", metavar="DATE",
                   help="the last day, YYYY-MM-DD (default: today)")
    p.add_argument("--notes", action="store_true",
                   help="include the notes you wrote (left out unless asked)")
    p.add_argument("-o", "--output", metavar="FILE.pdf", required=True,
                   help="where to write the PDF")
    p.set_defaults(func=cmd_report)

    return parser


def main(argv: Sequence[str], *, asked: Asked | None = None) -> int:
    """Run ``steady`` with ``argv``. ``asked`` is what the entry point's quick
    hand-over found (app/__main__.py), so the window's start does not wait on a
    Steady that did not answer a second time."""
    parser = build_parser()
    args = parser.parse_args(list(argv))
    args.asked = asked
    if args.tray and getattr(args, "func", None) is not None:
        parser.error("--tray starts Steady in the tray; it goes without a command")
    if args.self_test:
        from app.selftest import run

        return run(sys.stdout)
    if args.data_dir is not None and not args.data_dir.strip():
        parser.error("--data-dir was given an empty name; give a folder, or leave "
                     "--data-dir out to use the usual one")
    args.data_dir = paths.data_dir(args.data_dir)
    func: Verb | None = getattr(args, "func", None)
    if func is None or func is cmd_start:  # the window's start checks the folder itself
        return _open_window(args, start_id=getattr(args, "id", None))
    if func is not cmd_validate:  # every other verb reads or writes there
        try:
            check_data_dir(args.data_dir)
        except DataFolderError as error:
            return _fail(str(error))
    out = Output(sys.stdout)
    try:
        code = func(args, out)
        out.flush()  # here, so a full disk is reported, not met at exit
    except BrokenPipeError:  # `steady export | head`: the reader has all it wanted
        _quiet_stdout()
        return EXIT_OK
    except OutputError as error:
        _quiet_stdout()
        return _fail(f"could not write the output: {error}")
    return code
