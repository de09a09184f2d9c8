"""The man page: written from the command line's parser, current, and readable by man."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from app.cli import build_parser
from tests.packaging.conftest import REPO, load_script

PAGE = REPO / "resources" / "man" / "steady.1"


def test_man_page_matches_the_parser() -> None:
    """Run `python resources/scripts/make_manpage.py` after changing app/cli.py."""
    assert PAGE.read_text(encoding="utf-8") == load_script("make_manpage").manpage()


def test_man_page_names_every_command_and_option() -> None:
    text = PAGE.read_text(encoding="utf-8")
    parser = build_parser()
    for action in parser._actions:
        for option in action.option_strings:
            assert option.replace("-", "\\-") in text, option
    verbs = next(a for a in parser._actions if a.dest == "verb").choices
    assert verbs
    for verb in verbs:
        assert f"\\fB{verb}\\fR" in text, verb


def test_man_page_renders_without_warnings() -> None:
    man = shutil.which("man")
    if man is None:
        pytest.skip("man is not installed (man-db); lintian checks the page in the .deb")
    result = subprocess.run([man, "--warnings", "-E", "UTF-8", "-l", "-Tutf8", "-Z", str(PAGE)],
                            capture_output=True, text=True, timeout=60,
                            env={**os.environ, "MANWIDTH": "80"})
    assert result.returncode == 0 and result.stderr == "", result.stderr
