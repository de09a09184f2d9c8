"""Small building blocks every screen uses."""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.ui.widgets.flow_layout import FlowLayout

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFormLayout

PAGE_MARGIN = 32


class Button(QPushButton):
    """A push button that Enter presses as well as Space, once per press.

    A plain QPushButton outside a dialog ignores Enter, which a person on the
    keyboard reasonably expects to press what has the focus. Held down, the
    key presses it once: the repeats are swallowed, so they cannot run on into
    the page that opens next. Enter with Ctrl, Alt or Shift is left to the page.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = not (event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier)
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            if not event.isAutoRepeat() and self.isEnabled():
                self.click()
            return
        super().keyPressEvent(event)


def announce(source: QWidget, text: str) -> None:
    """Tell a screen reader, politely, what just changed or appeared near ``source``:
    a label shown or changed without the focus is not read out by itself. QAccessible
    is loaded on first use, not at start-up (its enums cost)."""
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(source, text))


def label(text: str, role: str | None = None, parent: QWidget | None = None, *,
          selectable: bool = True) -> QLabel:
    """A word-wrapped label with a theme role ("title", "muted", "small", ...).

    Its text can be selected and copied with the mouse, unless ``selectable`` is
    False (text on a button, which a click should press instead).
    """
    widget = QLabel(text, parent)
    widget.setWordWrap(True)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if role:
        widget.setProperty("role", role)
    return widget


def centred_label(text: str, role: str, description: str) -> QLabel:
    """A centred line in the theme's ``role`` (an exercise's words), saying to a screen
    reader what it is."""
    line = QLabel(text)
    line.setProperty("role", role)
    line.setAlignment(Qt.AlignmentFlag.AlignCenter)
    line.setAccessibleDescription(description)
    return line


def form_layout(*, wrap_long_rows: bool) -> QFormLayout:
    """Captions on the left, fields growing to the right. With ``wrap_long_rows`` a row
    too long for the width puts its field under its caption (Settings); without, the
    field stays beside it and grows (the editor, whose fields are narrow)."""
    from PySide6.QtWidgets import QFormLayout  # only the pages with forms: its enums cost

    form = QFormLayout()
    form.setHorizontalSpacing(16)
    form.setVerticalSpacing(10)
    if wrap_long_rows:
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    else:
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    return form


def save_footer(status: QWidget, back: QWidget, save: QWidget) -> QLayout:
    """The foot of a page that saves (the editor, Settings): a status line beside Back
    and Save, on the right, where the eye is after pressing Save; it wraps when the
    window is narrow."""
    footer = FlowLayout()
    footer.setContentsMargins(32, 8, 32, 20)
    footer.addStretch(1)
    footer.addWidget(status)
    footer.addWidget(back)
    footer.addWidget(save)
    return footer


def make_button(text: str, *, role: str | None = None, description: str = "",
                name: str = "", parent: QWidget | None = None) -> Button:
    """A button with an accessible name (its text without key hints) and description."""
    button = Button(text, parent)
    if role:
        button.setProperty("role", role)
    button.setAccessibleName(name or text.split(" (")[0].replace("&", ""))
    if description:
        button.setAccessibleDescription(description)
        button.setToolTip(description)
    button.setAutoDefault(False)
    return button


def scroll_page(layout: QLayout, margin: int = PAGE_MARGIN) -> QScrollArea:
    """Wrap a page's body so large text scrolls instead of clipping."""
    inner = QWidget()
    layout.setContentsMargins(margin, margin - 8, margin, 8)
    inner.setLayout(layout)
    area = QScrollArea()
    area.setWidget(inner)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


def resized_inside(container: QWidget) -> None:
    """Tell the layout around ``container`` now that what it holds changed size.

    A change inside a container widget (a label's new text, a button shown) reaches
    the layout around it one event-loop pass later than a change in that layout's
    own widgets would: a frame late, and after a screenshot has been taken. Parts of
    a page that are widgets of their own call this after such a change.
    """
    layout = container.layout()
    if layout is not None:
        layout.invalidate()
    container.updateGeometry()


def format_clock(seconds: float) -> str:
    """``m:ss``, rounded up so "0:00" only shows at the very end (185 s is ``3:05``)."""
    whole = max(0, math.ceil(seconds - 1e-6))
    minutes, secs = divmod(whole, 60)
    return f"{minutes}:{secs:02d}"


#: Keys that press a focused button; holding one down must not press it again and again.
PRESS_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)


def is_held_press(event: QEvent) -> bool:
    """A repeated key press from a key held down (Enter, Return or Space)."""
    return (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
            and event.isAutoRepeat() and event.key() in PRESS_KEYS)


#: How long after a page appears a press of Enter is taken as the one that brought it
#: (a reflexive double press), not as an answer to it (seconds).
FRESH_PAGE_GRACE = 0.7


class EnterGuard(QObject):
    """Keeps a held or reflexive Enter from the page before off a page's buttons.

    :meth:`arm` as the page appears; until :data:`FRESH_PAGE_GRACE` has passed,
    Enter, Return and Space on the guarded buttons do nothing, and a key held
    down never repeats into them. The clock is injected (tests step it).
    """

    def __init__(self, *buttons: QWidget, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self._armed_at: float | None = None
        for button in buttons:
            button.installEventFilter(self)

    def arm(self) -> None:
        self._armed_at = self._clock()

    def fresh(self) -> bool:
        """Whether the page appeared less than the grace ago."""
        return (self._armed_at is not None
                and 0 <= self._clock() - self._armed_at < FRESH_PAGE_GRACE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent)
                and event.key() in PRESS_KEYS and (event.isAutoRepeat() or self.fresh())):
            return True
        return super().eventFilter(watched, event)


def scroll_into_view(widget: QWidget | None, within: QWidget, margin: int = 20) -> None:
    """Scroll the scroll area around ``widget`` (inside ``within``) to show it whole,
    with ``margin`` pixels to spare above and below.

    What can be seen with the page at its top is shown from the top, headings and
    all. A widget taller than the view is shown from its top, never from its middle.
    A widget may name the heading it belongs under (``setProperty("scrollHeading",
    label)``): the two are shown together when they fit.
    """
    area = _scroll_area_around(widget, within)
    inner = area.widget() if area is not None else None
    if widget is None or area is None or inner is None:
        return
    for layout in (within.layout(), inner.layout()):  # a page just shown: lay it out now
        if layout is not None:
            layout.activate()
    rect = QRect(widget.mapTo(inner, QPoint(0, 0)), widget.size())
    view = area.viewport().height()
    heading = widget.property("scrollHeading")
    if isinstance(heading, QWidget) and inner.isAncestorOf(heading):
        both = rect.united(QRect(heading.mapTo(inner, QPoint(0, 0)), heading.size()))
        if both.height() + 2 * margin <= view:
            rect = both
    bar = area.verticalScrollBar()
    top, bottom = rect.top() - margin, rect.bottom() + 1 + margin
    if bottom - top > view:
        bar.setValue(top)
    elif bottom <= view:
        bar.setValue(0)
    elif top < bar.value():
        bar.setValue(top)
    elif bottom > bar.value() + view:
        bar.setValue(bottom - view)


def _scroll_area_around(widget: QWidget | None, within: QWidget) -> QScrollArea | None:
    """The nearest scroll area holding ``widget``, inside ``within``."""
    parent = widget.parentWidget() if widget is not None else None
    while parent is not None and parent is not within:
        if isinstance(parent, QScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def show_if_room(extras: Sequence[QWidget], room: int, core: int) -> bool:
    """Show ``extras`` (a title, a line of key hints) only while ``room`` pixels of
    height hold them as well as the ``core`` the page cannot do without. Returns
    whether they are shown.

    ``core`` and the extras' heights are measured whether they are shown or not,
    so hiding them never changes the answer: no flicker at the boundary.
    """
    needed = core + sum(extra.sizeHint().height() for extra in extras)
    roomy = room >= needed
    for extra in extras:
        extra.setVisible(roomy)
    return roomy


def lay_out_page(page: QWidget, body: QLayout, footer: QLayout) -> None:
    """A page's shape: ``body`` scrolls (so large text never clips), ``footer`` (its
    buttons) stays at the bottom."""
    footer.setContentsMargins(PAGE_MARGIN, 8, PAGE_MARGIN, 20)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll_page(body), 1)
    outer.addLayout(footer)


def english_plural(text: str, n: int) -> str:
    """Settle "(s)" in an English source text translated with a count (``tr(text, "", n)``).

    Translations carry their own plural forms; the English source needs no file.
    """
    return text.replace("(s)", "" if n == 1 else "s") if "(s)" in text else text


def format_decimal(value: float, decimals: int = 1) -> str:
    """``6.3``: a number as the person's locale writes it."""
    return QLocale().toString(float(value), "f", decimals)


def minutes_text(seconds: float) -> str:
    """A length in plain words: "45 seconds", "5 minutes"."""
    if seconds < 90:
        n = round(seconds)
        return english_plural(QCoreApplication.translate("Length", "%n second(s)", "", n), n)
    n = round(seconds / 60)
    return english_plural(QCoreApplication.translate("Length", "%n minute(s)", "", n), n)
