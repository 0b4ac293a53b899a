"""Joins: action items to tracker tickets, incident-export rows to postmortems."""
import json

import duckdb
import pytest
from conftest import house_doc

from loaders.config import Config
from demo import generate, build
from loaders.ingest import ingest

JIRA = """Summary,Issue key,Issue id,Issue Type,Status,Resolution,Assignee,Created,Resolved,Status Category
Add a canary stage,OPS-1,1,Task,Done,Done,Priya Raman,03/Feb/26 9:00 AM,10/Feb/26 4:30 PM,Done
Alert on queue age,OPS-2,2,Task,In Progress,,Tomas Berg,03/Feb/26 9:05 AM,,In Progress
Rewrite the consumer,OPS-3,3,Task,Won't Do,Won't Do,,03/Feb/26 9:06 AM,05/Feb/26 9:00 AM,Done
"""
GITHUB = json.dumps([
    {"url": "https://api.github.com/repos/acme/web/issues/7", "html_url": "https://github.com/acme/web/issues/7",
     "number": 7, "title": "Smoke test", "state": "closed", "state_reason": "completed", "labels": [],
     "assignee": {"login": "ana"}, "created_at": "2026-02-03T10:00:00Z", "closed_at": "2026-02-08T10:00:00Z"},
    {"url": "https://api.github.com/repos/acme/web/issues/8", "html_url": "https://github.com/acme/web/issues/8",
     "number": 8, "title": "Drop IE", "state": "closed", "state_reason": "not_planned", "labels": [],
     "assignee": None, "created_at": "2026-02-03T10:00:00Z", "closed_at": "2026-02-04T10:00:00Z"},
])
LINEAR = """ID,Title,Status,Assignee,Labels,Created,Completed,Canceled,Due Date
ENG-12,Rate limit,Todo,,,2026-02-03T10:00:00.000Z,,,
"""


def pagerduty(*incidents):
    return json.dumps({"incidents": [
        {"id": pid, "incident_number": n, "title": title, "status": "resolved", "urgency": "high",
         "service": {"summary": service}, "created_at": created, "resolved_at": resolved,
         "last_status_change_at": resolved}
        for pid, n, title, service, created, resolved in incidents], "limit": 25, "offset": 0, "more": False})


def load(tmp_path, docs: dict[str, str], **cfg) -> duckdb.DuckDBPyConnection:
    src = tmp_path / "src"
    src.mkdir(exist_ok=True)
    for name, text in docs.items():
        (src / name).write_text(text, encoding="utf-8")
    db = tmp_path / "h.duckdb"
    ingest(Config(**cfg), [str(src)], db)
    return duckdb.connect(str(db), read_only=True)


def items(con) -> dict[str, tuple]:
    return {r[0]: r[1:] for r in con.execute(
        "SELECT ticket, status, status_source, owner, owner_source, ticket_matched, done_on "
        "FROM mart_action_items").fetchall()}


ACTIONS = (("Canary", "@ann", "Feb 20", "OPS-1"), ("Queue age", "@ann", "Feb 20", "https://jira.example.com/browse/OPS-2"),
           ("Rewrite", "", "Feb 20", "OPS-3"), ("Smoke", "@ann", "Feb 20", "https://github.com/acme/web/issues/7"),
           ("IE", "@ann", "Feb 20", "#8"), ("Rate", "@ann", "Feb 20", "https://linear.app/acme/issue/ENG-12/rate-limit"),
           ("Typo", "@ann", "Feb 20", "OPS-99"))


@pytest.fixture
def tracked(tmp_path):
    return items(load(tmp_path, {"pm.md": house_doc(actions=ACTIONS), "jira.csv": JIRA, "gh.json": GITHUB,
                                 "linear.csv": LINEAR}, default_repo="acme/web"))


def test_by_key_tracker_status_and_assignee_win(tracked):
    status, status_source, owner, owner_source, matched, done_on = tracked["OPS-1"]
    assert (status, status_source, owner, owner_source, matched) == ("done", "tracker", "Priya Raman", "tracker", True)
    assert str(done_on) == "2026-02-10"


def test_by_jira_browse_url(tracked):
    assert tracked["OPS-2"][:2] == ("open", "tracker")


def test_wont_do_from_the_tracker(tracked):
    assert tracked["OPS-3"][0] == "wont_do"


def test_by_github_issue_url(tracked):
    assert tracked["acme/web#7"][:3] == ("done", "tracker", "ana")


def test_bare_number_uses_the_default_repo(tracked):
    assert tracked["#8"][0] == "wont_do"  # state_reason not_planned


def test_by_linear_url(tracked):
    assert tracked["ENG-12"][:2] == ("open", "tracker")


def test_ticket_in_no_export_keeps_the_document_and_is_listed(tmp_path):
    con = load(tmp_path, {"pm.md": house_doc(actions=ACTIONS), "jira.csv": JIRA})
    assert items(con)["OPS-99"][:2] == ("open", "document")
    listed = [r[0] for r in con.execute("SELECT ticket FROM mart_unmatched_tickets").fetchall()]
    assert "OPS-99" in listed and "OPS-1" not in listed


def test_bare_number_without_default_repo_stays_unmatched(tmp_path):
    con = load(tmp_path, {"pm.md": house_doc(actions=(("IE", "@a", "Feb 20", "#8"),)), "gh.json": GITHUB})
    assert items(con)["#8"][4] is False


PM_FRONT = """---
title: Checkout errors
date: 2026-02-03
pagerduty: PABC123
---
# Checkout errors
## Summary
Errors.
## Timeline (UTC)
| Time | Event |
|---|---|
| 10:00 | Errors start |
"""


def test_export_row_by_reference_fills_missing_times(tmp_path):
    con = load(tmp_path, {"pm.md": PM_FRONT, "pd.json": pagerduty(
        ("PABC123", 42, "checkout 5xx", "checkout", "2026-02-03T10:06:00Z", "2026-02-03T11:00:00Z"))})
    row = con.execute("SELECT export_matched_by, export_incident_id, started_at, started_source, detected_at, "
                      "detected_source, resolved_at, resolved_source FROM mart_incidents").fetchall()[0]
    assert row[:2] == ("reference", "PABC123")
    assert (str(row[2]), row[3]) == ("2026-02-03 10:00:00", "timeline_impact")       # the document's, kept
    assert (str(row[4]), row[5]) == ("2026-02-03 10:06:00", "incident_export:pagerduty")  # filled
    assert (str(row[6]), row[7]) == ("2026-02-03 11:00:00", "incident_export:pagerduty")


def test_export_never_overwrites_a_stated_time(tmp_path):
    doc = house_doc(day="2026-02-03")  # detection at 10:09 in its timeline
    con = load(tmp_path, {"pm.md": doc.replace("**Owner:** @ann", "**Owner:** @ann | **Incident ID:** P777"),
                          "pd.json": pagerduty(("P777", 7, "x", "x", "2026-02-03T10:30:00Z", "2026-02-03T12:00:00Z"))})
    detected, source = con.execute("SELECT detected_at, detected_source FROM mart_incidents").fetchall()[0]
    assert (str(detected), source) == ("2026-02-03 10:09:00", "timeline_detection")


def test_export_row_by_time_and_service(tmp_path):
    doc = house_doc(day="2026-02-03").replace("- Duration:", "- Services: checkout\n- Duration:")
    con = load(tmp_path, {"pm.md": doc, "pd.json": pagerduty(
        ("PXYZ", 9, "checkout latency", "checkout", "2026-02-03T10:10:00Z", "2026-02-03T11:00:00Z"),
        ("PFAR", 10, "other", "search", "2026-02-05T10:10:00Z", "2026-02-05T11:00:00Z"))})
    assert con.execute("SELECT export_matched_by, export_incident_id FROM mart_incidents").fetchall() == [("time", "PXYZ")]


def test_unmatched_export_rows_count_as_incidents_without_postmortem(tmp_path):
    con = load(tmp_path, {"pm.md": PM_FRONT, "pd.json": pagerduty(
        ("PABC123", 42, "checkout 5xx", "checkout", "2026-02-03T10:06:00Z", "2026-02-03T11:00:00Z"),
        ("PNONE", 43, "disk full", "batch", "2026-03-01T02:00:00Z", "2026-03-01T03:00:00Z"))})
    rows = con.execute("SELECT incident_id, has_postmortem FROM mart_incident_coverage ORDER BY 1").fetchall()
    assert rows == [("PNONE", False), ("pm", True)]


def test_demo_matches_every_paged_incident_to_its_postmortem(tmp_path):
    out = tmp_path / "demo"
    generate(out, incidents=150, seed=4)
    truth = {inc.path: (inc.pd or {}).get("id") for inc in build(150, seed=4).incidents if not inc.near_miss}
    from loaders.config import load_config

    cfg = load_config(str(out / "hindsight.yaml"))
    db = tmp_path / "d.duckdb"
    ingest(cfg, db=db)
    con = duckdb.connect(str(db), read_only=True)
    got = {path[len(str(out)) + 1:]: ref for path, ref in
           con.execute("SELECT file_path, export_incident_id FROM mart_incidents WHERE NOT is_near_miss").fetchall()}
    wrong = {p: (got.get(p), want) for p, want in truth.items() if got.get(p) != want}
    assert not wrong, list(wrong.items())[:5]
