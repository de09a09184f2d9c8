"""No module of domain, storage or services imports one that imports it back, even
inside a function (where an import cycle hides)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def imports_of(path: Path, package: str) -> set[str]:
    """Every ``app.*`` module ``path`` imports, at the top or inside a function."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name.startswith(package + ".")}


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


@pytest.mark.parametrize("package", ["app.domain", "app.storage", "app.services"])
def test_no_import_cycle(package: str) -> None:
    folder = REPO / package.replace(".", "/")
    graph = {f"{package}.{file.stem}": imports_of(file, package)
             for file in folder.glob("*.py") if file.stem != "__init__"}
    assert graph, f"{package} has no modules"
    found = cycle_in(graph)
    assert found is None, " -> ".join(found or [])


def test_a_cycle_is_found() -> None:
    assert cycle_in({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle_in({"a": {"b"}, "b": set()}) is None
