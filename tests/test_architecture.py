"""The house keeps its shape: rooms in data-flow order, no import cycles, small modules."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "askcraft"

#: The rooms in data-flow order. A room may import only itself and the rooms before it;
#: docs/architecture.md draws the same picture.
ROOMS = [
    ["_errors"],
    ["_yaml"],
    ["_intent"],
    ["_render"],
    ["_checks"],
    ["_export"],
    ["_grammar"],
    ["_packs"],
    ["_draft"],
    ["_campaign"],
    ["_packtools"],
    ["packs", "tone", "testing", "campaign", "__init__"],
    ["_web"],
    ["_cli", "__main__"],
]
RANK = {room: rank for rank, rooms in enumerate(ROOMS) for room in rooms}
#: "About 400 lines" (issue 8): one module a reader can hold in their head.
MAX_LINES = 400


def _modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        yield name, path


def _imports(name: str, path: Path) -> set[str]:
    """Return the askcraft modules *name* imports anywhere (top level or inside functions)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("askcraft"))
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""  # askcraft uses absolute imports only (ruff TID252)
            if node.level or not base.startswith("askcraft"):
                continue
            for alias in node.names:  # `from askcraft._grammar import checker` imports a module
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in MODULES else base)
    found.discard(name)
    return {m for m in found if m in MODULES}


MODULES = dict(_modules())
GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_module_is_in_a_room() -> None:
    """Each module belongs to a room the layering knows, so a new room is a decision, not an accident."""
    unknown = sorted({_room(m) for m in MODULES} - set(RANK))
    assert unknown == [], f"add these to ROOMS (and docs/architecture.md): {unknown}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the import cycles in *graph* (depth-first search; each cycle as the modules on it)."""
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append([*stack[stack.index(nxt) :], nxt])
            elif nxt not in state:
                visit(nxt, [*stack, nxt])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    return cycles


def test_no_import_cycles_between_modules() -> None:
    """No module imports itself back, even through function-level imports."""
    assert _cycles(GRAPH) == []


def test_the_cycle_check_can_fail() -> None:
    """The cycle finder reports a planted cycle, so a green run means something."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_rooms_import_only_earlier_rooms(module: str) -> None:
    """Data flows one way: a room imports only itself and the rooms before it."""
    room = _room(module)
    later = sorted(m for m in GRAPH[module] if _room(m) != room and RANK[_room(m)] > RANK[room])
    assert later == [], f"{module} imports {later}, which come after it in the data flow"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_are_small(module: str) -> None:
    """No module is longer than a reader can hold in mind (about 400 lines)."""
    lines = len(MODULES[module].read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{module} has {lines} lines; split it by job"


def test_every_room_says_what_it_is_for() -> None:
    """Each subpackage's __init__ has a docstring naming its job."""
    for init in PACKAGE.glob("*/__init__.py"):
        assert ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))), init
