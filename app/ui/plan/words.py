"""The plan's sections in words: heading, what belongs there, and an example.

Shared by the page and the printed plan. Examples are only ever placeholder
text: nothing here is written into a person's plan. The texts are filed under
the translation context "PlanPage" (free functions name it, so that
``pyside6-lupdate`` finds them).
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QCoreApplication


class Section(NamedTuple):
    key: str  # the CopingPlan field of its free text
    heading: str
    about: str
    example: str
    contacts: str = ""  # the CopingPlan field of contacts chosen here, if any


def sections() -> list[Section]:
    """The seven sections, in the order of the Stanley-Brown safety plan."""
    return [
        Section(
            "warning_signs",
            QCoreApplication.translate("PlanPage", "My warning signs"),
            QCoreApplication.translate(
                "PlanPage", "Thoughts, feelings or situations that tell me a hard time may "
                            "be coming. One on each line."),
            QCoreApplication.translate(
                "PlanPage", "For example:\nNot sleeping for two nights\n"
                            "Pulling away from people")),
        Section(
            "on_my_own",
            QCoreApplication.translate("PlanPage", "Things I can do on my own"),
            QCoreApplication.translate(
                "PlanPage", "Exercises from Steady, and anything else that helps me feel "
                            "calmer or more here."),
            QCoreApplication.translate(
                "PlanPage", "For example:\nA hot shower\nA walk round the block")),
        Section(
            "distractions",
            QCoreApplication.translate("PlanPage",
                                       "People and places that take my mind off things"),
            QCoreApplication.translate(
                "PlanPage", "Places and people that help me think about something else for "
                            "a while."),
            QCoreApplication.translate(
                "PlanPage", "For example:\nTexting a friend about something else\n"
                            "The café on the corner")),
        Section(
            "people",
            QCoreApplication.translate("PlanPage", "People I can ask for help"),
            QCoreApplication.translate(
                "PlanPage", "From my contacts, and anyone else I can tell how I am."),
            QCoreApplication.translate(
                "PlanPage", "For example:\nMy sister\nA neighbour who knows"),
            contacts="contacts"),
        Section(
            "professionals",
            QCoreApplication.translate("PlanPage", "Professionals and crisis lines"),
            QCoreApplication.translate(
                "PlanPage", "My doctor, therapist or a crisis line, and how to reach them."),
            QCoreApplication.translate(
                "PlanPage", "For example:\nMy doctor's surgery\n"
                            "A local crisis line (findahelpline.com lists them)"),
            contacts="professional_contacts"),
        Section(
            "safer_space",
            QCoreApplication.translate("PlanPage", "Making my space safer"),
            QCoreApplication.translate(
                "PlanPage", "What I can do to keep myself safe while things are hard."),
            QCoreApplication.translate(
                "PlanPage", "For example:\nAsking someone I trust to keep hold of things I "
                            "could hurt myself with")),
        Section(
            "what_matters",
            QCoreApplication.translate("PlanPage", "What matters to me"),
            QCoreApplication.translate(
                "PlanPage", "What is worth getting through hard times for."),
            QCoreApplication.translate(
                "PlanPage", "For example:\nThe people and animals I love\n"
                            "Plans I have for the spring")),
    ]


def title() -> str:
    return QCoreApplication.translate("PlanPage", "My coping plan")


def how_to_use() -> str:
    return QCoreApplication.translate(
        "PlanPage", "When a hard time comes, start at the top and go down the list as far "
                    "as you need.")
