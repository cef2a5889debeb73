"""The import graph of the package: no cycles, no parts probing the window.

Read from the source (no module is imported): every ``import`` and ``from … import`` of
``neurosim``, at module level, inside a function or under ``if TYPE_CHECKING:``, makes an
edge. A type-only import never runs, but a cycle through it is still two modules that
cannot be read one without the other. ``from package import submodule`` is an edge to the
submodule.
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "neurosim"


def _modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def import_graph() -> dict[str, set[str]]:
    modules = _modules()

    def owner(name: str) -> str | None:  # the module a dotted name lives in
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                subs = [f"{node.module}.{a.name}" for a in node.names]
                targets = [s for s in subs if s in modules]
                if len(targets) < len(subs):
                    targets.append(node.module)
            else:
                continue
            for target in targets:
                found = owner(target) if target.startswith("neurosim") else None
                if found is not None and found != name:
                    graph[name].add(found)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_the_graph_sees_the_package():
    graph = import_graph()
    assert "neurosim.commands.evaluate" in graph["neurosim.cli"]
    assert "neurosim.ui.plots.live" in graph["neurosim.ui.mainwindow"]
    assert "neurosim.ui.canvas.colors" in graph["neurosim.ui.canvas.style"]  # from pkg import mod


def test_type_only_imports_are_edges(tmp_path, monkeypatch):
    package = tmp_path / "neurosim"
    package.mkdir()
    (package / "a.py").write_text("import neurosim.b\n")
    (package / "b.py").write_text(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from neurosim.a import X\n"
    )
    monkeypatch.setattr(sys.modules[__name__], "PACKAGE", package)
    assert cycles(import_graph()) == [["neurosim.a", "neurosim.b"]]


def test_a_cycle_would_be_found():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycles():
    assert cycles(import_graph()) == []


def test_no_part_probes_the_window():
    probe = re.compile(r"\b(getattr|hasattr)\(\s*(self\.)?_?window\b")
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{i}"
        for path in _modules().values()
        for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if probe.search(line)
    ]
    assert found == []
