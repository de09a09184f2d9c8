"""Render History in the window, offscreen, into docs/screenshots/.

    python resources/scripts/screenshots_history.py [--theme light|dark|high-contrast]

Writes history.png (three months of made-up sessions, the same every time: a
fixed seed and a fixed "today"; two of this week's begun calm, which History
counts), history-share.png (the same, scrolled down to
Save report, Print and Export) and history-empty.png (no sessions yet), with the
theme name appended for a theme other than light.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import shots  # first: it sets the platform before Qt loads
from shots import save

from app import paths
from app.domain.loader import load_library
from app.domain.session import SessionRecord
from app.domain.settings import Settings
from app.storage.sessions import memory_store
from app.ui.shell.window import MainWindow

TODAY = datetime(2026, 11, 27, 18, 0, tzinfo=UTC)
#: (exercise id, sessions, how much it tends to bring the rating down)
MIX = [("box", 17, 1.2), ("cyclic-sigh", 15, 1.0), ("orienting", 13, 0.8),
       ("extended-exhale", 10, 1.2), ("five-senses", 5, 3.0)]
#: Practice while calm this week (days before "today", the rating before): History
#: counts them above its filters.
PRACTICE = [(3, 2), (1, 3)]


def made_up_sessions(titles: dict[str, str]) -> list[SessionRecord]:
    rng = random.Random(7)
    records = []
    for exercise_id, count, drop in MIX:
        for _ in range(count):
            started = TODAY - timedelta(days=rng.uniform(2, 90), hours=rng.uniform(0, 12))
            before = rng.randint(4, 9)
            after = max(0, min(10, round(before - drop + rng.uniform(-1.5, 1.5))))
            records.append(SessionRecord(
                exercise_id, titles[exercise_id], started, before=before, after=after,
                status="completed", ended_at=started + timedelta(minutes=5),
                planned_seconds=300.0, practised_seconds=300.0,
                tags=(rng.choice(["work", "night", "family", "noise"]),)))
    for days_ago, before in PRACTICE:
        started = TODAY - timedelta(days=days_ago)
        records.append(SessionRecord(
            "orienting", titles["orienting"], started, before=before, after=before - 1,
            status="completed", ended_at=started + timedelta(minutes=5),
            planned_seconds=300.0, practised_seconds=300.0))
    return records


def show_history(window: MainWindow, name: str) -> None:
    window.show_history()
    page = window.history_page
    assert page is not None
    page._clock = lambda: TODAY  # the same "today" on every run
    page.refresh()
    save(window, name)
    if not page.is_empty_state():  # down to the row for sharing it
        bar = page.content_area.verticalScrollBar()
        bar.setValue(bar.maximum())
        save(window, name.replace("history", "history-share", 1))


def main() -> int:
    _app, suffix = shots.styled_app(__doc__.splitlines()[0])
    library = load_library(paths.bundled_exercises_dir())
    titles = {e.id: e.title for e in library.exercises.values()}
    for name, records in ((f"history{suffix}", made_up_sessions(titles)),
                          (f"history-empty{suffix}", [])):
        with memory_store() as store:
            store.merge(records)
            window = MainWindow(library, store, Settings(first_run_done=True))
            window.resize(900, 720)
            window.show()
            show_history(window, name)
            window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
