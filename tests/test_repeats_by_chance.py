"""Repeats expected by chance (stats.repeats_by_chance, metrics/repeats.py): a busy class
has repeats even when nothing comes back; "more than chance" needs clustering."""
from datetime import date

import numpy as np
import pytest
from conftest import run_page

from metrics import recurrence, repeats, stats
from metrics.filters import Filters


def _all(n):
    return [[0]] * n, [True] * n


def test_evenly_spread_incidents_are_fewer_than_chance():
    days = [100 + 120 * k for k in range(10)]             # one every 120 days, window 90
    same, flags = _all(10)
    c = stats.repeats_by_chance(days, same, flags, flags, span=1400, window=90)
    assert c.observed == 0 and c.expected > 1 and c.verdict == "fewer than chance"


def test_pairs_a_day_apart_are_more_than_chance():
    days = [100 + 120 * k + d for k in range(8) for d in (0, 1)]   # the same failure, twice each time
    same, flags = _all(16)
    c = stats.repeats_by_chance(days, same, flags, flags, span=1100, window=2)
    assert c.observed == 8 and c.high < 8 and c.verdict == "more than chance"


def test_a_busy_class_repeats_by_chance_alone():
    """~30 random incidents a year with a 90-day window: most are 'repeats' anyway."""
    rng = np.random.default_rng(1)
    days = np.sort(rng.uniform(0, 455, 37))               # the 90 days before the period hold some too
    same, flags = _all(37)
    c = stats.repeats_by_chance(days, same, flags, days >= 90, span=455, window=90)
    assert c.expected > 20 and c.verdict == "within chance"


def test_the_key_limits_who_may_repeat_whom():
    days = [100, 101, 102, 103]
    keys = [[k] for k in range(4)]                         # nobody shares a key with anyone else
    c = stats.repeats_by_chance(days, keys, [True] * 4, [True] * 4, span=400, window=90)
    assert c.observed == 0 and c.expected == 0 and (c.low, c.high) == (0, 0)


def test_the_same_data_gives_the_same_range():
    days = [10, 50, 95, 200, 210, 300]
    same, flags = _all(6)
    assert stats.repeats_by_chance(days, same, flags, flags, 400, 90) == \
        stats.repeats_by_chance(days, same, flags, flags, 400, 90)


def test_one_incident_has_nothing_to_repeat():
    c = stats.repeats_by_chance([5.0], [[0]], [True], [True], 100, 90)
    assert (c.observed, c.expected, c.verdict) == (0, 0.0, "within chance")


def _pairwise(days, keys, eligible, counted, span, window, level=0.90, simulations=stats.CHANCE_SIMULATIONS,
              seed=stats.SEED):
    """The rule pair by pair (every i against every j): the oracle the sorted count must equal."""
    t, n = np.asarray(days, dtype=float), len(days)
    same = np.array([[bool(set(a) & set(b)) for b in keys] for a in keys], dtype=bool).reshape(n, n)
    eligible, counted = np.asarray(eligible, dtype=bool), np.asarray(counted, dtype=bool)

    def rep(starts):
        gap = starts[:, :, None] - starts[:, None, :]
        return ((gap > 0) & (gap <= window) & same[None]).any(axis=2)

    observed = int((rep(t[None])[0] & counted).sum())
    sims = int(max(200, min(simulations, 4e7 // (n * n))))
    starts = np.random.default_rng(seed).uniform(0.0, span, size=(sims, n))
    counts = (rep(starts) & eligible[None] & (starts >= window)).sum(axis=1)
    low, high = (int(v) for v in np.quantile(counts, [(1 - level) / 2, (1 + level) / 2], method="nearest"))
    return observed, float(counts.mean()), low, high


@pytest.mark.parametrize("seed", range(6))
def test_the_sorted_count_equals_the_rule_pair_by_pair(seed):
    """Teams, several services each, none, ties on the same day and at the window's edge."""
    rng = np.random.default_rng(seed)
    n = int(rng.integers(2, 60))
    days = rng.integers(0, 400, n).astype(float)
    days[: n // 4] = days[n // 4: 2 * (n // 4)] + 90          # some exactly a window apart
    keys = [list(rng.choice(["a", "b", "c", "d", "e"], int(rng.integers(0, 3)), replace=False)) for _ in range(n)]
    eligible, counted = rng.random(n) < 0.8, days >= 90
    c = stats.repeats_by_chance(days, keys, eligible, counted, span=400, window=90, simulations=300)
    assert (c.observed, c.expected, c.low, c.high) == _pairwise(days, keys, eligible, counted, 400, 90, simulations=300)


@pytest.fixture
def reader(demo_reader):
    return demo_reader


def test_the_observed_count_is_the_tables_repeats(reader):
    f = Filters(date(2025, 1, 1), date(2026, 10, 31))
    table = recurrence.classes(reader, f).set_index("class")
    chance = repeats.chance(reader, f).set_index("class")
    assert len(chance) > 3
    for cls, row in chance.iterrows():
        assert row["observed"] == table.loc[cls, "repeats"], cls
        assert row["low"] <= row["expected"] <= row["high"]


def test_under_a_team_filter_too(reader):
    team = reader.query("SELECT team FROM mart_incidents GROUP BY team ORDER BY count(*) DESC LIMIT 1")[0][0]
    f = Filters(date(2025, 1, 1), date(2026, 10, 31), teams=(team,))
    table = recurrence.classes(reader, f).set_index("class")
    for cls, row in repeats.chance(reader, f).set_index("class").iterrows():
        if cls in table.index:
            assert row["observed"] == table.loc[cls, "repeats"], cls


def test_unclassified_has_no_chance_figure(reader):
    assert "unclassified" not in set(repeats.chance(reader, Filters(date(2020, 1, 1), date(2026, 12, 31)))["class"])


def test_the_rule_in_words_follows_the_database(reader):
    assert repeats.rule(reader) == "an earlier incident of the same class and a shared service started at most " \
                                   "90 days before it"


def test_the_page_shows_expected_by_chance(demo):
    at = run_page("pages/1_Recurrence.py")
    assert not at.exception, at.exception
    table = next(d.value for d in at.dataframe if "expected_by_chance" in d.value.columns)
    assert table["beyond_chance"].isin(["more than chance", "within chance", "fewer than chance", ""]).all()
    assert "a shared service" in at.caption[0].value


def test_the_overview_repeat_table_stands_each_class_beside_chance(reader):
    from metrics import overview

    f = Filters(date(2025, 1, 1), date(2026, 10, 31))
    top = overview.top_repeats(reader, f).set_index("class")
    chance = repeats.chance(reader, f).set_index("class")
    assert len(top)
    for cls, row in top.iterrows():
        assert row["by_chance"] == f"{chance.at[cls, 'expected']:.1f}"
        assert row["beyond_chance"] == chance.at[cls, "verdict"]


def test_keys_group_each_keys_incidents_once():
    groups = stats.Keys.of([["a", "b"], ["a", "a"], [], ["b"], ["c"], ["a"]]).groups()
    assert sorted(g.tolist() for g in groups) == [[0, 1, 5], [0, 3]]      # "c" is one incident's: no pair


def test_keys_as_arrays_give_the_same_count_as_lists():
    rng = np.random.default_rng(3)
    days = rng.integers(0, 400, 40).astype(float)
    keys = [list(rng.choice(["a", "b", "c"], int(rng.integers(0, 3)), replace=False)) for _ in range(40)]
    flags = [True] * 40
    incident = np.array([i for i, ks in enumerate(keys) for _ in ks])
    code = np.array(["abc".index(k) for ks in keys for k in ks])
    assert stats.repeats_by_chance(days, stats.Keys(incident, code), flags, flags, 400, 90) == \
        stats.repeats_by_chance(days, keys, flags, flags, 400, 90)


@pytest.mark.parametrize("key", ["class", "class+team", "class+service"])
def test_keys_read_from_arrow_columns(key):
    """A missing team is one key of its own; a service listed twice counts once; no services, no key."""
    import pyarrow as pa

    table = pa.table({"team": ["web", None, "web", None, "db"],
                      "services": [["api", "db"], None, ["api", "api"], [], ["db"]]})
    want = {"class": [[0, 1, 2, 3, 4]], "class+team": [[0, 2], [1, 3]],
            "class+service": [[0, 2], [0, 4]]}[key]
    got = stats.Keys(*repeats._keys(key, table)).groups()
    assert sorted(g.tolist() for g in got) == want


def test_a_missing_services_list_has_no_keys_even_when_arrow_backs_it_with_values():
    import pyarrow as pa

    services = pa.ListArray.from_arrays(pa.array([0, 1, 3, 4]), pa.array(["api", "db", "api", "api"]),
                                        mask=pa.array([False, True, False]))     # [api], null (over db, api), [api]
    table = pa.table({"team": ["web", "web", "web"], "services": services})
    assert [g.tolist() for g in stats.Keys(*repeats._keys("class+service", table)).groups()] == [[0, 2]]


def _services(rng, n, names="abcdefgh"):
    """Each incident's services: mostly one, some two or three, a few none."""
    return [list(rng.choice(list(names), int(rng.choice([0, 1, 1, 1, 2, 3])), replace=False)) for _ in range(n)]


@pytest.mark.parametrize("seed", range(4))
def test_others_counts_who_shares_a_key_pair_by_pair(seed):
    rng = np.random.default_rng(seed)
    keys = _services(rng, int(rng.integers(2, 80)))
    want = [sum(1 for j, b in enumerate(keys) if j != i and set(a) & set(b)) for i, a in enumerate(keys)]
    assert stats.others(stats.Keys.of(keys).groups(), len(keys)).tolist() == want


def test_the_exact_mean_is_the_simulations_mean():
    """(1 - w/S)(1 - (1 - w/S)^k) summed over the eligible: the mean the draws approach."""
    rng = np.random.default_rng(5)
    n, span, window = 300, 455.0, 90.0
    days, keys = rng.uniform(0, span, n), _services(rng, n)
    eligible = rng.random(n) < 0.8
    exact = stats.expected_repeats(stats.others(stats.Keys.of(keys).groups(), n), eligible, span, window)
    c = stats.repeats_by_chance(days, keys, eligible, days >= window, span, window, simulations=2000)
    spread = (c.high - c.low) / (2 * 1.645)                     # about one standard deviation
    assert abs(c.expected - exact) < 4 * spread / np.sqrt(444)  # 4e7 // 300² = 444 draws


def _large(seed=7, n=900, span=455.0):
    rng = np.random.default_rng(seed)
    return rng.uniform(0, span, n), _services(rng, n), rng.random(n) < 0.9


def test_a_large_class_takes_the_exact_mean_and_a_normal_range(monkeypatch):
    days, keys, eligible = _large()
    c = stats.repeats_by_chance(days, keys, eligible, days >= 90, 455.0, 90.0)
    assert c.expected == stats.expected_repeats(stats.others(stats.Keys.of(keys).groups(), 900), eligible,
                                                455.0, 90.0)
    # against the percentiles of 2,000 draws (the small-class rule, forced), the range
    # differs by less than the percentiles' own noise
    monkeypatch.setattr(stats, "NORMAL_CLASS", 10 ** 9)
    slow = stats.repeats_by_chance(days, keys, eligible, days >= 90, 455.0, 90.0, simulations=2000)
    sd = (slow.high - slow.low) / (2 * 1.645)
    assert abs(c.expected - slow.expected) < 0.3 * sd
    assert abs(c.low - slow.low) < 0.5 * sd and abs(c.high - slow.high) < 0.5 * sd


def test_a_large_class_with_a_small_count_keeps_the_percentiles(monkeypatch):
    """Few eligible incidents: the count is small and skewed, so no normal range."""
    days, keys, _ = _large()
    eligible = np.zeros(900, dtype=bool)
    eligible[:30] = True
    c = stats.repeats_by_chance(days, keys, eligible, days >= 90, 455.0, 90.0)
    monkeypatch.setattr(stats, "NORMAL_CLASS", 10 ** 9)
    assert c == stats.repeats_by_chance(days, keys, eligible, days >= 90, 455.0, 90.0)
