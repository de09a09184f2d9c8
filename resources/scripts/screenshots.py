"""Render the main screens offscreen into docs/screenshots/ (for the README and review).

    python resources/scripts/screenshots.py [--theme light|dark|high-contrast] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app import paths  # noqa: E402
from app.domain.loader import load_library  # noqa: E402
from app.domain.settings import Settings  # noqa: E402
from app.storage.sessions import memory_store  # noqa: E402
from app.ui import theme  # noqa: E402
from app.ui.main_window import MainWindow  # noqa: E402


class Clock:
    now = 100.0

    def __call__(self) -> float:
        return self.now


def save(widget: QWidget, out: Path, name: str) -> None:
    QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(REPO))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--theme", default="light")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    out = REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    theme.apply(app, args.theme, args.scale)  # type: ignore[arg-type]
    sfx = args.suffix
    clock = Clock()
    with tempfile.TemporaryDirectory(), memory_store() as store:
        library = load_library(paths.bundled_exercises_dir())
        window = MainWindow(library, store, Settings(), clock=clock)
        window.resize(900, 720)
        window.show()
        save(window, out, f"launcher{sfx}")
        window.start_exercise("box")
        window.before.scale.set_value(7)
        save(window, out, f"before-rating{sfx}")
        window.before.scale.set_value(9)
        window.before.go_button.click()
        save(window, out, f"before-help-offer{sfx}")
        window.before.offer_continue.click()
        page = window.exercise_page
        for _ in range(7):
            clock.now += 0.25
            page.driver.poll()  # type: ignore[union-attr]
        save(window, out, f"breathing-window{sfx}")
        page.stop()  # type: ignore[union-attr]
        window.after.scale.set_value(6)
        window.after.note.setPlainText("Talked to my sister after. The long out-breath helped.")
        window.after.tags.setText("work, noise")
        save(window, out, f"after-rating{sfx}")
        window.after.go_button.click()
        save(window, out, f"summary{sfx}")
        window.start_exercise("five-senses")
        window.before.skip_button.click()
        save(window, out, f"steps-window{sfx}")
        window.exercise_page.stop()  # type: ignore[union-attr]
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
