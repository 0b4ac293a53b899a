"""A read-only connection to the store that follows ingests, shared by every thread.

An ingest replaces the database file (loaders/store.py) while this process may be in
the middle of queries on the old one. ``Reader.cursor()`` checks the file's identity
(inode, mtime, size); when it changed, the cursor comes from a new connection to the
new file. The guarantee: a swap never breaks a query. Every cursor reads the file that
was current when it was taken, to its end; cursors taken after the swap read the new
file; an old connection is closed when the last cursor taken from it is closed (or,
with none in use, at the next ``cursor()``), so connections do not pile up.

Why not ``duckdb.connect(path)`` per file generation: within one process it returns
the instance already open for that path, and after an ``os.replace`` that instance
still serves the old file (measured with duckdb 2.0.1, also for ./, //, .., symlink,
/proc/self/fd/N and ``file:`` spellings of the path; a different config is refused).
So each generation gets a private in-memory instance with the file ATTACHed read-only
(ATTACH is not cached by path, and nothing is written beside the database); each
cursor starts with ``USE`` of that catalog, so queries name tables as before.

One Reader per process (st.cache_resource); every query takes its own cursor and closes
it: ``query``/``query_df`` do, as does ``with reader.cursor() as cur:``. A cursor that
is never closed is released when it is garbage collected.
"""
from __future__ import annotations

import collections
import contextlib
import os
import threading
import weakref
from pathlib import Path
from typing import Self

import duckdb

CATALOG = "hindsight"  # the name the database file is attached under


class _Generation:
    """One file identity: its connection and how many cursors of it are in use."""

    __slots__ = ("con", "identity", "retired", "users")

    def __init__(self, con: duckdb.DuckDBPyConnection, identity):
        self.con = con
        self.identity = identity
        self.users = 0
        self.retired = False


class Cursor:
    """A DuckDB cursor on one generation of the file. Use it like a DuckDB connection
    (``execute`` returns the cursor; ``fetchall``, ``df``, ``description``, ... pass
    through); ``close()`` or the end of a ``with`` block gives it back."""

    def __init__(self, reader: Reader, gen: _Generation, cur: duckdb.DuckDBPyConnection):
        self._cur = cur
        self._reader = reader
        self._gen = gen
        # a cursor dropped without close(): queue it for release at the reader's next
        # call (a finalizer may run inside any code, even code holding the reader's lock)
        self._finalizer = weakref.finalize(self, reader._abandoned.append, (gen, cur))
        self._finalizer.atexit = False

    def execute(self, *args, **kwargs) -> Cursor:
        self._cur.execute(*args, **kwargs)
        return self

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._cur, name)

    def close(self) -> None:
        if self._finalizer.detach() is not None:
            self._reader._release(self._gen, self._cur)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


class Reader:
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._current: _Generation | None = None
        self._open: list[_Generation] = []  # current and retired generations not closed yet
        self._abandoned: collections.deque = collections.deque()  # (gen, cur) of collected cursors
        self._lock = threading.Lock()

    def identity(self):
        """What changes when an ingest swaps in a new file; None while there is none."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        return (st.st_ino, st.st_mtime_ns, st.st_size)

    @property
    def exists(self) -> bool:
        return self.identity() is not None

    @property
    def open_connections(self) -> int:
        """How many connections this reader holds open: the current file's and those
        of replaced files that still have a cursor in use."""
        self._release_abandoned()
        with self._lock:
            return len(self._open)

    def _connect(self, identity) -> _Generation:
        # temp_directory: where a read-only connect(path) would spill, not the cwd
        con = duckdb.connect(":memory:", config={"temp_directory": f"{self.path}.tmp"})
        try:
            con.execute(f"ATTACH $path AS {CATALOG} (READ_ONLY)", {"path": str(self.path)})
        except BaseException:
            con.close()
            raise
        # should the file be swapped again between stat and ATTACH, the next cursor()
        # sees a newer identity than this one and simply connects once more
        return _Generation(con, identity)

    def cursor(self) -> Cursor:
        """A cursor on the current database file; close it when done."""
        self._release_abandoned()
        idle = None
        with self._lock:
            ident = self.identity()
            if ident is None:
                raise FileNotFoundError(f"no database at {self.path}; run `hindsight ingest` first")
            gen = self._current
            if gen is None or gen.identity != ident:
                new = self._connect(ident)
                if gen is not None:
                    idle = self._retire(gen)
                gen = self._current = new
                self._open.append(new)
            cur = gen.con.cursor()
            gen.users += 1
        if idle is not None:
            idle.con.close()
        try:
            cur.execute(f"USE {CATALOG}")
        except BaseException:
            self._release(gen, cur)
            raise
        return Cursor(self, gen, cur)

    def _retire(self, gen: _Generation) -> _Generation | None:
        """Mark ``gen`` replaced (lock held); returns it when no cursor uses it, for the
        caller to close after releasing the lock."""
        gen.retired = True
        if gen is self._current:
            self._current = None
        if gen.users == 0 and gen in self._open:
            self._open.remove(gen)
            return gen
        return None

    def _release(self, gen: _Generation, cur) -> None:
        with contextlib.suppress(duckdb.Error):
            cur.close()
        with self._lock:
            gen.users -= 1
            idle = self._retire(gen) if gen.retired else None
        if idle is not None:
            idle.con.close()

    def _release_abandoned(self) -> None:
        while True:
            try:
                gen, cur = self._abandoned.popleft()
            except IndexError:
                return
            self._release(gen, cur)

    def close(self) -> None:
        """Close every connection; one with a cursor still in use closes when that
        cursor is closed. A later ``cursor()`` connects again."""
        self._release_abandoned()
        idle = []
        with self._lock:
            for gen in list(self._open):
                if (done := self._retire(gen)) is not None:
                    idle.append(done)
        for gen in idle:
            gen.con.close()

    def query_df(self, sql: str, params=None):
        with self.cursor() as cur:
            return cur.execute(sql, params or {}).df()

    def query_arrow(self, sql: str, params=None):
        """The result as an Arrow table: list columns stay Arrow lists (no Python list
        per cell), for code that works on whole columns."""
        with self.cursor() as cur:
            return cur.sql(sql, params=params or {}).to_arrow_table()

    def query_arrow_df(self, sql: str, params=None):
        """``query_df`` through Arrow, for frames of many rows: text columns stay
        Arrow-backed strings instead of a Python object per cell (150,000 action items:
        0.04 s against 0.15 s), dates come as datetime64, and an integer column with
        missing values comes as float (NaN)."""
        return self.query_arrow(sql, params).to_pandas(date_as_object=False)

    def query(self, sql: str, params=None) -> list[tuple]:
        with self.cursor() as cur:
            return cur.execute(sql, params or {}).fetchall()


_KEPT: dict[tuple, object] = {}
_KEPT_LOCK = threading.Lock()
KEEP = 16   # results kept: what one render's figures share, for the last few filters


def kept(reader: Reader, what: str, key, make):
    """``make()``, kept for this database file as it is now (its identity), under
    (``what``, ``key``): figures that start from the same frame ask the store once per
    render, not once each, and a new ingest's file is never answered from the old one.
    The caller copies a frame it will change. Safe from any thread (the dashboard's
    sessions, a report's figures computed side by side): ``make`` runs outside the lock,
    so two threads missing the same key at once both make it, and the first one kept wins."""
    k = (str(reader.path), reader.identity(), what, key)
    with _KEPT_LOCK:
        if k in _KEPT:
            return _KEPT[k]
    value = make()
    with _KEPT_LOCK:
        if k not in _KEPT:
            while len(_KEPT) >= KEEP:
                _KEPT.pop(next(iter(_KEPT)))
            _KEPT[k] = value
        return _KEPT[k]


def forget() -> None:
    """Drop everything ``kept`` holds (benchmarks that time cold renders)."""
    with _KEPT_LOCK:
        _KEPT.clear()


def sql_file(name: str) -> str:
    """The text of metrics/sql/NAME.sql."""
    return (Path(__file__).resolve().parent / "sql" / f"{name}.sql").read_text(encoding="utf-8")


def first_rows(df):
    """A listing's first rows and how many it has in all: its SQL counts every row in a
    ``listed`` column (``count(*) OVER ()``) before ``LIMIT $limit`` keeps the first ones."""
    return df.drop(columns="listed"), int(df["listed"].iloc[0]) if len(df) else 0
