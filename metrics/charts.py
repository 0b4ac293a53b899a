"""Plotly figures in one consistent look. Every chart's title carries n and the
filters it was drawn under; a series below the minimum sample says so instead of
drawing noise. Feature modules build their figures with these helpers."""
from __future__ import annotations

import numbers

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from metrics.safe import plotly_label

COLORS = {"incidents": "#d1495b", "near_misses": "#edae49", "neutral": "#00798c",
          "good": "#2e7d32", "bad": "#c62828", "muted": "#9e9e9e", "band": "rgba(0,121,140,0.15)"}
FONT = "Source Sans Pro, sans-serif"


def layout(fig: go.Figure, title: str, subtitle: str = "", height: int = 360) -> go.Figure:
    """Title with n and period (the subtitle), white template, legend below. Plotly
    renders some HTML in titles, and names in them come from files (the subtitle is
    the filters' description): both are escaped here, whoever built them."""
    title, subtitle = plotly_label(title), plotly_label(subtitle)
    text = f"{title}<br><sup>{subtitle}</sup>" if subtitle else title
    _template(fig)
    fig.update_layout(title={"text": text, "font": {"size": 15}},
                      font={"family": FONT}, margin={"l": 40, "r": 20, "t": 70, "b": 40}, height=height,
                      legend={"orientation": "h", "y": -0.18})
    return fig


TEMPLATE = "plotly_white"


def _template(fig: go.Figure) -> None:
    """Give ``fig`` a copy of the white template. Naming it in ``update_layout`` checked
    the whole template, plotly's own and valid already, against the schema again for
    each chart: 12.9 ms a chart on a quiet machine, against 0.7 ms for the figure. It is set the way plotly sets
    a default template, unchecked (a copy still: no figure shares it). The default
    itself is not used: Streamlit sets it to its own theme when it is imported."""
    layout = fig.layout
    checked = getattr(layout, "_validate", True)
    layout._validate = False
    try:
        layout.template = pio.templates[TEMPLATE]
    finally:
        layout._validate = checked


def count_axis(fig: go.Figure, largest: float | None = None, **where) -> go.Figure:
    """A y axis of counts: whole-number ticks only (never 0.2 incidents), from zero.
    ``largest`` is the tallest bar (read from the figure's traces when not given)."""
    fig.update_yaxes(tickformat=",d", rangemode="tozero", **where)
    if largest is None:
        values = [v for t in fig.data if getattr(t, "y", None) is not None for v in t.y
                  if isinstance(v, numbers.Real)]   # numpy's integers too (a frame's counts are)
        largest = max(values, default=0)
    if largest <= 5:  # auto ticks would step by 0.5 or less
        fig.update_yaxes(dtick=1, **where)
    return fig


def not_enough(fig: go.Figure, message: str = "not enough data") -> go.Figure:
    fig.add_annotation(text=message, showarrow=False, xref="paper", yref="paper", x=0.5, y=0.5,
                       font={"size": 14, "color": COLORS["muted"]})
    return fig


def monthly_incidents(df: pd.DataFrame, subtitle: str) -> go.Figure:
    """Stacked bars of incidents and near misses per month."""
    n = int(df["incidents"].sum() + df["near_misses"].sum()) if not df.empty else 0
    fig = go.Figure()
    fig.add_bar(x=df["month"], y=df["incidents"], name="Incidents", marker_color=COLORS["incidents"])
    fig.add_bar(x=df["month"], y=df["near_misses"], name="Near misses", marker_color=COLORS["near_misses"])
    fig.update_layout(barmode="stack", yaxis_title="count")
    count_axis(fig)
    if df.empty:
        not_enough(fig, "no incidents under these filters")
    return layout(fig, f"Incidents and near misses per month (n={n})", subtitle)
