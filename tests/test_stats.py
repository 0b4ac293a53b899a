"""metrics.stats: medians, percentiles, intervals, the enough-data rule, comparisons."""
import pytest

from metrics import stats


def test_median_and_linear_percentile():
    assert stats.median([1, 2, 3, 4, 10]) == 3
    assert stats.percentile([1, 2, 3, 4, 10], 90) == pytest.approx(7.6)  # 4 + 0.6 * (10 - 4)
    assert stats.median([1, 2, 3, 4]) == 2.5


def test_empty_gives_none():
    assert stats.median([]) is None and stats.percentile([], 90) is None
    assert stats.summary([]).n == 0


def test_none_values_are_ignored():
    assert stats.median([None, 5, None, 7]) == 6


def test_bootstrap_interval_is_seeded_and_brackets_the_median():
    values = [1, 3, 4, 5, 8, 9, 12, 30, 45, 120]
    ci = stats.bootstrap_median_ci(values)
    assert ci == stats.bootstrap_median_ci(values)
    assert ci[0] <= stats.median(values) <= ci[1]


def test_bootstrap_needs_two_values():
    assert stats.bootstrap_median_ci([5]) is None
    assert stats.bootstrap_median_ci([5, 7]) is not None


def test_wilson_interval():
    lo, hi = stats.wilson(8, 10, level=0.95)
    assert lo == pytest.approx(0.4902, abs=1e-3) and hi == pytest.approx(0.9433, abs=1e-3)
    assert stats.wilson(0, 0) is None
    assert stats.wilson(0, 5)[0] == 0.0


def test_enough_data_rule():
    assert not stats.enough(9) and stats.enough(10)
    assert stats.enough(3, min_sample=3)


def test_compare_medians_calls_a_clear_improvement():
    before = [20, 22, 25, 30, 28, 26, 24, 27, 29, 31, 23, 21]
    after = [5, 6, 7, 6, 5, 8, 7, 6, 5, 7, 6, 8]
    result = stats.compare_medians(before, after)
    assert result.verdict == "improvement" and result.delta < 0


def test_compare_medians_overlap_is_no_clear_change():
    before = [5, 50, 6, 40, 7, 30, 8, 60, 9, 45]
    after = [6, 48, 5, 42, 8, 31, 7, 58, 9, 44]
    assert stats.compare_medians(before, after).verdict == "no clear change"


def test_compare_needs_enough_data():
    assert stats.compare_medians([1, 2], [3, 4]).verdict == "not enough data"


def test_compare_proportions_regression_when_completion_falls():
    r = stats.compare_proportions(90, 100, 40, 100, higher_is_better=True)
    assert r.verdict == "regression" and r.delta == pytest.approx(-0.5)


def test_compare_proportions_small_change_is_not_called():
    assert stats.compare_proportions(50, 100, 53, 100).verdict == "no clear change"


def test_exact_bootstrap_agrees_with_resampling_on_large_samples():
    import numpy as np

    rng = np.random.default_rng(3)
    values = rng.lognormal(2.0, 1.0, size=3000)
    exact = stats.bootstrap_median_ci(values)
    drawn = np.median(np.random.default_rng(4).choice(values, size=(2000, values.size)), axis=1)
    lo, hi = np.percentile(drawn, [5, 95])
    width = hi - lo
    assert abs(exact[0] - lo) < 0.2 * width and abs(exact[1] - hi) < 0.2 * width



def test_interval_does_not_depend_on_the_order_of_values():
    values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9]
    assert stats.bootstrap_median_ci(values) == stats.bootstrap_median_ci(sorted(values))
