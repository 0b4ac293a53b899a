"""The Detection page (pages/4_Detection.py) and metrics/detection.py: the page on the
demo data and on an empty database, its figures against `hindsight report --json` and
direct DuckDB queries, and the metric functions on a small hand-built corpus."""
import json
from datetime import date

import duckdb
import pandas as pd
import pytest
from conftest import default_period_of, report_json, run_page, ROOT, house_doc, run_cli

from metrics import detection, stats
from metrics.charts_detection import minutes
from metrics.db import Reader
from metrics.filters import Filters

PAGE = str(ROOT / "pages" / "4_Detection.py")


def run(**query):
    return run_page(PAGE, **query)


def metrics_of(at):
    return {m.label: m.value for m in at.metric}


def charts_of(at):
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


# --------------------------------------------------------------------------------------
# The page on the demo data


def test_page_runs_on_demo_data_with_three_titled_charts(demo):
    at = run()
    assert not at.exception, at.exception
    figs = charts_of(at)
    assert len(figs) == 3
    for fig in figs:
        title = fig["layout"]["title"]["text"]
        assert "n=" in title and " to " in title, title


def test_page_runs_on_an_empty_database(empty):
    at = run()
    assert not at.exception, at.exception
    assert "hindsight ingest" in at.info[0].value


@pytest.mark.parametrize("measure, key", [("detect", "time_to_detect"), ("resolve", "time_to_resolve")])
def test_overall_n_and_median_equal_report_json(demo, measure, key):
    db = demo / "h.duckdb"
    start, end = default_period_of(db)
    expected = report_json(db, start, end)[key]
    at = run(measure=measure)
    assert not at.exception, at.exception
    shown = metrics_of(at)
    what = detection.label(measure)
    assert expected["n"] >= 10
    assert shown[f"Incidents with a {what}"] == str(expected["n"])
    assert shown[f"Median {what}"] == minutes(expected["median_min"])
    assert shown[f"p90 {what}"] == minutes(expected["p90_min"])
    # and the data function itself, exactly
    reader = Reader(db)
    try:
        s = detection.summary(reader, Filters(start, end), measure)
        trend = detection.trend(reader, Filters(start, end), measure, "month")
    finally:
        reader.close()
    assert s.n == expected["n"]
    assert s.median == pytest.approx(expected["median_min"])
    assert s.p90 == pytest.approx(expected["p90_min"])
    # per month: the same n; the same median wherever the page draws one
    by_month = {r.bucket: r for r in trend.itertuples()}
    for month, m in expected["by_month"].items():
        assert by_month[month].n == m["n"]
        if m["n"] >= 10:
            assert by_month[month].median_min == pytest.approx(m["median_min"])
        else:
            assert pd.isna(by_month[month].median_min)


def test_measure_selector_switches_the_figures(demo):
    at = run()
    assert "Median time to detect" in metrics_of(at)
    at.radio(key="measure").set_value("mitigate").run()
    assert not at.exception
    shown = metrics_of(at)
    assert "Median time to mitigate" in shown
    db = demo / "h.duckdb"
    start, end = default_period_of(db)
    con = duckdb.connect(str(db), read_only=True)
    n = con.execute("SELECT count(ttm_minutes) FROM mart_incidents WHERE NOT is_near_miss "
                    "AND incident_date BETWEEN ? AND ?", [start, end]).fetchone()[0]
    con.close()
    assert shown["Incidents with a time to mitigate"] == str(n)


def test_trend_leaves_thin_buckets_empty_and_marks_them(demo):
    at = run(bucket="month")
    trend_fig = charts_of(at)[0]
    table = at.dataframe[0].value  # "Figures per month"
    median = next(t for t in trend_fig["data"] if t.get("name") == "median")
    assert len(median["y"]) == len(table)
    thin = table[table["n"] < 10]
    assert not thin.empty, "the demo's default period has thin months"
    for i, row in table.iterrows():
        if row["n"] < 10:
            assert median["y"][i] is None
            assert row["figure"] == "not enough data"
        else:
            assert median["y"][i] == pytest.approx(row["median_min"])
    notes = [a["text"] for a in trend_fig["layout"].get("annotations", [])]
    assert notes.count("not enough data") == len(thin)
    ticks = trend_fig["layout"]["xaxis"]["ticktext"]
    assert all("n=" in t for t in ticks)


def test_quarters_from_the_url(demo):
    at = run(bucket="quarter")
    assert not at.exception
    table = at.dataframe[0].value
    assert all("-Q" in b for b in table["bucket"])
    assert "per quarter" in charts_of(at)[0]["layout"]["title"]["text"]


def test_distribution_is_on_a_log_axis_without_near_misses(demo):
    db = demo / "h.duckdb"
    start, end = default_period_of(db)
    con = duckdb.connect(str(db), read_only=True)
    n = con.execute("SELECT count(ttd_minutes) FROM mart_incidents WHERE NOT is_near_miss "
                    "AND incident_date BETWEEN ? AND ?", [start, end]).fetchone()[0]
    con.close()
    fig = charts_of(run())[1]
    assert fig["layout"]["xaxis"]["type"] == "log"
    assert len(fig["data"][0]["x"]) == n
    assert f"n={n}" in fig["layout"]["title"]["text"]


def test_threshold_share_matches_duckdb(demo):
    db = demo / "h.duckdb"
    start, end = default_period_of(db)
    con = duckdb.connect(str(db), read_only=True)
    k, n = con.execute("SELECT count(*) FILTER (WHERE ttd_minutes <= 10), count(ttd_minutes) FROM mart_incidents "
                       "WHERE NOT is_near_miss AND incident_date BETWEEN ? AND ?", [start, end]).fetchone()
    con.close()
    at = run(threshold=10)
    assert not at.exception
    m = next(m for m in at.metric if m.label == "Share detected within 10 min")
    assert m.value == f"{k / n:.0%}"
    lo, hi = stats.wilson(k, n)
    assert f"{k} of {n} incidents" in m.delta and f"{lo:.0%}–{hi:.0%}" in m.delta


def test_default_threshold_comes_from_the_config(demo):
    at = run()
    assert at.number_input(key="threshold").value == 5


def test_breakdowns_by_severity_and_team(demo):
    at = run()
    by_sev, by_team = at.dataframe[1].value, at.dataframe[2].value
    assert list(by_sev.columns)[:2] == ["severity", "n"]
    assert list(by_team.columns)[:2] == ["team", "n"]
    total = int(metrics_of(at)["Incidents with a time to detect"])
    assert by_sev["n"].sum() == total and by_team["n"].sum() == total
    for df in (by_sev, by_team):
        thin = df[df["n"] < 10]
        assert (thin["figure"] == "not enough data").all()
        assert thin["median_min"].isna().all()
        assert df[df["n"] >= 10]["median_min"].notna().all()


def test_filters_that_leave_nothing(demo):
    db = demo / "h.duckdb"
    start, end = default_period_of(db)
    con = duckdb.connect(str(db), read_only=True)
    day = con.execute("SELECT d FROM range(?::DATE, ?::DATE, INTERVAL 1 DAY) t(d) WHERE CAST(d AS DATE) NOT IN "
                      "(SELECT incident_date FROM mart_incidents) LIMIT 1", [start, end]).fetchone()[0].date()
    con.close()
    at = run(**{"from": day, "to": day})
    assert not at.exception, at.exception
    assert metrics_of(at)["Median time to detect"] == "not enough data"
    assert any("No incidents with a time to detect" in i.value for i in at.info)
    for fig in charts_of(at):
        notes = " ".join(a["text"] for a in fig["layout"].get("annotations", []))
        assert "not enough data" in notes or "no incidents" in notes


# --------------------------------------------------------------------------------------
# The metric functions on a hand-built corpus


def alert_at(minute: int):
    return (("10:00", "Deploy 311 rolled out"), ("10:04", "Error rate jumps to 40%"),
            (f"10:{4 + minute:02d}", "Alert fires and pages on-call"),
            ("10:50", "Rollback completes; errors back to baseline"))


@pytest.fixture(scope="module")
def small(tmp_path_factory):
    """12 February incidents detected 1..12 min after impact began, 3 in March (2, 4, 30
    min), and a near miss in February whose 'detection' took 40 min."""
    tmp = tmp_path_factory.mktemp("detection-small")
    src = tmp / "pm"
    src.mkdir()
    for k in range(1, 13):
        (src / f"feb-{k}.md").write_text(house_doc(
            title=f"Feb {k}", day=f"2026-02-{k + 1:02d}", severity="SEV-2" if k <= 10 else "SEV-1",
            rows=alert_at(k), impact="- Duration: 10:04–10:50 UTC"), encoding="utf-8")
    for k, m in enumerate((2, 4, 30), 1):
        (src / f"mar-{k}.md").write_text(house_doc(
            title=f"Mar {k}", day=f"2026-03-{k + 1:02d}", severity="SEV-3", rows=alert_at(m),
            impact="- Duration: 10:04–10:50 UTC"), encoding="utf-8")
    (src / "near.md").write_text(house_doc(
        title="Near miss: canary caught it", day="2026-02-20", rows=alert_at(40),
        impact="- Duration: 10:04–10:50 UTC"), encoding="utf-8")
    db = tmp / "h.duckdb"
    out = run_cli("ingest", "-q", "--db", db, src)
    assert out.returncode == 0, out.stderr
    reader = Reader(db)
    yield reader
    reader.close()


FEB_MAR = Filters(date(2026, 2, 1), date(2026, 3, 31))


def test_durations_leave_near_misses_out(small):
    df = detection.durations(small, FEB_MAR, "detect")
    assert sorted(df["minutes"]) == sorted([*range(1, 13), 2, 4, 30])
    assert 40 not in set(df["minutes"])


def test_summary_is_median_and_p90(small):
    s = detection.summary(small, FEB_MAR, "detect")
    values = [*range(1, 13), 2, 4, 30]
    assert s.n == 15
    assert s.median == stats.median(values)
    assert s.p90 == pytest.approx(stats.percentile(values, 90))


def test_trend_gives_figures_only_to_full_buckets(small):
    t = detection.trend(small, FEB_MAR, "detect", "month", min_sample=10).set_index("bucket")
    assert list(t.index) == ["2026-02", "2026-03"]
    feb, mar = t.loc["2026-02"], t.loc["2026-03"]
    assert feb["n"] == 12 and feb["enough"] and feb["median_min"] == 6.5
    assert feb["ci90_low_min"] <= 6.5 <= feb["ci90_high_min"]
    assert mar["n"] == 3 and not mar["enough"] and mar["figure"] == "not enough data"
    assert pd.isna(mar["median_min"])
    q = detection.trend(small, FEB_MAR, "detect", "quarter", min_sample=10)
    assert list(q["bucket"]) == ["2026-Q1"] and q["n"].tolist() == [15]


def test_empty_months_are_buckets_too(small):
    t = detection.trend(small, Filters(date(2026, 1, 1), date(2026, 4, 30)), "detect", "month")
    assert list(t["bucket"]) == ["2026-01", "2026-02", "2026-03", "2026-04"]
    assert t["n"].tolist() == [0, 12, 3, 0]


def test_within_threshold_counts_at_most_the_threshold(small):
    r = detection.within_threshold(small, FEB_MAR, 5, "month", min_sample=10)
    # February 1..5 and March 2, 4: 7 of 15 (5 minutes exactly is within)
    assert (r["overall"]["within"], r["overall"]["n"]) == (7, 15)
    assert r["overall"]["share"] == pytest.approx(7 / 15)
    assert [r["overall"]["ci90_low"], r["overall"]["ci90_high"]] == pytest.approx(stats.wilson(7, 15))
    by = r["by_bucket"].set_index("bucket")
    assert (by.loc["2026-02", "within"], by.loc["2026-02", "n"]) == (5, 12)
    assert by.loc["2026-03", "figure"] == "not enough data" and pd.isna(by.loc["2026-03", "share"])


def test_breakdown_by_severity_orders_levels_and_flags_thin_rows(small):
    b = detection.breakdown(small, FEB_MAR, "detect", "severity", min_sample=10)
    assert b["severity"].tolist() == ["SEV1", "SEV2", "SEV3"]
    assert b["n"].tolist() == [2, 10, 3]
    sev2 = b.set_index("severity").loc["SEV2"]
    assert sev2["median_min"] == 5.5 and sev2["figure"] == ""
    assert b.set_index("severity").loc["SEV1", "figure"] == "not enough data"
    team = detection.breakdown(small, FEB_MAR, "detect", "team", min_sample=10)
    assert team["team"].tolist() == ["unassigned"] and team["n"].tolist() == [15]


def test_nothing_under_the_filters(small):
    f = Filters(date(2026, 2, 1), date(2026, 3, 31), teams=("nobody",))
    assert detection.summary(small, f, "resolve").n == 0
    assert detection.trend(small, f, "resolve", "month")["n"].sum() == 0
    assert detection.breakdown(small, f, "resolve", "team").empty
    assert detection.within_threshold(small, f, 5)["overall"]["n"] == 0


def test_distribution_says_what_it_moved_and_hides_thin_medians():
    from metrics import charts_detection

    fig = charts_detection.distribution([0.0, 1.0, 2.0], "time to detect", 10, "2026-01-01 to 2026-01-31")
    assert "n=3" in fig.layout.title.text and "1 under 0.5 min drawn at 0.5 min" in fig.layout.title.text
    assert fig.data[0].type == "scatter"  # points only: no box (no median) below min_sample
    assert any("not enough data" in a.text for a in fig.layout.annotations)
    fig = charts_detection.distribution([float(v) for v in range(1, 21)], "time to detect", 10, "p", threshold=5)
    assert fig.data[0].type == "box" and fig.layout.xaxis.type == "log"
    assert fig.layout.shapes[0].x0 == 5


def test_trend_band_covers_lone_buckets():
    from metrics import charts_detection

    df = pd.DataFrame({"bucket": ["2026-01", "2026-02", "2026-03"], "n": [12, 3, 11],
                       "enough": [True, False, True], "median_min": [5.0, None, 6.0], "p90_min": [9.0, None, 10.0],
                       "ci90_low_min": [4.0, None, 5.0], "ci90_high_min": [6.0, None, 7.0],
                       "figure": ["", "not enough data", ""]})
    fig = charts_detection.trend(df, "time to detect", "month", 10, "p")
    bands = [t for t in fig.data if t.fill == "toself"]
    assert len(bands) == 2  # one per run of buckets with an interval
    median = next(t for t in fig.data if t.name == "median")
    assert list(median.y) == [5.0, None, 6.0]
    assert "n=26" in fig.layout.title.text


def test_minutes_reads_well():
    assert minutes(7.0) == "7 min"
    assert minutes(6.5) == "6.5 min"
    assert minutes(245.0) == "245 min (4.1 h)"
    assert minutes(None) == "n/a"
