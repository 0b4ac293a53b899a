"""The code's layering, checked from its imports (read with ast, nothing executed):

- no import cycle among the modules of loaders/, metrics/ and ui/;
- loaders/ (the write side) imports nothing from metrics/ or ui/, the command line
  (loaders/cli.py, which also runs reports) aside;
- metrics/ (the read side) imports nothing from loaders/, ui/ or publish/;
- publish/ (the report as files) reads through metrics/ only: nothing from loaders/ or ui/;
- pages import no SQL-running module directly: they go through ui/ and metrics/.
"""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("loaders", "metrics", "publish", "ui", "demo")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for pkg in PACKAGES if (ROOT / pkg).is_dir() for p in (ROOT / pkg).rglob("*.py")}


def imports(path: Path, known: set[str]) -> set[str]:
    """The project modules ``path`` imports (module-level and inside functions).

    ``from pkg import sub`` depends on the module ``pkg.sub`` only; ``from pkg import
    name`` (a name defined in pkg's ``__init__``) depends on ``pkg`` itself, so a module
    that reads a name from its own package's ``__init__`` shows up as a cycle."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            subs = [f"{node.module}.{a.name}" for a in node.names]
            names = [s for s in subs if s in known]
            if len(names) < len(subs):
                names.append(node.module)
        for n in names:
            while n and n not in known:
                n = n.rpartition(".")[0]
            if n:
                out.add(n)
    return out


MODULES = modules()
GRAPH = {m: imports(p, set(MODULES)) - {m} for m, p in MODULES.items()}


def _top(m: str) -> str:
    return m.split(".")[0]


def test_there_is_no_import_cycle():
    graph = GRAPH
    state: dict[str, int] = {}
    cycles = []

    def visit(m, path):
        state[m] = 1
        for d in sorted(graph.get(m, ())):
            if state.get(d) == 1:
                cycles.append(path[path.index(d):] + [d] if d in path else [m, d])
            elif d not in state:
                visit(d, path + [d])
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m, [m])
    assert cycles == []


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if _top(m) == "loaders" and m != "loaders.cli"))
def test_loaders_do_not_import_the_read_side(module):
    assert {d for d in GRAPH[module] if _top(d) in ("metrics", "ui", "publish")} == set()


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if _top(m) == "metrics"))
def test_metrics_do_not_import_loaders_or_ui(module):
    assert {d for d in GRAPH[module] if _top(d) in ("loaders", "ui", "publish")} == set()


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if _top(m) == "publish"))
def test_publish_reads_through_metrics_only(module):
    assert {d for d in GRAPH[module] if _top(d) in ("loaders", "ui")} == set()


@pytest.mark.parametrize("module", sorted(m for m in GRAPH if _top(m) == "demo"))
def test_the_demo_generator_does_not_import_the_parsers(module):
    assert {d for d in GRAPH[module] if _top(d) in ("loaders", "metrics", "ui")} == set()


def test_pages_do_not_run_sql_themselves():
    for page in [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]:
        text = page.read_text(encoding="utf-8")
        assert "import duckdb" not in text and ".query(" not in text and "sql_file" not in text, page.name


def test_every_package_is_shipped_by_pyproject():
    """setuptools' explicit package list must name every package, or a plain (non-editable)
    install leaves it out and the command fails on import."""
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {module_name(p.parent / "__init__.py") for pkg in PACKAGES for p in (ROOT / pkg).rglob("__init__.py")}
    assert found == listed


def test_no_file_points_outside_the_repository():
    """Docs and docstrings name the repository's own references (docs/...), never a
    path a clone does not have."""
    import subprocess

    # (NUL-separated: a Notion export's file name holds spaces)
    files = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True,
                           check=True).stdout.split("\0")
    files = [f for f in files if f]
    outside = []
    OUTSIDE = ("../" + "shared", "/" + "work/")  # spelled apart so this file does not match itself
    for name in files:
        if not name.endswith((".py", ".md", ".sql", ".yaml", ".yml", ".toml", ".txt")) or name.startswith("tests/corpus/"):
            continue
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        if any(marker in text for marker in OUTSIDE):
            outside.append(name)
    assert outside == []
