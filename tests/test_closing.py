"""Action items compared at equal age (metrics.actions.within_days, used by metrics/closing.py) and the Kaplan-Meier time to
close (metrics/stats.kaplan_meier), on figures worked out by hand."""
from datetime import date, timedelta

import pandas as pd
import pytest

from metrics import actions, stats


AS_OF = date(2026, 1, 1)


def frame(rows):
    """Item rows as metrics.actions.items() gives them: (done, won't do, days from the
    incident to the close or None, age of the incident in days on AS_OF)."""
    out = []
    for done, wont, took, age in rows:
        incident = AS_OF - timedelta(days=age)
        out.append({"is_done": done, "is_wont_do": wont, "incident_date": incident,
                    "done_on": incident + timedelta(days=took) if took is not None else None})
    return pd.DataFrame(out)


def test_only_items_old_enough_count():
    df = frame([
        (True, False, 10, 200),    # closed within 90: counts, done
        (True, False, 120, 200),   # closed, but after 90 days: counts, not done
        (False, False, None, 150),  # open at 150 days: counts, not done
        (False, False, None, 40),  # 40 days old: too recent
        (True, False, 5, 30),      # closed fast but too recent: left out, not a head start
        (True, False, None, 300),  # done with no close date: left out
        (False, True, None, 300),  # won't do: left out
    ])
    w = actions.within_days(df, AS_OF, 90)
    assert (w.eligible, w.done, w.too_recent, w.undated_done) == (3, 1, 2, 1)
    assert w.rate == pytest.approx(1 / 3)


def test_a_young_period_is_not_a_regression_at_equal_age():
    # the same habit (close in 20 days, one item in four never) seen at two ages
    old = frame([(True, False, 20, 400)] * 30 + [(False, False, None, 400)] * 10)
    young = frame([(True, False, 20, 100)] * 30 + [(False, False, None, 100)] * 10)
    a, b = actions.within_days(old, AS_OF, 90), actions.within_days(young, AS_OF, 90)
    assert a.rate == b.rate == pytest.approx(0.75)
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
