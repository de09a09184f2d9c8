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


def test_after_a_stretch_they_sit_right_and_wrap_keeping_the_main_action_bottom_right(
        qtbot: QtBot) -> None:
    host = QWidget()
    qtbot.addWidget(host)
    layout = FlowLayout(host, spacing=10)
    back, skip, start = (QPushButton(text) for text in ("Back", "Skip rating (S)",
                                                         "Start (Enter)"))
    layout.addWidget(back)
    layout.addStretch(1)
    layout.addWidget(skip)
    layout.addWidget(start)
    host.resize(layout.sizeHint().width() + 200, layout.sizeHint().height())
    host.show()
    qtbot.waitExposed(host)
    qtbot.waitUntil(lambda: start.geometry().right() == host.width() - 1)
    assert back.geometry().left() == 0  # left group left, right group right, one line
    assert len({b.geometry().top() for b in (back, skip, start)}) == 1
    narrow = skip.sizeHint().width() + start.sizeHint().width() + 10
    host.resize(narrow, layout.heightForWidth(narrow))
    qtbot.waitUntil(lambda: back.geometry().top() < start.geometry().top())
    assert skip.geometry().top() == start.geometry().top()  # the right group together
    assert start.geometry().right() == narrow - 1  # still at the right edge
    for button in (back, skip, start):
        assert button.width() >= button.sizeHint().width()  # no text cut
