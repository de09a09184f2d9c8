"""National crisis lines, for "Get help now": a small table, each line with its source.

Numbers in apps go out of date, so this table stays small: one line per
country, a national, free service that answers in a crisis, each checked
against the service's own page (``source``) on the date in ``CHECKED``. The
person's own contacts always come first, and findahelpline.com is always
offered as well, for every country, this table or not. A country not here
gets the finder only; the US line (988) is shown for the US only, never as a
stand-in elsewhere. Stdlib only.

To add or change a line: check it on the service's own site, put that page
in ``source``, update ``CHECKED``, and run the tests.
"""

from __future__ import annotations

from dataclasses import dataclass

#: When the table was last checked against its sources.
CHECKED = "2026-12-05"


@dataclass(frozen=True, slots=True)
class CrisisLine:
    country: str  # ISO 3166-1 alpha-2, as QLocale gives it ("US", "GB")
    name: str  # the service's own name
    number: str  # as people dial it
    how: str  # "call", or "call or text"
    hours: str  # "24/7", or when it answers
    source: str  # the service's own page that gives the number


LINES: tuple[CrisisLine, ...] = (
    CrisisLine("US", "988 Suicide & Crisis Lifeline", "988", "call or text", "24/7",
               "https://988lifeline.org"),
    CrisisLine("CA", "9-8-8: Suicide Crisis Helpline", "988", "call or text", "24/7",
               "https://988.ca"),
    CrisisLine("GB", "Samaritans", "116 123", "call", "24/7", "https://www.samaritans.org"),
    CrisisLine("IE", "Samaritans", "116 123", "call", "24/7", "https://www.samaritans.org"),
    CrisisLine("AU", "Lifeline", "13 11 14", "call", "24/7", "https://www.lifeline.org.au"),
    CrisisLine("NZ", "Need to talk? 1737", "1737", "call or text", "24/7",
               "https://1737.org.nz"),
    CrisisLine("DE", "TelefonSeelsorge", "0800 111 0 111", "call", "24/7",
               "https://www.telefonseelsorge.de"),
    CrisisLine("FR", "3114, numéro national de prévention du suicide", "3114", "call",
               "24/7", "https://3114.fr"),
    CrisisLine("NL", "113 Zelfmoordpreventie", "113", "call", "24/7", "https://www.113.nl"),
)


def line_for(country: str) -> CrisisLine | None:
    """The crisis line for ``country`` (ISO 3166-1 alpha-2), or None when the table has
    none: then only the helpline finder is offered."""
    code = country.strip().upper()
    return next((line for line in LINES if line.country == code), None)
