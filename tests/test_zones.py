"""One time reader: a zone word means the same instant whether it is written in a
postmortem, a Jira CSV cell or a PagerDuty export (loaders/timeparse.py holds the one
zone table), and one severity reader: "Critical" is level 1 on every path."""
import duckdb
import pytest

from conftest import house_doc
from loaders import timeparse
from loaders.config import load_config
from loaders.detect import parse_bytes
from loaders.ingest import ingest
from loaders.postmortem import parse

# (zone as written, day, expected UTC time of 10:00 local that day)
CASES = [
    ("IST", "2026-07-01", "2026-07-01T04:30:00Z"),     # India Standard Time, UTC+5:30
    ("ET", "2026-07-01", "2026-07-01T14:00:00Z"),      # Eastern, daylight time in July
    ("ET", "2026-01-15", "2026-01-15T15:00:00Z"),      # Eastern, standard time in January
    ("CET", "2026-07-01", "2026-07-01T09:00:00Z"),     # taken literally, whatever the season
    ("PDT", "2026-07-01", "2026-07-01T17:00:00Z"),
    ("UTC+2", "2026-07-01", "2026-07-01T08:00:00Z"),   # an offset as written
    ("US/Pacific", "2026-01-15", "2026-01-15T18:00:00Z"),  # a named zone, standard time in January
    ("UTC", "2026-07-01", "2026-07-01T10:00:00Z"),
    # a zone by both its seasons: the region's clock as the date says
    ("GMT/BST", "2026-07-01", "2026-07-01T09:00:00Z"),
    ("GMT/BST", "2026-01-15", "2026-01-15T10:00:00Z"),
    ("AEST/AEDT", "2026-01-15", "2026-01-14T23:00:00Z"),
    ("WAT", "2026-01-15", "2026-01-15T09:00:00Z"),   # West Africa Time, UTC+1
    ("IDT", "2026-07-01", "2026-07-01T07:00:00Z"),   # Israel Daylight Time, UTC+3
    ("EAT", "2026-01-15", "2026-01-15T07:00:00Z"),   # East Africa Time, UTC+3
    ("CAT", "2026-01-15", "2026-01-15T08:00:00Z"),   # Central Africa Time, UTC+2
    ("TRT", "2026-01-15", "2026-01-15T07:00:00Z"),   # Turkey Time, UTC+3
]
IDS = [f"{z}-{d}" for z, d, _ in CASES]


@pytest.mark.parametrize("word, day, utc", CASES, ids=IDS)
def test_the_zone_table(word, day, utc):
    from datetime import datetime

    local = datetime.fromisoformat(f"{day}T10:00:00")
    assert timeparse.iso_utc(timeparse.zone(word).to_utc(local)) == utc


@pytest.mark.parametrize("word, day, utc", CASES, ids=IDS)
def test_a_postmortem_timeline_in_that_zone(word, day, utc):
    doc = house_doc(day=day, rows=(("09:58", "Deploy starts"), ("10:00", "Alert fires and pages on-call"),
                                   ("10:20", "Rollback completes; errors back to baseline")),
                   impact="- Checkout failed for some customers.")
    doc = doc.replace("## Timeline (UTC)", f"## Timeline\nAll times in {word}.\n")
    got = parse(doc, "pm.md")
    assert got["detected_at"] == utc, got["problems"]


@pytest.mark.parametrize("word, day, utc", CASES, ids=IDS)
def test_a_jira_csv_cell_in_that_zone(word, day, utc):
    y, m, d = day.split("-")
    mon = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][int(m) - 1]
    text = f"Summary,Issue key,Status,Created\nAdd canary,OPS-1,To Do,{d}/{mon}/{y[2:]} 10:00 AM {word}\n"
    got = parse_bytes(text.encode(), "jira.csv")
    assert got["source"] == "jira" and got["tickets"][0]["created_at"] == utc, got["problems"]


@pytest.mark.parametrize("word, day, utc", CASES, ids=IDS)
def test_a_pagerduty_csv_row_in_that_zone(word, day, utc):
    text = ("incident_number,title,urgency,status,created_on,service_name\n"
            f"7,API down,high,resolved,{day} 10:00 {word},api\n")
    got = parse_bytes(text.encode(), "pd.csv")
    assert got["source"] == "pagerduty" and got["incidents"][0]["detected_at"] == utc, got["problems"]


def test_critical_is_level_one_in_a_postmortem_and_in_every_incident_export(tmp_path):
    pm = parse(house_doc(severity="Critical"), "pm.md")
    pd_csv = parse_bytes(b"incident_number,title,urgency,priority,status,created_on\n"
                         b"7,API down,high,Critical,resolved,2026-02-01T10:05:00Z\n", "pd.csv")
    io_json = parse_bytes(b'{"incidents": [{"id": "01H", "reference": "INC-3", "name": "API down", '
                          b'"severity": {"name": "Critical"}, "created_at": "2026-02-01T10:05:00Z"}]}', "io.json")
    fh_csv = parse_bytes(b"number,name,severity,started_at,detected_at,mitigated_at,resolved_at\n"
                         b"3,API down,Critical,2026-02-01T10:00:00Z,2026-02-01T10:05:00Z,"
                         b"2026-02-01T10:30:00Z,2026-02-01T11:00:00Z\n", "fh.csv")
    assert pm["severity_level"] == 1
    assert [r["incidents"][0]["severity_level"] for r in (pd_csv, io_json, fh_csv)] == [1, 1, 1]


def test_the_coverage_mart_reads_an_exports_critical_as_sev1(tmp_path):
    export = tmp_path / "io.json"
    export.write_text('{"incidents": [{"id": "01H", "reference": "INC-3", "name": "Nobody wrote this up", '
                      '"severity": {"name": "Critical"}, "created_at": "2026-02-01T10:05:00Z"}]}')
    (tmp_path / "pm.md").write_text(house_doc(day="2026-03-01"))
    cfg = tmp_path / "hindsight.yaml"
    cfg.write_text(f"database: {tmp_path / 'h.duckdb'}\n")
    ingest(load_config(cfg), [str(export), str(tmp_path / "pm.md")])
    con = duckdb.connect(str(tmp_path / "h.duckdb"), read_only=True)
    try:
        row = con.execute("SELECT severity_level, severity_label FROM mart_incident_coverage "
                          "WHERE NOT has_postmortem").fetchall()
    finally:
        con.close()
    assert row == [(1, "SEV1")]


@pytest.mark.parametrize("said, name", [
    ("## Timeline (Pacific Time)", "America/Los_Angeles"), ("All times are US Eastern.", "America/New_York"),
    ("All times US Central time", "America/Chicago"), ("Times in Mountain Time", "America/Denver"),
    ("All times Pacific", "America/Los_Angeles"), ("(PT)", "America/Los_Angeles"),
    ("Times are UK time throughout.", "Europe/London"),
    ("Toutes les heures sont indiquées en heure de Paris.", "Europe/Paris"),
    ("16h40 (horário de Brasília)", "America/Sao_Paulo"), ("alle Uhrzeiten in MESZ", "MESZ"),
    ("| Time zone used | Nairobi (EAT) |", "Africa/Nairobi"),
    ("Times: Australia/Sydney local time unless marked otherwise", "Australia/Sydney"),
    ("All times are local (Eastern Standard Time).", "EST"), ("Times in Pacific Daylight Time", "PDT"),
    # zones written out in full: the season named, or the region's clock by the date
    ("All times are Central European Time.", "Europe/Berlin"), ("Times in India Standard Time", "IST"),
    ("All times are Central European Summer Time.", "CEST"), ("All times are GMT/BST.", "Europe/London"),
    ("All times are West Africa Time (WAT, UTC+01:00).", "WAT"), ("Times in East Africa Time", "Africa/Nairobi"),
    # "all times" in other languages, then the zone
    ("## Tijdlijn (alle tijden CET)", "CET"), ("Todas las horas en CET", "CET"), ("Todos os horários em BRT", "BRT"),
    ("Tutti gli orari sono in CET", "CET"), ("Toutes les heures sont en CET", "CET"),
    # the hours alone, then their zone ("Heures indiquées en CET", a heading's "(heures en UTC+1)")
    ("Heures indiquées en CET.", "CET"), ("## Déroulé (heures en UTC+1)", "UTC+1"),
    # a city's clock, the city made an adjective as Dutch and German do
    ("Alle tijden Rotterdamse tijd.", "Europe/Amsterdam"), ("Alle Zeiten in Berliner Zeit", "Europe/Berlin"),
    # a city named in capitals or in lower case, as a heading may set it
    ("## CRONOLOGÍA (HORA DE MADRID)", "Europe/Madrid"), ("## cronología (hora de madrid)", "Europe/Madrid"),
    # a city with a particle in its name, or in its own language, with or without its accents
    ("Todas las horas son hora de Ciudad de México.", "America/Mexico_City"),
    ("Horas en hora de Bogotá", "America/Bogota"), ("Todas las horas son hora de Lisboa.", "Europe/Lisbon"),
])
def test_a_us_zone_written_out_is_that_zone(said, name):
    assert timeparse.stated_zone(said).name == name


@pytest.mark.parametrize("said", ["Pacific Time", "Central European operations team", "the hour hand at 14:05",
                                  "Uhrzeit: 14:05", "a hora de la verdad", "Wir hatten keine Zeit.",
                                  "Die Hamburger Zeitung berichtete", "24 heures en continu"])
def test_a_zone_word_that_is_not_stated_as_the_times_zone_is_none(said):
    assert timeparse.stated_zone(said) is None


@pytest.mark.parametrize("said", ["Alle tijden in dit document zijn Nederlandse tijd (CEST, UTC+2).",
                                  "Tutti gli orari sono in ora italiana (CEST)."])
def test_a_zone_stated_in_another_language_outside_the_timeline(said):
    doc = house_doc(day="2026-07-01", impact="- Checkout failed.").replace("## Timeline (UTC)", "## Timeline")
    doc = doc.replace("Something broke and then it was fixed.", f"Something broke and then it was fixed.\n\n{said}")
    got = parse(doc, "pm.md")
    assert got["zone_stated"] and got["detected_at"] == "2026-07-01T08:09:00Z", got["problems"]


@pytest.mark.parametrize("text, zone", [
    ("Times shown in: America/Chicago", "America/Chicago"), ("All hours in this document are in UTC+1", "UTC+1"),
    ("Zona waktu: WIB (UTC+7)", "UTC+7"), ("Office hours are 9-17", None), ("It lasted 3 hours in total.", None),
    ("Timeline (approximate, ET)", "America/New_York"), ("What happened (times are approximate, Eastern)", "America/New_York"),
    ("Alle Zeitangaben in MESZ.", "MESZ"), ("Zeit in Minuten", None), ("(approximately 40 minutes)", None),
    # where the times were taken from, then their zone
    ("Times below are from the CAD audit log and the recorder, all CST (24 hr).", "CST"),
    ("Times are from the vendor, who said so", None),
])
def test_a_sentence_that_states_the_zone(text, zone):
    z = timeparse.stated_zone(text)
    assert (z.name if z else None) == zone


def test_every_country_clock_holds_a_hint_word():
    """stated_zone looks for a country's clock only where one of its hint words is."""
    from loaders import timeparse as tp
    assert all(any(w in name for w in tp._LOCAL_HINTS) for name in tp.LOCAL_TIMES)


@pytest.mark.parametrize("heading", ["## Timeline (KGT, UTC+6)", "## Timeline (KGT / UTC+6)",
                                     "## Timeline (server time, UTC+6)"])   # (whose clock, then its zone)
def test_an_offset_after_a_local_name_the_table_lacks(heading):
    """"(IDT, UTC+3)": a local zone's name, then its offset; the offset is read when the
    name is not in the table (Kyrgyzstan's KGT here)."""
    doc = house_doc(day="2026-07-01", rows=(("10:00", "Alert fires and pages on-call"),
                                            ("10:20", "Rollback completes; errors back to baseline")),
                    impact="- Checkout failed for some customers.")
    got = parse(doc.replace("## Timeline (UTC)", heading), "pm.md")
    assert got["detected_at"] == "2026-07-01T04:00:00Z", got["problems"]


@pytest.mark.parametrize("city, utc", [("Ottawa", "2026-01-15T15:00:00Z"),      # America/Toronto, standard time
                                       ("Canberra", "2026-01-14T23:00:00Z")])   # Australia/Sydney, daylight time
def test_a_capital_the_zone_database_does_not_name_is_its_regions_zone(city, utc):
    doc = house_doc(day="2026-01-15", rows=(("09:58", "Deploy starts"), ("10:00", "Alert fires and pages on-call")),
                    impact="- Checkout failed for some customers.")
    doc = doc.replace("## Timeline (UTC)", f"## Timeline\nAll times are {city} local time.\n")
    assert parse(doc, "pm.md")["detected_at"] == utc


@pytest.mark.parametrize("text, name", [
    ("Everything below is Sydney time. Daylight saving started on 5 October.", "Australia/Sydney"),
    ("All times below are Auckland time.", "Pacific/Auckland"),
    ("The times are London time:", "Europe/London"),
    ("Mon 7/14/25 · IT / helpdesk · written up by Sam Okoro · times PT", "America/Los_Angeles"),
])
def test_a_sentence_saying_the_times_are_a_places_time_states_its_zone(text, name):
    assert timeparse.stated_zone(text).name == name


def test_a_sentence_ending_in_time_that_names_no_place_states_no_zone():
    assert timeparse.stated_zone("Everything below is fine this time.") is None
