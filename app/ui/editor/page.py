"""The exercise editor: make, change or copy an exercise, then save it as a file.

A page in the window's stack. The breathing builder lists the phases of one
breath (inhale, hold, exhale in any order, 0.5 to 99 seconds in 0.5 s steps)
next to a live preview of the pacer and the breaths per minute; the steps
builder lists the steps of a grounding, sensory or body exercise. Both work by
keys alone: inside a row, Alt+Up and Alt+Down move it, Alt+Delete removes it
and Ctrl+Enter adds one after it.

Saving writes an ordinary format-1 file into the person's exercises folder,
after reading the text back with the same loader as ``steady validate``: a
problem is shown under the field it concerns and nothing is written. Steady's
own exercises are never changed: editing one saves a copy with the same id,
which takes its place in the list. Back (Esc) leaves the page and keeps what
was typed, so nothing is lost.

This module is the page's frame: the heading, the scrolling form, the preview
beside it, Back and Save, and what happens when. Its parts live beside it:

- :mod:`app.ui.editor.fields`: title, id, kind, summary; cautions, sources, tags, suits
- :mod:`app.ui.editor.breathing_form` and :mod:`app.ui.editor.steps_form`: the builders
- :mod:`app.ui.editor.preview`: the pacer preview and the breaths per minute
- :mod:`app.ui.editor.problems`: where each problem is shown
- :mod:`app.ui.editor.editing`: the mode, checking a draft and saving it
- :mod:`app.ui.editor.form` and :mod:`app.ui.editor.parts`: fields, rows, questions
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import QHideEvent, QKeySequence, QResizeEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.domain.exercise import Exercise, Kind, Problem, Step
from app.domain.loader import TEXT_LIMITS, Library
from app.domain.reasons import os_reason
from app.domain.writer import unique_id
from app.services.pacer_driver import PacerDriver
from app.ui.editor.breathing_form import NEW_MINUTES, NEW_PHASES, BreathingForm
from app.ui.editor.editing import Editing, Mode
from app.ui.editor.fields import ExerciseFields
from app.ui.editor.form import section
from app.ui.editor.parts import ClashDialog, PhaseRow, StepRow
from app.ui.editor.preview import PreviewPane
from app.ui.editor.problems import ProblemDisplay, first_shown
from app.ui.editor.steps_form import StepsForm
from app.ui.widgets.common import label, make_button, scroll_into_view, scroll_page
from app.ui.widgets.flow_layout import FlowLayout

Clock = Callable[[], float]

#: The preview runs this long before it starts again.
PREVIEW_MINUTES = 60
#: The narrowest page that shows the preview beside the form (pixels): in a
#: narrower window the form takes the whole width.
PREVIEW_PAGE_WIDTH = 760


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
        self._reduced = reduced_motion
        self._clock = clock
        self._breathing = True  # the preview is for breathing exercises only
        self._baseline: Exercise | None = None
        self._loading = False
        self._live_check = False
        self.editing = Editing(library, folder, self)
        self.setObjectName("editorPage")
        self.setAccessibleName(self.tr("Exercise editor"))
        self._build()
        self._connect_signals()
        self.new("breathing")

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        self.heading = label("", "title")
        self.note = label("", "caution")
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.intro = label("", "muted")
        self.fields = ExerciseFields(self.editing.taken_ids, self)
        self.breathing_box = BreathingForm()
        self.steps_box = StepsForm()
        body = QVBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.heading)
        body.addWidget(self.note)
        body.addWidget(self.intro)
        body.addLayout(self.fields.about)
        body.addSpacing(4)
        body.addWidget(self.breathing_box)
        body.addWidget(self.steps_box)
        body.addSpacing(4)
        body.addWidget(section(self.tr("Cautions, sources, tags, first choice")))
        body.addLayout(self.fields.more)
        body.addStretch(1)
        self.scroll_area = scroll_page(body)
        self.preview_box = PreviewPane(NEW_PHASES, reduced_motion=self._reduced)

        main = QHBoxLayout()
        main.setContentsMargins(0, 0, 0, 0)
        main.setSpacing(0)
        main.addWidget(self.scroll_area, 1)
        main.addWidget(self.preview_box)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(main, 1)
        outer.addLayout(self._build_footer())
        self.setFocusProxy(self.fields.title_edit)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self.save_shortcut = QShortcut(QKeySequence.StandardKey.Save, self)
        self.save_shortcut.setContext(context)
        self.back_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        self.back_shortcut.setContext(context)

        #: Every field's problem line by the file's key; "general" is the save status.
        self.field_errors: dict[str, QLabel] = {
            **self.fields.errors, **self.breathing_box.errors, **self.steps_box.errors,
            "general": self.status}
        self.problems = ProblemDisplay(self.field_errors, self.status, {
            "phases": self.phase_rows, "steps": self.step_rows}, self)

    def _build_footer(self) -> FlowLayout:
        """The save status, Back and Save, under the form and the preview."""
        self.status = label("", "small")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Save status"))
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
        return footer

    def _connect_signals(self) -> None:
        self.fields.kind_combo.currentIndexChanged.connect(self.on_kind_changed)
        self.fields.changed.connect(self.on_changed)
        self.breathing_box.changed.connect(self.on_pattern_changed)
        self.breathing_box.structureChanged.connect(self.on_structure_changed)
        self.steps_box.changed.connect(self.on_changed)
        self.steps_box.structureChanged.connect(self.on_structure_changed)
        self.preview_box.preview_button.clicked.connect(self.on_preview_button)
        self.preview_box.finished.connect(self.on_preview_finished)
        self.back_button.clicked.connect(self.on_back)
        self.save_button.clicked.connect(self.on_save)
        self.save_shortcut.activated.connect(self.on_save)
        self.back_shortcut.activated.connect(self.on_back)

    def _fix_tab_order(self) -> None:
        chain: list[QWidget] = [
            *self.fields.above(), *self.breathing_box.focus_widgets(),
            *self.steps_box.focus_widgets(), *self.fields.below(),
            self.preview_box.preview_button, self.back_button, self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    # ------------------------------------------------------------------ opening

    def set_library(self, library: Library) -> None:
        """The exercises as they are now (for ids already in use)."""
        self.editing.library = library
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
        self.editing.begin(mode, source)
        self.fields.id_follows_title = follow
        self._live_check = False
        self._fill(draft)
        if follow:
            self.fields.make_id_from_title()
        self._baseline = self.draft()
        self._describe_mode()
        self.problems.show([], breathing=self._breathing)
        self.status.setText("")
        self.scroll_area.verticalScrollBar().setValue(0)
        self.fields.title_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fill(self, exercise: Exercise) -> None:
        self._loading = True
        try:
            self.fields.fill(exercise)
            self.breathing_box.fill(exercise)
            self.steps_box.fill(exercise)
        finally:
            self._loading = False
        self._show_kind()
        self.breathing_box.show_length_unit()
        self._update_rate()
        self._restart_preview()

    def _describe_mode(self) -> None:
        words = self.editing.describe()
        self.heading.setText(words.heading)
        if words.note:
            self.note.setText(words.note)
        self.note.setVisible(bool(words.note))
        self.intro.setText(words.intro)

    # ------------------------------------------------------------------ reading

    @property
    def mode(self) -> Mode:
        return self.editing.mode

    @property
    def source(self) -> Exercise | None:
        return self.editing.source

    def kind(self) -> Kind:
        return self.fields.kind()

    def draft(self) -> Exercise:
        """The exercise as the page shows it now (not checked)."""
        common = self.fields.read()
        if common.is_breathing:
            return self.breathing_box.read_into(common)
        return self.steps_box.read_into(common)

    def is_dirty(self) -> bool:
        """Whether the page holds changes that are not saved."""
        return self._baseline is not None and self.draft() != self._baseline

    def draft_title(self) -> str:
        return self.draft().title or self.tr("a new exercise")

    def phase_rows(self) -> list[PhaseRow]:
        return self.breathing_box.phase_rows()

    def step_rows(self) -> list[StepRow]:
        return self.steps_box.step_rows()

    # ------------------------------------------------------------------ checking

    def check(self) -> tuple[Exercise, str, list[Problem]]:
        """The draft, its file text, and every problem (shown next to the fields)."""
        draft = self.draft()
        text, problems = self.editing.check(draft)
        self.problems.show(problems, breathing=self.kind() == "breathing")
        return draft, text, problems

    def first_problem_widget(self) -> QWidget | None:
        """The field to put the keyboard focus on after a failed save."""
        fields, errors = self.fields, self.field_errors
        builder = self.breathing_box if self.kind() == "breathing" else self.steps_box
        return first_shown([
            (errors["title"], fields.title_edit), (errors["id"], fields.id_edit),
            (errors["summary"], fields.summary_edit), *builder.problem_fields(),
            (errors["cautions"], fields.cautions_edit),
            (errors["sources"], fields.sources_edit), (errors["tags"], fields.tags_edit)])

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
            self.editing.mode = "new"
            self.fields.id_follows_title = False
            self.fields.id_edit.setText(unique_id(draft.id, set(self.editing.library.ids())))
            return self.save()
        try:
            exercise = self.editing.save(draft, text)
        except OSError as error:
            self.status.setText(self.tr("Could not save (%1). What you typed is still here.")
                                .replace("%1", os_reason(error)))
            return False
        self._baseline = draft
        self.fields.id_follows_title = False
        self._live_check = False
        self._describe_mode()
        self.status.setText(self.tr("Saved."))
        self.saved.emit(exercise)
        return True

    def _overwrite_answer(self) -> str:
        """"write", or (the file changed on disk since it was opened) what the person chose."""
        changed = self.editing.changed_file()
        if changed is None:
            return "write"
        answer = ClashDialog.ask(self, self.tr(
            "%1 was changed by another program since you opened it here. Replace it with "
            "what is here, or keep both (what is here gets its own id)?")
            .replace("%1", changed.name))
        return "write" if answer == "replace" else answer

    # ------------------------------------------------------------------ preview

    @property
    def preview_driver(self) -> PacerDriver | None:
        """The preview's driver while it runs (the page's own, so it goes with the page)."""
        return self.preview_box.driver

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

    def _update_rate(self) -> None:
        phases = self.breathing_box.phases()
        self.preview_box.show_pattern(phases)
        self.breathing_box.show_total(phases, self.draft())

    def _restart_preview(self) -> None:
        self.preview_box.stop()
        phases = self.breathing_box.phases()
        self.preview_box.set_phases(phases)
        running = (self.kind() == "breathing" and bool(phases) and self.isVisible()
                   and not self.preview_box.paused)
        if not running:
            self.preview_box.rest(phases)
            return
        driver = PacerDriver(phases, minutes=PREVIEW_MINUTES, clock=self._clock,
                             animate=not self._reduced, parent=self)
        driver.setObjectName("editorPreview")
        self.preview_box.run(driver)

    def stop_preview(self) -> None:
        """Stop the preview's timer (the editor is leaving or the window closing)."""
        self.preview_box.stop()

    def preview_running(self) -> bool:
        return self.preview_box.running()

    def set_reduced_motion(self, reduced: bool) -> None:
        if reduced == self._reduced:
            return
        self._reduced = reduced
        self.preview_box.set_reduced_motion(reduced)
        self._restart_preview()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._show_preview()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._restart_preview()

    def hideEvent(self, event: QHideEvent) -> None:
        self.preview_box.stop()
        super().hideEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange and not self.isEnabled():
            self.preview_box.stop()

    # ------------------------------------------------------------------ slots

    @Slot()
    def on_kind_changed(self) -> None:
        if self._loading:
            return
        self._show_kind()
        self._update_rate()  # the length in words, from this kind's own length now
        self._restart_preview()
        self.on_changed()

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
    def on_preview_button(self) -> None:
        self.preview_box.toggle_pause()
        self._restart_preview()

    @Slot()
    def on_preview_finished(self) -> None:
        self._restart_preview()

    @Slot()
    def on_save(self) -> None:
        self.save()

    @Slot()
    def on_back(self) -> None:
        self.preview_box.stop()
        self.closed.emit()
