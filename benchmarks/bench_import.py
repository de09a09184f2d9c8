"""A very large import: 1,000,000 sessions from a CSV (and a JSON) export, time and memory.

    python benchmarks/bench_import.py [--sessions 1000000] [--formats csv,json] [--runs 1]

Writes an export of that many generated sessions (the same seeded sessions as
bench_history.py, written the way ``steady export`` writes them), then runs the
real ``python -m app --data-dir DIR import FILE`` in its own process and
measures its wall time and peak memory (the child's own maximum resident set,
from ``wait4``):

* into a new data folder: the file is checked once, then imported in one
  transaction (a refused file must leave no log behind);
* the same file again into that log: every session is already there.

Peak memory is held to 500 MB whatever the size of the file. Nothing is
asserted here about time; the figures go to docs/BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from app.domain.session import SessionRecord  # noqa: E402
from app.storage.exchange import FORMAT_NAME, FORMAT_VERSION, export_csv, record_to_json  # noqa: E402
from app.storage.records import format_time  # noqa: E402
from benchmarks.bench_history import generate  # noqa: E402
from benchmarks.common import bench_env, emit, figure, run_child  # noqa: E402

#: Peak memory an import may use, whatever the file (issue 20).
MEMORY_TARGET_MB = 500.0


def write_json(records: Iterable[SessionRecord], path: Path) -> int:
    """The same document ``export_json`` writes, one session at a time."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        out.write(f'{{\n  "format": "{FORMAT_NAME}",\n  "version": {FORMAT_VERSION},\n'
                  f'  "exported_at": "{format_time(datetime.now(UTC))}",\n  "sessions": [')
        for record in records:
            item = json.dumps(record_to_json(record), ensure_ascii=False, indent=2)
            out.write(("," if count else "") + "\n    " + item.replace("\n", "\n    "))
            count += 1
        out.write("\n  ]\n}\n")
    return count


def write_export(fmt: str, count: int, path: Path) -> None:
    records = generate(count, datetime.now(UTC))
    if fmt == "json":
        write_json(records, path)
        return
    with path.open("w", encoding="utf-8", newline="") as out:
        export_csv(records, out)


def run_import(data: Path, path: Path) -> tuple[float, float, str]:
    """(wall seconds, peak MB, what it printed) of one real ``steady import``."""
    child = run_child([sys.executable, "-m", "app", "--data-dir", str(data), "import",
                       str(path)], env=bench_env(), timeout=3600)
    if child.returncode != 0:
        raise RuntimeError(f"import failed (exit {child.returncode}): {child.stderr[-500:]}")
    return child.wall, child.max_rss_mb, child.stdout.strip()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=1_000_000)
    parser.add_argument("--formats", default="csv,json")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args()
    figures: list[dict[str, Any]] = []
    sizes: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix="steady-bench-import-") as tmp:
        for fmt in args.formats.split(","):
            path = Path(tmp) / f"export.{fmt}"
            started = time.perf_counter()
            write_export(fmt, args.sessions, path)
            sizes[fmt] = path.stat().st_size / 1e6
            print(f"wrote {args.sessions:,} sessions as {fmt}: {sizes[fmt]:.0f} MB in "
                  f"{time.perf_counter() - started:.0f} s", flush=True)
            new: list[tuple[float, float]] = []
            again: list[tuple[float, float]] = []
            for run in range(args.runs):
                data = Path(tmp) / f"data-{fmt}-{run}"
                wall, rss, said = run_import(data, path)
                new.append((wall, rss))
                print(f"{fmt} import into a new folder: {wall:.1f} s, peak {rss:.0f} MB "
                      f"({said})", flush=True)
                wall, rss, said = run_import(data, path)
                again.append((wall, rss))
                print(f"{fmt} import again: {wall:.1f} s, peak {rss:.0f} MB ({said})",
                      flush=True)
                shutil.rmtree(data)
            label = f"{args.sessions:,} sessions from {fmt.upper()} ({sizes[fmt]:.0f} MB)"
            figures += [
                figure(f"import.{fmt}.new", f"{label}, into a new folder: time",
                       [w for w, _ in new], "s"),
                figure(f"import.{fmt}.new_rss", f"{label}, into a new folder: peak memory",
                       [r for _, r in new], "MB", target=MEMORY_TARGET_MB, compare="max"),
                figure(f"import.{fmt}.again", f"{label}, again (all already there): time",
                       [w for w, _ in again], "s"),
                figure(f"import.{fmt}.again_rss", f"{label}, again: peak memory",
                       [r for _, r in again], "MB", target=MEMORY_TARGET_MB, compare="max"),
            ]
            path.unlink()
    emit("import", figures, sessions=args.sessions, file_mb=sizes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
