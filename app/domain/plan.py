"""My coping plan: a person's own plan for the worst moments, in their own words.

The sections are those of the Stanley-Brown safety plan, in its order: my
warning signs; things I can do on my own (exercises chosen from the library,
and anything else); people and places that take my mind off things; people I
can ask for help (chosen from the contacts, and anyone else); professionals
and crisis lines; making my space safer; what matters to me. Every section is
optional and starts empty: Steady writes nothing into a person's plan.

Each section is a list of entries, one per line as the person typed them, so
two plans can be merged without losing a word (:func:`merge_plans`, for
imports), and a tag given to a session can be matched against the warning
signs (:func:`matching_warning_sign`). Reading and writing the file is
``app.storage.plan``'s. Stdlib only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from typing import Protocol

#: The sections of free text, in the plan's order.
TEXT_SECTIONS: tuple[str, ...] = (
    "warning_signs", "on_my_own", "distractions", "people", "professionals", "safer_space",
    "what_matters",
)
#: A tag shorter than this matches a warning sign only as the whole sign.
MIN_WORD_MATCH = 3


@dataclass(frozen=True, slots=True)
class CopingPlan:
    """The plan. Entries are kept as written (one line each), in the person's order."""

    warning_signs: tuple[str, ...] = ()
    exercises: tuple[str, ...] = ()  # exercise ids, chosen from the library
    on_my_own: tuple[str, ...] = ()
    distractions: tuple[str, ...] = ()
    contacts: tuple[str, ...] = ()  # names of the person's contacts they can ask for help
    people: tuple[str, ...] = ()
    professional_contacts: tuple[str, ...] = ()  # contacts' names: clinicians, crisis lines
    professionals: tuple[str, ...] = ()
    safer_space: tuple[str, ...] = ()
    what_matters: tuple[str, ...] = ()

    def is_empty(self) -> bool:
        return not any(getattr(self, name) for name in FIELDS)

    def with_(self, **changes: tuple[str, ...]) -> CopingPlan:
        return replace(self, **changes)


#: Every field, in order: what a plan file holds.
FIELDS: tuple[str, ...] = tuple(f.name for f in fields(CopingPlan))


def entries(text: str) -> tuple[str, ...]:
    """The lines of ``text`` as entries: spaces at either end trimmed, empty lines left out."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def _merged(current: tuple[str, ...], incoming: tuple[str, ...]) -> tuple[str, ...]:
    seen = {_same_words(item) for item in current}
    added: list[str] = []
    for item in incoming:
        key = _same_words(item)
        if key not in seen:
            seen.add(key)
            added.append(item)
    return (*current, *added)


def merge_plans(current: CopingPlan, incoming: CopingPlan) -> CopingPlan:
    """``current`` with every entry of ``incoming`` it lacks added at the end of its section.

    Nothing is removed or reworded, entries already there (the same words, any
    case or spacing) are not added twice, so merging the same plan again
    changes nothing.
    """
    return CopingPlan(**{name: _merged(getattr(current, name), getattr(incoming, name))
                         for name in FIELDS})


_WORDS = re.compile(r"\w+(?:['’]\w+)*")


def _normal(text: str) -> str:
    """Lower case, one space between words, punctuation between them left out."""
    return " ".join(_WORDS.findall(text.casefold()))


def _same_words(text: str) -> str:
    """What makes two entries the same: their words (or, with no words, the text)."""
    return _normal(text) or text.strip()


def _contains_words(longer: str, shorter: str) -> bool:
    return f" {shorter} " in f" {longer} "


def matching_warning_sign(tags: Iterable[str], plan: CopingPlan) -> str | None:
    """The first warning sign (as written) that one of ``tags`` matches, or None.

    A tag matches a sign when they are the same words, or when one holds the
    other as whole words ("partner" and "rows with my partner"); a tag of
    fewer than :data:`MIN_WORD_MATCH` letters only as the whole sign.
    """
    words = [_normal(tag) for tag in tags]
    for sign in plan.warning_signs:
        normal_sign = _normal(sign)
        if not normal_sign:
            continue
        for tag in words:
            if not tag:
                continue
            if tag == normal_sign:
                return sign
            short = min(tag, normal_sign, key=len)
            if len(short) >= MIN_WORD_MATCH and (
                    _contains_words(normal_sign, tag) or _contains_words(tag, normal_sign)):
                return sign
    return None


class PlanStore(Protocol):
    """Where the plan is kept. The file in the data folder is ``app.storage.plan``'s.

    ``notice`` is what the last :meth:`load` found wrong, in plain words ("" if nothing).
    """

    notice: str

    def load(self) -> CopingPlan:
        """The plan as last saved (an empty one when there is none)."""

    def save(self, plan: CopingPlan) -> None:
        """Keep ``plan`` durably; raises StorageError with a plain message when it cannot."""

    def delete(self) -> None:
        """Forget the plan and every copy of it Steady keeps."""


class MemoryPlanStore:
    """A plan kept while Steady runs only: for tests, and when there is no data folder."""

    def __init__(self, plan: CopingPlan | None = None, *, notice: str = "") -> None:
        self.plan = plan or CopingPlan()
        self.notice = notice

    def load(self) -> CopingPlan:
        return self.plan

    def save(self, plan: CopingPlan) -> None:
        self.plan = plan

    def delete(self) -> None:
        self.plan = CopingPlan()
