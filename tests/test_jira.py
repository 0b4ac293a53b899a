"""Jira CSV (all fields, current fields, five UI languages) and REST JSON."""
import csv
import io
import json
import time
from pathlib import Path

from loaders.formats import jira

FIX = Path(__file__).parent / "fixtures" / "exports"


def parse(name):
    return jira.parse_csv((FIX / name).read_text(encoding="utf-8"))


def by_key(result):
    return {t["key"]: t for t in result["tickets"]}


def header_of(name):
    text = (FIX / name).read_text(encoding="utf-8")
    return next(csv.reader(io.StringIO(text)))


# ------------------------------------------------------------------ sniffing

def test_sniffs_every_language_fixture():
    for name in ("jira_en_all_fields.csv", "jira_current_fields.csv", "jira_es.csv",
                 "jira_fr.csv", "jira_de.csv", "jira_pt.csv"):
        assert jira.sniff_csv(header_of(name)), name


def test_does_not_sniff_linear_or_incident_csv():
    assert not jira.sniff_csv(header_of("linear_old.csv"))
    assert not jira.sniff_csv(header_of("linear_new.csv"))
    assert not jira.sniff_csv(header_of("firehydrant_incidents.csv"))
    assert not jira.sniff_csv(header_of("pagerduty_incidents.csv"))
    assert not jira.sniff_csv(["name", "email"])


def test_sniff_never_raises():
    assert jira.sniff_csv(None) is False
    assert jira.sniff_csv([None, 3]) is False


# ------------------------------------------------------------ English export

def test_all_fields_happy_path():
    r = parse("jira_en_all_fields.csv")
    assert r["kind"] == "tracker_export" and r["source"] == "jira"
    assert len(r["tickets"]) == 6
    assert r["problems"] == []


def test_all_fields_ticket_values():
    t = by_key(parse("jira_en_all_fields.csv"))["OPS-103"]
    assert t["title"] == "Alert on queue depth"
    assert t["status"] == "Done" and t["status_category"] == "done"
    assert t["assignee"] == "Lee Okafor"
    assert t["created_at"] == "2025-02-04T14:00:00Z"
    assert t["resolved_at"] == "2025-02-10T15:30:00Z"
    assert t["url"] is None


def test_missing_assignee_is_null():
    assert by_key(parse("jira_en_all_fields.csv"))["OPS-101"]["assignee"] is None


def test_due_date_is_a_day():
    assert by_key(parse("jira_en_all_fields.csv"))["OPS-101"]["due"] == "2025-02-14"


def test_every_labels_column_is_a_label():
    t = by_key(parse("jira_en_all_fields.csv"))
    assert t["OPS-101"]["labels"] == ["postmortem", "security"]
    assert t["OPS-103"]["labels"] == ["detection", "postmortem"]
    assert t["OPS-104"]["labels"] == []


def test_doubled_quotes_in_summary():
    t = by_key(parse("jira_en_all_fields.csv"))["OPS-102"]
    assert t["title"] == 'Add a "retry budget" to the payments client'


def test_multi_line_cells_keep_rows_and_lines():
    t = by_key(parse("jira_en_all_fields.csv"))
    assert t["OPS-102"]["status_category"] == "in_progress"
    assert t["OPS-102"]["line"] == 3
    assert t["OPS-103"]["line"] == 6


def test_wont_do_status_and_duplicate_resolution():
    t = by_key(parse("jira_en_all_fields.csv"))
    assert t["OPS-104"]["status_category"] == "wont_do"
    assert t["OPS-105"]["status_category"] == "wont_do"
    assert t["OPS-105"]["resolution"] == "Duplicate"


def test_status_category_column_is_authoritative():
    t = by_key(parse("jira_en_all_fields.csv"))["OPS-106"]
    assert t["status"] == "Blocked by vendor" and t["status_category"] == "in_progress"


def test_current_fields_export():
    r = parse("jira_current_fields.csv")
    t = by_key(r)
    assert set(t) == {"WEB-7", "WEB-8", "WEB-9", "WEB-10"}
    assert t["WEB-7"]["status_category"] == "todo"
    assert t["WEB-7"]["labels"] == ["ui", "flaky"]
    assert t["WEB-8"]["created_at"] == "2024-11-03T10:00:00Z"
    assert t["WEB-8"]["due"] == "2024-11-30"
    assert t["WEB-9"]["status_category"] == "wont_do"


def test_unknown_status_is_todo_with_a_problem_on_its_line():
    r = parse("jira_current_fields.csv")
    assert by_key(r)["WEB-10"]["status_category"] == "todo"
    assert {"line": 5, "message": "unknown status 'Parked'", "level": "warning"} in r["problems"]


def test_repeated_unknown_status_is_reported_once_with_a_count():
    text = ("Issue key,Summary,Status\n"
            "A-1,one,Parked\nA-2,two,Parked\nA-3,three,Done\n")
    r = jira.parse_csv(text)
    assert [p["line"] for p in r["problems"]] == [2]
    assert "2 rows" in r["problems"][0]["message"]


# ------------------------------------------------------------ localized

def test_spanish_export():
    t = by_key(parse("jira_es.csv"))
    assert [t[k]["status_category"] for k in ("SRE-1", "SRE-2", "SRE-3", "SRE-4")] == [
        "todo", "in_progress", "done", "wont_do"]
    assert t["SRE-2"]["created_at"] == "2025-11-10T16:51:00Z"
    assert t["SRE-1"]["due"] == "2025-12-15"
    assert t["SRE-2"]["labels"] == ["automatizacion", "postmortem"]
    assert t["SRE-3"]["assignee"] == "Luis Pardo"
    assert t["SRE-4"]["resolved_at"] == "2025-09-13T11:00:00Z"


def test_french_export():
    r = parse("jira_fr.csv")
    t = by_key(r)
    assert r["problems"] == []
    assert t["INF-10"]["created_at"] == "2016-10-10T11:54:00Z"
    assert t["INF-10"]["due"] == "2016-12-01"
    assert t["INF-11"]["created_at"] == "2015-08-06T12:00:00Z"
    assert t["INF-12"]["resolved_at"] == "2016-02-14T09:45:00Z"
    assert [t[k]["status_category"] for k in ("INF-10", "INF-11", "INF-12", "INF-13")] == [
        "todo", "in_progress", "done", "wont_do"]
    assert t["INF-12"]["title"] == "Rédiger le postmortem"


def test_german_export():
    r = parse("jira_de.csv")
    t = by_key(r)
    assert r["problems"] == []
    assert t["PLT-5"]["created_at"] == "2024-03-05T13:02:00Z"
    assert t["PLT-5"]["due"] == "2024-12-03"
    assert t["PLT-6"]["created_at"] == "2024-10-14T09:30:00Z"
    assert t["PLT-7"]["resolved_at"] == "2024-05-06T16:00:00Z"
    assert t["PLT-8"]["status_category"] == "wont_do"
    assert t["PLT-6"]["assignee"] == "Jonas Vogel"


def test_portuguese_export():
    r = parse("jira_pt.csv")
    t = by_key(r)
    assert r["problems"] == []
    assert t["DAT-20"]["created_at"] == "2021-10-10T15:00:00Z"
    assert t["DAT-20"]["due"] == "2022-05-28"
    assert t["DAT-21"]["created_at"] == "2022-02-02T10:10:00Z"
    assert [t[k]["status_category"] for k in ("DAT-20", "DAT-21", "DAT-22", "DAT-23")] == [
        "todo", "in_progress", "done", "wont_do"]
    assert t["DAT-22"]["labels"] == ["postmortem"]


def test_work_item_key_header():
    text = "Work item key,Summary,Status\nX-1,new name for issues,To Do\n"
    assert jira.sniff_csv(["Work item key", "Summary", "Status"])
    assert jira.parse_csv(text)["tickets"][0]["key"] == "X-1"


def test_semicolon_delimited_export():
    text = "Issue key;Summary;Status;Created\nS-1;semi;Done;01/Jan/25 1:00 PM\n"
    assert jira.sniff_csv(["Issue key;Summary;Status;Created"])
    t = jira.parse_csv(text)["tickets"][0]
    assert t["status_category"] == "done" and t["created_at"] == "2025-01-01T13:00:00Z"


def test_byte_order_mark_and_crlf():
    text = "\ufeffIssue key,Summary,Status\r\nB-1,bom,Done\r\nB-2,crlf,Open\r\n"
    r = jira.parse_csv(text)
    assert [t["key"] for t in r["tickets"]] == ["B-1", "B-2"]
    assert r["tickets"][1]["line"] == 3


# ------------------------------------------------------------ broken input

BROKEN = (
    "Issue key,Summary,Status,Created,Resolved\n"      # 1
    "K-1,fine,To Do,01/Jan/25 9:00 AM,\n"              # 2
    'K-2,"a summary over\ntwo lines",Done,01/Jan/25 9:00 AM,02/Jan/25 9:00 AM\n'  # 3-4
    "K-3,too,many,cells,here,and more\n"               # 5
    "K-4,bad date,To Do,someday,\n"                    # 6
    "K-5,absurd,Done,01/Jan/25 9:00 AM,1900-01-01 10:00\n"  # 7
    "K-6,far future,To Do,9999-12-31,\n"               # 8
    "K-7,short row\n"                                  # 9
    "K-8,last,In Progress,03/Jan/25 9:00 AM,\n"        # 10
)


def test_broken_rows_name_their_lines_and_the_rest_load():
    r = jira.parse_csv(BROKEN)
    keys = [t["key"] for t in r["tickets"]]
    assert keys == ["K-1", "K-2", "K-4", "K-5", "K-6", "K-8"]
    lines = sorted(p["line"] for p in r["problems"])
    assert lines == [5, 6, 7, 8, 9]


def test_bad_date_leaves_field_null():
    t = by_key(jira.parse_csv(BROKEN))
    assert t["K-4"]["created_at"] is None
    assert t["K-5"]["resolved_at"] is None and t["K-5"]["status_category"] == "done"
    assert t["K-6"]["created_at"] is None


def test_bad_date_problem_says_what():
    r = jira.parse_csv(BROKEN)
    msg = next(p["message"] for p in r["problems"] if p["line"] == 6)
    assert "K-4" in msg and "someday" in msg


def test_missing_key_column_is_a_problem_not_a_crash():
    r = jira.parse_csv("Summary,Status\nno key here,Done\n")
    assert r["tickets"] == [] and r["problems"]
    assert "key" in r["problems"][0]["message"]


def test_key_column_found_by_its_values_when_the_name_is_unknown():
    text = "Sommario,Codice,Stato\nuno,ABC-1,Done\ndue,ABC-2,To Do\n"
    assert [t["key"] for t in jira.parse_csv(text)["tickets"]] == ["ABC-1", "ABC-2"]


def test_row_without_key_is_skipped_with_problem():
    r = jira.parse_csv("Issue key,Summary,Status\n,orphan,Done\nQ-1,ok,Done\n")
    assert [t["key"] for t in r["tickets"]] == ["Q-1"]
    assert r["problems"][0]["line"] == 2


def test_duplicate_key_is_skipped_with_problem():
    r = jira.parse_csv("Issue key,Summary,Status\nQ-1,a,Done\nQ-1,b,Done\n")
    assert len(r["tickets"]) == 1 and r["problems"][0]["line"] == 3


def test_garbage_does_not_raise():
    for text in ("", "\x00\x00", '"unterminated,\n', "Issue key\n", "a,b\n1\n"):
        r = jira.parse_csv(text)
        assert r["kind"] == "tracker_export" and isinstance(r["problems"], list)


def test_non_text_input_does_not_raise():
    r = jira.parse_csv(None)
    assert r["tickets"] == [] and r["problems"]


def test_overrides_map_custom_statuses():
    r = jira.parse_csv("Issue key,Summary,Status\nO-1,x,Parked\n",
                       overrides={"Parked": "wont_do"})
    assert r["tickets"][0]["status_category"] == "wont_do" and r["problems"] == []


def test_fifty_thousand_rows_parse_in_seconds():
    head = ("Summary,Issue key,Status,Created,Resolved,Due date,Labels,Labels,"
            "Assignee,Status Category\n")
    row = ('"Task {i}, with comma",P-{i},Done,{d:02d}/Sep/25 9:{m:02d} AM,'
           '{d:02d}/Oct/25 1:{m:02d} PM,,a,b,Someone,Done\n')
    text = head + "".join(row.format(i=i, d=i % 28 + 1, m=i % 60) for i in range(50000))
    start = time.process_time()
    r = jira.parse_csv(text)
    took = time.process_time() - start
    assert len(r["tickets"]) == 50000 and r["problems"] == []
    assert took < 5, took


# ------------------------------------------------------------------ JSON

def load_json(name):
    return json.loads((FIX / name).read_text(encoding="utf-8"))


def test_sniffs_search_page_only():
    assert jira.sniff_json(load_json("jira_search.json"))
    assert jira.sniff_json({"startAt": 0, "maxResults": 50, "total": 0, "issues": []})
    assert not jira.sniff_json(load_json("github_rest.json"))
    assert not jira.sniff_json(load_json("pagerduty_incidents.json"))
    assert not jira.sniff_json("text")


def test_json_happy_path():
    r = jira.parse_json(load_json("jira_search.json"))
    assert r["source"] == "jira" and r["problems"] == []
    t = by_key(r)
    assert t["REL-31"]["status_category"] == "in_progress"
    assert t["REL-31"]["created_at"] == "2025-03-04T10:20:30Z"
    assert t["REL-31"]["due"] == "2025-03-31"
    assert t["REL-31"]["assignee"] == "Ravi Nair"
    assert t["REL-31"]["labels"] == ["postmortem", "deploys"]
    assert t["REL-31"]["url"] == "https://example.atlassian.net/browse/REL-31"


def test_json_resolution_and_zones():
    t = by_key(jira.parse_json(load_json("jira_search.json")))
    assert t["REL-32"]["status_category"] == "done"
    assert t["REL-32"]["resolved_at"] == "2025-03-06T17:00:00Z"
    assert t["REL-33"]["status_category"] == "wont_do"


def test_json_list_of_pages_dedupes():
    page = load_json("jira_search.json")
    r = jira.parse_json([page, page])
    assert len(r["tickets"]) == 3


def test_json_a_page_opening_on_an_odd_element_keeps_its_issues():
    """A page is told by its first issue, but a later page of a list opening on a null
    (or a chunk of a big export opening there) still holds issues."""
    page = load_json("jira_search.json")
    odd = {**page, "issues": [None, *page["issues"]]}
    assert len(jira.parse_json([{"issues": []}, odd])["tickets"]) == 3
    assert len(jira.parse_json(odd)["tickets"]) == 3


def test_json_garbage_does_not_raise():
    r = jira.parse_json({"issues": [{"key": "X-1", "fields": {"status": 5}}]})
    assert r["kind"] == "tracker_export"


# ------------------------------------------------------ resolution dates, numbers

def test_done_without_resolved_date_uses_status_category_changed():
    text = ("Issue key,Summary,Status,Resolved,Status Category,Status Category Changed\n"
            "D-1,closed without resolution,Done,,Done,03/Mar/25 4:05 PM\n"
            "D-2,still open,To Do,,To Do,01/Mar/25 9:00 AM\n")
    t = by_key(jira.parse_csv(text))
    assert t["D-1"]["resolved_at"] == "2025-03-03T16:05:00Z"
    assert t["D-1"]["resolved_from"] == "status_category_changed"
    assert t["D-2"]["resolved_at"] is None


def test_open_ticket_with_a_stray_resolved_date_is_not_resolved():
    text = "Issue key,Summary,Status,Resolved\nR-1,reopened,Reopened,01/Mar/25 9:00 AM\n"
    t = jira.parse_csv(text)["tickets"][0]
    assert t["status_category"] == "todo" and t["resolved_at"] is None


def test_numeric_dates_are_day_first_unless_the_file_says_otherwise():
    eu = "Issue key,Summary,Status,Created\nN-1,a,Open,03/04/2025 10:00\n"
    us = ("Issue key,Summary,Status,Created\nN-1,a,Open,03/04/2025 10:00\n"
          "N-2,b,Open,03/28/2025 10:00\n")
    assert jira.parse_csv(eu)["tickets"][0]["created_at"] == "2025-04-03T10:00:00Z"
    assert jira.parse_csv(us)["tickets"][0]["created_at"] == "2025-03-04T10:00:00Z"


def test_one_labels_cell_with_several_labels():
    text = "Issue key,Summary,Status,Labels\nL-1,x,Open,\"alpha beta,gamma\"\n"
    assert jira.parse_csv(text)["tickets"][0]["labels"] == ["alpha", "beta", "gamma"]


def test_json_done_without_resolutiondate_uses_category_change():
    doc = {"issues": [{"key": "J-1", "fields": {
        "summary": "s", "status": {"name": "Done", "statusCategory": {"key": "done"}},
        "resolutiondate": None, "statuscategorychangedate": "2025-01-02T03:04:05.000+0000"}}]}
    t = jira.parse_json(doc)["tickets"][0]
    assert t["resolved_at"] == "2025-01-02T03:04:05Z"


def test_json_malformed_issue_is_a_problem_and_the_rest_load():
    doc = load_json("jira_search.json")
    doc["issues"][0]["fields"]["labels"] = 5
    doc["issues"][1]["fields"]["created"] = {"odd": True}
    doc["issues"].append("not an issue")
    r = jira.parse_json(doc)
    assert len(r["tickets"]) == 3
    assert any("REL-32" in p["message"] for p in r["problems"])
