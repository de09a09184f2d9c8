"""The 0-10 scale fits its width: one row when there is room, two rows when not."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.ui.distress.rating import RatingScale
from app.ui.style import theme

pytestmark = pytest.mark.gui


@pytest.fixture
def scale(qtbot: QtBot) -> RatingScale:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", 1.0)  # the buttons' size comes from Steady's look
    widget = RatingScale()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def rows(scale: RatingScale) -> int:
    return len({button.geometry().top() for button in scale.buttons})


def set_width(qtbot: QtBot, scale: RatingScale, width: int) -> None:
    scale.resize(width, scale.heightForWidth(width))
    qtbot.waitUntil(lambda: scale.buttons[0].width() > 0)
    QApplication.processEvents()


def test_wide_it_is_one_row_with_the_words_under_0_5_and_10(qtbot: QtBot,
                                                              scale: RatingScale) -> None:
    set_width(qtbot, scale, 900)
    assert rows(scale) == 1
    assert [anchor.text() for anchor in scale.anchors] == [
        "Settled: no distress right now",
        "Clearly stirred up, but I can still think and choose",
        "The most distressed or overwhelmed I can imagine"]
    assert scale.anchors[2].geometry().right() == scale.buttons[10].geometry().right()


def test_narrow_it_wraps_into_two_rows_and_each_word_says_its_number(
        qtbot: QtBot, scale: RatingScale) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", 2.0)
    try:
        QApplication.processEvents()  # the larger text reaches the buttons
        one_row = scale.sizeHint().width()
        set_width(qtbot, scale, one_row - 40)
        assert rows(scale) == 2
        assert [b.text() for b in scale.buttons if b.geometry().top() ==
                scale.buttons[0].geometry().top()] == ["0", "1", "2", "3", "4", "5"]
        assert scale.anchors[0].text().startswith("0: Settled")
        assert scale.anchors[2].text().startswith("10: The most")
        for button in scale.buttons:  # every number whole and inside the scale
            assert button.width() >= button.sizeHint().width()
            assert scale.rect().contains(button.geometry())
        for anchor in scale.anchors:  # the words one under another, none cut
            assert anchor.height() >= anchor.heightForWidth(anchor.width())
        assert scale.minimumSizeHint().width() < one_row
        set_width(qtbot, scale, one_row + 40)  # wider again: back to one row and words
        assert rows(scale) == 1
        assert scale.anchors[0].text() == "Settled: no distress right now"
    finally:
        theme.apply(app, "light", 1.0)
