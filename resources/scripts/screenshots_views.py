"""Render the exercise views alone, offscreen, at 800x600 into docs/screenshots/.

    python resources/scripts/screenshots_views.py [--theme light|dark|high-contrast]

Writes breathing.png, breathing-reduced-motion.png and steps.png (with the theme
name appended for a theme other than light). A fake clock puts each view at a
telling moment: mid-inhale, and three of five items ticked.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from app import paths  # noqa: E402
from app.domain.loader import load_library  # noqa: E402
from app.ui import theme  # noqa: E402
from app.ui.breathing_view import BreathingPage  # noqa: E402
from app.ui.steps_view import StepsPage  # noqa: E402

SIZE = (800, 600)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def run(self, page: BreathingPage, seconds: float, step: float = 0.25) -> None:
        for _ in range(round(seconds / step)):
            self.now += step
            page.driver.poll()


def save(widget: QWidget, name: str, out: Path) -> None:
    widget.resize(*SIZE)
    widget.show()
    QApplication.processEvents()
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path.relative_to(REPO))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--theme", default="light",
                        choices=["light", "dark", "high-contrast"])
    args = parser.parse_args()
    suffix = "" if args.theme == "light" else f"-{args.theme}"
    out = REPO / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    theme.apply(app, args.theme)  # type: ignore[arg-type]
    library = load_library(paths.bundled_exercises_dir())
    box = library.get("box")
    senses = library.get("five-senses")
    if box is None or senses is None:
        print("the bundled box and five-senses exercises are needed", file=sys.stderr)
        return 1

    for reduced, name in ((False, "breathing"), (True, "breathing-reduced-motion")):
        clock = Clock()
        page = BreathingPage(box, reduced_motion=reduced, clock=clock)
        page.resize(*SIZE)
        page.start()
        clock.run(page, 16.0 + 2.5)  # second breath, most of the way through the inhale
        save(page, f"{name}{suffix}", out)
        page.stop()
        page.deleteLater()

    clock = Clock()
    steps = StepsPage(senses, clock=clock)
    steps.resize(*SIZE)
    steps.start()
    steps.next_step()
    for _ in range(3):
        steps.tick()
    save(steps, f"steps{suffix}", out)
    steps.stop()
    steps.deleteLater()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
