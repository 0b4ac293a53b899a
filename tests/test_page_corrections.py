"""Correcting a figure from the dashboard: the Incidents page's form writes the
corrections file and re-ingests, and the Detection page's figures change at once; the
Data quality page lists the correction."""
import pytest
from conftest import ROOT, house_doc, run_cli, run_page

INCIDENTS = str(ROOT / "pages" / "6_Incidents.py")
DETECTION = str(ROOT / "pages" / "4_Detection.py")
QUALITY = str(ROOT / "pages" / "10_Data_quality.py")


@pytest.fixture
def archive(tmp_path, monkeypatch):
    """Two postmortems, each detected 5 minutes after impact began (10:04 -> 10:09)."""
    docs = tmp_path / "pm"
    docs.mkdir()
    for n, day in ((1, "2026-02-03"), (2, "2026-02-10")):
        (docs / f"INC-{n}.md").write_text(house_doc(title=f"Cache stampede {n}", day=day), encoding="utf-8")
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\nmin_sample: 2\n"
                   f"sources:\n  postmortems: ['{docs}/*.md']\n")
    assert run_cli("ingest", "-q", "--config", str(cfg)).returncode == 0
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(cfg))
    return tmp_path


def correct_on_page(incident: str, field: str, value: str, **query):
    """The Incidents page of ``incident`` after its form saved ``field`` = ``value``."""
    at = run_page(INCIDENTS, incident=incident, **query)
    assert not at.exception, at.exception
    at.selectbox(key="correct-field").set_value(field)
    at.text_input(key="correct-value").input(value)
    next(b for b in at.button if b.label == "Save and re-ingest").click()
    at.run()
    assert not at.exception, at.exception
    assert any("re-ingested" in s.value for s in at.success)
    return at


def median_shown(**query) -> str:
    at = run_page(DETECTION, **query)
    assert not at.exception, at.exception
    return {m.label: m.value for m in at.metric}["Median time to detect"]


def test_correcting_a_timestamp_on_the_incidents_page_moves_the_detection_figures(archive):
    period = {"from": "2026-01-01", "to": "2026-03-31"}
    assert median_shown(**period) == "5 min"

    at = correct_on_page("INC-1", "detected_at", "2026-02-03T10:29:00Z", **period)
    rules = next(d.value for d in at.dataframe if "timestamp" in d.value.columns)
    assert rules.set_index("timestamp").loc["detected", "rule"] == "corrected"

    assert median_shown(**period) == "15 min"          # (5 + 25) / 2
    text = (archive / "corrections.yaml").read_text()
    assert "INC-1:" in text and "detected_at: '2026-02-03T10:29:00Z'" in text


def test_a_bad_value_is_refused_with_the_reason_and_nothing_is_written(archive):
    at = run_page(INCIDENTS, incident="INC-1", **{"from": "2026-01-01", "to": "2026-03-31"})
    at.selectbox(key="correct-field").set_value("severity")
    at.text_input(key="correct-value").input("whenever")
    next(b for b in at.button if b.label == "Save and re-ingest").click()
    at.run()
    assert not at.exception
    assert any("severity must name a level" in e.value for e in at.error)
    assert not (archive / "corrections.yaml").exists()


def test_the_data_quality_page_lists_corrections_and_whether_they_apply(archive):
    (archive / "corrections.yaml").write_text("INC-2:\n  near_miss: true\nINC-404:\n  date: 2026-01-01\n")
    assert run_cli("ingest", "-q", "--config", str(archive / "hindsight.yaml")).returncode == 0
    at = run_page(QUALITY)
    assert not at.exception, at.exception
    fixes = next(d.value for d in at.dataframe if "applied" in d.value.columns)
    assert dict(zip(fixes["doc_id"], fixes["applied"])) == {"INC-2": True, "INC-404": False}


def test_a_dashboard_given_only_the_database_corrects_with_the_config_it_was_loaded_with(tmp_path, monkeypatch):
    """Started with --db alone ($HINDSIGHT_DB here), the dashboard works with the config the
    database remembers: its correction lands beside that config, and the corrections
    already there survive its re-ingest (it used the demo config, wrote another file, and
    the re-ingest dropped them)."""
    docs = tmp_path / "team" / "pm"
    docs.mkdir(parents=True)
    for n, day in ((1, "2026-02-03"), (2, "2026-02-10")):
        (docs / f"INC-{n}.md").write_text(house_doc(title=f"Cache stampede {n}", day=day), encoding="utf-8")
    cfg = tmp_path / "team" / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\nmin_sample: 2\nsources:\n  postmortems: ['pm/*.md']\n")
    assert run_cli("ingest", "-q", "--config", str(cfg)).returncode == 0
    assert run_cli("correct", "--config", str(cfg), "INC-2", "title", "Cache stampede, again").returncode == 0
    monkeypatch.delenv("HINDSIGHT_CONFIG", raising=False)
    monkeypatch.setenv("HINDSIGHT_DB", str(tmp_path / "h.duckdb"))

    correct_on_page("INC-1", "detected_at", "2026-02-03T10:29:00Z", **{"from": "2026-01-01", "to": "2026-03-31"})
    text = (cfg.parent / "corrections.yaml").read_text()
    assert "INC-1:" in text and "INC-2:" in text and not (tmp_path / "corrections.yaml").exists()
    import duckdb
    with duckdb.connect(str(tmp_path / "h.duckdb"), read_only=True) as con:
        assert con.execute("SELECT title FROM mart_incidents WHERE incident_id = 'INC-2'").fetchone()[0] \
            == "Cache stampede, again"
