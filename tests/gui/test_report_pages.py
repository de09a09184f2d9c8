"""The report's pages (app.ui.history.report): paper by locale, the sections in order,
sections kept whole across pages, the chart on its page; read back with pdftotext."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QPageSize
from PySide6.QtWidgets import QApplication

from app.domain.report import DateRange, ReportData, gather
from app.domain.session import SessionRecord
from app.storage.sessions import SqliteSessionStore, memory_store
from app.ui.history import report
from tests import pdf

BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 3, 20, 12, tzinfo=UTC)


@pytest.mark.parametrize(("name", "letter"), [
    ("en_US", True), ("en_CA", True), ("fr_CA", True), ("es_MX", True), ("en_PH", True),
    ("es_CO", True), ("en_GB", False), ("de_DE", False), ("fr_FR", False), ("en_AU", False),
    ("ja_JP", False), ("C", False),
])
def test_paper_by_locale(qapp: QApplication, name: str, letter: bool) -> None:
    expected = QPageSize.PageSizeId.Letter if letter else QPageSize.PageSizeId.A4
    assert report.page_size_for(QLocale(name)).id() == expected


def sessions(count: int, *, note: str = "") -> list[SessionRecord]:
    start = datetime(2026, 3, 2, 8, tzinfo=UTC)
    return [SessionRecord("box", "Box breathing", start + timedelta(hours=5 * n),
                          before=6 + n % 4, after=3 + n % 3, status="completed",
                          tags=(f"tag{n % 7}",), note=f"{note} {n}" if note else "")
            for n in range(count)]


def data_of(records: list[SessionRecord], *, notes: bool = False,
            chosen: DateRange | None = None) -> ReportData:
    store: SqliteSessionStore
    with memory_store() as store:
        store.merge(records)
        return gather(store, chosen or DateRange(), now=NOW, zone=BERLIN, notes=notes)


def write(tmp_path: Path, data: ReportData, **kwargs: object) -> Path:
    out = tmp_path / "report.pdf"
    out.write_bytes(report.render_pdf(data, **kwargs))  # type: ignore[arg-type]
    return out


def test_the_sections_in_order(qapp: QApplication, tmp_path: Path) -> None:
    out = write(tmp_path, data_of(sessions(12, note="thought"), notes=True),
                locale=QLocale("en_GB"))
    words = " ".join(pdf.text(out, layout=False).split())
    headings = ["Steady: a report to share", "Before and after, over time",
                "What works for me, by exercise", "What works for me, by starting level",
                "Sessions per week", "What set things off most often",
                "The numb or far away mark", "Notes"]
    places = [words.find(heading) for heading in headings]
    assert all(place >= 0 for place in places), list(zip(headings, places, strict=True))
    assert places == sorted(places)
    assert len(report.SECTIONS) == len(headings)


def test_the_page_size_can_be_given(qapp: QApplication, tmp_path: Path) -> None:
    data = data_of(sessions(3))
    out = write(tmp_path, data, locale=QLocale("de_DE"),
                page_size=QPageSize(QPageSize.PageSizeId.Letter))
    assert tuple(round(v) for v in pdf.page_points(out)) == (612, 792)
    out = write(tmp_path, data, locale=QLocale("en_US"))
    assert tuple(round(v) for v in pdf.page_points(out)) == (612, 792)
    out = write(tmp_path, data, locale=QLocale("de_DE"))
    assert tuple(round(v) for v in pdf.page_points(out)) == (595, 842)


def test_numbers_and_days_in_the_locales_own_way(qapp: QApplication, tmp_path: Path) -> None:
    out = write(tmp_path, data_of(sessions(4)), locale=QLocale("de_DE"))
    text = pdf.text(out)
    assert "2. März 2026" in text  # the range, as German writes a day
    assert "7,5" in text  # a mean, with a decimal comma


def test_a_section_is_not_cut_by_the_end_of_a_page(qapp: QApplication) -> None:
    """Each table is on one page, with its heading; the notes, longer than a page, go on
    from page to page."""
    data = data_of(sessions(300, note="a longer thought that takes a line"), notes=True)
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter, QTextTable

    device = QBuffer()
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(device)
    writer.setResolution(report.DPI)
    pages = report.ReportPages(data, writer, QLocale("en_GB"))
    layout = pages.document.documentLayout()
    height = pages.page_height

    def page(y: float) -> int:
        return int(y // height)

    tables = [frame for frame in pages.document.rootFrame().childFrames()
              if isinstance(frame, QTextTable)]
    assert len(tables) == 4  # by exercise, by level, per week, triggers
    headings = [b for b in report._blocks(pages.document)
                if b.blockFormat().headingLevel() == 2]
    for table in tables:
        rect = layout.frameBoundingRect(table)
        assert page(rect.top()) == page(rect.bottom() - 1), rect
        heading = max((h for h in headings if layout.blockBoundingRect(h).top() < rect.top()),
                      key=lambda h: layout.blockBoundingRect(h).top())
        assert page(layout.blockBoundingRect(heading).top()) == page(rect.top()), heading.text()
    # the sections did move: one would have been cut where it fell
    moved = [h.text() for h in headings if h.blockFormat().pageBreakPolicy()]
    assert moved
    assert pages.page_count() > 3


def test_the_chart_sits_in_the_room_kept_for_it(qapp: QApplication, tmp_path: Path) -> None:
    data = data_of(sessions(20))
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QPdfWriter

    device = QBuffer()
    device.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(device)
    writer.setResolution(report.DPI)
    pages = report.ReportPages(data, writer, QLocale("en_GB"))
    place = pages.chart_place()
    assert place is not None
    page, rect = place
    assert page == 0 and rect.height() == report.CHART_HEIGHT
    assert rect.top() > 0 and rect.bottom() < pages.page_height
    # the text after it starts below it
    heading = next(b for b in report._blocks(pages.document) if b.text().startswith(
        "What works for me, by exercise"))
    assert pages.document.documentLayout().blockBoundingRect(heading).top() >= rect.bottom()
    # no chart when the range is empty
    empty = data_of(sessions(3), chosen=DateRange(date(2025, 1, 1), date(2025, 1, 2)))
    assert report.ReportPages(empty, writer, QLocale("en_GB")).chart_place() is None


def test_words_the_person_wrote_are_text_never_markup(qapp: QApplication,
                                                     tmp_path: Path) -> None:
    records = sessions(2)
    records[0] = records[0].with_(exercise_title="<b>Mine</b> & more",
                                  note="<i>not italic</i> a < b", tags=("<tag>",))
    out = write(tmp_path, data_of(records, notes=True), locale=QLocale("en_GB"))
    text = pdf.text(out, layout=False)
    assert "<b>Mine</b> & more" in text
    assert "<i>not italic</i> a < b" in text
    assert "<tag>" in text


def test_printing_goes_through_the_print_dialog(qapp: QApplication, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Ctrl+P's path: Qt's print dialog (here answered by a stand-in that prints to a
    PDF file), then the same pages on the printer."""
    from PySide6.QtPrintSupport import QPrinter

    out = tmp_path / "printed.pdf"
    asked: list[QPrinter] = []

    def answer(_parent: object, printer: QPrinter) -> bool:
        asked.append(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return True

    monkeypatch.setattr(report.ReportPrintRequest, "ask", answer)
    data = data_of(sessions(6))
    assert report.print_report(None, data, QLocale("en_US"))
    assert len(asked) == 1
    # offered as the file name by "Print to file": nothing Windows refuses in a name
    assert asked[0].docName() and not set(asked[0].docName()) & set('\\/:*?"<>|')
    text = pdf.text(out)
    assert "Steady: a report to share" in text and "What works for me, by exercise" in text
    assert tuple(round(v) for v in pdf.page_points(out)) == (612, 792)  # the locale's paper
    assert pdf.image_count(out) == 0
    monkeypatch.setattr(report.ReportPrintRequest, "ask", lambda *_args: False)
    out.unlink()
    assert not report.print_report(None, data, QLocale("en_US"))
    assert not out.exists()  # cancelled: nothing printed
