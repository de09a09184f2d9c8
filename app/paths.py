"""Where things live: the bundle (code, exercises, resources) and the person's data.

Resolved once at start-up and passed in; nothing here creates folders at import.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

APP_NAME = "steady"
DATA_DIR_ENV = "STEADY_DATA_DIR"


#: Where a wheel (``pip install``, ``pipx install``) puts ``exercises/`` and
#: ``resources/``: inside the package, copied there from the top-level folders when
#: the wheel is built (setup.py; docs/decisions/0010-the-wheel-carries-the-app.md).
PACKAGED_DATA = "bundled"


def bundle_root() -> Path:
    """The folder holding ``exercises/`` and ``resources/``.

    Inside a PyInstaller bundle that is ``sys._MEIPASS``; installed from a wheel it
    is ``app/bundled`` beside the code; from a checkout (editable or not installed)
    it is the repository root (the parent of the ``app`` package).
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    installed = _packaged_data()
    if (installed / "exercises").is_dir():
        return installed
    return installed.parent.parent


def _packaged_data() -> Path:
    return Path(__file__).resolve().parent / PACKAGED_DATA


def bundle_kind() -> str:
    """Which of :func:`bundle_root`'s three places this run uses, in a word.

    ``bundle`` (PyInstaller), ``installed`` (from a wheel) or ``source`` (a checkout).
    """
    if getattr(sys, "_MEIPASS", None):
        return "bundle"
    if (_packaged_data() / "exercises").is_dir():
        return "installed"
    return "source"


def bundled_exercises_dir() -> Path:
    return bundle_root() / "exercises"


def resources_dir() -> Path:
    return bundle_root() / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The person's data folder: ``--data-dir``, else ``STEADY_DATA_DIR``, else platformdirs."""
    if override:
        return Path(override).expanduser()
    env = os.environ.get(DATA_DIR_ENV)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def user_exercises_dir(data: Path) -> Path:
    return data / "exercises"


def exercise_folders(data: Path | None) -> list[tuple[Path, bool]]:
    """Where exercises are looked for, in order: Steady's own, then (with a data folder)
    the person's own. Each comes with whether it is the person's own."""
    folders = [(bundled_exercises_dir(), False)]
    if data is not None:
        folders.append((user_exercises_dir(data), True))
    return folders


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) and make it private. Returns ``path``.

    A new folder is 0700. An existing one loses its group and other permissions
    and keeps the rest (a folder someone made read-only stays so).
    """
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    if os.name == "posix":
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            os.chmod(path, mode & ~0o077)
    return path
