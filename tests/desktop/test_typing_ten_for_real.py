"""Typing 10 in the real window: the app's own process, keys from the X server, the log
read back through ``steady export``. What the model tests cannot show: that real key
events, with a person's gap between them, reach the scale and end up in the log."""

from __future__ import annotations

import time

import pytest

from tests.desktop.conftest import RealApp

pytestmark = pytest.mark.slow


def wait_for_session(app: RealApp, timeout: float = 30.0) -> dict[str, object]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        sessions = app.export()
        if sessions:
            [session] = sessions
            return session
        time.sleep(0.3)  # polling the log from outside
    pytest.fail("no session reached the log")


@pytest.mark.parametrize("gap_ms", [80, 600])
def test_one_then_zero_then_enter_logs_ten(real_app: RealApp, gap_ms: int) -> None:
    real_app.wait_for_window()
    real_app.key("1", then_ms=gap_ms)
    real_app.key("0")
    real_app.key("Return", then_ms=1000)  # 10, like 9, offers help first; it is read
    real_app.key("Return")  # "No, take me to the exercise"
    session = wait_for_session(real_app)
    assert session["exercise_id"] == "box"
    assert session["before"] == 10


def test_one_alone_then_enter_after_the_pause_logs_one(real_app: RealApp) -> None:
    real_app.wait_for_window()
    real_app.key("1", then_ms=1800)  # past the pause: the 1 stands
    real_app.key("Return")
    session = wait_for_session(real_app)
    assert session["before"] == 1
