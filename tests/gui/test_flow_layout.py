"""The wrapping row used for the launcher's own-exercise buttons."""

from __future__ import annotations

from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app.ui.widgets.flow_layout import FlowLayout


def row_of(qtbot: QtBot, texts: list[str]) -> tuple[QWidget, list[QPushButton]]:
    host = QWidget()
    qtbot.addWidget(host)
    layout = FlowLayout(host, spacing=10)
    buttons = [QPushButton(text) for text in texts]
    for button in buttons:
        layout.addWidget(button)
    return host, buttons


def test_wide_enough_it_is_one_row_and_narrow_it_wraps(qtbot: QtBot) -> None:
    host, buttons = row_of(qtbot, ["New exercise", "Import…", "Open exercises folder"])
    layout = host.layout()
    assert isinstance(layout, FlowLayout)
    one_row = layout.sizeHint()
    host.resize(one_row.width(), one_row.height())
    host.show()
    qtbot.waitExposed(host)
    assert len({b.geometry().top() for b in buttons}) == 1
    narrow = max(b.sizeHint().width() for b in buttons) + 4
    assert layout.heightForWidth(narrow) > one_row.height()
    host.resize(narrow, layout.heightForWidth(narrow))
    qtbot.waitUntil(lambda: len({b.geometry().top() for b in buttons}) == 3)
    for button in buttons:  # nothing sticks out to the right
        assert button.geometry().right() < narrow
    assert layout.minimumSize().width() == max(b.minimumSizeHint().width()
                                               for b in buttons)


def test_a_hidden_widget_takes_no_room(qtbot: QtBot) -> None:
    host, buttons = row_of(qtbot, ["One", "Two", "Three"])
    layout = host.layout()
    assert isinstance(layout, FlowLayout)
    with_all = layout.sizeHint().width()
    buttons[1].hide()
    layout.invalidate()
    assert layout.sizeHint().width() == with_all - buttons[1].sizeHint().width() - 10
