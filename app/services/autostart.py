"""Starting Steady at login, waiting in the tray: one file, Steady's own.

Off until the person turns it on (in Settings, or on the welcome page). On
writes one file where the desktop looks for programs to start at login:

- **Linux and other XDG desktops**: ``steady.desktop`` in
  ``$XDG_CONFIG_HOME/autostart/`` (``~/.config/autostart/``), ``Exec=steady --tray``;
- **Windows**: the shortcut ``Steady.lnk`` in the user's Startup folder
  (``%APPDATA%\\Microsoft\\Windows\\Start Menu\\Programs\\Startup``);
- **macOS**: the LaunchAgent ``io.github.steady_app.Steady.plist`` in
  ``~/Library/LaunchAgents/``.

Steady's file carries a mark (:data:`MARK`). Off removes exactly that file and
only when it carries the mark: a file of the same name that someone else wrote
is never changed, replaced or removed. A person who edits Steady's file keeps
the mark, so turning it off in Steady still removes it.

The command is this Steady (the bundle's program, the ``steady`` command, or
this Python with ``-m app``) with ``--tray``, and ``--data-dir`` when the data
folder is not the usual one. Written whole or not at all (storage's durable
write); nothing here imports Qt.
"""

from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from app.storage.files import durable_file

#: What marks a file as Steady's own: a key of the desktop file, a comment in the
#: LaunchAgent, a phrase of the shortcut's description.
MARK = "X-Steady-Autostart"
#: The shortcut's description (Windows shows it as the shortcut's tool tip).
LNK_DESCRIPTION = f"Steady, waiting in the tray ({MARK}: turn it off in Steady's Settings)"
LAUNCH_AGENT_LABEL = "io.github.steady_app.Steady"
#: Where the plain name ``steady`` is left as it is: the system's own folders for programs.
SYSTEM_BIN = ("/usr/bin", "/usr/local/bin", "/bin")

System = Literal["linux", "windows", "macos"]
State = Literal["off", "on", "other"]


class AutostartError(Exception):
    """Turning start-at-login on or off failed; the message says why, plainly."""


def current_system(platform: str | None = None) -> System:
    platform = sys.platform if platform is None else platform
    if platform.startswith("win"):
        return "windows"
    if platform == "darwin":
        return "macos"
    return "linux"


# --------------------------------------------------------------------------- the command


def launch_command(*, data_dir: Path | None = None, default_data_dir: Path | None = None,
                   frozen: bool | None = None, executable: str | None = None,
                   which: str | None = None) -> list[str]:
    """The command that starts this Steady in the tray.

    ``frozen`` (a bundle): its program. Else the ``steady`` command where there is
    one (by name when it is the system's, else by its full path), else this Python
    with ``-m app``. ``--data-dir`` is added when ``data_dir`` is not the default.
    """
    frozen = bool(getattr(sys, "frozen", False)) if frozen is None else frozen
    executable = sys.executable if executable is None else executable
    found = shutil.which("steady") if which is None else (which or None)
    if frozen:
        command = [executable]
    elif found:
        command = ["steady" if os.path.dirname(found) in SYSTEM_BIN else found]
    else:
        command = [_windowless_python(executable), "-m", "app"]
    command.append("--tray")
    if data_dir is not None and not _same_folder(data_dir, default_data_dir):
        command += ["--data-dir", os.path.abspath(data_dir)]
    return command


def _windowless_python(executable: str) -> str:
    """On Windows, ``pythonw.exe`` beside ``python.exe``: no console window at login."""
    folder, name = os.path.split(executable)
    if name.lower() == "python.exe":
        quiet = os.path.join(folder, "pythonw.exe")
        if os.path.exists(quiet):
            return quiet
    return executable


def _same_folder(one: Path, other: Path | None) -> bool:
    if other is None:
        return False
    return os.path.realpath(one) == os.path.realpath(other)


# --------------------------------------------------------------------------- the files


def desktop_exec(command: Sequence[str]) -> str:
    """``command`` as a desktop entry's ``Exec`` value (quoted as the spec asks)."""
    words = []
    for word in command:
        if word and not any(c in word for c in ' \t\n"\'\\><~|&;$*?#()`='):
            words.append(word)
        else:
            escaped = "".join("\\" + c if c in '"`$\\' else c for c in word)
            words.append(f'"{escaped}"')
    line = " ".join(words).replace("%", "%%")
    return line.replace("\\", "\\\\")  # the file format's own escaping, on top


def desktop_entry(command: Sequence[str]) -> str:
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.1\n"
        "Name=Steady\n"
        "Comment=Waits in the tray from login, so Steady is there the moment you need it\n"
        f"Exec={desktop_exec(command)}\n"
        "Icon=steady\n"
        "Terminal=false\n"
        "NoDisplay=true\n"
        "X-GNOME-Autostart-enabled=true\n"
        f"{MARK}=true\n"
    )


def launch_agent(command: Sequence[str]) -> str:
    from xml.sax.saxutils import escape

    arguments = "".join(f"\n        <string>{escape(word)}</string>" for word in command)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
        '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n'
        f"<!-- {MARK}: written by Steady; turning start at login off in Steady "
        "removes it. -->\n"
        '<plist version="1.0">\n'
        "<dict>\n"
        f"    <key>Label</key>\n    <string>{LAUNCH_AGENT_LABEL}</string>\n"
        f"    <key>ProgramArguments</key>\n    <array>{arguments}\n    </array>\n"
        "    <key>RunAtLoad</key>\n    <true/>\n"
        "    <key>ProcessType</key>\n    <string>Interactive</string>\n"
        "    <key>LimitLoadToSessionType</key>\n    <string>Aqua</string>\n"
        "</dict>\n"
        "</plist>\n"
    )


#: The class id every shell link starts with (MS-SHLLINK 2.1).
LNK_CLSID = bytes.fromhex("0114020000000000c000000000000046")
LNK_HAS_LINK_INFO = 0x02
LNK_HAS_NAME = 0x04
LNK_HAS_WORKING_DIR = 0x10
LNK_HAS_ARGUMENTS = 0x20
LNK_HAS_ICON_LOCATION = 0x40
LNK_IS_UNICODE = 0x80
SW_SHOWMINNOACTIVE = 7


def shell_link(target: str, arguments: str, *, working_dir: str,
               description: str = LNK_DESCRIPTION) -> bytes:
    """A Windows shortcut (``.lnk``, MS-SHLLINK) to ``target`` with ``arguments``.

    The smallest form Windows follows: the header, a LinkInfo with the target's
    local path (in ANSI and in UTF-16), and the strings; no item id list.
    """
    flags = (LNK_HAS_LINK_INFO | LNK_HAS_NAME | LNK_HAS_WORKING_DIR | LNK_HAS_ARGUMENTS
             | LNK_HAS_ICON_LOCATION | LNK_IS_UNICODE)
    header = struct.pack("<I16sII8s8s8sIiIHHII", 0x4C, LNK_CLSID, flags, 0, b"\0" * 8,
                         b"\0" * 8, b"\0" * 8, 0, 0, SW_SHOWMINNOACTIVE, 0, 0, 0, 0)

    volume = struct.pack("<IIII", 0x11, 3, 0, 0x10) + b"\0"  # a fixed drive, no label
    ansi_path = target.encode("mbcs" if os.name == "nt" else "ascii", "replace") + b"\0"
    suffix = b"\0"
    wide_path = target.encode("utf-16-le") + b"\0\0"
    wide_suffix = b"\0\0"
    header_size = 0x24
    volume_at = header_size
    path_at = volume_at + len(volume)
    suffix_at = path_at + len(ansi_path)
    wide_path_at = suffix_at + len(suffix)
    wide_suffix_at = wide_path_at + len(wide_path)
    size = wide_suffix_at + len(wide_suffix)
    link_info = struct.pack("<IIIIIIIII", size, header_size, 0x1, volume_at, path_at, 0,
                            suffix_at, wide_path_at, wide_suffix_at)
    link_info += volume + ansi_path + suffix + wide_path + wide_suffix

    def text(value: str) -> bytes:
        encoded = value.encode("utf-16-le")
        return struct.pack("<H", len(encoded) // 2) + encoded

    strings = text(description) + text(working_dir) + text(arguments) + text(target)
    return header + link_info + strings + struct.pack("<I", 0)


# --------------------------------------------------------------------------- the place


@dataclass(frozen=True, slots=True)
class Autostart:
    """Start-at-login for one system, in one home. Tests give ``home`` and ``env``."""

    system: System
    home: Path
    env: Mapping[str, str]
    command: tuple[str, ...]

    @classmethod
    def here(cls, data_dir: Path | None = None) -> Autostart:
        """For this computer and user, starting the Steady of ``data_dir``."""
        from app.paths import default_data_dir

        default = None
        try:
            default = default_data_dir()
        except Exception:  # no default folder: then any folder is named
            default = None
        return cls(current_system(), Path.home(), dict(os.environ),
                   tuple(launch_command(data_dir=data_dir, default_data_dir=default)))

    @property
    def path(self) -> Path:
        """The one file start-at-login is, on this system."""
        if self.system == "windows":
            appdata = self.env.get("APPDATA") or str(self.home / "AppData" / "Roaming")
            return (Path(appdata) / "Microsoft" / "Windows" / "Start Menu" / "Programs"
                    / "Startup" / "Steady.lnk")
        if self.system == "macos":
            return self.home / "Library" / "LaunchAgents" / f"{LAUNCH_AGENT_LABEL}.plist"
        config = self.env.get("XDG_CONFIG_HOME", "")
        base = Path(config) if config and os.path.isabs(config) else self.home / ".config"
        return base / "autostart" / "steady.desktop"

    def content(self) -> bytes:
        """The file Steady writes."""
        if self.system == "windows":
            target, *arguments = self.command
            return shell_link(target, subprocess.list2cmdline(arguments),
                              working_dir=str(self.home))
        if self.system == "macos":
            return launch_agent(self.command).encode("utf-8")
        return desktop_entry(self.command).encode("utf-8")

    # -- state ------------------------------------------------------------------
    def state(self) -> State:
        """``on`` (Steady's file is there), ``off`` (no file), or ``other``: a file of
        that name that Steady did not write (left alone)."""
        try:
            data = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return "off"
        except OSError:
            return "other"
        return "on" if self._is_mine(data) else "other"

    def _is_mine(self, data: bytes) -> bool:
        if self.system == "windows":
            return MARK.encode("utf-16-le") in data
        if self.system == "macos":
            return f"<!-- {MARK}:".encode() in data
        return any(line.strip() == f"{MARK}=true".encode() for line in data.splitlines())

    # -- turning it on and off ----------------------------------------------------
    def turn_on(self) -> None:
        """Write Steady's file (again, if it is there: the command may have moved).

        Raises :class:`AutostartError` when a file of that name is someone else's,
        or the file cannot be written.
        """
        if self.state() == "other":
            raise AutostartError(f"{self.path} already exists and was not written by "
                                 "Steady, so it was left as it is.")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with durable_file(self.path, mode=0o644) as out:
                out.write(self.content())
                if self.state() == "other":  # someone wrote theirs in the meantime
                    raise AutostartError(f"{self.path} appeared meanwhile and was not "
                                         "written by Steady, so it was left as it is.")
        except OSError as error:
            raise AutostartError(f"could not write {self.path}: "
                                 f"{error.strerror or error}") from error

    def turn_off(self) -> None:
        """Remove Steady's file; a file of that name that is not Steady's stays."""
        if self.state() != "on":
            return
        try:
            self.path.unlink()
        except FileNotFoundError:
            return
        except OSError as error:
            raise AutostartError(f"could not remove {self.path}: "
                                 f"{error.strerror or error}") from error
