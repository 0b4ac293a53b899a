"""A database built by another version's SQL models (metrics/build.py): the report and
every page say so and how to rebuild it, instead of failing on a binder error; the
dashboard's button rebuilds it, and nothing loaded is lost."""
import duckdb
import pytest
from conftest import ROOT, postmortem_count, run_cli, run_page, write_postmortems

from loaders.store import models_fingerprint
from metrics import build
from metrics.db import Reader


@pytest.fixture
def old_db(tmp_path, monkeypatch):
    """A database whose views another version built: its models fingerprint differs."""
    db = tmp_path / "team.duckdb"
    src = write_postmortems(tmp_path / "pm", 4, month="2026-05")
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    con = duckdb.connect(str(db))
    con.execute("UPDATE settings SET value = 'another-version' WHERE key = 'models'")
    con.close()
    monkeypatch.delenv("HINDSIGHT_CONFIG", raising=False)
    monkeypatch.setenv("HINDSIGHT_DB", str(db))
    monkeypatch.chdir(ROOT)
    return db


def test_a_database_built_by_these_models_is_current(old_db):
    assert run_cli("ingest", "-q", "--db", old_db).returncode == 0
    reader = Reader(old_db)
    try:
        assert build.outdated(reader, models_fingerprint()) is None
    finally:
        reader.close()


def test_another_versions_database_is_named_with_the_command_that_rebuilds_it(old_db):
    reader = Reader(old_db)
    try:
        why = build.outdated(reader, models_fingerprint())
    finally:
        reader.close()
    assert why is not None and "another version" in why and f"hindsight ingest --db {old_db}" in why


def test_a_database_without_settings_is_outdated(tmp_path):
    db = tmp_path / "ancient.duckdb"
    duckdb.connect(str(db)).execute("CREATE TABLE postmortems (path VARCHAR)").close()
    reader = Reader(db)
    try:
        assert build.outdated(reader, models_fingerprint()) is not None
    finally:
        reader.close()


def test_the_report_refuses_it_with_the_command(old_db):
    r = run_cli("report", "--json", "--db", old_db)
    assert r.returncode == 2
    assert "another version" in r.stderr and "hindsight ingest --db" in r.stderr
    assert "Binder Error" not in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("page", ["app.py", "pages/1_Recurrence.py", "pages/8_Report.py", "pages/10_Data_quality.py"])
def test_a_page_says_so_instead_of_failing(old_db, page):
    at = run_page(page)
    assert not at.exception
    assert any("another version" in w.value for w in at.warning)
    assert any(b.label == "Rebuild the database now" for b in at.button)
    assert not at.metric   # no figure read through mismatched views


def test_the_button_rebuilds_it_and_keeps_every_incident(old_db):
    before = postmortem_count(old_db)
    at = run_page("app.py")
    next(b for b in at.button if b.label == "Rebuild the database now").click().run()
    assert not at.exception
    assert not any("another version" in w.value for w in at.warning)
    assert at.metric   # the overview's figures, read through the rebuilt views
    assert postmortem_count(old_db) == before == 4
