"""CSV plumbing, date reading and the generic tracker CSV."""
from pathlib import Path

import pytest

from loaders.formats.mapped import parse_generic_tracker_csv
from loaders.formats.tabular import read_csv, split_header
from loaders.timeparse import read_day, read_time

FIX = Path(__file__).parent / "fixtures" / "exports"


@pytest.mark.parametrize("value, expected", [
    ("22/Sep/25 9:26 AM", "2025-09-22T09:26:00Z"),
    ("10/nov/25 4:51 PM", "2025-11-10T16:51:00Z"),
    ("10/oct./16 11:54 AM", "2016-10-10T11:54:00Z"),
    ("06/août/15 12:00 PM", "2015-08-06T12:00:00Z"),
    ("12/Jan/24 12:30 AM", "2024-01-12T00:30:00Z"),
    ("22/Sep/25", "2025-09-22T00:00:00Z"),
    ("05/Mär/24 13:02", "2024-03-05T13:02:00Z"),
    ("05/mar/24 1:02 p. m.", "2024-03-05T13:02:00Z"),
    ("2025-09-22T09:26:00.000+0000", "2025-09-22T09:26:00Z"),
    ("2025-09-22T11:26:00+02:00", "2025-09-22T09:26:00Z"),
    ("2025-09-22 09:26", "2025-09-22T09:26:00Z"),
    ("Tue Aug 23 2022 13:54:01 GMT+0000 (GMT)", "2022-08-23T13:54:01Z"),
    ("Tue Aug 23 2022 06:54:01 GMT-0700 (Pacific Daylight Time)", "2022-08-23T13:54:01Z"),
    ("Aug 23, 2022 1:54 PM", "2022-08-23T13:54:00Z"),
    ("23.08.22 13:54", "2022-08-23T13:54:00Z"),
    ("2022-08-23 13:54 PST", "2022-08-23T21:54:00Z"),
])
def test_read_time(value, expected):
    assert read_time(value) == (expected, None)


@pytest.mark.parametrize("value", ["1900-01-01", "9999-12-31", "01/Jan/1900"])
def test_absurd_dates_are_problems(value):
    iso, problem = read_time(value)
    assert iso is None and "implausible" in problem


@pytest.mark.parametrize("value", ["soon", "32/Sep/25", "22/Foo/25 9:00 AM", "25:99"])
def test_unreadable_dates_are_problems(value):
    iso, problem = read_time(value)
    assert iso is None and "unreadable" in problem


def test_empty_date_is_no_problem():
    assert read_time("") == (None, None)
    assert read_time(None) == (None, None)
    assert read_day("  ") == (None, None)


def test_read_day_keeps_the_written_day():
    assert read_day("18/Sep/25 12:00 AM") == ("2025-09-18", None)
    assert read_day("Tue Feb 28 2023 00:00:00 GMT+0100 (CET)") == ("2023-02-28", None)


def test_read_csv_gives_start_lines_of_multiline_records():
    header, records, problems = read_csv('a,b\n1,"x\ny"\n\n2,z\n')
    assert header == ["a", "b"] and problems == []
    assert [(line, row[0]) for line, row in records] == [(2, "1"), (5, "2")]


def test_split_header_resplits_semicolons():
    assert split_header(["\ufeffKey;Summary"]) == ["Key", "Summary"]
    assert split_header(["Key", "Summary"]) == ["Key", "Summary"]


MAPPING = {"key": "Ticket", "title": "Headline", "status": "State", "assignee": "Owner",
           "created_at": "Opened", "resolved_at": "Closed", "due": "Deadline",
           "labels": "Tags", "url": "Link", "statuses": {"Shelved": "wont_do"}}


def generic():
    return parse_generic_tracker_csv((FIX / "generic_tickets.csv").read_text(), MAPPING)


def test_generic_tracker_csv_happy_path():
    r = generic()
    assert r["kind"] == "tracker_export" and r["source"] == "csv"
    assert r["problems"] == []
    t = {x["key"]: x for x in r["tickets"]}
    assert t["FIX-1"]["status_category"] == "todo"
    assert t["FIX-1"]["labels"] == ["detection", "alerts"]
    assert t["FIX-1"]["due"] == "2025-01-31"
    assert t["FIX-1"]["url"] == "https://tracker.example/FIX-1"
    assert t["FIX-2"]["status_category"] == "done"
    assert t["FIX-2"]["resolved_at"] == "2025-01-09T00:00:00Z"
    assert t["FIX-3"]["status_category"] == "wont_do"


def test_generic_tracker_csv_without_key_is_a_problem():
    r = parse_generic_tracker_csv("a,b\n1,2\n", {"key": "Nope"})
    assert r["tickets"] == [] and r["problems"]


def test_generic_tracker_csv_never_raises():
    assert parse_generic_tracker_csv(None, None)["problems"]


def test_guess_day_first():
    from loaders.timeparse import guess_day_first
    assert guess_day_first(["01/02/2025", "25/02/2025"]) is True
    assert guess_day_first(["01/02/2025", "02/25/2025"]) is False
    assert guess_day_first(["01/02/2025", "2025-02-25", ""]) is None


def test_day_first_flag_reads_ambiguous_dates():
    assert read_time("03/04/2025 10:00")[0] == "2025-03-04T10:00:00Z"
    assert read_time("03/04/2025 10:00", day_first=True)[0] == "2025-04-03T10:00:00Z"
    assert read_time("03/14/2025", day_first=True)[0] == "2025-03-14T00:00:00Z"
