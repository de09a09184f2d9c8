"""The base of a page in the window's stack: Esc works the same way on every page.

A person in distress presses Esc to get out of where they are, and it must do
that at once, the same way, wherever they are. :class:`Page` owns the key; a
page only says what Esc means for it.

Moving a page onto the base
===========================

1. Derive from ``Page`` instead of ``QWidget`` (``super().__init__(parent)`` as
   before).
2. Take out the page's own Esc: the ``Key_Escape`` branch of its
   ``keyPressEvent``, or its Esc ``QShortcut``. Other keys stay where they are;
   end ``keyPressEvent`` with ``super().keyPressEvent(event)`` as usual.
3. Esc leaves the page (emits ``closed``) unless the page overrides
   :meth:`Page.on_escape`, and only that method, to say otherwise. For example:

   * History: nothing to override; Esc emits ``closed`` and the window goes home.
   * Settings: keep what was changed, then leave (``on_back``).
   * The steps and the breathing exercise: stop at once (``stop``), and set
     ``ESC_ANYWHERE = True`` so Esc stops from anywhere in the window, even with
     the focus on "Get help now" above the page.
   * The after rating: leave, keeping whatever was entered (emit its own signal).
   * The launcher: clear the search when there is one, else nothing.

4. A page that already had a ``closed`` signal drops its own: it is the base's
   now, and the window connects it as before.

Where Esc is caught: by default the key travels from the focused control up to
the page, so a control that uses Esc itself (an open list, a calendar) keeps
it; the page acts on what nothing else used. With ``ESC_ANYWHERE`` a window-wide
shortcut catches it first, and a held key counts once.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget


class Page(QWidget):
    """A page whose Esc calls :meth:`on_escape`: by default, ``closed`` (leave the page)."""

    closed = Signal()

    #: True: Esc acts from anywhere in the window, not only from inside the page.
    ESC_ANYWHERE: ClassVar[bool] = False

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.esc_shortcut: QShortcut | None = None
        if self.ESC_ANYWHERE:
            shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setAutoRepeat(False)
            shortcut.activated.connect(self.on_escape)
            self.esc_shortcut = shortcut

    @Slot()
    def on_escape(self) -> None:
        """What Esc does on this page: leave it. Override to say otherwise."""
        self.closed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not self.ESC_ANYWHERE:
            self.on_escape()
            return
        super().keyPressEvent(event)
