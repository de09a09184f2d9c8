"""The log at scale: 100,000 sessions (years of heavy use), then History, stats and a write.

    python benchmarks/bench_history.py [--sessions 100000] [--runs 5] [--keep DIR]

Generates the sessions (seeded: the same log each time, ending today) through
the real storage into a temporary data folder, then measures, each in a fresh
interpreter so no cache from an earlier run helps:

* History to first paint: load History's module, build the page on the store,
  show it, ``grab()`` (as in the running app: Qt is imported and the
  application made before the clock starts; History's module is loaded when
  History first opens). A log this size opens on the last 90 days;
* the same page, then "All time" chosen: every session on the chart (no target);
* ``python -m app stats``: the whole command, wall time;
* one session write (``store.save``, durable) on the full log, median of five;
* "what works for me" grouped by starting level, and the before rating's read of
  one starting level per exercise (what its suggestion is chosen from), each
  the median of five on an open log;

and the size of the database. Prints the median of the runs with their spread
and the target each is held to.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from app.domain.session import SessionFilter, SessionRecord  # noqa: E402
from app.storage.db import database_path  # noqa: E402
from app.storage.sessions import open_store  # noqa: E402

SEED = 20260301
YEARS = 6
EXERCISES = (
    ("extended-exhale", "Extended exhale", 300), ("box", "Box breathing", 300),
    ("cyclic-sigh", "Cyclic sigh", 300), ("coherent", "Coherent breathing", 300),
    ("four-seven-eight", "4-7-8 breathing", 240), ("five-senses", "Five senses (5-4-3-2-1)", 0),
    ("orienting", "Orienting", 180), ("butterfly-hug", "Butterfly hug", 120),
    ("categories", "Categories", 0), ("pmr-short", "Short muscle relaxation", 420),
    ("sound-focus", "Sound focus", 180), ("texture", "Texture", 120),
    ("cold-temperature", "Cold temperature", 60), ("paired-relaxation", "Paired relaxation", 300),
)
TAGS = ("work", "night", "family", "crowds", "noise", "memory", "health", "travel",
        "money", "school", "phone", "anniversary")
NOTES = ("Felt a bit better after.", "Hard to focus today, but I stayed with it.",
         "Used it before a meeting.", "The long out-breath helped.",
         "Woke up from a dream; this brought me back to the room.",
         "Noisy train, did it with eyes open.", "Talked to a friend afterwards.")


def generate(count: int, end: datetime, seed: int = SEED) -> Iterator[SessionRecord]:
    """``count`` plausible sessions spread over ``YEARS`` years up to ``end``."""
    rng = random.Random(seed)
    span = timedelta(days=365 * YEARS).total_seconds()
    start = end - timedelta(days=365 * YEARS)
    # Some exercises help this (made-up) person more than others.
    helps = {ex_id: rng.uniform(0.3, 2.8) for ex_id, _, _ in EXERCISES}
    for _ in range(count):
        ex_id, title, planned = rng.choice(EXERCISES)
        started = start + timedelta(seconds=rng.uniform(0, span))
        roll = rng.random()
        status = "completed" if roll < 0.86 else "stopped" if roll < 0.95 else "interrupted"
        before = rng.randint(2, 10) if rng.random() > 0.04 else None
        after = None
        if status != "interrupted" and rng.random() > 0.05:
            drop = round(rng.gauss(helps[ex_id], 1.4))
            after = max(0, min(10, (before if before is not None else 6) - drop))
        practised = planned * rng.uniform(0.2, 1.0) if status != "completed" else planned
        tags = tuple(rng.sample(TAGS, rng.choice((0, 0, 1, 1, 1, 2, 3))))
        yield SessionRecord(
            exercise_id=ex_id, exercise_title=title, started_at=started,
            ended_at=None if status == "interrupted" else started + timedelta(
                seconds=practised + 20),
            status=status, before=before, after=after,  # type: ignore[arg-type]
            numb_before=rng.random() < 0.06, numb_after=rng.random() < 0.04,
            planned_seconds=float(planned), practised_seconds=float(practised),
            note=rng.choice(NOTES) if rng.random() < 0.3 else "", tags=tags,
        )


def fill(data_dir: Path, count: int, end: datetime) -> None:
    store, _ = open_store(data_dir)
    with store:
        batch: list[SessionRecord] = []
        for record in generate(count, end):
            batch.append(record)
            if len(batch) == 10_000:
                store.merge(batch)
                batch = []
        if batch:
            store.merge(batch)


# --------------------------------------------------------------------------- probes
# Each probe runs in a fresh interpreter: `python bench_history.py --probe NAME DIR`.

def probe_history(data_dir: Path) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui.style import theme

    app = QApplication([])
    theme.apply(app, "light")
    store, _ = open_store(data_dir)
    t0 = time.perf_counter()
    from app.ui.history.page import HistoryPage  # the window loads it when History first opens

    page = HistoryPage(store)
    page.resize(900, 640)
    page.show()
    page.grab()
    elapsed = time.perf_counter() - t0
    page.close()
    store.close()
    del app
    return {"seconds": elapsed}


def probe_history_all(data_dir: Path) -> dict[str, float]:
    """History open, then the person picks "All time": every session on the chart."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.ui.history.page import HistoryPage
    from app.ui.style import theme

    app = QApplication([])
    theme.apply(app, "light")
    store, _ = open_store(data_dir)
    page = HistoryPage(store)
    page.resize(900, 640)
    page.show()
    page.grab()
    t0 = time.perf_counter()
    page.period.setCurrentIndex(page.period.findData("all"))
    page.grab()
    elapsed = time.perf_counter() - t0
    page.close()
    store.close()
    del app
    return {"seconds": elapsed}


def probe_save(data_dir: Path) -> dict[str, float]:
    store, _ = open_store(data_dir)
    times = []
    with store:
        record = next(generate(1, datetime.now(UTC), seed=7))
        for i in range(5):  # the first rating, then the end, as a session does
            t0 = time.perf_counter()
            store.save(record.with_(note=f"write {i}"))
            times.append(time.perf_counter() - t0)
        store.delete(record.id)
    return {"seconds": statistics.median(times)}


def _median_of_five(run: Callable[[], object]) -> float:
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def probe_by_level(data_dir: Path) -> dict[str, float]:
    store, _ = open_store(data_dir)
    with store:
        return {"seconds": _median_of_five(lambda: store.stats("start_level"))}


def probe_one_level(data_dir: Path) -> dict[str, float]:
    store, _ = open_store(data_dir)
    with store:
        where = SessionFilter(start_level="7-8")
        return {"seconds": _median_of_five(lambda: store.stats("exercise", where))}


PROBES = {"history": probe_history, "history_all": probe_history_all, "save": probe_save,
          "by_level": probe_by_level, "one_level": probe_one_level}


def run_probe(name: str, data_dir: Path) -> float:
    out = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), "--probe", name, str(data_dir)],
        check=True, capture_output=True, text=True, cwd=REPO,
    ).stdout
    return float(json.loads(out.strip().splitlines()[-1])["seconds"])


def run_stats(data_dir: Path) -> float:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data_dir), "stats"],
                          capture_output=True, text=True, cwd=REPO)
    elapsed = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"`steady stats` failed: {done.stderr.strip()[-300:]}")
    return elapsed


# --------------------------------------------------------------------------- report

def summary(times: list[float]) -> tuple[float, float, float]:
    return statistics.median(times), min(times), max(times)


def fmt_ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms" if seconds >= 0.01 else f"{seconds * 1000:.1f} ms"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", metavar="DIR", help="fill (or reuse) this data folder")
    parser.add_argument("--probe", nargs=2, metavar=("NAME", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.probe:
        name, folder = args.probe
        print(json.dumps(PROBES[name](Path(folder))))
        return 0

    with tempfile.TemporaryDirectory(prefix="steady-bench-") as tmp:
        data_dir = Path(args.keep) if args.keep else Path(tmp) / "data"
        if not database_path(data_dir).exists():
            t0 = time.perf_counter()
            fill(data_dir, args.sessions, datetime.now(UTC))
            print(f"generated {args.sessions:,} sessions in {time.perf_counter() - t0:.1f} s")
        size = sum(f.stat().st_size for f in data_dir.glob("steady.sqlite3*"))
        rows: list[tuple[str, list[float], float | None]] = []
        rows.append(("History to first paint",
                     [run_probe("history", data_dir) for _ in range(args.runs)], 0.300))
        rows.append(("History, then \"All time\" chosen",
                     [run_probe("history_all", data_dir) for _ in range(args.runs)], None))
        try:
            stats_times = [run_stats(data_dir) for _ in range(args.runs)]
        except RuntimeError as error:
            print(error)
            stats_times = []
        rows.append(("`python -m app stats` (wall)", stats_times, 0.500))
        rows.append(("one session write (save)",
                     [run_probe("save", data_dir) for _ in range(args.runs)], 0.010))
        rows.append(("what works, by starting level",
                     [run_probe("by_level", data_dir) for _ in range(args.runs)], None))
        rows.append(("one starting level (suggestion)",
                     [run_probe("one_level", data_dir) for _ in range(args.runs)], 0.100))

        print(f"\n{args.sessions:,} sessions, median of {args.runs} runs "
              f"(fresh interpreter each), Python {sys.version.split()[0]}")
        print(f"{'measure':32} {'median':>9} {'min-max':>17} {'target':>8}  ok")
        for name, times, target in rows:
            if not times:
                print(f"{name:32} {'n/a':>9}")
                continue
            median, low, high = summary(times)
            ok = "-" if target is None else "yes" if median <= target else "NO"
            spread = f"{fmt_ms(low)}-{fmt_ms(high)}"
            goal = fmt_ms(target) if target is not None else "-"
            print(f"{name:32} {fmt_ms(median):>9} {spread:>17} {goal:>8}  {ok}")
        print(f"{'database size (with WAL)':32} {size / 1e6:>7.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
