"""The report to share over 100,000 sessions: `steady report`, time and peak memory.

    python benchmarks/bench_report.py [--sessions 100000] [--runs 5]

Fills a data folder with the seeded sessions of bench_history.py (six years of
heavy use, ending today), then runs the real ``python -m app --data-dir DIR
report -o FILE.pdf`` in its own process, each run a fresh interpreter: the
whole log (the open range), the last 90 days, and the whole log with
``--notes`` (about 30,000 notes: hundreds of pages, no target). Wall time from
spawn to exit and the child's peak memory (its maximum resident set, from
wait4); the report's pages and size are noted. Targets (issue 19): at most
3 s and 250 MB for the whole log. Nothing is asserted about time in tests.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.bench_history import fill  # noqa: E402
from benchmarks.common import bench_env, emit, figure, run_child  # noqa: E402

TIME_TARGET_S = 3.0
MEMORY_TARGET_MB = 250.0


def pages(path: Path) -> str:
    """How many pages (from pdfinfo, where poppler-utils is installed)."""
    try:
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                             check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return "?"
    return next((line.split(":", 1)[1].strip() for line in out.splitlines()
                 if line.startswith("Pages:")), "?")


def run_report(data: Path, out: Path, *extra: str) -> tuple[float, float]:
    """(wall seconds, peak MB) of one real ``steady report``."""
    child = run_child([sys.executable, "-m", "app", "--data-dir", str(data), "report", *extra,
                       "-o", str(out)], env=bench_env(), timeout=600)
    if child.returncode != 0:
        raise RuntimeError(f"report failed (exit {child.returncode}): {child.stderr[-800:]}")
    return child.wall, child.max_rss_mb


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    figures: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="steady-bench-report-") as tmp:
        data = Path(tmp) / "data"
        fill(data, args.sessions, datetime.now(UTC))
        print(f"{args.sessions:,} sessions in the log", flush=True)
        recent = (date.today() - timedelta(days=89)).isoformat()
        cases = [
            ("all", "the whole log", (), True),
            ("recent", "the last 90 days", ("--from", recent), True),
            ("notes", "the whole log, with notes", ("--notes",), False),
        ]
        for key, label, extra, targeted in cases:
            out = Path(tmp) / f"{key}.pdf"
            walls, peaks = [], []
            for _ in range(args.runs if targeted else max(1, args.runs // 2)):
                wall, peak = run_report(data, out, *extra)
                walls.append(wall)
                peaks.append(peak)
            size = out.stat().st_size / 1e6
            note = f"{pages(out)} page(s), {size:.2f} MB"
            print(f"{label}: {min(walls):.2f}-{max(walls):.2f} s, peak "
                  f"{max(peaks):.0f} MB ({note})", flush=True)
            name = f"`steady report`, {label} ({args.sessions:,} sessions)"
            figures += [
                figure(f"report.{key}.time", f"{name}: time", walls, "s",
                       target=TIME_TARGET_S if targeted else None,
                       compare="max" if targeted else "value", note=note),
                figure(f"report.{key}.rss", f"{name}: peak memory", peaks, "MB",
                       target=MEMORY_TARGET_MB if targeted else None,
                       compare="max" if targeted else "value"),
            ]
    emit("report", figures, sessions=args.sessions)
    return 0


if __name__ == "__main__":
    sys.exit(main())
