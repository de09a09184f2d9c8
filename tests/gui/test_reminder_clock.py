"""The reminders' timer (app.services.reminders): one single-shot timer or none, due once,
looked at again after sleep and a time zone change; and the system bus telling it so
(app.services.wake_watch), with a private bus in a real process."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import UTC, datetime, time, timedelta, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QObject, QTimer
from pytestqt.qtbot import QtBot

from app.domain.reminders import Reminders
from app.services.reminders import ReminderClock
from app.services.wake_watch import WakeWatch

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
REPO = Path(__file__).resolve().parents[2]


class WallClock:
    """The time now, as the test sets it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Zone:
    def __init__(self, zone: tzinfo) -> None:
        self.zone = zone

    def __call__(self) -> tzinfo:
        return self.zone


def berlin(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%d %H:%M:%S").replace(tzinfo=BERLIN)


def every_day(*times: str, exercise: str = "") -> Reminders:
    return Reminders(enabled=True, times=tuple(time.fromisoformat(t) for t in times),
                     exercise=exercise)


@pytest.fixture
def wall() -> WallClock:
    return WallClock(berlin("2026-03-02 08:00:00"))


@pytest.fixture
def zone() -> Zone:
    return Zone(BERLIN)


@pytest.fixture
def watches() -> list[WakeWatch]:
    return []


@pytest.fixture
def reminders(qtbot: QtBot, wall: WallClock, zone: Zone, watches: list[WakeWatch]
              ) -> ReminderClock:
    owner = QObject()

    def watch(parent: QObject) -> WakeWatch:
        made = WakeWatch(parent)
        watches.append(made)
        return made

    clock = ReminderClock(owner, clock=wall, zone=zone, watch=watch)
    clock._owner = owner  # type: ignore[attr-defined]  # kept alive with the clock
    return clock


def timers(owner: QObject) -> list[QTimer]:
    return owner.findChildren(QTimer)


def test_no_reminder_no_timer_at_all(reminders: ReminderClock,
                                     watches: list[WakeWatch]) -> None:
    reminders.set_reminders(Reminders())  # off: the default
    assert reminders.timer() is None and reminders.next_at() is None
    assert timers(reminders) == [] and watches == []
    reminders.set_reminders(Reminders(enabled=False, times=(time(9),)))  # chosen, then off
    assert reminders.timer() is None and timers(reminders) == []


def test_one_parented_single_shot_timer_to_the_next_reminder(
        reminders: ReminderClock, wall: WallClock, watches: list[WakeWatch]) -> None:
    reminders.set_reminders(every_day("09:00", "18:00"))
    timer = reminders.timer()
    assert timer is not None and timer.parent() is reminders
    assert timer.isSingleShot() and timer.isActive()
    assert timer.interval() == 60 * 60 * 1000  # 08:00 to 09:00
    assert reminders.next_at() == berlin("2026-03-02 09:00:00").astimezone(UTC)
    assert timers(reminders) == [timer] and len(watches) == 1
    # changed: still one timer, set again
    wall.now = berlin("2026-03-02 10:00:00")
    reminders.set_reminders(every_day("18:00"))
    assert timers(reminders) == [timer] and timer.interval() == 8 * 60 * 60 * 1000
    # turned off: the timer and the watch go
    reminders.set_reminders(Reminders())
    assert reminders.timer() is None
    assert [t for t in timers(reminders) if t.isActive()] == []


def test_it_fires_once_and_waits_for_the_next_day(qtbot: QtBot, reminders: ReminderClock,
                                                  wall: WallClock) -> None:
    wall.now = berlin("2026-03-02 08:59:59") + timedelta(milliseconds=950)
    said: list[str] = []
    reminders.due.connect(said.append)
    reminders.set_reminders(every_day("09:00", exercise="box"))
    timer = reminders.timer()
    assert timer is not None and timer.interval() == 50
    wall.now = berlin("2026-03-02 09:00:00")  # the time has come when it fires
    with qtbot.waitSignal(reminders.due, timeout=5000) as fired:
        pass
    assert fired.args == ["box"]
    assert said == ["box"]
    assert reminders.next_at() == berlin("2026-03-03 09:00:00").astimezone(UTC)
    assert timer.isActive() and timer.interval() == 24 * 60 * 60 * 1000
    # looked at again at once (the window came forward): nothing more
    reminders.recompute()
    assert said == ["box"]


def test_after_sleep_at_most_one_and_only_a_recent_one(reminders: ReminderClock,
                                                       wall: WallClock,
                                                       watches: list[WakeWatch]) -> None:
    said: list[str] = []
    reminders.due.connect(said.append)
    reminders.set_reminders(every_day("09:00", "12:00", "16:55"))
    wall.now = berlin("2026-03-02 17:00:00")  # asleep all day: the timer did not fire
    watches[0].changed.emit()  # the system says it woke
    assert said == [""]  # one: 16:55, five minutes ago; never three
    assert reminders.next_at() == berlin("2026-03-03 09:00:00").astimezone(UTC)
    wall.now = berlin("2026-03-05 08:00:00")  # asleep for days
    watches[0].changed.emit()
    assert said == [""]  # nothing piled up
    assert reminders.next_at() == berlin("2026-03-05 09:00:00").astimezone(UTC)


def test_a_clock_set_back_does_not_show_one_twice(qtbot: QtBot, reminders: ReminderClock,
                                                  wall: WallClock) -> None:
    said: list[str] = []
    reminders.due.connect(said.append)
    wall.now = berlin("2026-03-02 08:59:59") + timedelta(milliseconds=990)
    reminders.set_reminders(every_day("09:00"))
    wall.now = berlin("2026-03-02 09:00:00")
    qtbot.waitUntil(lambda: said == [""], timeout=5000)
    wall.now = berlin("2026-03-02 08:30:00")  # set back half an hour
    reminders.recompute()
    wall.now = berlin("2026-03-02 09:00:00")  # 09:00 again
    reminders.on_timeout()
    assert said == [""]


def test_a_new_time_zone_reads_the_same_wall_time_there(reminders: ReminderClock,
                                                         wall: WallClock, zone: Zone,
                                                         watches: list[WakeWatch]) -> None:
    reminders.set_reminders(every_day("09:00"))
    assert reminders.next_at() == berlin("2026-03-02 09:00:00").astimezone(UTC)
    zone.zone = NEW_YORK  # flown west: 02:00 there
    watches[0].changed.emit()
    expected = datetime(2026, 3, 2, 9, tzinfo=NEW_YORK)
    assert reminders.next_at() == expected.astimezone(UTC)
    timer = reminders.timer()
    assert timer is not None
    assert timer.interval() == (expected - wall.now).total_seconds() * 1000


def test_every_time_in_quiet_hours_means_no_timer(reminders: ReminderClock) -> None:
    quiet = Reminders(enabled=True, times=(time(23, 0),), quiet_from=time(22),
                      quiet_to=time(7))
    reminders.set_reminders(quiet)
    assert reminders.timer() is None and reminders.next_at() is None


# --------------------------------------------------------------------------- the bus


def test_the_watch_hears_waking_and_a_new_time_zone_on_the_system_bus(tmp_path: Path
                                                                       ) -> None:
    """A private message bus stands in for the system's; dbus-send says what logind and
    timedated say. Going to sleep is not waking: only two of the three signals count."""
    daemon, send = shutil.which("dbus-daemon"), shutil.which("dbus-send")
    if daemon is None or send is None:
        message = "dbus-daemon and dbus-send are not available: apt-get install dbus"
        if os.environ.get("STEADY_PACKAGING_TOOLS") == "required":
            pytest.fail(message)
        pytest.skip(message)
    started = subprocess.run([daemon, "--session", "--print-address=1", "--print-pid=1",
                              "--fork"], capture_output=True, text=True, check=True, timeout=30)
    address, pid = started.stdout.split()[:2]
    script = tmp_path / "watch.py"
    script.write_text(
        "import subprocess, sys\n"
        "from PySide6.QtCore import QCoreApplication, QTimer\n"
        "from app.services.wake_watch import WakeWatch\n"
        "app = QCoreApplication([])\n"
        "watch = WakeWatch()\n"
        "print('listening', watch.listening, flush=True)\n"
        "heard = []\n"
        "watch.changed.connect(lambda: heard.append(1))\n"
        f"bus = '--bus=' + {address!r}\n"
        "def send(*args):\n"
        f"    subprocess.run([{send!r}, bus, '--type=signal', *args], check=True)\n"
        "def all_of_them():\n"
        "    send('/org/freedesktop/login1', 'org.freedesktop.login1.Manager.PrepareForSleep',"
        " 'boolean:true')\n"
        "    send('/org/freedesktop/login1', 'org.freedesktop.login1.Manager.PrepareForSleep',"
        " 'boolean:false')\n"
        "    send('/org/freedesktop/timedate1', "
        "'org.freedesktop.DBus.Properties.PropertiesChanged', "
        "'string:org.freedesktop.timedate1', 'dict:string:string:Timezone,Asia/Tokyo', "
        "'array:string:')\n"
        "QTimer.singleShot(0, all_of_them)\n"
        "def done():\n"
        "    if len(heard) >= 2 or done.waited > 100:\n"
        "        print('heard', len(heard), flush=True); app.quit()\n"
        "    else:\n"
        "        done.waited += 1; QTimer.singleShot(50, done)\n"
        "done.waited = 0\n"
        "QTimer.singleShot(50, done)\n"
        "app.exec()\n", encoding="utf-8")
    env = {**os.environ, "DBUS_SYSTEM_BUS_ADDRESS": address, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(REPO)}
    try:
        ran = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                             timeout=60, env=env, cwd=REPO)
    finally:
        os.kill(int(pid), 15)
    assert "listening True" in ran.stdout, ran.stdout + ran.stderr
    assert "heard 2" in ran.stdout, ran.stdout + ran.stderr


def test_without_a_system_bus_nothing_is_heard_and_nothing_fails() -> None:
    env = {**os.environ, "DBUS_SYSTEM_BUS_ADDRESS": "unix:path=/nonexistent/bus",
           "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    ran = subprocess.run([sys.executable, "-c",
                          "from PySide6.QtCore import QCoreApplication\n"
                          "from app.services.wake_watch import WakeWatch\n"
                          "app = QCoreApplication([])\n"
                          "print('listening', WakeWatch().listening)\n"],
                         capture_output=True, text=True, timeout=60, env=env, cwd=REPO)
    assert ran.returncode == 0 and "listening False" in ran.stdout, ran.stderr
