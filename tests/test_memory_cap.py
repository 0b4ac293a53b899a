"""The ingest's DuckDB memory caps are targets, not reasons to fail (loaders/store.py,
execute_roomy): a step that runs out of memory under the cap runs again with more, and
the cap is put back; only beyond the ceiling does the load fail, leaving the database
as it was."""
from __future__ import annotations

import duckdb
import pytest
from conftest import demo_config, postmortem_count

from loaders import store
from loaders.config import load_config
from loaders.ingest import ingest

HUNGRY = "CREATE OR REPLACE TABLE t AS SELECT range % 50000 AS k, list(range) AS l FROM range(2000000) GROUP BY k"


@pytest.fixture
def con(tmp_path):
    c = duckdb.connect(str(tmp_path / "cap.duckdb"))
    c.execute("SET threads = 1")
    c.execute("SET memory_limit = '8MB'")
    yield c
    c.close()


def test_the_statement_does_not_fit_the_cap_on_its_own(con):
    with pytest.raises(duckdb.OutOfMemoryException):
        con.execute(HUNGRY)


def test_a_statement_over_the_cap_runs_with_more_and_the_cap_comes_back(con):
    store.execute_roomy(con, HUNGRY)
    assert con.execute("SELECT count(*) FROM t").fetchone()[0] == 50000
    assert round(store._limit_mb(con)) == 8


def test_beyond_the_ceiling_it_fails_and_the_cap_comes_back(con):
    with pytest.raises(duckdb.OutOfMemoryException):
        store.execute_roomy(con, HUNGRY, ceiling_mb=12)
    assert round(store._limit_mb(con)) == 8


def test_a_statement_that_fits_runs_once_under_the_cap(con):
    assert store.execute_roomy(con, "SELECT 42").fetchone()[0] == 42
    assert round(store._limit_mb(con)) == 8


@pytest.mark.parametrize("unit, mb", [("512KB", 0.512), ("192MB", 192), ("1GB", 1000)])
def test_the_cap_is_read_back_in_megabytes(con, unit, mb):
    con.execute("SET memory_limit = ?", [unit])
    assert store._limit_mb(con) == pytest.approx(mb, rel=0.01)


def _ingest_with_caps(tmp_path, monkeypatch, marts: str, ceiling: float):
    monkeypatch.setattr(store, "MARTS_MEMORY", marts)
    monkeypatch.setattr(store, "ROOM_CEILING_MB", ceiling)
    return ingest(load_config(str(demo_config(tmp_path))))


def test_marts_that_outgrow_their_cap_still_load(tmp_path, monkeypatch):
    """The risky moment: a mart's CREATE runs out of the marts' cap mid-swap."""
    with pytest.raises(duckdb.OutOfMemoryException):   # the cap really is too small
        _ingest_with_caps(tmp_path, monkeypatch, "8MB", 8)
    assert not (tmp_path / "h.duckdb").exists()          # that failure loaded nothing
    summary = _ingest_with_caps(tmp_path, monkeypatch, "8MB", 4096)
    assert summary.written and postmortem_count(tmp_path / "h.duckdb") > 100
