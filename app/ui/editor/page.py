"""The exercise editor: make, change or copy an exercise, then save it as a file.

A page in the window's stack. The breathing builder lists the phases of one
breath (inhale, hold, exhale in any order, 0.5 to 99 seconds in 0.5 s steps)
next to a live preview of the pacer and the breaths per minute; the steps
builder lists the steps of a grounding, sensory or body exercise. Both work by
keys alone: inside a row, Alt+Up and Alt+Down move it, Alt+Delete removes it
and Ctrl+Enter adds one after it.

Saving writes an ordinary format-1 file into the person's exercises folder
(:mod:`app.domain.writer`), after reading the text back with the same loader
as ``steady validate``: a problem is shown under the field it concerns and
nothing is written. Steady's own exercises are never changed: editing one saves
a copy with the same id, which takes its place in the list. Back (Esc) leaves
the page and keeps what was typed, so nothing is lost.

The rows of the builders and the small questions live in
:mod:`app.ui.editor.parts`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import pairwise
from pathlib import Path
from typing import Literal

from PySide6.QtCore import QEvent, QLocale, Qt, Signal, Slot
from PySide6.QtGui import (
    QHideEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.exercise import (
    KINDS,
    Exercise,
    Kind,
    Phase,
    Problem,
    Step,
    Suit,
)
from app.domain.loader import RANGES, TEXT_LIMITS, Library, parse_exercise
from app.domain.reasons import os_reason
from app.domain.timeline import planned_duration
from app.domain.writer import (
    exercise_to_toml,
    free_file_name,
    header_lines,
    id_from_title,
    unique_id,
)
from app.services.exercise_folder import write_exercise
from app.services.pacer_driver import PacerDriver
from app.ui.distress.launcher import kind_names
from app.ui.editor.parts import (
    ClashDialog,
    CountSpinBox,
    ItemRow,
    NumberSpinBox,
    PhaseRow,
    RowList,
    StepRow,
    next_phase,
)
from app.ui.exercise.breathing import PacerWidget, phase_word
from app.ui.widgets.common import (
    english_plural,
    label,
    make_button,
    minutes_text,
    scroll_into_view,
    scroll_page,
)
from app.ui.widgets.flow_layout import FlowLayout
from app.ui.widgets.wrap_check_box import WrapCheckBox

Clock = Callable[[], float]
Mode = Literal["new", "edit", "copy", "duplicate"]

#: The preview runs this long before it starts again.
PREVIEW_MINUTES = 60
NEW_PHASES = (Phase("inhale", 4.0), Phase("exhale", 6.0))
NEW_MINUTES = 5.0
#: The preview's narrowest width, and the narrowest page that shows it beside the
#: form (pixels): in a narrower window the form takes the whole width.
PREVIEW_WIDTH = 220
PREVIEW_PAGE_WIDTH = 760
_KEY = re.compile(r"^([a-z_]+)(?:\[(\d+)\])?(?:\.([a-z_]+))?$")
_SUBJECT_VERBS = {"is", "needs", "has", "should", "may", "cannot", "only"}


def sentence(subject: str, message: str) -> str:
    """``Title`` + ``is empty`` -> "Title is empty."; a whole message is only capitalised."""
    first = message.split(" ", 1)[0]
    text = f"{subject} {message}" if first in _SUBJECT_VERBS else message
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _seconds_text(seconds: float) -> str:
    return f"{seconds:g}"


# --------------------------------------------------------------------------- the page


class EditorPage(QWidget):
    """Make or change one exercise.

    Signals:
        saved(exercise): the file was written (the exercise carries its new path).
        closed(): the person asked to leave (Back or Esc); the draft stays here.
    """

    saved = Signal(object)
    closed = Signal()

    def __init__(self, library: Library, folder: Path, *, reduced_motion: bool = False,
                 clock: Clock = time.monotonic, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._folder = folder
        self._reduced = reduced_motion
        self._clock = clock
        self._mode: Mode = "new"
        self._breathing = True  # the preview is for breathing exercises only
        self._source: Exercise | None = None
        self._original_text: str | None = None
        self._original_bytes: bytes | None = None
        self._baseline: Exercise | None = None
        self._id_follows_title = True
        self._loading = False
        self._live_check = False
        self._preview_paused = False
        self.preview_driver: PacerDriver | None = None
        self.field_errors: dict[str, QLabel] = {}
        self.setObjectName("editorPage")
        self.setAccessibleName(self.tr("Exercise editor"))
        self._build()
        self._connect_signals()
        self.new("breathing")

    # ------------------------------------------------------------------ building

    def _error_label(self, key: str) -> QLabel:
        widget = label("", "caution")
        widget.setTextFormat(Qt.TextFormat.PlainText)
        widget.hide()
        self.field_errors[key] = widget
        return widget

    def _section(self, text: str) -> QLabel:
        heading = label(text.upper(), "section")
        heading.setAccessibleName(text)
        return heading

    def _field(self, form: QFormLayout, text: str, widget: QWidget | QHBoxLayout,
               key: str, buddy: QWidget | None = None, hint: str = "") -> None:
        caption = QLabel(text)
        caption.setWordWrap(True)
        target = buddy if buddy is not None else widget
        if isinstance(target, QWidget):
            caption.setBuddy(target)
        column = QVBoxLayout()
        column.setSpacing(4)
        if isinstance(widget, QAbstractSpinBox):
            column.addWidget(widget, 0, Qt.AlignmentFlag.AlignLeft)
        elif isinstance(widget, QWidget):
            column.addWidget(widget)
        else:
            column.addLayout(widget)
        if hint:
            column.addWidget(label(hint, "small"))
        column.addWidget(self._error_label(key))
        form.addRow(caption, column)

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        form.setHorizontalSpacing(16)
        form.setVerticalSpacing(10)
        return form

    def _build(self) -> None:
        self.heading = label("", "title")
        self.note = label("", "caution")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.intro = label("", "muted")

        # -- about
        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(TEXT_LIMITS["title"] + 20)
        self.title_edit.setPlaceholderText(self.tr("For example: My calm breath"))
        self.title_edit.setAccessibleName(self.tr("Title"))
        self.title_edit.setAccessibleDescription(self.tr("The name on the exercise's tile"))
        self.id_edit = QLineEdit()
        self.id_edit.setMaxLength(80)
        self.id_edit.setAccessibleName(self.tr("Id"))
        self.id_edit.setAccessibleDescription(self.tr(
            "Lowercase letters, digits and dashes. Made from the title until you change it."))
        self.kind_combo = QComboBox()
        for kind, text in kind_names().items():
            self.kind_combo.addItem(text, kind)
        self.kind_combo.setAccessibleName(self.tr("Kind"))
        self.kind_combo.setAccessibleDescription(self.tr(
            "Breathing has a breathing pattern; grounding, senses and body have steps"))
        self.summary_edit = QPlainTextEdit()
        self.summary_edit.setTabChangesFocus(True)
        self.summary_edit.setAccessibleName(self.tr("Summary"))
        self.summary_edit.setAccessibleDescription(self.tr("One or two sentences shown on "
                                                           "the exercise's tile"))
        self.summary_edit.setPlaceholderText(self.tr("Optional: one line shown on the tile"))
        self.summary_edit.setFixedHeight(self.summary_edit.fontMetrics().lineSpacing() * 2 + 24)
        about = self._form()
        self._field(about, self.tr("Title"), self.title_edit, "title")
        self._field(about, self.tr("Id"), self.id_edit, "id",
                    hint=self.tr("A short name for a keyboard shortcut that starts this "
                                 "exercise. Made from the title until you change it."))
        self._field(about, self.tr("Kind"), self.kind_combo, "kind")
        self._field(about, self.tr("Summary"), self.summary_edit, "summary")

        # -- breathing builder
        self.phase_list = RowList(self._make_phase_row, self.tr("Add a phase"),
                                  self.tr("Add a phase at the end (Ctrl+Enter in a phase adds "
                                          "one after it)"))
        self.phase_list.add_button.setAccessibleName(self.tr("Add a phase"))
        self.phase_keys = label(self.tr("In a phase: Alt+Up and Alt+Down move it, Alt+Delete "
                                        "removes it, Ctrl+Enter adds one after it."), "small")
        self.length_unit = QComboBox()
        self.length_unit.addItem(self.tr("minutes"), "minutes")
        self.length_unit.addItem(self.tr("breaths"), "cycles")
        self.length_unit.setAccessibleName(self.tr("Length in"))
        self.length_unit.setAccessibleDescription(self.tr("Minutes, or a number of whole "
                                                          "breaths (cycles)"))
        low, high = RANGES["minutes"]
        self.minutes_spin = NumberSpinBox()
        self.minutes_spin.setDecimals(1)
        self.minutes_spin.setRange(low, high)
        self.minutes_spin.setSingleStep(1.0)
        self.minutes_spin.setMinimumWidth(self.minutes_spin.fontMetrics().horizontalAdvance(
            "60.5") + 48)
        self.minutes_spin.setAccessibleName(self.tr("Length in minutes"))
        self.minutes_spin.setAccessibleDescription(self.tr(
            "From 1 to 60 minutes; the guide always ends on a whole breath"))
        low, high = RANGES["cycles"]
        self.cycles_spin = CountSpinBox()
        self.cycles_spin.setRange(int(low), int(high))
        self.cycles_spin.setAccessibleName(self.tr("Length in breaths"))
        self.cycles_spin.setAccessibleDescription(self.tr("From 1 to 100 whole breaths"))
        length_row = QHBoxLayout()
        length_row.setSpacing(8)
        length_row.addWidget(self.minutes_spin)
        length_row.addWidget(self.cycles_spin)
        length_row.addWidget(self.length_unit)
        length_row.addStretch(1)
        low, high = RANGES["ease_in_seconds"]
        self.ease_spin = NumberSpinBox()
        self.ease_spin.setDecimals(0)
        self.ease_spin.setRange(low, high)
        self.ease_spin.setSingleStep(10)
        self.ease_spin.setSuffix(self.tr(" s"))
        self.ease_spin.setMinimumWidth(self.ease_spin.fontMetrics().horizontalAdvance(
            "300 s") + 48)
        self.ease_spin.setSpecialValueText(self.tr("None"))
        self.ease_spin.setAccessibleName(self.tr("Ease in"))
        self.ease_spin.setAccessibleDescription(self.tr(
            "Optional: start with quicker breaths and slow to the pattern over this many "
            "seconds"))
        self.length_total = label("", "small")
        breathing_form = self._form()
        self._field(breathing_form, self.tr("Length"), length_row, "minutes",
                    buddy=self.minutes_spin)
        self._field(breathing_form, self.tr("Ease in"), self.ease_spin, "ease_in_seconds",
                    hint=self.tr("Start a little quicker and slow to the pattern over this "
                                 "time."))
        self.breathing_box = QWidget()
        breathing = QVBoxLayout(self.breathing_box)
        breathing.setContentsMargins(0, 0, 0, 0)
        breathing.setSpacing(8)
        breathing.addWidget(self._section(self.tr("One breath, repeated")))
        breathing.addWidget(self.phase_keys)
        breathing.addWidget(self.phase_list)
        breathing.addLayout(breathing_form)
        breathing.addWidget(self.length_total)
        self.field_errors["cycles"] = self.field_errors["minutes"]
        self.field_errors["phases"] = self.phase_list.error

        # -- steps builder
        self.step_list = RowList(self._make_step_row, self.tr("Add a step"),
                                 self.tr("Add a step at the end (Ctrl+Enter in a step adds "
                                         "one after it)"))
        self.step_list.add_button.setAccessibleName(self.tr("Add a step"))
        self.step_keys = label(self.tr("In a step: Alt+Up and Alt+Down move it, Alt+Delete "
                                       "removes it, Ctrl+Enter adds one after it. Steps "
                                       "without a timer wait for the person."), "small")
        self.steps_minutes = NumberSpinBox()
        self.steps_minutes.setDecimals(1)
        self.steps_minutes.setRange(0, RANGES["minutes"][1])
        self.steps_minutes.setSpecialValueText(self.tr("Not given"))
        self.steps_minutes.setSuffix(self.tr(" min"))
        self.steps_minutes.setAccessibleName(self.tr("About how long, in minutes"))
        self.steps_minutes.setAccessibleDescription(self.tr(
            "Optional: shown before starting; the steps take as long as they take"))
        steps_form = self._form()
        self._field(steps_form, self.tr("About how long"), self.steps_minutes, "steps.minutes",
                    hint=self.tr("Optional, shown before starting."))
        self.steps_box = QWidget()
        steps = QVBoxLayout(self.steps_box)
        steps.setContentsMargins(0, 0, 0, 0)
        steps.setSpacing(8)
        steps.addWidget(self._section(self.tr("Steps, in order")))
        steps.addWidget(self.step_keys)
        steps.addWidget(self.step_list)
        steps.addLayout(steps_form)
        self.field_errors["steps"] = self.step_list.error

        # -- cautions, sources, tags
        self.cautions_edit = self._lines_edit(self.tr("Cautions"), self.tr(
            "Optional, one per line: shown before the exercise starts"))
        self.sources_edit = self._lines_edit(self.tr("Sources"), self.tr(
            "Optional, one per line: where the exercise comes from"))
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setAccessibleDescription(self.tr("Optional words to find the exercise "
                                                        "by, separated by commas"))
        self.tags_edit.setPlaceholderText(self.tr("Optional, separated by commas"))
        more = self._form()
        self._field(more, self.tr("Cautions"), self.cautions_edit, "cautions",
                    hint=self.tr("One per line."))
        self._field(more, self.tr("Sources"), self.sources_edit, "sources",
                    hint=self.tr("One per line."))
        self._field(more, self.tr("Tags"), self.tags_edit, "tags",
                    hint=self.tr("The tag breath-hold hides the exercise when your health "
                                 "settings ask Steady to leave out breath holds."))
        self.suits_boxes: dict[Suit, WrapCheckBox] = {
            "high": WrapCheckBox(self.tr("When very stirred up (7 or more)")),
            "numb": WrapCheckBox(self.tr("When numb or far away")),
        }
        suits_column = QWidget()
        suits_layout = QVBoxLayout(suits_column)
        suits_layout.setContentsMargins(0, 0, 0, 0)
        suits_layout.setSpacing(4)
        for box in self.suits_boxes.values():
            box.setAccessibleName(self.tr("A first choice: %1").replace("%1", box.text()))
            box.setAccessibleDescription(self.tr("Optional: listed first when you have given "
                                                 "such a level"))
            suits_layout.addWidget(box)
        self._field(more, self.tr("A first choice"), suits_column, "suits",
                    buddy=self.suits_boxes["high"],
                    hint=self.tr("Optional. When you have given such a level, the exercises "
                                 "that suit it are listed first. Short ones led by a long "
                                 "breath out, or working through the senses, suit a high "
                                 "level; orienting and the senses suit feeling numb."))

        body = QVBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.heading)
        body.addWidget(self.note)
        body.addWidget(self.intro)
        body.addLayout(about)
        body.addSpacing(4)
        body.addWidget(self.breathing_box)
        body.addWidget(self.steps_box)
        body.addSpacing(4)
        body.addWidget(self._section(self.tr("Cautions, sources, tags, first choice")))
        body.addLayout(more)
        body.addStretch(1)
        self.scroll_area = scroll_page(body)

        # -- preview
        self.pacer = PacerWidget(NEW_PHASES, reduced_motion=self._reduced)
        self.pacer.setMinimumSize(160, 160)
        self.pacer.setAccessibleName(self.tr("Preview of the breathing guide"))
        self.preview_phase = label("", "title")
        self.preview_phase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_phase.setAccessibleName(self.tr("Preview: what to do now"))
        self.rate_label = label("", None)
        self.rate_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rate_label.setAccessibleName(self.tr("Breaths per minute"))
        self.cycle_label = label("", "small")
        self.cycle_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview_button = make_button(self.tr("Pause preview"),
                                          description=self.tr("Pause or play the preview of "
                                                              "the breathing guide"))
        self.preview_box = QWidget()
        self.preview_box.setMinimumWidth(PREVIEW_WIDTH)
        self.preview_box.setSizePolicy(QSizePolicy.Policy.Preferred,
                                       QSizePolicy.Policy.Expanding)
        preview = QVBoxLayout(self.preview_box)
        preview.setContentsMargins(16, 24, 24, 8)
        preview.setSpacing(6)
        preview.addWidget(self._section(self.tr("Preview")))
        preview.addWidget(self.pacer, 1)
        preview.addWidget(self.preview_phase)
        preview.addWidget(self.rate_label)
        preview.addWidget(self.cycle_label)
        preview.addWidget(self.preview_button, 0, Qt.AlignmentFlag.AlignHCenter)
        preview.addStretch(1)

        # -- footer
        self.status = label("", "small")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Save status"))
        self.field_errors["general"] = self.status
        self.back_button = make_button(self.tr("Back (Esc)"), description=self.tr(
            "Leave the editor; what you typed stays here until you save"))
        self.save_button = make_button(self.tr("Save (Ctrl+S)"), role="primary",
                                       description=self.tr("Check the exercise and save it "
                                                           "in your exercises folder"))
        footer = FlowLayout()
        footer.setContentsMargins(32, 8, 32, 20)
        footer.addStretch(1)
        footer.addWidget(self.status)  # beside the buttons: where the eye is after Save
        footer.addWidget(self.back_button)
        footer.addWidget(self.save_button)

        main = QHBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        main.addWidget(self.scroll_area, 1)
        main.addWidget(self.preview_box)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(main, 1)
        outer.addLayout(footer)
        self.setFocusProxy(self.title_edit)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(context)
        self.back_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.back_shortcut.setContext(context)

    def _lines_edit(self, name: str, description: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setAccessibleName(name)
        edit.setAccessibleDescription(description)
        edit.setFixedHeight(edit.fontMetrics().lineSpacing() * 3 + 24)
        return edit

    def _make_phase_row(self, item: object | None, after: ItemRow | None) -> ItemRow:
        phase = item if isinstance(item, Phase) else next_phase(after)
        return PhaseRow(phase)

    def _make_step_row(self, item: object | None, after: ItemRow | None) -> ItemRow:
        return StepRow(item if isinstance(item, Step) else Step(text=""))

    def _connect_signals(self) -> None:
        self.title_edit.textChanged.connect(self.on_title_changed)
        self.id_edit.textEdited.connect(self.on_id_edited)
        self.id_edit.textChanged.connect(self.on_changed)
        self.kind_combo.currentIndexChanged.connect(self.on_kind_changed)
        self.summary_edit.textChanged.connect(self.on_changed)
        self.phase_list.changed.connect(self.on_pattern_changed)
        self.phase_list.structureChanged.connect(self.on_structure_changed)
        self.step_list.changed.connect(self.on_changed)
        self.step_list.structureChanged.connect(self.on_structure_changed)
        self.length_unit.currentIndexChanged.connect(self.on_length_unit)
        self.minutes_spin.valueChanged.connect(self.on_pattern_changed)
        self.cycles_spin.valueChanged.connect(self.on_pattern_changed)
        self.ease_spin.valueChanged.connect(self.on_pattern_changed)
        self.steps_minutes.valueChanged.connect(self.on_changed)
        self.cautions_edit.textChanged.connect(self.on_changed)
        self.sources_edit.textChanged.connect(self.on_changed)
        self.tags_edit.textChanged.connect(self.on_changed)
        for box in self.suits_boxes.values():
            box.toggled.connect(self.on_changed)
        self.preview_button.clicked.connect(self.on_preview_button)
        self.back_button.clicked.connect(self.on_back)
        self.save_button.clicked.connect(self.on_save)
        self.save_shortcut.activated.connect(self.on_save)
        self.back_shortcut.activated.connect(self.on_back)

    # ------------------------------------------------------------------ opening

    def set_library(self, library: Library) -> None:
        """The exercises as they are now (for ids already in use)."""
        self._library = library
        if self._live_check:
            self.check()

    def new(self, kind: Kind = "breathing") -> None:
        """Start a new exercise of ``kind``."""
        phases = NEW_PHASES if kind == "breathing" else ()
        steps = () if kind == "breathing" else (Step(text=""),)
        draft = Exercise(id="", title="", kind=kind, minutes=NEW_MINUTES, phases=phases,
                         steps=steps)
        self._open("new", None, draft, follow=True)

    def edit(self, exercise: Exercise) -> None:
        """Change ``exercise``: one's own file in place; a bundled one as a copy."""
        self._open("copy" if exercise.bundled else "edit", exercise, exercise, follow=False)

    def duplicate(self, exercise: Exercise) -> None:
        """A new exercise that starts as a copy of ``exercise``."""
        title = self.tr("%1 (copy)").replace("%1", exercise.title)
        draft = replace(exercise, title=title[: TEXT_LIMITS["title"]], id="", path=None,
                        bundled=False)
        self._open("duplicate", exercise, draft, follow=True)

    def _open(self, mode: Mode, source: Exercise | None, draft: Exercise, *,
              follow: bool) -> None:
        self._mode = mode
        self._source = source
        self._original_bytes = None
        self._original_text = None
        if source is not None and source.path is not None:
            try:
                self._original_bytes = source.path.read_bytes()
                self._original_text = self._original_bytes.decode("utf-8", errors="replace")
            except OSError:
                self._original_bytes = None
        self._id_follows_title = follow
        self._live_check = False
        self._fill(draft)
        if follow:
            self._update_id_from_title()
        self._baseline = self.draft()
        self._describe_mode()
        self._show_problems([])
        self.status.setText("")
        self.scroll_area.verticalScrollBar().setValue(0)
        self.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, exercise: Exercise) -> None:
        self._loading = True
        try:
            self.title_edit.setText(exercise.title)
            self.id_edit.setText(exercise.id)
            self.kind_combo.setCurrentIndex(KINDS.index(exercise.kind))
            self.summary_edit.setPlainText(exercise.summary)
            self.phase_list.set_items(exercise.phases or NEW_PHASES)
            self.step_list.set_items(exercise.steps or (Step(text=""),))
            breathing = exercise.is_breathing
            if breathing and exercise.cycles is not None:
                self.length_unit.setCurrentIndex(1)
                self.cycles_spin.setValue(exercise.cycles)
                self.minutes_spin.setValue(NEW_MINUTES)
            else:
                self.length_unit.setCurrentIndex(0)
                minutes = exercise.length_minutes if breathing else None
                self.minutes_spin.setValue(minutes or NEW_MINUTES)
                self.cycles_spin.setValue(10)
            self.ease_spin.setValue(exercise.ease_in_seconds)
            self.steps_minutes.setValue(0 if breathing else (exercise.minutes or 0))
            self.cautions_edit.setPlainText("\n".join(exercise.cautions))
            self.sources_edit.setPlainText("\n".join(exercise.sources))
            self.tags_edit.setText(", ".join(exercise.tags))
            for state, box in self.suits_boxes.items():
                box.setChecked(state in exercise.suits)
        finally:
            self._loading = False
        self._show_kind()
        self._show_length_unit()
        self._update_rate()
        self._restart_preview()

    def _describe_mode(self) -> None:
        source = self._source
        title = source.title if source is not None else ""
        self.note.hide()
        if self._mode == "copy" and source is not None:
            self.heading.setText(self.tr("Your own version of “%1”").replace("%1", title))
            self.note.setText(self.tr(
                "“%1” comes with Steady and is never changed. Saving makes your own copy in "
                "your exercises folder. With the same id, “%2”, your copy takes its place in "
                "the list; delete your copy to have Steady's back.")
                .replace("%1", title).replace("%2", source.id))
            self.note.show()
            self.intro.setText(self.tr("Ctrl+S saves; Esc goes back and keeps what you typed "
                                       "here."))
        elif self._mode == "edit" and source is not None:
            self.heading.setText(self.tr("Edit “%1”").replace("%1", title))
            name = source.path.name if source.path is not None else ""
            self.intro.setText(self.tr("Saved in your exercises folder as %1. Ctrl+S saves; "
                                       "Esc goes back and keeps what you typed here.")
                               .replace("%1", name))
        elif self._mode == "duplicate":
            self.heading.setText(self.tr("Copy of “%1”").replace("%1", title))
            self.intro.setText(self.tr("A new exercise of your own, saved as an ordinary file "
                                       "in your exercises folder. Ctrl+S saves; Esc goes back "
                                       "and keeps what you typed here."))
        else:
            self.heading.setText(self.tr("New exercise"))
            self.intro.setText(self.tr("Saved as an ordinary file in your exercises folder. "
                                       "Ctrl+S saves; Esc goes back and keeps what you typed "
                                       "here."))

    # ------------------------------------------------------------------ reading

    @property
    def mode(self) -> Mode:
        return self._mode

    @property
    def source(self) -> Exercise | None:
        return self._source

    def kind(self) -> Kind:
        kind: Kind = self.kind_combo.currentData()
        return kind

    def draft(self) -> Exercise:
        """The exercise as the page shows it now (not checked)."""
        kind = self.kind()
        breathing = kind == "breathing"
        minutes: float | None
        cycles: int | None = None
        if breathing:
            if self.length_unit.currentData() == "cycles":
                minutes, cycles = None, self.cycles_spin.value()
            else:
                minutes = self.minutes_spin.value()
        else:
            minutes = self.steps_minutes.value() or None
        return Exercise(
            id=self.id_edit.text().strip(),
            title=self.title_edit.text().strip(),
            kind=kind,
            summary=" ".join(self.summary_edit.toPlainText().split()),
            minutes=minutes,
            cycles=cycles,
            cautions=_lines(self.cautions_edit.toPlainText()),
            sources=_lines(self.sources_edit.toPlainText()),
            tags=tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip()),
            suits=tuple(state for state, box in self.suits_boxes.items() if box.isChecked()),
            ease_in_seconds=self.ease_spin.value() if breathing else 0.0,
            phases=tuple(r.phase() for r in self.phase_list.rows if isinstance(r, PhaseRow))
            if breathing else (),
            steps=() if breathing else
            tuple(r.step() for r in self.step_list.rows if isinstance(r, StepRow)),
        )

    def is_dirty(self) -> bool:
        """Whether the page holds changes that are not saved."""
        return self._baseline is not None and self.draft() != self._baseline

    def draft_title(self) -> str:
        return self.draft().title or self.tr("a new exercise")

    def phase_rows(self) -> list[PhaseRow]:
        return [r for r in self.phase_list.rows if isinstance(r, PhaseRow)]

    def step_rows(self) -> list[StepRow]:
        return [r for r in self.step_list.rows if isinstance(r, StepRow)]

    # ------------------------------------------------------------------ checking

    def _own_taken_ids(self) -> set[str]:
        taken = set(self._library.ids())
        if self._mode == "edit" and self._source is not None:
            taken.discard(self._source.id)
        return taken

    def _id_problems(self, draft: Exercise) -> list[Problem]:
        existing = self._library.get(draft.id)
        if existing is None or not draft.id:
            return []
        source = self._source
        if self._mode == "edit" and source is not None and existing.path == source.path:
            return []
        if (self._mode == "copy" and source is not None and existing.bundled
                and source.id == draft.id):
            return []
        if existing.bundled:
            message = self.tr("is the id of Steady's “%1”. Choose another id, or edit “%1” "
                              "to make your own version of it.").replace("%1", existing.title)
        else:
            message = self.tr("is already the id of your “%1”. Choose another id.").replace(
                "%1", existing.title)
        return [Problem(path="", message=message, key="id")]

    def _target(self, draft: Exercise) -> tuple[Path, Path | None]:
        """Where to write, and the old file to remove (an own file whose id changed)."""
        source = self._source
        if self._mode == "edit" and source is not None and source.path is not None:
            if draft.id == source.id:
                return source.path, None
            return free_file_name(self._folder, draft.id), source.path
        return free_file_name(self._folder, draft.id), None

    def _header(self) -> list[str]:
        source = self._source
        if source is None or self._original_text is None:
            return header_lines(None)
        if self._mode == "copy":
            note = self.tr("Your own copy of Steady's “%1” (id %2); Steady's file is "
                           "unchanged.").replace("%1", source.title).replace("%2", source.id)
            return header_lines(self._original_text, note=note)
        if self._mode == "duplicate":
            note = self.tr("Made from “%1”.").replace("%1", source.title)
            return header_lines(self._original_text, note=note)
        return header_lines(self._original_text)

    def check(self) -> tuple[Exercise, str, list[Problem]]:
        """The draft, its file text, and every problem (shown next to the fields)."""
        draft = self.draft()
        text = exercise_to_toml(draft, self._header())
        target, _old = self._target(draft) if draft.id else (self._folder / "new.toml", None)
        parsed, problems = parse_exercise(text.encode("utf-8"), target)
        if not draft.id:
            problems = [p for p in problems if p.key != "id"]
            problems.insert(0, Problem(path="", key="id", message=self.tr(
                "is empty: use lowercase letters, digits and dashes, like my-breath")))
        problems = self._id_problems(draft) + problems
        if not problems and parsed != draft:
            problems.append(Problem(path="", message=self.tr(
                "Steady could not write this exercise faithfully. Nothing was saved.")))
        self._show_problems(problems)
        return draft, text, problems

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        for widget in self.field_errors.values():
            if widget is not self.status:
                widget.setText("")
                widget.hide()
        for row in self.phase_rows() + self.step_rows():
            row.show_problem("")
        messages: dict[int, list[str]] = {}
        targets: dict[int, QLabel | ItemRow] = {}
        for problem in problems:
            target, text = self._place(problem)
            targets[id(target)] = target
            messages.setdefault(id(target), []).append(text)
        for key, target in targets.items():
            text = "\n".join(dict.fromkeys(messages[key]))
            if isinstance(target, ItemRow):
                target.show_problem(text)
            else:
                target.setText(text)
                target.show()

    def _place(self, problem: Problem) -> tuple[QLabel | ItemRow, str]:
        """The label or row a problem belongs under, and its text there."""
        m = _KEY.match(problem.key or "")
        if m is None:
            return self.status, sentence(self.tr("The file"), problem.message)
        name, index, sub = m.group(1), m.group(2), m.group(3)
        breathing = self.kind() == "breathing"
        subjects = {
            "title": self.tr("The title"), "id": self.tr("The id"), "kind": self.tr("The kind"),
            "summary": self.tr("The summary"), "minutes": self.tr("The length"),
            "cycles": self.tr("The number of breaths"), "ease_in_seconds": self.tr("Ease in"),
            "cautions": self.tr("Caution"), "sources": self.tr("Source"),
            "tags": self.tr("Tag"), "suits": self.tr("A first choice"),
        }
        if name in ("phases", "steps"):
            rows: Sequence[ItemRow] = self.phase_rows() if name == "phases" else self.step_rows()
            if index is not None and 0 < int(index) <= len(rows):
                parts = {"seconds": self.tr("The seconds"), "action": self.tr("The phase"),
                         "text": self.tr("The text"), "count": self.tr("The number of items")}
                subject = parts.get(sub or "", self.tr("This line"))
                return rows[int(index) - 1], sentence(subject, problem.message)
            return self.field_errors[name], sentence(self.tr("The list"), problem.message)
        if name == "minutes" and not breathing:
            return self.field_errors["steps.minutes"], sentence(subjects[name], problem.message)
        if name in self.field_errors and name in subjects:
            subject = subjects[name]
            if index is not None:
                subject = f"{subject} {index}"
            return self.field_errors[name], sentence(subject, problem.message)
        return self.status, sentence(problem.key or self.tr("The file"), problem.message)

    def first_problem_widget(self) -> QWidget | None:
        """The field to put the keyboard focus on after a failed save."""
        order: list[tuple[QLabel, QWidget]] = [
            (self.field_errors["title"], self.title_edit), (self.field_errors["id"], self.id_edit),
            (self.field_errors["summary"], self.summary_edit),
        ]
        if self.kind() == "breathing":
            order += [(r.error, r.seconds) for r in self.phase_rows()]
            order += [(self.phase_list.error, self.phase_list.add_button),
                      (self.field_errors["minutes"], self.minutes_spin),
                      (self.field_errors["ease_in_seconds"], self.ease_spin)]
        else:
            order += [(r.error, r.text) for r in self.step_rows()]
            order += [(self.step_list.error, self.step_list.add_button),
                      (self.field_errors["steps.minutes"], self.steps_minutes)]
        order += [(self.field_errors["cautions"], self.cautions_edit),
                  (self.field_errors["sources"], self.sources_edit),
                  (self.field_errors["tags"], self.tags_edit)]
        for error, widget in order:
            if not error.isHidden() and error.text():
                widget.setProperty("scrollHeading", error)  # the field with what is wrong
                return widget
        return None

    # ------------------------------------------------------------------ saving

    def save(self) -> bool:
        """Check, then write the file. False (and problems shown) when it cannot be saved."""
        draft, text, problems = self.check()
        if problems:
            self._live_check = True
            self.status.setText(self.status.text() or self.tr(
                "Not saved yet: see the notes above."))
            widget = self.first_problem_widget()
            if widget is not None:
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                scroll_into_view(widget, self)  # the field and its note, whole
            return False
        answer = self._overwrite_answer()
        if answer == "cancel":
            self.status.setText(self.tr("Not saved. What you typed is still here."))
            return False
        if answer == "keep-both":
            # What is here becomes an exercise of its own, next to the changed file.
            self._mode = "new"
            self._id_follows_title = False
            self.id_edit.setText(unique_id(draft.id, set(self._library.ids())))
            return self.save()
        target, old = self._target(draft)
        try:
            write_exercise(target, text)
            if old is not None and old != target:
                old.unlink(missing_ok=True)
        except OSError as error:
            self.status.setText(self.tr("Could not save (%1). What you typed is still here.")
                                .replace("%1", os_reason(error)))
            return False
        saved, _problems = parse_exercise(text.encode("utf-8"), target)
        exercise = saved if saved is not None else replace(draft, path=target)
        self._mode = "edit"
        self._source = exercise
        self._original_text = text
        self._original_bytes = text.encode("utf-8")
        self._baseline = draft
        self._id_follows_title = False
        self._live_check = False
        self._describe_mode()
        self.status.setText(self.tr("Saved."))
        self.saved.emit(exercise)
        return True

    def _overwrite_answer(self) -> str:
        """"write", or (the file changed on disk since it was opened) what the person chose."""
        source = self._source
        if self._mode != "edit" or source is None or source.path is None:
            return "write"
        try:
            now: bytes | None = source.path.read_bytes()
        except OSError:
            now = None
        if now == self._original_bytes:
            return "write"
        answer = ClashDialog.ask(self, self.tr(
            "%1 was changed by another program since you opened it here. Replace it with "
            "what is here, or keep both (what is here gets its own id)?")
            .replace("%1", source.path.name))
        return "write" if answer == "replace" else answer

    # ------------------------------------------------------------------ preview

    def _show_kind(self) -> None:
        breathing = self.kind() == "breathing"
        self.breathing_box.setVisible(breathing)
        self.steps_box.setVisible(not breathing)
        self._breathing = breathing
        self._show_preview()
        self._fix_tab_order()

    def _show_preview(self) -> None:
        """The preview beside a breathing exercise, when the window is wide enough."""
        self.preview_box.setVisible(self._breathing and self.width() >= PREVIEW_PAGE_WIDTH)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_preview()

    def _show_length_unit(self) -> None:
        cycles = self.length_unit.currentData() == "cycles"
        self.minutes_spin.setVisible(not cycles)
        self.cycles_spin.setVisible(cycles)

    def _update_rate(self) -> None:
        phases = [r.phase() for r in self.phase_rows()]
        cycle = sum(p.seconds for p in phases)
        locale = QLocale()
        if cycle <= 0:
            self.rate_label.setText(self.tr("Add a phase to see the pattern."))
            self.cycle_label.setText("")
            self.length_total.setText("")
            return
        rate = 60.0 / cycle
        self.rate_label.setText(self.tr("%1 breaths a minute").replace(
            "%1", locale.toString(round(rate, 1), "g", 4)))
        self.cycle_label.setText(
            self.tr("%1 · %2\u00a0s a breath")
            .replace("%1", "-".join(_seconds_text(p.seconds) for p in phases))
            .replace("%2", _seconds_text(cycle)))
        draft = self.draft()
        total = planned_duration(phases, minutes=draft.minutes, cycles=draft.cycles,
                                 ease_in_seconds=draft.ease_in_seconds)
        if draft.cycles is None:
            text = self.tr("About %1 in all, ending on a whole breath.").replace(
                "%1", minutes_text(total))
        else:
            text = self.tr("%1, about %2 in all.").replace(
                "%1", english_plural(self.tr("%n breath(s)", "", draft.cycles),
                                     draft.cycles)).replace(
                "%2", minutes_text(total))
        self.length_total.setText(text)

    def _restart_preview(self) -> None:
        self._stop_preview()
        phases = [r.phase() for r in self.phase_rows()]
        self.pacer.set_phases(phases)
        running = (self.kind() == "breathing" and bool(phases) and self.isVisible()
                   and not self._preview_paused)
        if not running:
            self.pacer.set_state(None)
            self.preview_phase.setText(phase_word(phases[0].action) if phases else "")
            return
        driver = PacerDriver(phases, minutes=PREVIEW_MINUTES, clock=self._clock,
                             animate=not self._reduced, parent=self)
        driver.setObjectName("editorPreview")
        driver.tick.connect(self.on_preview_tick)
        driver.finished.connect(self.on_preview_finished)
        self.preview_driver = driver
        driver.start()

    def _stop_preview(self) -> None:
        driver, self.preview_driver = self.preview_driver, None
        if driver is not None:
            driver.stop()
            driver.tick.disconnect(self.on_preview_tick)
            driver.finished.disconnect(self.on_preview_finished)
            driver.deleteLater()

    def stop_preview(self) -> None:
        """Stop the preview's timer (the editor is leaving or the window closing)."""
        self._stop_preview()

    def preview_running(self) -> bool:
        driver = self.preview_driver
        return driver is not None and driver.timer().isActive()

    @Slot()
    def on_preview_tick(self) -> None:
        driver = self.preview_driver
        if driver is None:
            return
        state = driver.state()
        self.pacer.set_state(state)
        self.preview_phase.setText(phase_word(state.action))

    @Slot(float)
    def on_preview_finished(self, _practised: float) -> None:
        self._restart_preview()

    @Slot()
    def on_preview_button(self) -> None:
        self._preview_paused = not self._preview_paused
        self.preview_button.setText(self.tr("Play preview") if self._preview_paused
                                    else self.tr("Pause preview"))
        self.preview_button.setAccessibleName(self.preview_button.text())
        self._restart_preview()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._restart_preview()

    def hideEvent(self, event: QHideEvent) -> None:
        self._stop_preview()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange and not self.isEnabled():
            self._stop_preview()


    def set_reduced_motion(self, reduced: bool) -> None:
        if reduced == self._reduced:
            return
        self._reduced = reduced
        self.pacer.set_reduced_motion(reduced)
        self._restart_preview()

    # ------------------------------------------------------------------ tab order

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [self.title_edit, self.id_edit, self.kind_combo,
                                self.summary_edit]
        chain += self.phase_list.focus_widgets()
        chain += [self.minutes_spin, self.cycles_spin, self.length_unit, self.ease_spin]
        chain += self.step_list.focus_widgets()
        chain += [self.steps_minutes, self.cautions_edit, self.sources_edit, self.tags_edit,
                  *self.suits_boxes.values(), self.preview_button, self.back_button,
                  self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ slots

    def _update_id_from_title(self) -> None:
        base = id_from_title(self.title_edit.text())
        self.id_edit.setText(unique_id(base, self._own_taken_ids()))

    @Slot()
    def on_title_changed(self) -> None:
        if self._id_follows_title and not self._loading:
            self._update_id_from_title()
        self.on_changed()

    @Slot()
    def on_id_edited(self) -> None:
        self._id_follows_title = False

    @Slot()
    def on_kind_changed(self) -> None:
        if self._loading:
            return
        self._show_kind()
        self._restart_preview()
        self.on_changed()

    @Slot()
    def on_length_unit(self) -> None:
        self._show_length_unit()
        self.on_pattern_changed()

    @Slot()
    def on_structure_changed(self) -> None:
        if not self._loading:
            self._fix_tab_order()

    @Slot()
    def on_pattern_changed(self) -> None:
        if self._loading:
            return
        self._update_rate()
        self._restart_preview()
        self.on_changed()

    @Slot()
    def on_changed(self) -> None:
        if self._loading:
            return
        if self._live_check:
            self.check()
        if self.status.text() == self.tr("Saved."):
            self.status.setText("")

    @Slot()
    def on_save(self) -> None:
        self.save()

    @Slot()
    def on_back(self) -> None:
        self._stop_preview()
        self.closed.emit()


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())
