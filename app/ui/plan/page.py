"""My coping plan: a page of seven sections in the person's own words.

Opened from the launcher and first under "Get help now". Every section is
optional and starts empty; the examples are placeholder text only. Things to do
on one's own can be exercises chosen from the library, each with its own Start
button, and people to ask are chosen from the person's contacts. What is typed
is handed on (``edited``) as it is typed, and the window keeps it
(:class:`app.services.plan_keeper.PlanKeeper`). Esc or Back leave; Ctrl+P prints.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain.exercise import Exercise
from app.domain.loader import Library
from app.domain.plan import CopingPlan, entries
from app.domain.settings import Contact
from app.ui.plan import words
from app.ui.widgets.common import label, lay_out_page, make_button
from app.ui.widgets.fit_combo_box import FitComboBox
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.wrap_check_box import WrapCheckBox

#: How many lines of text a section shows before it scrolls.
VISIBLE_LINES = 3


class SectionText(QPlainTextEdit):
    """One section's own words, one entry a line. Tab moves on; the example is a placeholder."""

    def __init__(self, section: words.Section, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.section = section
        self.setPlaceholderText(section.example)
        self.setAccessibleName(section.heading)
        self.setAccessibleDescription(section.about)
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * VISIBLE_LINES + 24)


class ExerciseRow(QWidget):
    """An exercise on the plan: its title, Start (when it can be started) and Remove."""

    def __init__(self, exercise_id: str, exercise: Exercise | None, hidden: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.exercise_id = exercise_id
        title = exercise.title if exercise is not None else exercise_id
        self.title = label(title)
        self.start = make_button(self.tr("Start"), role="primary",
                                 description=self.tr("Start %1 now").replace("%1", title),
                                 name=self.tr("Start %1").replace("%1", title))
        self.remove = make_button(self.tr("Remove"),
                                  description=self.tr("Take %1 off the plan").replace("%1", title),
                                  name=self.tr("Remove %1").replace("%1", title))
        why = ""
        if exercise is None:
            why = self.tr("No longer among your exercises.")
        elif hidden:
            why = self.tr("Hidden by your health settings.")
        self.why = label(why, "small")
        self.why.setVisible(bool(why))
        self.start.setVisible(not why)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.title, 1)  # a long title wraps; the buttons keep their words
        row.addWidget(self.why, 1)
        row.addWidget(self.start)
        row.addWidget(self.remove)


class PlanPage(QWidget):
    """The plan, section by section. ``edited(plan)`` after every change."""

    edited = Signal(object)  # CopingPlan
    exerciseChosen = Signal(str)
    contactsRequested = Signal()
    printRequested = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(words.title())
        self._loading = False
        self._library = Library()
        self._hidden: frozenset[str] = frozenset()
        self._exercises: list[str] = []
        self._kept_names: dict[str, tuple[str, ...]] = {}  # chosen names no longer contacts
        self.texts: dict[str, SectionText] = {}
        self.contact_boxes: dict[str, list[QCheckBox]] = {}
        self._contact_layouts: dict[str, QVBoxLayout] = {}
        self.exercise_rows: list[ExerciseRow] = []

        self.title = label(words.title(), "title")
        self.intro = label(self.tr(
            "Your own plan for the hardest moments, in your own words. Every part is "
            "optional: write as much or as little as you like. It stays on this computer "
            "and is saved as you type."), "muted")
        self.how = label(words.how_to_use(), "small")
        self.notice = label("", "caution")
        self.notice.hide()
        body = QVBoxLayout()
        body.setSpacing(10)
        for widget in (self.title, self.intro, self.how, self.notice):
            body.addWidget(widget)
        for number, section in enumerate(words.sections(), start=1):
            body.addLayout(self._build_section(number, section))
        body.addStretch(1)

        self.status = label("", "small")
        self.print_button = make_button(self.tr("Print (Ctrl+P)"),
                                        description=self.tr("Print the plan, or save it as a "
                                                            "PDF where your system offers it"))
        self.back_button = make_button(self.tr("Back (Esc)"), role="primary",
                                       description=self.tr("Back to where you were; the plan "
                                                           "is kept"))
        footer = FlowLayout()
        footer.addWidget(self.status)
        footer.addStretch(1)
        footer.addWidget(self.print_button)
        footer.addWidget(self.back_button)
        lay_out_page(self, body, footer)
        self.scroll_area = self.findChild(QScrollArea)
        self._connect_signals()

    # ------------------------------------------------------------------ building

    def _build_section(self, number: int, section: words.Section) -> QVBoxLayout:
        layout = QVBoxLayout()
        layout.setSpacing(6)
        heading = label(f"{number}. {section.heading}", "tile-title")
        heading.setAccessibleName(section.heading)
        layout.addSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(label(section.about, "small"))
        if section.key == "on_my_own":
            layout.addLayout(self._build_exercises())
        if section.contacts:
            box = QVBoxLayout()
            box.setSpacing(4)
            layout.addLayout(box)
            self.contact_boxes[section.contacts] = []
            self._contact_layouts[section.contacts] = box
        text = SectionText(section)
        text.setProperty("scrollHeading", heading)  # scrolled into view together
        heading.setBuddy(text)
        self.texts[section.key] = text
        layout.addWidget(text)
        return layout

    def _build_exercises(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        layout.setSpacing(4)
        self.exercise_list = QVBoxLayout()
        self.exercise_list.setSpacing(4)
        self.exercise_choice = FitComboBox()
        self.exercise_choice.setObjectName("planExercise")
        self.exercise_choice.setPlaceholderText(self.tr("Choose an exercise"))
        self.exercise_choice.setAccessibleName(self.tr("An exercise to add"))
        self.exercise_choice.setAccessibleDescription(self.tr(
            "Choose one of your exercises to put on the plan"))
        self.add_exercise = make_button(self.tr("Add to the plan"),
                                        description=self.tr("Put the chosen exercise on the "
                                                            "plan, with a Start button"))
        add_row = FlowLayout()
        add_row.addWidget(self.exercise_choice)
        add_row.addWidget(self.add_exercise)
        layout.addLayout(self.exercise_list)
        layout.addLayout(add_row)
        return layout

    def _connect_signals(self) -> None:
        for text in self.texts.values():
            text.textChanged.connect(self.on_changed)
            text.installEventFilter(self)
        self.add_exercise.clicked.connect(self.on_add_exercise)
        self.exercise_choice.currentIndexChanged.connect(self.on_exercise_picked)
        self.back_button.clicked.connect(self.closed)
        self.print_button.clicked.connect(self.printRequested)
        shortcut = QShortcut(QKeySequence.StandardKey.Print, self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(self.printRequested)

    # ------------------------------------------------------------------ filling in

    def set_plan(self, plan: CopingPlan, library: Library, contacts: tuple[Contact, ...],
                 hidden_tags: frozenset[str] = frozenset()) -> None:
        """Show ``plan``; exercises come from ``library``, people from ``contacts``."""
        self._loading = True
        try:
            self._library = library
            self._hidden = hidden_tags
            for section in words.sections():
                self.texts[section.key].setPlainText("\n".join(getattr(plan, section.key)))
            self._exercises = list(dict.fromkeys(plan.exercises))
            self._fill_exercises()
            for field in self.contact_boxes:
                self._fill_contacts(field, getattr(plan, field), contacts)
        finally:
            self._loading = False

    def _fill_exercises(self) -> None:
        for row in self.exercise_rows:
            self.exercise_list.removeWidget(row)
            row.deleteLater()
        self.exercise_rows = []
        for exercise_id in self._exercises:
            exercise = self._library.get(exercise_id)
            hidden = exercise is not None and bool(self._hidden & set(exercise.tags))
            row = ExerciseRow(exercise_id, exercise, hidden)
            row.start.clicked.connect(self.on_start_clicked)
            row.remove.clicked.connect(self.on_remove_clicked)
            self.exercise_list.addWidget(row)
            self.exercise_rows.append(row)
        self.exercise_choice.clear()
        for exercise in self._library.exercises.values():
            if exercise.id not in self._exercises and not self._hidden & set(exercise.tags):
                self.exercise_choice.addItem(exercise.title, exercise.id)
        self.exercise_choice.setCurrentIndex(-1)  # nothing chosen until the person chooses
        self.exercise_choice.setEnabled(self.exercise_choice.count() > 0)
        self.add_exercise.setEnabled(False)

    def _fill_contacts(self, field: str, chosen: tuple[str, ...],
                       contacts: tuple[Contact, ...]) -> None:
        layout = self._contact_layouts[field]
        while layout.count():
            item = layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        names = [c.name for c in contacts]
        self._kept_names[field] = tuple(n for n in chosen if n not in names)
        boxes: list[QCheckBox] = []
        for name in self._kept_names[field]:
            boxes.append(WrapCheckBox(self.tr("%1 (no longer in your contacts)")
                                      .replace("%1", name)))
            boxes[-1].setProperty("contact", name)
        for contact in contacts:
            shown = " · ".join(p for p in (contact.name, contact.number, contact.note) if p)
            boxes.append(WrapCheckBox(shown))
            boxes[-1].setProperty("contact", contact.name)
        for box in boxes:
            box.setChecked(box.property("contact") in chosen)
            box.setAccessibleName(box.text())
            box.toggled.connect(self.on_changed)
            layout.addWidget(box)
        if not contacts:
            add = make_button(self.tr("Add contacts"), description=self.tr(
                "Add people and lines in Settings, under Your contacts"))
            add.clicked.connect(self.contactsRequested)
            layout.addWidget(label(self.tr("You have no contacts yet. People you add in "
                                           "Settings can be chosen here."), "small"))
            layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        self.contact_boxes[field] = boxes

    def show_notice(self, text: str) -> None:
        self.notice.setText(text)
        self.notice.setVisible(bool(text))

    def show_status(self, text: str) -> None:
        self.status.setText(text)

    # ------------------------------------------------------------------ reading back

    def plan(self) -> CopingPlan:
        """The plan as it is on the page now."""
        values: dict[str, tuple[str, ...]] = {
            key: entries(text.toPlainText()) for key, text in self.texts.items()}
        for field, boxes in self.contact_boxes.items():
            values[field] = tuple(dict.fromkeys(
                str(box.property("contact")) for box in boxes if box.isChecked()))
        return CopingPlan(exercises=tuple(self._exercises), **values)

    @Slot()
    def on_changed(self) -> None:
        if not self._loading:
            self.edited.emit(self.plan())

    @Slot(int)
    def on_exercise_picked(self, index: int) -> None:
        self.add_exercise.setEnabled(index >= 0)

    @Slot()
    def on_add_exercise(self) -> None:
        exercise_id = self.exercise_choice.currentData()
        if not exercise_id:
            return
        self._exercises.append(str(exercise_id))
        self._fill_exercises()
        self.on_changed()
        self.exercise_rows[-1].start.setFocus(Qt.FocusReason.OtherFocusReason)

    def _row_of(self, sender: QObject | None) -> ExerciseRow | None:
        return next((r for r in self.exercise_rows if sender in (r.start, r.remove)), None)

    @Slot()
    def on_start_clicked(self) -> None:
        row = self._row_of(self.sender())
        if row is not None:
            self.exerciseChosen.emit(row.exercise_id)

    @Slot()
    def on_remove_clicked(self) -> None:
        row = self._row_of(self.sender())
        if row is None:
            return
        self._exercises.remove(row.exercise_id)
        self._fill_exercises()
        self.on_changed()
        self.exercise_choice.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ keys and focus

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.texts["warning_signs"].setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Esc in a section leaves the page too (what was typed is kept)."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_Escape):
            self.closed.emit()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.closed.emit()
            return
        super().keyPressEvent(event)

