"""Render the report to share as PDF pages, then as pictures, into docs/screenshots/.

    python resources/scripts/screenshots_report.py

Makes the report of the same made-up sessions as screenshots_history.py (the
last three months, a fixed "today"), with a few notes and asked for them, on
A4 in British English, and turns its pages into report-1.png, report-2.png, ...
with ``pdftoppm`` (poppler-utils). The PDF itself is written as report.pdf
beside them only with ``--keep-pdf``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import tempfile
from datetime import UTC, date
from pathlib import Path

from screenshots_history import TODAY, made_up_sessions
from shots import OUT, REPO  # (both set the platform before Qt loads)

from app import paths
from app.domain.loader import load_library
from app.domain.report import DateRange, gather
from app.storage.sessions import memory_store

NOTES = ("Before the team meeting. The long out-breath helped.",
         "Woke at 3 and could not settle; this brought me back to the room.",
         "Did it on the bus with my eyes open.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep-pdf", action="store_true", help="also keep report.pdf")
    args = parser.parse_args()
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from app.ui.history.report import render_pdf

    _app = QApplication.instance() or QApplication([])
    library = load_library(paths.bundled_exercises_dir())
    records = made_up_sessions({e.id: e.title for e in library.exercises.values()})
    records = [r.with_(note=NOTES[n // 12]) if n % 12 == 0 and n // 12 < len(NOTES) else r
               for n, r in enumerate(records)]
    with memory_store() as store:
        store.merge(records)
        data = gather(store, DateRange(date(2026, 9, 1), TODAY.date()), now=TODAY, zone=UTC,
                      notes=True)
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise SystemExit("pdftoppm is needed: apt-get install poppler-utils")
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.glob("report-*.png"):
        old.unlink()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "report.pdf"
        pdf.write_bytes(render_pdf(data, QLocale("en_GB")))
        subprocess.run([pdftoppm, "-r", "80", "-png", str(pdf), str(OUT / "report")],
                       check=True)
        if args.keep_pdf:
            shutil.copy(pdf, OUT / "report.pdf")
    for page in sorted(OUT.glob("report-*.png")):
        print(page.relative_to(REPO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
