"""Routing a file to its parser by content, not by name."""
import json

import pytest

from loaders.detect import parse_bytes, parse_path
from loaders.options import Options

JIRA = ("Summary,Issue key,Issue id,Issue Type,Status,Created,Resolved\n"
        "Add alert,OPS-1,1001,Task,Awaiting Deploy,01/Feb/26 9:00 AM,\n")
GITHUB = json.dumps([{"url": "https://api.github.com/repos/acme/web/issues/7",
                      "html_url": "https://github.com/acme/web/issues/7", "number": 7,
                      "title": "Fix it", "state": "open", "labels": [], "assignee": None,
                      "created_at": "2026-01-01T00:00:00Z", "closed_at": None}])


def kind(data: bytes | str, name="f", options=None):
    if isinstance(data, str):
        data = data.encode("utf-8")
    return parse_bytes(data, name, options)


def test_markdown_without_extension_is_a_postmortem():
    assert kind("# Outage\n## Summary\nIt broke.\n", "notes")["kind"] == "postmortem"


def test_jira_csv_by_columns_whatever_the_name():
    r = kind(JIRA, "export.txt")
    assert (r["kind"], r["source"]) == ("tracker_export", "jira")


def test_github_json():
    r = kind(GITHUB, "issues.json")
    assert (r["kind"], r["source"]) == ("tracker_export", "github")
    assert r["tickets"][0]["key"] == "acme/web#7"


def test_status_map_from_config_reaches_the_tracker_parser():
    r = kind(JIRA, "j.csv", Options(status_map={"awaiting deploy": "in_progress"}))
    assert r["tickets"][0]["status_category"] == "in_progress"


def test_unknown_status_without_mapping_is_a_problem():
    r = kind(JIRA, "j.csv")
    assert r["tickets"][0]["status_category"] == "todo"
    assert r["problems"]


def test_unknown_json_is_unknown():
    r = kind('{"hello": "world"}')
    assert r["kind"] == "unknown" and "JSON" in r["problems"][0]["message"]


def test_broken_json_names_the_line():
    r = kind('{\n"a": 1,\n"b": \n}')
    assert r["kind"] == "unknown" and r["problems"][0]["line"] == 4


def test_csv_with_unknown_columns_is_unknown():
    r = kind("colour,size,weight\nred,1,2\nblue,3,4\n")
    assert r["kind"] == "unknown" and "csv mapping" in r["problems"][0]["message"]


def test_a_postmortem_whose_first_lines_hold_commas_is_a_postmortem():
    """A markdown file is never turned away as a CSV: its first two lines may be a
    preamble of keywords, wrapped, each with commas. (A .txt may be a CSV saved as text.)"""
    text = ("[keywords] proxy, timeout, requests, trust_env\nNO_PROXY, LM Studio, localhost\n\n"
            "# Postmortem: requests hijacked by the environment's proxy — 2025-12-28\n\n"
            "## Summary\n\nEvery call to the local model timed out because a proxy variable sent it elsewhere.\n")
    for name in ("pm.md", "pm.markdown", "pm.mdx"):
        r = parse_bytes(text.encode(), name)
        assert r["kind"] == "postmortem" and r["date"] == "2025-12-28", name
    assert parse_bytes(text.encode(), "export.csv")["kind"] == "unknown"     # named as a table, read as one
    export = "id,title,created_at\n1,Checkout errors,2024-01-03 10:00\n2,Login slow,2024-01-04 09:00\n"
    assert parse_bytes(export.encode(), "incidents-export.txt")["kind"] == "unknown"   # a CSV saved as text


def test_generic_csv_mapping():
    mapping = {"kind": "tracker", "columns": {"key": "Ticket", "title": "Subject", "status": "State"}}
    r = kind("Ticket,Subject,State\nT-1,Fix,Closed\n", options=Options(csv_mappings=[mapping]))
    assert r["kind"] == "tracker_export"
    assert r["tickets"][0]["key"] == "T-1"


def test_utf8_bom_is_dropped():
    r = kind(b"\xef\xbb\xbf# Title\n## Summary\nx\n")
    assert r["title"] == "Title"
    assert not any("UTF" in p["message"] for p in r["problems"])


def test_utf16_with_bom_is_read():
    r = kind("# Title\n## Summary\nx\n".encode("utf-16"))
    assert r["title"] == "Title"


def test_crlf_line_endings():
    r = kind("# Title\r\n## Timeline (UTC)\r\n- 2026-01-01 10:00 errors start\r\n")
    assert r["timeline"][0]["at"] == "2026-01-01T10:00:00Z"


def test_empty_and_whitespace_files():
    assert kind(b"")["problems"][0]["message"] == "empty file"
    assert kind(b"  \n\n")["kind"] == "unknown"


def test_directory_is_unknown(tmp_path):
    assert parse_path(str(tmp_path))["kind"] == "unknown"


def test_path_is_kept_as_given(tmp_path):
    p = tmp_path / "a.md"
    p.write_text("# A\n## Summary\nx\n")
    assert parse_path(str(p))["path"] == str(p)


def test_a_sparse_one_paragraph_entry_is_still_a_postmortem():
    text = ("On 2024-03-02 the status page was unreachable for about an hour after the certificate "
            "expired. We renewed it by hand and added a reminder.\n")
    r = kind(text.encode())
    assert r["kind"] == "postmortem" and r["date"] == "2024-03-02"


def test_prose_without_any_postmortem_heading_is_a_postmortem():
    text = "# Keeping the registry up\n\n" + "We had a rough week and this is what happened to the servers. " * 3
    assert kind(text.encode())["kind"] == "postmortem"


def test_a_dated_note_of_one_short_sentence_is_a_postmortem():
    r = kind(b"# DB outage\n\n**Date:** 2024-03-01\n\nThe database was down.\n")
    assert r["kind"] == "postmortem" and r["date"] == "2024-03-01"


@pytest.mark.parametrize("text", [
    "# 数据库宕机\n\n数据库在凌晨宕机了，影响所有用户，已经恢复。\n",                 # Chinese: no spaces
    "# データベース障害\n\n深夜にデータベースが停止し、全ユーザーに影響が出た。現在は復旧済み。\n",
    "# 데이터베이스 장애\n\n새벽에 데이터베이스가 멈춰 모든 사용자에게 영향이 있었다. 지금은 복구되었다.\n",
])
def test_a_sparse_note_in_chinese_japanese_or_korean_is_a_postmortem(text):
    """The English note of the same length is one; their words are not split by spaces."""
    assert kind(text.encode())["kind"] == "postmortem"


def test_a_date_written_with_a_full_width_colon_in_a_list_is_read():
    r = kind("# 队列丢帧\n\n- 日期：2026-07-24\n- 严重度：high\n\n## 症状\n\nCI 偶发失败。\n".encode())
    assert r["kind"] == "postmortem" and r["date"] == "2026-07-24"


def test_a_date_alone_is_not_a_postmortem():
    assert kind(b"2024-03-01\n")["kind"] == "unknown"


def test_a_few_words_are_not_a_postmortem():
    r = kind(b"# TODO\n")
    assert r["kind"] == "unknown" and "no prose" in r["problems"][0]["message"]


def _pd_line(n: int) -> str:
    return json.dumps({"id": f"P{n}", "type": "incident", "incident_number": n, "title": f"Incident {n}",
                       "status": "resolved", "created_at": "2025-01-02T03:00:00Z"})


@pytest.mark.parametrize("broken", [0, 1, 4])
def test_json_lines_keep_every_good_line_whichever_line_is_broken(broken):
    """One broken line in JSON lines costs that line, the first as much as any other (a
    broken first line had made the whole export one broken document: nothing loaded)."""
    lines = [_pd_line(n) for n in range(1, 6)]
    lines[broken] = '{"id": "P9", "title": broken'
    r = kind("\n".join(lines) + "\n", "pd.jsonl")
    assert r["kind"] == "incident_export" and len(r["incidents"]) == 4
    assert [(p["line"], p["message"][:17]) for p in r["problems"]] == [(broken + 1, "broken JSON line ")]


def test_a_broken_document_on_several_lines_is_not_json_lines():
    r = kind('{"incidents": [\n{"id": "P1"},\n{"id": "P2"\n]}')
    assert r["kind"] == "unknown" and r["problems"][0]["message"].startswith("broken JSON:")


def test_one_broken_line_alone_is_a_broken_document():
    r = kind('{"incidents": [{"id": "P1"}, {"id": ')
    assert r["kind"] == "unknown" and r["problems"][0]["message"].startswith("broken JSON:")


@pytest.mark.parametrize("at", [0, 2, 4])
@pytest.mark.parametrize("breaks", ["\n", "\r\n", "\n\n", "\n\n\n"])
def test_json_lines_with_a_raw_line_break_in_a_string_keep_every_record(at, breaks):
    """An exporter that does not escape a title's line break splits its record over lines;
    the next line does not open with "{", so the file read as no JSON lines at all and
    loaded nothing."""
    lines = [_pd_line(n) for n in range(1, 6)]
    lines[at] = lines[at].replace(f'"Incident {at + 1}"', f'"Incident{breaks}{at + 1}"')
    r = kind("\n".join(lines) + "\n", "pd.jsonl")
    assert r["kind"] == "incident_export"
    assert [i["title"].split()[-1] for i in r["incidents"]] == ["1", "2", "3", "4", "5"]
    assert [(p["line"], p["level"]) for p in r["problems"]] == [(at + 1, "warning")]
    assert "raw control character" in r["problems"][0]["message"]


def test_json_lines_with_a_raw_tab_in_a_string_keep_the_record():
    lines = [_pd_line(1), _pd_line(2).replace("Incident 2", "Incident\t2")]
    r = kind("\n".join(lines), "pd.jsonl")
    assert len(r["incidents"]) == 2 and [(p["line"], p["level"]) for p in r["problems"]] == [(2, "warning")]


def test_a_record_broken_on_the_line_after_a_raw_line_break_is_still_not_read_as_more():
    lines = [_pd_line(1), '{"id": "P2", "title": "Incident', '2", "status": ]', _pd_line(3)]
    r = kind("\n".join(lines), "pd.jsonl")
    assert r["kind"] == "unknown"   # its second half opens no record: not JSON lines (as before)


def test_a_json_document_with_a_raw_line_break_in_a_string_is_read_with_a_warning():
    doc = json.dumps({"incidents": [json.loads(_pd_line(1)), json.loads(_pd_line(2))]}, indent=1)
    r = kind(doc.replace('"Incident 2"', '"Incident\n2"'), "pd.json")
    assert r["kind"] == "incident_export" and [i["title"] for i in r["incidents"]] == ["Incident 1", "Incident\n2"]
    assert [(p["line"], p["level"]) for p in r["problems"]] \
        == [(doc[:doc.index('"Incident 2"')].count("\n") + 1, "warning")]


def test_a_broken_json_document_with_a_raw_line_break_is_still_broken():
    r = kind('{"incidents": [{"id": "P1", "title": "a\nb"}, {"id": ')
    assert r["kind"] == "unknown" and r["problems"][0]["message"].startswith("broken JSON:")


def test_pretty_printed_objects_one_after_another_are_not_json_lines():
    """`jq . export.jsonl` writes each record over many lines: their line breaks are not in
    strings, so they are no records split by a raw line break (each read with a false
    warning)."""
    text = "".join(json.dumps(json.loads(_pd_line(n)), indent=2) + "\n" for n in range(1, 4))
    r = kind(text, "pd.jsonl")
    assert r["kind"] == "unknown" and r["problems"][0]["message"].startswith("broken JSON")


def test_a_record_whose_raw_line_break_is_followed_by_a_brace_is_one_record():
    lines = [_pd_line(1), _pd_line(2).replace("Incident 2", "deploy of\n{service} failed"), _pd_line(3)]
    r = kind("\n".join(lines), "pd.jsonl")
    assert [i["title"] for i in r["incidents"]] == ["Incident 1", "deploy of\n{service} failed", "Incident 3"]


def test_broken_utf16_is_read_with_a_warning_on_its_line():
    lines = "".join(_pd_line(n) + "\n" for n in range(1, 6)).encode("utf-16")
    at = lines.index("Incident 4".encode("utf-16-le"))
    r = kind(lines[:at] + b"\x00\xd8" + lines[at:], "pd.jsonl")
    assert len(r["incidents"]) == 5 and "\ufffd" in r["incidents"][3]["title"]
    assert [(p["line"], p["level"], p["message"][:17]) for p in r["problems"]] == [(4, "warning", "broken UTF-16 (fi")]


def test_bytes_windows_1252_leaves_undefined_read_as_latin1_beside_the_rest():
    r = kind("Title: Caf\u00e9 \u20ac\n".encode("cp1252") + b"\x81\n# x\n\nSome prose about an outage.\n", "a.md")
    assert r["problems"][0]["message"] == "not UTF-8 (first bad byte on this line); read as Windows-1252"


def test_a_file_of_a_byte_order_mark_alone_is_empty():
    assert kind(b"\xef\xbb\xbf \n")["problems"][0]["message"] == "empty file"


def test_a_json_line_holding_a_line_separator_in_a_string_stays_one_line():
    lines = [_pd_line(1), json.dumps({"id": "P2", "type": "incident", "title": "a\u2028b\x0cc"}, ensure_ascii=False)]
    r = kind("\n".join(lines) + "\n", "pd.jsonl")
    assert len(r["incidents"]) == 2 and not r["problems"]


def test_a_markdown_file_opening_with_a_wiki_template_is_a_postmortem_not_broken_json(tmp_path):
    page = tmp_path / "ledger.md"
    page.write_text("{{Postmortem\n| date = 2025-02-18\n| severity = P1\n}}\n= Ledger failover stalled =\n\n"
                    "== Summary ==\nThe ledger database could not take writes for '''47 minutes'''.\n\n"
                    "== Timeline ==\n* '''07:01''' – writes start failing.\n* '''07:48''' – writes succeed again.\n")
    r = parse_path(str(page))
    assert r["kind"] == "postmortem" and r["date"] == "2025-02-18" and r["severity_level"] == 1
    # (a JSON file that broke is still named for what it is)
    (tmp_path / "export.json").write_text("{{Postmortem\n")
    assert parse_path(str(tmp_path / "export.json"))["kind"] == "unknown"
