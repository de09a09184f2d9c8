"""Write resources/exercises.compiled.json: Steady's own exercises, read ahead.

    python resources/scripts/compile_exercises.py

Run it after changing a file in exercises/ (a test says so when it is due). A
start reads the compiled file instead of the exercise files only while it
matches them exactly, so a stale one costs time, never correctness
(app/domain/compiled.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from app import paths  # noqa: E402
from app.bootstrap import COMPILED_EXERCISES  # noqa: E402
from app.domain.compiled import compile_folder  # noqa: E402


def main() -> int:
    target = paths.resource(COMPILED_EXERCISES)
    target.write_text(compile_folder(paths.bundled_exercises_dir()), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
