"""The statistics every figure is shown with: medians and percentiles, seeded bootstrap
intervals, Wilson intervals for proportions, the "enough data" rule, and a
period-over-period comparison that names a change only when its interval excludes zero.

Durations are heavily right-skewed, so central figures are medians, never means (see
docs/METRICS.md). Every function takes plain sequences and returns plain values.
"""
from __future__ import annotations

import math
from statistics import NormalDist
from dataclasses import dataclass
from collections.abc import Sequence

import numpy as np

SEED = 20240601          # fixed: the same data always gives the same interval
BOOTSTRAP_SAMPLES = 2000
MIN_SAMPLE = 10


def _clean(values: Sequence[float]) -> np.ndarray:
    """The values as floats, missing ones (None, NaN) left out, in their order: read
    whole when numpy can (None reads as NaN), else one value at a time (a generator)."""
    try:
        a = np.asarray(values, dtype=float)
    except (TypeError, ValueError):
        a = np.asarray([v for v in values if v is not None], dtype=float)
    return a[~np.isnan(a)].reshape(-1)


def median(values: Sequence[float]) -> float | None:
    a = _clean(values)
    return float(np.median(a)) if a.size else None


def percentile(values: Sequence[float], q: float) -> float | None:
    """The q-th percentile (0-100), linear interpolation between order statistics
    (numpy's default method)."""
    a = _clean(values)
    return float(np.percentile(a, q)) if a.size else None


EXACT_FROM = 100  # sample size from which bootstrap medians are drawn from their exact law


def bootstrap_medians(a: np.ndarray, samples: int, rng: np.random.Generator) -> np.ndarray:
    """Medians of ``samples`` bootstrap resamples of ``a``.

    Below EXACT_FROM values the resamples are drawn. From there on, the median of a
    resample is drawn straight from its exact distribution: with the values sorted, the
    resample's median is at most x(j) exactly when at least half of its n draws fall
    among the j smallest, P = P(Binomial(n, j/n) >= n/2) (normal approximation, with
    continuity correction). Same law, without building samples x n arrays: a 10,000-value
    median costs microseconds instead of a second."""
    x = np.sort(a)  # the same values in any order give the same interval
    n = x.size
    if n < EXACT_FROM:
        return np.median(rng.choice(x, size=(samples, n), replace=True), axis=1)
    j = np.arange(1, n + 1)
    p = j / n
    sd = np.sqrt(np.maximum(n * p * (1 - p), 1e-12))
    z = ((n + 1) / 2 - 0.5 - n * p) / sd
    cdf = 0.5 * np.vectorize(math.erfc)(z / math.sqrt(2))  # P(resample median <= x(j))
    cdf[-1] = 1.0
    return x[np.minimum(np.searchsorted(cdf, rng.random(samples)), n - 1)]


def bootstrap_median_ci(values: Sequence[float], level: float = 0.90, samples: int = BOOTSTRAP_SAMPLES,
                        seed: int = SEED) -> list[float] | None:
    """A percentile-bootstrap interval for the median; None below two values."""
    a = _clean(values)
    if a.size < 2:
        return None
    medians = bootstrap_medians(a, samples, np.random.default_rng(seed))
    tail = (1 - level) / 2 * 100
    lo, hi = np.percentile(medians, [tail, 100 - tail])
    return [float(lo), float(hi)]


def wilson(successes: int, n: int, level: float = 0.90) -> list[float] | None:
    """Wilson score interval for a proportion; None when n is 0."""
    if n <= 0:
        return None
    z = _z(level)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return [max(0.0, centre - half), min(1.0, centre + half)]


def _z(level: float) -> float:
    from statistics import NormalDist

    return NormalDist().inv_cdf(0.5 + level / 2)


def enough(n: int, min_sample: int = MIN_SAMPLE) -> bool:
    """Whether a bucket has enough observations to show a figure instead of noise."""
    return n >= min_sample


@dataclass(frozen=True)
class Summary:
    """n, median, p90, the bootstrap interval of the median, and the mean (secondary)."""

    n: int
    median: float | None
    p90: float | None
    ci_median: list[float] | None
    mean: float | None


@dataclass(frozen=True)
class Comparison:
    """A change from one period to the next: the two values, the difference and its
    interval, and the verdict the interval allows ("improvement", "regression", "no
    clear change", "not enough data")."""

    before: float | None
    after: float | None
    delta: float | None
    ci: list[float] | None
    verdict: str
    n_before: int
    n_after: int


def summary(values: Sequence[float], level: float = 0.90) -> Summary:
    """n, median, p90, the bootstrap interval of the median, and the mean (secondary)."""
    a = _clean(values)
    return Summary(int(a.size), median(a), percentile(a, 90), bootstrap_median_ci(a, level),
                   float(a.mean()) if a.size else None)


def compare_medians(before: Sequence[float], after: Sequence[float], lower_is_better: bool = True,
                    level: float = 0.90, min_sample: int = MIN_SAMPLE, seed: int = SEED) -> Comparison:
    """Change in median from ``before`` to ``after`` with a bootstrap interval for the
    difference. The verdict is "improvement" or "regression" only when the interval
    excludes zero, "no clear change" otherwise, "not enough data" below min_sample."""
    a, b = _clean(before), _clean(after)
    out = {"before": median(a), "after": median(b), "delta": None, "ci": None,
           "verdict": "not enough data", "n_before": int(a.size), "n_after": int(b.size)}
    if a.size < min_sample or b.size < min_sample:
        return Comparison(**out)
    rng = np.random.default_rng(seed)
    diffs = bootstrap_medians(b, BOOTSTRAP_SAMPLES, rng) - bootstrap_medians(a, BOOTSTRAP_SAMPLES, rng)
    tail = (1 - level) / 2 * 100
    lo, hi = (float(x) for x in np.percentile(diffs, [tail, 100 - tail]))
    out.update(delta=out["after"] - out["before"], ci=[lo, hi], verdict=_verdict(lo, hi, lower_is_better))
    return Comparison(**out)


def compare_proportions(k_before: int, n_before: int, k_after: int, n_after: int,
                        higher_is_better: bool = True, level: float = 0.90,
                        min_sample: int = MIN_SAMPLE) -> Comparison:
    """Change in a proportion with Newcombe's interval for a difference (from the two
    Wilson intervals); the verdict rule is the same as for medians."""
    out = {"before": k_before / n_before if n_before else None,
           "after": k_after / n_after if n_after else None, "delta": None, "ci": None,
           "verdict": "not enough data", "n_before": n_before, "n_after": n_after}
    if n_before < min_sample or n_after < min_sample:
        return Comparison(**out)
    p1, p2 = out["before"], out["after"]
    l1, u1 = wilson(k_before, n_before, level)
    l2, u2 = wilson(k_after, n_after, level)
    d = p2 - p1
    lo = d - math.sqrt((p2 - l2) ** 2 + (u1 - p1) ** 2)
    hi = d + math.sqrt((u2 - p2) ** 2 + (p1 - l1) ** 2)
    out.update(delta=d, ci=[lo, hi], verdict=_verdict(lo, hi, lower_is_better=not higher_is_better))
    return Comparison(**out)


def _verdict(lo: float, hi: float, lower_is_better: bool) -> str:
    if lo > 0:
        return "regression" if lower_is_better else "improvement"
    if hi < 0:
        return "improvement" if lower_is_better else "regression"
    return "no clear change"


@dataclass(frozen=True)
class Survival:
    """A Kaplan-Meier estimate of the share still open after t days: the step points,
    the median (the first t at which at most half remain open, None if more than half
    never close in the data), its interval, and the counts behind it."""

    times: list[float]
    still_open: list[float]
    median: float | None
    ci_median: list[float | None] | None
    n: int
    events: int
    censored: int


def kaplan_meier(durations: Sequence[float], closed: Sequence[bool], level: float = 0.90) -> Survival:
    """Kaplan-Meier over items that closed after ``durations[i]`` days (``closed[i]``)
    or are still open at that age (censored). The median's interval is Brookmeyer and
    Crowley's: the times whose survival is within z Greenwood standard errors of 0.5."""
    t = np.asarray(durations, dtype=float)
    e = np.asarray(closed, dtype=bool)
    keep = ~np.isnan(t)
    t, e = t[keep], e[keep]
    n = int(t.size)
    if n == 0:
        return Survival([], [], None, None, 0, 0, 0)
    # at each close time u: d items close, at_risk = items still open just before it
    # (every t >= u, u among them); the products and sums run in time order, as a loop would
    u, d = np.unique(t[e], return_counts=True)
    at_risk = n - np.searchsorted(np.sort(t), u, side="left")
    s = np.cumprod(1 - d / at_risk)
    terms = np.zeros(u.size)
    np.divide(d, at_risk * (at_risk - d), out=terms, where=at_risk > d)
    greenwood = np.cumsum(terms)
    times = [0.0, *u.tolist()]
    surv = [1.0, *s.tolist()]
    se = [0.0, *(s * np.sqrt(greenwood)).tolist()]
    z = _z(level)

    def first(pred):
        return next((tt for tt, ss, ee in zip(times, surv, se) if pred(ss, ee)), None)

    med = first(lambda ss, ee: ss <= 0.5)
    ci = [first(lambda ss, ee: ss - z * ee <= 0.5), first(lambda ss, ee: ss + z * ee <= 0.5)]
    return Survival(times, surv, med, ci if med is not None else None, n, int(e.sum()), int(n - e.sum()))


@dataclass(frozen=True)
class Chance:
    """Repeats expected if the incidents had fallen at random: the mean over the
    simulations and the range holding ``level`` of them, beside the observed count."""

    observed: int
    expected: float
    low: int
    high: int
    verdict: str   # "more than chance", "fewer than chance", "within chance"


CHANCE_SIMULATIONS = 2000
# A class this large, whose chance count and its complement both reach NORMAL_COUNT, is
# ranged by the normal approximation: the exact mean (``expected_repeats``) plus or minus
# z standard deviations of NORMAL_SIMULATIONS draws, as precise as the percentiles of 200
# draws (docs/METRICS.md, "Expected by chance") at under a third of the work.
NORMAL_CLASS = 500
NORMAL_COUNT = 50
NORMAL_SIMULATIONS = 60


@dataclass(frozen=True)
class Keys:
    """What incidents may repeat each other by: pairs of an incident (its index) and a
    key it has (a small integer code), as arrays. Two incidents sharing a key may repeat."""
    incident: np.ndarray
    code: np.ndarray

    @classmethod
    def of(cls, keys: Sequence[Sequence]) -> "Keys":
        """From each incident's keys, any hashable values: ``keys[i]`` are incident i's."""
        codes: dict = {}
        pairs = [(i, codes.setdefault(k, len(codes))) for i, ks in enumerate(keys) for k in ks]
        incident, code = (np.asarray(v, dtype=np.int64).reshape(-1) for v in (zip(*pairs) if pairs else ([], [])))
        return cls(incident, code)

    def groups(self) -> list[np.ndarray]:
        """Each key's incidents, in index order, for the keys that two or more share (an
        incident listing a key twice counts once)."""
        if not len(self.incident):
            return []
        n = int(self.incident.max()) + 1
        pair = np.unique(self.code.astype(np.int64) * n + self.incident)        # sorted by key, then incident
        code = pair // n
        runs = np.split(pair % n, np.flatnonzero(np.diff(code)) + 1)
        return [r for r in runs if len(r) > 1]


def others(groups: list[np.ndarray], n: int) -> np.ndarray:
    """How many other incidents share a key with each of ``n`` incidents, given each
    shared key's incidents (Keys.groups()): a key's size less one, or for an incident with
    several keys the size of their union less one (worked out once per distinct set)."""
    k = np.zeros(n, dtype=np.int64)
    if not groups:
        return k
    sizes = np.array([len(g) for g in groups], dtype=np.int64)
    inc, gid = np.concatenate(groups), np.repeat(np.arange(len(groups)), sizes)
    one = np.bincount(inc, minlength=n)[inc] == 1
    k[inc[one]] = sizes[gid[one]] - 1
    if not one.all():
        mi, mg = inc[~one], gid[~one]
        order = np.lexsort((mg, mi))                       # by incident, then key
        mi, mg = mi[order], mg[order]
        cuts = np.flatnonzero(np.diff(mi)) + 1
        union: dict[bytes, int] = {}
        seen = np.zeros(n, dtype=bool)
        for who, its in zip(mi[np.r_[0, cuts]], np.split(mg, cuts)):
            if (sig := its.tobytes()) not in union:
                seen[:] = False
                for g in its:
                    seen[groups[g]] = True
                union[sig] = int(seen.sum()) - 1
            k[who] = union[sig]
    return k


def expected_repeats(k: np.ndarray, eligible: np.ndarray, span: float, window: float) -> float:
    """The mean chance count, exactly: with starts uniform over ``span``, an eligible
    incident counts when it lands after the first ``window`` days, probability 1 - w/S,
    and one of its ``k`` possible predecessors lands in the window before it, each
    independently with probability w/S: (1 - w/S)(1 - (1 - w/S)^k), summed."""
    q = max(0.0, 1.0 - window / span) if span > 0 else 0.0
    return float((q * (1.0 - q ** k[np.asarray(eligible, dtype=bool)])).sum())


def repeats_by_chance(days: Sequence[float], keys: Keys | Sequence[Sequence], eligible: Sequence[bool], counted: Sequence[bool],
                      span: float, window: float, level: float = 0.90, simulations: int = CHANCE_SIMULATIONS,
                      seed: int = SEED) -> Chance:
    """Repeats among the incidents of one class, observed and as expected by chance.

    An incident repeats when an earlier one it may repeat (one sharing any of its
    ``keys``, as Keys or one sequence per incident: the recurrence key's team or
    services, or one key for the whole class)
    started at most ``window`` days before it. ``days`` are the observed starts over a
    span of ``span`` days whose first ``window`` days only hold possible predecessors; the
    observed count is over ``counted`` incidents (in the period, under the filters). By
    chance, every start falls uniformly at random over the span (the class's own rate),
    each incident keeping what it is (team, services, whether it is ``eligible``: under
    the filters); those landing after the first ``window`` days are counted. A verdict
    other than "within chance" only when the observed count lies outside the central
    ``level`` range of the simulated counts. Simulations shrink for very large classes,
    never below 200 (the same rule, and so the same draws, as when each was n² work).
    A class of NORMAL_CLASS incidents or more whose count is far from both 0 and its
    ceiling (NORMAL_COUNT) is a sum of many weakly dependent events and is normal: its
    expected count is the exact mean (expected_repeats) and its range that mean plus or
    minus z standard deviations of NORMAL_SIMULATIONS draws (``simulations`` caps the
    percentile rule's draws only).
    Each simulation sorts each key's starts: the nearest earlier start of the same key
    decides, n log n."""
    t = np.asarray(days, dtype=float)
    eligible, counted = np.asarray(eligible, dtype=bool), np.asarray(counted, dtype=bool)
    n = len(t)
    groups = (keys if isinstance(keys, Keys) else Keys.of(keys)).groups()    # each key's incidents
    pairs = sum(len(v) for v in groups)

    def repeats(starts: np.ndarray) -> np.ndarray:  # starts: (sims, n) -> repeats (sims, n)
        out = np.zeros(starts.shape, dtype=bool)
        flat, base = out.reshape(-1), (np.arange(starts.shape[0]) * starts.shape[1])[:, None]
        for members in groups:                          # each key's starts, sorted row by row
            s = np.take(starts, members, axis=1)
            # any order of equal starts gives the same answer (each of a run of equal
            # starts looks before the run), so the fast unstable sort will do
            order = np.argsort(s, axis=1)
            ss = np.take_along_axis(s, order, axis=1)
            # the nearest strictly earlier start: the last one before each run of equal
            # starts, carried along the run by a running maximum (-inf: there is none)
            prev = np.full(ss.shape, -np.inf)
            np.copyto(prev[:, 1:], ss[:, :-1], where=ss[:, 1:] != ss[:, :-1])
            np.maximum.accumulate(prev, axis=1, out=prev)
            ss -= prev                                  # the gap back to it: > 0, inf if none
            flat[(members[order] + base)[ss <= window]] = True   # a repeat under any of its keys
        return out

    observed = int((repeats(t[None])[0] & counted).sum()) if n else 0
    if n < 2:
        return Chance(observed, 0.0, 0, 0, "within chance")
    sims = int(max(200, min(simulations, 4e7 // (n * n))))
    mean = None
    if n >= NORMAL_CLASS:
        mean = expected_repeats(others(groups, n), eligible, span, window)
        if mean >= NORMAL_COUNT and int(eligible.sum()) - mean >= NORMAL_COUNT:   # (every eligible one, its ceiling)
            sims = NORMAL_SIMULATIONS
        else:
            mean = None
    rng = np.random.default_rng(seed)
    counts = np.empty(sims, dtype=int)
    chunk = max(1, int(4e6 // max(1, n + pairs)))
    for k in range(0, sims, chunk):
        starts = rng.uniform(0.0, span, size=(min(chunk, sims - k), n))
        counts[k:k + len(starts)] = (repeats(starts) & eligible[None] & (starts >= window)).sum(axis=1)
    if mean is not None:
        half = NormalDist().inv_cdf((1 + level) / 2) * float(counts.std(ddof=1))
        low, high = int(round(mean - half)), int(round(mean + half))
    else:
        mean = float(counts.mean())
        low, high = (int(v) for v in np.quantile(counts, [(1 - level) / 2, (1 + level) / 2], method="nearest"))
    verdict = "more than chance" if observed > high else "fewer than chance" if observed < low else "within chance"
    return Chance(observed, mean, low, high, verdict)
