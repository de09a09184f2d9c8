"""A light start: the first frame holds only the page it shows; the rest follows it.

``steady`` and ``steady start ID`` build the window with ``light_start``: the
launcher (or the first rating) is made before the first frame, and one's own
exercises, their folder watch and the tray only once that frame is painted
(docs/BENCHMARKS.md, "Start-up"). Pages of the distress path are made the first
time they are needed.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.bootstrap import build_window
from app.domain.settings import Settings
from app.ui.distress.launcher import LauncherPage
from app.ui.distress.rating import BeforePage
from app.ui.shell.application import open_first_page
from app.ui.shell.window import MainWindow
from tests.gui.conftest import show_active

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues")]


def pages(window: MainWindow) -> list[str]:
    stack = window.stack
    return [type(stack.widget(i)).__name__ for i in range(stack.count())]


def light_window(qtbot: QtBot, data_dir: Path, start_id: str | None = None) -> MainWindow:
    window = build_window(data_dir, Settings(first_run_done=True), start_id=start_id,
                          light_start=True)
    qtbot.addWidget(window)
    return window


def test_home_start_makes_the_launcher_alone(qtbot: QtBot, data_dir: Path) -> None:
    window = light_window(qtbot, data_dir)
    assert pages(window) == ["LauncherPage"]
    assert window.launcher.tiles  # the exercises are there for the first frame
    assert window.launcher.own_area.count() == 0  # one's own: after the first frame


def test_start_id_makes_only_its_first_rating(qtbot: QtBot, data_dir: Path) -> None:
    window = light_window(qtbot, data_dir, "box")
    assert pages(window) == ["BeforePage"]
    assert isinstance(window.current_page(), BeforePage)
    assert window.current_exercise_id() == "box"
    assert window.before.title.text() == "Box breathing"


def test_an_unknown_start_id_falls_back_to_home(qtbot: QtBot, data_dir: Path) -> None:
    window = light_window(qtbot, data_dir, "no-such-exercise")
    assert isinstance(window.current_page(), LauncherPage)
    assert window.current_exercise_id() is None


def test_the_rest_is_made_once_the_first_frame_is_painted(qtbot: QtBot, data_dir: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import app.ui.shell.first_frame as first_frame

    monkeypatch.setattr(first_frame, "FIRST_FRAME_WAIT_MS", 60_000)  # the paint, not the timer
    window = light_window(qtbot, data_dir, "box")
    ran: list[str] = []
    window.after_first_frame(lambda: ran.append("tray"))
    assert ran == []  # nothing runs before the window has been painted
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: ran == ["tray"])
    # One's own exercises came first: their buttons sit on the launcher, made for them.
    assert "LauncherPage" in pages(window)
    assert window.launcher.own_area.count() > 0
    assert isinstance(window.current_page(), BeforePage)  # still where the person is
    own = window.own_exercises
    assert own is not None
    own.shutdown()


def test_after_first_frame_runs_at_once_when_the_frame_is_past(qtbot: QtBot,
                                                              data_dir: Path) -> None:
    window = build_window(data_dir, Settings(first_run_done=True))  # not a light start
    qtbot.addWidget(window)
    assert window.launcher.own_area.count() > 0  # everything made up front
    ran: list[int] = []
    window.after_first_frame(lambda: ran.append(1))
    assert ran == [1]
    own = window.own_exercises
    assert own is not None
    own.shutdown()


def test_pages_are_made_when_first_needed(qtbot: QtBot, data_dir: Path) -> None:
    window = light_window(qtbot, data_dir)
    assert window.start_exercise("box")
    assert pages(window) == ["LauncherPage", "BeforePage"]
    window.go_home()
    assert window.current_exercise_id() is None
    window.summary  # noqa: B018 - made on first use, once
    window.summary  # noqa: B018
    assert pages(window) == ["LauncherPage", "BeforePage", "SummaryPage"]


def test_open_first_page_keeps_a_rating_already_open(qtbot: QtBot, data_dir: Path) -> None:
    window = light_window(qtbot, data_dir, "box")
    scale = window.before.scale
    scale.set_value(7)  # what the person chose while the window finished starting
    open_first_page(window, "box")
    assert window.before.scale.value() == 7
    open_first_page(window, "extended-exhale")  # another exercise: its own rating
    assert window.current_exercise_id() == "extended-exhale"


def test_a_window_never_painted_still_finishes_starting(qtbot: QtBot, data_dir: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    import app.ui.shell.first_frame as first_frame

    monkeypatch.setattr(first_frame, "FIRST_FRAME_WAIT_MS", 50)
    window = light_window(qtbot, data_dir)
    ran: list[str] = []
    window.after_first_frame(lambda: ran.append("listening"))
    qtbot.waitUntil(lambda: ran == ["listening"])  # never shown, so never painted
    assert window.launcher.own_area.count() > 0
    window.after_first_frame(lambda: ran.append("later"))  # past: runs at once
    assert ran == ["listening", "later"]
    own = window.own_exercises
    assert own is not None
    own.shutdown()


def test_the_application_is_made_in_steadys_style() -> None:
    """Fusion comes from the command line it is made with, not ``setStyle``."""
    code = ("import sys\nfrom app.ui.style import theme\n"
            "from app.ui.shell.application import make_application\n"
            "app = make_application()\nbefore = app.style().name()\n"
            "theme.apply(app, 'light')\n"
            "print(before, app.property('steadyStyle'))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_STYLE_OVERRIDE": "windows"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, env=env, cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["fusion", "Fusion"]  # over the environment's choice


def test_after_first_frame_runs_all_in_order_even_if_one_fails(qtbot: QtBot, data_dir: Path,
                                                              caplog: pytest.LogCaptureFixture
                                                              ) -> None:
    window = light_window(qtbot, data_dir)
    ran: list[str] = []

    def broken() -> None:
        ran.append("broken")
        raise RuntimeError("a tray that cannot be made")

    window.after_first_frame(broken)
    window.after_first_frame(lambda: ran.append("tray"))
    window.after_first_frame(lambda: ran.append("listening"), first=True)
    show_active(qtbot, window)
    qtbot.waitUntil(lambda: "tray" in ran)
    assert ran == ["listening", "broken", "tray"]  # (own exercises came after "listening")
    assert "a tray that cannot be made" in caplog.text
    own = window.own_exercises
    assert own is not None
    own.shutdown()
