"""The Recurrence page's figures: which classes keep coming back, and whether the fix
worked (docs/METRICS.md, "Recurrence"; mart_recurrence).

Per class the figures are those of ``hindsight report --json``'s ``recurrence`` list,
under the dashboard's filters instead of the period alone.
"""
from __future__ import annotations

from datetime import date

import pandas as pd

from metrics import repeats, safe, stats
from metrics.db import Reader, first_rows, sql_file
from metrics.filters import Filters, params
from metrics.report import FREQUENT_SHARE, months

CLASS_COLUMNS = ["class", "incidents", "repeats", "expected_by_chance", "beyond_chance", "repeats_after_fix",
                 "share", "frequent", "novel", "days_between_repeats", "median_days_between_repeats",
                 "ci90_low_days", "ci90_high_days", "first_in_period", "chance_expected", "chance_low",
                 "chance_high"]

def _gap_text(gaps: list[float], median: float | None, ci: list[float] | None) -> str:
    """The median gap as a reader sees it: "9.1 (90% CI 7.9–13.3)", or why there is none."""
    if not gaps:
        return "no repeats"
    if median is None:
        return f"not enough data (n={len(gaps)})"
    return f"{median:.1f} (90% CI {ci[0]:.1f}–{ci[1]:.1f}), n={len(gaps)}" if ci else f"{median:.1f}, n={len(gaps)}"


MAX_COLUMNS = 24  # more months than this draw hairline cells: aggregate to quarters, then years


def _bucket(month: str, unit: str) -> str:
    if unit == "month":
        return month
    if unit == "quarter":
        return f"{month[:4]}-Q{(int(month[5:]) - 1) // 3 + 1}"
    return month[:4]


def heatmap(reader: Reader, f: Filters) -> pd.DataFrame:
    """Incidents per class (rows, most incidents first) and month (columns, every month
    of the period, 0 where none). A period of more than MAX_COLUMNS months is counted per
    quarter ("2021-Q3"), and of more than MAX_COLUMNS quarters per year ("2021"), so a
    long span stays readable."""
    df = reader.query_df(sql_file("recurrence_heatmap"), params(f))
    every = months(f.date_from, f.date_to)
    unit = "month" if len(every) <= MAX_COLUMNS else "quarter" if len(every) <= 3 * MAX_COLUMNS else "year"
    cols = list(dict.fromkeys(_bucket(m, unit) for m in every))
    if df.empty:
        return pd.DataFrame(columns=cols, dtype="int64")
    df = df.assign(month=df["month"].map(lambda m: _bucket(m, unit))).groupby(["class", "month"], as_index=False)[
        "incidents"].sum()
    grid = df.pivot(index="class", columns="month", values="incidents").reindex(columns=cols).fillna(0)
    grid = grid.astype("int64")
    order = grid.sum(axis=1).sort_values(ascending=False, kind="stable")
    grid = grid.loc[sorted(grid.index, key=lambda c: (-order[c], c))]
    grid.columns.name = None
    return grid


def _chance_cells(c: dict | None) -> dict:
    """The chance columns of one class: text for people, numbers for the CSV."""
    if c is None:  # unclassified: it never repeats, so nothing to compare
        return {"expected_by_chance": "", "beyond_chance": "", "chance_expected": None, "chance_low": None,
                "chance_high": None}
    return {"expected_by_chance": f"{c['expected']:.1f} (90%: {c['low']}–{c['high']})",
            "beyond_chance": c["verdict"], "chance_expected": c["expected"], "chance_low": c["low"],
            "chance_high": c["high"]}


def classes(reader: Reader, f: Filters, min_sample: int = stats.MIN_SAMPLE) -> pd.DataFrame:
    """One row per class with incidents under the filters: incidents, repeats, repeats
    after fix, the repeats expected by chance (metrics.repeats) as text and numbers, share of
    all incidents under the filters (the class filter aside),
    frequent (share >= 20%), novel (no incident of the class before the period), and the
    median days between a repeat and its predecessor with a 90% bootstrap interval
    (empty below ``min_sample`` repeats), also as text for the page."""
    rows = reader.query(sql_file("recurrence_classes"), params(f, any_class=[]))
    by_chance = {r["class"]: r for r in repeats.chance(reader, f).to_dict("records")}
    out = []
    for cls, n, rep, fixed, gaps, first, novel, total in rows:
        gaps = [g for g in (gaps or []) if g is not None]
        shown = stats.enough(len(gaps), min_sample)
        ci = stats.bootstrap_median_ci(gaps) if shown else None
        share = n / total if total else None
        median = stats.median(gaps) if shown else None
        out.append({
            "class": cls, "incidents": n, "repeats": rep, "repeats_after_fix": fixed,
            **_chance_cells(by_chance.get(cls)),
            "share": share, "frequent": bool(total and n / total >= FREQUENT_SHARE), "novel": bool(novel),
            "days_between_repeats": _gap_text(gaps, median, ci),
            "median_days_between_repeats": median,
            "ci90_low_days": ci[0] if ci else None, "ci90_high_days": ci[1] if ci else None,
            "first_in_period": first,
        })
    return pd.DataFrame(out, columns=CLASS_COLUMNS)


def unkeyed(reader: Reader, f: Filters, key: str) -> tuple[int, int]:
    """(incidents the recurrence ``key`` cannot pair with any other, incidents) under
    ``f``: with "class+service", those that name no service."""
    return tuple(reader.query(sql_file("recurrence_unkeyed"), params(f, key=key))[0])


def totals(reader: Reader, f: Filters) -> tuple[int, int]:
    """Repeats and repeats after fix over every class under the filters: ``classes``'s
    sums without its chance simulations."""
    rows = reader.query(sql_file("recurrence_classes"), params(f, any_class=[]))
    return sum(r[2] for r in rows), sum(r[3] for r in rows)


def open_items(reader: Reader, f: Filters, as_of: date, per_class: int | None = None) -> pd.DataFrame:
    """Action items still open from the earlier incidents that repeats under the filters
    came back after, with owner, ticket (and its link: http(s) only, ``safe.link``), the
    repeat that followed and how many the class has in all (``class_items``); with
    ``per_class``, each class's first that many only."""
    return _open_items(reader, f, as_of, per_class)[0]


def first_open_items(reader: Reader, f: Filters, as_of: date, limit: int) -> tuple[pd.DataFrame, int]:
    """The first ``limit`` rows of ``open_items`` and how many it has in all: a page
    shows a few hundred, and at 100,000 incidents a year's list holds tens of thousands."""
    return _open_items(reader, f, as_of, None, limit)


def _open_items(reader: Reader, f: Filters, as_of: date, per_class: int | None,
                limit: int | None = None) -> tuple[pd.DataFrame, int]:
    df = reader.query_df(sql_file("recurrence_open_items"), params(f, as_of=as_of, per_class=per_class, limit=limit))
    df, listed = first_rows(df)
    df["ticket_url"] = df["ticket_url"].map(safe.link).astype(object)
    return df, listed
