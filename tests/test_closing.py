"""Action items compared at equal age (metrics/sql/actions_within_days.sql through
metrics.actions.within, used by metrics/closing.py) on a real database, and the Kaplan-Meier time to
close (metrics/stats.kaplan_meier), on figures worked out by hand."""
from datetime import date, timedelta

import pytest
from conftest import house_doc

from loaders.config import Config
from loaders.ingest import ingest
from metrics import actions, stats
from metrics.db import Reader
from metrics.filters import Filters


AS_OF = date(2026, 1, 1)


def _jira_day(d: date) -> str:
    return d.strftime("%d/%b/%y") + " 9:00 AM"


def load_items(tmp_path, groups):
    """A real database of postmortems whose action items a Jira export closes. ``groups``:
    (age of the incident in days on AS_OF, [(status, days from the incident to the close
    or None), ...]), one postmortem each; a status is "done", "open" or "wont_do"."""
    src = tmp_path / "src"
    src.mkdir()
    rows, n = ["Summary,Issue key,Issue id,Issue Type,Status,Resolution,Assignee,Created,Resolved,Status Category"], 0
    for g, (age, its) in enumerate(groups):
        day = AS_OF - timedelta(days=age)
        acts = []
        for status, took in its:
            n += 1
            acts.append((f"Item {n}", "@ann", "Feb 20", f"OPS-{n}"))
            word, res, cat = {"done": ("Done", "Done", "Done"), "open": ("In Progress", "", "In Progress"),
                              "wont_do": ("Won't Do", "Won't Do", "Done")}[status]
            closed = _jira_day(day + timedelta(days=took)) if took is not None else ""
            rows.append(f"Item {n},OPS-{n},{n},Task,{word},{res},Priya Raman,{_jira_day(day)},{closed},{cat}")
        (src / f"pm{g}.md").write_text(house_doc(title=f"Incident {g}", day=day.isoformat(), actions=acts),
                                       encoding="utf-8")
    (src / "jira.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    ingest(Config(), [str(src)], tmp_path / "h.duckdb")
    return Reader(tmp_path / "h.duckdb")


def _within(reader, date_from=date(2020, 1, 1)):
    return actions.within(reader, Filters(date_from, AS_OF), AS_OF, 90)


def test_only_items_old_enough_count(tmp_path):
    reader = load_items(tmp_path, [
        (200, [("done", 10),      # closed within 90: counts, done
               ("done", 120)]),   # closed, but after 90 days: counts, not done
        (150, [("open", None)]),  # open at 150 days: counts, not done
        (40, [("open", None)]),   # 40 days old: too recent
        (30, [("done", 5)]),      # closed fast but too recent: left out, not a head start
        (300, [("done", None),    # done with no close date: left out
               ("wont_do", 3)]),  # won't do: left out
    ])
    w = _within(reader)
    assert (w.eligible, w.done, w.too_recent, w.undated_done, w.undated_eligible) == (3, 1, 2, 1, 1)
    # (the undated item may have closed in time or not: 1 or 2 of 4, too wide to name a rate)
    assert w.rate is None and w.bounds == (0.25, 0.5)


def test_a_few_done_items_without_a_close_date_leave_the_rate_as_it_was(tmp_path):
    reader = load_items(tmp_path, [(200, [("done", 10)] * 30 + [("open", None)] * 9 + [("done", None)])])
    w = _within(reader)
    assert (w.eligible, w.done, w.undated_eligible) == (39, 30, 1)
    assert w.rate == pytest.approx(30 / 39) and w.ci and w.bounds == (0.75, 31 / 40)


def test_done_items_without_close_dates_are_not_read_as_never_closing(tmp_path):
    """A team that ticks its checkboxes and keeps no tracker: its done items have no close
    date, and the rate read 0% (the open items alone were left to count)."""
    reader = load_items(tmp_path, [(200, [("done", None)] * 26 + [("open", None)] * 74)])
    w = _within(reader)
    assert w.rate is None and w.ci is None and w.bounds == (0.0, 0.26)
    assert actions.monthly(reader, Filters(date(2020, 1, 1), AS_OF), AS_OF).dropna(subset=["completion"]).empty


def test_a_rate_left_unsaid_is_compared_with_nothing(tmp_path):
    from metrics import closing

    reader = load_items(tmp_path, [(200, [("done", None)] * 26 + [("open", None)] * 74),
                                   (600, [("done", 10)] * 20 + [("open", None)] * 20)])
    eq = closing.equal_age(reader, Filters(AS_OF - timedelta(days=365), AS_OF), AS_OF)
    assert eq.before.rate == pytest.approx(0.5) and eq.now.rate is None
    assert eq.change.verdict == "not enough data" and eq.change.delta is None


def test_the_months_add_up_to_the_period(tmp_path):
    reader = load_items(tmp_path, [(200, [("done", 10), ("open", None)]), (150, [("done", 100)]),
                                   (20, [("open", None)])])
    rows = actions.within_by_month(reader, Filters(date(2020, 1, 1), AS_OF), AS_OF, 90)
    w = _within(reader)
    assert len(rows) == 3 and (int(rows["eligible"].sum()), int(rows["done"].sum())) == (w.eligible, w.done) == (3, 1)


def test_a_young_period_is_not_a_regression_at_equal_age(tmp_path):
    # the same habit (close in 20 days, one item in four never) seen at two ages
    habit = [("done", 20)] * 30 + [("open", None)] * 10
    reader = load_items(tmp_path, [(400, habit), (100, habit)])
    old = _within(reader, date_from=date(2020, 1, 1))
    a = actions.within(reader, Filters(date(2020, 1, 1), AS_OF - timedelta(days=300)), AS_OF, 90)
    b = actions.within(reader, Filters(AS_OF - timedelta(days=299), AS_OF), AS_OF, 90)
    assert old.eligible == 80 and a.rate == b.rate == pytest.approx(0.75)
    change = stats.compare_proportions(a.done, a.eligible, b.done, b.eligible)
    assert change.verdict == "no clear change"


def test_kaplan_meier_by_hand():
    s = stats.kaplan_meier([5, 10, 10, 20, 30, 40, 50, 60],
                           [True, True, False, True, False, True, False, False])
    assert s.times == [0.0, 5.0, 10.0, 20.0, 40.0]
    assert s.still_open == pytest.approx([1, 7 / 8, 7 / 8 * 6 / 7, 0.6, 0.4])
    assert s.median == 40 and (s.n, s.events, s.censored) == (8, 4, 4)


def test_kaplan_meier_median_interval_brackets_the_median():
    s = stats.kaplan_meier(list(range(1, 41)), [True] * 40)
    lo, hi = s.ci_median
    assert lo < s.median < hi


def test_no_median_while_more_than_half_are_open():
    s = stats.kaplan_meier([5, 50, 60, 70], [True, False, False, False])
    assert s.median is None and s.ci_median is None


def test_empty():
    assert stats.kaplan_meier([], []).n == 0


def _km_by_the_definition(t, e):
    """Survival after each close time, step by step: the oracle."""
    out, s = [], 1.0
    for u in sorted({x for x, closed in zip(t, e) if closed}):
        at_risk = sum(x >= u for x in t)
        d = sum(x == u and closed for x, closed in zip(t, e))
        s *= 1 - d / at_risk
        out.append((u, s))
    return out


@pytest.mark.parametrize("seed", range(5))
def test_kaplan_meier_equals_the_definition_with_ties_and_censoring(seed):
    import numpy as np

    rng = np.random.default_rng(seed)
    t = rng.integers(0, 30, 200).astype(float).tolist()       # many ties
    e = (rng.random(200) < 0.6).tolist()
    s = stats.kaplan_meier(t, e)
    assert list(zip(s.times[1:], s.still_open[1:])) == _km_by_the_definition(t, e)
    assert (s.n, s.events, s.censored) == (200, sum(e), 200 - sum(e))


def test_time_to_close_draws_no_curve_when_done_items_have_no_close_date():
    """Most items ticked done with no tracker date: the curve of the rest read as if
    nothing closed (an empty chart, or every item still open)."""
    from metrics.charts_actions import time_to_close

    s = stats.kaplan_meier([200.0] * 74, [False] * 74)
    fig = time_to_close(s, 26, "all teams")
    assert not fig.data and "no close date" in " ".join(a.text for a in fig.layout.annotations)
    dated = time_to_close(stats.kaplan_meier([10.0] * 50 + [200.0] * 50, [True] * 50 + [False] * 50), 1, "all")
    assert dated.data and "median" in dated.layout.title.text
