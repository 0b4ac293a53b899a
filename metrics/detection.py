"""The Detection page's figures: time to detect, mitigate and resolve per month or
quarter (median, p90, the bootstrap interval of the median, n), the share of incidents
detected within a threshold (Wilson interval), and the same measures by severity and by
team. Definitions: docs/METRICS.md, "Durations" and "Statistics".

Near misses never enter these figures. A bucket (month, quarter, severity, team) below
``min_sample`` values gets no figure: its row says "not enough data" and its numbers are
empty, so that nothing downstream can draw noise. The overall n and median equal
``hindsight report --json``'s ``time_to_detect`` / ``time_to_resolve`` for the same period
under the default filters (the same rows, the same metrics.stats functions).
"""
from __future__ import annotations

import pandas as pd

from metrics import stats
from metrics.db import Reader, kept, sql_file
from metrics.filters import Filters, params
from metrics.periods import months

# measure key (the URL's ?measure=) -> (column of detection_durations.sql, words)
MEASURES = {
    "detect": ("ttd_minutes", "time to detect"),
    "mitigate": ("ttm_minutes", "time to mitigate"),
    "resolve": ("ttr_minutes", "time to resolve"),
}
BUCKETS = ("month", "quarter", "half-year")
AUTO = "auto"  # the finest bucket in which most buckets reach the minimum sample
NOT_ENOUGH = "not enough data"


def label(measure: str) -> str:
    return MEASURES[measure][1]


def durations(reader: Reader, f: Filters, measure: str) -> pd.DataFrame:
    """One row per incident with a value for ``measure``: incident_id, incident_date,
    month, quarter, half-year, severity_level, severity_label, team, minutes. The rows of
    all three measures are read once per database file and filters (metrics.db.kept):
    a page or report asks for several."""
    column = MEASURES[measure][0]  # KeyError for an unknown measure, never SQL text
    df = kept(reader, "durations", f,
              lambda: reader.query_arrow_df(sql_file("detection_durations"), params(f)))
    df = df[df[column].notna()]
    out = df[["incident_id", "incident_date", "month", "quarter", "half_year", "severity_level", "severity_label",
              "team"]].rename(columns={"half_year": "half-year"})
    out["minutes"] = df[column].astype(float)
    return out.reset_index(drop=True)


def _half(month: str) -> str:
    return f"{month[:4]}-H{1 if int(month[5:]) <= 6 else 2}"


def choose_bucket(reader: Reader, f: Filters, measure: str, min_sample: int = stats.MIN_SAMPLE) -> str:
    """The finest of month, quarter and half-year in which at least half of the period's
    buckets hold ``min_sample`` incidents with a value (else half-year): with few
    incidents a month-by-month trend is mostly "not enough data"."""
    df = durations(reader, f, measure)
    for bucket in BUCKETS:
        names = buckets(f.date_from, f.date_to, bucket)
        counts = df[bucket].value_counts()
        if sum(counts.get(b, 0) >= min_sample for b in names) * 2 >= len(names):
            return bucket
    return BUCKETS[-1]


def resolve(reader: Reader, f: Filters, measure: str, bucket: str, min_sample: int = stats.MIN_SAMPLE) -> str:
    """``bucket`` itself, or for "auto" the one choose_bucket picks."""
    return choose_bucket(reader, f, measure, min_sample) if bucket == AUTO else bucket


def quarters(date_from, date_to) -> list[str]:
    """Every YYYY-Qn from ``date_from``'s quarter to ``date_to``'s, inclusive."""
    out = []
    for m in months(date_from, date_to):
        q = f"{m[:4]}-Q{(int(m[5:]) - 1) // 3 + 1}"
        if not out or out[-1] != q:
            out.append(q)
    return out


def buckets(date_from, date_to, bucket: str) -> list[str]:
    if bucket not in BUCKETS:
        raise ValueError(f"unknown bucket {bucket!r}")
    if bucket == "month":
        return months(date_from, date_to)
    if bucket == "quarter":
        return quarters(date_from, date_to)
    return list(dict.fromkeys(_half(m) for m in months(date_from, date_to)))


def _figures(values, min_sample: int) -> dict:
    """n, median, p90 and the median's interval; the figures only with enough values."""
    s = stats.summary(list(values))
    ok = stats.enough(s.n, min_sample)
    ci = s.ci_median if ok else None
    return {"n": s.n, "enough": ok,
            "median_min": s.median if ok else None, "p90_min": s.p90 if ok else None,
            "ci90_low_min": ci[0] if ci else None, "ci90_high_min": ci[1] if ci else None,
            "figure": "" if ok else NOT_ENOUGH}


def summary(reader: Reader, f: Filters, measure: str) -> stats.Summary:
    """Over the whole period: n, median, p90, ci_median (90% bootstrap), mean (secondary).
    The figures are returned whatever n is; the page decides with stats.enough."""
    return stats.summary(durations(reader, f, measure)["minutes"].tolist())


def trend(reader: Reader, f: Filters, measure: str, bucket: str = "month",
          min_sample: int = stats.MIN_SAMPLE) -> pd.DataFrame:
    """One row per month or quarter of the period (empty ones included): bucket, n,
    median_min, p90_min, ci90_low_min, ci90_high_min, enough, figure."""
    df = durations(reader, f, measure)
    groups = {k: g["minutes"].tolist() for k, g in df.groupby(bucket)} if not df.empty else {}
    rows = [{"bucket": b, **_figures(groups.get(b, []), min_sample)}
            for b in buckets(f.date_from, f.date_to, bucket)]
    return pd.DataFrame(rows, columns=["bucket", "n", "enough", "median_min", "p90_min", "ci90_low_min",
                                       "ci90_high_min", "figure"])


def _share(k: int, n: int, min_sample: int) -> dict:
    ok = stats.enough(n, min_sample)
    ci = stats.wilson(k, n) if ok else None
    return {"within": k, "n": n, "enough": ok, "share": k / n if ok and n else None,
            "ci90_low": ci[0] if ci else None, "ci90_high": ci[1] if ci else None,
            "figure": "" if ok else NOT_ENOUGH}


def within_threshold(reader: Reader, f: Filters, threshold: float, bucket: str = "month",
                     min_sample: int = stats.MIN_SAMPLE) -> dict:
    """Share of incidents detected within ``threshold`` minutes of the start of impact
    (time to detect <= threshold), over incidents with a time to detect: overall and per
    bucket, each with a 90% Wilson interval. {"threshold", "overall": {...}, "by_bucket": DataFrame}."""
    df = durations(reader, f, "detect")
    hit = df["minutes"] <= float(threshold)
    overall = _share(int(hit.sum()), len(df), min_sample)
    rows = []
    for b in buckets(f.date_from, f.date_to, bucket):
        mask = df[bucket] == b
        rows.append({"bucket": b, **_share(int((hit & mask).sum()), int(mask.sum()), min_sample)})
    return {"threshold": float(threshold), "overall": overall,
            "by_bucket": pd.DataFrame(rows, columns=["bucket", "within", "n", "enough", "share", "ci90_low",
                                                     "ci90_high", "figure"])}


def breakdown(reader: Reader, f: Filters, measure: str, by: str,
              min_sample: int = stats.MIN_SAMPLE) -> pd.DataFrame:
    """``measure`` per severity (SEV1 first, "no severity" last) or per team (most
    incidents first): n, median, p90 and the median's interval; rows below min_sample
    say "not enough data" and carry no figures."""
    if by not in ("severity", "team"):
        raise ValueError(f"unknown breakdown {by!r}")
    columns = [by, "n", "figure", "median_min", "p90_min", "ci90_low_min", "ci90_high_min"]
    df = durations(reader, f, measure)
    if df.empty:
        return pd.DataFrame(columns=columns)
    if by == "severity":
        df = df.assign(_order=df["severity_level"].fillna(99), severity=df["severity_label"])
        groups = [(name, g) for (_, name), g in df.groupby(["_order", "severity"], sort=True)]
    else:
        groups = sorted(df.groupby("team"), key=lambda kv: (-len(kv[1]), kv[0]))
    rows = []
    for name, g in groups:
        fig = _figures(g["minutes"].tolist(), min_sample)
        fig.pop("enough")
        rows.append({by: name, **fig})
    return pd.DataFrame(rows, columns=columns)
