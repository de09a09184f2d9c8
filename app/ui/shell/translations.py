"""The person's language: ``resources/translations/steady_<language>.qm`` when present.

Steady's source text is English, so with no ``.qm`` file at all everything
still reads in English. ``steady_en.qm`` only settles English plural forms;
it is the fallback when the system language has no translation yet. Qt's own
words (the line edit's context menu, for example) come from Qt's ``qtbase``
translations where Qt ships them. See docs/TRANSLATING.md.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app import paths

APP_CATALOG = "steady"
FALLBACK_LANGUAGE = "en"


def translations_dir() -> Path:
    return paths.resource("translations")


def install(app: QCoreApplication, locale: QLocale | None = None,
            folder: Path | None = None) -> list[QTranslator]:
    """Install Steady's and Qt's translators for ``locale`` (the system's by default).

    Returns the translators installed (none is fine: English source text).
    """
    locale = locale if locale is not None else QLocale.system()
    folder = folder if folder is not None else translations_dir()
    installed: list[QTranslator] = []
    steady = QTranslator(app)
    found = steady.load(locale, APP_CATALOG, "_", str(folder), ".qm")
    if not found:
        found = steady.load(QLocale(FALLBACK_LANGUAGE), APP_CATALOG, "_", str(folder), ".qm")
    if found and app.installTranslator(steady):
        installed.append(steady)
    if locale.language() not in (QLocale.Language.English, QLocale.Language.C):
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt.load(locale, "qtbase", "_", qt_dir, ".qm") and app.installTranslator(qt):
            installed.append(qt)
    return installed


def remove(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
