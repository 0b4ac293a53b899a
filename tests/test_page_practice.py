"""The Practice health page: runs on the demo data and on an empty database, shows the
same six signals as ``hindsight report --json``'s practice block, and lists the
postmortems behind a signal."""
from __future__ import annotations

import pandas as pd
import pytest
from conftest import default_period_of, report_json, run_page
from conftest import table_with as table

PAGE = "pages/7_Practice_health.py"


def test_runs_on_demo_data(demo):
    at = run_page(PAGE)
    assert not at.exception, at.exception
    assert at.title[0].value == "Practice health"
    assert len(at.get("plotly_chart")) == 1


def test_runs_on_an_empty_database(empty):
    at = run_page(PAGE)
    assert not at.exception, at.exception
    assert "hindsight ingest" in at.info[0].value


def test_signals_equal_report_json(demo):
    at = run_page(PAGE)
    start, end = default_period_of(demo / "h.duckdb")
    report = report_json(demo / "h.duckdb", start, end)["practice"]
    shown = table(at, "measure")
    assert list(shown["mistake"]) == [s["mistake"] for s in report["signals"]]
    for (_, row), s in zip(shown.iterrows(), report["signals"]):
        if s["unit"] == "share":
            assert row["value"] == f"{s['value']:.0%} ({s['k']} of {s['n']})"
        else:
            assert row["value"] == f"{s['value']:.0f} days (n={s['n']})"


def test_blameful_sentences_equal_report_json(demo):
    at = run_page(PAGE)
    start, end = default_period_of(demo / "h.duckdb")
    report = report_json(demo / "h.duckdb", start, end)["practice"]
    assert len(table(at, "sentence")) == report["blameful_sentences"]


def test_choosing_a_signal_lists_the_postmortems_behind_it(demo):
    at = run_page(PAGE)
    at.selectbox(key="practice_signal").set_value("untracked").run()
    assert not at.exception, at.exception
    behind = table(at, "items_without_ticket")
    assert len(behind) > 0
    assert ((behind["items_without_ticket"] > 0) | (behind["items_ticket_not_found"] > 0)).all()


# --- the demo's planted practice problems, found exactly ---------------------------------
# The bundled sample is `hindsight demo data/sample`: demo.build() gives its ground truth.

ALL = {"from": "2024-01-01", "to": "2026-10-31"}


@pytest.fixture(scope="module")
def truth():
    from demo import build

    return build()


def test_the_blameful_sentences_planted_are_exactly_those_found(demo, truth):
    planted = sorted((i.path, i.blame) for i in truth.incidents if i.blame)
    assert planted and truth.counts()["blameful_sentences"] == len(planted)
    report = report_json(demo / "h.duckdb", ALL["from"], ALL["to"])["practice"]
    assert report["blameful_sentences"] == len(planted)
    at = run_page(PAGE, **ALL)
    found = table(at, "sentence")
    where = [p.split("data/sample/", 1)[1] for p in found["file_path"]]
    assert sorted(zip(where, found["sentence"])) == planted


def test_the_items_without_a_ticket_are_exactly_those_counted(demo, truth):
    report = report_json(demo / "h.duckdb", ALL["from"], ALL["to"])["practice"]
    untracked = next(s for s in report["signals"] if s["key"] == "untracked")
    assert untracked["k"] == truth.counts()["items_without_ticket"] > 0
    assert untracked["n"] == sum(len(i.items) for i in truth.incidents)
    at = run_page(PAGE, **ALL)
    row = table(at, "measure").set_index("signal").loc["untracked"]
    k = truth.counts()["items_without_ticket"]
    assert row["value"] == f"{k / untracked['n']:.0%} ({k} of {untracked['n']})"


def test_the_near_miss_drought_is_the_one_planted(demo, truth):
    from datetime import timedelta

    from demo.scenarios import DROUGHT_TEAM
    from metrics import practice

    start, end = default_period_of(demo / "h.duckdb")
    since = max(start, (pd.Timestamp(end) - pd.DateOffset(months=practice.DROUGHT_MONTHS)
                        + timedelta(days=1)).date())
    recent = [i for i in truth.incidents if since <= i.start.date() <= end]
    expected = sorted(t for t in {i.team.name for i in recent}
                      if not any(i.near_miss for i in recent if i.team.name == t)
                      and sum(not i.near_miss for i in recent if i.team.name == t) >= practice.DROUGHT_MIN_INCIDENTS)
    assert DROUGHT_TEAM in expected
    report = report_json(demo / "h.duckdb", start, end)["practice"]
    assert sorted(d["team"] for d in report["droughts"]) == expected
    at = run_page(PAGE)
    assert sorted(table(at, "last_near_miss")["team"]) == expected


def test_each_signal_counts_the_postmortems_it_lists(demo_reader):
    # the signals are counted in SQL, the listings read row by row: they must agree
    from metrics import practice
    from metrics.filters import Filters

    f = Filters(pd.Timestamp(ALL["from"]).date(), pd.Timestamp(ALL["to"]).date())
    sigs = {s.key: s for s in practice.signals(demo_reader, f)}
    for key in ("blame", "no_actions", "only_big", "single_cause"):
        assert sigs[key].k == len(practice.behind(demo_reader, f, key)), key
    assert sigs["blame"].k and sigs["only_big"].k
    listed = practice.behind(demo_reader, f, "blame")
    assert sigs["blame"].n == len(practice._practice(demo_reader, f)) > len(listed)
    assert sigs["fear"].k == len(practice.behind(demo_reader, f, "fear"))



def test_near_misses_are_not_held_to_actions_or_several_causes(tmp_path):
    # the mistakes are mart_practice's flags: a near miss owes no action item or cause chain
    import datetime as dt

    from conftest import house_doc

    from loaders.config import Config
    from loaders.ingest import ingest
    from metrics import practice
    from metrics.db import Reader
    from metrics.filters import Filters

    bare = house_doc(actions=()).replace("2. A second reason.\n", "")
    (tmp_path / "2026-02-03-miss.md").write_text(
        bare.replace("# Postmortem: Cache stampede", "---\nnear_miss: true\n---\n# Postmortem: Close call"))
    (tmp_path / "2026-02-04-outage.md").write_text(bare.replace("2026-02-03", "2026-02-04"))
    ingest(Config(), [str(tmp_path)], tmp_path / "h.duckdb")
    f = Filters(dt.date(2026, 1, 1), dt.date(2026, 3, 1))
    reader = Reader(str(tmp_path / "h.duckdb"))
    sigs = {s.key: s for s in practice.signals(reader, f)}
    assert (sigs["no_actions"].k, sigs["no_actions"].n) == (1, 1)
    assert (sigs["single_cause"].k, sigs["single_cause"].n) == (1, 1)
    for key in ("no_actions", "single_cause"):
        assert list(practice.behind(reader, f, key)["is_near_miss"]) == [False]
