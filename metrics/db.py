"""A read-only connection to the store that follows ingests.

An ingest replaces the database file (loaders/store.py); this process may still hold
the old one. ``Reader.cursor()`` checks the file's identity (inode, mtime, size) and, when
it changed, closes the old connection before opening the new file: DuckDB reuses an
open instance for the same path, so the old one must be gone first. One Reader per
process; every query gets its own cursor.
"""
from __future__ import annotations

import os
import threading
from pathlib import Path

import duckdb


class Reader:
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._con: duckdb.DuckDBPyConnection | None = None
        self._identity = None
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

    def cursor(self) -> duckdb.DuckDBPyConnection:
        with self._lock:
            ident = self.identity()
            if ident is None:
                raise FileNotFoundError(f"no database at {self.path}; run `hindsight ingest` first")
            if self._con is None or ident != self._identity:
                if self._con is not None:
                    self._con.close()
                    self._con = None
                self._con = duckdb.connect(str(self.path), read_only=True)
                self._identity = ident
            return self._con.cursor()

    def close(self) -> None:
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con = None

    def query_df(self, sql: str, params=None):
        cur = self.cursor()
        try:
            return cur.execute(sql, params or {}).df()
        finally:
            cur.close()

    def query(self, sql: str, params=None) -> list[tuple]:
        cur = self.cursor()
        try:
            return cur.execute(sql, params or {}).fetchall()
        finally:
            cur.close()


def sql_file(name: str) -> str:
    """The text of metrics/sql/NAME.sql."""
    return (Path(__file__).resolve().parent / "sql" / f"{name}.sql").read_text(encoding="utf-8")
