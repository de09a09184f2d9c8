"""Render the coping plan, and the before rating with a suggestion, offscreen into
docs/screenshots/ (for the README and for review), in light and dark, at 100% and 200%.

    python resources/scripts/screenshots_plan.py

The plan shown is an example written here for the picture; a person's plan
starts empty (plan-empty.png shows that, with its placeholder examples).
"""

from __future__ import annotations

import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shots import Clock, save

from app import paths
from app.domain.loader import load_library
from app.domain.plan import CopingPlan, MemoryPlanStore
from app.domain.session import SessionRecord
from app.domain.settings import Contact, Settings, Theme
from app.storage.sessions import SqliteSessionStore, open_store
from app.ui.shell.window import MainWindow
from app.ui.style import theme
from app.ui.widgets.common import scroll_into_view

SIZE = (900, 720)
CONTACTS = (
    Contact("Sam (sister)", "+44 7700 900123", "evenings and weekends"),
    Contact("Dr. Okafor's practice", "020 7946 0321", "weekdays 9-5"),
    Contact("Samaritans", "116 123", "any time, free"),
)
EXAMPLE = CopingPlan(
    warning_signs=("Not sleeping two nights running", "Pulling away from people",
                   "The week before the anniversary"),
    exercises=("orienting", "cold-temperature"),
    on_my_own=("A hot shower, then tea", "Walk round the park with headphones"),
    distractions=("The café on Mill Street", "Texting Jo about football"),
    contacts=("Sam (sister)",), people=("My neighbour Pat",),
    professional_contacts=("Dr. Okafor's practice", "Samaritans"),
    safer_space=("Ask Sam to keep hold of my spare pills",),
    what_matters=("My daughter", "Seeing the sea again in spring"),
)
START = datetime(2026, 11, 1, 20, tzinfo=UTC)


def seed_suggestion(store: SqliteSessionStore) -> None:
    """Six sessions of Cold temperature begun at 7 or 8, each a few points lower after."""
    for day, (before, after) in enumerate([(8, 5), (7, 4), (8, 4), (7, 5), (8, 6), (8, 5)]):
        when = START + timedelta(days=day)
        store.save(SessionRecord("cold-temperature", "Cold temperature", when, before=before,
                                 after=after, status="completed",
                                 ended_at=when + timedelta(minutes=2), planned_seconds=120,
                                 practised_seconds=120))


def window_for(app: QApplication, store: SqliteSessionStore, look: Theme, scale: float,
               plan: CopingPlan) -> MainWindow:
    theme.apply(app, look, scale)
    settings = Settings(first_run_done=True, contacts=CONTACTS, theme=look, text_scale=scale)
    plans = MemoryPlanStore(plan)
    window = MainWindow(load_library(paths.bundled_exercises_dir()), store, settings,
                        clock=Clock(), plans=lambda: plans)
    window.resize(*SIZE)
    window.show()
    QApplication.processEvents()
    return window


def show_plan_from_top(window: MainWindow) -> None:
    """The plan as opened, scrolled back to its title (the focus is on the first section)."""
    window.show_plan()
    QApplication.processEvents()
    window.plan_door.page.scroll_area.verticalScrollBar().setValue(0)


def main() -> int:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    with tempfile.TemporaryDirectory() as data:
        store, _ = open_store(Path(data))
        with store:
            seed_suggestion(store)
            for look in ("light", "dark"):
                for scale in (1.0, 2.0):
                    sfx = ("" if look == "light" else f"-{look}") + (
                        "" if scale == 1.0 else "-200")
                    window = window_for(app, store, look, scale, EXAMPLE)  # type: ignore[arg-type]
                    show_plan_from_top(window)
                    save(window, f"plan{sfx}")
                    window.go_home()
                    window.start_exercise("extended-exhale")
                    window.before.scale.set_value(8)
                    QApplication.processEvents()
                    scroll_into_view(window.before.suggestion, window.before)
                    save(window, f"before-suggestion{sfx}")
                    window.close()
            window = window_for(app, store, "light", 1.0, EXAMPLE)
            window.show_plan()
            page = window.plan_door.page
            QApplication.processEvents()
            heading = page.contact_boxes["contacts"][0].parentWidget()
            first = page.contact_boxes["contacts"][0]
            top = first.mapTo(heading, first.rect().topLeft()).y() - 90
            page.scroll_area.verticalScrollBar().setValue(top)
            save(window, "plan-people")
            window.close()
            window = window_for(app, store, "light", 1.0, CopingPlan())
            show_plan_from_top(window)
            save(window, "plan-empty")
            window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
