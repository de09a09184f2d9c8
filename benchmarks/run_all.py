"""Run every benchmark and rewrite docs/BENCHMARKS.md with the figures (``make bench``).

    python benchmarks/run_all.py                  # everything (about 20 minutes)
    python benchmarks/run_all.py --skip bundle    # keep the last recorded bundle figures
    python benchmarks/run_all.py --quick          # short runs, written to benchmarks/out/
    python benchmarks/run_all.py --only import    # one section; the others keep their figures

Each script also runs alone (see its own ``--help``) and ends its output with a
``BENCH_JSON`` line (benchmarks/common.py); for a script that prints only text
(bench_history.py, bench_bundle.py) the figures are read from its summary
lines. A section that is skipped, or whose script fails, keeps the text it
had, marked with the date it was measured. Text between ``<!-- notes:NAME -->``
and ``<!-- /notes -->`` in the document is written by people and kept as it is.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.common import (  # noqa: E402
    Spread,
    bench_env,
    figure_from_spread,
    fmt,
    load_average,
    machine,
    read_bench_json,
)

DOC = REPO / "docs" / "BENCHMARKS.md"
QUICK_DOC = REPO / "benchmarks" / "out" / "BENCHMARKS.md"
NOTES = re.compile(r"<!-- notes:(?P<name>[\w-]+) -->\n(?P<body>.*?)<!-- /notes -->", re.S)

Adapter = Callable[[str], list[dict[str, Any]]]


@dataclass
class Step:
    name: str
    title: str
    script: str
    about: str
    args: list[str] = field(default_factory=list)
    quick_args: list[str] = field(default_factory=list)
    adapter: Adapter | None = None


# --------------------------------------------------------------------------- adapters

_MS = r"([\d.]+) ms"


def history_figures(output: str) -> list[dict[str, Any]]:
    """The summary table printed by bench_history.py."""
    runs = re.search(r"median of (\d+) runs", output)
    n = int(runs.group(1)) if runs else 0
    keys = {"History to first paint": "history.first_paint",
            'History, then "All time" chosen': "history.all_time",
            "`python -m app stats` (wall)": "history.stats",
            "one session write (save)": "history.write"}
    row = re.compile(rf"^(?P<name>.+?)\s+{_MS}\s+{_MS}-{_MS}\s+(?:{_MS}|-)\s+(?:yes|NO|-)\s*$")
    figs = []
    for line in output.splitlines():
        found = row.match(line)
        if found:
            name = found.group("name").strip()
            med, low, high = (float(found.group(i)) / 1000.0 for i in (2, 3, 4))
            target = float(found.group(5)) / 1000.0 if found.group(5) else None
            figs.append(figure_from_spread(
                keys.get(name, "history." + re.sub(r"\W+", "_", name).strip("_").lower()),
                name, Spread(med, low, high, n), "s", target=target))
        size = re.match(r"^database size.*?([\d.]+) MB", line)
        if size:
            value = float(size.group(1))
            figs.append(figure_from_spread("history.db_size", "Database size (with WAL)",
                                           Spread(value, value, value, 1), "MB"))
    sessions = re.search(r"^([\d,]+) sessions, median", output, re.M)
    if sessions and figs:
        figs[0]["note"] = f"{sessions.group(1)} sessions; fresh interpreter each run"
    return figs


def bundle_figures(output: str) -> list[dict[str, Any]]:
    """The lines printed by bench_bundle.py."""
    figs = []

    def one(key: str, label: str, value: float, unit: str, target: float | None = None,
            note: str = "") -> None:
        figs.append(figure_from_spread(key, label, Spread(value, value, value, 1), unit,
                                       target=target, note=note))

    found = re.search(r"^build time.*?: ([\d.]+) s", output, re.M)
    if found:
        one("bundle.build", "Build time (PyInstaller, clean)", float(found.group(1)), "s")
    found = re.search(r"^bundle size: ([\d.]+) MB \(target <= ([\d.]+) MB", output, re.M)
    if found:
        one("bundle.size", "Bundle (one folder)", float(found.group(1)), "MB",
            float(found.group(2)))
    found = re.search(r"^\.deb size: ([\d.]+) MB(?:, built in ([\d.]+) s)? "
                      r"\(target <= ([\d.]+) MB", output, re.M)
    if found:
        one("bundle.deb", ".deb (xz level 6)", float(found.group(1)), "MB",
            float(found.group(3)),
            note=f"built in {found.group(2)} s" if found.group(2) else "")
    for kind in ("wheel", "sdist"):
        found = re.search(rf"^{kind} size: ([\d.]+) kB \((.+)\)$", output, re.M)
        if found:
            one(f"bundle.{kind}", f"{kind} (`python -m build`)", float(found.group(1)), "kB",
                note=found.group(2))
    found = re.search(r"^lintian tags: (\d+) kinds, (\d+) reports: (.*)$", output, re.M)
    if found:
        one("bundle.lintian", "lintian on the .deb: tags left (all allowed, decision 0011)",
            float(found.group(1)), "count", note=f"{found.group(2)} reports: {found.group(3)}")
    spreads = {}
    for which in ("venv", "bundle"):
        found = re.search(rf"^start-up, {which}\s*\(.*?\):\s*median ([\d.]+) s "
                          r"\(min ([\d.]+), max ([\d.]+), n=(\d+)\)", output, re.M)
        if found:
            spreads[which] = Spread(float(found.group(1)), float(found.group(2)),
                                    float(found.group(3)), int(found.group(4)))
    ratio = re.search(r"^bundle / venv: [\d.]+x \(target <= ([\d.]+)x", output, re.M)
    if "bundle" in spreads and "venv" in spreads:
        figs.append(figure_from_spread(
            "bundle.startup", "Start-up: `steady --self-test` from the bundle",
            spreads["bundle"], "s", baseline=spreads["venv"],
            baseline_label="`python -m app --self-test` from the venv",
            target=float(ratio.group(1)) if ratio else None,
            compare="ratio" if ratio else "value"))
    return figs


STEPS = [
    Step("startup", "Start-up", "benchmarks/bench_startup.py",
         "From process start to the first painted frame, and peak memory, in a fresh "
         "interpreter each run, offscreen, against a bare PySide6 window with one label "
         "started the same way. Byte code is cached as in an installation.",
         args=["--runs", "7", "--instructions"], quick_args=["--runs", "3"]),
    Step("resident", "Resident start", "benchmarks/bench_resident.py",
         "Steady waiting in the tray (started as at login, `steady --tray`): spawn of "
         "`steady start box` to the first rating painted in the running window, and the "
         "hand-over process's own time and memory, against a cold `steady start box` to "
         "its first frame in the same run.",
         args=["--runs", "7", "--hand-overs", "3"], quick_args=["--runs", "2"]),
    Step("pacer", "Pacer: timing, frame cost and CPU", "benchmarks/bench_pacer.py",
         "A real run of box breathing in Steady's window (1920x1080, offscreen): how late "
         "each phase change is painted against its scheduled time, the drift at the end, "
         "and the CPU used; the baseline is a bare window whose label changes at the same "
         "times, woken the same way, running alongside. Frame cost renders the pacer "
         "widget at 1920x1080 into an image.",
         args=["--minutes", "10", "--instructions"],
         quick_args=["--minutes", "1", "--frames", "300", "--rounds", "3"]),
    Step("idle", "Idle", "benchmarks/bench_idle.py",
         "Timer events and kernel-counted wake-ups over a watched window while Steady sits "
         "on the launcher, hidden, back home after an exercise, with a practice reminder "
         "set (its one timer waiting), or waiting in the tray from a start at login (and "
         "its memory there); a running pacer is the control that shows the counting works.",
         args=["--seconds", "60", "--runs", "2"], quick_args=["--seconds", "10", "--runs", "1"]),
    Step("history", "History at scale", "benchmarks/bench_history.py",
         "100,000 generated sessions (bench_history.py): History to first paint, the "
         "all-time chart, `steady stats`, one durable session write, the database size.",
         quick_args=["--sessions", "20000", "--runs", "3"], adapter=history_figures),
    Step("report", "The report to share", "benchmarks/bench_report.py",
         "100,000 generated sessions (bench_history.py's), then the real `steady report -o "
         "FILE.pdf` in its own process: the whole log, the last 90 days, and the whole log "
         "with `--notes`. Wall time from spawn to exit and the child's peak memory (its "
         "maximum resident set, from wait4); the whole log is held to 3 s and 250 MB.",
         args=["--sessions", "100000", "--runs", "5"],
         quick_args=["--sessions", "20000", "--runs", "2"]),
    Step("import", "A million sessions imported", "benchmarks/bench_import.py",
         "1,000,000 generated sessions written as `steady export` writes them (CSV, then "
         "JSON), then the real `steady import` of each in its own process: into a new data "
         "folder, and the same file again (every session already there). Wall time and the "
         "child's peak memory (its maximum resident set, from wait4), held to 500 MB.",
         args=["--sessions", "1000000", "--formats", "csv,json"],
         quick_args=["--sessions", "100000", "--formats", "csv"]),
    Step("bundle", "Bundle", "benchmarks/bench_bundle.py",
         "The PyInstaller bundle built from `build.spec` (bench_bundle.py): build time, "
         "size, the `.deb` and the tags lintian still finds in it, the wheel and the sdist "
         "(`python -m build`), and start-up of the full self-test against the venv.",
         quick_args=["--runs", "3", "--fast-deb"], adapter=bundle_figures),
]


# --------------------------------------------------------------------------- running


@dataclass
class Outcome:
    step: Step
    command: str
    output: str = ""
    figures: list[dict[str, Any]] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
    load_before: tuple[float, float, float] | None = None
    load_after: tuple[float, float, float] | None = None
    error: str = ""
    skipped: str = ""


def run_step(step: Step, args: list[str]) -> Outcome:
    shown = " ".join(["python", step.script, *args])
    outcome = Outcome(step, shown, load_before=load_average())
    print(f"\n=== {step.title}: {shown}", flush=True)
    started = time.monotonic()
    lines: list[str] = []
    with subprocess.Popen([sys.executable, str(REPO / step.script), *args], cwd=REPO,
                          env=bench_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True) as proc:
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if not line.startswith("BENCH_JSON "):
                print(f"  | {line}", end="", flush=True)
    outcome.seconds = time.monotonic() - started
    outcome.load_after = load_average()
    outcome.output = "".join(lines)
    if proc.returncode != 0:
        outcome.error = f"exit status {proc.returncode}"
        return outcome
    payload = read_bench_json(outcome.output)
    if payload is not None:
        outcome.figures = list(payload.get("figures", []))
        outcome.extra = {k: v for k, v in payload.items()
                         if k not in ("figures", "machine", "command", "name")}
    elif step.adapter is not None:
        outcome.figures = step.adapter(outcome.output)
    if not outcome.figures:
        outcome.error = "no figures found in its output"
    return outcome


# --------------------------------------------------------------------------- the document


def old_sections(text: str) -> dict[str, str]:
    """``## Title`` -> the section's text (without its heading) in the current document."""
    sections: dict[str, str] = {}
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    for title, body in zip(parts[1::2], parts[2::2], strict=True):
        sections[title.strip()] = body.strip("\n")
    return sections


def old_notes(text: str) -> dict[str, str]:
    return {m.group("name"): m.group("body").strip("\n") for m in NOTES.finditer(text)}


def notes_block(name: str, notes: dict[str, str]) -> str:
    body = notes.get(name, "")
    return f"<!-- notes:{name} -->\n{body + chr(10) if body else ''}<!-- /notes -->"


def _target_text(fig: dict[str, Any]) -> str:
    target = fig.get("target")
    if not target:
        return ""
    bound, applies = target["max"], target["applies_to"]
    if applies == "ratio":
        return f"<= {bound:g}x baseline"
    if fig["unit"] == "count":
        return "none" if bound == 0 else f"<= {bound:g}"
    shown = fmt(bound, fig["unit"])
    return {"abs": f"within +/- {shown}", "max": f"worst <= {shown}"}.get(applies,
                                                                         f"<= {shown}")


def _met(fig: dict[str, Any]) -> str:
    target = fig.get("target")
    if not target:
        return ""
    return "yes" if target["met"] else "**NO**"


def _measured(fig: dict[str, Any]) -> str:
    unit = fig["unit"]
    target = fig.get("target")
    if target and target["applies_to"] == "max" and fig["high"] != fig["low"]:
        return (f"worst {fmt(fig['high'], unit)} (median {fmt(fig['median'], unit)}, "
                f"best {fmt(fig['low'], unit)}, n={fig['n']})")
    text = fmt(fig["median"], unit)
    if fig["n"] > 1 and fig["high"] != fig["low"]:
        text += f" ({fmt(fig['low'], unit)} to {fmt(fig['high'], unit)}, n={fig['n']})"
    elif fig["n"] > 1:
        text += f" (all {fig['n']} runs)"
    return text


def _baseline(fig: dict[str, Any]) -> tuple[str, str]:
    base = fig.get("baseline")
    if not base:
        return "", ""
    unit = fig["unit"]
    target = fig.get("target")
    if target and target["applies_to"] == "max" and base["high"] != base["low"]:
        text = f"worst {fmt(base['high'], unit)} (median {fmt(base['median'], unit)})"
    else:
        text = fmt(base["median"], unit)
        if base["n"] > 1 and base["high"] != base["low"]:
            text += f" ({fmt(base['low'], unit)} to {fmt(base['high'], unit)})"
    ratio = fig.get("ratio")
    shown = f"{ratio:.2f}x" if ratio is not None and abs(ratio) < 1e6 else ""
    return text, shown


def figure_rows(figures: list[dict[str, Any]]) -> list[str]:
    rows = ["| figure | measured: median (min to max, runs) | baseline, same run | ratio "
            "| target | met |", "|---|---|---|---|---|---|"]
    for fig in figures:
        base, ratio = _baseline(fig)
        rows.append(f"| {fig['label']} | {_measured(fig)} | {base} | {ratio} "
                    f"| {_target_text(fig)} | {_met(fig)} |")
    return rows


def _load_text(load: tuple[float, float, float] | None) -> str:
    return "n/a" if load is None else " / ".join(f"{x:.2f}" for x in load)


def render(outcomes: list[Outcome], old_text: str, info: dict[str, Any], command: str,
           load_start: tuple[float, float, float] | None,
           load_end: tuple[float, float, float] | None) -> str:
    notes = old_notes(old_text)
    previous = old_sections(old_text)
    dirty = " with uncommitted changes in the working tree" if info["dirty"] else ""
    out = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python benchmarks/run_all.py`): the figures and tables "
        "below are replaced on every run; text between `notes` markers is written by people "
        "and kept. Each script in `benchmarks/` also runs on its own. Figures are the median "
        "of several runs with their spread (min to max); a ratio is against a baseline "
        "measured in the same run, because this machine is shared and its speed varies "
        "from minute to minute. Times are never asserted in tests.",
        "",
        f"- **Run**: {info['date']}, commit `{info['commit']}`{dirty}: `{command}`",
        f"- **Machine**: {info['cpu']}, {info['cores']} cores, {info['os']}, "
        f"Python {info['python']}, PySide6 {info['pyside6']}",
        f"- **Load average** (1, 5, 15 min): {_load_text(load_start)} at the start, "
        f"{_load_text(load_end)} at the end",
        "",
        notes_block("run", notes),
        "",
        "## Summary",
        "",
        "| section | figure | measured | baseline, same run | target | met |",
        "|---|---|---|---|---|---|",
    ]
    for outcome in outcomes:
        title = outcome.step.title
        if outcome.skipped or outcome.error:
            why = outcome.skipped or f"failed: {outcome.error}"
            date = _section_date(previous.get(title, ""))
            kept = f"figures kept from {date}" if date else "no earlier figures"
            out.append(f"| {title} | not measured in this run ({why}) | {kept} | | | |")
            continue
        for fig in outcome.figures:
            if fig.get("target"):
                base, ratio = _baseline(fig)
                if ratio:
                    base = f"{base}: **{ratio}**" if fig["target"]["applies_to"] == "ratio" \
                        else f"{base} ({ratio})"
                out.append(f"| {title} | {fig['label']} | {_measured(fig)} | {base} "
                           f"| {_target_text(fig)} | {_met(fig)} |")
    out += ["", notes_block("changes", notes), ""]

    for outcome in outcomes:
        step = outcome.step
        out += [f"## {step.title}", ""]
        if outcome.skipped or outcome.error:
            why = outcome.skipped or f"its script failed ({outcome.error})"
            old = _strip_marks(previous.get(step.title, ""))
            date = _section_date(old)
            out.append(f"> **Not measured in this run**: {why}. "
                       + (f"The figures below were measured on {date}." if date
                          else "There are no earlier figures."))
            out.append("")
            if old:
                out += [old, ""]
            elif step.name in notes:
                out += [notes_block(step.name, notes), ""]
            continue
        out += [
            step.about,
            "",
            f"Measured {info['date']} (load {_load_text(outcome.load_before)} before, "
            f"{_load_text(outcome.load_after)} after; took {_took(outcome.seconds)}) with:",
            "",
            "```sh",
            outcome.command,
            "```",
            "",
            *figure_rows(outcome.figures),
            "",
        ]
        details = [f"- {fig['label']}: {fig['note']}" for fig in outcome.figures
                   if fig.get("note")]
        details += _extra_lines(step.name, outcome.extra)
        if details:
            out += [*details, ""]
        out += [notes_block(step.name, notes), ""]
    return "\n".join(out).rstrip("\n") + "\n"


def _took(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.1f} min"


def _strip_marks(section: str) -> str:
    """A kept section without an earlier "not measured" banner."""
    lines = [ln for ln in section.splitlines() if not ln.startswith("> **Not measured")]
    return "\n".join(lines).strip("\n")


def _section_date(section: str) -> str:
    found = re.search(r"[Mm]easured (?:on )?(\d{4}-\d{2}-\d{2}(?: \d{2}:\d{2} UTC)?)", section)
    return found.group(1) if found else ""


def _extra_lines(name: str, extra: dict[str, Any]) -> list[str]:
    lines = []
    if name == "startup" and extra.get("breakdown"):
        for kind, marks in extra["breakdown"].items():
            shown = ", ".join(f"{mark.replace('_', ' ')} {fmt(at, 's')}"
                              for mark, at in sorted(marks.items(), key=lambda m: m[1]))
            lines.append(f"- Where the time goes ({kind}, median from process start): {shown}")
    return lines


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    names = [s.name for s in STEPS]
    parser.add_argument("--skip", action="append", default=[], choices=names,
                        help="do not run this step; its last figures are kept (repeatable)")
    parser.add_argument("--skip-bundle", action="store_true", help="same as --skip bundle")
    parser.add_argument("--only", action="append", default=[], choices=names,
                        help="run only this step (repeatable); the others are kept")
    parser.add_argument("--quick", action="store_true",
                        help=f"short runs, written to {QUICK_DOC.relative_to(REPO)} unless "
                             "--output is given")
    parser.add_argument("--output", type=Path, help=f"default {DOC.relative_to(REPO)}")
    args = parser.parse_args(argv)
    skip = set(args.skip) | ({"bundle"} if args.skip_bundle else set())
    if args.only:
        skip |= set(names) - set(args.only)
    output = args.output or (QUICK_DOC if args.quick else DOC)
    command = " ".join(["python benchmarks/run_all.py", *(argv if argv is not None
                                                          else sys.argv[1:])])

    info = machine()
    load_start = load_average()
    print(f"{info['date']}: {info['cpu']}, {info['cores']} cores, load {_load_text(load_start)}")
    outcomes = []
    for step in STEPS:
        if step.name in skip:
            outcomes.append(Outcome(step, "", skipped="skipped (`--skip`)"))
            continue
        if not (REPO / step.script).exists():
            outcomes.append(Outcome(step, "", skipped=f"{step.script} does not exist"))
            continue
        outcomes.append(run_step(step, step.quick_args if args.quick else step.args))
    load_end = load_average()

    # The document being replaced: where this run writes, else the committed one.
    source = output if output.exists() else DOC
    old_text = source.read_text(encoding="utf-8") if source.exists() else ""
    text = render(outcomes, old_text, info, command, load_start, load_end)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    print(f"\nwrote {output.relative_to(REPO) if output.is_relative_to(REPO) else output}")
    missed = [f"{o.step.title}: {f['label']}" for o in outcomes for f in o.figures
              if f.get("target") and not f["target"]["met"]]
    failed = [f"{o.step.title}: {o.error}" for o in outcomes if o.error]
    for line in missed:
        print(f"target missed: {line}")
    for line in failed:
        print(f"failed: {line}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
