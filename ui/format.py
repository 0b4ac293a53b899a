"""How figures read on a page: rates, intervals, and period-over-period verdicts."""
from __future__ import annotations

from metrics.stats import Comparison


def pct(v) -> str:
    return "n/a" if v is None else f"{v:.0%}"


def within(w) -> str:
    """A "done within N days" rate (metrics.actions.WithinDays), or the range it lies in
    when done items with no close date leave it unsaid."""
    return f"{w.bounds[0]:.0%}–{w.bounds[1]:.0%}" if w.unknown else pct(w.rate)


def within_note(w) -> str:
    """Why a "done within N days" rate is a range, or nothing."""
    if not w.unknown:
        return ""
    return (f"{w.undated_eligible} done items have no close date (done by the document's word, no tracker "
            f"date), so whether they closed within {w.days} days is unknown: the rate lies in this range. ")


def interval(ci, unit: str = "", percent: bool = False) -> str:
    if not ci:
        return ""
    lo, hi = ci
    return f"90% CI {lo:.0%}–{hi:.0%}" if percent else f"90% CI {lo:.0f}–{hi:.0f}{unit}"


def verdict(change: Comparison | None, unit: str = "", percent: bool = False, of: str = "") -> str | None:
    """The delta line under a metric: the change and what the interval allows us to say;
    ``of`` names what a change in points is of, where the card's value is a count."""
    if change is None or change.verdict == "not enough data" or change.delta is None:
        return "not enough data to compare"
    amount = f"{change.delta * 100:+.0f} pts{of}" if percent else f"{change.delta:+.0f}{unit}"
    return f"{amount} · {change.verdict}"


def arrow(change: Comparison | None) -> str:
    """An arrow only beside a change the interval supports: none for "no clear change"
    or too little data (a grey arrow there reads as a movement that is not there)."""
    return "auto" if change is not None and change.verdict in ("improvement", "regression") else "off"


def delta_color(change: Comparison | None) -> str:
    """Streamlit colours a delta by its sign; we colour by the verdict instead."""
    if change is None:
        return "off"
    if change.verdict == "improvement":
        return "normal" if (change.delta or 0) > 0 else "inverse"
    if change.verdict == "regression":
        return "inverse" if (change.delta or 0) > 0 else "normal"
    return "off"
