"""The Recurrence page's figure: incidents per class and month as a heat map of counts."""
from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from metrics.charts import FONT, layout, not_enough
from metrics.safe import plotly_label

SCALE = [[0.0, "#ffffff"], [0.001, "#fbe3e6"], [1.0, "#d1495b"]]


def class_month_heatmap(grid: pd.DataFrame, subtitle: str) -> go.Figure:
    """Rows are classes (most incidents first, at the top), columns months; each cell is
    a count of incidents (near misses excluded), written in the cell. Class names come
    from documents: the axis labels (and so the hover, which repeats them) are escaped."""
    n = int(grid.to_numpy().sum()) if not grid.empty else 0
    classes = len(grid.index)
    fig = go.Figure()
    if grid.empty or n == 0:
        not_enough(fig, "no incidents under these filters")
        fig.update_xaxes(visible=False)
        fig.update_yaxes(visible=False)
        return layout(fig, "Incidents per class and month (n=0)", subtitle)
    unit = _unit(str(grid.columns[0])) if len(grid.columns) else "month"
    z = [[int(v) for v in row] for row in grid.to_numpy()]
    fig.add_heatmap(
        z=z, x=[plotly_label(c) for c in grid.columns], y=[plotly_label(c) for c in grid.index],
        text=[[str(v) if v else "" for v in row] for row in z], texttemplate="%{text}",
        textfont={"family": FONT, "size": 12}, colorscale=SCALE, zmin=0, xgap=2, ygap=2,
        colorbar={"title": {"text": "incidents"}, "thickness": 12},
        hovertemplate="%{y}, %{x}: %{z} incidents<extra></extra>")
    fig.update_yaxes(autorange="reversed", title=None)
    fig.update_xaxes(type="category", title=None)
    height = max(300, 130 + 28 * classes)
    return layout(fig, f"Incidents per class and {unit} (n={n} incidents in {classes} classes)", subtitle,
                  height=height)


def _unit(column: str) -> str:
    """What a heat map column counts, from its label: 2021-07, 2021-Q3 or 2021."""
    return "quarter" if "-Q" in column else "year" if len(column) == 4 else "month"
