"""The house plan holds: imports point down only, and only `store/` knows concrete stores.

The order is the README's: ``cli`` → ``workflows`` → ``report`` → ``present`` →
``analysis``, ``ingest``, ``privacy`` → ``store`` → ``model``, with the base modules
(``errors``, ``performance``, ``private_files``, ``plain_json``) below everything. Imports
inside functions count too: a lazy import upward is still an arrow upward.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "netzwerk"

RANK = {
    "errors": 0,
    "performance": 0,
    "private_files": 0,
    "plain_json": 0,
    "model": 1,
    "store": 2,
    "analysis": 3,
    "ingest": 3,
    "privacy": 3,
    "present": 4,
    "report": 5,
    "workflows": 6,
    "cli": 7,
}
"""Room → floor. A module may import its own floor's rooms and every floor below."""

CONCRETE_STORES = ("netzwerk.store.sqlite", "netzwerk.store.neo4j")


def _room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
            names += [f"{node.module}.{alias.name}" for alias in node.names]
    return [name for name in names if name.startswith("netzwerk.")]


def _room_of_file(path: Path) -> str:
    relative = path.relative_to(PACKAGE)
    return relative.parts[0].removesuffix(".py")


def test_every_room_has_a_floor():
    rooms = {_room_of_file(path) for path in _modules()} - {"__init__", "__main__"}
    assert rooms <= RANK.keys(), f"rooms without a floor in the house plan: {rooms - RANK.keys()}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down_only(path):
    room = _room_of_file(path)
    if room in ("__init__", "__main__"):
        return
    upward = [
        name for name in _imports(path) if _room(name) in RANK and RANK[_room(name)] > RANK[room]
    ]
    assert not upward, f"{path.relative_to(PACKAGE)} ({room}) imports upward: {upward}"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_only_the_store_names_a_concrete_store(path):
    if _room_of_file(path) == "store":
        return
    source = path.read_text(encoding="utf-8")
    named = [name for name in _imports(path) if name.startswith(CONCRETE_STORES)]
    named += [cls for cls in ("SqliteStore", "Neo4jStore") if cls in source]
    assert not named, f"{path.relative_to(PACKAGE)} names a concrete store: {named}"


def test_no_file_is_over_400_lines():
    long = {
        str(path.relative_to(PACKAGE)): count
        for path in _modules()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > 400
    }
    assert not long, f"files over 400 lines: {long}"
