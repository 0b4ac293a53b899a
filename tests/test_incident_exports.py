"""PagerDuty JSON and CSV, FireHydrant CSV, incident.io JSON, generic incident CSV."""
import csv
import io
import json
from pathlib import Path

from loaders.formats import firehydrant, incidentio, mapped, pagerduty

FIX = Path(__file__).parent / "fixtures" / "exports"


def text(name):
    return (FIX / name).read_text(encoding="utf-8")


def load(name):
    return json.loads(text(name))


def header_of(name):
    return next(csv.reader(io.StringIO(text(name))))


def by_id(result):
    return {i["id"]: i for i in result["incidents"]}


CONTRACT_KEYS = {"id", "title", "severity", "started_at", "detected_at",
                 "acknowledged_at", "mitigated_at", "resolved_at", "services"}

# ------------------------------------------------------------------ sniffing


def test_json_sniffers_tell_pagerduty_from_incidentio():
    pd, iio = load("pagerduty_incidents.json"), load("incidentio_incidents.json")
    assert pagerduty.sniff_pagerduty_json(pd) and not incidentio.sniff_incidentio_json(pd)
    assert incidentio.sniff_incidentio_json(iio) and not pagerduty.sniff_pagerduty_json(iio)


def test_json_sniffers_reject_trackers():
    for name in ("jira_search.json", "github_rest.json"):
        assert not pagerduty.sniff_pagerduty_json(load(name))
        assert not incidentio.sniff_incidentio_json(load(name))


def test_empty_pages_are_recognised():
    assert pagerduty.sniff_pagerduty_json({"incidents": [], "limit": 25, "offset": 0,
                                    "more": False})
    assert incidentio.sniff_incidentio_json({"incidents": [], "pagination_meta": {}})


def test_csv_sniffers_tell_pagerduty_from_firehydrant():
    pd, fh = header_of("pagerduty_incidents.csv"), header_of("firehydrant_incidents.csv")
    assert pagerduty.sniff_pagerduty_csv(pd) and not firehydrant.sniff_firehydrant_csv(pd)
    assert firehydrant.sniff_firehydrant_csv(fh) and not pagerduty.sniff_pagerduty_csv(fh)


def test_csv_sniffers_reject_tracker_exports():
    for name in ("jira_en_all_fields.csv", "linear_old.csv", "linear_new.csv",
                 "generic_tickets.csv"):
        h = header_of(name)
        assert not pagerduty.sniff_pagerduty_csv(h) and not firehydrant.sniff_firehydrant_csv(h), name


def test_sniffers_never_raise():
    for bad in (None, 3, [None], {"incidents": 5}):
        assert pagerduty.sniff_pagerduty_json(bad) is False
        assert incidentio.sniff_incidentio_json(bad) is False
    assert firehydrant.sniff_firehydrant_csv(None) is False
    assert pagerduty.sniff_pagerduty_csv([None]) is False


# ------------------------------------------------------------ PagerDuty JSON


def test_pagerduty_json_happy_path():
    r = pagerduty.parse_pagerduty_json(load("pagerduty_incidents.json"))
    assert r["kind"] == "incident_export" and r["source"] == "pagerduty"
    assert r["problems"] == []
    assert list(by_id(r)) == ["1201", "1202", "1203"]
    assert all(CONTRACT_KEYS <= set(i) for i in r["incidents"])


def test_pagerduty_json_fields():
    i = by_id(pagerduty.parse_pagerduty_json(load("pagerduty_incidents.json")))["1201"]
    assert i["title"] == "Checkout latency above SLO"
    assert i["severity"] == "P1"
    assert i["services"] == ["checkout-api"]
    assert i["started_at"] is None
    assert i["detected_at"] == "2025-05-02T14:00:00Z"
    assert i["acknowledged_at"] == "2025-05-02T14:04:30Z"
    assert i["resolved_at"] == "2025-05-02T15:12:00Z"
    assert i["source_id"] == "Q1ABCDEF"


def test_pagerduty_open_incident_has_no_resolution_and_urgency_as_severity():
    i = by_id(pagerduty.parse_pagerduty_json(load("pagerduty_incidents.json")))["1202"]
    assert i["resolved_at"] is None and i["acknowledged_at"] is None
    assert i["severity"] == "low"


def test_pagerduty_resolved_at_wins_over_last_change():
    i = by_id(pagerduty.parse_pagerduty_json(load("pagerduty_incidents.json")))["1203"]
    assert i["resolved_at"] == "2025-05-04T08:45:00Z"


def test_pagerduty_single_incident_and_pages():
    doc = load("pagerduty_incidents.json")
    assert len(pagerduty.parse_pagerduty_json({"incident": doc["incidents"][0]})["incidents"]) == 1
    assert len(pagerduty.parse_pagerduty_json([doc, doc])["incidents"]) == 3


def test_pagerduty_bad_time_is_a_problem():
    doc = {"incidents": [{"incident_number": 1, "created_at": "soon", "urgency": "high",
                          "service": {"summary": "x"}}]}
    r = pagerduty.parse_pagerduty_json(doc)
    assert r["incidents"][0]["detected_at"] is None
    assert "soon" in r["problems"][0]["message"]


# ------------------------------------------------------------- PagerDuty CSV


def test_pagerduty_csv():
    r = pagerduty.parse_pagerduty_csv(text("pagerduty_incidents.csv"))
    assert r["source"] == "pagerduty" and r["problems"] == []
    i = by_id(r)
    assert i["88"]["severity"] == "P2" and i["88"]["services"] == ["billing-worker"]
    assert i["88"]["acknowledged_at"] == "2025-06-01T10:02:00Z"
    assert i["88"]["resolved_at"] == "2025-06-01T11:00:00Z"
    assert i["89"]["severity"] == "low"
    assert i["89"]["resolved_at"] == "2025-06-02T10:30:00Z"
    assert i["90"]["resolved_at"] is None


def test_pagerduty_download_csv_with_seconds():
    t = ("id,incident_number,description,service_name,escalation_policy_name,"
         "created_on,resolved_on,seconds_to_first_ack,seconds_to_resolve,urgency\n"
         "PX,5,Slow pages,web,Web,2025-01-01T10:00:00-05:00,,120,3600,high\n")
    assert pagerduty.sniff_pagerduty_csv(next(csv.reader(io.StringIO(t))))
    i = pagerduty.parse_pagerduty_csv(t)["incidents"][0]
    assert i["id"] == "5" and i["title"] == "Slow pages" and i["services"] == ["web"]
    assert i["detected_at"] == "2025-01-01T15:00:00Z"
    assert i["acknowledged_at"] == "2025-01-01T15:02:00Z"
    assert i["resolved_at"] == "2025-01-01T16:00:00Z"


# ------------------------------------------------------------- FireHydrant


def test_firehydrant_csv_happy_path():
    r = firehydrant.parse_firehydrant_csv(text("firehydrant_incidents.csv"))
    assert r["source"] == "firehydrant" and r["problems"] == []
    i = by_id(r)["31"]
    assert i["title"] == "DNS resolution failures" and i["severity"] == "SEV1"
    assert i["started_at"] == "2025-04-10T07:55:00Z"
    assert i["detected_at"] == "2025-04-10T08:02:00Z"
    assert i["acknowledged_at"] == "2025-04-10T08:04:00Z"
    assert i["mitigated_at"] == "2025-04-10T08:40:00Z"
    assert i["resolved_at"] == "2025-04-10T09:15:00Z"
    assert i["services"] == ["dns", "api-gateway"]


def test_firehydrant_missing_milestones_stay_null_and_closed_fills_resolved():
    i = by_id(firehydrant.parse_firehydrant_csv(text("firehydrant_incidents.csv")))
    assert i["32"]["acknowledged_at"] is None and i["32"]["resolved_at"] is None
    assert i["33"]["mitigated_at"] is None
    assert i["33"]["resolved_at"] == "2025-04-12T06:00:00Z"


def test_firehydrant_liberal_headers():
    t = ("incident_number,incident_name,severity,started_at,detected_time_utc,"
         "mitigated_at,resolved_timestamp\n"
         "7,Broken DNS,SEV2,2025-01-01T00:00:00Z,2025-01-01T00:05:00Z,"
         "2025-01-01T00:30:00Z,2025-01-01T01:00:00Z\n")
    assert firehydrant.sniff_firehydrant_csv(next(csv.reader(io.StringIO(t))))
    i = firehydrant.parse_firehydrant_csv(t)["incidents"][0]
    assert (i["id"], i["title"]) == ("7", "Broken DNS")
    assert i["detected_at"] == "2025-01-01T00:05:00Z"
    assert i["resolved_at"] == "2025-01-01T01:00:00Z"


def test_firehydrant_broken_row_names_its_line():
    t = ("Number,Name,Started At,Detected At,Mitigated At,Resolved At\n"
         "1,ok,2025-01-01T00:00:00Z,,,\n"
         "2,short\n"
         "3,bad,2025-13-45,,,\n"
         "4,also ok,,,,2025-01-02T00:00:00Z\n")
    r = firehydrant.parse_firehydrant_csv(t)
    assert list(by_id(r)) == ["1", "3", "4"]
    assert sorted(p["line"] for p in r["problems"]) == [3, 4]


def test_incident_csv_without_id_column_is_a_problem():
    r = firehydrant.parse_firehydrant_csv("Name,Started At,Detected At,Resolved At\nx,,,\n")
    assert r["incidents"] == [] and r["problems"]


# ------------------------------------------------------------- incident.io


def test_incidentio_happy_path():
    r = incidentio.parse_incidentio_json(load("incidentio_incidents.json"))
    assert r["source"] == "incidentio" and r["problems"] == []
    i = by_id(r)["INC-77"]
    assert i["title"] == "Webhook deliveries delayed" and i["severity"] == "Major"
    assert i["started_at"] == "2025-07-01T08:50:00Z"
    assert i["detected_at"] == "2025-07-01T09:05:00Z"
    assert i["acknowledged_at"] == "2025-07-01T09:12:00Z"
    assert i["mitigated_at"] == "2025-07-01T10:00:00Z"
    assert i["resolved_at"] == "2025-07-01T10:30:00Z"
    assert i["services"] == ["webhooks", "notifications"]
    assert i["url"] == "https://app.incident.io/acme/incidents/77"


def test_incidentio_missing_timestamps_fall_back_to_created():
    i = by_id(incidentio.parse_incidentio_json(load("incidentio_incidents.json")))["INC-78"]
    assert i["started_at"] is None and i["resolved_at"] is None
    assert i["detected_at"] == "2025-07-03T12:00:00Z"
    assert i["services"] == []


# ---------------------------------------------------------------- generic


MAPPING = {"id": "Ref", "title": "What happened", "severity": "Sev",
           "started_at": "Impact from", "detected_at": "Noticed",
           "mitigated_at": "Fixed", "resolved_at": "Closed", "services": "Systems"}


def test_generic_csv_with_mapping():
    r = mapped.parse_generic_csv(text("generic_incidents.csv"), MAPPING)
    assert r["source"] == "csv" and r["problems"] == []
    i = by_id(r)
    assert i["R-1"]["started_at"] == "2025-02-01T10:00:00Z"
    assert i["R-1"]["detected_at"] == "2025-02-01T10:09:00Z"
    assert i["R-1"]["services"] == ["cache", "api"]
    assert i["R-2"]["mitigated_at"] is None
    assert i["R-2"]["resolved_at"] == "2025-02-03T09:00:00Z"


def test_generic_csv_mapping_column_to_field():
    flipped = {v: k for k, v in MAPPING.items()}
    assert len(mapped.parse_generic_csv(text("generic_incidents.csv"), flipped)["incidents"]) == 2


def test_generic_csv_without_id_mapping_is_a_problem():
    r = mapped.parse_generic_csv(text("generic_incidents.csv"), {"title": "What happened"})
    assert r["incidents"] == [] and r["problems"]


def test_parsers_never_raise():
    for bad in (None, 5, "x", [1], {"incidents": [None, 3]}):
        assert pagerduty.parse_pagerduty_json(bad)["kind"] == "incident_export"
        assert incidentio.parse_incidentio_json(bad)["kind"] == "incident_export"
    assert firehydrant.parse_firehydrant_csv(None)["problems"]
    assert mapped.parse_generic_csv("a,b\n1,2\n", None)["incidents"] == []


def test_incident_csv_numeric_dates_follow_the_file():
    t = ("Number,Name,Started At,Detected At,Mitigated At,Resolved At\n"
         "1,a,02/03/2025 10:00,02/03/2025 10:05,,\n"
         "2,b,25/03/2025 10:00,,,\n")
    i = by_id(firehydrant.parse_firehydrant_csv(t))
    assert i["1"]["started_at"] == "2025-03-02T10:00:00Z"
    assert i["2"]["started_at"] == "2025-03-25T10:00:00Z"


def test_one_malformed_incident_does_not_cost_the_others():
    doc = load("pagerduty_incidents.json")
    doc["incidents"][0]["acknowledgements"] = 5
    doc["incidents"][1]["created_at"] = ["x"]
    r = pagerduty.parse_pagerduty_json(doc)
    assert len(r["incidents"]) >= 2
