"""metrics.db.Reader: one reader shared by every thread of a dashboard process, while
ingests swap the database file under it."""
import gc
import os
import threading
import time

import duckdb
import pytest
from conftest import house_doc

from loaders.config import Config
from loaders.ingest import ingest
from metrics.db import Reader


def make_db(path, value, rows=1):
    """A database at ``path`` (built beside it and swapped in, as an ingest does) whose
    table t holds ``rows`` rows of ``value``."""
    tmp = f"{path}.new"
    con = duckdb.connect(tmp)
    con.execute("CREATE TABLE t AS SELECT $v AS v FROM range($n)", {"v": value, "n": rows})
    con.close()
    os.replace(tmp, path)


def open_fds(db) -> int:
    """File descriptors of this process on ``db``, including replaced generations."""
    n = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target in (str(db), f"{db} (deleted)"):
            n += 1
    return n


def test_reconnects_after_a_swap(tmp_path):
    db = tmp_path / "h.duckdb"
    make_db(db, 1)
    reader = Reader(db)
    assert reader.query("SELECT v FROM t") == [(1,)]
    make_db(db, 2)
    assert reader.query("SELECT v FROM t") == [(2,)]
    assert reader.query_df("SELECT v FROM t")["v"].tolist() == [2]
    assert reader.open_connections == 1
    reader.close()


def test_a_cursor_in_use_keeps_its_file_through_a_swap(tmp_path):
    db = tmp_path / "h.duckdb"
    make_db(db, 1)
    reader = Reader(db)
    cur = reader.cursor()
    assert cur.execute("SELECT v FROM t").fetchall() == [(1,)]
    make_db(db, 2)
    assert reader.query("SELECT v FROM t") == [(2,)]           # new cursors: the new file
    res = cur.execute("SELECT v FROM t WHERE v = $v", {"v": 1})  # the old one still works
    assert [d[0] for d in res.description] == ["v"] and res.fetchone() == (1,)
    assert reader.open_connections == 2
    cur.close()                                                # its connection goes with it
    assert reader.open_connections == 1
    reader.close()


def test_close_closes(tmp_path):
    db = tmp_path / "h.duckdb"
    make_db(db, 1)
    reader = Reader(db)
    with reader.cursor() as cur:
        assert cur.execute("SELECT v FROM t").fetchall() == [(1,)]
    assert open_fds(db) == 1
    reader.close()
    assert reader.open_connections == 0
    assert open_fds(db) == 0
    assert reader.query("SELECT v FROM t") == [(1,)]  # and opens again when asked
    reader.close()
    assert open_fds(db) == 0


def test_no_connection_leaks_after_many_swaps(tmp_path):
    db = tmp_path / "h.duckdb"
    make_db(db, 0)
    reader = Reader(db)
    held = []
    for i in range(1, 41):
        held.append(reader.cursor())        # one cursor held across each swap
        if i % 4 == 0:
            reader.cursor()                 # and some never closed, only dropped
        make_db(db, i)
        assert reader.query("SELECT v FROM t") == [(i,)]
        assert held[-1].execute("SELECT v FROM t").fetchall() == [(i - 1,)]
    assert reader.open_connections == 41    # the current file and 40 replaced ones in use
    for cur in held:
        cur.close()
    gc.collect()
    assert reader.open_connections == 1
    assert open_fds(db) == 1
    reader.close()
    assert reader.open_connections == 0
    assert open_fds(db) == 0


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(FileNotFoundError, match="hindsight ingest"):
        Reader(tmp_path / "none.duckdb").cursor()


def write_postmortem(folder, i):
    (folder / f"2026-01-{i:02d}-pm{i}.md").write_text(
        house_doc(title=f"Incident {i}", day=f"2026-01-{i:02d}",
                  actions=((f"Fix {i}", "@ann", "Jan 30", f"OPS-{i}"),)), encoding="utf-8")


def test_threads_query_one_reader_while_ingests_swap_the_file(tmp_path):
    """Six threads query one Reader without pause while real ingests swap the file
    six times: no query fails, and the readers see every new load."""
    src = tmp_path / "pm"
    src.mkdir()
    db = tmp_path / "h.duckdb"
    cfg = Config(sources={})
    first, loads = 2, 6
    for i in range(1, first + 1):
        write_postmortem(src, i)
    ingest(cfg, [str(src)], db)
    reader = Reader(db)

    stop = threading.Event()
    lock = threading.Lock()
    failures: list[str] = []
    done = [0] * 6
    seen = [set() for _ in range(6)]

    def query(k):
        while not stop.is_set():
            try:
                if k % 3 == 0:
                    n = reader.query("SELECT count(*) FROM mart_incidents")[0][0]
                elif k % 3 == 1:  # a longer query: more of them run across a swap
                    df = reader.query_df("SELECT count(*) AS n, sum(r) AS s FROM mart_incidents, "
                                         "range(200000) AS x(r)")
                    n = int(df["n"][0]) // 200000
                else:             # a cursor kept for two statements, as metrics.incidents does
                    cur = reader.cursor()
                    try:
                        n = cur.execute("SELECT count(*) FROM mart_incidents").fetchone()[0]
                        cur.execute("SELECT title FROM mart_incidents ORDER BY title").fetchall()
                    finally:
                        cur.close()
                seen[k].add(n)
                done[k] += 1
            except Exception as e:  # noqa: BLE001 - every failure is the finding
                with lock:
                    failures.append(f"{type(e).__name__}: {e}")

    threads = [threading.Thread(target=query, args=(k,), daemon=True) for k in range(6)]
    for t in threads:
        t.start()
    try:
        for i in range(first + 1, first + loads + 1):
            time.sleep(0.15)
            write_postmortem(src, i)
            assert ingest(cfg, [str(src)], db).written
        final = first + loads
        deadline = time.monotonic() + 10
        while not all(final in s for s in seen) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        stop.set()
        for t in threads:
            t.join(30)
    try:
        assert not failures, f"{len(failures)} of {sum(done) + len(failures)} queries failed: {failures[:5]}"
        assert all(final in s for s in seen), seen          # every thread saw the last load
        assert set().union(*seen) <= set(range(first, final + 1))
        assert min(done) > 0, done
        assert reader.query("SELECT count(*) FROM mart_incidents")[0][0] == final
        assert reader.open_connections == 1                 # replaced files all closed
    finally:
        reader.close()
    assert open_fds(db) == 0


def test_kept_from_many_threads_while_it_evicts(tmp_path):
    """Threads keep more results than ``kept`` holds, so each insert evicts while others
    read and insert: no thread fails, and each gets the value made for its own key."""
    import sys

    from metrics import db as metrics_db

    make_db(tmp_path / "k.duckdb", 1)
    reader = Reader(tmp_path / "k.duckdb")
    failures: list[str] = []
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)      # switch threads as often as the interpreter can

    def work(k):
        for i in range(5000):
            key = (k, i % (metrics_db.KEEP * 2))
            try:
                got = metrics_db.kept(reader, "test", key, lambda: key)
                if got != key:
                    failures.append(f"{key} answered with {got}")
            except Exception as e:  # noqa: BLE001 - every failure is the finding
                failures.append(f"{type(e).__name__}: {e}")

    try:
        threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
    finally:
        sys.setswitchinterval(interval)
        metrics_db.forget()
        reader.close()
    assert not failures, failures[:5]
