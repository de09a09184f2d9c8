"""My coping plan in the window: opening it, writing it, starting from it, printing it."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.domain.loader import Library
from app.domain.plan import CopingPlan
from app.domain.settings import Contact, Settings
from app.storage.plan import PLAN_NAME, FilePlanStore
from app.storage.sessions import SqliteSessionStore
from app.ui.distress.launcher import LauncherPage
from app.ui.distress.rating import BeforePage
from app.ui.plan.page import PlanPage
from app.ui.shell.window import MainWindow
from tests.gui.conftest import FakeClock, show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]

CONTACTS = (Contact("Sam", "07700 900123", "evenings"), Contact("Crisis line", "988"))


def make_window(qtbot: QtBot, library: Library, store: SqliteSessionStore, clock: FakeClock,
                data_dir: Path, settings: Settings | None = None) -> MainWindow:
    window = MainWindow(library, store,
                        settings or Settings(first_run_done=True, contacts=CONTACTS),
                        clock=clock, plans=lambda: FilePlanStore(data_dir))
    qtbot.addWidget(window)
    show_active(qtbot, window)
    return window


@pytest.fixture
def window(qtbot: QtBot, library: Library, store: SqliteSessionStore, clock: FakeClock,
           data_dir: Path) -> MainWindow:
    return make_window(qtbot, library, store, clock, data_dir)


def open_plan(qtbot: QtBot, window: MainWindow) -> PlanPage:
    window.launcher.plan_button.click()
    page = window.plan_door.page
    qtbot.waitUntil(lambda: window.current_page() is page)
    return page


def saved(data_dir: Path) -> CopingPlan:
    return FilePlanStore(data_dir).load()


def test_a_new_plan_is_empty_with_examples_only_as_placeholders(qtbot: QtBot,
                                                                window: MainWindow,
                                                                data_dir: Path) -> None:
    page = open_plan(qtbot, window)
    assert list(page.texts) == ["warning_signs", "on_my_own", "distractions", "people",
                                "professionals", "safer_space", "what_matters"]
    for text in page.texts.values():
        assert text.toPlainText() == ""
        assert text.placeholderText().startswith("For example")
    assert page.exercise_rows == []
    assert not any(box.isChecked() for boxes in page.contact_boxes.values() for box in boxes)
    assert page.plan() == CopingPlan()
    assert page.texts["warning_signs"].hasFocus()
    assert not (data_dir / PLAN_NAME).exists()  # opening writes nothing


def test_what_is_typed_is_saved_privately_and_there_when_reopened(
        qtbot: QtBot, window: MainWindow, library: Library, store: SqliteSessionStore,
        clock: FakeClock, data_dir: Path) -> None:
    page = open_plan(qtbot, window)
    qtbot.keyClicks(page.texts["warning_signs"], "Not sleeping")
    qtbot.keyClick(page.texts["warning_signs"], Qt.Key.Key_Return)
    qtbot.keyClicks(page.texts["warning_signs"], "Snapping at people")
    page.texts["what_matters"].setPlainText("My daughter")
    qtbot.waitUntil(lambda: saved(data_dir).what_matters == ("My daughter",), timeout=5000)
    assert saved(data_dir).warning_signs == ("Not sleeping", "Snapping at people")
    assert page.status.text() == "Saved on this computer."
    if os.name == "posix":
        assert stat.S_IMODE((data_dir / PLAN_NAME).stat().st_mode) == 0o600
    qtbot.keyClick(page.texts["what_matters"], Qt.Key.Key_Escape)  # leaves, keeping it
    assert isinstance(window.current_page(), LauncherPage)
    window.close()
    again = make_window(qtbot, library, store, clock, data_dir)
    reopened = open_plan(qtbot, again)
    assert reopened.texts["warning_signs"].toPlainText() == "Not sleeping\nSnapping at people"
    assert reopened.texts["what_matters"].toPlainText() == "My daughter"


def test_leaving_at_once_writes_what_was_just_typed(qtbot: QtBot, window: MainWindow,
                                                    data_dir: Path) -> None:
    page = open_plan(qtbot, window)
    page.texts["safer_space"].setPlainText("Give the car keys to Jo")
    page.back_button.click()  # before the short wait after typing is over
    assert saved(data_dir).safer_space == ("Give the car keys to Jo",)


def test_exercises_are_chosen_from_the_library_and_start_from_the_plan(
        qtbot: QtBot, window: MainWindow, data_dir: Path) -> None:
    page = open_plan(qtbot, window)
    assert page.exercise_choice.currentIndex() == -1 and not page.add_exercise.isEnabled()
    page.exercise_choice.setCurrentIndex(page.exercise_choice.findData("orienting"))
    page.add_exercise.click()
    assert [row.exercise_id for row in page.exercise_rows] == ["orienting"]
    assert page.exercise_choice.findData("orienting") == -1  # not offered twice
    assert page.exercise_rows[0].start.hasFocus()
    page.exercise_rows[0].start.click()
    assert isinstance(window.current_page(), BeforePage)
    assert window.current_exercise_id() == "orienting"
    assert saved(data_dir).exercises == ("orienting",)  # written before leaving


def test_an_exercise_hidden_or_gone_has_no_start_button_and_can_be_removed(
        qtbot: QtBot, library: Library, store: SqliteSessionStore, clock: FakeClock,
        data_dir: Path) -> None:
    FilePlanStore(data_dir).save(CopingPlan(exercises=("cold-temperature", "my-old-one")))
    window = make_window(qtbot, library, store, clock, data_dir,
                         Settings(first_run_done=True, health=frozenset({"heart"})))
    page = open_plan(qtbot, window)
    cold, gone = page.exercise_rows
    assert not cold.start.isVisibleTo(page) and "health settings" in cold.why.text()
    assert not gone.start.isVisibleTo(page) and "No longer" in gone.why.text()
    assert page.exercise_choice.findData("cold-temperature") == -1
    gone.remove.click()
    assert [row.exercise_id for row in page.exercise_rows] == ["cold-temperature"]
    page.back_button.click()
    assert saved(data_dir).exercises == ("cold-temperature",)


def test_people_come_from_the_contacts(qtbot: QtBot, window: MainWindow,
                                       data_dir: Path) -> None:
    page = open_plan(qtbot, window)
    boxes = page.contact_boxes["contacts"]
    assert [box.text() for box in boxes] == ["Sam · 07700 900123 · evenings",
                                             "Crisis line · 988"]
    boxes[0].click()
    page.contact_boxes["professional_contacts"][1].click()
    page.back_button.click()
    plan = saved(data_dir)
    assert plan.contacts == ("Sam",) and plan.professional_contacts == ("Crisis line",)


def test_a_contact_no_longer_there_is_kept_until_unticked(
        qtbot: QtBot, library: Library, store: SqliteSessionStore, clock: FakeClock,
        data_dir: Path) -> None:
    FilePlanStore(data_dir).save(CopingPlan(contacts=("Alex",)))
    window = make_window(qtbot, library, store, clock, data_dir)
    page = open_plan(qtbot, window)
    first = page.contact_boxes["contacts"][0]
    assert first.text() == "Alex (no longer in your contacts)" and first.isChecked()
    assert page.plan().contacts == ("Alex",)


def test_without_contacts_the_plan_leads_to_settings(qtbot: QtBot, library: Library,
                                                     store: SqliteSessionStore,
                                                     clock: FakeClock, data_dir: Path) -> None:
    window = make_window(qtbot, library, store, clock, data_dir, Settings(first_run_done=True))
    page = open_plan(qtbot, window)
    assert page.contact_boxes["contacts"] == []
    add = next(b for b in page.findChildren(type(page.back_button))
               if b.text() == "Add contacts")
    add.click()
    assert window.current_page() is window.settings_page
    window.settings_page.on_back()  # type: ignore[union-attr]
    assert window.current_page() is page  # back to the plan


def test_help_offers_the_plan_first(qtbot: QtBot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.helpShown) as shown:
        window.show_help()
    dialog = shown.args[0]
    layout = dialog.scroll_area.widget().layout()
    order = [layout.itemAt(i).widget() for i in range(layout.count())
             if layout.itemAt(i).widget() is not None]
    sections = [w.accessibleName() for w in order if w.property("role") == "section"]
    assert sections[0] == "Your plan"
    assert order.index(dialog.plan_button) < order.index(dialog.finder)
    dialog.plan_button.click()
    qtbot.waitUntil(lambda: window.help_dialog is None)
    assert isinstance(window.current_page(), PlanPage)


def test_opened_from_help_during_an_exercise_back_returns_to_it(qtbot: QtBot,
                                                                window: MainWindow) -> None:
    window.start_exercise("orienting")
    window.before.on_skip()
    exercise_page = window.exercise_page
    assert exercise_page is not None
    window.show_help()
    window.help_dialog.plan_button.click()  # type: ignore[union-attr]
    page = window.plan_door.page
    assert window.current_page() is page
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert window.current_page() is exercise_page


def test_printing_goes_through_the_print_dialog(qtbot: QtBot, window: MainWindow,
                                                tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtPrintSupport import QPrinter

    from app.ui.plan import printing

    pdf = tmp_path / "plan.pdf"
    asked: list[str] = []

    def ask(cls: type, parent: object, printer: QPrinter) -> bool:
        asked.append(printer.docName())
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # "Print to file (PDF)"
        printer.setOutputFileName(str(pdf))
        return True

    monkeypatch.setattr(printing.PrintRequest, "ask", classmethod(ask))
    page = open_plan(qtbot, window)
    page.texts["warning_signs"].setPlainText("Not sleeping <b>at all</b>")
    page.contact_boxes["contacts"][0].click()
    page.exercise_choice.setCurrentIndex(page.exercise_choice.findData("orienting"))
    page.add_exercise.click()
    qtbot.keyClick(page.texts["warning_signs"], Qt.Key.Key_P,
                   Qt.KeyboardModifier.ControlModifier)
    assert asked == ["My coping plan"]
    assert pdf.exists() and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                              text=True, check=True).stdout
        for words in ("My coping plan", "1. My warning signs", "Not sleeping <b>at all</b>",
                      "Orienting", "Sam · 07700 900123 · evenings", "7. What matters to me"):
            assert words in text, words


def test_printing_cancelled_prints_nothing(qtbot: QtBot, window: MainWindow,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from app.ui.plan import printing

    printed: list[object] = []
    monkeypatch.setattr(printing.PrintRequest, "ask", classmethod(lambda *_: False))
    monkeypatch.setattr(printing.QTextDocument, "print_", lambda *a: printed.append(a))
    page = open_plan(qtbot, window)
    page.print_button.click()
    assert printed == []


def test_nothing_of_the_plan_loads_before_the_first_frame(tmp_path: Path) -> None:
    code = ("from pathlib import Path\nimport sys\n"
            "from PySide6.QtWidgets import QApplication\n"
            "app = QApplication([])\n"
            "from app.bootstrap import build_window\n"
            "from app.domain.settings import Settings\n"
            f"w = build_window(Path({str(tmp_path / 'data')!r}), Settings(first_run_done=True),"
            " light_start=True)\n"
            "print(sorted(m for m in sys.modules if 'plan' in m.split('.')[-1]"
            " or m.endswith('PrintSupport')))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=env, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    app = QApplication.instance()
    assert app is not None


class BrokenStore:
    """A plan store whose file cannot be read, or cannot be written."""

    def __init__(self, *, read: bool = True, write: bool = True) -> None:
        self.notice = ""
        self.read, self.write = read, write
        self.saves: list[CopingPlan] = []

    def load(self) -> CopingPlan:
        if not self.read:
            from app.domain.errors import StorageError

            raise StorageError("Your coping plan could not be read (Input/output error).")
        return CopingPlan()

    def save(self, plan: CopingPlan) -> None:
        if not self.write:
            from app.domain.errors import StorageError

            raise StorageError("Could not save your coping plan (No space left on device). "
                               "What you wrote is still on screen.")
        self.saves.append(plan)

    def delete(self) -> None:
        pass


def test_a_plan_that_cannot_be_read_is_never_written_over(
        qtbot: QtBot, library: Library, store: SqliteSessionStore, clock: FakeClock) -> None:
    broken = BrokenStore(read=False)
    window = MainWindow(library, store, Settings(first_run_done=True), clock=clock,
                        plans=lambda: broken)
    qtbot.addWidget(window)
    page = open_plan(qtbot, window)
    assert "could not be read" in page.notice.text() and page.notice.isVisibleTo(page)
    assert "will not write over it" in page.notice.text()
    page.texts["people"].setPlainText("Jo")
    page.back_button.click()
    assert broken.saves == []
    window.show_plan()
    assert page.texts["people"].toPlainText() == "Jo"  # kept while Steady is open


def test_a_plan_that_cannot_be_saved_says_so_and_keeps_the_words(
        qtbot: QtBot, library: Library, store: SqliteSessionStore, clock: FakeClock) -> None:
    broken = BrokenStore(write=False)
    window = MainWindow(library, store, Settings(first_run_done=True), clock=clock,
                        plans=lambda: broken)
    qtbot.addWidget(window)
    page = open_plan(qtbot, window)
    page.texts["people"].setPlainText("Jo")
    qtbot.waitUntil(lambda: "No space left" in page.notice.text(), timeout=5000)
    assert page.texts["people"].toPlainText() == "Jo"
    broken.write = True
    page.texts["people"].setPlainText("Jo\nSam")  # the next change tries again
    qtbot.waitUntil(lambda: bool(broken.saves), timeout=5000)
    assert broken.saves[-1].people == ("Jo", "Sam")
    assert not page.notice.isVisibleTo(page) and page.status.text() == "Saved on this computer."


def finish_a_session(qtbot: QtBot, window: MainWindow, tags: str) -> None:
    window.start_exercise("orienting")
    window.before.scale.set_value(6)
    window.before.go_button.click()
    window.exercise_page.stop()  # type: ignore[union-attr]
    after = window.after
    after.scale.set_value(4)
    after.tags.setText(tags)
    after.go_button.click()
    qtbot.waitUntil(lambda: window.current_page() is window.summary)


def test_a_tag_that_is_a_warning_sign_offers_the_plan_once(
        qtbot: QtBot, library: Library, store: SqliteSessionStore, clock: FakeClock,
        data_dir: Path) -> None:
    FilePlanStore(data_dir).save(CopingPlan(warning_signs=("Not sleeping",
                                                           "Rows with my partner")))
    window = make_window(qtbot, library, store, clock, data_dir)
    summary = window.summary
    finish_a_session(qtbot, window, "work")  # not a warning sign: nothing offered
    assert not summary.plan_button.isVisibleTo(summary)
    finish_a_session(qtbot, window, "work, partner")
    assert summary.plan_button.isVisibleTo(summary)
    assert "Rows with my partner" in summary.plan_offer.text()
    assert summary.home_button.hasFocus()  # offered, not pressed on the person
    finish_a_session(qtbot, window, "partner")  # once: not again for the same sign
    assert not summary.plan_button.isVisibleTo(summary)
    finish_a_session(qtbot, window, "not sleeping")  # another sign
    assert summary.plan_button.isVisibleTo(summary)
    summary.plan_button.click()
    assert isinstance(window.current_page(), PlanPage)
    assert window.plan_door.page.texts["warning_signs"].toPlainText() == (
        "Not sleeping\nRows with my partner")


def test_without_tags_the_plan_is_not_even_read(qtbot: QtBot, window: MainWindow) -> None:
    finish_a_session(qtbot, window, "")
    assert window._plan_door is None  # nothing of the plan was made or read
    assert not window.summary.plan_button.isVisibleTo(window.summary)
