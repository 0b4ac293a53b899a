"""The Near misses page's figures: how many are reported and what share of all reports
they are (docs/METRICS.md, "Incidents and near misses", "Near misses over time"), by
month, team and class, and what the postmortems say we were lucky about.

More reported near misses is good: it means people write up what almost happened.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from metrics import stats
from metrics.db import Reader, sql_file
from metrics.filters import Filters, params
from metrics.periods import months

SHARE_COLUMNS = ["near_misses", "incidents", "reports", "share", "ci90_low", "ci90_high"]


def _with_share(df: pd.DataFrame, min_sample: int | None = None) -> pd.DataFrame:
    """Adds reports, share and its 90% Wilson interval; with ``min_sample``, a bucket
    with fewer reports gets no share (not enough data)."""
    df = df.copy()
    df["near_misses"] = df["near_misses"].astype("int64")
    df["incidents"] = df["incidents"].astype("int64")
    df["reports"] = df["near_misses"] + df["incidents"]
    shares, lows, highs = [], [], []
    for k, n in zip(df["near_misses"], df["reports"]):
        k, n = int(k), int(n)
        if n == 0 or (min_sample is not None and not stats.enough(n, min_sample)):
            shares.append(None), lows.append(None), highs.append(None)
            continue
        lo, hi = stats.wilson(k, n)
        shares.append(k / n), lows.append(lo), highs.append(hi)
    df["share"] = pd.Series(shares, index=df.index, dtype="float64")
    df["ci90_low"] = pd.Series(lows, index=df.index, dtype="float64")
    df["ci90_high"] = pd.Series(highs, index=df.index, dtype="float64")
    return df


@dataclass(frozen=True)
class Summary:
    near_misses: int
    incidents: int
    reports: int
    share: float | None
    ci90_share: list[float] | None


@dataclass(frozen=True)
class LuckyCounts:
    near_misses: int
    with_notes: int


def summary(reader: Reader, f: Filters) -> Summary:
    """Near misses, incidents and the share of near misses among all reports in the
    period, with its 90% Wilson interval (None when there are no reports)."""
    df = reader.query_df(sql_file("near_misses_monthly"), params(f))
    near, inc = int(df["near_misses"].sum()), int(df["incidents"].sum())
    n = near + inc
    return Summary(near, inc, n, near / n if n else None, stats.wilson(near, n))


def monthly(reader: Reader, f: Filters, min_sample: int = stats.MIN_SAMPLE) -> pd.DataFrame:
    """Every month of the period (0 where none): near misses, incidents, reports, and
    the share of near misses with its 90% Wilson interval, left empty in a month with
    fewer than ``min_sample`` reports."""
    df = reader.query_df(sql_file("near_misses_monthly"), params(f))
    frame = pd.DataFrame({"month": months(f.date_from, f.date_to)})
    frame = frame.merge(df, on="month", how="left").fillna({"near_misses": 0, "incidents": 0})
    return _with_share(frame, min_sample)[["month", *SHARE_COLUMNS]]


def by_team(reader: Reader, f: Filters, min_sample: int = stats.MIN_SAMPLE) -> pd.DataFrame:
    """Per owning team: near misses, incidents, share of near misses (Wilson 90%; empty
    for a team with fewer than ``min_sample`` reports)."""
    df = reader.query_df(sql_file("near_misses_by_team"), params(f))
    return _with_share(df, min_sample)[["team", *SHARE_COLUMNS]]


def by_class(reader: Reader, f: Filters, min_sample: int = stats.MIN_SAMPLE) -> pd.DataFrame:
    """Per incident class: near misses, incidents, share of near misses (Wilson 90%;
    empty for a class with fewer than ``min_sample`` reports)."""
    df = reader.query_df(sql_file("near_misses_by_class"), params(f))
    return _with_share(df, min_sample)[["class", *SHARE_COLUMNS]]


def lucky(reader: Reader, f: Filters, limit: int = 10) -> list[dict]:
    """The ``limit`` most recent near misses, newest first: date, title, team, class and
    their "where we got lucky" notes (a list, empty when the postmortem has none)."""
    rows = reader.query(sql_file("near_misses_lucky"), params(f, limit=int(limit)))
    return [{"incident_date": d, "title": t, "team": team, "class": c, "lucky": list(notes or [])}
            for d, t, team, c, notes in rows]


def lucky_counts(reader: Reader, f: Filters) -> LuckyCounts:
    """How many near misses under the filters have "where we got lucky" notes."""
    n, with_notes = reader.query(sql_file("near_misses_lucky_count"), params(f))[0]
    return LuckyCounts(n, with_notes)
