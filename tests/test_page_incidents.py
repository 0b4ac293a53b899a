"""The Incidents page (pages/6_Incidents.py) and metrics/incidents.py: the list on the demo
data and on an empty database, search, an incident opened by its URL, and a postmortem
carrying HTML and markdown shown literally."""
from datetime import date

import duckdb
import pandas as pd
import pytest
from conftest import run_page, ROOT, house_doc, run_cli

from metrics import incidents
from metrics.db import Reader
from metrics.filters import Filters

PAGE = str(ROOT / "pages" / "6_Incidents.py")


def run(**query):
    return run_page(PAGE, **query)


def query(db, sql, params=()):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def shown_text(at) -> str:
    """Everything the page rendered as markdown (titles, captions, alerts, markdown)."""
    parts = [e.value for kind in ("markdown", "caption", "title", "subheader", "info", "warning", "error")
             for e in at.get(kind)]
    return "\n".join(str(p) for p in parts)


# --------------------------------------------------------------------------------------
# The demo data


def test_page_runs_on_demo_data_newest_first(demo):
    at = run()
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert len(table) > 0
    assert list(table["date"]) == sorted(table["date"], reverse=True)
    assert not at.code  # nothing selected yet


def test_each_postmortem_shows_its_quality_score(demo):
    at = run(**{"from": "2024-01-01", "to": "2026-10-31"})
    table = at.dataframe[0].value
    stored = dict(query(demo / "h.duckdb", "SELECT incident_id, quality_score FROM mart_incidents"))
    assert table["quality"].between(0, 100).all()
    assert dict(zip(table["id"], table["quality"])) == {i: stored[i] for i in table["id"]}
    assert table["quality"].min() < 100  # the demo's planted blame and missing tickets cost points


def test_page_runs_on_an_empty_database(empty):
    at = run()
    assert not at.exception, at.exception
    assert "hindsight ingest" in at.info[0].value


def test_table_is_the_filtered_incidents(demo):
    at = run(**{"from": "2026-01-01", "to": "2026-03-31", "team": "payments"})
    assert not at.exception, at.exception
    (n,) = query(demo / "h.duckdb", "SELECT count(*) FROM mart_incidents WHERE team = 'payments' "
                                    "AND incident_date BETWEEN '2026-01-01' AND '2026-03-31'")[0]
    table = at.dataframe[0].value
    assert len(table) == n > 0
    assert set(table["team"]) == {"payments"}


def test_search_matches_every_word_in_any_field(demo):
    db = demo / "h.duckdb"
    at = run()
    at.text_input(key="q").set_value("ledger deploy").run()
    assert not at.exception
    table = at.dataframe[0].value
    assert len(table) > 0
    for _, r in table.iterrows():
        hay = " ".join(str(r[c]) for c in ("title", "id", "class", "team", "services")).lower()
        summary = query(db, "SELECT summary FROM mart_incidents WHERE file_path = ?", [r["file_path"]])[0][0] or ""
        hay += " " + summary.lower()
        assert "ledger" in hay and "deploy" in hay


def test_search_by_service_from_the_url(demo):
    db = demo / "h.duckdb"
    service = query(db, "SELECT unnest(services) s FROM mart_incidents GROUP BY s ORDER BY count(*) LIMIT 1")[0][0]
    first, last = query(db, "SELECT min(incident_date), max(incident_date) FROM mart_incidents")[0]
    at = run(q=service, **{"from": first, "to": last})
    assert not at.exception, at.exception
    ids = set(at.dataframe[0].value["id"])
    expected = {r[0] for r in query(db, "SELECT incident_id FROM mart_incidents WHERE list_contains(services, ?) "
                                        "OR contains(lower(concat_ws(' ', title, summary, incident_class, team)), ?)",
                                    [service, service.lower()])}
    assert ids == expected and ids


def test_search_that_matches_nothing_says_so(demo):
    at = run(q="zzqx-no-such-thing")
    assert not at.exception
    assert "No incident matches the search" in at.info[0].value
    assert not at.dataframe


def test_incident_opens_from_the_url(demo):
    db = demo / "h.duckdb"
    # an old incident, outside the default period: a link opens it whatever the filters say
    incident_id, path, title = query(db, "SELECT incident_id, file_path, title FROM mart_incidents m "
                                         "WHERE NOT is_near_miss AND (SELECT count(*) FROM mart_action_items a "
                                         "WHERE a.file_path = m.file_path) > 0 ORDER BY incident_date LIMIT 1")[0]
    at = run(incident=incident_id)
    assert not at.exception, at.exception
    assert at.code[0].value.rstrip() == open(path, encoding="utf-8").read().rstrip()  # the whole document
    assert at.text[0].value == title
    frames = [d.value for d in at.dataframe]
    meta = next(f for f in frames if list(f.columns) == ["field", "value", "rule"])
    assert dict(zip(meta["field"], meta["value"]))["id"] == incident_id
    (label,) = query(db, "SELECT severity_label FROM mart_incidents WHERE file_path = ?", [path])[0]
    assert label in dict(zip(meta["field"], meta["value"]))["severity"].replace("-", "")   # the level it counts as
    times = next(f for f in frames if "timestamp" in f.columns)
    assert times["timestamp"].tolist() == ["start of impact", "detected", "mitigated", "resolved"]
    sources = query(db, "SELECT started_source, detected_source, mitigated_source, resolved_source "
                        "FROM mart_incidents WHERE file_path = ?", [path])[0]
    assert [s if s else "missing" for s in sources] == times["rule"].tolist()
    actions = next(f for f in frames if "action" in f.columns)
    expected = query(db, "SELECT action, status, status_source, ticket_status FROM mart_action_items "
                         "WHERE file_path = ? ORDER BY item_seq", [path])
    assert actions["action"].tolist() == [r[0] for r in expected]
    assert actions["status"].tolist() == [r[1] for r in expected]
    assert actions["status_source"].tolist() == [r[2] for r in expected]
    assert [None if v != v else v for v in actions["tracker_status"]] == [r[3] for r in expected]
    timeline = next(f for f in frames if "event" in f.columns)
    (n_entries,) = query(db, "SELECT count(*) FROM stg_timeline WHERE file_path = ?", [path])[0]
    assert len(timeline) == n_entries > 0


def test_github_tickets_link_to_their_issue(demo):
    db = demo / "h.duckdb"
    row = query(db, "SELECT incident_id, file_path FROM mart_action_items WHERE ticket_url LIKE 'https://github.com/%' "
                    "ORDER BY incident_date LIMIT 1")
    incident_id, path = row[0]
    at = run(incident=incident_id)
    actions = next(d.value for d in at.dataframe if "action" in d.value.columns)
    urls = [r[0] for r in query(db, "SELECT ticket_url FROM mart_action_items WHERE file_path = ? ORDER BY item_seq",
                                [path])]
    assert [u for u in actions["ticket"] if isinstance(u, str)] == [u for u in urls if u]


def test_unknown_incident_in_the_url_is_said_plainly(demo):
    evil = "[click me](https://evil.example) <script>x</script>"
    at = run(incident=evil)
    assert not at.exception, at.exception
    assert "No loaded postmortem has the incident id" in at.warning[0].value
    assert at.code[0].value == evil  # the id, as text
    assert "evil.example" not in shown_text(at)


# --------------------------------------------------------------------------------------
# A hostile postmortem


HOSTILE = ("<script>alert('owned')</script>\n\n**bold claim** and [a link](https://evil.example) "
           "<img src=x onerror=alert(1)>")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("incidents-hostile")
    src = tmp / "pm"
    src.mkdir()
    doc = house_doc(title="Cache <b>stampede</b> [x](https://evil.example)", day="2026-02-03",
                    actions=(("Add a canary stage", "@ann", "Feb 20", "acme/web#12"),
                             ("Do not link this", "@bob", "Feb 21", "javascript:alert(1)"),
                             ("Jira-only item", "@cy", "Feb 22", "OPS-7")))
    doc = doc.replace("Something broke and then it was fixed.", HOSTILE)
    (src / "2026-02-03-hostile.md").write_text(doc, encoding="utf-8")
    (src / "2026-02-05-other.md").write_text(house_doc(title="Queue backlog on billing", day="2026-02-05"),
                                             encoding="utf-8")
    db = tmp / "h.duckdb"
    out = run_cli("ingest", "-q", "--db", db, src)
    assert out.returncode == 0, out.stderr
    (tmp / "hindsight.yaml").write_text(f"database: {db}\n", encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(ROOT))
        mp.setenv("HINDSIGHT_CONFIG", str(tmp / "hindsight.yaml"))
        yield db


def test_hostile_body_is_shown_literally(hostile):
    at = run(incident="2026-02-03-hostile")
    assert not at.exception, at.exception
    body = at.code[0].value
    assert "<script>alert('owned')</script>" in body
    assert "**bold claim** and [a link](https://evil.example)" in body
    assert "<img src=x onerror=alert(1)>" in body
    assert at.code[0].proto.wrap_lines
    rendered = shown_text(at)
    assert "<script>" not in rendered and "evil.example" not in rendered and "bold claim" not in rendered
    assert not at.get("html")


def test_hostile_action_items_link_only_to_http(hostile):
    reader = Reader(hostile)
    try:
        (path,) = incidents.find(reader, "2026-02-03-hostile")
        d = incidents.detail(reader, path)
    finally:
        reader.close()
    links = dict(zip(d.actions["action"], d.actions["ticket_url"]))
    assert links["Add a canary stage"] == "https://github.com/acme/web/issues/12"
    assert pd.isna(links["Do not link this"])
    # a Jira key links through the config's jira_base_url (the demo's, as no config is named)
    assert links["Jira-only item"] == "https://jira.acme.example/browse/OPS-7"
    assert d.body.startswith("# Postmortem: Cache <b>stampede</b>")


def test_search_function(hostile):
    reader = Reader(hostile)
    f = Filters(date(2026, 1, 1), date(2026, 12, 31))
    try:
        assert incidents.search(reader, f, "")["id"].tolist() == ["2026-02-05-other", "2026-02-03-hostile"]
        assert incidents.search(reader, f, "QUEUE billing")["id"].tolist() == ["2026-02-05-other"]
        assert incidents.search(reader, f, "hostile")["id"].tolist() == ["2026-02-03-hostile"]  # by id
        assert incidents.search(reader, f, "unassigned")["id"].tolist() == ["2026-02-05-other",
                                                                              "2026-02-03-hostile"]  # team
        assert incidents.search(reader, f, "queue hostile").empty  # every word must match
        assert incidents.search(reader, f, "%").empty  # no wildcards
        assert incidents.search(reader, Filters(date(2026, 2, 4), date(2026, 12, 31)), "")["id"].tolist() == [
            "2026-02-05-other"]
        assert incidents.find(reader, "nope") == []
        assert incidents.detail(reader, "/no/such/file.md") is None
    finally:
        reader.close()


def test_the_listing_reads_its_first_rows_and_counts_the_rest(hostile):
    # a year at 100,000 holds 50,000 incidents: the page reads the rows it shows and the
    # count, not every row (the CSV download reads them all)
    reader = Reader(hostile)
    f = Filters(date(2026, 1, 1), date(2026, 12, 31))
    try:
        first, total = incidents.found(reader, f, "", limit=1)
        assert total == 2 and first["id"].tolist() == ["2026-02-05-other"]
        assert "listed" not in first.columns
        every, total = incidents.found(reader, f, "")
        assert total == 2 and every["id"].tolist() == incidents.search(reader, f, "")["id"].tolist()
        none, total = incidents.found(reader, f, "no-such-words", limit=1)
        assert none.empty and total == 0
    finally:
        reader.close()


def test_terms():
    assert incidents.terms("  Ledger   DEPLOY ") == ["ledger", "deploy"]
    assert incidents.terms(None) == []


def test_charts_none(demo):
    """The page draws no chart: the charts test in test_app has nothing to check here."""
    assert not run().get("plotly_chart")


@pytest.mark.parametrize("written, shown", [("High", "High (counted as SEV2)"), ("SEV-1", "SEV-1"),
                                            (None, "not stated (counted as no severity)")])
def test_the_severity_shows_the_level_it_counts_as(written, shown):
    """A word such as "High" is counted as a level the filters and deadlines use; the page
    said only "High", and nothing at all when the document named none."""
    from metrics.incidents import _severity
    from loaders import severity

    assert _severity(written, severity.label(severity.level(written) if written else None)) == shown
