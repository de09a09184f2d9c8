"""Real faults that need a mount: a read-only data folder, a full filesystem.

Each runs a command in a private mount namespace (``unshare``), so a mount
made there is gone when the command ends and nothing leaks into the machine.
As root that is ``unshare -m``; otherwise a user namespace (``unshare -U -r
-m``) where the system allows one. :func:`namespace_prefix` says which works
here, or None.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

READ_ONLY_BIND = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'


@functools.cache
def namespace_prefix() -> tuple[str, ...] | None:
    """``unshare`` arguments that give a private mount namespace where mounting works."""
    if os.name != "posix" or shutil.which("unshare") is None or shutil.which("mount") is None:
        return None
    candidates: list[tuple[str, ...]] = []
    if os.geteuid() == 0:
        candidates.append(("unshare", "-m", "--propagation", "private", "--"))
    candidates.append(("unshare", "-U", "-r", "-m", "--propagation", "private", "--"))
    with tempfile.TemporaryDirectory() as scratch:
        for prefix in candidates:
            probe = subprocess.run(
                [*prefix, "sh", "-c", 'mount -t tmpfs -o size=64k tmpfs "$0" && '
                 'touch "$0/x"', scratch], capture_output=True, timeout=30)
            if probe.returncode == 0:
                return prefix
    return None


def read_only_prefix(folder: Path) -> list[str] | None:
    """A command prefix that runs the rest with ``folder`` mounted read-only, or None."""
    prefix = namespace_prefix()
    if prefix is None:
        return None
    return [*prefix, "sh", "-c", READ_ONLY_BIND, str(folder)]


def run_script(script: str, args: Sequence[str], *, env: dict[str, str],
               cwd: Path, timeout: float = 120.0) -> subprocess.CompletedProcess[str]:
    """Run a shell ``script`` (``$1``... are ``args``) in a private mount namespace."""
    prefix = namespace_prefix()
    if prefix is None:
        raise RuntimeError("no mount namespace here")
    return subprocess.run([*prefix, "sh", "-c", script, "sh", *args], env=env, cwd=cwd,
                          capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)
