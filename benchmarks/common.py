"""Helpers shared by the benchmark scripts: statistics, the machine, child processes.

Every script in ``benchmarks/`` ends its output with one line::

    BENCH_JSON {"name": "startup", "figures": [...], ...}

which ``run_all.py`` reads to write ``docs/BENCHMARKS.md``. A figure is a dict
made by :func:`figure`: what was measured, its median and spread, the baseline
measured in the same run (if any), the target and whether it was met.

Stdlib only, and nothing here imports Qt: the statistics are tested in
``tests/unit/test_bench_common.py``.
"""

from __future__ import annotations

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
JSON_MARK = "BENCH_JSON "

#: One frame at 60 Hz, in seconds.
FRAME = 1.0 / 60.0


# --------------------------------------------------------------------------- statistics


def median(values: Sequence[float]) -> float:
    if not values:
        raise ValueError("median of no values")
    return float(statistics.median(values))


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0-100), interpolated linearly between order statistics.

    Matches ``numpy.percentile``'s default: 0 is the minimum, 100 the maximum,
    50 the median.
    """
    if not values:
        raise ValueError("percentile of no values")
    if not 0.0 <= q <= 100.0 or math.isnan(q):
        raise ValueError(f"percentile must be within 0-100, not {q}")
    ordered = sorted(values)
    rank = (len(ordered) - 1) * q / 100.0
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return float(ordered[low] + (ordered[high] - ordered[low]) * (rank - low))


@dataclass(frozen=True, slots=True)
class Spread:
    """The median of some runs and how far they spread."""

    median: float
    low: float
    high: float
    n: int

    @property
    def relative(self) -> float:
        """(high - low) / median: 0.1 means the runs spread over 10% of the median."""
        if self.median == 0:
            return 0.0 if self.high == self.low else math.inf
        return (self.high - self.low) / abs(self.median)


def spread(values: Sequence[float]) -> Spread:
    """Median, minimum, maximum and count of ``values``."""
    if not values:
        raise ValueError("spread of no values")
    return Spread(median(values), float(min(values)), float(max(values)), len(values))


def ratio(value: float, baseline: float) -> float:
    if baseline == 0:
        return math.inf if value else 1.0
    return value / baseline


# --------------------------------------------------------------------------- figures


def figure(key: str, label: str, values: Sequence[float], unit: str, *,
           baseline: Sequence[float] | None = None, baseline_label: str = "",
           target: float | None = None, compare: str = "value",
           note: str = "") -> dict[str, Any]:
    """One measured figure, ready for ``BENCH_JSON``.

    ``compare`` says what the target applies to: ``"value"`` (the median),
    ``"ratio"`` (median / baseline median), ``"abs"`` (the median's magnitude)
    or ``"max"`` (the largest value: a worst case). A target is an upper bound.
    """
    if compare not in ("value", "ratio", "abs", "max"):
        raise ValueError(f"unknown comparison {compare!r}")
    measured = spread(values)
    base = spread(baseline) if baseline else None
    result: dict[str, Any] = {
        "key": key, "label": label, "unit": unit, **asdict(measured),
        "values": [float(v) for v in values],
    }
    if base is not None:
        result["baseline"] = {"label": baseline_label, **asdict(base)}
        # A worst case is set against the baseline's worst case; anything else, median
        # against median.
        result["ratio"] = (ratio(measured.high, base.high) if compare == "max"
                           else ratio(measured.median, base.median))
    if target is not None:
        if compare == "ratio":
            if base is None:
                raise ValueError("a ratio target needs a baseline")
            checked = result["ratio"]
        elif compare == "abs":
            checked = abs(measured.median)
        elif compare == "max":
            checked = measured.high
        else:
            checked = measured.median
        result["target"] = {"max": target, "applies_to": compare, "met": checked <= target}
    if note:
        result["note"] = note
    return result


def figure_from_spread(key: str, label: str, measured: Spread, unit: str, *,
                       baseline: Spread | None = None, baseline_label: str = "",
                       target: float | None = None, compare: str = "value",
                       note: str = "") -> dict[str, Any]:
    """A figure from a summary another script printed (median, min, max, n), not raw values."""
    result = figure(key, label, [measured.median], unit,
                    baseline=[baseline.median] if baseline else None,
                    baseline_label=baseline_label, target=target, compare=compare, note=note)
    result.update(asdict(measured), values=[])
    if baseline is not None:
        result["baseline"].update(asdict(baseline))
        result["ratio"] = (ratio(measured.high, baseline.high) if compare == "max"
                           else ratio(measured.median, baseline.median))
    if target is not None and compare == "max":
        result["target"]["met"] = measured.high <= target
    return result


def emit(name: str, figures: Iterable[Mapping[str, Any]], **extra: Any) -> dict[str, Any]:
    """Print the ``BENCH_JSON`` line that ends a script's output, and return its payload."""
    payload = {"name": name, "command": command_line(), "machine": machine(),
               "figures": list(figures), **extra}
    sys.stdout.write(JSON_MARK + json.dumps(payload, sort_keys=True) + "\n")
    sys.stdout.flush()
    return payload


def read_bench_json(output: str) -> dict[str, Any] | None:
    """The last ``BENCH_JSON`` payload in a script's output, if any."""
    for line in reversed(output.splitlines()):
        if line.startswith(JSON_MARK):
            loaded = json.loads(line[len(JSON_MARK):])
            return loaded if isinstance(loaded, dict) else None
    return None


def command_line() -> str:
    """How this script was run, relative to the repository, without the interpreter path."""
    script = Path(sys.argv[0])
    try:
        shown = script.resolve().relative_to(REPO).as_posix()
    except ValueError:
        shown = script.name
    return " ".join(["python", shown, *sys.argv[1:]])


def fmt(value: float, unit: str) -> str:
    """A value in its unit, with sensible precision (seconds become ms below 10 s)."""
    if unit == "s":
        if abs(value) < 10.0:
            ms = value * 1000.0
            return f"{ms:.0f} ms" if abs(ms) >= 100 else f"{ms:.1f} ms" if abs(ms) >= 1 \
                else f"{ms:.2f} ms"
        return f"{value:.1f} s"
    if unit == "MB":
        return f"{value:.1f} MB"
    if unit == "%":
        return f"{value:.1f}%"
    if unit == "x":
        return f"{value:.2f}x"
    if unit in ("count", "/s") or float(value).is_integer():
        text = f"{value:,.0f}" if abs(value) >= 100 or float(value).is_integer() \
            else f"{value:.2f}"
        return f"{text}{'' if unit == 'count' else ' ' + unit}"
    return f"{value:.3g} {unit}"


# --------------------------------------------------------------------------- the machine


def load_average() -> tuple[float, float, float] | None:
    try:
        return os.getloadavg()
    except (AttributeError, OSError):  # Windows
        return None


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _qt_version() -> str:
    try:
        from importlib.metadata import version

        return version("PySide6-Essentials")
    except Exception:  # not installed as a distribution: say so rather than import Qt
        return "unknown"


def _git(*args: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True,
                              timeout=10)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def machine() -> dict[str, Any]:
    """What the figures were measured on, and how busy it was."""
    load = load_average()
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "cpu": cpu_model(),
        "cores": os.cpu_count() or 0,
        "load": [round(x, 2) for x in load] if load else None,
        "os": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyside6": _qt_version(),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "dirty": bool(_git("status", "--porcelain", "--untracked-files=no")),
    }


# --------------------------------------------------------------------------- child processes


def bench_env(pycache: Path | None = None, **extra: str) -> dict[str, str]:
    """The environment for a measured child: offscreen Qt, no person's data folder.

    Byte code is cached as in an installation (a start never compiles Python
    again); with ``pycache``, in that folder instead of next to the sources.
    """
    env = dict(os.environ)
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "STEADY_DATA_DIR", "PYTHONDONTWRITEBYTECODE"):
        env.pop(name, None)
    if pycache is not None:
        env["PYTHONPYCACHEPREFIX"] = str(pycache)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(REPO), env.get("PYTHONPATH"))))
    env.update(extra)
    return env


@dataclass(frozen=True, slots=True)
class ChildRun:
    """A finished child process: what it printed, when it started, what it used."""

    spawned: float  # time.monotonic() just before the child was started
    wall: float  # seconds from spawn until the child was reaped
    stdout: str
    stderr: str
    returncode: int
    max_rss_mb: float  # the child's peak resident set (None-free: 0 where unknown)
    cpu: float  # user + system seconds of the child

    def result(self) -> dict[str, Any]:
        """The child's ``BENCH_JSON`` payload; raises when it failed or printed none."""
        payload = read_bench_json(self.stdout) if self.returncode == 0 else None
        if payload is None:
            raise RuntimeError(f"child failed (exit {self.returncode}):\n"
                               f"{self.stdout[-2000:]}{self.stderr[-2000:]}")
        return payload


def run_child(cmd: Sequence[str], *, env: Mapping[str, str] | None = None,
              timeout: float = 300.0, cwd: Path = REPO) -> ChildRun:
    """Run ``cmd`` to its end and measure it on its own (not all children together).

    The child may read ``BENCH_SPAWNED`` (the parent's ``time.monotonic()`` just
    before the start) and report times on the same clock: ``time.monotonic()``
    is system-wide on Linux, macOS and Windows. Peak memory and CPU time come
    from ``os.wait4`` where it exists (this child only), else from the
    children's totals.
    """
    full_env = dict(env if env is not None else bench_env())
    spawned = time.monotonic()
    full_env["BENCH_SPAWNED"] = repr(spawned)
    with subprocess.Popen(list(cmd), cwd=cwd, env=full_env, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as proc:
        if hasattr(os, "wait4"):
            try:
                stdout, stderr = _read_all(proc, timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise
            _, status, usage = os.wait4(proc.pid, 0)
            wall = time.monotonic() - spawned
            proc.returncode = os.waitstatus_to_exitcode(status)
            rss = usage.ru_maxrss / (1024.0 * 1024.0 if sys.platform == "darwin" else 1024.0)
            cpu = usage.ru_utime + usage.ru_stime
        else:  # pragma: no cover - Windows
            stdout, stderr = proc.communicate(timeout=timeout)
            wall = time.monotonic() - spawned
            rss, cpu = 0.0, 0.0
    return ChildRun(spawned, wall, stdout, stderr, proc.returncode, rss, cpu)


def _read_all(proc: subprocess.Popen[str], timeout: float) -> tuple[str, str]:
    """Both pipes to their end without reaping the child (so ``wait4`` can)."""
    import threading

    chunks: dict[str, str] = {}

    def drain(name: str, stream: Any) -> None:
        chunks[name] = stream.read()

    threads = [threading.Thread(target=drain, args=(name, stream), daemon=True)
               for name, stream in (("out", proc.stdout), ("err", proc.stderr))]
    for thread in threads:
        thread.start()
    deadline = time.monotonic() + timeout
    for thread in threads:
        thread.join(max(deadline - time.monotonic(), 0.0))
        if thread.is_alive():
            raise subprocess.TimeoutExpired(proc.args, timeout)
    return chunks.get("out", ""), chunks.get("err", "")


def since_spawn() -> float:
    """Seconds since the parent started this process (``BENCH_SPAWNED``), or NaN."""
    raw = os.environ.get("BENCH_SPAWNED")
    return time.monotonic() - float(raw) if raw else math.nan
