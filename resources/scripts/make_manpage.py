"""Write the man page ``resources/man/steady.1`` from the command line's own parser.

    python resources/scripts/make_manpage.py          # writes resources/man/steady.1
    python resources/scripts/make_manpage.py --check  # exit 1 when the file is out of date

Every option and command, with its help text, comes from ``app.cli.build_parser``,
so the page says what ``steady --help`` says; the date is the release date of this
version in the AppStream metainfo, so the same code always gives the same page.
The page is committed: the wheel installs it into ``share/man/man1`` and the
``.deb`` into ``/usr/share/man/man1`` (as ``steady.1.gz``). A test checks that it
matches the parser.
"""

from __future__ import annotations

import argparse
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

TARGET = REPO / "resources" / "man" / "steady.1"
METAINFO = REPO / "resources" / "linux" / "io.github.steady_app.Steady.metainfo.xml"

#: Sections a parser cannot tell: what the exit codes and the environment mean.
EXIT_STATUS = (
    ("0", "Done; for the window, Steady was closed."),
    ("1", "A problem, said in one line on standard error: a file that could not be read "
          "or written, an exercise file with a problem (validate), no exercise found "
          "(list), or a failed self-test."),
    ("2", "start was given an id no exercise has; the known ids are listed."),
)
FILES = (
    ("~/.local/share/steady/",
     "Your data folder on Linux (your log, settings and own exercises); "
     "$XDG_DATA_HOME is followed. Windows uses %LOCALAPPDATA%\\steady, macOS "
     "~/Library/Application Support/steady."),
    ("exercises/*.toml",
     "Your own exercises, in the data folder: one TOML file each; a file with the id of "
     "one of Steady's exercises takes its place."),
)


def release_date(version: str) -> str:
    root = ET.parse(METAINFO).getroot()
    for release in root.iter("release"):
        if release.get("version") == version:
            return release.get("date", "")
    raise SystemExit(f"{METAINFO.name} has no <release> for {version}")


def text(value: str) -> str:
    """Plain text for troff: backslashes, leading dots and quotes, `code` in bold."""
    value = value.replace("\\", "\\e").replace("-", "\\-")
    value = re.sub(r"`([^`]+)`", r"\\fB\1\\fR", value)
    if value.startswith((".", "'")):
        value = "\\&" + value
    return value


def option_label(action: argparse.Action) -> str:
    names = ", ".join(f"\\fB{text(s)}\\fR" for s in action.option_strings)
    if action.nargs == 0:
        return names
    metavar = action.metavar or action.dest.upper()
    if action.choices:
        metavar = "{" + ",".join(str(c) for c in action.choices) + "}"
    return f"{names} \\fI{text(str(metavar))}\\fR"


def positional_label(action: argparse.Action) -> str:
    name = text(str(action.metavar or action.dest))
    return f"\\fI{name}\\fR" + (" ..." if action.nargs in ("+", "*") else "")


def described(lines: list[str], label: str, help_text: str | None) -> None:
    lines += [".TP", label, text(help_text or "")]


def subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            return [(name, helps.get(name, ""), sub) for name, sub in action.choices.items()]
    return []


def render(parser: argparse.ArgumentParser, version: str, date: str) -> str:
    commands = subcommands(parser)
    lines = [
        '.\\" Written by resources/scripts/make_manpage.py from app/cli.py; do not edit.',
        f'.TH STEADY 1 "{date}" "steady {version}" "User Commands"',
        ".SH NAME",
        "steady \\- a calm companion for grounding and paced breathing",
        ".SH SYNOPSIS",
        ".B steady",
        "[\\fIOPTION\\fR ...]",
        ".br",
        ".B steady",
        "[\\fIOPTION\\fR ...] \\fICOMMAND\\fR [\\fIARGUMENT\\fR ...]",
        ".SH DESCRIPTION",
        text(parser.description or ""),
        ".PP",
        "A person in distress opens Steady, rates how stirred up they are from 0 to 10, "
        "does a short breathing, grounding, sensory or body exercise, and rates again. "
        "A private log on this computer shows which exercises help. "
        "Steady opens no network connection.",
        ".SH OPTIONS",
    ]
    for action in parser._actions:
        if action.option_strings:
            described(lines, option_label(action), action.help)
    lines.append(".SH COMMANDS")
    for name, help_text, sub in commands:
        args = [positional_label(a) for a in sub._actions
                if not a.option_strings and a.help != argparse.SUPPRESS]
        described(lines, " ".join([f"\\fB{text(name)}\\fR", *args]), help_text)
        for action in sub._actions:
            if action.option_strings and "-h" not in action.option_strings:
                lines += [".RS", ".TP", option_label(action), text(action.help or ""), ".RE"]
            elif not action.option_strings:
                lines += [".RS", ".TP", positional_label(action), text(action.help or ""), ".RE"]
    lines.append(".SH EXIT STATUS")
    for code, meaning in EXIT_STATUS:
        described(lines, f"\\fB{code}\\fR", meaning)
    lines += [".SH ENVIRONMENT", ".TP", "\\fBSTEADY_DATA_DIR\\fR",
              text("The data folder, when --data-dir is not given."),
              ".TP", "\\fBQT_QPA_PLATFORM\\fR",
              text("Qt's display platform; --self-test uses offscreen when there is no "
                   "display.")]
    lines.append(".SH FILES")
    for path, meaning in FILES:
        described(lines, f"\\fI{text(path)}\\fR", meaning)
    lines += [".SH NOTES", text(parser.epilog or ""),
              ".SH SEE ALSO", text("steady --help, and steady COMMAND --help for one command.")]
    return "\n".join(lines) + "\n"


def manpage() -> str:
    from app import __version__
    from app.cli import build_parser

    return render(build_parser(), __version__, release_date(__version__))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="exit 1 when resources/man/steady.1 is out of date")
    args = parser.parse_args(argv)
    page = manpage()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if args.check:
        if current != page:
            print(f"{TARGET.relative_to(REPO)} is out of date: run "
                  "python resources/scripts/make_manpage.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(page, encoding="utf-8", newline="\n")
    print(f"wrote {TARGET.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
