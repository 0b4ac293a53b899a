"""hindsight report --json, checked against figures computed by hand.

Every expected value below was worked out on paper from the corpus in this file, with
the arithmetic in a comment beside it; the definitions are those of
docs/REPORT_CONTRACT.md (A = as-of).

The main corpus (module fixture ``main_db``) is ingested once and reported on several
periods. Config: sla_days {1: 10, 2: 20, default: 40} (deliberately not the project
defaults 14/30/60, so a report that ignores the config is caught), recurrence window 90.
Every incident starts at 10:00Z on its date; detected_at / resolved_at are the start plus
the minutes listed as ``ttd`` / ``ttr`` (None: the key is left out of the front matter).
"""
from __future__ import annotations

import json
from datetime import datetime, timedelta

import duckdb
import pytest
from conftest import run_cli

# ---------------------------------------------------------------------------------------
# corpus builders
# ---------------------------------------------------------------------------------------

JIRA_HEADER = "Summary,Issue key,Issue id,Issue Type,Status,Resolution,Assignee,Created,Resolved,Status Category"


def _stamp(day: str, minutes: int) -> str:
    start = datetime.fromisoformat(day + "T10:00:00")
    return (start + timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")


def postmortem(title, day, severity="SEV-2", cls=None, near_miss=False, ttd=None, ttr=None,
               actions=(), service="api", team=None) -> str:
    """A postmortem with YAML front matter. actions: (ticket, text, owner, due, doc_status).
    Every one names the same service unless told (the default recurrence key is the class
    and a service)."""
    fm = [f"title: {title}", f"date: {day}", f"severity: {severity}", "status: Reviewed",
          f"near_miss: {'true' if near_miss else 'false'}", f"started_at: {_stamp(day, 0)}"]
    if service:
        fm.append(f"services: [{service}]")
    if team:
        fm.append(f"team: {team}")
    if cls:
        fm.append(f"class: {cls}")
    if ttd is not None:
        fm.append(f"detected_at: {_stamp(day, ttd)}")
    if ttr is not None:
        fm.append(f"resolved_at: {_stamp(day, ttr)}")
    rows = "\n".join(f"| {n} | {text} | {owner} | {due} | {ticket} | {status} |"
                     for n, (ticket, text, owner, due, status) in enumerate(actions, 1))
    items = ""
    if actions:
        items = ("\n## Action items\n| # | Action | Owner | Due | Ticket | Status |\n"
                 "|---|--------|-------|-----|--------|--------|\n" + rows + "\n")
    return ("---\n" + "\n".join(fm) + "\n---\n"
            f"# {title} ({day})\n\n## Summary\nA service misbehaved for a while.\n\n"
            "## Contributing factors\n1. A first reason.\n" + items)


def jira_csv(tickets) -> str:
    """tickets: (key, status, resolution, assignee, resolved, category)."""
    lines = [JIRA_HEADER]
    for n, (key, status, resolution, assignee, resolved, category) in enumerate(tickets, 1):
        lines.append(f"Item {key},{key},{10000 + n},Task,{status},{resolution},{assignee},"
                     f"01/Sep/25 9:00 AM,{resolved},{category}")
    return "\n".join(lines) + "\n"


def write_corpus(folder, docs: dict, tickets=(), sla=None, window=90, database=None, key=None):
    (folder / "pm").mkdir(parents=True, exist_ok=True)
    (folder / "exports").mkdir(parents=True, exist_ok=True)
    for name, text in docs.items():
        (folder / "pm" / f"{name}.md").write_text(text, encoding="utf-8")
    if tickets:
        (folder / "exports" / "jira.csv").write_text(jira_csv(tickets), encoding="utf-8")
    sla = sla or {1: 10, 2: 20, "default": 40}
    cfg = folder / "hindsight.yaml"
    cfg.write_text(
        (f"database: {database}\n" if database else "")
        + "sources:\n  postmortems: [\"pm/**/*.md\"]\n  trackers: [\"exports/jira*.csv\"]\n"
        + "sla_days:\n" + "".join(f"  {k}: {v}\n" for k, v in sla.items())
        + f"recurrence_window_days: {window}\n" + (f"recurrence_key: {key}\n" if key else ""), encoding="utf-8")
    return cfg


def ingest(cfg, db):
    out = run_cli("ingest", "-q", "--config", cfg, "--db", db)
    assert out.returncode == 0, out.stdout + out.stderr
    return db


def report(*args) -> dict:
    out = run_cli("report", "--json", *args)
    assert out.returncode == 0, f"exit {out.returncode}\nstdout: {out.stdout}\nstderr: {out.stderr}"
    return json.loads(out.stdout)


def by_class(rep) -> dict:
    return {r["class"]: r for r in rep["recurrence"]}


def close(a, b, tol=1e-6):
    return a is not None and abs(a - b) <= tol


# ---------------------------------------------------------------------------------------
# the main corpus
# ---------------------------------------------------------------------------------------
# Main period P = [2026-01-01, 2026-06-30], A = 2026-06-30.
#
# name  date        sev  class        ttd   ttr   action items (ticket: effective status)
# L0    2025-06-30  2    legacy       -     -     -                     (default-period edge)
# L1    2025-07-01  2    legacy       -     -     -                     (default-period edge)
# G0    2025-10-06  2    storage      -     -     -                     (91 days before G1)
# S0    2025-10-07  2    dns          3000  -     OPS-30 done 2025-10-20 (exactly 90 days before S1)
# N0    2025-12-01  2    network      2000  -     OPS-1 done 2025-12-10, OPS-2 wont_do
# S1    2026-01-05  2    dns          5     100   -
# G1    2026-01-05  2    storage      -     200   -
# D1    2026-01-10  2    deploy       15    -     OPS-10 open (doc says Done, Jira To Do)
# NM2   2026-01-20  2    network NM   500   5     OPS-61 open, due 03-01
# N1    2026-02-01  2    network      2     50    OPS-3 open (In Progress), due 06-30 (== A)
# D2    2026-02-10  2    deploy       30    400   OPS-11 done 02-15 (doc says Open), OPS-12 wont_do
# N2    2026-02-20  2    network      4     -     -
# D3    2026-03-01  2    deploy       -     90    -
# NM1   2026-03-20  4    capacity NM  1     -     OPS-60 done 03-25, due 04-01
# C1    2026-04-01  3    capacity     60    -     OPS-20 done 04-20, due 04-15 (late)
# C2    2026-04-10  3    capacity     -     -30   -                     (negative TTR)
# T1    2026-05-01  2    cert         -10   -     (no action items)     (negative TTD)
# T2    2026-05-20  3    cert         8     600   OPS-40 open, no due, no owner
# U1    2026-06-01  2    (none)       1     30    OPS-70 done 06-10 9:00 AM, due 06-10
# Q1    2026-06-05  2    queue        3     -     OPS-81 open (doc only), due 07-15; OPS-82 done 06-08, due 07-31
# R1    2026-06-15  2    search       120   -     OPS-80 wont_do (doc only), due 06-20
# A1    2026-06-20  1    auth         -     1000  OPS-50 open, no due
# X16   2026-07-15  2    misc         -     -     OPS-90 open, due 07-20  (only in the extended period)

DOCS = {
    "L0": postmortem("Legacy batch stalled", "2025-06-30", cls="legacy"),
    "L1": postmortem("Legacy batch stalled again", "2025-07-01", cls="legacy"),
    "G0": postmortem("Disk array degraded", "2025-10-06", cls="storage"),
    "S0": postmortem("Resolver timeouts", "2025-10-07", cls="dns", ttd=3000,
                     actions=[("OPS-30", "Add a second resolver", "@ann", "2025-10-31", "Open")]),
    "N0": postmortem("Packet loss in zone b", "2025-12-01", cls="network", ttd=2000,
                     actions=[("OPS-1", "Replace the flaky switch", "@ann", "2025-12-20", "Open"),
                              ("OPS-2", "Rewrite the routing layer", "@ann", "2026-03-01", "Open")]),
    "S1": postmortem("Resolver timeouts again", "2026-01-05", cls="dns", ttd=5, ttr=100),
    "G1": postmortem("Disk array degraded again", "2026-01-05", cls="storage", ttr=200),
    "D1": postmortem("Bad build shipped", "2026-01-10", cls="deploy", ttd=15,
                     actions=[("OPS-10", "Add a canary stage", "@ann", "2026-02-01", "Done")]),
    "NM2": postmortem("Packet loss caught early", "2026-01-20", cls="network", near_miss=True,
                      ttd=500, ttr=5,
                      actions=[("OPS-61", "Alert on packet loss", "@bob", "2026-03-01", "Open")]),
    "N1": postmortem("Packet loss in zone c", "2026-02-01", cls="network", ttd=2, ttr=50,
                     actions=[("OPS-3", "Add link redundancy", "@cat", "2026-06-30", "Open")]),
    "D2": postmortem("Bad build shipped twice", "2026-02-10", cls="deploy", ttd=30, ttr=400,
                     actions=[("OPS-11", "Block deploys on red CI", "@ann", "2026-02-28", "Open"),
                              ("OPS-12", "Rewrite the deploy tool", "@ann", "2026-03-01", "Open")]),
    "N2": postmortem("Packet loss in zone d", "2026-02-20", cls="network", ttd=4),
    "D3": postmortem("Bad build shipped thrice", "2026-03-01", cls="deploy", ttr=90),
    "NM1": postmortem("Queue nearly full", "2026-03-20", severity="SEV-4", cls="capacity",
                      near_miss=True, ttd=1,
                      actions=[("OPS-60", "Raise the queue limit", "@bob", "2026-04-01", "Open")]),
    "C1": postmortem("Queue overflow", "2026-04-01", severity="SEV-3", cls="capacity", ttd=60,
                     actions=[("OPS-20", "Autoscale the consumers", "@dan", "2026-04-15", "Open")]),
    "C2": postmortem("Queue overflow again", "2026-04-10", severity="SEV-3", cls="capacity", ttr=-30),
    "T1": postmortem("Expired certificate", "2026-05-01", cls="cert", ttd=-10),
    "T2": postmortem("Expired certificate again", "2026-05-20", severity="SEV-3", cls="cert",
                     ttd=8, ttr=600,
                     actions=[("OPS-40", "Automate renewals", "", "", "Open")]),
    "U1": postmortem("Something odd happened", "2026-06-01", ttd=1, ttr=30,
                     actions=[("OPS-70", "Write a runbook", "@eve", "2026-06-10", "Open")]),
    "Q1": postmortem("Messages delayed", "2026-06-05", cls="queue", ttd=3,
                     actions=[("OPS-81", "Tune the consumer", "@eve", "2026-07-15", "Open"),
                              ("OPS-82", "Add a lag alert", "@eve", "2026-07-31", "Open")]),
    "R1": postmortem("Search results stale", "2026-06-15", cls="search", ttd=120,
                     actions=[("OPS-80", "Replace the index", "@fay", "2026-06-20", "Won't do")]),
    "A1": postmortem("Logins failing", "2026-06-20", severity="SEV-1", cls="auth", ttr=1000,
                     actions=[("OPS-50", "Add a login probe", "@gus", "", "Open")]),
    "X16": postmortem("Reports late", "2026-07-15", cls="misc",
                      actions=[("OPS-90", "Speed up reports", "@hal", "2026-07-20", "Open")]),
}

# (key, status, resolution, assignee, resolved, category); OPS-80 and OPS-81 are in no export
TICKETS = [
    ("OPS-30", "Done", "Done", "Ann", "20/Oct/25 9:00 AM", "Done"),
    ("OPS-1", "Done", "Done", "Ann", "10/Dec/25 9:00 AM", "Done"),
    ("OPS-2", "Won't Do", "Won't Do", "Ann", "11/Dec/25 9:00 AM", "Done"),
    ("OPS-10", "To Do", "", "Ann", "", "To Do"),
    ("OPS-61", "To Do", "", "Bob", "", "To Do"),
    ("OPS-3", "In Progress", "", "Cat", "", "In Progress"),
    ("OPS-11", "Done", "Done", "Ann", "15/Feb/26 9:00 AM", "Done"),
    ("OPS-12", "Won't Do", "Won't Do", "Ann", "16/Feb/26 9:00 AM", "Done"),
    ("OPS-60", "Done", "Done", "Bob", "25/Mar/26 9:00 AM", "Done"),
    ("OPS-20", "Done", "Done", "Dan", "20/Apr/26 9:00 AM", "Done"),
    ("OPS-40", "To Do", "", "", "", "To Do"),
    ("OPS-70", "Done", "Done", "Eve", "10/Jun/26 9:00 AM", "Done"),
    ("OPS-82", "Done", "Done", "Eve", "08/Jun/26 9:00 AM", "Done"),
    ("OPS-50", "In Progress", "", "Gus", "", "In Progress"),
    ("OPS-90", "To Do", "", "Hal", "", "To Do"),
]

P = ("--from", "2026-01-01", "--to", "2026-06-30", "--as-of", "2026-06-30")


@pytest.fixture(scope="module")
def main_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("report_main")
    cfg = write_corpus(folder, DOCS, TICKETS)
    return ingest(cfg, folder / "h.duckdb")


_cache: dict = {}


def rep_for(db, *args) -> dict:
    key = (str(db), args)
    if key not in _cache:
        _cache[key] = report("--db", db, *args)
    return _cache[key]


@pytest.fixture(scope="module")
def main(main_db):
    return rep_for(main_db, *P)


# ---------------------------------------------------------------------------------------
# the corpus loaded as designed (so a failure below is about the report, not the loader)
# ---------------------------------------------------------------------------------------

def test_corpus_loaded_as_designed(main_db):
    con = duckdb.connect(str(main_db), read_only=True)
    try:
        inc = {r[0]: r[1:] for r in con.execute(
            "SELECT title, incident_class, is_near_miss, ttd_minutes, ttr_minutes FROM mart_incidents").fetchall()}
        items = {r[0]: r[1:] for r in con.execute(
            "SELECT ticket, status, CAST(deadline AS VARCHAR), owner FROM mart_action_items").fetchall()}
    finally:
        con.close()
    assert len(inc) == len(DOCS)
    assert inc["Something odd happened"][0] == "unclassified"
    assert inc["Queue nearly full"][1] is True
    assert inc["Expired certificate"][2] is None              # negative TTD left out
    assert inc["Queue overflow again"][3] is None             # negative TTR left out
    assert inc["Disk array degraded again"][2] is None        # no detected_at
    assert inc["Packet loss in zone b"][2] == 2000
    assert items["OPS-10"][0] == "open" and items["OPS-11"][0] == "done"   # tracker wins
    assert items["OPS-80"][0] == "wont_do" and items["OPS-81"][0] == "open"  # document only
    assert items["OPS-40"][1] == "2026-06-29" and items["OPS-40"][2] is None  # 05-20 + 40
    assert items["OPS-50"][1] == "2026-06-30"                                # 06-20 + 10


# ---------------------------------------------------------------------------------------
# period and incident counts
# ---------------------------------------------------------------------------------------

def test_period_echoed(main):
    assert main["period"] == {"from": "2026-01-01", "to": "2026-06-30", "as_of": "2026-06-30",
                              "name": "2026-01-01 to 2026-06-30"}   # a quarter would be named "2026Q1"


def test_incident_totals(main):
    # non-near-miss in P: S1 G1 D1 N1 D2 N2 D3 C1 C2 T1 T2 U1 Q1 R1 A1 = 15
    assert main["incidents"]["total"] == 15
    # NM2 (01-20), NM1 (03-20)
    assert main["incidents"]["near_misses"] == 2


def test_by_class_with_unclassified_and_without_near_misses(main):
    assert main["incidents"]["by_class"] == {
        "dns": 1,           # S1 (S0 is before P)
        "storage": 1,       # G1 (G0 before P)
        "deploy": 3,        # D1 D2 D3
        "network": 2,       # N1 N2 (N0 before P; NM2 is a near miss)
        "capacity": 2,      # C1 C2 (NM1 is a near miss)
        "cert": 2,          # T1 T2
        "unclassified": 1,  # U1 names no class, no taxonomy configured
        "queue": 1,         # Q1
        "search": 1,        # R1
        "auth": 1,          # A1
    }                       # sum 15 == incidents.total


# ---------------------------------------------------------------------------------------
# recurrence
# ---------------------------------------------------------------------------------------

def test_repeat_across_period_boundary_exactly_at_window(main):
    # S0 2025-10-07 10:00 -> S1 2026-01-05 10:00: 24 (rest of Oct) + 30 + 31 + 5 = 90 days
    # <= 90, so S1 repeats although S0 lies before `from`. S0's only item OPS-30 was
    # resolved 2025-10-20 < 2026-01-05 -> repeat after fix.
    assert {k: by_class(main)["dns"][k] for k in ("incidents", "repeats", "repeats_after_fix")} \
        == {"incidents": 1, "repeats": 1, "repeats_after_fix": 1}


def test_just_outside_window_is_not_a_repeat(main):
    # G0 2025-10-06 -> G1 2026-01-05: 25 + 30 + 31 + 5 = 91 days > 90 -> not a repeat
    assert {k: by_class(main)["storage"][k] for k in ("incidents", "repeats", "repeats_after_fix")} \
        == {"incidents": 1, "repeats": 0, "repeats_after_fix": 0}


def test_most_recent_predecessor_decides_fixed_older_open_newer(main):
    # network (NM2, a near miss, is never a Y):
    # N1 02-01: Y = N0 (12-01, 31+31 = 62 days); N0's non-wont_do items: OPS-1 resolved
    #   2025-12-10 < 02-01 (OPS-2 wont_do) -> repeat after fix.
    # N2 02-20: candidates N1 (19 days) and N0 (30+31+19 = 81 days); the most recent is N1,
    #   whose OPS-3 is open -> repeat, not after fix (even though N0 was fixed).
    # repeats 2, after fix 1
    assert {k: by_class(main)["network"][k] for k in ("incidents", "repeats", "repeats_after_fix")} \
        == {"incidents": 2, "repeats": 2, "repeats_after_fix": 1}


def test_most_recent_predecessor_decides_open_older_fixed_newer(main):
    # deploy:
    # D1 01-10: no earlier deploy incident -> not a repeat.
    # D2 02-10: Y = D1 (31 days), D1's OPS-10 open -> repeat, not after fix.
    # D3 03-01: candidates D2 (18+1 = 19 days) and D1 (50 days); most recent D2: OPS-11
    #   resolved 02-15 < 03-01, OPS-12 wont_do (ignored) -> repeat after fix (D1's open
    #   item does not matter).
    # repeats 2, after fix 1
    assert {k: by_class(main)["deploy"][k] for k in ("incidents", "repeats", "repeats_after_fix")} \
        == {"incidents": 3, "repeats": 2, "repeats_after_fix": 1}


def test_fix_done_after_the_repeat_started_is_not_after_fix(main):
    # capacity: C1 04-01: the only earlier capacity postmortem is NM1 (03-20), a near miss
    #   -> not a repeat. C2 04-10: Y = C1 (9 days); C1's OPS-20 was resolved 04-20, after
    #   C2 started -> repeat, not after fix.
    assert {k: by_class(main)["capacity"][k] for k in ("incidents", "repeats", "repeats_after_fix")} \
        == {"incidents": 2, "repeats": 1, "repeats_after_fix": 0}


def test_predecessor_without_action_items_is_not_after_fix(main):
    # cert: T2 05-20, Y = T1 (05-01, 19 days); T1 has no action items -> repeat, not after fix
    assert {k: by_class(main)["cert"][k] for k in ("incidents", "repeats", "repeats_after_fix")} \
        == {"incidents": 2, "repeats": 1, "repeats_after_fix": 0}


def test_single_incident_classes_do_not_repeat(main):
    for cls in ("queue", "search", "auth"):
        row = by_class(main)[cls]
        assert (row["incidents"], row["repeats"], row["repeats_after_fix"]) == (1, 0, 0), cls


def test_frequent_exactly_at_twenty_percent(main):
    # 20% of incidents.total 15 = 3: deploy 3/15 = 20% -> frequent;
    # network, capacity, cert 2/15 = 13.3% -> not; single-incident classes 6.7% -> not
    rec = by_class(main)
    assert rec["deploy"]["frequent"] is True
    for cls in ("network", "capacity", "cert", "dns", "storage", "queue", "search", "auth"):
        assert rec[cls]["frequent"] is False, cls


def test_frequent_just_under_twenty_percent(main_db):
    # period to 2026-07-31 adds X16 (misc): total 16, deploy 3/16 = 18.75% < 20% -> not frequent
    rep = rep_for(main_db, "--from", "2026-01-01", "--to", "2026-07-31", "--as-of", "2026-07-31")
    assert rep["incidents"]["total"] == 16
    assert by_class(rep)["deploy"]["frequent"] is False
    assert by_class(rep)["deploy"]["incidents"] == 3


def test_predecessors_before_a_later_from(main_db):
    # P' = [2026-02-15, 2026-06-30]: N2 (02-20) still repeats N1 (02-01, before P'),
    # not after fix (OPS-3 open); D3 (03-01) still repeats D2 (02-10, before P'), after fix.
    rep = rep_for(main_db, "--from", "2026-02-15", "--to", "2026-06-30", "--as-of", "2026-06-30")
    rec = by_class(rep)
    assert (rec["network"]["incidents"], rec["network"]["repeats"], rec["network"]["repeats_after_fix"]) == (1, 1, 0)
    assert (rec["deploy"]["incidents"], rec["deploy"]["repeats"], rec["deploy"]["repeats_after_fix"]) == (1, 1, 1)


# ---------------------------------------------------------------------------------------
# action items
# ---------------------------------------------------------------------------------------
# Items of incidents and near misses dated in P (items of S0, N0 before P and X16 after
# are not counted), effective status after the tracker wins, deadline, and the figures:
#
# item    status   deadline                        overdue(open & dl<A)  on-time denom / num
# OPS-10  open     02-01 (due)                     yes                   yes / no
# OPS-61  open     03-01 (due)                     yes                   yes / no   (near miss NM2)
# OPS-3   open     06-30 (due) == A                no                    no
# OPS-11  done     02-28 (due), done 02-15         -                     yes / yes
# OPS-12  wont_do  03-01                           -                     excluded
# OPS-60  done     04-01 (due), done 03-25         -                     yes / yes  (near miss NM1)
# OPS-20  done     04-15 (due), done 04-20         -                     yes / no   (late)
# OPS-40  open     05-20 + 40 (SEV-3) = 06-29      yes                   yes / no
# OPS-70  done     06-10 (due), done 06-10 09:00   -                     yes / yes  (on the day)
# OPS-81  open     07-15 (due)                     no                    no         (document only)
# OPS-82  done     07-31 (due), done 06-08         -                     yes / yes  (done early)
# OPS-80  wont_do  06-20 (due)                     -                     excluded   (document only)
# OPS-50  open     06-20 + 10 (SEV-1) = 06-30 == A no                    no
#
# total 13; done 5 (11, 60, 20, 70, 82); wont_do 2 (12, 80); open 6 (10, 61, 3, 40, 81, 50)

def test_action_counts(main):
    a = main["actions"]
    assert (a["total"], a["done"], a["open"], a["wont_do"]) == (13, 5, 6, 2)


def test_overdue_needs_deadline_before_as_of(main):
    # OPS-10 (02-01), OPS-61 (03-01), OPS-40 (SLA 06-29) = 3; OPS-3 due 06-30 == A and
    # OPS-50 SLA deadline 06-30 == A are not overdue; OPS-81 (07-15) not yet.
    # (With the project's default SEV-3 SLA of 60 days OPS-40 would not be overdue.)
    assert main["actions"]["overdue"] == 3


def test_completion_rate_excludes_wont_do(main):
    # done / (total - wont_do) = 5 / (13 - 2) = 5/11 = 0.454545...
    assert close(main["actions"]["completion_rate"], 5 / 11)


def test_on_time_rate(main):
    # numerator: done on or before deadline: OPS-11, OPS-60, OPS-70 (same day), OPS-82 = 4
    # denominator: done (5) + open with deadline < A (OPS-10, OPS-61, OPS-40 = 3) = 8;
    # wont_do OPS-12 / OPS-80 (deadlines 03-01, 06-20 < A) excluded
    # 4 / 8 = 0.5
    assert close(main["actions"]["on_time_rate"], 0.5)


def test_without_owner_and_due(main):
    # Every item lacking an owner or a due date is open, so "all items" and "open items"
    # readings agree. without_owner: OPS-40 (no doc owner, no Jira assignee) = 1.
    # without_due: OPS-40, OPS-50 = 2.
    assert main["actions"]["without_owner"] == 1
    assert main["actions"]["without_due"] == 2


def test_near_miss_items_count_in_actions(main_db):
    # P'' = [2026-03-15, 2026-03-31] holds only NM1 (a near miss) -> total 0 incidents,
    # but its item OPS-60 (done 03-25, due 04-01) is counted: total 1, done 1,
    # completion 1/1 = 1.0, on-time 1/1 = 1.0
    rep = rep_for(main_db, "--from", "2026-03-15", "--to", "2026-03-31", "--as-of", "2026-06-30")
    assert rep["incidents"]["total"] == 0 and rep["incidents"]["near_misses"] == 1
    a = rep["actions"]
    assert (a["total"], a["done"], a["open"], a["wont_do"], a["overdue"]) == (1, 1, 0, 0, 0)
    assert close(a["completion_rate"], 1.0) and close(a["on_time_rate"], 1.0)
    assert rep["time_to_detect"]["n"] == 0       # NM1's 1-minute TTD is not counted


def test_rates_null_when_denominators_are_zero(main_db):
    # P = [2026-05-01, 2026-05-31], A = 2026-05-31: T1 (no items), T2 with OPS-40 open,
    # deadline 06-29 >= A -> not overdue. completion: 0 / (1 - 0) = 0.0;
    # on-time denominator: no done item, no deadline < A -> 0 -> null
    rep = rep_for(main_db, "--from", "2026-05-01", "--to", "2026-05-31", "--as-of", "2026-05-31")
    a = rep["actions"]
    assert (a["total"], a["open"], a["overdue"]) == (1, 1, 0)
    assert a["completion_rate"] == 0.0
    assert a["on_time_rate"] is None


# ---------------------------------------------------------------------------------------
# near misses
# ---------------------------------------------------------------------------------------

def test_near_miss_share(main):
    # 2 / (2 + 15) = 0.117647...
    assert main["near_misses"]["count"] == 2
    assert close(main["near_misses"]["share"], 2 / 17)


def test_near_miss_months_with_none_are_zero(main):
    # NM2 2026-01, NM1 2026-03; every other month of P (and of the incidents) shows 0
    assert main["near_misses"]["by_month"] == {
        "2026-01": 1, "2026-02": 0, "2026-03": 1, "2026-04": 0, "2026-05": 0, "2026-06": 0}


# ---------------------------------------------------------------------------------------
# time to detect / resolve
# ---------------------------------------------------------------------------------------
# TTD in P (near misses, G1/D3/C2/A1 without detected_at and T1's -10 left out):
#   Jan: S1 5, D1 15 | Feb: N1 2, D2 30, N2 4 | Apr: C1 60 | May: T2 8 | Jun: U1 1, Q1 3, R1 120
#   sorted: 1 2 3 4 5 8 15 30 60 120 (n = 10)
#   median: position 9*0.5 = 4.5 -> 5 + 0.5*(8-5) = 6.5
#   p90:    position 9*0.9 = 8.1 -> 60 + 0.1*(120-60) = 66.0

def test_time_to_detect_headline(main):
    t = main["time_to_detect"]
    assert t["n"] == 10
    assert close(t["median_min"], 6.5)
    assert close(t["p90_min"], 66.0)


def test_time_to_detect_ci(main):
    lo, hi = main["time_to_detect"]["ci90_median_min"]
    assert lo <= 6.5 <= hi
    assert 1 <= lo and hi <= 120        # a bootstrap median lies within the data


def test_time_to_detect_by_month_only_months_with_data(main):
    bm = main["time_to_detect"]["by_month"]
    # March: D3 has no detected_at and NM1 is a near miss -> n = 0, not listed
    assert set(bm) == {"2026-01", "2026-02", "2026-04", "2026-05", "2026-06"}
    got = {m: (v["n"], v["median_min"]) for m, v in bm.items()}
    assert got == {
        "2026-01": (2, 10.0),   # 5, 15 -> (5+15)/2 = 10
        "2026-02": (3, 4.0),    # 2, 4, 30 -> 4
        "2026-04": (1, 60.0),   # 60
        "2026-05": (1, 8.0),    # 8 (T1's -10 excluded)
        "2026-06": (3, 3.0),    # 1, 3, 120 -> 3
    }


# TTR in P (D1, N2, C1, T1, Q1, R1 without resolved_at; C2's -30 and NM2 left out):
#   Jan: S1 100, G1 200 | Feb: N1 50, D2 400 | Mar: D3 90 | May: T2 600 | Jun: U1 30, A1 1000
#   sorted: 30 50 90 100 200 400 600 1000 (n = 8)
#   median: position 7*0.5 = 3.5 -> 100 + 0.5*(200-100) = 150
#   p90:    position 7*0.9 = 6.3 -> 600 + 0.3*(1000-600) = 720

def test_time_to_resolve_headline(main):
    t = main["time_to_resolve"]
    assert t["n"] == 8
    assert close(t["median_min"], 150.0)
    assert close(t["p90_min"], 720.0)
    lo, hi = t["ci90_median_min"]
    assert lo <= 150 <= hi and 30 <= lo and hi <= 1000


def test_time_to_resolve_by_month(main):
    bm = main["time_to_resolve"]["by_month"]
    got = {m: (v["n"], v["median_min"]) for m, v in bm.items()}
    assert got == {
        "2026-01": (2, 150.0),  # (100+200)/2
        "2026-02": (2, 225.0),  # (50+400)/2
        "2026-03": (1, 90.0),
        "2026-05": (1, 600.0),  # April: C1 none, C2 negative -> not listed
        "2026-06": (2, 515.0),  # (30+1000)/2
    }


def test_single_value_has_no_ci(main_db):
    # April: TTD only C1 = 60 -> n 1, median 60, p90 60, ci null;
    # TTR: C1 none, C2 negative -> n 0, all null, by_month {}
    rep = rep_for(main_db, "--from", "2026-04-01", "--to", "2026-04-30", "--as-of", "2026-06-30")
    d, r = rep["time_to_detect"], rep["time_to_resolve"]
    assert (d["n"], d["ci90_median_min"]) == (1, None)
    assert close(d["median_min"], 60.0) and close(d["p90_min"], 60.0)
    assert (r["n"], r["median_min"], r["p90_min"], r["ci90_median_min"], r["by_month"]) == \
        (0, None, None, None, {})


def test_brief_example_percentiles(tmp_path):
    # TTD 1, 2, 3, 4, 10 (all in 2026-03): median 3, p90: position 4*0.9 = 3.6 ->
    # 4 + 0.6*(10-4) = 7.6
    docs = {f"e{i}": postmortem(f"Thing {i} broke", f"2026-03-{i:02d}", cls="x", ttd=v)
            for i, v in enumerate((1, 2, 3, 4, 10), 1)}
    cfg = write_corpus(tmp_path, docs)
    db = ingest(cfg, tmp_path / "h.duckdb")
    t = report("--db", db, "--from", "2026-03-01", "--to", "2026-03-31",
               "--as-of", "2026-03-31")["time_to_detect"]
    assert t["n"] == 5 and close(t["median_min"], 3.0) and close(t["p90_min"], 7.6)
    assert t["by_month"]["2026-03"]["n"] == 5 and close(t["by_month"]["2026-03"]["median_min"], 3.0)
    lo, hi = t["ci90_median_min"]
    assert 1 <= lo <= 3 <= hi <= 10


# ---------------------------------------------------------------------------------------
# default period, empty database, config window
# ---------------------------------------------------------------------------------------

def test_default_period_is_twelve_months_up_to_as_of(main_db):
    # Interpretation tested (the brief's, and metrics.headline.default_period's):
    # --as-of 2026-06-30 alone -> [2026-06-30 minus 12 months + 1 day, 2026-06-30]
    # = [2025-07-01, 2026-06-30]. L1 (2025-07-01) is inside, L0 (2025-06-30) outside.
    # total = 15 (P) + L1 + G0 + S0 + N0 = 19; X16 (07-15) is after as-of.
    rep = rep_for(main_db, "--as-of", "2026-06-30")
    assert rep["period"] == {"from": "2025-07-01", "to": "2026-06-30", "as_of": "2026-06-30",
                             "name": "2025-07-01 to 2026-06-30"}
    assert rep["incidents"]["total"] == 19
    assert rep["incidents"]["by_class"]["legacy"] == 1


def test_empty_database(tmp_path):
    from loaders import store

    db = tmp_path / "h.duckdb"
    with store.swap(db):   # the schema and models, no rows (an ingest of nothing stops)
        pass
    out = run_cli("report", "--json", "--db", db, "--from", "2026-01-01", "--to", "2026-03-31",
                  "--as-of", "2026-03-31")
    assert out.returncode == 0, out.stderr
    rep = json.loads(out.stdout)
    assert rep["incidents"]["total"] == 0 and rep["incidents"]["near_misses"] == 0
    assert rep["incidents"]["by_class"] == {}
    assert rep["recurrence"] == []
    a = rep["actions"]
    assert {k: a[k] for k in ("total", "done", "open", "wont_do", "overdue",
                              "without_owner", "without_due")} == dict.fromkeys(
        ("total", "done", "open", "wont_do", "overdue", "without_owner", "without_due"), 0)
    assert a["completion_rate"] is None and a["on_time_rate"] is None   # denominators 0
    assert rep["near_misses"]["count"] == 0
    # share is 0/0: the contract says rates are null on a zero denominator (METRICS.md:
    # "no figure"); a 0.0 is accepted too, the contract's null rule is stated for actions.
    assert rep["near_misses"]["share"] in (None, 0.0)
    assert all(v == 0 for v in rep["near_misses"]["by_month"].values())
    for key in ("time_to_detect", "time_to_resolve"):
        t = rep[key]
        assert (t["n"], t["median_min"], t["p90_min"], t["ci90_median_min"], t["by_month"]) == \
            (0, None, None, None, {}), key


def test_window_from_config(tmp_path):
    # recurrence_window_days: 30, report read through --config (its `database` key).
    # K1 03-01, K2 03-31 (30 days -> repeat), K3 05-01 (31 days after K2 -> not a repeat;
    # it would be with the default 90). K1's OPS-1 done 03-20 < 03-31 -> K2 after fix.
    db = tmp_path / "w.duckdb"
    docs = {"k1": postmortem("Cache cold", "2026-03-01", cls="cache",
                             actions=[("OPS-1", "Warm the cache", "@ann", "2026-03-25", "Open")]),
            "k2": postmortem("Cache cold again", "2026-03-31", cls="cache"),
            "k3": postmortem("Cache cold once more", "2026-05-01", cls="cache")}
    cfg = write_corpus(tmp_path, docs, [("OPS-1", "Done", "Done", "Ann", "20/Mar/26 9:00 AM", "Done")],
                       window=30, database=str(db))
    ingest(cfg, db)
    rep = report("--config", cfg, "--from", "2026-01-01", "--to", "2026-06-30", "--as-of", "2026-06-30")
    row = by_class(rep)["cache"]
    # incidents 3, repeats 1 (K2), after fix 1; 3/3 = 100% -> frequent
    assert (row["incidents"], row["repeats"], row["repeats_after_fix"], row["frequent"]) == (3, 1, 1, True)


# --------------------------------------------------------------------------------------
# The recurrence key: the same failure coming back, not merely the same kind of cause


def _repeats(tmp_path, docs, key=None):
    db = tmp_path / "k.duckdb"
    cfg = write_corpus(tmp_path, docs, database=str(db), key=key)
    ingest(cfg, db)
    rep = report("--config", cfg, "--from", "2026-01-01", "--to", "2026-06-30", "--as-of", "2026-06-30")
    return {c: (r["incidents"], r["repeats"]) for c, r in by_class(rep).items()}


def test_by_default_a_repeat_shares_the_class_and_a_service(tmp_path):
    docs = {"a": postmortem("CDN errors", "2026-03-01", cls="deploy", service="cdn"),
            "b": postmortem("Runner crash", "2026-03-10", cls="deploy", service="ci-runner"),
            "c": postmortem("CDN errors again", "2026-03-20", cls="deploy", service="CDN")}
    # c repeats a (same service, whatever its case); b is a different failure of the same kind
    assert _repeats(tmp_path, docs)["deploy"] == (3, 1)


def test_class_alone_counts_every_close_incident_of_the_class(tmp_path):
    docs = {"a": postmortem("CDN errors", "2026-03-01", cls="deploy", service="cdn"),
            "b": postmortem("Runner crash", "2026-03-10", cls="deploy", service="ci-runner")}
    assert _repeats(tmp_path, docs, key="class")["deploy"] == (2, 1)


def test_class_and_team(tmp_path):
    docs = {"a": postmortem("A", "2026-03-01", cls="deploy", service="x", team="web"),
            "b": postmortem("B", "2026-03-10", cls="deploy", service="y", team="data"),
            "c": postmortem("C", "2026-03-20", cls="deploy", service="z", team="web")}
    assert _repeats(tmp_path, docs, key="class and team")["deploy"] == (3, 1)


def test_unclassified_never_recurs_with_itself(tmp_path):
    docs = {"a": postmortem("Something", "2026-03-01"), "b": postmortem("Something else", "2026-03-05")}
    assert _repeats(tmp_path, docs, key="class")["unclassified"] == (2, 0)


def test_only_prevent_items_decide_after_fix(tmp_path):
    """The predecessor's detect-kind item stays open; its prevent-kind item was done: the
    fix (the prevent work) was done, so the repeat came back after the fix."""
    db = tmp_path / "f.duckdb"
    docs = {"a": postmortem("Cache cold", "2026-03-01", cls="cache") + (
        "\n## Action items\n### Prevent\n- [x] Warm the cache on deploy\n### Detect\n- [ ] Alert on cache hit ratio\n"),
            "b": postmortem("Cache cold again", "2026-03-20", cls="cache")}
    cfg = write_corpus(tmp_path, docs, database=str(db))
    ingest(cfg, db)
    rep = report("--config", cfg, "--from", "2026-01-01", "--to", "2026-06-30", "--as-of", "2026-06-30")
    assert by_class(rep)["cache"]["repeats_after_fix"] == 1


def test_a_recurrence_key_that_is_not_known_is_a_clear_error():
    from loaders.config import ConfigError, config_from_dict

    with pytest.raises(ConfigError, match="recurrence_key"):
        config_from_dict({"recurrence_key": "service"})
    assert config_from_dict({"recurrence_key": "class+component"}).recurrence_key == "class+service"
