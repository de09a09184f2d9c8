"""One shared exercise file must never lock a person out: odd values, odd names.

The own-exercises folder gets one file per class of value that once stopped
Steady (a 400-digit integer made every command and the window fail) or slipped
through (an invisible title, a reversed one), plus files named in capitals.
Then every command and the window run, for real, each in its own process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app import paths
from tests.faults.conftest import REPO, child_env, run_driver, said, seed_log
from tests.faults.reliability import NONE_LOST, Table, data_lost, file_hashes, sessions_in

AREA = "Exercise folders"

GOOD = """format = 1
id = "{id}"
title = "{title}"
kind = "breathing"
minutes = 2

[[phases]]
action = "inhale"
seconds = 4

[[phases]]
action = "exhale"
seconds = 6
"""

BAD = {
    "minutes-400-digits.toml": ("minutes = 2", "minutes = " + "9" * 400),
    "cycles-huge-hex.toml": ("minutes = 2", "cycles = 0x" + "f" * 300),
    "format-400-digits.toml": ("format = 1", "format = " + "7" * 400),
    "seconds-nan.toml": ("seconds = 4", "seconds = nan"),
    "seconds-inf.toml": ("seconds = 6", "seconds = -inf"),
    "seconds-tiny.toml": ("seconds = 4", "seconds = 5e-324"),
    "ease-in-huge-negative.toml": ("minutes = 2", "minutes = 2\nease_in_seconds = -" + "9" * 60),
    "nested.toml": ("minutes = 2", "minutes = " + "[" * 200 + "]" * 200),
    "title-invisible.toml": ('title = "{title}"', 'title = "\\u200b\\u2060\\u00ad"'),
    "title-reversed.toml": ('title = "{title}"', 'title = "Calm \\u202ehtaerb"'),
    "tag-line-separator.toml": ("minutes = 2", 'minutes = 2\ntags = ["night\\u2028time"]'),
    "Broken.TOML": ("format = 1", "format = "),
}


def steady(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "app", "--data-dir", str(data), *args],
                          cwd=REPO, env=child_env(), capture_output=True, text=True,
                          encoding="utf-8", timeout=60, stdin=subprocess.DEVNULL)


def test_odd_values_and_capital_names_never_lock_anyone_out(tmp_path: Path,
                                                            reliability: Table) -> None:
    data = tmp_path / "data"
    seed_log(data, 2)
    own = paths.user_exercises_dir(data)
    own.mkdir()
    for name, (find, replace) in BAD.items():
        text = GOOD.replace(find, replace).format(id=Path(name).stem.lower(), title="Mine")
        (own / name).write_text(text, encoding="utf-8")
    (own / "Good-One.TOML").write_text(GOOD.format(id="good-one", title="Good one"),
                                       encoding="utf-8")
    files = file_hashes(own)  # the log grows by the session below: its rows are compared
    sessions = sessions_in(data)

    listed = steady(data, "list", "--json")
    assert listed.returncode == 0, listed.stderr
    payload = json.loads(listed.stdout)
    ids = {e["id"] for e in payload["exercises"]}
    assert "good-one" in ids and "box" in ids, "the rest loads, capitals included"
    problems = payload["invalid"]
    named = {Path(line.split(":", 1)[0]).name for line in problems}
    assert named == set(BAD), sorted(set(BAD) ^ named)
    assert len(problems) == len(BAD), "one line per file"
    assert all("\n" not in line and len(line) < 300 for line in problems)
    for verb in (["stats"], ["export"], ["validate", str(own)]):
        done = steady(data, *verb)
        assert "Traceback" not in done.stderr and done.returncode in (0, 1), (verb, done.stderr)
    code, lines, stderr = run_driver("open", str(data), timeout=90)
    assert code == 0 and "Traceback" not in stderr, stderr
    used = said(lines, "used", stderr)
    assert used["summary"] and used["count"] == 3
    lost = data_lost(files, own, sessions, sessions_in(data))
    example = next(line for line in problems if "minutes-400" in line)
    reliability.add(
        AREA, "own exercise files with a 400-digit integer, a huge hex integer, a 400-digit "
              "format, nan, -inf and 5e-324 seconds, a huge negative ease-in, arrays nested "
              "200 deep, an invisible title, a title with a right-to-left override, a tag "
              "with a line separator, and files named .TOML",
        "real files; `steady list`, `stats`, `export`, `validate` and the window (a session "
        "by keys), each in its own process",
        f"every command and the window run; each bad file is one line (like "
        f"“{example.replace(str(own), '<own>')}”); the good .TOML file and every bundled "
        "exercise load; a session by keys is saved", lost)
    assert lost == NONE_LOST
