"""The headline report: ``hindsight report [--json]``, shaped exactly as
docs/REPORT_CONTRACT.md defines it (docs/METRICS.md explains each figure).

``build(reader, date_from, date_to, as_of)`` returns the dict; ``text(report)`` renders
it as plain tables for a terminal.
"""
from __future__ import annotations

from datetime import date

from metrics import closing, practice, repeats, stats
from metrics.incidents import RESEMBLES
from metrics.filters import Filters
from metrics.periods import months
from metrics.db import Reader, sql_file

FREQUENT_SHARE = 0.20
PAIRS_SHOWN = 500      # similar pairs listed, most similar first; similar_pairs_total counts them all


def _duration(rows: list[tuple], index: int) -> dict:
    values = [r[index] for r in rows if r[index] is not None]
    summary = stats.summary(values)
    by_month: dict[str, list[float]] = {}
    for r in rows:
        if r[index] is not None:
            by_month.setdefault(r[2], []).append(r[index])
    return {
        "n": summary.n,
        "median_min": summary.median,
        "p90_min": summary.p90,
        "ci90_median_min": summary.ci_median,
        "mean_min": summary.mean,
        "by_month": {m: {"n": len(v), "median_min": stats.median(v)} for m, v in sorted(by_month.items())},
    }


def build(reader: Reader, date_from: date, date_to: date, as_of: date, teams: tuple[str, ...] = ()) -> dict:
    params = {"date_from": date_from, "date_to": date_to, "teams": list(teams)}
    rows = reader.query(sql_file("report_incidents"), params)
    incidents = [r for r in rows if not r[1]]
    near = [r for r in rows if r[1]]
    total = len(incidents)

    by_class: dict[str, int] = {}
    for r in incidents:
        by_class[r[0]] = by_class.get(r[0], 0) + 1

    by_chance = {r["class"]: {k: r[k] for k in ("expected", "low", "high", "verdict")}
                 for r in repeats.chance(reader, Filters(date_from, date_to, tuple(teams))).to_dict("records")}
    recurrence = [
        {"class": c, "incidents": n, "repeats": rep, "repeats_after_fix": fixed,
         "frequent": total > 0 and n / total >= FREQUENT_SHARE, "by_chance": by_chance.get(c)}
        for c, n, rep, fixed in reader.query(sql_file("report_recurrence"), params)]

    (a_total, done, open_, wont, overdue, on_time, due_or_done, no_owner, no_due) = \
        reader.query(sql_file("report_actions"), {**params, "as_of": as_of})[0]
    actions = {
        "total": a_total, "done": done, "open": open_, "wont_do": wont, "overdue": overdue,
        "completion_rate": done / (a_total - wont) if a_total - wont else None,
        "on_time_rate": on_time / due_or_done if due_or_done else None,
        "without_owner": no_owner, "without_due": no_due,
    }
    eq = closing.within(reader, Filters(date_from, date_to, tuple(teams)), as_of, closing.DAYS)
    actions[f"done_within_{closing.DAYS}_days"] = {
        "rate": eq.rate, "done": eq.done, "eligible": eq.eligible, "too_recent": eq.too_recent,
        "undated_done": eq.undated_done, "undated_eligible": eq.undated_eligible,
        "bounds": list(eq.bounds) if eq.unknown else None}

    pairs = reader.query(sql_file("report_similar"), {**params, "resembles": RESEMBLES, "shown": PAIRS_SHOWN})

    near_by_month = {m: 0 for m in months(date_from, date_to)}
    for r in near:
        near_by_month[r[2]] = near_by_month.get(r[2], 0) + 1

    return {
        "period": {"from": date_from.isoformat(), "to": date_to.isoformat(), "as_of": as_of.isoformat()},
        "incidents": {"total": total, "near_misses": len(near), "by_class": dict(sorted(by_class.items()))},
        "recurrence": recurrence,
        "actions": actions,
        "near_misses": {"count": len(near),
                        "share": len(near) / (len(near) + total) if (near or total) else None,
                        "by_month": near_by_month},
        "time_to_detect": _duration(incidents, 3),
        "time_to_resolve": _duration(incidents, 4),
        "coverage": coverage(reader, date_from, date_to, teams),
        "similar_pairs": [
            {"incident": a, "similar_to": b, "score": round(sc, 4), "shared_terms": list(t or []),
             "shared_services": list(sv or [])} for a, b, sc, t, sv, _ in pairs],
        "similar_pairs_total": pairs[0][5] if pairs else 0,
        "practice": practice.block(reader, Filters(date_from, date_to, tuple(teams))),
    }


def coverage(reader: Reader, date_from: date, date_to: date, teams: tuple[str, ...] = ()) -> dict:
    """Share of known incidents (postmortems and incident-tool exports together) that
    have a postmortem and a reviewed one, and the days from resolution to each."""
    rows = reader.query(sql_file("report_coverage"), {"date_from": date_from, "date_to": date_to, "teams": list(teams)})
    n = len(rows)
    written = sum(1 for r in rows if r[0])
    reviewed = sum(1 for r in rows if r[1])
    measured = bool(rows) and rows[0][4]   # (no incident-tool export: every incident has one by construction)

    def days(i):
        values = [r[i] for r in rows if r[i] is not None and r[i] >= 0]
        return {"n": len(values), "median": stats.median(values), "p90": stats.percentile(values, 90)}

    return {"incidents": n, "with_postmortem": written, "share": written / n if measured else None,
            "ci90_share": stats.wilson(written, n) if measured else None, "exports_loaded": bool(measured),
            "reviewed": reviewed,
            "reviewed_share": reviewed / n if n else None, "ci90_reviewed_share": stats.wilson(reviewed, n),
            "days_to_postmortem": days(2), "days_to_review": days(3)}


# --------------------------------------------------------------------------------------
# Text


def _num(v, unit: str = "") -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:,.1f}{unit}"
    return f"{v:,}{unit}"


def _pct(v) -> str:
    return "-" if v is None else f"{v:.0%}"


def _table(headers: list[str], rows: list[list]) -> str:
    cells = [headers] + [[str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths)))
             for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def text(report: dict) -> str:
    p, inc, act, nm = report["period"], report["incidents"], report["actions"], report["near_misses"]
    out = [f"Hindsight report: {p['from']} to {p['to']} (as of {p['as_of']})", "",
           f"Incidents: {inc['total']}    near misses: {inc['near_misses']} "
           f"({_pct(nm['share'])} of reports)", ""]
    if report["recurrence"]:
        out += ["Recurrence by class", _table(
            ["class", "incidents", "repeats", "after fix", "frequent"],
            [[r["class"], r["incidents"], r["repeats"], r["repeats_after_fix"], "yes" if r["frequent"] else ""]
             for r in report["recurrence"]]), ""]
    out += ["Action items", _table(
        ["total", "done", "open", "won't do", "overdue", "completion", "on time", "no owner", "no due date"],
        [[act["total"], act["done"], act["open"], act["wont_do"], act["overdue"], _pct(act["completion_rate"]),
          _pct(act["on_time_rate"]), act["without_owner"], act["without_due"]]]), ""]
    rows = []
    for label, key in (("time to detect", "time_to_detect"), ("time to resolve", "time_to_resolve")):
        d = report[key]
        ci = d["ci90_median_min"]
        rows.append([label, d["n"], _num(d["median_min"], " min"), _num(d["p90_min"], " min"),
                     f"{ci[0]:.1f}-{ci[1]:.1f} min" if ci else "-", _num(d["mean_min"], " min")])
    out += ["Durations (minutes from impact start; near misses excluded)",
            _table(["", "n", "median", "p90", "90% CI of median", "mean (skewed)"], rows), ""]
    cov = report["coverage"]
    out += ["Postmortem coverage (incidents from postmortems and incident-tool exports)", _table(
        ["incidents", "with postmortem", "share", "reviewed", "share", "days to write-up", "days to review"],
        [[cov["incidents"], cov["with_postmortem"], _pct(cov["share"]), cov["reviewed"],
          _pct(cov["reviewed_share"]), _num(cov["days_to_postmortem"]["median"]),
          _num(cov["days_to_review"]["median"])]]), ""]
    out += ["Near misses by month", _table(["month", "near misses"], [[m, n] for m, n in nm["by_month"].items()])]
    return "\n".join(out) + "\n"
