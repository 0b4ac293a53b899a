"""The dashboard in Streamlit's AppTest: every page on the demo data and on an empty
database."""
import pytest
from conftest import ROOT, default_period_of, demo_config, report_json, run_page

PAGES = ["app.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
run = run_page


def test_first_start_loads_the_demo_data(tmp_path, monkeypatch):
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(demo_config(tmp_path)))
    at = run("app.py")
    assert not at.exception
    assert (tmp_path / "h.duckdb").exists()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_demo_data(demo, page):
    at = run(page)
    assert not at.exception, at.exception


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_database(empty, page):
    at = run(page)
    assert not at.exception, at.exception


def test_empty_state_says_how_to_load(empty):
    at = run("app.py")
    assert "hindsight ingest" in at.info[0].value






def test_overview_matches_report_json(demo):
    at = run("app.py")
    start, end = default_period_of(demo / "h.duckdb")
    report = report_json(demo / "h.duckdb", start, end)
    shown = {m.label: m.value for m in at.metric}
    assert shown["Incidents"] == str(report["incidents"]["total"])
    share = report["incidents"]["near_misses"] / (report["incidents"]["total"] + report["incidents"]["near_misses"])
    assert shown["Near misses"] == f"{report['incidents']['near_misses']} ({share:.0%})"
    assert shown["Done within 90 days"] == f"{report['actions']['done_within_90_days']['rate']:.0%}"
    assert shown["Closed on time"] == f"{report['actions']['on_time_rate']:.0%}"
    assert shown["Median time to detect"] == f"{report['time_to_detect']['median_min']:.0f} min"


@pytest.mark.parametrize("page", PAGES)
def test_charts_state_n_and_period(demo, page):
    import json

    at = run(page)
    for el in at.get("plotly_chart"):
        title = json.loads(el.proto.spec)["layout"]["title"]["text"]
        assert ("n=" in title or "not enough" in title) and " to " in title, title


def test_data_quality_lists_problems(demo):
    at = run("pages/10_Data_quality.py")
    assert not at.exception
    assert any("Last ingest" in c.value for c in at.caption)


def test_new_load_shows_without_a_restart(empty, tmp_path):
    """A second process ingests while this one holds the database open read-only."""
    from conftest import house_doc, run_cli

    src = tmp_path / "pm"
    src.mkdir()
    (src / "a.md").write_text(house_doc(day="2026-02-03"), encoding="utf-8")
    db = tmp_path / "h.duckdb"
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    first = run("app.py")
    assert {m.label: m.value for m in first.metric}["Incidents"] == "1"
    (src / "b.md").write_text(house_doc(title="Second", day="2026-02-05"), encoding="utf-8")
    assert run_cli("ingest", "-q", "--db", db, src).returncode == 0
    second = run("app.py")
    assert {m.label: m.value for m in second.metric}["Incidents"] == "2"


def test_reingest_button_loads_new_files_while_the_page_holds_the_database(empty, tmp_path):
    from conftest import house_doc, run_cli

    src = tmp_path / "pm"
    src.mkdir()
    (src / "a.md").write_text(house_doc(day="2026-02-03"), encoding="utf-8")
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(cfg.read_text() + f"sources:\n  postmortems: ['{src}/*.md']\n")
    assert run_cli("ingest", "-q", "--config", cfg).returncode == 0
    at = run("pages/10_Data_quality.py")
    (src / "b.md").write_text(house_doc(title="Second", day="2026-02-05"), encoding="utf-8")
    at.button[0].click().run()
    assert not at.exception, at.exception
    assert any("1 parsed, 1 unchanged" in s.value for s in at.success)
    assert {m.label: m.value for m in run("app.py").metric}["Incidents"] == "2"
