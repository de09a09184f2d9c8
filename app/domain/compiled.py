"""Steady's own exercises, read ahead: what the loader made of them, kept beside them.

Every start used to read and check the fourteen bundled exercise files, which
takes a good part of the time before the first frame (docs/BENCHMARKS.md). They
only change with Steady itself, so ``resources/exercises.compiled.json`` keeps,
for each of them, the file's exact text and the exercise the loader made of it.
A start reads that one file, compares each kept text with the file on disk, and
uses the kept exercises only when every file is there, unchanged, and no other
exercise file has appeared. Anything else (a file edited, added or removed, a
missing or damaged compiled file) and the bundled folder is read as before:
the compiled file can make a start faster, never different.

``resources/scripts/compile_exercises.py`` writes it; a test checks that the
committed one matches the exercises. Stdlib only.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from app.domain import loader
from app.domain.exercise import Exercise, Phase, Step
from app.domain.loader import FolderResult, Library, exercise_files, load_folder

#: Raised when the format of the compiled file changes (an old file is then not used).
COMPILED_VERSION = 1
_TUPLES = ("cautions", "sources", "tags", "suits")


def exercise_record(exercise: Exercise) -> dict[str, Any]:
    """``exercise`` as plain JSON values (its file by name, not path)."""
    assert exercise.path is not None
    return {
        "file": exercise.path.name, "id": exercise.id, "title": exercise.title,
        "kind": exercise.kind, "summary": exercise.summary, "minutes": exercise.minutes,
        "cycles": exercise.cycles, "cautions": list(exercise.cautions),
        "sources": list(exercise.sources), "tags": list(exercise.tags),
        "suits": list(exercise.suits), "ease_in_seconds": exercise.ease_in_seconds,
        "phases": [[p.action, p.seconds] for p in exercise.phases],
        "steps": [[s.text, s.count, s.seconds] for s in exercise.steps],
    }


def _exercise(record: dict[str, Any], folder: Path) -> Exercise:
    fields = {k: v for k, v in record.items() if k not in ("file", "phases", "steps")}
    for name in _TUPLES:
        fields[name] = tuple(fields[name])
    return Exercise(**fields,
                    phases=tuple(Phase(action, seconds) for action, seconds in record["phases"]),
                    steps=tuple(Step(text, count, seconds)
                                for text, count, seconds in record["steps"]),
                    path=folder / record["file"], bundled=True)


def compile_folder(folder: Path) -> str:
    """The compiled file's text for the bundled ``folder`` (read and checked now).

    Raises ``ValueError`` when a file has a problem: Steady's own exercises must
    all be good before they are compiled.
    """
    result = load_folder(folder, bundled=True)
    if result.problems:
        raise ValueError("; ".join(str(p) for p in result.problems))
    paths, _ = exercise_files(folder)
    texts = {path.name: path.read_bytes().decode("utf-8") for path in paths}
    payload = {"version": COMPILED_VERSION, "files": texts,
               "exercises": [exercise_record(e) for e in result.exercises]}
    return json.dumps(payload, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def read_compiled(folder: Path, compiled: Path) -> FolderResult | None:
    """The bundled ``folder``'s exercises from ``compiled``, when it still says exactly
    what the files say; None otherwise (then the folder is to be read)."""
    try:
        payload = json.loads(compiled.read_bytes())
        if payload.get("version") != COMPILED_VERSION:
            return None
        texts: dict[str, str] = payload["files"]
        names = sorted(name for name in os.listdir(folder)
                       if name.lower().endswith(".toml") and not name.startswith("."))
        if names != sorted(texts):
            return None
        for name in names:
            with open(folder / name, "rb") as handle:
                if handle.read().decode("utf-8") != texts[name]:
                    return None
        return FolderResult(exercises=[_exercise(r, folder) for r in payload["exercises"]])
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # missing, damaged or of another version: read the folder instead


def load_library(bundled_dir: Path, user_dir: Path | None = None, *,
                 compiled: Path | None = None) -> Library:
    """What :func:`app.domain.loader.load_library` gives, reading the bundled
    exercises from ``compiled`` when that is up to date."""
    bundled = read_compiled(bundled_dir, compiled) if compiled is not None else None
    return loader.load_library(bundled_dir, user_dir, bundled_result=bundled)
