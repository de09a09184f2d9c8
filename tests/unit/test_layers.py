"""The layers hold: ui -> services -> storage -> domain, no cycles, no Qt below services.

Imports are read from the source (``ast``), at the top of a module and inside
functions alike, because a function-level import is where a cycle or a wrong
direction hides. ``app.bootstrap`` (the composition root), the command line
and the self-test sit above every layer and may import anything; ``app`` and
``app.paths`` are shared by all.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "app"

#: Each layer, and the layers it may import besides itself and the shared modules.
MAY_IMPORT: dict[str, set[str]] = {
    "domain": set(),
    "storage": {"domain"},
    "services": {"storage", "domain"},
    "ui": {"services", "domain"},
}
SHARED = {"app", "app.paths"}


def module_name(path: Path) -> str:
    parts = path.relative_to(REPO).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(APP.rglob("*.py"))}


def imports_of(path: Path) -> set[str]:
    """Every module of ``app`` that ``path`` imports, at the top or inside a function
    (``from app.x import y`` counts as ``app.x.y`` when that is a module)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in MODULES else node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in MODULES}


GRAPH = {name: imports_of(path) - {name} for name, path in MODULES.items()}


def layer_of(module: str) -> str | None:
    """``domain``, ``storage``, ``services`` or ``ui``; None above or beside the layers."""
    parts = module.split(".")
    return parts[1] if len(parts) > 2 and parts[1] in MAY_IMPORT else None


def cycle_in(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle in ``graph`` (as a list of modules), or None."""
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph.get(module, ())):
            if state.get(target) == 1:
                return [*path[path.index(target):], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[module] = 2
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


@pytest.mark.parametrize("layer", sorted(MAY_IMPORT))
def test_each_layer_imports_only_what_is_below_it(layer: str) -> None:
    allowed = MAY_IMPORT[layer] | {layer}
    wrong = sorted(
        f"{module} imports {target}"
        for module, targets in GRAPH.items() if layer_of(module) == layer
        for target in targets
        if target not in SHARED and layer_of(target) not in allowed
    )
    assert not wrong, "\n".join(wrong)


def test_nothing_in_app_imports_the_composition_root_but_the_entry_points() -> None:
    entry = {"app.__main__", "app.cli", "app.selftest", "app.bootstrap"}
    wrong = sorted(m for m, targets in GRAPH.items() if "app.bootstrap" in targets and
                   m not in entry)
    assert not wrong


def test_no_import_cycle_anywhere_in_app() -> None:
    found = cycle_in(GRAPH)
    assert found is None, " -> ".join(found or [])


def test_the_checks_can_fail() -> None:
    """The reading of imports and the cycle search catch what they are for."""
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle_in({"a": {"b"}, "b": set()}) is None
    assert "app.storage.errors" in GRAPH["app.storage.db"]
    assert "app.domain.loader" in GRAPH["app.bootstrap"]
    assert layer_of("app.ui.shell.window") == "ui"
    assert layer_of("app.bootstrap") is None
    # a function-level import is seen too (the window makes its pages on first use)
    assert "app.ui.distress.launcher" in GRAPH["app.ui.shell.window"]


@pytest.mark.parametrize("package", ["app.domain", "app.storage"])
def test_layer_imports_without_qt(package: str) -> None:
    modules = [m for m in MODULES if m.startswith(package + ".")]
    assert modules, f"{package} has no modules"
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "", f"{package} pulled in {result.stdout.strip()}"


def test_no_relative_imports() -> None:
    for path in APP.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom):
                assert node.level == 0, f"{path.relative_to(REPO)}:{node.lineno} relative import"


#: What the quick hand-over of ``steady`` (app/__main__.py) may not load: Qt, the
#: window, the command line, storage, the exercise files' reader.
HEAVY = ("PySide6", "shiboken6", "app.ui", "app.cli", "app.bootstrap", "app.storage",
         "app.domain", "argparse", "sqlite3", "tomllib")


def test_the_quick_hand_over_loads_nothing_of_qt_or_the_window(tmp_path: Path) -> None:
    """``steady start box`` asks a running Steady first with plain Python; with nobody
    there (no socket file, and a stale one) that still loads none of :data:`HEAVY`."""
    import socket

    from app.services import handover

    stale_data = tmp_path / "stale"
    stale_data.mkdir()
    leftover = handover.server_address(stale_data)
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(leftover)
    stale.close()
    code = (
        "import json, sys\n"
        "from app.__main__ import quick_hand_over, window_request\n"
        "asked = [quick_hand_over(window_request(['--data-dir', d, 'start', 'box']))\n"
        "         for d in sys.argv[1:]]\n"
        f"heavy = sorted(m for m in sys.modules if m.startswith({HEAVY!r}))\n"
        "print(json.dumps({'asked': [repr(a) for a in asked], 'heavy': heavy}))\n"
    )
    try:
        result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "none"),
                                 str(stale_data)], cwd=REPO, capture_output=True, text=True,
                                check=True)
    finally:
        os.unlink(leftover)
    outcome = json.loads(result.stdout)
    assert outcome["heavy"] == []
    nobody, refused = outcome["asked"]
    assert nobody == "Asked(reply=None, silent=None, refused=False)"
    assert refused.startswith("Asked(reply=None, silent=(")  # tried: the stale file is named
