"""``steady --tray``, the start at login: waiting in the tray, or minimised where none is.

Driven in this process with the window as ``run_gui`` builds it for a tray start
(everything made at once, nothing shown); the tray is stood in for offscreen.
The real-process start without a tray is at the end.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.bootstrap import build_window
from app.domain.settings import Settings
from app.services import handover
from app.services.single_instance import SingleInstance
from app.ui.shell import application
from app.ui.shell.application import answer_request, wait_in_tray
from app.ui.shell.window import MainWindow

pytestmark = [pytest.mark.gui, pytest.mark.usefixtures("quiet_cues"),
              pytest.mark.qt_log_ignore(r"No such signal .*systemTrayWindowChanged")]

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def started(qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[tuple[MainWindow, SingleInstance]]:
    """A tray start's window and single instance, not yet waiting."""
    monkeypatch.setattr(application, "quit_on_signals", lambda *_args: None)  # not here
    data = tmp_path / "data"
    data.mkdir()
    window = build_window(data, Settings(first_run_done=True))
    qtbot.addWidget(window)
    instance = SingleInstance(handover.server_address(data))
    yield window, instance
    if window.tray is not None:
        window.tray.icon.hide()  # type: ignore[attr-defined]
    instance.close()


def test_with_a_tray_there_is_no_window_until_asked(qtbot, qapp, started) -> None:
    window, instance = started
    wait_in_tray(qapp, window, instance, tray_available=True)
    tray = window.tray
    assert tray is not None and tray.icon.isVisible()  # type: ignore[attr-defined]
    assert not window.isVisible()
    assert instance.is_listening()
    assert window._before is not None  # made while nobody waits for it
    assert window.notice.isHidden()

    # A later `steady start box` shows the first rating; closing goes back to the tray.
    assert answer_request(window, {"cmd": "start", "id": "box"})["started"] is True
    qtbot.waitExposed(window)
    assert window.current_page() is window.before
    assert window.settings.keep_in_tray is False  # not needed: it started in the tray
    assert window.close() is False
    assert not window.isVisible()
    tray.run("show")  # type: ignore[attr-defined]
    assert window.isVisible()


def test_without_a_tray_it_says_so_and_shows_the_window_minimised(qtbot, qapp,
                                                                  started) -> None:
    window, instance = started
    wait_in_tray(qapp, window, instance, tray_available=False)
    assert window.tray is None
    qtbot.waitUntil(window.isVisible)
    assert window.isMinimized()
    assert not window.notice.isHidden()
    assert "no tray" in window.notice.text()
    assert instance.is_listening()


def test_a_tray_start_meeting_a_running_steady_changes_nothing(qtbot, started) -> None:
    window, _instance = started
    window.show()
    qtbot.waitExposed(window)
    page = window.current_page()
    window.showMinimized()
    assert answer_request(window, {"cmd": "tray"}) == {"ok": True}
    assert window.isMinimized() and window.current_page() is page


def test_an_unknown_id_leaves_the_window_as_it_is(qtbot, started) -> None:
    window, _instance = started
    assert answer_request(window, {"cmd": "start", "id": "nope"}) == {"ok": True,
                                                                      "started": False}
    assert not window.isVisible()


def test_the_real_start_without_a_tray(tmp_path: Path) -> None:
    """``steady --tray`` in its own process, offscreen (where no tray exists)."""
    env = {k: v for k, v in os.environ.items() if k not in ("STEADY_DATA_DIR",)}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["TMPDIR"] = str(tmp_path)
    env.pop("XDG_RUNTIME_DIR", None)
    done = subprocess.run([sys.executable, "-m", "tests.faults.driver", "look",
                           str(tmp_path / "data"), "--tray"], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    [opened] = [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]
    assert opened["at"] == "opened"
    assert opened["minimised"] and not opened["tray"]
    assert "no tray" in opened["notice"]
    assert "this desktop has no tray" in done.stderr


def test_tray_goes_without_a_command(capsys) -> None:
    from app.cli import main

    with pytest.raises(SystemExit) as ended:
        main(["--tray", "list"])
    assert ended.value.code == 2
    assert "--tray" in capsys.readouterr().err
