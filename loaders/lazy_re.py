"""Regular expressions compiled the first time they are used, not when imported.

The parser's modules hold about 500 patterns. Compiling them all on import was most of
``hindsight parse one.md``'s start-up, while one document uses about 200 of them.
``compile`` returns a stand-in that knows its ``pattern`` at once and compiles the first
time anything else is asked of it; from then on its ``search``, ``match`` and the rest
are the compiled pattern's own bound methods, so a call costs what it costs on a
compiled pattern. A bad pattern still fails where it is written: when first used, with
``re.error`` naming it.

``warm()`` compiles every stand-in made so far: the ingest's fork server does (module
``loaders.warm``), so the workers it forks start with their patterns compiled.

The stand-in is not an ``re.Pattern``: it is for patterns a module keeps and calls, not
for passing to ``re.sub(pattern, ...)`` (use ``pattern.sub(...)``).
"""
from __future__ import annotations

import re
import threading

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split", "scanner")
_made: list["LazyPattern"] = []
_lock = threading.Lock()


class LazyPattern:
    """``re.compile(pattern, flags)``, done when first needed."""

    def __init__(self, pattern: str, flags: int = 0):
        if not isinstance(pattern, str):
            raise TypeError(f"lazy_re.compile takes a pattern's text, not {type(pattern).__name__}")
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern | None = None
        with _lock:
            _made.append(self)

    def compiled(self) -> re.Pattern:
        """The compiled pattern, compiling it now if it is not yet. From then on the
        instance's own ``search``, ``match`` ... are the compiled pattern's bound methods,
        which hide the class's stand-ins (``_stand_in``). (No ``__getattr__``: a class with one
        makes every attribute look-up slower, the methods' too.)"""
        c = self._compiled
        if c is None:
            c = re.compile(self.pattern, self._flags)
            for name in _METHODS:
                setattr(self, name, getattr(c, name))
            self._compiled = c
        return c

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self):
        return self.compiled().groupindex

    def __repr__(self) -> str:
        return f"lazy_re.compile({self.pattern!r})"


def _stand_in(name: str):
    """The class's ``name`` method: compile, then call the compiled pattern's (each
    instance's is called at most once: the compile puts the real one on the instance)."""
    def method(self, *args, **kwargs):
        return getattr(self.compiled(), name)(*args, **kwargs)
    method.__name__ = method.__qualname__ = name
    return method


for _name in _METHODS:
    setattr(LazyPattern, _name, _stand_in(_name))


def compile(pattern: str, flags: int = 0) -> LazyPattern:   # noqa: A001 (re.compile's name, on purpose)
    """A pattern compiled when first used (see the module's docstring)."""
    return LazyPattern(pattern, flags)


def warm() -> int:
    """Compile every pattern made so far; the number compiled now."""
    with _lock:
        todo = [p for p in _made if p._compiled is None]
    for p in todo:
        p.compiled()
    return len(todo)
