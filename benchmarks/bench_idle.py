"""Idle: does anything keep waking Steady while nobody is using it?

    python benchmarks/bench_idle.py [--seconds 60] [--settle 5] [--runs 2]

Steady is started as ``steady`` runs it (``app.__main__.main``, offscreen,
its own data folder each), left to settle for ``--settle`` seconds, then
watched for ``--seconds``, in three states:

* ``launcher``: the window shown, on the launcher;
* ``hidden``: the window hidden (as when kept in the tray);
* ``after-exercise``: back on the launcher after a breathing exercise was
  started, stopped, rated and left (the pacer's timer must be gone too);
* ``reminders``: the launcher with a practice reminder set for every day, the
  next one about 23 hours away: its one single-shot timer waits, nothing else
  wakes (in the other states none is set, and there is no timer at all; each
  run notes which);
* ``tray``: started as at login (``steady --tray``), waiting in the tray with
  no window (offscreen has no tray, so the desktop's is stood in for); its
  memory after the watched window is set against the bare window's;

and, as a control that the counting sees timers at all, ``pacer-running``:
box breathing under way (about 60 wake-ups a second are expected there).

The baseline is a bare PySide6 window with one label, watched the same way.
All run side by side (a count does not depend on how busy the machine is).

Two counts per process, both over the watched window:

* timer events Qt delivers, from an event filter on the application: to
  Steady's own ``QTimer`` objects (the target: none), and to anything else
  (Qt's internal timers, e.g. a blinking text cursor), by receiver;
* wake-ups of the main thread as the kernel counts them (voluntary context
  switches, ``/proc/self/task/<tid>/status``; Linux only). The benchmark's
  own end-of-window timer accounts for one.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.bench_startup import remove_sockets  # noqa: E402
from benchmarks.common import bench_env, emit, figure, run_child  # noqa: E402

STATES = ("launcher", "hidden", "after-exercise", "reminders", "tray")
#: Waiting in the tray, memory against the bare window's (issue 17).
MAX_TRAY_RSS_RATIO = 1.4
CONTROL = "pacer-running"  # not idle: shows that the counts do see a timer
RESULT_MARK = "IDLE_RESULT "
PROBE_NAME = "benchIdleProbe"


def _context_switches() -> int | None:
    """Voluntary context switches of this (the main) thread so far; None off Linux."""
    path = f"/proc/self/task/{threading.get_native_id()}/status"
    try:
        with open(path, encoding="ascii") as handle:
            for line in handle:
                if line.startswith("voluntary_ctxt_switches:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def _rss_mb() -> float | None:
    """This process's resident memory now, in MB (Linux); None elsewhere."""
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        return None
    return None


def _thread_count() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return 0


class _Probe:
    """Counts timer events on the application; steps through the state; reports."""

    def __init__(self, app: Any, seconds: float, settle: float) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        self.app = app
        self.seconds = seconds
        self.settle = settle
        self.counting = False
        self.own: Counter[str] = Counter()
        self.other: Counter[str] = Counter()
        self.window: Any = None
        self.notes: dict[str, str] = {}  # what the steps did, for the report
        self.steps: list[tuple[float, Any]] = []
        self.last_look: Any = None  # called as the watched window ends, before the report
        self.timer = QTimer()
        self.timer.setObjectName(PROBE_NAME)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._next)
        probe = self

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if probe.counting and event.type() == QEvent.Type.Timer:
                    probe.count(watched)
                return False

        self._filter = Filter()
        app.installEventFilter(self._filter)

    def count(self, watched: Any) -> None:
        from PySide6.QtCore import QTimer

        if watched is self.timer:
            return
        name = f"{type(watched).__name__}"
        if watched.objectName():
            name += f" '{watched.objectName()}'"
        parent = watched.parent()
        if isinstance(watched, QTimer):
            owner = type(parent).__name__ if parent is not None else "no parent"
            self.own[f"{name} of {owner}"] += 1
        else:
            self.other[name] += 1

    def run(self, steps: list[tuple[float, Any]]) -> None:
        """``steps``: (delay in seconds, action) in order, then settle, then count."""
        self.steps = [*steps, (self.settle, self._start_counting),
                      (self.seconds, self._report)]
        self.timer.start(0)

    def _next(self) -> None:
        if not self.steps:
            return
        delay, action = self.steps.pop(0)
        if delay > 0:
            self.steps.insert(0, (0.0, action))
            self.timer.start(int(delay * 1000))
            return
        action()
        self.timer.start(0)

    def _start_counting(self) -> None:
        self.switches = _context_switches()
        self.started = time.monotonic()
        self.counting = True

    def _report(self) -> None:
        self.counting = False
        if self.last_look is not None:
            self.last_look()
        switches = _context_switches()
        result = {
            "seconds": time.monotonic() - self.started,
            "own": dict(self.own), "other": dict(self.other),
            "switches": (None if switches is None or self.switches is None
                         else switches - self.switches),
            "threads": _thread_count(), "notes": self.notes, "rss": _rss_mb(),
        }
        if self.window is not None:
            stack = getattr(self.window, "stack", None)
            result["page"] = type(stack.currentWidget()).__name__ if stack else "?"
            result["visible"] = self.window.isVisible()
        sys.stdout.write(RESULT_MARK + json.dumps(result) + "\n")
        sys.stdout.flush()
        os._exit(0)


def child_baseline(seconds: float, settle: float) -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    app = QApplication(sys.argv[:1])
    window = QWidget()
    QVBoxLayout(window).addWidget(QLabel("Steady"))
    window.resize(900, 720)
    window.show()
    probe = _Probe(app, seconds, settle)
    probe.window = window
    probe.run([])
    sys.exit(app.exec())


def child_steady(state: str, data_dir: str, seconds: float, settle: float) -> None:
    import app.bootstrap as bootstrap
    import app.ui.shell.application as application
    from app.__main__ import main

    make_application, build_window = application.make_application, bootstrap.build_window
    probe: list[_Probe] = []

    def steps(window: Any) -> list[tuple[float, Any]]:
        if state in ("launcher", "reminders"):
            probe[0].last_look = lambda: _note_reminders(probe[0], window)
            return []
        if state == "hidden":
            return [(0.5, window.hide)]
        if state == CONTROL:
            def run_box() -> None:
                window.start_exercise("box")
                window.before.confirmed.emit(5, False, 30.0, None)  # 30 minutes

            return [(0.5, run_box)]
        if state == "after-exercise":
            def start() -> None:
                window.start_exercise("box")
                window.before.confirmed.emit(5, False, None, 1)  # one cycle

            def stop_rate_home() -> None:
                page = window.exercise_page
                if page is not None:
                    counting = getattr(page, "counting", lambda: False)()
                    probe[0].notes["exercise"] = (
                        f"{type(page).__name__} {page.driver.status}"
                        f"{' (still in the lead-in)' if counting else ''}, then stopped")
                    page.stop()  # Esc
                window.after.confirmed.emit(3, False, "", ())  # the second rating
                window.summary.home.emit()  # back to the start

            # Stopped once the pacer has run for 2 s, after the 3-2-1 lead-in (a setting,
            # on by default): stopped during the count, the pacer's timer never started.
            from app.ui.exercise.lead_in import LEAD_IN_SECONDS

            return [(0.5, start), (LEAD_IN_SECONDS + 2.0, stop_rate_home)]
        return []

    def make_and_probe(*args: Any, **kwargs: Any) -> Any:
        made = make_application(*args, **kwargs)
        probe.append(_Probe(made, seconds, settle))
        return made

    def build_and_run(*args: Any, **kwargs: Any) -> Any:
        window = build_window(*args, **kwargs)
        probe[0].window = window
        probe[0].run(steps(window))
        return window

    application.make_application = make_and_probe
    bootstrap.build_window = build_and_run
    if state == "tray":
        from app.ui.shell import tray

        create = tray.SteadyTray.create.__func__  # type: ignore[attr-defined]

        def with_tray(cls: Any, window: Any, *, available: bool | None = None) -> Any:
            return create(cls, window, available=True)  # offscreen has no tray

        tray.SteadyTray.create = classmethod(with_tray)  # type: ignore[method-assign,assignment]
        sys.exit(main(["--data-dir", data_dir, "--tray"]))
    sys.exit(main(["--data-dir", data_dir]))


def _note_reminders(probe: _Probe, window: Any) -> None:
    """Say whether the window keeps a reminder timer, and for when (older Steadys: none)."""
    practice = getattr(window, "practice", None)
    timer = practice.clock.timer() if practice is not None else None
    if timer is None:
        probe.notes["reminders"] = "no reminder timer"
        return
    hours = timer.remainingTime() / 3_600_000
    probe.notes["reminders"] = f"one reminder timer, single shot, next in {hours:.0f} h"


def _prepare(folder: Path, state: str) -> None:
    """A data folder past the welcome; for ``reminders``, one a day, due in about 23 h."""
    from dataclasses import fields

    from app.domain.settings import Settings
    from app.storage.settings import save_settings

    names = {f.name for f in fields(Settings)}
    if "first_run_done" not in names:
        folder.mkdir(parents=True, exist_ok=True)
        return
    chosen: dict[str, Any] = {"first_run_done": True}
    if state == "reminders":
        if "reminders" not in names:
            raise SystemExit("reminders: this Steady has no practice reminders")
        from datetime import datetime, timedelta

        from app.domain.reminders import Reminders

        at = (datetime.now().astimezone() - timedelta(hours=1)).time().replace(
            second=0, microsecond=0)
        chosen["reminders"] = Reminders(enabled=True, days=frozenset(range(7)), times=(at,))
    save_settings(folder, Settings(**chosen))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0, help="watched (default 60)")
    parser.add_argument("--settle", type=float, default=5.0,
                        help="seconds left to settle first (default 5)")
    parser.add_argument("--runs", type=int, default=2, help="processes of each (default 2)")
    args = parser.parse_args()

    here = str(Path(__file__).resolve())
    kinds = ("baseline", *STATES, CONTROL)
    results: dict[str, list[dict[str, Any]]] = {k: [] for k in kinds}
    print(f"idle: {args.runs} process(es) of each of {', '.join(kinds)}, side by side; "
          f"{args.settle:g} s to settle, then {args.seconds:g} s watched")
    with tempfile.TemporaryDirectory(prefix="steady-bench-idle-") as tmp:
        env = bench_env(pycache=Path(tmp) / "pycache")
        jobs = []
        for run in range(args.runs):
            for kind in kinds:
                folder = Path(tmp) / f"{kind}-{run}"
                if kind != "baseline":
                    _prepare(folder, kind)
                jobs.append((kind, [sys.executable, here, "--child", kind, str(folder),
                                    str(args.seconds), str(args.settle)]))
        done: dict[int, Any] = {}

        def work(index: int, cmd: list[str]) -> None:
            done[index] = run_child(cmd, env=env, timeout=args.seconds + args.settle + 120)

        threads = [threading.Thread(target=work, args=(i, cmd)) for i, (_, cmd) in
                   enumerate(jobs)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        # The children end with os._exit: leave none of their sockets behind.
        remove_sockets([str(Path(tmp) / f"{kind}-{run}") for run in range(args.runs)
                        for kind in kinds if kind != "baseline"])
    for index, (kind, _) in enumerate(jobs):
        child = done.get(index)
        line = None if child is None else next(
            (ln for ln in child.stdout.splitlines() if ln.startswith(RESULT_MARK)), None)
        if child is None or line is None:
            detail = "" if child is None else child.stdout[-2000:] + child.stderr[-2000:]
            raise SystemExit(f"{kind} failed:\n{detail}")
        results[kind].append(json.loads(line[len(RESULT_MARK):]))

    def own(r: dict[str, Any]) -> float:
        return float(sum(r["own"].values()))

    def other(r: dict[str, Any]) -> float:
        return float(sum(r["other"].values()))

    base_label = "bare PySide6 window with one label"
    figs = []
    for state in STATES:
        rs, bs = results[state], results["baseline"]
        where = ", ".join(sorted({f"{r.get('page', '?')}"
                                  f"{'' if r.get('visible') else ' (hidden)'}" for r in rs}))
        did = "; ".join(sorted({n for r in rs for n in r.get("notes", {}).values()}))
        figs.append(figure(f"idle.{state}.own", f"Idle, {state}: wake-ups by Steady's timers",
                           [own(r) for r in rs], "count", target=0, compare="max",
                           note=f"over {args.seconds:g} s; on {where}"
                                + (f" ({did})" if did else "")))
        names = sorted({name for r in rs for name in (*r["own"], *r["other"])})
        figs.append(figure(f"idle.{state}.timers", f"Idle, {state}: all timer events",
                           [own(r) + other(r) for r in rs], "count",
                           baseline=[own(b) + other(b) for b in bs], baseline_label=base_label,
                           note=("received by: " + ", ".join(names)) if names else ""))
        switches = [r["switches"] for r in rs if r["switches"] is not None]
        base_switches = [b["switches"] for b in bs if b["switches"] is not None]
        if switches and base_switches:
            figs.append(figure(
                f"idle.{state}.switches", f"Idle, {state}: main-thread wake-ups (kernel)",
                switches, "count", baseline=base_switches, baseline_label=base_label,
                note="" if state != STATES[0] else
                "voluntary context switches of the main thread; the benchmark's own "
                "end-of-window timer is one of them"))
    tray_rss = [r["rss"] for r in results["tray"] if r.get("rss") is not None]
    base_rss = [b["rss"] for b in results["baseline"] if b.get("rss") is not None]
    if tray_rss and base_rss:
        figs.append(figure(
            "idle.tray.rss", f"Waiting in the tray: memory (RSS) after {args.settle:g} + "
            f"{args.seconds:g} s", tray_rss, "MB", baseline=base_rss,
            baseline_label="bare PySide6 window with one label, shown", compare="ratio",
            target=MAX_TRAY_RSS_RATIO,
            note="the window made (launcher and first rating) but never shown"))
    control = results[CONTROL]
    figs.append(figure(f"idle.{CONTROL}.own", "Control, pacer running: wake-ups by Steady's "
                       "timers", [own(r) for r in control], "count",
                       note="not idle: the count sees the pacer's 16 ms timer"))
    for fig in figs:
        base = fig.get("baseline")
        print(f"  {fig['label']}: {fig['median']:g} (runs {fig['values']})"
              + (f", baseline {base['median']:g}" if base else "")
              + (f" [{fig['note']}]" if fig.get("note") else ""))
    emit("idle", figs, seconds=args.seconds, settle=args.settle, runs=args.runs,
         threads={k: [r["threads"] for r in v] for k, v in results.items()})
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        kind, folder, secs, settle_s = sys.argv[2], sys.argv[3], sys.argv[4], sys.argv[5]
        if kind == "baseline":
            child_baseline(float(secs), float(settle_s))
        else:
            child_steady(kind, folder, float(secs), float(settle_s))
    sys.exit(main())
