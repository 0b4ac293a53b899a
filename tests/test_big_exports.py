"""Big exports a chunk at a time (loaders/chunks.py): read in chunks, an export gives
exactly what one parse of the whole file gives (the same records, the same problems on
the same lines), and ingest loads it the same way, in flat memory."""
import hashlib
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from loaders import chunks
from loaders.config import load_config
from loaders.detect import parse_path
from loaders.options import Options
from loaders.workers import iter_export
from loaders.ingest import ingest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
EXPORTS = [SAMPLE / "trackers" / "jira-export.csv", SAMPLE / "trackers" / "github-issues.json",
           SAMPLE / "incidents" / "pagerduty-incidents.json"]

JIRA = ("Summary,Issue key,Issue id,Issue Type,Status,Resolution,Assignee,Created,Resolved,Status Category\n"
        "First,OPS-1,10001,Task,Done,Done,ann,01/Sep/25 9:00 AM,02/Sep/25 9:00 AM,Done\n"
        '"Second, with\na line break",OPS-2,10002,Task,To Do,,bob,01/Sep/25 9:00 AM,,To Do\n'
        "Third,OPS-3,10003,Task,Done,Done\n"
        "Fourth,OPS-1,10004,Task,Done,Done,ann,01/Sep/25 9:00 AM,02/Sep/25 9:00 AM,Done\n"
        "Fifth,OPS-5,10005,Task,In Progress,,cy,01/Sep/25 9:00 AM,,In Progress\n"
        '"Sixth ""quoted""\nover\nthree lines",OPS-6,10006,Task,Done,Done,dee,01/Sep/25 9:00 AM,03/Sep/25 9:00 AM,Done\n'
        "Seventh,OPS-7,10007,Task,Done,Done,eve,01/Sep/25 9:00 AM,03/Sep/25 9:00 AM,Done\n"
        "Eighth,OPS-2,10008,Task,Done,Done,eve,01/Sep/25 9:00 AM,03/Sep/25 9:00 AM,Done\n")


def pd_incident(n: int, **extra) -> dict:
    return {"id": f"P{n:06d}", "type": "incident", "incident_number": n, "title": f"Incident {n}",
            "status": "resolved", "urgency": "high", "service": {"summary": f"svc-{n % 7}"},
            "created_at": f"2025-01-{1 + n % 28:02d}T{n % 24:02d}:00:00Z",
            "resolved_at": f"2025-01-{1 + n % 28:02d}T{n % 24:02d}:30:00Z", **extra}


def in_chunks(path, size) -> tuple[list, list, list[dict]]:
    parts = list(chunks.Reader(str(path), chunk=size).parts())
    items = [x for p in parts for x in p.get("tickets", []) + p.get("incidents", [])]
    problems = [pr for p in parts for pr in p["problems"]]
    return parts, items, problems


def whole(path) -> tuple[list, list[dict]]:
    got = parse_path(str(path))
    return got.get("tickets", []) + got.get("incidents", []), got["problems"]


@pytest.mark.parametrize("path", EXPORTS, ids=[p.name for p in EXPORTS])
@pytest.mark.parametrize("size", [1, 7, 100_000])
def test_the_bundled_exports_read_in_chunks_as_they_read_whole(path, size):
    parts, items, problems = in_chunks(path, size)
    want, want_problems = whole(path)
    assert items == want and problems == want_problems
    assert {p["kind"] for p in parts} == {parse_path(str(path))["kind"]}


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_csv_records_with_line_breaks_wrong_widths_and_duplicates_across_chunks(tmp_path, size):
    path = tmp_path / "jira.csv"
    path.write_text(JIRA, encoding="utf-8")
    _, items, problems = in_chunks(path, size)
    want, want_problems = whole(path)
    assert [t["key"] for t in items] == [t["key"] for t in want] == ["OPS-1", "OPS-2", "OPS-5", "OPS-6", "OPS-7"]
    assert items == want
    assert sorted((p["line"], p["message"]) for p in problems) == sorted((p["line"], p["message"]) for p in want_problems)
    assert {p["line"] for p in problems} == {5, 6, 12}      # the file's own lines, past multi-line cells


def test_a_stray_quote_does_not_pull_the_rest_of_a_csv_into_one_record(tmp_path, monkeypatch):
    monkeypatch.setattr(chunks, "MAX_VALUE", 400)
    path = tmp_path / "jira.csv"
    rows = JIRA.splitlines(keepends=True)
    path.write_text(rows[0] + 'Broken "quote,OPS-90,10090,Task,Done,Done,ann,,,Done\n'
                    + "".join(f"Row {n},OPS-{n},{20000 + n},Task,Done,Done,ann,,,Done\n" for n in range(100, 160)),
                    encoding="utf-8")
    parts, items, problems = in_chunks(path, 5)
    want, want_problems = whole(path)
    assert len(parts) > 2                              # read on in chunks after the odd quote
    assert items == want and len(items) == 61 and problems == want_problems


def test_json_lines_read_in_chunks_with_a_broken_line_on_its_own_line(tmp_path):
    path = tmp_path / "pd.jsonl"
    lines = [json.dumps(pd_incident(n)) for n in range(1, 26)]
    lines[11] = '{"id": "P000012", "title": broken'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    _, items, problems = in_chunks(path, 4)
    want, want_problems = whole(path)
    assert len(items) == 24 and items == want
    assert [p["line"] for p in problems] == [p["line"] for p in want_problems] == [12]


def test_a_broken_value_in_a_big_document_keeps_what_came_before(tmp_path):
    path = tmp_path / "pd.json"
    good = ",\n".join(json.dumps(pd_incident(n)) for n in range(1, 11))
    path.write_text('{"incidents": [\n' + good + ',\n{"id": "P11", "title": \n]}', encoding="utf-8")
    _, items, problems = in_chunks(path, 3)
    assert len(items) == 10
    assert any("broken JSON" in p["message"] for p in problems)


def test_an_api_page_with_keys_after_its_array(tmp_path):
    path = tmp_path / "pd.json"
    doc = {"limit": 25, "incidents": [pd_incident(n) for n in range(1, 9)], "offset": 0, "more": False}
    path.write_text(json.dumps(doc), encoding="utf-8")
    _, items, problems = in_chunks(path, 3)
    assert items == whole(path)[0] and len(items) == 8 and not problems


def gh_node(n: int) -> dict:
    return {"number": n, "title": f"Fix {n}", "state": "CLOSED", "url": f"https://github.com/acme/ops/issues/{n}",
            "createdAt": "2025-01-02T03:04:05Z", "closedAt": "2025-01-03T03:04:05Z",
            "labels": {"nodes": [{"name": "postmortem"}]}, "assignees": {"nodes": [{"login": "ann"}]}}


@pytest.fixture
def small_reads(monkeypatch):
    """Blocks of 50 bytes and "small" values under 300 characters: a file of a few KB
    read as a big export is (the whole file is not in the first block)."""
    monkeypatch.setattr(chunks, "_READ", 50)
    monkeypatch.setattr(chunks, "SMALL_VALUE", 300)


@pytest.mark.parametrize("size", [1, 2, 100])
def test_a_graphql_export_streams_the_array_nested_below_the_top(tmp_path, small_reads, size):
    """The issues sit in data.repository.issues.nodes, after an object and a list of
    plain values: read in chunks, every issue loads, as read whole (it loaded none)."""
    path = tmp_path / "gh.json"
    doc = {"data": {"repository": {"name": "ops", "topics": ["sre", "ops"],
                                   "issues": {"totalCount": 9, "pageInfo": {"hasNextPage": False, "endCursor": "x"},
                                              "nodes": [gh_node(n) for n in range(1, 10)]}}},
           "extensions": {"cost": 1}}
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")
    parts, items, problems = in_chunks(path, size)
    want, want_problems = whole(path)
    assert len(want) == 9
    assert items == want and problems == want_problems
    assert {p["kind"] for p in parts} == {"tracker_export"} and len(parts) == -(-9 // size)


def test_an_object_holding_no_array_of_objects_reads_as_it_does_whole(tmp_path):
    for doc in ({"incidents": [], "limit": 25, "offset": 0, "more": False, "total": None},
                {"meta": {"tags": ["a"]}, "incidents": []}, {"a": 1}, {}):
        path = tmp_path / "page.json"
        path.write_text(json.dumps(doc), encoding="utf-8")
        parts, _, problems = in_chunks(path, 3)
        got = parse_path(str(path))
        assert [p["kind"] for p in parts] == [got["kind"]], doc
        assert problems == got["problems"], doc


def test_a_list_of_plain_values_before_the_incidents_is_passed_over(tmp_path):
    path = tmp_path / "pd.json"
    doc = {"tags": ["a", "b"], "incidents": [pd_incident(n) for n in range(1, 6)], "more": False}
    path.write_text(json.dumps(doc), encoding="utf-8")
    _, items, problems = in_chunks(path, 2)
    assert items == whole(path)[0] and len(items) == 5 and not problems


def test_the_hash_is_the_whole_files(tmp_path):
    for path in EXPORTS:
        r = chunks.Reader(str(path), chunk=5)
        list(r.parts())
        assert r.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_an_export_gone_before_it_is_read_is_a_problem_not_a_failed_load(tmp_path):
    parts = list(chunks.Reader(str(tmp_path / "gone.csv")).parts())
    assert [p["kind"] for p in parts] == ["unknown"]
    assert "cannot read file" in parts[0]["problems"][0]["message"]


def test_only_big_exports_are_streamed():
    assert chunks.streamed("a/pd.jsonl", chunks.STREAM_BYTES + 1)
    assert not chunks.streamed("a/pd.jsonl", chunks.STREAM_BYTES)
    assert not chunks.streamed("a/huge.md", chunks.STREAM_BYTES * 10)


def _counts(db):
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute("SELECT (SELECT count(*) FROM raw_tickets), (SELECT count(DISTINCT seq) FROM raw_tickets), "
                           "(SELECT count(*) FROM raw_incidents), (SELECT count(*) FROM int_incident_matches), "
                           "(SELECT list(sha256 ORDER BY path) FROM files WHERE kind <> 'postmortem')").fetchall()[0]
    finally:
        con.close()


def test_ingest_streams_big_exports_into_the_same_tables(tmp_path, monkeypatch):
    cfg = load_config(str(SAMPLE / "hindsight.yaml"))
    ingest(cfg, db=tmp_path / "whole.duckdb")
    monkeypatch.setattr(chunks, "STREAM_BYTES", 1000)     # every export of the sample is "big"
    monkeypatch.setattr(chunks, "CHUNK_RECORDS", 13)
    s = ingest(cfg, db=tmp_path / "chunked.duckdb")
    assert _counts(tmp_path / "chunked.duckdb") == _counts(tmp_path / "whole.duckdb")
    assert s.kinds["tracker_export"] == 2 and s.kinds["incident_export"] == 1


MEMORY = """
import json, os, resource, sys
sys.path.insert(0, sys.argv[3])
from loaders.config import Config
from loaders.ingest import ingest
ingest(Config(), [sys.argv[1]], sys.argv[2])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def _peak_mb(tmp_path, rows: int) -> int:
    path = tmp_path / f"pd-{rows}.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for n in range(1, rows + 1):
            f.write(json.dumps(pd_incident(n, description="x" * 200)) + "\n")
    out = subprocess.run([sys.executable, "-c", MEMORY, str(path), str(tmp_path / f"h-{rows}.duckdb"), str(ROOT)],
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    worker = [m for m in iter_export(str(path), Options()) if m[0] == "end"][0][2]
    return int(out.stdout.split()[0]), worker


def test_a_big_export_ingests_in_flat_memory(tmp_path):
    """Not a timing: four times the rows, about the same peak memory, in the ingest process
    and in the worker process that parses the export (loaders.workers.iter_export). The
    ingest's DuckDB share grows towards its caps (160 MB while the marts are built) at
    these sizes: within 30%; the parse itself within 20%."""
    small, large = _peak_mb(tmp_path, 40_000), _peak_mb(tmp_path, 160_000)
    assert large[0] < small[0] * 1.3, f"ingest's peak RSS {small[0]} MB at 40,000 rows, {large[0]} MB at 160,000"
    assert large[1] < small[1] * 1.2, f"worker's peak RSS {small[1]} MB at 40,000 rows, {large[1]} MB at 160,000"


def test_seen_finds_a_key_again_in_the_same_chunk_and_in_later_ones():
    seen = chunks.Seen()
    assert seen.check(["A-1", "A-2", "A-1"]) == [False, False, True]
    assert seen.check(["A-3", "A-2"]) == [False, True]


def test_seen_tells_a_number_from_the_same_digits_as_text():
    seen = chunks.Seen()
    assert seen.check([1, "1", None, None]) == [False, False, False, True]


def test_seen_keeps_every_key_as_its_runs_merge():
    seen = chunks.Seen()
    for lo in range(0, 5000, 100):   # fifty chunks: runs merge many times over
        assert not any(seen.check([f"K-{n}" for n in range(lo, lo + 100)]))
    assert all(seen.check([f"K-{n}" for n in range(0, 5000, 7)]))
    assert len(seen.runs) <= 13 and sum(map(len, seen.runs)) == 5000


def _json_export(tmp_path, name: str, doc) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("size", [1, 2, 3, 100])
def test_a_repeated_incident_id_is_the_same_problem_read_whole_or_in_chunks(tmp_path, size):
    """A JSON export's repeated id is skipped with a problem either way (read whole, it
    was skipped silently while chunks reported it)."""
    incidents = [pd_incident(1), pd_incident(2), pd_incident(1, title="again"), pd_incident(3)]
    path = _json_export(tmp_path, "pd.json", {"incidents": incidents})
    _, items, problems = in_chunks(path, size)
    want, want_problems = whole(path)
    assert [i["id"] for i in items] == [i["id"] for i in want] and len(want) == 3
    assert [i["title"] for i in want] == ["Incident 1", "Incident 2", "Incident 3"]   # the first kept
    assert [p["message"] for p in problems] == [p["message"] for p in want_problems] \
        == [f"duplicate incident id {want[0]['id']}; row skipped"]


@pytest.mark.parametrize("size", [1, 2, 100])
def test_a_repeated_jira_key_is_the_same_problem_read_whole_or_in_chunks(tmp_path, size):
    issue = lambda key, summary: {"key": key, "fields": {"summary": summary, "status": {"name": "Done"}}}  # noqa: E731
    path = _json_export(tmp_path, "jira.json", {"issues": [issue("OPS-1", "a"), issue("OPS-2", "b"),
                                                           issue("OPS-1", "again")]})
    _, items, problems = in_chunks(path, size)
    want, want_problems = whole(path)
    assert [t["key"] for t in items] == [t["key"] for t in want] == ["OPS-1", "OPS-2"]
    assert [p["message"] for p in problems] == [p["message"] for p in want_problems] \
        == ["duplicate issue key OPS-1; row skipped"]


def test_an_array_of_objects_inside_a_small_object_before_the_incidents_is_passed_over(tmp_path):
    path = tmp_path / "pd.json"
    doc = {"meta": {"services": [{"id": "S1", "name": "api"}]}, "incidents": [pd_incident(n) for n in range(1, 6)]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    _, items, problems = in_chunks(path, 2)
    assert items == whole(path)[0] and len(items) == 5 and not problems


def test_a_document_without_a_big_array_is_read_whole(tmp_path, small_reads):
    path = tmp_path / "pd.json"
    doc = {"incidents": [pd_incident(1)], "limit": 25, "more": False}     # the array ends within 300
    path.write_text(json.dumps(doc), encoding="utf-8")
    parts, items, problems = in_chunks(path, 2)
    assert len(parts) == 1 and items == whole(path)[0] and len(items) == 1 and problems == whole(path)[1]


def test_a_big_document_cut_off_before_its_array_is_a_problem(tmp_path):
    path = tmp_path / "gh.json"
    path.write_text('{"data": {"repository": {"name": "ops", "issues": {"nodes', encoding="utf-8")
    parts, items, problems = in_chunks(path, 3)
    assert not items and any("broken JSON" in p["message"] for p in problems)


def _doc_file(tmp_path, doc, name="export.json") -> Path:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


def test_a_graphql_errors_list_before_the_data_is_passed_over(tmp_path, small_reads):
    """GraphQL servers put "errors" first: a small list of objects, not the big array."""
    path = _doc_file(tmp_path, {"errors": [{"type": "RATE_LIMITED", "message": "slow down"}],
                                "data": {"repository": {"issues": {"nodes": [gh_node(n) for n in range(1, 10)]}}}})
    parts, items, problems = in_chunks(path, 2)
    assert len(parts) > 1 and len(items) == 9
    assert items == whole(path)[0] and problems == whole(path)[1]


def test_a_big_object_before_the_incidents_is_read_into_and_passed_over(tmp_path, small_reads):
    """An object too big to read whole, holding a small list of objects, comes first: the
    incidents after it are the big array (it hid them)."""
    path = _doc_file(tmp_path, {"meta": {"note": "x" * 1000, "services": [{"id": "S1"}]},
                                "incidents": [pd_incident(n) for n in range(1, 8)]})
    parts, items, problems = in_chunks(path, 2)
    assert len(parts) > 1 and len(items) == 7 and items == whole(path)[0] and not problems


def test_a_big_array_streams_whatever_its_first_element(tmp_path, small_reads):
    path = _doc_file(tmp_path, '{"incidents": [null, ' + ", ".join(json.dumps(pd_incident(n)) for n in range(1, 8)) + "]}")
    parts, items, _ = in_chunks(path, 2)
    assert len(parts) > 1 and len(items) == 7


@pytest.mark.parametrize("cut", ['{"incidents": [{i},\n{i},\n', '{"data": {"repository": {"issues": {"nodes": [{g}]}}},'
                                 ' "extensions": {"co', '{"incidents": [{i}, {i}]} trailing', '{"incidents": [{i}, {i}], "x": 1'])
def test_a_document_cut_short_or_broken_after_its_array_is_a_problem(tmp_path, small_reads, cut):
    """A download cut off between elements, or after the array, reads what it holds and
    says the file is broken (it loaded as if complete)."""
    text = cut.replace("{i}", json.dumps(pd_incident(1)), 1).replace("{i}", json.dumps(pd_incident(2))).replace("{g}", ", ".join(json.dumps(gh_node(n)) for n in (1, 2)))
    path = _doc_file(tmp_path, text)
    _, items, problems = in_chunks(path, 1)
    assert items and any(p["message"].startswith("broken JSON") for p in problems)


def test_a_document_nested_too_deeply_is_a_problem_not_an_error(tmp_path):
    path = _doc_file(tmp_path, '{"a": ' * 100_000 + "1" + "}" * 100_000)
    parts = list(chunks.Reader(str(path), chunk=2).parts())
    assert any("broken JSON" in p["message"] or "nested" in p["message"] for part in parts for p in part["problems"])


def test_json_lines_ending_in_blank_lines_after_a_full_chunk_add_no_empty_chunk(tmp_path):
    path = _doc_file(tmp_path, "".join(json.dumps(pd_incident(n)) + "\n" for n in range(1, 5)) + "\n\n", "pd.jsonl")
    parts, items, problems = in_chunks(path, 2)
    assert len(items) == 4 and not problems and {p["kind"] for p in parts} == {"incident_export"}


def test_one_object_then_blank_lines_is_a_document_not_json_lines(tmp_path):
    path = _doc_file(tmp_path, "\ufeff\n" + json.dumps({"incidents": [pd_incident(n) for n in range(1, 4)]}) + "\n\n")
    parts, items, problems = in_chunks(path, 2)
    assert items == whole(path)[0] and problems == whole(path)[1] == []


def test_a_small_array_of_records_before_a_bigger_array_is_the_documents(tmp_path, monkeypatch):
    """The incidents (small) come before their log entries (big): the incidents load, as
    a whole parse reads them (the bigger array was taken, and nothing loaded)."""
    monkeypatch.setattr(chunks, "_READ", 256)
    monkeypatch.setattr(chunks, "SMALL_VALUE", 1000)
    path = _doc_file(tmp_path, {"incidents": [pd_incident(1), pd_incident(2)],
                                "log_entries": [{"id": f"L{n}", "type": "log_entry", "summary": "x" * 40}
                                                for n in range(40)]})
    _, items, problems = in_chunks(path, 2)
    assert len(items) == 2 and items == whole(path)[0] and problems == whole(path)[1]


def test_json_lines_with_a_blank_then_a_broken_line_read_as_json_lines(tmp_path):
    lines = [json.dumps(pd_incident(1)), "", '{"id": "P000002", "title": broken',
             *(json.dumps(pd_incident(n)) for n in range(3, 9))]
    path = _doc_file(tmp_path, "\n".join(lines) + "\n", "pd.jsonl")
    _, items, problems = in_chunks(path, 3)
    want, want_problems = whole(path)
    assert len(items) == 7 and items == want and problems == want_problems


@pytest.mark.parametrize("tail", [" ,}", ' "more": false}', ',, "more": false}', ", 5: 1}", "]"])
def test_broken_json_after_the_array_is_a_problem(tmp_path, small_reads, tail):
    body = ", ".join(json.dumps(pd_incident(n)) for n in range(1, 4))
    path = _doc_file(tmp_path, '{"incidents": [' + body + "]" + tail)
    _, items, problems = in_chunks(path, 2)
    assert len(items) == 3 and any(p["message"].startswith("broken JSON") for p in problems)


@pytest.mark.parametrize("array", ["[{i},, {i}]", "[{i} {i}]", "[, {i}]", "[{i},]"])
def test_broken_json_inside_the_array_is_a_problem(tmp_path, small_reads, array):
    text = '{"incidents": ' + array.replace("{i}", json.dumps(pd_incident(1)), 1).replace(
        "{i}", json.dumps(pd_incident(2))) + "}"
    _, _, problems = in_chunks(_doc_file(tmp_path, text), 5)
    assert any(p["message"].startswith("broken JSON") for p in problems)


def test_a_file_cut_after_a_full_last_chunk_adds_only_the_problem(tmp_path, small_reads):
    body = ", ".join(json.dumps(pd_incident(n)) for n in range(1, 5))
    path = _doc_file(tmp_path, '{"incidents": [' + body + '], "more": false')      # its last "}" cut off
    parts, items, problems = in_chunks(path, 2)
    assert len(items) == 4 and {p["kind"] for p in parts} == {"incident_export"}
    assert [p["message"] for p in problems] == ["broken JSON (the file ends before its document does)"]


@pytest.mark.parametrize("head", ['{"limit": 25 "incidents": ', '{"limit" 25, "incidents": ', '{5: 1, "incidents": '])
def test_broken_json_before_the_array_is_a_problem(tmp_path, small_reads, head):
    body = ", ".join(json.dumps(pd_incident(n)) for n in range(1, 4))
    _, _, problems = in_chunks(_doc_file(tmp_path, head + "[" + body + "]}"), 2)
    assert any(p["message"].startswith("broken JSON") for p in problems)


@pytest.mark.parametrize("broken", [[0], [4], [0, 4, 8]])
def test_json_lines_whose_chunk_opens_on_a_broken_line_keep_the_chunk(tmp_path, broken):
    """A broken line first in the file, or first in a chunk, costs that line alone (it
    had made the chunk, or the whole file, one broken document)."""
    lines = [json.dumps(pd_incident(n)) for n in range(1, 13)]
    for n in broken:
        lines[n] = '{"id": "P9", "title": broken'
    path = _doc_file(tmp_path, "\n".join(lines) + "\n", "pd.jsonl")
    _, items, problems = in_chunks(path, 4)
    want, want_problems = whole(path)
    assert len(items) == 12 - len(broken) and items == want
    assert problems == want_problems and [p["line"] for p in problems] == [n + 1 for n in broken]


def test_json_lines_whose_first_record_is_longer_than_a_read(tmp_path, small_reads):
    """A first line longer than one read is still JSON lines (it read as one broken
    document, and nothing loaded)."""
    path = _doc_file(tmp_path, "".join(json.dumps(pd_incident(n)) + "\n" for n in range(1, 8)), "pd.jsonl")
    parts, items, problems = in_chunks(path, 2)
    assert len(parts) == 4 and len(items) == 7 and items == whole(path)[0] and not problems


@pytest.mark.parametrize("after", ["\n", "\n\n  \n", ""])
def test_a_document_on_one_line_longer_than_a_read_stays_a_document(tmp_path, small_reads, after):
    doc = {"incidents": [pd_incident(n) for n in range(1, 8)], "more": False}
    path = _doc_file(tmp_path, json.dumps(doc) + after)
    parts, items, problems = in_chunks(path, 2)
    assert len(parts) == 4 and items == whole(path)[0] and len(items) == 7 and not problems


def test_a_document_on_one_line_is_not_read_into_memory_to_tell_it_from_json_lines(tmp_path, monkeypatch):
    """The look for a second line keeps nothing: the head stays one read long."""
    monkeypatch.setattr(chunks, "_READ", 64)
    path = _doc_file(tmp_path, json.dumps({"incidents": [pd_incident(n) for n in range(1, 30)]}) + "\n")
    reader = chunks.Reader(str(path))
    with open(path, "rb") as f:
        head = reader._more(f)
        assert reader._to_second_line(f, head) == head


def _pretty_export(n: int) -> str:
    """A PagerDuty page written one member a line, as ``json.dumps(indent=...)`` does."""
    return json.dumps({"incidents": [pd_incident(k) for k in range(1, n + 1)], "more": False}, indent=1)


@pytest.mark.parametrize("fault, where", [("wrong", "a value"), ("missing comma", "between elements"),
                                          ("trailing", "after the array"), ("cut", "the end")])
def test_broken_json_in_a_big_document_names_its_line_in_the_file(tmp_path, small_reads, fault, where):
    """The problem names the file's line (it said "char N", counted from wherever the
    reader had last trimmed what it read, which no one could find in the file)."""
    lines = _pretty_export(9).split("\n")
    at = {"a value": next(i for i, t in enumerate(lines) if '"P000006"' in t),
          "between elements": next(i for i, t in enumerate(lines) if '"P000007"' in t) - 2,
          "after the array": len(lines) - 3, "the end": len(lines) - 1}[where]
    if fault == "wrong":
        lines[at] = lines[at].replace('"P000006"', "P000006")
    elif fault == "missing comma":
        lines[at] = lines[at].rstrip(",")
    elif fault == "trailing":
        lines[at] += ","
    else:
        lines = lines[:at + 1]
        lines[at] = ""
    path = _doc_file(tmp_path, "\n".join(lines))
    _, _, problems = in_chunks(path, 2)
    broken = [p for p in problems if p["message"].startswith("broken JSON")]
    want = at + 2 if fault == "missing comma" else at + 1   # (the "{" after the "}" is wrong)
    assert len(broken) == 1 and broken[0]["line"] == want, (broken, want)
    assert "char" not in broken[0]["message"] and "character" not in broken[0]["message"]


def test_many_tiny_elements_read_as_one_parse_reads_them(tmp_path, small_reads):
    path = _doc_file(tmp_path, {"incidents": [pd_incident(1), *([None] * 3000), pd_incident(2)]})
    parts, items, problems = in_chunks(path, 500)
    assert len(parts) == 7 and items == whole(path)[0] and len(items) == 2


def _jira_page(start: int, n: int) -> dict:
    return {"startAt": start, "maxResults": n, "issues": [
        {"key": f"OPS-{k}", "fields": {"summary": f"S {k} " + "x" * 200, "status": {"name": "Done"}}}
        for k in range(start + 1, start + n + 1)]}


def test_a_list_of_api_pages_is_read_a_few_pages_at_a_time(tmp_path, monkeypatch):
    """A script's list of Jira pages: each element a whole page. A chunk ends at CHUNK_BYTES
    of text as well as at CHUNK_RECORDS elements (the whole list was one chunk, so memory
    grew with the file)."""
    monkeypatch.setattr(chunks, "CHUNK_BYTES", 3000)
    path = _doc_file(tmp_path, [_jira_page(start, 5) for start in range(0, 100, 5)])
    parts, items, problems = in_chunks(path, 1000)
    want, want_problems = whole(path)
    assert len(parts) >= 5 and len(items) == 100 and items == want and problems == want_problems


@pytest.mark.parametrize("kind", ["csv", "jsonl"])
def test_long_records_end_a_chunk_before_its_record_count(tmp_path, monkeypatch, kind):
    monkeypatch.setattr(chunks, "CHUNK_BYTES", 2000)
    if kind == "csv":
        head, *rows = JIRA.splitlines(keepends=True)
        text = head + "".join(f"Row {n} {'y' * 300},OPS-{n},{20000 + n},Task,Done,Done,ann,,,Done\n" for n in range(1, 41))
    else:
        text = "".join(json.dumps(pd_incident(n, description="z" * 300)) + "\n" for n in range(1, 41))
    path = _doc_file(tmp_path, text, f"export.{kind}")
    parts, items, problems = in_chunks(path, 1000)
    want, want_problems = whole(path)
    assert len(parts) >= 5 and len(items) == 40 and items == want and problems == want_problems


def test_a_duplicate_row_in_a_later_chunk_is_its_duplicate_problem_alone(tmp_path):
    """A whole parse skips a repeated key before reading the row's fields; a later chunk
    also reported the skipped row's unreadable date."""
    head, *_ = JIRA.splitlines(keepends=True)
    rows = [f"Row {n},OPS-{n},{20000 + n},Task,Done,Done,ann,01/Sep/25 9:00 AM,02/Sep/25 9:00 AM,Done\n" for n in range(1, 5)]
    rows.append("Again,OPS-1,20009,Task,Done,Done,ann,01/Sep/25 9:00 AM,bad date,Done\n")
    path = _doc_file(tmp_path, head + "".join(rows), "jira.csv")
    _, items, problems = in_chunks(path, 2)
    want, want_problems = whole(path)
    assert items == want and len(items) == 4
    assert [(p["line"], p["message"]) for p in problems] == [(p["line"], p["message"]) for p in want_problems] \
        == [(6, "duplicate issue key OPS-1; row skipped")]


@pytest.mark.parametrize("odd", [None, {"expand": "renderedFields"}, "OPS-0"])
def test_a_later_chunk_opening_on_an_element_that_is_no_issue_keeps_its_issues(tmp_path, odd):
    """The format is the first chunk's: a later chunk is not sniffed again (one opening on
    an element no format knows loaded as unknown, and its issues were lost)."""
    issue = lambda k: {"key": f"OPS-{k}", "fields": {"summary": f"S {k}", "status": {"name": "Done"}}}  # noqa: E731
    path = _doc_file(tmp_path, {"issues": [issue(1), issue(2), odd, *(issue(k) for k in range(3, 9))]}, "jira.json")
    parts, items, problems = in_chunks(path, 2)
    want, want_problems = whole(path)
    assert len(items) == 8 and items == want and problems == want_problems
    assert {p["kind"] for p in parts} == {"tracker_export"}


def test_bytes_that_are_not_utf8_in_a_big_document_are_a_warning_on_their_line(tmp_path, small_reads):
    """As a whole parse warns (it read them silently as U+FFFD)."""
    text = _pretty_export(6).replace('"Incident 4"', '"Incident \\u00e9 4"').encode()
    at = text.index(b"\\u00e9")
    path = tmp_path / "pd.json"
    path.write_bytes(text[:at] + b"\xe9" + text[at + 6:])
    _, items, problems = in_chunks(path, 2)
    want, want_problems = whole(path)
    assert len(items) == 6 and items == want and [i["title"] for i in items][3] == "Incident \u00e9 4"
    assert problems == want_problems
    assert [(p["line"], p["level"], p["message"][:10]) for p in problems] \
        == [(text[:at].count(b"\n") + 1, "warning", "not UTF-8 ")]


@pytest.mark.parametrize("size", [1, 2, 3, 5])
def test_a_windows_1252_csv_reads_in_chunks_as_it_reads_whole(tmp_path, size):
    """Once one chunk is not UTF-8, the rest of the file is read as that chunk was (each
    chunk read on its own gave a warning a chunk), as one parse reads the whole file."""
    head, *_ = JIRA.splitlines(keepends=True)
    rows = [f"Row {n},OPS-{n},{20000 + n},Task,Done,Done,{'Zoë' if n in (3, 7) else 'ann'},"
            f"01/Sep/25 9:00 AM,02/Sep/25 9:00 AM,Done\n" for n in range(1, 9)]
    path = tmp_path / "jira.csv"
    path.write_bytes((head + "".join(rows)).encode("cp1252"))
    _, items, problems = in_chunks(path, size)
    want, want_problems = whole(path)
    assert items == want and [t["assignee"] for t in items].count("Zoë") == 2
    assert problems == want_problems and [(p["line"], p["level"]) for p in problems] == [(4, "warning")]


def _utf16_exports():
    lines = "".join(json.dumps(pd_incident(n), ensure_ascii=False) + "\n" for n in range(1, 8))
    return {"jira.csv": JIRA.replace("First", "Première"), "pd.jsonl": lines.replace("Incident 3", "Incident é"),
            "pd.json": _pretty_export(7).replace("Incident 5", "Incident ü")}


@pytest.mark.parametrize("name", ["jira.csv", "pd.jsonl", "pd.json"])
@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
def test_a_utf16_export_reads_in_chunks_as_it_reads_whole(tmp_path, small_reads, name, codec):
    """Excel's "Unicode text" and Windows PowerShell write UTF-16 with a byte-order mark:
    read in chunks, such a file loaded nothing."""
    path = tmp_path / name
    data = _utf16_exports()[name].encode(codec)
    path.write_bytes(data if codec == "utf-16" else b"\xfe\xff" + data)
    parts, items, problems = in_chunks(path, 2)
    want, want_problems = whole(path)
    assert len(want) >= 5 and items == want and problems == want_problems
    assert len(parts) > 1 and {p["kind"] for p in parts} == {parse_path(str(path))["kind"]}
    assert chunks.Reader(str(path)).sha256 == hashlib.sha256(b"").hexdigest()   # (nothing read yet)
    reader = chunks.Reader(str(path), chunk=2)
    list(reader.parts())
    assert reader.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("size", [1, 2, 3, 4, 6])
@pytest.mark.parametrize("at", [0, 3, 5])
def test_json_lines_with_a_raw_line_break_in_a_string_read_in_chunks_as_whole(tmp_path, size, at):
    """The record split over lines stays in one chunk with the lines it goes on over, on
    a chunk's edge too (a chunk that opened on the second half loaded as unknown)."""
    lines = [json.dumps(pd_incident(n)) for n in range(1, 7)]
    lines[at] = lines[at].replace(f'"Incident {at + 1}"', f'"Incident\n\n{at + 1}"')
    path = _doc_file(tmp_path, "\n".join(lines) + "\n", "pd.jsonl")
    parts, items, problems = in_chunks(path, size)
    want, want_problems = whole(path)
    assert len(items) == 6 and items == want and problems == want_problems
    assert [(p["line"], p["level"]) for p in problems] == [(at + 1, "warning")]
    assert {p["kind"] for p in parts} == {"incident_export"}


def test_a_document_written_one_element_a_line_is_told_from_json_lines_at_once(tmp_path, small_reads, monkeypatch):
    """Every line opens with "{" and none is an object alone: the head read on to the file's
    end, and parsed its lines again at every read (a 100 MB export took 175 s, not 5)."""
    text = '{"incidents": [' + ",\n".join(json.dumps(pd_incident(n)) for n in range(1, 40)) + "]}"
    path = _doc_file(tmp_path, text, "pd.json")
    looks, judge = [], chunks._json_lines
    monkeypatch.setattr(chunks, "_json_lines", lambda head: looks.append(len(head)) or judge(head))
    _, items, problems = in_chunks(path, 5)
    assert len(items) == 39 and (items, problems) == whole(path)
    assert max(looks) < len(text) / 10   # told from the first lines, not the whole file


def test_a_raw_line_break_before_a_brace_stays_in_its_record_across_chunks(tmp_path):
    lines = [json.dumps(pd_incident(n)) for n in range(1, 7)]
    lines[2] = lines[2].replace('"Incident 3"', '"deploy of\n{service} failed"')
    path = _doc_file(tmp_path, "\n".join(lines) + "\n", "pd.jsonl")
    for size in (1, 2, 3):
        _, items, problems = in_chunks(path, size)
        assert len(items) == 6 and (items, problems) == whole(path)


def test_a_nul_in_a_later_chunk_of_a_text_export_is_no_binary_file(tmp_path):
    """A whole parse looks for NUL bytes in the first 8 KB; a later chunk holding one was
    "binary" and its records were lost."""
    lines = [json.dumps(pd_incident(n)) for n in range(1, 61)]
    lines[50] = lines[50].replace("Incident 51", "Incident\x00 51")
    path = _doc_file(tmp_path, "\n".join(lines) + "\n", "pd.jsonl")
    assert path.read_bytes().index(b"\x00") > 8192
    _, items, problems = in_chunks(path, 7)
    assert len(items) == 60 and (items, problems) == whole(path)


@pytest.mark.parametrize("name", ["jira.csv", "pd.jsonl", "pd.json"])
def test_a_broken_utf16_code_unit_reads_in_chunks_as_whole(tmp_path, small_reads, name):
    data = _utf16_exports()[name].encode("utf-16")
    at = data.index("Incident".encode("utf-16-le")) if name != "jira.csv" else data.index("Second".encode("utf-16-le"))
    path = tmp_path / name
    path.write_bytes(data[:at] + b"\x00\xdc" + data[at:])
    _, items, problems = in_chunks(path, 2)
    want, want_problems = whole(path)
    assert len(items) >= 5 and items == want
    assert sorted(map(str, problems)) == sorted(map(str, want_problems))
    assert any(p["message"].startswith("broken UTF-16") for p in problems)


def test_a_big_document_with_a_raw_line_break_in_a_string_reads_as_whole(tmp_path, small_reads):
    text = _pretty_export(6).replace('"Incident 4"', '"Incident\n4"')
    path = _doc_file(tmp_path, text, "pd.json")
    _, items, problems = in_chunks(path, 2)
    want, want_problems = whole(path)
    assert len(items) == 6 and items == want and problems == want_problems
    assert [(p["line"], p["level"]) for p in problems] == [(text[:text.index("Incident\n4")].count("\n") + 1, "warning")]


def test_json_lines_opening_on_a_broken_line_then_a_record_longer_than_a_read(tmp_path, small_reads):
    """Only the broken first line was whole in the first read: the file read as one broken
    document and loaded nothing (a review's 17.9 MB export of 70,000 incidents)."""
    lines = ['{"id": "P0", "title": broken', *(json.dumps(pd_incident(n)) for n in range(1, 9))]
    path = _doc_file(tmp_path, "\n".join(lines) + "\n", "pd.jsonl")
    _, items, problems = in_chunks(path, 3)
    want, want_problems = whole(path)
    assert len(items) == 8 and items == want and problems == want_problems
