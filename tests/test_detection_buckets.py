"""The Detection trend's bucket: chosen so most buckets reach the minimum sample and
said on the chart; with many buckets the axis labels never crowd (issue: figures a
director can repeat)."""
import json
from datetime import date

import pandas as pd

from conftest import default_period_of, run_page
from metrics import charts_detection, detection
from metrics.db import Reader
from metrics.filters import Filters

PAGE = "pages/4_Detection.py"


def _share_enough(reader, f, bucket, min_sample=10):
    df = detection.trend(reader, f, "detect", bucket, min_sample)
    return df["enough"].mean()


def test_auto_picks_the_finest_bucket_where_most_have_enough(demo):
    reader = Reader(demo / "h.duckdb")
    f = Filters(*default_period_of(demo / "h.duckdb"))
    chosen = detection.choose_bucket(reader, f, "detect", 10)
    assert _share_enough(reader, f, chosen) >= 0.5
    finer = detection.BUCKETS[:detection.BUCKETS.index(chosen)]
    assert all(_share_enough(reader, f, b) < 0.5 for b in finer)


def test_few_incidents_fall_back_to_half_years(demo):
    reader = Reader(demo / "h.duckdb")
    f = Filters(*default_period_of(demo / "h.duckdb"), teams=("no such team",))
    assert detection.choose_bucket(reader, f, "detect", 10) == "half-year"


def test_half_year_buckets_cover_the_period():
    assert detection.buckets(date(2025, 5, 1), date(2026, 8, 31), "half-year") == ["2025-H1", "2025-H2", "2026-H1",
                                                                                 "2026-H2"]


def test_the_page_opens_on_auto_and_says_which_bucket(demo):
    at = run_page(PAGE)
    assert not at.exception, at.exception
    assert at.radio(key="bucket").value == "auto"
    title = json.loads(at.get("plotly_chart")[0].proto.spec)["layout"]["title"]["text"]
    assert "(chosen: the finest in which most have n≥10)" in title


def test_many_buckets_get_few_labels():
    n = 60
    df = pd.DataFrame({"bucket": [f"b{i}" for i in range(n)], "n": [12] * n, "enough": [True] * n,
                       "median_min": [5.0] * n, "p90_min": [9.0] * n, "ci90_low_min": [4.0] * n,
                       "ci90_high_min": [6.0] * n, "figure": [""] * n})
    fig = charts_detection.trend(df, "time to detect", "month", 10, "")
    assert len(fig.layout.xaxis.tickvals) <= charts_detection.MAX_TICKS


def test_each_median_is_printed_with_its_interval(demo):
    reader = Reader(demo / "h.duckdb")
    f = Filters(*default_period_of(demo / "h.duckdb"))
    df = detection.trend(reader, f, "detect", "half-year", 10)
    fig = charts_detection.trend(df, "time to detect", "half-year", 10, "")
    median = next(t for t in fig.data if t.name == "median")
    shown = [t for t, ok in zip(median.texttemplate, df["enough"]) if ok]
    assert shown and all("(" in t and "–" in t for t in shown)   # "9 min (6 min–14 min)"
