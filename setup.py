"""What goes into the sdist and the wheel beyond pyproject.toml: Steady's own files.

The top-level ``exercises/`` and ``resources/`` folders are the only copies in the
repository. The wheel carries them as package data under ``app/bundled/``, mapped
from those folders here (no copy is ever committed), and ``app/paths.py`` looks
there when Steady runs from an installed wheel. The man page goes where the
platform keeps man pages (``share/man/man1`` under the installation's prefix).
Why this way: docs/decisions/0010-the-wheel-carries-the-app.md.
"""

from setuptools import find_packages, setup

#: Package name inside the wheel -> the folder in the repository it is copied from.
DATA_PACKAGES = {
    "app.bundled.exercises": "exercises",
    "app.bundled.resources": "resources",
}

#: What of each folder Steady reads at run time. Build helpers (resources/scripts,
#: resources/windows) and the Linux desktop files stay out, as in the PyInstaller bundle.
PACKAGE_DATA = {
    "app.bundled.exercises": ["*.toml"],
    "app.bundled.resources": [
        "exercise.schema.json",
        "exercises.compiled.json",
        "icons/*.svg",
        "icons/*.png",
        "sounds/*.wav",
        "translations/*.ts",
        "translations/*.qm",
    ],
}

setup(
    packages=[*find_packages(include=["app", "app.*"]), *DATA_PACKAGES],
    package_dir=DATA_PACKAGES,
    package_data=PACKAGE_DATA,
    data_files=[("share/man/man1", ["resources/man/steady.1"])],
)
