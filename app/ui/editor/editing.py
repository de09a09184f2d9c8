"""What the editor is editing, and checking and saving a draft of it.

:class:`Editing` knows the mode (a new exercise, one's own in place, a copy of
Steady's, a duplicate), the exercise it started from and that file's text as
it was read. It turns a draft into file text (the original's comments kept,
:mod:`app.domain.writer`), checks it with the same loader as ``steady
validate``, and saves it through the exercise-folder service: the file work
itself is :mod:`app.storage.exercise_files`'.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Literal, NamedTuple

from PySide6.QtCore import QObject

from app.domain.exercise import Exercise, Problem
from app.domain.loader import Library, parse_exercise
from app.domain.writer import exercise_to_toml, header_lines
from app.services.exercise_folder import (
    SavePlan,
    changed_since,
    plan_save,
    read_original,
    save_exercise,
)

Mode = Literal["new", "edit", "copy", "duplicate"]


class Words(NamedTuple):
    """What the page says above the form about what is edited."""

    heading: str
    note: str  # a caution, for a copy of Steady's own ("" for none)
    intro: str


class Editing(QObject):
    """The mode, the exercise a draft came from, and the checks and saving of drafts."""

    def __init__(self, library: Library, folder: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.folder = folder
        self.mode: Mode = "new"
        self.source: Exercise | None = None
        self.original_text: str | None = None
        self.original_bytes: bytes | None = None

    def begin(self, mode: Mode, source: Exercise | None) -> None:
        """Start editing in ``mode`` from ``source``, reading its file as it is now."""
        self.mode = mode
        self.source = source
        self.original_bytes = None
        self.original_text = None
        if source is not None and source.path is not None:
            self.original_bytes = read_original(source.path)
            if self.original_bytes is not None:
                self.original_text = self.original_bytes.decode("utf-8", errors="replace")

    def taken_ids(self) -> set[str]:
        """The ids a draft's id must not take (its own file's, when editing one's own)."""
        taken = set(self.library.ids())
        if self.mode == "edit" and self.source is not None:
            taken.discard(self.source.id)
        return taken

    def _editing(self) -> Exercise | None:
        """One's own exercise changed in place, if that is what is edited."""
        return self.source if self.mode == "edit" else None

    def plan(self, exercise_id: str) -> SavePlan:
        return plan_save(self.folder, exercise_id, editing=self._editing())

    def changed_file(self) -> Path | None:
        """One's own file being edited, when another program changed it since it was read."""
        source = self._editing()
        if source is None or source.path is None:
            return None
        return source.path if changed_since(source.path, self.original_bytes) else None

    def describe(self) -> Words:
        """The heading, the note and the introduction for what is edited."""
        source = self.source
        title = source.title if source is not None else ""
        if self.mode == "copy" and source is not None:
            return Words(self.tr("Your own version of “%1”").replace("%1", title), self.tr(
                "“%1” comes with Steady and is never changed. Saving makes your own copy in "
                "your exercises folder. With the same id, “%2”, your copy takes its place in "
                "the list; delete your copy to have Steady's back.")
                .replace("%1", title).replace("%2", source.id),
                self.tr("Ctrl+S saves; Esc goes back and keeps what you typed here."))
        if self.mode == "edit" and source is not None:
            name = source.path.name if source.path is not None else ""
            return Words(self.tr("Edit “%1”").replace("%1", title), "", self.tr(
                "Saved in your exercises folder as %1. Ctrl+S saves; Esc goes back and keeps "
                "what you typed here.").replace("%1", name))
        if self.mode == "duplicate":
            return Words(self.tr("Copy of “%1”").replace("%1", title), "", self.tr(
                "A new exercise of your own, saved as an ordinary file in your exercises "
                "folder. Ctrl+S saves; Esc goes back and keeps what you typed here."))
        return Words(self.tr("New exercise"), "", self.tr(
            "Saved as an ordinary file in your exercises folder. Ctrl+S saves; Esc goes back "
            "and keeps what you typed here."))

    # ------------------------------------------------------------------ checking

    def id_problems(self, draft: Exercise) -> list[Problem]:
        existing = self.library.get(draft.id)
        if existing is None or not draft.id:
            return []
        source = self.source
        if self.mode == "edit" and source is not None and existing.path == source.path:
            return []
        if (self.mode == "copy" and source is not None and existing.bundled
                and source.id == draft.id):
            return []
        if existing.bundled:
            message = self.tr("is the id of Steady's “%1”. Choose another id, or edit “%1” "
                              "to make your own version of it.").replace("%1", existing.title)
        else:
            message = self.tr("is already the id of your “%1”. Choose another id.").replace(
                "%1", existing.title)
        return [Problem(path="", message=message, key="id")]

    def header(self) -> list[str]:
        """The file's header comment: the original's, with a line saying where a copy
        came from."""
        source = self.source
        if source is None or self.original_text is None:
            return header_lines(None)
        if self.mode == "copy":
            note = self.tr("Your own copy of Steady's “%1” (id %2); Steady's file is "
                           "unchanged.").replace("%1", source.title).replace("%2", source.id)
            return header_lines(self.original_text, note=note)
        if self.mode == "duplicate":
            note = self.tr("Made from “%1”.").replace("%1", source.title)
            return header_lines(self.original_text, note=note)
        return header_lines(self.original_text)

    def check(self, draft: Exercise) -> tuple[str, list[Problem]]:
        """``draft``'s file text, and every problem with it."""
        text = exercise_to_toml(draft, self.header())
        target = self.plan(draft.id).path if draft.id else self.folder / "new.toml"
        parsed, problems = parse_exercise(text.encode("utf-8"), target)
        if not draft.id:
            problems = [p for p in problems if p.key != "id"]
            problems.insert(0, Problem(path="", key="id", message=self.tr(
                "is empty: use lowercase letters, digits and dashes, like my-breath")))
        problems = self.id_problems(draft) + problems
        if not problems and parsed != draft:
            problems.append(Problem(path="", message=self.tr(
                "Steady could not write this exercise faithfully. Nothing was saved.")))
        return text, problems

    # ------------------------------------------------------------------ saving

    def save(self, draft: Exercise, text: str) -> Exercise:
        """Write ``text`` (``draft``'s, checked); from now on that file is what is edited.

        Raises OSError, with nothing changed here.
        """
        plan = self.plan(draft.id)
        written = save_exercise(plan, text)
        exercise = written if written is not None else replace(draft, path=plan.path)
        self.mode = "edit"
        self.source = exercise
        self.original_text = text
        self.original_bytes = text.encode("utf-8")
        return exercise
