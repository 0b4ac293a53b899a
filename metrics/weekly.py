"""The Weekly review page: what a chosen Monday-to-Sunday week brings to the SRE review
meeting, and the meeting's agenda as markdown.

``review(reader, filters, week_start)`` returns the week's lists (new incidents and near
misses, postmortems awaiting review, action items due and overdue, repeats) under the
filters' teams, services, severities, classes and near-miss choice; the week replaces
the filters' period. ``agenda_markdown(...)`` turns them into the agenda.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd

from metrics import safe
from metrics.db import Reader, first_rows, sql_file
from metrics.filters import Filters, params
from metrics.incidents import RESEMBLES


def week_of(day: date) -> tuple[date, date]:
    """The Monday and Sunday of the week holding ``day``."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def default_week(today: date) -> date:
    """The Monday of the last complete Monday-Sunday week before ``today``."""
    return today - timedelta(days=today.weekday() + 7)


def _dates(df: pd.DataFrame, *cols: str) -> pd.DataFrame:
    for col in cols:
        df[col] = pd.to_datetime(df[col]).dt.date
    return df


def _severity(row) -> str:
    """The row's severity label, blank when it has no level (the agenda omits it)."""
    return row.severity if pd.notna(getattr(row, "severity_level", 0)) else ""


def _query(reader: Reader, name: str, p: dict) -> pd.DataFrame:
    """Run metrics/sql/NAME.sql with the parameters it names (DuckDB refuses extras)."""
    sql = sql_file(name)
    return reader.query_df(sql, {k: v for k, v in p.items() if re.search(rf"\${k}\b", sql)})


STALE_DAYS = 365   # overdue for longer than this: history, not this week's business


@dataclass(frozen=True)
class Review:
    """One week's agenda: its lists as DataFrames, ``latest`` (the newest incident date
    under the filters, any period, so an empty week can point somewhere useful) and
    ``describe``, the week and the other filters in words.

    ``awaiting_review`` and ``overdue`` may hold only their first rows (``review``'s
    ``limit``: at 100,000 incidents a week's overdue list holds tens of thousands);
    ``awaiting_total`` and ``overdue_total`` say how many there are. ``overdue`` is most
    important first (most severe, then longest overdue) and leaves out the
    ``overdue_stale`` items overdue for over STALE_DAYS: history, which the Action
    items page lists. ``due`` is every item due in the week (open at its end, or done)."""

    week_start: date
    week_end: date
    new: pd.DataFrame
    awaiting_review: pd.DataFrame
    awaiting_total: int
    due: pd.DataFrame
    overdue: pd.DataFrame
    overdue_total: int
    overdue_stale: int
    repeats: pd.DataFrame
    latest: date | None
    describe: str


def review(reader: Reader, f: Filters, week_start: date, limit: int | None = None) -> Review:
    """The week's lists (the long two cut to their first ``limit`` rows; None: all), with
    ``latest`` and ``describe`` (see Review)."""
    week_start, week_end = week_of(week_start)
    week = replace(f, date_from=week_start, date_to=week_end)
    p = params(week, resembles=RESEMBLES, limit=limit, stale_days=STALE_DAYS)
    new = _dates(_query(reader, "weekly_new", p), "incident_date", "resembles_date")
    new["severity"] = new.pop("severity_label")
    new["resembles"] = [f"{t or i} ({d}, similarity {sc:.2f})" if isinstance(i, str) else ""
                        for t, i, d, sc in zip(new["resembles_title"], new["resembles_id"], new["resembles_date"],
                                               new["resembles_score"])]
    awaiting = _dates(_query(reader, "weekly_awaiting_review", p), "incident_date", "written_on")
    awaiting, awaiting_total = first_rows(awaiting)
    awaiting["severity"] = awaiting.pop("severity_label")
    acts = _query(reader, "weekly_actions", p)
    overdue_total, overdue_stale = (int(acts[c].iloc[0]) for c in ("overdue_total", "overdue_stale"))
    acts = _dates(acts[acts["state"].notna()].drop(columns=["overdue_total", "overdue_stale"]),
                  "incident_date", "deadline", "done_on")
    acts["ticket_url"] = acts["ticket_url"].map(safe.link).astype(object)
    late = acts["state"] == "overdue"
    repeats = _dates(_query(reader, "weekly_repeats", p), "incident_date", "predecessor_date")
    latest = _query(reader, "weekly_latest", p).iloc[0, 0]
    latest = None if pd.isna(latest) else pd.Timestamp(latest).date()
    return Review(week_start, week_end, new, awaiting, awaiting_total,
                  acts[~late].reset_index(drop=True), acts[late].reset_index(drop=True), overdue_total,
                  overdue_stale, repeats, latest, week.describe())


# --------------------------------------------------------------------------------------
# The agenda


def _one_line(value, limit: int = 200) -> str:
    """Text from a document as one markdown-inert line of the agenda (metrics.safe)."""
    return safe.markdown_text(value, limit)


def _int(value) -> str:
    return "?" if value is None or pd.isna(value) else str(int(value))


AGENDA_ITEMS = 10  # per list: an agenda a 30-minute meeting can read; the page and CSVs hold the rest
def _section(title: str, rows: list[str], empty: str, total: int | None = None) -> list[str]:
    total = len(rows) if total is None else total
    more = [f"- ... and {total - len(rows)} more (see the Weekly review page)"] if total > len(rows) else []
    return [f"## {title} ({total})", "", *(rows or [f"_{empty}_"]), *more, ""]


def _first(df, n: int = AGENDA_ITEMS):
    return df.head(n).itertuples()


def agenda_markdown(r: dict) -> str:
    """The meeting agenda for ``review()``'s result: a heading per list with its count,
    one bullet per item."""
    start, end = r.week_start, r.week_end
    out = [f"# Weekly SRE review: {start:%a %Y-%m-%d} to {end:%a %Y-%m-%d}", ""]
    scope = r.describe.split("; ", 1)
    if len(scope) > 1:
        out += [f"Filters: {_one_line(scope[1])}", ""]
    out += ["Summary:", "",
            f"- {len(r.new)} new incidents and near misses",
            f"- {len(r.repeats)} repeats",
            f"- {r.awaiting_total} postmortems awaiting review",
            f"- {len(r.due)} action items due this week",
            f"- {r.overdue_total} overdue at the week's end"
            + (f" (and {r.overdue_stale} overdue for over a year, on the Action items page)" if r.overdue_stale
               else ""), ""]

    out += _section("New incidents and near misses", [
        f"- {row.incident_date} · {row.kind} · {_one_line(row.title)}"
        + "".join(f" · {v}" for v in (_severity(row), _one_line(row.team), _one_line(row.incident_class)) if v)
        + (f" · owner {_one_line(row.owner)}" if _one_line(row.owner) else "")
        + (f" · resembles \"{_one_line(row.resembles)}\"" if _one_line(getattr(row, "resembles", "")) else "")
        for row in _first(r.new)], "Nothing new this week.", len(r.new))

    out += _section("Repeats", [
        f"- {row.incident_date} · {_one_line(row.title)} · {_one_line(row.incident_class)} · repeats "
        f"\"{_one_line(row.predecessor_title) or _one_line(row.predecessor_id)}\" ({row.predecessor_date}, "
        f"{row.days_since_predecessor:.0f} days earlier)"
        + (" · **after fix**: its action items were all done" if row.repeat_after_fix else "")
        for row in _first(r.repeats)], "No repeats this week.", len(r.repeats))

    out += _section("Postmortems awaiting review", [
        f"- {row.incident_date} · {_one_line(row.title)} · {_one_line(row.postmortem_status) or 'no status'}"
        f" · {_int(row.days_since_incident)} days since the incident"
        + (f" · owner {_one_line(row.owner)}" if _one_line(row.owner) else "")
        for row in _first(r.awaiting_review)], "Every postmortem is reviewed.",
        r.awaiting_total)

    def item(row) -> str:
        state = {"overdue": f"overdue {_int(row.days_overdue)} d", "due": "due",
                 "done": f"done {_one_line(row.done_on)}".strip()}
        return (f"- [{state[row.state]}] {_one_line(row.action)} · owner {_one_line(row.owner) or 'none'}"
                f" · deadline {row.deadline}"
                + (f" · ticket {safe.markdown_link(row.ticket, row.ticket_url)} ({_one_line(row.status)})"
                   if _one_line(row.ticket) else "")
                + f" · from {_one_line(row.incident_title) or _one_line(row.incident_id)}")

    out += _section("Action items due this week", [item(row) for row in _first(r.due)],
                    "Nothing due this week.", len(r.due))
    out += _section(f"The {AGENDA_ITEMS} most important overdue items (most severe, then longest overdue)",
                    [item(row) for row in _first(r.overdue)], "Nothing overdue.", r.overdue_total)
    return "\n".join(out).rstrip() + "\n"
