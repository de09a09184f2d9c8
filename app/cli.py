"""The command line. Nothing here imports Qt unless the window is opened."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from app import __version__, paths
from app.domain.exercise import Exercise
from app.domain.loader import Library, check_files, exercise_files, load_library

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_UNKNOWN_ID = 2


def _library(data: Path) -> Library:
    return load_library(paths.bundled_exercises_dir(), paths.user_exercises_dir(data))


def _length_text(exercise: Exercise) -> str:
    if exercise.cycles is not None:
        return f"{exercise.cycles} cycles"
    minutes = exercise.length_minutes
    if minutes is not None:
        return f"{minutes:g} min"
    seconds = exercise.planned_seconds()
    return f"{seconds / 60:.0f} min" if seconds else "your pace"


# --------------------------------------------------------------------------- verbs


def cmd_list(args: argparse.Namespace, out: TextIO) -> int:
    library = _library(args.data_dir)
    if args.json:
        payload = {
            "exercises": [
                {
                    "id": ex.id, "kind": ex.kind, "title": ex.title,
                    "length": _length_text(ex), "planned_seconds": ex.planned_seconds(),
                    "file": str(ex.path) if ex.path else None, "bundled": ex.bundled,
                }
                for ex in library.exercises.values()
            ],
            "invalid": [str(p) for p in library.problems],
        }
        json.dump(payload, out, indent=2, ensure_ascii=False)
        out.write("\n")
        return EXIT_OK
    rows = [(ex.id, ex.kind, _length_text(ex), ex.title, str(ex.path or ""))
            for ex in library.exercises.values()]
    widths = [max((len(r[i]) for r in rows), default=0) for i in range(4)]
    for row in rows:
        cells = [row[i].ljust(widths[i]) for i in range(4)]
        out.write("  ".join(cells) + "  " + row[4] + "\n")
    if library.problems:
        out.write("\nFiles that could not be used:\n")
        for problem in library.problems:
            out.write(f"  {problem}\n")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace, out: TextIO) -> int:
    files: list[Path] = []
    problems = []
    for raw in args.paths:
        path = Path(raw)
        if path.is_dir():
            found, folder_problems = exercise_files(path)
            files.extend(found)
            problems.extend(folder_problems)
        else:
            files.append(path)
    result = check_files(files)
    problems.extend(result.problems)
    for problem in problems:
        out.write(f"{problem}\n")
    return EXIT_INVALID if problems else EXIT_OK


def cmd_start(args: argparse.Namespace, out: TextIO) -> int:
    library = _library(args.data_dir)
    if library.get(args.id) is None:
        sys.stderr.write(f"steady: there is no exercise with the id '{args.id}'.\n"
                         "Known ids:\n")
        for ex_id in library.ids():
            sys.stderr.write(f"  {ex_id}\n")
        return EXIT_UNKNOWN_ID
    return _open_window(args, start_id=args.id)


def _open_window(args: argparse.Namespace, start_id: str | None = None) -> int:
    from app.ui.application import run_gui

    return run_gui(args.data_dir, start_id=start_id)


# --------------------------------------------------------------------------- parser


Verb = Callable[[argparse.Namespace, TextIO], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="steady",
        description="Steady: a calm companion for grounding and paced breathing. "
                    "With no command, opens the window.",
        epilog="Steady is not a diagnosis and not a replacement for care.",
    )
    parser.add_argument("--version", action="version", version=f"steady {__version__}")
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

    return parser


def main(argv: Sequence[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(list(argv))
    args.data_dir = paths.data_dir(args.data_dir)
    func: Verb | None = getattr(args, "func", None)
    out = sys.stdout
    try:
        if func is None:
            return _open_window(args)
        return func(args, out)
    except BrokenPipeError:
        return EXIT_OK
