"""Opening the coping plan from anywhere, and coming back to where the person was.

:class:`PlanDoor` makes the plan page the first time it is opened (its module is
imported then: nothing of the plan is loaded before the first frame), fills it
from the :class:`~app.services.plan_keeper.PlanKeeper`, hands each edit to the
keeper, starts an exercise from the plan, prints, and goes back to the page the
plan was opened from. The window sees it only through :class:`PlanHost`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QWidget

from app.domain.loader import Library
from app.domain.plan import CopingPlan, MemoryPlanStore, PlanStore, matching_warning_sign
from app.domain.settings import Settings
from app.services.plan_keeper import PlanKeeper

if TYPE_CHECKING:
    from app.ui.plan.page import PlanPage


class PlanHost(Protocol):
    """What the plan needs from the window."""

    @property
    def library(self) -> Library: ...

    @property
    def settings(self) -> Settings: ...

    def current_page(self) -> QWidget | None: ...

    def show_page(self, page: QWidget) -> None: ...

    def has_page(self, page: QWidget) -> bool: ...

    def go_home(self) -> None: ...

    def start_exercise(self, exercise_id: str) -> bool: ...

    def show_contacts(self) -> None: ...


class PlanDoor(QObject):
    """The way in and out of the plan page."""

    def __init__(self, host: PlanHost, store: Callable[[], PlanStore] | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self._store = store
        self._keeper: PlanKeeper | None = None
        self._page: PlanPage | None = None
        self._return_to: QWidget | None = None
        self._offered: set[str] = set()  # warning signs the plan was offered for

    @property
    def keeper(self) -> PlanKeeper:
        if self._keeper is None:
            store = self._store() if self._store is not None else MemoryPlanStore()
            self._keeper = PlanKeeper(store, parent=self)
            self._keeper.saved.connect(self.on_saved)
            self._keeper.problem.connect(self.on_problem)
        return self._keeper

    @property
    def page(self) -> PlanPage:
        if self._page is None:
            from app.ui.plan.page import PlanPage

            page = self._page = PlanPage()
            page.edited.connect(self.on_edited)
            page.closed.connect(self.on_closed)
            page.exerciseChosen.connect(self.on_start)
            page.contactsRequested.connect(self.on_contacts)
            page.printRequested.connect(self.on_print)
        return self._page

    def plan(self) -> CopingPlan:
        return self.keeper.plan

    def offer_for(self, tags: Iterable[str]) -> str | None:
        """The warning sign of the person's plan that one of ``tags`` matches, the first
        time it does while Steady runs (the plan is offered once, not at every session
        with that tag); else None."""
        tags = list(tags)
        if not tags:
            return None  # the plan is not even read
        sign = matching_warning_sign(tags, self.keeper.plan)
        if sign is None or sign in self._offered:
            return None
        self._offered.add(sign)
        return sign

    @Slot()
    def open(self) -> None:
        """Show the plan as it is now; Back returns to the page on show before it."""
        page = self.page
        current = self.host.current_page()
        if current is not page:
            self._return_to = current
        keeper = self.keeper
        settings = self.host.settings
        page.set_plan(keeper.plan, self.host.library, settings.contacts,
                      settings.hidden_tags())
        page.show_notice(keeper.read_problem or keeper.notice)
        page.show_status("")
        self.host.show_page(page)

    def refresh(self) -> None:
        """The library or the contacts changed: the page shows them, keeping what is typed."""
        if self._page is not None:
            settings = self.host.settings
            self._page.set_plan(self._page.plan(), self.host.library, settings.contacts,
                                settings.hidden_tags())

    @Slot(object)
    def on_edited(self, plan: CopingPlan) -> None:
        self.keeper.keep(plan)
        self.page.show_status(self.tr("Saving..."))

    @Slot()
    def on_saved(self) -> None:
        if self._page is not None:
            self._page.show_notice(self.keeper.notice)  # a failed save is past
            self._page.show_status(self.tr("Saved on this computer."))

    @Slot(str)
    def on_problem(self, text: str) -> None:
        if self._page is not None:
            self._page.show_status("")
            self._page.show_notice(text)

    def flush(self) -> None:
        """Write what is not written yet (leaving the page, quitting)."""
        if self._keeper is not None:
            self._keeper.flush()

    @Slot()
    def on_closed(self) -> None:
        self.flush()
        back, self._return_to = self._return_to, None
        if back is None or not self.host.has_page(back):
            self.host.go_home()
        else:
            self.host.show_page(back)

    @Slot(str)
    def on_start(self, exercise_id: str) -> None:
        self.flush()
        self._return_to = None
        self.host.start_exercise(exercise_id)

    @Slot()
    def on_contacts(self) -> None:
        self.flush()
        self.host.show_contacts()

    @Slot()
    def on_print(self) -> None:
        from app.ui.plan.printing import plan_html, print_plan

        page = self.page
        print_plan(page, plan_html(page.plan(), self.host.library,
                                   self.host.settings.contacts))

    def forget(self) -> None:
        """"Delete everything": the plan goes too. Raises StorageError when it cannot."""
        self.keeper.forget()
        if self._page is not None:
            settings = self.host.settings
            self._page.set_plan(CopingPlan(), self.host.library, settings.contacts,
                                settings.hidden_tags())
