"""The Overview's cards say what they measure under every filter (issue: figures a
director can repeat): coverage follows the team and service filters, the near-miss card
says when near misses are filtered out and which figure its change is of, and no arrow
stands beside a change the interval does not support."""
import pytest
from conftest import run_page

from ui.pages import PAGES

OVERVIEW = "app.py"


def _card(at, label):
    return next(m for m in at.metric if m.label == label)


def _coverage_of(at):
    # "12 of 14 known incidents; 80% reviewed"
    delta = _card(at, "Incidents with a postmortem").delta
    written, _, total = delta.split(";")[0].split()[:3]
    return int(written), int(total)


def test_coverage_follows_the_team_filter(demo):
    everyone = _coverage_of(run_page(OVERVIEW))
    teams = [o for o in run_page(OVERVIEW).sidebar.multiselect(key="team").options]
    per_team = [_coverage_of(run_page(OVERVIEW, team=t)) for t in teams]
    assert all(t[1] < everyone[1] for t in per_team), (everyone, per_team)
    assert sum(t[0] for t in per_team) == everyone[0]  # every postmortem has one team


def test_coverage_under_a_team_filter_says_what_it_counts(demo):
    team = run_page(OVERVIEW).sidebar.multiselect(key="team").options[0]
    assert "only postmortems count" in _card(run_page(OVERVIEW, team=team), "Incidents with a postmortem").help


def test_near_misses_excluded_says_so_instead_of_zero(demo):
    at = run_page(OVERVIEW, near_misses="False")
    card = _card(at, "Near misses")
    assert card.value == "excluded" and "pts" not in (card.delta or "")


def test_the_near_miss_change_names_the_share_it_is_of(demo):
    """The card showed the count beside "-7 pts", which read as a fall in the count."""
    import re

    card = _card(run_page(OVERVIEW), "Near misses")
    assert re.fullmatch(r"\d+ \(\d+%\)", card.value), card.value
    assert re.match(r"([-+]\d+ pts of reports|not enough data)", card.delta), card.delta


@pytest.mark.parametrize("page", [p.file for p in PAGES])
def test_every_arrow_points_the_way_its_figure_moved(demo, page):
    """Streamlit points a delta's arrow by the sign of the first number in its text: a
    delta that leads with a level ("14% of reports · -12 pts") would point up on a fall."""
    import re

    from streamlit.proto.Metric_pb2 import Metric

    for m in run_page(page).metric:
        if m.proto.direction == Metric.MetricDirection.NONE:
            continue
        first = re.search(r"[-+−]?\d", m.delta)
        assert first and first[0][0] in "+-−", (m.label, m.delta)
        assert (m.proto.direction == Metric.MetricDirection.DOWN) == (first[0][0] in "-−"), (m.label, m.delta)


def test_no_arrow_without_a_supported_change(demo):
    from streamlit.proto.Metric_pb2 import Metric

    for m in run_page(OVERVIEW).metric:
        unsupported = any(w in (m.delta or "") for w in ("no clear change", "not enough", "+0 vs"))
        if unsupported or m.label == "Incidents with a postmortem":
            assert m.proto.direction == Metric.MetricDirection.NONE, (m.label, m.delta)


def test_the_overview_figures_side_by_side_are_each_figure_alone(demo_reader):
    """metrics/overview_page.figures runs the figures in threads: the same values as one
    call each."""
    from datetime import date as _date

    from metrics import closing, overview, overview_page, repeats
    from metrics.filters import Filters

    f, today = Filters(_date(2025, 11, 1), _date(2026, 10, 31)), _date(2026, 11, 15)
    got = overview_page.figures(demo_reader, f, today, 10)
    assert got.headline == overview.headline(demo_reader, f, today, 10)
    assert got.coverage == overview.coverage(demo_reader, f)
    assert got.equal_age == closing.equal_age(demo_reader, f, today, closing.DAYS, 10)
    assert got.monthly.equals(overview.monthly(demo_reader, f))
    assert got.top_repeats.equals(overview.top_repeats(demo_reader, f))
    assert got.repeat_rule == repeats.rule(demo_reader)


def loaded(tmp_path, monkeypatch, docs: dict[str, str], sources: str = ""):
    """A database of ``docs`` (name -> text) and any other ``sources:`` lines, which the
    dashboard reads through $HINDSIGHT_CONFIG; returns the config."""
    from conftest import run_cli

    folder = tmp_path / "pm"
    folder.mkdir()
    for name, text in docs.items():
        (folder / name).write_text(text, encoding="utf-8")
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\nsources:\n  postmortems: ['{folder}/*.md']\n{sources}")
    assert run_cli("ingest", "-q", "--config", str(cfg)).returncode == 0
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(cfg))
    return cfg


def test_done_within_says_its_range_when_done_items_have_no_close_date(tmp_path, monkeypatch):
    """Items ticked done in their postmortems, with no tracker: when each closed is
    unknown, the card gives the range the rate lies in, not 0% (it read 0%, as if nothing
    ever closed, beside "Closed on time" at 25%)."""
    from conftest import house_doc

    items = ("## Action items\n\n- [x] Add a canary stage (@ann)\n- [ ] Add a backlog alert (@bob)\n"
             "- [ ] Write a runbook (@cy)\n- [ ] Load-test the consumer (@dee)\n")
    loaded(tmp_path, monkeypatch, {
        f"INC-{n}.md": house_doc(title=f"Queue backlog {n}", day=f"2026-0{1 + n % 4}-{10 + n:02d}",
                                 actions=()).split("## Action items")[0] + items for n in range(1, 13)})
    at = run_page(OVERVIEW, **{"from": "2026-01-01", "to": "2026-06-30"})
    assert not at.exception, at.exception
    card = _card(at, "Done within 90 days")
    assert card.value == "0%–25%" and "no close date" in card.help


def test_coverage_without_an_incident_export_is_unknown_not_100_percent(tmp_path, monkeypatch):
    """With postmortems alone every known incident has one by construction: the card says
    coverage is unknown and why, and the report gives no share (they read 100%)."""
    import json

    from conftest import house_doc, run_cli

    cfg = loaded(tmp_path, monkeypatch, {f"INC-{n}.md": house_doc(title=f"Outage {n}", day=f"2026-02-0{n}")
                                         for n in range(1, 4)})
    at = run_page(OVERVIEW, **{"from": "2026-01-01", "to": "2026-03-31"})
    assert not at.exception, at.exception
    card = _card(at, "Incidents with a postmortem")
    assert card.value == "unknown" and "no incident-tool export" in card.delta
    out = run_cli("report", "--json", "--config", str(cfg), "--from", "2026-01-01", "--to", "2026-03-31")
    cov = json.loads(out.stdout)["coverage"]
    assert cov["share"] is None and cov["exports_loaded"] is False and cov["incidents"] == 3


def test_coverage_with_an_incident_export_is_measured(demo):
    card = _card(run_page(OVERVIEW), "Incidents with a postmortem")
    assert card.value.endswith("%") and "known incidents" in card.delta


def test_the_whole_history_is_compared_with_nothing_not_with_zero(demo):
    """'All time' has no loaded data before it: the card says so (it read '+553 vs
    previous period', a rise from nothing)."""
    card = _card(run_page(OVERVIEW, period="All time"), "Incidents")
    assert card.delta == "no data before it"
    assert "vs previous period" in _card(run_page(OVERVIEW), "Incidents").delta


def test_a_link_may_name_its_period_by_the_presets_key(demo):
    """metrics/periods.py names the presets by key ("?period=all_time"); such a link fell
    back to the default period, only the label's text ("All+time") was read."""
    by_key, by_label = run_page(OVERVIEW, period="all_time"), run_page(OVERVIEW, period="All time")
    assert not by_key.exception, by_key.exception
    assert _card(by_key, "Incidents").value == _card(by_label, "Incidents").value != _card(run_page(OVERVIEW), "Incidents").value


def test_an_export_outside_the_period_does_not_make_its_coverage_measured(tmp_path, monkeypatch):
    """Coverage is measured where an incident-tool export covers the period: an export of
    October left January at 100% by construction (review)."""
    import json

    from conftest import house_doc, run_cli

    (tmp_path / "pd.json").write_text(json.dumps({"incidents": [
        {"id": "PX1", "type": "incident", "incident_number": 1, "title": "Paged", "status": "resolved",
         "created_at": "2026-10-05T10:00:00Z", "resolved_at": "2026-10-05T11:00:00Z"}]}), encoding="utf-8")
    cfg = loaded(tmp_path, monkeypatch, {f"INC-{n}.md": house_doc(title=f"Outage {n}", day=f"2026-01-0{n}")
                                         for n in range(1, 4)}, f"  incidents: ['{tmp_path / 'pd.json'}']\n")
    assert _card(run_page(OVERVIEW, **{"from": "2026-01-01", "to": "2026-03-31"}),
                 "Incidents with a postmortem").value == "unknown"
    assert _card(run_page(OVERVIEW, **{"from": "2026-01-01", "to": "2026-12-31"}),
                 "Incidents with a postmortem").value.endswith("%")
    md = run_cli("report", "--format", "md", "--config", str(cfg), "--quarter", "2026Q1").stdout
    assert "unknown: no incident-tool export covers the period" in md
