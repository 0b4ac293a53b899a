"""Date and time helpers shared by every parser.

All timestamps leave the parsers as ISO-8601 UTC strings, ``YYYY-MM-DDTHH:MM:SSZ``.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

UTC = timezone.utc

# Sanity window for any date a document or export gives us. Outside it a value is
# "absurd" and becomes a problem instead of a figure.
MIN_YEAR = 1970
MAX_YEAR = 2100


def iso_utc(dt: datetime | None) -> str | None:
    """A datetime as ``YYYY-MM-DDTHH:MM:SSZ`` (naive datetimes are taken as UTC)."""
    if dt is None:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    elif dt.utcoffset():
        dt = dt.astimezone(UTC)
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}Z"


def iso_date(d: date | datetime | None) -> str | None:
    if d is None:
        return None
    if isinstance(d, datetime):
        d = d.date()
    return d.isoformat()


def plausible(d: date | datetime | None) -> bool:
    return d is not None and MIN_YEAR <= d.year <= MAX_YEAR


_ISO = re.compile(
    r"^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?\s*$",
    re.IGNORECASE,
)


def parse_iso(value) -> datetime | None:
    """Parse an ISO-8601 date or date-time (``Z``, ``+hh:mm`` or no zone = UTC).

    Returns an aware UTC datetime, or None when the value is empty or not ISO.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    m = _ISO.match(str(value))
    if not m:
        return None
    y, mo, d, h, mi, s, zone = m.groups()
    try:
        dt = datetime(int(y), int(mo), int(d), int(h or 0), int(mi or 0), int(s or 0))
    except ValueError:
        return None
    offset = timedelta(0)
    if zone and zone[0] in "+-":
        digits = zone[1:].replace(":", "")
        offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
        if zone[0] == "-":
            offset = -offset
    return (dt - offset).replace(tzinfo=UTC)


# --------------------------------------------------------------------------------------
# Time zones

# Abbreviations are taken literally (PST is UTC-8 whatever the season), as CONTRACT.md says.
ABBREVIATIONS = {
    "UTC": 0, "GMT": 0, "Z": 0, "ZULU": 0, "WET": 0,
    "BST": 60, "IST": 60, "WEST": 60, "CET": 60, "MET": 60, "CEST": 120, "MEST": 120,
    "EET": 120, "EEST": 180, "MSK": 180,
    "PST": -480, "PDT": -420, "MST": -420, "MDT": -360, "CST": -360, "CDT": -300,
    "EST": -300, "EDT": -240, "AKST": -540, "AKDT": -480, "HST": -600,
    "AEST": 600, "AEDT": 660, "JST": 540, "KST": 540, "SGT": 480, "HKT": 480,
}

# Spelled-out zone names people write instead of an abbreviation.
ZONE_WORDS = {
    "pacific": "US/Pacific", "eastern": "US/Eastern", "central": "US/Central",
    "mountain": "US/Mountain",
}

_OFFSET = re.compile(r"^(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


class Zone:
    """A fixed offset (abbreviation or UTC+n) or a named IANA zone."""

    __slots__ = ("name", "minutes", "tz")

    def __init__(self, name: str, minutes: int | None = None, tz=None):
        self.name, self.minutes, self.tz = name, minutes, tz

    def to_utc(self, local: datetime) -> datetime:
        if self.tz is not None:
            return local.replace(tzinfo=self.tz).astimezone(UTC)
        return (local - timedelta(minutes=self.minutes or 0)).replace(tzinfo=UTC)

    def __repr__(self):
        return f"Zone({self.name})"


ZONE_UTC = Zone("UTC", 0)
_zone_cache: dict[str, Zone | None] = {}


def zone(text: str | None) -> Zone | None:
    """A Zone for ``PST``, ``UTC+1``, ``GMT-08:00``, ``US/Pacific``, ``Europe/London``..."""
    if not text:
        return None
    key = text.strip()
    if key in _zone_cache:
        return _zone_cache[key]
    found = None
    upper = key.upper()
    if upper in ABBREVIATIONS:
        found = Zone(upper, ABBREVIATIONS[upper])
    elif (m := _OFFSET.match(key)):
        sign = -1 if m.group(1) in "-−" else 1
        minutes = sign * (int(m.group(2)) * 60 + int(m.group(3) or 0))
        found = Zone(key, minutes)
    elif "/" in key or key.lower() in ZONE_WORDS:
        name = ZONE_WORDS.get(key.lower(), key)
        try:
            from zoneinfo import ZoneInfo

            found = Zone(name, tz=ZoneInfo(name))
        except Exception:  # unknown name, or no tz database
            found = None
    _zone_cache[key] = found
    return found


_ZONE_NAMES = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
ZONE_PATTERN = (
    r"(?:(?:UTC|GMT)\s*[+\-−]\s*\d{1,2}(?::?\d{2})?"
    r"|(?:US|Europe|America|Asia|Australia|Africa|Pacific|Atlantic|Canada)/[A-Za-z_]+(?:/[A-Za-z_]+)?"
    rf"|\b(?:{_ZONE_NAMES})\b)"
)
_ZONE_STATEMENT = re.compile(
    r"(?:\btimes?\b[^.\n]{0,25}?\b(?:are|is|in|shown in|given in|listed in)\s{1,3}(?:in\s{1,3})?|"
    r"all\s{1,3}times?\s{0,3}(?:in|are)?\s{0,3}:?\s{0,3}|"
    r"\(\s{0,3}|timezone\s{0,3}:?\s{0,3}|time\s{0,3}zone\s{0,3}:?\s{0,3})"
    rf"({ZONE_PATTERN}|pacific|eastern|central|mountain)",
    re.IGNORECASE,
)


def stated_zone(text: str) -> Zone | None:
    """The zone a sentence such as "All times in PST" or "Timeline (UTC)" states."""
    m = _ZONE_STATEMENT.search(text[:300])
    if m:
        return zone(m.group(1))
    return None


# --------------------------------------------------------------------------------------
# Timestamps at the start of a piece of text

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4,
    "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
    "sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11,
    "november": 11, "dec": 12, "december": 12,
}
_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"

_DATE_PATTERNS = [
    # 2021-06-30, 2021/06/30
    ("ymd", re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")),
    # 30-06-2021, 06/30/2021, 30.06.2021
    ("xy", re.compile(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})(?!\d)")),
    # Aug-27-2021
    ("mdy_name_dash", re.compile(_MON + r"-(?P<d>\d{1,2})-(?P<y>\d{4})", re.IGNORECASE)),
    # June 14th, 2022 / Oct 21 2015 / Tuesday, June 14 2022
    ("mdy_name", re.compile(_WEEKDAY + _MON + r"\s+(?P<d>\d{1,2})" + _ORD + r"(?:,?\s+(?P<y>\d{4}))?(?![\d:])", re.IGNORECASE)),
    # 6th Nov 2023 / 14 June 2022
    ("dmy_name", re.compile(_WEEKDAY + r"(?P<d>\d{1,2})" + _ORD + r"\s+(?:of\s+)?" + _MON + r"(?:,?\s+(?P<y>\d{4}))?(?![\d:])", re.IGNORECASE)),
]

_TIME = re.compile(
    r"(?P<h>\d{1,2})(?:(?P<sep>[:.h])(?P<mi>\d{2})(?::(?P<s>\d{2}))?|(?=\s*[ap]\.?m\b))"
    r"(?:\s*(?P<ampm>[ap])\.?m\.?\b)?",
    re.IGNORECASE,
)
_TIME_COMPACT = re.compile(r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?=(?:UTC|GMT|Z)\b)")


class Stamp:
    """What a timestamp prefix said: a date (maybe without year), a time, a zone."""

    __slots__ = ("year", "month", "day", "hour", "minute", "second", "zone", "end", "order", "range_at")

    def __init__(self):
        self.year = self.month = self.day = None
        self.hour = self.minute = self.second = None
        self.zone = None
        self.end = 0
        self.range_at = None  # where a "- 8:24" range tail began, when one was skipped
        self.order = None  # "dmy"/"mdy" when a numeric date's order was decided; "?" if ambiguous

    @property
    def has_date(self):
        return self.month is not None

    @property
    def has_time(self):
        return self.hour is not None

    def __repr__(self):
        return (f"Stamp({self.year}-{self.month}-{self.day} {self.hour}:{self.minute} "
                f"{self.zone} end={self.end})")


# what may stand before a timestamp: markup, brackets, "~", emoji and other symbols,
# "at" / "around" / "approx."
_LEAD = re.compile(r"[^\w+-]*(?:(?:at|on|around|approx\.?|approximately|about|ca\.?|circa)\s+)?", re.IGNORECASE)
_GAP = re.compile(r"[\s,*_@]*(?:at\s+|on\s+|-\s+(?=\d)|–\s+(?=\d))?[\s,*_]*", re.IGNORECASE)
_RANGE_TAIL = re.compile(
    r"\s*(?:-|–|—|to|until)\s*(\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)", re.IGNORECASE)
_ZONE_TAIL = re.compile(r"\s*\(?\s*(" + ZONE_PATTERN + r")\s*\)?", re.IGNORECASE)
_MAX_PREFIX = 80


# Which date patterns can start with a digit, and which with a letter (month or weekday).
_DIGIT_FIRST = [(k, rx) for k, rx in _DATE_PATTERNS if k in ("ymd", "xy", "dmy_name")]
_ALPHA_FIRST = [(k, rx) for k, rx in _DATE_PATTERNS if k != "ymd" and k != "xy"]


def _match_date(text: str, pos: int, order_hint: str | None, st: Stamp) -> int | None:
    first = text[pos:pos + 1]
    if first.isdigit():
        if ":" in text[pos + 1:pos + 3]:
            return None  # "14:55", "8:20": a time, not a date
        patterns = _DIGIT_FIRST
    elif first.isalpha():
        patterns = _ALPHA_FIRST
    else:
        return None
    for kind, rx in patterns:
        m = rx.match(text, pos)
        if not m:
            continue
        g = m.groupdict()
        if kind == "ymd":
            y, mo, d = int(g["y"]), int(g["m"]), int(g["d"])
        elif kind == "xy":
            a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
            if a > 12 and b <= 12:
                d, mo, st.order = a, b, "dmy"
            elif b > 12 and a <= 12:
                mo, d, st.order = a, b, "mdy"
            elif order_hint == "mdy":
                mo, d, st.order = a, b, "mdy"
            elif order_hint == "dmy" or a == b:
                d, mo, st.order = a, b, "dmy"
            else:
                d, mo, st.order = a, b, "?"
        else:
            mo = MONTHS[g["mon"].lower().rstrip(".")]
            d = int(g["d"])
            y = int(g["y"]) if g.get("y") else None
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        st.year, st.month, st.day = y, mo, d
        return m.end()
    return None


def _match_time(text: str, pos: int, st: Stamp) -> int | None:
    m = _TIME.match(text, pos)
    if m and (m.group("sep") or m.group("ampm")):
        h = int(m.group("h"))
        mi = int(m.group("mi") or 0)
        s = int(m.group("s") or 0)
        ampm = (m.group("ampm") or "").lower()
        if m.group("sep") == "." and not ampm and text[m.end():m.end() + 1].isdigit():
            return None
        if ampm:
            if not 1 <= h <= 12:
                return None
            h = (h % 12) + (12 if ampm == "p" else 0)
        if h > 23 or mi > 59 or s > 59:
            return None
        st.hour, st.minute, st.second = h, mi, s
        return m.end()
    m = _TIME_COMPACT.match(text, pos)
    if m:
        st.hour, st.minute, st.second = int(m.group("h")), int(m.group("mi")), 0
        return m.end()
    return None


# the first three letters of every month and weekday name
_WORD_STARTS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun".split())


def read_stamp(text: str, order_hint: str | None = None, start: int = 0) -> Stamp | None:
    """Read a date and/or time at the start of ``text``.

    Understands ISO dates, DD-MM-YYYY / MM-DD-YYYY (decided by values that cannot be the
    other order, else by ``order_hint``), ``Aug-27-2021``, ``6th Nov 2023``, ``June 14th,
    2022``, 24-hour and 12-hour clocks (``4:32 PM``, ``03:26pm``, ``14.43``), ranges
    (``8:20 - 8:24``, the start is taken), ``~`` for approximate, and a zone after the
    time (``16:58 UTC``, ``10:00 PST``, ``(UTC+1)``). Markdown emphasis around it is
    skipped. Returns None when the text does not start with a date or a time.
    """
    if start < len(text) and text[start].isdigit():
        pos = start  # nothing to skip
    else:
        lead = _LEAD.match(text, start)
        pos = lead.end() if lead else start
    st = Stamp()
    limit = pos + _MAX_PREFIX
    if pos >= len(text):
        return None
    first = text[pos]
    if not first.isdigit() and (not first.isalpha() or text[pos:pos + 3].lower() not in _WORD_STARTS):
        return None  # a word that is no month or weekday: no stamp here (most text)
    end = _match_date(text, pos, order_hint, st)
    if end is not None:
        gap = _GAP.match(text, end)
        after = gap.end() if gap else end
        if after < limit:
            tend = _match_time(text, after, st)
            if tend is not None:
                end = tend
    else:
        end = _match_time(text, pos, st)
        if end is None:
            return None
        gap = _GAP.match(text, end)
        after = gap.end() if gap else end
        # a zone may sit between the time and a trailing date ("11:10 UTC 6th Nov 2023")
        z = _ZONE_TAIL.match(text, after)
        if z and zone(z.group(1)):
            st.zone = zone(z.group(1))
            g2 = _GAP.match(text, z.end())
            after = g2.end() if g2 else z.end()
        dend = _match_date(text, after, order_hint, st)
        if dend is not None:
            end = dend
        elif st.zone is not None:
            end = z.end()
    r = _RANGE_TAIL.match(text, end)
    if r:
        st.range_at = end
        end = r.end()
    if st.zone is None:
        z = _ZONE_TAIL.match(text, end)
        if z:
            zz = zone(z.group(1))
            if zz is not None:
                st.zone = zz
                end = z.end()
                # "10:00 UTC, 30 June 2021": the date may also follow the zone
                if not st.has_date:
                    g2 = _GAP.match(text, end)
                    dend = _match_date(text, g2.end() if g2 else end, order_hint, st)
                    if dend is not None:
                        end = dend
    st.end = end
    return st


def stamp_datetime(st: Stamp, default_date: date | None, default_zone: Zone | None) -> datetime | None:
    """Combine a Stamp with the date and zone in force; None when no date can be had."""
    if st.has_date:
        year = st.year if st.year is not None else (default_date.year if default_date else None)
        if year is None:
            return None
        try:
            day = date(year, st.month, st.day)
        except ValueError:
            return None
    elif default_date is not None:
        day = default_date
    else:
        return None
    local = datetime(day.year, day.month, day.day, st.hour or 0, st.minute or 0, st.second or 0)
    z = st.zone or default_zone or ZONE_UTC
    return z.to_utc(local)


# where a date can begin: a digit, or a weekday / month name, at a word start
_DATE_START = re.compile(r"(?<![\w])(?:\d|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))",
                         re.IGNORECASE)


def find_date(text: str, order_hint: str | None = None) -> date | None:
    """The first full date (with a year) anywhere in ``text``."""
    for m in _DATE_START.finditer(text):
        st = Stamp()
        if _match_date(text, m.start(), order_hint, st) is not None and st.year is not None:
            try:
                d = date(st.year, st.month, st.day)
            except ValueError:
                continue
            if plausible(d):
                return d
    return None


def due_date(text: str, incident: date | None) -> date | None:
    """A due date: ISO or written; without a year it takes the incident's year, or the
    next one when that would fall before the incident."""
    st = read_stamp(text)
    if st is None or not st.has_date:
        return find_date(text)
    year = st.year
    if year is None:
        if incident is None:
            return None
        year = incident.year
        try:
            if date(year, st.month, st.day) < incident:
                year += 1
        except ValueError:
            return None
    try:
        d = date(year, st.month, st.day)
    except ValueError:
        return None
    return d if plausible(d) else None
