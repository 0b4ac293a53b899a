"""The export format registry (loaders/formats): every format is one record with a
name, a kind, a sniff and a parse of one signature; each recognises its own sample and
no other format's; problems carry their level from the parser, not from their wording."""
import ast
import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from loaders import detect
from loaders.formats import CSV, FORMATS, INCIDENTS, JSON, TRACKER, Format
from loaders.options import Options

ROOT = Path(__file__).resolve().parent.parent

SAMPLES = {
    "github-json": json.dumps([{"number": 12, "title": "Add canary", "state": "closed", "state_reason": "completed",
                                "html_url": "https://github.com/acme/web/issues/12",
                                "created_at": "2026-02-01T10:00:00Z", "closed_at": "2026-02-05T10:00:00Z"}]),
    "jira-json": json.dumps({"startAt": 0, "maxResults": 50, "total": 1, "issues": [
        {"key": "OPS-1", "fields": {"summary": "Add canary", "status": {"name": "Done"},
                                    "created": "2026-02-01T10:00:00.000+0000"}}]}),
    "pagerduty-json": json.dumps({"incidents": [{"incident_number": 7, "title": "API down", "urgency": "high",
                                                 "service": {"summary": "api"},
                                                 "created_at": "2026-02-01T10:05:00Z"}],
                                  "limit": 25, "offset": 0, "more": False}),
    "incidentio-json": json.dumps({"incidents": [{"id": "01H", "reference": "INC-3", "name": "API down",
                                                  "severity": {"name": "Critical"},
                                                  "created_at": "2026-02-01T10:05:00Z"}],
                                   "pagination_meta": {"page_size": 25}}),
    "jira-csv": "Summary,Issue key,Issue id,Issue Type,Status,Created,Resolved\n"
                "Add canary,OPS-1,10001,Task,Done,01/Feb/26 10:00 AM,05/Feb/26 10:00 AM\n",
    "linear-csv": "ID,Title,Status,Team,Created,Completed,Canceled,Started,Priority\n"
                  "ENG-1,Add canary,Done,Eng,2026-02-01T10:00:00.000Z,2026-02-05T10:00:00.000Z,,,High\n",
    "pagerduty-csv": "incident_number,title,urgency,status,created_on,resolved_on,service_name\n"
                     "7,API down,high,resolved,2026-02-01T10:05:00Z,2026-02-01T11:00:00Z,api\n",
    "firehydrant-csv": "number,name,severity,started_at,detected_at,mitigated_at,resolved_at\n"
                       "3,API down,SEV1,2026-02-01T10:00:00Z,2026-02-01T10:05:00Z,2026-02-01T10:30:00Z,"
                       "2026-02-01T11:00:00Z\n",
}


def _data(fmt: Format, text: str):
    if fmt.container == JSON:
        return json.loads(text)
    return next(csv.reader(io.StringIO(text)))


def test_every_format_is_named_once_with_a_kind_and_a_container():
    names = [f.name for f in FORMATS]
    assert len(names) == len(set(names))
    assert all(f.kind in (TRACKER, INCIDENTS) and f.container in (JSON, CSV) for f in FORMATS)


def test_every_format_has_a_sample_here():
    assert {f.name for f in FORMATS} == set(SAMPLES)


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.name for f in FORMATS])
def test_a_format_recognises_its_own_sample_and_no_other(fmt):
    for name, text in SAMPLES.items():
        other = next(f for f in FORMATS if f.name == name)
        if other.container != fmt.container:
            continue
        assert fmt.sniff(_data(fmt, text)) == (name == fmt.name), (fmt.name, name)


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.name for f in FORMATS])
def test_parse_has_one_signature_and_returns_its_kind(fmt):
    text = SAMPLES[fmt.name]
    got = fmt.parse(json.loads(text) if fmt.container == JSON else text, Options())
    assert got["kind"] == fmt.kind
    items = got["tickets"] if fmt.kind == TRACKER else got["incidents"]
    assert len(items) == 1 and got["problems"] == []


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.name for f in FORMATS])
def test_dispatch_sends_each_sample_to_its_format(fmt, tmp_path):
    path = tmp_path / ("export.json" if fmt.container == JSON else "export.csv")
    path.write_text(SAMPLES[fmt.name])
    got = detect.parse_path(str(path))
    assert got["kind"] == fmt.kind and got["source"] == fmt.name.split("-")[0]


@pytest.mark.parametrize("fmt", FORMATS, ids=[f.name for f in FORMATS])
def test_a_malformed_export_is_a_problem_with_a_level_never_a_crash(fmt):
    broken = {"x": [1, {"incidents": "nope"}]} if fmt.container == JSON else "a,b,c\n1,2\n"
    got = fmt.parse(broken, Options())
    assert all(p.get("level") in ("error", "warning") for p in got["problems"])


def test_dispatch_has_no_path_that_swallows_an_import_error():
    """A registry built from imports fails loudly; detect.py must not catch ImportError."""
    tree = ast.parse((ROOT / "loaders" / "detect.py").read_text())
    caught = [ast.unparse(h.type) for h in ast.walk(tree) if isinstance(h, ast.ExceptHandler) and h.type]
    assert not any("ImportError" in c or "AttributeError" in c for c in caught)
    assert "importlib" not in (ROOT / "loaders" / "detect.py").read_text()


def test_levels_come_from_the_parser_not_the_message():
    """An unknown status is a guess (warning); a row without a key is data lost (error)."""
    jira = next(f for f in FORMATS if f.name == "jira-csv")
    got = jira.parse("Summary,Issue key,Status,Created\nA,OPS-1,Parked,\nB,,Done,\n", Options())
    levels = {p["message"].split(";")[0]: p["level"] for p in got["problems"]}
    assert levels["unknown status 'Parked'"] == "warning"
    assert levels["row has no issue key"] == "error"
    detect_text = (ROOT / "loaders" / "detect.py").read_text()
    assert "_GUESS" not in detect_text


def test_the_registry_is_a_plain_list_of_imports():
    """loaders/formats/__init__.py imports every format module by name: no importlib, no
    try/except around an import, nothing looked up by a string."""
    source = (ROOT / "loaders" / "formats" / "__init__.py").read_text()
    tree = ast.parse(source)
    assert "importlib" not in source and "__import__" not in source
    assert not any(isinstance(n, ast.Try) for n in ast.walk(tree))
    assert [f.parse for f in FORMATS] and all(callable(f.sniff) and callable(f.parse) for f in FORMATS)


def test_a_format_that_fails_to_import_stops_the_import_of_detect():
    """A broken format module is an ImportError at start-up, never a format silently
    skipped at dispatch (what the old string table did)."""
    code = ("import sys\n"
            "class Broken:\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name == 'loaders.formats.linear':\n"
            "            raise ImportError('linear format is broken')\n"
            "sys.meta_path.insert(0, Broken())\n"
            "import loaders.detect\n")
    got = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=120, check=False)
    assert got.returncode != 0 and "linear format is broken" in got.stderr


# Every message an export parse records today, with the level it is recorded at (the
# levels ingest's exit code has always followed: data lost is an error, a guess a warning).
LEVELS = [
    ("jira-csv", "Summary,Issue key,Created\nA,OPS-1,\n", "no status column", "warning"),
    ("jira-csv", "Summary,Issue key,Status\nA,OPS-1,Parked\n", "unknown status 'Parked'", "warning"),
    ("jira-csv", "Summary,Issue key,Status\nA,OPS-1,\n", "missing status", "warning"),
    ("jira-csv", "Summary,Issue key,Status\nA,OPS-1,Parked\nB,OPS-2,Parked\n",
     "unknown status 'Parked' (2 rows; first on this line)", "warning"),
    ("jira-csv", "Summary,Issue key,Status\nA,,Done\n", "row has no issue key; skipped", "error"),
    ("jira-csv", "Summary,Issue key,Status\nA,OPS-1,Done\nB,OPS-1,Done\n",
     "duplicate issue key OPS-1; row skipped", "error"),
    ("jira-csv", "Summary,Issue key,Status\nA,OPS-1\n", "row has 2 cells, the header 3; row skipped", "error"),
    ("jira-csv", "Summary,Issue key,Status,Created\nA,OPS-1,Done,someday\n",
     "OPS-1: created: unreadable date 'someday'", "error"),
    ("jira-csv", "Summary,Issue key,Status,Created\nA,OPS-1,Done,1/1/1900 10:00\n",
     "OPS-1: created: implausible date '1/1/1900 10:00'", "error"),
    ("linear-csv", "Title,Status,Team,Created\nA,Done,Eng,\n", "no ID column", "error"),
    ("pagerduty-csv", "incident_number,title,urgency,status,created_on\n7,API down,high,resolved,later\n",
     "incident 7: created: unreadable date 'later'", "error"),
]


@pytest.mark.parametrize("name, text, message, level", LEVELS, ids=[m for _, _, m, _ in LEVELS])
def test_each_message_has_its_level(name, text, message, level):
    fmt = next(f for f in FORMATS if f.name == name)
    got = {p["message"]: p["level"] for p in fmt.parse(text, Options())["problems"]}
    assert got.get(message) == level, got


def test_files_detect_rejects_carry_their_level_too():
    assert detect.parse_bytes(b"\x00\x01binary", "x.bin")["problems"][0]["level"] == "error"
    assert detect.parse_bytes(b"a,b,c\n1,2,3\n4,5,6\n", "x.csv")["problems"][0]["level"] == "error"
    latin = detect.parse_bytes("Summary,Issue key,Status\nCaf\u00e9,OPS-1,Done\n".encode("latin-1"), "x.csv")
    assert latin["problems"][0]["level"] == "warning" and latin["tickets"]
