"""The Action items page (pages/2_Action_items.py) and its figures (metrics/actions.py):
on the demo data against `hindsight report --json` and direct DuckDB queries, on an empty
database, and on a small hand-built corpus whose every count is worked out by hand."""
import json
from datetime import date, timedelta

import duckdb
import pytest
from conftest import run_page_capped, shown as shown_cells, default_period_of, report_json, run_page, house_doc

from loaders.config import Config
from loaders.ingest import ingest
from metrics import actions, charts_actions, report
from metrics.db import Reader
from metrics.filters import Filters

PAGE = "pages/2_Action_items.py"


def run(**query):
    return run_page(PAGE, **query)


def query(db, sql, params=None):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or {}).fetchall()
    finally:
        con.close()


# --------------------------------------------------------------------------------------
# The page on the demo data


def test_totals_equal_report_json(demo):
    at = run()
    assert not at.exception, at.exception
    start, end = default_period_of(demo / "h.duckdb")
    a = dict(report_json(demo / "h.duckdb", start, end)["actions"])  # (a copy: the report is cached)
    shown = {m.label: m.value for m in at.metric}
    assert shown["Action items"] == str(a["total"])
    assert shown["Done"] == str(a["done"])
    assert shown["Open"] == str(a["open"])
    assert shown["Won't do"] == str(a["wont_do"])
    assert shown["Overdue"] == str(a["overdue"])
    assert shown["Completion rate"] == f"{a['completion_rate']:.0%}"
    assert shown["On-time rate"] == f"{a['on_time_rate']:.0%}"
    assert shown["Without owner"] == str(a["without_owner"])
    assert shown["Without due date"] == str(a["without_due"])
    # the data function itself, not only its rounding on the page
    t = actions.totals(Reader(demo / "h.duckdb"), Filters(start, end), date.today())
    eq = a.pop("done_within_90_days")
    assert {k: getattr(t, k) for k in a} == a
    assert shown["Done within 90 days"] == f"{eq['rate']:.0%}"


def test_overdue_list_matches_duckdb(demo):
    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    today = date.today()
    expected = query(demo / "h.duckdb", """
        SELECT action, deadline FROM mart_action_items
        WHERE incident_date BETWEEN $f AND $t AND status = 'open' AND deadline < $a
        ORDER BY deadline, action""", {"f": start, "t": end, "a": today})
    table = next(d for d in at.dataframe if "days overdue" in d.value.columns)
    df = table.value
    assert len(df) == len(expected) > 0
    assert sorted(zip(df["action"], df["deadline"])) == sorted(expected)
    assert list(df["days overdue"]) == sorted(df["days overdue"], reverse=True)
    assert all(df["days overdue"] == [(today - d).days for d in df["deadline"]])
    assert {"incident", "action", "owner", "deadline", "days overdue", "ticket"} <= set(df.columns)
    config = json.loads(table.proto.columns)
    assert config["ticket"]["type_config"]["type"] == "link" and "link" not in df.columns
    links = df["ticket"][df["ticket"] != ""]  # the cell is the address, its text the key (ui/tables.py)
    assert len(links) and all(u.startswith(("http://", "https://")) for u in links)
    text = shown_cells(table)
    assert len(text) == len(df) and not text["ticket"].str.startswith("http").any()
    assert list(text.columns)[list(text.columns).index("ticket") + 1] == "tracker status"


def test_charts_state_n_and_period_and_skip_small_months(demo):
    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    figs = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    assert len(figs) == 4
    for fig in figs:
        title = fig["layout"]["title"]["text"]
        assert "n=" in title and f"{start} to {end}" in title, title
    monthly = actions.monthly(Reader(demo / "h.duckdb"), Filters(start, end), date.today(), 10)
    rates = figs[1]["data"][0]
    assert rates["x"] == list(monthly["month"])          # every month stays on the axis
    for month, n, y in zip(monthly["month"], monthly["completion n"], rates["y"]):
        assert (y is None) == (n < 10), month
    assert any(y is None for y in rates["y"])           # the partial first month is not drawn


def test_by_team_owner_severity_add_up(demo):
    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    a = report_json(demo / "h.duckdb", start, end)["actions"]
    tables = {}
    for by in ("team", "owner", "severity"):   # one breakdown shown at a time, chosen above the table
        at.segmented_control(key="actions_by").set_value(by).run()
        tables[by] = df = next(d.value for d in at.dataframe if d.value.columns[0] == by)
        assert df["items"].sum() == a["total"]
        assert df["done"].sum() == a["done"]
        assert df["overdue"].sum() == a["overdue"]
        assert ((df["completion"] >= df["completion 90% low"]) & (df["completion"] <= df["completion 90% high"])
                | df["completion"].isna()).all()
    assert "(no owner)" in set(tables["owner"]["owner"])


def test_wishes_and_wont_do_are_apart(demo):
    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    (wishes, wont), = query(demo / "h.duckdb", """
        SELECT count(*) FILTER (WHERE status <> 'wont_do' AND (owner IS NULL OR due_date IS NULL OR ticket IS NULL)),
               count(*) FILTER (WHERE status = 'wont_do')
        FROM mart_action_items WHERE incident_date BETWEEN $f AND $t""", {"f": start, "t": end})
    headers = [s.value for s in at.subheader]
    assert f"Wishes ({wishes})" in headers and f"Won't do ({wont})" in headers
    wish_table = next(d.value for d in at.dataframe if "missing" in d.value.columns)
    assert len(wish_table) == wishes
    assert all(wish_table["missing"].str.len() > 0)


def test_filters_that_leave_nothing(demo):
    at = run()
    # a day inside the data with no postmortem dated on it
    dates = {r[0] for r in query(demo / "h.duckdb", "SELECT DISTINCT incident_date FROM mart_incidents")}
    start, end = default_period_of(demo / "h.duckdb")
    day = next(start + timedelta(days=i) for i in range(400) if start + timedelta(days=i) not in dates)
    at.selectbox(key="period").set_value("Custom dates").run()
    at.date_input(key="from").set_value(day).run()
    at.date_input(key="to").set_value(day).run()
    assert not at.exception, at.exception
    assert any("No action items" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_empty_database(empty):
    at = run()
    assert not at.exception, at.exception
    assert "hindsight ingest" in at.info[0].value


# --------------------------------------------------------------------------------------
# The figures on a hand-built corpus
#
# Period 2026-01-01 .. 2026-03-31, as of 2026-03-01:
#   A (2026-02-03, SEV-3): A1 done 02-10, due 02-20 (on time); A2 open, due 02-10 (overdue
#   19 days); A3 won't do; A4 open, no owner/due/ticket (deadline 02-03 + 60 = 04-04);
#   A5 done 02-20, due 02-05 (late).
#   B (2026-03-10, SEV-2): B1 done by the document's word (no date: on time), no owner,
#   due or ticket (deadline 03-10 + 30).
#   C (2025-12-01): before the period; C1 open and overdue, C2 closed 2026-01-15.

JIRA = """Summary,Issue key,Issue id,Issue Type,Status,Resolution,Assignee,Created,Resolved,Status Category
Canary,OPS-1,1,Task,Done,Done,Priya Raman,03/Feb/26 9:00 AM,10/Feb/26 4:30 PM,Done
Queue depth,OPS-2,2,Task,In Progress,,Tomas Berg,03/Feb/26 9:05 AM,,In Progress
Late fix,OPS-4,4,Task,Done,Done,Dee Long,03/Feb/26 9:05 AM,20/Feb/26 9:00 AM,Done
Old fix,OPS-5,5,Task,Done,Done,Dee Long,01/Dec/25 9:05 AM,15/Jan/26 9:00 AM,Done
"""
AS_OF = date(2026, 3, 1)
PERIOD = Filters(date(2026, 1, 1), date(2026, 3, 31))


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    folder = tmp_path_factory.mktemp("small")
    src = folder / "src"
    src.mkdir()
    docs = {
        "a.md": house_doc(title="Queue backlog", day="2026-02-03", severity="SEV-3", actions=(
            ("Add a canary stage", "@ann", "Feb 20", "OPS-1"), ("Alert on queue depth", "@bob", "Feb 10", "OPS-2"),
            ("Build our own status page — won't do", "@cy", "Mar 1", "OPS-3"), ("Write a runbook", "", "", ""),
            ("Late fix", "@dee", "Feb 5", "OPS-4"))),
        "b.md": house_doc(title="Disk full", day="2026-03-10", severity="SEV-2",
                          actions=(("Rotate logs DONE", "", "", ""),)),
        "c.md": house_doc(title="Old outage", day="2025-12-01", actions=(
            ("Old open item", "@ann", "Dec 20", "OPS-9"), ("Old fix", "@dee", "Jan 30", "OPS-5"))),
        "jira.csv": JIRA,
    }
    for name, text in docs.items():
        (src / name).write_text(text, encoding="utf-8")
    db = folder / "h.duckdb"
    ingest(Config(), [str(src)], db)
    reader = Reader(db)
    yield reader
    reader.close()


def test_small_totals(small):
    t = actions.totals(small, PERIOD, AS_OF)
    assert {k: getattr(t, k) for k in ("total", "done", "open", "wont_do", "overdue", "on_time", "due_or_done",
                              "without_owner", "without_due", "without_ticket", "done_undated")} == {
        "total": 6, "done": 3, "open": 2, "wont_do": 1, "overdue": 1, "on_time": 2, "due_or_done": 4,
        "without_owner": 2, "without_due": 2, "without_ticket": 2, "done_undated": 1}
    assert t.completion_rate == pytest.approx(3 / 5)
    assert t.on_time_rate == pytest.approx(2 / 4)
    lo, hi = t.completion_ci
    assert lo < 0.6 < hi
    # the same figures as the report's definition (metrics/sql/report_actions.sql)
    a = report.build(small, PERIOD.date_from, PERIOD.date_to, AS_OF)["actions"]
    eq = a.pop("done_within_90_days")
    assert {k: getattr(t, k) for k in a} == a
    # equal age as of 03-01: A's four decided items are 26 days old, too recent for a
    # 90-day window; B (03-10) lies after as-of
    assert eq == {"rate": None, "done": 0, "eligible": 0, "too_recent": 4, "undated_done": 0, "undated_eligible": 0,
                  "bounds": None}


def test_small_monthly_says_not_enough_data(small):
    df = actions.monthly(small, PERIOD, AS_OF, min_sample=10)
    assert list(df["month"]) == ["2026-01", "2026-02", "2026-03"]
    assert list(df["items"]) == [0, 5, 1]
    assert df["completion"].isna().all() and df["on time"].isna().all()
    # (completion at equal age: Feb is 26 days old on 03-01, too young for 90 days)
    assert set(df["completion note"]) == {"not enough data", "under 90 days old"}
    fig = charts_actions.monthly_rates(df, PERIOD.describe(), 10)
    assert all(y is None or y != y for t in fig.data[:2] for y in t.y)
    assert any("not enough data" in a.text for a in fig.layout.annotations)

    df = actions.monthly(small, PERIOD, AS_OF, min_sample=1)
    assert df.set_index("month").loc["2026-02", "completion note"] == "under 90 days old"
    # within 20 days: A1 closed 02-10 (7 d), A5 02-20 (17 d); A2 and A4 open: 2 of 4
    df = actions.monthly(small, PERIOD, AS_OF, min_sample=1, days=20)
    feb = df.set_index("month").loc["2026-02"]
    assert (feb["completion n"], feb["completion"]) == (4, pytest.approx(2 / 4))
    assert (feb["on time n"], feb["on time"]) == (3, pytest.approx(1 / 3))
    assert feb["completion 90% low"] < 0.5 < feb["completion 90% high"]


def test_small_breakdowns(small):
    owners = actions.breakdown(small, PERIOD, AS_OF, "owner").set_index("owner")
    assert owners.loc["(no owner)", "items"] == 2
    assert owners.loc["Tomas Berg", "overdue"] == 1           # the tracker's assignee wins
    sev = actions.breakdown(small, PERIOD, AS_OF, "severity").set_index("severity")
    assert dict(sev["items"]) == {"SEV2": 1, "SEV3": 5}
    assert sev.loc["SEV3", "won't do"] == 1 and sev.loc["SEV3", "completion n"] == 4
    team = actions.breakdown(small, PERIOD, AS_OF, "team")
    assert team["items"].sum() == 6


def test_small_lists(small):
    overdue = actions.overdue(small, PERIOD, AS_OF)
    assert list(overdue["action"]) == ["Alert on queue depth"]
    assert list(overdue["days overdue"]) == [19]
    assert list(overdue["deadline source"]) == ["due date"]

    wishes = actions.wishes(small, PERIOD, AS_OF)
    assert list(wishes["action"]) == ["Write a runbook", "Rotate logs DONE"]   # open first
    assert list(wishes["missing"]) == ["owner, due date, ticket"] * 2

    wont = actions.wont_do(small, PERIOD, AS_OF)
    assert list(wont["action"]) == ["Build our own status page — won't do"]

    ages = actions.open_ages(small, PERIOD, AS_OF)["age_days"]
    assert sorted(ages) == [26, 26]                              # 2026-02-03 to 2026-03-01
    assert actions.age_summary(ages, min_sample=10).median is None
    assert actions.age_summary(ages, min_sample=2).median == 26


def test_small_flow(small):
    df = actions.flow(small, PERIOD).set_index("month")
    assert dict(df["opened"]) == {"2026-01": 0, "2026-02": 5, "2026-03": 1}
    # closed by resolution date in the period, whatever the incident's date (C2 in January)
    assert dict(df["closed"]) == {"2026-01": 1, "2026-02": 2, "2026-03": 0}
    fig = charts_actions.flow(df.reset_index(), PERIOD.describe())
    assert "n=6 opened, 3 closed" in fig.layout.title.text


def test_rate_table_on_a_frame():
    import pandas as pd

    rows = [{"k": "a", "is_done": d, "is_open": not d and not w, "is_wont_do": w, "is_overdue": False,
             "is_on_time": d, "is_due_or_done": d} for d, w in [(True, False)] * 3 + [(False, True), (False, False)]]
    df = actions.rate_table(pd.DataFrame(rows), "k")
    assert df.loc[0, "items"] == 5 and df.loc[0, "completion n"] == 4
    assert df.loc[0, "completion"] == pytest.approx(0.75)
    empty = actions.rates(pd.DataFrame(rows[3:4]))
    assert empty["completion_rate"] is None and empty["completion_ci"] is None


def test_listings_fetch_their_first_rows_in_order(demo):
    """The page asks for the first rows only: they are the full listing's first rows, and
    the totals give each listing's size (shown in the headings and the "of N" caption)."""
    reader = Reader(demo / "h.duckdb")
    start, end = default_period_of(demo / "h.duckdb")
    f, today = Filters(start, end), date.today()
    t = actions.totals(reader, f, today)
    for fn, total in ((actions.overdue, t.overdue), (actions.wishes, t.wishes), (actions.wont_do, t.wont_do)):
        every = fn(reader, f, today)
        assert len(every) == total > 3, fn.__name__
        assert fn(reader, f, today, 3).equals(every.head(3)), fn.__name__


def test_a_long_listing_says_how_many_the_csv_holds(demo, monkeypatch):
    at, reader, f = run_page_capped(PAGE, demo, monkeypatch)
    t = actions.totals(reader, f, date.today())
    captions = [c.value for c in at.caption]
    assert any(f"Showing the first 2 of {t.overdue:,} rows; the CSV has all." in c for c in captions)
    assert any(f"Showing the first 2 of {t.wishes:,} rows; the CSV has all." in c for c in captions)
    table = next(d for d in at.dataframe if "days overdue" in d.value.columns)
    assert len(table.value) == 2
    assert [s.value for s in at.subheader if s.value.startswith("Wishes")] == [f"Wishes ({t.wishes})"]


def test_an_unknown_listing_is_an_error_not_an_empty_list(demo):
    start, end = default_period_of(demo / "h.duckdb")
    with pytest.raises(ValueError, match="unknown listing"):
        actions.listed(Reader(demo / "h.duckdb"), Filters(start, end), date.today(), "overdues")


def test_the_pages_figures_side_by_side_are_each_figure_alone(demo_reader):
    """metrics/actions_page.figures runs the figures in threads: the same values as one
    call each."""
    from datetime import date as _date

    from metrics import actions, actions_page, closing
    from metrics.filters import Filters

    f, today = Filters(_date(2025, 11, 1), _date(2026, 10, 31)), _date(2026, 11, 15)
    got = actions_page.figures(demo_reader, f, today, 10, 20)
    assert got.totals == actions.totals(demo_reader, f, today)
    assert got.equal_age == closing.equal_age(demo_reader, f, today, closing.DAYS, 10)
    assert got.within == tuple(closing.within(demo_reader, f, today, d) for d in actions_page.WINDOWS)
    assert (got.survival, got.undated) == closing.survival(demo_reader, f, today)
    for name, alone in (("monthly", actions.monthly(demo_reader, f, today, 10)), ("flow", actions.flow(demo_reader, f)),
                        ("overdue", actions.overdue(demo_reader, f, today, 20)),
                        ("open_ages", actions.open_ages(demo_reader, f, today)),
                        ("wishes", actions.wishes(demo_reader, f, today, 20)),
                        ("wont_do", actions.wont_do(demo_reader, f, today, 20))):
        assert getattr(got, name).equals(alone), name
