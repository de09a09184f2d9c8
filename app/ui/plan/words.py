"""The plan's sections in words: heading, what belongs there, and an example.

Shared by the page and the printed plan. Examples are only ever placeholder
text: nothing here is written into a person's plan. Free functions name their
translation context ("PlanPage") so the words are translated once.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication


def _tr(text: str) -> str:
    return QCoreApplication.translate("PlanPage", text)


class Section(NamedTuple):
    key: str  # the CopingPlan field of its free text
    heading: str
    about: str
    example: str
    contacts: str = ""  # the CopingPlan field of contacts chosen here, if any


def sections() -> list[Section]:
    """The seven sections, in the order of the Stanley-Brown safety plan."""
    return [
        Section("warning_signs", _tr("My warning signs"),
                _tr("Thoughts, feelings or situations that tell me a hard time may be "
                    "coming. One on each line."),
                _tr("For example:\nNot sleeping for two nights\nPulling away from people")),
        Section("on_my_own", _tr("Things I can do on my own"),
                _tr("Exercises from Steady, and anything else that helps me feel calmer or "
                    "more here."),
                _tr("For example:\nA hot shower\nA walk round the block")),
        Section("distractions", _tr("People and places that take my mind off things"),
                _tr("Places and people that help me think about something else for a "
                    "while."),
                _tr("For example:\nTexting a friend about something else\nThe café on the corner")),
        Section("people", _tr("People I can ask for help"),
                _tr("From my contacts, and anyone else I can tell how I am."),
                _tr("For example:\nMy sister\nA neighbour who knows"),
                contacts="contacts"),
        Section("professionals", _tr("Professionals and crisis lines"),
                _tr("My doctor, therapist or a crisis line, and how to reach them."),
                _tr("For example:\nMy doctor's surgery\nA local crisis line "
                    "(findahelpline.com lists them)"),
                contacts="professional_contacts"),
        Section("safer_space", _tr("Making my space safer"),
                _tr("What I can do to keep myself safe while things are hard."),
                _tr("For example:\nAsking someone I trust to keep hold of things I could "
                    "hurt myself with")),
        Section("what_matters", _tr("What matters to me"),
                _tr("What is worth getting through hard times for."),
                _tr("For example:\nThe people and animals I love\nPlans I have for the "
                    "spring")),
    ]


def title() -> str:
    return _tr("My coping plan")


def how_to_use() -> str:
    return _tr("When a hard time comes, start at the top and go down the list as far as you "
               "need.")
