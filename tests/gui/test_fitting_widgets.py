"""Widgets that fit a narrow window: a check box whose text wraps, and scrolling a
page so that what has the focus shows whole, from its top, with its heading."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from app.ui.widgets.common import scroll_into_view
from app.ui.widgets.wrap_check_box import WrapCheckBox

pytestmark = pytest.mark.gui

LONG = "Breathing problems (asthma, COPD) and some more words to wrap"


def test_a_wrapping_check_box_grows_taller_instead_of_wider(qtbot: QtBot) -> None:
    box = WrapCheckBox(LONG)
    qtbot.addWidget(box)
    one_line = box.sizeHint()
    assert box.minimumSizeHint().width() < one_line.width() // 2
    narrow = one_line.width() // 3
    assert box.heightForWidth(narrow) > one_line.height()
    assert box.heightForWidth(one_line.width()) == one_line.height()
    box.toggle()  # still a check box in every other way
    assert box.isChecked() and box.text() == LONG


def page_with(qtbot: QtBot,
              heights: list[int]) -> tuple[QWidget, QScrollArea, QWidget, list[QLabel]]:
    page = QWidget()  # a page, holding its scroll area
    qtbot.addWidget(page)
    area = QScrollArea(page)
    inner = QWidget()
    layout = QVBoxLayout(inner)
    labels = []
    for number, height in enumerate(heights):
        label = QLabel(f"part {number}")
        label.setFixedHeight(height)
        layout.addWidget(label)
        labels.append(label)
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.resize(300, 200)
    page.resize(300, 200)
    page.show()
    qtbot.waitExposed(page)
    QApplication.processEvents()
    return page, area, inner, labels


def test_what_fits_from_the_top_is_shown_from_the_top(qtbot: QtBot) -> None:
    page, area, _inner, labels = page_with(qtbot, [40, 40, 400, 40])
    area.verticalScrollBar().setValue(120)
    scroll_into_view(labels[1], page)
    assert area.verticalScrollBar().value() == 0


def test_a_widget_taller_than_the_view_shows_from_its_top(qtbot: QtBot) -> None:
    page, area, inner, labels = page_with(qtbot, [40, 40, 400, 40])
    scroll_into_view(labels[2], page, margin=10)
    assert area.verticalScrollBar().value() == labels[2].mapTo(inner, labels[2].rect()
                                                               .topLeft()).y() - 10


def test_a_widget_and_its_heading_are_shown_together(qtbot: QtBot) -> None:
    page, area, inner, labels = page_with(qtbot, [300, 40, 60, 300])
    labels[2].setProperty("scrollHeading", labels[1])
    scroll_into_view(labels[2], page, margin=10)
    top = area.verticalScrollBar().value()
    assert top <= labels[1].mapTo(inner, labels[1].rect().topLeft()).y()
    assert top + area.viewport().height() >= labels[2].mapTo(
        inner, labels[2].rect().bottomLeft()).y()
