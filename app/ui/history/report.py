"""The report to share: a PDF (or printed pages) of a date range, made with Qt alone.

What it says comes from :func:`app.domain.report.gather`; here it is laid out.
The words are one HTML document in a :class:`~PySide6.QtGui.QTextDocument`,
so the text on the page is real text (selectable, searchable), nothing below
:data:`MIN_POINTS`. The before/after chart is History's own drawing
(:class:`~app.ui.history.chart.ChartDrawing`) painted onto the page as vector
shapes, into a space the document keeps for it. Every page has a footer with
the range and the page number.

The sections, in order, are :data:`SECTIONS`: to add one, write a function
that returns its HTML and list it there. An empty range gives a short report
that says so.

Pages are A4, or US Letter where the locale's territory uses it
(:func:`page_size_for`). :func:`render_pdf` returns the file's bytes; writing
them (whole or not at all, private) is the caller's, as for an export.
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDate,
    QIODevice,
    QLocale,
    QMarginsF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtWidgets import QWidget

from app.domain.report import NoteLine, Period, ReportData

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter
from app.domain.session import NOTICEABLE_DROP, ExerciseStats
from app.ui.history.chart import ChartDrawing
from app.ui.shell import translations
from app.ui.style import theme

#: The smallest text on the page (points). Sizes are whole pixels at 96 to the inch
#: (multiples of 0.75 pt), so what is written in the file is exactly this.
MIN_POINTS = 10.5
#: The body text (points).
BODY_POINTS = 11.25
#: The chart's text; its small labels are 85% of it (14 pixels), still MIN_POINTS.
CHART_POINTS = 12.75
#: The chart's height, in the document's units (1/96 inch).
CHART_HEIGHT = 270.0
#: Page margins, in millimetres.
MARGIN_MM = 18.0
#: The document's units: 96 to the inch, as on a screen, so History's chart draws
#: the same on paper.
DPI = 96
#: Where the chart goes in the document.
CHART_ANCHOR = "steady-chart"
#: Territories whose paper is US Letter (Unicode CLDR, paperSize); A4 everywhere else.
LETTER_TERRITORIES = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "CR", "GT", "NI", "PA",
                                "PR", "SV", "VE", "BZ"})


def _tr(text: str) -> str:
    return QCoreApplication.translate("Report", text)


def page_size_for(locale: QLocale) -> QPageSize:
    """A4, or US Letter where ``locale``'s territory uses it."""
    code = QLocale.territoryToCode(locale.territory())
    letter = code in LETTER_TERRITORIES
    return QPageSize(QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4)


# --------------------------------------------------------------------------- words


@dataclass(frozen=True)
class Words:
    """How numbers and days are written: by the report's locale."""

    locale: QLocale

    def _day_format(self) -> str:
        """The locale's long date, without the day of the week."""
        found = self.locale.dateFormat(QLocale.FormatType.LongFormat)
        return re.sub(r"\s*dddd[,،\s]*", " ", found).strip(" ,")

    def day(self, day: date) -> str:
        """``1 March 2026``, ``March 1, 2026``, ``1. März 2026``: as the locale writes it."""
        return self.locale.toString(QDate(day.year, day.month, day.day), self._day_format())

    def short_day(self, day: date) -> str:
        """The same with the month's short name: ``1 Mar 2026``."""
        short = self._day_format().replace("MMMM", "MMM")
        return self.locale.toString(QDate(day.year, day.month, day.day), short)

    def month(self, day: date) -> str:
        return self.locale.toString(QDate(day.year, day.month, day.day), "MMMM yyyy")

    def moment(self, moment: datetime, zone: tzinfo) -> str:
        local = moment.astimezone(zone)
        return self.locale.toString(QDate(local.year, local.month, local.day),
                                    "d MMM yyyy") + f", {local:%H:%M}"

    def count(self, value: int) -> str:
        return self.locale.toString(value)

    def decimal(self, value: float | None) -> str:
        return "–" if value is None else self.locale.toString(float(value), "f", 1)

    def change(self, value: float | None) -> str:
        if value is None:
            return "–"
        text = self.locale.toString(abs(float(value)), "f", 1)
        return ("+" if value >= 0 else "-") + text

    def share(self, value: float | None) -> str:
        return "–" if value is None else self.locale.toString(round(100 * value)) + "%"

    def rating(self, value: int | None) -> str:
        return "–" if value is None else self.locale.toString(value)


def plural(text: str, n: int, w: Words) -> str:
    """A text with a count ``%1`` (and "(s)" in English), translated with that count."""
    translated = QCoreApplication.translate("Report", text, "", n)
    if "(s)" in translated:
        translated = translated.replace("(s)", "" if n == 1 else "s")
    return translated.replace("%1", w.count(n))


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _table(head: list[str], rows: list[list[str]], *, first_left: bool = True) -> str:
    """A plain table; every cell is already escaped HTML."""
    def cells(row: list[str], tag: str) -> str:
        return "".join(
            f'<{tag} align="{"left" if i == 0 and first_left else "right"}">{cell}</{tag}>'
            for i, cell in enumerate(row))
    body = "".join(f"<tr>{cells(row, 'td')}</tr>" for row in rows)
    return (f'<table class="grid" width="100%" cellspacing="0" cellpadding="5">'
            f"<thead><tr>{cells(head, 'th')}</tr></thead>{body}</table>")


# --------------------------------------------------------------------------- sections


def cover(data: ReportData, w: Words) -> str:
    title = _tr("Steady: a report to share")
    span = _tr("Sessions from %1 to %2").replace("%1", w.day(data.first_day)).replace(
        "%2", w.day(data.last_day))
    about = _tr(
        "Steady is a companion for grounding and paced breathing that a person uses on "
        "their own. It is not a diagnosis, a treatment or a replacement for care, and "
        "nobody watches what is entered. The numbers are the person's own ratings of how "
        "stirred up they felt, from 0 (settled) to 10 (the most distressed they can "
        "imagine), given before and after each exercise.")
    made = _tr("Made on %1.").replace("%1", w.day(data.made_on))
    if not data.empty:
        made += " " + plural("%1 session(s) in this period", data.sessions, w) + ", " + \
            plural("%1 rated before and after.", data.rated, w)
    return (f"<h1>{_esc(title)}</h1><p class='range'>{_esc(span)}</p>"
            f"<p class='about'>{_esc(about)}</p><p>{_esc(made)}</p>")


def nothing_here(data: ReportData, w: Words) -> str:
    text = _tr("There are no sessions in this period: nothing was logged from %1 to %2.")
    return "<p>" + _esc(text.replace("%1", w.day(data.first_day)).replace(
        "%2", w.day(data.last_day))) + "</p>"


def chart(data: ReportData, w: Words) -> str:
    explain = _tr("Each session is a pair: the hollow dot is the rating before, the filled "
                  "dot the rating after; lower is calmer.")
    return (f"<h2>{_esc(_tr('Before and after, over time'))}</h2>"
            f"<p class='note'>{_esc(explain)}</p>"
            f'<p><a name="{CHART_ANCHOR}"></a>&nbsp;</p>')


def _stats_head(first: str) -> list[str]:
    return [_esc(first), _esc(_tr("Sessions")), _esc(_tr("Rated")), _esc(_tr("Before")),
            _esc(_tr("After")), _esc(_tr("Change")),
            _esc(_tr("Drop of %1+").replace("%1", str(NOTICEABLE_DROP)))]


def _stats_row(name: str, row: ExerciseStats, w: Words) -> list[str]:
    return [_esc(name), w.count(row.sessions), w.count(row.rated), w.decimal(row.mean_before),
            w.decimal(row.mean_after), w.change(row.mean_change), w.share(row.noticeable_share)]


def by_exercise(data: ReportData, w: Words) -> str:
    hint = _tr("Averages over the sessions rated before and after. Change is after minus "
               "before: below zero, the rating went down. “Drop of %1+”: how often it fell "
               "by %1 points or more.").replace("%1", str(NOTICEABLE_DROP))
    rows = [_stats_row(row.title, row, w) for row in data.by_exercise]
    return (f"<h2>{_esc(_tr('What works for me, by exercise'))}</h2>"
            + _table(_stats_head(_tr("Exercise")), rows) + f"<p class='note'>{_esc(hint)}</p>")


LEVEL_NAMES = {
    "0-3": "From 0 to 3", "4-6": "From 4 to 6", "7-8": "From 7 or 8", "9-10": "From 9 or 10",
    "numb": "Numb or far away",
}


def by_level(data: ReportData, w: Words) -> str:
    rows = [_stats_row(_tr(LEVEL_NAMES.get(row.key, row.key)), row, w) for row in data.by_level]
    text = (f"<h2>{_esc(_tr('What works for me, by starting level'))}</h2>"
            + _table(_stats_head(_tr("Starting at")), rows))
    numb = next((row for row in data.by_level if row.key == "numb"), None)
    if numb is not None and numb.numb_rated:
        text += "<p class='note'>" + _esc(_tr(
            "From numb or far away, feeling more here is what helps: the mark was gone "
            "afterwards in %1 of %2 sessions with an answer.").replace(
            "%1", w.count(numb.numb_cleared)).replace("%2", w.count(numb.numb_rated))) + "</p>"
    if not rows:
        text += "<p>" + _esc(_tr("No session in this period had a rating before.")) + "</p>"
    return text


def _period_row(period: Period, unit: str, w: Words) -> list[str]:
    if unit == "week":
        return [_esc(w.short_day(period.start)), w.count(period.sessions)]
    return [_esc(w.month(period.start)), w.count(period.sessions),
            w.decimal(period.per_week)]


def per_week(data: ReportData, w: Words) -> str:
    if data.period_unit == "week":
        head = [_esc(_tr("Week beginning")), _esc(_tr("Sessions"))]
        hint = ""
    else:
        head = [_esc(_tr("Month")), _esc(_tr("Sessions")), _esc(_tr("A week, on average"))]
        hint = _tr("A long period is shown month by month, with the sessions of an average "
                   "week in each.")
    rows = [_period_row(period, data.period_unit, w) for period in data.periods]
    return (f"<h2>{_esc(_tr('Sessions per week'))}</h2>"
            + (f"<p class='note'>{_esc(hint)}</p>" if hint else "") + _table(head, rows))


def triggers(data: ReportData, w: Words) -> str:
    heading = f"<h2>{_esc(_tr('What set things off most often'))}</h2>"
    if not data.triggers:
        return heading + "<p>" + _esc(_tr("No tags were given in this period.")) + "</p>"
    head = [_esc(_tr("Tag")), _esc(_tr("Sessions")), _esc(_tr("Rated")),
            _esc(_tr("Mean change"))]
    rows = [[_esc(row.title), w.count(row.sessions), w.count(row.rated),
             w.change(row.mean_change)] for row in data.triggers]
    hint = _tr("The tags given most often after a session, and the mean change of the "
               "sessions rated before and after.")
    return heading + _table(head, rows) + f"<p class='note'>{_esc(hint)}</p>"


def numb_mark(data: ReportData, w: Words) -> str:
    heading = f"<h2>{_esc(_tr('The numb or far away mark'))}</h2>"
    marks = data.numb
    if not marks.either:
        return heading + "<p>" + _esc(_tr("Not used in this period.")) + "</p>"
    text = _tr("Used in %1 of %2 sessions: before the exercise in %3, after it in %4.")
    for key, value in (("%1", marks.either), ("%2", data.sessions), ("%3", marks.before),
                       ("%4", marks.after)):
        text = text.replace(key, w.count(value))
    return heading + "<p>" + _esc(text) + "</p>"


def _note_row(note: NoteLine, w: Words, zone: tzinfo) -> str:
    ratings = f"{w.rating(note.before)} → {w.rating(note.after)}"
    return (f"<p class='notehead'>{_esc(w.moment(note.started_at, zone))} · "
            f"{_esc(note.exercise_title)} · {_esc(ratings)}</p>"
            f"<p class='notetext'>{_esc(note.note)}</p>")


def notes(data: ReportData, w: Words) -> str:
    if data.notes is None:
        return ""
    heading = f"<h2>{_esc(_tr('Notes'))}</h2>"
    if not data.notes:
        return heading + "<p>" + _esc(_tr("No notes were written in this period.")) + "</p>"
    return heading + "".join(_note_row(note, w, data.zone) for note in data.notes)


Section = Callable[[ReportData, Words], str]
#: The report's sections, in order, when the range holds sessions.
SECTIONS: tuple[Section, ...] = (cover, chart, by_exercise, by_level, per_week, triggers,
                                 numb_mark, notes)
#: ... and when it holds none.
EMPTY_SECTIONS: tuple[Section, ...] = (cover, nothing_here)

def px(points: float) -> int:
    """``points`` in the document's units (whole pixels at :data:`DPI`)."""
    return round(points * DPI / 72)


STYLE = f"""
body {{ font-size: {px(BODY_POINTS)}px; color: #1d2826; }}
h1 {{ font-size: {px(20.25)}px; font-weight: 600; margin-bottom: 4px; }}
h2 {{ font-size: {px(14.25)}px; font-weight: 600; margin-top: 18px; margin-bottom: 6px; }}
p {{ margin-top: 3px; margin-bottom: 3px; }}
p.range {{ font-size: {px(12.75)}px; }}
p.about {{ color: #4d5c59; }}
p.note {{ font-size: {px(MIN_POINTS)}px; color: #4d5c59; }}
p.notehead {{ font-size: {px(MIN_POINTS)}px; color: #4d5c59; margin-top: 8px; }}
p.notetext {{ white-space: pre-wrap; }}
table.grid {{ border-collapse: collapse; border: 1px solid #c5d1ce; }}
th {{ font-weight: 600; background: #e8f0ee; border: 1px solid #c5d1ce; }}
td {{ border: 1px solid #c5d1ce; }}
"""


def report_html(data: ReportData, locale: QLocale) -> str:
    """The whole report as HTML (the chart's place kept by an anchor)."""
    words = Words(locale)
    sections = EMPTY_SECTIONS if data.empty else SECTIONS
    return (f"<html><head><style>{STYLE}</style></head><body>"
            + "".join(section(data, words) for section in sections) + "</body></html>")


# --------------------------------------------------------------------------- pages


def plain_font(points: float) -> QFont:
    """The application's font at ``points``, without ligatures: "ff" stays two letters,
    so a search for "off" finds it and copied text is the text."""
    font = QFont()
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig"):
        found = QFont.Tag.fromString(tag)
        if found is not None:
            font.setFeature(found, 0)
    return font


def _chart_block(document: QTextDocument) -> QTextBlock | None:
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            if CHART_ANCHOR in iterator.fragment().charFormat().anchorNames():
                return block
            iterator += 1
        block = block.next()
    return None


def _keep_room_for_chart(document: QTextDocument) -> QTextBlock | None:
    """Make the chart's block as tall as the chart; returns it (None: no chart)."""
    block = _chart_block(document)
    if block is None:
        return None
    fmt = QTextBlockFormat(block.blockFormat())
    fmt.setLineHeight(CHART_HEIGHT, QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    QTextCursor(block).setBlockFormat(fmt)
    return block


def _blocks(document: QTextDocument) -> list[QTextBlock]:
    found = []
    block = document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def _keep_sections_together(document: QTextDocument, page_height: float) -> None:
    """A section (a heading and what follows, up to the next heading) that would be cut
    by the end of a page starts on the next one, when it fits on a page; a longer one
    does too when only its first lines would be left at the foot of the page."""
    layout = document.documentLayout()
    headings = [b for b in _blocks(document) if b.blockFormat().headingLevel() == 2]
    for index, heading in enumerate(headings):
        top = layout.blockBoundingRect(heading).top()
        bottom = (layout.blockBoundingRect(headings[index + 1]).top()
                  if index + 1 < len(headings) else document.size().height())
        page_end = (top // page_height + 1) * page_height
        if bottom <= page_end:
            continue
        if bottom - top <= page_height * 0.95 or page_end - top < page_height * 0.2:
            fmt = QTextBlockFormat(heading.blockFormat())
            fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(heading).setBlockFormat(fmt)
            document.setPageSize(document.pageSize())  # laid out again, all of it


class ReportPages:
    """The report laid out for one paged device (a PDF writer or a printer)."""

    def __init__(self, data: ReportData, device: QPagedPaintDevice, locale: QLocale) -> None:
        self.data = data
        self.device = device
        self.locale = locale
        page = device.pageLayout().paintRectPixels(device.logicalDpiX())
        self.width = float(page.width())
        self.footer_font = plain_font(MIN_POINTS)
        self.footer_height = MIN_POINTS * 2.6
        self.page_height = float(page.height()) - self.footer_height
        self.document = QTextDocument()
        self.document.documentLayout().setPaintDevice(device)
        self.document.setDefaultFont(plain_font(BODY_POINTS))
        self.document.setUseDesignMetrics(True)
        self.document.setHtml(report_html(data, locale))
        self.chart_block = _keep_room_for_chart(self.document)
        self.document.setPageSize(self.size())
        _keep_sections_together(self.document, self.page_height)

    def size(self) -> QSizeF:
        return QSizeF(self.width, self.page_height)

    def page_count(self) -> int:
        return max(1, self.document.pageCount())

    def chart_place(self) -> tuple[int, QRectF] | None:
        """The page the chart is on and its rectangle there."""
        if self.chart_block is None:
            return None
        layout = self.document.documentLayout()
        rect = layout.blockBoundingRect(self.chart_block)
        page = int(rect.top() // self.page_height)
        top = rect.top() - page * self.page_height
        return page, QRectF(rect.left(), top, self.width - 2 * rect.left(), CHART_HEIGHT)

    def paint(self, painter: QPainter) -> None:
        """Every page, the chart on its page, and a footer on each."""
        count = self.page_count()
        place = self.chart_place()
        for number in range(count):
            if number:
                self.device.newPage()
            painter.save()
            painter.translate(0, -number * self.page_height)
            self.document.drawContents(painter, QRectF(0, number * self.page_height,
                                                       self.width, self.page_height))
            painter.restore()
            if place is not None and place[0] == number:
                self._paint_chart(painter, place[1])
            self._paint_footer(painter, number, count)

    def _paint_chart(self, painter: QPainter, rect: QRectF) -> None:
        drawing = ChartDrawing()
        data = self.data
        drawing.set_points(data.points, _midnight(data.first_day, data.zone),
                           _midnight(data.last_day + timedelta(days=1), data.zone))
        drawing.paint(painter, rect, plain_font(CHART_POINTS), theme.resolve("light"))

    def _paint_footer(self, painter: QPainter, number: int, count: int) -> None:
        w = Words(self.locale)
        text = _tr("Steady · %1 to %2 · page %3 of %4").replace(
            "%1", w.short_day(self.data.first_day)).replace(
            "%2", w.short_day(self.data.last_day)).replace(
            "%3", w.count(number + 1)).replace("%4", w.count(count))
        painter.save()
        painter.setFont(self.footer_font)
        painter.setPen(QColor("#4d5c59"))
        area = QRectF(0, self.page_height, self.width, self.footer_height)
        painter.drawText(area, int(Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignLeft),
                         text)
        painter.restore()


def _midnight(day: date, zone: tzinfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=zone)


def paint_report(data: ReportData, device: QPagedPaintDevice, locale: QLocale) -> int:
    """Lay out and paint the report on ``device``; returns the number of pages."""
    pages = ReportPages(data, device, locale)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the report could not be drawn")
    try:
        pages.paint(painter)
    finally:
        painter.end()
    return pages.page_count()


class ReportPrintRequest:
    """Qt's print dialog, as one call a test can replace (``ask`` returns the answer)."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(_tr("Print the report"))
        return bool(dialog.exec() == QPrintDialog.DialogCode.Accepted)


def new_printer(locale: QLocale) -> QPrinter:
    """A printer set up as the PDF is: the document's units, the locale's paper, margins."""
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setResolution(DPI)
    # The job's name, which print dialogs offer as the file name when printing to a
    # file: no colon or other character a file name on Windows cannot hold.
    printer.setDocName(_tr("Steady report"))
    printer.setPageLayout(_page_layout(page_size_for(locale)))
    return printer


def print_report(parent: QWidget | None, data: ReportData, locale: QLocale | None = None
                 ) -> bool:
    """Ask where to print (Qt's dialog), then print the report; False when cancelled.
    QtPrintSupport is loaded here only, the first time a person prints."""
    locale = locale if locale is not None else QLocale.system()
    printer = new_printer(locale)
    if not ReportPrintRequest.ask(parent, printer):
        return False
    printer.setResolution(DPI)  # the dialog may have chosen the printer's own
    paint_report(data, printer, locale)
    return True


def _page_layout(page_size: QPageSize) -> QPageLayout:
    return QPageLayout(page_size, QPageLayout.Orientation.Portrait,
                       QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                       QPageLayout.Unit.Millimeter)


def offscreen_application() -> QGuiApplication:
    """The Qt application the command line makes a report with: no screen, so no window
    can ever appear, and Steady's words in the system's language."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    app = QGuiApplication(["steady"])
    app.setApplicationName("Steady")
    translations.install(app)
    return app


def render_pdf(data: ReportData, locale: QLocale | None = None, *,
               page_size: QPageSize | None = None) -> bytes:
    """The report as the bytes of a PDF file. ``locale`` (the system's by default) writes
    the numbers and days and chooses the paper, unless ``page_size`` is given."""
    locale = locale if locale is not None else QLocale.system()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(DPI)
    writer.setTitle(_tr("Steady: a report to share"))
    writer.setCreator("Steady")
    writer.setPageLayout(_page_layout(
        page_size if page_size is not None else page_size_for(locale)))
    paint_report(data, writer, locale)  # the file is whole once the painter ends
    payload: QByteArray = buffer.data()
    buffer.close()
    return bytes(payload.data())
