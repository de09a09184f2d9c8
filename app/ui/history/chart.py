"""Before and after ratings over time, painted with QPainter.

Each session is a pair: a hollow dot for the rating before, a filled dot for
the rating after, joined by a thin line. When there are more sessions than the
width can show apart, sessions are averaged per day, week or month (the legend
says which), so years of use stay quick to draw and calm to look at.

:class:`ChartDrawing` holds the data and paints on any ``QPainter`` in any
rectangle: the History page's :class:`RatingChart` on screen, the report's
chart on a PDF page (as vector shapes and real text).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from app.domain.session import RATING_MAX, RATING_MIN
from app.ui.style import theme
from app.ui.style.theme import Colors
from app.ui.widgets.common import english_plural

Point = tuple[datetime, int | None, int | None]

#: Sessions drawn one by one while each gets at least this many pixels of width.
PX_PER_SESSION = 5.0
#: When averaging, at least this many pixels per group.
PX_PER_BUCKET = 7.0
#: Room kept inside the plot so a dot at its first or last day, or at 0 or 10, sits clear
#: of the edges (and of the legend above).
INSET = 9.0
DAY = "day"
WEEK = "week"
MONTH = "month"
QUARTER = "quarter"
YEAR = "year"
UNITS = (DAY, WEEK, MONTH, QUARTER, YEAR)


@dataclass(frozen=True, slots=True)
class Mark:
    """One pair on the chart: a session, or the average of the sessions in a period."""

    at: float  # seconds since the epoch: the session's start, or the period's middle
    before: float | None
    after: float | None
    sessions: int


def floor_local(moment: datetime, unit: str) -> datetime:
    """The start of the day/week/month/quarter/year holding ``moment``, in local time."""
    local = moment.astimezone().replace(hour=0, minute=0, second=0, microsecond=0)
    if unit == WEEK:
        local -= timedelta(days=local.weekday())
    elif unit == MONTH:
        local = local.replace(day=1)
    elif unit == QUARTER:
        local = local.replace(day=1, month=(local.month - 1) // 3 * 3 + 1)
    elif unit == YEAR:
        local = local.replace(day=1, month=1)
    return local.replace(tzinfo=None).astimezone()  # the zone in force on that day


def step_local(moment: datetime, unit: str) -> datetime:
    """The start of the next ``unit`` after ``moment`` (itself a start), in local time."""
    naive = moment.replace(tzinfo=None)
    if unit == DAY:
        naive += timedelta(days=1)
    elif unit == WEEK:
        naive += timedelta(days=7)
    else:
        months = {MONTH: 1, QUARTER: 3, YEAR: 12}[unit]
        total = naive.month - 1 + months
        naive = naive.replace(year=naive.year + total // 12, month=total % 12 + 1)
    return naive.astimezone()


def boundaries(start: float, end: float, unit: str) -> list[float]:
    """Epoch seconds of each ``unit`` start from the one holding ``start`` past ``end``."""
    moment = floor_local(datetime.fromtimestamp(start).astimezone(), unit)
    result = [moment.timestamp()]
    while result[-1] <= end:
        moment = step_local(moment, unit)
        result.append(moment.timestamp())
    return result


def bucket(times: Sequence[float], befores: Sequence[int | None],
           afters: Sequence[int | None], edges: Sequence[float]) -> list[Mark]:
    """Average the sessions (sorted by time) within each pair of ``edges``."""
    marks: list[Mark] = []
    i = 0
    n = len(times)
    for k in range(len(edges) - 1):
        low, high = edges[k], edges[k + 1]
        while i < n and times[i] < low:
            i += 1
        sb = sa = 0
        nb = na = count = 0
        while i < n and times[i] < high:
            b, a = befores[i], afters[i]
            if b is not None:
                sb += b
                nb += 1
            if a is not None:
                sa += a
                na += 1
            count += 1
            i += 1
        if count:
            marks.append(Mark((low + high) / 2, sb / nb if nb else None,
                              sa / na if na else None, count))
    return marks


def _tr(text: str) -> str:
    return QCoreApplication.translate("RatingChart", text)


class ChartDrawing:
    """The chart's data, and its drawing on any painter in any rectangle.

    Feed it with :meth:`set_points` (oldest first); :meth:`paint` draws it with
    the given font (the small text is a little smaller, never below 7 pt) and
    colours.
    """

    def __init__(self) -> None:
        self._times: list[float] = []
        self._befores: list[int | None] = []
        self._afters: list[int | None] = []
        self._start = 0.0
        self._end = 1.0
        self._cache: tuple[float, list[Mark], str | None] | None = None

    # ------------------------------------------------------------------ data

    def set_points(self, points: Sequence[Point], start: datetime | None,
                   end: datetime) -> None:
        """Show ``points`` (started, before, after), oldest first, from ``start`` to ``end``.

        ``start`` None: from the first session. Sessions with no rating are left out.
        """
        rated = [p for p in points if p[1] is not None or p[2] is not None]
        self._times = [p[0].timestamp() for p in rated]
        self._befores = [p[1] for p in rated]
        self._afters = [p[2] for p in rated]
        end_at = end.timestamp()
        if start is not None:
            start_at = start.timestamp()
        elif self._times:
            start_at = floor_local(rated[0][0], DAY).timestamp()
        else:
            start_at = end_at - 7 * 86400
        if self._times:
            start_at = min(start_at, self._times[0])
            end_at = max(end_at, self._times[-1])
        self._start, self._end = start_at, max(end_at, start_at + 3600)
        self._cache = None

    def session_count(self) -> int:
        """Sessions on the chart (those with at least one rating)."""
        return len(self._times)

    def means(self) -> tuple[float | None, float | None]:
        """The mean rating before and after, over the sessions that have one."""
        befores = [b for b in self._befores if b is not None]
        afters = [a for a in self._afters if a is not None]
        return (sum(befores) / len(befores) if befores else None,
                sum(afters) / len(afters) if afters else None)

    def marks(self, width: float) -> tuple[list[Mark], str | None]:
        """What is drawn in a plot ``width`` wide: one mark per session, or per period
        (then also the period: "day", "week", ...)."""
        if self._cache is not None and self._cache[0] == width:
            return self._cache[1], self._cache[2]
        result: tuple[list[Mark], str | None]
        if len(self._times) <= max(1.0, width / PX_PER_SESSION):
            result = ([Mark(t, b, a, 1) for t, b, a in
                       zip(self._times, self._befores, self._afters, strict=True)], None)
        else:
            result = ([], None)
            for unit in UNITS:
                edges = boundaries(self._start, self._end, unit)
                if len(edges) - 1 <= max(1.0, width / PX_PER_BUCKET) or unit == YEAR:
                    result = (bucket(self._times, self._befores, self._afters, edges), unit)
                    break
        self._cache = (width, result[0], result[1])
        return result

    # ------------------------------------------------------------------ geometry

    @staticmethod
    def small_font(font: QFont) -> QFont:
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        return small

    def plot_rect(self, rect: QRectF, font: QFont) -> QRectF:
        """Where the dots go within ``rect``: room is kept for the scale and the legend."""
        metrics = QFontMetricsF(self.small_font(font))
        left = metrics.horizontalAdvance("10") + 22
        top = metrics.height() + 16
        bottom = metrics.height() + 16
        return QRectF(rect.left() + left, rect.top() + top,
                      max(10.0, rect.width() - left - 16),
                      max(10.0, rect.height() - top - bottom))

    def x(self, at: float, plot: QRectF) -> float:
        span = self._end - self._start
        room = max(1.0, plot.width() - 2 * INSET)
        return plot.left() + INSET + (at - self._start) / span * room

    @staticmethod
    def y(value: float, plot: QRectF) -> float:
        share = (value - RATING_MIN) / (RATING_MAX - RATING_MIN)
        room = max(1.0, plot.height() - 2 * INSET)
        return plot.bottom() - INSET - share * room

    # ------------------------------------------------------------------ painting

    def paint(self, painter: QPainter, rect: QRectF, font: QFont, c: Colors, *,
              frame: bool = True) -> None:
        """Draw the chart in ``rect``: a rounded frame (unless ``frame`` is False), the
        scale, the time axis, the dots and the legend."""
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if frame:
            painter.setPen(QPen(QColor(c.rule), 1))
            painter.setBrush(QColor(c.surface))
            painter.drawRoundedRect(rect.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8)
        plot = self.plot_rect(rect, font)
        small = self.small_font(font)
        painter.setFont(small)
        metrics = QFontMetricsF(small)
        self._paint_grid(painter, plot, metrics, c)
        marks, unit = self.marks(plot.width())
        if not marks:
            painter.setPen(QColor(c.muted))
            painter.setFont(font)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter,
                             _tr("No ratings in this period."))
        else:
            self._paint_marks(painter, plot, marks, c)
        painter.setFont(small)
        self._paint_legend(painter, rect, plot, metrics, unit, c)
        painter.restore()

    def _paint_grid(self, painter: QPainter, plot: QRectF, metrics: QFontMetricsF,
                    c: Colors) -> None:
        grid = QColor(c.rule)
        for value in (RATING_MIN, (RATING_MIN + RATING_MAX) // 2, RATING_MAX):
            y = self.y(value, plot)
            painter.setPen(QPen(grid, 1, Qt.PenStyle.SolidLine if value == RATING_MIN
                                else Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(QColor(c.muted))
            text_rect = QRectF(plot.left() - 60, y - metrics.height() / 2, 50,
                               metrics.height())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, str(value))
        self._paint_time_axis(painter, plot, metrics, c)

    def time_labels(self, plot: QRectF, metrics: QFontMetricsF
                    ) -> list[tuple[float, QRectF | None, str]]:
        """Each tick on the time axis: its x, where its label goes (None when there is
        no room for it), and the label. Labels never overlap."""
        locale = QLocale()
        span_days = (self._end - self._start) / 86400
        unit = DAY if span_days <= 14 else WEEK if span_days <= 100 else MONTH
        if span_days > 1000:
            unit = YEAR
        elif span_days > 500:
            unit = QUARTER
        ticks = [edge for edge in boundaries(self._start, self._end, unit)
                 if self._start <= edge <= self._end]
        if not ticks:
            return []
        texts = []
        for number, edge in enumerate(ticks):
            date = QDateTime.fromMSecsSinceEpoch(int(edge * 1000)).date()
            if unit in (DAY, WEEK):
                texts.append(locale.toString(date, "d MMM"))
            elif unit == YEAR:
                texts.append(str(date.year()))
            elif date.month() == 1 or number == 0:
                texts.append(locale.toString(date, "MMM yyyy"))
            else:
                texts.append(locale.toString(date, "MMM"))
        widest = max(metrics.horizontalAdvance(text) for text in texts)
        step = plot.width() * (ticks[1] - ticks[0]) / (self._end - self._start) if len(
            ticks) > 1 else plot.width()
        stride = max(1, math.ceil((widest + 20) / max(1.0, step)))
        y = plot.bottom() + 6
        labels: list[tuple[float, QRectF | None, str]] = []
        last_right = -math.inf
        for number in range(0, len(ticks), stride):
            x = self.x(ticks[number], plot)
            width = metrics.horizontalAdvance(texts[number])
            left = max(plot.left() - 4, min(x - width / 2, plot.right() - width))
            if left < last_right + 12:  # kept inside the plot, it would run into the last one
                labels.append((x, None, texts[number]))
                continue
            labels.append((x, QRectF(left, y, width + 2, metrics.height()), texts[number]))
            last_right = left + width
        return labels

    def _paint_time_axis(self, painter: QPainter, plot: QRectF,
                         metrics: QFontMetricsF, c: Colors) -> None:
        for x, place, text in self.time_labels(plot, metrics):
            painter.setPen(QPen(QColor(c.rule), 1))
            painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
            if place is not None:
                painter.setPen(QColor(c.muted))
                painter.drawText(place, Qt.AlignmentFlag.AlignLeft, text)

    def _paint_marks(self, painter: QPainter, plot: QRectF, marks: list[Mark],
                     c: Colors) -> None:
        spacing = plot.width() / max(1, len(marks))
        radius = 4.5 if len(marks) <= 60 and spacing >= 10 else 3.2
        link = QColor(c.muted)
        link.setAlpha(120)
        before_pen = QPen(QColor(c.muted), 1.6)
        after_color = QColor(c.accent)
        surface = QColor(c.surface)
        link_pen = QPen(link, 2.0 if radius > 4 else 1.4)
        link_pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        for mark in marks:
            x = self.x(mark.at, plot)
            yb = self.y(mark.before, plot) if mark.before is not None else None
            ya = self.y(mark.after, plot) if mark.after is not None else None
            if yb is not None and ya is not None and abs(yb - ya) > radius * 2:
                painter.setPen(link_pen)
                direction = 1 if ya > yb else -1
                painter.drawLine(QPointF(x, yb + direction * radius),
                                 QPointF(x, ya - direction * radius))
            if yb is not None:
                painter.setPen(before_pen)
                painter.setBrush(surface)
                painter.drawEllipse(QPointF(x, yb), radius, radius)
            if ya is not None:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(after_color)
                painter.drawEllipse(QPointF(x, ya), radius, radius)

    def _paint_legend(self, painter: QPainter, rect: QRectF, plot: QRectF,
                      metrics: QFontMetricsF, unit: str | None, c: Colors) -> None:
        y = rect.top() + 8 + metrics.height() / 2
        entries = [(_tr("Before"), False), (_tr("After"), True)]
        x = rect.right() - 16.0
        for text, filled in reversed(entries):
            width = metrics.horizontalAdvance(text)
            x -= width
            painter.setPen(QColor(c.muted))
            painter.drawText(QRectF(x, y - metrics.height() / 2, width + 2, metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x -= 14
            if filled:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(c.accent))
            else:
                painter.setPen(QPen(QColor(c.muted), 1.6))
                painter.setBrush(QColor(c.surface))
            painter.drawEllipse(QPointF(x + 5, y), 4.5, 4.5)
            x -= 18
        if unit is not None:
            words = {DAY: _tr("Each pair: the average of a day"),
                     WEEK: _tr("Each pair: the average of a week"),
                     MONTH: _tr("Each pair: the average of a month"),
                     QUARTER: _tr("Each pair: the average of three months"),
                     YEAR: _tr("Each pair: the average of a year")}[unit]
            painter.setPen(QColor(c.muted))
            left = plot.left()
            painter.drawText(QRectF(left, y - metrics.height() / 2, x - left,
                                    metrics.height()),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, words)


class RatingChart(QWidget):
    """Ratings over time, on screen. Feed it with :meth:`set_points` (oldest first)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.drawing = ChartDrawing()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(150)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName(self.tr("Ratings before and after, over time"))

    # ------------------------------------------------------------------ data

    def set_points(self, points: Sequence[Point], start: datetime | None,
                   end: datetime) -> None:
        """Show ``points`` (started, before, after), oldest first, from ``start`` to ``end``.

        ``start`` None: from the first session. Sessions with no rating are left out.
        """
        self.drawing.set_points(points, start, end)
        self.setAccessibleDescription(self.describe())
        self.update()

    def session_count(self) -> int:
        """Sessions on the chart (those with at least one rating)."""
        return self.drawing.session_count()

    def marks(self) -> list[Mark]:
        """What is drawn at the present width: one mark per session, or per period."""
        return self.drawing.marks(self._plot_rect().width())[0]

    def mark_count(self) -> int:
        return len(self.marks())

    def averaged_over(self) -> str | None:
        """None when each session is drawn; else "day", "week", "month", ..."""
        return self.drawing.marks(self._plot_rect().width())[1]

    def describe(self) -> str:
        """One sentence for screen readers: how many sessions, and the mean ratings."""
        count = self.drawing.session_count()
        if not count:
            return self.tr("No ratings in this period.")
        before, after = self.drawing.means()
        locale = QLocale()
        text = english_plural(self.tr("%n session(s) with ratings.", "", count), count)
        if before is not None:
            text += " " + self.tr("Before: %1 on average.").replace(
                "%1", locale.toString(before, "f", 1))
        if after is not None:
            text += " " + self.tr("After: %1 on average.").replace(
                "%1", locale.toString(after, "f", 1))
        return text

    # ------------------------------------------------------------------ geometry

    def sizeHint(self) -> QSize:
        return QSize(640, 210)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 150)

    def _small_font(self) -> QFont:
        return self.drawing.small_font(self.font())

    def _plot_rect(self) -> QRectF:
        return self.drawing.plot_rect(QRectF(self.rect()), self.font())

    def _x(self, at: float, plot: QRectF) -> float:
        return self.drawing.x(at, plot)

    def _y(self, value: float, plot: QRectF) -> float:
        return self.drawing.y(value, plot)

    def time_labels(self, plot: QRectF, metrics: QFontMetricsF
                    ) -> list[tuple[float, QRectF | None, str]]:
        return self.drawing.time_labels(plot, metrics)

    # ------------------------------------------------------------------ painting

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.drawing.paint(painter, QRectF(self.rect()), self.font(), theme.colors())
        painter.end()
