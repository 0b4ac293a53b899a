"""Timeline entries, and the four timestamps an incident is measured by.

A timeline entry is one table row, one top-level bullet, one line of a paragraph that
starts with a time, or one heading that carries a time (its paragraphs are its text).
A date-only heading or line sets the date for the time-only entries below it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import islice, takewhile

from loaders import lazy_re
from loaders import timeparse as tp
from loaders.postmortem.doc import datetime_value, front, minutes, status_issue
from loaders.postmortem.markdown import plain
from loaders.postmortem.vocabulary import (
    BAD_THINGS,
    HARM_WORDS,
    BECOMING,
    CJK_CHAR,
    EVENT_MARKERS,
    EVENT_WORDS,
    NOT_A_REPORT_AFTER,
    REPORTED_STATES,
    REPORTED_STATUS,
    STOPPING,
    WORKING_STATES,
    clean_heading,
    meta_key,
)

_TIME_HEADER = lazy_re.compile(r"^(?:time|date|when|timestamp|date\s*/\s*time|datetime|date\s+and\s+time|"
                          r"time\s*\(.*\)|date\s*\(.*\)|hour|clock|utc|start"
                          # the same columns in other languages: "Uhrzeit", "Heure", "Hora", "Godzina",
                          # "Tijd", "Tid", "Waktu", "Jam", "Datum", "Fecha", "Data", "Tanggal", "Время"
                          r"|zeit|uhrzeit|zeitpunkt|datum|heure|date\s+et\s+heure|hora|fecha|data|ora|orario|godzina|czas"
                          r"|tijd|tijdstip|tid|tidspunkt|klokkeslett|waktu|jam|tanggal|pukul|время|дата"
                          # Turkish "Saat", "Tarih", "Zaman"; Vietnamese "Thời gian", "Giờ", "Ngày"; "Horário"
                          r"|saat|tarih|zaman|th[ờo]i\s+gian|gi[ờo]|ng[àa]y|hor[áa]rio)\b", re.I)
_DAY_HEADER = lazy_re.compile(r"^(?:day|days)$", re.I)
_ZONE_HEADER = lazy_re.compile(r"^(?:zone|tz|time\s*zone)$", re.I)
_TEXT_HEADER = lazy_re.compile(r"^(?:event|events|description|what|action|details?|notes?|activity|"
                          r"summary|update|happened|message|comment"
                          r"|ereignis|beschreibung|[ée]v[ée]nement|evento|descripci[óo]n|descri[çc][ãa]o|gebeurtenis"
                          r"|beschrijving|h[äa]ndelse|hendelse|h[æa]ndelse|beskrivning|beskrivelse|zdarzenie|opis"
                          r"|kejadian|peristiwa|keterangan|событие|описание"
                          r"|olay|a[çc][ıi]klama|s[ựu]\s+ki[ệe]n|m[ôo]\s+t[ảa]|di[ễe]n\s+bi[ếe]n)\b", re.I)
_SKIP_LEAD = lazy_re.compile(r"^[\s\-–—:|.,)\]*_]+")
# a day marked in brackets right after an entry's clock: "0915 hrs  [16-May]", "00:40 (Wed 12 Mar)"
_DAY_MARK = lazy_re.compile(r"(?:\s*hrs?\b)?\s*[\[(]([^\[\]()\n]{3,24})[\])]")
_CHECKBOX = lazy_re.compile(r"^\[[ xX]\]\s*")
_LIST_MARK = lazy_re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s")


@dataclass
class Entry:
    at: datetime | None
    text: str
    line: int
    date_only: bool = False
    day: date | None = None       # the local day it happened on, before conversion to UTC
    tags: set = field(default_factory=set)
    markers: set = field(default_factory=set)
    own_day: bool = False  # its day is the timeline's own (a date on it or above it), not the incident's
    written_day: bool = False   # its own text writes its day ("03/11 22:30"), not only the ones above it

    @property
    def event(self) -> str | None:
        for k in ("started", "resolved", "mitigated"):
            if k in self.markers:
                return k
        for k in ("detected", "mitigated", "resolved", "impact"):
            if k in self.tags:
                return k
        return None


# "T+14m", "T+1h25m", "T-5m": a time counted from the moment the document calls T
# (its parts "1h25m", "14m", "0"; a bare number counts minutes)
# (or hours and minutes, "T+0:18"; or, without the T, an offset in words: "+35 min", "+1 h 20 min")
_UNIT = r"(?:h(?:ours?|rs?)?|m(?:in(?:utes?|s)?)?|s(?:ec(?:onds?|s)?)?)"
_RELATIVE = lazy_re.compile(r"^\s*(?:\*\*|__)?(?:T\s*([+\-−])\s*(\d{1,3}:\d{2}(?::\d{2})?|(?:\d{1,4}\s*" + _UNIT + r"?\s*){1,3}?)"
                            r"|(\+)\s*((?:\d{1,4}\s*" + _UNIT + r"\s*){1,3}?))(?:\*\*|__)?(?![\w:])")
_RELATIVE_PART = lazy_re.compile(r"(\d{1,4})\s*([hms]?)")
# "T = 07:20 UTC on 4 September 2024", "T0: 14:02", "T is 09:15 CET", "T0 is when the release
# workflow finished: 2024-09-17 09:30 PT": the moment named T; "Offsets are from the deploy at
# 10:40": the moment a timeline's offsets count from
# ("T+0 is 19:42 BST", "T0 = **2025-09-03 02:17:40 UTC**": the zero's offset written, the moment in bold;
# "__T+0 is ...__": after the underscores of bold; "T0 = **Jan 22, 2026, 9:14 AM PST**", "| **T0** |
# Jan 22, 2026, ... |": a month's name first, or a table's row)
_T_ZERO = lazy_re.compile(r"(?<![^\W_]|[+-])T\s*(?:\+\s*0(?![:.\d])|0|zero)?[*_]*\s*(?:=|:|is|was|\|)\s*(?:[*_]*(?=\d|[A-Z][a-z]{2}\s+\d)"
                          r"|(?:when|the)\b[^:\n]{0,80}:\s*[*_]*(?=\d|[A-Z][a-z]{2}))"
                          r"|\boffsets\s+(?:are\s+)?(?:from|after|relative\s+to)\b[^.\n]{0,60}?\bat\s+(?=\d)", re.I)


# "Unless otherwise noted all events happened on 2019-10-21", "All times are on
# June 3rd": the day every time-only entry is on, whatever dated entry comes above it.
_STATED_DAY = lazy_re.compile(r"(?:unless\s+otherwise\s+(?:noted|stated|specified)|all\s+(?:events|times|entries))"
                         r"[^.\n]{0,60}?\b(?:on|occurred|happened|are|were)\s+(?:on\s+)?"
                         # ("All times UTC, on Tuesday 2024-04-16": its weekday before the date)
                         r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+(?=\d))?(?=\S)"
                         r"|^\s*(?:timeline|events|times)\s+(?:for|of|on)\s+(?:the\s+)?(?=\S)"
                         # "Timeline — Monday, March 10, 2025 (all times Eastern)": a table's title row
                         # ("Timeline (ET), Thursday Nov 5 2026:": its zone in brackets, then the day)
                         r"|^\s*(?:timeline|events)\s*(?:\([^()\n]{1,30}\)\s*)?[—–:,-]\s*(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s)"
                         # "All times 14 May 2025, IST", "All times UTC, 3 March 2026": the day beside the zone
                         # ("all times Tue 6 May 2025, BST, unless noted": its weekday first)
                         r"|all\s+times\s+(?:(?:in\s+)?[a-z]{2,5}(?:[+\-−]\d{1,2}(?::?\d{2})?)?\s*,\s*)?"
                         r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?(?=\d)"
                         # "times are PT ... all thursday 11/13/2025": every entry on the one day named
                         r"|\ball\s+(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+(?=\d)", re.I)


# (whether the lines above a timeline may state its day at all: "otherwise" or "all
# events", in any case. Its first letter is a class of both cases, outside the
# case-blind part, so a search jumps from one "o" or "a" to the next instead of trying
# the pattern at every character: 2.5x faster. No other character matches "o" or "a"
# case-blind, as one does "i", "k" and "s", so it finds what the case-blind pattern
# "otherwise|all\s+(?:events|times|entries)" finds.)
_STATED_DAY_HINT = lazy_re.compile(r"[oOaA](?i:(?<=o)therwise|(?<=a)ll\s+(?:events|times|entries|(?:on\s+)?(?:mon|tue|wed|thu|fri|sat|sun)))")


# an entry opened by a weekday and a day of the month, no month ("Wed 14th, 10am",
# "Tue the 13th, ~1:30pm")
_WEEKDAY_AND_NTH = r"(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)\b"
_WEEKDAY_NTH = lazy_re.compile(r"^[\s*_]*" + _WEEKDAY_AND_NTH + r"[\s*_]*[,:\-–]?\s*", re.I)


# a short label in brackets or bold, without digits, opening an entry before its time
_LABEL_FIRST = lazy_re.compile(r"^\s*(?:\*\*|__)?\[[^\]\d\n]{1,30}\](?:\*\*|__)?[\s:,-]*"
                          r"|^\s*(?:\*\*|__)[^*_\d\n]{1,30}(?:\*\*|__)[\s:,-]*")
# a report's clause number opening a paragraph before its time ("2.4 At 15.10 hrs,
# engineers identified ...", as formal incident reports number every paragraph)
_CLAUSE_FIRST = lazy_re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+(?=\D)")


# "~1 day prior", "3 days before", "the day before": a day counted back from the incident,
# standing as an entry's time (a whole time cell, or a label before ":" or a dash)
_COUNTED_BACK = lazy_re.compile(r"^\W*(?:(?:about\s+|around\s+)?(?:~\s*)?(?:\d+|an?|one|two|three|several|a\s+few)\s+"
                           r"(?:days?|weeks?)\s+(?:prior|before|earlier)|the\s+(?:day|night)\s+before)"
                           r"[\s*_)]*(?:$|[:|—–-])", re.I)


# a chat tool's day label opening a message, as Slack, Teams, Discord and Zulip show one:
# "Today at 5:50 PM", "[Yesterday 11:52 PM] Opsgenie", "### Yesterday at 11:36 PM · GitHub
# Actions", or a day divider on a line of its own ("Yesterday")
_CHAT_DAY = lazy_re.compile(r"^[\s*_\[#]*(today|yesterday)\b(?:\s+at\b)?[\s*_,]*", re.I)
# where a write-up says which day the labels count from: 'so Discord's "Yesterday" =
# **Friday 21 Nov**', '"Today" is Monday Mar 2', 'So "Yesterday" is Monday 12 January'
# (the label quoted, or followed by "is" or "=": "yesterday 5 engineers" says no day)
_CHAT_DAY_SAID = lazy_re.compile(r"(?:[\"“‘']((?i:today|yesterday))[\"”’']\s*(?:(?:below|above|here)\s+)?(?:(?:=|is|was|means|meant)\s+|=\s*)?"
                                 r"|\b((?i:today|yesterday))\s*(?:=\s*|(?:is|was|means|meant)\s+))(?:\*\*|__)?(?=\w)")
# the first message a chat's label dates ("Yesterday at 11:36 PM"), when no sentence says the day
_CHAT_LABELLED = lazy_re.compile(r"^[\s*_\[#>-]*(today|yesterday)(?:\s+at)?\s+\d{1,2}[:.]\d\d", re.I | re.M)


def _chat_today(doc, incident: date | None) -> tuple[date | None, bool]:
    """The day a chat's "Today" stands for in a timeline pasted from one, and whether the
    document says so: the day a sentence gives one of the labels ('"Yesterday" is Tuesday
    17 June', '"Yesterday" below is Wednesday 18 June'), else, where every label is "Today",
    the incident's day; (None, False) when neither."""
    text = doc.text
    for m in _CHAT_DAY_SAID.finditer(text):
        st = tp.read_stamp(text, doc.order_hint, start=m.end())
        if st is None or not st.has_date or st.has_time or st.day is None:
            continue
        year = st.year
        if year is None:
            near = incident or tp.find_date(text, doc.order_hint)
            if near is None:
                continue
            year = tp.year_near(st.month, st.day, near)
        try:
            day = date(year, st.month, st.day)
        except ValueError:
            continue
        return day + timedelta(days=(m.group(1) or m.group(2)).lower() == "yesterday"), True
    if incident is not None and (m := _CHAT_LABELLED.search(text)) is not None \
            and not any(m.group(1).lower() == "yesterday" for m in _CHAT_LABELLED.finditer(text)):
        # (labels that are all "Today": the incident's own day; with a "Yesterday" among
        # them, the document's day may be the day it was written, so no day is guessed)
        return incident, False
    return None, False


def chat_first_day(doc) -> date | None:
    """The day of a pasted chat's first labelled message ("Yesterday at 10:40 PM" first,
    where the write-up says "Yesterday" is Friday 21 Nov), when the document says which
    day its labels count from; else None."""
    if (m := _CHAT_LABELLED.search(doc.text)) is None:
        return None
    today, said = _chat_today(doc, None)
    if today is None or not said:
        return None
    return today - timedelta(days=m.group(1).lower() == "yesterday")


class _Reader:
    def __init__(self, doc, incident_date: date | None):
        self.doc = doc
        self.incident_date = incident_date
        self._day = incident_date
        self.dated = False  # has the timeline itself set the day (a date line or entry)?
        self.stated_day: date | None = None
        self.compact = None  # the pattern of a section's list of "0730 - ..." entries, if it is one
        self.zone = None  # the zone the section being read states for its own times, if any
        self.entries: list[Entry] = []
        self.absorbed: set[int] = set()  # sections read as part of the timed heading above them
        self._positions: dict[int, int] | None = None
        self._t_zero = False   # the stamp "T" stands for in "T+14m" entries, once looked for
        self.half_day = False  # has an entry's clock said "am" or "pm"?
        self.tabled = False    # has a table of timed rows been read in this timeline?
        self.last_clock: tuple[date | None, int] | None = None  # the last time-only entry's day and minute
        self.span: tuple[date, date] | None = None  # the days a heading spans ("Week 6 (3–9 Feb)"), for weekday entries
        self.marked = False   # was the stamp just read dated by a day marked beside its clock ("0915 hrs [16-May]")?
        self._today: tuple[date | None, bool] | None = None   # a pasted chat's "Today", and whether the document says it
        self.labelled: date | None = None   # the day the last chat label gave ("Yesterday at 11:52 PM"), in a run of its messages

    def position(self, s) -> int:
        """Where section ``s`` is in the document's sections (one index for all of them)."""
        if self._positions is None:
            self._positions = {id(x): i for i, x in enumerate(self.doc.secs)}
        return self._positions[id(s)]

    @property
    def day(self) -> date | None:
        return self._day

    @day.setter
    def day(self, value: date | None) -> None:
        self._day = value
        self.dated = True
        if value != self.labelled:
            self.labelled = None   # (a day line or heading of the timeline's own ends a chat's run)

    def counted_back(self, when: str) -> None:
        """An entry timed by counting back from the incident ("~1 day prior"): a date
        written above it, before the incident's day (a background event days before), no
        longer dates the time-only entries that follow; they are on the incident's day
        again. (Whether the writer meant the times after it for that earlier day instead is
        not always clear; the incident's own day is the reading that counting back implies.)"""
        if self.incident_date is not None and self._day is not None and self._day < self.incident_date \
                and _COUNTED_BACK.match(when):
            self._day = self.incident_date

    def stamp(self, text: str):
        if "~~" in text[:8] and (m := _STRUCK_FIRST.match(text)) \
                and (st := tp.read_stamp(text, self.doc.order_hint, start=m.end())) is not None:
            return st   # "~~10:15~~ 10:06": a time struck through, the right one written beside it
        st = None
        if text.lstrip(" *_[#")[:2].lower() in ("to", "ye") and (m := _CHAT_DAY.match(text)) is not None \
                and (st := self._chat_labelled(m, text)) is not None:
            return st
        if text.lstrip(" *_")[:2] in ("T+", "T-", "T−") and (m := _RELATIVE.match(text)):
            # "**T+00:16** — ...": an offset from the moment named T, however like a clock it looks
            st = self._relative(m)
        if st is None:
            st = tp.read_stamp(text, self.doc.order_hint)
        if st is None and (m := _LABEL_FIRST.match(text)):
            # "**[Outage start]** On 2025-12-26, at 07:35:39, ...": the time after a label
            st = tp.read_stamp(text, self.doc.order_hint, start=m.end())
        if st is None and text[:1].isdigit() and (m := _CLAUSE_FIRST.match(text)):
            st = tp.read_stamp(text, self.doc.order_hint, start=m.end())
        if st is None and (said := tp.worded_clocks(text[:60])) != text[:60]:
            # "ten past four wrote the query ...": a clock in words opening the entry
            st = tp.read_stamp(said + text[60:], self.doc.order_hint)
            if st is not None and st.has_time:
                st.end += len(text[:60]) - len(said)
            else:
                st = None
        if st is None and self._day is not None and (m := _WEEKDAY_NTH.match(text)):
            st = self._weekday_nth(m, text)
        if st is None and text.lstrip(" *_")[:1] in ("T", "+") and (m := _RELATIVE.match(text)):
            st = self._relative(m)
        if st is not None and st.has_time and not st.has_date and self.labelled is not None:
            self._chat_day(st, text)
        if st is not None and st.has_time and not st.has_date and (mark := _DAY_MARK.match(text, st.end)) is not None \
                and (day := tp.read_stamp(mark.group(1), self.doc.order_hint)) is not None and day.has_date \
                and not day.has_time and day.end >= len(mark.group(1)):
            # "0915 hrs  [16-May] Northgate confirms ...": the day marked beside the clock
            # (under "all times 15-May-2025 unless marked")
            st.year, st.month, st.day = day.year, day.month, day.day
            st.end = mark.end()
            self.marked = True   # (its own day only: the entries after it keep the timeline's)
        if st is not None and self.span is not None and st.has_time and not st.has_date \
                and (wd := _WEEKDAY_FIRST.match(text)) is not None:
            # "**Tue 14:10** ..." under "### Week 7 (10–16 Feb)": the Tuesday of that week
            first, last = self.span
            d = first + timedelta(days=(tp.weekday(wd.group(1)) - first.weekday()) % 7)
            if d <= last:
                st.year, st.month, st.day = d.year, d.month, d.day
        elif st is not None and st.has_time and not st.has_date and self.span is None \
                and (near := self._day or self.stated_day) is not None and (wd := _WEEKDAY_FIRST.match(text)) is not None:
            # "**Mon 21:30** — log level set to DEBUG" in a night dated Tue 9 Sep: the day of
            # that weekday near the timeline's day (the first entry's up to three days
            # before it, a lead-up; later ones on or after the day the entries have reached)
            # (the first, a day or more before, moves the day the time-only entries after it
            # start on, so that those past its midnight are on the next: _past_midnight)
            # (the first entry never moves forward: "**Fri 16:40** — config merged" under a
            # Tuesday is the Friday before, a lead-up; four days back or more it is left
            # as it was read, on the timeline's day)
            ahead = (tp.weekday(wd.group(1)) - near.weekday()) % 7
            back = 7 - ahead if ahead else 0
            if not any(e.at for e in self.entries):
                if 0 < back <= 3:
                    if self.stated_day is not None and not self.dated:
                        self.stated_day = near - timedelta(days=back)
                    else:
                        self._day = near - timedelta(days=back)
            elif ahead:
                d = near + timedelta(days=ahead)
                st.year, st.month, st.day = d.year, d.month, d.day
        if st is None and (m := (tp.COMPACT_LEAD.match(text) if self.dated else None)
                           or (self.compact.match(text) if self.compact else None)):
            # "1015: Raj noticed ...", "~1230: deployed ..." under a day's heading, or a
            # list of "0730 - operator - ..." entries: four digits opening an entry of a
            # dated day, or of a run of such entries, are its clock, not a year
            clock, end = f"{m.group(1)}:{m.group(2)}", m.end()
            if (z := _ZONE_AFTER_COMPACT.match(text, m.end(2))) is not None and tp.zone(z.group(1)) is not None:
                # "0502 ACDT  ADL depot: ...": the zone the line's clock is in
                clock, end = f"{clock} {z.group(1)}", max(end, z.end())
            st = tp.read_stamp(clock, self.doc.order_hint)
            if st is not None:
                st.end = end
        return st

    def today(self) -> tuple[date | None, bool]:
        """The day a pasted chat's "Today" label stands for (_chat_today), once looked for."""
        if self._today is None:
            self._today = _chat_today(self.doc, self.incident_date)
        return self._today

    def _chat_labelled(self, m: re.Match, text: str):
        """The stamp of a chat message dated by its label ("Today at 5:50 PM", "[Yesterday
        11:52 PM]"), or of a day divider that is only the label ("Yesterday"): the day the
        label stands for, the clock after it; None when no day is known for "Today" or a
        clock does not follow the label."""
        today, _ = self.today()
        if today is None:
            return None
        day = today - timedelta(days=m.group(1).lower() == "yesterday")
        if not text[m.end():].strip(" *_]:#"):
            st = tp.Stamp()   # a divider: the day of the messages under it
            st.end = len(text)
        else:
            st = tp.read_stamp(text, self.doc.order_hint, start=m.end())
            if st is None or not st.has_time or st.has_date:
                return None
            self.labelled = day
        st.year, st.month, st.day = day.year, day.month, day.day
        return st

    def _chat_day(self, st, text: str) -> None:
        """A message in a chat pasted with its day labels, its clock alone ("[12:06 AM]
        Priya Nair", after "[Yesterday 11:58 PM]"), is today's, as chat tools show today's
        messages; one opened by a weekday ("Friday 3:20 PM"), where the document says which
        day is today, is that weekday's last before yesterday."""
        today, said = self.today()
        if today is None:
            return
        day = today
        if (wd := _WEEKDAY_FIRST.match(text)) is not None:
            if not said:
                return
            day = today - timedelta(days=(today.weekday() - tp.weekday(wd.group(1))) % 7 or 7)
        st.year, st.month, st.day = day.year, day.month, day.day

    def _weekday_nth(self, m: re.Match, text: str):
        """The stamp of an entry dated by its weekday and day of the month alone ("Wed
        14th, 10am: support quiet", "Tue the 13th ~1:30pm"): that day (tp.day_of_month),
        with the clock after it."""
        st = tp.read_stamp(text, self.doc.order_hint, start=m.end())
        if st is None or not st.has_time or st.has_date:
            return None
        d = tp.day_of_month(m.group(1), int(m.group(2)), self._day)
        if d is None:
            return None
        st.year, st.month, st.day = d.year, d.month, d.day
        return st

    def _relative(self, m: re.Match):
        """The stamp of a "T+14m" entry: the time the document names T ("T = 07:20 UTC on 4
        September 2024") moved on by the offset; None when the document names no T."""
        if self._t_zero is False:
            said = _T_ZERO.search(self.doc.text)
            self._t_zero = tp.read_stamp(self.doc.text, self.doc.order_hint, start=said.end()) if said else None
        t0 = self._t_zero
        if t0 is None or not t0.has_time:
            return None
        sign = -1 if m.group(1) and m.group(1) in "-−" else 1
        offset = m.group(2) or m.group(4)
        if ":" in offset:   # "T+0:18": hours and minutes ("T+00:03:20": and seconds)
            hours, minutes, *seconds = offset.split(":")
            step = timedelta(hours=int(hours), minutes=int(minutes), seconds=int(seconds[0]) if seconds else 0)
        else:
            unit = {"h": 3600, "m": 60, "s": 1, "": 60}
            step = timedelta(seconds=sum(int(n) * unit[u] for n, u in _RELATIVE_PART.findall(offset)))
        day = date(t0.year, t0.month, t0.day) if t0.has_date and t0.year else (self.day or date(2000, 1, 1))
        at = datetime(day.year, day.month, day.day, t0.hour, t0.minute, t0.second or 0) + sign * step
        st = tp.Stamp()
        st.hour, st.minute, st.second, st.zone, st.end = at.hour, at.minute, at.second, t0.zone, m.end()
        if t0.has_date and t0.year or at.date() != day:
            st.year, st.month, st.day = at.year, at.month, at.day
        return st

    def _on_twelve_hours(self, st, text: str) -> None:
        """A clock without "am" or "pm" in a timeline kept on a 12-hour clock ("2:25pm",
        then "2:40: ollie asks ...", "~3pm") goes on in the afternoon it follows: a bare
        "2:40" after "2:25pm" is 14:40, not a step back of almost twelve hours. Only a
        clock written without a leading zero ("2:40", not "02:40", a 24-hour clock's), on
        the same day as the entry before it, and only when the later reading is no earlier
        than that entry and within twelve hours of it (so "11pm", then "1:30", is still the
        next night's 1:30)."""
        if st.has_date:
            self.last_clock = None
            return
        head = text[:st.end]
        if _MERIDIEM.search(head) or _HALF_IN_WORDS.search(head):
            self.half_day = True   # ("About five to ten at night": the half of the day in words)
        elif 1 <= st.hour <= 11 and self.last_clock is not None \
                and self.last_clock[0] == self.day and not _LEADING_ZERO.search(head):
            minute = st.hour * 60 + (st.minute or 0)
            if not self.half_day and 720 <= self.last_clock[1] < 780 and st.hour == 1 \
                    and self.last_clock[1] <= minute + 720:
                # (a 12-hour clock shows itself passing noon too: "[12:58] ..." then "[1:01]
                # ...", where a 24-hour clock would say 13:01)
                self.half_day = True
            if self.half_day and minute < self.last_clock[1] <= minute + 720:
                st.hour += 12
        self.last_clock = (self.day, st.hour * 60 + (st.minute or 0))

    def add(self, st, text: str, line: int, body: str | None = None) -> Entry:
        """An entry from a Stamp (or None) and the text after it (or ``body``)."""
        at = None
        date_only = False
        if st is not None and st.has_date and not st.has_time and body is None:
            # "2021-08-27: At 12:50:07 UTC, issue exploited": the time opens the text
            lead = _SKIP_LEAD.match(text, st.end)
            rest = lead.end() if lead else st.end
            t2 = tp.read_stamp(text, self.doc.order_hint, start=rest)
            if t2 is not None and t2.has_time and not t2.has_date and t2.range_at is None:
                st.hour, st.minute, st.second, st.zone, st.end = t2.hour, t2.minute, t2.second, t2.zone, t2.end
        if st is not None:
            # (near the day the timeline stated, "all times Tue 6 May 2025", until one of its
            # own dates moves it: not the incident's day read from the prose)
            near = self.day if self.dated or self.stated_day is None else self.stated_day
            if st.has_date and st.year is None and near is not None:
                st.year = tp.year_near(st.month, st.day, near)   # "12月31日 23:50", then "1月1日 00:10"
            if st.order == "?":
                self.doc.problems.warning(line, "ambiguous day/month order in "
                                                f"'{text[:st.end].strip()}'; read as day first")
            if st.has_time:
                self._on_twelve_hours(st, text)
                self.doc.zoned_entries += st.zone is not None
                at = tp.stamp_datetime(st, self.stated_day if not st.has_date and self.stated_day else self.day,
                                       self.zone or self.doc.zone)
                if at is None:
                    self.doc.problems.warning(line, "time without a date: no incident date to place it on")
            elif st.has_date and st.year is not None:
                try:
                    d = date(st.year, st.month, st.day)
                    at = datetime(d.year, d.month, d.day, tzinfo=tp.UTC)
                    date_only = True
                except ValueError:
                    at = None
            if at is not None and not tp.plausible(at):
                self.doc.problems.error(line, f"absurd date {at.date()} in timeline; entry kept without a time")
                at = None
            if at is not None and st.has_date and not self.marked:
                self.day = at.date() if not st.has_time else (
                    date(st.year, st.month, st.day) if st.year else self.day)
            self.marked = False
        if st is None:
            self.counted_back(text)
        if body is None:
            body = plain(text[st.end:] if st is not None else text)
            body = _SKIP_LEAD.sub("", body).strip() or plain(text)
            if st is not None and (lab := _LABEL_FIRST.match(text)) and st.end > lab.end() \
                    and tp.read_stamp(text, self.doc.order_hint) is None:
                body = f"{plain(text[:lab.end()]).strip(' :,-')} {body}"   # "[Outage start] the certificate expired"
        local = self.stated_day if st is not None and not st.has_date and self.stated_day else self.day
        if st is not None and st.has_date and st.year is not None:
            try:
                local = date(st.year, st.month, st.day)
            except ValueError:
                pass
        e = Entry(at, body, line, date_only, local)
        e.own_day = st is not None and (st.has_date or self.stated_day is not None or self.dated)
        e.written_day = st is not None and st.has_date
        _tag(e)
        self.entries.append(e)
        return e


# Every phrase of loaders.postmortem.vocabulary, indexed by its first word: an entry's words are
# looked up once each, and a phrase matches when the words after it follow. A first word's
# phrases are grouped by how many words follow it, so the words after an entry's word are
# looked up once per length, not compared with each phrase ("get" opens fifty).
_WORD = lazy_re.compile(r"[^\W_]+(?:[-'’_][^\W_]+)*")  # letters of any alphabet ("rétabli"); "pending_webhooks" is one name, not "pending"


def _index() -> dict[str, list[tuple[int, dict[tuple[str, ...], list[tuple[str, str]]]]]]:
    """first word -> [(n, {the n words after it: [(target, kind), ...]}), ...]"""
    index: dict[str, dict] = {}
    for target, table in (("markers", EVENT_MARKERS), ("tags", EVENT_WORDS)):
        for kind, phrases in table.items():
            for phrase in phrases:
                words = tuple(phrase.split())
                index.setdefault(words[0], {}).setdefault(len(words) - 1, {}) \
                    .setdefault(words[1:], []).append((target, kind))
    return {w: list(by_length.items()) for w, by_length in index.items()}


_PHRASES = _index()
_NOT_SO = frozenset(("never", "not"))
# a workaround said to be in place: "a workable way around it from 07:05", "workaround live at 09:10"
_WORKAROUND_SAID = lazy_re.compile(r"\bwork-?around\b|\bway\s+a?round\s+(?:it|the\s+(?:fault|outage|problem))\b", re.I)
# all of it well again: "Verified all systems operational", "everything back to normal"
_ALL_WELL = lazy_re.compile(r"\b(?:all|every|everything|everywhere|fully|full)\b", re.I)
_NOT_ALL = lazy_re.compile(r"\ball\s+(?:but|except)\b|\bnot\s+(?:yet\s+)?(?:fully|all|every)|\bpersist|\bstill\b|\bpartial", re.I)
# a time-to figure that says it runs to the end ("fully recovered", "resolved")
_TO_THE_END = lazy_re.compile(r"\b(?:fully|full|complete(?:ly)?|resolv\w*|closed?)\b", re.I)
_TIME_CLAUSE = frozenset(("after", "since", "until", "till", "before", "once"))


def _in_time_clause(text: str, words: list[str], i: int) -> bool:
    """Whether the phrase at ``words[i]`` opens a clause that says when something else
    happened ("... after the outage ended", "since the incident began"; not "Shortly
    after, the outage began", where the comma ends the "after")."""
    before = words[max(0, i - 2):i]
    if not (before and (before[-1] in _TIME_CLAUSE or len(before) == 2 and before[0] in _TIME_CLAUSE)):
        return False
    return re.search(r"\b(?:after|since|until|till|before|once)\s+(?:(?:the|this|an?)\s+)?" + re.escape(words[i])
                     + r"\b", text, re.I) is not None


# the harm named as what ended: "bringing the outage to an end", "ending the outage"
# (not "merged even after the outage ended", an aside about something else)
_HARM_NOUNS = frozenset(("outage", "disruption", "downtime", "impact", "exposure", "harm", "leak"))
# a measure that is better low, falling: "latency down", "errors improved" (not "errors dropping
# packets", "timeouts dropped orders": the harm; nor "latency down at first, then climbs")
# (not a load or a queue: "CPU drops to idle", "queue drops to 0" may be the harm itself, work stopped)
_BETTER_LOW_FALLING = lazy_re.compile(r"\b(?:latency|latencies|p9[59]|p50|errors?|error\s+rates?|5xxs?|timeouts|ttft"
                                      r"|time\s+to\s+first\s+token|queue\s+times?)"
                                      r"(?:\s+(?:is|was|went|goes|has))?\s+"
                                      r"(?:down|improved)\b(?![^.;\n]*\b(?:but|then|still|again|climbs?|rises?))", re.I)
# the single words that tell harm (EVENT_WORDS' impact words)
_HARM_WORDS = frozenset(w for w in EVENT_WORDS["impact"] if " " not in w)
# (done: "bringing", "brought", "ending", "ended"; not an aim, a forecast or a denial: "in
# an attempt to end the outage", "which we expect to bring the outage to an end", "did not
# end the outage", "the fix that ends the outage needs approval")
_ENDS_IT = lazy_re.compile(r"\b(?:bringing|brought)\s+(?:the|this)\s+(?:outage|disruption|downtime)\s+to\s+an\s+end\b"
                      r"|\b(?:ending|ended)\s+the\s+(?:outage|disruption|downtime|impact|exposure|harm|leak)\b", re.I)
_NOT_DONE_BEFORE = lazy_re.compile(r"\b(?:not|never|nor|n't|fail\w*|attempt\w*|tr(?:y|ied|ying)|expect\w*|hop(?:e|ed|ing)"
                              r"|would|will|could|should|may|might|aim\w*|plan\w*)\b[^.;]{0,20}$", re.I)
# a measure of what works back at its full ("launch success back to 100%"), or down to
# nothing ("launch success metric reaches 0%"); not a measure of failure or load between
# ("health check failure rate back to 100%", "health dashboard shows CPU back to 100%")
# (or a success rate back at its usual level: "Join success rate back to 99%", "top-up
# success back at 99%", "Login success rate back at normal levels")
_FULL_AGAIN = lazy_re.compile(r"\b(?:success|availability|uptime|launch\w*|health\w*|passing)\b([^.;]{0,30}?)"
                         r"\b(?:(?:back|returns?|returned|recovers?|recovered)\s+to\s+100\s?%"
                         r"|(?:(?<=success\s)|(?<=success\srate\s))back\s+(?:to|at)\s+(?:9\d(?:\.\d+)?\s?%|normal\s+levels?))", re.I)
_AT_ZERO = lazy_re.compile(r"\b(?:success|availability|uptime|launch\w*)\b([^.;]{0,30}?)"
                      r"\b(?:reach\w*|drop\w*|fell|falls?|hit\w*|goes|went)\s+(?:to\s+)?0\s?%", re.I)
# the harm counted down to none: "Login errors drop to zero", "5xx fell to 0", "timeouts
# went to nothing" (a bad thing, a word or two of detail, then its fall to zero)
_BAD_TO_ZERO = lazy_re.compile(r"\b(?:" + "|".join(sorted(BAD_THINGS, key=len, reverse=True)) + r")\b(?:\s+[\w'-]+){0,2}\s+"
                               r"(?:drop\w*|f[ae]ll\w*|goes|go|went|back|down)\s+(?:back\s+)?to\s+(?:zero|0|nothing|none)\b(?!\s*%?\s*(?:success|availability))"
                               # ("garbled rate 0 in samples", "error rate at 0%": a harm's rate read as none)
                               r"|\b(?:error|failure|garbled|timeout|crash|5xx)\s+rates?\s+(?:is\s+|at\s+|now\s+)?(?:zero|0)(?:\.0+)?\s*%?(?![\w.,])"
                               # ("Lag at zero, catalog stock matches WMS again": what fell behind is level)
                               r"|\blag\s+(?:is\s+|now\s+)?at\s+(?:zero|0)\b", re.I)
# the writer pointing at the start: "The account takeover starts here", "Impact begins here"
# (or "This is where it starts", "this is where the outage began")
_STARTS_HERE = lazy_re.compile(r"\b(?:starts|begins|started|began)\s+here\b"
                               r"|\b(?:this|that|here)\s+is\s+where\s+(?:it|the\s+(?:outage|impact|incident|problem|trouble))\s+"
                               r"(?:starts|started|begins|began)\b"
                               # (or a secret's exposure, from its first moment: "Exposure begins.", "the
                               # bucket is publicly readable from here", "Key is publicly exposed from this point")
                               r"|\bexposure\s+(?:begins|starts|began|started)\b"
                               # ("This is when the excursion — and the risk — began": the writer marking the start)
                               # (or "This is when photos started disappearing": what began, in the harm's words)
                               r"|\b(?:this|that)\s+is\s+when\s+(?:the\s+)?[^.;]{0,50}?\b(?:began|started)(?:\s+[a-z]+ing)?\s*[.!]?\s*$"
                               r"|\b(?:exposed|readable|visible)\s+(?:publicly\s+)?from\s+(?:here|this\s+(?:moment|point|time))\b", re.I)
# a fix named by its version, then out: "Hotfix 2024.05.4-hf1 deployed", "Patch v3.2.1 rolled out"
_FIX_WORDS = frozenset(("hotfix", "hot-fix", "fix", "patch"))
_FIX_NAMED_OUT = lazy_re.compile(r"(?:^|[—–:;.]\s)\W*(?:hot-?fix|fix|patch)\s+v?\d[\w.\-+]*\s+(?:is\s+|was\s+)?"
                                 r"(?:deployed|rolled\s+out|released|shipped|live|applied)\b", re.I)
_NOT_WORKING = lazy_re.compile(r"fail|error|loss|cpu|usage|load|latency|memory|disk", re.I)
_IS_IDENTIFIED = lazy_re.compile(r"\b(?:problem|issue)\s+is\s+identified\b(?!\s*(?:as\b|:))", re.I)
_COMES_BACK = lazy_re.compile(r"\b(?:return|returns|returned)\s*(?:[.;!]|$)", re.I)
# ... and as German says it: "neue Scans kommen wieder sofort an", "Logins laufen wieder"
# (not what fails again: "fällt wieder aus", "schlägt wieder fehl")
_AGAIN_GERMAN = lazy_re.compile(r"\b(?:läuft|laufen|funktioniert|funktionieren|kommen|kommt|geht|gehen|arbeitet|arbeiten"
                                r"|antwortet|antworten|lädt|laden|klappt|klappen|kann|können|konnte|konnten)\s+(?:[\w-]+\s+)?wieder\b"
                                r"(?!\s+(?:aus|fehl|ab|nicht)\b)"
                                # "Datenbank wieder beschreibbar", "wieder erreichbar": usable again
                                r"|\bwieder\s+(?:[a-zäöüß]+bar|normal|online|stabil|aktiv)\b", re.I)
# ... and as English says it with "can": "members can charge everywhere again", "staff were
# able to log in again" (not "cannot charge again", nor what may go wrong again: "could
# happen again", "can fail again")
_CAN_AGAIN = lazy_re.compile(r"\b(?<!n[o']t )(?:can|could|(?:are|is|were|was)\s+able\s+to)\s+"
                             r"(?!happen|occur|recur|fail|break|crash|go\s+wrong|not\b)[a-z]+(?:\s+[\w-]+){0,2}\s+again\b", re.I)
# what stopped, done again, as Spanish, Portuguese, Italian and French say it: "Los pagos
# vuelven a funcionar", "Novas transferências voltam a liquidar em segundos", "torna a
# rispondere" (to return to doing: again)
_AGAIN_VERBS = frozenset("vuelve vuelven volvió volvio volvieron volta voltam volto voltou voltaram torna tornano tornò "
                         "torno tornarono".split())
_AGAIN_ROMANCE = lazy_re.compile(r"\b(?:vuelven?|volvi[óo]|volvieron|volta[mv]?|voltou|voltaram|torna(?:no)?|torn[òo]|tornarono)"
                                 # (not what fails again: "vuelve a fallar", "volta a cair")
                                 r"\s+a\s+(?!fall|falh|ca[eií]r|romp|quebr|bloque|trav|colaps|degrad|interromp|sbagli|guast)"
                                 r"(?:[^\W\d_]{3,}(?:ar|er|ir|are|ere|ire)|ser\s+[^\W\d_]+[ai]d[oa]s?)\b", re.I)
# someone calling us, in Spanish and Portuguese: "Llama la Clínica ...", "Ligou o cliente"
# (not "se llama la API", what something is called)
# (nor "Pablo llama a Javier", an escalation to a colleague)
_CALLS_US = lazy_re.compile(r"(?<!\bse )\b(?:(?:llama|llamó|llaman|llamaron)\s+(?:la|el|un|una)|(?:liga|ligou|ligam|ligaram)\s+(?:o|um|uma))\s", re.I)
# ... or said with "again" after the verb: "Los emails salen otra vez", "funcionan de nuevo",
# "voltou a funcionar novamente" (not what fails again: "falla otra vez", "cae de nuevo")
_AGAIN_ANOTHER_TIME = lazy_re.compile(r"\b(?!fall|falh|ca[eií]|cad|romp|rott|quebr|bloque|blocc|trav|colaps|degrad|interromp"
                                      r"|error|erreur|tomb|plant|crash|guast|sbagli)"
                                      r"[^\W\d_]{3,}(?:n|an|en)?\s+(?:otra\s+vez|de\s+nuevo|novamente|de\s+novo"
                                      # (and in Italian and French: "vengono registrati di nuovo", "fonctionnent de nouveau")
                                      r"|di\s+nuovo|de\s+nouveau)\b", re.I)
# what the service does, done as it should again: "scans were completing normally", "the
# service is operating normally" (not "were not completing normally", nor "stopped ...")
# a measure said to be normal, as an entry's last words: "..., latency normal", "error rate normal again"
_METRIC_NORMAL = lazy_re.compile(r"\b(?:latency|latencies|error\s+rates?|errors|p9[59]|p50|throughput|success\s+rates?|"
                                 r"response\s+times?)\s+(?:(?:is|are|was|were|now|back)\s+)?(?:to\s+)?normal(?:\s+again)?\W*$",
                                 re.I)
_GOING_NORMALLY = lazy_re.compile(r"(?<!\bnot )(?<!n't )\b(?:is|are|was|were|now)\s+(?:again\s+|now\s+)?[a-z]+ing\s+normally\b", re.I)
_PAGES_THE_DESK = lazy_re.compile(r"\bpages\s+the\s+(?:service\s+)?(?:desk|noc)\b(?!\s+to\s+(?:announce|inform|notify|tell|warn))", re.I)
# someone on the floor telling the desk that runs the incident, by radio or phone: "operator
# radios DM", "agents call the TDM", "calls the service desk" (not "Radios in the north half ...")
# (or a facility's staff on duty: "Users ... call the local contact on the beamline phone")
# (or calling it in: "Gate leads radio it in"; or what was said: 'radios "Starlight is 101"')
# (or a plant's control room: "calls CCR on Iridium", "calls the ROC"; "signals the control room")
_CALLS_THE_DESK = lazy_re.compile(r"\b(?:radio(?:s|ed)?|calls?|called)\s+it\s+in\b|\b(?:all|both)\s+radio\s+(?!in\b)"
                                  r"|\bradio(?:s|ed)\s+(?!in\b)(?:the\s+)?[\w-]+|\bradio(?:s|ed)\s+[\"“]|\b(?:calls?|signals|signall?ed)\s+(?:the\s+)?(?:TDM|duty\s+manager|CCR|ROC|MCR"
                                  r"|DM|NOC|service\s+desk|help\s*desk|control\s+room|on-?call|local\s+contact"
                                  r"|duty\s+(?:officer|engineer|operator)|shift\s+lead(?:er)?)\b", re.I)
# someone ringing one of us on their own phone: "Nightline's duty vet rings SB on her mobile: ..."
_RINGS_ONE_OF_US = lazy_re.compile(r"\b(?:rings|rang|phones|phoned|calls|called)\s+(?:Dr\.?\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w'’-]*)?"
                                   r"\s+on\s+(?:her|his|their|the)\s+(?:own\s+)?(?:mobile|phone|cell|personal\s+phone)\b")
# someone writing to one of us by our role: "E.'s mother emails the crèche manager", "a parent
# messages the room leader" (not "support emails the customer": we writing out)
# ("A parent messaged her center director through the app": whoever they deal with among us)
_WRITES_TO_A_ROLE = lazy_re.compile(r"\b(?:e-?mail(?:s|ed)|text(?:s|ed)|messag(?:es|ed))\s+(?:the|our|her|his|their)\s+(?:[\w-]+\s+){0,2}?"
                                    r"(?:manager|office|supervisor|lead|leader|head|desk|reception|helpline|hotline|support"
                                    r"|on-?call|duty\s+manager|director|coordinator|administrator)\b", re.I)
# someone telling one of us what they see: "Lab technician tells the IT officer that ..."
_TELLS_THAT = lazy_re.compile(r"\btells\s+(?:the\s+|our\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:that|about)\b", re.I)
# someone of ours seeing what is wrong: "Driver sees the box tilt", "Dispatcher sees 9 feeder lockouts"
_SEES_IT = lazy_re.compile(r"\b(?:sees|saw|spots|spotted)\s+(?:the|a|an|that|\d+|two|three|four|five|six|seven|eight|nine|ten"
                           r"|several|some|many|multiple|dozens)\b", re.I)
# ... not the people harmed seeing it: "Customers saw errors", "players see a blank lobby"
_THE_HARMED = lazy_re.compile(r"\b(?:customers?|users?|players?|guests?|members?|visitors?|clients?|shoppers?|people|patients?"
                              r"|riders?|passengers?|viewers?|fans?|callers?|students?|residents?|drivers?\s+in)\b", re.I)
# ... and acting on it as a person does: calls, stops, pings, tells, raises it
_ACTS_ON_IT = lazy_re.compile(r"\b(?:and|then)\s+(?:\w+\s+)?(?:calls?|called|stops?|stopped|pings?|pinged|tells?|told|raises?|raised"
                              r"|reports?|reported|escalates?|escalated|alerts?|alerted|radios?|radioed|phones?|phoned|messages?"
                              r"|flags?|flagged|opens?|opened|emails?|emailed|texts?|texted|rings?|rang)\b", re.I)
# a relief denied in the same breath: "Lag stops growing but doesn't come down"
_BUT_NOT_YET = lazy_re.compile(r"\bbut\s+(?:(?:it|they|the\s+\w+)\s+)?(?:doesn['’]t|does\s+not|don['’]t|didn['’]t|did\s+not|isn['’]t"
                               r"|aren['’]t|not\s+yet|still)\b", re.I)
# someone raising it in the team's channel: "Community team ... pings #live-ops"
_PINGS_A_CHANNEL = lazy_re.compile(r"\b(?:pings|pinged)\s+#[\w-]+", re.I)
# someone of ours finding a thing in a bad state: "scrolls the isolation list and finds zones 4
# and 5 isolated", "Porter finds the plant room door unlocked" (not "finds the cause", nor what
# had gone before: "They found their servers had gone down to weekend capacity at 6pm")
_FINDS_IT_BAD = lazy_re.compile(r"\b(?:finds|found|discovers|discovered)\s+(?!no\b|nothing\b|that\b)"
                                r"(?:(?!cause|reason|fix|root|evidence|had\b|has\b|have\b|been\b)[\w'-]+\s+){1,6}?"
                                r"(?:isolated|tripped|off|open|unlocked|flooded|wet|missing|empty|down|stopped|disabled"
                                r"|offline|frozen|broken|failed|jammed|stuck|blocked|leaking|dead|dark)\b", re.I)
# a system's event put before the people who watch for it: "BMS event ESC-E4 STOP shown at
# Security Control", "fault displayed on the SCADA screen in the control room" (not a notice
# "displayed on the login screen": what customers are shown)
_SHOWN_TO_THE_DESK = lazy_re.compile(r"\b(?:shown|displayed|annunciated)\s+(?:at|on|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                                     r"(?:control(?:\s+room)?|desk|front[\s-]?end|console|workstation|head[\s-]?end"
                                     r"|mimic|HMI)\b", re.I)
# someone posting word of it somewhere: "posts in the supervisors' WhatsApp group that ..."
_POSTS_THAT = lazy_re.compile(r"\bposts?(?:ed)?\s+(?:in|to|on)\s+[^.;]{1,60}?\s+that\b", re.I)
_PAGED = {"on-call", "oncall", "team", "sre", "sres", "engineer", "engineers", "responder", "responders",
          "primary", "secondary", "ic", "manager", "me", "us"}   # ("My uptime monitor pages me")


_SECRET_WORDS = {"token", "tokens", "key", "keys", "credential", "credentials", "secret", "secrets",
                 "password", "passwords"}
_FOUND = {"found", "finds", "spotted", "noticed", "discovered"}
# (not "keys": "the migration job found duplicate keys")
_SECRETS = _SECRET_WORDS - {"key", "keys"}
# a repository or a bucket made public, or private again (the words around the arrow)
# ("the incident report was made public" exposes nothing)
_EXPOSABLE = r"\b(?:repo(?:sitory|s)?|bucket|gist|dataset|database|snapshot|image|package|project|container|file|folder)\b"
_GONE_PUBLIC = lazy_re.compile(r"\bprivate\W{0,3}\s*(?:→|->|to)\s*\W{0,3}public\b|" + _EXPOSABLE + r"[^.;]{0,40}?\bmade\s+public\b",
                          re.I)
_GONE_PRIVATE = lazy_re.compile(r"\bpublic\W{0,3}\s*(?:→|->|to)\s*\W{0,3}private\b|" + _EXPOSABLE
                           + r"[^.;]{0,40}?\bmade\s+private\b", re.I)
_SECRET_ENDED = lazy_re.compile(r"\b(?:tokens?|keys?|credentials?|secrets?|passwords?)\b(?:\s+[\w@.-]+){0,4}?\s+"
                           r"(?:(?:was|were|is|are|has\s+been|have\s+been)\s+)?"
                           r"(?:revoked|destroyed|disabled|rotated|invalidated|deleted)\b", re.I)


# "recovery of the mainnet (RPC, P2P, validator) completed": a recovery that ends
_RECOVERY = {"recovery", "restoration", "restore", "rollback", "roll-back", "failover", "repair", "repairs",
             "resync", "re-sync"}
_COMPLETE = {"complete", "completed", "completes", "finished", "finishes", "done", "succeeded", "succeeds",
             # "Rollback auf v5.11 abgeschlossen", "Rollback concluído", "rollback completado"
             "abgeschlossen", "erledigt", "beendet", "concluído", "concluido", "concluída", "completado", "completada",
             "terminado", "terminé", "terminée", "completato", "completata", "terminato", "afgerond", "voltooid"}
# "electricians start a planned power outage": work the organisation planned is not the
# incident's impact
_PLANNED = {"planned", "scheduled"}
# words that make a recovery that follows an aim or a failure rather than what happened:
# "prioritises getting the service back up", "the cluster fails to spin back up"
_INTENT = {"getting", "get", "try", "tries", "trying", "tried", "attempt", "attempts", "attempting", "attempted",
           "plan", "plans", "planning", "will",
           "hope", "hopes",
           "hoping", "aim", "aims", "aiming", "want", "wants", "wanting", "fails", "failed", "fail", "unable",
           "cannot", "can't", "couldn't",
           # "actively working on resolving it": the work toward it, not the end
           "working",
           # "the team decides to fail over to the standby": the choice, made before the act
           "decide", "decides", "decided", "deciding"}
_INTENT_WORDS = "|".join(sorted((re.escape(w) for w in _INTENT), key=len, reverse=True))


def _intent_before(text: str, word: str) -> bool:
    """Whether an intent ("trying to", "can't") comes before ``word`` in its own sentence
    ("can't stack codes. No more affected orders" ends one sentence before the next)."""
    return re.search(rf"\b(?:{_INTENT_WORDS})\b[^.;!?]{{0,60}}?\b{re.escape(word)}\b", text, re.I) is not None


# "full recovery expected in about two hours", "restoration ETA 14:00": a forecast
_NOT_PRODUCTION = {"staging", "stage", "dev", "development", "test", "testing", "qa", "canary", "preview",
                   "sandbox", "uat"}
_TO_PLACE = {"to", "in", "on", "into", "onto", "the", "for"}


def _elsewhere(words: list[str], at: int) -> bool:
    """Do the three words from ``at`` name somewhere other than production ("to staging",
    "on the dev cluster"; not the "dev" of a domain name, "janua.dev serving")?"""
    return any(words[j] in _NOT_PRODUCTION and j and words[j - 1] in _TO_PLACE
               for j in range(at, min(at + 3, len(words))))


# "One customer unblocked; everyone else still affected": a part eased, not the impact
_STILL_HURT = lazy_re.compile(r"\bstill\s+(?:affected|impacted|down|failing|broken|erroring|unavailable|degraded|blocked"
                         r"|locked|waiting|spinning|rebooting|hanging|frozen|stuck|crashing|looping|dark|offline)\b"
                         r"|\b(?:everyone|everybody|all|anyone)\s+else\b", re.I)
# "Fix deployed for SHOP-88; this change triggered the incident" (not "Reverted the change
# that caused the outage", the mitigation)
_LOOKUP = frozenset(("dns", "name", "domain", "address", "hostname", "screen", "display", "image", "video",
                     "conflict", "dependency", "ip"))
_CAUSED_IT = lazy_re.compile(r"\bthis\s+(?:change|deploy(?:ment)?|release|fix|update|commit)\s+(?:triggered|caused|started)\b",
                        re.I)
# "Fixed: use the event API", "Fixed — key rotated": the entry is the fix (not "Fixed a typo
# in the channel topic", said in passing)
_FIXED_LABEL = lazy_re.compile(r"^\W*fixed\W*?\s*[:\u2014\u2013-]\s", re.I)
# "Resuelto parcialmente", "partially resolved", "revisión pendiente": not closed (an
# entry's words, and a status field's)
_FOR_PART = lazy_re.compile(r"^(?:\w+\s+)?(?:for|of|on|to)\s+(?:a\s+|one\s+|some\s+)?(?:part|parts|portion|some)\s+of\b"
                            # "Page loads again, but slowly": back, not well
                            r"|^(?:\w+\s+)?but\s+(?:only\s+)?(?:slowly|slow|intermittently|partly|partially|degraded)\b")
_NOT_WHOLLY = lazy_re.compile(r"\b(?:parcial\w*|partial\w*|partly|partiel\w*|teilweise|pendiente|pending|en\s+attente"
                         r"|pendente|ausstehend)\b", re.I)
# "closed the remaining follow-up items", "closed the tickets": the paperwork, not the incident
# (its object, in the same clause: not "Incident closed; follow-ups filed")
# what a place is closed for or to: "for the day", "for the season", "to guests", "to traffic"
_SHUT_TO_USERS = lazy_re.compile(r"(?:for\s+(?:the\s+)?(?:rest\s+of\s+the\s+)?(?:day|night|evening|season|weekend|winter)"
                                 r"|to\s+(?:the\s+)?(?:guests|public|visitors|traffic|customers|riders|passengers|members))\b")
_PAPERWORK = lazy_re.compile(r"\bclos(?:ed|es|ing)\s+(?:(?:the|all|our|its|remaining|open|last|related|outstanding)\s+){0,3}"
                        r"(?:follow[\s-]?ups?|follow[\s-]?up\s+items|items|tickets|tasks|prs|pull\s+requests|issues|actions"
                        r"|jira\s+\w+|todos)\b", re.I)
_EXPECTED = {"expected", "estimated", "anticipated", "eta", "projected", "forecast", "scheduled", "planned"}
# "If you notice any issues, please contact us": a condition put to the reader, not someone noticing
_CONDITION = {"if", "should", "whether", "unless"}
# "so no one notices the regression", "the alert was not noticed", "no alert fired":
# nobody knew yet (a denial in the three words before, within the clause: not "a
# customer, not our alerting, noticed", nor "with no autoscaling; alert fires")
_UNNOTICED = {"no", "not", "nobody", "nothing", "never", "without", "didn't", "didn’t", "hadn't", "hadn’t", "wasn't", "wasn’t",
              # ("el HMI queda congelado sin alarma": without one, in the other languages)
              "sin", "sem", "sans", "ohne", "senza", "zonder"}
# "Alarm does not fire", "the alert never fired", "alerting failed to page": it stayed quiet
# (a denial right before a firing verb, in one clause: not 'Alert "Backup failed"', nor
# "alert fires; failed requests climb", nor "fires not long after")
_CONTAINING = {"prevent", "prevents", "preventing", "prevented", "stop", "stops", "stopping", "stopped", "avoid",
               "avoiding", "avoided", "limit", "limiting", "limited", "halt", "halting", "halted"}
# the wrong made right, as the entry's label ("Corrected. Lize moves the result ...") or said
# of a thing ("Rate table corrected; ...", "Setpoint corrected to -18 °C"); not the adjective
# of what is still to come ("until a corrected file is verified", "corrected letters printed")
_CORRECTED = lazy_re.compile(r"^\W*corrected\s*[.:—–-]|(?<=\w )(?<!\ba )(?<!\bthe )corrected\b"
                             r"(?=\s*(?:[.;,)]|$)|\s+(?:to|on|in|for|at|by|and|manually|across|everywhere)\b)", re.I)
_ALARMS = {"alert", "alerts", "alarm", "alarms", "alerting", "monitoring", "pager", "page", "pages"}
_FLAG_PUT = {"adds", "added", "add", "adding", "puts", "put", "places", "placed", "sets", "set", "attaches", "attached"}
# the things an alarm's name qualifies ("alarm dialer", "alert thresholds"): equipment and settings
_ALARM_DEVICES = {"dialer", "dialler", "dialers", "setpoint", "setpoints", "threshold", "thresholds",
                  "settings", "config", "configuration", "rules", "list", "lists", "limit", "limits", "routing", "policy"}
_TO_BE = {"is", "are", "was", "were"}
_NOBODY = {"nobody", "noone", "no-one"}
# what "initial access" may name that is no intrusion: "the initial access vector", "an initial access broker"
_ACCESS_NOUNS = frozenset({"vector", "vectors", "broker", "brokers", "point", "points", "method", "methods", "path",
                           "route", "technique", "techniques", "request", "requests"})
_SOLD_WRONG = frozenset({"oversold", "overbooked", "double-charged", "double-booked"})
# found only after the fact: "First errors in the logs (found afterwards — nothing alerted)"
_AFTERWARDS = frozenset({"afterwards", "afterward", "retrospectively", "retroactively"})
# ... or said so anywhere in the entry, in the languages that say it in two words: 'modem
# passe en alarme "RX lock lost" (vu après coup dans les logs)', "im Nachhinein", "achteraf"
_SEEN_AFTER = lazy_re.compile(r"\b(?:apr[èe]s\s+coup|a\s+posteriori|after\s+the\s+fact|im\s+nachhinein|achteraf)\b", re.I)
# harm counted: none of them is none ("0 errors", "zero failures", "no timeouts")
_COUNTED_HARM = frozenset("error errors failure failures timeout timeouts crash crashes 5xx".split())
# what a notice does when it is the noun, a message: "Preemption notices start arriving"
# the word after "notice" that makes it the letter: "Notice generation job", "Notices queued"
# (not "notices job failures", "notices queue depth rising": what someone saw)
_NOTICE_NOUN_NEXT = frozenset("generation generated generator queued template templates batch batches delivery letter "
                              "letters".split())
_NOTICES_DO = frozenset("start starts started arrive arrives arrived arriving are were go went sent received come came "
                        "begin began".split())
# the words a notice of work planned ahead is given with ("notified to us on 18/01")
_NOTICE_OF = {"notified", "notifies", "notify", "notice", "notices", "notification"}
_PLANNED_WORK = lazy_re.compile(r"\b(?:agree[sd]?\s+to|will|later|plan(?:s|ned)?\s+to|ticket|propos(?:e[sd]?|al))\b", re.I)
_HOUSEKEEPING = lazy_re.compile(r"\b(?:(?:stale|old|expired|obsolete|temporary)\s+data|as\s+(?:scheduled|planned)"
                           r"|to\s+free\s+(?:up\s+)?(?:space|disk|storage))\b", re.I)
_GOES_ON = {"but", "still", "continue", "continues", "continued", "persist", "persists", "persisted", "remain",
            "remains", "remained"}
_ALARM_ENDS = {"resolves", "resolved", "auto-resolves", "auto-resolved", "clears", "cleared", "recovers", "recovered"}
_SILENT_RX = lazy_re.compile(r"\b(?:alert\w*|alarm\w*|monitoring|pager)\b[^.;,:!?\"“”]{0,40}?\b(?:not|never|n['’]t|failed\s+to)"
                        r"\s+(?:\w+\s+)?(?:fire[sd]?|firing|trigger(?:s|ed)?|page[sd]?|go(?:es)?\s+off|went\s+off|notify"
                        r"|notified|alert(?:s|ed)?|catch|caught)\b"
                        # ("Minor alarms go to the event log and the morning report, not to on-call": heard by no one)
                        r"|\b(?:alert|alarm)\w*[^.;!?]{0,80}?\bnot\s+to\s+(?:the\s+)?(?:on[\s-]?call|pager|anyone|anybody)\b"
                        # ("High alarm is inhibited (start-up inhibit ...)": held back, so it told no one)
                        r"|\b(?:alert|alarm)s?\s+(?:is|was|are|were)\s+(?:still\s+)?(?:inhibited|suppressed|disabled|muted|shelved|silenced)\b", re.I)


def _stayed_silent(text: str) -> bool:
    """Does the entry say its alarm did not go off?"""
    return _SILENT_RX.search(text) is not None
# (or a word that opens a clause of its own: "Nothing happens until alerts fire")
_CLAUSE_BREAK = lazy_re.compile(r"[,;:()\[\]—–]|\s-\s|\buntil\b|\bwhen\b|\bbefore\b")


def _denied(low: str, words: list[str], i: int) -> bool:
    """Is the word at ``i`` (of ``low``'s words) denied by one of the three before it in
    its clause (four for a subject that names nobody: "Nobody in the booth notices")?"""
    back = 4 if _NOBODY.intersection(words[max(0, i - 4):i]) else 3
    starts = None
    if "/" in low:
        # ("No I/O fault alarm is configured": a name split at its slash counts as one word)
        starts = [m.start() for m in _WORD.finditer(low)]
        back += min(2, low.count("/", starts[max(0, i - back)], starts[i]) if i < len(starts) else 0)
    if not _UNNOTICED.intersection(words[max(0, i - back):i]):
        return False
    starts = starts or [m.start() for m in _WORD.finditer(low)]
    window = low[starts[max(0, i - back)]:starts[i]]
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(window)), default=0)
    return bool(_UNNOTICED.intersection(_WORD.findall(window[cut:])))
_PLANNABLE = {"outage", "outages", "downtime", "maintenance", "disruption"}
# (one lookup per word for the three: most words are none of them)
_ROLE = {**{w: "plannable" for w in _PLANNABLE}, **{w: "recovery" for w in _RECOVERY},
         **{w: "complete" for w in _COMPLETE}}


# "investigations into the outage began", "work on the incident started": the noun is
# the object of a preposition, so what began is something else (written side by side:
# not "Shortly after, the outage began")
_PREPOSED = lazy_re.compile(r"\b(?:into|on|of|about|for|regarding|around|behind)\s+(?:(?:the|this|that|an?)\s+)?"
                       r"(?:outage|incident|impact|problem|issue|fault|failure)\s+"
                       r"(?:begins|began|begin|starts|started|start|occurs|occurred)\b", re.I)


# a check of the organisation's own that fails: "install test failed", "smoke tests are failing"
# a question quoted after a colon or a dash: what someone asked, in their words
# (or right after the verb: 'sees the restart at 21:30 UTC ... and asks "is this right??"')
_QUOTED_QUESTION = lazy_re.compile(r"(?:[:—–-]|\basks|\basked|\basking)\s*[\"“][^\"”]{0,200}\?[^\"”]{0,200}[\"”]")
_MEETINGS = frozenset(("meeting", "meetings", "workshop"))
_KEPT = frozenset("kept keep keeps keeping remained remains remain stayed stays stay left held".split())
_CHECKS = {"test", "tests", "check", "checks", "probe", "probes", "verification", "healthcheck", "healthchecks",
           # "RegSuite pre-submission validation fails", "reconciliation failed": a control's own check
           "validation", "validations", "reconciliation", "reconciliations"}
_FAILS = {"fail", "fails", "failed", "failing"}
_COPULA = {"is", "are", "was", "were", "start", "started", "starts", "begin", "began", "begins"}


_AMPERSAND_IN_WORD = lazy_re.compile(r"(?<=\w)&(?=\w)")
# a report a schedule sends ("Weekly merchant promo report e-mail goes out with zero
# redemptions", "the daily report was generated"): the document, not someone reporting
# ("daily production report generated empty", "the 06:00 report came out empty")
_GOES_OUT = lazy_re.compile(r"(?:e-?mail\s+|email\s+)?(?:goes|go|went|is\s+sent|was\s+sent|gets\s+sent|is\s+generated"
                            r"|was\s+generated|generated|comes\s+out|came\s+out|is\s+published|was\s+published|runs|ran"
                            r"|circulated|is\s+circulated|was\s+circulated)\b")
# a job's work on what failed before ("retries failed card payments", "re-runs failed jobs")
_RETRIES = frozenset("retry retries retried retrying rerun reruns re-run re-runs replay replays replayed reprocess "
                     "reprocesses reprocessed resubmit resubmits resubmitted requeue requeues requeued".split())


# (the retry a noun, "her first rerun failed exactly like the others", is the failure)
_DETERMINERS = frozenset("the a an her his their our its my your first second third next last every each this that".split())
_LIKE = frozenset("exactly like just again too also with".split())


# a reading of something written ("checked the DMARC reports were clean", "reviewed the
# crash reports"): the reports are what was read, not someone reporting
_READS = frozenset("check checks checked checking read reads reading review reviews reviewed reviewing compare "
                   "compared comparing scan scanned audit audited pull pulled".split())


# what may follow a state a system reports ("kubelet reports NotReady when CNI is
# missing"), where a noun would follow a customer's words ("reports NotReady nodes")
_AFTER_STATE = {"when", "if", "while", "after", "before", "for", "on", "in", "and", "or", "until", "because",
                "since", "again", "so", "but", "as", "at", "instead"}


def _a_state(words: list[str], i: int) -> bool:
    """Is the word at ``i``, after "report(s|ed)", a state a system gives ("nodes reported
    Ready", "make kubelet report NotReady when ...") rather than a report of trouble?"""
    w = words[i]
    return w in REPORTED_STATES or w in REPORTED_STATUS and (i + 1 >= len(words) or words[i + 1] in _AFTER_STATE) \
        or w in _DONE_STATES or i + 1 < len(words) and words[i + 1] in _DONE_STATES   # ("car reports install complete")


# a step a system says it finished: "first car reports install complete", "agent reports sync done"
_DONE_STATES = frozenset("complete completed done finished succeeded".split())


def _a_check(words: list[str], i: int) -> bool:
    """Is the failing at ``i`` a check's ("test failed", "checks are failing")?"""
    return bool(i) and (words[i - 1] in _CHECKS or i > 1 and words[i - 1] in _COPULA and words[i - 2] in _CHECKS
                        # (or one named by its id: "test case FT-118 fails", "check job cfg-7 failed")
                        or i > 2 and words[i - 3] in _CHECKS and words[i - 2] in _CHECK_KINDS
                        and any(c.isdigit() for c in words[i - 1]))


_CHECK_KINDS = frozenset(("case", "suite", "job", "run", "step"))


# a release of a new version: "v0.2.0-alpha.2 published to npm", "Released 2.4.1" (the
# version and the verb side by side: not "traced the bug to v2.3.1, released on Monday",
# nor "status update published: users of app 5.2.0 cannot pay")
_RELEASE_VERBS = {"published", "publishes", "publish", "released", "releases", "release", "shipped", "ships", "ship"}
_VERSION = r"(?<![\w.])(?:v\d+(?:\.\d+)+|\d+\.\d+\.\d+)(?:-[\w.]*\w)?(?!\w|\.\w)"
# ("enisoc releases Kubernetes 1.6.1": a product's name may come between, not words that
# make it something else: "the release notes for 3.4.0", "halted release of 5.2.1",
# "published advisory about 2.4.1", "shipped hotfix to 1.2.3 users")
_NOT_A_NAME = (r"(?:notes?|of|for|about|to|on|in|from|with|by|advisory|advisories|announcement|plans?|candidates?"
               r"|branch|process|schedule|the|an?|and|or|users?|hotfix|fix|patch|that|which)\b")
_RELEASE_OF = (r"(?<!\bhalted\s)(?<!\bpaused\s)(?<!\bstopped\s)(?<!\bblocked\s)(?<!\bpulled\s)"
               r"\b(?:publish(?:es|ed)?|releas(?:es|ed|e)|ship(?:s|ped)?)\s+(?:(?!" + _NOT_A_NAME
               + r")[A-Za-z][\w-]*\s+){0,2}?(?:version\s+)?")
_RELEASED = lazy_re.compile(_VERSION + r"\s+(?:(?:was|is|has\s+been|got)\s+)?(?:published|released|shipped)\b"
                       r"|" + _RELEASE_OF + _VERSION, re.I)
# a revert weighed, not done: "should we revert 2.14.0?", "decided not to revert", "proposes to revert"
_WEIGHED = lazy_re.compile(r"\b(?:should|whether|propos\w+|suggest\w*|decid\w+|consider\w*|debat\w+|discuss\w*|not|tried"
                      r"|attempt\w*|could|would|might|may|plan\w*|want\w*|if)\b", re.I)
_REVERT_VERSION = lazy_re.compile(r"(?<!\bto\s)\brevert\s+(?:to\s+)?" + _VERSION, re.I)
# a bad version taken back from its registry: "1.8.0 yanked", "yanked 2.4.0 from crates.io",
# "v3.1.2 was unpublished" (a yank said of the version, not of "the yank command")
_PULLED = ("yanked", "yank", "yanks", "unpublished", "unpublish", "withdrawn", "withdrew", "pulled")
_VERSION_PULLED = lazy_re.compile(_VERSION + r"\s+(?:(?:was|is|has\s+been|got|been)\s+)?(?:yanked|unpublished|withdrawn|pulled)\b"
                                  r"|\b(?:yank(?:ed|s)?|unpublish(?:ed|es)?|withdr[eo]w|pulled)\s+(?:(?:the\s+)?(?:release|version)\s+)?"
                                  + _VERSION, re.I)
_BLAMES_IT = lazy_re.compile(r"\b(?:bug|regression|introduced|broke|broken|caus\w+|traced|culprit)\b", re.I)
# French "restoration" as what happened: the entry's label, or with a word that completes
# it (not "Début du rétablissement", the start of it, nor "Rétablissement en cours")
_RESTORED_FR = lazy_re.compile(r"^\W*r[ée]tablissement\b(?!\s+(?:en\s+cours|partiel|progressif|pr[ée]vu))"
                          r"|\br[ée]tablissement\s+(?:complet|total|effectif|termin[ée])", re.I)
# "Impact stopped shortly after", "Impact ends.": the two words side by side, and not "the impact stopped
# growing" nor "impact. Resolved to fail over"
_IMPACT_ENDED = lazy_re.compile(r"\bimpact\s+(?:(?:has|had|was)\s+(?:been\s+)?)?(?:stopped|ceased|resolved|ends|ended|mitigated)\b"
                           r"(?![ \t]+(?:growing|spreading|increasing|rising|to)\b)", re.I)
def _may_say(text: str, hint: re.Pattern, said: re.Pattern, caps: str) -> bool:
    """Whether ``text`` says what ``said`` finds, looked for only where ``hint`` (a pattern
    opening with plain small letters, which the regex engine finds quickly) or the word
    ``caps`` (the same in capitals) is there: a whole document is searched, for every one."""
    return (hint.search(text) is not None or caps in text) and said.search(text) is not None


def _taken_as_mitigated(text: str) -> bool:
    """Whether ``text`` says the writer counts the incident mitigated from a moment ("We
    count the incident as mitigated at 11:02", "we consider the impact mitigated from that
    point"): the words before each "mitigated" looked at, not the whole text searched."""
    at = text.find("mitigated")
    while at != -1:
        if _TAKEN_AS_MITIGATED.search(text, max(0, at - 60), at + 9):
            return True
        at = text.find("mitigated", at + 9)
    return False


# the verbs a writer counts a moment as something with: "we take ... as the start", "we count the incident as mitigated"
_COUNTS_AS = r"\b(?:take|took|count|counted|consider|considered|treat|treated|call|called)\s+"
_TAKEN_AS_MITIGATED = lazy_re.compile(_COUNTS_AS + r"(?:the\s+(?:incident|impact|outage)|it|this)\s+(?:as\s+)?mitigated\b", re.I)
_BEGAN_HINT = lazy_re.compile(r"mpact\s+(?i:began|begins|started|starts|commenced)")
_TAKEN_HINT = lazy_re.compile(r"as\s+the\s+(?i:start|beginning|onset)\b|(?:impact|outage|downtime)\s+from\b")
_WORKAROUND_HINT = lazy_re.compile(r"round(?:\s+(?:it|the)\b|\b)")
# the writer saying which moment they count as the start: "which we take as the start of impact"
# (or counts the harm from: "22:30, is where we count impact from")
_START_TAKEN = lazy_re.compile(_COUNTS_AS + r"(?:this|that|it\s+)?as\s+the\s+(?:start|beginning|onset)\b"
                               r"|\b(?:count|counts|counted|measure|measured)\s+(?:the\s+)?(?:impact|outage|downtime)\s+from\b", re.I)
# the writer stating when the harm began, "Impact began with the unit failure at 08:47"
IMPACT_BEGAN = lazy_re.compile(r"\b(?:customer\s+|user\s+)?impact\s+(?:began|begins|started|starts|commenced)\b"
                                r"(?!\s+to\s+(?:grow|spread|rise|ease|fall|drop))", re.I)


# "No duplicate payouts after this", "no new errors after that": the harm's last, here
# (what is left after it, "but balances are still wrong")
_STILL = lazy_re.compile(r"\b(?:still|yet\s+to|remain(?:s|ed)?)\b", re.I)
# the harm's last trace gone: "No duplicates left on either portal", "no errors left in the queue"
# (not "no budget left", "no one left", "no time left": what ran out)
_NONE_LEFT = lazy_re.compile(r"\bno\s+(?:duplicates?|errors?|failures?|failed\s+\w+|stuck\s+\w+|bad\s+\w+|affected\s+\w+"
                             r"|corrupt(?:ed)?\s+\w+|wrong\s+\w+)\s+(?:are\s+|were\s+)?left\b", re.I)
def _first_of(things: str, skipping: str = "") -> str:
    """The pattern of an entry that opens on the first of ``things``, up to two words
    between ("First family call", "First FTS job failures"); with ``skipping``, words that
    may not stand between, and none that opens with a digit ("First API call", "First 911 call")."""
    word = rf"(?!(?:{skipping})\b)[^\W\d][\w-]*" if skipping else r"[\w-]+"
    return rf"^\W*first\s+(?:{word}\s+){{0,2}}?{things}"


# the writer naming the step just told as the harm's control: "This is the interim control",
# "That was our containment", "This was the temporary fix"
_NAMED_THE_CONTROL = lazy_re.compile(r"\b(?:this|that)\s+(?:is|was)\s+(?:the|our)\s+(?:interim\s+|temporary\s+|immediate\s+|first\s+)?"
                                     r"(?:control|containment|mitigation|workaround)\b", re.I)
# an entry opening on the first word from outside: "First family call, Kellyville centre: ...",
# "First parent complaint", "First Zendesk ticket"
# (someone's call or ticket: not "First API call with the key", "First failed payment calls",
# "First 911 call", a machine's call or the service's own work)
_FIRST_CALL = lazy_re.compile(_first_of(r"(?:call|phone\s+call|complaint|ticket)s?\b",
                                        skipping="api|apis|http|https|rpc|grpc|payment|failed|suspicious|outbound|test"), re.I)
# everyone served again from the moment just told: "from that moment every driver had a
# route on their phone", "from then on all orders were going through" (not "... had to wait")
_FROM_THEN_ALL_HAD = lazy_re.compile(r"\bfrom\s+(?:that\s+(?:moment|point)|then)(?:\s+on)?,?\s+(?:every|all)\s+(?:[\w-]+\s+){1,2}?"
                                     r"(?:had|has|have|was|were|could|can)\b(?!\s+(?:no|not|nothing|lost|failed|to\b))", re.I)
# the harm taken away just before it landed: "She took the satay plate away ..., before O. had
# touched it", "pulled the tray before anyone had eaten from it" (not "before the fix")
_TAKEN_BEFORE_HARM = lazy_re.compile(r"\b(?:took|takes|removed|removes|pulled|pulls|snatched|swapped|caught|catches)\b[^.;]{0,60}?"
                                     r"\bbefore\s+(?:[\w.'’-]+\s+){1,3}?(?:had\s+|could\s+)?(?:touched|eaten|ate|eat|drunk|drank"
                                     r"|drink|swallowed|swallow|taken|take|used|use|opened|open|worn|wear)\b", re.I)
_NONE_AFTER = lazy_re.compile(r"\bno\s+(more\s+|further\s+|new\s+)?[\w-]+(?:\s+[\w-]+)?\s+(?:after|since)\s+(?:this|that)\b", re.I)
# an entry that tells the harm gone, each pattern with a word it cannot match without (looked
# for first, a cheap test): "from that moment every driver had a route", "took the plate away
# ... before O. had touched it", "No duplicates left on either portal", "Hit ratio > 85%,
# latency normal" (the measure that showed the harm, normal again: its name, "latency", is no
# harm told)
_HARM_GONE = (("from th", _FROM_THEN_ALL_HAD), (" before ", _TAKEN_BEFORE_HARM), (" left", _NONE_LEFT),
              ("normal", _METRIC_NORMAL))


_VERIFIED = {"verified", "verifies", "confirmed", "confirms"}
# "We switch order emails to our backup provider", "traffic moved to the standby region":
# service moved onto what stands by for this (not a plan: "we will switch ..." nor a
# condition: "if errors continue, switch to ...")
_SWITCHING = {"switch", "switches", "switched", "move", "moves", "moved", "redirect", "redirects", "redirected",
              "route", "routes", "routed", "fail", "fails", "failed"}
_FAILED_OVER = lazy_re.compile(r"\b(?:switch(?:es|ed)?|mov(?:e|es|ed)|redirect(?:s|ed)?|rout(?:e|es|ed)|fail(?:s|ed)?\s+over)"
                          r"\s+(?:[\w'’-]+\s+){0,4}?to\s+(?:the\s+|our\s+|a\s+)?(?:backup|standby|secondary|fallback)\b", re.I)
_WORKS = WORKING_STATES | {"working", "works", "successful", "succeeds", "succeeded"}
# (nor a part found working while the cause was looked for: "SSH confirmed the API
# service was healthy")
_NEGATION = {"not", "no", "never", "still", "isn't", "wasn't", "aren't", "was", "were", "had", "been"}
_REPORT_WORDS = {"report", "reports", "reported"}
_QUOTES_OUTPUT = lazy_re.compile(r"\breport(?:s|ed)?\s*:?\s*[\"“'`]", re.I)
# (a program says it, not a person: "a customer reported: 'checkout is down'" is a report)
def _machine_output(text: str) -> bool:
    """A program reporting what it did ('The deploy script reported "Traffic switched"'),
    not a person reporting, nor a check reporting a failure ('the health check reported
    "CRITICAL: db down"', which is an alert)."""
    m = _QUOTES_OUTPUT.search(text)
    return m is not None and _MACHINE.search(text, 0, m.start()) is not None \
        and not _ALARMING.search(text, m.end(), m.end() + 80)


_ALARMING = lazy_re.compile(r"\b(?:critical|error|errors|fail\w*|down|alert\w*|warn\w*|unhealthy|timeout|timed\s+out)\b",
                       re.I)
_MACHINE = lazy_re.compile(r"\b(?:script|job|tool|command|check|pipeline|deploy(?:ment)?|build|probe|cron|bot|workflow)\b",
                      re.I)
# (Korean too: its words are found the same way, whatever particle follows them)
_CJK_EVENTS = tuple((kind, lazy_re.compile("|".join(words))) for kind, words in (
    # (not a planned stop, "計画停止", nor one we made, "デプロイを停止"; errors that rise,
    # "エラー率が上昇", are)
    ("impact", ("失敗開始", "障害発生", "(?<!計画)(?<!を)停止", "エラー(?:率)?(?:が|の)?(?:上昇|増加|急増)", "全滅", "ダウン", "故障", "エラー発生", "中断", "宕机", "故障开始",
                "장애 ?발생", "오류", "실패", "중단", "다운(?!로드|그레이드)")),
    # (an error seen: "本番環境でエラー発生を確認", "장애 확인"; not a recovery confirmed, "復旧を確認")
    ("detected", ("通知", "検知", "アラート", "発見", "気付", "告警", "报警", "发现", "발견", "감지", "탐지", "인지", "알림",
                  "(?:エラー|障害|異常|不具合|故障)(?:発生)?(?:を|が)確認(?!されな|できな|せず)",
                  # a user or customer who saw it and said so: "ユーザが s4rciv.com で Error
                  # 1033 を観測", "用户反馈无法登录"
                  "(?:ユーザー?|利用者|お客様|顧客)(?:が|から|より)[^。]{0,40}?(?:観測|報告|問い?合わせ|申告|指摘|連絡)",
                  "(?:用户|客户)(?:反馈|报告|投诉)",
                  "(?:오류|장애|에러) ?(?:발생 ?)?확인(?! ?(?:되지|안|불가))", "알람 ?발생", "경보 ?발생")),
    # "一次性修复所有相关问题" (every problem fixed at once), not "开始修复" (began fixing) nor
    # "修复中" (being fixed)
    ("mitigated", ("復旧", "回復", "解消", "恢复", "(?<!开始)(?<!尝试)(?<!准备)(?<!正在)(?<!着手)(?<!进行)(?<!计划)修复(?!中)",
                   "복구", "완화", "장애 ?해소", "정상화", "暫定対応完了", "临时处理完成",
                   # what stopped goes again: "認証コードの送信が再開" (sending resumed), "服务已恢复正常"
                   "(?:が|を)?再開(?!予定|の見込み)", "正常化")),
    # "インシデントをクローズ" (the incident closed), "障害対応を終了" (the response ended)
    ("resolved", ("解決", "収束", "解决", "해결", "(?:インシデント|障害)(?:を|は)?クローズ", "(?:事件|事故|故障|问题)关闭",
                  "(?:장애 ?)?종료 ?선언", "장애 ?종료", "상황 ?종료", "(?:障害)?対応を?終了")),
))


# whose phones they are: the devices, not someone phoning ("to driver phones", "on their phones")
_PHONES_OWNED = {"to", "on", "the", "their", "our", "his", "her", "its", "driver", "drivers", "user", "users",
                 "customer", "customers", "staff", "mobile", "android", "work", "all", "some", "many", "most"}
# ... or what is done to the phones, whatever follows: "JT switches phones to night mode", "answers phones"
_DONE_TO_PHONES = {"switches", "switched", "switch", "sets", "set", "resets", "reset", "puts", "put", "restarts", "restarted",
                   "reboots", "rebooted", "updates", "updated", "configures", "configured", "answers", "answered", "answering"}


# words at most in an item that is only a when ("2023, Sept 29 2:14PM CET")
_JUST_A_WHEN = 6


# a time struck through at an entry's start, corrected by the one after it
_STRUCK_FIRST = lazy_re.compile(r"[\s*_]*~~[^~\n]{1,40}~~\s*")


# the impact's start and end said in so many words, as "Impact starts" marks an entry:
# "【影响开始】", "影響開始", "영향 시작"; "【影响结束】", "影響終了", "영향 종료"
_CJK_MARKERS = (("started", lazy_re.compile(r"影响开始|影響開始|영향\s?시작")),
                ("mitigated", lazy_re.compile(r"影响结束|影響終了|영향\s?종료")))


# every word the loop in _tag acts on (besides an HTTP 5xx status): one lookup passes
# over the rest, most of an entry's words
_TO_ZERO = frozenset({"zero", "0", "nothing", "none"})
_TAG_WORDS = frozenset(_ROLE) | frozenset(_PHRASES) | STOPPING | BECOMING | _VERIFIED | _SWITCHING | _TO_ZERO | {
    "pages", "page", "radio", "radios", "radioed", "calls", "call", "called", "posts", "posted", "tells", "signals",
    "signalled", "signaled", "sees", "saw", "spots", "spotted", "pings", "pinged", "shown", "displayed", "annunciated",
    "finds", "found", "discovers", "discovered"}
# every word one of the checks after that loop needs (each needs one of them at least)
_SAID_WORDS = _SECRET_WORDS | _RELEASE_VERBS | {"rétablissement", "impact", "revert", "public", "made", "knew", "first"} | set(_PULLED)


# a declared stage opening an entry, set apart by a stop, a colon or a dash
# (in lower case, as a terse note writes it, and not a web page's path: "Page: /pricing ...")
_PAGE_LABEL = lazy_re.compile(r"[\W_]*(?:page|paged)[*_]*\s*:(?!\s*(?:/|https?:|www\.))")
_STAGES = frozenset({"mitigated", "resolved"})
# ... or closing it after a dash, perhaps before its clock in brackets (or in capitals after
# the entry's last sentence: "... 5xx < 0.1%. MITIGATED")
# (or in a terse note's lower case: "last gateway rebooted, all 1,184 uploading. mitigated")
# (or in a sentence of its own: "1,150 of 1,212 vans reporting again. Called it mitigated.")
_STAGE_CLOSES = lazy_re.compile(r"(?:\s[—–-]\s*|[.;]\s+)[*_]*(?:(?:we\s+)?(?:called|call|calling|declared|declare|marked|mark)\s+"
                                r"(?:it|the\s+incident)\s+)?(mitigated|resolved)[*_]*\s*(?:\([^()]{1,30}\))?[\s.]*$", re.I)
# the writer closing the incident in a last word of their own ("every device queue empty per
# fleet dashboard. closing", "... in ring 0. closing incident"), or closing the incident's own
# ticket by its key ("Dev closes CLD-INC-552", "closed INC0012345")
# (or after a comma, where it was closed: "..., all normal, closing in #ops-lisboa")
_CLOSING_NOTE = lazy_re.compile(r"(?:[.;]|\s[—–-])\s*(?i:closing|closed)(?:\s+(?i:the\s+)?(?i:incident|it|out))?[\s.!]*$"
                                # ("16:10 1h+ of normal metrics, closing", "support quiet all morning, closing")
                                r"|,\s*(?i:closing)(?:\s+(?i:the\s+)?(?i:incident|it))?[\s.!]*$"
                                r"|,\s*(?i:closing|closed)(?:\s+(?i:the\s+)?(?i:incident|it|out))?\s+(?i:in|on)\s+#[\w-]+[\s.!]*$"
                                # ("03:50 — queue depth back to normal, calling it": calling it done)
                                r"|(?:[,.;]|\s[—–-])\s*(?i:calling\s+it)[\s.!]*$"
                                r"|\b(?i:close[sd]?|closing)\s+(?:the\s+)?(?:[A-Z][A-Z0-9]*-)*INC[-\s]?\d{2,}\b")
_ALERT_QUOTED = lazy_re.compile(r"\b(?:alert|alerts|notification|pagerduty|alertmanager|opsgenie|nagios|firing)\b", re.I)
_STAGE_OPENS = lazy_re.compile(r"^[\W_]*(mitigated|resolved)[*_]*\s*(?:[.:—–]|-\s)", re.I)


# a bad thing and its stopping in one clause: "errors stop", "the 502s finally stopped" (not
# "fails with TLS errors; customer feeds stop updating", where what stops is the good thing)
_HEDGES = frozenset(("really", "actually", "truly", "effectively", "basically", "essentially", "officially"))
_BEGAN = frozenset(("began", "begun", "begins", "started", "starts"))


def _partly(text: str, word: str) -> bool:
    """Whether ``word`` ("restored") follows a share below 100% ("~60% restored", "80 % of
    the shards recovered"), a few words before it."""
    for m in _SHARE.finditer(text):
        # (in the share's own phrase: no comma or stop between, "error rate 5%, service
        # restored" is no part restored)
        if float(m.group(1)) < 100:
            after = list(takewhile(lambda t: t not in _JOINS, _CLAUSE_END.split(
                text[m.end():m.end() + 40], 1)[0].lower().split()[:4]))
            if word in after:
                return True
    return False


_SHARE = lazy_re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)\s*%")
_CLAUSE_END = lazy_re.compile(r"[,;:.()—–]")
_JOINS = frozenset(("and", "but", "then", "so", "while", "with", "as", "until"))   # ("drops to ~40% and submissions go through again")


# what code calls: "the cap check calls the same helper", "calls the billing API"
_CODE_CALLED = frozenset("same helper helpers function functions method methods api apis endpoint endpoints hook hooks "
                         "library service's script handler".split())
# what "phones" is followed by when it is the verb: whom the call is to
_CALLED = (["the"], ["us"], ["our"], ["support"], ["in"], ["a"], ["an"], ["to"])
_BAD_THEN_STOP = lazy_re.compile(r"\b(?:" + "|".join(sorted(BAD_THINGS, key=len, reverse=True)) + r")\b(?:\s+[\w'-]+){0,2}\s+(?:"
                                 + "|".join(sorted(STOPPING, key=len, reverse=True)) + r")\b")


# someone telling the people who answer for the service: "emails merchant support", "calls
# the IT hotline", "phones the service desk", "messages the on-call"
_TELLING_VERBS = frozenset("""email emails emailed call calls called phone phones phoned ring rings rang message messages
messaged contact contacts contacted writes wrote""".split())
# (not an invitation: "please contact us at support@...", "do not hesitate to contact support")
_TELLS_THE_DESK = lazy_re.compile(r"(?<!\bto )(?<!\bplease )(?<!\bcan )(?<!\bshould )(?<!\bwill )"
                                  r"\b(?:emails?|emailed|calls?|called|phones?|phoned|rings?|rang|messages?|messaged"
                                  r"|contacts?|contacted|writes\s+to|wrote\s+to)\s+(?!us\b|you\b)(?:the\s+|our\s+|their\s+)?"
                                  r"(?:[\w-]+\s+){0,2}?(?:support|service\s+desk|help\s*desk|hotline|helpline|noc)\b"
                                  r"(?!\s+(?:to\s+(?:announce|inform|notify|tell|warn|confirm|say)|back)\b)"
                                  # ... or the call named as a noun: "Call from Brightline Media (level 3) to the help desk"
                                  r"|^\W*(?:calls?|e-?mails?|messages?|phone\s+calls?|complaints?)\s+from\s+[^.;:]{1,60}?\s+to\s+(?:the\s+|our\s+)?"
                                  r"(?:[\w-]+\s+){0,2}?(?:support|service\s+desk|help\s*desk|hotline|helpline|noc|reception|front\s+desk)\b", re.I)
_INVITATION = lazy_re.compile(r"\b(?:if\s+you|please|(?:do\s+not|don't)\s+hesitate|feel\s+free)\b", re.I)
# a ticket or an incident raised by whoever saw the harm: "raises ServiceNow ticket",
# "raises incident INC0092231", "raises INC0772109", "opens a P2 incident"
_RAISING_VERBS = frozenset("raises raised opens opened logs logged files filed".split())
_RAISES_A_TICKET = lazy_re.compile(r"\b(?:raises|raised|opens|opened|logs|logged|files|filed)\s+(?:a\s+|an\s+)?"
                                   r"(?:(?:servicenow|jira|zendesk|freshdesk|remedy|p[1-4]|sev\s?[1-4]|major|priority|urgent)\s+)?"
                                   r"(?:(?:portal|help[\s-]?desk|service[\s-]?desk|support|maintenance|repair|fault)\s+)?"
                                   r"(?:ticket|incident|case|request|fault\s+report)\b|\b(?:raises|raised|opens|opened|logs|logged)\s+INC[-\s]?\d", re.I)
# the writer marking the first knowledge: "first time any of us knew", "the first we knew"
_FIRST_KNEW = lazy_re.compile(r"\bfirst\s+(?:time\s+)?(?:any\s+of\s+us|anyone|we|anybody)\s+knew\b|\bthe\s+first\s+we\s+knew\b", re.I)
# a monitor's line that pages someone by a handle in small letters: "UptimeRobot: /api/health
# DOWN, pages rafa" (the monitor named before a colon; not "serves pages slowly")
_MONITOR_PAGES = lazy_re.compile(r"^[^:]{2,40}:[^\n]*?,\s*pages\s+@?[a-z][\w.-]*\s*(?:[.;]\s*)?$")


# what follows "unpublished" when something was taken back: "unpublished from all 19 diaries",
# "unpublished the malicious version" (not "eleven unpublished stories")
_AFTER_UNPUBLISHED = frozenset("from the a an all it them its their our by at via and in on after within".split())
# papers a process sends on by mail: "leaver form emailed to the facilities inbox", "invoice
# emailed to the customer"
_PAPERS = frozenset("form forms invoice invoices report reports letter letters notice notices statement statements "
                    "list lists file files spreadsheet spreadsheets receipt receipts summary minutes".split())


# someone writing to a team's mailbox, its address or its name and an "@": "Emails
# data-team@: ...", "support emails partners@", "emailed ops@example.com"
_MAILS_A_MAILBOX = lazy_re.compile(r"\bemail(?:s|ed)\s+[\w.+-]+@", re.I)


# users or machines beginning to meet something (an error, a message), not good news:
# 'Enumerators start getting "form not found"', "clients begin seeing timeouts"
# (not a passive's "get": "the DNS record started to get propagated again", nor what comes back "again")
# the work itself stopping: "all 41 buses stop charging", "Dashboards stop updating" (not the
# harm stopping, "errors stop", "stops crashing"; nor the watcher, "monitoring stops working")
_STOPS_WORKING = lazy_re.compile(r"(?<!monitoring\s)(?<!monitor\s)(?<!alerting\s)\b(?:stop|stops|stopped)\s+(?!crashing|failing|erroring|timing|dropping|rejecting|bouncing"
                                 r"|flapping|throwing|returning\s+errors|spamming|paging|alerting|firing|leaking)[a-z]+ing\b", re.I)
# a thing shut, not the incident: "dome closed on UPS power", "Shutter fully closed by hand
# pendant", "Maintenance bypass breaker closed", "change window closed early" (unless the
# entry closes the incident too: "Window closed, incident resolved")
_THING_CLOSED = lazy_re.compile(r"(?:\b(?:shutter|dome|door|valve|gate|breaker|hatch|store|window|cover)s?"
                                # (or a numbered one of a venue's: "Line 5 closed", "Gate 3 closed", "Lane 2 closed")
                                r"|\b(?-i:[A-Z])[a-z]+\s+\d{1,3}[A-Z]?)\s+"
                                # (or the close in brackets: "inside the window (closed 21:26)")
                                r"(?:\(|fully\s+|now\s+|is\s+|was\s+|were\s+|are\s+)?closed\b", re.I)
_ITS_CLOSE = lazy_re.compile(r"\b(?:resolved|incident|all[\s-]clear|calling\s+it|closes|closing|ticket|case)\b", re.I)
# an entry that opens on the first of the harm: "First wrong site_closed rejection at
# PHX-0117", "First FTS job failures from ...", "first crash from a user"
_FIRST_HARM = lazy_re.compile(_first_of(r"(?:rejections?|rejects|failures?|errors?|declines?|timeouts?"
                                        r"|crash(?:es)?|duplicates?|double[\s-]charges?|refusals?)\b")
                              # (or an error by its code's name: "First SignatureValidationFailed responses")
                              + r"|^\W*first\s+\S*(?-i:Fail|Error|Exception|Timeout|Denied|Invalid|Refused)\S*", re.I)
# a measure of the harm starting to grow: "Consumer lag starts climbing", "room air
# temperature starts rising", "error rate begins to climb"
_HARM_CLIMBS = lazy_re.compile(r"\b(?:lag|latency|latencies|errors?|error\s+rates?|queue|backlog|temperature|pressure|level)\s+"
                               r"(?:starts?|started|begins?|began)\s+(?:to\s+)?(?:climb|climbing|rise|rising|grow|growing|build|building)\b", re.I)
# the writer marking the harm's start in the entry's words, after a state: "values freeze
# from here while the association stays up", "Product nonconforming from this point"
# (not a sentence opening with it: "From here the team moved to ...")
_FROM_HERE = lazy_re.compile(r"(?<=[a-z] )from\s+(?:here|this\s+point|this\s+moment)(?:\s+on)?\b"
                             r"(?!\s+(?:we|the\s+team|i|they|on-call)\b)", re.I)
# ... a good state from there on: "Drivers on corrected rounds from here", "prices correct from
# this point", "working normally from here on"
# (not "Checkout stops working from here": the harm, from then on)
_RIGHT_FROM_HERE = lazy_re.compile(r"\b(?<!stops\s)(?<!stop\s)(?<!stopped\s)(?<!not\s)(?<!longer\s)"
                                   r"(?:correct(?:ed)?|fixed|normal(?:ly)?|restored|recovered|working)\b", re.I)
_FROM_HERE_NOT_HARM = lazy_re.compile(r"\b(?:stop|stops|stopped|over|correct\w*|fixed|again|normal\w*|treated\s+as|declared|retr(?:y|ies)"
                                      r"|restored|recover\w*|resum\w*|works?|working|at\s+risk|could|might|may"
                                      # (the response's own rhythm: "Capacity incident opened; daily stand-up from here on")
                                      r"|opened|stand-?ups?|daily|meetings?|bridge|calls?)\b", re.I)
# machines beginning to restart on their own: "Scanners start rebooting mid-scan", "pods
# keep restarting" (not our step on them: "started restarting the pods one by one")
_START_REBOOTING = lazy_re.compile(r"\b(?:start|starts|started|begin|begins|began|keep|keeps|kept)\s+(?:to\s+)?"
                                   r"(?:rebooting|restarting|reboot|restart|crash-?looping|power-?cycling)\b"
                                   r"(?!\s+(?:the|all|each|every|our|them|it|those|these)\b)", re.I)
# an alarm nobody saw: "lost in the flood", "unseen", "missed by the operator"
# (not a deadline missed: "gate closure missed by two minutes")
_ALARM_UNSEEN = lazy_re.compile(r"\b(?:lost\s+in\s+the\s+(?:flood|noise|storm)|unseen|unnoticed"
                                r"|missed\s+by\s+(?:the|an?|our|everyone|everybody|all)\b"
                                # "high-EC alarm written to the event log only": recorded, shown to no one
                                r"|(?:written|logged|recorded|sent)\s+(?:to|in)\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?log\s+only\b)", re.I)
# a response ended: "SO stands down the count incident", "the emergency was stood down"
_STOOD_DOWN = lazy_re.compile(r"\b(?:stands?|stood)\s+(?:the|this)\s+(?:incident|response|emergency|bridge)\s+down\b"   # ("We stand the incident down.")
                              r"|\b(?:stands?|stood)\s+down\s+(?:the\s+)?(?:[\w-]+\s+)?(?:incident|response|emergency|event"
                              r"|bridge|alert|ert|crews?)\b|\b(?:incident|response|emergency|event|bridge|ert|team|crews?)\s+"
                              r"(?:is\s+|was\s+|were\s+)?(?:stood|stands)\s+down\b", re.I)
_STANDS_DOWN = lazy_re.compile(r"\b(?:stands?|stood|standing)\s+down\b", re.I)
_STARTS_GETTING = lazy_re.compile(r"\b(?:start|starts|started|begin|begins|began)\s+(?:to\s+)?(?:getting|seeing|receiving|hitting"
                                  r"|get(?!\s+\w+ed\b)|see|receive|hit)\b(?![^.;]{0,40}\bagain\b)(?!\s+(?:\w+\s+)?(?:normal|success\w*|200s?|green|recover\w*|traffic|v\d|the\s+new"
                                  r"|better|fewer|lower|improv\w*|results?|responses?\s+again"
                                  # (nor word of it: "the Service Desk started receiving calls" is a detection)
                                  r"|calls?|reports?|tickets?|complaints?|e-?mails?|messages?|alerts?|pages?|questions?))", re.I)
# a sum of money, not a status code: "UGX 500", "KES 550", "$500", "500 EUR"
_CURRENCIES = frozenset("usd eur gbp jpy cny inr ugx kes ngn zar tzs rwf ghs xof xaf etb mad egp brl mxn ars cop clp pen "
                        "aud nzd cad chf sek nok dkk pln czk huf try aed sar qar pkr bdt lkr npr idr php thb vnd myr sgd "
                        "hkd krw twd".split())
_MONEY_5XX = lazy_re.compile(r"[$€£¥₹]\s?5\d\d\b|\b5\d\d\s?(?:[€£]|(?-i:[A-Z]{3})\b)")
# a queue growing: "bags begin to back up", "orders started to back up" (not "the site is back up")
_BACKS_UP = lazy_re.compile(r"\b((?:begin|begins|began|start|starts|started|starting|continue|continues|continued)\s+to)\s+back\s+up\b")


def _retag(e: Entry) -> None:
    """Tag an entry again once its words run on past its first line: what the whole
    sentence says, not what its first line's words said ("... as a minor alarm. Minor" over
    "alarms go to the event log and the morning report, not to on-call.")."""
    e.tags.clear()
    e.markers.clear()
    _tag(e)


# a routine check that turns up the fault: "doing the weekly bypass audit on the SIS EWS,
# finds SIF-2107 in MOS" (not "audit of all rules finds no other wildcard", nor the audit log read)
# (or a reconciliation that shows it: "Dana's weekly reconciliation shows 312 filings without a certificate")
_CHECK_ROUNDS = frozenset(("audit", "inspection", "patrol", "walkdown", "rounds", "reconciliation"))
_ROUND_FINDS = lazy_re.compile(r"\b(?:audit|inspection|patrol|walk-?down|rounds|reconciliation)\b(?!\s+(?:logs?|re-?run)\b)"
                               r"(?:(?!\bno\b)[^.;]){0,60}?"
                               r"\b(?:finds|spots|notices|discovers|shows|flags)\b(?!\s+(?:no|nothing)\b)", re.I)


def _tag(e: Entry) -> None:
    """Mark what an entry reports: markers ("OUTAGE BEGINS") and event words."""
    low = e.text.lower()
    if "e-mail" in low:
        low = low.replace("e-mail", "email")   # ("e-mails eCommerce ops asking why ...": one word, as "emails")
    if "&" in low:
        low = _AMPERSAND_IN_WORD.sub("", low)   # ("Grace (FP&A) reports ...": one name, not "fp", "a")
    if "back up" in low and _BACKS_UP.search(low):
        low = _BACKS_UP.sub(r"\1 backlog", low)   # ("Bags ... begin to back up": a queue growing, not "site back up")
    words = _WORD.findall(low)
    if not _HEDGES.isdisjoint(words):
        # "this incident really began": a word that only stresses, between the words that
        # tell a start (not "Impact really ended at 16:55", a note correcting another time)
        words = [w for k, w in enumerate(words) if not (w in _HEDGES and words[k + 1:k + 2] and words[k + 1] in _BEGAN)]
    recovering = None
    check_failed = False
    # (the words acted on, picked out first: most of an entry's words are none of them)
    for i in [i for i, w in enumerate(words) if w in _TAG_WORDS or len(w) == 3 and w[0] == "5"]:
        w = words[i]
        role = _ROLE.get(w)
        if role is not None:
            if role == "plannable" and _PLANNED.intersection(words[max(0, i - 2):i]):
                continue
            if role == "recovery":
                recovering = i
            elif role == "complete" and recovering is not None and i - recovering <= 10:
                e.tags.add("mitigated")
        found = _PHRASES.get(w)
        if found and w in _REPORT_WORDS and (words[i + 1:i + 2] and _a_state(words, i + 1)
                                             or _machine_output(e.text)):
            # "all nodes reported Ready", 'the script reported "Traffic switched"': a system
            # giving its state or its output, not someone reporting
            found = None
        if found and w == "phones" and i and (words[i - 1] in _DONE_TO_PHONES or (
                words[i - 1] in _PHONES_OWNED or words[i - 1][:1].isdigit()) and words[i + 1:i + 2] not in _CALLED):
            found = None   # "pushes empty manifests to driver phones", "+ 8 phones with the app": the devices, not a call
            #              (but "Customer phones the taproom", "a customer phones us": a call)
        if found and w in ("failed", "failing") and i and words[i - 1] in _RETRIES \
                and (i < 2 or words[i - 2] not in _DETERMINERS) \
                and words[i + 1:i + 2] and words[i + 1] not in _AFTER_STATE and words[i + 1] not in _LIKE:
            found = None   # "it retries failed card payments every 6h": what a job works on, not a failure
        if found and w in ("calls", "called", "calling") and words[i + 1:i + 2] == ["the"] \
                and not _CODE_CALLED.isdisjoint(words[i + 2:i + 5]):
            found = None   # "the cap check calls the same helper": code calling code, not a phone call
        if found and w in ("expires", "expire", "expiring") and words[i + 1:i + 2] == ["in"] \
                and words[i + 2:i + 3] and (words[i + 2][:1].isdigit() or words[i + 2] in ("one", "a", "two", "three")):
            found = None   # 'reminder "certificate expires in 1 day"': a warning of what is to come
        if found and w in ("detect", "detection", "detected") and words[max(0, i - 2):i] == ["time", "to"]:
            found = None   # "Time to detect from here: 2 h 15 min": a measure of the wait, not the moment found
        if found and w == "unpublished" and words[i + 1:i + 2] and words[i + 1] not in _AFTER_UNPUBLISHED:
            found = None   # "linking eleven unpublished stories": stories not yet out, nothing taken back
        if found and w in ("emailed", "e-mailed") and i and words[i - 1] in _PAPERS and words[i + 1:i + 2] == ["to"]:
            found = None   # "leaver form emailed to the facilities shared inbox": the paperwork sent on, no one telling us
        if found and w in ("notice", "notices") and words[i + 1:i + 2] and words[i + 1] in _NOTICE_NOUN_NEXT:
            found = None   # "Notice generation job builds ...", "Notices queued for delivery": the letters, not noticing
        if found and not (w in ("report", "reports", "notice", "notices") and i and (
                words[i - 1] in NOT_A_REPORT_AFTER or words[i - 1].isdigit()
                or not _READS.isdisjoint(words[max(0, i - 4):i - 1])
                or _GOES_OUT.match(" ".join(words[i + 1:i + 5])))):
            # ("the hourly reports go out", "The notice sits unread" are the nouns, not
            # someone reporting or noticing)
            for n, by_rest in found:
                for target, kind in by_rest.get(tuple(words[i + 1:i + 1 + n]), ()):
                    if kind in ("mitigated", "resolved") and (
                            _INTENT.intersection(words[max(0, i - 3):i]) and _intent_before(e.text, w)
                            or _EXPECTED.intersection(words[i + 1 + n:i + 3 + n])
                            or kind == "resolved" and _NOT_WHOLLY.search(" ".join(words[max(0, i - 1):i + 3 + n]))
                            # "deployed a fix for part of the issue": some of it ended, not the impact
                            or _FOR_PART.search(" ".join(words[i + 1 + n:i + 6 + n]))
                            # "agrees to add a quota later, preventing further incidents": a plan
                            or w in _CONTAINING and _PLANNED_WORK.search(e.text)
                            or kind == "resolved" and w.startswith("clos") and _PAPERWORK.search(e.text)
                            # "cold room door kept closed": a thing held shut, no incident closed
                            or kind == "resolved" and w.startswith("clos") and i and words[i - 1] in _KEPT
                            # "Meeting closed at 14:58": the review's meeting ended, not the incident
                            or kind == "resolved" and w.startswith("clos") and i and words[i - 1] in _MEETINGS
                            # "Ride closed for the day at 16:05": a place shut to its users, no incident closed
                            or kind == "resolved" and w.startswith("clos") and _SHUT_TO_USERS.match(" ".join(words[i + 1:i + 6]))
                            or _elsewhere(words, i + 1 + n)
                            or "locally" in words[i + 1 + n:i + 4 + n]
                            or ("still" in words or "else" in words) and _STILL_HURT.search(e.text)
                            # "Some builds succeed ...; others still get errors": a part recovered
                            or i and words[i - 1] in _SOME
                            # "DNS resolution had returned to normal": a name lookup, not the incident's
                            or i and w.startswith("resolution") and words[i - 1] in _LOOKUP
                            # "~60% restored", "80 % of shards recovered": a part of it back
                            or words[max(0, i - 4):i] and "%" in e.text and _partly(e.text, w)
                            # "Failures resume": the harm going on again, not the work
                            or i and w.startswith("resum") and words[i - 1] in _HARM_RESUMING
                            # "disabled during a migration and never turned back on", "not yet
                            # under control": it did not happen
                            or not _NOT_SO.isdisjoint(words[max(0, i - 2):i])
                            or _CAUSED_IT.search(e.text)):
                        # an aim, a failure or a forecast ("full recovery expected"), a fix
                        # somewhere else ("fix deployed to staging"), or the change that
                        # caused the incident: not the event
                        continue
                    if target == "markers" and _in_time_clause(e.text, words, i):
                        continue  # "merged even after the outage ended": when something else happened
                    if target == "markers" and kind == "started" and _PREPOSED.search(e.text):
                        continue  # "investigations into the outage began": they began, not it
                    if kind == "started" and w == "initial" and words[i + 1 + n:i + 2 + n] \
                            and words[i + 1 + n] in _ACCESS_NOUNS:
                        continue  # "to identify the initial access vector": a thing looked for, not the intrusion
                    if kind == "impact" and w in _SOLD_WRONG and _denied(low, words, i):
                        continue  # "no rooms were oversold": the harm denied
                    if kind == "impact" and i and words[i - 1] in ("0", "zero", "no") and w in _COUNTED_HARM:
                        continue  # "load completes with 0 errors", "no failures": none counted
                    if kind == "detected" and (_CONDITION.intersection(words[max(0, i - 3):i])
                                               # ("The first failed sensor detection in the logs": a
                                               # device that did not detect a part, no one finding out)
                                               or w in ("detection", "detections") and _FAILS.intersection(words[max(0, i - 2):i])
                                               or _denied(low, words, i)
                                               or w in _ALARMS and _stayed_silent(e.text)
                                               or _NOBODY.intersection(words[i + 1 + n:i + 3 + n])
                                               or _AFTERWARDS.intersection(words[i + 1 + n:i + 3 + n])
                                               or _SEEN_AFTER.search(e.text)
                                               # ("Preemption notices start arriving": notices as the
                                               # noun, the provider's messages, not someone noticing)
                                               or w == "notices" and words[i + 1:i + 2] and words[i + 1] in _NOTICES_DO
                                               # ("as we found out later"; not "fires later than it should")
                                               or "later" in words[i + 1 + n:i + 3 + n] and "than" not in words[i + 1 + n:i + 4 + n]
                                               or words[i + 1 + n:i + 3 + n] == ["no", "one"]
                                               or w in _NOTICE_OF and _PLANNED.intersection(words)):
                        # "if you notice ...", "no one notices", "lands in Security Hub, which
                        # notifies nobody", a supplier's "planned patching (notified to us on
                        # 18/01)": a condition, a denial or the notice of planned work, not a detection
                        continue
                    if kind == "detected" and w in _ALARMS and (words[i + 1:i + 2] and words[i + 1] in _ALARM_DEVICES
                                                                or words[i + 2:i + 3] == ["set"] and words[i + 1] in _TO_BE):
                        continue   # "Alarm dialer switches to its battery", "offline alerts are set to e-mail only": the means, set up
                    if kind == "detected" and w in ("alert", "alerts") and i >= 2 and words[i - 1] in ("an", "a") \
                            and words[i - 2] in _FLAG_PUT:
                        continue   # "adds an alert to both records": a flag put on a record, not an alarm
                    if kind == "detected" and w in _ALARMS and _ALARM_ENDS.intersection(words[i + 1:i + 3]):
                        # "alert auto-resolves", "alarms cleared": what it watched is back to
                        # normal (not "... auto-resolves as traffic dips, but errors continue")
                        if _GOES_ON.isdisjoint(words):
                            e.tags.add("mitigated")
                        continue
                    if kind == "impact" and w in ("jump", "jumps") and {"clocks", "clock"} & set(words[max(0, i - 2):i]):
                        continue  # "Clocks jump to 3:00 AM MDT": the change to summer time, no harm
                    if kind == "impact" and i >= 2 and words[i - 1] == "further" and words[i - 2] in _CONTAINING:
                        continue  # "preventing further loss": harm averted, not harm done
                    if kind == "impact" and "whose" in words[max(0, i - 5):i]:
                        continue  # "a real address at Halvorsen Supply, whose tenant had been compromised": another's harm
                    if kind == "impact" and w == "data" and _HOUSEKEEPING.search(e.text):
                        continue  # "stale data was deleted to free space, as scheduled": upkeep, not harm
                    if kind == "impact" and w in _FAILS and _a_check(words, i):
                        # "Fresh install test failed": a check of ours reporting the
                        # failure is how we learned of it, not the failure (decided below)
                        check_failed = True
                        continue
                    getattr(e, target).add(kind)
        if w in STOPPING and BAD_THINGS.intersection(words[max(0, i - 3):i]) and _BAD_THEN_STOP.search(e.text.lower()):
            e.tags.add("mitigated")  # "evictions stop", "stale rules ... stop" (not "errors; feeds stop updating")
        elif w in _TO_ZERO and BAD_THINGS.intersection(words[max(0, i - 4):i]) and _BAD_TO_ZERO.search(e.text):
            e.tags.add("mitigated")  # "Login errors drop to zero within a minute"
        elif w in BECOMING and WORKING_STATES.intersection(words[i + 1:i + 4]) \
                and not _EXPECTED.intersection(words[max(0, i - 2):i + 4]):
            e.tags.add("mitigated")  # "pod becomes 1/1 Running", "health turns Healthy"
        elif w in _VERIFIED and _WORKS.intersection(words[i + 1:i + 5]) \
                and not _NEGATION.intersection(words[i + 1:i + 5]) and "not" not in words[i + 5:i + 7] \
                and "only" not in words[i + 1:i + 8]:
            # (nor what a check found broken: "confirms the online store has not been written",
            # nor working in part: "confirms RTU-2 is running fans only")
            e.tags.add("mitigated")  # "Verified working", "User confirmed sign-in successful"
        elif w in _SWITCHING and (m := _FAILED_OVER.search(e.text)) and not _INTENT.intersection(words[max(0, i - 3):i]) \
                and not _CONDITION.intersection(words):
            e.tags.add("mitigated")  # "We switch order emails to our backup provider"
        elif len(w) == 3 and w[0] == "5" and w.isdigit() and not (i and words[i - 1] in _CURRENCIES) \
                and not _MONEY_5XX.search(e.text):
            e.tags.add("impact")  # an HTTP 5xx status (not "a test transfer of UGX 500", "$500")
        elif w in ("pages", "page") and (_PAGED.intersection(words[i + 1:i + 4]) or _PAGES_SOMEONE.search(e.text)
                                         or w == "pages" and _PAGES_THE_DESK.search(e.text)):
            # "pages the auth team", "page the payments on-call", "pages @Dev Patel", "pages the
            # Service Desk" (not "updates the maintenance page for the NOC", nor "pages the NOC
            # to announce the window")
            e.tags.add("detected")
        elif w in ("radio", "radios", "radioed", "calls", "call", "called", "signals", "signalled", "signaled") \
                and _CALLS_THE_DESK.search(e.text) \
                and _CONDITION.isdisjoint(words):   # (not "if you notice any issues, call the help desk")
            e.tags.add("detected")   # "MES-2 operator radios DM: ...", "Gate agents call the TDM"
        elif w in ("rings", "rang", "phones", "phoned", "calls", "called") and _RINGS_ONE_OF_US.search(e.text) \
                and _CONDITION.isdisjoint(words):
            e.tags.add("detected")   # "Nightline's duty vet rings SB on her mobile: Pickles' owner has turned up ..."
        elif w in ("emails", "emailed", "e-mails", "e-mailed", "texts", "texted", "messages", "messaged") \
                and _WRITES_TO_A_ROLE.search(e.text) and _CONDITION.isdisjoint(words):
            e.tags.add("detected")   # "E.'s mother emails the crèche manager with a screenshot of her own diary"
        elif w == "tells" and _TELLS_THAT.search(e.text) and _CONDITION.isdisjoint(words):
            e.tags.add("detected")   # "Lab technician tells the IT officer that Bahmni shows the lab sync as offline"
        elif w in ("posts", "posted") and _POSTS_THAT.search(e.text):
            e.tags.add("detected")   # "CHW supervisor posts in the supervisors' WhatsApp group that no stipend has arrived"
        elif w in ("sees", "saw", "spots", "spotted") and (m := _SEES_IT.search(e.text)) is not None \
                and _ACTS_ON_IT.search(e.text, m.end()) is not None \
                and _CONDITION.isdisjoint(words) and not _THE_HARMED.search(e.text, max(0, m.start() - 30), m.start()) \
                and not _denied(low, words, i):
            e.tags.add("detected")   # "Driver sees the box tilt and stops the hoist", "Gloria ... sees the same, and calls Ben"
        elif w in ("pings", "pinged") and _PINGS_A_CHANNEL.search(e.text) and _CONDITION.isdisjoint(words):
            e.tags.add("detected")   # "Community team sees the channel flooding and pings #live-ops"
        elif w in ("finds", "found", "discovers", "discovered") and _FINDS_IT_BAD.search(e.text) \
                and _CONDITION.isdisjoint(words) and not _denied(low, words, i) \
                and not _THE_HARMED.search(e.text, 0, e.text.lower().find(w)):
            e.tags.add("detected")   # "G. Lloyd ... finds zones 4 and 5 isolated as well as 14 and 15"
        elif w in ("shown", "displayed", "annunciated") and _SHOWN_TO_THE_DESK.search(e.text) \
                and _CONDITION.isdisjoint(words) and not _denied(low, words, i):
            e.tags.add("detected")   # "BMS event ESC-E4 STOP shown at Security Control"
    if "mitigated" in e.tags and "but" in words and _BUT_NOT_YET.search(e.text):
        e.tags.discard("mitigated")   # "Lag stops growing but doesn't come down": it got no worse, not better
    if check_failed:
        # ... unless the entry says more went wrong ("health checks failed and every
        # request returned 503"): then the failing check is the outage itself
        if "impact" not in e.tags:
            e.tags.update(("detected", "checked"))
    if not e.text.isascii() and CJK_CHAR.search(e.text):
        # Japanese, Chinese and Korean entries: the words are looked for in the text, not split on spaces
        for kind, said in _CJK_EVENTS:
            if said.search(e.text):
                e.tags.add(kind)
        for kind, said in _CJK_MARKERS:
            if said.search(e.text):
                e.markers.add(kind)
    if words and words[0] in ("page", "paged") and _PAGE_LABEL.match(e.text):
        e.tags.add("detected")  # "2:09a  page: dns_servfail_ratio > 5% for 5m": the page, as its label
    if words and words[0] == "fixed" and _FIXED_LABEL.match(e.text):
        e.tags.add("mitigated")  # "03:42 UTC — Fixed: use the event API instead of curl"
    if ("stop" in low) and "impact" not in e.tags and "mitigated" not in e.tags and _STOPS_WORKING.search(e.text):
        e.tags.add("impact")   # "all 41 buses stop charging", "the gateway stops forwarding sensor readings"
    if words and words[0] == "first" and _FIRST_HARM.match(e.text):
        e.tags.add("impact")   # "First wrong site_closed rejection at PHX-0117 (Tempe Marketplace garage)"
    if "impact" not in e.tags and ("start" in low or "beg" in low) and _HARM_CLIMBS.search(e.text):
        e.tags.add("impact")   # "Consumer lag on bankfeed.tx starts climbing in ap-southeast-2"
    if "from" in low and _FROM_HERE.search(e.text) and not {"mitigated", "resolved"} & e.tags \
            and not _FROM_HERE_NOT_HARM.search(e.text):
        # "values freeze from here", "Product nonconforming from this point" (not "correct
        # from here", "Impact over ... from here on", "treated as an incident from here")
        e.markers.add("started")
    elif "from" in low and _FROM_HERE.search(e.text) and _RIGHT_FROM_HERE.search(e.text) and "resolved" not in e.tags:
        e.tags.difference_update(("impact", "detected"))
        e.tags.add("mitigated")   # "Drivers on corrected rounds from here", "orders correct from this point"
    if "impact" not in e.tags and ("start" in low or "beg" in low) and _STARTS_GETTING.search(e.text):
        e.tags.add("impact")   # 'Enumerators start getting "form not found"', "pods start getting OOMKilled"
    if "impact" not in e.tags and ("start" in low or "beg" in low or "kep" in low or "keep" in low) \
            and _START_REBOOTING.search(e.text):
        e.tags.add("impact")   # "Scanners start rebooting mid-scan, lines at all 4 gates stop"
    if "detected" in e.tags and ("lost" in low or "unseen" in low or "unnoticed" in low or "missed" in low
                                 or "log only" in low) \
            and _ALARM_UNSEEN.search(e.text):
        e.tags.discard("detected")   # "LAH-3307 high level alarm, priority Low, lost in the flood": nobody saw it
    if "down" in low and (m := (ended := _STOOD_DOWN.search(e.text)) or _STANDS_DOWN.search(e.text)) is not None:
        # "SO stands down the count incident", "Incident stood down": the response ended, no
        # harm ("down" is no outage here, unless more of the entry tells one); "Evac standby
        # stood down": a precaution ended, no more than that
        if not any(w in _HARM_WORDS for w in _WORD.findall((e.text[:m.start()] + e.text[m.end():]).lower())):
            e.tags.discard("impact")
        if ended is not None:
            e.tags.add("resolved")
    if "return" in e.text and _COMES_BACK.search(e.text):
        e.tags.add("mitigated")  # "...; suggestions return."
    if "resolved" in e.tags and "closed" in low and _THING_CLOSED.search(e.text) and not _ITS_CLOSE.search(e.text):
        e.tags.discard("resolved")   # "Telescope parked and dome closed on UPS power", "Window closed."
    if "wieder" in e.text and _AGAIN_GERMAN.search(e.text):
        e.tags.add("mitigated")  # "neue Scans kommen wieder sofort an"
    if "again" in e.text and _CAN_AGAIN.search(e.text):
        e.tags.add("mitigated")  # "members can charge everywhere again"
    if "normally" in e.text and _GOING_NORMALLY.search(e.text):
        e.tags.add("mitigated")  # "By 17:31 UTC scans were completing normally"
    if " after th" in e.text and (m := _NONE_AFTER.search(e.text)):
        e.tags.discard("impact")
        e.tags.add("mitigated")   # "Nomad job stopped. No duplicate payouts after this."
        if not m.group(1) and not _STILL.search(e.text, m.end()):
            # "No customer impact after this point": the writer marking the harm's last
            # moment (a mark, so it outranks an earlier partial recovery: "Sydney lag under
            # 60 s" before "Tokyo ... No customer delay after this"; not "No new duplicates
            # after this point": the harm stopped growing, what it did still to repair)
            e.markers.add("mitigated")
    if ("This" in e.text or "this" in e.text) and _NAMED_THE_CONTROL.search(e.text):
        e.tags.difference_update(("detected", "impact"))
        e.tags.add("mitigated")   # "Angela radios all crews: no reversing into any court today. This is the interim control."
    if ("First" in e.text or "first" in e.text) and "detected" not in e.tags and _FIRST_CALL.match(e.text):
        e.tags.add("detected")   # 'First family call, Kellyville centre: "my statement says no subsidy"'
    for said, rx in _HARM_GONE:
        if said in e.text and rx.search(e.text):
            e.tags.discard("impact")
            e.tags.add("mitigated")
    if "impact" in e.tags and (m := _BETTER_LOW_FALLING.search(e.text)) is not None \
            and _HARM_WORDS.isdisjoint(_WORD.findall((e.text[:m.start()] + e.text[m.end():]).lower())):
        e.tags.discard("impact")   # "dashboards fine, latency down": good news, no harm told
    said = set(words)   # (the checks below ask whether a word is there, not where)
    if not said.isdisjoint(_AGAIN_VERBS) and _AGAIN_ROMANCE.search(e.text):
        e.tags.add("mitigated")  # "Novas transferências voltam a liquidar em segundos"
    if ("llama" in said or "llamó" in said or "liga" in said or "ligou" in said) and _CALLS_US.search(e.text):
        e.tags.add("detected")  # "Llama la Clínica Veterinaria Albufera: sus clientes no reciben ..."
    if ("vez" in said or "nuevo" in said or "novamente" in said or "novo" in said or "nouveau" in said or "nuovo" in said) \
            and _AGAIN_ANOTHER_TIME.search(e.text):
        e.tags.add("mitigated")  # "Los emails salen otra vez", "los pagos funcionan de nuevo"
    if not _STAGES.isdisjoint(said) and (m := _STAGE_CLOSES.search(e.text)) \
            and not (e.text[m.start()] in ".;" and _ALERT_QUOTED.search(e.text)):
        # "... full plans published — mitigated (06:38)" (not an alert's own state pasted
        # after it: "Alertmanager notification for the old disk alert; RESOLVED")
        e.markers.add(m.group(1).lower())
    if ("closing" in said or "closed" in said or "close" in said or "closes" in said or "calling" in said) \
            and _CLOSING_NOTE.search(e.text) \
            and not _ALERT_QUOTED.search(e.text):
        e.markers.add("resolved")
    if words and words[0] in _STAGES and (m := _STAGE_OPENS.match(e.text)):
        # "Mitigated. New events are delivered again", "**Resolved** — ...": the stage the
        # team declared, opening the entry as a status page posts it
        e.markers.add(m.group(1).lower())
    if not _HARM_NOUNS.isdisjoint(said) and (m := _ENDS_IT.search(e.text)) \
            and not _NOT_DONE_BEFORE.search(e.text, max(0, m.start() - 40), m.start()):
        # "The PR has been merged and deployed, bringing the outage to an end": the harm
        # named as what ended, not as what happened
        e.tags.discard("impact")
        e.tags.add("mitigated")
    if ("100" in said or "back" in said) and (m := _FULL_AGAIN.search(e.text)) and not _NOT_WORKING.search(m.group(1)):
        e.tags.add("mitigated")  # "Launch rate goes back to 100%" (not "CPU back to 100%")
    if ("here" in said or "where" in said or "exposure" in said or "this" in said) and _STARTS_HERE.search(e.text):
        e.markers.add("started")   # "The account takeover starts here": the writer marking the start
    if not _FIX_WORDS.isdisjoint(said) and _FIX_NAMED_OUT.search(e.text):
        e.tags.add("mitigated")  # "Hotfix 2024.05.4-hf1 deployed: ownership check on ...": the fix out, by its version
    if "0" in said and (m := _AT_ZERO.search(e.text)) and not _NOT_WORKING.search(m.group(1)):
        e.tags.add("impact")     # "Launch success metric reaches 0%"
    if "corrected" in said and _CORRECTED.search(e.text):
        e.tags.add("mitigated")  # "14:35 — Corrected. Lize moves the result ...", "Rate table corrected; pay re-run"
    if "identified" in said and _IS_IDENTIFIED.search(e.text):
        e.tags.add("detected")   # "Problem is identified" (not "... is identified as a TLS timeout": a cause)
    if "first" in said and (_FIRST_SEEN.match(e.text) or _FIRST_CONTACT.search(e.text)):
        # "| Issue First Seen | 9:00 AM |": the entry names the moment it was seen; 'Service
        # desk: first "SSO keeps looping" call': the first of the people telling us
        e.tags.add("detected")
    if not _RAISING.isdisjoint(said) and _RAISES_IT.search(e.text):
        e.tags.add("detected")   # "the team encounters and flags a public key bug"
    if not said.isdisjoint(_TELLING_VERBS) and (m := _TELLS_THE_DESK.search(e.text)) \
            and not _INVITATION.search(e.text, 0, m.start()):
        e.tags.add("detected")   # "A gym chain emails merchant support: ...", "Depot lead calls the IT hotline"
    if not said.isdisjoint(_RAISING_VERBS) and _RAISES_A_TICKET.search(e.text):
        e.tags.add("detected")   # "Leeds store raises ServiceNow ticket", "HR Shared Services raises INC0772109"
    if not _CHECK_ROUNDS.isdisjoint(said) and _ROUND_FINDS.search(e.text):
        e.tags.add("detected")   # "Night CRO, doing the weekly bypass audit, finds SIF-2107 in MOS"
    if "knew" in said and _FIRST_KNEW.search(e.text):
        e.tags.add("detected")   # '... ← first time any of us knew'
    if "pages" in said and (m := _MONITOR_PAGES.search(e.text)):
        e.tags.add("detected")   # "UptimeRobot: /api/health DOWN, pages rafa": a monitor paging someone by name
    if ("emails" in said or "emailed" in said) and _MAILS_A_MAILBOX.search(e.text):
        e.tags.add("detected")   # 'Beth (Controller) — Emails data-team@: "Q4 close dashboard still shows Dec 30"'
    if ("\"" in e.text or "“" in e.text) and "?" in e.text and _QUOTED_QUESTION.search(e.text):
        # '@tamsin-w asks in Zulip #registry: "is the index lagging? ..."', 'Agency calls: "your
        # filing said 6.5%, what gives?"': someone asking about what they see, in their words
        e.tags.add("detected")
    if said.isdisjoint(_SAID_WORDS):
        return   # (none of the words they ask for: most entries)
    if _SECRET_WORDS.intersection(said) and _SECRET_ENDED.search(e.text):
        e.tags.add("mitigated")  # "GitHub Personal Access Token for ewdurbin destroyed."
    if _SECRETS.intersection(said) and _FOUND.intersection(said):
        e.tags.add("detected")   # "Security triage: git grep found the real token in 4 files"
    if "rétablissement" in said and _RESTORED_FR.search(e.text):
        e.tags.add("mitigated")   # "**Rétablissement Total** : ...", "rétablissement complet du service"
    if "impact" in said and _IMPACT_ENDED.search(e.text):
        e.markers.add("mitigated")   # "Impact stopped shortly after", "Impact resolved shortly after"
    if "revert" in said and (m := _REVERT_VERSION.search(e.text)) and not _WEIGHED.search(e.text, 0, m.start()) \
            and "?" not in e.text[m.end():m.end() + 3]:
        e.tags.add("mitigated")   # "@louis-jan and @dan-jan revert 0.4.4": the bad version pulled
    if not said.isdisjoint(_PULLED) and (m := _VERSION_PULLED.search(e.text)) and not _WEIGHED.search(e.text, 0, m.start()):
        e.tags.add("mitigated")   # "1.8.0 yanked; nobody new gets the bad importer"
    if _RELEASE_VERBS.intersection(said) and _RELEASED.search(e.text) and not _BLAMES_IT.search(e.text):
        e.tags.add("released")   # "v0.2.0-alpha.2 published to npm": a new version out
    if ("knew" in said or "first" in said) and (_KNEW_UNTIL.search(e.text) or _FIRST_LEARNED.search(e.text)):
        # "Nobody knew about the duplicates until SC checked the run report at 8.40pm": the
        # writer saying when they first knew (an alert before it told of something else)
        e.tags.add("detected")
        e.tags.discard("impact")
        e.markers.add("knew")
    if ("public" in said and "private" in said) or "made" in said:
        if _GONE_PUBLIC.search(e.text):
            e.tags.add("impact")     # "Repo visibility flipped private → public": exposed from then
        elif _GONE_PRIVATE.search(e.text):
            e.tags.add("mitigated")  # "Repo flipped back public → private": exposed no longer


_FIRST_LEARNED = lazy_re.compile(r"\bwe\s+first\s+(?:learned|learnt|heard|knew)\s+(?:about|of)\b", re.I)
_KNEW_UNTIL = lazy_re.compile(r"\b(?:nobody|no\s+one|no-one)\b[^.;:]{0,40}?\bknew\b[^.;:]{0,40}?\buntil\b", re.I)


_TIME_LIKE = lazy_re.compile(r"^[^\w]*(\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2}[:.]\d{2}(?!\d)(?:\s*[ap]\.?m\.?)?)", re.I)


def _unreadable(doc, text: str, line: int) -> None:
    """An entry that starts with something shaped like a time we cannot read
    ("25:61", "2021-13-45") is a problem, not a silent untimed entry."""
    m = _TIME_LIKE.match(text)
    if m and not ((st := tp.read_stamp(m.group(1), doc.order_hint)) is not None and st.has_date and st.end == len(m.group(1))):
        # (a day's own divider, "----- 03/09/2025 -----", reads: it dates the lines below it)
        doc.problems.warning(line, f"could not read the time '{m.group(1)}'")


def _date_line(st, text: str) -> bool:
    """A line that is only a date (``June 14, 2022``, ``**2021-06-29**``, ``Day 2 - 6th Nov``)."""
    if st is None or not st.has_date or st.has_time:
        return False
    rest = plain(text[st.end:]).strip(" :-–—.,()=")
    if rest and len(rest) < 30 and (end := tp.read_stamp(rest)) is not None and end.has_date and not end.has_time \
            and not rest[end.end:].strip(" :-–—.,()="):
        return True   # "== Wed 17 Sep - Thu 2 Oct ==": the days of a span, a day line as well
    # "2015-10-21 (all times UTC)" is a date line that also states the zone
    return not rest or (len(rest) < 40 and tp.stated_zone("(" + rest) is not None)


# "- 0730 - `operator` - renewed the metadata": four digits and a separator opening an entry
_COMPACT_ITEM = lazy_re.compile(r"^\s*(?:\*\*|__)?([01]\d|2[0-3])([0-5]\d)(?:\*\*|__)?\s*(?::|[-–—|])\s")
# "- 0640 Certificate for scan-api expires", "- **0415** Night shift starts": four digits (in
# bold or not) and the entry's words, no separator
_COMPACT_BARE = lazy_re.compile(r"^\s*(?:\*\*|__)?([01]\d|2[0-3])([0-5]\d)(?:\*\*|__)?\s+(?=[^\W\d])")
_ZONE_AFTER_COMPACT = lazy_re.compile(r"(?:\*\*|__)?\s?(?:hrs?\s+)?([A-Z]{1,4}T|UTC|GMT)\b\s*")
_COMPACT_ZONED = lazy_re.compile(r"^\s*(?:\*\*|__)?(?:[01]\d|2[0-3])[0-5]\d\s?(?:hrs?|Z|UTC|GMT|[A-Z]{1,3}[SD]?T)\b")
_COMPACT_COLUMN = lazy_re.compile(r"^\s*([01]\d|2[0-3])([0-5]\d) {2,}(?=\S)")
_COMPACT_IN_RUN = lazy_re.compile(r"^\s*(?:\*\*|__)?([01]\d|2[0-3])([0-5]\d)(?:\*\*|__)?\s+(?=\S)")


def compact_run(blocks) -> re.Pattern | None:
    """The pattern of a timeline's list whose entries (three or more, two in three of them)
    open with four digits, in clock order (one wrap past midnight allowed): a run of "0730
    - ...", "0740 - ..." entries, whose four digits are clocks; else None. Years in a list
    of milestones rarely come three to a day's order; a day's clocks always do. Without a
    separator after them ("0640 Certificate expires"), one at least must be a clock no
    year can be, before 19:00 or from 21:00 ("2004 Founded", "2010 ...", "2019 ..." are
    clocks too; "2346 signaller confirms line blocked" is no year's)."""
    items = [b.text for b in blocks if b.kind == "item"]
    # (or a shift log's plain lines: "0642 Night crew swaps the core switch ...", a line each,
    # perhaps wrapped onto the next)
    lines = [row[1][0] for b in blocks if b.kind == "para" for row in b.rows]
    for entries, share in ((items, 2 / 3), (lines, 1 / 2)):   # (a line wrapped is no entry of its own)
        for rx in (_COMPACT_ITEM, _COMPACT_BARE):
            clocks = [int(m.group(1) + m.group(2)) for t in entries if (m := rx.match(t))]
            if len(clocks) < 3 or len(clocks) < len(entries) * share:
                continue
            if sum(b < a for a, b in zip(clocks, clocks[1:])) <= 1 and (rx is _COMPACT_ITEM or min(clocks) < 1900 or max(clocks) >= 2100):
                # (once the run is a day's clocks, an entry of it may open with a number:
                # "1340 8.4.2 rolled back on the Line 3 server")
                return rx if rx is _COMPACT_ITEM else _COMPACT_IN_RUN
            if sum(1 for t in entries if _COMPACT_ZONED.match(t)) >= max(3, len(clocks) * 2 / 3):
                # "0405 AEDT  ...", "0438 AEST  ..." (each depot's line in its own zone, so
                # out of order): four digits with a zone or "hrs" after them are clocks, no year
                return rx if rx is _COMPACT_ITEM else _COMPACT_IN_RUN
    # (a plain-text log whose entries wrap onto two or three lines each: its clocks set in a
    # column, two spaces or more after them, "0412  Vendor technician starts ...", in a day's order)
    clocks = [int(m.group(1) + m.group(2)) for t in lines if (m := _COMPACT_COLUMN.match(t))]
    if len(clocks) >= 3 and sum(b < a for a, b in zip(clocks, clocks[1:])) <= 1:
        return _COMPACT_IN_RUN
    return None


def timeline_entries(doc, incident_date: date | None) -> list[Entry]:
    r = _Reader(doc, incident_date)
    tops = doc.of_kind("timeline")
    for s in tops:
        for b in s.blocks[:4]:
            if b.kind == "para" and ("otherwise" in b.text or "all " in b.text.lower()
                                     or b.text.lstrip()[:8].lower() in ("timeline", "events f", "events o")) and \
                    (m := _STATED_DAY.search(plain(b.text))):
                day = tp.date_at(plain(b.text), m.end(), doc.order_hint)
                if day is not None and m.group(0).lstrip()[:1].lower() in "te":
                    r.day = day  # "Timeline for March 1, 2024:": a date line; later ones follow it
                    break
                r.stated_day = day
                if r.stated_day is not None:
                    break
        if r.stated_day is not None:
            break
    if r.stated_day is None and tops:
        # "## Timeline (2026-08-02, JST = UTC+9)": one date in the heading is the day of its
        # time-only entries, whatever date-only context rows come first (a range of two
        # dates, "01/16/2024 - 02/28/2024", states no one day)
        days = tp.dates_in(plain(tops[0].title), doc.order_hint)
        if len(days) == 1:
            r.stated_day = days[0][1]
    if r.stated_day is None and tops:
        # the preamble before the timeline may state it ("Unless otherwise noted ...")
        head = "\n".join(doc.lines[:min(tops[0].line + 3, 200)])
        if _STATED_DAY_HINT.search(head) and (m := _STATED_DAY.search(head)):
            text = plain(head[m.start():m.end() + 60])
            if (m2 := _STATED_DAY.search(text)):
                r.stated_day = tp.date_at(text, m2.end(), doc.order_hint)
    if not tops:
        _status_updates(r)
        if not r.entries and status_issue(doc):
            _timed_blocks(r)
        if not r.entries:
            _noted_code_block(r)
        if not r.entries:
            # (no timeline section, but the moments kept in a table in each region's clock)
            for b in [b for s in doc.secs for b in s.blocks if b.kind == "table" and _zone_columns_table(r, b)]:
                _table(r, b)
    spans: dict[int, tuple[int, int]] = {}   # id(section) -> its entries' slice of r.entries
    for s in tops:
        if id(s) in r.absorbed:
            continue
        first = len(r.entries)
        r.zone = _own_zone(s)
        if s.parent is None or doc.kinds.get(id(s.parent)) != "timeline":
            # (a timeline of its own, not a part of one: a bot's "12:30 PM" above it says
            # nothing of the curated table's "10:40", a 24-hour clock's)
            r.half_day, r.last_clock, r.tabled = False, None, False
        _section_entries(r, s, tops)
        if id(s) in doc.response_steps:
            for e in r.entries[first:]:
                e.tags.add("step")
        spans[id(s)] = (first, len(r.entries))
    _drop_retellings(r, doc, spans)
    if tops and not r.entries:
        # a "What happened" section told as a story, and the status page's updates kept
        # under headings of their own ("### Resolved · Mar 2, 17:05"): those are the timeline
        _status_headings(r)
    elif tops:
        # a status page's history kept beside the team's own timeline ("## Status page
        # history" over "### Resolved — Mar 18, 17:25 UTC"): its updates are entries too
        _status_headings(r, {id(s) for s in r.doc.secs if s.level
                             and (id(s) not in spans or spans[id(s)][0] == spans[id(s)][1])})
    if len(tops) == 1 and r.entries and _chronology_in_code(tops[0]) > 2 * sum(1 for e in r.entries if e.at):
        # (a chart's events as a code block's timed lines, "2025-11-18 09:40 — Incident
        # closed", over notes below it that mention a time or two: the block is the timeline)
        r.entries = []
    if not r.entries:
        # a timeline written in a code block, one timed line per event ("2023-06-17 19:10
        # Issue reported by ..."): read only when the timeline holds nothing else, so a log
        # pasted between entries never becomes one
        for s in tops:
            lines: list[list] = []
            elapsed = False   # under a header naming its first column the time elapsed?
            for ln, line_text in s.fenced:
                if not lines and _ELAPSED_HEADER.match(line_text):
                    elapsed = True
                    continue
                if elapsed and (lead := _ELAPSED_LEAD.match(line_text)):
                    # "-0:14    21:26   upgrade starts" under "elapsed  wall (UTC)  event": the
                    # wall clock beside the offset is the entry's time
                    line_text = line_text[lead.end():]
                st = r.stamp(line_text)
                if st is not None and st.has_time:
                    lines.append([st, line_text, ln, ln])
                elif lines and lines[-1][3] == ln - 1 and line_text[:2].isspace() and line_text.strip():
                    # "                  NorthWatch queue.  DETECTION": the line above goes on,
                    # indented to its text
                    lines[-1][1] = f"{lines[-1][1]} {line_text.strip()}"
                    lines[-1][3] = ln
            for st, line_text, ln, _ in lines:
                r.add(st, line_text, ln)
    if tops and r.entries and _told_as_story(tops, r.entries):
        r.entries = []   # (read as the story it is: prose_entries, over _story_prose)
    _past_midnight(r.entries)
    doc.newest_first = _newest_first(r.entries, 3 if tops else 2)
    if not doc.newest_first:
        _check_order(doc, r.entries)
    return r.entries


# a code block's header row whose first column is the time elapsed ("elapsed  wall (UTC)
# event", "T+  time  what"), and the offset opening each of its rows ("-0:14   21:26 ...")
_ELAPSED_HEADER = lazy_re.compile(r"\s*(?:elapsed|offset|t\s*[+±]|relative|since\s+start)(?![\d:])[^\s\d]*\s{2,}[^\W\d]", re.I)
_ELAPSED_LEAD = lazy_re.compile(r"\s*(?:T\s*)?[+\-−]?\d{1,3}:\d\d(?::\d\d)?\s{2,}(?=\d)")


# a line of a notice pasted as code that opens with a clock to the minute and goes on in
# words ("02:41  LC3 reloaded for firmware 7.4.2"), not a log's record (its clock to the
# second, a level or a bracket after it)
_NOTED_LINE = lazy_re.compile(r"(?:\d{4}-\d\d-\d\d[ T]|\d{1,2}[./]\d{1,2}\.?(?:\d{2,4})?\s+)?"
                              r"(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*(?:UTC|Z|[A-Z]{3,4}))?(?:\s{2,}|\s+[-–—]\s+)[^\W\d_]")
_LOG_MARK = lazy_re.compile(r"\d:\d\d:\d\d|\b(?:INFO|WARN(?:ING)?|ERROR|DEBUG|TRACE|FATAL|CRIT)\b|^\s*\[")


# a chat's line: a clock, then who said it ("14:06  dana: checkout 5xx", "[14:06] <dana> ...")
_CHAT_LINE = lazy_re.compile(r"\s*\[?(?:\d{4}-\d\d-\d\d[ T])?\d{1,2}:\d\d(?::\d\d)?\]?\s*(?:[-–—]\s*)?(?:<[\w.@-]+>|@?[\w.-]+:\s)")


def _chronology_in_code(s) -> int:
    """How many lines of ``s``'s code blocks are a chronology's (_NOTED_LINE: a clock to the
    minute, then words), when three or more are and none is a log's line; else 0."""
    if not s.fenced:
        return 0
    noted = sum(1 for _, t in s.fenced if _NOTED_LINE.match(t))
    # (not a chat pasted as code: "14:06  dana: checkout 5xx at 30%")
    return noted if noted >= 3 and not any(_LOG_MARK.search(t) or _CHAT_LINE.match(t) for _, t in s.fenced) else 0


def _noted_code_block(r: _Reader) -> None:
    """In a document with no timeline section, the one code block that holds a notice's
    chronology (a vendor's report pasted as text: "02:00  Maintenance window opened",
    "02:41  LC3 reloaded ..."): three lines or more that open with a clock to the minute
    and go on in words, and no line of a log (a clock to the second, a level, a bracket)."""
    found = None
    for s in r.doc.secs:
        if not s.fenced:
            continue
        noted = [(ln, t) for ln, t in s.fenced if _NOTED_LINE.match(t)]
        if len(noted) < 3 or any(_LOG_MARK.search(t) for _, t in s.fenced):
            continue
        if found is not None:
            return   # (two such blocks: which one is the incident's is not for a rule to guess)
        found = noted
    for ln, line_text in found or ():
        st = r.stamp(line_text)
        if st is not None and st.has_time:
            r.add(st, line_text, ln)


def _told_as_story(tops, entries: list[Entry]) -> bool:
    """A Timeline section told as a story ("We do not have a tidy minute-by-minute record
    ... The refresh that should have ... At 10:25 AM PST a manual refresh ..."): nothing
    but paragraphs of sentences, three or more, of which fewer than half open with a time.
    It has no entries; its times are read as a story's (prose_entries)."""
    paras = [b for s in tops for b in s.blocks]
    if len(paras) < 3 or any(b.kind != "para" for b in paras):
        return False
    opened = {e.line for e in entries}
    lines = {ln for b in paras for ln, _ in b.rows}
    if not opened <= lines:
        return False   # (entries read from timed headings or anything but these paragraphs' lines)
    if any(sum(ln in opened for ln, _ in b.rows) >= 3 for b in paras):
        return False   # (a paragraph of lines each opening with its clock, a scribe's log, tells no story)
    timed = sum(1 for b in paras if any(ln in opened for ln, _ in b.rows))
    # (a paragraph is the story's when it runs long, or tells two moments: "Um 15:02 Uhr hat
    # Ole den Pool vergrößert ... Um 16:30 Uhr haben wir die Störung geschlossen.")
    told = sum(len(b.text) > 160 or next(islice(_CLOCK.finditer(b.text), 1, None), None) is not None for b in paras)
    return timed * 2 < len(paras) and told * 2 >= len(paras)


def _drop_retellings(r: _Reader, doc, spans: dict[int, tuple[int, int]]) -> None:
    """A list of timed items that is a timeline only by its shape ("SRE connect-the-dots:
    - 16:18:40 MAAS begins image sync", a decision log) beside a longer timeline named by
    its heading, within that timeline's span, retells or annotates it: its entries go. A
    shape timeline as long as the named one or longer is the real one, and both stay."""
    if not doc.by_shape or len(spans) < 2:
        return
    # ("First detected 2024-09-03 08:40", "Resolved ...": key events named by a field's
    # word sum the story up, they do not tell it)
    story = [e for sid, (a, b) in spans.items() if sid not in doc.by_shape
             for e in r.entries[a:b] if meta_key(e.text) not in _STATED_EVENTS]
    times = [e.at for e in story if e.at is not None]
    if not times:
        return
    first, last = min(times), max(times)
    # ... and whose times all lie within the named timeline's: one that goes on past it
    # ("The next morning: ...") continues the story
    drop = [(a, b) for sid, (a, b) in spans.items() if sid in doc.by_shape and 0 < b - a < len(story)
            and all(e.at is None or first <= e.at <= last for e in r.entries[a:b])]
    for a, b in sorted(drop, reverse=True):
        del r.entries[a:b]


# a line between a timeline's lists that says the clock changes from there on
_ZONE_FROM_HERE = lazy_re.compile(r"\b(?:below|from\s+here|from\s+now|onwards?|after\s+this|following)\b", re.I)


def _own_zone(s) -> tp.Zone | None:
    """The zone a section's opening line states for the list or table of times it
    introduces ("Client logs are in EDT (UTC-4):" over client log times), else None: a
    line ending in a colon, right above the list, in a section whose heading states no
    zone. (Not a zone in an entry's own words, "### 9:21 AM" over "... since 08:15 (UTC)",
    nor a city in a sentence, "starting with Europe (Frankfurt).")
    A heading that states one, "### Support (US Eastern, from Zendesk)" beside "### Engineering
    (UTC)", gives its own: parallel workstreams each logged on their own clock."""
    if (said := tp.stated_zone(s.title)) is not None:
        return said
    for b, after in zip(s.blocks, s.blocks[1:]):
        if b.kind != "para":
            return None
        if after.kind in ("item", "table") and b.text.rstrip().endswith((":", "：")):
            return tp.stated_zone(b.text)
    return None


# an entry that opens with its weekday's name before its clock: "**Tue 14:10** ...", "Mon 08:12 ..."
_WEEKDAY_FIRST = lazy_re.compile(r"[\s*_]*(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?=\d)", re.I)
# the days a heading spans: "3–9 Feb", "24 Feb – 2 Mar", "Feb 3–9", "Feb 24 – Mar 2"
_SPAN_DAY_FIRST = lazy_re.compile(r"\b(\d{1,2})(?:\s+([A-Za-z]{3,9})\.?)?\s*[–—-]\s*(\d{1,2})\s+([A-Za-z]{3,9})\b")
_SPAN_MONTH_FIRST = lazy_re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\s*[–—-]\s*(?:([A-Za-z]{3,9})\.?\s+)?(\d{1,2})\b")


def _day_span(title: str, near: date) -> tuple[date, date] | None:
    """The first and last day a heading names as a span of at most two weeks, without a
    year ("Week 6 (3–9 Feb)", "Week 9 (24 Feb – 2 Mar)"): in the year nearest ``near``."""
    for rx, order in ((_SPAN_DAY_FIRST, (1, 2, 3, 4)), (_SPAN_MONTH_FIRST, (2, 1, 4, 3))):
        if (m := rx.search(title)) is None:
            continue
        d1, m1, d2, m2 = (m.group(k) for k in order)   # (a month left out is the other end's)
        first_month, last_month = tp.month(m1 or m2), tp.month(m2 or m1)
        if first_month is None or last_month is None:
            continue
        try:
            first = date(tp.year_near(first_month, int(d1), near), first_month, int(d1))
            last = date(first.year + (last_month < first_month), last_month, int(d2))
        except ValueError:
            continue
        if timedelta(0) < last - first <= timedelta(days=14):
            return first, last
    return None


# a day named with its weekday first, and nothing else, as a heading over that day's timed
# items: "Saturday 9 August", "Sun, Aug 10"
_WEEKDAY = lazy_re.compile(r"(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s", re.I)
_WEEKDAY_DAY = lazy_re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s+[a-z]{3,9}"
                               r"|[a-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?)(?:,?\s+\d{4})?\W*$", re.I)


# a comment's heading: who wrote it, a dash, then when ("Priya Natarajan — 22/Jul/25 2:09 PM")
# (a full name, two words or more, an emoji before it aside: not a status update's
# "Resolved — Nov 6, 12:55 AM")
_WRITER_THEN_WHEN = lazy_re.compile(r"^(?:[^\w\s]+\s*)?@?[^\W\d_][\w'’.-]*(?:\s[^\W\d_][\w'’.-]*){1,3}\s[—–]\s+(\S.{3,40})$")
# ... and the comment's kind after when, as a service desk prints it ("— Reply to customer",
# "— Internal comment")
_COMMENT_KIND = lazy_re.compile(r"\s*[—–|·]\s*[^\W\d_][\w' -]{2,30}")
# ... or a thread's, as a tracker shows it: a handle, what it did, then when ("ilse-vd
# commented · 2025-03-04 10:14 UTC", "brambleworks opened this issue · 2025-03-04 08:52 UTC")
_HANDLE_THEN_WHEN = lazy_re.compile(r"^(?:[^\w\s@]+\s*)?@?[\w.-]{2,39}\s+(?:commented|replied|wrote|posted|answered|reopened|closed"
                                    r"|opened\s+this\s+(?:issue|pull\s+request|discussion))(?:\s+on)?\s*[—–·,|-]?\s*(\S.{3,40})$", re.I)


# a heading's last part after a dash or a colon ("Phase 2 — Wednesday 19 January", "Day two: 19 Jan")
# (or a bilingual heading's second name: "### Lørdag / Saturday 26 October")
_DAY_AFTER_LABEL = lazy_re.compile(r"\s(?:[—–/-]|:)\s+([^—–:/]{4,40})$")


def _harm_below(r: _Reader, e: Entry, children: list[str]) -> None:
    """A timed entry whose sub-bullets, untimed, tell the harm it did ("2:05pm first run.
    it retried every invoice ..." over "- 31 customers charged a second time"): the impact
    began with it. Only the harm: what else the details say is not the entry's event."""
    said = [c.strip().lstrip("-*+ ") for c in children]
    if any(r.stamp(c) is not None for c in said):
        return
    detail = Entry(None, plain(" ".join(said)), e.line)
    if not _PEOPLE.search(detail.text):
        return   # (who was harmed: a log line's "Connection closed" under a timestamp is no harm told)
    _tag(detail)
    if "impact" in detail.tags:
        e.tags.add("impact")


# the people an incident harms, as a detail names them ("31 customers charged a second time")
_PEOPLE = lazy_re.compile(r"\b(?:customers?|users?|members?|clients?|people|players?|merchants?|patients?|students?"
                          r"|visitors?|subscribers?|shoppers?|buyers?|riders?|drivers?|guests?)\b", re.I)


def _section_entries(r: _Reader, s, tops) -> None:
    """The entries of one timeline section (a heading or a paragraph under the timeline,
    its lists, tables and timed paragraphs), added to ``r``."""
    doc = r.doc
    title = plain(s.title)
    r.span = None   # (a week's heading spans its own entries' days only)
    if id(s) in doc.day_sections:
        # "### Weds 23 Nov 2016" over that day's "1015: ..." paragraphs (a timeline by its
        # shape): the day of the entries under it
        r.day = r.stated_day = doc.day_sections[id(s)]
    # a heading under the timeline, or one that is itself a date or time after its first
    # section ("## 13:20" typed a level too high among "### 13:10" entries)
    # (or the first of a story's clock-headed episodes, "### 1:47 PM — Reza notices the curve",
    # timed by its heading: document._time_headed_episodes)
    is_sub = s.parent is not None and doc.kinds.get(id(s.parent)) == "timeline" \
        or (s is not tops[0] or id(s) in doc.by_shape) and s.level > 0 and (
            title[:1].isdigit() or id(s) in doc.by_shape and _WEEKDAY_DAY.match(title) is not None
            # ("### Monday 18 November, 10:12 — Sana notices ...": a day and its clock, where the
            # day turns, in a story whose first episode names its day: "### 10:55 PM" first,
            # then "## Sunday 7 April, 12:18 AM", leaves the day to the story's prose)
            or _WEEKDAY.match(title) is not None and (t := tp.read_stamp(title)) is not None
            and t.has_time and t.has_date and _WEEKDAY.match(first := plain(tops[0].title)) is not None
            and (t0 := tp.read_stamp(first)) is not None and t0.has_date)
    if is_sub:
        st = r.stamp(title)
        opened = False
        if st is None and (said := _WRITER_THEN_WHEN.search(title) or _HANDLE_THEN_WHEN.search(title)) is not None \
                and (when := r.stamp(said.group(1))) is not None and when.has_time \
                and (when.end >= len(said.group(1).rstrip(" .)")) or _COMMENT_KIND.fullmatch(said.group(1), when.end)):
            # "### Priya Natarajan — 22/Jul/25 2:09 PM": a comment's writer, then when; a
            # thread's opening post ("brambleworks opened this issue · ...") is its report
            opened = " opened this issue" in title.lower()
            st, title = when, said.group(1)
        # "### 2025-10-26 18:42 CDT - Disk Spindown Event" over "- **18:42:02 CDT:** ..."
        # items: the heading names an episode, its day is theirs, and its timed items are
        # the entries
        dated = st is not None and st.has_time and st.has_date and st.year is not None
        timed = [t for b in s.blocks if b.kind == "item" and (t := r.stamp(b.text)) is not None
                 and t.has_time] if dated else []
        episode = len(timed) >= 2
        if episode and (timed[0].hour, timed[0].minute) != (st.hour, st.minute):
            # "### 2024-05-01 09:55 UTC - Bad config pushed" over items from 09:58: the
            # heading tells an event of its own, before theirs
            r.add(st, title, s.line)
        if st is not None and st.has_time and not episode:
            texts = [plain(b.text) for b in s.blocks if b.kind in ("para", "item")]
            # "### 23:00 UTC - 4-GPU success" over "**The job continues:**" and its
            # untimed bullets: the bold lines right after the heading (under it, or beside
            # it when it is a bold line itself) and their lists tell the heading's event
            # (a label: its line ends in a colon; "**Customer communication**" after the last
            # entry is a part of its own)
            for k in range(r.position(s) + 1, len(doc.secs)):   # (not a slice: a copy of the rest each time)
                part = doc.secs[k]
                said = [b for b in part.blocks if b.kind in ("para", "item")]
                if part.level != 7 or part.parent is not s and part.parent is not s.parent \
                        or doc.kinds.get(id(part)) not in (None, "timeline") \
                        or not 0 < part.line <= len(doc.lines) \
                        or not doc.lines[part.line - 1].rstrip(" *_").endswith((":", "：")) \
                        or r.stamp(plain(part.title)) is not None \
                        or any((t := r.stamp(b.text)) is not None and t.has_time for b in said):
                    break
                texts += [plain(part.title), *(plain(b.text) for b in said)]
                r.absorbed.add(id(part))
            e = r.add(st, title, s.line)
            extra = " ".join(t for t in texts if t)
            if extra:
                e.text = (e.text + " " + extra).strip() if e.text and e.text != title else extra
                _tag(e)
            if opened:
                e.tags.add("detected")
            return
        near = r.day or r.incident_date
        if st is None and near is not None and (span := _day_span(title, near)) is not None:
            # "### Week 6 (3–9 Feb)" over "- **Mon 08:12** ...": the days its entries' weekdays fall in
            r.span = span
            r.day = span[0]
        if st is None and (tail := _DAY_AFTER_LABEL.search(title)) is not None:
            # "### Phase 2 — Wednesday 19 January": a part's name, then the day it fell on
            day = r.stamp(tail.group(1))
            if day is not None and day.has_date and not day.has_time and day.end >= len(tail.group(1).rstrip(" .)")):
                st = day
        if st is not None and st.has_date and (st.year is not None or near is not None):
            # ("### Tuesday 14 May": a day without its year is the one nearest the incident's)
            try:
                r.day = date(st.year if st.year is not None else tp.year_near(st.month, st.day, near),
                             st.month, st.day)
            except ValueError:
                pass
            texts = [plain(b.text) for b in s.blocks if b.kind in ("para", "item")]
            bare = title.strip("[]() :")
            if texts and _date_line(r.stamp(bare), bare) and not any(
                    (t := r.stamp(x)) is not None and t.has_time for x in texts):
                # "#### [2026-06-29]" over what happened that day, with no clock time
                # anywhere below it: the day is the entry, its text the paragraphs
                e = r.add(st, title, s.line)
                e.text = " ".join(t for t in texts if t)
                _tag(e)
                return
    skip = _untimed_lists(r, s.blocks)
    r.compact = compact_run(s.blocks)
    for b in s.blocks:
        if b.kind == "table":
            if not _fields_table(b):
                before = len(r.entries)
                _table(r, b)
                r.tabled = r.tabled or any(e.at is not None for e in r.entries[before:])
        elif b.kind == "item":
            if id(b) in skip:
                continue
            text = _CHECKBOX.sub("", b.text)
            st = r.stamp(text)
            if _date_line(st, text) and b.children:
                # "- June 14" with the events as sub-bullets: the date is context
                if st.year is not None:
                    r.day = date(st.year, st.month, st.day)
                for child in b.children:
                    cst = r.stamp(child.lstrip("-*+ "))
                    if cst is not None:
                        r.add(cst, child.lstrip("-*+ "), b.line)
                continue
            stated = None
            if st is None and (labelled := _labelled_stamp(r, text)) is not None:
                st, text = labelled  # "First detected: 2023-09-18 13:42"
                stated = meta_key(text)
            body = None
            if st is None and (sp := _STATUS_PARA.match(text)) is not None and sp.group("when") \
                    and (at := r.stamp(sp.group("when"))) is not None and at.has_time:
                # "- Resolved (23 Jul, 17:30 AEST): This incident has been resolved. ... since
                # 15:47.": a status update, posted when its brackets say
                st, body = at, f"{sp.group('stage').capitalize()}: {plain(text[sp.end():])}"
            if st is None and (told := _one_clock(r, text)) is not None:
                # "Shortly after lunch, at 13:10, Hannah noticed ...", "The re-run started at
                # 15:38.": an entry told as a sentence, its one clock inside it
                st, body = told, plain(text)
            if st is None:
                _unreadable(r.doc, text, b.line)
            if st is not None and b.children and not _SKIP_LEAD.sub("", plain(text[st.end:])).strip() \
                    and (body is None or len(text.split()) <= _JUST_A_WHEN):
                # "- 2025-04-14 16:37 UTC" with what happened on the lines below it (not a
                # clock closing the entry's own words, "... — mitigated (06:38)")
                body = plain(" ".join(c.strip().lstrip("-*+ ") for c in b.children))
            e = r.add(st, text, b.line, body or None)
            more = [c.strip() for c in b.children if not _LIST_MARK.match(c)] if body is None else []
            if more and e.text:
                # a sentence wrapped onto the next lines is the entry's too
                e.text = plain(e.text + " " + " ".join(more))
                _retag(e)
            if e.at is not None and body is None and not more and b.children and not (e.tags or e.markers):
                _harm_below(r, e, b.children)
            if stated in _STATED_EVENTS and e.at is not None:
                # a key event the document states by name: a figure, not an inference
                r.doc.stated.setdefault(stated, e.at)
        elif b.kind == "para":
            if b.text[:1] == "<" and _jsx_entries(r, b):
                continue
            if len(b.text) <= 80 and _ZONE_FROM_HERE.search(b.text) and not tp.clocks_at_most(b.text) \
                    and (said := tp.stated_zone(plain(b.text))) is not None:
                r.zone = said   # "_Times below are UTC._" between the lists: the clock changes here
                continue
            if r.tabled and r.doc.lines[b.line - 1].lstrip()[:1] == ">":
                continue   # ("Shift log extract (verbatim):" over "> 19:45 CRO: rang Gav", below the table: a quote)
            last = None
            before = ""
            hang = -1   # the column the last entry's words start at, in the document's own line
            for ln, (line_text,) in b.rows:
                if last is not None and hang > 0 and _indent(r.doc, ln) == hang \
                        and not (before.rstrip().endswith((".", "!", "?")) and r.stamp(line_text) is not None):
                    # (not a line that opens with its own time after a sentence ended: "0655 hrs
                    # engineer on site ..." under "... alarm raised." is an entry of its own)
                    # "1455 hrs  Scheme notified ... applied by the scheme" over "          at
                    # 1520 hrs.": a line indented to the entry's words goes on with them, a
                    # hanging indent, whatever it opens with
                    last.text = (last.text + " " + plain(line_text)).strip()
                    _retag(last)
                    before = line_text
                    continue
                if line_text[:4] == "--- " and (day := _client_day(line_text)) is not None:
                    r.day, last, before = day, None, ""   # "--- Day changed Thu Nov 06 2025": an IRC client's day line
                    continue
                # ("... local time was GMT until" over "01:00 UTC and BST after it.": a sentence
                # wrapped before its clock, not an entry)
                # (nor the second line of a sentence of prose wrapped before its clock: "Between
                # 8:05 and 8:50 the floor was still waiting on waves, so I count" over "8:50 as
                # the end of impact, not 8:05.")
                st = None if before and (_OPEN_CLAUSE.search(before) or last is None and _WRAPPED_PROSE.search(before)) \
                    else r.stamp(line_text)
                before = line_text
                if st is not None and ":" in line_text[:40] and _WRITE_UP_FIELD.match(plain(line_text)):
                    last = None   # "**Reviewed:** Mar 12, Dee Hollis and ...": when the write-up was, no entry nor its day
                    continue
                if st is None:
                    _unreadable(r.doc, line_text, ln)
                    if last is not None:
                        last.text = (last.text + " " + plain(line_text)).strip()
                        _retag(last)
                    continue
                if _date_line(st, line_text):
                    # (a day without its year, "_Saturday, March 8_" under "### Day 0", is in the incident's)
                    year = st.year if st.year is not None else (r.incident_date.year if r.incident_date else None)
                    if year is not None:
                        try:
                            r.day = date(year, st.month, st.day)
                        except ValueError:
                            pass
                    last = None
                    continue
                last = r.add(st, line_text, ln)
                hang = _words_column(r.doc, ln, line_text, st.end)




def _indent(doc, ln: int) -> int:
    """How far line ``ln`` (counted from 1) of the document is indented."""
    line = doc.lines[ln - 1] if 0 < ln <= len(doc.lines) else ""
    return len(line) - len(line.lstrip(" "))


def _words_column(doc, ln: int, text: str, end: int) -> int:
    """The column in the document's line ``ln`` where an entry's words start after its
    time (``text`` is the line as read, its time ending at ``end``); -1 when the line as
    read is not the document's line, unindented ("1358 hrs  Quillon host ...": 10)."""
    line = doc.lines[ln - 1] if 0 < ln <= len(doc.lines) else ""
    if line.strip() != text.strip() or line[:1] == " ":
        return -1
    words = _HANG_GAP.match(text, end)
    return words.end() if words is not None and words.end() < len(text) else -1


# what stands between an entry's time and its words: "hrs" and spaces ("1358 hrs  Quillon")
_HANG_GAP = lazy_re.compile(r"(?:\s*hrs?\b)?\s+")


def _fields_table(b) -> bool:
    """A table of the document's fields, a name and its value a row ("| Date | 5 Sept 2024 |",
    "| Severity | SEV2 |"), as a section known as a timeline by its shape may open with: no
    entries. Two rows at least, every name a field's."""
    rows = [[c for c in cells if c.strip()] for _, cells in b.rows]
    rows = [cells for cells in rows if cells]
    return len(rows) >= 2 and all(len(cells) == 2 and meta_key(plain(cells[0])) is not None for cells in rows)


def _newest_first(entries: list[Entry], least: int = 3) -> bool:
    """A timeline kept newest first (a status page's updates, a log pasted as it scrolls):
    ``least`` or more timed entries (three in a timeline section, two status updates), every
    step from one to the next back in time or level, most of them back. It stays as
    written; its key events are read from its end."""
    timed = [e.at for e in entries if e.at is not None and not e.date_only]
    if len(timed) < least:
        return False
    steps = [b - a for a, b in zip(timed, timed[1:])]
    return all(d <= timedelta(0) for d in steps) and sum(d < timedelta(0) for d in steps) * 2 >= len(steps) + 1


# An MDX component whose props list the entries as object literals:
#   <TimelineTable entries={[ { time: "06:08, Nov 28, 2025", event: "The team notices ..." }, ... ]} />
_JSX_FIELD = lazy_re.compile(r"""\b(\w+)\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|`([^`]*)`)""")
_JSX_OBJECT = lazy_re.compile(r"\{([^{}]*)\}")
_JSX_TIME_KEYS = {"time", "date", "when", "timestamp", "at", "datetime"}
_JSX_TEXT_KEYS = {"event", "description", "text", "what", "details", "detail", "summary", "title", "body"}


# an IRC client's own lines between a log's messages: "--- Log opened Wed Nov 05 22:00:01
# 2025", "--- Day changed Thu Nov 06 2025" (the day, its clock and year in ctime's order)
_CLIENT_DAY = lazy_re.compile(r"---\s+(?:log\s+opened|day\s+changed)\s+(?:[a-z]{3},?\s+)?([a-z]{3})\s+(\d{1,2})"
                              r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?,?\s+(\d{4})\b", re.I)


def _client_day(line: str) -> date | None:
    m = _CLIENT_DAY.match(line)
    if m is None or (month := tp.month(m.group(1))) is None:
        return None
    try:
        return date(int(m.group(3)), month, int(m.group(2)))
    except ValueError:
        return None


def _jsx_entries(r: _Reader, b) -> bool:
    """Entries from a component's object literals, one per object that has a time-like
    and a text-like key; False when the paragraph holds none."""
    text = "\n".join(row[1][0] for row in b.rows)
    first_line = b.rows[0][0] if b.rows else b.line
    found = False
    for obj in _JSX_OBJECT.finditer(text):
        fields = {}
        for m in _JSX_FIELD.finditer(obj.group(1)):
            value = next(g for g in m.groups()[1:] if g is not None)
            fields.setdefault(m.group(1).lower(), (value, obj.start(1) + m.start()))
        time = next((fields[k] for k in fields if k in _JSX_TIME_KEYS), None)
        body = next((fields[k][0] for k in fields if k in _JSX_TEXT_KEYS), None)
        if time is None or not (body or "").strip():
            continue
        line = first_line + text.count("\n", 0, time[1])
        st = r.stamp(time[0])
        if st is None:
            _unreadable(r.doc, time[0], line)
        r.add(st, time[0], line, plain(body))
        found = True
    return found


# A status page's updates pasted as they show, newest first:
#   **Resolved**
#   This incident has been resolved.
#   Posted Mar 03, 2024 - 15:02 UTC
_POSTED = lazy_re.compile(r"^\s*(?:[*_]{1,2})?(?:posted|updated|published)(?:[*_]{1,2})?\s*(?:on\s+|at\s+|:\s*)?(?=\S)", re.I)


# A status page's updates written as components: <Update date="2023-04-20T09:20:00"> ... </Update>
_DATED_COMPONENT = lazy_re.compile(r"""^\s*<([A-Z][\w.]*)\b[^>]*?\b(?:date|datetime|time)=["']([^"']+)["'][^>]*>""")


def _components(r: _Reader) -> bool:
    """Entries from two or more components that carry a date attribute (MDX status
    pages), each with the text up to its closing tag; False when there are fewer."""
    lines = r.doc.lines
    found = []
    heading = ""  # a heading over the updates names their stage ("### Resolutions")
    for i, line in enumerate(lines):
        if line[:1] == "#":
            heading = plain(line.lstrip("#").strip())
        if line.lstrip()[:1] == "<" and (m := _DATED_COMPONENT.match(line)):
            st = r.stamp(m.group(2).replace("T", " "))
            if st is not None and st.has_date:
                close = f"</{m.group(1)}>"
                body = []
                for line2 in lines[i + 1:i + 200]:
                    if line2.strip().startswith(close):
                        break
                    body.append(line2.strip())
                text = plain(" ".join(b for b in body if b))
                found.append((i, st, f"{heading}: {text}" if heading else text))
                heading = ""
    if len(found) < 2:
        return False
    for i, st, text in found:
        r.add(st, "", i + 1, text or "update")
    return True


def _timed_blocks(r: _Reader) -> None:
    """In a status page's issue with no timeline section and no status updates, a table whose time
    column carries a clock time in two rows or more, two in three of them ("| Issue
    First Seen | Wed, Jul 29, 2020, 9:00 AM GMT+5:30 | Support Ticket Created |"), and
    bold lines that are only a date and a time over the update they stamp, in the order
    the document gives them, are its timeline (a table of dates alone, a plan's due
    dates, is not)."""
    doc = r.doc
    # (bold lines, or headings that open with their stamp: "## 2025-01-21T18:00:00 - NC ist
    # wieder erreichbar", a status page's updates newest first)
    stamped = [(s, st.has_time) for s in doc.secs if s.level and s.blocks and (s.level == 8 or s.level <= 6)
               and (st := r.stamp(plain(s.title))) is not None and st.has_date
               and (st.has_time or not plain(s.title)[st.end:].strip(" *_:"))]
    tables = [b for s in doc.secs for b in s.blocks if b.kind == "table" and _timed_table(r, b)]
    if sum(timed for _, timed in stamped) + sum(len(b.rows) - 1 for b in tables) < 2:
        return
    # (among timed ones, a heading or bold line that is only a day, "## 2024-02-01", is an
    # update too; "## 2024-03-12 - Postmortem" over the write-up is not)
    stamped = [s for s, _ in stamped]
    parts = sorted([(b.line, True, b) for b in tables] + [(s.line, False, s) for s in stamped], key=lambda p: p[0])
    for _, is_table, part in parts:
        if is_table:
            _table(r, part)
        else:
            st = r.stamp(plain(part.title))
            e = r.add(st, plain(part.title), part.line)
            # (what a heading says after its stamp, "- NC ist wieder erreichbar", heads the update)
            head = plain(part.title)[st.end:].strip(" -–—:|") if part.level <= 6 else ""
            said = plain(" ".join([head] * bool(head) + [b.text for b in part.blocks if b.kind in ("para", "item")]))
            if said:
                e.text = said
                _tag(e)
            if _FORECAST.search(e.text):
                # "Scheduled notice: tonight's upgrade will make the portal unavailable": an
                # update that announces, not one that tells what happened
                e.tags.difference_update(("detected", "impact", "mitigated", "resolved"))


# an entry that opens by naming the moment it was first seen (a status table's "Issue First
# Seen"), not a sentence that mentions it ("malformed documents first seen in the logs")
# the first call, ticket or complaint, what it said perhaps quoted before the noun: 'first
# "SSO keeps looping back to the login page" call', "first customer ticket", "first complaint"
# (not "the first support email containing PII is sent": a mail the fault sent; nor a job's
# "fails at its first call", though "logs its first call from an applicant" is one)
_FIRST_CONTACT = lazy_re.compile(r"\bfirst\s+(?:[\"“'][^\"”\n]{3,120}[\"”']\s+|(?:customer|user|support|phone|caller)\s+)?"
                                 r"(?:call|ticket|complaint|e-?mail|report)s?\b(?!\s+(?:containing|is\s+sent|was\s+sent|sent\b))"
                                 r"(?:(?<!\bits\sfirst\scall)|(?=\s+from\b))", re.I)
_FIRST_SEEN = lazy_re.compile(r"^\W*(?:(?:issue|problem|error|errors|incident|outage|bug|fault)\s+)?first\s+"
                         r"(?:seen|noticed|spotted|observed|reported)\b", re.I)
# someone raising it: flagging a fault (the verb, before what it names: not "feature flags",
# nor a job that "flags the batch for review"), posting or asking in a channel, opening a
# ticket or an issue for it
_RAISES_IT = lazy_re.compile(r"(?<!feature\s)\bflags?\s+(?:a|an|the|this)\s+(?:[\w-]+\s+){0,3}?"
                            r"(?:bug|issue|error|regression|problem|vulnerability|defect|fault|outage|anomaly)s?\b"
                            # "Maya (Support) flags in #checkout that ...", "Aisha posts in #data-help: ..."
                            r"|\b(?:flags?|flagged|posts|posted|asks|asked)\s+(?:it\s+|this\s+)?in\s+#[\w-]+"
                            # ("Guest Services flags a spike of \"price keeps changing\" chats in #ecom-help")
                            r"|\b(?:flags|flagged)\s+(?:a|an|the)\s+[^.;#]{3,80}?\s+in\s+#[\w-]+"
                            # "... flags the public binding and opens SEC-88": a ticket raised for it
                            r"|\b(?:opens|opened|files|filed|raises|raised)\s+(?-i:[A-Z][A-Z0-9]{1,9}-\d{1,7})\b"
                            # "@oksana-k opens #801: 'upgraded, all my sources are gone'", "#1502 opened: ..."
                            # "Observer flags that the write error rate is not recovering"
                            # (an issue, not a fix: "PR #43 opened", "Pull request #415 opened" are none)
                            r"|\b(?:opens|opened|files|filed)\s+#\d+|(?<!\w)(?<!pr\s)(?<!mr\s)(?<!request\s)#\d+\s+(?:opened|filed)\b"
                            r"|\bflags?\s+that\b", re.I)
# "pages @Dev Patel", "Nagios: checkout_error_rate CRITICAL, pages Greg"
_PAGES_SOMEONE = lazy_re.compile(r"\bpages\s+(?:@\w|(?-i:[A-Z][a-z]+)(?:\s+(?-i:[A-Z][a-z]+))?\s*(?:$|[,.;()—–]))", re.I)
_SOME = frozenset(("some", "few", "several", "partial"))
_RAISING = frozenset(("flags", "flag", "flagged", "posts", "posted", "asks", "asked", "opens", "opened", "files",
                       "filed", "raises", "raised"))
_FORECAST = lazy_re.compile(r"\b(?:will|scheduled|planned|upcoming|tonight['’]s|tomorrow['’]s)\b", re.I)


def _timed_table(r: _Reader, b) -> bool:
    """A table with a header, whose time column (named "Time", "When", ...) carries a
    clock time in two rows or more, two in three of its rows."""
    if len(b.rows) < 3:
        return False
    header = [plain(c) for c in b.rows[0][1]]
    col = next((i for i, h in enumerate(header) if _TIME_HEADER.match(h)), None)
    if col is None:
        return False
    body = [cells for _, cells in b.rows[1:]]
    timed = sum(1 for cells in body if col < len(cells) and (st := r.stamp(cells[col])) is not None and st.has_time)
    return timed >= 2 and timed * 3 >= len(body) * 2


def _status_updates(r: _Reader) -> None:
    """Entries from 'Posted <date> - <time>' lines (at least two) in a document with no
    timeline section: each update's status word and message are the entry's text. Or,
    failing those, from dated components (_components)."""
    if _components(r) or _containers(r):
        return
    lines = r.doc.lines
    posted = []
    for i, line in enumerate(lines):
        if line[:12].lstrip(" *_").lower().startswith(("posted", "updated", "published")) \
                and (m := _POSTED.match(line)):
            st = r.stamp(line[m.end():].replace(" - ", " "))
            if st is not None and st.has_date and st.has_time:
                posted.append((i, st))
    if len(posted) < 2:
        if not _status_headings(r):
            _status_paragraphs(r)
        return
    prev = -1
    for i, st in posted:
        chunk = [(k, lines[k].strip()) for k in range(prev + 1, i) if lines[k].strip()
                 and not lines[k].lstrip().startswith("#")]
        prev = i
        if not chunk:
            continue
        r.add(st, "", chunk[0][0] + 1, plain(" ".join(t for _, t in chunk)))


# A status page's updates as custom containers (Statusfy, VuePress), each its title (the
# stage) and when it was posted, then its message up to a line of its own ":::":
#   ::: update Monitoring | 2021-05-03T19:16:54.777Z
_CONTAINER = lazy_re.compile(r"^\s*:::\s*update\s+(?P<stage>[^|\n]*?)\s*\|\s*(?P<at>\S.*?)\s*$", re.I)


def _containers(r: _Reader) -> bool:
    """Entries from ``::: update <stage> | <when>`` containers, each with its message;
    False when there are none (the syntax is unambiguous: one is enough)."""
    lines = r.doc.lines
    found = False
    for i, line in enumerate(lines):
        if line.lstrip()[:3] != ":::" or (m := _CONTAINER.match(line)) is None:
            continue
        st = r.stamp(m.group("at").replace("T", " "))
        if st is None or not st.has_date:
            continue
        body = []
        for k in range(i + 1, min(len(lines), i + 400)):
            if lines[k].strip() == ":::":
                break
            body.append(lines[k].strip())
        _staged(r, st, i + 1, plain(m.group("stage")), plain(" ".join(t for t in body if t)))
        found = True
    return found


# What a status page's stage says happened, whatever its message's words say: an update
# posted as "Monitoring" means a fix is in place ("Incident has been resolved. We're
# monitoring ..."), one posted as "Resolved" that it is over.
_STAGE_EVENTS = {"investigating": "detected", "monitoring": "mitigated", "mitigated": "mitigated",
                 "recovered": "mitigated", "restored": "mitigated", "resolved": "resolved"}
# the stages in Portuguese, Spanish, French and German, as their status pages post them
_STAGES_OTHER = {"investigando": "investigating", "identificado": "identified", "monitorando": "monitoring",
                 "monitoreando": "monitoring", "resolvido": "resolved", "resuelto": "resolved",
                 "atualização": "update", "actualización": "update", "identifié": "identified",
                 "surveillance": "monitoring", "résolu": "resolved", "mise à jour": "update",
                 "untersuchung": "investigating", "identifiziert": "identified", "überwachung": "monitoring",
                 "behoben": "resolved", "gelöst": "resolved", "aktualisierung": "update"}
_STAGE_WORDS_OTHER = "|".join(sorted(map(re.escape, _STAGES_OTHER), key=len, reverse=True))


def _staged(r: _Reader, st, line: int, stage: str, text: str) -> Entry:
    """A status update's entry: its stage, then its message; a stage that names an event
    decides the entry's event."""
    e = r.add(st, "", line, f"{stage}: {text}" if text else stage)
    event = _STAGE_EVENTS.get(_STAGES_OTHER.get(stage.strip().lower(), stage.strip().lower()))
    if event is not None:
        e.tags.difference_update(("detected", "mitigated", "resolved"))
        e.tags.add(event)
    return e


# A status page's updates kept as headings (ATX, setext or a bold line alone), each a
# stage (perhaps numbered) and when it was posted:
#   ## Investigating 2025-01-04 9:27a   ## Update - March 3, 2024 15:02 UTC   #### Update 2 - 22/06/2020 18:00
_STATUS_HEADING = lazy_re.compile(
    r"^[*_]*(?P<stage>investigating|identified|monitoring|updated?|resolved|post-?mortem|scheduled|"
    r"in\s+progress|verifying|completed|mitigated|recovering|recovered|restored|degraded|outage|" + _STAGE_WORDS_OTHER + r")[*_]*"
    # (an update's number, "Update 2 - ...", never a clock's hour: "Update 17:30 Central Time")
    r"(?:\s+(?:no\.?\s*|#)?\d{1,3}(?=\s*[-:\u2013\u2014|,])(?![:.]\d))?"
    r"\s*[-:\u2013\u2014|,\u00b7\u2022]?\s*(?=\S)", re.I)   # ("Resolved · Mar 2, 17:05")


# what may stand between a status heading's time and its words: a zone in words, a separator
_HEADING_SAID = lazy_re.compile(r"^\s*(?:\(?[a-z]{4,16}\s+time\)?)?\s*[-:\u2013\u2014|,]?\s*", re.I)


def _status_headings(r: _Reader, only: set[int] | None = None) -> bool:
    """Entries from two or more headings that name a status-page stage and a date or time
    (a post kept as its status updates), each with the text under it; False when there
    are none. With ``only``: the headings of those sections (id()) alone."""
    found = []
    for s in r.doc.secs:
        if only is not None and id(s) not in only:
            continue
        title = clean_heading(s.title) if s.level else ""   # "## 2. Identified 9:02a": its number aside
        if title and (m := _STATUS_HEADING.match(title)):
            after = plain(title[m.end():])
            st = r.stamp(after)
            if st is not None and (st.has_date or st.has_time):
                # what the heading says after its time ("Update 17:00 Central Time: System
                # is available with conditions") is the update's own summary
                said = _HEADING_SAID.sub("", after[st.end:]).strip()
                found.append((s, st, m.group("stage").capitalize(), said))
    if len(found) < 2:
        return False
    for s, st, stage, said in found:
        text = plain(" ".join(" ".join([b.text, *b.children]) if b.kind == "item" else
                              " ".join(" ".join(cells) for _, cells in b.rows) if b.kind == "table" else b.text
                              for b in s.blocks))
        _staged(r, st, s.line, stage, f"{said}. {text}" if said and text else said or text)
    return True


# A status page's updates kept as paragraphs that open with a bold stage and carry when
# they were posted, often in a site generator's shortcode:
#   **Resolved**: The service is operating normally. {{< track "2018-07-19T02:51:42.000Z" >}}
_STATUS_PARA = lazy_re.compile(
    # (or a list's items: "- **Resolved** — Nov 5, 2024, 11:40 AM PT" over its message)
    r"^\s*(?P<item>[-+]\s+|\*\s+(?=\*\*|_))?(?:(?P<b>\*\*|__))?(?P<stage>investigating|identified|monitoring|updated?|notice|resolved|scheduled|"
    r"in\s+progress|verifying|completed|mitigated|recovering|recovered|restored|" + _STAGE_WORDS_OTHER + r")"
    # when it was posted, in brackets beside the stage: "**Update (14:20 UTC):**"
    r"(?:\s*\((?P<when>[^()\n]{3,40})\)"
    # ... or inside the bold after it: "**Update 2011-03-28 10:30 UTC:**"
    r"|(?(b)\s+(?P<bare>(?:\d|[A-Z][a-z]{2,8}\.?\s+\d)[^*_\n]{4,40}?)(?=:?(?:\*\*|__))))?"
    # bold ("**Resolved**:", "**Resolved:**"), or plain with a colon or dash after it ("Resolved: ...")
    r"(?(b):?(?:\*\*|__)\s*[-:\u2013\u2014|]?|\s*[-:\u2013\u2014])\s*", re.I)
_SHORTCODE_ARG = lazy_re.compile(r"\{\{[<%]\s*[\w-]+\s+\"([^\"]*)\"\s*[>%]\}\}")
# ... or the shortcode heads the update it stamps:
#   {{< track "2020-01-19T14:43:00.000Z" >}}Incident resolved.
_SHORTCODE_FIRST = lazy_re.compile(r"^\s*" + _SHORTCODE_ARG.pattern + r"\s*")


def _status_paragraphs(r: _Reader) -> None:
    """Entries from paragraphs that open with a bold status-page stage and hold a date and
    a time (in the text or a shortcode's argument), or that open with a shortcode whose
    argument is a date and time; a stage word with a time alone (a forecast, "fixed by
    14:00") is not an entry."""
    for i, line in enumerate(r.doc.lines):
        m = _STATUS_PARA.match(line)
        if m is None:
            if "{{" in line[:8] and (head := _SHORTCODE_FIRST.match(line)):
                st = r.stamp(head.group(1).replace("T", " "))
                if st is not None and st.has_date and st.has_time:
                    r.add(st, "", i + 1, plain(line[head.end():]).strip() or "Update")
            continue
        if m.group("item") and ":" in line[m.end("stage"):m.end()]:
            continue   # ("- **Resolved**: 2026-05-13 12:25 UTC": a list of fields, when it ended)
        rest = line[m.end():]
        code = _SHORTCODE_ARG.search(rest)
        when = None
        posted = _posted_line(r, r.doc.lines, i)
        if posted is not None:   # "<br><span class="timestamp">April 5, 17:00 PDT</span>"
            st, rest = posted[0], rest + " " + posted[1]
        elif (said := m.group("when") or m.group("bare")) and (when := r.stamp(said)) is not None and when.has_time:
            st = when             # "**Update (14:20 UTC):** We found ...": on the incident's day
            rest = " ".join([rest, *(ln.strip() for ln in takewhile(str.strip, r.doc.lines[i + 1:i + 40]))])
        else:
            st = r.stamp(code.group(1).replace("T", " ")) if code else r.stamp(plain(rest))
            if m.group("item"):
                # (an item's message on the lines indented under it)
                rest = " ".join([rest, *(ln.strip() for ln in takewhile(lambda ln: ln[:1] in (" ", "\t") and ln.strip(),
                                                                        r.doc.lines[i + 1:i + 40]))])
        if st is None or not (st.has_time and (st.has_date or st is when)):
            continue
        _staged(r, st, i + 1, m.group("stage").capitalize(), plain(_SHORTCODE_ARG.sub("", rest)).strip())


def _posted_line(r: _Reader, lines: list[str], i: int):
    """(Stamp, the lines between) when the paragraph opening at line ``i`` ends in a line
    that is only a date and time: when the update was posted (a status page's timestamp
    under its text). It wins over a time in the update's words, which may be a forecast
    ("will be updated tomorrow April 6 at 14:00")."""
    end = i + 1
    while end < len(lines) and lines[end].strip():
        end += 1
    if end == i + 1:
        return None
    last = plain(lines[end - 1]).strip()
    st = r.stamp(last)
    # (a zone in words may follow the time: "22/07/2024 às 16h40 (horário de Brasília)")
    if st is None or not (st.has_date and st.has_time) or len(last) - st.end > 3 and tp.stated_zone(last[st.end:]) is None:
        return None
    return st, " ".join(lines[i + 1:end - 1])


# an offset into a recording in brackets, its minutes past 23 ("[37:50]"): one such in a
# list says all its "[03:12]" marks are minutes and seconds into it, not times of day
_OFFSET_MARK = lazy_re.compile(r"\s*\[(?:2[4-9]|[3-5]\d):[0-5]\d\]")


def _untimed_lists(r: _Reader, blocks) -> set[int]:
    """Items of a list that follows prose after timed entries and has no time in any
    item (the hosts a narrative names): part of the story, not timeline entries."""
    skip: set[int] = set()
    state = {"timed": False, "after_prose": False}
    run: list = []

    def close():
        if run:
            if any(_OFFSET_MARK.match(b.text) for b in run):
                # "[03:12] ... [37:50] Action items agreed": a recording's minutes and
                # seconds (one past 23 says so), not clocks
                skip.update(id(b) for b in run)
                run.clear()
                return
            stamped = any(r.stamp(_CHECKBOX.sub("", b.text)) for b in run)
            if not stamped and state["timed"] and state["after_prose"]:
                skip.update(id(b) for b in run)
            state["timed"] = state["timed"] or stamped
        run.clear()

    for b in blocks:
        if b.kind == "item":
            if not run:
                close()
            run.append(b)
            continue
        close()
        stamped = b.kind == "para" and any(r.stamp(t) for _, (t,) in b.rows)
        state["timed"] = state["timed"] or stamped
        # (a date line above a list is its context, not prose)
        state["after_prose"] = b.kind == "para" and not stamped
    close()
    return skip


# a line that ends waiting for its object: the next line's clock goes on its sentence
# (a sentence about times, itself not an entry: "Between 8:05 and 8:50 the floor was still
# waiting on waves, so I count"; not an intro line over the entries, "Times below are from
# the on-call's notes, rounded to the minute")
_WRAPPED_PROSE = lazy_re.compile(r"^(?=.{50})(?![\W_]*\d)(?=.*\b\d{1,2}[:.h]\d\d\b).*[a-z,]$")
# (or an article, "Ridgeway can't make the" over "6:00 p.m. appointment but ...": no sentence ends on one)
_OPEN_CLAUSE = lazy_re.compile(r"\b(?:until|till|at|from|to|by|since|between|after|before|around|about|of|on|and|the|an?)\s*$", re.I)

_STATED_EVENTS = ("started", "detected", "mitigated", "resolved")
# the label, then its value: a date in digits or one that opens with a month's name,
# perhaps after a weekday's ("First detected: 2023-09-18 13:42", "Resolved August 19,
# 2024 10:05", "Repaired: Tuesday, March 4, 2025 10:03")
_LABEL = lazy_re.compile(r"^\W*([A-Za-z][A-Za-z /'-]{1,40}?)\W*[:\-–]?\s+"
                    r"(?=\d|(?i:(?:" + tp.WEEKDAY_STEMS + r")[a-z]*,?\s+)?"
                    r"(?i:" + tp.MONTH_STEMS + r")[a-z]*\.?\s+\d)")


def _one_clock(r: _Reader, text: str):
    """The Stamp of the one clock time a timeline item tells inside its sentence, when it
    holds exactly one (and no date: a day named in the sentence is context); else None."""
    said = plain(text)
    if len(said) > 400 or not any(c.isdigit() for c in said):
        return None
    clocks = [m for m in _CLOCK.finditer(said) if said[max(0, m.start() - 3):m.start()] != "in "]
    if len(clocks) != 1:
        return None
    st = tp.read_stamp(said, r.doc.order_hint, start=clocks[0].start())
    return st if st is not None and st.has_time and not st.has_date else None


# a field about the write-up, not the incident: "Reviewed: Mar 12", "Written: ...",
# "Approved on: ...", "Last updated: ..."
# (a mail's "Sent:", when the mail was written, as its header gives it)
_WRITE_UP_FIELD = lazy_re.compile(r"\W*(?:reviewed|written|published|approved|sent|signed[\s-]?off|last\s+(?:updated|edited|modified)"
                                  r"|review\s+(?:date|meeting|held))(?:\s+(?:on|by|at))?\s*:", re.I)


def _labelled_stamp(r: _Reader, text: str):
    """(Stamp, label) for an item that is a short label and then a date and time ("First
    detected: 2023-09-18 13:42", "Resolved 2023-09-20 19:18", "Fault occurs 2020-02-12
    11:45"), else None."""
    m = _LABEL.match(plain(text))
    if m is None or len(m.group(1).split()) > 5:
        return None
    rest = plain(text)[m.end():]
    st = r.stamp(rest)
    if st is None or not st.has_time or not st.has_date or len(rest) - st.end > 3:
        return None  # a label and a full date-time, nothing more
    return st, m.group(1).strip()


# "| 0730 | operator | ... |": a four-digit clock (military style) standing alone in a
# column the header names as the time, perhaps after the day's date
_HHMM_CELL = lazy_re.compile(r"^(.*?\s)?([01]\d|2[0-3])([0-5]\d)$")


def _table(r: _Reader, b) -> None:
    rows = b.rows
    if not rows:
        return
    header = [plain(c) for c in rows[0][1]]
    time_cols = [i for i, h in enumerate(header) if _TIME_HEADER.match(h)]
    named = bool(time_cols)
    has_header = bool(time_cols) or any(_TEXT_HEADER.match(h) for h in header) or \
        r.stamp(rows[0][1][0] if rows[0][1] else "") is None
    body = rows[1:] if has_header else rows
    if time_cols:
        # "| Day | Time (UTC) | Event |": a column of dates beside the time column is the
        # entries' day (its cells must read as dates: "Day 1" is not one)
        for i, h in enumerate(header):
            if i not in time_cols and _DAY_HEADER.match(h) and body and sum(
                    1 for _, c in body if i < len(c) and (st := r.stamp(c[i])) is not None and st.has_date
            ) >= max(1, len(body) // 2):
                time_cols = sorted([*time_cols, i])
        # "| Date | Time | Zone | Event |": a column of zones beside them is each row's zone
        # ("CET" on one row, "ET" or "UTC" on the next, as each writer logged it)
        for i, h in enumerate(header):
            if i not in time_cols and _ZONE_HEADER.match(plain(h).strip()) and body and sum(
                    1 for _, c in body if i < len(c) and tp.zone(plain(c[i]).strip()) is not None
            ) * 3 >= len(body) * 2:
                time_cols = sorted([*time_cols, i])
    zoned, skip = None, []
    utc = [i for i in time_cols if _UTC_HEADER.search(header[i])]
    for i, h in enumerate(header):
        # "| NZST | UTC | Event |": a column named by a local zone's abbreviation gives each
        # row's date and time in full, where its UTC twin may give a bare clock or "—": read
        # the local one (not a city's or a region's column, "| Frankfurt | Sydney |", nor an
        # "Est" of estimates: the abbreviation in capitals, beside a column named UTC)
        if utc and i not in time_cols and _ZONE_ABBREVIATION.match(h.strip()) \
                and (z := tp.zone(h.strip())) is not None and z.minutes \
                and sum(1 for _, c in body if i < len(c) and (st := r.stamp(c[i])) is not None
                        and st.has_date and st.has_time) * 3 >= len(body) * 2:
            time_cols, zoned, named = [i], z, True
            skip = [j for j, t in enumerate(header) if _TIME_HEADER.match(t)]   # its UTC twin: not the text
            r.doc.zone_stated = True
            break
    if not time_cols:
        # the first column whose cells read as dates or times
        ncols = max(len(c) for _, c in body) if body else 0
        for i in range(ncols):
            hits = sum(1 for _, c in body if i < len(c) and _cell_stamp(r, c[i]) is not None)
            if body and hits >= max(1, len(body) // 2):
                time_cols = [i]
                break
    if zoned is None and time_cols and has_header and not named and _zone_header(header[time_cols[0]]) is not None:
        # "| What | PT | CET | KST |": the moments in each region's clock, the column read
        # named by its zone alone (the others, the same moments, are skipped below)
        zoned = _zone_header(header[time_cols[0]])
        r.doc.zone_stated = True
    elif zoned is None and time_cols and has_header and _UTC_HEADER.search(header[time_cols[0]]) \
            and r.zone is None and not _UTC_OFFSET.search(header[time_cols[0]]) \
            and (tp.stated_zone(header[time_cols[0]]) or tp.ZONE_UTC).name == "UTC":
        # "| Sydney (AEDT) | UTC | Event |": the column read is named UTC, whatever the
        # document's own clock (a header naming both, "Time (UTC / AEDT)", is left as stated)
        zoned = tp.ZONE_UTC
    if r.day is None and has_header and time_cols \
            and (header_day := _header_day(header[time_cols[0]], r.doc.order_hint)) is not None:
        # "| Timeline 20.04.22 | Event |" in a document that states its day nowhere else:
        # the day of the time-only rows (where a day is known, a header's number may be a
        # version, "| Zeit (Rollout 4.5.12) |", and the known day stands)
        r.day = header_day
    if time_cols and not skip:
        # "| Time (UTC) | Researcher local (IST) | Who | Entry |": a second column of the same
        # times in another zone is neither the time read nor the entry's words
        skip = [i for i, h in enumerate(header) if i not in time_cols and (tp.stated_zone(h) or _ZONE_COLUMN.search(h))
                and sum(1 for _, c in body if i < len(c) and (st := r.stamp(c[i])) is not None and st.has_time
                        and st.end >= len(c[i].strip()) - 8) * 3 >= len(body) * 2]
    if zoned is not None:
        zone, r.zone = r.zone, zoned
        try:
            _table_rows(r, body, time_cols + skip, named, len(time_cols))
        finally:
            r.zone = zone
    else:
        _table_rows(r, body, time_cols + skip, named, len(time_cols))


_UTC_HEADER = lazy_re.compile(r"\b(?:utc|gmt|zulu)\b", re.I)


def _zone_header(h: str):
    """The zone a table column's header is, when the header is only a zone's abbreviation
    ("PT", "CET", "KST", "UTC"), else None."""
    h = h.strip()
    return tp.zone(h) if _ZONE_NAME_ONLY.match(h) else None


_ZONE_NAME_ONLY = lazy_re.compile(r"^[A-Z]{2,5}$")


def _zone_columns_table(r: _Reader, b) -> bool:
    """A table of moments told in several regions' clocks ("| What | PT | CET | KST |"): two
    columns or more headed by a zone alone, the first of them a clock time in two rows in
    three, three rows or more."""
    if len(b.rows) < 4:
        return False
    header = [plain(c) for c in b.rows[0][1]]
    zones = [i for i, h in enumerate(header) if _zone_header(h) is not None]
    if len(zones) < 2 or len(zones) == len(header):
        return False
    body = [cells for _, cells in b.rows[1:]]
    timed = sum(1 for cells in body if zones[0] < len(cells) and (st := r.stamp(cells[zones[0]])) is not None
                and st.has_time)
    return timed * 3 >= len(body) * 2


# a column header naming a zone or a local clock: "Researcher local (IST)", "Sydney (AEDT)", "Local time"
_ZONE_COLUMN = lazy_re.compile(r"\blocal\b|\([A-Z]{2,5}\)|^[A-Z]{3,5}$")
_UTC_OFFSET = lazy_re.compile(r"\b(?:utc|gmt)\s*[+\-−]\s*\d", re.I)   # "Time (UTC+2)": an offset from it
_ZONE_ABBREVIATION = lazy_re.compile(r"^[A-Z]{3,5}$")


# a day and month written with a dot and no year, alone in a date column beside the
# time's ("| 24.10 | 15:52 |"): a day, not a dotted clock, when a clock's cell follows
# (its weekday in brackets after it: "| 25.10 (pt) | 16:55 |")
_DOTTED_DAY = lazy_re.compile(r"^\s*(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])(?=\s*(?:" + tp.WEEKDAY_IN_BRACKETS + r")?\s*$)")


# a state's word before the clock in a log's cell: "Down 10:42 / Up 11:15", "Stopped 08:10"
_WORD_BEFORE_CLOCK = lazy_re.compile(r"^[\s*_]*[A-Za-z]{2,10}\s+(?=\d{1,2}:\d\d(?!\d))")


def _cell_stamp(r: _Reader, cell: str):
    """A table cell's time: from its start, or after one word that names the state it
    began ("Down 10:42 / Up 11:15", a ride's downtime log)."""
    st = r.stamp(cell)
    if st is None and (m := _WORD_BEFORE_CLOCK.match(cell)) is not None:
        st = tp.read_stamp(cell, r.doc.order_hint, start=m.end())
    return st


def _table_rows(r: _Reader, body, time_cols: list[int], named: bool, read: int) -> None:
    """Each body row an entry: its time from the first ``read`` of ``time_cols``, its text
    the cells outside them."""
    if not any(any(ch.isalpha() for ch in plain(c)) for _, cells in body for i, c in enumerate(cells)
               if i not in time_cols):
        # "| 21:00 | 0.061 | 0.192 |", "| Time | RPS | 5xx % |" over "| 9:05 AM | 3,480 | 41 |":
        # figures by the hour, a table of data, no events
        return
    for ln, cells in body:
        if not any(c.strip() for c in cells):
            continue
        said = [cells[i] for i in time_cols[:read] if i < len(cells)]
        stamp_text = " ".join(f"{c[:d.end()]}.{c[d.end():]}".strip() if k + 1 < len(said) and (d := _DOTTED_DAY.match(c)) else c
                              for k, c in enumerate(said)).strip()
        text = " — ".join(t for i, c in enumerate(cells) if i not in time_cols and (t := plain(c)))
        st = _cell_stamp(r, stamp_text) if stamp_text else None
        if named and (m := _HHMM_CELL.match(stamp_text)) and (
                st is None or st.has_date and not st.has_time and m.start(2) >= st.end):
            # ("| 2024-01-11 | 1620 |": the day's column, then the clock's; not the year
            # of "| November 25 2024 |")
            st = r.stamp(f"{m.group(1) or ''}{m.group(2)}:{m.group(3)}")
        if st is None and named and stamp_text and len(found := tp.dates_in(stamp_text, r.doc.order_hint)) == 1:
            # "unknown clock time, 2026-08-15" in the time column: the day it names, no time
            st = tp.read_stamp(stamp_text, r.doc.order_hint, start=found[0][0])
        if stamp_text and st is None:
            r.counted_back(stamp_text)
            r.doc.problems.warning(ln, f"could not read the time '{stamp_text[:40]}'")
        r.add(st, stamp_text, ln, body=text or None) if st is not None else r.add(None, text, ln)


# "20.04.22": a day, month and two-digit year with dots, read only where a timeline
# table's time column names its day (elsewhere it may be a version, "Ubuntu 20.04.2")
_DOTTED_SHORT = lazy_re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{2})(?![\d.])")


def _header_day(cell: str, order_hint) -> date | None:
    """The one day a time column's header names ("Timeline 20.04.22", "Time (2022-04-20)")."""
    found = tp.dates_in(cell, order_hint)
    if len(found) == 1:
        return found[0][1]
    if not found and (m := _DOTTED_SHORT.search(cell)):
        try:
            return date(2000 + int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            return None
    return None


def _past_midnight(entries: list[Entry]) -> None:
    """Time-only entries dated by the incident's day that run past midnight ("23:55 ...",
    "01:30 Full service restored") are on the next day: in a timeline of three or more
    that otherwise runs forward (a step forward, none back), a step back of more than
    twelve hours is the clock passing midnight, not an entry out of order. (A list kept
    newest first steps back at every entry, and is left as written.)"""
    _past_a_dated_evening(entries)
    _wrap_midnight([e for e in entries if e.at is not None and not e.date_only and not e.own_day])
    # (so do the entries a day line dates, "Thursday, April 3 — plant clock:" over "- 23:50
    # ..." then "At midnight ...": each run of them that day line dates, as one)
    run: list[Entry] = []
    for e in entries:
        if e.at is None or e.date_only or not e.own_day or e.written_day:
            continue
        if run and e.day != run[-1].day:
            _wrap_midnight(run)
            run = []
        run.append(e)
    _wrap_midnight(run)


def _wrap_midnight(loose: list[Entry]) -> None:
    """Shift the entries of ``loose`` after each step back of more than twelve hours by a
    day, when the rest of them run forward (_past_midnight)."""
    if len(loose) < 3:
        return
    steps = [b.at - a.at for a, b in zip(loose, loose[1:])]
    wraps = [d < -timedelta(hours=12) for d in steps]
    if not any(wraps) or any(d < timedelta(0) and not w for d, w in zip(steps, wraps)) \
            or not any(d > timedelta(0) for d in steps):
        return
    shift = timedelta(0)
    for e, wrapped in zip(loose[1:], wraps):
        shift += timedelta(days=1) if wrapped else timedelta(0)
        if shift:
            e.at += shift
            e.day = e.day + shift if e.day is not None else None


def _past_a_dated_evening(entries: list[Entry]) -> None:
    """Time-only entries after a dated one late in its day ("| 03/11 22:30 | maintenance
    window ... |" then "| 10:00 | tests open |"), that take its day, are on the next day when
    the first of them steps back more than twelve hours: the night passed between them."""
    anchor, shift = None, timedelta(0)
    for e in entries:
        if e.at is None or e.date_only:
            continue
        if e.written_day:
            anchor, shift = e, timedelta(0)
            continue
        if anchor is not None and e.day is not None and anchor.day is not None and e.day < anchor.day \
                and (moved := e.at + (anchor.day - e.day)) >= anchor.at:
            # "- 00:40 (1 ene) — peak passes" then "- 02:00 — Closed." under a heading dated
            # 31/12: the time after a day written out takes that day (the nearest above it)
            e.at, e.day = moved, anchor.day
            continue
        if anchor is None or e.day != anchor.day:
            continue
        if not shift and e.at < anchor.at - timedelta(hours=12):
            shift = timedelta(days=1)
        if shift:
            e.at += shift
            e.day = e.day + shift if e.day is not None else None


def _check_order(doc, entries: list[Entry]) -> None:
    prev = None
    for e in entries:
        if e.at is None:
            continue
        if prev is not None and e.at < prev.at and not e.date_only and not prev.date_only:
            doc.problems.warning(e.line, "timeline entry is earlier than the one before it")
        prev = e


# --------------------------------------------------------------------------------------
# The four timestamps

TIMES = ("started_at", "detected_at", "mitigated_at", "resolved_at")


# (or its count in words: "She paused the queue twelve minutes later")
_LATER = lazy_re.compile(r"\b((?:\d+(?:\.\d+)?|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty"
                         r"|thirty|forty(?:-five)?|fifty|sixty|ninety|an?)\s)\s*(?:minutes?|mins?|hours?|hrs?)"
                         r"(?:\s+and\s+\d+\s*(?:minutes?|mins?))?)\s+later\b", re.I)
# (not after "a.m." before the zone it was in: "at 9:00 a.m. ET on Thursday" is one sentence)
_SENTENCE_END = lazy_re.compile(r"(?<=[.!?])(?<![aApP]\.[mM]\.)\s+(?=[A-Z(\"'])"
                                r"|(?<=[aApP]\.[mM]\.)\s+(?=[A-Z(\"'])(?!(?:[A-Z]{1,4}T|UTC)\b)")
# a clock in prose: "18:52", "9h05", "UTC 05:13" (not "expires in 2h05", a span); written with a dot ("14.30", as British
# and German writers do) only where the words make it a time of day: a zone or am/pm after
# it (or the day it was on: "00.05 on Friday the 11th"; or "Uhr", "uur": "um 14.26 Uhr"), or "at", "from", "since", "until", "by", "around", "about" or a zone before it, and
# no unit after it ("about 1.20 seconds" is a measure)
# (every match starts with a digit or the "U" or "G" of a zone: the look ahead first
# fails at every other character in one test, where the look behinds of both branches
# were tried at each of them, 7x the cost over prose)
# (an hour alone with its half of the day: "at 11 a.m.", "by 3pm"; not a range's,
# "Between 4am-7am EST", whose zone is said once at its end)
# (and four digits with the hours' abbreviation, as mines and forces write a clock: "At 0351 hrs the fibre ...")
_CLOCK = lazy_re.compile(r"(?=[\dUG])(?:(?<![\d:.])(?:[01]\d|2[0-3])[0-5]\d(?=\s?(?:hrs?|hours)\b)|(?<![\d:.])(?:(?:UTC|GMT)\s+)?\d{1,2}(?:[:h]\d{2}|\.\d{2}(?=\s*(?:UTC|GMT|[ap]\.?m|uhr\b|uur\b|on\s+(?:mon|tue|wed|thu|fri|sat|sun)))"
                    r"|(?<![-–—]\d)(?<![-–—]\d\d)(?=\s?[ap]\.?m\b)(?!\s?[ap]\.?m\.?\s?(?:[-–—]|to\s)\s?\d))"
                    r"|(?:(?<=\bat )|(?<=\bfrom )|(?<=\bsince )|(?<=\buntil )|(?<=\bby )|(?<=\baround )"
                    r"|(?<=\babout )|(?<=\bapproximately )|(?<=\broughly )|(?<=UTC )|(?<=GMT ))(?<![\d:.])(?:[01]?\d|2[0-3])\.[0-5]\d(?![\d.,]\d)"
                    r"(?!\s*(?:%|x\b|[kmgt]?b\b|ms\b|(?:milli)?sec|min|hour|hr|day|week|month|year|times|percent)))",
                    re.I)


# a time that opens or closes a planned window: "the 17:00–17:30 window", "17:30 change window"
IN_A_WINDOW = lazy_re.compile(r"(?:\s*[-–—]\s*\d{1,2}[:.h]\d{2})?\s*(?:[A-Z]{2,5}\s+)?(?:maintenance\s+|change\s+|release\s+)?window\b", re.I)
_ZONE_FIRST = lazy_re.compile(r"(UTC|GMT)\s+", re.I)   # "UTC 05:13"
_ZONE_BEFORE = lazy_re.compile(r"\b(?:UTC|GMT)\s$")     # (the four characters before a clock)


def _versions(text: str) -> set[str]:
    """The dotted numbers a text names as versions ("8.12.0", "8.12.x", "v8.12"): "8.12"
    for each, so the same number met alone in the prose ("from 8.12 or older") is no clock."""
    return {m.group(1) or m.group(2) for m in _DOTTED_VERSION.finditer(text)}


_DOTTED_VERSION = lazy_re.compile(r"(?<![\d.])(?:v(\d{1,2}\.\d{2})(?!\d)|(\d{1,2}\.\d{2})\.(?:\d|x\b))")


_LONGEST_SENTENCE = 4000   # characters


def prose_entries(doc, text: str, incident_date) -> list[Entry]:
    """Clock times in the opening prose ("at roughly 18:52 UTC the site went down",
    "beginning from UTC 05:13"), as tagged entries on the incident's day (or the date the
    sentence states). Used only for what the timeline leaves open.

    A sentence with several times ("discovered by 22:50 GMT and resolved at 23:01 GMT")
    gives one entry per time: each is described by the words since the time before it,
    or, when those say nothing, by the words up to the next one."""
    out = []
    if not text or incident_date is None:
        return out
    last = None   # the last time read, for "... later" in the sentences after it ("at 10:31. Uploads recovered 25 minutes later")
    told = None   # the last time read anywhere before, for "At 08:12 the next morning"
    day = None    # the story's day, once it has moved on from the incident's
    said_zone = None   # the zone the story last named
    said_pm = False    # whether the story's last 12-hour time was in the afternoon or evening
    versions = None    # the dotted numbers the document names as versions (_versions), read once when needed
    for sentence in _SENTENCE_END.split(text):
        if "\n" in sentence:
            last = None   # (a new paragraph tells another part of the story)
        # (no sentence of prose runs past a few thousand characters: one that does, a 100 KB
        # line of clocks, is read for its first part only)
        sentence = tp.worded_clocks(sentence[:_LONGEST_SENTENCE])   # ("at ten past three in the afternoon")
        found = []  # (start, end, at)
        # (looked for once a sentence, not once a clock: a 100 KB line of clocks)
        next_said = "next" in sentence or "following" in sentence
        dates = None
        for m in _CLOCK.finditer(sentence):
            start = m.start()
            if found and start < found[-1][1] or sentence[max(0, start - 3):start] == "in " \
                    and not sentence[start - 4:start - 3].isalnum():
                continue   # ("expires in 2h05": a span, no clock)
            if sentence[start - 1:start] == "+" and start:
                continue   # ("from T+0:18 to T+1:52": offsets from a moment, no clocks)
            head = sentence[start:start + 300]   # (a window, not the rest: a 100 KB line of clocks would copy it each time)
            zone_first = _ZONE_FIRST.match(head)
            zone_before = zone_first is None and _ZONE_BEFORE.search(sentence[max(0, start - 4):start])
            st = tp.read_stamp(head[zone_first.end():] if zone_first else head, doc.order_hint)
            if st is None or not st.has_time:
                continue
            if st.zone is None and "." in head[:st.end] and ":" not in head[:st.end] and not zone_first \
                    and not _MERIDIEM.search(head[:st.end]):
                if versions is None:
                    versions = _versions(doc.text or text)
                if head[:st.end].strip() in versions:
                    continue   # ("updating straight from 8.12 or older" beside "8.12.0" in a release table): a version
            if _HABITUAL.match(head, st.end):
                continue   # ("branches open at 10 a.m. on Saturdays", "the job runs at 02:00 every night": a routine, no event)
            if _DEADLINE_BEFORE.search(sentence, max(0, start - 40), start):
                continue   # ("The contract gives us until 17:00 the next working day", "reports were due back by 17:00": a deadline, no event)
            if "window" in head and IN_A_WINDOW.match(head, st.end):
                continue   # ("an approved change in the 17:00–17:30 window": the planned work's hours)
            if (zone_first or zone_before) and st.zone is None:
                st.zone = tp.ZONE_UTC
            if st.zone is not None:
                said_zone = st.zone
            elif said_zone is not None and not doc.zone_stated:
                # "between 1:41 PM and 2:19 PM Pacific Daylight Time ... alerted the on-call
                # at 1:47 PM": with no zone stated for the document, the story's times go on
                # in the zone it last named
                st.zone = said_zone
            if not st.has_date:
                if dates is None:
                    dates = tp.dates_in(sentence, doc.order_hint)
                # the date nearest before the time in the sentence, or one said right
                # after it ("at 00:10 on Friday the 13th")
                before = next((d for p, d in reversed(dates) if p < start), None)
                if before is None and (said := tp.date_just_before(sentence, start, doc.order_hint,
                                                                   year=(day or incident_date).year)) is not None \
                        and 0 <= (said - incident_date).days <= 60:
                    before = said   # ("We closed the incident on 13 September at 11:00 UTC")
                if before is None and (said := _day_on_before(sentence, start, day or incident_date)) is not None \
                        and 0 < (said - incident_date).days <= 60:
                    before = said   # ("results came back on Friday 14th March, emailed by the lab at 16:05")
                    if said > (day or incident_date):
                        # ("The loss came to light on Thursday 16th January at 10:20. ... LO raised a
                        # ticket at 10:45": the story has moved on to that day)
                        day = said
                if before is None and (before := _day_after(sentence, start + st.end, day or incident_date)) \
                        and before >= incident_date and before != (day or incident_date):
                    # ("We were notified at 8:05 AM PST on Thursday 22 May": the story moves on; or
                    # back, "failed from 15:48 UTC on 31 July" after a deadline's "until 23:59 on 1 August")
                    day = before
                at = tp.stamp_datetime(st, before or day or incident_date, doc.zone)
            else:
                at = tp.stamp_datetime(st, incident_date, doc.zone)
                try:
                    said_day = date(st.year or incident_date.year, st.month, st.day)
                except ValueError:
                    said_day = None
                if said_day is not None and said_day >= incident_date and said_day != (day or incident_date) \
                        and (said_day - incident_date).days <= 60:
                    # ("at 8:05 AM PST on Thursday 22 May": the story's day moves on; or back, "failed
                    # from 15:48 UTC on 31 July" after a deadline's "until 23:59 on 1 August")
                    day = said_day
            if at is None:
                continue
            if (meridiem := _MERIDIEM.search(head[:st.end])) is not None:
                said_pm = meridiem.group(1).lower() == "p"
            elif said_pm and 1 <= st.hour <= 11 and (before := found[-1][2] if found else told) is not None \
                    and abs(at + timedelta(hours=12) - before) < abs(at - before) and not _MORNING.search(sentence):
                # "rang at 8:25pm; ... had expired at 8:10, ... again from 9:05": a story told
                # on a 12-hour clock goes on in the evening it last named
                at += timedelta(hours=12)
            if not st.has_date and next_said \
                    and (nxt := _NEXT_DAY.search(sentence)) \
                    and (told is not None and at <= told or start - 30 <= nxt.start() <= start + st.end + 30) \
                    and tp.date_just_before(sentence, start, doc.order_hint, year=incident_date.year) is None:
                # (not a time its day is written right before: "the next morning (Jul 31, 8:40 CT)")
                # "At 08:12 the next morning", after 22:31 the night before; "Errors started
                # 13:00 UTC the next day": the story's day moves on, for this time and the
                # ones told after it
                # (with no time told before, the day after the story's own: "... reached prod on
                # 2026-04-29 ... Errors started 13:00 UTC the next day")
                later = max(0, (told - at).days) + 1 if told is not None else 1
                at += timedelta(days=later)
                day = (day or incident_date) + timedelta(days=later)
            found.append((start, start + st.end + (zone_first.end() if zone_first else 0), at))
        if (found or last is not None) and "later" in sentence:
            # "An alert fired at 02:14 UTC and the service recovered 25 minutes later", or
            # the sentence after it says so
            for m in _LATER.finditer(sentence):
                prev = [f[2] for f in found if f[1] <= m.start()] or ([last] if last is not None else [])
                mins = minutes(m.group(1))
                if prev and mins and not any(0 <= f[0] - m.end() <= 8 and f[2] == prev[-1] + timedelta(minutes=mins)
                                             for f in found):
                    # (not one the clock right after it tells: "took the plate away a minute
                    # later, at 11:59, before he had touched it" is one moment, one clause)
                    found.append((m.start(), m.end(), prev[-1] + timedelta(minutes=mins)))
            found.sort(key=lambda f: f[0])
        if not found and last is not None and out and out[-1].at == last and _THAT_STOPPED.match(sentence):
            # "Femi halted the staged rollout at 14:05 UTC. That stopped the damage: ...": the
            # sentence after a timed one says what it did
            out[-1].tags.add("mitigated")
        elif not found and last is not None and out and out[-1].at == last \
                and ("when" in sentence or "moment" in sentence or "point" in sentence or "time" in sentence) \
                and (m := _THAT_WAS_WHEN.match(sentence)) is not None:
            # "That page is the moment we knew something was wrong.", "For our drivers, and
            # for you, that is when the outage began.": the writer naming the moment just told
            out[-1].text = f"{out[-1].text} {sentence.strip()}"   # (the writer's naming, read with it below)
            if m.group("began"):
                out[-1].tags.difference_update(("detected", "impact"))
                out[-1].markers.add("started")
            else:
                out[-1].tags.discard("impact")
                out[-1].tags.add("detected")
                out[-1].markers.add("knew")
        if found:
            last = told = found[-1][2]
        for i, (start, stop, at) in enumerate(found):
            lead = sentence[found[i - 1][1] if i else 0:stop]
            if _OPENS_CLAUSE.search(sentence, found[i - 1][1] if i else 0, start):
                # "By 17:31 scans were back, and at 18:15 UTC we declared it resolved": a time
                # opening its clause is told by the words after it
                lead = sentence[start:found[i + 1][0] if i + 1 < len(found) else len(sentence)]
            e = Entry(at, lead, 0)
            _tag(e)
            if not (e.tags or e.markers):
                # (up to the next time, but not past a list's separator after this one: "fault
                # introduced 10:20; spotted 12:41", the words after ";" the next time's)
                upto = found[i + 1][0] if i + 1 < len(found) else len(sentence)
                if i + 1 < len(found) and (sep := _LIST_SEP.search(sentence, stop, upto)) is not None:
                    upto = sep.start()
                e = Entry(at, sentence[found[i - 1][1] if i else 0:upto], 0)
                _tag(e)
            if i + 1 == len(found) and ("which" in sentence and _WHICH_STOPPED.match(sentence, stop)
                                        or "mitigated" in sentence and _COUNTED_MITIGATED.search(sentence, stop)):
                e.tags.difference_update(("impact", "detected"))   # (the writer's word for the moment)
                e.tags.add("mitigated")
            if not (e.tags or e.markers) and i == 0 and _FROM_CLOCK.match(sentence, 0, start):
                # "From about 9:30 a.m., members who tried to sign in saw ...": a sentence
                # that opens on the time something began tells the start of what it says
                e.markers.add("started")
            out.append(e)
    return out


# what separates the items of a list of moments told in a line: "; ", " · ", " | "
LIST_SEP = r";\s|\s[·•|]\s"
_LIST_SEP = lazy_re.compile(LIST_SEP)


# a sentence naming the moment the one before it told: when we knew ("That page is the moment
# we knew something was wrong"), or when the harm began ("For our drivers, and for you, that
# is when the outage began")
_THAT_WAS_WHEN = lazy_re.compile(r"(?:[^.;:]{0,40},\s*)?(?:that|this)(?:\s+(?:page|alert|alarm|call|message|e-?mail|ticket))?"
                                 r"(?:\s+is|['’]s|\s+was)\s+(?:the\s+(?:moment|point|time)|when)\s+"
                                 r"(?:(?:the\s+)?(?P<began>(?:outage|incident|impact|disruption|problem)\s+(?:began|started))"
                                 r"|we\s+(?:first\s+)?(?:knew|learned|learnt|found\s+out|noticed|realised|realized)\b)", re.I)
# a sentence saying the step told just before it ended the harm: "That stopped the damage",
# "This ended the outage", "It stopped the bleeding"
_STOPPED_HARM = (r"(?:finally\s+|immediately\s+)?(?:stopped|ended|halted|contained)\s+the\s+(?:duplicate\s+|wrong\s+)?"
                 r"(?:damage|bleeding|harm|outage|impact|errors|deletions|failures|crashes|losses|charges|duplicates)\b")
_THAT_STOPPED = lazy_re.compile(r"\s*(?:that|this|it|which)\s+" + _STOPPED_HARM, re.I)
# ... or the writer's word, after the sentence's last time, that it counts as the end: "the queue
# drained 25 minutes later; at that point every report was on a crew's list ..., so we treat
# that as the moment the incident was mitigated"
_COUNTED_MITIGATED = lazy_re.compile(r"\bwe\s+(?:consider|count|treat|take|call)\s+(?:that|this|it)\s+(?:as\s+)?"
                                     r"(?:the\s+(?:point|moment|time)\s+)?(?:(?:when|at\s+which)\s+)?(?:the\s+)?"
                                     r"(?:incident|impact|outage)\s+(?:was\s+)?mitigated\b", re.I)
# ... or the words after the step's time in its own sentence: "Engineering stopped the second
# run at 2:10 PM, which ended the duplicate charges"
_WHICH_STOPPED = lazy_re.compile(r"[\s.]{0,3}(?:[AaPp]\.?[Mm]\.?)?\s*(?:[A-Z]{2,5}\s*)?,\s*which\s+" + _STOPPED_HARM, re.I)


# a sentence opening on the moment a state began: "From about 9:30 a.m., ...", "Starting
# at 02:10, ...", "Since 07:45 UTC" (perhaps after the day: "On Saturday, June 14, from ...")
_FROM_CLOCK = lazy_re.compile(r"\W*(?:on\s+[^,.]{3,40},\s+)?(?:from|since|starting(?:\s+at)?|beginning(?:\s+at)?)\s+"
                              r"(?:about\s+|around\s+|approximately\s+|roughly\s+|~\s*)?$", re.I)


# what says a clock is a routine's: "on Saturdays", "every night", "each morning", "daily"
_HABITUAL = lazy_re.compile(r"\s*(?:[A-Z]{2,5}\s+)?(?:on\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)days|weekdays|weekends)\b"
                            r"|every\s+(?:day|night|morning|afternoon|evening|week|weekday|hour|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
                            r"|each\s+(?:day|night|morning|afternoon|evening|week)\b|daily\b|nightly\b|at\s+weekends\b"
                            # ("The Fedwire Funds Service closed at 19:00 ET as usual")
                            r"|as\s+(?:usual|always|normal|scheduled|planned)\b)", re.I)


# what says the clock after it is a deadline: "gives us until 17:00", "due back by 17:00"
_DEADLINE_BEFORE = lazy_re.compile(r"(?:\b(?:gives?|gave|giving)\s+(?:us|them|you|crews?|the\s+[\w-]+)\s+until"
                                   r"|\bdue(?:\s+back|\s+in|\s+out)?\s+by|\b(?:deadline|cut-?off)\s+(?:is|was|of))\s+$", re.I)


# a day said right after a clock: "00:10 on Friday the 13th", "(09:05, Tue 14th)"
_DAY_AFTER = lazy_re.compile(r"[\s,(]{0,3}(?:on\s+)?" + _WEEKDAY_AND_NTH, re.I)


def _day_after(sentence: str, at: int, near: date | None) -> date | None:
    """The day said right after a clock in a sentence: "at 8:05 AM PST on Thursday 22 May"
    (its year the story's), "00:10 on Friday the 13th" (a weekday and a day of the month)."""
    if near is None:
        return None
    if (m := _DAY_AFTER.match(sentence, at)) is not None:
        return tp.day_of_month(m.group(1), int(m.group(2)), near)
    if (m := _ON_AFTER.match(sentence, at)) is not None \
            and (d := tp.date_at(sentence, m.end(), year=near.year)) is not None and abs((d - near).days) <= 60:
        return d
    return None


def _day_on_before(sentence: str, at: int, near: date) -> date | None:
    """The day a sentence names with "on" before its clock, a clause or so away, no other
    clock between ("came back on Friday 14th March, emailed by the lab at 16:05"), in the
    year of ``near``."""
    found = None
    for m in _ON_A_DAY.finditer(sentence, max(0, at - 80), at):
        found = m
    if found is None or tp.clocks_at_most(sentence[found.end():at]):
        return None
    return tp.date_at(sentence, found.end(), year=near.year)


_ON_A_DAY = lazy_re.compile(r"\bon\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d)", re.I)


# "... on Thursday 22 May", "... , 22 May": where a date may follow a clock
_ON_AFTER = lazy_re.compile(r"(?:\s*(?:[A-Z]{2,5}|\([A-Z]{2,5}\)))?[\s,]{1,3}on\s+", re.I)


# a 24-hour clock's hour written with its leading zero ("02:40", "07.15", "09h05")
_LEADING_ZERO = lazy_re.compile(r"(?<!\d)0\d[:.h]\d")
# a 12-hour clock's "am" or "pm" ("8:25pm", "9:58 p.m.")
_MERIDIEM = lazy_re.compile(r"(?<=\d)\s?([ap])\.?\s?m\b", re.I)
_HALF_IN_WORDS = lazy_re.compile(r"\bat\s+night\b|\bin\s+the\s+(?:morning|afternoon|evening)\b", re.I)


# (not a thing of the morning's: "comparing the morning's change log" at about 1:40 that afternoon)
_MORNING = lazy_re.compile(r"\b(?:morning|dawn|sunrise|breakfast|overnight)\b(?!['’]s)", re.I)


# the day after the one told before: "the next morning", "the following day"
_NEXT_DAY = lazy_re.compile(r"\b(?:next|following)\s+(?:morning|day|evening|night|afternoon)\b", re.I)
# a clause that opens with its time: a break (a comma, a semicolon, "and", "then") and only
# a preposition before the clock
_OPENS_CLAUSE = lazy_re.compile(r"(?:[,;:]|\b(?:and|then|while|before|after))\s+(?:(?:and|then)\s+)?(?:(?:at|by|from|since|until|around|about|"
                                r"approximately|roughly|shortly\s+after|just\s+after|just\s+before|~)\s+)*(?:~\s*)?$", re.I)


# "resolved in 2 hours and 2 minutes from the time of report", "fixed within 3 hours of
# the first report", "It took 1 hour and 31 minutes from the start of the incident to
# the deploy of the fix": a span the document states between two of its events.
_DUR = r"(?P<dur>\d+(?:\.\d+)?\s*(?:days?|hours?|hrs?|minutes?|mins?)(?:\s*(?:,|and)?\s*\d+(?:\.\d+)?\s*(?:hours?|hrs?|minutes?|mins?))*)"
_ANCHOR = (r"(?:the\s+)?(?:time\s+of\s+(?:the\s+)?)?(?:first\s+|initial\s+)?"
           r"(?P<anchor>report|alert|page|detection|start|beginning|outage|incident)")
_SPANS = [  # (the word each starts at, the pattern matched there)
    ("took", lazy_re.compile(r"took\s+(?:about\s+|roughly\s+)?" + _DUR + r"\s+from\s+" + _ANCHOR
                        + r"[^.]{0,40}?\s+to\s+(?:the\s+)?(?P<verb>deploy|fix|resolution|mitigation|recovery|restor)",
                        re.I)),
] + [(verb, lazy_re.compile(r"(?P<verb>" + verb + r")\s+(?:in|within|after)\s+(?:about\s+|roughly\s+)?" + _DUR
                       + r"\s+(?:of|from|after)\s+" + _ANCHOR, re.I))
     for verb in ("fixed", "resolved", "mitigated", "restored", "recovered")]


# a detection the document says came with the harm: "Issue was detected immediately through
# service crash", "the failure was noticed instantly" (not "was not detected immediately")
_AT_ONCE = lazy_re.compile(r"\b(?:was|were|is|got)\s+(?:detected|noticed|caught|spotted)\s+"
                      r"(?:immediately|instantly|right\s+away|at\s+once)\b", re.I)


def _detected_at_once(text: str) -> bool:
    # (the words looked for first: the pattern is searched only in the few texts that hold one)
    return any(w in text for w in ("mmediately", "nstantly", "right away", "at once")) \
        and _AT_ONCE.search(text) is not None


def _span_key(verb: str) -> str:
    """The timestamp a span's verb ends at ("fixed" -> resolved_at, "restored" -> mitigated_at)."""
    return "resolved_at" if verb in ("fixed", "resolved", "deploy", "fix", "resolution") else "mitigated_at"


def stated_spans(doc, keys=("resolved_at", "mitigated_at")) -> list[tuple[str, str, float]]:
    """(timestamp, anchor timestamp, minutes) for each span the document states that
    ends at one of ``keys``. Each pattern is tried only where its first word occurs, in
    lower case or opening a sentence ("Fixed within 3 hours of the first report"; found
    by str.find, far cheaper than searching with the patterns), and not at all where that
    word is its verb and names another key."""
    text = doc.text or "\n".join(doc.lines)
    out = []
    for word, rx in _SPANS:
        if word != "took" and _span_key(word) not in keys:
            continue   # ("took" names its verb later; the other patterns' word is their verb)
        for at in _positions(text, word):
            m = rx.match(text, at)
            mins = minutes(m.group("dur")) if m else None
            if not mins:
                continue
            key = _span_key(m.group("verb").lower())
            if key not in keys:
                continue
            anchor = "detected_at" if m.group("anchor").lower() in ("report", "alert", "page", "detection") \
                else "started_at"
            out.append((key, anchor, mins))
    return out


def _positions(text: str, word: str):
    for form in (word, word.capitalize()):
        at = text.find(form)
        while at != -1:
            yield at
            at = text.find(form, at + len(form))


# a part of a timeline its heading says came before the incident
_BEFORE_IT = lazy_re.compile(r"\bpre[\s-]?incident\b|\bbefore\s+the\s+(?:incident|outage)\b|\blead[\s-]?up\b", re.I)


# an entry saying all went as it should: "10:00 session checks in normally", "runs as usual"
_AS_NORMAL = lazy_re.compile(r"\b(?:normally|as\s+(?:normal|usual|expected)|without\s+(?:issue|problem)s?|no\s+(?:issues|problems))\b"
                             r"(?![^.;]{0,30}\b(?:until|but|except)\b)", re.I)


def _after_lead_up(doc, timed: list[Entry]) -> Entry | None:
    """The first timed entry; where a part of the timeline its heading says came before the
    incident holds some of them, the earliest of the others (all of them there: the first)."""
    if not timed:
        return None
    while len(timed) > 1 and _AS_NORMAL.search(timed[0].text) and not timed[0].tags:
        timed = timed[1:]   # "10:00 session checks in normally (38 guests)": how things stood before it
    spans = [(s.line, nxt.line if nxt is not None else 1 << 30)
             for s, nxt in zip(doc.secs, [*doc.secs[1:], None]) if s.level and _BEFORE_IT.search(s.title)]
    if not spans:
        return timed[0]
    rest = [e for e in timed if not any(a <= e.line < b for a, b in spans)]
    return min(rest, key=lambda e: e.at) if rest and len(rest) < len(timed) else timed[0]


# (what a document states of the impact's end, front matter or a field, stands; what the
# timeline or a window suggests may be the first window's end only)
def _outcome_after_action(timed: list[Entry], fixed: datetime) -> datetime | None:
    """The entry that reports the harm gone, when the first one taken for the mitigation
    only tells the step taken ("Listener profile reverted on all six nodes", "Purge
    permission revoked; cache starts to refill") and one within the hour after it reports
    the measure back ("15:31 Approval rate back to the normal ~96%", "503s below 1% of
    article views"): the impact ended when it came back, not when the fix went in."""
    first = next(e for e in timed if e.at == fixed and "mitigated" in e.tags)
    if _OUTCOME.search(first.text) or not _STEP_TAKEN.search(first.text):
        return None
    for e in timed:
        if e.at <= fixed:
            continue
        if e.at - fixed > timedelta(minutes=60) or "impact" in e.tags or "detected" in e.tags:
            return None
        if _OUTCOME.search(e.text) and not _STILL_HURT.search(e.text) and not _NOT_WHOLLY.search(e.text):
            return e.at
    return None


# a step taken to end the harm, told as done: "reverted", "rolled back", "revoked", "restarted"
_STEP_TAKEN = lazy_re.compile(r"\b(?:revert(?:ed|s)?|roll(?:ed|s)?\s+back|rollback|revoked?|restart(?:ed|s)?|rebooted|redeploy(?:ed|s)?"
                              r"|deploy(?:ed|s)|switch(?:ed|es)|paus(?:e|es|ed)|cancell?ed|disabled?|failed\s+over|re-?routed?"
                              r"|scaled?\s+(?:up|out)|stopped|killed|pg_cancel_backend)\b", re.I)
# the measure of the harm back where it belongs: "back to the normal ~96%", "503s below 1%",
# "DNS resolution recovers", "succeed again", "all feeds current"
_OUTCOME = lazy_re.compile(r"\bback\s+(?:to\s+(?:the\s+)?normal|above|below|under|within|to\s+baseline)\b|\b(?:below|under)\s+\d+(?:\.\d+)?\s*%"
                           r"|\brecover(?:s|ed|y\s+complete)\b|\b(?:succeed|succeeds|working|flowing)\s+again\b|\bback\s+to\s+normal\b"
                           r"|\ball\s+\w+\s+current\b|\bconfirm(?:s|ed)?\s+(?:normal|all|service)\b"
                           # ("Answered-call success rate back to 99.1%")
                           r"|\bsuccess\b[^.;]{0,30}\bback\s+(?:to|at)\s+(?:9\d(?:\.\d+)?|100)\s?%", re.I)


_RELAPSE_CAN_MOVE = ("impact_range", "timeline_marker", "timeline_mitigation")
# the harm back after it had ended: "503s return everywhere", "the alert fires again"
_RELAPSE = lazy_re.compile(r"\b(?:again|returns?|returned|came\s+back|comes\s+back|relapse[sd]?|recur(?:s|red|rence)?"
                           r"|re-?appear(?:s|ed)?|second\s+(?:wave|window|period)|once\s+more)\b", re.I)
# an alert or a page after it: someone told again
_PAGED_AGAIN = lazy_re.compile(r"\b(?:pages?|paged|fires|fired|alerts?|alerted)\b", re.I)
# everyone well again: "All customers normal", "every customer back to normal", "All
# services OK", "All regions clean", "Lag zero for every tenant. All customers current."
_ALL_CLEAR = lazy_re.compile(r"\b(?:all|every)\s+(?:[\w-]+\s+){0,2}?(?:customers?|users?|services?|regions?|tenants?"
                             r"|households?|segments?|systems?|partners?|clients?|merchants?|sites?)\b[^.;]{0,40}?"
                             r"\b(?:normal|ok|okay|recovered|recover|restored|clean|current|healthy|back)\b", re.I)


# the harm's own nouns, a word before "resume" ("Failures resume", "errors resumed")
_HARM_RESUMING = frozenset("""failures errors crashes timeouts outages alerts alarms declines rejections drops stalls
problems issues 429s 500s 502s 503s 504s 5xxs 5xx""".split())
# the entry that says a window of the impact ended: "End of second window.", "Impact ends."
_WINDOW_ENDS = lazy_re.compile(r"\b(?:end\s+of\s+(?:the\s+)?(?:first|second|third|last|final)?\s*(?:impact\s+)?window"
                               r"|impact\s+end(?:s|ed)\b)", re.I)


def _after_relapse(timed: list[Entry], ended: datetime) -> datetime | None:
    """When the impact ended for good, if the timeline tells of it coming back after
    ``ended`` (the harm returning, "503s return everywhere", or an alert paging again,
    "S3ApiErrorRate pages Anjali", after an entry of harm): the first entry after that
    saying everyone is well again ("All customers normal"), else None (the first
    window's end stands)."""
    later = [e for e in timed if e.at - ended > timedelta(minutes=5)]   # (not ended + 5 min: past 9999-12-31 no date)
    back = next((i for i, e in enumerate(later)
                 if _RELAPSE.search(e.text) and ("impact" in e.tags or "detected" in e.tags or "started" in e.tags
                                                 or HARM_WORDS.search(e.text) or _PAGED_AGAIN.search(e.text))
                 or _PAGED_AGAIN.search(e.text) and i and "impact" in later[i - 1].tags
                 and e.at - later[i - 1].at <= timedelta(minutes=30)), None)
    if back is None:
        return None
    return next((e.at for e in later[back + 1:] if _ALL_CLEAR.search(e.text) or _WINDOW_ENDS.search(e.text)), None)


# a marker that says the impact ended ("so that is when the impact ended"): no start
_ENDED_MARKS = frozenset(("mitigated", "resolved"))


# where a stated start comes from: a field, not an entry's words
_STATED_STARTS = frozenset(("front_matter", "metadata", "stated_key_event"))


def derive_times(doc, entries: list[Entry], incident_date, impact_range, prose=None, detection_told=None):
    """Each timestamp from the strongest evidence, with the rule that filled it.

    Order: front matter, then metadata (``**Detected:**``, a metadata table), then
    figures the document states (``Time to detection: 5 minutes``), then the impact
    range (``Duration: 14:58-15:20``), then explicit timeline markers (``OUTAGE
    BEGINS``), then what timeline entries say (alert fired, rolled back, resolved);
    resolved falls back to mitigated.
    """

    times: dict[str, datetime | None] = {}
    sources: dict[str, str] = {}
    reported = None   # a start the report of the harm gives, yielding to the opening prose's

    def put(key, value, source):
        if value is not None and times.get(key) is None:
            times[key] = value
            sources[key] = source

    short_of = {"started_at": "started", "detected_at": "detected", "mitigated_at": "mitigated",
                "resolved_at": "resolved"}
    for key, short in short_of.items():
        put(key, datetime_value(front(doc, short), doc), "front_matter")
    if front(doc, "resolved") is not None and front(doc, "date") is not None:
        # a status-page issue (cState and the like): its date-time is when it began, unless
        # its own updates tell of the harm, or of someone finding it, on a day of the week
        # before ("Issue First Seen" the day before): then it was posted after the start (a change
        # made before it, "agent image rebuilt", is the lead-up, not the incident)
        # (an update that states its own day: a time alone, read in a zone gone wrong,
        # may fall before the post by some hours without telling of an earlier day)
        posted = datetime_value(front(doc, "date"), doc)
        if posted is not None and not any(
                e.at is not None and not e.date_only and e.own_day and posted - timedelta(days=7) <= e.at < posted
                and e.at.date() < posted.date() and ("detected" in e.tags or "impact" in e.tags) for e in entries):
            put("started_at", posted, "front_matter")
    for key, short in short_of.items():
        if short in doc.meta:
            value, line = doc.meta[short]
            dt = _meta_time(value, doc, incident_date, line)
            if key == "detected_at" and dt is not None and any(
                    e.at is not None and not e.date_only and "resolved" in e.tags and e.at < dt
                    and any(d.at is not None and "detected" in d.tags and d.at < e.at for d in entries) for e in entries):
                # ("| Date / time reported | 12/03/2024 06:20 AWST (after 0600 handover) |" after
                # the log's "02:05 SR3 operator notices ..." and "04:10 ... event closed in the
                # shift log": the report filed, not the moment anyone knew)
                continue
            put(key, dt, "metadata")
    if "status" in doc.meta and _CLOSED_STATUS.match(doc.meta["status"][0]) \
            and not _NOT_WHOLLY.search(doc.meta["status"][0]):
        put("resolved_at", _meta_time(doc.meta["status"][0], doc, incident_date, doc.meta["status"][1]), "metadata")

    timed = [e for e in entries if e.at is not None and not e.date_only]
    if doc.newest_first:
        timed.reverse()   # "the first alert" is the earliest, at the end of the list

    def first(tag, after=None, markers=False):
        for e in timed:
            if (tag in e.markers) if markers else (tag in e.tags):
                if after is None or e.at >= after:
                    return e.at
        return None

    def last(tag, after=None, markers=False):
        found = None
        for e in timed:
            if ((tag in e.markers) if markers else (tag in e.tags)) and (after is None or e.at >= after):
                found = e.at
        return found

    for key, short in short_of.items():
        put(key, doc.stated.get(short), "stated_key_event")  # "- Repaired: 2023-07-25 15:55"
    for key, word in (("resolved_at", _RESOLVED_HEADING), ("mitigated_at", _MITIGATED_HEADING)):
        put(key, _heading_time(doc, word, incident_date), "section_heading")  # "## Resolution (2025-12-25 12:48)"

    ttd = minutes(doc.meta["ttd"][0]) if "ttd" in doc.meta else None
    ttm = minutes(doc.meta["ttm"][0]) if "ttm" in doc.meta else None
    ttr = minutes(doc.meta["ttr"][0]) if "ttr" in doc.meta else None
    if ttm is not None and ttr is None and _TO_THE_END.search(doc.meta["ttm"][0]):
        # "Time to recovery: 3 hours 10 minutes (service fully recovered, backlog
        # reprocessed)": the whole recovery, the close
        ttm, ttr = None, ttm

    def to_the_second(at):
        """A window's minute made precise by a timeline entry within it ("11:15 UTC →
        ..." over the entry "11:15:13 first Zot error")."""
        if at is None or at.second:
            return at
        return next((e.at for e in timed if e.at.second and e.at.replace(second=0, microsecond=0) == at), at)

    said_in_prose: list = []

    def prose_entries_once():
        if not said_in_prose:
            said_in_prose.append(prose() if prose is not None else ())
        return said_in_prose[0]

    if impact_range and prose is not None and times.get("started_at") is None \
            and _may_say(doc.text or "", _BEGAN_HINT, IMPACT_BEGAN, "MPACT"):   # (the prose read only where it may say so)
        # the opening's own statement of the harm's first moment, "Impact began with the unit
        # failure at 08:47", earlier the same day than a range a later section gives ("claims
        # system unavailable from 12:05 to 15:20": one harm of several, after the first)
        began = next((e.at for e in prose_entries_once() if "impact" in e.text.lower() and IMPACT_BEGAN.search(e.text)
                      and impact_range[0] - timedelta(hours=12) <= e.at < impact_range[0]), None)
        ended = next((e.at for e in prose_entries_once() if "impact" in e.text.lower() and _IMPACT_ENDED.search(e.text)
                      and began is not None and began < e.at), None)
        put("started_at", began, "opening_prose_marker")
        put("mitigated_at", ended, "opening_prose_marker")
    if impact_range:
        put("started_at", to_the_second(impact_range[0]), "impact_range")
    put("started_at", first("started", markers=True), "timeline_marker")
    put("mitigated_at", first("mitigated", markers=True), "timeline_marker")
    # an incident closed, re-opened and closed again ends at its last close
    put("resolved_at", last("resolved", markers=True), "timeline_marker")
    if impact_range and prose is not None and times.get("mitigated_at") is None and _taken_as_mitigated(doc.text or ""):
        # "We count the incident as mitigated at 11:02, when read-write access returned", over
        # the Impact section's "08:47–10:38: completely unavailable" (read-only after it)
        # (a moment near the range's end: the same day's, not one the story's days lost track of)
        put("mitigated_at", next((e.at for e in prose_entries_once() if _taken_as_mitigated(e.text)
                                  and impact_range[0] < e.at and abs(e.at - impact_range[1]) <= timedelta(hours=12)),
                                 None), "opening_prose_marker")
    if impact_range and prose is not None and times.get("mitigated_at") is None \
            and _may_say(doc.text or "", _WORKAROUND_HINT, _WORKAROUND_SAID, "ROUND"):   # (the prose read only where it may say so)
        # "the feed was down from 05:40 to 10:50 ... We had a workable way around it from
        # 07:05": the harm eased when the workaround began, before the fault was fixed
        put("mitigated_at", next((e.at for e in prose_entries_once() if _WORKAROUND_SAID.search(e.text)
                                  and impact_range[0] < e.at < impact_range[1]), None), "opening_prose_workaround")
    if impact_range:
        put("mitigated_at", to_the_second(impact_range[1]), "impact_range")

    start = times.get("started_at")
    if start is not None and ttd is not None:
        put("detected_at", start + timedelta(minutes=ttd), "stated_duration")
    if doc.newest_first and detection_told is not None and timed:
        # a status page's updates, posted after what they tell, and the story below them
        # ("From 08:52Z the database stopped accepting writes", "Read-only access came back at
        # 13:58Z"): the story's own moments of the harm, within what the updates span
        story = [e for e in detection_told() if timed[0].at - timedelta(hours=12) <= e.at <= timed[-1].at]
        if start is None:
            put("started_at", next((e.at for e in story if "impact" in e.tags and "detected" not in e.tags
                                    and e.at < timed[0].at), None), "status_story")
            start = times.get("started_at")
        listed = first("mitigated", after=start)
        put("mitigated_at", next((e.at for e in story if "mitigated" in e.tags and "detected" not in e.tags
                                  and listed is not None and (start is None or e.at > start) and e.at < listed), None),
            "status_story")
    if detection_told is not None:
        # "Our monitor alerted at 14:11 UTC" in a Detection section, before the timeline's
        # first detection (a status page's "Investigating" post, made once the team knew):
        # the organisation knew then
        # (within what the timeline spans: a story told below the updates may date its
        # clocks by a later note, "*Added Mar 18, 2024*")
        latest = max((e.at for e in timed), default=None)
        told = next((e.at for e in detection_told() if "detected" in e.tags and (start is None or e.at >= start)
                     and (latest is None or e.at <= latest)), None)
        listed = first("detected", after=start)
        if told is not None and (listed is None or told < listed):
            put("detected_at", told, "detection_section")
    put("detected_at", first("detected", after=start), "timeline_detection")
    if sources.get("detected_at") == "timeline_detection" and prose is not None \
            and any(w in (doc.text or "") for w in ("knew", "first learned", "first learnt", "first heard")):
        # "We first learned about it at 08:12 on April 2, when support paged the payments
        # on-call", over the timeline's tenant posting on a forum nobody read: the writer's
        # statement of when they knew
        knew = next((e.at for e in prose_entries_once() if "knew" in e.markers), None)
        # (later than the entry taken for it, a signal nobody heard; the same day's)
        if knew is not None and times["detected_at"] < knew <= times["detected_at"] + timedelta(days=1):
            times["detected_at"], sources["detected_at"] = knew, "opening_prose_marker"
    if start is not None and sources.get("started_at") in _STATED_STARTS:
        # "Passenger impact from 0531" stated, "0318 PICOP warns Route Control of a likely
        # overrun" in the timeline: the trouble was known before the harm it stated began
        put("detected_at", first("detected"), "timeline_detection")
    if start is None:
        det = times.get("detected_at")
        if det is not None and ttd is not None:
            put("started_at", det - timedelta(minutes=ttd), "stated_duration")
        # (with no detection to bound it, not an impact told after a recovery: status
        # updates' "Everything is working again" then "the login is a bit unstable" tell a
        # relapse, not the start)
        # (nor, when it had ended before anyone knew, one after that recovery)
        fixed = first("mitigated") if det is None else _unseen_recovery(timed, det)
        impact = next((e.at for e in timed if "impact" in e.tags and (det is None or e.at <= det)
                       and (fixed is None or e.at <= fixed)), None)
        # "reports kubeadm 1.6.0 being broken" after "releases Kubernetes 1.6.0": it began
        # with the release of the version the report names, unless an entry between the
        # release and the report says when the harm began ("16:00 exports start failing")
        released = _broken_release(timed, det)
        if released is not None and (impact is None or impact < released or det is not None and impact >= det):
            put("started_at", released, "timeline_broken_release")
        if impact is not None and impact == det \
                and any(e.at == impact and "detected" in e.tags and "impact" in e.tags for e in timed):
            # "Customer on chat can't pay": the harm told by the report that made it known; it
            # began then or before, as the opening prose may say ("first failed checkout 11:52")
            reported = impact
        else:
            put("started_at", impact, "timeline_impact")
    if sources.get("started_at") == "timeline_impact" and prose is not None \
            and (_may_say(doc.text or "", _TAKEN_HINT, _START_TAKEN, "AS THE")
                 or _may_say(doc.text or "", _BEGAN_HINT, IMPACT_BEGAN, "MPACT")):   # (the prose read only where it may say so)
        # "Nobody tried to file anything until 09:20 on Friday, which we take as the start of
        # impact", "**Impact began at 14:32 on Monday 23 September**", over the timeline's
        # "00:00 Firm certificate expires", "Friday 23:05 sync fails": the writer's own call
        det = times.get("detected_at")
        said = next((e.at for e in prose_entries_once() if "started" in e.markers
                     and (_START_TAKEN.search(e.text) or IMPACT_BEGAN.search(e.text))
                     and (det is None or e.at <= det) and e.at >= times["started_at"] - timedelta(days=1)), None)
        if said is not None:
            times["started_at"], sources["started_at"] = said, "opening_prose_marker"
    if times.get("detected_at") is None and times.get("started_at") is not None and ttd is None \
            and _detected_at_once(doc.text or "\n".join(doc.lines)):
        # "the issue was detected immediately through the service crash": no time to detect
        put("detected_at", times["started_at"], "stated_duration")
    # a span the document states between two events ("resolved in 2 hours from the time
    # of report"), once its anchor is known
    spans = None

    def put_spans():
        nonlocal spans
        open_keys = [k for k in ("resolved_at", "mitigated_at") if times.get(k) is None]
        if not open_keys:
            return   # (a span gives one of these two only: the text is searched for spans only while one is open)
        if spans is None:
            # (only the spans ending at a key still open: a key once known stays known,
            # so the ones ending at the others could never be put, now or at the second call)
            spans = stated_spans(doc, open_keys)
        for key, anchor, mins in spans:
            if times.get(anchor) is not None:
                put(key, times[anchor] + timedelta(minutes=mins), "stated_duration")

    put_spans()
    start = times.get("started_at")
    if start is not None and ttm is not None:
        put("mitigated_at", start + timedelta(minutes=ttm), "stated_duration")
    if times.get("detected_at") is not None and (start is None or sources.get("started_at") == "timeline_impact"):
        # it ended before anyone knew: "10:55 Cluster self-heals ... back to 100%", then
        # "15:00 Dip ... noticed via grafana" (the start is the entry before that recovery)
        healed = _unseen_recovery(timed, times["detected_at"])
        if healed is not None and (start is None or start < healed):
            put("mitigated_at", healed, "timeline_mitigation_unseen")
    after = times.get("detected_at") or start
    # the first report of mitigation after detection; the detection's own entry ("Jobs
    # are stalled; we have paused the scheduler") only when no later one reports it
    fixes = [e.at for e in timed if "mitigated" in e.tags and (after is None or e.at >= after)]
    if len(fixes) > 1 and times.get("detected_at") is not None and fixes[0] == times["detected_at"]:
        fixes = [t for t in fixes if t > fixes[0]] or fixes
    if fixes and times.get("mitigated_at") is None and (seen := _outcome_after_action(timed, fixes[0])) is not None:
        fixes = [seen]
    put("mitigated_at", fixes[0] if fixes else None, "timeline_mitigation")
    if times.get("detected_at") is not None:
        # nothing says it was fixed, but a new version went out after we knew: the fix
        put("mitigated_at", next((e.at for e in timed if "released" in e.tags and e.at > times["detected_at"]), None),
            "timeline_release")
    # nothing said which step fixed it, but the Resolution section is its timed steps:
    # the first step taken after we knew eased it, the last ended it
    steps = [e.at for e in timed if "step" in e.tags and (after is None or e.at >= after)
             and not _INQUIRY.search(e.text)]
    put("mitigated_at", steps[0] if steps else None, "resolution_steps")
    if sources.get("mitigated_at") == "resolution_steps" and len(steps) > 1:
        put("resolved_at", steps[-1], "resolution_steps")
    if sources.get("mitigated_at") in _RELAPSE_CAN_MOVE and (ended := _after_relapse(timed, times["mitigated_at"])):
        times["mitigated_at"], sources["mitigated_at"] = ended, "timeline_after_relapse"
    if start is not None and ttr is not None:
        put("resolved_at", start + timedelta(minutes=ttr), "stated_duration")
    put("resolved_at", last("resolved", after=times.get("mitigated_at") or after), "timeline_resolution")
    # what the timeline leaves open, the opening prose may state ("at 18:52 UTC the site
    # went down", "we were notified at 11:17 UTC"): start first, then detection.
    # ``prose`` is a callable, read only when something is still open.
    prose = prose_entries_once() if prose is not None and None in (
        times.get("started_at"), times.get("detected_at"), times.get("mitigated_at")) else ()
    # (no later than the first the prose says they knew, when nothing else says it: in a
    # story told at length, "at 10:14 someone finally saw the flat line" is no start)
    # ("Nobody knew about the duplicates until 8.40pm": when they first knew, stated)
    knew = next((e.at for e in prose if "knew" in e.markers), None) if times.get("detected_at") is None else None
    told = times.get("detected_at") or knew or next((e.at for e in prose if "detected" in e.tags), None)
    # (the writer's own marker of the start first: "The meeting agreed that the incident began
    # at 19:14", after "timed out at 18:47" told as harm)
    for e in sorted(prose, key=lambda e: "started" not in e.markers) if prose else ():
        if times.get("started_at") is None and ("impact" in e.tags or "started" in e.markers) \
                and "detected" not in e.tags and not _ENDED_MARKS & e.markers \
                and (times.get("mitigated_at") is None or e.at <= times["mitigated_at"]) \
                and (told is None or e.at <= told
                     or "started" in e.markers and (_START_TAKEN.search(e.text) or _THAT_WAS_WHEN.search(e.text))) \
                and (reported is None or e.at >= reported - timedelta(days=1)):
            # (the writer marking the start, "That 00:15 start is when the trouble began",
            # is a statement, kept for a near miss as a marker entry is; the start they say
            # they count the harm from, "22:30, is where we count impact from", whatever
            # alarm came before it)
            put("started_at", e.at, "opening_prose_marker" if "started" in e.markers else "opening_prose")
    put("started_at", reported, "timeline_impact")
    det = times.get("detected_at")
    # ("| Impact start | none, the build never reached users |": no start to guess)
    guess = not ("started" in doc.meta and _NONE_SAID.match(plain(doc.meta["started"][0])))
    # a metadata date that carries a clock ("**Date:** 16/03/2020 3am UTC") says when the
    # incident happened: its start, when nothing more specific does and detection is not earlier
    if guess and times.get("started_at") is None and "date" in doc.meta and not doc.meta["date"][0].strip().isdigit():
        at = _meta_time(doc.meta["date"][0], doc, incident_date, doc.meta["date"][1])
        if at is not None and (det is None or at <= det):
            put("started_at", at, "metadata_date")
    # nothing says "impact" before detection: the first entry before it is the start,
    # a guess the opening prose's own statement ("at 8:28 AM we lost all connectivity") beats
    # (not a step of the repair, nor, with no detection, an update telling the recovery:
    # nothing then says when it began)
    # (the first entry after a part of the timeline its heading says came before the
    # incident: "### Pre-incident behavior (unstable but recoverable)" over earlier drops)
    after_lead_up = _after_lead_up(doc, timed)
    if guess and after_lead_up is not None and (det is None or after_lead_up.at < det) and "step" not in after_lead_up.tags \
            and not (det is None and {"mitigated", "resolved"} & after_lead_up.tags):
        put("started_at", after_lead_up.at, "timeline_first")
    # a failing check the first thing told: it is as near the start as the document says
    put("started_at", next((e.at for e in timed if guess and "checked" in e.tags and (det is None or e.at <= det)), None),
        "timeline_check")
    put("detected_at", knew, "opening_prose_marker")
    for e in prose:
        if times.get("detected_at") is None and "detected" in e.tags and (
                times.get("started_at") is None or e.at >= times["started_at"]):
            put("detected_at", e.at, "opening_prose")
    # and when the opening says when it ended ("and resolved at 23:01 GMT")
    floor = times.get("detected_at") or times.get("started_at")
    for key, tag in (("mitigated_at", "mitigated"), ("resolved_at", "resolved")):
        for e in prose:
            # (a sentence that also tells of finding something may still mark the end: "By
            # 17:45 all 212 affected orders had been found ..., and Eamon closed the incident")
            if times.get(key) is None and (tag in e.tags or tag in e.markers) \
                    and ("detected" not in e.tags or tag in e.markers) and floor is not None and e.at > floor:
                put(key, e.at, "opening_prose")
        floor = times.get("mitigated_at") or floor   # (nothing is resolved before it is mitigated)
    put_spans()  # (anchored on what the prose gave)
    if times.get("resolved_at") is None and front(doc, "resolved") is True and timed:
        # a status-page issue marked closed ("resolved: true") whose updates never say
        # "resolved": it was closed with its last update
        last_update = max(e.at for e in timed)
        if last_update >= (times.get("mitigated_at") or last_update):
            put("resolved_at", last_update, "status_closed")
    if times.get("resolved_at") is None and times.get("mitigated_at") is not None and not doc.newest_first:
        # no close stated, but after the first relief a later entry says all is well again
        # ("01:00 most deployments are up again", then "01:30 Verified all systems
        # operational"): the incident ended with the whole recovery
        # (the last report of relief of all, and no relief reported after it: "Reverted in all
        # but ap-south; errors there persist" is not all of it, nor is "every pod restarted
        # again" before "consumer patched; no crashes since")
        later = [e for e in timed if "mitigated" in e.tags and e.at > times["mitigated_at"]]
        if later and _ALL_WELL.search(later[-1].text) and not _NOT_ALL.search(later[-1].text):
            put("resolved_at", later[-1].at, "timeline_full_recovery")
    if sources.get("mitigated_at") == "opening_prose_workaround":
        put("resolved_at", to_the_second(impact_range[1]), "impact_range")   # (the fault's own end, after the workaround)
    if times.get("resolved_at") is None and times.get("mitigated_at") is not None \
            and front(doc, "resolved") is not False and not doc.incident_still_open \
            and not _RESOLUTION_PENDING.search(doc.text) \
            and not ("open" in doc.text and _CLOSED_LATER.search(doc.text)) \
            and not any(e.date_only and e.at is not None and e.at.date() > times["mitigated_at"].date()
                        and ("resolved" in e.tags or "resolved" in e.markers) for e in entries) \
            and not _closed_on_a_later_day(doc, times["mitigated_at"]):
        # (not a status-page issue its front matter keeps open: "resolved = false", nor an
        # incident its status field keeps open: "Incident status: OPEN"; nor a
        # draft that leaves its resolution to be filled in: "_TODO: resolved time — still
        # watching_", "Resolved: TBD"; nor one whose close is an entry of a later day with
        # no clock, "| 21/02/2025 | | Case closed by the Compliance Committee |": its day
        # stated, its time not)
        put("resolved_at", times["mitigated_at"], "fallback_mitigated")
    return times, sources


def _closed_on_a_later_day(doc, mitigated) -> bool:
    """Whether a Resolved/Closed field gives a day after the mitigation's and no clock
    ("| Closed | 23/05/2025 (quality release of the shift's bodies) |"): the day it closed
    is stated, its time not, so it is not the mitigation's time."""
    if "resolved" not in doc.meta:
        return False
    value = plain(doc.meta["resolved"][0])
    day = tp.find_date(value, doc.order_hint)
    return day is not None and day > mitigated.date() and not tp.clocks_at_most(value)


# a field that says there was no such moment: "none, the build never reached users",
# "n/a", "no impact", "never", "—"
_NONE_SAID = lazy_re.compile(r"\W*(?:none|n/?a|not\s+applicable|no\s+(?:customer\s+|user\s+)?impact|never|nil)\b|\W*[—–-]\W*$",
                             re.I)


# a resolution the document leaves to be written in, a line of its own that opens so ("_TODO:
# resolved time — still watching_", "**Resolved:** TBD"; not "verified the issue is not
# resolved", an entry's news, nor "Status: Resolved — pending RCA sign-off", nor an action
# item's "TODO: resolution runbook")
_RESOLUTION_PENDING = lazy_re.compile(
    r"^[\W_]*(?:TODO|TBD|TBC)\W{0,3}[Rr]esol(?:ved|ution)(?:\s+(?:time|date|at))?(?=\s*(?:$|[—–:.,;(-]))"
    r"|^[\W_]*[Rr]esol(?:ved|ution)(?:\s+(?:time|at|date))?[\W_]{0,4}(?:TODO|TBD|TBC|pending|[Nn]ot\s+yet)(?=\s*(?:$|[—–:.,;(-]))"
    # (or a template's blank for it, left: "| Resolved | <YYYY-MM-DD HH:MM IST> — pending 24h watch |")
    r"|^[\W_]*[Rr]esol(?:ved|ution)(?:\s+(?:time|at|date))?[\s:*_|]{1,6}(?:<[^<>\n]{1,40}>|\{\{[^{}\n]{1,60}\}\}|\[[A-Z][^\[\]\n]{1,40}\])"
    r"(?=\s*(?:$|\||[—–-]\s*(?:pending|TBD|TODO|TBC)))",
    re.M)


# the incident kept open past the recovery, closed at a moment the document does not time:
# "We kept the incident open overnight ..., and closed it the next morning": no close to
# take from the mitigation
_CLOSED_LATER = lazy_re.compile(r"\b(?:kept|left|held)\s+the\s+incident\s+open\s+(?:overnight|for\s+(?:another|a\s+further|the\s+next)"
                                r"|until\s+(?:the\s+)?(?:next|following))", re.I)


# a detection that looks back at harm already over ("Dip ... noticed via grafana ...
# messages on node at the time of the event")
_LOOKS_BACK = lazy_re.compile(r"\b(?:at the time of|earlier|had been|had failed|had stopped|in the morning['’]s|"
                         r"the morning['’]s|overnight|after the fact|dip|dipped|blip)\b", re.I)


def _unseen_recovery(timed: list[Entry], det: datetime) -> datetime | None:
    """When the impact ended before anyone knew of it: the first entry reporting
    mitigation before the detection, after an entry telling of the harm it ended (not a
    step that went well, "cloud-init completed; health became ready", nor a lead-up,
    "maintenance finished; primary recovered"), with no entry between it and the detection
    telling of harm, a marked start or a detection (a relapse or an earlier knowing), and
    a detection that looks back at the harm as past (_LOOKS_BACK). None when there is no
    such entry."""
    before = [e for e in timed if e.at < det]
    found = [e for e in timed if e.at == det and "detected" in e.tags]
    if not found or not _LOOKS_BACK.search(found[0].text):
        # the detection must look back at harm already over ("noticed the morning's failed
        # builds"): "10:30 Customers report checkout is failing" tells it was not over, and
        # "support reports a customer charged an outdated price" may follow harm of our own
        # after a dependency recovered
        return None
    for n, e in enumerate(before):
        if "mitigated" in e.tags and not {"impact", "detected"} & e.tags:
            if not any("impact" in x.tags or "started" in x.markers for x in before[:n]):
                return None   # (a lead-up: "maintenance finished; primary recovered")
            rest = before[n + 1:]
            if any({"impact", "detected"} & x.tags or "started" in x.markers for x in rest):
                return None
            return e.at
    return None


# a step that looks for the fault rather than mends it ("began investigating", "found a
# consumer stuck", "identified the cause", "Inicio del diagnóstico")
_INQUIRY = lazy_re.compile(r"\b(?:investigat\w*|diagnos\w*|diagnóstico|identif\w*|found|finds|looked|looking|checked"
                      r"|checking|analy[sz]\w*|began|begins|started|recherche\w*|enquête)\b", re.I)


def _broken_release(timed: list[Entry], det: datetime | None) -> datetime | None:
    """When the release happened of a version the detection's entry names: the last
    entry before the detection that releases it."""
    if det is None:
        return None
    named = {v for e in timed if e.at == det and "detected" in e.tags for v in re.findall(_VERSION, e.text)}
    found = None
    for e in timed:
        if e.at < det and any(re.search(_RELEASE_OF + re.escape(v) + r"(?![\w-]|\.\w)", e.text, re.I) for v in named):
            found = e.at
    return found


_RESOLVED_HEADING = lazy_re.compile(r"^(?:resolution|resolved)\b\W*", re.I)
_MITIGATED_HEADING = lazy_re.compile(r"^(?:mitigation|mitigated)\b\W*", re.I)


def _heading_time(doc, word: re.Pattern, incident_date):
    """The date and time a resolution (or mitigation) section's own heading gives, as in
    "## Resolution (2025-12-25 12:48)": when that stage was reached, stated."""
    for s in doc.of_kind("resolution"):
        title = clean_heading(s.title)
        if (m := word.match(title)) and title[m.end():][:1].isdigit():
            st = tp.read_stamp(title[m.end():], doc.order_hint)
            if st is not None and st.has_time and st.has_date:
                return tp.stamp_datetime(st, incident_date, doc.zone)
    return None


def _meta_time(value: str, doc, incident_date, line: int | None = None):
    """The time a metadata value gives: at its start ("14:05 UTC", "2024-03-01 09:00"),
    else the first one its words lead to ("Community reported outage about 8am April 14,
    2026 (PT)"). One in an absurd year (a tool's zero time quoted, "Mon, 01 Jan 0001") is a
    problem on ``line``, not a time."""
    dt = datetime_value(value, doc)
    if dt is not None:
        return dt
    text = plain(value)
    st = tp.read_stamp(text, doc.order_hint)
    if (st is None or not st.has_time) and (four := _FOUR_DIGIT_CLOCK.match(text)) is not None:
        # "DETECTED....: 0153 BY AUTOMATION", "SERVICE RESTORED....: 0506 FILE DELIVERED": a
        # time field's value opening with a 24-hour clock of four digits
        st = tp.read_stamp(f"{four.group(1)}:{four.group(2)}", doc.order_hint)
    if st is None or not st.has_time:
        # further in, only a time given with its day ("about 8am April 14, 2026"), not
        # one the value relates to ("10 minutes after the 14:05 deploy")
        st = tp.first_timed_stamp(text, doc.order_hint)
        if st is not None and not st.has_date:
            st = None
    if st is None or not st.has_time:
        return None
    if not st.has_date and incident_date is not None and (day := _day_after_clock(text[st.end:], doc.order_hint, incident_date)):
        st.year, st.month, st.day = day.year, day.month, day.day   # "2:40 PM, Wed 10/15 — bearing replaced"
    elif not st.has_date and incident_date is not None and (wd := _WEEKDAY_FIRST.match(text)) is not None \
            and (ahead := (tp.weekday(wd.group(1)) - incident_date.weekday()) % 7) <= 3:
        # "**Detected:** Sunday 07:40" of an incident begun on the Saturday: that weekday,
        # on the incident's day or in the few days after it
        day = incident_date + timedelta(days=ahead)
        st.year, st.month, st.day = day.year, day.month, day.day
    try:
        dt = tp.stamp_datetime(st, incident_date, doc.zone)
    except (OverflowError, ValueError):   # (past the first or last day a datetime holds)
        dt, absurd = None, True
    else:
        absurd = dt is not None and not tp.plausible(dt)
    if absurd:
        doc.problems.error(line, f"absurd date in a metadata field ({plain(value)[:60]}); no time read from it")
        return None
    return dt


def _day_after_clock(rest: str, hint, near: date) -> date | None:
    """The day a field's value names right after its clock, its weekday before it or not
    ("2:40 PM, Wed 10/15"), read in the document's order of day and month, in the year of
    ``near`` (the incident's); None when the two numbers do not say which is the month."""
    m = _NUMERIC_DAY_AFTER.match(rest)
    if m is None:
        return None
    a, b = int(m.group(1)), int(m.group(2))
    order = hint if hint in ("mdy", "dmy") else "mdy" if a <= 12 < b else "dmy" if b <= 12 < a else None
    if order is None:
        return None
    month, day = (a, b) if order == "mdy" else (b, a)
    try:
        return date(near.year, month, day)
    except ValueError:
        return None


_NUMERIC_DAY_AFTER = lazy_re.compile(r"[\s,]*(?:on\s+)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(\d{1,2})/(\d{1,2})(?![/\d])",
                                     re.I)


# (words or a note after it, not a month: "2024 Mar" is a year)
# ("Impact start:    0545": or the value's only word, in a block of time fields)
_FOUR_DIGIT_CLOCK = lazy_re.compile(r"([01]\d|2[0-3])([0-5]\d)(?=\s+(?!(?:" + tp.MONTH_STEMS + r")[a-z]*\b)[^\W\d_]|\s*\(|\s*$)",
                                    re.I)
# "**Status**: Closed April 14, 2026 at 10am PT": a status that says when it closed
# (and in Spanish, French, Portuguese and German: "Resuelto (cierre 21-oct-2025 01:30 UTC)";
# not "Resuelto parcialmente; revisión pendiente el 2025-10-30", which closes nothing)
_CLOSED_STATUS = lazy_re.compile(r"^\W*(?:closed|resolved|resuel(?:to|ta)|cerrad[oa]|r[ée]solue?|ferm[ée]e?|resolvid[oa]"
                            r"|fechad[oa]|gel[öo]st|geschlossen|behoben)\b", re.I)
