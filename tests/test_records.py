"""The typed records at the seam between parsers and store (loaders/records.py)."""
import dataclasses
import pickle

from conftest import house_doc
from loaders.detect import parse_bytes
from loaders.records import Incident, Parsed, Postmortem, Problem, Ticket


def test_a_postmortem_result_becomes_a_typed_postmortem():
    result = parse_bytes(house_doc(severity="SEV-2").encode(), "pm.md")
    p = Parsed.of(result)
    assert p.kind == "postmortem" and isinstance(p.postmortem, Postmortem)
    assert p.postmortem.severity_level == 2 and p.postmortem.detected_source == result["timestamp_sources"]["detected_at"]
    assert len(p.postmortem.timeline) == len(result["timeline"])
    assert p.postmortem.action_items[0].ticket == "OPS-1" and p.records == 1
    assert p.postmortem.quality == result["lint"]["score"]
    assert [f.rule for f in p.postmortem.findings] == [f["rule"] for f in result["lint"]["findings"]]


def test_every_contract_key_of_a_postmortem_has_a_home():
    """A key the parser adds must be mapped (or knowingly left out): this lists them."""
    result = parse_bytes(house_doc().encode(), "pm.md")
    typed = {f.name for f in dataclasses.fields(Postmortem)}
    mapped_elsewhere = {"timestamp_sources", "lessons", "path", "kind", "problems", "lint"}  # lint: quality, findings
    assert set(result) - typed - mapped_elsewhere == set()


def test_exports_become_tickets_and_incidents():
    jira = Parsed.of(parse_bytes(b"Summary,Issue key,Status,Created\nAdd canary,OPS-1,Done,\n", "j.csv"))
    assert jira.source == "jira" and jira.tickets == (Ticket("OPS-1", "Add canary", "Done", "done", None, None,
                                                            None, None, (), None),)
    pd = Parsed.of(parse_bytes(b"incident_number,title,urgency,status,created_on\n7,API down,high,resolved,"
                               b"2026-02-01T10:05:00Z\n", "pd.csv"))
    assert isinstance(pd.incidents[0], Incident) and pd.incidents[0].id == "7" and pd.records == 1


def test_problems_keep_line_message_and_level():
    p = Parsed.of({"path": "x", "kind": "unknown", "problems": [{"line": 3, "message": "m", "level": "warning"},
                                                                 {"line": None, "message": "n"}]})
    assert p.problems == (Problem(3, "m", "warning"), Problem(None, "n", "error")) and p.errors == 1


def test_records_cross_a_process_boundary():
    p = Parsed.of(parse_bytes(house_doc().encode(), "pm.md"))
    assert pickle.loads(pickle.dumps(p)) == p
