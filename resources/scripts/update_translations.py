"""Keep the translation files in step with the code, and compile them.

    python resources/scripts/update_translations.py            # update .ts, build .qm
    python resources/scripts/update_translations.py --add de   # start a German file
    python resources/scripts/update_translations.py --check    # exit 1 if steady_en.ts is stale
    python resources/scripts/update_translations.py --no-release

1. ``pyside6-lupdate`` reads every ``tr()`` and ``QCoreApplication.translate()``
   call under ``app/`` into ``resources/translations/steady_<lang>.ts``.
2. ``steady_en.ts`` is then completed: English is the source language, so each
   message's English text is its source text, and plural messages such as
   ``"%n minute(s)"`` get their two English forms ("1 minute", "2 minutes").
3. ``pyside6-lrelease`` compiles every ``.ts`` into the ``.qm`` that Steady
   loads at start (the ``.qm`` files are build output, not kept in git).

How to add a language: docs/TRANSLATING.md.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SOURCES = REPO / "app"
FOLDER = REPO / "resources" / "translations"
CATALOG = "steady"
SOURCE_LANGUAGE = "en"
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
LANGUAGE = re.compile(r"^[a-z]{2,3}(_[A-Z]{2})?$")


def tool(name: str) -> str:
    """A Qt tool from the same environment as this Python, else from PATH."""
    here = Path(sys.executable).parent / name
    if here.exists():
        return str(here)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found: install PySide6 (pip install -e '.[dev]').")
    return found


def source_files() -> list[Path]:
    return sorted(p for p in SOURCES.rglob("*.py") if "__pycache__" not in p.parts)


def ts_path(language: str) -> Path:
    return FOLDER / f"{CATALOG}_{language}.ts"


def run(command: list[str]) -> None:
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"{Path(command[0]).name} failed ({result.returncode})")


def lupdate(target: Path, language: str, *, keep_obsolete: bool) -> None:
    """Bring ``target`` up to date with the code (relative paths, so no machine paths)."""
    files = [str(p.relative_to(REPO)) for p in source_files()]
    command = [tool("pyside6-lupdate"), *files, "-source-language", SOURCE_LANGUAGE,
               "-target-language", language, "-locations", "relative",
               "-ts", str(target.relative_to(REPO) if target.is_relative_to(REPO) else target)]
    if not keep_obsolete:
        command.insert(-2, "-no-obsolete")
    run(command)


def english_forms(source: str) -> tuple[str, str]:
    """"%n minute(s)" -> ("%n minute", "%n minutes")."""
    return source.replace("(s)", ""), source.replace("(s)", "s")


def complete_english(path: Path) -> int:
    """Give every message in ``path`` its English text. Returns how many were filled."""
    tree = ET.parse(path)
    filled = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            translation = ET.SubElement(message, "translation")
        if translation.get("type") in ("vanished", "obsolete"):
            continue
        unfinished = translation.get("type") == "unfinished"
        if message.get("numerus") == "yes":
            forms = translation.findall("numerusform")
            wanted = english_forms(source)
            if unfinished or [f.text for f in forms] != list(wanted):
                for form in forms:
                    translation.remove(form)
                translation.text = None
                for text in wanted:
                    ET.SubElement(translation, "numerusform").text = text
                filled += 1
        elif unfinished or not translation.text:
            translation.text = source
            filled += 1
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    path.write_text(HEADER + ET.tostring(tree.getroot(), encoding="unicode") + "\n",
                    encoding="utf-8")
    return filled


def lrelease(ts: Path) -> Path:
    qm = ts.with_suffix(".qm")
    run([tool("pyside6-lrelease"), str(ts.relative_to(REPO)), "-qm",
         str(qm.relative_to(REPO))])
    return qm


def messages(path: Path) -> set[tuple[str, str]]:
    root = ET.parse(path).getroot()
    found = set()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            found.add((name, message.findtext("source") or ""))
    return found


def check() -> int:
    """1 (and the differences) when steady_en.ts does not match the code."""
    committed = ts_path(SOURCE_LANGUAGE)
    if not committed.exists():
        print(f"{committed.relative_to(REPO)} is missing; run this script.")
        return 1
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / f"{CATALOG}_{SOURCE_LANGUAGE}.ts"
        lupdate(fresh, SOURCE_LANGUAGE, keep_obsolete=False)
        wanted = messages(fresh)
    have = messages(committed)
    missing, stale = sorted(wanted - have), sorted(have - wanted)
    for context, text in missing:
        print(f"missing: [{context}] {text}")
    for context, text in stale:
        print(f"no longer used: [{context}] {text}")
    if missing or stale:
        print("Run: python resources/scripts/update_translations.py")
        return 1
    print(f"{committed.relative_to(REPO)} is up to date ({len(have)} messages).")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--add", metavar="LANG", help="start steady_LANG.ts (e.g. de, pt_BR)")
    parser.add_argument("--check", action="store_true", help="only check steady_en.ts")
    parser.add_argument("--no-release", action="store_true", help="do not build .qm files")
    args = parser.parse_args(argv)
    if args.check:
        return check()
    FOLDER.mkdir(parents=True, exist_ok=True)
    if args.add:
        if not LANGUAGE.match(args.add):
            raise SystemExit(f"{args.add!r}: use a language code such as de, fr or pt_BR")
        if ts_path(args.add).exists():
            raise SystemExit(f"{ts_path(args.add).relative_to(REPO)} already exists")
        lupdate(ts_path(args.add), args.add, keep_obsolete=True)
    english = ts_path(SOURCE_LANGUAGE)
    lupdate(english, SOURCE_LANGUAGE, keep_obsolete=False)
    filled = complete_english(english)
    lupdate(english, SOURCE_LANGUAGE, keep_obsolete=False)  # back to lupdate's own layout
    print(f"{english.relative_to(REPO)}: {len(messages(english))} messages, "
          f"{filled} English texts filled in")
    for ts in sorted(FOLDER.glob(f"{CATALOG}_*.ts")):
        if ts != english:
            lupdate(ts, ts.stem.split("_", 1)[1], keep_obsolete=True)
            print(f"{ts.relative_to(REPO)}: updated")
    if not args.no_release:
        for ts in sorted(FOLDER.glob(f"{CATALOG}_*.ts")):
            print(f"{lrelease(ts).relative_to(REPO)}: compiled")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
