"""Settings' health part: conditions that hide exercises with breath holds or cold water."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QWidget

from app.domain.loader import Library
from app.domain.settings import HEALTH_CONDITIONS, Settings
from app.ui.settings.section import Section
from app.ui.widgets.common import label
from app.ui.widgets.wrap_check_box import WrapCheckBox


# Free functions name their translation context explicitly: ``widget.tr()`` outside
# a class would be filed by pyside6-lupdate under a context that never matches.
def health_names() -> dict[str, str]:
    return {
        "heart": QCoreApplication.translate("SettingsPage", "A heart condition"),
        "beta-blockers": QCoreApplication.translate("SettingsPage", "I take beta-blockers"),
        "eating-disorder": QCoreApplication.translate("SettingsPage", "An eating disorder"),
        "pregnancy": QCoreApplication.translate("SettingsPage", "Pregnancy"),
        "breathing": QCoreApplication.translate("SettingsPage",
                                                "Breathing problems (asthma, COPD)"),
    }


def hides_text(tags: frozenset[str]) -> str:
    if tags >= {"breath-hold", "cold"}:
        return QCoreApplication.translate("SettingsPage",
                                          "Hides exercises with breath holds or cold water.")
    if "cold" in tags:
        return QCoreApplication.translate("SettingsPage", "Hides exercises with cold water.")
    return QCoreApplication.translate("SettingsPage", "Hides exercises with breath holds.")


class HealthSection(Section):
    """A box per condition, each saying what it hides, and a line naming what is hidden now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_heading(self.tr("Health"))
        self.body.addWidget(label(self.tr(
            "Breath holds and cold water can be unsafe with some conditions. Tick any that "
            "apply and Steady hides those exercises. This stays on this computer."), None))
        self.health: dict[str, QCheckBox] = {}
        names = health_names()
        for key, tags in HEALTH_CONDITIONS.items():
            box = WrapCheckBox(names.get(key, key))
            box.setAccessibleName(names.get(key, key))
            box.setAccessibleDescription(hides_text(tags))
            box.setToolTip(hides_text(tags))
            self.body.addWidget(box)
            self.health[key] = box
            box.toggled.connect(self.changed)
        self.hidden_note = label("", "small")
        self.hidden_note.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.hidden_note)

    def show_settings(self, settings: Settings) -> None:
        for key, box in self.health.items():
            box.setChecked(key in settings.health)

    def read(self, settings: Settings) -> Settings:
        return replace(settings, health=self.chosen())

    def focus_target(self) -> QWidget:
        return next(iter(self.health.values()))

    def chosen(self) -> frozenset[str]:
        return frozenset(key for key, box in self.health.items() if box.isChecked())

    def show_hidden(self, library: Library, hidden: frozenset[str]) -> None:
        """Name the exercises of ``library`` that ``hidden`` tags hide."""
        titles = sorted(e.title for e in library.exercises.values() if hidden & set(e.tags))
        if titles:
            self.hidden_note.setText(self.tr("Hidden now: %1").replace("%1", ", ".join(titles)))
        else:
            self.hidden_note.setText(self.tr("No exercises are hidden."))
