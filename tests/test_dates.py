"""Reading dates and clock times out of prose: loaders.timeparse's find_date, last_date, date_at, read_stamp."""
from datetime import date

import pytest

from loaders import timeparse as tp


@pytest.mark.parametrize("text", ["November 5th ’24", "November 5th '24", "5 Nov ‘24", "Nov 5, 2024",
                                  "5th of November 2024", "2024-11-05", "05NOV2024", "5Nov2024"])
def test_written_dates_read_the_same_day(text):
    assert tp.date_at(text, 0) == date(2024, 11, 5)


def test_an_apostrophe_year_is_not_a_time():
    assert tp.date_at("Nov 5 '24:00", 0) is None


def test_a_date_without_a_year_is_not_a_full_date():
    assert tp.find_date("On Nov 5 at 12:00") is None


def test_first_and_every_date_in_a_text():
    text = "Posted June 22nd, 2020. On June 17th, 2020 at 18:00 UTC the site went down"
    assert tp.find_date(text) == date(2020, 6, 22)
    assert tp.dates_in(text) == [(7, date(2020, 6, 22)), (27, date(2020, 6, 17))]


def test_a_text_without_dates_has_none():
    assert tp.dates_in("no dates here") == []


def test_impossible_and_absurd_dates_are_skipped():
    assert tp.find_date("2021-02-30 then 1850-01-01 then 2021-03-01") == date(2021, 3, 1)


def test_a_run_of_days_is_dated_by_its_first():
    assert tp.find_date("Outages on July 15 & 16, 2014") == date(2014, 7, 15)
    assert tp.find_date("the 15-16 July 2014 outage") == date(2014, 7, 15)
    assert tp.find_date("5 - 10 minutes later") is None


def test_a_range_whose_first_day_leaves_the_year_to_the_second_starts_on_the_first():
    assert tp.find_date("data missing from January 8 until February 2, 2026") == date(2026, 1, 8)
    assert tp.find_date("between 8 January - 30 January 2026") == date(2026, 1, 8)
    assert tp.find_date("fehlende Daten zwischen 8. Januar - 30. Januar 2026") == date(2026, 1, 8)
    assert tp.find_date("du 8 janvier au 30 janvier 2026") == date(2026, 1, 8)
    assert tp.dates_in("Dec 28 - Jan 3, 2026") == [(0, date(2025, 12, 28)), (9, date(2026, 1, 3))]
    # a day without a year that no range joins to the next date stays unread
    assert tp.find_date("On Jan 8 we saw it; on Jan 30, 2026 it ended") == date(2026, 1, 30)


@pytest.mark.parametrize("text, hour, minute", [("2025-01-04 9:27a", 9, 27), ("2025-01-04 4:00p", 16, 0),
                                                ("12:05a", 0, 5), ("12:30p", 12, 30), ("4:32 PM", 16, 32)])
def test_a_twelve_hour_clock_written_with_a_single_letter(text, hour, minute):
    st = tp.read_stamp(text)
    assert (st.hour, st.minute) == (hour, minute)


def test_a_letter_after_a_space_is_a_word_not_a_clock_suffix():
    st = tp.read_stamp("9:27 a server restarted")
    assert (st.hour, st.minute) == (9, 27) and st.end == 4


@pytest.mark.parametrize("text, day", [
    ("Website Outage 5-26-21", "2021-05-26"),   # month first: 26 cannot be a month
    ("outage of 26/05/21", "2021-05-26"),       # day first
    ("12/12/21 at noon", "2021-12-12"),
])
def test_a_two_digit_year_reads_when_the_order_is_plain(text, day):
    assert tp.find_date(text).isoformat() == day


@pytest.mark.parametrize("text", ["version 1.10.21", "3/4/21", "ratio 5/26/21%", "build 1-2-3"])
def test_a_two_digit_year_that_could_be_anything_is_not_a_date(text):
    assert tp.find_date(text) is None


@pytest.mark.parametrize("text, day", [
    ("Aktualizováno 15. srpna 2019", "2019-08-15"),  # Czech, genitive
    ("am 14. März 2022", "2022-03-14"),               # German
    ("el 3 de marzo de 2021", "2021-03-03"),          # Spanish
    ("3 maja 2021", "2021-05-03"),                    # Polish
])
def test_a_month_word_in_another_language(text, day):
    assert tp.find_date(text).isoformat() == day


def test_a_word_that_is_no_month_is_no_date():
    assert tp.find_date("15 items 2019") is None


@pytest.mark.parametrize("text, day", [("| Date of incident | 03-Feb-2025 (Monday) |", "2025-02-03"),
                                       ("27-Jul-2026, 14:05", "2026-07-27"), ("3-ago-2024 | 10:00", "2024-08-03")])
def test_a_day_and_month_word_joined_by_hyphens(text, day):
    assert tp.find_date(text).isoformat() == day


@pytest.mark.parametrize("text", ["4-gen nodes in 2024", "4-gen (Mon) rack"])
def test_a_hyphenated_word_that_only_looks_like_a_month_is_no_date(text):
    assert tp.find_date(text) is None


@pytest.mark.parametrize("text, utc", [
    ("2026-01-15T04:20:00Z (first observed)", "2026-01-15T04:20:00+00:00"),
    ("2026-01-15T04:20:00+02:00 restart", "2026-01-15T02:20:00+00:00"),
    ("2026-01-15T04:20Z", "2026-01-15T04:20:00+00:00"),
    ("2026-01-15T04:20-04:00", "2026-01-15T08:20:00+00:00"),            # without seconds
    ("2026-01-15 04:20 -04:00 — Resolved.", "2026-01-15T08:20:00+00:00"),  # an offset spaced from the clock
    ("2026-01-15 04:20 +0530 restart", "2026-01-14T22:50:00+00:00"),
])
def test_an_iso_8601_time_reads_with_its_own_zone(text, utc):
    st = tp.read_stamp(text)
    assert tp.stamp_datetime(st, None, None).isoformat() == utc


@pytest.mark.parametrize("text, utc", [
    ("16:00z agent flags the disk", "2025-06-02 16:00:00+00:00"),   # Zulu as ops logs write it
    ("~22:15Z, 2025-08-15", "2025-08-15 22:15:00+00:00"),           # Zulu, then the day
    ("22:15z 2025-08-15", "2025-08-15 22:15:00+00:00"),
])
def test_a_z_glued_to_the_minutes_is_utc(text, utc):
    st = tp.read_stamp(text)
    assert st.zone is not None and str(tp.stamp_datetime(st, date(2025, 6, 2), None)) == utc


@pytest.mark.parametrize("text, until", [("09:00-10:00 maintenance", 5), ("09:00 - 10:00", 5),
                                         ("2026-01-15 09:00-10:00", 16), ("09:00 -10:00 - 11:00", 5)])
def test_a_range_is_no_offset(text, until):
    st = tp.read_stamp(text)
    assert st.zone is None and st.range_at == until


@pytest.mark.parametrize("text, month, day, hour, minute, end", [
    ("07/13 0152 hrs CAD down", 7, 13, 1, 52, 14),    # a month and day, then a clock and its hours' abbreviation
    ("2106 hrs Site link down", None, None, 21, 6, 8),
    ("2340  Arr. rm 318", None, None, 23, 40, 4),      # a shift log's clock, its words set apart by padding
])
def test_a_four_digit_clock_with_its_hours_or_its_padding(text, month, day, hour, minute, end):
    st = tp.read_stamp(text, "mdy")
    assert (st.month, st.day, st.hour, st.minute, st.end) == (month, day, hour, minute, end)


@pytest.mark.parametrize("text", ["2024 was a long year", "2340 rooms sold"])
def test_four_digits_with_one_space_after_them_are_no_clock(text):
    assert tp.read_stamp(text) is None


def test_a_clock_after_a_day_and_month_is_no_year():
    st = tp.read_stamp("13 Jul 0152 hrs")
    assert st is None or st.year is None
    assert tp.read_stamp("Mon, 01 Jan 0001 00:00:00 +0000").year == 1   # an absurd year, reported as one


@pytest.mark.parametrize("text", ["16:00zone", "16:00 zebra"])
def test_a_word_after_the_minutes_is_no_zulu(text):
    assert tp.read_stamp(text).zone is None


@pytest.mark.parametrize("text, utc", [
    ("2021-04-20T15:48:23.000Z", "2021-04-20 15:48:23+00:00"),    # a status generator's timestamp
    ("2021-04-20T15:48:23,5Z", "2021-04-20 15:48:23+00:00"),
    ("15:48:23.250+02:00 the page fired", "2021-04-20 13:48:23+00:00"),
])
def test_fractions_of_a_second_before_iso_zone(text, utc):
    st = tp.read_stamp(text)
    assert st is not None and st.zone is not None
    assert str(tp.stamp_datetime(st, date(2021, 4, 20), None)) == utc


def test_a_sentence_ending_after_seconds_is_not_a_fraction():
    st = tp.read_stamp("15:48:23. Next it")
    assert st is not None and st.zone is None and st.end == len("15:48:23")


# --- a document's numeric dates: day-first or month-first, decided by the document

def _doc(body: str) -> dict:
    from loaders.postmortem import parse
    return parse(f"# Outage\n\n{body}\n", "outage.md")


def test_a_day_over_twelve_makes_the_documents_dates_day_first():
    rec = _doc("Started 25/03/2021, reviewed 04/05/2021.\n\n## Timeline\n\n- 04/05/2021 10:00 UTC paged")
    assert rec["timeline"][0]["at"] == "2021-05-04T10:00:00Z"


def test_a_second_field_over_twelve_makes_them_month_first():
    rec = _doc("Started 03/25/2021, reviewed 04/05/2021.\n\n## Timeline\n\n- 04/05/2021 10:00 UTC paged")
    assert rec["timeline"][0]["at"] == "2021-04-05T10:00:00Z"


def test_only_ambiguous_dates_are_read_day_first_with_a_problem_naming_the_line():
    rec = _doc("Nothing here.\n\nSeen 04/05/2021.")
    found = [p for p in rec["problems"] if "day-first or month-first" in p["message"]]
    assert [p["line"] for p in found] == [5]


def test_digits_glued_before_a_date_or_a_ticket_key_decide_nothing():
    rec = _doc("Tickets OPS-1234 and 12325/12/2020; seen 04/05/2021.")
    messages = " ".join(p["message"] for p in rec["problems"])
    assert "both day-first and month-first" not in messages
    assert "could be day-first or month-first" in messages  # only 04/05/2021 counted


def test_a_run_together_date_needs_a_month_word():
    assert tp.find_date("build 12abc2024, ticket 3rd2024") is None


@pytest.mark.parametrize("text, at_least", [("14:58–15:20 UTC", 2), ("from 9am to 11am", 2), ("10.05 to 10.40", 2),
                                            ("1458 UTC to 1520 UTC", 2), ("9h05", 1), ("at 14:58 only", 1),
                                            ("no clock in 2024", 0)])
def test_the_cheap_clock_count_never_counts_fewer_than_the_reader_reads(text, at_least):
    assert tp.clocks_at_most(text) >= at_least


@pytest.mark.parametrize("text", ["2024年11月5日", "2024 年 11 月 5 日", "2024년 11월 5일", "服务于2024年11月5日中断"])
def test_chinese_japanese_and_korean_dates_read_year_month_day(text):
    assert tp.find_date(text) == date(2024, 11, 5)


def test_a_cjk_date_needs_its_day_mark():
    assert tp.find_date("2024年11月") is None


@pytest.mark.parametrize("text, day", [("May 15 & May 22, 2026", date(2026, 5, 15)),
                                       ("May 30 - June 2, 2026", date(2026, 5, 30)),
                                       ("July 15 & 16, 2014", date(2014, 7, 15))])
def test_a_run_of_days_is_dated_by_its_first_even_when_the_month_is_named_again(text, day):
    assert tp.find_date(text) == day


def test_a_run_of_days_into_an_earlier_month_began_the_year_before():
    assert tp.find_date("Dec 30 - Jan 2, 2026") == date(2025, 12, 30)


def test_a_word_that_starts_like_a_month_does_not_extend_a_run():
    assert tp.find_date("Jan 5 and decided 3 things, 2020") is None


def test_a_french_spaced_hour_sign_is_a_clock_but_a_duration_is_not():
    st = tp.read_stamp("9 h 28 : un département signale")
    assert (st.hour, st.minute) == (9, 28)
    assert tp.read_stamp("took 9 h 30 min") is None


def test_french_and_portuguese_ordinal_days():
    assert tp.find_date("Incident du 1er octobre 2021").isoformat() == "2021-10-01"
    assert tp.find_date("1º de outubro de 2021").isoformat() == "2021-10-01"


def test_a_german_day_and_month_before_a_time_is_a_date_without_its_year():
    st = tp.read_stamp("03.02. 15:29 Deployment")
    assert (st.year, st.month, st.day, st.hour, st.minute) == (None, 2, 3, 15, 29)
    # without a time after it, "1.10." is more often a version than a day
    st = tp.read_stamp("1.10. released")
    assert st is None or not st.has_date


@pytest.mark.parametrize("text, day", [("23/May/25", "2025-05-23"), ("due 14/May/2025", "2025-05-14"),
                                       ("22/Sep/25 9:26 AM", "2025-09-22")])
def test_jiras_day_month_word_and_year_between_slashes(text, day):
    assert tp.find_date(text).isoformat() == day


def test_a_word_between_slashes_that_is_no_month_is_no_date():
    assert tp.find_date("3/items/25") is None


@pytest.mark.parametrize("text, hour", [("3:15 p. m.", 15), ("9:05 a. m. hora local", 9), ("3 p. m.", 15)])
def test_a_twelve_hour_clock_as_spanish_writes_it(text, hour):
    assert tp.read_stamp(text).hour == hour


@pytest.mark.parametrize("text, month, day", [
    ("Lördag 25 oktober", 10, 25), ("**Söndag 26 oktober**", 10, 26), ("samedi 25 octobre, à 14h", 10, 25),
    ("25 oktober 22:15 — release", 10, 25), ("Senin 3 Maret", 3, 3),
])
def test_a_day_and_month_word_of_another_language_without_a_year(text, month, day):
    st = tp.read_stamp(text)
    assert (st.year, st.month, st.day) == (None, month, day)


@pytest.mark.parametrize("text", ["10 out of 12 hosts", "3 set of servers", "5 mai", "4 oktober releases shipped",
                                  "2 gennaio 2025"])
def test_a_bare_month_word_needs_its_full_name_and_to_stand_alone(text):
    st = tp.read_stamp(text)
    assert st is None or st.year is not None or (st.month, st.day) == (None, None)


@pytest.mark.parametrize("text, hour", [("Noon — on-sale opens", 12), ("Midnight — reconciliation", 0),
                                        ("midnight UTC, the job reruns", 0)])
def test_noon_and_midnight_are_clock_times(text, hour):
    st = tp.read_stamp(text)
    assert (st.hour, st.minute) == (hour, 0)


@pytest.mark.parametrize("text", ["Mid-March release", "noon-ish lull", "Midweek deploy"])
def test_words_that_only_start_like_them_are_not(text):
    assert tp.read_stamp(text) is None


@pytest.mark.parametrize("text, month, day", [("00:45 (May 15)", 5, 15), ("00:45 (15 May) — closed", 5, 15),
                                              ("21:42 (March 5th) - 10:36", 3, 5)])
def test_a_day_in_brackets_after_the_time_is_its_day(text, month, day):
    st = tp.read_stamp(text)
    assert (st.month, st.day, st.hour) == (month, day, int(text[:2]))


@pytest.mark.parametrize("text", ["10:00 (Mon) deploy", "10:00 (2 hours later)", "00:45 (May 15"])
def test_other_brackets_after_the_time_name_no_day(text):
    st = tp.read_stamp(text)
    assert (st.month, st.end) == (None, 5)


@pytest.mark.parametrize("text,want", [
    ("found out at ten past three in the afternoon", "found out at 3:10 pm"),
    ("from around noon, as caches expired", "from around 12:00 pm, as caches expired"),
    ("at quarter to five the", "at 4:45 the"),
    ("half past nine at night", "9:30 pm"),
    ("ten after eight in the morning", "8:10 am"),
    ("at four o'clock", "at 4:00"),
    ("at quarter to 4 the phones", "at 3:45 the phones"),
    ("half past 9 at night", "9:30 pm"),
    ("Five to midnight", "23:55"),
    ("ten past midnight", "0:10"),
    ("Midnight – the old certificate expires", "0:00 – the old certificate expires"),
    ("Noon: backlog cleared", "12:00 pm: backlog cleared"),
])
def test_clocks_in_words_read_as_digits(text, want):
    assert tp.worded_clocks(text) == want


@pytest.mark.parametrize("text", ["we scaled from ten to twelve nodes", "the midday meal", "shortly after noon",
                                  "went to one of them", "moved past two of them", "due to expire at midnight on Sunday",
                                  "from 5 to 10 nodes", "half past 10.5 seconds"])
def test_words_that_are_no_clock_stay(text):
    assert tp.worded_clocks(text) == text


def test_a_weekday_and_day_of_the_month_name_the_day_near():
    assert tp.day_of_month("Fri", 13, date(2025, 6, 12)) == date(2025, 6, 13)
    assert tp.day_of_month("Wednesday", 2, date(2024, 9, 30)) == date(2024, 10, 2)


def test_a_weekday_that_disagrees_names_no_day():
    assert tp.day_of_month("Mon", 13, date(2025, 6, 12)) is None


def test_a_due_date_that_reads_the_same_both_ways_is_read():
    assert tp.due_date("12/12", date(2025, 11, 2)) == date(2025, 12, 12)


def test_an_ambiguous_due_date_takes_the_one_reading_after_the_incident():
    assert tp.due_date("12/05", date(2025, 11, 2)) == date(2025, 12, 5)


def test_an_ambiguous_due_date_both_readings_after_the_incident_is_none():
    assert tp.due_date("7/6", date(2025, 3, 1)) is None


def test_the_end_of_a_month_is_its_last_day():
    assert tp.due_date("end of April", date(2025, 4, 2)) == date(2025, 4, 30)
    assert tp.due_date("the end of February", date(2025, 4, 2)) == date(2026, 2, 28)
    assert tp.due_date("end of March 2025", date(2025, 4, 2)) == date(2025, 3, 31)


@pytest.mark.parametrize("text, day, clock", [
    ("29/10, ore 18:00 — incidente chiuso", (10, 29), (18, 0)),   # the word before a clock between
    ("3/4 at 14:05 rollback", (4, 3), (14, 5)),
])
def test_a_day_and_month_then_the_word_before_a_clock(text, day, clock):
    st = tp.read_stamp(text, "dmy")
    assert (st.month, st.day) == day and (st.hour, st.minute) == clock


def test_a_fraction_before_words_is_no_date():
    assert tp.read_stamp("3/4 of the nodes at 14:05", "dmy") is None


@pytest.mark.parametrize("text, due", [("30.04.", date(2024, 4, 30)), ("15.05.)", date(2024, 5, 15)),
                                       ("1.2.", date(2025, 2, 1)), ("08.11", date(2024, 11, 8)),
                                       ("12.30", None)])
def test_a_german_style_day_and_month_is_a_due_date_not_a_clock(text, due):
    assert tp.due_date(text, date(2024, 4, 9)) == due


@pytest.mark.parametrize("text", ["8.12.0", "8.14.1 (all users)", "5.13.0 released"])
def test_a_version_number_is_not_a_dotted_clock(text):
    assert tp.read_stamp(text) is None


def test_a_dotted_clock_still_reads():
    st = tp.read_stamp("14.32 hrs")
    assert (st.hour, st.minute) == (14, 32)


@pytest.mark.parametrize("text, want", [
    ("4 มี.ค. 2568", "4 Mar 2025"),                    # Thai month, Buddhist era
    ("refunded by 07/03/2568.", "refunded by 07/03/2025."),
    ("Tuesday 4 March 2568 B.E.", "Tuesday 4 March 2025 B.E."),
    ("09.31 น.", "09:31"),
    ("令和7年6月25日", "2025年6月25日"),
    ("平成31年4月30日", "2019年4月30日"),
    ("令和元年5月1日", "2019年5月1日"),
    ("令和7年の報告 R7.6.25", "2025年の報告 2025-06-25"),
    ("民國114年8月19日, due 114/08/29", "2025年8月19日, due 2025/08/29"),
])
def test_other_calendars_dates_read_as_gregorian(text, want):
    assert tp.gregorian(text) == want


@pytest.mark.parametrize("text", [
    "INC-2568-0117",                  # a number of the year, no date
    "took 2450 ms at p99",
    "release R2.3.4 shipped",         # no era named: a release
    "version 114/08/29 of the form",  # no Minguo year named
    "2025-03-04 09:31 UTC",
])
def test_text_of_no_other_calendar_stays_as_written(text):
    assert tp.gregorian(text) == text


_UNIX_TIMELINE = "16 Sep 2025. Times are Unix epoch seconds.\n\n- `1758016800` deploy starts\n- `1758017040` first errors\n"


@pytest.mark.parametrize("text, want", [
    (_UNIX_TIMELINE, "16 Sep 2025. Times are Unix epoch seconds.\n\n- 2025-09-16 10:00:00 UTC deploy starts\n"
                     "- 2025-09-16 10:04:00 UTC first errors\n"),
    ("2025-09-16, epoch stamps\n| 1758016800 | deploy |\n| 1758017040.25 | errors |",
     "2025-09-16, epoch stamps\n| 2025-09-16 10:00:00 UTC | deploy |\n| 2025-09-16 10:04:00 UTC | errors |"),
    ("Sept 15, 2025, unix ms\n1. [1758016800000] deploy\n2. [1758017040000] errors",
     "Sept 15, 2025, unix ms\n1. 2025-09-16 10:00:00 UTC deploy\n2. 2025-09-16 10:04:00 UTC errors"),
])
def test_a_timeline_in_unix_time_reads_as_utc(text, want):
    assert tp.unix_times(text) == want


@pytest.mark.parametrize("text", [
    "- `1758016800` deploy starts\n- `1758017040` first errors\n",          # nothing says Unix time
    "Unix epoch seconds:\n- `1758016800` deploy starts\n",                   # one line alone
    "Unix epoch ids:\n- 1758016800 order refunded\n- 1858017040 order refunded\n",   # years apart
    "Unix time:\n```\n1758016800 deploy\n1758017040 errors\n```\n",          # a log in a code block
    "Unix time:\n- `1758016800' deploy\n- (1758017040) errors\n",            # not one quoted stamp
    "2 March 2025, a Unix timestamp string:\n- 1048576001 refunded\n- 1048576044 refunded\n",   # ids: 2003, far from the day said
])
def test_numbers_that_are_no_unix_timeline_stay_as_written(text):
    assert tp.unix_times(text) == text


@pytest.mark.parametrize("text", ["10:00 CET — 5.18.0 (build 2602.6.3) released", "09:00 - 7.12.1 passes the soak"])
def test_a_version_after_a_dash_is_no_range_end(text):
    st = tp.read_stamp(text)
    assert st.range_at is None and text[st.end:].lstrip(" —-").startswith(("5.18.0", "7.12.1"))


@pytest.mark.parametrize("text, want", [("21.01, 10:30", (1, 21, 10, 30)), ("21.01 10:30", (1, 21, 10, 30)),
                                        ("14.30, 15:00", (None, None, 14, 30))])
def test_a_dotted_day_and_month_before_a_clock_is_the_day(text, want):
    st = tp.read_stamp(text)
    assert (st.month, st.day, st.hour, st.minute) == want


@pytest.mark.parametrize("text", ["25.10. (pt) 16:55", "25.10.2024 (piątek) 16:55", "25.10.2024 (Fr.) 16:55"])
def test_a_weekday_in_any_language_in_brackets_between_a_date_and_its_time(text):
    st = tp.read_stamp(text, "dmy")
    assert (st.month, st.day, st.hour, st.minute) == (10, 25, 16, 55)


def test_a_zone_in_capitals_in_brackets_is_no_weekday():
    st = tp.read_stamp("2024-07-24 (UTC) 20:52", "dmy")
    assert not st.has_time


@pytest.mark.parametrize("text, clock", [("1 Jan 1930Z (06:30 AEDT)", (1, 1, 19, 30)), ("__3 Nov 1905Z__ (06:05)", (11, 3, 19, 5)),
                                          ("12 Aug 0544 LT", (8, 12, 5, 44))])
def test_four_digits_glued_to_zulu_or_marked_local_are_a_clock_not_a_year(text, clock):
    st = tp.read_stamp(text, "dmy")
    assert st.year is None and (st.month, st.day, st.hour, st.minute) == clock


@pytest.mark.parametrize("text, end", [("09:31h – Rotación", 6), ("14.05h x", 6), ("9h05 début", 4)])
def test_the_hours_sign_after_a_clock_is_the_clock_s(text, end):
    assert tp.read_stamp(text).end == end


@pytest.mark.parametrize("text, clock", [("Sat 20/04, 2358 — Possession granted", (4, 20, 23, 58)),
                                          ("Mon 4/22 0318 - PICOP warns control", (4, 22, 3, 18))])
def test_four_digits_after_a_weekday_and_slashed_day_before_the_separator_are_a_clock(text, clock):
    st = tp.read_stamp(text)
    assert st.year is None and (st.month, st.day, st.hour, st.minute) == clock


@pytest.mark.parametrize("text", ["20/04, 2358 — no weekday: a fraction and a year as well",
                                  "Sat 20/04, 2358 outside the separator"])
def test_four_digits_after_a_slashed_pair_need_the_weekday_and_the_separator(text):
    st = tp.read_stamp(text, "dmy")
    assert st is None or not st.has_time


@pytest.mark.parametrize("text, clock", [("Mon 22/04/2024 0531", (5, 31)), ("Mon 22/04/2024 0647 (117 minutes late)", (6, 47))])
def test_four_digits_ending_a_dated_field_or_before_its_note_are_its_clock(text, clock):
    st = tp.read_stamp(text, "dmy")
    assert (st.year, st.hour, st.minute) == (2024, *clock)


@pytest.mark.parametrize("said, day", [
    ("Sun 3/10/24", (2024, 3, 10)), ("(Sun 3/10/24)", (2024, 3, 10)), ("Sunday 10/3/2024", (2024, 3, 10)),
    ("Thu 3/10/2024", (2024, 10, 3)),
])
def test_a_day_that_reads_both_ways_takes_the_reading_on_its_weekday(said, day):
    st = tp.read_stamp(said)
    assert (st.year, st.month, st.day) == day
