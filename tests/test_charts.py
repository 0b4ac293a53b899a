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
