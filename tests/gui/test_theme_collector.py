"""Python's garbage collector never runs while Qt restyles every widget.

Applying a theme makes Qt walk every widget and send it font, palette and style
changes, calling Python overrides on the way. A collection there could delete a
widget Python owns while Qt is still walking the list it was on (a crash seen
once in a long run of the layout matrix). ``theme.apply`` pauses the collector
for the walk; this test watches from inside the walk.
"""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.style import theme

pytestmark = pytest.mark.gui


RESTYLED = (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange)


class Watcher(QWidget):
    """Notes, on each change Qt sends it, whether the collector could run."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[bool] = []

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in RESTYLED:
            self.seen.append(gc.isenabled())
        super().changeEvent(event)


def test_the_collector_waits_while_every_widget_is_restyled(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    watcher = Watcher()
    qtbot.addWidget(watcher)
    watcher.show()
    qtbot.waitExposed(watcher)
    assert gc.isenabled()
    theme.apply(app, "light", 1.0)  # from a known look, so that the next one changes it
    watcher.seen.clear()  # what showing it sent
    try:
        theme.apply(app, "dark", 1.5)
        assert watcher.seen, "the walk reached the widget"
        assert not any(watcher.seen), "the collector could run during the walk"
        assert gc.isenabled(), "and runs again after it"
    finally:
        theme.apply(app, "light", 1.0)
