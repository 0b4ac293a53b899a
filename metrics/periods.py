"""The period a view covers: one definition of the default period, shared by the
dashboard's sidebar and ``hindsight report``, and the presets the sidebar offers.

Every period ends on the *anchor*: the newest incident's day, or the as-of day (today)
when that is sooner. An archive whose last postmortem is years old therefore opens on
its last year of data rather than on an empty year, and a live archive (an incident last
week) opens on the 12 months up to about today. What a period leaves out is counted by
metrics/hidden.py, and every page says it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta


# preset key (a URL's ?period=) -> its label
PRESETS = {"last_12_months": "Last 12 months", "this_quarter": "This quarter",
           "last_quarter": "Last quarter", "all_time": "All time"}
DEFAULT = "last_12_months"


@dataclass(frozen=True)
class Period:
    date_from: date
    date_to: date


def anchor(last: date | None, as_of: date) -> date:
    """The day every preset ends on: the newest incident's day, or ``as_of`` if sooner."""
    return min(last, as_of) if last is not None else as_of


def twelve_months_to(end: date) -> date:
    """The first day of the 12 months up to and including ``end``."""
    try:
        return end.replace(year=end.year - 1) + timedelta(days=1)
    except ValueError:  # 29 February
        return end - timedelta(days=365)


def _quarter_start(d: date) -> date:
    return date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)


def preset(name: str, first: date | None, last: date | None, as_of: date) -> Period:
    """The period a preset names; an unknown name is the default."""
    end = anchor(last, as_of)
    if name == "this_quarter":
        return Period(_quarter_start(end), end)
    if name == "last_quarter":
        this = _quarter_start(end)
        return Period(_quarter_start(this - timedelta(days=1)), this - timedelta(days=1))
    if name == "all_time":
        return Period(min(first, end) if first is not None else end, end)
    return Period(twelve_months_to(end), end)


def default(first: date | None, last: date | None, as_of: date) -> Period:
    """The period a view opens on: the 12 months up to the anchor."""
    return preset(DEFAULT, first, last, as_of)


def months(date_from: date, date_to: date) -> list[str]:
    """Every YYYY-MM from ``date_from``'s month to ``date_to``'s, inclusive."""
    out, y, m = [], date_from.year, date_from.month
    while (y, m) <= (date_to.year, date_to.month):
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def quarter(spec: str) -> Period:
    """The quarter ``spec`` names: "2026Q3" (or "2026-Q3", any case); ValueError otherwise."""
    m = re.fullmatch(r"\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*", spec or "")
    if not m:
        raise ValueError(f"{spec!r} is not a quarter: write it as 2026Q3")
    year, q = int(m.group(1)), int(m.group(2))
    start = date(year, 3 * q - 2, 1)
    end = date(year + 1, 1, 1) if q == 4 else date(year, 3 * q + 1, 1)
    return Period(start, end - timedelta(days=1))


def quarter_of(d: date) -> Period:
    """The quarter ``d`` falls in."""
    return quarter(f"{d.year}Q{(d.month - 1) // 3 + 1}")


def quarter_name(p: Period) -> str:
    """"2026Q3" for a period that is exactly a quarter, else "FROM to TO"."""
    if quarter_of(p.date_from) == p:
        return f"{p.date_from.year}Q{(p.date_from.month - 1) // 3 + 1}"
    return f"{p.date_from} to {p.date_to}"


def last_complete_quarter(last: date | None, as_of: date) -> Period:
    """The newest quarter that ended on or before the anchor (the default of the quarterly
    report): the quarter before the anchor's, or the anchor's own when it is its last day."""
    end = anchor(last, as_of)
    own = quarter_of(end)
    return own if own.date_to == end else quarter_of(own.date_from - timedelta(days=1))


def quarter_before(p: Period) -> Period:
    """The quarter (or period of the same length) just before ``p``."""
    if quarter_of(p.date_from) == p:
        return quarter_of(p.date_from - timedelta(days=1))
    return same_length_before(p)


def same_length_before(p: Period) -> Period:
    """The period of the same length just before ``p``: what every "previous period"
    comparison compares with."""
    length = p.date_to - p.date_from
    to = p.date_from - timedelta(days=1)
    return Period(to - length, to)


def year_before(p: Period) -> Period:
    """The same days a year earlier (29 February becomes the 28th)."""
    def back(d: date) -> date:
        try:
            return d.replace(year=d.year - 1)
        except ValueError:
            return d.replace(year=d.year - 1, day=28)
    return Period(back(p.date_from), back(p.date_to))
