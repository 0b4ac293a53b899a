"""The DuckDB store: schema migrations, the SQL view layers, and the atomic swap.

Readers never see half a load: an ingest copies the current database file to a
temporary file beside it, changes the copy, checkpoints and closes it, then
``os.replace``s it over the original. A failed or killed ingest leaves only a stray
temporary file (removed by the next ingest); the database is as it was. A dashboard
holding the old file keeps reading it until it notices the new one (metrics/db.py).
"""
from __future__ import annotations

import contextlib
import fcntl
import glob
import os
import re
import shutil
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from loaders import processes

SQL = Path(__file__).resolve().parent / "sql"
LAYERS = ("staging", "intermediate", "marts")
# DuckDB's buffer pool during an ingest: beyond it, blocks already written go back to disk
# and big joins spill, so the store's share of an ingest's memory is flat however large
# the archive (issue 13). Writing rows and deriving tables in Python stream, and need
# little; building the marts (and the input of a derived table) joins whole tables, and
# gets more for that step only. Measured at 100,000 postmortems with their exports: every
# mart builds in 144 MB with no retry (mart_action_items and mart_recurrence not in 128 MB
# when last tried), and similarity's input in 128 MB; 160 MB leaves a margin. The cap is
# most of what the ingest adds to its peak while the marts build (192 MB: 487-503 MB,
# 160 MB: 461 MB, 144 MB: 448 MB, the process's own).
INGEST_MEMORY = "64MB"
MARTS_MEMORY = "160MB"
# The caps are targets, not reasons to fail: DuckDB's use varies with its threads'
# timing, and one 100,000-postmortem ingest ran out of 192 MB where others fitted. A step
# that runs out of memory under the cap runs again with the cap doubled, up to this.
ROOM_CEILING_MB = 4096


_UNIT_BYTES = {"bytes": 1, "KiB": 2**10, "MiB": 2**20, "GiB": 2**30, "TiB": 2**40}


def _limit_mb(con) -> float:
    """The connection's memory_limit in MB (DuckDB reports it as "183.1 MiB")."""
    value, unit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0].split()
    return float(value) * _UNIT_BYTES[unit] / 1e6


def execute_roomy(con, sql: str, parameters=None, *, ceiling_mb: float | None = None):
    """``con.execute(sql, parameters)``; when DuckDB runs out of memory under the current
    cap, the statement (rolled back by DuckDB) runs again with the cap doubled, up to
    ``ceiling_mb`` (ROOM_CEILING_MB), and the cap is put back afterwards either way."""
    ceiling_mb = ROOM_CEILING_MB if ceiling_mb is None else ceiling_mb
    cap = _limit_mb(con)
    mb = cap
    try:
        while True:
            try:
                return con.execute(sql, parameters)
            except duckdb.OutOfMemoryException:
                if mb * 2 > ceiling_mb:
                    raise
                mb *= 2
                con.execute("SET memory_limit = ?", [f"{mb:.0f}MB"])
    finally:
        if mb != cap:
            with contextlib.suppress(duckdb.OutOfMemoryException):   # still held: it stays raised
                con.execute("SET memory_limit = ?", [f"{cap:.0f}MB"])


def migrations() -> list[tuple[int, str, str]]:
    out = []
    for f in sorted((SQL / "migrations").glob("*.sql")):
        version = int(f.name.split("_", 1)[0])
        out.append((version, f.stem, f.read_text(encoding="utf-8")))
    return out


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the migrations this database has not had; return their versions."""
    con.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    done = {r[0] for r in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, sql in migrations():
        if version in done:
            continue
        con.execute(sql)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                    [version, name, datetime.now(timezone.utc).replace(tzinfo=None)])
        applied.append(version)
    return applied


# Like a dbt project: each file is one model, a SELECT named after the file. Staging
# and intermediate models are views (always current); marts are tables, rebuilt at
# the end of every ingest, so that the dashboard's queries read stored rows.
MATERIALIZED = {"staging": "VIEW", "intermediate": "VIEW", "marts": "TABLE"}
_NAME = re.compile(r"^[a-z_][a-z0-9_]*$")


def models() -> list[tuple[str, str, str]]:
    """(layer, name, SELECT) for every model file, layer by layer."""
    out = []
    for layer in LAYERS:
        for f in sorted((SQL / layer).glob("*.sql")):
            if not _NAME.match(f.stem):
                raise ValueError(f"model file name is not an identifier: {f}")
            out.append((layer, f.stem, f.read_text(encoding="utf-8")))
    return out


def build_models(con: duckdb.DuckDBPyConnection, layers=LAYERS) -> None:
    """(Re)build every model of ``layers``, in order, after the scalar functions the
    models share (sql/functions/*.sql). Within a layer a model may use another: one that
    names a model not built yet waits a round."""
    for f in sorted((SQL / "functions").glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))
    existing = dict(con.execute("SELECT table_name, table_type FROM information_schema.tables").fetchall())
    for layer in layers:
        kind = MATERIALIZED[layer]
        pending = [m for m in models() if m[0] == layer]
        if kind == "TABLE":
            # a table built from an older table of this layer would bind to its old
            # columns: drop them all first, then build in dependency order
            for _, name, _ in pending:
                if existing.get(name) == "BASE TABLE":
                    con.execute(f"DROP TABLE {name}")
                    existing.pop(name)
        while pending:
            waiting = []
            for _, name, select in pending:
                other = "VIEW" if kind == "TABLE" else "TABLE"
                if existing.get(name) == ("BASE TABLE" if other == "TABLE" else "VIEW"):
                    con.execute(f"DROP {other} {name}")  # names are file stems, checked above
                    existing.pop(name)
                try:
                    execute_roomy(con, f"CREATE OR REPLACE {kind} {name} AS\n{select}")
                except duckdb.CatalogException:
                    waiting.append((layer, name, select))
            if len(waiting) == len(pending):
                _, name, select = waiting[0]
                con.execute(f"CREATE OR REPLACE {kind} {name} AS\n{select}")  # its real error
            pending = waiting


def models_fingerprint() -> str:
    """A hash of every SQL file: when a model changes, the next ingest rebuilds the
    marts even if no source file changed."""
    import hashlib

    h = hashlib.sha256()
    for f in sorted(SQL.glob("*/*.sql")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def create_macros(con: duckdb.DuckDBPyConnection) -> None:
    """Table macros over the marts (sql/macros/*.sql): the dashboard's filters."""
    for f in sorted((SQL / "macros").glob("*.sql")):
        con.execute(f.read_text(encoding="utf-8"))


def read_only(path: str | os.PathLike, sql: str) -> list | None:
    """The rows ``sql`` gives on the database at ``path``, opened read-only and closed;
    None when there is none, it cannot be opened (a writer holds it), or the query fails
    (no such table: not a database a load has written)."""
    if not os.path.exists(path):
        return None
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return None
    try:
        return con.execute(sql).fetchall()
    except duckdb.Error:
        return None
    finally:
        con.close()


@contextlib.contextmanager
def lock(path: str | os.PathLike):
    """Serialise writers: one ingest at a time per database file.

    The lock is an flock on ``<db>.lock``, opened close-on-exec and held by this process
    only (the parse workers start from a fork server and inherit none of its files), so
    the kernel releases it the moment the ingest ends, however it ends: a lock file left
    behind by a killed ingest never blocks the next one. The file names its holder
    ("pid start-time") for the message a second writer gets, and is emptied when the lock
    is released: a holder still named in it when the lock is taken was killed, and the
    next ingest says so (on the ``loaders.store`` logger) and carries on. When no database
    came of it (an ingest that found nothing to load), the lock file goes too; a writer that
    opened it just before takes the lock only on the file the path still names.
    """
    lock_path = f"{path}.lock"
    Path(lock_path).parent.mkdir(parents=True, exist_ok=True)
    while True:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            message = _lock_busy(path, lock_path, fd)
            os.close(fd)
            raise RuntimeError(message) from None
        if _names(lock_path, fd):
            break
        os.close(fd)   # removed by the holder we waited for: lock the file there now
    try:
        me = processes.identity(os.getpid())
        previous = _lock_holder(fd)
        if previous and previous[0] != me[0] and not processes.running(*previous):
            import logging

            logging.getLogger(__name__).warning(
                "hindsight: an earlier ingest of %s (pid %d) ended without finishing; its lock "
                "was released and the database holds the last complete load", path, previous[0])
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{me[0]} {me[1] if me[1] is not None else '-'}\n".encode(), 0)
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                if not os.path.exists(path):
                    os.remove(lock_path)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _names(lock_path: str, fd: int) -> bool:
    """Whether ``lock_path`` still names the file open as ``fd``."""
    try:
        return os.stat(lock_path).st_ino == os.fstat(fd).st_ino
    except OSError:
        return False


def _lock_busy(path, lock_path: str, fd: int) -> str:
    """The message for a writer that finds the lock held: who holds it."""
    import time

    holder = _lock_holder(fd)
    deadline = time.monotonic() + 0.2
    while holder is None and time.monotonic() < deadline:  # the holder may not have written yet
        time.sleep(0.01)
        holder = _lock_holder(fd)
    if holder is None or processes.running(*holder):
        who = f" (pid {holder[0]})" if holder else ""
        return f"another ingest is writing {path}{who}; try again when it ends"
    # the ingest that took the lock is gone, yet its lock is held: by processes that
    # inherited it (the workers of an older hindsight forked with it open)
    others = [p for p in processes.with_open(lock_path) if p != os.getpid()]
    if others:
        pids = " ".join(map(str, others))
        return (f"{path} is locked: the ingest that took its lock (pid {holder[0]}) is gone, but "
                f"process(es) {pids} it left behind still hold {lock_path}; stop them (kill {pids}) "
                "and try again")
    return f"another ingest is writing {path}; try again when it ends"


def _lock_holder(fd: int) -> tuple[int, int | None] | None:
    """(pid, start time) named in a lock file, None when it names none."""
    try:
        words = os.pread(fd, 100, 0).decode("ascii", "replace").split()
    except OSError:
        return None
    if not words or not words[0].isdigit():
        return None
    start = int(words[1]) if len(words) > 1 and words[1].isdigit() else None
    return int(words[0]), start


def _remove_stale(path: Path) -> None:
    for stale in glob.glob(f"{path}.tmp-*"):
        pid = stale.rsplit("-", 1)[-1].split(".", 1)[0]
        if pid.isdigit() and processes.alive(int(pid)) and int(pid) != os.getpid():
            continue
        with contextlib.suppress(OSError):
            os.remove(stale)


@contextlib.contextmanager
def swap(path: str | os.PathLike, derive=None):
    """A writable connection to a copy of the database at ``path``.

    When the block ends without an exception, the copy is migrated, its views are
    recreated, ``derive(con)`` (if given) computes the tables made in Python from the
    marts, it is checkpointed and closed, and it replaces the original in one rename. On
    an exception the copy is deleted and the original is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    tmp = Path(f"{path}.tmp-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        os.remove(tmp)
    if path.exists():
        try:
            shutil.copyfile(path, tmp)
        except BaseException:  # a full disk: leave no partial copy to fill it further
            with contextlib.suppress(FileNotFoundError):
                os.remove(tmp)
            raise
    con = None
    try:
        con = duckdb.connect(str(tmp))   # inside the guard: a signal here leaves no copy behind
        con.execute("SET enable_progress_bar = false")  # the ingest shows its own progress
        con.execute("SET memory_limit = ?", [INGEST_MEMORY])
        migrate(con)
        build_models(con, ("staging", "intermediate"))
        yield con
        con.execute("SET memory_limit = ?", [MARTS_MEMORY])
        build_models(con)  # marts are tables: rebuild them from the new raw rows
        # (which models built the views: a reader of another version tells, metrics/build.py)
        con.execute("DELETE FROM settings WHERE key = 'models'")
        con.execute("INSERT INTO settings VALUES ('models', ?)", [models_fingerprint()])
        create_macros(con)
        if derive is not None:  # tables computed in Python from the marts (loaders/similar.py):
            derive(con)         # it lowers the cap back to INGEST_MEMORY once its SQL is done
        con.execute("CHECKPOINT")
        con.close()
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
        if con is not None:
            with contextlib.suppress(Exception):
                con.close()
        for leftover in (tmp, Path(f"{tmp}.wal")):
            with contextlib.suppress(FileNotFoundError):
                os.remove(leftover)
        raise


def _fsync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
