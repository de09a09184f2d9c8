"""A calm, readable look: light, dark or high contrast, large type, clear focus.

Widgets ask for a role with ``widget.setProperty("role", "title")`` and the
style sheet below gives each role its look; custom-painted widgets read
:func:`colors`.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app import paths
from app.domain.settings import Theme

BASE_POINT_SIZE = 12.0


@dataclass(frozen=True, slots=True)
class Colors:
    window: str
    surface: str
    surface_hover: str
    text: str
    muted: str
    accent: str
    accent_text: str
    accent_soft: str
    border: str  # the edge of a field, a button, a tile: 3:1 against the page at least
    rule: str  # lines that only decorate or divide (a heading's underline, a chart's grid)
    focus: str
    help: str
    help_text: str
    warn_soft: str
    disabled: str  # text and dashed borders of what cannot be used just now


LIGHT = Colors(
    window="#f4f6f5", surface="#ffffff", surface_hover="#e8f0ee", text="#1d2826",
    muted="#4d5c59", accent="#2f6f68", accent_text="#ffffff", accent_soft="#cfe5e1",
    border="#7a8a86", rule="#c5d1ce", focus="#1f5fbf", help="#8a3b2e", help_text="#ffffff",
    warn_soft="#f7ead9", disabled="#5c6664",
)
DARK = Colors(
    window="#161c1b", surface="#1f2826", surface_hover="#283432", text="#e7eeec",
    muted="#a9b8b4", accent="#7cc4b9", accent_text="#0e1514", accent_soft="#2c4a46",
    border="#71837f", rule="#3a4a47", focus="#8ab4ff", help="#e39a8c", help_text="#1a0f0d",
    warn_soft="#3b3126", disabled="#98a4a1",
)
HIGH_CONTRAST = Colors(
    window="#000000", surface="#000000", surface_hover="#1a1a1a", text="#ffffff",
    muted="#ffffff", accent="#ffff00", accent_text="#000000", accent_soft="#333300",
    border="#ffffff", rule="#ffffff", focus="#00ffff", help="#ff8080", help_text="#000000",
    warn_soft="#222222", disabled="#a0a0a0",
)

_current: Colors = LIGHT


def colors() -> Colors:
    """The colours in use now (for custom painting)."""
    return _current


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolve(theme: Theme, system_dark: bool | None = None) -> Colors:
    """The colours for ``theme``; "system" follows ``system_dark`` or asks the system."""
    if theme == "high-contrast":
        return HIGH_CONTRAST
    if system_dark is None and theme == "system":
        system_dark = system_is_dark()
    if theme == "dark" or (theme == "system" and system_dark):
        return DARK
    return LIGHT


def _icon(stem: str, *, white: bool) -> str:
    """``resources/icons/<stem>-white.svg`` or ``-black.svg``, for a style sheet."""
    return paths.resource("icons", f"{stem}-{'white' if white else 'black'}.svg").as_posix()


def check_mark(c: Colors) -> str:
    """The tick for a checked box, white or black to suit the accent behind it."""
    return _icon("check", white=QColor(c.accent_text).lightnessF() > 0.5)


def drop_arrow(c: Colors) -> str:
    """The arrow of a drop-down list, black or white to suit the field behind it."""
    return _icon("arrow-down", white=QColor(c.surface).lightnessF() <= 0.5)


def sort_arrows(c: Colors) -> tuple[str, str]:
    """A table header's sort arrows (pointing up, pointing down), to suit its background."""
    white = QColor(c.surface).lightnessF() <= 0.5
    return _icon("arrow-up", white=white), _icon("arrow-down", white=white)


# long: one style sheet, read top to bottom as Qt reads it; split, its rules would
# have to be put back together in the same order.
def style_sheet(c: Colors, point_size: float) -> str:
    box = max(16, round(point_size * 1.6))
    bar = max(12, min(16, round(point_size * 1.1)))  # scroll bars: easy to see and to grab
    check = check_mark(c)
    arrow = drop_arrow(c)
    rising, falling = sort_arrows(c)
    mark = max(14, round(point_size * 1.15))  # the drop-down arrow grows with the text
    # Placeholder text must not pass for typed text: where "muted" is the text colour
    # itself (high contrast), it takes the disabled colour.
    hint = c.disabled if c.muted == c.text else c.muted
    big = point_size * 1.5
    huge = point_size * 2.2
    small = point_size * 0.9
    return f"""
QWidget {{ color: {c.text}; font-size: {point_size}pt; }}
QMainWindow, QDialog, QStackedWidget > QWidget {{ background: {c.window}; }}
QScrollArea, QScrollArea > QWidget > QWidget {{ background: {c.window}; border: none; }}
QLabel[role="title"] {{ font-size: {big}pt; font-weight: 600; }}
QLabel[role="huge"] {{ font-size: {huge}pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {c.muted}; }}
QLabel[role="small"] {{ color: {c.muted}; font-size: {small}pt; }}
QLabel[role="caution"] {{ background: {c.warn_soft}; border-radius: 8px; padding: 8px 12px; }}
QLabel[role="tile-title"] {{ font-weight: 600; }}
QLabel[role="section"] {{ color: {c.muted}; font-weight: 600; letter-spacing: 1px; }}
QPushButton, QToolButton {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 10px;
    padding: 10px 18px; min-height: 24px;
}}
QPushButton, QToolButton, QCheckBox, QRadioButton {{ outline: none; }}
QLineEdit QToolButton, QLineEdit QToolButton:hover, QLineEdit QToolButton:focus {{
    background: transparent; border: none; padding: 0; min-height: 0;
}}
QPushButton:hover, QToolButton:hover {{ background: {c.surface_hover}; }}
QPushButton:focus, QToolButton:focus {{ border: 3px solid {c.focus}; padding: 8px 16px; }}
QLineEdit:focus, QTextEdit:focus, QPlainTextEdit:focus {{
    border: 3px solid {c.focus}; padding: 4px 6px;
}}
QComboBox {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 6px;
    padding: 3px 8px; min-height: 22px; combobox-popup: 0;
}}
QComboBox:focus {{ border: 3px solid {c.focus}; padding: 1px 6px; }}
QComboBox:disabled {{
    background: {c.window}; color: {c.disabled}; border: 1px dashed {c.disabled};
}}
QComboBox::drop-down {{ border: none; width: 24px; }}
QComboBox::down-arrow {{ image: url({arrow}); width: {mark}px; height: {mark}px; }}
QComboBox QAbstractItemView, QComboBox QAbstractItemView:focus {{
    background: {c.surface}; border: 1px solid {c.text}; outline: none;
    selection-background-color: {c.accent}; selection-color: {c.accent_text};
}}
QCheckBox:focus, QSlider:focus, QTableView:focus, QListView:focus {{
    border: 3px solid {c.focus};
}}
QPushButton[role="primary"] {{
    background: {c.accent}; color: {c.accent_text}; border: 1px solid {c.accent};
    font-weight: 600;
}}
QPushButton[role="primary"]:focus {{ border: 3px solid {c.focus}; padding: 8px 16px; }}
QPushButton[role="help"] {{
    background: {c.help}; color: {c.help_text}; border: 1px solid {c.help}; font-weight: 600;
}}
QPushButton[role="help"]:focus {{ border: 3px solid {c.focus}; padding: 8px 16px; }}
QPushButton[role="tile"] {{
    text-align: left; padding: 14px 16px; background: {c.surface}; border-radius: 12px;
}}
QPushButton[role="tile"]:hover {{ background: {c.surface_hover}; }}
QPushButton[role="rating"] {{ min-width: 28px; padding: 10px 6px; font-weight: 600; }}
QPushButton[role="rating"]:checked {{
    background: {c.accent}; color: {c.accent_text}; border: 1px solid {c.accent};
}}
QPushButton:disabled, QPushButton[role="primary"]:disabled, QPushButton[role="help"]:disabled {{
    background: {c.window}; color: {c.disabled}; border: 1px dashed {c.disabled};
}}
QLineEdit, QTextEdit, QPlainTextEdit {{
    background: {c.surface}; border: 1px solid {c.border}; border-radius: 8px; padding: 6px 8px;
    placeholder-text-color: {hint};
}}
QLineEdit:disabled, QTextEdit:disabled, QPlainTextEdit:disabled, QSpinBox:disabled {{
    background: {c.window}; color: {c.disabled}; border: 1px dashed {c.disabled};
}}
QCheckBox::indicator, QRadioButton::indicator {{
    width: {box}px; height: {box}px; background: {c.surface};
    border: 2px solid {c.text}; border-radius: 4px;
}}
QRadioButton::indicator {{ border-radius: {box // 2 + 1}px; }}
QCheckBox::indicator:checked, QRadioButton::indicator:checked {{
    background: {c.accent}; border: 2px solid {c.text};
}}
QCheckBox::indicator:checked {{ image: url({check}); }}
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled {{
    border: 2px dashed {c.muted}; background: {c.window};
}}
QCheckBox:disabled, QRadioButton:disabled, QLabel:disabled {{ color: {c.disabled}; }}
QRadioButton {{ spacing: 8px; padding: 4px; border: 3px solid transparent; border-radius: 6px; }}
QRadioButton:focus {{ border: 3px solid {c.focus}; }}
QSlider::groove:horizontal {{ height: 6px; background: {c.border}; border-radius: 3px; }}
QSlider::sub-page:horizontal {{ background: {c.accent}; border-radius: 3px; }}
QSlider::sub-page:horizontal:disabled {{ background: {c.border}; }}
QSlider::handle:horizontal {{
    background: {c.accent}; border: 2px solid {c.text}; width: {box}px;
    margin: -{(box - 6) // 2}px 0;
    border-radius: {box // 2 + 2}px;
}}
QSlider::handle:horizontal:disabled {{ background: {c.window}; border: 2px dashed {c.disabled}; }}
QCheckBox {{ spacing: 10px; padding: 4px; border: 3px solid transparent; border-radius: 6px; }}
QProgressBar {{
    background: {c.accent_soft}; border: none; border-radius: 6px; min-height: 12px;
    max-height: 12px; text-align: center;
}}
QProgressBar::chunk {{ background: {c.accent}; border-radius: 6px; }}
QTabBar::tab {{
    background: {c.window}; color: {c.muted}; border: 1px solid {c.border};
    border-bottom: none; border-top-left-radius: 8px; border-top-right-radius: 8px;
    padding: 8px 16px; margin-right: 4px;
}}
QTabBar {{ outline: none; }}
QTabBar::tab:selected {{ background: {c.surface}; color: {c.text}; }}
QTabBar::tab:selected:focus {{
    border: 3px solid {c.focus}; border-bottom: none; padding: 6px 14px;
}}
QToolTip {{ background: {c.surface}; color: {c.text}; border: 1px solid {c.rule}; }}
QScrollBar:vertical {{ background: {c.window}; width: {bar}px; margin: 0; border: none; }}
QScrollBar:horizontal {{ background: {c.window}; height: {bar}px; margin: 0; border: none; }}
QScrollBar::handle {{ background: {c.muted}; border-radius: {(bar - 6) // 2}px; margin: 3px; }}
QScrollBar::handle:vertical {{ min-height: 32px; }}
QScrollBar::handle:horizontal {{ min-width: 32px; }}
QScrollBar::handle:hover, QScrollBar::handle:pressed {{ background: {c.text}; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
QHeaderView::section {{
    background: {c.surface}; color: {c.text}; border: none;
    border-bottom: 1px solid {c.rule}; padding: 6px;
}}
/* A sort's arrow points the way the numbers go: down for most first. */
QHeaderView::up-arrow {{ image: url({rising}); width: {mark}px; height: {mark}px; }}
QHeaderView::down-arrow {{ image: url({falling}); width: {mark}px; height: {mark}px; }}
QTableView, QListView {{
    background: {c.surface}; alternate-background-color: {c.window};
    border: 1px solid {c.border}; border-radius: 8px;
    selection-background-color: {c.accent_soft}; selection-color: {c.text};
}}
"""


def palette(c: Colors) -> QPalette:
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: c.window, QPalette.ColorRole.WindowText: c.text,
        QPalette.ColorRole.Base: c.surface, QPalette.ColorRole.AlternateBase: c.window,
        QPalette.ColorRole.Text: c.text, QPalette.ColorRole.Button: c.surface,
        QPalette.ColorRole.ButtonText: c.text, QPalette.ColorRole.Highlight: c.accent,
        QPalette.ColorRole.HighlightedText: c.accent_text,
        QPalette.ColorRole.PlaceholderText: c.muted, QPalette.ColorRole.Link: c.focus,
        QPalette.ColorRole.ToolTipBase: c.surface, QPalette.ColorRole.ToolTipText: c.text,
    }
    for role, value in roles.items():
        pal.setColor(role, QColor(value))
    return pal


#: One look on every desktop. Set by name on the command line the application is
#: made with (:func:`style_arguments`): ``setStyle`` from Python would also build
#: QStyle's Python enums, some 4 ms before the first frame.
STYLE = "Fusion"
_STYLE_PROPERTY = "steadyStyle"


def style_arguments() -> list[str]:
    """Arguments for a new QApplication that give it :data:`STYLE`."""
    return ["-style", STYLE]


def mark_style_set(app: QApplication) -> None:
    """Note that ``app`` was made with :func:`style_arguments`."""
    app.setProperty(_STYLE_PROPERTY, STYLE)


def use_style(app: QApplication) -> None:
    """Give ``app`` :data:`STYLE`, unless it already has it."""
    if app.property(_STYLE_PROPERTY) != STYLE:
        app.setStyle(STYLE)
        mark_style_set(app)


def apply(app: QApplication, theme: Theme = "system", text_scale: float = 1.0, *,
          system_dark: bool | None = None) -> Colors:
    """Style the whole application. Returns the colours now in use."""
    global _current
    _current = resolve(theme, system_dark)
    point_size = BASE_POINT_SIZE * max(0.75, min(2.5, text_scale))
    font = QFont(app.font())
    font.setPointSizeF(point_size)
    sheet = style_sheet(_current, point_size)
    # Qt walks every widget here, calling Python code on the way (a changed font or
    # style reaches overridden event handlers). Python's collector must not run in
    # the middle: a widget Python owns, found unreachable then, would be deleted
    # under the walk. The collector waits until the walk is over.
    collecting = gc.isenabled()
    gc.disable()
    try:
        use_style(app)
        app.setPalette(palette(_current))
        app.setFont(font)
        app.setStyleSheet(sheet)
    finally:
        if collecting:
            gc.enable()
    return _current
