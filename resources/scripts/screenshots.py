"""Render the main screens offscreen into docs/screenshots/ (for the README and review).

    python resources/scripts/screenshots.py [--theme light|dark|high-contrast] [--scale 1.0]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shots import Clock, save

from app import paths
from app.domain.loader import load_library
from app.domain.settings import Settings
from app.storage.sessions import open_store
from app.ui.shell.window import MainWindow
from app.ui.style import theme


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--theme", default="light")
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--suffix", default="")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    theme.apply(app, args.theme, args.scale)  # type: ignore[arg-type]
    sfx = args.suffix
    clock = Clock()
    with tempfile.TemporaryDirectory() as data:
        store, _ = open_store(Path(data))  # a real log: the summary says it was saved
        library = load_library(paths.bundled_exercises_dir())
        window = MainWindow(library, store, Settings(), clock=clock)
        window.resize(900, 720)
        window.show()
        save(window, f"launcher{sfx}")
        window.start_exercise("box")
        window.before.scale.set_value(7)
        save(window, f"before-rating{sfx}")
        window.before.scale.set_value(9)
        window.before.go_button.click()
        save(window, f"before-help-offer{sfx}")
        window.before.offer_continue.click()
        page = window.exercise_page
        save(window, f"lead-in{sfx}")  # 3-2-1 before the first breath
        page.toggle_pause()  # type: ignore[union-attr]  # Space: start now
        for _ in range(7):
            clock.now += 0.25
            page.driver.poll()  # type: ignore[union-attr]
        save(window, f"breathing-window{sfx}")
        window.request_start("five-senses")  # the shortcut key, pressed mid-exercise
        save(window, f"waiting{sfx}")
        window.waiting.clear()
        page.stop()  # type: ignore[union-attr]
        window.after.scale.set_value(6)
        window.after.note.setPlainText("Talked to my sister after. The long out-breath helped.")
        window.after.tags.setText("work, noise")
        save(window, f"after-rating{sfx}")
        window.after.go_button.click()
        save(window, f"summary{sfx}")
        window.start_exercise("box")  # a session that left the person higher
        window.before.scale.set_value(5)
        window.before.go_button.click()
        window.exercise_page.stop()  # type: ignore[union-attr]
        window.after.scale.set_value(9)
        window.after.go_button.click()
        save(window, f"summary-after-rise{sfx}")
        window.start_exercise("five-senses")
        window.before.skip_button.click()
        save(window, f"steps-window{sfx}")
        window.exercise_page.stop()  # type: ignore[union-attr]
        window.close()
        store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
