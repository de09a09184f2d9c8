"""Start at login: Steady's one file per system, written, valid, removed; others' untouched.

Each system's file is generated into a temporary home and read back: the
Linux desktop entry is checked by ``desktop-file-validate`` (when installed),
the macOS LaunchAgent by ``plistlib``, the Windows shortcut by reading the
MS-SHLLINK structure field by field.
"""

from __future__ import annotations

import plistlib
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from app.services.autostart import (
    LNK_CLSID,
    LNK_DESCRIPTION,
    MARK,
    Autostart,
    AutostartError,
    desktop_exec,
    launch_command,
)

COMMAND = ("steady", "--tray")


def autostart(system: str, home: Path, command: tuple[str, ...] = COMMAND,
              **env: str) -> Autostart:
    return Autostart(system, home, env, command)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- Linux


def test_linux_writes_a_valid_autostart_entry_and_removes_it(tmp_path: Path) -> None:
    entry = autostart("linux", tmp_path)
    assert entry.path == tmp_path / ".config" / "autostart" / "steady.desktop"
    assert entry.state() == "off"
    entry.turn_on()
    assert entry.state() == "on"
    text = entry.path.read_text(encoding="utf-8")
    assert "Exec=steady --tray\n" in text
    assert f"{MARK}=true\n" in text
    assert (entry.path.stat().st_mode & 0o777) == 0o644
    validator = shutil.which("desktop-file-validate")
    if validator is not None:
        checked = subprocess.run([validator, str(entry.path)], capture_output=True, text=True)
        assert checked.returncode == 0 and not checked.stdout.strip(), checked.stdout
    entry.turn_off()
    assert not entry.path.exists()
    assert entry.state() == "off"
    assert list(entry.path.parent.iterdir()) == []  # nothing else left behind


def test_linux_follows_xdg_config_home(tmp_path: Path) -> None:
    entry = autostart("linux", tmp_path / "home", XDG_CONFIG_HOME=str(tmp_path / "config"))
    assert entry.path == tmp_path / "config" / "autostart" / "steady.desktop"
    relative = autostart("linux", tmp_path / "home", XDG_CONFIG_HOME="config")
    assert relative.path == tmp_path / "home" / ".config" / "autostart" / "steady.desktop"


@pytest.mark.parametrize("system", ["linux", "windows", "macos"])
def test_a_file_someone_else_wrote_is_never_touched(system: str, tmp_path: Path) -> None:
    entry = autostart(system, tmp_path, APPDATA=str(tmp_path / "Roaming"))
    entry.path.parent.mkdir(parents=True)
    theirs = b"[Desktop Entry]\nType=Application\nName=Mine\nExec=my-own-steady\n"
    entry.path.write_bytes(theirs)
    assert entry.state() == "other"
    with pytest.raises(AutostartError, match="not written by Steady"):
        entry.turn_on()
    entry.turn_off()
    assert entry.path.read_bytes() == theirs
    assert sorted(p.name for p in entry.path.parent.iterdir()) == [entry.path.name]


def test_turning_on_again_rewrites_only_its_own_file(tmp_path: Path) -> None:
    old = autostart("linux", tmp_path, ("/old/place/steady", "--tray"))
    old.turn_on()
    with old.path.open("a", encoding="utf-8") as out:
        out.write("X-Added-By-Hand=yes\n")  # edited by the person: still Steady's
    new = autostart("linux", tmp_path)
    assert new.state() == "on"
    new.turn_on()
    assert "Exec=steady --tray\n" in new.path.read_text(encoding="utf-8")
    new.turn_off()
    assert not new.path.exists()


def test_a_folder_that_cannot_be_written_is_said_plainly(tmp_path: Path) -> None:
    (tmp_path / ".config").write_text("not a folder", encoding="utf-8")
    entry = autostart("linux", tmp_path)
    with pytest.raises(AutostartError, match="could not write"):
        entry.turn_on()
    assert (tmp_path / ".config").read_text(encoding="utf-8") == "not a folder"


@pytest.mark.parametrize(("command", "expected"), [
    (("steady", "--tray"), "steady --tray"),
    (("/opt/my apps/steady", "--tray", "--data-dir", "/home/a/My Data"),
     '"/opt/my apps/steady" --tray --data-dir "/home/a/My Data"'),
    (("/x/steady", "--data-dir", "/d/100%$x"), '/x/steady --data-dir "/d/100%%\\\\$x"'),
    (('/x/"quoted"\\dir',), '"/x/\\\\"quoted\\\\"\\\\\\\\dir"'),
])
def test_the_exec_line_is_quoted_as_desktop_entries_ask(command: tuple[str, ...],
                                                          expected: str) -> None:
    assert desktop_exec(command) == expected


def exec_words(value: str) -> list[str]:
    """An ``Exec`` value read back as the desktop entry spec says: the string's own
    escapes first (``\\\\`` is one backslash), then the quoting rules."""
    line = value.replace("\\\\", "\\")
    words, word, quoted, at = [], "", False, 0
    while at < len(line):
        char = line[at]
        if quoted and char == "\\" and line[at + 1] in '"`$\\':
            word += line[at + 1]
            at += 1
        elif char == '"':
            quoted = not quoted
        elif char == " " and not quoted:
            words.append(word)
            word = ""
        else:
            word += char
        at += 1
    return [*words, word]


def test_the_exec_line_reads_back_as_the_command() -> None:
    command = ("/opt/my apps/steady", "--tray", "--data-dir", '/home/a/"odd" $dir\\x`y')
    assert exec_words(desktop_exec(command)) == list(command)


# --------------------------------------------------------------------------- Windows


def read_shell_link(data: bytes) -> dict[str, object]:
    """The fields of a shortcut Steady writes, read as MS-SHLLINK describes them."""
    (size, clsid, flags, _attrs, _c, _a, _w, _fsize, _icon, show, _hot, _r1, _r2,
     _r3) = struct.unpack_from("<I16sII8s8s8sIiIHHII", data, 0)
    at = size
    info_size, info_header, info_flags, _vol, path_at, _net, _suffix, wide_at, _ws = \
        struct.unpack_from("<IIIIIIIII", data, at)
    ansi = data[at + path_at:data.index(b"\0", at + path_at)].decode("ascii")
    end = at + wide_at
    while data[end:end + 2] != b"\0\0":
        end += 2
    wide = data[at + wide_at:end].decode("utf-16-le")
    at += info_size
    strings = []
    for _ in range(4):  # name, working dir, arguments, icon
        (count,) = struct.unpack_from("<H", data, at)
        strings.append(data[at + 2:at + 2 + 2 * count].decode("utf-16-le"))
        at += 2 + 2 * count
    (terminal,) = struct.unpack_from("<I", data, at)
    return {"size": size, "clsid": clsid, "flags": flags, "show": show,
            "info_header": info_header, "info_flags": info_flags, "ansi_path": ansi,
            "path": wide, "name": strings[0], "working_dir": strings[1],
            "arguments": strings[2], "icon": strings[3], "terminal": terminal,
            "rest": data[at + 4:]}


def test_windows_writes_a_startup_shortcut(tmp_path: Path) -> None:
    appdata = tmp_path / "AppData" / "Roaming"
    command = ("C:\\Program Files\\Steady\\Steady.exe", "--tray", "--data-dir",
               "D:\\My Data\\steady")
    entry = autostart("windows", tmp_path, command, APPDATA=str(appdata))
    assert entry.path == (appdata / "Microsoft" / "Windows" / "Start Menu" / "Programs"
                          / "Startup" / "Steady.lnk")
    entry.turn_on()
    link = read_shell_link(entry.path.read_bytes())
    assert link["size"] == 0x4C and link["clsid"] == LNK_CLSID
    assert link["flags"] == 0x02 | 0x04 | 0x10 | 0x20 | 0x40 | 0x80
    assert (link["info_header"], link["info_flags"]) == (0x24, 0x1)
    assert link["path"] == link["ansi_path"] == command[0]
    assert link["arguments"] == '--tray --data-dir "D:\\My Data\\steady"'
    assert link["icon"] == command[0]
    assert link["name"] == LNK_DESCRIPTION and MARK in LNK_DESCRIPTION
    assert link["working_dir"] == str(tmp_path)
    assert (link["terminal"], link["rest"]) == (0, b"")
    assert entry.state() == "on"
    entry.turn_off()
    assert not entry.path.exists()


# --------------------------------------------------------------------------- macOS


def test_macos_writes_a_launch_agent(tmp_path: Path) -> None:
    command = ("/Applications/Steady.app/Contents/MacOS/steady", "--tray")
    entry = autostart("macos", tmp_path, command)
    assert entry.path == (tmp_path / "Library" / "LaunchAgents"
                          / "io.github.steady_app.Steady.plist")
    entry.turn_on()
    agent = plistlib.loads(entry.path.read_bytes())
    assert agent == {"Label": "io.github.steady_app.Steady",
                     "ProgramArguments": list(command), "RunAtLoad": True,
                     "ProcessType": "Interactive", "LimitLoadToSessionType": "Aqua"}
    assert entry.state() == "on"
    entry.turn_off()
    assert not entry.path.exists()


def test_macos_escapes_what_xml_needs(tmp_path: Path) -> None:
    command = ("/Users/a & b/steady", "--tray", "--data-dir", "/Users/a/<data>")
    entry = autostart("macos", tmp_path, command)
    entry.turn_on()
    assert plistlib.loads(entry.path.read_bytes())["ProgramArguments"] == list(command)


# --------------------------------------------------------------------------- the command


def test_the_command_is_this_steady(tmp_path: Path) -> None:
    data, default = tmp_path / "data", tmp_path / "default"
    assert launch_command(frozen=True, executable="/opt/steady/steady", which="") == [
        "/opt/steady/steady", "--tray"]
    assert launch_command(frozen=False, which="/usr/bin/steady") == ["steady", "--tray"]
    assert launch_command(frozen=False, which="/home/a/.venv/bin/steady") == [
        "/home/a/.venv/bin/steady", "--tray"]
    assert launch_command(frozen=False, executable="/py/bin/python3", which="") == [
        "/py/bin/python3", "-m", "app", "--tray"]
    assert launch_command(frozen=False, which="/usr/bin/steady", data_dir=data,
                          default_data_dir=default) == [
        "steady", "--tray", "--data-dir", str(data)]
    assert launch_command(frozen=False, which="/usr/bin/steady", data_dir=default,
                          default_data_dir=default) == ["steady", "--tray"]
