"""Resident start: ``steady start box`` handed to a Steady already waiting in the tray.

    python benchmarks/bench_resident.py [--runs 7] [--hand-overs 3]

For each run a Steady is started as at login (``steady --tray``, offscreen; the
desktop's tray is stood in for, as offscreen has none) on its own data folder
and left to settle. Then, ``--hand-overs`` times, ``python -m app --data-dir D
start box`` is spawned and timed from just before the spawn until the running
window has painted the box exercise's first rating (an event filter on that page
in the running Steady reports the time; ``time.monotonic()`` is system-wide).
After each, the running window goes home and hides again, as closing it does
when started in the tray. The first hand-over after a start is counted apart:
it is the first time the window is shown at all.

Also measured: the hand-over process itself (its wall time to exit, and its
peak memory: the kernel's high-water mark ``VmHWM``, read by the process as it
ends; Linux only), and, in the same rounds, a cold
``steady start box`` to its first frame as bench_startup.py measures it: the
baseline the targets are set against.
"""

from __future__ import annotations

import argparse
import os
import select
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

PAINTED = "PAINTED "
READY = "READY"
PEAK = "PEAK_KB "
#: ``steady ARGS`` as the ``steady`` command runs it, then its own peak memory: the
#: kernel's high-water mark of this process's memory (``ru_maxrss`` from ``wait4``
#: would also count the benchmark's own, inherited at the spawn).
CLIENT = """
import sys
from app.__main__ import main
code = main(sys.argv[1:])
with open("/proc/self/status", encoding="ascii") as status:
    peak = next((line.split()[1] for line in status if line.startswith("VmHWM:")), "0")
sys.stderr.write("PEAK_KB " + peak + "\\n")
sys.exit(code)
"""
#: Resident start against a cold ``start box`` (issue 17).
MAX_RESIDENT_RATIO = 0.3
MAX_HAND_OVER_MB = 20.0


# --------------------------------------------------------------------------- the resident Steady


def child_resident(data_dir: str) -> None:
    """``steady --tray`` with a tray, reporting each paint of the first rating."""
    import app.bootstrap as bootstrap
    from app.__main__ import main
    from app.ui.shell import tray

    build_window = bootstrap.build_window
    create = tray.SteadyTray.create.__func__  # type: ignore[attr-defined]

    def with_tray(cls: Any, window: Any, *, available: bool | None = None) -> Any:
        return create(cls, window, available=True)  # offscreen has no tray: stand one in

    def build_and_watch(*args: Any, **kwargs: Any) -> Any:
        window = build_window(*args, **kwargs)
        _watch(window)
        return window

    tray.SteadyTray.create = classmethod(with_tray)  # type: ignore[method-assign,assignment]
    bootstrap.build_window = build_and_watch  # type: ignore[assignment]
    sys.exit(main(["--data-dir", data_dir, "--tray"]))


def _watch(window: Any) -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Painted(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and window.isVisible():
                at = time.monotonic()
                QTimer.singleShot(0, lambda: _reset(at))
            return False

    def _reset(at: float) -> None:
        if not window.isVisible():
            return  # painted twice in one round: reported once
        sys.stdout.write(f"{PAINTED}{at!r}\n")
        window.go_home()
        window.hide()
        sys.stdout.write(READY + "\n")
        sys.stdout.flush()

    def ready() -> None:
        before = window.before  # made in the tray, as wait_in_tray does
        before.installEventFilter(watcher)
        sys.stdout.write(READY + "\n")
        sys.stdout.flush()

    watcher = Painted(window)
    QTimer.singleShot(500, window, ready)


# --------------------------------------------------------------------------- the parent


class Lines:
    """The resident Steady's stdout, line by line, with a time limit (read from the pipe
    itself: a buffered reader would hold lines that ``select`` cannot see)."""

    def __init__(self, proc: subprocess.Popen[bytes]) -> None:
        assert proc.stdout is not None
        self.proc = proc
        self.fd = proc.stdout.fileno()
        self.buffer = b""

    def next(self, timeout: float) -> str:
        deadline = time.monotonic() + timeout
        while True:
            end = self.buffer.find(b"\n")
            if end >= 0:
                line, self.buffer = self.buffer[:end], self.buffer[end + 1:]
                text = line.decode("utf-8", "replace").strip()
                if text.startswith((PAINTED, READY)):
                    return text
                continue
            left = deadline - time.monotonic()
            if left <= 0 or self.proc.poll() is not None:
                raise SystemExit(f"the resident Steady said nothing in time "
                                 f"(exit {self.proc.poll()})")
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                self.buffer += os.read(self.fd, 4096)


def main() -> int:
    from app.services.handover import lock_path, server_address
    from benchmarks.bench_startup import child_command, parse_first_paint, prepare_data
    from benchmarks.common import bench_env, emit, figure, fmt, run_child

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="resident Steadys (default 7)")
    parser.add_argument("--hand-overs", type=int, default=3,
                        help="hand-overs to each (default 3; the first is counted apart)")
    parser.add_argument("--sessions", type=int, default=1000,
                        help="sessions in each log (default 1000)")
    args = parser.parse_args()

    first: list[float] = []
    later: list[float] = []
    client_wall: list[float] = []
    client_rss: list[float] = []
    cold: list[float] = []
    with tempfile.TemporaryDirectory(prefix="steady-bench-resident-") as tmp:
        env = bench_env(pycache=Path(tmp) / "pycache")
        folders = [os.path.join(tmp, f"resident-{n}") for n in range(args.runs + 1)]
        cold_folder = os.path.join(tmp, "cold")
        for folder in (*folders, cold_folder):
            prepare_data(folder, args.sessions)
        here = str(Path(__file__).resolve())
        try:
            for run, folder in enumerate(folders):  # run 0 warms the caches, not counted
                done = run_child(child_command("start-box", cold_folder), env=env, timeout=120)
                report = parse_first_paint(done.stdout)
                if run:
                    cold.append(report["marks"]["frame_done"] - done.spawned)  # type: ignore[index]
                resident = subprocess.Popen([sys.executable, here, "--child", folder], cwd=REPO,
                                            env=env, stdout=subprocess.PIPE,
                                            stderr=subprocess.DEVNULL)
                said = Lines(resident)
                try:
                    assert said.next(120) == READY
                    time.sleep(1.0)  # settled: nothing of the start left to do
                    for turn in range(args.hand_overs):
                        client = run_child([sys.executable, "-c", CLIENT, "--data-dir",
                                            folder, "start", "box"], env=env, timeout=60)
                        if client.returncode != 0:
                            raise SystemExit(f"the hand-over failed: {client.stderr}")
                        painted = said.next(60)
                        assert painted.startswith(PAINTED), painted
                        took = float(painted[len(PAINTED):]) - client.spawned
                        assert said.next(60) == READY
                        if not run:
                            continue
                        (first if turn == 0 else later).append(took)
                        client_wall.append(client.wall)
                        peak = [ln for ln in client.stderr.splitlines() if ln.startswith(PEAK)]
                        client_rss.append(float(peak[-1][len(PEAK):]) / 1024.0)
                finally:
                    resident.kill()
                    resident.wait(timeout=30)
                    if resident.stdout is not None:
                        resident.stdout.close()
        finally:
            for folder in (*folders, cold_folder):
                path = server_address(Path(folder))
                Path(path).unlink(missing_ok=True)
                Path(lock_path(path)).unlink(missing_ok=True)

    cold_label = "cold `steady start box` to its first frame"
    figures = [
        figure("resident.first", "Resident start, first after login: spawn of `steady start "
               "box` to the first rating painted in the running window", first, "s",
               baseline=cold, baseline_label=cold_label, target=MAX_RESIDENT_RATIO,
               compare="ratio", note="the first time the window is shown since login"),
        figure("resident.later", "Resident start, later: spawn of `steady start box` to the "
               "first rating painted in the running window", later, "s", baseline=cold,
               baseline_label=cold_label, target=MAX_RESIDENT_RATIO, compare="ratio",
               note="the window shown before, then closed back to the tray"),
        figure("resident.client_wall", "Hand-over process: wall time to exit", client_wall,
               "s", baseline=cold, baseline_label=cold_label),
        figure("resident.client_rss", "Hand-over process: peak memory (RSS)", client_rss,
               "MB", target=MAX_HAND_OVER_MB,
               note="VmHWM of the process itself (ru_maxrss from wait4 would count the "
                    "benchmark's own memory, inherited at the spawn)"),
    ]
    print(f"\nresident start: {args.runs} Steadys in the tray, {args.hand_overs} "
          "hand-overs each")
    for fig in figures:
        base = fig.get("baseline")
        line = (f"{fig['label']}: {fmt(fig['median'], fig['unit'])} "
                f"({fmt(fig['low'], fig['unit'])}-{fmt(fig['high'], fig['unit'])})")
        if base:
            line += f" vs {fmt(base['median'], fig['unit'])}: {fig['ratio']:.2f}x"
        if "target" in fig:
            line += f" ({'ok' if fig['target']['met'] else 'MISSED'})"
        print(line)
    emit("resident", figures, runs=args.runs, hand_overs=args.hand_overs,
         first=first, later=later)
    return 0


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--child":
        child_resident(sys.argv[2])
    sys.exit(main())
