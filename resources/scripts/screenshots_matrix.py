"""Render every page at the layout matrix's two corners into docs/screenshots/matrix/.

    python resources/scripts/screenshots_matrix.py [--theme light|dark|high-contrast]

The corners are the smallest window with the largest text (640x480 at 200%) and
the largest window with normal text (1920x1080 at 100%). The pages, and how
each is reached, are the layout matrix test's own (tests/gui/test_layout_matrix.py),
so what is looked at here is what the test reads.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shots import OUT, Clock, save

from app import paths
from app.domain.loader import load_library
from app.domain.settings import Settings
from app.ui.shell.window import MainWindow
from app.ui.style import theme
from tests.gui.test_layout_matrix import CONTACTS, PAGES, seeded_store

CORNERS = [((640, 480), 2.0), ((1920, 1080), 1.0)]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--theme", default="light", choices=["light", "dark", "high-contrast"])
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    (OUT / "matrix").mkdir(parents=True, exist_ok=True)
    library = load_library(paths.bundled_exercises_dir())
    suffix = "" if args.theme == "light" else f"-{args.theme}"
    for (width, height), scale in CORNERS:
        theme.apply(app, args.theme, scale)  # type: ignore[arg-type]
        for store in seeded_store():
            with tempfile.TemporaryDirectory() as data:
                window = MainWindow(library, store, Settings(first_run_done=True,
                                                             contacts=CONTACTS),
                                    clock=Clock(), data_dir=Path(data))
                window.resize(width, height)
                window.show()
                for name, show in PAGES.items():
                    window.go_home()
                    page = show(window)
                    top = page if page.isWindow() else window
                    top.resize(width, height)
                    for _ in range(3):
                        QApplication.processEvents()
                    save(top, f"matrix/{slug(name)}-{width}x{height}-{round(scale * 100)}"
                              f"{suffix}")
                    if page.isWindow():
                        page.close()
                window.prepare_to_quit()
                window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
