"""Render the exercise views alone, offscreen, at 800x600 into docs/screenshots/.

    python resources/scripts/screenshots_views.py [--theme light|dark|high-contrast]

Writes breathing.png, breathing-reduced-motion.png (on the in-breath),
breathing-reduced-motion-out.png (on the out-breath) and steps.png (with the theme
name appended for a theme other than light). A fake clock puts each view at a
telling moment: mid-inhale, and three of five items ticked.
"""

from __future__ import annotations

import sys

import shots
from PySide6.QtWidgets import QApplication, QWidget
from shots import save

from app import paths
from app.domain.loader import load_library
from app.ui.exercise.breathing import BreathingPage
from app.ui.exercise.steps import StepsPage

SIZE = (800, 600)


class Clock(shots.Clock):
    def run(self, page: BreathingPage, seconds: float, step: float = 0.25) -> None:
        for _ in range(round(seconds / step)):
            self.now += step
            page.driver.poll()


def show_and_save(widget: QWidget, name: str) -> None:
    widget.resize(*SIZE)
    widget.show()
    save(widget, name)


def main() -> int:
    _app, suffix = shots.styled_app(__doc__.splitlines()[0])
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
        show_and_save(page, f"{name}{suffix}")
        if reduced:
            clock.run(page, 6.0)  # through the hold, most of the way through breathing out
            show_and_save(page, f"{name}-out{suffix}")
        page.stop()
        page.deleteLater()

    clock = Clock()
    steps = StepsPage(senses, clock=clock)
    steps.resize(*SIZE)
    steps.start()
    steps.next_step()
    for _ in range(3):
        steps.tick()
    show_and_save(steps, f"steps{suffix}")
    steps.stop()
    steps.deleteLater()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main())
