"""The package's layering: stages import only earlier stages, no import cycles, no rule imports
another rule, no module over the size limit. Read from the source with ``ast``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parent.parent / "transcheck"

MAX_LINES = 360

# stage -> stages it may import (besides itself); shared leaf modules are open to all
ALLOWED = {
    "model": set(),
    "markdown": {"model"},
    "analyse": {"model", "markdown"},
    "rules": {"model", "analyse"},
    "reporters": {"model"},
    "run": {"model", "markdown", "analyse", "rules"},
    "cli": {"model", "analyse", "rules", "run", "reporters"},
}
SHARED = {"locales", "textutil", "__init__", "__main__"}


def _module(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Modules imported at run time (``if TYPE_CHECKING:`` blocks left out)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    mod = _module(path)
    package = mod if path.name == "__init__.py" else mod.rsplit(".", 1)[0]
    out: set[str] = set()

    def visit(nodes):
        for node in nodes:
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                continue
            if isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    target = ".".join(base + ([node.module] if node.module else []))
                else:
                    target = node.module or ""
                if target.startswith("transcheck"):
                    out.add(target)
                    out.update(f"{target}.{a.name}" for a in node.names)
            elif isinstance(node, ast.Import):
                out.update(a.name for a in node.names if a.name.startswith("transcheck"))
            for child in ast.iter_child_nodes(node):
                if isinstance(child, (ast.stmt,)):
                    visit([child])
    visit(tree.body)
    return out


SOURCES = sorted(PKG.rglob("*.py"))
MODULES = {_module(p): p for p in SOURCES}


def _deps(mod: str) -> set[str]:
    return {m for m in _imports(MODULES[mod]) if m in MODULES and m != mod}


def _stage(mod: str) -> str:
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


@pytest.mark.parametrize("mod", sorted(MODULES), ids=str)
def test_stage_imports_only_earlier_stages(mod):
    stage = _stage(mod)
    if stage in SHARED:
        return
    bad = sorted(d for d in _deps(mod) if _stage(d) not in SHARED | {stage} | ALLOWED[stage])
    assert not bad, f"{mod} ({stage}) imports {bad}"


def test_no_rule_imports_another_rule():
    for mod in MODULES:
        if mod.startswith("transcheck.rules.") and mod != "transcheck.rules.base":
            other = sorted(d for d in _deps(mod) if d.startswith("transcheck.rules.") and d != "transcheck.rules.base")
            assert not other, f"{mod} imports {other}"


def test_no_import_cycle():
    graph = {m: _deps(m) for m in MODULES}
    state: dict[str, int] = {}

    def walk(m, path):
        state[m] = 1
        for d in sorted(graph[m]):
            if state.get(d) == 1:
                raise AssertionError("import cycle: " + " -> ".join(path[path.index(d):] + [d]))
            if d not in state:
                walk(d, path + [d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            walk(m, [m])


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(PKG)))
def test_module_size(path):
    assert len(path.read_text(encoding="utf-8").splitlines()) <= MAX_LINES
