"""Plotly figures, one function a chart, in one consistent look. Every chart's title
carries n and the period it covers."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

COLORS = {"incidents": "#d1495b", "near_misses": "#edae49", "neutral": "#00798c", "grid": "#e5e5e5"}


def _layout(fig: go.Figure, title: str) -> go.Figure:
    fig.update_layout(title={"text": title, "font": {"size": 15}}, template="plotly_white",
                      margin={"l": 40, "r": 20, "t": 60, "b": 40}, height=360,
                      legend={"orientation": "h", "y": -0.15})
    return fig


def monthly_incidents(df: pd.DataFrame, period: str) -> go.Figure:
    """Stacked bars of incidents and near misses per month."""
    n = int(df["incidents"].sum() + df["near_misses"].sum()) if not df.empty else 0
    fig = go.Figure()
    fig.add_bar(x=df["month"], y=df["incidents"], name="Incidents", marker_color=COLORS["incidents"])
    fig.add_bar(x=df["month"], y=df["near_misses"], name="Near misses", marker_color=COLORS["near_misses"])
    fig.update_layout(barmode="stack", xaxis_title=None, yaxis_title="count")
    return _layout(fig, f"Incidents and near misses per month (n={n}, {period})")


def classes_bar(df: pd.DataFrame, period: str) -> go.Figure:
    n = int(df["incidents"].sum()) if not df.empty else 0
    fig = go.Figure(go.Bar(x=df["incidents"], y=df["incident_class"], orientation="h",
                           marker_color=COLORS["neutral"]))
    fig.update_layout(yaxis={"autorange": "reversed"}, xaxis_title="incidents")
    return _layout(fig, f"Incidents by class (n={n}, {period})")
