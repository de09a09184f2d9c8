"""Home: "Start now", and every exercise as a calm tile, grouped by kind."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.domain.exercise import KINDS, Exercise, Kind, Problem, Suit
from app.domain.levels import suited_first
from app.domain.loader import Library, display_path
from app.domain.session import BestExercise
from app.ui.widgets.common import (
    Button,
    english_plural,
    format_decimal,
    label,
    lay_out_page,
    make_button,
    minutes_text,
)
from app.ui.widgets.flow_layout import FlowLayout

TILE_COLUMNS = 2
#: Keys for History and Settings, from the launcher (shown in their tooltips).
HISTORY_KEYS = "Ctrl+Shift+H"
SETTINGS_KEYS = "Ctrl+,"
PLAN_KEYS = "Ctrl+Shift+P"


def kind_names() -> dict[Kind, str]:
    return {
        "breathing": QCoreApplication.translate("Exercises", "Breathing"),
        "grounding": QCoreApplication.translate("Exercises", "Grounding"),
        "sensory": QCoreApplication.translate("Exercises", "Senses"),
        "body": QCoreApplication.translate("Exercises", "Body"),
    }


def suited_words(state: Suit) -> tuple[str, str]:
    """The heading over the exercises that suit ``state``, and the line saying why."""
    heading = QCoreApplication.translate("LauncherPage", "FOR HOW YOU FEEL NOW")
    if state == "numb":
        return heading, QCoreApplication.translate(
            "LauncherPage", "You said you feel numb or far away. These bring you back to the "
                            "room and your senses. Everything else is below.")
    return heading, QCoreApplication.translate(
        "LauncherPage", "You gave a high rating. These are short, led by a long breath out, "
                        "or work through the senses. Everything else is below.")


def length_words(exercise: Exercise) -> str:
    if exercise.cycles is not None:
        n = exercise.cycles
        return english_plural(QCoreApplication.translate("Exercises", "%n breath(s)", "", n), n)
    seconds = exercise.planned_seconds()
    if seconds:
        return minutes_text(seconds)
    return QCoreApplication.translate("Exercises", "your own pace")


class Tile(Button):
    """A large button holding a heading and a wrapped line of detail."""

    moveRequested = Signal(int)  # an arrow key (Qt.Key), for the launcher to follow

    def __init__(self, heading: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "tile")
        self.setAutoDefault(False)
        self.heading = label(heading, "tile-title", self, selectable=False)
        self.details = label(detail, "muted", self, selectable=False)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        if not detail:
            self.details.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        for part in (self.heading, self.details):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(part)
        layout.addStretch(1)  # beside a taller tile, the heading stays level with its own
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else super().sizeHint()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in ARROWS:  # the launcher moves by where the tiles sit
            self.moveRequested.emit(event.key())
            event.accept()
            return
        super().keyPressEvent(event)

    def minimumSizeHint(self) -> QSize:
        layout = self.layout()
        if layout is None:
            return super().minimumSizeHint()
        return QSize(self.fontMetrics().averageCharWidth() * 16, layout.minimumSize().height())

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.heightForWidth(width) if layout is not None else -1


class ExerciseTile(Tile):
    """An exercise: title and length, then its one-line summary."""

    def __init__(self, exercise: Exercise, parent: QWidget | None = None) -> None:
        length = length_words(exercise)
        super().__init__(f"{exercise.title}  ·  {length}", exercise.summary, parent)
        self.exercise = exercise
        self.setAccessibleName(exercise.title)
        self.setAccessibleDescription(f"{length}. {exercise.summary}")

    def matches(self, words: list[str]) -> bool:
        haystack = " ".join((self.exercise.title, self.exercise.summary, self.exercise.kind,
                             self.exercise.id, *self.exercise.tags)).lower()
        return all(word in haystack for word in words)


def problem_line(problem: Problem) -> str:
    """One problem without its file name: ``line 13: phases[2].seconds: is 0.2; ...``."""
    where = f"line {problem.line}: " if problem.line is not None else ""
    key = f"{problem.key}: " if problem.key else ""
    return f"{where}{key}{problem.message}"


class BrokenTile(Tile):
    """A file that could not be used, and why. Enter or a click asks to open its folder."""

    def __init__(self, path: str, problems: list[Problem], parent: QWidget | None = None) -> None:
        name = path.replace("\\", "/").rsplit("/", 1)[-1]
        lines = [problem_line(p) for p in problems[:3]]
        if len(problems) > 3:
            lines.append(QCoreApplication.translate("BrokenTile", "and %1 more").replace(
                "%1", str(len(problems) - 3)))
        plain = QCoreApplication.translate(
            "BrokenTile", "Something in this file needs a fix before it can be used. "
            "Choose it to open its folder.")
        super().__init__(QCoreApplication.translate("BrokenTile", "%1 cannot be used")
                         .replace("%1", name), plain, parent)
        self.path = path
        self.problems = problems
        self.technical = lines  # for the tooltip and `steady list`, not the tile
        self.setAccessibleName(self.heading.text())
        # A screen reader cannot hover for the tooltip: it hears the details too.
        self.setAccessibleDescription(" ".join([plain, *lines]))
        self.setToolTip("\n".join([path, *lines]))


class LauncherPage(QWidget):
    """The first screen: one key or click starts an exercise."""

    exerciseChosen = Signal(str)
    historyRequested = Signal()
    settingsRequested = Signal()
    planRequested = Signal()
    brokenFileChosen = Signal(str)  # the path of a file that could not be used

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tiles: list[ExerciseTile] = []
        self.broken_tiles: list[BrokenTile] = []
        # Called with each new tile (ExerciseTile or BrokenTile): own-exercise actions.
        self.tile_hooks: list[Callable[[QPushButton], None]] = []
        self.own_buttons: list[QWidget] = []  # one's own exercises' buttons, when shown
        self._default_id = ""
        self._state: Suit | None = None  # what suits it comes first (set_state)
        self._shown: tuple[Library, frozenset[str], str, BestExercise | None] | None = None
        self._looked_in: tuple[tuple[Path, bool], ...] = ()
        # Text here is for reading, not copying: plain labels are quicker to make
        # (what a file needs fixed, in `problems`, can still be selected and copied).
        self.greeting = label(self.tr("Take a moment. Pick whatever feels right, "
                                      "or just start."), "muted", selectable=False)
        self.start_now = make_button("", role="primary",
                                     description=self.tr("Start your usual exercise"))
        self.start_now.setMinimumHeight(self.start_now.fontMetrics().lineSpacing() * 2 + 24)
        # Start now is the person's own choice; what has helped most is offered beside it,
        # smaller, never in its place.
        self.helped_button = Tile("", "")  # its words wrap at any text size
        self.helped_button.setAccessibleName(self.tr("What has helped you most"))
        self.helped_button.hide()
        self._helped_id = ""
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Type to find an exercise"))
        self.filter.setAccessibleName(self.tr("Find an exercise"))
        self.filter.setAccessibleDescription(self.tr("Type to show only matching exercises; "
                                                     "Enter starts the first one"))
        self.filter.setClearButtonEnabled(True)
        self.empty = label(self.tr("Nothing matches that. Esc clears the search."), "muted",
                           selectable=False)
        self.problems = label("", "small")
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        # No exercise at all (a copy of Steady without its own): said, not an empty page.
        self.nothing_found = label("", "caution")
        self.nothing_found.setTextFormat(Qt.TextFormat.PlainText)
        self.nothing_found.setAccessibleName(self.tr("No exercises were found"))
        self.nothing_found.hide()
        self._make_footer_buttons()
        self.groups = QVBoxLayout()
        self.groups.setSpacing(10)

        body = QVBoxLayout()
        body.setSpacing(12)
        body.addWidget(self.greeting)
        body.addWidget(self.nothing_found)
        body.addWidget(self.start_now)
        body.addWidget(self.helped_button)
        body.addSpacing(8)
        body.addWidget(self.filter)
        body.addLayout(self.groups)
        body.addWidget(self.empty)
        body.addWidget(self.problems)
        self.own_area = QVBoxLayout()  # filled by app.ui.editor.own_exercises when it is on
        body.addLayout(self.own_area)
        body.addStretch(1)
        footer = FlowLayout()
        footer.addWidget(self.plan_button)
        footer.addWidget(self.history_button)
        footer.addWidget(self.settings_button)
        footer.addStretch(1)
        footer.addWidget(label(self.tr("Steady is not a diagnosis and not a replacement "
                                       "for care."), "small", selectable=False))
        lay_out_page(self, body, footer)
        self._connect_signals()
        self.setFocusProxy(self.start_now)

    def _make_footer_buttons(self) -> None:
        """My plan, History and Settings, each with its keys in its description."""
        self.history_button = make_button(self.tr("History"),
                                          description=self.tr("Your past sessions and what "
                                                              "helps you (%1)").replace(
                                              "%1", HISTORY_KEYS))
        self.settings_button = make_button(self.tr("Settings"),
                                           description=self.tr("Sound, motion, look, contacts "
                                                               "(%1)").replace("%1",
                                                                               SETTINGS_KEYS))
        self.plan_button = make_button(self.tr("My plan"),
                                       description=self.tr("Your coping plan for the hardest "
                                                           "moments (%1)").replace(
                                           "%1", PLAN_KEYS))

    def show_helped(self, best: BestExercise | None) -> None:
        """Beside "Start now", smaller: what has helped most, with what that rests on."""
        self._helped_id = best.exercise_id if best is not None else ""
        self.helped_button.setVisible(best is not None)
        if best is None:
            return
        n = best.sessions
        heading = self.tr("Or %1").replace("%1", best.title)
        description = english_plural(self.tr(
            "Helped you most so far: on average %1 points lower afterwards, over %n "
            "session(s).", "", n), n).replace("%1", format_decimal(-best.mean_change))
        self.helped_button.heading.setText(heading)
        self.helped_button.details.setText(description)
        self.helped_button.details.show()
        self.helped_button.setAccessibleName(heading)
        self.helped_button.setAccessibleDescription(description)

    def _connect_signals(self) -> None:
        for keys, signal in ((HISTORY_KEYS, self.historyRequested),
                             (SETTINGS_KEYS, self.settingsRequested),
                             (PLAN_KEYS, self.planRequested)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(signal)
        self.filter.textChanged.connect(self.on_filter)
        self.start_now.clicked.connect(self.on_start_now)
        self.helped_button.clicked.connect(self.on_helped)
        self.history_button.clicked.connect(self.historyRequested)
        self.settings_button.clicked.connect(self.settingsRequested)
        self.plan_button.clicked.connect(self.planRequested)
        self.filter.returnPressed.connect(self.on_filter_enter)

    def set_library(self, library: Library, *, hidden_tags: frozenset[str] = frozenset(),
                    default_id: str = "", helped: BestExercise | None = None,
                    looked_in: Sequence[tuple[Path, bool]] = ()) -> None:
        """Show ``library``; exercises carrying a hidden tag are left out. With a state
        given (:meth:`set_state`), the exercises that suit it come first. With no
        exercise at all, the page says so and names the folders in ``looked_in``
        (each with whether it is the person's own)."""
        self._shown = (library, hidden_tags, default_id, helped)
        self._looked_in = tuple(looked_in)
        self._show_nothing_found(not library.exercises)
        while self.groups.count():
            item = self.groups.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.tiles = []
        names = kind_names()
        by_kind = library.by_kind()
        usable = [e for e in library.exercises.values() if not hidden_tags & set(e.tags)]
        suited, _rest = suited_first(usable, self._state)
        if suited and self._state is not None:
            heading, note = suited_words(self._state)
            group = self._add_group(heading, suited, note)
            group.setProperty("suits", self._state)
        first = {e.id for e in suited}
        for kind in KINDS:
            shown = [e for e in by_kind[kind]
                     if not hidden_tags & set(e.tags) and e.id not in first]
            if shown:
                self._add_group(names[kind].upper(), shown).setProperty("kind", kind)
        self._show_problems(library.problems)
        visible = {t.exercise.id for t in self.tiles}
        self._default_id = default_id if default_id in visible else next(iter(visible), "")
        chosen = library.get(self._default_id)
        if chosen is not None:
            self.start_now.setText(self.tr("Start now: %1").replace("%1", chosen.title))
            self.start_now.setAccessibleName(self.tr("Start now: %1").replace("%1", chosen.title))
        self.start_now.setEnabled(chosen is not None)
        self.show_helped(helped if helped is not None and helped.exercise_id in visible
                         and helped.exercise_id != self._default_id else None)
        self.on_filter(self.filter.text())
        self.update_tab_order()

    def _show_nothing_found(self, nothing: bool) -> None:
        """With no exercise found anywhere: where Steady looked, and what brings its own
        back, in place of the greeting, Start now and the search."""
        lines = [self.tr("Steady found no exercises. It looked in:")]
        for folder, own in self._looked_in:
            holds = (self.tr("your own exercises") if own
                     else self.tr("Steady's own exercises"))
            if not folder.is_dir():
                holds = self.tr("%1; this folder does not exist").replace("%1", holds)
            lines.append(f"  {display_path(folder)} ({holds})")
        lines.append(self.tr("Steady's own exercises come with it: if their folder is missing "
                             "or empty, installing Steady again brings them back. Get help "
                             "now still works."))
        self.nothing_found.setText("\n".join(lines) if nothing else "")
        self.nothing_found.setVisible(nothing)
        for widget in (self.greeting, self.start_now, self.filter):
            widget.setVisible(not nothing)

    def _add_group(self, heading: str, exercises: list[Exercise], note: str = "") -> QWidget:
        """A heading (and a line saying why, if any) over ``exercises`` as tiles."""
        group = QWidget(self.groups.parentWidget())  # made inside it: styled once
        layout = QVBoxLayout(group)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(label(heading, "section", group, selectable=False))
        if note:
            layout.addWidget(label(note, "small", group, selectable=False))
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, exercise in enumerate(exercises):
            tile = ExerciseTile(exercise, group)
            tile.clicked.connect(self.on_tile_clicked)
            tile.moveRequested.connect(self.on_tile_arrow)
            for hook in self.tile_hooks:
                hook(tile)
            grid.addWidget(tile, index // TILE_COLUMNS, index % TILE_COLUMNS)
            self.tiles.append(tile)
        layout.addLayout(grid)
        self.groups.addWidget(group)
        return group

    def set_state(self, state: Suit | None) -> None:
        """A level the person gave (as a state) puts what suits it first; None: the usual
        order."""
        if state == self._state:
            return
        self._state = state
        if self._shown is not None:
            library, hidden_tags, default_id, helped = self._shown
            self.set_library(library, hidden_tags=hidden_tags, default_id=default_id,
                             looked_in=self._looked_in,
                             helped=helped)

    @property
    def state(self) -> Suit | None:
        return self._state

    def update_tab_order(self) -> None:
        """Tab in reading order: Start now, the search, the tiles, the buttons for one's
        own exercises, My coping plan, History, Settings (tiles made later would
        otherwise come last)."""
        chain = [self.start_now, self.helped_button, self.filter, *self.tiles,
                 *self.broken_tiles, *self.own_buttons, self.plan_button,
                 self.history_button, self.settings_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _show_problems(self, problems: list[Problem]) -> None:
        """Each file that could not be used becomes a tile saying why, after the others."""
        self.problems.hide()
        self.broken_tiles = []
        by_file: dict[str, list[Problem]] = {}
        for problem in problems:
            by_file.setdefault(problem.path, []).append(problem)
        if not by_file:
            return
        group = QWidget(self.groups.parentWidget())
        group.setProperty("broken", True)
        layout = QVBoxLayout(group)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(label(self.tr("Files that need a fix").upper(), "section", group,
                               selectable=False))
        grid = QGridLayout()
        grid.setSpacing(10)
        for index, (path, found) in enumerate(by_file.items()):
            tile = BrokenTile(path, found, group)
            tile.clicked.connect(self.on_broken_clicked)
            tile.moveRequested.connect(self.on_tile_arrow)
            for hook in self.tile_hooks:
                hook(tile)
            grid.addWidget(tile, index // TILE_COLUMNS, index % TILE_COLUMNS)
            self.broken_tiles.append(tile)
        layout.addLayout(grid)
        self.groups.addWidget(group)

    def tile_for(self, exercise_id: str) -> ExerciseTile | None:
        return next((t for t in self.tiles if t.exercise.id == exercise_id), None)

    def focused_exercise_id(self) -> str:
        """The exercise the keyboard is on: a tile, Start now, or the first match when typing."""
        focus = self.focusWidget()
        if isinstance(focus, ExerciseTile):
            return focus.exercise.id
        if focus is self.start_now:
            return self._default_id
        if focus is self.filter and self.filter.text():
            visible = self.visible_tiles()
            return visible[0].exercise.id if visible else ""
        return ""

    def focus_exercise(self, exercise_id: str) -> bool:
        tile = self.tile_for(exercise_id)
        if tile is None or tile.isHidden():
            return False
        tile.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def visible_tiles(self) -> list[ExerciseTile]:
        return [t for t in self.tiles if not t.isHidden()]

    @Slot(str)
    def on_filter(self, text: str) -> None:
        words = text.lower().split()
        for tile in self.tiles:
            tile.setHidden(not tile.matches(words))
        for index in range(self.groups.count()):
            item = self.groups.itemAt(index)
            group = item.widget() if item is not None else None
            if group is not None:
                if group.property("broken"):  # out of the way while searching
                    group.setHidden(bool(words))
                    continue
                group.setHidden(not any(
                    not t.isHidden() and t.parentWidget() is group for t in self.tiles))
        self.empty.setVisible(bool(self.tiles) and not self.visible_tiles())

    @Slot()
    def on_filter_enter(self) -> None:
        visible = self.visible_tiles()
        if visible:
            visible[0].click()

    @Slot(int)
    def on_tile_arrow(self, key: int) -> None:
        """From a tile, an arrow goes to the tile next to it on screen."""
        tile = self.sender()
        if not isinstance(tile, Tile):
            return
        shown = [t for t in (*self.tiles, *self.broken_tiles) if t.isVisible()]
        target = tile_towards(tile, shown, Qt.Key(key))
        if target is not None:
            target.setFocus(Qt.FocusReason.TabFocusReason)

    @Slot()
    def on_tile_clicked(self) -> None:
        tile = self.sender()
        if isinstance(tile, ExerciseTile):
            self.exerciseChosen.emit(tile.exercise.id)

    @Slot()
    def on_broken_clicked(self) -> None:
        tile = self.sender()
        if isinstance(tile, BrokenTile):
            self.brokenFileChosen.emit(tile.path)

    @Slot()
    def on_helped(self) -> None:
        if self._helped_id:
            self.exerciseChosen.emit(self._helped_id)

    @Slot()
    def on_start_now(self) -> None:
        if self._default_id:
            self.exerciseChosen.emit(self._default_id)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.filter.text():
            self.filter.clear()
            self.start_now.setFocus()
            return
        text = event.text()
        if text and text.isprintable() and not text.isspace() and not self.filter.hasFocus():
            self.filter.setFocus()
            self.filter.setText(self.filter.text() + text)
            return
        super().keyPressEvent(event)


ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)


def tile_towards(tile: QWidget, tiles: Sequence[QWidget], key: Qt.Key) -> QWidget | None:
    """The tile next to ``tile`` in the direction of an arrow key, by where tiles sit on
    screen: Down goes to the nearest row below (across kinds too), to the tile most
    nearly under this one; Left and Right stay in the row."""
    here = tile.mapToGlobal(tile.rect().center())
    half_row = tile.height() // 2
    found: list[tuple[int, int, QWidget]] = []  # (distance ahead, distance across, tile)
    for other in tiles:
        if other is tile:
            continue
        there = other.mapToGlobal(other.rect().center())
        dx, dy = there.x() - here.x(), there.y() - here.y()
        ahead, across = {Qt.Key.Key_Down: (dy, dx), Qt.Key.Key_Up: (-dy, dx),
                         Qt.Key.Key_Right: (dx, dy), Qt.Key.Key_Left: (-dx, dy)}[key]
        sideways_ok = key in (Qt.Key.Key_Up, Qt.Key.Key_Down) or abs(across) <= half_row
        if ahead > 0 and sideways_ok:
            found.append((ahead, abs(across), other))
    if not found:
        return None
    nearest = min(ahead for ahead, _across, _tile in found)
    same_line = [entry for entry in found if entry[0] <= nearest + half_row]
    return min(same_line, key=lambda entry: (entry[1], entry[0]))[2]
