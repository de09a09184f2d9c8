"""`steady list`, `validate`, `start`, `--version`, `--help` as real processes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from app import __version__

REPO = Path(__file__).resolve().parents[2]

GOOD = """\
format = 1
id = "mine"
title = "My breath"
kind = "breathing"
cycles = 3
[[phases]]
action = "inhale"
seconds = 3
[[phases]]
action = "exhale"
seconds = 5
"""


def steady(*args: str, data: Path,
           env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(data), *args],
        cwd=REPO, capture_output=True, text=True, timeout=60, env=env,
    )


def test_version_and_help(tmp_path: Path) -> None:
    result = steady("--version", data=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"steady {__version__}"
    result = steady("--help", data=tmp_path)
    assert result.returncode == 0
    for verb in ("start", "list", "validate", "export", "import", "stats"):
        assert verb in result.stdout


def test_list_shows_the_bundled_library(tmp_path: Path) -> None:
    result = steady("list", "--json", data=tmp_path)
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    exercises = payload["exercises"]
    assert len(exercises) == 14
    assert {e["kind"] for e in exercises} == {"breathing", "grounding", "sensory", "body"}
    assert payload["invalid"] == []
    by_id = {e["id"]: e for e in exercises}
    assert by_id["orienting"]["suits"] == ["numb"] and by_id["box"]["suits"] == []
    text = steady("list", data=tmp_path).stdout
    assert "box" in text and "Box breathing" in text


def test_list_includes_own_and_broken_files(tmp_path: Path) -> None:
    own = tmp_path / "exercises"
    own.mkdir()
    (own / "mine.toml").write_text(GOOD)
    (own / "broken.toml").write_text(GOOD.replace("seconds = 5", "seconds = 500"))
    result = steady("list", data=tmp_path)
    assert result.returncode == 0
    assert "mine" in result.stdout and "3 cycles" in result.stdout
    assert f"{own / 'broken.toml'}:11: phases[2].seconds:" in result.stdout


def test_validate_bundled_files_prints_nothing(tmp_path: Path) -> None:
    files = sorted(str(p) for p in (REPO / "exercises").glob("*.toml"))
    result = steady("validate", *files, data=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_validate_broken_file_gives_lines_and_exit_1(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace("cycles = 3", "cycles = 3\nminutes = 2\nspeed = 1"))
    junk = tmp_path / "junk.toml"
    junk.write_bytes(b"\x00\xff\xfe garbage [[[")
    result = steady("validate", str(bad), str(junk), data=tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
    lines = result.stdout.splitlines()
    assert f"{bad}:7: speed: is not a known key" in lines[0]
    assert any(line.startswith(f"{bad}:5: cycles: give minutes or cycles") for line in lines)
    assert any(line.startswith(f"{junk}:1: is not UTF-8") for line in lines)


def test_validate_checks_suits(tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text(GOOD.replace("cycles = 3", 'cycles = 3\nsuits = ["high"]'))
    bad = tmp_path / "bad.toml"
    bad.write_text(GOOD.replace("cycles = 3", 'cycles = 3\nsuits = ["high", "calm"]'))
    assert steady("validate", str(good), data=tmp_path).returncode == 0
    result = steady("validate", str(bad), data=tmp_path)
    assert result.returncode == 1
    assert result.stdout == (f"{bad}:6: suits[2]: is 'calm'; it may be \"high\" or "
                             "\"numb\", in quotes\n")


def test_start_unknown_id_exits_2_with_known_ids(tmp_path: Path) -> None:
    result = steady("start", "nope", data=tmp_path)
    assert result.returncode == 2
    assert "nope" in result.stderr
    assert "  box\n" in result.stderr and "  five-senses\n" in result.stderr


def test_validate_a_folder_without_exercise_files_says_so(tmp_path: Path) -> None:
    empty = tmp_path / "my exercises"
    empty.mkdir()
    (empty / "notes.txt").write_text("not an exercise")
    result = steady("validate", str(empty), data=tmp_path)
    assert result.returncode == 1, "nothing was checked, so nothing passed"
    assert result.stdout == f"{empty}: no exercise files (.toml) were found in this folder\n"
    (empty / "mine.toml").write_text(GOOD)
    assert steady("validate", str(empty), data=tmp_path).returncode == 0


ESC = "\x1b"
BIDI = "\u200f"  # a right-to-left mark: the loader lets it through, a terminal reorders


def test_list_and_validate_show_control_characters_harmlessly(tmp_path: Path) -> None:
    own = tmp_path / "exercises"
    own.mkdir()
    # One's own files: a title with a bidi mark (the loader lets it through) in a
    # file whose name carries a terminal code, and a broken file with one in its name.
    (own / f"mine{ESC}[2J.toml").write_text(
        GOOD.replace('"My breath"', f'"My {BIDI}htaerb"'), encoding="utf-8")
    broken = own / f"bad{ESC}]0;owned{chr(7)}.toml"
    broken.write_text(GOOD.replace("seconds = 5", "seconds = 500"), encoding="utf-8")
    for args in (["list"], ["list", "--json"], ["validate", str(own)]):
        result = steady(*args, data=tmp_path)
        for raw in (ESC, BIDI, "\x07"):
            assert raw not in result.stdout, (args, raw)
    text = steady("list", data=tmp_path).stdout
    mine = next(line for line in text.splitlines() if line.startswith("mine "))
    assert "My \\u200fhtaerb" in mine and "mine\\x1b[2J.toml" in mine
    assert "bad\\x1b]0;owned\\x07.toml" in text
    payload = json.loads(steady("list", "--json", data=tmp_path).stdout)
    exercise = next(e for e in payload["exercises"] if e["id"] == "mine")
    assert exercise["title"] == f"My {BIDI}htaerb", "JSON keeps the exact text"
    lines = steady("validate", str(broken), data=tmp_path).stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{own}/bad\\x1b]0;owned\\x07.toml:11:")


def test_an_unknown_id_is_echoed_harmlessly(tmp_path: Path) -> None:
    result = steady("start", f"no{ESC}[31mpe", data=tmp_path)
    assert result.returncode == 2 and ESC not in result.stderr
    assert "no\\x1b[31mpe" in result.stderr


def test_start_names_the_problem_in_the_file_meant(tmp_path: Path) -> None:
    own = tmp_path / "exercises"
    own.mkdir()
    (own / "mine.toml").write_text(
        'format = 1\nid = "mine"\ntitle = "Mine"\nkind = "grounding"\nminutes = 0\n'
        '[[steps]]\ntext = "Look around."\n', encoding="utf-8")
    result = steady("start", "mine", data=tmp_path)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0] == "steady: there is no exercise with the id 'mine'."
    assert lines[1].startswith("A file for it has a problem: ")
    assert "mine.toml:5: minutes: is 0" in lines[1]
    assert "  box" in lines


def steady_with_bundle(bundle: Path, *args: str, data: Path) -> subprocess.CompletedProcess[str]:
    """``steady ARGS`` as a bundle whose own files are in ``bundle`` (sys._MEIPASS)."""
    code = ("import sys\n"
            f"sys._MEIPASS = {str(bundle)!r}\n"
            "from app.__main__ import main\n"
            f"sys.exit(main({['--data-dir', str(data), *args]!r}))\n")
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                          text=True, timeout=60)


def test_list_with_no_exercise_says_where_it_looked(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "exercises").mkdir(parents=True)
    data = tmp_path / "data"
    result = steady_with_bundle(bundle, "list", data=data)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.startswith("steady: no exercise was found. Steady looked in:\n")
    assert f"  {bundle / 'exercises'} (Steady's own exercises)\n" in result.stderr
    assert (f"  {data / 'exercises'} (your own exercises; this folder does not exist)\n"
            in result.stderr)

    as_json = steady_with_bundle(bundle, "list", "--json", data=data)
    assert as_json.returncode == 1
    payload = json.loads(as_json.stdout)
    assert payload["exercises"] == []
    assert payload["looked_in"] == [str(bundle / "exercises"), str(data / "exercises")]
    assert "no exercise was found" in as_json.stderr


def test_list_with_only_broken_files_names_them_and_exits_1(tmp_path: Path) -> None:
    bundle = tmp_path / "bundle"
    (bundle / "exercises").mkdir(parents=True)
    own = tmp_path / "data" / "exercises"
    own.mkdir(parents=True)
    (own / "broken.toml").write_text(GOOD.replace("seconds = 5", "seconds = 500"))
    result = steady_with_bundle(bundle, "list", data=tmp_path / "data")
    assert result.returncode == 1
    assert result.stdout.startswith("Files that could not be used:\n")
    assert str(own / "broken.toml") in result.stdout
    assert f"  {own} (your own exercises)\n" in result.stderr


def test_list_json_says_where_it_looked(tmp_path: Path) -> None:
    payload = json.loads(steady("list", "--json", data=tmp_path).stdout)
    assert payload["looked_in"] == [str(REPO / "exercises"), str(tmp_path / "exercises")]
