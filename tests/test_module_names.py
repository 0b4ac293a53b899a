"""No module of loaders/ binds a module-level name twice by accident. A second pattern
given the name of one already there replaces it for every rule that used the first: a
parser rule once shadowed a pattern of the same name two thousand lines above it, and
851 documents read differently (the fingerprint caught it, no test did). A name extended
with itself ("META_KEYS = META_KEYS + [...]") is meant and allowed."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

LOADERS = Path(__file__).resolve().parent.parent / "loaders"
MODULES = sorted(LOADERS.rglob("*.py"))


def rebound(source: str) -> list[tuple[str, int, int]]:
    """(name, first line, later line) for each module-level name bound again by a value
    that does not read the name itself."""
    first: dict[str, int] = {}
    out = []
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign):
            names = [t.id for t in node.targets if isinstance(t, ast.Name)]
            value = node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            names, value = [node.target.id], node.value
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names, value = [node.name], None
        else:
            continue
        read = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)} if value is not None else set()
        for name in names:
            if name in first and name not in read:
                out.append((name, first[name], node.lineno))
            first.setdefault(name, node.lineno)
    return out


@pytest.mark.parametrize("module", MODULES, ids=lambda p: str(p.relative_to(LOADERS)))
def test_no_module_level_name_is_bound_twice(module):
    assert rebound(module.read_text(encoding="utf-8")) == []


def test_a_second_pattern_of_the_same_name_is_caught():
    source = '_WORDS = re.compile("a")\n\ndef f():\n    return _WORDS\n\n_WORDS = re.compile("b")\n'
    assert rebound(source) == [("_WORDS", 1, 6)]


def test_a_function_shadowing_a_pattern_is_caught():
    assert rebound("_read = 1\ndef _read():\n    pass\n") == [("_read", 1, 2)]


def test_a_name_extended_with_itself_is_allowed():
    assert rebound("KEYS = [1]\nKEYS = KEYS + [2]\n") == []
