"""Sessions no disk could take: saving them to a file the person chooses.

When neither the log nor a recovery file could take a session (the data folder
and the folder above it are gone, the disk is full or read-only), it is kept
in memory only and would be lost when Steady closes. The summary then offers
"Save to a file…": this asks where (the system's dialog) and writes those
sessions there as an export, which ``steady import`` takes back later.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from app.domain.reasons import os_reason
from app.services.session_flow import SessionFlow

#: Offered as the file's name, in the person's home folder.
SUGGESTED_NAME = "steady-sessions.json"

#: Asks where to save; None when the person cancels.
Chooser = Callable[[QWidget, Path], Path | None]


def choose_file(parent: QWidget, suggested: Path) -> Path | None:
    """The system's "Save as" dialog."""
    from PySide6.QtWidgets import QFileDialog  # not loaded at start-up: its enums cost

    chosen, _ = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("KeepElsewhere", "Save the sessions to a file"),
        str(suggested), QCoreApplication.translate("KeepElsewhere", "Steady export (*.json)"))
    return Path(chosen) if chosen else None


def keep_elsewhere(parent: QWidget, flow: SessionFlow, choose: Chooser = choose_file
                   ) -> tuple[str, bool]:
    """Ask where, write the sessions no disk took there: what to tell ("" if cancelled),
    and whether the file was written."""
    target = choose(parent, Path.home() / SUGGESTED_NAME)
    if target is None:
        return "", False
    try:
        count = flow.save_elsewhere(target)
    except OSError as error:
        return QCoreApplication.translate(
            "KeepElsewhere", "Could not write %1 (%2). The sessions are still kept while "
            "Steady is open; try another place.").replace("%1", str(target)).replace(
            "%2", os_reason(error)), False
    return QCoreApplication.translate(
        "KeepElsewhere", "%n session(s) saved in %1. To add them to your log later: "
        "steady import \"%1\"", "", count).replace("%1", str(target)), True
