"""The Detection page's figures: the median/p90 trend with the median's interval band,
the distribution on a log axis, and the share detected within a threshold. Every title
states n; a bucket below the minimum sample draws no point and is marked "not enough
data" (metrics.charts.not_enough when no bucket has enough)."""
from __future__ import annotations

import math

import pandas as pd
import plotly.graph_objects as go

from metrics.charts import COLORS, layout, not_enough
from metrics.safe import plotly_label

LOG_FLOOR_MIN = 0.5  # a 0-minute duration cannot sit on a log axis: it is drawn here, and said so
MAX_POINTS = 2000    # beyond this many incidents the box shows its outliers, not every point
LOG_TICKS = (0.5, 1, 2, 5, 10, 20, 30, 60, 120, 240, 480, 1440, 2880, 10080, 43200)


def _tick(v: float) -> str:
    if v >= 1440:
        return f"{v / 1440:g} d"
    return f"{v / 60:g} h" if v >= 60 else f"{v:g} min"


def minutes(v) -> str:
    """A duration in minutes as the page shows it: "12 min", "12.5 min", "245 min (4.1 h)"."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "n/a"
    text = f"{v:.1f}".removesuffix(".0")
    return f"{text} min ({v / 60:.1f} h)" if v >= 120 else f"{text} min"


def _mark_not_enough(fig: go.Figure, df: pd.DataFrame) -> None:
    """Shade each bucket without enough data and write "not enough data" across it."""
    for i, ok in enumerate(df["enough"]):
        if not ok:
            fig.add_vrect(x0=i - 0.5, x1=i + 0.5, fillcolor="rgba(158,158,158,0.12)", line_width=0, layer="below")
            fig.add_annotation(x=i, y=0.5, yref="paper", text="not enough data", textangle=-90,
                               showarrow=False, font={"size": 10, "color": COLORS["muted"]})


MAX_TICKS = 14  # more labels than this across a chart overlap: label every k-th bucket


def _bucket_axis(fig: go.Figure, df: pd.DataFrame) -> None:
    """Buckets sit at 0, 1, 2, ... with their name and n as the tick label; with many
    buckets only every k-th is labelled, so labels never overlap (hover shows each)."""
    step = -(-len(df) // MAX_TICKS) if len(df) else 1
    shown = list(range(0, len(df), step))
    fig.update_xaxes(tickmode="array", tickvals=shown, tickangle=0,
                     ticktext=[f"{plotly_label(df['bucket'].iloc[i])}<br>n={df['n'].iloc[i]}" for i in shown],
                     range=[-0.5, len(df) - 0.5], showgrid=False)


def _runs(flags) -> list[tuple[int, int]]:
    """(first, last) index of each run of consecutive True values."""
    out, start = [], None
    for i, f in enumerate([*flags, False]):
        if f and start is None:
            start = i
        elif not f and start is not None:
            out.append((start, i - 1))
            start = None
    return out


def _none(series: pd.Series) -> list:
    return [None if pd.isna(v) else float(v) for v in series]


def trend(df: pd.DataFrame, what: str, bucket: str, min_sample: int, subtitle: str) -> go.Figure:
    """Median and p90 of ``what`` per bucket with the median's 90% bootstrap interval as a
    band; n under each bucket; buckets below ``min_sample`` left empty and marked."""
    n = int(df["n"].sum()) if not df.empty else 0
    fig = go.Figure()
    if not df.empty:
        x = list(range(len(df)))
        lo, hi = _none(df["ci90_low_min"]), _none(df["ci90_high_min"])
        has_ci = [a is not None and b is not None for a, b in zip(lo, hi)]
        for k, (a, b) in enumerate(_runs(has_ci)):
            # one closed band per run of buckets with an interval; a lone bucket gets a narrow one
            xs = list(range(a, b + 1)) if b > a else [a - 0.15, a + 0.15]
            his = hi[a:b + 1] if b > a else [hi[a]] * 2
            los = lo[a:b + 1] if b > a else [lo[a]] * 2
            fig.add_scatter(x=xs + xs[::-1], y=his + los[::-1], fill="toself", fillcolor=COLORS["band"],
                            line={"width": 0}, mode="lines", hoverinfo="skip", name="90% interval of the median",
                            legendgroup="ci", showlegend=k == 0)
        text = [f"{b}: n={m}, 90% CI {minutes(l)}–{minutes(h)}" if ok else f"{b}: n={m}, not enough data"
                for b, m, l, h, ok in zip(df["bucket"], df["n"], lo, hi, df["enough"])]
        # each median printed with its interval beside the point, so a screenshot keeps them
        # (n is under each bucket on the axis); with many buckets the labels would collide
        printed = [f"{minutes(m)} ({minutes(l)}–{minutes(h)})" if ok and m is not None else ""
                   for m, l, h, ok in zip(_none(df["median_min"]), lo, hi, df["enough"])] \
            if len(df) <= MAX_TICKS else None
        fig.add_scatter(x=x, y=_none(df["median_min"]), mode="lines+markers+text" if printed else "lines+markers",
                        name="median", line={"color": COLORS["neutral"], "width": 2.5}, connectgaps=False,
                        text=text, texttemplate=None, hovertemplate="median %{y:.1f} min<br>%{text}<extra></extra>")
        if printed:
            fig.data[-1].update(texttemplate=printed, textposition="top center",
                                textfont={"size": 10, "color": COLORS["neutral"]})
        fig.add_scatter(x=x, y=_none(df["p90_min"]), mode="lines+markers", name="p90",
                        line={"color": COLORS["incidents"], "width": 1.5, "dash": "dot"}, connectgaps=False,
                        text=text, hovertemplate="p90 %{y:.1f} min<br>%{text}<extra></extra>")
        _mark_not_enough(fig, df)
        _bucket_axis(fig, df)
    fig.update_yaxes(title="minutes from start of impact", rangemode="tozero")
    if df.empty or not df["enough"].any():
        not_enough(fig, f"not enough data: no {bucket} has {min_sample} incidents with a {what}")
    title = f"{what.capitalize()} per {bucket}: median and p90 (n={n}; buckets below n={min_sample} not drawn)"
    return layout(fig, title, subtitle, height=400)


def distribution(values: list[float], what: str, min_sample: int, subtitle: str,
                 threshold: float | None = None) -> go.Figure:
    """Every incident's ``what`` on a log axis: a box (median, quartiles) with all points;
    below ``min_sample`` the points alone, no box."""
    n = len(values)
    shown = [max(v, LOG_FLOOR_MIN) for v in values]
    zeros = sum(1 for v in values if v < LOG_FLOOR_MIN)
    fig = go.Figure()
    if n >= min_sample:
        fig.add_box(x=shown, name=what, boxpoints="all" if n <= MAX_POINTS else "outliers", jitter=0.5, pointpos=0, orientation="h",
                    marker={"color": COLORS["neutral"], "size": 5, "opacity": 0.6},
                    line={"color": COLORS["neutral"]}, fillcolor=COLORS["band"], quartilemethod="linear",
                    hovertemplate="%{x:.1f} min<extra></extra>", showlegend=False)
    elif n:
        fig.add_scatter(x=shown, y=[what] * n, mode="markers", showlegend=False,
                        marker={"color": COLORS["muted"], "size": 7}, hovertemplate="%{x:.1f} min<extra></extra>")
        not_enough(fig, f"not enough data for a median (n={n} < {min_sample})")
    else:
        not_enough(fig, f"no incidents with a {what} under these filters")
    if threshold is not None and threshold > 0 and n:
        x = max(threshold, LOG_FLOOR_MIN)
        fig.add_shape(type="line", x0=x, x1=x, y0=0, y1=1, yref="paper",
                      line={"dash": "dash", "color": COLORS["muted"]})
        fig.add_annotation(x=math.log10(x), y=1, yref="paper", yanchor="bottom", showarrow=False,
                           text=f"threshold {minutes(threshold)}", font={"size": 11, "color": COLORS["muted"]})
    fig.update_xaxes(type="log", title="minutes from start of impact (log scale)",
                     tickvals=list(LOG_TICKS), ticktext=[_tick(v) for v in LOG_TICKS])
    fig.update_yaxes(showticklabels=False)
    note = f"; {zeros} under {LOG_FLOOR_MIN:g} min drawn at {LOG_FLOOR_MIN:g} min" if zeros else ""
    return layout(fig, f"Distribution of {what} (n={n}, near misses excluded{note})", subtitle, height=300)


def within_threshold(result: dict, bucket: str, min_sample: int, subtitle: str) -> go.Figure:
    """Share of incidents detected within the threshold per bucket with 90% Wilson
    intervals; buckets below ``min_sample`` left empty and marked."""
    df, overall, threshold = result["by_bucket"], result["overall"], result["threshold"]
    fig = go.Figure()
    if not df.empty:
        share = df["share"].astype(float)
        fig.add_scatter(x=list(range(len(df))), y=_none(df["share"]), mode="markers+lines",
                        name="share detected in time",
                        line={"color": COLORS["neutral"]}, connectgaps=False,
                        error_y={"type": "data", "symmetric": False, "color": COLORS["muted"],
                                 "array": _none(df["ci90_high"].astype(float) - share),
                                 "arrayminus": _none(share - df["ci90_low"].astype(float))},
                        text=[f"{b}: {k} of {m}" for b, k, m in zip(df["bucket"], df["within"], df["n"])],
                        hovertemplate="%{y:.0%}<br>%{text}<extra></extra>")
        if overall["enough"]:
            fig.add_hline(y=overall["share"], line_dash="dot", line_color=COLORS["muted"],
                          annotation_text=f"whole period {overall['share']:.0%}", annotation_position="top left")
        _mark_not_enough(fig, df)
        _bucket_axis(fig, df)
    fig.update_yaxes(title="share of incidents", tickformat=".0%", range=[0, 1.05])
    if df.empty or not df["enough"].any():
        not_enough(fig, f"not enough data: no {bucket} has {min_sample} incidents with a time to detect")
    title = (f"Share detected within {minutes(threshold)} per {bucket}, 90% Wilson interval "
             f"(n={overall['n']})")
    return layout(fig, title, subtitle, height=360)
