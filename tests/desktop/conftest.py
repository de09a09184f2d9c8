"""The real app in a real X window: an X server of its own (Xvfb), keys from xdotool.

Xvfb and xdotool (and Qt's xcb libraries) are installed by ``.ci/run``, where a
missing tool fails the test; elsewhere it skips and says what to install.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.packaging.conftest import quiet_env, require_tool

#: How long the app may take to show its window on a slow, shared machine.
WINDOW_TIMEOUT = 60.0


@pytest.fixture
def display() -> Iterator[str]:
    """A private X display (``:N``), gone after the test."""
    xvfb = require_tool("Xvfb", "xvfb")
    read, write = os.pipe()
    server = subprocess.Popen([xvfb, "-displayfd", str(write), "-screen", "0", "1280x900x24",
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as chosen:
        number = chosen.readline().strip()  # Xvfb writes it once it is ready
    if not number:
        server.kill()
        pytest.fail("Xvfb did not start")
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@dataclass
class RealApp:
    """One ``steady`` process on ``display``, driven by key presses."""

    process: subprocess.Popen[bytes]
    env: dict[str, str]
    data: Path
    xdotool: str
    window: str = ""

    def run_tool(self, *args: str) -> str:
        done = subprocess.run([self.xdotool, *args], env=self.env, capture_output=True,
                              text=True, timeout=30, check=False)
        return done.stdout.strip()

    def wait_for_window(self) -> None:
        deadline = time.monotonic() + WINDOW_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"steady ended (exit {self.process.returncode}) before a window")
            found = self.run_tool("search", "--onlyvisible", "--name", "Steady").split()
            if found:
                self.window = found[0]
                self.run_tool("windowfocus", "--sync", self.window)
                return
            time.sleep(0.2)  # polling the X server, not waiting on the app's timing
        pytest.fail(f"no Steady window within {WINDOW_TIMEOUT:.0f} s")

    def key(self, name: str, *, then_ms: int = 300) -> None:
        """Press and release one key, then leave a person's gap before the next."""
        self.run_tool("key", "--window", self.window, "--clearmodifiers", name)
        time.sleep(then_ms / 1000)  # the human gap between keys is the test's input

    def export(self) -> list[dict[str, object]]:
        """The log's sessions, as ``steady export --format json`` writes them."""
        done = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(self.data),
                               "export", "--format", "json"], env=self.env,
                              capture_output=True, text=True, timeout=60, check=True)
        sessions = json.loads(done.stdout)["sessions"]
        assert isinstance(sessions, list)
        return sessions


@pytest.fixture
def real_app(display: str, tmp_path: Path) -> Iterator[RealApp]:
    """``steady start box`` in a real X window, with a fresh home and data folder."""
    xdotool = require_tool("xdotool", "xdotool")
    env = quiet_env(tmp_path / "home")
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=display,
               DBUS_SESSION_BUS_ADDRESS="disabled:")  # no session bus to start or leave behind
    data = tmp_path / "data"
    process = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(data),
                                "start", "box"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    app = RealApp(process, env, data, xdotool)
    try:
        yield app
    finally:
        process.terminate()
        try:
            _, errors = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            _, errors = process.communicate()
        if process.returncode not in (0, -15):
            print(errors.decode(errors="replace"))  # shown with a failing test
