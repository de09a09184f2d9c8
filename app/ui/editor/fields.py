"""The fields every exercise has: title, id, kind and summary; cautions, sources, tags, suits.

:class:`ExerciseFields` makes them in two forms: ``about`` stands above the
breathing or steps builder, ``more`` below it. ``errors`` holds each field's
problem line by the file's key (``title``, ``tags``...). The title makes the id
(one not taken yet) until the id is edited by hand.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from app.domain.exercise import KINDS, Exercise, Kind, Suit
from app.domain.loader import TEXT_LIMITS
from app.domain.writer import id_from_title, unique_id
from app.ui.distress.launcher import kind_names
from app.ui.editor.form import add_field, form_layout, lines, lines_edit
from app.ui.widgets.wrap_check_box import WrapCheckBox


class ExerciseFields(QObject):
    """Title, id, kind, summary (``about``); cautions, sources, tags, first choices (``more``).

    Signals:
        changed(): any field but the kind changed (the kind switches builders, so the
            page listens to it itself).
    """

    changed = Signal()

    def __init__(self, taken_ids: Callable[[], set[str]],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._taken_ids = taken_ids
        self._filling = False
        #: Whether the id is still made from the title (until it is edited by hand).
        self.id_follows_title = True
        self.errors: dict[str, QLabel] = {}
        self._build_about()
        self._build_more()
        self._connect_signals()

    def _build_about(self) -> None:
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
        self.about = form_layout()
        self.errors["title"] = add_field(self.about, self.tr("Title"), self.title_edit)
        self.errors["id"] = add_field(
            self.about, self.tr("Id"), self.id_edit,
            hint=self.tr("A short name for a keyboard shortcut that starts this "
                         "exercise. Made from the title until you change it."))
        self.errors["kind"] = add_field(self.about, self.tr("Kind"), self.kind_combo)
        self.errors["summary"] = add_field(self.about, self.tr("Summary"), self.summary_edit)

    def _build_more(self) -> None:
        self.cautions_edit = lines_edit(self.tr("Cautions"), self.tr(
            "Optional, one per line: shown before the exercise starts"))
        self.sources_edit = lines_edit(self.tr("Sources"), self.tr(
            "Optional, one per line: where the exercise comes from"))
        self.tags_edit = QLineEdit()
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setAccessibleDescription(self.tr("Optional words to find the exercise "
                                                        "by, separated by commas"))
        self.tags_edit.setPlaceholderText(self.tr("Optional, separated by commas"))
        self.more = form_layout()
        self.errors["cautions"] = add_field(self.more, self.tr("Cautions"), self.cautions_edit,
                                            hint=self.tr("One per line."))
        self.errors["sources"] = add_field(self.more, self.tr("Sources"), self.sources_edit,
                                           hint=self.tr("One per line."))
        self.errors["tags"] = add_field(
            self.more, self.tr("Tags"), self.tags_edit,
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
        self.errors["suits"] = add_field(
            self.more, self.tr("A first choice"), suits_column, buddy=self.suits_boxes["high"],
            hint=self.tr("Optional. When you have given such a level, the exercises "
                         "that suit it are listed first. Short ones led by a long "
                         "breath out, or working through the senses, suit a high "
                         "level; orienting and the senses suit feeling numb."))

    def _connect_signals(self) -> None:
        # First, so the id is made before the page hears that the title changed.
        self.title_edit.textChanged.connect(self.on_title_changed)
        self.id_edit.textEdited.connect(self.on_id_edited)
        self.title_edit.textChanged.connect(self.changed)
        self.id_edit.textChanged.connect(self.changed)
        self.summary_edit.textChanged.connect(self.changed)
        self.cautions_edit.textChanged.connect(self.changed)
        self.sources_edit.textChanged.connect(self.changed)
        self.tags_edit.textChanged.connect(self.changed)
        for box in self.suits_boxes.values():
            box.toggled.connect(self.changed)

    def above(self) -> list[QWidget]:
        """The fields above the builder, in tab order."""
        return [self.title_edit, self.id_edit, self.kind_combo, self.summary_edit]

    def below(self) -> list[QWidget]:
        """The fields below the builder, in tab order."""
        return [self.cautions_edit, self.sources_edit, self.tags_edit,
                *self.suits_boxes.values()]

    def fill(self, exercise: Exercise) -> None:
        """Show ``exercise``'s fields as they are (its id is not made from its title)."""
        self._filling = True
        try:
            self.title_edit.setText(exercise.title)
            self.id_edit.setText(exercise.id)
            self.kind_combo.setCurrentIndex(KINDS.index(exercise.kind))
            self.summary_edit.setPlainText(exercise.summary)
            self.cautions_edit.setPlainText("\n".join(exercise.cautions))
            self.sources_edit.setPlainText("\n".join(exercise.sources))
            self.tags_edit.setText(", ".join(exercise.tags))
            for state, box in self.suits_boxes.items():
                box.setChecked(state in exercise.suits)
        finally:
            self._filling = False

    def make_id_from_title(self) -> None:
        """The id made from the title, with a number added when that id is taken."""
        base = id_from_title(self.title_edit.text())
        self.id_edit.setText(unique_id(base, self._taken_ids()))

    def kind(self) -> Kind:
        kind: Kind = self.kind_combo.currentData()
        return kind

    def read(self) -> Exercise:
        """An exercise with these fields as they stand (no pattern or steps yet)."""
        return Exercise(
            id=self.id_edit.text().strip(),
            title=self.title_edit.text().strip(),
            kind=self.kind(),
            summary=" ".join(self.summary_edit.toPlainText().split()),
            cautions=lines(self.cautions_edit.toPlainText()),
            sources=lines(self.sources_edit.toPlainText()),
            tags=tuple(t.strip() for t in self.tags_edit.text().split(",") if t.strip()),
            suits=tuple(state for state, box in self.suits_boxes.items() if box.isChecked()),
        )

    @Slot()
    def on_title_changed(self) -> None:
        if self.id_follows_title and not self._filling:
            self.make_id_from_title()

    @Slot()
    def on_id_edited(self) -> None:
        self.id_follows_title = False
