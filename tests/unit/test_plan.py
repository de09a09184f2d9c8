"""The coping plan's rules (app.domain.plan): entries, merging, warning signs. No Qt."""

from __future__ import annotations

import pytest

from app.domain.plan import (
    FIELDS,
    CopingPlan,
    MemoryPlanStore,
    PlanStore,
    entries,
    matching_warning_sign,
    merge_plans,
)


def test_a_new_plan_is_empty_and_has_every_section() -> None:
    plan = CopingPlan()
    assert plan.is_empty()
    assert FIELDS == ("warning_signs", "exercises", "on_my_own", "distractions", "contacts",
                      "people", "professional_contacts", "professionals", "safer_space",
                      "what_matters")
    for name in FIELDS:
        assert getattr(plan, name) == ()
        assert not plan.with_(**{name: ("x",)}).is_empty()


def test_entries_are_the_lines_as_written() -> None:
    assert entries("  Not sleeping \n\n  pacing\r\nSnapping at people\n  ") == (
        "Not sleeping", "pacing", "Snapping at people")
    assert entries("") == () and entries(" \n\t\n") == ()


def test_merging_adds_what_is_missing_and_loses_nothing() -> None:
    mine = CopingPlan(warning_signs=("Not sleeping", "pacing", "pacing"),
                      exercises=("box",), what_matters=("My cat",))
    theirs = CopingPlan(warning_signs=("not  sleeping!", "Skipping meals"),
                        exercises=("box", "orienting"), people=("Sam",))
    merged = merge_plans(mine, theirs)
    # mine first, as written (even an entry written twice); new entries at the end
    assert merged.warning_signs == ("Not sleeping", "pacing", "pacing", "Skipping meals")
    assert merged.exercises == ("box", "orienting")
    assert merged.people == ("Sam",) and merged.what_matters == ("My cat",)
    assert merge_plans(merged, theirs) == merged  # the same import twice adds nothing
    assert merge_plans(CopingPlan(), theirs) == theirs
    assert merge_plans(mine, CopingPlan()) == mine


SIGNS = CopingPlan(warning_signs=("Rows with my partner", "Not sleeping",
                                  "the anniversary", "?!"))


@pytest.mark.parametrize(("tags", "expected"), [
    ((), None),
    (("work",), None),
    # the same words, any case, spacing or punctuation
    (("not sleeping",), "Not sleeping"),
    (("NOT   SLEEPING.",), "Not sleeping"),
    # a tag that is a whole word (or words) of a sign, or a sign inside a tag
    (("partner",), "Rows with my partner"),
    (("my partner",), "Rows with my partner"),
    (("anniversary of the crash",), None),  # "the anniversary" is not in it as words
    (("the anniversary again",), "the anniversary"),
    # part of a word is not a match; nor are very short words
    (("part",), None),
    (("my",), None),
    (("sleep",), None),
    # the first sign, in the plan's order, that any tag matches
    (("work", "not sleeping", "partner"), "Rows with my partner"),
    # a sign with no words never matches
    (("?!",), None),
])
def test_a_tag_matches_a_warning_sign(tags: tuple[str, ...], expected: str | None) -> None:
    assert matching_warning_sign(tags, SIGNS) == expected


def test_no_warning_signs_nothing_matches() -> None:
    assert matching_warning_sign(("not sleeping",), CopingPlan()) is None


def test_the_memory_store_keeps_the_plan_while_it_lives() -> None:
    store: PlanStore = MemoryPlanStore()
    assert store.load() == CopingPlan() and store.notice == ""
    plan = CopingPlan(what_matters=("My kids",))
    store.save(plan)
    assert store.load() == plan
    store.delete()
    assert store.load().is_empty()
