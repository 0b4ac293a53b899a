"""How fast action items close, compared fairly: at equal age, and as a survival curve.

"Done as of today" favours old items, which have had longer to close: this period's
items always look worse than last period's, and the monthly completion line falls
towards the present. That is right-censoring, not a collapse of the practice. So the
headline rate here is *done within N days of the incident*, over only the items whose
incident is at least N days old, for this period and the previous one alike; and the
time to close is a Kaplan-Meier curve in which open items count as still open at their
age (censored), with the median days to close and its interval.

An item marked done only in its postmortem has no close date, so no one knows when it
closed: such items are counted (``undated_done``) and left out of these figures; where
enough of them are old enough to count that the rate could lie anywhere in a range wider
than a few points, the rate is not given, its range is (``WithinDays.bounds``).
The rule itself is metrics/sql/actions_within_days.sql, over the rows every
Action-items figure starts from (counted_action_items). Definitions: docs/METRICS.md, "Closing at equal age".
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

from metrics import stats
from metrics.actions import WITHIN_DAYS as DAYS
from metrics.actions import WithinDays, dated_items, items, within
from metrics.db import Reader
from metrics.filters import Filters
from metrics.overview import previous

__all__ = ["DAYS", "WithinDays", "within", "equal_age", "survival", "EqualAge"]


@dataclass(frozen=True)
class EqualAge:
    """This period's and the previous period's rate at the same age, and the verdict."""

    now: WithinDays
    before: WithinDays
    change: stats.Comparison


def equal_age(reader: Reader, f: Filters, as_of: date, days: int = DAYS,
              min_sample: int = stats.MIN_SAMPLE) -> EqualAge:
    now, before = within(reader, f, as_of, days), within(reader, previous(f), as_of, days)
    told = [w.eligible if not w.unknown else 0 for w in (before, now)]   # (a rate left unsaid compares with nothing)
    return EqualAge(now, before, stats.compare_proportions(
        before.done, told[0], now.done, told[1], min_sample=min_sample))


def survival(reader: Reader, f: Filters, as_of: date) -> tuple[stats.Survival, int]:
    """Kaplan-Meier of days to close (open items censored at their age), and how many
    done items were left out for want of a close date."""
    known, undated = dated_items(items(reader, f, as_of))
    incident = pd.to_datetime(known["incident_date"])
    closed = known["is_done"]
    took = (pd.to_datetime(known["done_on"]) - incident).dt.days
    age = (pd.Timestamp(as_of) - incident).dt.days
    durations = took.where(closed, age).clip(lower=0)
    return stats.kaplan_meier(durations.tolist(), closed.tolist()), undated
