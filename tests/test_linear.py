"""Linear CSV: the old export (JavaScript dates) and the newer one (ISO dates)."""
import csv
import io
from pathlib import Path

from loaders.formats import linear

FIX = Path(__file__).parent / "fixtures" / "exports"


def text(name):
    return (FIX / name).read_text(encoding="utf-8")


def header_of(name):
    return next(csv.reader(io.StringIO(text(name))))


def by_key(result):
    return {t["key"]: t for t in result["tickets"]}


def test_sniffs_old_and_new_exports():
    assert linear.sniff_csv(header_of("linear_old.csv"))
    assert linear.sniff_csv(header_of("linear_new.csv"))


def test_does_not_sniff_jira_or_incidents():
    for name in ("jira_en_all_fields.csv", "jira_current_fields.csv",
                 "firehydrant_incidents.csv", "generic_tickets.csv"):
        assert not linear.sniff_csv(header_of(name)), name


def test_old_export_happy_path():
    r = linear.parse_csv(text("linear_old.csv"))
    assert r["kind"] == "tracker_export" and r["source"] == "linear"
    assert r["problems"] == []
    assert [t["key"] for t in r["tickets"]] == ["OPS-1", "OPS-2", "OPS-3", "OPS-4"]


def test_old_export_javascript_dates():
    t = by_key(linear.parse_csv(text("linear_old.csv")))
    assert t["OPS-1"]["created_at"] == "2023-03-02T10:11:12Z"
    assert t["OPS-1"]["due"] == "2023-03-31"
    assert t["OPS-2"]["resolved_at"] == "2023-03-04T09:00:00Z"


def test_javascript_date_offset_is_converted():
    t = by_key(linear.parse_csv(text("linear_old.csv")))
    assert t["OPS-3"]["created_at"] == "2023-03-02T20:00:00Z"


def test_old_export_categories():
    t = by_key(linear.parse_csv(text("linear_old.csv")))
    assert [t[k]["status_category"] for k in ("OPS-1", "OPS-2", "OPS-3", "OPS-4")] == [
        "in_progress", "done", "wont_do", "todo"]


def test_canceled_is_wont_do_resolved_when_canceled():
    t = by_key(linear.parse_csv(text("linear_old.csv")))["OPS-3"]
    assert t["status"] == "Canceled" and t["status_category"] == "wont_do"
    assert t["resolved_at"] == "2023-03-05T09:00:00Z"


def test_labels_in_one_cell_are_split_on_commas():
    t = by_key(linear.parse_csv(text("linear_old.csv")))
    assert t["OPS-1"]["labels"] == ["Detection", "Alerts"]
    assert t["OPS-4"]["labels"] == []


def test_assignee_and_multiline_description():
    t = by_key(linear.parse_csv(text("linear_old.csv")))
    assert t["OPS-1"]["assignee"] == "max@example.com"
    assert t["OPS-2"]["assignee"] is None
    assert t["OPS-3"]["line"] == 5


def test_new_export_iso_dates():
    r = linear.parse_csv(text("linear_new.csv"))
    t = by_key(r)
    assert t["PAY-10"]["created_at"] == "2024-05-01T09:15:00Z"
    assert t["PAY-10"]["due"] == "2024-05-31"
    assert t["PAY-10"]["labels"] == ["Bug", "Postmortem follow-up"]
    assert t["PAY-11"]["resolved_at"] == "2024-05-04T16:00:00Z"
    assert t["PAY-11"]["assignee"] == "bo@example.com"


def test_new_export_categories():
    t = by_key(linear.parse_csv(text("linear_new.csv")))
    assert t["PAY-10"]["status_category"] == "in_progress"
    assert t["PAY-11"]["status_category"] == "done"
    assert t["PAY-12"]["status_category"] == "wont_do"


def test_custom_state_placed_by_linear_timestamps():
    t = by_key(linear.parse_csv(text("linear_new.csv")))["PAY-13"]
    assert t["status"] == "Waiting on Bank" and t["status_category"] == "in_progress"


def test_unknown_state_without_timestamps_is_todo_with_problem():
    r = linear.parse_csv(text("linear_new.csv"))
    assert by_key(r)["PAY-14"]["status_category"] == "todo"
    assert r["problems"] == [{"line": 6, "message": "unknown status 'Someday'", "level": "warning"}]


def test_bad_rows_and_dates_name_their_line():
    bad = ("ID,Title,Status,Team,Created,Completed,Canceled\n"
           "A-1,ok,Todo,T,2024-01-01T00:00:00Z,,\n"
           "A-2,short,Todo\n"
           "A-3,bad date,Done,T,Someday 2024,1900-01-01T00:00:00Z,\n")
    r = linear.parse_csv(bad)
    assert [t["key"] for t in r["tickets"]] == ["A-1", "A-3"]
    assert sorted(p["line"] for p in r["problems"]) == [3, 4, 4]


def test_missing_id_column_is_a_problem():
    r = linear.parse_csv("Title,Status\nx,Todo\n")
    assert r["tickets"] == [] and r["problems"]


def test_garbage_does_not_raise():
    for t in ("", "ID\n", '"ID","Title"\n"A-1', None):
        assert linear.parse_csv(t)["kind"] == "tracker_export"
