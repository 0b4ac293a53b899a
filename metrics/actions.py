"""The Action items page's figures: do the items written in postmortems get done, and on
time? Every count follows docs/METRICS.md ("Action items in a report"), item by item in
one place, the counted_action_items macro (loaders/sql/macros/filtered.sql), which the
report's and the Overview's counts read too: the page's totals equal ``hindsight
report``'s ``actions`` block for the same period (default filters) and as-of date.

Rates come with 90% Wilson intervals (metrics.stats.wilson); a month with fewer than
``min_sample`` items in a rate's denominator shows "not enough data" instead of a rate.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from metrics import safe, stats
from metrics.db import Reader, kept, sql_file
from metrics.filters import Filters, params
from metrics.periods import months

NO_OWNER = "(no owner)"
LISTINGS = ("overdue", "wishes", "wont_do")   # actions_items.sql's $listing
NOT_ENOUGH = "not enough data"


def items(reader: Reader, f: Filters, as_of: date) -> pd.DataFrame:
    """One row per action item under the filters with what it counts as on ``as_of``
    (metrics/sql/actions_counted.sql: no text but team, severity, owner and status).
    Every figure of the page starts here: the frame is kept for the database file it
    came from (metrics.db.kept), so one page render queries it once, not once per figure."""
    def make():
        return reader.query_arrow_df(sql_file("actions_counted"), params(f, as_of=as_of))

    return kept(reader, "action items", (f, as_of), make).copy()


def listed(reader: Reader, f: Filters, as_of: date, listing: str, limit: int | None = None) -> pd.DataFrame:
    """The items of one listing with their text, in its order (metrics/sql/actions_items.sql):
    "overdue", "wishes" or "wont_do"; the first ``limit`` rows, or all."""
    if listing not in LISTINGS:
        raise ValueError(f"unknown listing {listing!r}: one of {', '.join(LISTINGS)}")
    df = reader.query_df(sql_file("actions_items"), params(f, as_of=as_of, listing=listing, limit=limit))
    for col in ("incident_date", "due_date", "deadline", "done_on"):
        df[col] = pd.to_datetime(df[col]).dt.date
    return df


def _counts(df: pd.DataFrame) -> dict:
    """The report's counts over a frame of items (actions_counted.sql rows)."""
    return {
        "total": int(len(df)), "done": int(df["is_done"].sum()), "open": int(df["is_open"].sum()),
        "wont_do": int(df["is_wont_do"].sum()), "overdue": int(df["is_overdue"].sum()),
        "on_time": int(df["is_on_time"].sum()), "due_or_done": int(df["is_due_or_done"].sum()),
    }


def rates(df: pd.DataFrame) -> dict:
    """Counts, completion and on-time rates with their 90% Wilson intervals; a rate is
    None when its denominator is 0."""
    c = _counts(df)
    decided = c["total"] - c["wont_do"]
    return {**c, "decided": decided,
            "completion_rate": c["done"] / decided if decided else None,
            "completion_ci": stats.wilson(c["done"], decided),
            "on_time_rate": c["on_time"] / c["due_or_done"] if c["due_or_done"] else None,
            "on_time_ci": stats.wilson(c["on_time"], c["due_or_done"])}


@dataclass(frozen=True)
class Totals:
    """The period's action items: the counts of ``hindsight report``'s actions block,
    the two rates with their 90% intervals, and the items missing an owner, a due date,
    a ticket, or (done ones) a tracker date, and the wishes (won't-do aside, missing
    any of owner, due date and ticket)."""

    total: int
    done: int
    open: int
    wont_do: int
    overdue: int
    on_time: int
    due_or_done: int
    decided: int
    completion_rate: float | None
    completion_ci: list[float] | None
    on_time_rate: float | None
    on_time_ci: list[float] | None
    without_owner: int
    without_due: int
    without_ticket: int
    done_undated: int
    wishes: int


def totals(reader: Reader, f: Filters, as_of: date) -> Totals:
    """The period's totals (see Totals)."""
    df = items(reader, f, as_of)
    return Totals(**rates(df),
                  without_owner=int(df["owner"].isna().sum()),
                  without_due=int(df["due_date"].isna().sum()),
                  without_ticket=int((~df["has_ticket"]).sum()),
                  done_undated=int((df["is_done"] & df["done_on"].isna()).sum()),
                  wishes=int(df["is_wish"].sum()))


def _rate_row(group: pd.DataFrame, min_sample: int | None) -> dict:
    r = rates(group)
    row = {"items": r["total"], "done": r["done"], "open": r["open"], "won't do": r["wont_do"],
           "overdue": r["overdue"]}
    for name, k, n, rate, ci in (("completion", r["done"], r["decided"], r["completion_rate"], r["completion_ci"]),
                                 ("on time", r["on_time"], r["due_or_done"], r["on_time_rate"], r["on_time_ci"])):
        shown = min_sample is None or stats.enough(n, min_sample)
        row[f"{name} n"] = n
        row[name] = rate if shown else None
        row[f"{name} 90% low"] = ci[0] if ci and shown else None
        row[f"{name} 90% high"] = ci[1] if ci and shown else None
        if min_sample is not None:
            row[f"{name} note"] = "" if shown else NOT_ENOUGH
    return row


def rate_table(df: pd.DataFrame, by: str, label: str | None = None,
               min_sample: int | None = None) -> pd.DataFrame:
    """Rates per value of column ``by`` (largest groups first). With ``min_sample`` a
    rate on fewer items than that is left empty and noted "not enough data"."""
    label = label or by
    rows = [{label: key, **_rate_row(g, min_sample)} for key, g in df.groupby(by, dropna=False, sort=False)]
    cols = [label, "items", "done", "open", "won't do", "overdue"]
    for name in ("completion", "on time"):
        cols += [f"{name} n", name, f"{name} 90% low", f"{name} 90% high"]
        if min_sample is not None:
            cols.append(f"{name} note")
    out = pd.DataFrame(rows, columns=cols)
    return out.sort_values(["items", label], ascending=[False, True], kind="stable").reset_index(drop=True)


WITHIN_DAYS = 90  # the Overview's equal-age window (metrics/closing.py)
# Done items with no close date, old enough to count, may each have closed within the
# window or not: the rate lies between two bounds whatever they were. Beyond this spread
# (in points) it is not a figure to repeat, and is shown as the range
MAX_UNKNOWN = 0.05


@dataclass(frozen=True)
class WithinDays:
    """Items done within ``days`` of their incident, of those old enough to have had it
    (docs/METRICS.md, "Closing at equal age"). ``rate`` is None where too few items tell,
    or where done items with no close date leave it anywhere in ``bounds``, a range wider
    than MAX_UNKNOWN (a team that ticks its checkboxes and keeps no tracker: its items
    read as 0% done within 90 days, as if none ever closed)."""

    days: int
    eligible: int        # won't-do aside, incident at least `days` old, close date known or still open
    done: int            # closed within `days` of the incident
    too_recent: int      # incident younger than `days`: left out
    undated_done: int    # done with no close date (the document's word): left out
    rate: float | None
    ci: list[float] | None
    undated_eligible: int = 0   # ... of them, those whose incident is old enough: each may have closed in time or not
    bounds: tuple[float, float] | None = None   # the rate whatever their close dates: none, or all, in time

    @property
    def unknown(self) -> bool:
        """Whether the rate is left unsaid for want of close dates (``bounds`` hold it)."""
        return self.bounds is not None and self.bounds[1] - self.bounds[0] > MAX_UNKNOWN


def within_by_month(reader: Reader, f: Filters, as_of: date, days: int = WITHIN_DAYS) -> pd.DataFrame:
    """Equal-age counts per month of the incident date (metrics/sql/actions_within_days.sql,
    the one place the rule is computed): month, eligible, done, too_recent, undated_done.
    Kept for the database file, like the item frame."""
    def make():
        return reader.query_df(sql_file("actions_within_days"), params(f, as_of=as_of, days=days))

    return kept(reader, "within days", (f, as_of, days), make).copy()


def within_counts(days: int, eligible: int, done: int, too_recent: int, undated_done: int,
                  undated_eligible: int = 0) -> WithinDays:
    """The rate and its interval for equal-age counts, or the bounds that hold it."""
    n = eligible + undated_eligible
    bounds = (done / n, (done + undated_eligible) / n) if undated_eligible else None
    w = WithinDays(days, eligible, done, too_recent, undated_done, done / eligible if eligible else None,
                   stats.wilson(done, eligible), undated_eligible, bounds)
    return replace(w, rate=None, ci=None) if w.unknown else w


def within(reader: Reader, f: Filters, as_of: date, days: int = WITHIN_DAYS) -> WithinDays:
    """Done within ``days`` of the incident over the whole period, for the Overview, the
    report and the closing page."""
    rows = within_by_month(reader, f, as_of, days)
    return within_counts(days, *(int(rows[c].sum()) for c in ("eligible", "done", "too_recent", "undated_done",
                                                             "undated_eligible")))


def dated_items(df: pd.DataFrame) -> tuple[pd.DataFrame, int]:
    """(items whose close date is known or which are still open, won't-do aside and of
    incidents up to the frame's as-of day; how many done items have no close date and are
    left out): the frame's close_known and done_undated, which counted_action_items decides."""
    return df[df["close_known"]], int(df["done_undated"].sum())


def monthly(reader: Reader, f: Filters, as_of: date, min_sample: int = stats.MIN_SAMPLE,
            days: int = WITHIN_DAYS) -> pd.DataFrame:
    """Completion and on-time rate per month of the incident date, every month of the
    period (months without items have n 0 and no rate). Completion is compared at equal
    age (metrics/closing.py): done within ``days`` of the incident, over the items old
    enough to have had that long, so recent months do not read as a collapse; a month
    younger than that has no completion figure yet."""
    df = items(reader, f, as_of)
    table = rate_table(df, "month", min_sample=min_sample)
    for r in within_by_month(reader, f, as_of, days).itertuples(index=False):
        _equal_age(table, table["month"] == r.month, within_counts(days, r.eligible, r.done, r.too_recent,
                                                                   r.undated_done, r.undated_eligible), days, min_sample)
    every = pd.DataFrame({"month": months(f.date_from, f.date_to)})
    out = every.merge(table, on="month", how="left")
    for col in ("items", "done", "open", "won't do", "overdue", "completion n", "on time n"):
        out[col] = out[col].fillna(0).astype(int)
    out["on time note"] = out["on time note"].where(out["on time n"] >= min_sample, NOT_ENOUGH)
    out["completion note"] = out["completion note"].where(out["completion n"] >= min_sample,
                                                          out["completion note"].replace("", NOT_ENOUGH).fillna(NOT_ENOUGH))
    return out


def _equal_age(table: pd.DataFrame, row, w: WithinDays, days: int, min_sample: int) -> None:
    """Replace a row's completion with 'done within ``days`` of the incident' (``w``)."""
    shown = stats.enough(w.eligible, min_sample) and not w.unknown
    table.loc[row, "completion n"] = w.eligible
    table.loc[row, "completion"] = w.rate if shown else None
    table.loc[row, "completion 90% low"] = w.ci[0] if w.ci and shown else None
    table.loc[row, "completion 90% high"] = w.ci[1] if w.ci and shown else None
    table.loc[row, "completion note"] = "" if shown else (
        f"{w.undated_eligible} done with no close date" if w.unknown
        else NOT_ENOUGH if w.eligible else f"under {days} days old")


def breakdown(reader: Reader, f: Filters, as_of: date, by: str) -> pd.DataFrame:
    """Rates by "team", "owner" or "severity" with n and 90% intervals."""
    df = items(reader, f, as_of)
    if by == "owner":
        df["owner"] = df["owner"].fillna(NO_OWNER)
        return rate_table(df, "owner")
    if by == "severity":
        order = df.groupby("severity_label")["severity_level"].min().fillna(99).to_dict()
        out = rate_table(df.assign(severity=df["severity_label"]), "severity")
        return out.sort_values("severity", key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    if by == "team":
        return rate_table(df, "team")
    raise ValueError(f"unknown breakdown {by!r}")


def _listing(df: pd.DataFrame) -> pd.DataFrame:
    """The listings' shared columns; "ticket_url" is the ticket's address when it is
    http(s), "tracker status" the tracker's own word for it (ui/tables shows the three
    as one ticket)."""
    return df.assign(incident=df["incident_title"].fillna(df["incident_id"]),
                     **{"incident date": df["incident_date"],
                        "ticket_url": df["ticket_url"].map(safe.link).astype(object),
                        "tracker status": df["ticket_status"]})


def overdue(reader: Reader, f: Filters, as_of: date, limit: int | None = None) -> pd.DataFrame:
    """Open items whose deadline is before ``as_of``, most overdue first (the first
    ``limit``, or all)."""
    df = _listing(listed(reader, f, as_of, "overdue", limit))
    df = df.rename(columns={"days_overdue": "days overdue"})
    df["deadline source"] = df["deadline_from_sla"].map({True: "SLA", False: "due date"})
    return df[["action", "owner", "days overdue", "ticket", "ticket_url", "tracker status", "deadline",
               "deadline source", "incident", "team"]].reset_index(drop=True)


def open_ages(reader: Reader, f: Filters, as_of: date) -> pd.DataFrame:
    """Days each open item has been open on ``as_of`` (since its incident date)."""
    df = items(reader, f, as_of)
    return df.loc[df["is_open"], ["age_days", "team"]].reset_index(drop=True)


def age_summary(ages: pd.Series, min_sample: int = stats.MIN_SAMPLE) -> stats.Summary:
    """n, median and p90 of open items' ages with the median's interval; no median or
    p90 below ``min_sample``."""
    s = stats.summary(list(ages))
    if not stats.enough(s.n, min_sample):
        return replace(s, median=None, p90=None, ci_median=None, mean=None)
    return s


def flow(reader: Reader, f: Filters) -> pd.DataFrame:
    """Items opened (incident date) and closed (done_on) per month, every month of the period."""
    df = reader.query_df(sql_file("actions_flow"), params(f))
    every = pd.DataFrame({"month": months(f.date_from, f.date_to)})
    out = every.merge(df, on="month", how="left")
    out[["opened", "closed"]] = out[["opened", "closed"]].fillna(0).astype(int)
    return out


def wishes(reader: Reader, f: Filters, as_of: date, limit: int | None = None) -> pd.DataFrame:
    """Items missing an owner, a due date or a ticket (won't-do items are listed apart),
    open ones first, then the newest incident first (the first ``limit``, or all)."""
    df = listed(reader, f, as_of, "wishes", limit)
    missing = (df["owner"].isna().map({True: "owner", False: ""}) + ","
               + df["due_date"].isna().map({True: "due date", False: ""}) + ","
               + df["ticket"].isna().map({True: "ticket", False: ""}))
    df = _listing(df).assign(missing=missing.map(lambda s: ", ".join(p for p in s.split(",") if p)))
    return df[["action", "missing", "owner", "ticket", "ticket_url", "tracker status", "status", "deadline",
               "incident", "incident date"]].reset_index(drop=True)


def wont_do(reader: Reader, f: Filters, as_of: date, limit: int | None = None) -> pd.DataFrame:
    """Items marked won't do, newest incident first (the first ``limit``, or all): out of
    every rate's denominator, shown for the record."""
    df = _listing(listed(reader, f, as_of, "wont_do", limit))
    df = df.rename(columns={"status_source": "status from"})
    return df[["action", "owner", "ticket", "ticket_url", "tracker status", "status from", "incident",
               "incident date"]].reset_index(drop=True)
