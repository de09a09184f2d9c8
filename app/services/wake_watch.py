"""Being told when the computer wakes from sleep or its time zone changes.

A Qt timer counts time the computer was awake: after a night asleep, a timer
set for 09:00 would fire hours late. So whoever keeps a timer to a time of
day listens here and works its time out again.

On Linux the system says so on its message bus (D-Bus), without anyone
asking over and over: logind's ``PrepareForSleep(false)`` after waking, and
timedated's ``PropertiesChanged`` when the time zone is changed. Where there
is no such bus (another system, a container), nothing is heard and nothing
fails: the reminders then also look again whenever the window is brought
forward, and each timer works its next time out when it fires.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import SLOT, QObject, Signal, Slot

LOGIN = "/org/freedesktop/login1"
LOGIN_MANAGER = "org.freedesktop.login1.Manager"
TIME_DATE = "/org/freedesktop/timedate1"
PROPERTIES = "org.freedesktop.DBus.Properties"


class WakeWatch(QObject):
    """Emits :attr:`changed` after the computer wakes, or when the time zone changes.

    ``listening`` says whether the system's bus could be listened to at all.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.listening = self._listen() if sys.platform.startswith("linux") else False

    def _listen(self) -> bool:
        from PySide6.QtDBus import QDBusConnection

        bus = QDBusConnection.systemBus()
        if not bus.isConnected():
            return False
        # Any sender: a signal from elsewhere only makes the time be worked out again.
        # (PySide takes the slot as SLOT()'s text; its stubs say bytes, which it refuses.)
        slept = bus.connect("", LOGIN, LOGIN_MANAGER, "PrepareForSleep", self,
                            SLOT("on_prepare_for_sleep(bool)"))  # type: ignore[call-overload]
        zoned = bus.connect("", TIME_DATE, PROPERTIES, "PropertiesChanged", self,
                            SLOT("on_time_date_changed()"))  # type: ignore[call-overload]
        return bool(slept or zoned)

    @Slot(bool)
    def on_prepare_for_sleep(self, going_to_sleep: bool) -> None:
        if not going_to_sleep:
            self.changed.emit()

    @Slot()
    def on_time_date_changed(self) -> None:
        time.tzset()  # Python's own idea of local time, read again
        self.changed.emit()
