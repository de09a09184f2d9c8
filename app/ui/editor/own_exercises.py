"""The person's own exercises, from the launcher: new, edit, duplicate, import, export, delete.

:class:`OwnExercises` is created by the main window when it knows the data
folder. It adds the editor page to the window's stack, watches
``<data dir>/exercises`` (:class:`~app.services.exercise_folder.ExerciseFolder`)
and reloads the library whenever a file there is added, changed or removed,
by the editor or by any other program. Messages go to a quiet status line
under the launcher's buttons; questions use the ``ask()`` dialogs of
:mod:`app.ui.editor.page`; file choosers and opening the folder go through the
module functions below, so tests patch one call each.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMenu, QPushButton, QStackedWidget, QWidget

from app import paths
from app.domain.exercise import Exercise, Kind
from app.domain.loader import Library, load_folder
from app.domain.reasons import os_reason
from app.domain.settings import Settings
from app.domain.writer import unique_id
from app.services.exercise_folder import (
    ExerciseFolder,
    copy_in,
    export_to,
    make_folder,
    move_aside,
    read_incoming,
    with_new_id,
)
from app.services.library import LibraryService
from app.ui.distress.launcher import BrokenTile, ExerciseTile, LauncherPage
from app.ui.editor.page import EditorPage
from app.ui.editor.parts import ClashDialog, CloseDialog, DeleteDialog, DraftDialog
from app.ui.widgets.common import label, make_button
from app.ui.widgets.flow_layout import FlowLayout

# --------------------------------------------------------------------------- seams for tests


def choose_import_file(parent: QWidget) -> Path | None:
    """Ask for an exercise file to import; None when the person cancels."""
    name, _filter = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("OwnExercises", "Import an exercise"), str(Path.home()),
        QCoreApplication.translate("OwnExercises", "Exercise files (*.toml);;All files (*)"))
    return Path(name) if name else None


def choose_export_file(parent: QWidget, suggested: Path) -> Path | None:
    """Ask where to save an exported exercise; None when the person cancels."""
    name, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("OwnExercises", "Export an exercise"), str(suggested),
        QCoreApplication.translate("OwnExercises", "Exercise files (*.toml)"))
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(".toml")


def open_url(url: QUrl) -> bool:
    """Open ``url`` with the system (the file manager, for a folder)."""
    return QDesktopServices.openUrl(url)


# --------------------------------------------------------------------------- launcher actions


class LauncherActions(QObject):
    """The launcher's own-exercise row, tile menus and keys.

    Adds "New exercise", "Import…" and "Open exercises folder" under the tiles,
    a menu on every tile (right-click, the Menu key or Shift+F10) and keys that
    act on the tile with the keyboard focus: Ctrl+E edit, Ctrl+D duplicate,
    Ctrl+Shift+E export, Delete delete (one's own only), plus Ctrl+N and Ctrl+I.
    """

    newRequested = Signal()
    editRequested = Signal(str)
    duplicateRequested = Signal(str)
    deleteRequested = Signal(str)
    exportRequested = Signal(str)
    importRequested = Signal()
    openFolderRequested = Signal()
    continueDraftRequested = Signal()
    deleteFileRequested = Signal(str)

    def __init__(self, launcher: LauncherPage) -> None:
        super().__init__(launcher)
        self.launcher = launcher
        self.heading = label(self.tr("Your own exercises").upper(), "section")
        self.new_button = make_button(self.tr("New exercise (Ctrl+N)"), description=self.tr(
            "Make an exercise of your own: a breathing pattern or steps"))
        self.import_button = make_button(self.tr("Import… (Ctrl+I)"), description=self.tr(
            "Add an exercise file someone shared with you"))
        self.folder_button = make_button(self.tr("Open exercises folder"), description=self.tr(
            "Your exercise files, in the file manager"))
        self.draft_button = make_button("", description=self.tr(
            "Go back to the exercise you were editing"))
        self.draft_button.hide()
        self.hint = label(self.tr("On a tile, the Menu key or a right-click offers Edit, "
                                  "Duplicate, Export and Delete (Ctrl+E, Ctrl+D, "
                                  "Ctrl+Shift+E, Delete)."), "small")
        self.status = label("", "small")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleName(self.tr("Your own exercises: status"))
        self.status.hide()
        row = FlowLayout()  # wraps at large text sizes, or beside a long draft title
        for button in (self.new_button, self.import_button, self.folder_button,
                       self.draft_button):
            row.addWidget(button)
        area = launcher.own_area
        area.addSpacing(12)
        area.addWidget(self.heading)
        area.addLayout(row)
        area.addWidget(self.status)
        area.addWidget(self.hint)
        self.shortcuts: dict[str, QShortcut] = {}
        self._connect_signals()
        launcher.tile_hooks.append(self.decorate)
        for tile in [*launcher.tiles, *launcher.broken_tiles]:
            self.decorate(tile)
        launcher.own_buttons = [self.new_button, self.import_button, self.folder_button,
                                self.draft_button]
        launcher.update_tab_order()

    def _connect_signals(self) -> None:
        self.new_button.clicked.connect(self.newRequested)
        self.import_button.clicked.connect(self.importRequested)
        self.folder_button.clicked.connect(self.openFolderRequested)
        self.draft_button.clicked.connect(self.continueDraftRequested)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for key, sequence, slot in (
            ("new", "Ctrl+N", self.on_new),
            ("import", "Ctrl+I", self.on_import),
            ("edit", "Ctrl+E", self.on_edit_current),
            ("duplicate", "Ctrl+D", self.on_duplicate_current),
            ("export", "Ctrl+Shift+E", self.on_export_current),
            ("delete", "Delete", self.on_delete_current),
            ("menu", "Shift+F10", self.on_menu_current),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self.launcher)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)
            self.shortcuts[key] = shortcut

    def decorate(self, tile: QPushButton) -> None:
        """Give a new tile its menu; one's own tiles say so."""
        tile.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tile.customContextMenuRequested.connect(self.on_tile_menu)
        if isinstance(tile, ExerciseTile) and not tile.exercise.bundled:
            tile.heading.setText(self.tr("%1  ·  yours").replace("%1", tile.heading.text()))
            tile.setAccessibleDescription(self.tr("Your own exercise. %1")
                                          .replace("%1", tile.accessibleDescription()))
        if isinstance(tile, BrokenTile):
            tile.setAccessibleDescription(self.tr(
                "%1. Enter opens the folder to fix it; Delete removes the file.")
                .replace("%1", tile.accessibleDescription()))

    def set_status(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def show_draft(self, title: str) -> None:
        """Offer to go back to unsaved changes in the editor ("" hides the offer)."""
        self.draft_button.setText(self.tr("Continue editing “%1”").replace("%1", title))
        self.draft_button.setAccessibleName(self.draft_button.text())
        self.draft_button.setVisible(bool(title))

    def menu_for(self, tile: QPushButton) -> QMenu:
        """The actions for one tile (a QMenu parented to the launcher)."""
        menu = QMenu(self.launcher)
        if isinstance(tile, BrokenTile):
            path = tile.path
            menu.setAccessibleName(self.tr("Actions for %1").replace("%1", tile.heading.text()))
            menu.addAction(self.tr("Open exercises folder")).triggered.connect(
                lambda: self.openFolderRequested.emit())
            menu.addAction(self.tr("Delete this file…")).triggered.connect(
                lambda: self.deleteFileRequested.emit(path))
            return menu
        if not isinstance(tile, ExerciseTile):
            return menu
        exercise = tile.exercise
        menu.setAccessibleName(self.tr("Actions for %1").replace("%1", exercise.title))
        if exercise.bundled:  # the two ways to change it, and how they differ
            edit = self.tr("Edit a copy, in its place")
            edit_tip = self.tr("Your own copy takes the place of Steady's, with the same "
                               "name. Deleting your copy brings Steady's back.")
        else:
            edit, edit_tip = self.tr("Edit"), self.tr("Change this exercise")
        entries = [("edit", edit, edit_tip, "Ctrl+E", self.editRequested),
                   ("duplicate", self.tr("Duplicate, as a new exercise"),
                    self.tr("A new exercise of your own, next to this one, which stays as "
                            "it is"), "Ctrl+D", self.duplicateRequested),
                   ("export", self.tr("Export…"), self.tr("Save this exercise as a file to "
                                                          "share"),
                    "Ctrl+Shift+E", self.exportRequested)]
        if not exercise.bundled:
            entries.append(("delete", self.tr("Delete…"), self.tr("Move its file to the "
                                                                  "deleted-exercises folder"),
                            "Delete", self.deleteRequested))
        menu.setToolTipsVisible(True)
        for name, text, tip, keys, signal in entries:
            action = menu.addAction(text)
            action.setObjectName(name)
            action.setToolTip(tip)
            action.setShortcut(QKeySequence(keys))
            action.triggered.connect(lambda _=False, s=signal: s.emit(exercise.id))
        return menu

    @Slot(QPoint)
    def on_tile_menu(self, position: QPoint) -> None:
        tile = self.sender()
        if isinstance(tile, QPushButton):
            menu = self.menu_for(tile)
            menu.exec(tile.mapToGlobal(position))
            menu.deleteLater()

    @Slot()
    def on_new(self) -> None:
        self.newRequested.emit()

    @Slot()
    def on_import(self) -> None:
        self.importRequested.emit()

    @Slot()
    def on_edit_current(self) -> None:
        if exercise_id := self.launcher.focused_exercise_id():
            self.editRequested.emit(exercise_id)

    @Slot()
    def on_duplicate_current(self) -> None:
        if exercise_id := self.launcher.focused_exercise_id():
            self.duplicateRequested.emit(exercise_id)

    @Slot()
    def on_export_current(self) -> None:
        if exercise_id := self.launcher.focused_exercise_id():
            self.exportRequested.emit(exercise_id)

    @Slot()
    def on_delete_current(self) -> None:
        focus = self.launcher.focusWidget()
        if isinstance(focus, ExerciseTile) and not focus.exercise.bundled:
            self.deleteRequested.emit(focus.exercise.id)
        elif isinstance(focus, BrokenTile):
            self.deleteFileRequested.emit(focus.path)

    @Slot()
    def on_menu_current(self) -> None:
        focus = self.launcher.focusWidget()
        if isinstance(focus, ExerciseTile | BrokenTile):
            focus.customContextMenuRequested.emit(focus.rect().center())


# --------------------------------------------------------------------------- the controller


class ExerciseHost(Protocol):
    """What the controller needs from the window it lives in (MainWindow is one)."""

    @property
    def launcher(self) -> LauncherPage: ...

    @property
    def stack(self) -> QStackedWidget: ...

    @property
    def settings(self) -> Settings: ...

    def current_page(self) -> QWidget | None: ...

    def show_page(self, page: QWidget) -> None: ...

    def show_status(self, text: str) -> None:
        """A short, calm line at the top of the window, until the page changes."""

    def go_home(self) -> None: ...


class OwnExercises(QObject):
    """Wires the launcher's own-exercise actions, the editor page and the live folder.

    The exercises themselves are the :class:`~app.services.library.LibraryService`'s:
    this controller asks it to read them again after a change, and whoever shows
    them listens to its ``changed`` signal.
    """

    def __init__(self, host: ExerciseHost, library: LibraryService, data_dir: Path, *,
                 clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.host = host
        self.library_service = library
        self.data_dir = data_dir
        self.folder = paths.user_exercises_dir(data_dir)
        self._clock = clock
        self.editor: EditorPage | None = None
        with contextlib.suppress(OSError):  # a folder that cannot be made is reported later
            make_folder(self.folder)
        self.watcher = ExerciseFolder(self.folder, parent=self)
        self.actions = LauncherActions(host.launcher)
        self._connect_signals()

    def _connect_signals(self) -> None:
        actions = self.actions
        actions.newRequested.connect(self.on_new)
        actions.editRequested.connect(self.on_edit)
        actions.duplicateRequested.connect(self.on_duplicate)
        actions.deleteRequested.connect(self.on_delete)
        actions.exportRequested.connect(self.on_export)
        actions.importRequested.connect(self.on_import)
        actions.openFolderRequested.connect(self.on_open_folder)
        actions.deleteFileRequested.connect(self.on_delete_file)
        actions.continueDraftRequested.connect(self.on_continue_draft)
        self.host.launcher.brokenFileChosen.connect(self.on_broken_chosen)
        self.host.stack.currentChanged.connect(self.on_page_changed)
        self.watcher.changed.connect(self.on_folder_changed)
        self.library_service.changed.connect(self.on_library_changed)

    # ------------------------------------------------------------------ library

    @property
    def library(self) -> Library:
        return self.library_service.library

    def dialog_parent(self) -> QWidget:
        """The window, for questions and file choosers."""
        return self.host.launcher.window()

    def reload(self) -> None:
        """Read the exercises again and show them, keeping the keyboard focus in place."""
        launcher = self.host.launcher
        tile = launcher.focusWidget()
        # Only a tile is rebuilt; the search field and buttons keep the focus themselves.
        focused = tile.exercise.id if isinstance(tile, ExerciseTile) else ""
        self.library_service.reload()
        if focused and self.host.current_page() is launcher:
            launcher.focus_exercise(focused)

    @Slot(object)
    def on_library_changed(self, library: Library) -> None:
        if self.editor is not None:
            self.editor.set_library(library)

    def _say(self, text: str) -> None:
        """Tell the person, where they are looking after the editor or a tile's menu:
        in the window's status line."""
        self.actions.set_status("")
        self.host.show_status(text)

    def _say_here(self, text: str) -> None:
        """Tell the person under the buttons they just used (import, the folder)."""
        self.actions.set_status(text)

    # ------------------------------------------------------------------ editor

    def editor_page(self) -> EditorPage:
        if self.editor is None:
            editor = EditorPage(self.library, self.folder,
                                reduced_motion=self.host.settings.reduced_motion,
                                clock=self._clock)
            editor.saved.connect(self.on_editor_saved)
            editor.closed.connect(self.on_editor_closed)
            self.host.stack.addWidget(editor)
            self.editor = editor
        return self.editor

    def _open_editor(self, prepare: Callable[[EditorPage], None]) -> EditorPage | None:
        """Show the editor after ``prepare``; an unsaved draft is offered back first."""
        editor = self.editor_page()
        if editor.is_dirty():
            answer = DraftDialog.ask(self.dialog_parent(), self.tr(
                "Your changes to “%1” are not saved yet. Go back to them, or drop them and "
                "go on?").replace("%1", editor.draft_title()))
            if answer != "discard":
                self._show_editor()
                return editor
        editor.set_library(self.library)
        editor.set_reduced_motion(self.host.settings.reduced_motion)
        prepare(editor)
        self._show_editor()
        return editor

    def _show_editor(self) -> None:
        editor = self.editor_page()
        self.host.show_page(editor)  # the focus goes to its title, scrolled into view
        self.actions.show_draft("")

    def may_close(self) -> bool:
        """Whether the window may close: asks when the editor holds unsaved changes."""
        editor = self.editor
        if editor is None or not editor.is_dirty():
            return True
        if not CloseDialog.ask(self.dialog_parent(), self.tr(
                "Your changes to “%1” are not saved. Close Steady anyway?")
                .replace("%1", editor.draft_title())):
            self._show_editor()
            return False
        return True

    def shutdown(self) -> None:
        """Stop the preview and the folder watch."""
        if self.editor is not None:
            self.editor.stop_preview()
        self.watcher.stop()

    # ------------------------------------------------------------------ slots

    @Slot()
    def on_new(self) -> None:
        self.new_exercise()

    def new_exercise(self, kind: Kind = "breathing") -> EditorPage | None:
        return self._open_editor(lambda editor: editor.new(kind))

    @Slot(str)
    def on_edit(self, exercise_id: str) -> None:
        exercise = self.library.get(exercise_id)
        if exercise is not None:
            self._open_editor(lambda editor: editor.edit(exercise))

    @Slot(str)
    def on_duplicate(self, exercise_id: str) -> None:
        exercise = self.library.get(exercise_id)
        if exercise is not None:
            self._open_editor(lambda editor: editor.duplicate(exercise))

    @Slot()
    def on_continue_draft(self) -> None:
        self._show_editor()

    @Slot(object)
    def on_editor_saved(self, exercise: Exercise) -> None:
        self.reload()
        self.host.go_home()
        hidden = sorted(set(exercise.tags) & self.host.settings.hidden_tags())
        if hidden:
            self._say(self.tr("Saved “%1”. It is not in the list because your health "
                              "settings hide exercises tagged %2.")
                      .replace("%1", exercise.title).replace("%2", ", ".join(hidden)))
        else:
            self._say(self.tr("Saved “%1”.").replace("%1", exercise.title))
        self.host.launcher.focus_exercise(exercise.id)

    @Slot()
    def on_editor_closed(self) -> None:
        editor = self.editor_page()
        self.host.go_home()
        self.actions.show_draft(editor.draft_title() if editor.is_dirty() else "")

    @Slot(int)
    def on_page_changed(self, _index: int) -> None:
        """Back on the launcher by any road: offer unsaved changes back."""
        editor = self.editor
        if editor is not None and self.host.current_page() is self.host.launcher:
            self.actions.show_draft(editor.draft_title() if editor.is_dirty() else "")

    @Slot()
    def on_folder_changed(self) -> None:
        self.reload()

    @Slot(str)
    def on_delete(self, exercise_id: str) -> None:
        exercise = self.library.get(exercise_id)
        if exercise is None or exercise.path is None:
            return
        if exercise.bundled:
            self._say(self.tr("“%1” comes with Steady and cannot be deleted.")
                      .replace("%1", exercise.title))
            return
        text = self.tr("Delete “%1”? Its file moves to the deleted-exercises folder next to "
                       "your exercises, so it can be brought back. Your past sessions with it "
                       "stay in your history.").replace("%1", exercise.title)
        original = load_folder(paths.bundled_exercises_dir(), bundled=True)
        if any(e.id == exercise.id for e in original.exercises):
            text += " " + self.tr("Steady's own version comes back in its place.")
        if not DeleteDialog.ask(self.dialog_parent(), text):
            return
        try:
            move_aside(exercise.path, self.data_dir)
        except OSError as error:
            self._say(self.tr("Could not delete “%1” (%2).").replace("%1", exercise.title)
                      .replace("%2", os_reason(error)))
            return
        self.reload()
        self._say(self.tr("Deleted “%1”.").replace("%1", exercise.title))

    @Slot(str)
    def on_delete_file(self, path_text: str) -> None:
        """Delete a broken file from the person's folder (moved aside, after asking)."""
        path = Path(path_text)
        if path.parent != self.folder or not path.is_file():
            return
        if not DeleteDialog.ask(self.dialog_parent(), self.tr(
                "Delete the file %1? It moves to the deleted-exercises folder next to your "
                "exercises, so it can be brought back.").replace("%1", path.name)):
            return
        try:
            move_aside(path, self.data_dir)
        except OSError as error:
            self._say(self.tr("Could not delete %1 (%2).").replace("%1", path.name)
                      .replace("%2", os_reason(error)))
            return
        self.reload()
        self._say(self.tr("Deleted %1.").replace("%1", path.name))

    @Slot(str)
    def on_export(self, exercise_id: str) -> None:
        exercise = self.library.get(exercise_id)
        if exercise is None or exercise.path is None:
            return
        target = choose_export_file(self.dialog_parent(), Path.home() / f"{exercise.id}.toml")
        if target is None:
            return
        if target.parent.absolute() == self.folder.absolute():
            self._say(self.tr("That is your exercises folder, where “%1” already is. Choose "
                              "another place to share it from.").replace("%1", exercise.title))
            return
        try:
            export_to(exercise, target)
        except OSError as error:
            self._say(self.tr("Could not export “%1” (%2).").replace("%1", exercise.title)
                      .replace("%2", os_reason(error)))
            return
        self._say(self.tr("Exported “%1” to %2.").replace("%1", exercise.title)
                  .replace("%2", str(target)))

    @Slot()
    def on_import(self) -> None:
        source = choose_import_file(self.dialog_parent())
        if source is None:
            return
        incoming = read_incoming(source)
        exercise = incoming.exercise
        if exercise is None or incoming.problems:
            first = incoming.problems[0] if incoming.problems else None
            where = f"{first.key}: " if first is not None and first.key else ""
            text = self.tr("%1 could not be imported: %2").replace("%1", source.name).replace(
                "%2", where + (first.message if first is not None else ""))
            if len(incoming.problems) > 1:
                text += " " + self.tr("(and %1 more; `steady validate` lists them all)") \
                    .replace("%1", str(len(incoming.problems) - 1))
            self._say_here(text)
            return
        data = incoming.data
        new_id = exercise.id
        replace_path: Path | None = None
        existing = self.library.get(exercise.id)
        if existing is not None:
            if existing.bundled:
                question = self.tr(
                    "Steady already has “%1” with the id “%2”. Replace it (Steady's own file "
                    "stays as it is; the imported one takes its place in the list), or keep "
                    "both (the imported one gets a new id)?")
            else:
                question = self.tr(
                    "You already have “%1” with the id “%2”. Replace it with the imported one "
                    "(yours moves to the deleted-exercises folder), or keep both (the "
                    "imported one gets a new id)?")
            answer = ClashDialog.ask(self.dialog_parent(), question.replace("%1", existing.title)
                                     .replace("%2", exercise.id))
            if answer == "cancel":
                self._say_here(self.tr("Nothing was imported."))
                return
            if answer == "keep-both":
                new_id = unique_id(exercise.id, set(self.library.ids()))
                changed = with_new_id(data, source, new_id)
                if changed is None:
                    self._say_here(self.tr("%1 could not be given a new id; nothing was imported.")
                              .replace("%1", source.name))
                    return
                data = changed
            elif not existing.bundled and existing.path is not None:
                replace_path = existing.path
        try:
            if replace_path is not None:
                move_aside(replace_path, self.data_dir)
            copy_in(data, self.folder, new_id, replace=replace_path)
        except OSError as error:
            self._say_here(self.tr("Could not import %1 (%2).").replace("%1", source.name)
                      .replace("%2", os_reason(error)))
            return
        self.reload()
        self._say_here(self.tr("Imported “%1”.").replace("%1", exercise.title))
        self.host.launcher.focus_exercise(new_id)

    @Slot()
    def on_open_folder(self) -> None:
        try:
            make_folder(self.folder)
        except OSError as error:
            self._say_here(self.tr("Could not make the folder %1 (%2).").replace(
                "%1", str(self.folder)).replace("%2", os_reason(error)))
            return
        if not open_url(QUrl.fromLocalFile(str(self.folder))):
            self._say_here(self.tr("Steady could not open a file manager. Your exercises folder "
                              "is %1").replace("%1", str(self.folder)))

    @Slot(str)
    def on_broken_chosen(self, _path: str) -> None:
        self.on_open_folder()
