"""The Recurrence page: runs on the demo data and on an empty database, shows per class
exactly what ``hindsight report --json`` lists, and its metrics functions on a small
hand-built corpus."""
from __future__ import annotations

import json
from datetime import date

import duckdb
import pandas as pd
import pytest
from conftest import load_corpus, run_page_capped, shown as shown_cells, team_and_class_with_no_incident, default_period_of, report_json, run_page

PAGE = "pages/1_Recurrence.py"


def run(**query):
    return run_page(PAGE, **query)


_reports: dict = {}


def table(at, name_column, value):
    """The shown table whose column ``name_column`` exists (and, if given, holds value)."""
    for df in (el.value for el in at.dataframe):
        if name_column in df.columns and (value is None or value in set(df[name_column])):
            return df
    raise AssertionError(f"no table with column {name_column}")


# --- the page on the demo data --------------------------------------------------------

def test_runs_on_demo_data_with_a_titled_heatmap(demo):
    at = run()
    assert not at.exception, at.exception
    charts = at.get("plotly_chart")
    assert len(charts) == 1
    spec = json.loads(charts[0].proto.spec)
    title = spec["layout"]["title"]["text"]
    start, end = default_period_of(demo / "h.duckdb")
    assert "n=" in title and f"{start} to {end}" in title
    assert spec["data"][0]["type"] == "heatmap"


def test_runs_on_an_empty_database(empty):
    at = run()
    assert not at.exception, at.exception
    assert "hindsight ingest" in at.info[0].value


def test_per_class_figures_equal_report_json(demo):
    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    report = report_json(demo / "h.duckdb", start, end)
    shown = table(at, "repeats_after_fix", None)
    rows = [{"class": r["class"], "incidents": int(r["incidents"]), "repeats": int(r["repeats"]),
             "repeats_after_fix": int(r["repeats_after_fix"]), "frequent": bool(r["frequent"]),
             "by_chance": None if r["class"] == "unclassified" else {
                 "expected": pytest.approx(r["chance_expected"]), "low": int(r["chance_low"]),
                 "high": int(r["chance_high"]), "verdict": r["beyond_chance"]}}
            for r in shown.to_dict("records")]
    assert rows == report["recurrence"]
    assert any(r["repeats_after_fix"] for r in rows)  # the demo exercises the signal that matters


def test_heatmap_cells_equal_a_direct_query(demo):
    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    trace = json.loads(at.get("plotly_chart")[0].proto.spec)["data"][0]
    shown = {(c, m): v for c, row in zip(trace["y"], trace["z"]) for m, v in zip(trace["x"], row) if v}
    con = duckdb.connect(str(demo / "h.duckdb"), read_only=True)
    expected = dict(((c, m), n) for c, m, n in con.execute(
        "SELECT incident_class, strftime(incident_date, '%Y-%m'), count(*) FROM mart_incidents "
        "WHERE NOT is_near_miss AND incident_date BETWEEN ? AND ? GROUP BY ALL", [start, end]).fetchall())
    con.close()
    assert shown == expected
    report = report_json(demo / "h.duckdb", start, end)
    assert sum(shown.values()) == report["incidents"]["total"]
    assert trace["x"][0] == f"{start:%Y-%m}" and trace["x"][-1] == f"{end:%Y-%m}"


def test_novel_and_median_gap_equal_a_direct_query(demo):
    from metrics import stats

    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    shown = table(at, "novel", None).set_index("class")
    con = duckdb.connect(str(demo / "h.duckdb"), read_only=True)
    before = {r[0] for r in con.execute(
        "SELECT DISTINCT incident_class FROM mart_incidents WHERE NOT is_near_miss AND incident_date < ?",
        [start]).fetchall()}
    gaps = dict(con.execute(
        "SELECT incident_class, list(days_since_predecessor ORDER BY start_ts, file_path) FROM mart_recurrence "
        "WHERE is_repeat AND incident_date BETWEEN ? AND ? GROUP BY 1", [start, end]).fetchall())
    con.close()
    for cls, row in shown.iterrows():
        assert bool(row["novel"]) == (cls not in before), cls
        g = gaps.get(cls, [])
        if len(g) >= 10:
            assert row["median_days_between_repeats"] == pytest.approx(stats.median(g))
            assert [row["ci90_low_days"], row["ci90_high_days"]] == pytest.approx(stats.bootstrap_median_ci(g))
        else:
            assert pd.isna(row["median_days_between_repeats"]) or row["median_days_between_repeats"] == ""  # not enough


def test_open_items_of_predecessors_with_links_and_owners(demo):
    at = run()
    start, end = default_period_of(demo / "h.duckdb")
    shown = table(at, "came_back_as", None)
    con = duckdb.connect(str(demo / "h.duckdb"), read_only=True)
    expected = con.execute(
        "SELECT DISTINCT a.file_path, a.item_seq FROM mart_recurrence r "
        "JOIN mart_action_items a ON a.file_path = r.predecessor_path "
        "WHERE r.is_repeat AND a.status = 'open' AND r.incident_date BETWEEN ? AND ?", [start, end]).fetchall()
    con.close()
    assert len(shown) == len(expected) > 0
    assert {"owner", "ticket"} <= set(shown.columns) and "ticket_url" not in shown.columns
    links = shown["ticket"][shown["ticket"] != ""]  # the cell is the address, its text the key
    assert len(links) and links.str.startswith("https://").all()
    el = [e for e in at.dataframe if "came_back_as" in e.value.columns][0]
    config = json.loads(el.proto.columns)
    assert config["ticket"]["type_config"]["type"] == "link"
    text = shown_cells(el)
    assert not text["ticket"].str.startswith("http").any()  # keys, never addresses
    assert list(text.columns).index("ticket_status") == list(text.columns).index("ticket") + 1


def test_filters_that_leave_nothing_say_so(demo):
    team, cls = team_and_class_with_no_incident(demo / "h.duckdb")
    at = run()
    at.multiselect(key="team").set_value([team])
    at.multiselect(key="class").set_value([cls])
    at.run()
    assert not at.exception, at.exception
    assert any("No incidents under these filters" in i.value for i in at.info)
    assert not at.get("plotly_chart")


# --- the metrics functions on a hand-built corpus ---------------------------------------
#
# class   name  start        team  action items (document status)        in P = [2026-03-01, 2026-04-30]
# db      B0    2026-01-10   a     "Add an index" Done, "Tune vacuum" Open  before P
# db      B1    2026-03-05   a     "Shard the table" Done                   repeat of B0 (B0 not fixed)
# db      B2    2026-03-20   b     -                                        repeat after fix (B1 all done)
# db      B3    2026-04-25   a     -                                        repeat of B2 (no items: not fixed)
# dns     D1    2026-03-10   b     "Cache answers" Open                     first: novel (no dns before P)
# dns     D2    2026-04-12   b     -                                        repeat of D1 (open item listed)
# net     N0    2025-10-01   a     -                                        > 90 days before N1
# net     N1    2026-04-01   a     -                                        not a repeat, not novel
# db NM   M1    2026-03-25   a     near miss: never a repeat nor a predecessor

def postmortem(title, day, cls, team="a", near_miss=False, actions=()):
    rows = "\n".join(f"| {n} | {text} | @ann | 2026-06-01 | | {status} |"
                     for n, (text, status) in enumerate(actions, 1))
    items = ("\n## Action items\n| # | Action | Owner | Due | Ticket | Status |\n"
             "|---|--------|-------|-----|--------|--------|\n" + rows + "\n") if actions else ""
    # one service per class: every same-class pair here is the same failure (the default
    # recurrence key is the class and a service)
    return (f"---\ntitle: {title}\ndate: {day}\nseverity: SEV-2\nclass: {cls}\nteams: [{team}]\nservices: [{cls}-svc]\n"
            f"near_miss: {'true' if near_miss else 'false'}\nstarted_at: {day}T10:00:00Z\n---\n"
            f"# {title}\n\n## Summary\nIt broke.\n" + items)


CORPUS = {
    "B0": postmortem("DB slow", "2026-01-10", "db", actions=[("Add an index", "Done"), ("Tune vacuum", "Open")]),
    "B1": postmortem("DB slow again", "2026-03-05", "db", actions=[("Shard the table", "Done")]),
    "B2": postmortem("DB slow thrice", "2026-03-20", "db", team="b"),
    "B3": postmortem("DB slow four", "2026-04-25", "db"),
    "D1": postmortem("DNS down", "2026-03-10", "dns", team="b", actions=[("Cache answers", "Open")]),
    "D2": postmortem("DNS down again", "2026-04-12", "dns", team="b"),
    "N0": postmortem("Net flap", "2025-10-01", "net"),
    "N1": postmortem("Net flap again", "2026-04-01", "net"),
    "M1": postmortem("DB almost slow", "2026-03-25", "db", near_miss=True, actions=[("Watch it", "Open")]),
}


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    reader = load_corpus(tmp_path_factory.mktemp("recurrence_small"), CORPUS)
    yield reader
    reader.close()


def P(**kw):
    from metrics.filters import Filters

    return Filters(date(2026, 3, 1), date(2026, 4, 30), **kw)


def test_classes_counts_flags_and_gaps(small):
    from metrics import recurrence

    df = recurrence.classes(small, P(), min_sample=2).set_index("class")
    assert list(df.index) == ["db", "dns", "net"]          # most incidents first
    assert df.loc["db", ["incidents", "repeats", "repeats_after_fix"]].tolist() == [3, 3, 1]
    assert df.loc["dns", ["incidents", "repeats", "repeats_after_fix"]].tolist() == [2, 1, 0]
    assert df.loc["net", ["incidents", "repeats", "repeats_after_fix"]].tolist() == [1, 0, 0]
    assert df["novel"].to_dict() == {"db": False, "dns": True, "net": False}
    # 6 incidents in P: db 3/6 = 50% and dns 2/6 = 33% frequent, net 1/6 = 17% not
    assert df["frequent"].to_dict() == {"db": True, "dns": True, "net": False}
    # db gaps: B1-B0 54 days, B2-B1 15, B3-B2 36 -> median 36; dns: one gap < min_sample 2
    assert df.loc["db", "median_days_between_repeats"] == pytest.approx(36.0)
    assert df.loc["db", "ci90_low_days"] <= 36.0 <= df.loc["db", "ci90_high_days"]
    assert df.loc["dns", "median_days_between_repeats"] != df.loc["dns", "median_days_between_repeats"]
    assert df.loc["db", "days_between_repeats"].startswith("36.0 (90% CI ")
    assert df["days_between_repeats"][["dns", "net"]].tolist() == ["not enough data (n=1)", "no repeats"]


def test_frequent_is_not_made_by_the_class_filter(small):
    from metrics import recurrence

    df = recurrence.classes(small, P(classes=("net",))).set_index("class")
    assert list(df.index) == ["net"] and not df.loc["net", "frequent"]   # 1 of 6, not 1 of 1
    assert df.loc["net", "share"] == pytest.approx(1 / 6)


def test_team_filter_narrows_repeats_and_denominator(small):
    from metrics import recurrence

    df = recurrence.classes(small, P(teams=("b",))).set_index("class")
    # team b in P: B2 (db, after fix), D1, D2 (dns) -> 3 incidents
    assert df.loc["db", ["incidents", "repeats", "repeats_after_fix"]].tolist() == [1, 1, 1]
    assert df.loc["dns", "share"] == pytest.approx(2 / 3) and df.loc["dns", "frequent"]


def test_open_items_are_those_of_predecessors(small):
    from metrics import recurrence

    df = recurrence.open_items(small, P(), date(2026, 5, 1))
    got = sorted(zip(df["class"], df["earlier_incident"], df["action"], df["came_back_as"]))
    # B0's open "Tune vacuum" (B1 came back after it), D1's "Cache answers" (D2 came back);
    # B0's done item, B1's done item and the near miss's item are not listed
    assert got == [("db", "DB slow", "Tune vacuum", "DB slow again"),
                   ("dns", "DNS down", "Cache answers", "DNS down again")]
    assert df["owner"].notna().all()
    assert not df["overdue"].any()                          # due 2026-06-01, as of 2026-05-01


def test_the_first_open_items_are_the_head_of_all_of_them_with_their_count(small):
    from metrics import recurrence

    every = recurrence.open_items(small, P(), date(2026, 5, 1))
    head, listed = recurrence.first_open_items(small, P(), date(2026, 5, 1), 1)
    assert listed == len(every) == 2 and head.equals(every.head(1))
    none, zero = recurrence.first_open_items(small, P(teams=("nobody",)), date(2026, 5, 1), 1)
    assert none.empty and zero == 0 and list(none.columns) == list(every.columns)


def test_a_long_open_items_list_says_how_many_the_csv_holds(demo, monkeypatch):
    from metrics import recurrence
    at, reader, f = run_page_capped(PAGE, demo, monkeypatch)
    every = recurrence.open_items(reader, f, date.today())
    assert len(every) > 2
    captions = [c.value for c in at.caption]
    assert any(c.startswith(f"{len(every)} action items still open") and
               f"Showing the first 2 of {len(every):,} rows; the CSV has all." in c for c in captions)
    assert len(table(at, "came_back_as", None)) == 2


def test_heatmap_fills_every_month(small):
    from metrics import recurrence

    grid = recurrence.heatmap(small, P())
    assert list(grid.columns) == ["2026-03", "2026-04"]
    assert grid.loc["db"].tolist() == [2, 1] and grid.loc["net"].tolist() == [0, 1]
    assert list(grid.index)[0] == "db"
    assert recurrence.heatmap(small, P(teams=("nobody",))).empty


def test_the_demos_repeats_are_exactly_the_planted_ones(demo_reader):
    """The demo generator plants repeats (the same team, class and service coming back
    within 90 days) and keeps every other incident off the services its class used in
    the 90 days before: the recurrence figures count exactly the planted repeats, and
    unrelated incidents of a busy class are not repeats."""
    import os

    import demo as generator
    from conftest import ROOT

    corpus = generator.build(200, 7)   # what data/sample holds
    sample = ROOT / "data" / "sample"
    counted = {os.path.relpath(p, sample) for (p,) in demo_reader.query(
        "SELECT file_path FROM mart_recurrence WHERE is_repeat")}
    planted = {inc.path for inc in corpus.incidents if inc.repeat_of is not None}
    assert len(planted) >= 20 and counted == planted
    busy = max({inc.cls for inc in corpus.incidents}, key=lambda c: sum(i.cls == c for i in corpus.incidents))
    assert sum(1 for i in corpus.incidents if i.cls == busy and not i.near_miss and i.path not in planted) > 10


def test_the_pages_figures_side_by_side_are_each_figure_alone(demo_reader):
    """metrics/recurrence_page.figures runs the figures in threads: the same values as one
    call each."""
    from datetime import date as _date

    from metrics import recurrence, recurrence_page, repeats, suggest
    from metrics.filters import Filters

    f, today = Filters(_date(2025, 11, 1), _date(2026, 10, 31)), _date(2026, 11, 15)
    got = recurrence_page.figures(demo_reader, f, today, 10, 20)
    items, listed = recurrence.first_open_items(demo_reader, f, today, 20)
    assert got.rule == repeats.rule(demo_reader) and got.open_listed == listed
    assert got.heatmap.equals(recurrence.heatmap(demo_reader, f))
    assert got.classes.equals(recurrence.classes(demo_reader, f, 10))
    assert got.open_items.equals(items)
    assert got.suggestions == suggest.suggestions(demo_reader, f)


def test_incidents_that_name_no_service_are_said_to_be_out_of_reach_of_the_key(tmp_path, monkeypatch):
    """Under the default key (class and a shared service) an incident with no service can
    never repeat: the page says how many there are and what to do, instead of a bare
    "No class repeated"."""
    from conftest import house_doc, run_cli

    docs = tmp_path / "pm"
    docs.mkdir()
    for n in range(1, 5):
        impact = "- Duration: 10:04–10:30 UTC (26 min)" + ("\n- Services: orders-db" if n == 1 else "")
        (docs / f"INC-{n}.md").write_text(house_doc(title=f"Pool exhausted {n}", day=f"2026-02-0{n}", impact=impact,
                                                    extra_meta=" | **Class:** database"), encoding="utf-8")
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\nsources:\n  postmortems: ['{docs}/*.md']\n")
    assert run_cli("ingest", "-q", "--config", str(cfg)).returncode == 0
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(cfg))
    at = run(**{"from": "2026-01-01", "to": "2026-03-31"})
    assert not at.exception, at.exception
    said = " ".join(w.value for w in at.warning)
    assert "3 of the 4 incidents here name no service" in said and "recurrence_key: class" in said

    cfg.write_text(cfg.read_text() + "recurrence_key: class\n")
    assert run_cli("ingest", "-q", "--config", str(cfg)).returncode == 0
    at = run(**{"from": "2026-01-01", "to": "2026-03-31"})
    assert not any("name no service" in w.value for w in at.warning)
