"""How fast action items close, compared fairly: at equal age, and as a survival curve.

"Done as of today" favours old items, which have had longer to close: this period's
items always look worse than last period's, and the monthly completion line falls
towards the present. That is right-censoring, not a collapse of the practice. So the
headline rate here is *done within N days of the incident*, over only the items whose
incident is at least N days old, for this period and the previous one alike; and the
time to close is a Kaplan-Meier curve in which open items count as still open at their
age (censored), with the median days to close and its interval.

An item marked done only in its postmortem has no close date, so no one knows when it
closed: such items are counted (``undated_done``) and left out of these figures.
Definitions: docs/METRICS.md, "Closing at equal age".
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from metrics import stats
from metrics.db import Reader, sql_file
from metrics.filters import Filters, params
from metrics.overview import previous

DAYS = 90  # the Overview's window


def items(reader: Reader, f: Filters, as_of: date) -> pd.DataFrame:
    return reader.query_df(sql_file("actions_closing"), params(f, as_of=as_of))


@dataclass(frozen=True)
class WithinDays:
    """Items done within ``days`` of their incident, of those old enough to have had it."""

    days: int
    eligible: int        # incident at least `days` old, close date known or still open
    done: int            # closed within `days` of the incident
    too_recent: int      # incident younger than `days`: left out
    undated_done: int    # done, close date unknown: left out
    rate: float | None
    ci: list[float] | None


def within(reader: Reader, f: Filters, as_of: date, days: int = DAYS) -> WithinDays:
    return _within(items(reader, f, as_of), days)


def _within(df: pd.DataFrame, days: int) -> WithinDays:
    known = df[~df["undated_done"]]
    old = known[known["age_days"] >= days]
    done = int((old["closed"] & (old["days_to_close"] <= days)).sum())
    n = len(old)
    return WithinDays(days, n, done, int((known["age_days"] < days).sum()), int(df["undated_done"].sum()),
                      done / n if n else None, stats.wilson(done, n))


@dataclass(frozen=True)
class EqualAge:
    """This period's and the previous period's rate at the same age, and the verdict."""

    now: WithinDays
    before: WithinDays
    change: stats.Comparison


def equal_age(reader: Reader, f: Filters, as_of: date, days: int = DAYS,
              min_sample: int = stats.MIN_SAMPLE) -> EqualAge:
    now, before = within(reader, f, as_of, days), within(reader, previous(f), as_of, days)
    return EqualAge(now, before, stats.compare_proportions(
        before.done, before.eligible, now.done, now.eligible, min_sample=min_sample))


def survival(reader: Reader, f: Filters, as_of: date) -> tuple[stats.Survival, int]:
    """Kaplan-Meier of days to close (open items censored at their age), and how many
    done items were left out for want of a close date."""
    df = items(reader, f, as_of)
    known = df[~df["undated_done"]]
    durations = known["days_to_close"].where(known["closed"], known["age_days"]).clip(lower=0)
    return stats.kaplan_meier(durations.tolist(), known["closed"].tolist()), int(df["undated_done"].sum())
