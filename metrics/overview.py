"""The Overview page's figures: each headline with its change against the previous
period of the same length, called an improvement or regression only when the
interval says so (metrics.stats)."""
from __future__ import annotations

from datetime import date
from dataclasses import dataclass, replace

import pandas as pd

from metrics import periods, repeats, stats
from metrics.db import Reader, sql_file
from metrics.filters import Filters, first_and_last, params


def previous(f: Filters) -> Filters:
    """The period of the same length just before ``f``'s, with the same other filters."""
    p = periods.same_length_before(periods.Period(f.date_from, f.date_to))
    return replace(f, date_from=p.date_from, date_to=p.date_to)


def _period(reader: Reader, f: Filters, as_of: date) -> dict:
    incidents, near, ttd = reader.query(sql_file("overview_incidents"), params(f))[0]
    total, done, wont, overdue, on_time, due_or_done = reader.query(
        sql_file("overview_actions"), params(f, as_of=as_of))[0]
    return {"incidents": incidents, "near_misses": near, "ttd": list(ttd or []),
            "actions": total, "done": done, "wont_do": wont, "overdue": overdue,
            "on_time": on_time, "due_or_done": due_or_done}


@dataclass(frozen=True)
class Headline:
    """The Overview's cards: this period's figures, the previous period's where a card
    compares, and each comparison's verdict (stats.Comparison)."""

    incidents: int
    incidents_before: int
    near_misses: int
    near_misses_before: int
    near_miss_share: float | None
    near_miss_share_ci: list[float] | None
    near_miss_change: stats.Comparison
    actions: int
    actions_done: int
    actions_overdue: int
    completion_rate: float | None
    completion_ci: list[float] | None
    completion_change: stats.Comparison
    on_time_rate: float | None
    on_time_ci: list[float] | None
    on_time_change: stats.Comparison
    ttd_n: int
    ttd_median: float | None
    ttd_p90: float | None
    ttd_ci: list[float] | None
    ttd_change: stats.Comparison
    before_loaded: bool = True   # the previous period overlaps the loaded data: its figures say something


def headline(reader: Reader, f: Filters, as_of: date, min_sample: int = stats.MIN_SAMPLE) -> Headline:
    now, before = _period(reader, f, as_of), _period(reader, previous(f), as_of)
    first = first_and_last(reader)[0]
    decided = now["actions"] - now["wont_do"]
    reports = now["incidents"] + now["near_misses"]
    ttd = stats.summary(now["ttd"])
    return Headline(
        incidents=now["incidents"], incidents_before=before["incidents"],
        near_misses=now["near_misses"], near_misses_before=before["near_misses"],
        near_miss_share=now["near_misses"] / reports if reports else None,
        near_miss_share_ci=stats.wilson(now["near_misses"], reports),
        near_miss_change=stats.compare_proportions(
            before["near_misses"], before["incidents"] + before["near_misses"], now["near_misses"], reports,
            higher_is_better=True, min_sample=min_sample),
        actions=now["actions"], actions_done=now["done"], actions_overdue=now["overdue"],
        completion_rate=now["done"] / decided if decided else None,
        completion_ci=stats.wilson(now["done"], decided),
        completion_change=stats.compare_proportions(
            before["done"], before["actions"] - before["wont_do"], now["done"], decided, min_sample=min_sample),
        on_time_rate=now["on_time"] / now["due_or_done"] if now["due_or_done"] else None,
        on_time_ci=stats.wilson(now["on_time"], now["due_or_done"]),
        on_time_change=stats.compare_proportions(
            before["on_time"], before["due_or_done"], now["on_time"], now["due_or_done"], min_sample=min_sample),
        ttd_n=ttd.n, ttd_median=ttd.median, ttd_p90=ttd.p90, ttd_ci=ttd.ci_median,
        ttd_change=stats.compare_medians(before["ttd"], now["ttd"], lower_is_better=True, min_sample=min_sample),
        before_loaded=first is not None and first <= previous(f).date_to,
    )


def monthly(reader: Reader, f: Filters) -> pd.DataFrame:
    return reader.query_df(sql_file("overview_monthly"), params(f))


def top_repeats(reader: Reader, f: Filters) -> pd.DataFrame:
    """The classes that repeated most, each with the repeats chance alone would give
    (metrics/repeats.py): "keeps coming back" means more than that."""
    df = reader.query_df(sql_file("overview_repeats"), params(f))
    chance = repeats.chance(reader, f).set_index("class")
    df["by_chance"] = [f"{chance.at[c, 'expected']:.1f}" if c in chance.index else "" for c in df["class"]]
    df["beyond_chance"] = [chance.at[c, "verdict"] if c in chance.index else "" for c in df["class"]]
    return df


@dataclass(frozen=True)
class Coverage:
    """Known incidents in the period, how many have a postmortem and a reviewed one. Where
    no incident-tool export covers the period every known incident comes from a
    postmortem: the share would be 100% by construction, so it is None (``exports_loaded``
    False; the SQL macro exports_cover)."""

    incidents: int
    with_postmortem: int
    reviewed: int
    share: float | None
    ci: list[float] | None
    reviewed_share: float | None
    exports_loaded: bool = True


def coverage(reader: Reader, f: Filters) -> Coverage:
    """Coverage under every filter but near misses (it is of incidents); see the SQL's
    header for what a team or class filter does to incident-tool rows."""
    p = params(f)
    p.pop("near_misses")
    n, written, reviewed, exports = reader.query(sql_file("overview_coverage"), p)[0]
    measured = bool(n) and exports
    return Coverage(n, written, reviewed, written / n if measured else None,
                    stats.wilson(written, n) if measured else None, reviewed / n if n else None, exports)
