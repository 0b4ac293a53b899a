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

SQL = Path(__file__).resolve().parent / "sql"
LAYERS = ("staging", "intermediate", "marts")


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
    """(Re)build every model of ``layers``, in order. Within a layer a model may use
    another: one that names a model not built yet waits a round."""
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
                    con.execute(f"CREATE OR REPLACE {kind} {name} AS\n{select}")
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


@contextlib.contextmanager
def lock(path: str | os.PathLike):
    """Serialise writers: one ingest at a time per database file."""
    lock_path = f"{path}.lock"
    Path(lock_path).parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as f:
        try:
            fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise RuntimeError(f"another ingest is writing {path}; try again when it ends") from None
        try:
            yield
        finally:
            fcntl.flock(f, fcntl.LOCK_UN)


def _remove_stale(path: Path) -> None:
    for stale in glob.glob(f"{path}.tmp-*"):
        pid = stale.rsplit("-", 1)[-1].split(".", 1)[0]
        if pid.isdigit() and _alive(int(pid)) and int(pid) != os.getpid():
            continue
        with contextlib.suppress(OSError):
            os.remove(stale)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def swap(path: str | os.PathLike):
    """A writable connection to a copy of the database at ``path``.

    When the block ends without an exception, the copy is migrated, its views are
    recreated, it is checkpointed and closed, and it replaces the original in one
    rename. On an exception the copy is deleted and the original is untouched.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale(path)
    tmp = Path(f"{path}.tmp-{os.getpid()}")
    with contextlib.suppress(FileNotFoundError):
        os.remove(tmp)
    if path.exists():
        shutil.copyfile(path, tmp)
    con = duckdb.connect(str(tmp))
    try:
        con.execute("SET enable_progress_bar = false")  # the ingest shows its own progress
        migrate(con)
        build_models(con, ("staging", "intermediate"))
        yield con
        build_models(con)  # marts are tables: rebuild them from the new raw rows
        create_macros(con)
        con.execute("CHECKPOINT")
        con.close()
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except BaseException:
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
