"""The Near misses page: runs on the demo data and on an empty database, shows per month
exactly ``hindsight report --json``'s near_misses.by_month and share, renders the "where
we got lucky" notes as text, and its metrics functions on a small hand-built corpus."""
from __future__ import annotations

import json
from datetime import date

import duckdb
import pytest
from conftest import load_corpus, team_and_class_with_no_incident, default_period_of, report_json, run_page
from conftest import table_with as table

PAGE = "pages/3_Near_misses.py"


def run(**query):
    return run_page(PAGE, **query)


_reports: dict = {}


# --- the page on the demo data --------------------------------------------------------

def test_runs_on_demo_data(demo):
    at = run()
    assert not at.exception, at.exception
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    title = json.loads(charts[0].proto.spec)["layout"]["title"]["text"]
    start, end = default_period_of(demo / "h.duckdb")
    assert "n=" in title and f"{start} to {end}" in title


def test_runs_on_an_empty_database(empty):
    at = run()
    assert not at.exception, at.exception
    assert "hindsight ingest" in at.info[0].value


def test_count_and_share_per_month_equal_report_json(demo):
    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    report = report_json(demo / "h.duckdb", start, end)["near_misses"]
    monthly = table(at, "month")
    assert dict(zip(monthly["month"], monthly["near_misses"].astype(int))) == report["by_month"]
    spec = json.loads(at.get("plotly_chart")[0].proto.spec)
    bars = [t for t in spec["data"] if t["type"] == "bar"][0]
    assert dict(zip(bars["x"], bars["y"])) == report["by_month"]
    shown = {m.label: m.value for m in at.metric}
    assert shown["Near misses"] == str(report["count"])
    assert shown["Share of reports"] == f"{report['share']:.0%}"
    # the whole table adds up to the report's share exactly
    assert monthly["near_misses"].sum() / monthly["reports"].sum() == pytest.approx(report["share"], abs=1e-12)


def test_monthly_share_and_band_equal_a_direct_query(demo):
    from metrics import stats

    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    con = duckdb.connect(str(demo / "h.duckdb"), read_only=True)
    counts = {m: (k, n) for m, k, n in con.execute(
        "SELECT strftime(incident_date, '%Y-%m'), count(*) FILTER (WHERE is_near_miss), count(*) "
        "FROM mart_incidents WHERE incident_date BETWEEN ? AND ? GROUP BY 1", [start, end]).fetchall()}
    con.close()
    monthly = table(at, "month").set_index("month")
    traces = {t.get("name"): t for t in json.loads(at.get("plotly_chart")[0].proto.spec)["data"]}
    line = [t for name, t in traces.items() if name and name.startswith("Share")][0]
    drawn = dict(zip(line["x"], line["y"]))
    for month, row in monthly.iterrows():
        k, n = counts.get(month, (0, 0))
        assert row["reports"] == n
        if n >= 10:
            # the table shows shares as whole percentages (ui/tables.py), the chart as fractions
            assert row["share"] == pytest.approx(100 * k / n) and drawn[month] == pytest.approx(k / n)
            assert [row["ci90_low"], row["ci90_high"]] == pytest.approx([100 * v for v in stats.wilson(k, n)])
        else:   # not enough data: no share, no point
            assert row["share"] != row["share"] and drawn[month] is None
    assert any(v is not None for v in drawn.values())


def test_by_team_and_class_equal_a_direct_query(demo):
    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    con = duckdb.connect(str(demo / "h.duckdb"), read_only=True)
    q = ("SELECT {col}, count(*) FILTER (WHERE is_near_miss), count(*) FILTER (WHERE NOT is_near_miss) "
         "FROM mart_incidents WHERE incident_date BETWEEN ? AND ? GROUP BY 1")
    teams = {r[0]: r[1:] for r in con.execute(q.format(col="team"), [start, end]).fetchall()}
    classes = {r[0]: r[1:] for r in con.execute(q.format(col="incident_class"), [start, end]).fetchall()}
    con.close()
    by_team = table(at, "team")
    by_class = table(at, "class")
    assert {r["team"]: (r["near_misses"], r["incidents"]) for r in by_team.to_dict("records")} == teams
    assert {r["class"]: (r["near_misses"], r["incidents"]) for r in by_class.to_dict("records")} == classes


def test_lucky_notes_of_the_newest_near_misses_as_text(demo):
    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    con = duckdb.connect(str(demo / "h.duckdb"), read_only=True)
    newest = con.execute(
        "SELECT p.incident_date, p.title, p.lucky FROM stg_postmortems p JOIN mart_incidents i USING (file_path) "
        "WHERE i.is_near_miss AND i.incident_date BETWEEN ? AND ? ORDER BY i.incident_date DESC LIMIT 1",
        [start, end]).fetchone()
    con.close()
    texts = [t.value for t in at.text]
    assert any(str(newest[0]) in t and newest[1] in t for t in texts)
    assert newest[2] and all(any(note in t for t in texts) for note in newest[2])
    assert not any(newest[2][0] in m.value for m in at.markdown)    # never rendered as markdown


def test_near_misses_excluded_by_the_sidebar_says_so(demo):
    at = run()
    at.toggle(key="near_misses").set_value(False).run()
    assert not at.exception, at.exception
    assert any("Include near misses" in i.value for i in at.info)
    assert not at.get("plotly_chart")


def test_filters_that_leave_nothing_say_so(demo):
    team, cls = team_and_class_with_no_incident(demo / "h.duckdb")
    at = run()
    at.multiselect(key="team").set_value([team])
    at.multiselect(key="class").set_value([cls])
    at.run()
    assert not at.exception, at.exception
    assert any("No postmortems under these filters" in i.value for i in at.info)


# --- the metrics functions on a hand-built corpus ---------------------------------------
#
# P = [2026-01-01, 2026-03-31]; min_sample 2 in these tests.
# name  date        team  near miss  lucky notes
# I1    2026-01-05  a     no         -
# I2    2026-01-20  b     no         -
# M1    2026-01-25  a     yes        "Disk_usage_alert fired < 1 min & [someone] looked", "Low traffic"
# M2    2026-03-02  b     yes        (no section)
# X0    2025-12-20  a     yes        before P

def postmortem(title, day, team, near_miss=False, lucky=()):
    notes = ("\n## Where we got lucky\n" + "".join(f"- {n}\n" for n in lucky)) if lucky else ""
    return (f"---\ntitle: {title}\ndate: {day}\nseverity: SEV-3\nclass: disk\nteams: [{team}]\n"
            f"near_miss: {'true' if near_miss else 'false'}\nstarted_at: {day}T10:00:00Z\n---\n"
            f"# {title}\n\n## Summary\nA disk filled.\n" + notes)


CORPUS = {
    "I1": postmortem("Disk full", "2026-01-05", "a"),
    "I2": postmortem("Disk full again", "2026-01-20", "b"),
    "M1": postmortem("Disk almost full", "2026-01-25", "a", near_miss=True,
                     lucky=["Disk_usage_alert fired < 1 min & [someone] looked", "Low traffic"]),
    "M2": postmortem("Disk nearly full", "2026-03-02", "b", near_miss=True),
    "X0": postmortem("Disk nearly full before", "2025-12-20", "a", near_miss=True, lucky=["Old luck"]),
}


@pytest.fixture(scope="module")
def small_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("near_misses_small")
    load_corpus(folder, CORPUS).close()
    return folder


@pytest.fixture(scope="module")
def small(small_folder):
    from metrics.db import Reader

    reader = Reader(small_folder / "h.duckdb")
    yield reader
    reader.close()


def P(**kw):
    from metrics.filters import Filters

    return Filters(date(2026, 1, 1), date(2026, 3, 31), **kw)


def test_summary_and_monthly(small):
    from metrics import near_misses, stats

    s = near_misses.summary(small, P())
    assert (s.near_misses, s.incidents, s.reports) == (2, 2, 4)
    assert s.share == 0.5 and s.ci90_share == stats.wilson(2, 4)
    m = near_misses.monthly(small, P(), min_sample=2).set_index("month")
    assert list(m.index) == ["2026-01", "2026-02", "2026-03"]
    assert m["near_misses"].tolist() == [1, 0, 1] and m["reports"].tolist() == [3, 0, 1]
    assert m.loc["2026-01", "share"] == pytest.approx(1 / 3)
    assert [m.loc["2026-01", "ci90_low"], m.loc["2026-01", "ci90_high"]] == pytest.approx(stats.wilson(1, 3))
    assert m["share"].isna().tolist() == [False, True, True]   # Feb: no reports; Mar: 1 < min_sample 2


def test_by_team_and_class(small):
    from metrics import near_misses, stats

    t = near_misses.by_team(small, P(), min_sample=2).set_index("team")
    assert t.loc["a", ["near_misses", "incidents", "reports"]].tolist() == [1, 1, 2]
    assert t.loc["b", "share"] == pytest.approx(0.5)
    assert [t.loc["b", "ci90_low"], t.loc["b", "ci90_high"]] == pytest.approx(stats.wilson(1, 2))
    assert near_misses.by_team(small, P(), min_sample=3)["share"].isna().all()   # 2 reports each < 3
    c = near_misses.by_class(small, P(teams=("a",))).set_index("class")
    assert c.loc["disk", ["near_misses", "incidents"]].tolist() == [1, 1]


def test_lucky_newest_first_with_empty_lists(small):
    from metrics import near_misses

    got = near_misses.lucky(small, P())
    assert [g["title"] for g in got] == ["Disk nearly full", "Disk almost full"]
    assert got[0]["lucky"] == []
    assert got[1]["lucky"] == ["Disk_usage_alert fired < 1 min & [someone] looked", "Low traffic"]
    assert got[1]["incident_date"] == date(2026, 1, 25)
    assert len(near_misses.lucky(small, P(), 1)) == 1
    assert near_misses.lucky_counts(small, P()) == near_misses.LuckyCounts(near_misses=2, with_notes=1)
    assert near_misses.lucky(small, P(near_misses=False)) == []


def test_lucky_notes_are_shown_as_plain_text(small_folder, monkeypatch):
    cfg = small_folder / "hindsight.yaml"
    cfg.write_text(f"database: {small_folder / 'h.duckdb'}\n", encoding="utf-8")
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(cfg))
    at = run()
    at.selectbox(key="period").set_value("Custom dates").run()
    at.date_input(key="from").set_value(date(2026, 1, 1))
    at.date_input(key="to").set_value(date(2026, 3, 31))
    at.run()
    assert not at.exception, at.exception
    texts = [t.value for t in at.text]
    assert any("• Disk_usage_alert fired < 1 min & [someone] looked" in t for t in texts)
    assert not any("Disk_usage_alert" in m.value for m in at.markdown)
    assert any("No 'where we got lucky' section" in c.value for c in at.caption)
