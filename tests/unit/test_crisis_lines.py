"""The crisis-line table (app.domain.crisis_lines): small, sourced, one line a country."""

from __future__ import annotations

import re

import pytest

from app.domain.crisis_lines import CHECKED, LINES, line_for


def test_every_line_names_its_own_source_and_a_dialable_number() -> None:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", CHECKED)
    countries = [line.country for line in LINES]
    assert len(countries) == len(set(countries))  # one line a country
    for line in LINES:
        assert re.fullmatch(r"[A-Z]{2}", line.country)
        assert line.source.startswith("https://"), line
        assert re.fullmatch(r"[0-9 ]{3,}", line.number), line
        assert line.how in ("call", "call or text")
        assert line.name and line.hours


@pytest.mark.parametrize(("country", "number"), [
    ("US", "988"), ("us", "988"), ("GB", "116 123"), ("IE", "116 123"),
    ("AU", "13 11 14"), ("NZ", "1737"), ("CA", "988"), ("DE", "0800 111 0 111"),
])
def test_a_country_gets_its_own_line(country: str, number: str) -> None:
    line = line_for(country)
    assert line is not None and line.number == number


@pytest.mark.parametrize("country", ["", "JP", "BR", "XX"])
def test_elsewhere_no_line_and_never_the_us_one(country: str) -> None:
    assert line_for(country) is None  # the finder only


def test_988_of_the_us_is_given_for_the_us_only() -> None:
    us = [line for line in LINES if line.name.startswith("988 Suicide & Crisis Lifeline")]
    assert [line.country for line in us] == ["US"]
