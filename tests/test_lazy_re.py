"""Parser patterns compiled on first use (loaders/lazy_re.py): the same answers as
``re.compile``, no compiling on import, every one compiled by ``loaders.warm``."""
import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

from loaders import lazy_re

ROOT = Path(__file__).resolve().parent.parent
TEXT = "Deploy v2.3 at 09:41 UTC, rolled back at 10:02 UTC; the 2nd deploy at 11:15."


def test_not_compiled_until_used():
    p = lazy_re.compile(r"\d{2}:\d{2}")
    assert p._compiled is None
    assert p.pattern == r"\d{2}:\d{2}"      # its text is there at once (patterns build on it)
    assert p._compiled is None
    p.search(TEXT)
    assert isinstance(p._compiled, re.Pattern)


@pytest.mark.parametrize("method, args", [
    ("search", (TEXT,)), ("match", (TEXT,)), ("fullmatch", ("09:41",)), ("findall", (TEXT,)),
    ("sub", ("HH:MM", TEXT)), ("subn", ("HH:MM", TEXT)), ("split", (TEXT,)), ("search", (TEXT, 20)),
])
def test_answers_as_re_compile_does(method, args):
    pattern, flags = r"(?P<h>\d{2}):(?P<m>\d{2})", re.I
    lazy, real = lazy_re.compile(pattern, flags), re.compile(pattern, flags)
    first, again = getattr(lazy, method)(*args), getattr(lazy, method)(*args)   # compiling, compiled
    expected = getattr(real, method)(*args)
    if isinstance(expected, re.Match):
        assert first.span() == again.span() == expected.span()
        assert first.groupdict() == expected.groupdict()
    else:
        assert first == again == expected


def test_finditer_and_attributes_as_re_compile_gives_them():
    lazy, real = lazy_re.compile(r"(?P<h>\d{2}):(\d{2})", re.I), re.compile(r"(?P<h>\d{2}):(\d{2})", re.I)
    assert [m.span() for m in lazy.finditer(TEXT)] == [m.span() for m in real.finditer(TEXT)]
    assert (lazy.flags, lazy.groups, dict(lazy.groupindex)) == (real.flags, real.groups, dict(real.groupindex))


def test_after_the_first_call_the_methods_are_the_compiled_patterns_own():
    p = lazy_re.compile(r"UTC")
    p.search(TEXT)
    assert p.search.__self__ is p._compiled     # no stand-in in the way of later calls
    assert p.sub.__self__ is p._compiled


def test_a_bad_pattern_fails_when_first_used_naming_itself():
    p = lazy_re.compile(r"(unclosed")
    try:
        with pytest.raises(re.error, match="missing \\)"):
            p.search("x")
    finally:
        lazy_re._made.remove(p)   # (not left for warm() below to trip on)


def test_only_text_is_accepted():
    with pytest.raises(TypeError, match="pattern's text"):
        lazy_re.compile(re.compile("x"))


def test_warm_compiles_every_pattern_made():
    made = [lazy_re.compile(rf"warm{i}") for i in range(3)]
    lazy_re.warm()
    assert all(p._compiled is not None for p in made)
    assert lazy_re.warm() == 0


def _in_fresh_python(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def test_importing_the_parser_compiles_next_to_nothing():
    out = _in_fresh_python("from loaders import detect, lazy_re\n"
                           "print(sum(p._compiled is None for p in lazy_re._made), len(lazy_re._made))")
    waiting, made = map(int, out.split())
    assert made > 300 and waiting == made


def test_loaders_warm_compiles_everything_a_worker_runs():
    # (the fork server imports loaders.warm: the workers it forks parse and lint)
    out = _in_fresh_python("import loaders.warm\nfrom loaders import lazy_re, lint\n"
                           "from loaders.detect import parse_bytes\n"
                           "parse_bytes(b'# Outage\\n\\n## Timeline\\n\\n- 09:41 UTC alert fired\\n', 'x.md')\n"
                           "print(lazy_re.warm())")
    assert out == "0"


def test_a_worker_from_the_ingest_pool_starts_with_every_pattern_compiled():
    # (in a fresh process: its own fork server, as an ingest has, whatever other tests did to theirs)
    out = _in_fresh_python(
        "from loaders import lazy_re, workers\n"
        "if workers._context().get_start_method() != 'forkserver':\n"
        "    print('spawn')\n"
        "else:\n"
        "    pool = workers._pool(1)\n"
        "    print(pool.submit(lazy_re.warm).result(timeout=120))\n"
        "    pool.shutdown()\n")
    if out == "spawn":
        pytest.skip("no fork server here: spawned workers compile as they go")
    assert out == "0"


PARSER_MODULES = sorted([*(ROOT / "loaders" / "postmortem").glob("*.py"), ROOT / "loaders" / "timeparse.py",
                         ROOT / "loaders" / "furniture.py", ROOT / "loaders" / "severity.py"])


@pytest.mark.parametrize("path", PARSER_MODULES, ids=lambda p: p.name)
def test_parser_modules_keep_their_patterns_lazy(path):
    """A pattern a parser module keeps (written outside any function) is lazy_re's: one
    re.compile there is paid by every start-up, whether or not a document needs it."""
    eager = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if (not inside and isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute)
                    and child.func.attr == "compile" and getattr(child.func.value, "id", None) == "re"):
                eager.append(child.lineno)
            visit(child, inside)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    assert eager == [], f"{path.name} compiles at import on lines {eager}: use lazy_re.compile"
