"""The Data quality page: re-ingest re-reads the database's own sources (never the demo's),
asks before removing anything, shows failures as messages; undated postmortems listed."""
import pytest
from conftest import postmortem_count, write_postmortems, ROOT, run_cli, run_page

PAGE = "pages/10_Data_quality.py"


def postmortems(folder, n=3, start=1):
    return write_postmortems(folder, n, start, month="2026-05")


incidents = postmortem_count


@pytest.fixture
def team_db(tmp_path, monkeypatch):
    """A database built from a command-line path; the dashboard has no hindsight.yaml, so
    its config is the bundled demo one."""
    db = tmp_path / "team.duckdb"
    src = postmortems(tmp_path / "pm", 4)
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    monkeypatch.delenv("HINDSIGHT_CONFIG", raising=False)
    monkeypatch.setenv("HINDSIGHT_DB", str(db))
    monkeypatch.chdir(ROOT)
    return db, src


def button(at, label):
    return next(b for b in at.button if b.label == label)


def texts(at) -> str:
    return " ".join(e.value for kind in ("success", "warning", "error", "info", "caption", "markdown")
                    for e in getattr(at, kind))


def test_the_button_names_what_it_will_read(team_db):
    db, src = team_db
    at = run_page(PAGE)
    assert not at.exception
    assert f"Re-ingest reads: {src}" in texts(at).replace("\\", "")
    assert "data/sample" not in texts(at).split("Re-ingest reads:")[1].split("Database:")[0]


def test_reingest_rereads_the_command_line_paths_not_the_demo(team_db):
    db, src = team_db
    postmortems(src, 1, start=9)
    at = run_page(PAGE)
    button(at, "Re-ingest now").click().run()
    assert not at.exception
    assert "1 parsed" in at.success[0].value and "0 removed" in at.success[0].value
    assert incidents(db) == 5            # not the 200 demo incidents, and none lost


def test_reingest_asks_before_removing_records(team_db):
    db, src = team_db
    for f in sorted(src.iterdir())[:3]:
        f.unlink()
    at = run_page(PAGE)
    button(at, "Re-ingest now").click().run()
    assert "would remove the records of 3 files" in at.warning[0].value
    assert incidents(db) == 4            # asked, not done
    button(at, "Remove them and re-ingest").click().run()
    assert not at.exception and "3 removed" in at.success[0].value
    assert incidents(db) == 1


def test_cancel_keeps_everything(team_db):
    db, src = team_db
    for f in sorted(src.iterdir())[:3]:
        f.unlink()
    at = run_page(PAGE)
    button(at, "Re-ingest now").click().run()
    button(at, "Cancel").click().run()
    assert not at.warning and incidents(db) == 4


def test_a_config_without_sources_is_a_message(tmp_path, monkeypatch):
    (tmp_path / "hindsight.yaml").write_text(f"database: {tmp_path / 'h.duckdb'}\n")
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(tmp_path / "hindsight.yaml"))
    monkeypatch.delenv("HINDSIGHT_DB", raising=False)
    at = run_page(PAGE)
    assert not at.exception
    assert "remembers no sources" in at.info[0].value


def test_a_held_lock_is_a_message_not_a_traceback(team_db):
    from loaders import store

    db, src = team_db
    postmortems(src, 1, start=9)
    at = run_page(PAGE)
    with store.lock(db):
        button(at, "Re-ingest now").click().run()
    assert not at.exception
    assert "another ingest is writing" in at.error[0].value


def test_undated_postmortems_are_listed(team_db):
    db, src = team_db
    (src / "no-date.md").write_text("# Checkout errors\n\n## Summary\nCheckout failed for a while.\n\n"
                                    "## Action items\n- [ ] Add a canary (@ann)\n")
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    at = run_page(PAGE)
    assert any("Not on any chart: no date (1)" in h.value for h in at.subheader)
    frames = [d.value for d in at.dataframe]
    assert any("file" in f.columns and f["file"].str.endswith("no-date.md").any() for f in frames)


def test_a_closed_status_issues_last_update_is_listed_for_review(team_db):
    # "resolved: true" and no update saying resolved: its last update is taken as the
    # resolution (rule status_closed), a guess a reviewer should confirm
    db, src = team_db
    (src / "status-issue.md").write_text(
        "---\ntitle: Wiki offline\ndate: '2026-05-03T07:00:00.000Z'\nresolved: true\n---\n"
        "The wiki is offline.\n\n::: update Wiki back | 2026-05-03T09:30:00.000Z\nThe wiki is back.\n:::\n\n"
        "::: update Search back | 2026-05-04T16:45:00.000Z\nSearch works again.\n:::\n")
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    at = run_page(PAGE)
    frames = [d.value for d in at.dataframe]
    assert any("rule" in f.columns and (f["rule"] == "status_closed").any() for f in frames)


def test_every_page_names_its_database(team_db):
    db, _ = team_db
    at = run_page("app.py")
    assert not at.exception
    assert any(str(db) in c.value.replace("\\", "") and "$HINDSIGHT_DB" in c.value.replace("\\", "")
               for c in at.sidebar.caption)


def test_the_empty_state_names_the_database_and_the_command_for_it(tmp_path, monkeypatch):
    db = tmp_path / "nothing.duckdb"
    monkeypatch.setenv("HINDSIGHT_DB", str(db))
    monkeypatch.delenv("HINDSIGHT_CONFIG", raising=False)
    (tmp_path / "hindsight.yaml").write_text("timezone: UTC\n")   # no sources: no first-start load
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(tmp_path / "hindsight.yaml"))
    at = run_page("app.py")
    info = at.info[0].value.replace("\\", "")
    assert f"No postmortems loaded yet in {db}" in info
    assert f"hindsight ingest --db {db} " in info


def test_streamlit_run_takes_db_after_a_double_dash(team_db, monkeypatch):
    import sys

    db, _ = team_db
    monkeypatch.delenv("HINDSIGHT_DB")
    monkeypatch.setattr(sys, "argv", ["app.py", "--db", str(db)])
    at = run_page("app.py")
    assert any("(--db)" in c.value for c in at.sidebar.caption)
    assert at.metric[0].value == "4"


def test_only_undated_postmortems_say_so(tmp_path, monkeypatch):
    src = tmp_path / "pm"
    src.mkdir()
    (src / "a.md").write_text("# Checkout errors\n\n## Summary\nCheckout failed.\n\n## Action items\n- [ ] Fix it\n")
    db = tmp_path / "h.duckdb"
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    monkeypatch.setenv("HINDSIGHT_DB", str(db))
    monkeypatch.delenv("HINDSIGHT_CONFIG", raising=False)
    at = run_page("app.py")
    assert "1 postmortems are loaded" in at.warning[0].value and "none has a date" in at.warning[0].value


def test_a_resolution_before_the_mitigation_runs_backwards_and_times_nothing(tmp_path, monkeypatch):
    """One of the two is wrong and which is not known: both durations wait for a
    correction, and the page lists the incident (its TTM of months had counted, unlisted)."""
    import duckdb

    src = tmp_path / "pm"
    src.mkdir()
    (src / "INC-9.md").write_text(
        "---\ntitle: Token rotation broke deploys\ndate: 2026-05-03\nstarted: 2026-05-03T10:00:00Z\n"
        "mitigated: 2026-06-03T12:00:00Z\nresolved: 2026-05-03T11:00:00Z\n---\n\n## Summary\n\nDeploys failed.\n",
        encoding="utf-8")
    db = tmp_path / "h.duckdb"
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT ttm_minutes, ttr_minutes, has_negative_duration FROM mart_incidents").fetchone() \
            == (None, None, True)
    monkeypatch.delenv("HINDSIGHT_CONFIG", raising=False)
    monkeypatch.setenv("HINDSIGHT_DB", str(db))
    at = run_page(PAGE, **{"from": "2026-01-01", "to": "2026-12-31"})
    assert not at.exception, at.exception
    listed = next(d.value for d in at.dataframe if "mitigated_at" in d.value.columns and "resolved_at" in d.value.columns)
    assert list(listed["incident_id"]) == ["INC-9"]
