"""One definition of the period a view covers (metrics/periods.py), shared by the
sidebar and `hindsight report`; presets; a shared link's dates honoured as written; and
the incidents a period leaves out, said out loud (issue: figures a director can repeat)."""
import json
from datetime import date

import pytest

from conftest import house_doc, load_corpus, run_cli, run_page
from metrics import periods

OVERVIEW = "app.py"


# --- the presets, as plain functions -------------------------------------------------

def test_default_is_the_twelve_months_up_to_the_newest_incident():
    p = periods.default(date(2012, 1, 5), date(2019, 6, 30), date(2026, 11, 28))
    assert (p.date_from, p.date_to) == (date(2018, 7, 1), date(2019, 6, 30))


def test_default_ends_today_when_the_newest_incident_is_later():
    p = periods.default(date(2025, 1, 1), date(2027, 1, 1), date(2026, 11, 28))
    assert p.date_to == date(2026, 11, 28)


def test_default_without_data_is_the_twelve_months_to_today():
    p = periods.default(None, None, date(2026, 11, 28))
    assert (p.date_from, p.date_to) == (date(2025, 11, 29), date(2026, 11, 28))


def test_twelve_months_back_from_a_leap_day():
    assert periods.twelve_months_to(date(2024, 2, 29)) == date(2023, 3, 1)


@pytest.mark.parametrize("name, want", [
    ("this_quarter", (date(2026, 10, 1), date(2026, 11, 28))),
    ("last_quarter", (date(2026, 7, 1), date(2026, 9, 30))),
    ("all_time", (date(2012, 1, 5), date(2026, 11, 28))),
    ("last_12_months", (date(2025, 11, 29), date(2026, 11, 28))),
    ("no such preset", (date(2025, 11, 29), date(2026, 11, 28))),
])
def test_presets(name, want):
    p = periods.preset(name, date(2012, 1, 5), date(2026, 11, 28), date(2026, 11, 28))
    assert (p.date_from, p.date_to) == want


def test_last_quarter_in_january_is_the_previous_years_fourth():
    p = periods.preset("last_quarter", None, date(2026, 1, 20), date(2026, 11, 28))
    assert (p.date_from, p.date_to) == (date(2025, 10, 1), date(2025, 12, 31))


# --- a stale archive: the last postmortem is years old --------------------------------

DAYS = ["2012-03-01", "2014-05-02", "2016-07-03", "2018-09-04", "2019-02-05", "2019-06-06"]


@pytest.fixture
def archive(tmp_path, monkeypatch):
    reader = load_corpus(tmp_path, {f"pm{i}": house_doc(title=f"Outage {i}", day=d) for i, d in enumerate(DAYS)})
    reader.close()
    (tmp_path / "hindsight.yaml").write_text(f"database: {tmp_path / 'h.duckdb'}\n")
    monkeypatch.setenv("HINDSIGHT_CONFIG", str(tmp_path / "hindsight.yaml"))
    return tmp_path


def _said(at) -> str:
    return " ".join(e.value for kind in ("caption", "info", "warning") for e in getattr(at, kind)) + \
        " ".join(c.value for c in at.sidebar.caption)


def _metric(at, label):
    return next(m for m in at.metric if m.label == label)


def test_the_cli_and_the_dashboard_count_the_same_default_period(archive):
    out = run_cli("report", "--json", "--db", archive / "h.duckdb")
    assert out.returncode == 0, out.stderr
    rep = json.loads(out.stdout)
    assert rep["period"]["from"] == "2018-06-07" and rep["period"]["to"] == "2019-06-06"
    at = run_page(OVERVIEW)
    assert not at.exception, at.exception
    assert int(_metric(at, "Incidents").value) == rep["incidents"]["total"] == 3


def test_the_page_says_how_many_incidents_the_default_period_hides(archive):
    at = run_page(OVERVIEW)
    assert "3 incidents outside this period (3 before)" in _said(at)


def test_all_time_shows_the_whole_archive(archive):
    at = run_page(OVERVIEW, period="All time")
    assert int(_metric(at, "Incidents").value) == len(DAYS)
    assert "outside this period" not in _said(at)


def test_a_shared_link_before_the_first_incident_is_honoured(archive):
    at = run_page(OVERVIEW, **{"from": "2001-01-01", "to": "2013-12-31"})
    assert not at.exception, at.exception
    assert at.selectbox(key="period").value == "Custom dates"
    assert at.date_input(key="from").value == date(2001, 1, 1)
    assert int(_metric(at, "Incidents").value) == 1


def test_a_preset_in_a_link_opens_on_it(archive):
    # the anchor is the newest incident, 2019-06-06: last quarter is Q1 2019 (2019-02-05)
    at = run_page(OVERVIEW, period="Last quarter")
    assert at.selectbox(key="period").value == "Last quarter"
    assert int(_metric(at, "Incidents").value) == 1
    assert "2019-01-01 to 2019-03-31" in " ".join(c.value for c in at.sidebar.caption)
