"""Focus that can be seen everywhere (WCAG 2.2, 1.4.11 and 2.4.13), worked out from each
theme's colours: the focus ring against every background it is drawn on, filled buttons
included, and against the unfocused state; field and tile borders against the page."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app.ui.style import theme
from app.ui.widgets.common import make_button
from app.ui.widgets.focus_ring import FocusRings, InnerRing, ring_color

pytestmark = pytest.mark.gui

THEMES = {"light": theme.LIGHT, "dark": theme.DARK, "high contrast": theme.HIGH_CONTRAST}
MINIMUM = 3.0


def luminance(color: str) -> float:
    """Relative luminance, as WCAG defines it."""
    channels = [int(color.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_is_computed_as_wcag_does() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", THEMES)
def test_the_focus_ring_stands_out_on_every_background(name: str) -> None:
    c = THEMES[name]
    pairs = {
        # The outer ring (the focus border) beside the page and a plain button or field.
        "focus / page": (c.focus, c.window),
        "focus / field": (c.focus, c.surface),
        # On a filled button the inner ring sits between the fill and the outer ring.
        "inner ring / Start fill": (c.accent_text, c.accent),
        "inner ring / help fill": (c.help_text, c.help),
        "inner ring (Start) / focus": (c.accent_text, c.focus),
        "inner ring (help) / focus": (c.help_text, c.focus),
        # Focused against unfocused, pixel for pixel, over a 2-pixel perimeter: where the
        # inner ring is drawn the unfocused button shows its fill; on a plain button the
        # 3-pixel focus border covers its 1-pixel border and 2 pixels of its fill.
        "focused / unfocused, Start": (c.accent_text, c.accent),
        "focused / unfocused, help": (c.help_text, c.help),
        "focused / unfocused, plain": (c.focus, c.surface),
    }
    low = {what: round(contrast(*colors), 2) for what, colors in pairs.items()
           if contrast(*colors) < MINIMUM}
    assert not low, f"{name}: below {MINIMUM}:1: {low}"


@pytest.mark.parametrize("name", THEMES)
def test_field_and_tile_borders_stand_out_from_the_page(name: str) -> None:
    c = THEMES[name]
    assert contrast(c.border, c.window) >= MINIMUM
    assert contrast(c.border, c.surface) >= MINIMUM


def rings_on(qtbot: QtBot) -> QWidget:
    """An empty window in the light theme, with the inner rings following the focus."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, "light", 1.0)
    FocusRings.install(app)
    host = QWidget()
    qtbot.addWidget(host)
    return host


def shown(qtbot: QtBot, host: QWidget) -> None:
    host.show()
    host.activateWindow()
    qtbot.waitUntil(host.isActiveWindow)


def test_a_filled_button_with_the_focus_gets_the_inner_ring(qtbot: QtBot) -> None:
    host = rings_on(qtbot)
    start = make_button("Start now", role="primary", parent=host)
    plain = make_button("History", parent=host)
    plain.move(0, 60)
    shown(qtbot, host)
    assert ring_color(start) == theme.colors().accent_text and ring_color(plain) is None
    start.setFocus()
    qtbot.waitUntil(lambda: start.findChild(InnerRing) is not None
                    and start.findChild(InnerRing).isVisible())
    plain.setFocus()
    qtbot.waitUntil(lambda: not start.findChild(InnerRing).isVisible())
    assert plain.findChild(InnerRing) is None  # a plain button's border is enough


def test_the_inner_ring_follows_its_button_when_it_grows(qtbot: QtBot) -> None:
    """Larger text or a resize while the button has the focus: the ring is redrawn at
    the button's new size, never through its text or short of its edge."""
    host = rings_on(qtbot)
    start = make_button("Start now", role="primary", parent=host)
    start.resize(120, 40)
    shown(qtbot, host)
    start.setFocus()
    qtbot.waitUntil(lambda: start.findChild(InnerRing) is not None)
    ring = start.findChild(InnerRing)
    assert ring.geometry() == start.rect()
    start.resize(260, 80)
    qtbot.waitUntil(lambda: ring.geometry() == start.rect())
    assert ring.size().width() == 260
