"""The coping plan in use, kept as the person types.

:class:`PlanKeeper` holds the person's :class:`~app.domain.plan.CopingPlan`,
reads it once when first asked, and writes each change through the
:class:`~app.domain.plan.PlanStore` a moment after the typing stops (a parented
timer), or at once when asked to (leaving the page, closing the window). A write
that fails keeps the plan here and is tried again with the next change; a
plan that could not be read is never written over.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from app.domain.errors import StorageError
from app.domain.plan import CopingPlan, PlanStore

#: How long after the last keystroke the plan is written (milliseconds).
SAVE_DELAY_MS = 800


class PlanKeeper(QObject):
    """The plan, its store, and whether what is on screen is on disk.

    Signals: ``saved()`` after a write went through; ``problem(text)`` when one
    did not, or the plan could not be read (the text says so plainly).
    """

    saved = Signal()
    problem = Signal(str)

    def __init__(self, store: PlanStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._plan: CopingPlan | None = None
        self._dirty = False
        self.read_problem = ""  # set when the plan could not be read: nothing is written
        self.notice = ""  # what reading found and dealt with (a damaged file kept aside)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)

    @property
    def plan(self) -> CopingPlan:
        """The plan as it is now (read from the store the first time)."""
        if self._plan is None:
            try:
                self._plan = self.store.load()
                self.notice = self.store.notice
            except StorageError as error:
                self._plan = CopingPlan()
                self.read_problem = (str(error) + " " + self.tr(
                    "Steady will not write over it. What you write here is kept while "
                    "Steady stays open."))
        return self._plan

    @property
    def pending(self) -> bool:
        """A change not written yet."""
        return self._dirty

    def keep(self, plan: CopingPlan) -> None:
        """``plan`` is the one in use now; it is written shortly."""
        if plan == self.plan:
            return
        self._plan = plan
        self._dirty = True
        self._timer.start()

    @Slot()
    def flush(self) -> bool:
        """Write the plan now if it changed; False when it could not be written."""
        self._timer.stop()
        if not self._dirty:
            return True
        if self.read_problem:
            self.problem.emit(self.read_problem)
            return False
        try:
            self.store.save(self.plan)
        except StorageError as error:
            self.problem.emit(str(error))
            return False
        self._dirty = False
        self.saved.emit()
        return True

    def forget(self) -> None:
        """Delete the plan ("delete everything"); raises StorageError when it cannot."""
        self._timer.stop()
        self.store.delete()
        self._plan = CopingPlan()
        self._dirty = False
        self.read_problem = ""
        self.notice = ""
