"""The quarterly leadership report's content: one dict that ``report --format json``
prints and the HTML, PDF and markdown documents (publish/) render, so every format
carries the same figures.

Every figure comes from the functions the dashboard's pages call, under the same
Filters (metrics/filters.py), so the report and the dashboard agree for the same period
and teams. Each headline is compared with the quarter before and the same quarter a year
earlier (metrics/periods.py); a verdict ("improved", "regressed") appears only where the
interval of the change excludes no change (metrics/stats.py), and counts, which carry no
interval here, get none. Definitions: docs/METRICS.md, "The quarterly report".
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date


from metrics import actions, closing, detection, near_misses, overview, periods, quality, recurrence, report, stats
from metrics.db import Reader
from metrics.filters import Filters, first_and_last
from metrics.jsonable import records

TOP = 5          # repeat classes, overdue items, wishes and lucky notes listed
OPEN_ITEMS_SHOWN = 20  # a repeat class's open items listed (the longest-standing first); the total beside
TREND_QUARTERS = 6
CLOSE_DAYS = 30  # items compared at equal age: a quarter just ended has had 30 days, not 90
VERDICTS = {"improvement": "improved", "regression": "regressed"}


def _figures(reader: Reader, f: Filters, as_of: date) -> dict:
    """The raw counts and value lists one period's headlines are made of."""
    t = actions.totals(reader, f, as_of)
    eq = closing.within(reader, f, as_of, CLOSE_DAYS)   # the Overview's equal-age rule
    repeats, after_fix = recurrence.totals(reader, f)
    cov = overview.coverage(reader, f)
    n = near_misses.summary(reader, f)
    return {
        "incidents": n.incidents, "near_misses": n.near_misses, "reports": n.reports,
        # (a rate that done items without a close date leave unsaid has no value here: METRICS.md)
        "done": eq.done, "eligible": 0 if eq.unknown else eq.eligible, "on_time": t.on_time, "due_or_done": t.due_or_done,
        "ttd": detection.durations(reader, f, "detect")["minutes"].tolist(),
        "ttr": detection.durations(reader, f, "resolve")["minutes"].tolist(),
        "repeats": repeats, "repeats_after_fix": after_fix,
        # (with no incident-tool export, coverage is 100% by construction: no figure)
        "with_postmortem": cov.with_postmortem, "known_incidents": cov.incidents if cov.exports_loaded else 0,
        # why a share has no value though there are items to count (the report says so)
        "unknown": {"done_within_days": f"{eq.undated_eligible} done items have no close date" if eq.unknown else None,
                    "coverage": "no incident-tool export covers the period" if cov.incidents and not cov.exports_loaded
                    else None},
    }


def _change(c: stats.Comparison | None, delta: float | None = None) -> dict:
    if c is None:   # a count: its change, no interval, no verdict
        return {"delta": delta, "ci": None, "verdict": None}
    return {"delta": c.delta, "ci": c.ci, "verdict": VERDICTS.get(c.verdict, c.verdict)}


def _rate(k: int, n: int):
    return k / n if n else None


def headlines(now: dict, before: dict, year: dict, min_sample: int) -> list[dict]:
    """One entry per headline: this quarter's value (with n and interval where it has
    them), the two earlier values, and the change against each."""
    def share(key_k, key_n, label):   # every share here is better higher
        def cmp(old):
            return _change(stats.compare_proportions(old[key_k], old[key_n], now[key_k], now[key_n],
                                                     min_sample=min_sample))
        return {"key": label[0], "label": label[1], "unit": "percent", "value": _rate(now[key_k], now[key_n]),
                "unknown": now.get("unknown", {}).get(label[0]),
                "n": now[key_n], "ci": stats.wilson(now[key_k], now[key_n]),
                "previous": _rate(before[key_k], before[key_n]), "year_earlier": _rate(year[key_k], year[key_n]),
                "vs_previous": cmp(before), "vs_year_earlier": cmp(year)}

    def median(key, label):
        s = stats.summary(now[key])
        def cmp(old):
            return _change(stats.compare_medians(old[key], now[key], lower_is_better=True, min_sample=min_sample))
        enough = s.n >= min_sample
        return {"key": label[0], "label": label[1], "unit": "minutes", "value": s.median if enough else None,
                "n": s.n, "ci": s.ci_median if enough else None,
                "previous": _median(before[key], min_sample), "year_earlier": _median(year[key], min_sample),
                "vs_previous": cmp(before), "vs_year_earlier": cmp(year)}

    def count(key, label):
        return {"key": label[0], "label": label[1], "unit": "count", "value": now[key], "n": None, "ci": None,
                "previous": before[key], "year_earlier": year[key],
                "vs_previous": _change(None, now[key] - before[key]),
                "vs_year_earlier": _change(None, now[key] - year[key])}

    return [
        count("incidents", ("incidents", "Incidents")),
        count("near_misses", ("near_misses", "Near misses")),
        share("near_misses", "reports", ("near_miss_share", "Near misses, share of reports")),
        share("done", "eligible", ("done_within_days", f"Action items done within {CLOSE_DAYS} days")),
        share("on_time", "due_or_done", ("on_time_rate", "Action items closed on time")),
        median("ttd", ("time_to_detect", "Median time to detect")),
        median("ttr", ("time_to_resolve", "Median time to resolve")),
        count("repeats", ("repeats", "Repeats")),
        count("repeats_after_fix", ("repeats_after_fix", "Repeats after the fix")),
        share("with_postmortem", "known_incidents", ("coverage", "Incidents with a postmortem")),
    ]


def _median(values: list[float], min_sample: int):
    return stats.median(values) if len(values) >= min_sample else None


def trend_filters(f: Filters) -> Filters:
    """``f`` widened back to TREND_QUARTERS quarters (or periods of its length) ending
    with its own: the window of the report's trends and charts."""
    start = periods.Period(f.date_from, f.date_to)
    for _ in range(TREND_QUARTERS - 1):
        start = periods.quarter_before(start)
    return replace(f, date_from=start.date_from)


def charts(reader: Reader, f: Filters, min_sample: int = stats.MIN_SAMPLE) -> dict:
    """The report's charts (plotly figures, built by the dashboard's own chart functions)
    over the trend window, by name."""
    from metrics import charts as overview_charts
    from metrics import charts_detection, charts_near_misses

    wide = trend_filters(f)
    about = wide.describe()
    out = {"incidents": overview_charts.monthly_incidents(overview.monthly(reader, wide), about),
           "near_misses": charts_near_misses.monthly_share(near_misses.monthly(reader, wide, min_sample), about,
                                                           min_sample)}
    for m in ("detect", "resolve"):
        out[m] = charts_detection.trend(detection.trend(reader, wide, m, "quarter", min_sample),
                                        detection.label(m), "quarter", min_sample, about)
    return out


def build(reader: Reader, f: Filters, as_of: date, min_sample: int = stats.MIN_SAMPLE) -> dict:
    """The report for ``f``'s period and teams (its other filters too), as of ``as_of``."""
    period = periods.Period(f.date_from, f.date_to)
    before_p, year_p = periods.quarter_before(period), periods.year_before(period)
    before_f = replace(f, date_from=before_p.date_from, date_to=before_p.date_to)
    year_f = replace(f, date_from=year_p.date_from, date_to=year_p.date_to)
    # the two earlier periods' figures are independent of the rest: computed on a second
    # thread while this one reads the rest (DuckDB lets go of the GIL while it queries);
    # the pool takes nothing more, and its one task runs on to the end
    pool = ThreadPoolExecutor(max_workers=1)
    earlier = pool.submit(lambda: (_figures(reader, before_f, as_of), _figures(reader, year_f, as_of)))
    pool.shutdown(wait=False)
    now = _figures(reader, f, as_of)

    classes = recurrence.classes(reader, f)
    top = classes[classes["repeats"] > 0].sort_values(["repeats", "incidents"], ascending=False).head(TOP)
    open_items = recurrence.open_items(reader, f, as_of, OPEN_ITEMS_SHOWN)
    repeat_classes = []
    for row in records(top, ["class", "incidents", "repeats", "repeats_after_fix", "chance_expected",
                              "chance_low", "chance_high", "beyond_chance"]):
        items = open_items[open_items["class"] == row["class"]]
        repeat_classes.append({**row, "open_items": records(
            items, ["action", "owner", "ticket", "ticket_url", "deadline", "overdue"]),
            "open_items_total": int(items["class_items"].iloc[0]) if len(items) else 0})

    by_team = actions.breakdown(reader, f, as_of, "team")
    counts = actions.totals(reader, f, as_of)   # the listings' sizes; only their first TOP rows are read
    overdue = actions.overdue(reader, f, as_of, TOP)
    wishes = actions.wishes(reader, f, as_of, TOP)

    trend_f = trend_filters(f)
    trends = {m: records(detection.trend(reader, trend_f, m, "quarter", min_sample),
                          ["bucket", "n", "enough", "median_min", "ci90_low_min", "ci90_high_min"])
              for m in ("detect", "resolve")}

    first, last = first_and_last(reader)
    ingest = quality.last_ingest(reader)
    return {
        "period": {"from": f.date_from.isoformat(), "to": f.date_to.isoformat(), "as_of": as_of.isoformat(),
                   "name": periods.quarter_name(period)},
        "compared_with": {
            "previous": {"from": before_p.date_from.isoformat(), "to": before_p.date_to.isoformat(),
                         "name": periods.quarter_name(before_p)},
            "year_earlier": {"from": year_p.date_from.isoformat(), "to": year_p.date_to.isoformat(),
                             "name": periods.quarter_name(year_p)}},
        "teams": list(f.teams),
        "min_sample": min_sample,
        "headlines": headlines(now, *earlier.result(), min_sample),
        "repeat_classes": repeat_classes,
        "action_lists": {
            "overdue_by_team": records(by_team[by_team["overdue"] > 0].sort_values("overdue", ascending=False),
                                        ["team", "items", "open", "overdue"]),
            "overdue": counts.overdue,
            "most_overdue": records(overdue, ["action", "owner", "team", "days overdue", "ticket", "ticket_url",
                                                "incident"], TOP),
            "wishes": counts.wishes,
            "wish_list": records(wishes, ["action", "missing", "owner", "incident"], TOP),
        },
        "lucky": [{**r, "incident_date": r["incident_date"].isoformat()}
                  for r in near_misses.lucky(reader, f, TOP) if r["lucky"]],
        "trends": trends,
        "data": {
            "first_incident": first.isoformat() if first else None,
            "last_incident": last.isoformat() if last else None,
            "documents_read": ingest.files_seen if ingest else 0,
            "problems": len(quality.problems(reader)),
            "corrections": len(quality.corrections(reader)),
        },
    }


def document(reader: Reader, f: Filters, as_of: date, min_sample: int = stats.MIN_SAMPLE) -> dict:
    """What ``report --format json`` prints: the headline report (metrics/report.py,
    docs/REPORT_CONTRACT.md) with the quarterly report's parts added; the period gains
    its name ("2026Q3")."""
    # the two are independent: the headline report on a second thread while this one
    # builds the quarterly parts (DuckDB and numpy let go of the GIL while they work)
    with ThreadPoolExecutor(max_workers=1) as pool:
        headline = pool.submit(report.build, reader, f.date_from, f.date_to, as_of, f.teams)
        extra = build(reader, f, as_of, min_sample)
        base = headline.result()
    return {**base, **extra, "period": {**base["period"], "name": extra["period"]["name"]}}


def quarters(reader: Reader, as_of: date) -> tuple[list[str], str | None]:
    """The quarters that hold incidents, newest first (from the anchor's own, which may
    still be running, back to the first incident's), and the one a report defaults to:
    the last complete quarter, else the newest."""
    first, last = first_and_last(reader)
    if first is None:
        return [], None
    q = periods.quarter_of(periods.anchor(last, as_of))
    out = []
    while q.date_to >= first:
        out.append(periods.quarter_name(q))
        q = periods.quarter_before(q)
    complete = periods.quarter_name(periods.last_complete_quarter(last, as_of))
    return out, complete if complete in out else out[0]
