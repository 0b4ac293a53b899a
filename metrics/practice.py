"""Is the postmortem practice healthy? The six mistakes that quietly kill a blameless
practice, each a measured signal over the filtered period (docs/METRICS.md, "Practice
health"): its value, n, its change against the period of the same length before (a
verdict only when the 90% interval allows one), what it can and cannot show, and the
postmortems behind it.

Near misses are always counted here, whatever the sidebar says: how many get reported is
itself one of the signals.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace

import pandas as pd

from metrics import near_misses, stats
from metrics.db import Reader, sql_file
from metrics.filters import Filters, first_and_last, params
from metrics.jsonable import records
from metrics.periods import Period, same_length_before

LATE_DAYS = 14            # a write-up more than this many days after resolution is late
DROUGHT_MONTHS = 6        # a team with incidents but no near miss in the last this many months...
DROUGHT_MIN_INCIDENTS = 3  # ...and at least this many incidents in them is in a near-miss drought


@dataclass(frozen=True)
class Signal:
    key: str
    mistake: str           # the mistake, as the practice names it
    measure: str           # what the value is
    value: float | None    # a share (0-1) or, for "fear", days
    k: int | None          # the count behind a share
    n: int                 # how many it is measured on
    ci90: list[float] | None
    unit: str              # "share" or "days"
    change: stats.Comparison
    can_show: str
    cannot_show: str

    def as_dict(self) -> dict:
        d = asdict(self)
        d["change"] = asdict(self.change)
        return d


def _practice(reader: Reader, f: Filters) -> pd.DataFrame:
    """The postmortems under ``f`` (near misses always), with what each mistake is measured on."""
    return reader.query_arrow_df(sql_file("practice_postmortems"), params(replace(f, near_misses=True)))


def _before(f: Filters) -> Filters:
    p = same_length_before(Period(f.date_from, f.date_to))
    return replace(f, date_from=p.date_from, date_to=p.date_to)


def _share(key, mistake, measure, k_now, n_now, k_then, n_then, lower_is_better, can, cannot, min_sample):
    return Signal(key, mistake, measure, k_now / n_now if n_now else None, k_now, n_now,
                  stats.wilson(k_now, n_now), "share",
                  stats.compare_proportions(k_then, n_then, k_now, n_now, higher_is_better=not lower_is_better,
                                            min_sample=min_sample), can, cannot)


def _counts(reader: Reader, f: Filters) -> dict:
    """The numbers behind the signals over the postmortems under ``f`` (near misses
    always), counted in SQL (metrics/sql/practice_counts.sql)."""
    with reader.cursor() as cur:
        row = cur.execute(sql_file("practice_counts"), params(replace(f, near_misses=True))).fetchone()
        names = [d[0] for d in cur.description]
    return {k: (list(v) if k == "days_to_write" else int(v)) for k, v in zip(names, row)}


def signals(reader: Reader, f: Filters, min_sample: int = stats.MIN_SAMPLE) -> list[Signal]:
    """The six signals, in the practice's order."""
    now, then = _counts(reader, f), _counts(reader, _before(f))
    late_now = sum(d > LATE_DAYS for d in now["days_to_write"])
    days = stats.summary(now["days_to_write"])
    return [
        _share("blame", "Blame in the language",
               "share of postmortems with at least one blameful sentence",
               now["blameful"], now["postmortems"], then["blameful"], then["postmortems"], True,
               "Sentences that make a person the cause (forgot, failed to, human error...), found by "
               "rules you can read on each hit.",
               "Blame said in the meeting, or written in ways the rules do not know; a quoted "
               "sentence or a rewrite is not counted.", min_sample),
        _share("no_actions", "Postmortems with no action items",
               "share of postmortems (near misses apart) that list no action item",
               now["no_actions"], now["incidents"], then["no_actions"], then["incidents"], True,
               "Write-ups that end without a single thing to build.",
               "Whether the items listed are the right ones, or are written elsewhere.", min_sample),
        _share("untracked", "Action items never tracked",
               "share of action items that name no ticket",
               now["untracked"], now["items"], then["untracked"], then["items"], True,
               f"Items with no ticket at all; {now['ticket_not_found']} more name a ticket that no "
               "loaded tracker export holds.",
               "Items tracked somewhere Hindsight does not load; a ticket named is not a ticket worked on.",
               min_sample),
        _share("only_big", "Postmortems only for the big ones",
               "share of reports that are near misses (coverage by severity below)",
               now["near_misses"], now["postmortems"], then["near_misses"], then["postmortems"], False,
               "How much of what almost happened gets written up, and (with incident-tool exports "
               "loaded) which severities go without a postmortem.",
               "Incidents nobody recorded anywhere; without an incident-tool export, coverage is "
               "only what the postmortems themselves show.", min_sample),
        _share("single_cause", "A single root cause",
               "share of postmortems (near misses apart) with fewer than two contributing factors",
               now["single_cause"], now["incidents"], then["single_cause"], then["incidents"], True,
               "Write-ups that stop at one cause instead of the chain that let it happen.",
               "Whether the factors listed are the real ones, or a chain told in prose without a list.",
               min_sample),
        Signal("fear", "Postmortems as punishment",
               f"median days from resolution to write-up ({late_now} of {len(now['days_to_write'])} "
               f"written more than {LATE_DAYS} days after)",
               days.median, late_now, days.n, days.ci_median, "days",
               stats.compare_medians(then["days_to_write"], now["days_to_write"], lower_is_better=True,
                                     min_sample=min_sample),
               "The measurable shadows of fear: near misses reported per month and per team (below), "
               "teams that stopped reporting them, and write-ups that come late.",
               "Fear itself. Few near misses may mean few happened; a late write-up may mean a busy "
               "week. Read it with the teams, not about them."),
    ]


def blame_sentences(reader: Reader, f: Filters) -> pd.DataFrame:
    """Every blameful sentence under the filters, with its postmortem, line, the rule
    that fired and the systemic rewrite."""
    return reader.query_df(sql_file("practice_blame"), params(replace(f, near_misses=True)))


# which postmortems stand behind each signal
_BEHIND = {   # mart_practice's flags, which practice_counts.sql counts
    "blame": lambda df: df[df["is_blameful"]],
    "no_actions": lambda df: df[df["lists_no_actions"]],
    "untracked": lambda df: df[df["has_untracked_items"]],
    "only_big": lambda df: df[df["is_near_miss"]],
    "single_cause": lambda df: df[df["has_single_cause"]],
    "fear": lambda df: df[df["days_to_postmortem"] > LATE_DAYS],
}
BEHIND_COLUMNS = ["incident_id", "title", "incident_date", "team", "severity_label", "is_near_miss",
                  "blameful_sentences", "action_items", "items_without_ticket", "items_ticket_not_found",
                  "contributing_factors",
                  "days_to_postmortem", "quality_score", "file_path"]


def behind(reader: Reader, f: Filters, key: str) -> pd.DataFrame:
    """The postmortems a signal counts (for "fear": those written late)."""
    if key not in _BEHIND:
        raise ValueError(f"no such signal: {key!r} (one of {', '.join(_BEHIND)})")
    return _BEHIND[key](_practice(reader, f))[BEHIND_COLUMNS].reset_index(drop=True)


def coverage_by_severity(reader: Reader, f: Filters) -> pd.DataFrame:
    """Per severity: incidents known (postmortems and incident-tool exports), how many
    have a postmortem, and that share with its 90% Wilson interval."""
    df = reader.query_df(sql_file("practice_coverage"),
                         {"date_from": f.date_from, "date_to": f.date_to, "teams": list(f.teams)})
    df["share"] = [w / n if n else None for w, n in zip(df["with_postmortem"], df["incidents"])]
    ci = [stats.wilson(int(w), int(n)) for w, n in zip(df["with_postmortem"], df["incidents"])]
    df["ci90_low"] = [c[0] if c else None for c in ci]
    df["ci90_high"] = [c[1] if c else None for c in ci]
    return df[["severity_label", "incidents", "with_postmortem", "share", "ci90_low", "ci90_high"]]


def droughts(reader: Reader, f: Filters) -> pd.DataFrame:
    """Teams in a near-miss drought: at least DROUGHT_MIN_INCIDENTS incidents in the last
    DROUGHT_MONTHS months of the period and no near miss reported in them, with the
    date of their last near miss (if any, ever) (metrics/sql/practice_droughts.sql)."""
    first, _ = first_and_last(reader)
    start = (pd.Timestamp(f.date_to) - pd.DateOffset(months=DROUGHT_MONTHS) + pd.Timedelta(days=1)).date()
    whole = replace(f, date_from=min(first or f.date_from, f.date_from), near_misses=True)
    df = reader.query_df(sql_file("practice_droughts"), params(
        whole, recent_from=max(start, f.date_from), min_incidents=DROUGHT_MIN_INCIDENTS))
    df["last_near_miss"] = [None if pd.isna(d) else pd.Timestamp(d).date() for d in df["last_near_miss"]]
    return df[["team", "incidents", "near_misses", "last_near_miss"]]


def near_misses_by_month(reader: Reader, f: Filters) -> pd.DataFrame:
    return near_misses.monthly(reader, replace(f, near_misses=True))


def near_misses_by_team(reader: Reader, f: Filters) -> pd.DataFrame:
    return near_misses.by_team(reader, replace(f, near_misses=True))


def block(reader: Reader, f: Filters, min_sample: int = stats.MIN_SAMPLE) -> dict:
    """The `practice` block of ``report --json`` (docs/REPORT_CONTRACT.md): the same
    figures as the Practice health page."""
    sentences = blame_sentences(reader, f)
    return {
        "signals": [s.as_dict() for s in signals(reader, f, min_sample)],
        "blameful_sentences": len(sentences),
        "coverage_by_severity": records(coverage_by_severity(reader, f)),
        "droughts": records(droughts(reader, f)),
        "late_days": LATE_DAYS,
    }


def table(sigs: list[Signal]) -> pd.DataFrame:
    """The signals as the page's table: one row per mistake, the value in words."""
    def value(s: Signal) -> str:
        if s.value is None:
            return "n/a"
        return f"{s.value:.0%} ({s.k} of {s.n})" if s.unit == "share" else f"{s.value:.0f} days (n={s.n})"

    def ci(s: Signal) -> str:
        if not s.ci90:
            return ""
        lo, hi = s.ci90
        return f"{lo:.0%}–{hi:.0%}" if s.unit == "share" else f"{lo:.0f}–{hi:.0f} days"

    def change(s: Signal) -> str:
        c = s.change
        if c.verdict == "not enough data" or c.delta is None:
            return "not enough data to compare"
        amount = f"{c.delta * 100:+.0f} pts" if s.unit == "share" else f"{c.delta:+.0f} days"
        return f"{amount} · {c.verdict}"

    return pd.DataFrame({
        "signal": [s.key for s in sigs], "mistake": [s.mistake for s in sigs],
        "measure": [s.measure for s in sigs], "value": [value(s) for s in sigs],
        "ci90": [ci(s) for s in sigs], "change": [change(s) for s in sigs],
        "shows": [s.can_show for s in sigs], "cannot_show": [s.cannot_show for s in sigs]})
