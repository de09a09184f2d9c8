"""The pacer: how late each phase change is shown over a real run, its drift, CPU and frame cost.

    python benchmarks/bench_pacer.py [--minutes 10] [--exercise box] [--rounds 5]
    python benchmarks/bench_pacer.py --part frames        # frame cost only (seconds)
    python benchmarks/bench_pacer.py --part timing --minutes 1

Timing (``--part timing``): Steady's main window, offscreen at 1920x1080,
runs ``--exercise`` for ``--minutes`` of real time, started as a person would
(the exercise, then its first rating confirmed). For each phase change the
time the new phase word was painted is compared with its scheduled boundary
on the same clock (``time.monotonic()``; the boundaries come from the domain
pacer with the same settings, the start from the driver's own reading). The
total drift is when the last frame (the driver's tick just before
``finished``) came against the planned end. CPU is the
process's user + system time over the run's wall time (all threads), as a
share of one core.

At the same time, in its own process, a baseline runs: a bare PySide6 window
with one label whose text changes at the same boundaries, woken the same way
(a precise single-shot timer, at most 16 ms ahead). It shows how late a bare
Qt timer and label can be on this machine at that moment, and what waking at
60 Hz costs without any painting.

Frame cost (``--part frames``): the pacer widget alone at 1920x1080 is
rendered into an image for ``--frames`` states across a whole box cycle,
``--rounds`` times; the baseline is a plain widget of the same size rendered
the same way (the background, nothing drawn). With ``--instructions``
the same loops also run under ``valgrind --tool=callgrind`` and the
instructions inside ``QWidget::render(QPaintDevice*, ...)`` are counted per frame.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.common import (  # noqa: E402
    FRAME,
    bench_env,
    emit,
    figure,
    fmt,
    median,
    percentile,
    run_child,
)

MAX_LATE = 0.017  # one frame, rounded up
MAX_FRAME_PAINT = 0.002
MAX_CPU_SHARE = 10.0  # percent of one core
WIDTH, HEIGHT = 1920, 1080
RESULT_MARK = "PACER_RESULT "


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def _schedule(exercise_id: str, minutes: float) -> tuple[list[float], float]:
    """The scheduled active time of every phase change after the first, and the total."""
    from app import paths
    from app.domain.loader import load_library
    from app.domain.pacer import Pacer, PhaseStarted
    from app.services.pacer_driver import length_for

    exercise = load_library(paths.bundled_exercises_dir()).get(exercise_id)
    if exercise is None:
        raise SystemExit(f"no exercise {exercise_id!r}")
    run_minutes, run_cycles = length_for(exercise, minutes=minutes)
    now = [0.0]
    pacer = Pacer(exercise.phases, minutes=run_minutes, cycles=run_cycles,
                  ease_in_seconds=exercise.ease_in_seconds, clock=lambda: now[0],
                  max_gap=math.inf)
    pacer.start()
    now[0] = pacer.total
    boundaries = [e.at for e in pacer.update() if isinstance(e, PhaseStarted)]
    return boundaries, pacer.total


class _PaintLog:
    """Every paint of a widget: when, and (for a label) the text it painted."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        self.paints: list[tuple[float, str]] = []
        log = self.paints
        text = getattr(widget, "text", None)

        class Filter(QObject):
            def eventFilter(self, watched: QObject, event: QEvent) -> bool:
                if event.type() == QEvent.Type.Paint:
                    log.append((time.monotonic(), text() if text is not None else ""))
                return False

        self._filter = Filter()
        widget.installEventFilter(self._filter)


def _shown_times(paints: list[tuple[float, str]], words: list[str], start: float,
                 boundaries: list[float]) -> list[float]:
    """For each change, the first paint at or after its boundary that shows its word.

    NaN when the word was not painted before the next boundary. Matching on the
    boundary rather than on the signal counts a word the page put up from a frame
    that read the clock just past the boundary, before the driver reported it.
    """
    shown = []
    for k, word in enumerate(words):
        begin = start + boundaries[k]
        end = start + boundaries[k + 1] if k + 1 < len(boundaries) else math.inf
        shown.append(next((t for t, text in paints if begin <= t < end and text == word),
                          math.nan))
    return shown


def child_timing(exercise_id: str, minutes: float, data_dir: str) -> dict[str, Any]:
    """Steady's window running the exercise for real; the times of what was shown."""
    from PySide6.QtCore import QTimer

    from app.bootstrap import build_window
    from app.domain.settings import Settings
    from app.ui.shell.application import make_application
    from app.ui.style import theme

    app = make_application()
    theme.apply(app, "light")
    window = build_window(Path(data_dir), Settings())
    window.resize(WIDTH, HEIGHT)
    window.show()
    app.processEvents()
    window.start_exercise(exercise_id)
    app.processEvents()

    signal_times: list[float] = []
    result: dict[str, Any] = {}
    paint_logs: dict[str, _PaintLog] = {}
    words: list[str] = []
    wakeups = [0]
    last_tick = [math.nan]

    def on_page(page: Any) -> None:
        driver = page.driver
        paint_logs["label"] = _PaintLog(page.phase_label)
        paint_logs["pacer"] = _PaintLog(page.pacer_widget)
        driver.timer().timeout.connect(lambda: wakeups.__setitem__(0, wakeups[0] + 1))
        # The driver's last tick comes just before ``finished``: the shape at rest. The
        # page's own slots for ``finished`` (saving the session, the next page) run before
        # ours, so the end is read from that tick.
        driver.tick.connect(lambda: last_tick.__setitem__(0, time.monotonic()))

        def on_phase(*_: object) -> None:  # after the page's own slot: the word is set
            signal_times.append(time.monotonic())
            words.append(page.phase_label.text())

        def on_finished(practised: float) -> None:
            result["finished_at"] = last_tick[0]
            result["finished_signal_at"] = time.monotonic()
            result["practised"] = practised
            result["cpu_end"] = _cpu_seconds()
            QTimer.singleShot(200, app.quit)  # let the last frame paint

        driver.phaseStarted.connect(on_phase)
        driver.finished.connect(on_finished)

    result["cpu_start"] = _cpu_seconds()
    before = time.monotonic()
    window.before.confirmed.emit(5, False, minutes, None)  # the first rating, confirmed
    page = window.exercise_page
    if page is None or not hasattr(page, "driver"):
        raise SystemExit(f"{exercise_id} did not open a breathing page")
    t1 = time.monotonic()
    state = page.driver.state()
    t2 = time.monotonic()
    start = (t1 + t2) / 2.0 - state.elapsed  # the driver's own start reading
    on_page(page)
    result["confirm_seconds"] = t1 - before
    result["pacer_size"] = [page.pacer_widget.width(), page.pacer_widget.height()]
    app.exec()
    boundaries, _ = _schedule(exercise_id, minutes)
    result.update(start=start, signal=signal_times, wakeups=wakeups[0],
                  painted=_shown_times(paint_logs["label"].paints, words, start, boundaries),
                  pacer_paints=len(paint_logs["pacer"].paints))
    return result


def child_baseline(exercise_id: str, minutes: float) -> dict[str, Any]:
    """A bare window and label changed at the same boundaries, woken the same way."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    boundaries, total = _schedule(exercise_id, minutes)
    app = QApplication(sys.argv[:1])
    window = QWidget()
    layout = QVBoxLayout(window)
    label = QLabel("phase 0")
    layout.addWidget(label)
    window.resize(WIDTH, HEIGHT)
    window.show()
    app.processEvents()
    paint_log = _PaintLog(label)
    words: list[str] = []
    timer = QTimer()
    timer.setSingleShot(True)
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    signal_times: list[float] = []
    result: dict[str, Any] = {"wakeups": 0}
    start = time.monotonic()
    upcoming = [*boundaries, total]
    index = [0]

    def wake() -> None:
        result["wakeups"] += 1
        now = time.monotonic() - start
        while index[0] < len(upcoming) and upcoming[index[0]] <= now + 1e-9:
            if index[0] == len(upcoming) - 1:
                result["finished_at"] = time.monotonic()
                result["cpu_end"] = _cpu_seconds()
                QTimer.singleShot(200, app.quit)
                return
            index[0] += 1
            label.setText(f"phase {index[0]}")
            signal_times.append(time.monotonic())
            words.append(label.text())
        wait = upcoming[index[0]] - (time.monotonic() - start)
        timer.start(min(16, max(1, math.ceil(wait * 1000.0))))

    timer.timeout.connect(wake)
    result["cpu_start"] = _cpu_seconds()
    timer.start(16)
    app.exec()
    result.update(start=start, signal=signal_times,
                  painted=_shown_times(paint_log.paints, words, start, boundaries))
    return result


def _lateness(result: dict[str, Any], boundaries: list[float], key: str) -> list[float]:
    times = result[key]
    count = min(len(times), len(boundaries))
    if len(times) != len(boundaries):
        print(f"note: {len(times)} {key} times for {len(boundaries)} phase changes")
    return [times[i] - (result["start"] + boundaries[i]) for i in range(count)]


def _run_timing(args: argparse.Namespace, extra: dict[str, Any]) -> list[dict[str, Any]]:
    boundaries, total = _schedule(args.exercise, args.minutes)
    print(f"timing: {args.exercise} for {args.minutes:g} min ({total:.0f} s planned, "
          f"{len(boundaries)} phase changes), Steady and the baseline side by side")
    here = str(Path(__file__).resolve())
    with tempfile.TemporaryDirectory(prefix="steady-bench-pacer-") as tmp:
        env = bench_env(pycache=Path(tmp) / "pycache")
        base_cmd = [sys.executable, here, "--child", "baseline", args.exercise,
                    str(args.minutes)]
        app_cmd = [sys.executable, here, "--child", "timing", args.exercise, str(args.minutes),
                   str(Path(tmp) / "data")]
        import threading

        runs: dict[str, Any] = {}
        timeout = total * 1.5 + 120
        side = threading.Thread(target=lambda: runs.__setitem__(
            "baseline", run_child(base_cmd, env=env, timeout=timeout)))
        side.start()
        runs["steady"] = run_child(app_cmd, env=env, timeout=timeout)
        side.join()
    results = {}
    for name, done in runs.items():
        line = next((ln for ln in done.stdout.splitlines() if ln.startswith(RESULT_MARK)), None)
        if done.returncode != 0 or line is None:
            raise SystemExit(f"{name} run failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
        results[name] = json.loads(line[len(RESULT_MARK):])

    steady, base = results["steady"], results["baseline"]
    late = [x for x in _lateness(steady, boundaries, "painted") if not math.isnan(x)]
    late_base = [x for x in _lateness(base, boundaries, "painted") if not math.isnan(x)]
    late_signal = _lateness(steady, boundaries, "signal")
    # Every change, in ms after its boundary (None: the word was never painted), for a look.
    extra["shown_late_ms"] = [None if math.isnan(x) else round(x * 1000, 3)
                              for x in _lateness(steady, boundaries, "painted")]
    extra["set_late_ms"] = [round(x * 1000, 3) for x in late_signal]
    missing = sum(1 for x in steady["painted"] if isinstance(x, float) and math.isnan(x))
    drift = steady["finished_at"] - (steady["start"] + total)
    drift_base = base["finished_at"] - (base["start"] + total)
    wall = steady["finished_at"] - steady["start"]
    cpu = 100.0 * (steady["cpu_end"] - steady["cpu_start"]) / wall
    cpu_base = 100.0 * (base["cpu_end"] - base["cpu_start"]) / wall
    base_label = "bare window, one label, same wake-ups"
    note = (f"{len(late)} phase changes of {args.exercise} over {args.minutes:g} min: the first "
            "paint of the phase word after each change, against its scheduled time")
    figs = [
        figure("pacer.late.median", "Phase change shown late by: median", [median(late)], "s",
               baseline=[median(late_base)], baseline_label=base_label, note=note),
        figure("pacer.late.p99", "Phase change shown late by: 99th percentile",
               [percentile(late, 99)], "s", baseline=[percentile(late_base, 99)],
               baseline_label=base_label),
        figure("pacer.late.worst", "Phase change shown late by: worst", late, "s",
               baseline=late_base, baseline_label=base_label, target=MAX_LATE, compare="max"),
        figure("pacer.unshown", "Phase changes whose word was never painted", [missing],
               "count", target=0, compare="max",
               note="before the next change; counted apart, the lateness rows leave them out"),
        figure("pacer.drift", "Total drift at the end (finished vs planned)", [drift], "s",
               baseline=[drift_base], baseline_label=base_label, target=FRAME, compare="abs"),
        figure("pacer.cpu", "CPU while the pacer runs (share of one core)", [cpu], "%",
               baseline=[cpu_base], baseline_label=base_label + " (no painting)",
               target=MAX_CPU_SHARE,
               note=f"{wall:.0f} s real run at {WIDTH}x{HEIGHT}; "
                    f"{steady['wakeups'] / wall:.1f} wake-ups/s, "
                    f"{steady['pacer_paints'] / wall:.1f} pacer paints/s"),
    ]
    print(f"  shown late: median {fmt(median(late), 's')}, p99 {fmt(percentile(late, 99), 's')},"
          f" worst {fmt(max(late), 's')} (baseline: median {fmt(median(late_base), 's')}, "
          f"p99 {fmt(percentile(late_base, 99), 's')}, worst {fmt(max(late_base), 's')})")
    early = sum(1 for shown, said in zip(steady["painted"], steady["signal"], strict=False)
                if shown < said)  # NaN compares False
    print(f"  word set late (signal): median {fmt(median(late_signal), 's')}, "
          f"worst {fmt(max(late_signal), 's')}; changes never painted: {missing}; "
          f"painted from a frame before the driver reported the change: {early}")
    extra["shown_before_reported"] = early
    print(f"  drift at the end: {fmt(drift, 's')} (baseline {fmt(drift_base, 's')}); "
          f"practised {steady['practised']:.3f} s of {total:.3f} s planned")
    print(f"  CPU: {cpu:.1f}% of one core (baseline {cpu_base:.1f}%), "
          f"{steady['wakeups'] / wall:.1f} wake-ups/s, {steady['pacer_paints'] / wall:.1f} "
          f"pacer paints/s, pacer {steady['pacer_size'][0]}x{steady['pacer_size'][1]}")
    return figs


# --------------------------------------------------------------------------- frame cost


def make_blank() -> Any:
    """A plain widget that takes states like the pacer and draws nothing: the baseline."""
    from PySide6.QtWidgets import QWidget

    class Blank(QWidget):
        def set_state(self, state: object) -> None:
            self.update()

    return Blank()


def child_frames(frames: int, rounds: int, *, exercise_id: str = "box") -> dict[str, Any]:
    """Render the pacer widget (and the blank baseline) ``rounds`` x ``frames`` times."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from app import paths
    from app.domain.loader import load_library
    from app.domain.pacer import PacerState
    from app.ui.exercise.breathing import PacerWidget
    from app.ui.style import theme

    app = QApplication(sys.argv[:1])
    theme.apply(app, "light")
    exercise = load_library(paths.bundled_exercises_dir()).get(exercise_id)
    assert exercise is not None
    phases = exercise.phases
    widget = PacerWidget(phases)
    widget.resize(WIDTH, HEIGHT)
    blank = make_blank()
    blank.resize(WIDTH, HEIGHT)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    cycle = sum(p.seconds for p in phases)
    states = []
    for i in range(frames):
        t = cycle * i / frames
        k, start = 0, 0.0
        while k < len(phases) - 1 and start + phases[k].seconds <= t:
            start += phases[k].seconds
            k += 1
        states.append(PacerState(
            status="running", elapsed=t, total=cycle, remaining=cycle - t, cycle=0,
            phase_index=k, action=phases[k].action,
            phase_progress=(t - start) / phases[k].seconds,
            phase_remaining=start + phases[k].seconds - t, phase_seconds=phases[k].seconds))

    def loop(target: Any) -> list[float]:
        times = []
        for state in states:
            target.set_state(state)
            t0 = time.perf_counter()
            target.render(image)
            times.append(time.perf_counter() - t0)
        return times

    loop(widget)  # warm-up
    loop(blank)
    pacer: list[list[float]] = []
    base: list[list[float]] = []
    for _ in range(rounds):
        pacer.append(loop(widget))
        base.append(loop(blank))
    return {"pacer": pacer, "blank": base}


def _instructions_per_frame(frames: int) -> dict[str, float] | None:
    """Instructions inside QWidget::render per frame, pacer and blank, under callgrind."""
    import re
    import shutil

    if shutil.which("valgrind") is None:
        return None
    here = str(Path(__file__).resolve())
    counts = {}
    with tempfile.TemporaryDirectory(prefix="steady-bench-cg-") as tmp:
        for which in ("pacer", "blank"):
            out = Path(tmp) / f"{which}.out"
            cmd = ["valgrind", "--tool=callgrind", "--collect-atstart=no",
                   "--toggle-collect=QWidget::render(QPaintDevice*", f"--callgrind-out-file={out}",
                   sys.executable, here, "--child", "frames-only", which, str(frames)]
            env = bench_env(pycache=Path(tmp) / "pycache", PYTHONHASHSEED="0")
            done = run_child(cmd, env=env, timeout=1800)
            found = re.findall(r"Collected\s*:\s*(\d+)", done.stderr)
            if done.returncode != 0 or not found:
                print(f"callgrind failed ({which}): {done.stderr[-800:]}")
                return None
            counts[which] = float(found[-1]) / frames
    return counts


def child_frames_only(which: str, frames: int) -> None:
    """One loop of ``frames`` renders of one widget, for callgrind to count."""
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    from app import paths
    from app.domain.loader import load_library
    from app.domain.pacer import PacerState
    from app.ui.exercise.breathing import PacerWidget
    from app.ui.style import theme

    app = QApplication(sys.argv[:1])
    theme.apply(app, "light")
    exercise = load_library(paths.bundled_exercises_dir()).get("box")
    assert exercise is not None
    widget = PacerWidget(exercise.phases) if which == "pacer" else make_blank()
    widget.resize(WIDTH, HEIGHT)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    for i in range(frames):
        p = i / frames
        widget.set_state(PacerState(status="running", elapsed=4 * p, total=16.0,
                                    remaining=16 - 4 * p, cycle=0, phase_index=0,
                                    action="inhale", phase_progress=p,
                                    phase_remaining=4 - 4 * p, phase_seconds=4.0))
        widget.render(image)
    del app


def _run_frames(args: argparse.Namespace) -> list[dict[str, Any]]:
    print(f"frames: PacerWidget at {WIDTH}x{HEIGHT} rendered into an image, "
          f"{args.frames} states over a box cycle, {args.rounds} rounds")
    here = str(Path(__file__).resolve())
    with tempfile.TemporaryDirectory(prefix="steady-bench-frames-") as tmp:
        done = run_child([sys.executable, here, "--child", "frames", str(args.frames),
                          str(args.rounds)], env=bench_env(pycache=Path(tmp) / "pycache"),
                         timeout=600)
    line = next((ln for ln in done.stdout.splitlines() if ln.startswith(RESULT_MARK)), None)
    if done.returncode != 0 or line is None:
        raise SystemExit(f"frame child failed:\n{done.stdout[-3000:]}{done.stderr[-3000:]}")
    data = json.loads(line[len(RESULT_MARK):])
    medians = [median(r) for r in data["pacer"]]
    p99s = [percentile(r, 99) for r in data["pacer"]]
    base_medians = [median(r) for r in data["blank"]]
    base_p99s = [percentile(r, 99) for r in data["blank"]]
    base_label = "a plain widget of the same size"
    note = f"{args.rounds} rounds of {args.frames} frames; spread = rounds"
    figs = [
        figure("frame.median", f"Pacer paint per frame at {WIDTH}x{HEIGHT}: median", medians,
               "s", baseline=base_medians, baseline_label=base_label, target=MAX_FRAME_PAINT,
               note=note),
        figure("frame.p99", f"Pacer paint per frame at {WIDTH}x{HEIGHT}: 99th percentile",
               p99s, "s", baseline=base_p99s, baseline_label=base_label,
               target=MAX_FRAME_PAINT),
    ]
    for fig in figs:
        print(f"  {fig['label']}: {fmt(fig['median'], 's')} "
              f"({fmt(fig['low'], 's')}-{fmt(fig['high'], 's')}), blank "
              f"{fmt(fig['baseline']['median'], 's')}")
    if args.instructions:
        counts = _instructions_per_frame(min(args.frames, 120))
        if counts:
            figs.append(figure("frame.instructions", "Instructions per pacer frame (callgrind)",
                               [counts["pacer"] / 1e6], "M", baseline=[counts["blank"] / 1e6],
                               baseline_label=base_label,
                               note="inside QWidget::render; one run: a count, not a time"))
            print(f"  instructions per frame: {counts['pacer'] / 1e6:.2f} M "
                  f"(blank {counts['blank'] / 1e6:.2f} M)")
    return figs


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("all", "timing", "frames"), default="all")
    parser.add_argument("--minutes", type=float, default=10.0,
                        help="length of the real run (default 10)")
    parser.add_argument("--exercise", default="box", help="a breathing exercise id (box)")
    parser.add_argument("--frames", type=int, default=600,
                        help="frames per round for the frame cost (default 600)")
    parser.add_argument("--rounds", type=int, default=5, help="frame-cost rounds (default 5)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions per frame (callgrind)")
    args = parser.parse_args()
    figs: list[dict[str, Any]] = []
    extra: dict[str, Any] = {}
    if args.part in ("all", "frames"):
        figs += _run_frames(args)
    if args.part in ("all", "timing"):
        figs += _run_timing(args, extra)
    emit("pacer", figs, minutes=args.minutes, exercise=args.exercise, **extra)
    return 0


def child_main(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "timing":
        result = child_timing(argv[1], float(argv[2]), argv[3])
    elif kind == "baseline":
        result = child_baseline(argv[1], float(argv[2]))
    elif kind == "frames":
        result = child_frames(int(argv[1]), int(argv[2]))
    elif kind == "frames-only":
        child_frames_only(argv[1], int(argv[2]))
        return 0
    else:
        raise SystemExit(f"unknown child {kind!r}")
    sys.stdout.write(RESULT_MARK + json.dumps(result) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--child":
        sys.exit(child_main(sys.argv[2:]))
    sys.exit(main())
