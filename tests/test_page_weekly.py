"""The Weekly review page (pages/5_Weekly_review.py) and metrics/weekly.py: the default
week, the four lists on a hand-built corpus, the markdown agenda, and the page on the
demo data (whose default week is empty), against direct DuckDB queries."""
import dataclasses
import json
from datetime import date, timedelta

import duckdb
import pandas as pd
import pytest
from conftest import run_page, house_doc

from loaders.config import Config
from loaders.ingest import ingest
from metrics import weekly
from metrics.db import Reader
from metrics.filters import Filters

PAGE = "pages/5_Weekly_review.py"


def run(**query):
    return run_page(PAGE, **query)
ALL = Filters(date(2000, 1, 1), date(2000, 1, 1))   # the week replaces the period


def query(db, sql, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or {}).fetchall()
    finally:
        con.close()


# --------------------------------------------------------------------------------------
# Weeks


@pytest.mark.parametrize("today, monday", [
    (date(2026, 11, 26), date(2026, 11, 16)),   # Thursday: the week before this one
    (date(2026, 11, 23), date(2026, 11, 16)),   # Monday: the week that just ended
    (date(2026, 11, 22), date(2026, 11, 9)),    # Sunday: this week is not over yet
    (date(2026, 1, 1), date(2025, 12, 22)),     # across a year
])
def test_default_week_is_the_last_complete_week(today, monday):
    assert weekly.default_week(today) == monday
    start, end = weekly.week_of(monday)
    assert (start.weekday(), end.weekday(), end - start) == (0, 6, timedelta(days=6))
    assert end < today


def test_week_of_any_day():
    assert weekly.week_of(date(2026, 3, 4)) == (date(2026, 3, 2), date(2026, 3, 8))
    assert weekly.week_of(date(2026, 3, 8)) == (date(2026, 3, 2), date(2026, 3, 8))


# --------------------------------------------------------------------------------------
# A hand-built corpus; the week of 2026-03-02 .. 2026-03-08
#   p0 2025-11-01 "In review": awaiting review; its item (due 2026-01-15) open: overdue 52 d
#   p1 2026-02-20 Reviewed on 2026-03-10 (after the week: still awaited then); its item
#      done by the document's word, due 03-05 (due this week, done)
#   p2 2026-03-04 Draft: new, awaiting; a repeat of p1 after fix (p1's items all done);
#      items due 03-06 (open: overdue 2 d at the week's end) and 03-08 (due on its last day)
#   p3 2026-03-08 near miss, Reviewed: new; its item is due in April
#   p4 2026-03-20 Draft: after the week, in no list; its item (due 2027) neither

WEEK = date(2026, 3, 4)


POOL = "- Duration: 10:04–10:30 UTC (26 min)\n- Services: orders-db"  # p2 repeats p1: same class and service


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("weekly")
    src = folder / "src"
    src.mkdir()
    docs = {
        "p0.md": house_doc(title="Old outage", day="2025-11-01", status="In review",
                           actions=(("Old open item", "@ann", "Jan 15", "OPS-10"),)),
        "p1.md": house_doc(title="Pool exhausted", day="2026-02-20",
                           extra_meta=" | **Reviewed:** 2026-03-10 | **Class:** database",
                           actions=(("Add index DONE", "@bob", "Mar 5", "OPS-11"),), impact=POOL),
        "p2.md": house_doc(title="Pool exhausted again", day="2026-03-04", status="Draft", extra_meta=" | **Class:** database",
                           actions=(("Fix X", "@cy", "Mar 6", "OPS-12"), ("Tune pool", "", "Mar 8", "")),
                           impact=POOL),
        "p3.md": house_doc(title="Disk almost full", day="2026-03-08", extra_meta=" | **Type:** Near miss",
                           actions=(("Alert on disk", "@dee", "Apr 30", "OPS-13"),)),
        "p4.md": house_doc(title="Later", day="2026-03-20", status="Draft",
                           actions=(("Later item", "@ann", "Mar 3", "OPS-14"),)),
    }
    for name, text in docs.items():
        (src / name).write_text(text, encoding="utf-8")
    ingest(Config(), [str(src)], folder / "h.duckdb")
    reader = Reader(folder / "h.duckdb")
    yield reader
    reader.close()


def test_review_lists(small):
    r = weekly.review(small, ALL, WEEK)
    assert (r.week_start, r.week_end) == (date(2026, 3, 2), date(2026, 3, 8))
    assert r.latest == date(2026, 3, 20)
    assert r.describe == "2026-03-02 to 2026-03-08"

    assert list(r.new["incident_id"]) == ["p2", "p3"]
    assert list(r.new["kind"]) == ["incident", "near miss"]

    rep = r.repeats
    assert list(rep["incident_id"]) == ["p2"] and list(rep["predecessor_id"]) == ["p1"]
    assert list(rep["repeat_after_fix"]) == [True]
    assert list(rep["predecessor_date"]) == [date(2026, 2, 20)]

    aw = r.awaiting_review
    assert list(aw["incident_id"]) == ["p0", "p1", "p2"]                 # oldest first
    assert list(aw["days_since_incident"]) == [127, 16, 4]               # to the week's end
    assert aw["quality"].between(0, 100).all()                          # loaders/lint.py's score

    assert r.awaiting_total == 3
    assert list(r.due["action"]) == ["Add index DONE", "Tune pool"]            # oldest deadline first
    assert list(r.due["state"]) == ["done", "due"]
    assert list(r.overdue["action"]) == ["Old open item", "Fix X"]            # the same severity: longest first
    assert list(r.overdue["days_overdue"]) == [52, 2]
    assert (r.overdue_total, r.overdue_stale) == (2, 0)


def test_review_cuts_the_long_lists_and_counts_them(small):
    r = weekly.review(small, ALL, WEEK, limit=1)
    assert list(r.awaiting_review["incident_id"]) == ["p0"] and r.awaiting_total == 3
    assert list(r.overdue["action"]) == ["Old open item"] and r.overdue_total == 2
    assert list(r.due["action"]) == ["Add index DONE", "Tune pool"]            # the week's own items: all of them
    md = weekly.agenda_markdown(r)
    assert "Postmortems awaiting review (3)" in sections(md)
    assert "- ... and 2 more (see the Weekly review page)" in md
    assert "- 3 postmortems awaiting review\n" in md and "- 2 overdue at the week's end" in md   # the summary too


def test_review_the_week_after(small):
    r = weekly.review(small, ALL, date(2026, 3, 15))                      # a Sunday: 03-09 .. 03-15
    assert r.new.empty and r.repeats.empty
    assert list(r.awaiting_review["incident_id"]) == ["p0", "p2"]      # p1 reviewed on 03-10
    assert list(r.overdue["action"]) == ["Old open item", "Fix X", "Tune pool"]
    assert set(r.overdue["state"]) == {"overdue"} and r.due.empty


def test_review_keeps_the_other_filters(small):
    r = weekly.review(small, Filters(date(2000, 1, 1), date(2000, 1, 1), near_misses=False), WEEK)
    assert list(r.new["incident_id"]) == ["p2"]
    r = weekly.review(small, Filters(date(2000, 1, 1), date(2000, 1, 1), teams=("nobody",)), WEEK)
    assert all(getattr(r, k).empty for k in ("new", "repeats", "awaiting_review", "due", "overdue"))
    assert (r.awaiting_total, r.overdue_total, r.overdue_stale) == (0, 0, 0)
    assert r.latest is None
    assert "## New incidents and near misses (0)" in weekly.agenda_markdown(r)
    assert "Filters: team: nobody" in weekly.agenda_markdown(r)


def sections(md: str) -> dict[str, list[str]]:
    """Heading -> the bullet lines under it."""
    out, current = {}, None
    for line in md.splitlines():
        if line.startswith("## "):
            current = line[3:]
            out[current] = []
        elif current and line.startswith("- "):
            out[current].append(line)
    return out


def test_agenda_markdown(small):
    md = weekly.agenda_markdown(weekly.review(small, ALL, WEEK))
    assert md.startswith("# Weekly SRE review: Mon 2026-03-02 to Sun 2026-03-08\n")
    s = sections(md)
    late = "The 10 most important overdue items (most severe, then longest overdue) (2)"
    assert list(s) == ["New incidents and near misses (2)", "Repeats (1)", "Postmortems awaiting review (3)",
                       "Action items due this week (2)", late]
    assert [len(v) for v in s.values()] == [2, 1, 3, 2, 2]              # one bullet per item
    assert "near miss" in s["New incidents and near misses (2)"][1]
    assert "after fix" in s["Repeats (1)"][0] and "12 days earlier" in s["Repeats (1)"][0]
    assert "127 days since the incident" in s["Postmortems awaiting review (3)"][0]
    items = s["Action items due this week (2)"]
    assert items[0].startswith("- [done] Add index DONE · owner @bob · deadline 2026-03-05")
    assert items[1].startswith("- [due] Tune pool · owner none")
    overdue = s[late]   # same severity: the longest overdue first
    assert overdue[0].startswith("- [overdue 52 d] Old open item") and "OPS-10" in overdue[0]
    assert overdue[1].startswith("- [overdue 2 d] Fix X")
    assert "- 2 action items due this week\n- 2 overdue at the week's end" in md


def test_agenda_markdown_of_an_empty_week_and_odd_text():
    cols = {"new": ["incident_date", "kind", "title", "severity", "team", "incident_class", "owner"],
            "repeats": ["incident_date", "title", "incident_class", "predecessor_title", "predecessor_id",
                        "predecessor_date", "days_since_predecessor", "repeat_after_fix"],
            "awaiting_review": ["incident_date", "title", "postmortem_status", "days_since_incident", "owner"],
            "due": ["state", "days_overdue", "done_on", "action", "owner", "deadline", "ticket",
                    "incident_title", "incident_id", "severity_level"]}
    cols["overdue"] = cols["due"]
    r = weekly.Review(date(2026, 11, 16), date(2026, 11, 22), latest=None, describe="2026-11-16 to 2026-11-22",
                      awaiting_total=0, overdue_total=0, overdue_stale=0,
                      **{k: pd.DataFrame(columns=c) for k, c in cols.items()})
    md = weekly.agenda_markdown(r)
    assert "Filters:" not in md
    s = sections(md)
    assert all(not v for v in s.values())
    assert "_Nothing new this week._" in md and "_Nothing due this week._" in md and "_Nothing overdue._" in md

    r = dataclasses.replace(r, new=pd.DataFrame([{"incident_date": date(2026, 11, 17), "kind": "incident",
                              "title": "Cache <b>down</b>\nfor *all*\tusers | [x](javascript:alert(1))",
                              "severity": "SEV1", "team": "web", "incident_class": None, "owner": None}]))
    line = sections(weekly.agenda_markdown(r))["New incidents and near misses (1)"]
    assert len(line) == 1
    assert "\\<b\\>down\\</b\\> for \\*all\\* users \\| \\[x\\](javascript:alert(1))" in line[0]
    assert line[0].endswith("· SEV1 · web")


# --------------------------------------------------------------------------------------
# The page on the demo data


def week_counts(db, start):
    end = start + timedelta(days=6)
    p = {"s": start, "e": end}
    new, = query(db, "SELECT count(*) FROM mart_incidents WHERE incident_date BETWEEN $s AND $e", p)[0]
    repeats, = query(db, "SELECT count(*) FROM mart_recurrence WHERE is_repeat AND incident_date BETWEEN $s AND $e",
                     p)[0]
    awaiting, = query(db, """
        SELECT count(*) FROM mart_incidents WHERE incident_date <= $e
          AND NOT (coalesce(reviewed_on <= $e, FALSE) OR (reviewed_on IS NULL AND lower(coalesce(postmortem_status, ''))
                   IN ('reviewed', 'complete', 'completed', 'final', 'published', 'closed', 'done')))
          AND (status_says_awaiting OR reviewed_on IS NOT NULL)""",
                      {"e": end})[0]
    due, overdue = query(db, """
        WITH a AS (SELECT *, status = 'open' OR (status = 'done' AND done_on > $e) AS open_then
                   FROM mart_action_items WHERE incident_date <= $e)
        SELECT count(*) FILTER (WHERE deadline BETWEEN $s AND $e AND status <> 'wont_do'
                                  AND NOT (open_then AND deadline < $e)),
               count(*) FILTER (WHERE open_then AND deadline < $e AND date_diff('day', deadline, $e) <= 365)
        FROM a""", p)[0]
    return {"new": new, "repeats": repeats, "awaiting": awaiting, "due": due, "overdue": overdue}


def shown(at):
    m = {x.label: x for x in at.metric}
    return {"new": int(m["New incidents and near misses"].value), "repeats": int(m["Repeats"].value),
            "awaiting": int(m["Awaiting review"].value), "due": int(m["Due this week"].value),
            "overdue": int(m["Overdue"].value)}


def test_default_week_on_demo_data(demo):
    at = run()
    assert not at.exception, at.exception
    monday = weekly.default_week(date.today())
    assert at.date_input(key="week").value == monday
    expected = week_counts(demo / "h.duckdb", monday)
    assert shown(at) == expected
    if expected["new"] == 0:   # the demo data ends in October 2026: the week is empty
        assert any("Pick another week" in i.value for i in at.info)
        assert any(b.label.startswith("Show the week of") for b in at.button)


def test_empty_default_week_points_to_the_newest_week(demo):
    at = run()
    newest, = query(demo / "h.duckdb", "SELECT max(incident_date) FROM mart_incidents")[0]
    if weekly.week_of(newest)[0] == weekly.default_week(date.today()):
        pytest.skip("the demo's newest week is the default week")
    at.button[0].click().run()
    assert not at.exception, at.exception
    monday = weekly.week_of(newest)[0]
    assert at.date_input(key="week").value == monday
    assert at.query_params["week"] == [monday.isoformat()] or at.query_params["week"] == monday.isoformat()
    assert shown(at) == week_counts(demo / "h.duckdb", monday)
    assert not any("Pick another week" in i.value for i in at.info)


def test_chosen_week_lists_and_agenda(demo):
    at = run()
    newest, = query(demo / "h.duckdb", "SELECT max(incident_date) FROM mart_incidents")[0]
    monday = weekly.week_of(newest)[0] - timedelta(days=14)
    at.date_input(key="week").set_value(monday + timedelta(days=2)).run()   # any day picks its week
    assert not at.exception, at.exception
    expected = week_counts(demo / "h.duckdb", monday)
    assert expected["new"] > 0
    assert shown(at) == expected
    assert f"New incidents and near misses ({expected['new']})" in [s.value for s in at.subheader]

    md = weekly.agenda_markdown(weekly.review(Reader(demo / "h.duckdb"), ALL, monday))
    assert at.code[0].value == md.rstrip("\n")                    # the preview is the download
    assert f"## Postmortems awaiting review ({expected['awaiting']})" in md
    download = next(d for d in at.get("download_button") if d.proto.label == "Copy as markdown")
    assert download.proto.url.endswith(".md")

    tables = {d.value.shape[0]: d for d in at.dataframe}
    acts = [d for d in at.dataframe if "state" in d.value.columns]
    sizes = [len(d.value) for d in acts]
    # the week's due items, then at most 10 overdue ones (and all of them in an expander)
    assert sizes[:2] == [n for n in (expected["due"], min(expected["overdue"], weekly.AGENDA_ITEMS)) if n]
    assert json.loads(acts[0].proto.columns)["ticket"]["type_config"]["type"] == "link"
    assert tables


def test_empty_database(empty):
    at = run()
    assert not at.exception, at.exception
    assert "hindsight ingest" in at.info[0].value


def test_agenda_lists_at_most_a_readable_number_per_section():
    import pandas as pd
    from datetime import date as d

    from metrics import weekly

    acts = pd.DataFrame([{"state": "overdue", "days_overdue": i, "action": f"Fix {i}", "owner": "@a",
                          "deadline": d(2026, 1, 1), "ticket": "", "incident_title": "T", "incident_id": "x",
                          "done_on": None, "severity_level": None} for i in range(weekly.AGENDA_ITEMS + 5)])
    empty = pd.DataFrame()
    md = weekly.agenda_markdown(weekly.Review(d(2026, 1, 5), d(2026, 1, 11), new=empty, awaiting_review=empty,
                                              awaiting_total=0, due=empty, overdue=acts, overdue_total=len(acts),
                                              overdue_stale=0, repeats=empty, latest=None, describe=""))
    assert (f"## The {weekly.AGENDA_ITEMS} most important overdue items (most severe, then longest overdue) "
            f"({weekly.AGENDA_ITEMS + 5})") in md
    assert md.count("- [overdue") == weekly.AGENDA_ITEMS
    assert "... and 5 more" in md


def test_agenda_shows_a_ticket_as_its_key_linked_with_its_status():
    import pandas as pd
    from datetime import date as d

    from metrics import weekly

    acts = pd.DataFrame([{"state": "due", "days_overdue": None, "action": "Add canary", "owner": "@a",
                          "deadline": d(2026, 1, 7), "ticket": "OPS-7", "ticket_url": url, "status": "open",
                          "incident_title": "T", "incident_id": "x", "done_on": None, "severity_level": 2}
                         for url in ("https://jira.example/browse/OPS-7", None)])
    empty = pd.DataFrame()
    md = weekly.agenda_markdown(weekly.Review(d(2026, 1, 5), d(2026, 1, 11), new=empty, awaiting_review=empty,
                                              awaiting_total=0, due=acts, overdue=empty, overdue_total=0,
                                              overdue_stale=0, repeats=empty, latest=None, describe=""))
    lines = [line for line in md.splitlines() if "Add canary" in line]
    assert "ticket [OPS-7](https://jira.example/browse/OPS-7) (open)" in lines[0]
    assert "ticket OPS-7 (open)" in lines[1]


def test_the_overdue_list_is_the_most_severe_then_longest_and_leaves_history_out(tmp_path):
    from conftest import load_corpus

    def doc(title, severity, due):
        return house_doc(title=title, day="2024-01-02", severity=severity, actions=((title, "@ann", due, ""),))

    reader = load_corpus(tmp_path, {      # the week's end is 2026-03-08
        "ancient": doc("ancient", "SEV-1", "2024-01-10"),     # overdue for over a year: history
        "sev3": doc("sev3 old", "SEV-3", "2026-01-27"),       # 40 days
        "sev1new": doc("sev1 new", "SEV-1", "2026-03-03"),    # 5 days
        "none": doc("no severity", "", "2025-12-08"),         # 90 days
        "sev1old": doc("sev1 old", "SEV-1", "2026-01-07"),    # 60 days
    })
    try:
        r = weekly.review(reader, ALL, WEEK)
        assert list(r.overdue["action"]) == ["sev1 old", "sev1 new", "sev3 old", "no severity"]
        assert list(r.overdue["days_overdue"]) == [60, 5, 40, 90]
        assert (r.overdue_total, r.overdue_stale) == (4, 1)
        assert r.due.empty
        cut = weekly.review(reader, ALL, WEEK, limit=2)
        assert list(cut.overdue["action"]) == ["sev1 old", "sev1 new"] and (cut.overdue_total, cut.overdue_stale) == (4, 1)
    finally:
        reader.close()


def test_history_alone_is_still_counted(tmp_path):
    from conftest import load_corpus

    reader = load_corpus(tmp_path, {"ancient": house_doc(title="ancient", day="2024-01-02",
                                                         actions=(("ancient", "@ann", "2024-01-10", ""),))})
    try:
        r = weekly.review(reader, ALL, WEEK)
        assert r.overdue.empty and r.due.empty
        assert (r.overdue_total, r.overdue_stale) == (0, 1)
        assert "(and 1 overdue for over a year, on the Action items page)" in weekly.agenda_markdown(r)
    finally:
        reader.close()


def test_a_postmortem_without_a_review_status_is_not_awaiting_review(tmp_path):
    from conftest import load_corpus

    reader = load_corpus(tmp_path, {
        "drafted": house_doc(title="Drafted", day="2026-03-03", status="Draft"),
        "resolved": house_doc(title="Resolved", day="2026-03-03", status="Resolved"),
        "none": house_doc(title="No status", day="2026-03-03", status=""),
    })
    try:
        r = weekly.review(reader, ALL, WEEK)
        assert list(r.awaiting_review["title"].str.replace("Postmortem: ", "")) == ["Drafted (2026-03-03)"]
    finally:
        reader.close()


def test_long_lists_show_their_first_rows_and_count_them_all(demo, monkeypatch):
    from conftest import run_page_capped

    at, reader, _ = run_page_capped(PAGE, demo, monkeypatch)
    monday = weekly.default_week(date.today())
    expected = week_counts(demo / "h.duckdb", monday)
    assert expected["awaiting"] > 2
    assert shown(at) == expected                                # the figures count every row
    captions = [c.value for c in at.caption]
    assert any(f"Showing the first 2 of {expected['awaiting']:,} rows; the CSV has all." in c for c in captions)
    awaiting = next(d.value for d in at.dataframe if "days since incident" in d.value.columns
                    or "days_since_incident" in d.value.columns)
    assert len(awaiting) == 2
    full = weekly.review(reader, ALL, monday)                   # what the CSV button writes
    assert len(full.awaiting_review) == expected["awaiting"]
    assert len(full.overdue) == expected["overdue"]


def test_only_a_status_that_says_the_review_is_to_come_awaits_one(tmp_path):
    """A blog's "publish", an incident's state in another language ("Løst", "Résolu") or
    a word such as "Terminated" says nothing about a review; a draft, in any of the
    languages read, awaits one (every status but a handful of English incident states
    was listed, back to 2011)."""
    src = tmp_path / "src"
    src.mkdir()
    statuses = {"a": "publish", "b": "Løst", "c": "Résolu", "d": "Terminated", "e": "✅ Resolved",
                "f": "Brouillon", "g": "[draft", "h": "WIP", "i": "In review", "j": "草稿", "k": "Reviewed",
                "l": "in-review", "m": "under_review", "n": "Awaiting sign-off", "o": "Review", "p": "work-in-progress"}
    for name, status in statuses.items():
        (src / f"{name}.md").write_text(house_doc(title=f"Outage {name}", day="2026-02-10", status=status),
                                        encoding="utf-8")
    ingest(Config(), [str(src)], tmp_path / "h.duckdb")
    reader = Reader(tmp_path / "h.duckdb")
    r = weekly.review(reader, ALL, WEEK)
    reader.close()
    assert sorted(r.awaiting_review["incident_id"]) == ["f", "g", "h", "i", "j", "l", "m", "n", "o", "p"]
