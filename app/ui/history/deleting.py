"""Deleting from History: one session or all of them, each asked once, plainly, with
keeping as the default answer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.domain.session import SessionRecord
from app.ui.history.models import ratings_text, when_text
from app.ui.widgets.common import english_plural
from app.ui.widgets.dialogs import Answer, ConfirmDialog, Question

# The questions are History's words: they keep the page's translation context.


def ask_delete_session(parent: QWidget, record: SessionRecord, this_year: int) -> bool:
    """True when the person chose to delete ``record`` (its date names its year when
    that is not ``this_year``)."""
    text = QCoreApplication.translate(
        "HistoryPage", "%1 on %2 (ratings %3) will be removed from your history. This "
        "cannot be undone.")
    return _ask_delete(
        parent, QCoreApplication.translate("HistoryPage", "Delete this session?"),
        text.replace("%1", record.exercise_title).replace(
            "%2", when_text(record, this_year)).replace("%3", ratings_text(record)),
        QCoreApplication.translate("HistoryPage", "Delete this session"),
        QCoreApplication.translate("HistoryPage", "Keep it"))


def ask_delete_all(parent: QWidget, total: int, *, plan_too: bool) -> bool:
    """True when the person chose to delete all ``total`` sessions (and, with
    ``plan_too``, the coping plan)."""
    text = english_plural(QCoreApplication.translate(
        "HistoryPage", "All %n session(s) will be removed from this computer: their "
        "ratings, notes and tags, and the backup copies Steady keeps of its log.", "",
        total), total)
    if plan_too:
        text += " " + QCoreApplication.translate(
            "HistoryPage", "Your coping plan will be removed too.")
    text += "\n\n" + QCoreApplication.translate(
        "HistoryPage", "Files you exported yourself are not touched. This cannot be undone.")
    return _ask_delete(
        parent, QCoreApplication.translate("HistoryPage", "Delete all your history?"), text,
        QCoreApplication.translate("HistoryPage", "Delete everything"),
        QCoreApplication.translate("HistoryPage", "Keep my history"))


def _ask_delete(parent: QWidget, title: str, text: str, delete: str, keep: str) -> bool:
    """True when the person chose ``delete``; keeping is the default and what Esc gives."""
    question = Question.yes_no(title, text, Answer("delete", delete), Answer("keep", keep))
    return ConfirmDialog.ask(parent, question) == "delete"
