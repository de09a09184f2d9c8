"""The computer's time zone and first day of the week, as Qt reads them.

The domain works out local days, weeks and reminder times for a ``tzinfo``
it is given; this gives it the system's zone as a zone that knows its own
summer time (``zoneinfo``), asked afresh each time, so a time zone changed
while Steady runs is seen the next time something is worked out. Where the
zone has no IANA name Python can read (Windows without the ``tzdata``
package), the fixed offset in force now is used instead.
"""

from __future__ import annotations

from datetime import datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import QLocale, QTimeZone


def local_zone() -> tzinfo:
    """The system's time zone now."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode("utf-8", "replace")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        offset = datetime.now().astimezone().tzinfo
        assert offset is not None  # astimezone() always gives a zone
        return offset


def first_weekday(locale: QLocale | None = None) -> int:
    """The first day of the week for ``locale`` (the system's): 0 Monday ... 6 Sunday."""
    locale = locale if locale is not None else QLocale.system()
    return int(locale.firstDayOfWeek().value) - 1
