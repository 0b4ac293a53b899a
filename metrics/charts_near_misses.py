"""The Near misses page's figure: the share of near misses among all reports per month,
with its 90% Wilson interval as a band (top), and the count of near misses (bottom).
A month with fewer reports than the minimum sample gets no share (not enough data)."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from metrics.charts import COLORS, count_axis, layout, not_enough


def _values(series: pd.Series) -> list:
    """Plain floats with None for gaps (plotly draws no point there)."""
    return [None if pd.isna(v) else float(v) for v in series]


def _runs(values: list) -> list[list[int]]:
    """Indices of consecutive non-missing values: [[1], [4, 5], ...]."""
    runs, current = [], []
    for i, v in enumerate(values):
        if v is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(i)
    if current:
        runs.append(current)
    return runs


def monthly_share(df: pd.DataFrame, subtitle: str, min_sample: int = 10) -> go.Figure:
    near = int(df["near_misses"].sum()) if not df.empty else 0
    reports = int(df["reports"].sum()) if not df.empty else 0
    title = f"Near misses: share of reports and count per month (n={near} near misses of {reports} reports)"
    if reports == 0:
        return layout(not_enough(go.Figure(), "no reports under these filters"), title, subtitle)
    months = [str(m) for m in df["month"]]
    share, lo, hi = _values(df["share"]), _values(df["ci90_low"]), _values(df["ci90_high"])
    fig = make_subplots(rows=2, cols=1, shared_xaxes=True, row_heights=[0.62, 0.38], vertical_spacing=0.08)
    # The band: one filled area per run of consecutive months that have a share.
    for k, run in enumerate(_runs(share)):
        xs = [months[i] for i in run]
        fig.add_scatter(x=xs, y=[hi[i] for i in run], mode="lines", line={"width": 0}, showlegend=False,
                        legendgroup="band", hoverinfo="skip", row=1, col=1)
        fig.add_scatter(x=xs, y=[lo[i] for i in run], mode="lines", line={"width": 0}, fill="tonexty",
                        fillcolor=COLORS["band"], name="90% Wilson interval", legendgroup="band",
                        showlegend=k == 0, hoverinfo="skip", row=1, col=1)
    fig.add_scatter(
        x=months, y=share, mode="lines+markers", connectgaps=False, row=1, col=1,
        name=f"Share of reports (months with ≥ {min_sample} reports)", line={"color": COLORS["neutral"]},
        error_y={"type": "data", "symmetric": False, "color": COLORS["neutral"], "thickness": 1, "width": 3,
                 "array": [None if s is None else h - s for s, h in zip(share, hi)],
                 "arrayminus": [None if s is None else s - low for s, low in zip(share, lo)]},
        customdata=[[int(r), None if a is None else a, None if b is None else b]
                    for r, a, b in zip(df["reports"], lo, hi)],
        hovertemplate="%{x}: %{y:.0%} of %{customdata[0]} reports "
                      "(90% CI %{customdata[1]:.0%}–%{customdata[2]:.0%})<extra></extra>")
    fig.add_bar(x=months, y=[int(v) for v in df["near_misses"]], name="Near misses (count)",
                marker_color=COLORS["near_misses"], row=2, col=1,
                hovertemplate="%{x}: %{y} near misses<extra></extra>")
    fig.update_yaxes(title_text="share of reports", range=[0, 1], tickformat=".0%", dtick=0.25, row=1, col=1)
    fig.update_yaxes(title_text="near misses", row=2, col=1)
    count_axis(fig, row=2, col=1)
    fig.update_xaxes(type="category", categoryorder="array", categoryarray=months)
    if not any(v is not None for v in share):
        fig.add_annotation(text=f"share: not enough data (no month has {min_sample} reports)", showarrow=False,
                           xref="x domain", yref="y domain", x=0.5, y=0.5, font={"color": COLORS["muted"]})
    return layout(fig, title, subtitle, height=480)
