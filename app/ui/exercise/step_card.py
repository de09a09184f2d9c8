"""The step itself: its words in large type, and under them its items or its time left."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from app.ui.exercise.step_countdown import Clock, StepCountdown
from app.ui.exercise.tick_list import TickList


class StepCard(QScrollArea):
    """The step, centred in the room the page leaves it. Its words are in "huge" type, or
    in "title" type when huge cannot fit; only when even that cannot fit (long text at a
    large text size) does the card scroll, and Up, Down, Page Up and Page Down scroll it."""

    def __init__(self, timer: QTimer, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stepArea")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.viewport().installEventFilter(self)
        self.text_label = QLabel()
        self.text_label.setProperty("role", "huge")
        self.text_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text_label.setWordWrap(True)
        self.text_label.setTextFormat(Qt.TextFormat.PlainText)
        self.text_label.setAccessibleDescription(self.tr("This step"))
        self.text_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.ticks = TickList()
        self.countdown = StepCountdown(timer, clock)
        content = QWidget()
        content.setObjectName("stepContent")
        body = QVBoxLayout(content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(10)
        body.addStretch(1)
        body.addWidget(self.text_label)
        body.addSpacing(16)
        body.addWidget(self.ticks)
        body.addWidget(self.countdown)
        body.addStretch(1)
        self.setWidget(content)

    def show_text(self, text: str) -> None:
        """The step's words, read from the top."""
        self.text_label.setText(text)
        self.verticalScrollBar().setValue(0)

    def text_role(self) -> str:
        """The type the step is shown in: "huge", or "title" when huge cannot fit."""
        return str(self.text_label.property("role"))

    def _set_text_role(self, role: str) -> None:
        if self.text_label.property("role") != role:
            self.text_label.setProperty("role", role)
            self.text_label.style().unpolish(self.text_label)
            self.text_label.style().polish(self.text_label)

    def fit_text(self) -> None:
        """Huge type when the step fits in the room there is; else one size down."""
        viewport = self.viewport()
        width, height = viewport.width(), viewport.height()
        content = self.widget()
        if width <= 0 or height <= 0 or content is None:
            return
        for role in ("huge", "title"):
            self._set_text_role(role)
            if content.heightForWidth(width) <= height:
                break

    def scroll_by_key(self, key: int) -> bool:
        """Scroll for Up, Down, Page Up or Page Down; False for any other key."""
        bar = self.verticalScrollBar()
        step = {
            Qt.Key.Key_Up: -bar.singleStep(), Qt.Key.Key_Down: bar.singleStep(),
            Qt.Key.Key_PageUp: -bar.pageStep(), Qt.Key.Key_PageDown: bar.pageStep(),
        }.get(Qt.Key(key))
        if step is None:
            return False
        bar.setValue(bar.value() + step)
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_text()
        return super().eventFilter(watched, event)
