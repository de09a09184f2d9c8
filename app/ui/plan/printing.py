"""Printing the coping plan: plain pages through Qt's print dialog, or a PDF.

The plan is laid out as simple HTML (every word of the person's escaped, never
read as markup) in a :class:`~PySide6.QtGui.QTextDocument` and printed with
Qt's own print dialog, which offers printing to a PDF file where the system
has no printer or allows it. A section left empty gets lines to write on by
hand, so a blank plan can be printed and filled in with someone. QtPrintSupport
is loaded only here, the first time a person prints (never at start-up).
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QTextDocument
from PySide6.QtWidgets import QWidget

from app.domain.loader import Library
from app.domain.plan import CopingPlan
from app.domain.settings import Contact
from app.ui.plan import words

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

#: Lines to write on, under a section left empty.
BLANK_LINES = 3
#: Text size on paper (points): large enough to read in a hard moment.
PRINT_POINTS = 12



def _items(lines: Iterable[str]) -> str:
    return "".join(f"<li>{html.escape(line)}</li>" for line in lines)


def _contact_lines(names: tuple[str, ...], contacts: tuple[Contact, ...]) -> list[str]:
    by_name = {c.name: c for c in contacts}
    lines = []
    for name in names:
        contact = by_name.get(name)
        parts = (name, contact.number, contact.note) if contact is not None else (name,)
        lines.append(" · ".join(p for p in parts if p))
    return lines


def plan_html(plan: CopingPlan, library: Library, contacts: tuple[Contact, ...]) -> str:
    """The whole plan as HTML for printing, in the page's order."""
    out = [f"<h1>{html.escape(words.title())}</h1>",
           f"<p><i>{html.escape(words.how_to_use())}</i></p>"]
    blank = "<p>" + "<br>".join(["_" * 60] * BLANK_LINES) + "</p>"
    for number, section in enumerate(words.sections(), start=1):
        lines: list[str] = []
        if section.key == "on_my_own":
            lines += [exercise.title if (exercise := library.get(ex_id)) else ex_id
                      for ex_id in plan.exercises]
        if section.contacts:
            lines += _contact_lines(getattr(plan, section.contacts), contacts)
        lines += list(getattr(plan, section.key))
        out.append(f"<h2>{number}. {html.escape(section.heading)}</h2>")
        out.append(f"<ul>{_items(lines)}</ul>" if lines else blank)
    danger = QCoreApplication.translate(
        "PlanPrint", "If you are in danger, call your local emergency number now.")
    out.append(f"<p><small>{html.escape(danger)}</small></p>")
    return "\n".join(out)


def document(text: str) -> QTextDocument:
    doc = QTextDocument()
    font = QFont()
    font.setPointSize(PRINT_POINTS)
    doc.setDefaultFont(font)
    doc.setHtml(text)
    return doc


class PrintRequest:
    """Qt's print dialog, as one call a test can replace (``ask`` returns the answer)."""

    @classmethod
    def ask(cls, parent: QWidget | None, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, parent)
        dialog.setWindowTitle(QCoreApplication.translate("PlanPrint", "Print my coping plan"))
        return bool(dialog.exec() == QPrintDialog.DialogCode.Accepted)


def new_printer() -> QPrinter:
    from PySide6.QtPrintSupport import QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(words.title())
    printer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    return printer


def print_plan(parent: QWidget | None, text: str) -> bool:
    """Ask where to print (the dialog), then print ``text``; False when the person cancelled."""
    printer = new_printer()
    if not PrintRequest.ask(parent, printer):
        return False
    document(text).print_(printer)
    return True

