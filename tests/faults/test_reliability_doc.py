"""docs/RELIABILITY.md says exactly what the fault suite saw (this check runs last)."""

from __future__ import annotations

import difflib
import os

import pytest

from tests.faults.conftest import suite_outcome
from tests.faults.reliability import DOC, NONE_LOST, WRITE_ENV, Table, render


def test_reliability_table_matches_what_the_suite_saw(
        request: pytest.FixtureRequest, reliability: Table) -> None:
    why_not, skipped = suite_outcome(request.config, request.node.nodeid)
    if why_not:
        pytest.skip(f"the table is checked only when the whole fault suite runs: {why_not}")
    rows = reliability.sorted_rows()
    assert all(row.lost == NONE_LOST for row in rows), [r for r in rows if r.lost != NONE_LOST]
    text = render(rows)
    committed = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
    if os.environ.get(WRITE_ENV) == "1":
        if skipped:
            pytest.fail("not written: these fault tests were skipped here, so their rows "
                        "would be lost: " + ", ".join(skipped))
        DOC.write_text(text, encoding="utf-8")
        return
    if skipped:
        # Rows of tests skipped here (no strace, no mount namespace) are missing; every
        # row this run did produce must still be in the committed table, word for word.
        produced = text.splitlines()
        new = [line for line in produced if line not in committed.splitlines()]
        assert not new, ("docs/RELIABILITY.md does not say what the suite saw; rows that "
                         "differ:\n" + "\n".join(new))
        return
    assert len(rows) >= 30, "every fault test adds its row"
    if committed != text:
        diff = "\n".join(difflib.unified_diff(
            committed.splitlines(), text.splitlines(), "docs/RELIABILITY.md (committed)",
            "what the suite saw", lineterm=""))
        pytest.fail(f"docs/RELIABILITY.md is out of date; run the fault suite with "
                    f"{WRITE_ENV}=1 to write it again.\n{diff}")
