"""Render the exercise editor offscreen at 900x720 into docs/screenshots/.

    python resources/scripts/screenshots_editor.py [--theme light|dark|high-contrast]

Writes editor-breathing.png (a 4-2-6 pattern, the preview mid-inhale) and
editor-steps.png (a grounding exercise of three steps), with the theme name
appended for a theme other than light. The data folder is a temporary one.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtWidgets import QApplication
from shots import Clock, save, styled_app

from app import paths
from app.domain.exercise import Phase, Step
from app.domain.loader import load_library
from app.domain.settings import Settings
from app.storage.sessions import memory_store
from app.ui.shell.window import MainWindow

SIZE = (900, 720)


def main() -> int:
    _app, suffix = styled_app(__doc__.splitlines()[0])
    clock = Clock()
    with tempfile.TemporaryDirectory() as data, memory_store() as store:
        data_dir = Path(data)
        library = load_library(paths.bundled_exercises_dir(),
                               paths.user_exercises_dir(data_dir))
        window = MainWindow(library, store, Settings(first_run_done=True), clock=clock,
                            data_dir=data_dir)
        window.resize(*SIZE)
        window.show()
        own = window.own_exercises
        assert own is not None

        editor = own.new_exercise("breathing")
        assert editor is not None
        editor.fields.title_edit.setText("Calm 4-2-6")
        editor.fields.summary_edit.setPlainText("In for 4, a short rest, out for 6.")
        editor.breathing_box.phase_list.set_items((Phase("inhale", 4), Phase("hold", 2),
                                     Phase("exhale", 6)))
        editor.on_pattern_changed()
        editor.phase_rows()[2].seconds.setFocus()
        driver = editor.preview_driver
        if driver is not None:
            for _ in range(10):  # most of the way through the first inhale
                clock.now += 0.25
                driver.poll()
        QApplication.processEvents()
        editor.scroll_area.verticalScrollBar().setValue(editor.breathing_box.y() - 150)
        save(window, f"editor-breathing{suffix}")

        editor.fields.kind_combo.setCurrentIndex(1)  # grounding
        editor.fields.title_edit.setText("Desk grounding")
        editor.fields.summary_edit.setPlainText("Three small steps, wherever you are sitting.")
        editor.steps_box.step_list.set_items((
            Step("Press your feet into the floor and notice it pushing back."),
            Step("Name things you can see from where you sit.", count=3),
            Step("Rest your hands on the desk and feel how cool it is.", seconds=30),
        ))
        editor.step_rows()[1].text.setFocus()
        QApplication.processEvents()
        editor.scroll_area.verticalScrollBar().setValue(editor.steps_box.y() - 150)
        save(window, f"editor-steps{suffix}")
        editor.new()  # drop the draft, so closing asks nothing
        own.shutdown()
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
