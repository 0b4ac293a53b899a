"""Figures of the Action items page (metrics.actions builds their data). Every title
states n; the subtitle is the filters' description; a month under the minimum sample
is left out and said so, never drawn."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from metrics import stats
from metrics.actions import MAX_UNKNOWN
from metrics.charts import COLORS, count_axis, layout, not_enough

SERIES = (("completion", "Done within 90 days", COLORS["neutral"]), ("on time", "On-time rate", COLORS["near_misses"]))


def monthly_rates(df: pd.DataFrame, subtitle: str, min_sample: int = stats.MIN_SAMPLE) -> go.Figure:
    """Completion and on-time rate per month with 90% Wilson intervals; months whose
    denominator is below ``min_sample`` get no point."""
    n = int(df["items"].sum()) if not df.empty else 0
    fig = go.Figure()
    drawn = 0
    for name, label, color in SERIES:
        # Every month stays on the axis; a month under the minimum sample has no point.
        ok = df[f"{name} n"] >= min_sample
        drawn += int(ok.sum())
        y = df[name].where(ok)
        fig.add_scatter(
            x=list(df["month"]), y=list(y), name=label, mode="lines+markers", line={"color": color},
            connectgaps=False,
            error_y={"type": "data", "symmetric": False, "color": color, "thickness": 1,
                     "array": list((df[f"{name} 90% high"] - df[name]).where(ok)),
                     "arrayminus": list((df[name] - df[f"{name} 90% low"]).where(ok))},
            customdata=list(df[f"{name} n"]),
            hovertemplate=f"{label} %{{y:.0%}} (n=%{{customdata}})<extra></extra>")
    skipped = df[(df["completion n"] < min_sample) | (df["on time n"] < min_sample)]
    if not skipped.empty:
        fig.add_scatter(x=list(skipped["month"]), y=[0.02] * len(skipped), mode="text", showlegend=False,
                        text=["n<" + str(min_sample)] * len(skipped), textfont={"color": COLORS["muted"], "size": 10},
                        hoverinfo="skip")
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=list(df["month"]))
    fig.update_yaxes(tickformat=".0%", range=[0, 1.05], title="share of items (90% interval)")
    if drawn == 0:
        not_enough(fig, f"not enough data: no month has {min_sample} items")
    elif not skipped.empty:
        fig.add_annotation(text=f"n<{min_sample}: not enough data, not drawn", showarrow=False,
                           xref="paper", yref="paper", x=0, y=1.02, xanchor="left",
                           font={"size": 11, "color": COLORS["muted"]})
    return layout(fig, f"Action items done within 90 days (at equal age) and done on time, by month of the "
                       f"incident (n={n} items)", subtitle)


def open_age(ages: pd.Series, summary: dict, subtitle: str, min_sample: int = stats.MIN_SAMPLE) -> go.Figure:
    """Histogram of open items' ages in days, with the median and p90 marked when there
    are enough items."""
    n = int(len(ages))
    fig = go.Figure()
    fig.add_histogram(x=ages.to_numpy(), name="open items", marker_color=COLORS["neutral"],
                      xbins={"size": 7}, hovertemplate="%{x} days: %{y} items<extra></extra>")
    fig.update_layout(xaxis_title="days open (since the incident date)", yaxis_title="items", showlegend=False)
    count_axis(fig, largest=int(ages.floordiv(7).value_counts().max()) if len(ages) else 0)
    title = f"Age of open action items (n={n})"
    if n == 0:
        not_enough(fig, "no open items under these filters")
    elif summary.median is None:
        not_enough(fig, f"not enough data for a median (n={n} < {min_sample})")
    else:
        for value, label, dash in ((summary.median, "median", "solid"), (summary.p90, "p90", "dash")):
            fig.add_vline(x=value, line={"color": COLORS["bad"], "dash": dash},
                          annotation_text=f"{label} {value:.0f} d", annotation_position="top right")
        title += f": median {summary.median:.0f} days, p90 {summary.p90:.0f}"
    return layout(fig, title, subtitle)


def flow(df: pd.DataFrame, subtitle: str) -> go.Figure:
    """Items opened and closed per month, side by side."""
    opened = int(df["opened"].sum()) if not df.empty else 0
    closed = int(df["closed"].sum()) if not df.empty else 0
    fig = go.Figure()
    fig.add_bar(x=df["month"], y=df["opened"], name="Opened (incident date)", marker_color=COLORS["incidents"])
    fig.add_bar(x=df["month"], y=df["closed"], name="Closed (tracker resolution date)", marker_color=COLORS["good"])
    fig.update_layout(barmode="group", yaxis_title="items")
    count_axis(fig)
    fig.update_xaxes(type="category")
    if opened + closed == 0:
        not_enough(fig, "no action items opened or closed under these filters")
    return layout(fig, f"Action items opened and closed per month (n={opened} opened, {closed} closed)", subtitle)


def time_to_close(s: stats.Survival, undated: int, subtitle: str, min_sample: int = stats.MIN_SAMPLE) -> go.Figure:
    """Kaplan-Meier curve of the share of items still open by days since the incident
    (open items censored at their age), the median days to close and its interval in
    the title, so a screenshot keeps them."""
    fig = go.Figure()
    # done items with no close date are left out, while the open ones count: past a few
    # in a hundred the curve would read as closing slower than it does (metrics/actions.py)
    unknown = undated and undated / (s.n + undated) > MAX_UNKNOWN
    if s.times and not unknown:
        fig.add_scatter(x=s.times, y=s.still_open, mode="lines", line={"shape": "hv", "color": COLORS["neutral"]},
                        name="still open", hovertemplate="%{y:.0%} still open after %{x:.0f} days<extra></extra>")
    fig.update_xaxes(title="days since the incident", rangemode="tozero")
    fig.update_yaxes(tickformat=".0%", range=[0, 1.05], title="share of items still open")
    title = f"Time to close action items (n={s.n}: {s.events} closed, {s.censored} still open)"
    if unknown:
        not_enough(fig, f"{undated} of {s.n + undated} items were marked done with no close date: "
                        "when they closed is unknown, so no curve")
    elif s.n < min_sample:
        not_enough(fig, f"not enough data (n={s.n} < {min_sample})")
    elif s.median is None:
        title += ": more than half still open, no median yet"
    else:
        lo, hi = s.ci_median
        ci = f"{lo:.0f}–{hi:.0f}" if hi is not None else f"{lo:.0f}–not reached"
        fig.add_vline(x=s.median, line={"color": COLORS["bad"]}, annotation_text=f"median {s.median:.0f} d",
                      annotation_position="top right")
        title += f": median {s.median:.0f} days (90% CI {ci})"
    if undated:
        subtitle += f" · {undated} done items without a close date left out"
    return layout(fig, title, subtitle)
