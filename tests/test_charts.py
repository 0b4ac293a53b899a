"""metrics.charts: the shared look; names from files cannot inject markup into titles."""
import plotly.graph_objects as go

from metrics import charts


def test_title_states_n_and_subtitle():
    fig = charts.layout(go.Figure(), "Incidents (n=3)", "2026-01-01 to 2026-03-31")
    assert fig.layout.title.text == "Incidents (n=3)<br><sup>2026-01-01 to 2026-03-31</sup>"


def test_markup_in_names_is_escaped():
    fig = charts.layout(go.Figure(), "T", "team: <a href='x'>evil</a>")
    assert "<a" not in fig.layout.title.text and "&lt;a" in fig.layout.title.text


def test_count_axes_tick_whole_numbers():
    import plotly.graph_objects as go

    from metrics.charts import count_axis

    fig = count_axis(go.Figure(go.Bar(x=["a", "b"], y=[1, 2])))
    assert fig.layout.yaxis.dtick == 1 and fig.layout.yaxis.tickformat == ",d"
    big = count_axis(go.Figure(go.Bar(x=["a"], y=[40])))
    assert big.layout.yaxis.dtick is None and big.layout.yaxis.tickformat == ",d"


def test_counts_from_a_frame_keep_auto_ticks():
    """A frame's counts are numpy integers: 300 incidents a month must not get a tick
    (and a grid line) per incident."""
    import numpy as np
    import plotly.graph_objects as go

    from metrics.charts import count_axis

    fig = count_axis(go.Figure(go.Bar(x=["a", "b"], y=np.array([277, 311], dtype=np.int64))))
    assert fig.layout.yaxis.dtick is None


def test_a_long_span_heat_map_counts_quarters_then_years(demo):
    from datetime import date

    from metrics import recurrence
    from metrics.charts_recurrence import class_month_heatmap
    from metrics.db import Reader
    from metrics.filters import Filters

    reader = Reader(demo / "h.duckdb")
    monthly = recurrence.heatmap(reader, Filters(date(2025, 1, 1), date(2026, 6, 30)))
    quarterly = recurrence.heatmap(reader, Filters(date(2021, 1, 1), date(2026, 6, 30)))
    yearly = recurrence.heatmap(reader, Filters(date(2000, 1, 1), date(2026, 6, 30)))
    assert list(monthly.columns)[:2] == ["2025-01", "2025-02"]
    assert list(quarterly.columns)[:2] == ["2021-Q1", "2021-Q2"] and len(quarterly.columns) == 22
    assert list(yearly.columns)[-1] == "2026" and len(yearly.columns) == 27
    # regrouped, nothing lost: the demo's incidents all lie after 2021
    assert int(quarterly.to_numpy().sum()) == int(yearly.to_numpy().sum())
    assert "per class and quarter" in class_month_heatmap(quarterly, "").layout.title.text


def test_every_chart_has_its_own_copy_of_the_white_template():
    import plotly.io as pio
    import streamlit  # noqa: F401  (it sets plotly's default template to its own)

    a = charts.layout(go.Figure(), "A")
    b = charts.layout(go.Figure(), "B")
    white = pio.templates["plotly_white"].to_plotly_json()
    assert a.layout.template.to_plotly_json() == white == b.layout.template.to_plotly_json()
    a.layout.template.layout.paper_bgcolor = "red"                 # changing one changes no other
    assert b.layout.template.layout.paper_bgcolor == pio.templates["plotly_white"].layout.paper_bgcolor == "white"
