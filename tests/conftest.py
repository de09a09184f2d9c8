"""Shared test set-up. Qt runs offscreen; nothing touches the real data folder."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")
# Never read or write the person's real data folder from a test.
os.environ.pop("STEADY_DATA_DIR", None)

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh, empty data folder, also exported as STEADY_DATA_DIR."""
    folder = tmp_path / "data"
    monkeypatch.setenv("STEADY_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def repo_root() -> Path:
    return REPO


# --------------------------------------------------------------------------- coverage floors

#: The least share of statements the suite must run in each layer that holds the
#: rules and the person's data (``make test`` runs the suite under coverage).
COVERAGE_FLOORS = {"app/domain": 95.0, "app/storage": 92.0}


def coverage_shortfalls(cov: object) -> list[str]:
    """What falls below :data:`COVERAGE_FLOORS`, one line each ("" when all hold)."""
    import io

    import coverage

    assert isinstance(cov, coverage.Coverage)
    found = []
    for folder, floor in COVERAGE_FLOORS.items():
        share = cov.report(include=[str(REPO / folder / "*")], file=io.StringIO())
        if share < floor:
            found.append(f"coverage of {folder} is {share:.1f}%, below its floor of {floor:.0f}%")
    return found


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """Under ``coverage run`` (``make test``), a layer below its floor fails the run."""
    try:
        import coverage
    except ImportError:
        return
    cov = coverage.Coverage.current()
    if cov is None or exitstatus != 0:
        return
    cov.stop()
    found = coverage_shortfalls(cov)
    session.config.stash[_SHORTFALLS] = found
    if found:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


_SHORTFALLS = pytest.StashKey[list[str]]()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    for line in terminalreporter.config.stash.get(_SHORTFALLS, []):
        terminalreporter.write_line(f"FAILED {line}", red=True)
