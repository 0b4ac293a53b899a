"""metrics.charts: the shared look; names from files cannot inject markup into titles."""
import plotly.graph_objects as go

from metrics import charts


def test_title_states_n_and_subtitle():
    fig = charts.layout(go.Figure(), "Incidents (n=3)", "2026-01-01 to 2026-03-31")
    assert fig.layout.title.text == "Incidents (n=3)<br><sup>2026-01-01 to 2026-03-31</sup>"


def test_markup_in_names_is_escaped():
    fig = charts.layout(go.Figure(), "T", "team: <a href='x'>evil</a>")
    assert "<a" not in fig.layout.title.text and "&lt;a" in fig.layout.title.text
