"""Parsed files to table rows (loaders/rows.py): the rows a file gives, and the Arrow
tables they are written through."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb
import pyarrow as pa
import pytest

from loaders import rows, store
from loaders.options import Options
from loaders.reading import load_file

SHAPES = Path(__file__).resolve().parent / "fixtures" / "shapes"


@pytest.fixture
def con(tmp_path):
    c = duckdb.connect(str(tmp_path / "rows.duckdb"))
    store.migrate(c)
    yield c
    c.close()


def _rows_of(*names: str) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {t: [] for t in rows.TABLES}
    for name in names:
        for table, more in rows.of(load_file(str(SHAPES / name), Options()), run_id=1).items():
            out[table].extend(more)
    return out


def _written(con, table: str) -> pa.Table:
    return con.sql(f"SELECT * FROM {table} ORDER BY ALL").to_arrow_table()   # table: one of ours


def test_a_table_is_written_as_from_pylist_writes_it(con, tmp_path):
    """Column by column, the same table as pyarrow's row-by-row builder gives."""
    by_rows = _rows_of("japanese-sections.md", "korean-sections.md", "timeline-episode-headings.md")
    other = duckdb.connect(str(tmp_path / "pylist.duckdb"))
    store.migrate(other)
    for table, batch in by_rows.items():
        rows.insert(con, table, batch)
        if batch:
            other.register("_rows", pa.Table.from_pylist(batch))
            other.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
            other.unregister("_rows")
    for table in rows.TABLES:
        assert _written(con, table).equals(_written(other, table)), table
    other.close()


def test_every_row_of_a_postmortem_is_written(con):
    batch = _rows_of("korean-sections.md")
    for table, more in batch.items():
        rows.insert(con, table, more)
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in ("raw_postmortems", "raw_timeline",
                                                                                 "raw_action_items")}
    assert counts == {"raw_postmortems": 1, "raw_timeline": 5, "raw_action_items": 3}


def test_a_column_empty_in_every_row_is_written_as_nulls(con):
    batch = _rows_of("korean-sections.md")["raw_timeline"]
    for r in batch:
        r["event"] = None
    rows.insert(con, "raw_timeline", batch)
    assert con.execute("SELECT count(*), count(event) FROM raw_timeline").fetchall()[0] == (len(batch), 0)


def test_no_rows_writes_nothing(con):
    rows.insert(con, "raw_factors", [])
    assert con.execute("SELECT count(*) FROM raw_factors").fetchall()[0][0] == 0


def test_batches_write_what_is_left_when_flushed(con):
    batches = rows.Batches(con)
    for table_rows in (_rows_of("korean-sections.md"), _rows_of("japanese-sections.md")):
        batches.add(table_rows)
    assert con.execute("SELECT count(*) FROM raw_postmortems").fetchall()[0][0] == 0   # not full yet
    batches.flush()
    assert con.execute("SELECT count(*) FROM raw_postmortems").fetchall()[0][0] == 2


RELEASE = """
import sys
sys.path.insert(0, sys.argv[1])
import pyarrow as pa
from loaders import rows
def rss():
    return int([l for l in open("/proc/self/status") if l.startswith("VmRSS")][0].split()[1]) // 1024
texts = ["x" * 100 + str(n) for n in range(300_000)]   # kept: only Arrow's memory comes and goes
table = pa.table({"text": texts})
del table
kept = rss()
rows.release_arrow_memory()
print(kept, rss())
"""


def test_arrow_memory_kept_for_reuse_is_given_back():
    """pyarrow's allocator keeps a written batch's freed memory for reuse (it held 32 MB
    at 100,000 postmortems when the marts began); once the last rows are written,
    rows.release_arrow_memory gives it back."""
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", RELEASE, str(root)], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    kept, after = map(int, out.stdout.split())
    assert kept - after >= 10, f"{kept} MB before, {after} MB after"


def test_batches_write_once_they_hold_flush_rows_rows(con, monkeypatch):
    """A big export's chunk is one "file" of many rows: the batch is written when its rows
    reach FLUSH_ROWS, not only after FLUSH_FILES files."""
    monkeypatch.setattr(rows, "FLUSH_ROWS", 4)
    batches = rows.Batches(con)
    batches.add(_rows_of("korean-sections.md"))    # one file, 1 + 5 + 3 + ... rows
    assert con.execute("SELECT count(*) FROM raw_postmortems").fetchall()[0][0] == 1


def _export(tmp_path, n: int, bad_row: bool = False) -> str:
    """A Jira CSV of ``n`` tickets (one with no key when ``bad_row``: a problem)."""
    lines = ["Issue key,Summary,Status,Assignee,Created,Resolved"]
    lines += [f"OPS-{k},Fix thing {k},Done,ana,2024-01-0{1 + k % 9} 10:00,2024-02-01 10:00" for k in range(n)]
    if bad_row:
        lines.append(",No key here,Done,ana,2024-01-01 10:00,")
    path = tmp_path / "jira.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(path)


def test_a_big_export_gives_its_rows_in_pieces_that_add_up_to_its_rows(tmp_path):
    loaded = load_file(_export(tmp_path, 25, bad_row=True), Options())
    assert loaded.record.kind == "tracker_export" and loaded.record.problems
    whole = rows.of(loaded, run_id=3)
    parts = list(rows.pieces(loaded, run_id=3, size=10))
    assert [len(p["raw_tickets"]) for p in parts] == [10, 10, 5]
    for table in rows.TABLES:
        assert [r for p in parts for r in p[table]] == whole[table], table
    assert [r["seq"] for p in parts for r in p["raw_tickets"]] == list(range(25))   # numbered on
    assert parts[0]["ingest_problems"] and not parts[1]["ingest_problems"]          # said once


def test_a_small_file_is_one_piece(tmp_path):
    for loaded in (load_file(_export(tmp_path, 3), Options()), load_file(str(SHAPES / "korean-sections.md"), Options())):
        assert list(rows.pieces(loaded, run_id=1, size=10)) == [rows.of(loaded, run_id=1)]


def test_pieces_count_as_no_file_of_a_batch(con, monkeypatch):
    """A piece of a file is not a file: FLUSH_FILES counts the files row that follows."""
    monkeypatch.setattr(rows, "FLUSH_FILES", 2)
    batches = rows.Batches(con)
    for _ in range(3):
        batches.add({"raw_tickets": [{"file_path": "a.csv", "seq": 0, "key": "OPS-1"}]}, files=0)
    batches.add({"files": [{"path": "a.csv"}]})
    assert con.execute("SELECT count(*) FROM raw_tickets").fetchall()[0][0] == 0   # one file: not full
    batches.add({"files": [{"path": "b.csv"}]})
    assert con.execute("SELECT count(*) FROM raw_tickets").fetchall()[0][0] == 3
