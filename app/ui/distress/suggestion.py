"""The before rating's one calm line: what has helped this person most from where they
are now, with its basis, and one key to switch to it.

What to name is the domain's rule (:func:`app.domain.helped.level_suggestion`);
this widget only words it. Enter never presses the switch: it still starts what
was chosen. T (shown on the button) switches, keeping the rating given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from app.domain.helped import LevelSuggestion
from app.ui.widgets.common import english_plural, format_decimal, label, make_button

#: The key that switches to the suggestion (shown on its button).
SWITCH_KEY = Qt.Key.Key_T


class SuggestionLine(QFrame):
    """Hidden until there is something to say; ``switchRequested(id)`` from its button."""

    switchRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestion")
        self.suggestion: LevelSuggestion | None = None
        self.text = label("", "muted", self)
        self.switch_button = make_button(self.tr("Try it instead (T)"), parent=self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.text)
        layout.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.switch_button.clicked.connect(self.on_switch)
        self.hide()

    def show_suggestion(self, suggestion: LevelSuggestion | None) -> None:
        """Say ``suggestion`` (or nothing, and hide, for None)."""
        self.suggestion = suggestion
        if suggestion is None:
            self.hide()
            return
        self.text.setText(self.basis_text(suggestion))
        self.switch_button.setText(self.tr("Try %1 instead (T)").replace("%1", suggestion.title))
        self.switch_button.setAccessibleName(self.tr("Try %1 instead").replace(
            "%1", suggestion.title))
        self.switch_button.setAccessibleDescription(self.tr(
            "Switch to %1, keeping the rating you gave. Enter still starts the exercise you "
            "chose.").replace("%1", suggestion.title))
        self.show()

    def basis_text(self, suggestion: LevelSuggestion) -> str:
        """The line: from which level, what, by how much, over how many sessions."""
        n = suggestion.sessions
        if suggestion.level == "numb":
            text = english_plural(self.tr("When you started out numb or far away, that "
                                          "feeling had eased after %1 %2 times out of %n.",
                                          "", n), n)
            return text.replace("%1", suggestion.title).replace("%2", str(suggestion.cleared))
        start = {
            "0-3": self.tr("From 0 to 3"), "4-6": self.tr("From 4 to 6"),
            "7-8": self.tr("From 7 or 8"), "9-10": self.tr("From 9 or 10"),
        }[suggestion.level]
        drop = -(suggestion.mean_change or 0.0)
        text = english_plural(self.tr("%1, %2 has lowered your rating by %3 points on "
                                      "average, over %n session(s).", "", n), n)
        return (text.replace("%1", start).replace("%2", suggestion.title)
                .replace("%3", format_decimal(drop)))

    @Slot()
    def on_switch(self) -> None:
        if self.suggestion is not None:
            self.switchRequested.emit(self.suggestion.exercise_id)
