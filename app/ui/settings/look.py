"""Settings' look: reduced motion, the count before breathing, colours, text size."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget

from app.domain.settings import THEMES, Settings, Theme
from app.ui.settings.section import Section, form

TEXT_SCALES = (1.0, 1.25, 1.5, 1.75, 2.0)


# Free functions name their translation context explicitly: ``widget.tr()`` outside
# a class would be filed by pyside6-lupdate under a context that never matches.
def theme_names() -> dict[Theme, str]:
    return {
        "system": QCoreApplication.translate("SettingsPage", "Same as the system"),
        "light": QCoreApplication.translate("SettingsPage", "Light"),
        "dark": QCoreApplication.translate("SettingsPage", "Dark"),
        "high-contrast": QCoreApplication.translate("SettingsPage", "High contrast"),
    }


class LookSection(Section):
    """The breathing circle still or moving; light, dark, high contrast or the system's;
    text from 100 to 200 percent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_heading(self.tr("Motion and look"))
        self.reduced_motion, motion_about = self.option(
            self.tr("Reduce motion"),
            self.tr("The breathing circle stays still; a thin bar fills as you breathe in and "
                    "empties as you breathe out."))
        self.lead_in, lead_in_about = self.option(
            self.tr("Count 3-2-1 before breathing"),
            self.tr("A short \u201cget ready\u201d that names the first breath, so it is not "
                    "a surprise. It is not counted as practice."))
        self.theme = QComboBox()
        for key, text in theme_names().items():
            self.theme.addItem(text, key)
        self.theme.setAccessibleName(self.tr("Colours"))
        self.theme.setAccessibleDescription(self.tr("Same as the system, light, dark or "
                                                    "high contrast"))
        self.text_size = QComboBox()
        for scale in TEXT_SCALES:
            self.text_size.addItem(self.tr("%1%").replace("%1", str(round(scale * 100))),
                                   scale)
        self.text_size.setAccessibleName(self.tr("Text size"))
        self.text_size.setAccessibleDescription(self.tr("From 100 to 200 percent"))
        look_form = form()
        look_form.addRow(self.form_label(self.tr("Colours"), self.theme), self.theme)
        look_form.addRow(self.form_label(self.tr("Text size"), self.text_size), self.text_size)
        self.body.addWidget(self.reduced_motion)
        self.body.addLayout(motion_about)
        self.body.addWidget(self.lead_in)
        self.body.addLayout(lead_in_about)
        self.body.addLayout(look_form)
        self.reduced_motion.toggled.connect(self.changed)
        self.lead_in.toggled.connect(self.changed)
        self.theme.currentIndexChanged.connect(self.changed)
        self.text_size.currentIndexChanged.connect(self.changed)

    def show_settings(self, settings: Settings) -> None:
        self.reduced_motion.setChecked(settings.reduced_motion)
        self.lead_in.setChecked(settings.lead_in)
        self.theme.setCurrentIndex(max(0, THEMES.index(settings.theme)))
        nearest = min(range(len(TEXT_SCALES)),
                      key=lambda i: abs(TEXT_SCALES[i] - settings.text_scale))
        self.text_size.setCurrentIndex(nearest)

    def read(self, settings: Settings) -> Settings:
        theme = self.theme.currentData()
        scale = self.text_size.currentData()
        return replace(
            settings, reduced_motion=self.reduced_motion.isChecked(),
            lead_in=self.lead_in.isChecked(),
            theme=theme if theme in THEMES else settings.theme,
            text_scale=float(scale) if isinstance(scale, float) else settings.text_scale)

    def focus_target(self) -> QWidget:
        return self.reduced_motion
