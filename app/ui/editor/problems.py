"""Where a problem with a draft is shown: under its field, on its row, or beside Save.

The loader names a problem by the file's key (``title``, ``phases[2].seconds``,
``tags``...); :class:`ProblemDisplay` turns that into a sentence that starts
with what it is about ("The seconds must be between 0.5 and 99.") and shows it
under the field, on the phase's or step's row, or, for the file as a whole, in
the save status beside the buttons. :func:`first_shown` picks the field to go
to after a failed save.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QWidget

from app.domain.exercise import Problem
from app.ui.editor.parts import ItemRow

_KEY = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?$")
_SUBJECT_VERBS = {"is", "needs", "has", "should", "may", "cannot", "only"}

#: The rows of a list, by the file's key ("phases", "steps").
Rows = Mapping[str, Callable[[], Sequence[ItemRow]]]


def sentence(subject: str, message: str) -> str:
    """``Title`` + ``is empty`` -> "Title is empty."; a whole message is only capitalised."""
    first = message.split(" ", 1)[0]
    text = f"{subject} {message}" if first in _SUBJECT_VERBS else message
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def first_shown(order: Sequence[tuple[QLabel, QWidget]]) -> QWidget | None:
    """The field of the first problem line that shows, marked so that scrolling to it
    brings its problem line into view too; None when nothing is wrong."""
    for error, widget in order:
        if not error.isHidden() and error.text():
            widget.setProperty("scrollHeading", error)  # the field with what is wrong
            return widget
    return None


class ProblemDisplay(QObject):
    """Shows problems on ``labels`` (the problem lines by key), the rows of ``rows`` and
    ``status`` (the save status, for what belongs to no field)."""

    def __init__(self, labels: dict[str, QLabel], status: QLabel, rows: Rows,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = labels
        self.status = status
        self.rows = rows

    def show(self, problems: Sequence[Problem], *, breathing: bool) -> None:
        """Show ``problems`` (each place's in one text), and clear every other place."""
        for widget in self.labels.values():
            if widget is not self.status:
                widget.setText("")
                widget.hide()
        for rows in self.rows.values():
            for row in rows():
                row.show_problem("")
        messages: dict[int, list[str]] = {}
        targets: dict[int, QLabel | ItemRow] = {}
        for problem in problems:
            target, text = self.place(problem, breathing=breathing)
            targets[id(target)] = target
            messages.setdefault(id(target), []).append(text)
        for key, target in targets.items():
            text = "\n".join(dict.fromkeys(messages[key]))
            if isinstance(target, ItemRow):
                target.show_problem(text)
            else:
                target.setText(text)
                target.show()

    def place(self, problem: Problem, *, breathing: bool) -> tuple[QLabel | ItemRow, str]:
        """The label or row a problem belongs under, and its text there."""
        m = _KEY.match(problem.key or "")
        if m is None:
            return self.status, sentence(self.tr("The file"), problem.message)
        name, index, sub = m.group(1), m.group(2), m.group(3)
        subjects = {
            "title": self.tr("The title"), "id": self.tr("The id"), "kind": self.tr("The kind"),
            "summary": self.tr("The summary"), "minutes": self.tr("The length"),
            "cycles": self.tr("The number of breaths"), "ease_in_seconds": self.tr("Ease in"),
            "cautions": self.tr("Caution"), "sources": self.tr("Source"),
            "tags": self.tr("Tag"), "suits": self.tr("A first choice"),
        }
        if name in self.rows:
            rows = self.rows[name]()
            if index is not None and 0 < int(index) <= len(rows):
                parts = {"seconds": self.tr("The seconds"), "action": self.tr("The phase"),
                         "text": self.tr("The text"), "count": self.tr("The number of items")}
                subject = parts.get(sub or "", self.tr("This line"))
                return rows[int(index) - 1], sentence(subject, problem.message)
            return self.labels[name], sentence(self.tr("The list"), problem.message)
        if name == "minutes" and not breathing:
            return self.labels["steps.minutes"], sentence(subjects[name], problem.message)
        if name in self.labels and name in subjects:
            subject = subjects[name]
            if index is not None:
                subject = f"{subject} {index}"
            return self.labels[name], sentence(subject, problem.message)
        return self.status, sentence(problem.key or self.tr("The file"), problem.message)
