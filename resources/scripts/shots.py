"""What the screenshot scripts share: offscreen Qt, the checkout on the path, a fake
clock, and saving a widget as a PNG under docs/screenshots/.

Import it first (``import shots``): it sets the platform before Qt loads.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
OUT = REPO / "docs" / "screenshots"

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402


class Clock:
    """A monotonic clock the script moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def save(widget: QWidget, name: str) -> Path:
    """Render ``widget`` into ``docs/screenshots/<name>.png`` and print where."""
    QApplication.processEvents()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(REPO))
    return path


def styled_app(description: str) -> tuple[QApplication, str]:
    """Read ``--theme`` from the command line, style the application with it, and
    return the application and the suffix for file names ("" for light)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--theme", default="light",
                        choices=["light", "dark", "high-contrast"])
    args = parser.parse_args()
    from app.ui.style import theme

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    theme.apply(app, args.theme)
    return app, "" if args.theme == "light" else f"-{args.theme}"
