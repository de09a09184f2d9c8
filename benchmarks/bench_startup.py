"""Start-up: process start to the first painted frame, and peak memory, against a bare window.

    python benchmarks/bench_startup.py [--runs 7] [--sessions 1000] [--instructions]

Three kinds of process, each started the same way (``python
benchmarks/bench_startup.py --child KIND``, offscreen, a fresh interpreter
each time, in turn, with one warm-up round not counted):

* ``baseline``: a bare PySide6 window (900x720, the main window's size) with
  one label;
* ``launcher``: Steady as ``steady`` runs it (``app.__main__.main``), on the
  launcher, with a log of ``--sessions`` sessions and the first-run welcome
  already seen;
* ``start-box``: ``steady start box``, which opens on the box exercise's
  first rating;
* ``settled``: ``steady`` again, timed until the work it leaves for after the
  first frame is done (one's own exercises, listening for a second Steady,
  the icon and the tray); its peak memory is the whole start's;
* ``styled``: for reference, no target: the bare window with Steady's look
  (style sheet, palette, font) and a launcher's worth of plain widgets (a
  heading and 14 two-line tiles), made the plainest way. What the look and that
  many widgets cost on their own, before anything of Steady's runs.

Nothing in the app is changed for this: the child wraps
``app.bootstrap.build_window`` to install an event filter on the window
it returns (the bare window gets the same filter), and at the window's first
paint event queues a zero timer, which runs once that whole frame has been
painted and flushed. The time then
(``time.monotonic()``, which is system-wide) minus the parent's reading just
before it started the process is the figure. Peak RSS is the child's own
``ru_maxrss`` (``os.wait4``).

``--instructions`` also counts the instructions each kind runs up to that
frame under ``valgrind --tool=callgrind`` (one run each; a count that a busy
machine cannot move, unlike the time).
"""

from __future__ import annotations

import os
import sys
import time

# The child side imports as little as possible: it is what is being measured.

FIRST_PAINT_MARK = "FIRST_PAINT "


def _child_marks() -> dict[str, float]:
    spawned = float(os.environ.get("BENCH_SPAWNED", "nan"))
    return {"spawned": spawned, "python_ready": time.monotonic()}


def _install_first_paint(window: object, marks: dict[str, float], extra: dict[str, str], *,
                         report: bool = True) -> None:
    """At the first paint of ``window`` (a top-level widget), mark the time and (with
    ``report``) report once the frame is done.

    The filter sits on the window alone, not on the application, so the events of
    building it are not slowed down by a Python call each.
    """
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QWidget

    class FirstPaint(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.seen = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.seen and event.type() == QEvent.Type.Paint:
                self.seen = True
                marks["first_paint_event"] = time.monotonic()
                if report:
                    QTimer.singleShot(0, frame_done)
            return False

    def frame_done() -> None:
        marks["frame_done"] = time.monotonic()
        _report(window, marks, extra)

    watcher = FirstPaint()
    assert isinstance(window, QWidget)
    window.installEventFilter(watcher)
    _KEEP.append(watcher)  # the filter lives as long as the process


def _report(window: object, marks: dict[str, float], extra: dict[str, str]) -> None:
    """Print the marks (and what the window shows) for the parent, and exit at once."""
    import json

    from PySide6.QtWidgets import QWidget

    stack = getattr(window, "stack", None)
    if stack is not None:
        extra["page"] = type(stack.currentWidget()).__name__
    extra["window"] = type(window).__name__
    assert isinstance(window, QWidget)
    extra["size"] = f"{window.width()}x{window.height()}"
    sys.stdout.write(FIRST_PAINT_MARK + json.dumps({"marks": marks, **extra}) + "\n")
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)  # what is measured is done; tearing down is not


_KEEP: list[object] = []


def child_baseline() -> None:
    marks = _child_marks()
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    marks["imported"] = time.monotonic()
    app = QApplication(sys.argv[:1])
    marks["app_made"] = time.monotonic()
    window = QWidget()
    _install_first_paint(window, marks, {})
    window.setWindowTitle("Baseline")
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Steady"))
    window.resize(900, 720)
    window.show()
    marks["shown"] = time.monotonic()
    sys.exit(app.exec())


def child_styled() -> None:
    marks = _child_marks()
    from PySide6.QtWidgets import (
        QApplication,
        QGridLayout,
        QLabel,
        QPushButton,
        QVBoxLayout,
        QWidget,
    )

    from app.ui.style import theme

    marks["imported"] = time.monotonic()
    app = QApplication([*sys.argv[:1], *theme.style_arguments()])
    theme.mark_style_set(app)
    theme.apply(app, "light")
    marks["app_made"] = time.monotonic()
    window = QWidget()
    _install_first_paint(window, marks, {})
    window.setWindowTitle("Styled")
    layout = QVBoxLayout(window)
    heading = QLabel("Take a moment.", window)
    heading.setProperty("role", "title")
    layout.addWidget(heading)
    grid = QGridLayout()
    layout.addLayout(grid)
    for index in range(14):
        tile = QPushButton(window)
        tile.setProperty("role", "tile")
        inner = QVBoxLayout(tile)
        for role, text in (("tile-title", f"Exercise {index + 1}  ·  5 minutes"),
                           ("muted", "One line about it, long enough to wrap in a tile.")):
            part = QLabel(text, tile)
            part.setProperty("role", role)
            part.setWordWrap(True)
            inner.addWidget(part)
        grid.addWidget(tile, index // 2, index % 2)
    window.resize(900, 720)
    window.show()
    marks["shown"] = time.monotonic()
    sys.exit(app.exec())


def child_app(argv: list[str], *, settled: bool = False) -> None:
    """Steady as ``steady`` runs it; with ``settled``, reported once the work left for
    after the first frame is done, instead of at the first frame."""
    marks = _child_marks()
    import app.bootstrap as bootstrap
    import app.ui.shell.application as application
    from app.__main__ import main

    marks["imported"] = time.monotonic()
    make_application = application.make_application
    build_window = bootstrap.build_window

    def make_and_mark(*args: object, **kwargs: object) -> object:
        made = make_application(*args, **kwargs)  # type: ignore[arg-type]
        marks["app_made"] = time.monotonic()
        return made

    def build_and_watch(*args: object, **kwargs: object) -> object:
        marks["build_start"] = time.monotonic()
        window = build_window(*args, **kwargs)  # type: ignore[arg-type]
        marks["built"] = time.monotonic()
        if settled:
            _report_when_settled(window, marks)
        else:
            _install_first_paint(window, marks, {})
        return window

    application.make_application = make_and_mark  # type: ignore[assignment]
    bootstrap.build_window = build_and_watch  # type: ignore[assignment]
    sys.exit(main(argv))


def _report_when_settled(window: object, marks: dict[str, float]) -> None:
    """Report once the window's after-first-frame work is done: all of it, as what
    ``run_gui`` adds after this call runs in the same round, before this timer."""
    from PySide6.QtCore import QTimer

    def settled() -> None:
        marks["settled"] = time.monotonic()
        _report(window, marks, {})

    _install_first_paint(window, marks, {}, report=False)
    window.after_first_frame(lambda: QTimer.singleShot(0, settled))  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- parent side

KINDS = ("baseline", "launcher", "start-box", "settled", "styled")
#: Kinds that are Steady itself, each on its own data folder (the rest are references).
APP_KINDS = ("launcher", "start-box", "settled")
#: Kinds held to the targets (the first frame); the others are told for context.
TARGET_KINDS = ("launcher", "start-box")
NAMES = {
    "launcher": "main window (launcher)",
    "start-box": "`steady start box` (rating)",
    "settled": "`steady`, until the work left for after the first frame is done",
    "styled": "reference: bare window with Steady's look and 14 plain tiles",
}
#: Issue 17's target for the first frame, in time and in instructions (1.3x before it).
MAX_TIME_RATIO = 1.5
MAX_RSS_RATIO = 1.5


def child_command(kind: str, data_dir: str) -> list[str]:
    return [sys.executable, os.path.abspath(__file__), "--child", kind, data_dir]


def parse_first_paint(stdout: str) -> dict[str, object]:
    import json

    for line in stdout.splitlines():
        if line.startswith(FIRST_PAINT_MARK):
            loaded = json.loads(line[len(FIRST_PAINT_MARK):])
            if isinstance(loaded, dict):
                return loaded
    raise RuntimeError(f"no first paint reported:\n{stdout[-2000:]}")


def prepare_data(folder: str, sessions: int) -> None:
    """A returning person's data folder: a log of ``sessions``, the welcome already seen."""
    from dataclasses import fields
    from datetime import UTC, datetime
    from pathlib import Path

    from app.domain.settings import Settings
    from app.storage.settings import save_settings
    from benchmarks.bench_history import fill

    path = Path(folder)
    if sessions:
        fill(path, sessions, datetime.now(UTC))
    if any(f.name == "first_run_done" for f in fields(Settings)):
        save_settings(path, Settings(first_run_done=True))  # type: ignore[call-arg]
    else:
        path.mkdir(parents=True, exist_ok=True)


def remove_sockets(folders: list[str]) -> None:
    """Leave no socket or start-up lock from the (hard-exited) children behind."""
    from pathlib import Path

    from app.services.handover import lock_path, server_address

    for folder in folders:
        path = server_address(Path(folder))
        Path(path).unlink(missing_ok=True)
        Path(lock_path(path)).unlink(missing_ok=True)


def count_instructions(kind: str, data_dir: str, env: dict[str, str]) -> float | None:
    """Instructions (callgrind's Ir) from process start to the first frame; None if unavailable."""
    import re
    import shutil

    from benchmarks.common import run_child

    if shutil.which("valgrind") is None:
        return None
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           *child_command(kind, data_dir)]
    done = run_child(cmd, env={**env, "PYTHONHASHSEED": "0"}, timeout=1800)
    found = re.findall(r"Collected\s*:\s*(\d+)", done.stderr)
    if done.returncode != 0 or not found:
        print(f"callgrind failed for {kind}: {done.stderr[-500:]}")
        return None
    return float(found[-1])


def main() -> int:
    import argparse
    import tempfile
    from pathlib import Path

    from benchmarks.common import bench_env, emit, figure, fmt, run_child, spread

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="counted runs of each (default 7)")
    parser.add_argument("--sessions", type=int, default=1000,
                        help="sessions in the log the app starts on (default 1000)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count instructions to the first frame (callgrind)")
    parser.add_argument("--compare", metavar="DIR",
                        help="also measure the app in DIR (a copy of the repository, e.g. a "
                             "git worktree before a change) in the same rounds")
    parser.add_argument("--compare-label", default="before",
                        help="what to call DIR's figures (default: before)")
    args = parser.parse_args()

    kinds = list(KINDS)
    if args.compare:
        kinds += [f"{kind}@{args.compare_label}" for kind in TARGET_KINDS]
    app_kinds = [kind for kind in kinds if kind.split("@")[0] in APP_KINDS]
    times: dict[str, list[float]] = {k: [] for k in kinds}
    rss: dict[str, list[float]] = {k: [] for k in kinds}
    stages: dict[str, list[dict[str, float]]] = {k: [] for k in kinds}
    pages: dict[str, set[str]] = {k: set() for k in kinds}
    with tempfile.TemporaryDirectory(prefix="steady-bench-start-") as tmp:
        env = bench_env(pycache=Path(tmp) / "pycache")  # filled by the warm-up round
        envs = {kind: env for kind in kinds}
        folders = {kind: tmp for kind in kinds}
        for kind in app_kinds:
            folders[kind] = os.path.join(tmp, kind.replace("@", "-"))
            if "@" in kind:  # the other tree's app, its own byte-code cache
                envs[kind] = bench_env(pycache=Path(tmp) / "pycache-compare")
                envs[kind]["PYTHONPATH"] = os.pathsep.join(
                    (str(Path(args.compare).resolve()), envs[kind]["PYTHONPATH"]))
        t0 = time.perf_counter()
        for kind in app_kinds:
            prepare_data(folders[kind], args.sessions)
        print(f"prepared {len(app_kinds)} data folders with {args.sessions:,} sessions "
              f"in {time.perf_counter() - t0:.1f} s")
        for round_no in range(args.runs + 1):  # round 0 warms the caches, not counted
            shift = round_no % len(kinds)
            order = kinds[shift:] + kinds[:shift]  # no kind always first
            for kind in order:
                done = run_child(child_command(kind.split("@")[0], folders[kind]),
                                 env=envs[kind], timeout=120)
                if done.returncode != 0:
                    raise SystemExit(f"{kind} failed:\n{done.stdout}{done.stderr}")
                report = parse_first_paint(done.stdout)
                marks = report["marks"]
                assert isinstance(marks, dict)
                if round_no == 0:
                    continue
                end = marks["settled"] if "settled" in marks else marks["frame_done"]
                times[kind].append(end - done.spawned)
                rss[kind].append(done.max_rss_mb)
                stages[kind].append({k: v - done.spawned for k, v in marks.items()
                                     if k != "spawned"})
                pages[kind].add(str(report.get("page", report.get("window", "?"))))
        instructions: dict[str, float | None] = {}
        if args.instructions:
            for kind in (k for k in kinds if k != "settled"):  # to the first frame
                instructions[kind] = count_instructions(kind.split("@")[0], folders[kind],
                                                        envs[kind])
        remove_sockets([folders[kind] for kind in app_kinds])

    base_label = "bare PySide6 window with one label"
    figures = []
    def described(kind: str) -> str:
        plain, _, tree = kind.partition("@")
        return NAMES[plain] + (f", {tree}" if tree else "")

    def held(kind: str) -> bool:
        return kind.split("@")[0] in TARGET_KINDS

    for kind in kinds[1:]:
        what = "Start-up to first frame" if kind != "settled" else "Start-up, settled"
        figures.append(figure(f"startup.{kind}.time", f"{what}: {described(kind)}",
                              times[kind], "s", baseline=times["baseline"],
                              baseline_label=base_label,
                              target=MAX_TIME_RATIO if held(kind) else None, compare="ratio",
                              note=f"first page painted: {', '.join(sorted(pages[kind]))}"))
    for kind in kinds[1:]:
        figures.append(figure(f"startup.{kind}.rss", f"Peak memory (RSS): {described(kind)}",
                              rss[kind], "MB", baseline=rss["baseline"],
                              baseline_label=base_label,
                              target=MAX_RSS_RATIO if held(kind) else None, compare="ratio"))
    for kind in kinds[1:]:
        if kind == "settled":
            continue  # counted to the first frame, the same as the launcher's
        count, base = instructions.get(kind), instructions.get("baseline")
        if count and base:
            figures.append(figure(
                f"startup.{kind}.instructions",
                f"Instructions to first frame: {described(kind)} (callgrind)", [count / 1e9],
                "G", baseline=[base / 1e9], baseline_label=base_label,
                target=MAX_TIME_RATIO if held(kind) else None, compare="ratio",
                note="one run each: an instruction count hardly moves"))

    # Where the time goes: the median moment each stage was reached, from process start.
    breakdown: dict[str, dict[str, float]] = {}
    for kind in kinds:
        marks = sorted({name for run in stages[kind] for name in run},
                       key=lambda n: spread([r[n] for r in stages[kind] if n in r]).median)
        breakdown[kind] = {n: spread([r[n] for r in stages[kind] if n in r]).median
                           for n in marks}

    print(f"\nmedian of {args.runs} runs each, fresh interpreter, offscreen")
    for fig in figures:
        base = fig.get("baseline")
        line = (f"{fig['label']}: {fmt(fig['median'], fig['unit'])} "
                f"({fmt(fig['low'], fig['unit'])}-{fmt(fig['high'], fig['unit'])})")
        if base:
            line += (f" vs {fmt(base['median'], fig['unit'])}: {fig['ratio']:.2f}x")
        if "target" in fig:
            line += f" (target <= {fig['target']['max']}x: " \
                    f"{'ok' if fig['target']['met'] else 'MISSED'})"
        print(line)
    for kind, points in breakdown.items():
        shown = ", ".join(f"{name} {fmt(at, 's')}" for name, at in points.items())
        print(f"  {kind}: {shown}")
    emit("startup", figures, breakdown=breakdown, sessions=args.sessions, runs=args.runs)
    return 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        kind, data = sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else ""
        if kind == "baseline":
            child_baseline()
        elif kind == "launcher":
            child_app(["--data-dir", data])
        elif kind == "start-box":
            child_app(["--data-dir", data, "start", "box"])
        elif kind == "settled":
            child_app(["--data-dir", data], settled=True)
        elif kind == "styled":
            child_styled()
        raise SystemExit(f"unknown child {kind!r}")
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    sys.exit(main())
