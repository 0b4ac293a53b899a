"""Date and time helpers shared by every parser: the one time reader.

All timestamps leave the parsers as ISO-8601 UTC strings, ``YYYY-MM-DDTHH:MM:SSZ``.

This module is the single home of the zone table (``ABBREVIATIONS``, ``ZONE_WORDS``,
cities), the month words (``MONTHS``, several languages), date orders and clock
reading. The postmortem parser (``read_stamp``, ``find_date``, ``stated_zone``), the
tracker and incident-tool exports (``read_time``, ``read_day``, ``parse_local``) and
the config's default zone (``zone``) all look a zone up here, so a zone word names the
same instant on every path:

- ``IST`` is India Standard Time, UTC+05:30. Irish Standard Time (UTC+01:00) is the
  rarer reading in incident writing; write ``Europe/Dublin`` or ``UTC+1`` for it.
- ``CET`` is UTC+01:00, ``PDT`` UTC-07:00, and so on: an abbreviation that names a
  season is taken literally, whatever the date.
- ``ET``/``PT``/``CT``/``MT`` (and ``Eastern``, ``PST/PDT``, ``US/Pacific``, a city)
  name a zone without a season: its rules on the date decide (``ET`` is UTC-04:00 in
  July, UTC-05:00 in January), via zoneinfo.
- ``UTC+2``, ``GMT-08:00`` (and ``+05:30`` after an export's clock): the offset as
  written.
"""
from __future__ import annotations

import calendar
import contextlib
import functools
import re
import unicodedata
from datetime import date, datetime, timedelta, timezone

from loaders import lazy_re

UTC = timezone.utc

# Sanity window for any date a document or export gives us. Outside it a value is
# "absurd" and becomes a problem instead of a figure.
MIN_YEAR = 1970
MAX_YEAR = 2100


def iso_utc(dt: datetime | None) -> str | None:
    """A datetime as ``YYYY-MM-DDTHH:MM:SSZ`` (naive datetimes are taken as UTC)."""
    if dt is None:
        return None
    if dt.tzinfo is not UTC:   # (the parser's datetimes are UTC already: nothing to ask)
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=UTC)
        elif dt.utcoffset():
            dt = dt.astimezone(UTC)
    # (isoformat's first 19 characters are "YYYY-MM-DDTHH:MM:SS", the year zero-padded to
    # four digits, whatever follows them: a third faster than formatting six fields)
    return dt.isoformat()[:19] + "Z"


def iso_date(d: date | datetime | None) -> str | None:
    if d is None:
        return None
    if isinstance(d, datetime):
        d = d.date()
    return d.isoformat()


def plausible(d: date | datetime | None) -> bool:
    return d is not None and MIN_YEAR <= d.year <= MAX_YEAR


_ISO = lazy_re.compile(
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

# The one zone table: every reader (postmortems, tracker and incident exports, the
# config's default zone) looks a zone word up here. Abbreviations are taken literally
# (PST is UTC-8 whatever the season; BST is British Summer Time). IST is India
# Standard Time (UTC+5:30): incident write-ups use it far more often than Irish time.
ABBREVIATIONS = {
    "UTC": 0, "UT": 0, "GMT": 0, "Z": 0, "ZULU": 0, "WET": 0,
    "BST": 60, "WEST": 60, "CET": 60, "MET": 60, "MEZ": 60, "CEST": 120, "MEST": 120, "MESZ": 120,
    "EET": 120, "EEST": 180, "MSK": 180, "IST": 330,
    "PST": -480, "PDT": -420, "MST": -420, "MDT": -360, "CST": -360, "CDT": -300,
    "EST": -300, "EDT": -240, "AKST": -540, "AKDT": -480, "HST": -600, "BRT": -180, "ART": -180,
    "AEST": 600, "AEDT": 660, "JST": 540, "KST": 540, "SGT": 480, "HKT": 480,
    "AWST": 480, "ACST": 570, "ACDT": 630, "NZST": 720, "NZDT": 780, "WIB": 420, "ICT": 420, "PHT": 480,
    "WAT": 60, "SAST": 120, "PKT": 300,
    # Israel's summer clock, East and Central Africa's, Turkey's
    "IDT": 180, "EAT": 180, "CAT": 120, "TRT": 180,
    # the Gulf's (UAE, Oman), as airlines and ground handlers there write it
    "GST": 240,
}

# Zone words without a season follow the zone's own rules on the date: "ET" is EDT in
# July and EST in January. Spelled-out names likewise.
ZONE_WORDS = {
    "pacific": "America/Los_Angeles", "eastern": "America/New_York", "central": "America/Chicago",
    "mountain": "America/Denver", "pt": "America/Los_Angeles", "et": "America/New_York",
    "ct": "America/Chicago", "mt": "America/Denver",
    # "Eastern Prevailing Time (EPT)", "Central Prevailing Time": US grid operators' words
    # for the clock in force, standard or daylight as the date says
    "ept": "America/New_York", "cpt": "America/Chicago", "mpt": "America/Denver",   # (not "PPT": a slide deck)
    # "Timeline (NY time)": New York's clock, by its short name
    "ny": "America/New_York", "nyc": "America/New_York",
    # "Times are UK time throughout": the UK's clock, GMT or BST as the date says
    "uk": "Europe/London",
    # "all times NZ time, Auckland": New Zealand's clock, NZST or NZDT as the date says
    "nz": "Pacific/Auckland",
}

# Zones written out in full: a season named is that season's offset ("Central European
# Summer Time", as "Eastern Standard Time" is EST), none named the region's clock by the
# date ("Central European Time" is CEST in July)
LONG_NAMES = {
    "coordinated universal time": "UTC", "greenwich mean time": "GMT", "british summer time": "BST",
    "western european time": "Europe/Lisbon", "western european summer time": "WEST",
    "central european time": "Europe/Berlin", "central european standard time": "CET",
    "central european summer time": "CEST", "eastern european time": "Europe/Helsinki",
    "eastern european standard time": "EET", "eastern european summer time": "EEST",
    "eastern prevailing time": "America/New_York", "central prevailing time": "America/Chicago",
    "mountain prevailing time": "America/Denver", "pacific prevailing time": "America/Los_Angeles",
    "moscow time": "MSK", "moscow standard time": "MSK", "india standard time": "IST", "indian standard time": "IST",
    "japan standard time": "JST", "korea standard time": "KST", "singapore time": "SGT",
    "singapore standard time": "SGT", "hong kong time": "HKT", "china standard time": "Asia/Shanghai",
    "australian eastern time": "Australia/Sydney", "australian eastern standard time": "AEST",
    "australian eastern daylight time": "AEDT", "australian western standard time": "AWST",
    "new zealand time": "Pacific/Auckland", "new zealand standard time": "NZST", "new zealand daylight time": "NZDT",
    "brasilia time": "BRT", "brasília time": "BRT", "west africa time": "WAT", "central africa time": "Africa/Maputo",
    "east africa time": "Africa/Nairobi", "south africa standard time": "SAST", "pakistan standard time": "PKT",
    "gulf standard time": "Asia/Dubai", "arabia standard time": "Asia/Riyadh",
}
_LONG_NAME_PATTERN = "|".join(n.replace(" ", r"\s") for n in sorted(LONG_NAMES, key=len, reverse=True))
# a zone written out in full, the US's seasons named or another's long name: "Pacific
# Daylight Time", "Central European Summer Time" (a zone statement's and a clock's tail's)
_WRITTEN_OUT = r"(?:pacific|eastern|central|mountain)\s(?:standard|daylight)\stime\b|(?:" + _LONG_NAME_PATTERN + r")\b"

# A zone named by both its seasons ("GMT/BST", "CET/CEST", "PST/PDT"): the region's
# clock, standard or daylight as the date says
SEASON_PAIRS = {
    ("GMT", "BST"): "Europe/London", ("WET", "WEST"): "Europe/Lisbon", ("CET", "CEST"): "Europe/Berlin",
    ("MEZ", "MESZ"): "Europe/Berlin", ("EET", "EEST"): "Europe/Helsinki", ("AEST", "AEDT"): "Australia/Sydney",
    ("ACST", "ACDT"): "Australia/Adelaide", ("NZST", "NZDT"): "Pacific/Auckland", ("AKST", "AKDT"): "America/Anchorage",
    ("PST", "PDT"): "America/Los_Angeles", ("MST", "MDT"): "America/Denver", ("CST", "CDT"): "America/Chicago",
    ("EST", "EDT"): "America/New_York",
}
_SEASONS = {f"{a}/{b}": tz for (one, other), tz in SEASON_PAIRS.items() for a, b in ((one, other), (other, one))}

# Cities people name instead of a zone ("16:37 Denver", "all times Berlin"): every IANA
# zone's city, plus a few large cities that share another city's zone.
CITY_ALIASES = {
    "san francisco": "America/Los_Angeles", "seattle": "America/Los_Angeles", "portland": "America/Los_Angeles",
    "boston": "America/New_York", "washington": "America/New_York", "atlanta": "America/New_York",
    "miami": "America/New_York", "dallas": "America/Chicago", "austin": "America/Chicago",
    "houston": "America/Chicago", "bangalore": "Asia/Kolkata", "bengaluru": "Asia/Kolkata",
    "mumbai": "Asia/Kolkata", "delhi": "Asia/Kolkata", "new delhi": "Asia/Kolkata", "hyderabad": "Asia/Kolkata",
    "pune": "Asia/Kolkata", "chennai": "Asia/Kolkata", "munich": "Europe/Berlin", "frankfurt": "Europe/Berlin",
    "hamburg": "Europe/Berlin", "beijing": "Asia/Shanghai", "montreal": "America/Toronto",
    "brasília": "America/Sao_Paulo", "brasilia": "America/Sao_Paulo", "rio de janeiro": "America/Sao_Paulo",
    "são paulo": "America/Sao_Paulo",
    # capitals and large cities the zone database names no zone after
    "ottawa": "America/Toronto", "quebec": "America/Toronto", "philadelphia": "America/New_York",
    "calgary": "America/Edmonton", "salt lake city": "America/Denver", "las vegas": "America/Los_Angeles",
    "san diego": "America/Los_Angeles", "san jose": "America/Los_Angeles", "canberra": "Australia/Sydney",
    "wellington": "Pacific/Auckland", "cardiff": "Europe/London", "edinburgh": "Europe/London",
    "manchester": "Europe/London", "birmingham": "Europe/London", "glasgow": "Europe/London",
    "leeds": "Europe/London", "cork": "Europe/Dublin", "galway": "Europe/Dublin", "milan": "Europe/Rome",
    "barcelona": "Europe/Madrid", "lyon": "Europe/Paris", "rotterdam": "Europe/Amsterdam",
    "antwerp": "Europe/Brussels", "geneva": "Europe/Zurich", "gothenburg": "Europe/Stockholm",
    "krakow": "Europe/Warsaw", "kraków": "Europe/Warsaw", "osaka": "Asia/Tokyo", "kyoto": "Asia/Tokyo",
    "shenzhen": "Asia/Shanghai", "guangzhou": "Asia/Shanghai", "hanoi": "Asia/Ho_Chi_Minh",
    "tel aviv": "Asia/Jerusalem", "abu dhabi": "Asia/Dubai", "cape town": "Africa/Johannesburg",
    "gurgaon": "Asia/Kolkata", "gurugram": "Asia/Kolkata", "noida": "Asia/Kolkata",
    # cities in their own languages, where the zone database names them in English
    "ciudad de mexico": "America/Mexico_City", "cdmx": "America/Mexico_City", "lisboa": "Europe/Lisbon",
    "roma": "Europe/Rome", "milano": "Europe/Rome", "munchen": "Europe/Berlin", "koln": "Europe/Berlin",
    "wien": "Europe/Vienna", "praha": "Europe/Prague", "warszawa": "Europe/Warsaw", "bruxelles": "Europe/Brussels",
    "kobenhavn": "Europe/Copenhagen", "moskva": "Europe/Moscow", "nueva york": "America/New_York",
    "sao paulo": "America/Sao_Paulo",
    # more large cities the zone database names no zone after ("All times below are local
    # Christchurch time"), but for those that are as often people's names (Charlotte, Orlando)
    **dict.fromkeys(("christchurch", "dunedin", "queenstown", "tauranga"), "Pacific/Auckland"),
    **dict.fromkeys(("bristol", "liverpool", "sheffield", "nottingham", "aberdeen", "newcastle upon tyne"), "Europe/London"),
    **dict.fromkeys(("gold coast", "cairns", "townsville"), "Australia/Brisbane"),
    **dict.fromkeys(("minneapolis", "nashville", "kansas city", "st louis", "st. louis", "milwaukee", "oklahoma city",
                     "saskatoon"), "America/Chicago"),
    **dict.fromkeys(("pittsburgh", "baltimore", "raleigh", "cleveland"), "America/New_York"),
    **dict.fromkeys(("sacramento", "oakland"), "America/Los_Angeles"),
    "albuquerque": "America/Denver", "tucson": "America/Phoenix",
    **dict.fromkeys(("marseille", "toulouse", "bordeaux", "lille", "nantes"), "Europe/Paris"),
    **dict.fromkeys(("seville", "sevilla", "valencia", "bilbao"), "Europe/Madrid"), "porto": "Europe/Lisbon",
    **dict.fromkeys(("naples", "napoli", "turin", "torino", "florence", "firenze", "bologna"), "Europe/Rome"),
    **dict.fromkeys(("stuttgart", "dusseldorf", "düsseldorf", "leipzig", "dresden"), "Europe/Berlin"),
    **dict.fromkeys(("utrecht", "eindhoven", "the hague", "den haag"), "Europe/Amsterdam"), "ghent": "Europe/Brussels",
    "basel": "Europe/Zurich", "bern": "Europe/Zurich", "malmo": "Europe/Stockholm", "malmö": "Europe/Stockholm",
    "uppsala": "Europe/Stockholm", "bergen": "Europe/Oslo", "trondheim": "Europe/Oslo", "aarhus": "Europe/Copenhagen",
    "odense": "Europe/Copenhagen", "tampere": "Europe/Helsinki",
    **dict.fromkeys(("gdansk", "gdańsk", "wroclaw", "wrocław", "poznan", "poznań"), "Europe/Warsaw"),
    "brno": "Europe/Prague", "graz": "Europe/Vienna", "salzburg": "Europe/Vienna",
    **dict.fromkeys(("yokohama", "sapporo", "nagoya", "fukuoka", "kobe"), "Asia/Tokyo"),
    "busan": "Asia/Seoul", "incheon": "Asia/Seoul", "kaohsiung": "Asia/Taipei",
    "ahmedabad": "Asia/Kolkata", "jaipur": "Asia/Kolkata", "lahore": "Asia/Karachi",
    "durban": "Africa/Johannesburg", "pretoria": "Africa/Johannesburg", "abuja": "Africa/Lagos", "mombasa": "Africa/Nairobi",
    "guadalajara": "America/Mexico_City", "medellin": "America/Bogota", "medellín": "America/Bogota",
    "quito": "America/Guayaquil", "curitiba": "America/Sao_Paulo", "porto alegre": "America/Sao_Paulo",
}


def _city_zone(word: str) -> str | None:
    """The IANA zone a city names, or None."""
    global _CITIES
    if _CITIES is None:
        try:
            from zoneinfo import available_timezones

            names = available_timezones()
        except Exception:  # no tz database
            names = set()
        _CITIES = {}
        for name in sorted(names):
            region, _, city = name.rpartition("/")
            if region.split("/")[0] in ("America", "Europe", "Asia", "Australia", "Africa", "Pacific", "Atlantic"):
                _CITIES.setdefault(city.replace("_", " ").lower(), name)
        _CITIES.update(CITY_ALIASES)
    said = " ".join(word.lower().split())
    # (written with or without its accents: "Bogotá", "Ciudad de México", "São Paulo")
    return _CITIES.get(said) or (_CITIES.get(_unaccented(said)) if not said.isascii() else None)


def _unaccented(text: str) -> str:
    """``text`` without its accents ("Bogotá" -> "Bogota", "déc" -> "dec")."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


_CITIES: dict[str, str] | None = None

_OFFSET = lazy_re.compile(r"^(?:UTC|GMT)\s*([+\-−])\s*(\d{1,2})(?::?(\d{2}))?$", re.IGNORECASE)


class Zone:
    """A fixed offset (abbreviation or UTC+n) or a named IANA zone."""

    __slots__ = ("name", "minutes", "tz", "_offset")

    def __init__(self, name: str, minutes: int | None = None, tz=None):
        self.name, self.minutes, self.tz = name, minutes, tz
        self._offset = timedelta(minutes=minutes) if minutes else None

    def to_utc(self, local: datetime) -> datetime:
        if self.tz is not None:
            return local.replace(tzinfo=self.tz).astimezone(UTC)
        return (local - self._offset if self._offset is not None else local).replace(tzinfo=UTC)

    def __repr__(self):
        return f"Zone({self.name})"


ZONE_UTC = Zone("UTC", 0)
_zone_cache: dict[str, Zone | None] = {}


# a US zone word as people write it out: "Pacific Time", "US Eastern", "US Central time"
_US_ZONE_WORD = lazy_re.compile(r"(?:US\s+)?(Pacific|Eastern|Central|Mountain|UK|NZ)(?:\s+[Tt]ime)?", re.I)
_US_ZONE_NAMED = lazy_re.compile(r"(Pacific|Eastern|Central|Mountain)\s+(Standard|Daylight)\s+Time", re.I)


# a US zone named anywhere in a text: "EST", "US/Pacific", "Eastern Time", "PT)", "US Eastern"
_US_ZONE_IN_TEXT = lazy_re.compile(r"\b(?:[ECMP][SD]T|US/\w+|(?:Eastern|Central|Mountain|Pacific)(?:\s+(?:Standard|Daylight))?\s+Time"
                              r"|(?:ET|PT|CT|MT|[ECM]PT)(?=[\s).,;:]))\b|\b(?:US\s+)?(?:Eastern|Pacific)\b(?=[\s).,;])"
                              # ("(all times Central)", "Times are Mountain": the word alone, as a
                              # zone statement says it)
                              r"|\b(?i:times?)\s+(?:are\s+)?(?:in\s+)?(?:US\s+)?(?:Central|Mountain)\b(?=[\s).,;])")


def names_us_zone(text: str) -> bool:
    """Whether a text names a US zone anywhere: the US writes its numeric dates month
    first, so a document timed in Eastern or PT means 4/10/2025 as April 10."""
    return _US_ZONE_IN_TEXT.search(text) is not None


def zone(text: str | None) -> Zone | None:
    """A Zone for ``PST``, ``UTC+1``, ``GMT-08:00``, ``US/Pacific``, ``Europe/London``..."""
    if not text:
        return None
    key = text.strip()
    if key in _zone_cache:
        return _zone_cache[key]
    found = None
    if (named := _US_ZONE_NAMED.fullmatch(key)) is not None:
        # "Eastern Standard Time": its abbreviation, taken literally as the contract says
        key = named.group(1)[0].upper() + ("S" if named.group(2).lower() == "standard" else "D") + "T"
    elif (word := _US_ZONE_WORD.fullmatch(key)) is not None:
        key = word.group(1)   # "Pacific Time", "US Eastern": the zone word
    upper = key.upper()
    if (written := LONG_NAMES.get(" ".join(key.lower().split()))) is not None:
        key = upper = written   # "Central European Summer Time": CEST
    if "/" in upper and (season := _SEASONS.get(upper.replace(" ", ""))) is not None:
        key = upper = season   # "PST/PDT", "GMT / BST": the region's clock, by the date's season
    if upper in ABBREVIATIONS:
        found = Zone(upper, ABBREVIATIONS[upper])
    elif re.fullmatch(r"([PMCE])ST[5-8]\1DT", upper):
        from zoneinfo import ZoneInfo   # "PST8PDT": the POSIX name, US daylight rules

        try:
            found = Zone(upper, tz=ZoneInfo(upper))
        except Exception:  # no tz database
            found = None
    elif (m := _OFFSET.match(key)):
        sign = -1 if m.group(1) in "-−" else 1
        minutes = sign * (int(m.group(2)) * 60 + int(m.group(3) or 0))
        found = Zone(key, minutes)
    elif "/" in key or key.lower() in ZONE_WORDS or (key[:1].isupper() and _city_zone(key)):
        name = ZONE_WORDS.get(key.lower()) or ("/" in key and key) or _city_zone(key)
        try:
            from zoneinfo import ZoneInfo

            found = Zone(name, tz=ZoneInfo(name))
        except Exception:  # unknown name, or no tz database
            found = None
        if found is None and (typo := re.fullmatch(r"U[A-Z]{1,2}/(Pacific|Eastern|Central|Mountain)", key)):
            # "UC/Pacific" (a typo of US/Pacific), "USA/Eastern": the US zone word it names
            found = zone(typo.group(1))
    _zone_cache[key] = found
    return found


_ZONE_NAMES = "|".join(sorted(ABBREVIATIONS, key=len, reverse=True))
ZONE_PATTERN = (
    # "PST/PDT", "GMT/BST": the zone, by its season
    r"(?:\b(?:" + "|".join(p.replace("/", r"\s?/\s?") for p in sorted(_SEASONS, key=len, reverse=True)) + r")\b"
    r"|\b[PMCE]ST[5-8][PMCE]DT\b"  # "PST8PDT", its POSIX name
    # an offset written against its sign ("UTC+5:30", "UTC -4"), or spaced on both sides
    # only where the offset ends the zone ("(UTC - 5)"): "22:57 UTC - 8-GPU failure" and
    # "14:02 UTC - 3 pods crash" are UTC, then what happened (whole: "UTC+5:30-09:40" is
    # not UTC+5)
    r"|(?:UTC|GMT)\s?[+\-−]\d{1,2}(?::?\d{2})?(?![\w:])(?!-[^\W\d_])"
    r"|(?:UTC|GMT)\s+[+\-−]\s+\d{1,2}(?::?\d{2})?(?=\s*(?:[)\],;]|\.(?!\d)|$))"
    r"|(?:US|Europe|America|Asia|Australia|Africa|Pacific|Atlantic|Canada)/[A-Za-z_]+(?:/[A-Za-z_]+)?"
    # a US region misspelt over a US zone word ("UC/Pacific", "USA/Eastern"): the zone word
    r"|\b(?-i:U[A-Z]{1,2})/(?:Pacific|Eastern|Central|Mountain)\b"
    # (closing bold's underscores may follow: "7:42 PM BST__")
    rf"|\b(?:{_ZONE_NAMES})(?![^\W_])|\b(?-i:ET|PT|CT|MT|[ECM]PT|NYC?)(?![^\W_])|\b(?i:nyc?)(?=\s+(?i:time)\b)"
    # a city ("Brasília", "Ciudad de México"): zone() decides whether it is one
    r"|\b(?-i:[A-ZÀ-Þ][a-zß-ÿ]+(?: (?:(?:de|del|do|da|di|la)\s)?[A-ZÀ-Þ][a-zß-ÿ]+)?)\b)"
)
# (case-blind "\btimes?\b ... are|all times|(|timezone|time zone", then the zone: written
# to open with its first character in both cases, outside the case-blind part, each
# start then told by a look behind it (the word boundary before "times" too), so that a
# search skips from one "t", "a" or bracket to the next instead of trying the pattern at
# every character; no other character matches "t" or "a" case-blind, as one does "i",
# "k" and "s", so it finds the same statements, its alternatives tried in the same order)
_ZONE_STATEMENT = lazy_re.compile(
    r"[tTaA(（hHuUzZ](?i:"
    # ("All times are in 24-hour PST8PDT": the clock's kind may come between)
    r"(?:(?<=t)(?<!\w.)im(?:es?|ings?|estamps?)\b[^.\n]{0,25}?\b(?:are|is|in|shown in|given in|listed in)(?:\s{0,3}:)?\s{1,3}(?:all\s{1,3})?(?:in\s{1,3})?"
    # ("Timestamps are the phone's: Nairobi time": whose clock, then its zone)
    r"(?:the\s{1,3}[\w'’-]{2,20}\s{0,3}:\s{1,3})?"
    r"(?:(?:24|12)[\s-]?h(?:ours?)?\s{1,3})?"
    # ("All times in this bulletin are local time, CET": the clock's kind, then its zone)
    r"(?:local(?:\s{1,3}time)?\s{0,3},\s{1,3})?"
    # ("times are approximate, Eastern": how sure the times are, before their zone)
    r"(?:approx(?:imate|imately)?\.?,?\s{1,3}(?:in\s{1,3})?)?"
    # ("Times are as Slack showed them, US Eastern": where they were read, before their zone)
    # ("Times below are from the NMS event log and the recorder, all CST": where they were taken from)
    r"(?:as\s{1,3}(?!(?:of|at|on|from|early|late|soon|much|well)\b)[^.,\n]{1,40}?,\s{1,3}(?:so\s{1,3})?"
    r"|(?:taken\s{1,3})?from\s{1,3}[^.,\n]{1,80}?,\s{1,3}(?:all\s{1,3})?)?|"
    # "**Times:** Australia/Sydney local time"
    # ("Times: all ET", a definition list's "Times\n: all ET", a note's "times = Auckland time")
    r"(?<=t)(?<!\w.)imes?\s{0,3}[:=]\s{0,3}(?:all\s{1,3})?|"
    # ("timeline — times BST": a heading's note after a dash; "Timeline, times PST:" after a comma)
    # (or a byline's last part: "... · written up by Sam · times PT"; or a sentence of its
    # own after the others: "2 Dec 2025. on-call: Arjun. times IST.")
    # (or opening the line: "Times GMT, Melbourne local (AEDT) in brackets.")
    r"(?:(?<=^t)|(?<=\nt)|(?<=[—–,·|.;-]\st))imes?\s{1,3}(?:in\s{1,3})?|"
    # ("All clocks are Berlin time": the clocks for the times)
    r"(?<=a)ll\s{1,3}(?:times?|timestamps?|clocks)\s{0,3}(?:in|are)?\s{0,3}:?\s{0,3}"
    # ("all times Tue 6 May 2025, BST": the day they are on, then their zone)
    r"(?:(?:on\s{1,3})?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s{1,3})?\d{1,2}\s[a-z]{3,9}\.?\s\d{4},?\s{1,3})?|"
    # the same in Dutch, the Scandinavian languages, Spanish, Portuguese, Italian and French:
    # "(alle tijden CET)", "alle tider CET", "alla tider är CET", "todas las horas en CET",
    # "todos os horários em BRT", "tutti gli orari in CET", "toutes les heures en CET"
    r"(?<=a)ll[ea]\s{1,3}(?:tijden|tider)\s{0,3}(?:zijn\s{1,3}|er\s{1,3}|är\s{1,3})?(?:in\s{1,3}|i\s{1,3})?|"
    r"(?<=t)(?:odas\s{1,3}las\s{1,3}horas|odos\s{1,3}os\s{1,3}hor[áa]rios|utti\s{1,3}gli\s{1,3}orari"
    r"|outes\s{1,3}les\s{1,3}heures)\s{0,3}(?:son\s{1,3}|s[ãa]o\s{1,3}|sono\s{1,3}|sont\s{1,3})?(?:en\s{1,3}|em\s{1,3}|in\s{1,3})?|"
    # ("heures indiquées en CET", "(heures en UTC+1)", "horas en CET": the hours, then their zone)
    r"(?<=h)(?<!\w.)(?:eures|oras|or[áa]rios)\s{1,3}(?:(?:indiqu|donn|exprim|affich|not)[ée]es\s{1,3}|indicad[oa]s\s{1,3})?"
    r"(?:sont\s{1,3}|son\s{1,3}|s[ãa]o\s{1,3})?(?:en|em)\s{1,3}|"
    # "All hours in this document are in UTC+1": hours for times, as other languages say it
    r"(?<=h)(?<!\w.)ours\b[^.\n]{0,30}?\b(?:are|is|in|shown in|given in)\s{1,3}(?:in\s{1,3})?|"
    # ("(IDT, UTC+3)": a local name this table lacks, then its offset; "(server time, UTC+9)":
    # whose clock, then its zone)
    # ("(times CEST)", "(timestamps in IST)", "(all PT)": the word for the times, then their zone)
    r"(?<=[(（])\s{0,3}(?:approx(?:imate|imately)?\.?,?\s{1,3}|(?:all\s{1,3})?(?:times?|timestamps?)\s{1,3}(?:in\s{1,3})?|all\s{1,3}(?:in\s{1,3})?|(?:[a-z]{2,12}\s{1,2}){0,2}?[a-z]{2,12}\s{0,2}[,;/]\s{0,3})??|(?<=t)imezone\s{0,3}:?\s{0,3}|"
    # "Time zone: CET", "| Time zone used | Nairobi (EAT) |"
    r"(?<=t)ime\s{0,3}zone(?:\s{1,3}(?:used|in\s+use))?\s{0,3}[:|,]?\s{0,3}|"
    # the same in other languages: "en heure de Paris", "horário de Brasília", "hora de
    # Madrid", "alle Uhrzeiten in MESZ"
    r"(?<=h)(?<!\w.)(?:eure|or[aá]rio|ora)\s{1,3}(?:de\s{1,3}|d['’]\s{0,2})|(?<=u)(?<!\w.)hrzeit(?:en)?\s{1,3}(?:in\s{1,3})?"
    # "Alle Zeitangaben in MESZ", "Zeiten in MEZ", "Zeitzone: MESZ"
    r"|(?<=z)(?<!\w.)eit(?:angaben|en|zone)?\s{0,3}:?\s{1,3}(?:in\s{1,3})?)"
    rf"({_WRITTEN_OUT}|{ZONE_PATTERN}"
    r"|(?:us\s|uk\s)?(?:pacific|eastern|central|mountain)(?:\stime)?|(?:uk|nz)(?:\stime)?))",
)


# "以下统一使用 UTC" (below, UTC throughout), "时间均为UTC+8" (times are all UTC+8): a
# zone's abbreviation or offset after the word, not a city ("使用 Singapore 机房", the
# Singapore data centre)
_CJK_ZONE_STATEMENT = lazy_re.compile(r"(?:使用|采用|均为|均以)\s{0,3}((?:UTC|GMT)(?:\s{0,2}[+\-−]\s{0,2}\d{1,2}(?::?\d{2})?)?"
                                 r"|[A-Z]{2,5})(?![A-Za-z])")


def stated_zone(text: str) -> Zone | None:
    """The zone a sentence such as "All times in PST" or "Timeline (UTC)" states."""
    text, pos = text[:300], 0
    while (m := _ZONE_STATEMENT.search(text, pos)) is not None:
        if m.group(1) == "est" and text.startswith(".", m.end()):
            pos = m.start() + 1   # ("start installing (est. 25–40 min)": estimated, no Eastern time)
            continue
        if (z := zone(m.group(1))) is not None:
            return z
        pos = m.start() + 1  # "(All times US/Pacific)": "(All" is no zone; look again inside it
    for m in _CJK_ZONE_STATEMENT.finditer(text):
        if (z := zone(m.group(1).replace(" ", ""))) is not None:
            return z
    if (m := _ZONE_TIME_SENTENCE.match(text)) is not None and (z := zone(m.group(1))) is not None:
        return z   # "Sydney time. Liam, from the rotator logs ...": a sentence of its own, the zone and "time"
    low = text.lower()
    if any(w in low for w in _LOCAL_HINTS):
        if (m := _LOCAL_TIME_NAMED.search(text)) is not None:
            # "alla klockslag nedan är svensk tid", "giờ Việt Nam": a country's own clock
            return zone(LOCAL_TIMES[" ".join(m.group(0).lower().split())])
        for m in _CITY_ADJECTIVE_TIME.finditer(text):
            if _city_zone(m.group(1)) is not None and (z := zone(m.group(1))) is not None:
                return z   # "Alle tijden Amsterdamse tijd", "in Berliner Zeit": a city's clock
    if "time" in low and (m := _NATION_TIME.search(text)) is not None:
        return zone(NATION_TIMES[m.group(1).lower()])   # "All times below are Dutch local time at the site"
    if "local" in low and (m := _LOCAL_IN_COUNTRY.search(text)) is not None:
        return zone(COUNTRY_TIMES[m.group(1).lower()])   # "Times are local plant time in Valmora (Italy)"
    if (text.isupper() or text.islower()) and (titled := text.title()) != text and not (titled.isupper() or titled.islower()):
        return stated_zone(titled)   # "## CRONOLOGÍA (HORA DE MADRID)", "(hora de madrid)": a city named in one case all the same
    return None


# a zone's or a city's name and "time" as a sentence of its own: "Sydney time.", "London time:"
# (or after words that say these are the times: "Everything below is **Sydney time**.", "All
# times below are local Christchurch time.")
_ZONE_TIME_SENTENCE = lazy_re.compile(r"\W*(?i:(?:everything|all(?:\s+times)?|times|the\s+times)(?:\s+below|\s+here|\s+in\s+this\s+\w+)?"
                                      r"\s+(?:is|are)\s+(?:in\s+)?(?:local\s+)?\W*)?([A-Z][\w/+-]*(?:\s[A-Z][\w-]*){0,2})\s+time\s*[.:;]")


# A country's clock named in its own language ("svensk tid", "czasu polskiego", "Türkiye
# saati", "giờ Việt Nam", "московское время", "北京时间"): its zone, by the date's rules
LOCAL_TIMES = {
    "svensk tid": "Europe/Stockholm", "norsk tid": "Europe/Oslo", "dansk tid": "Europe/Copenhagen",
    "finsk tid": "Europe/Helsinki", "suomen aikaa": "Europe/Helsinki", "nederlandse tijd": "Europe/Amsterdam",
    "deutscher zeit": "Europe/Berlin", "deutsche zeit": "Europe/Berlin", "ora italiana": "Europe/Rome",
    "hora peninsular": "Europe/Madrid", "hora de españa": "Europe/Madrid", "czasu polskiego": "Europe/Warsaw",
    "czas polski": "Europe/Warsaw", "türkiye saati": "Europe/Istanbul", "turkiye saati": "Europe/Istanbul",
    "giờ việt nam": "Asia/Ho_Chi_Minh", "московское время": "Europe/Moscow", "московскому времени": "Europe/Moscow",
    "время московское": "Europe/Moscow", "по москве": "Europe/Moscow", "мск": "Europe/Moscow",
    "北京时间": "Asia/Shanghai", "台北時間": "Asia/Taipei", "日本時間": "Asia/Tokyo", "한국 시간": "Asia/Seoul",
    "waktu indonesia barat": "Asia/Jakarta",
}
# A country of one zone named in English, by its people's adjective before "time" ("Dutch
# local time", "Danish time") or by its name after "local" ("local plant time in Valmora
# (Italy)"): its zone, by the date's rules. One row a zone: (adjectives, names), zone.
_COUNTRY_ZONES = (
    (("dutch",), ("netherlands",), "Europe/Amsterdam"), (("danish",), ("denmark",), "Europe/Copenhagen"),
    (("german",), ("germany",), "Europe/Berlin"), (("french",), ("france",), "Europe/Paris"),
    (("italian",), ("italy",), "Europe/Rome"), (("swedish",), ("sweden",), "Europe/Stockholm"),
    (("norwegian",), ("norway",), "Europe/Oslo"), (("finnish",), ("finland",), "Europe/Helsinki"),
    (("polish",), ("poland",), "Europe/Warsaw"), (("irish",), ("ireland",), "Europe/Dublin"),
    (("belgian",), ("belgium",), "Europe/Brussels"), (("swiss",), ("switzerland",), "Europe/Zurich"),
    (("austrian",), ("austria",), "Europe/Vienna"), (("czech",), ("czechia",), "Europe/Prague"),
    (("greek",), ("greece",), "Europe/Athens"), (("hungarian",), ("hungary",), "Europe/Budapest"),
    (("japanese",), ("japan",), "Asia/Tokyo"), (("korean",), ("korea", "south korea"), "Asia/Seoul"),
    (("israeli",), ("israel",), "Asia/Jerusalem"), (("singaporean",), ("singapore",), "Asia/Singapore"),
    (("british",), ("uk", "united kingdom", "england", "scotland", "wales"), "Europe/London"),
    (("turkish",), ("turkey", "türkiye"), "Europe/Istanbul"), (("indian",), ("india",), "Asia/Kolkata"),
    ((), ("south africa",), "Africa/Johannesburg"), ((), ("kenya",), "Africa/Nairobi"), ((), ("nigeria",), "Africa/Lagos"),
    ((), ("egypt",), "Africa/Cairo"), ((), ("philippines",), "Asia/Manila"), ((), ("vietnam",), "Asia/Ho_Chi_Minh"),
    ((), ("thailand",), "Asia/Bangkok"), ((), ("taiwan",), "Asia/Taipei"), ((), ("hong kong",), "Asia/Hong_Kong"),
    ((), ("malaysia",), "Asia/Kuala_Lumpur"), ((), ("china",), "Asia/Shanghai"),
)
NATION_TIMES = {a: z for adjectives, _, z in _COUNTRY_ZONES for a in adjectives}
COUNTRY_TIMES = {n: z for _, names, z in _COUNTRY_ZONES for n in names}
_NATION_TIME = lazy_re.compile(r"\b(" + "|".join(n.capitalize() for n in NATION_TIMES) + r")\s+(?:local\s+)?time\b")
_LOCAL_IN_COUNTRY = lazy_re.compile(r"\blocal\b[^.\n]{0,60}?\b(" + "|".join(
    sorted((n.title() if n != "uk" else "UK" for n in COUNTRY_TIMES), key=len, reverse=True)) + r")\b")
# a city's clock as Dutch and German name it, the city made an adjective: "Amsterdamse
# tijd", "Rotterdamse tijd", "Berliner Zeit", "Frankfurter Zeit"
_CITY_ADJECTIVE_TIME = lazy_re.compile(r"(?<![\w-])([A-Z][a-zäöüß]{2,})(?:se\s+tijd|er\s+[Zz]eit)\b")
# (whole words in alphabets that space them; "以下时间均为北京时间" runs its words together)
_LETTER = "A-Za-zÀ-ÿĀ-žА-Яа-яЁё"
# (a word every one of them holds, looked for first: most text names none)
_LOCAL_HINTS = ("tid", "aikaa", "tijd", "zeit", "ora ", "hora", "czas", "saati", "giờ", "врем", "москв", "мск",
                "时间", "時間", "시간", "waktu")
# (their first letters first, in both cases: a search skips to the next of them)
_LOCAL_FIRSTS = "".join(sorted({c for n in LOCAL_TIMES for c in (n[0], n[0].upper())}))
_LOCAL_TIME_NAMED = lazy_re.compile(rf"(?=[{_LOCAL_FIRSTS}])(?<![{_LETTER}])(?:" + "|".join(n.replace(" ", r"\s+") for n in sorted(LOCAL_TIMES, key=len, reverse=True))
                                    + rf")(?![{_LETTER}])", re.IGNORECASE)


# --------------------------------------------------------------------------------------
# Timestamps at the start of a piece of text

# Month words in the languages Jira and other tools export in (English, Spanish,
# French, German, Portuguese, Italian, Dutch, the Scandinavian ones, Indonesian, Turkish, Russian) and Czech and Polish (whose dates name
# the month in the genitive: "15. srpna 2019", "3 maja 2021"), accents removed, lower case.
_MONTHS_TEXT = {
    1: "january jan enero ene janvier janv januar janner jan janeiro gennaio gen januari leden ledna styczen stycznia ocak января январь янв",
    2: "february feb febrero fevrier fevr fev februar fevereiro febbraio februari unor unora luty lutego subat февраля февраль фев",
    3: "march mar marzo mars marz mrz marco maart mrt marts brezen brezna marca marzec maret mart марта март мар",
    4: "april apr abril abr avril avr aprile duben dubna kwiecien kwietnia nisan апреля апрель апр",
    5: "may mayo mai maio maggio mag mei kveten kvetna maj maja mayis мая май",
    6: "june jun junio juin juni junho giugno giu cerven cervna czerwiec czerwca haziran июня июнь июн",
    7: "july jul julio juillet juil juli julho luglio lug cervenec cervence lipiec lipca temmuz июля июль июл",
    8: "august aug agosto ago aout augustus augusti srpen srpna sierpien sierpnia agustus agustos августа август авг",
    9: "september sep sept septiembre setiembre set septembre setembro settembre zari wrzesien wrzesnia eylul сентября сентябрь сен",
    10: "october oct octubre octobre oktober okt outubro out ottobre ott rijen rijna pazdziernik pazdziernika ekim октября октябрь окт",
    11: "november nov noviembre novembre novembro listopad listopadu listopada kasim ноября ноябрь ноя",
    12: "december dec diciembre dic decembre dezember dez dezembro dicembre prosinec prosince grudzien grudnia desember aralik декабря декабрь дек",
}
MONTHS = {w: m for m, words in _MONTHS_TEXT.items() for w in words.split()}


# Other calendars' years, read as the Gregorian years they count: Thailand's Buddhist era
# (2568 B.E. = 2025), Japan's eras (令和7年, "R7.6.25" = 2025-06-25; 平成31年 = 2019) and the
# Republic of China's Minguo years (民國114年, "114/08/19" = 2025-08-19).
_ERAS = {"令和": 2018, "平成": 1988, "R": 2018, "H": 1988}
_THAI_MONTHS = {"ม.ค.": "Jan", "ก.พ.": "Feb", "มี.ค.": "Mar", "เม.ย.": "Apr", "พ.ค.": "May", "มิ.ย.": "Jun",
                "ก.ค.": "Jul", "ส.ค.": "Aug", "ก.ย.": "Sep", "ต.ค.": "Oct", "พ.ย.": "Nov", "ธ.ค.": "Dec"}
_THAI_DATE = lazy_re.compile(r"(\d{1,2})\s*(" + "|".join(re.escape(m) for m in _THAI_MONTHS) + r")\s*(?:พ\.ศ\.\s*)?(\d{4})?")
# a Buddhist-era year in a date: "31/03/2568", "4 Mar 2568", "2568-03-04", "พ.ศ. 2568" (never
# a Gregorian year: no incident happens in 2568; not "INC-2568-0117", a number of the year)
_BE_YEAR = lazy_re.compile(r"(?<=\d[/.-])(2[45]\d\d)(?!\d)|(?<=\d\s[A-Za-z]{3}\s)(2[45]\d\d)(?!\d)"
                           r"|(?<=[A-Za-z]{3}\s\d\d\s)(2[45]\d\d)(?!\d)|(?<![\w-])(2[45]\d\d)(?=[/.-]\d{1,2}[/.-]\d{1,2}(?!\d))"
                           r"|(?<=พ\.ศ\.\s)(2[45]\d\d)|(?<=พ\.ศ\.)(2[45]\d\d)|(2[45]\d\d)(?=\s*B\.?E\.?(?!\w))")
_BE_ANY = lazy_re.compile(r"2[45]\d\d")
_ERA_YEAR = lazy_re.compile(r"(令和|平成)\s*(\d{1,2}|元)\s*年|(?<![\w.])([RH])(\d{1,2})\.(\d{1,2})\.(\d{1,2})(?![\d.])")
_MINGUO_YEAR = lazy_re.compile(r"(?:民國|民国)\s*(\d{2,3})\s*年")
_MINGUO_SLASHED = lazy_re.compile(r"(?<![\d/.-])(1[01]\d)/(\d{1,2})/(\d{1,2})(?![\d/])")
_THAI_CLOCK = lazy_re.compile(r"(\d{1,2})[.:](\d\d)\s*น\.")


def gregorian(text: str) -> str:
    """``text`` with the dates of other calendars written as Gregorian ones (_ERAS,
    Buddhist-era years, Minguo years) and Thai month abbreviations and clocks ("4 มี.ค.
    2568" -> "4 Mar 2025", "09.31 น." -> "09:31") as the reader knows them. Text of any
    other calendar comes back as it was."""
    if "ม" in text or "ก" in text or "น." in text:
        text = _THAI_DATE.sub(lambda m: f"{m.group(1)} {_THAI_MONTHS[m.group(2)]}" + (f" {m.group(3)}" if m.group(3) else ""), text)
        text = _THAI_CLOCK.sub(r"\1:\2", text)
    if _BE_ANY.search(text):
        text = _BE_YEAR.sub(lambda m: str(int(m.group()) - 543), text)
    if "令和" in text or "平成" in text or "Reiwa" in text or "Heisei" in text:
        # (the short form, "R7.6.25", only beside the era's name: elsewhere "R2.3.4" is a release)
        text = _ERA_YEAR.sub(_era_date, text)
    if "民" in text:
        text = _MINGUO_YEAR.sub(lambda m: f"{1911 + int(m.group(1))}年", text)
        text = _MINGUO_SLASHED.sub(lambda m: f"{1911 + int(m.group(1))}/{m.group(2)}/{m.group(3)}", text)
    return text


# a line's leading Unix time, seconds since 1970 (ten digits from 1 or 20: 2001 to 2033),
# perhaps with a fraction or as milliseconds, in backticks or brackets or bare, after a
# list's marker or a table's bar: "- `1733412185` kubelet starts evicting", "| 1733412450 |"
_UNIX_LEAD = lazy_re.compile(r"^([ \t]*(?:[-*+•][ \t]+|\d{1,3}[.)][ \t]+|\|[ \t]*)?)([`\[]?)(1\d{9}|20[0-3]\d{7})(?:\.\d{1,9}|\d{3})?([`\]]?)(?=[ \t|:,)-])")
_FENCE_LINE = lazy_re.compile(r"^[ \t]*(?:```|~~~)")
_UNIX_SPAN = 31 * 86400   # a timeline's Unix times lie within a month of each other


def unix_times(text: str) -> str:
    """``text`` with the Unix times that lead its lines, outside code blocks, written as
    UTC times ("- `1733412185` kubelet starts evicting" -> "- 2024-12-05 15:23:05 UTC kubelet
    starts evicting"), when the text speaks of Unix or epoch time and at least two lines lead
    with one, all of them within a month: a timeline pasted from ``journalctl -o short-unix``
    or an API, not a list of order numbers that happen to have ten digits. Otherwise
    ``text`` as it was."""
    low = text.lower()   # (a word first: three substring scans cost less than one pattern's)
    if not ("unix" in low or "epoch" in low or "posix" in low) or not _TEN_DIGITS.search(text) \
            or not _SAYS_UNIX.search(text):
        return text
    lines = text.split("\n")
    found: list[tuple[int, re.Match]] = []
    fenced = False
    for i, line in enumerate(lines):
        if _FENCE_LINE.match(line):
            fenced = not fenced
        elif not fenced and (m := _UNIX_LEAD.match(line)) is not None \
                and (m.group(2) + m.group(4)) in ("", "``", "[]"):
            found.append((i, m))
    seconds = [int(m.group(3)) for _, m in found]
    if len(found) < 2 or max(seconds) - min(seconds) > _UNIX_SPAN:
        return text
    # (and a day the text states in words within a month of them: order numbers or phone
    # numbers that happen to fall within a month of each other land years from it)
    first = datetime.fromtimestamp(min(seconds), timezone.utc).date()
    if not any(abs((d - first).days) <= 31 for _, d in _dates(text, None)):
        return text
    for (i, m), sec in zip(found, seconds):
        when = datetime.fromtimestamp(sec, timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
        lines[i] = m.group(1) + when + lines[i][m.end():]
    return "\n".join(lines)


_TEN_DIGITS = lazy_re.compile(r"(?:1\d{9}|20[0-3]\d{7})(?:\d{3})?(?!\d)")   # (no look behind first: a pattern that opens with one is tried at every character)
_SAYS_UNIX = lazy_re.compile(r"\b(?:epoch|unix|posix)", re.I)


def _era_date(m: re.Match) -> str:
    if m.group(1):
        return f"{_ERAS[m.group(1)] + (1 if m.group(2) == '元' else int(m.group(2)))}年"
    month_, day = int(m.group(5)), int(m.group(6))
    if not (1 <= month_ <= 12 and 1 <= day <= 31):
        return m.group()
    return f"{_ERAS[m.group(3)] + int(m.group(4))}-{month_:02d}-{day:02d}"


_BRACKETED_DAY_WORD = lazy_re.compile(r"\((\d{1,2})\.?\s+([^\W\d_]{3,12})\.?\)")


def month(word: str) -> int | None:
    """The month a word names, in any of the languages above (``Sep``, ``sept.``, ``déc``)."""
    w = word.strip().rstrip(".").lower()
    if w.isascii():
        return MONTHS.get(w)   # (nothing to decompose: "Nov", "sept")
    return MONTHS.get(_unaccented(w.replace("ı", "i")))   # (Turkish's dotless i: "Aralık", "Mayıs")


_MON = r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|urday|rsday)?\.?,?\s+)?"
_ORD = r"(?:st|nd|rd|th)?"

# "November 5th '24", "5 Nov ’24": a two-digit year after an apostrophe
_SHORT_YEAR = r"|,?\s+['’‘](?P<yy>\d{2})(?![\d:])"

# "July 15 & 16, 2014", "15-16 July 2014", "Tue 15 / Wed 16 April 2025": a run of days; the first is the date
# (a slash only between days named with their weekdays: "the night of 6/7 September", its
# times after midnight, is read as before, on the 7th)
# (each day with its weekday too: "Fri 27 – Mon 30 October 2023")
_AND_DAY = r"(?:\s*(?:&|and|-|–|to|/(?=\s*(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s))\s*" + _WEEKDAY + r"\d{1,2}(?:st|nd|rd|th)?(?=,?\s+(?:\d{4}|[a-z])))?"
# "May 15 & May 22, 2026", "May 30 - June 2, 2026": the same, the month named again (a
# run into an earlier month, "Dec 30 - Jan 2, 2026", began the year before)
_AND_MON_DAY = (r"(?:\s*(?:&|and|-|–|to)\s*(?:" + _MON.replace("(?P<mon>", "(?P<mon2>") + r"\s+)?"
                r"\d{1,2}(?:st|nd|rd|th)?(?=,?\s+(?:\d{4}|[a-z])))?")

_CAPS_MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
# a weekday named in another language before a day's number (German, French, Spanish,
# Portuguese, Dutch, Danish, Norwegian, Swedish, Italian)
_OTHER_WEEKDAYS = (
    "montag dienstag mittwoch donnerstag freitag samstag sonntag "
    "lundi mardi mercredi jeudi vendredi samedi dimanche "
    "lunes martes miércoles miercoles jueves viernes sábado sabado domingo "
    "segunda terça terca quarta quinta sexta "
    "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag "
    "mandag tirsdag onsdag torsdag fredag lørdag søndag måndag tisdag lördag söndag "
    "lunedì lunedi martedì martedi mercoledì mercoledi giovedì giovedi venerdì venerdi sabato domenica "
    "senin selasa rabu kamis jumat sabtu minggu "
    "poniedziałek wtorek środa czwartek piątek sobota niedziela").split()

# a weekday in brackets between a date and its time: "2024年7月24日(水)20時52分",
# "2024년 7월 24일 (수) 20:52", "3月5日（周二）10:00", "2024-07-24 (Wed) 20:52", "5月6日(月・祝)"
# (or in any other language, named or cut to four letters or fewer, not in capitals: "25.10
# (pt) 16:55", "18.02. (Di) 07:20", "25.10.2024 (piątek) 16:55"; not "(Monthly)", nor "(UTC)")
WEEKDAY_IN_BRACKETS = (r"[(（](?:[月火水木金土日](?:曜日?)?(?:・?祝)?|[월화수목금토일](?:요일)?|(?:周|星期)[一二三四五六日天]"
                       r"|(?i:mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs?(?:day)?)?|fri(?:day)?|sat(?:urday)?"
                       r"|sun(?:day)?|" + "|".join(_OTHER_WEEKDAYS) + r")|(?-i:(?![A-Z]{2})[^\W\d_]{2,4}))\.?[)）]")
_BRACKET_WEEKDAY = "(?:" + WEEKDAY_IN_BRACKETS + ")?"   # (between a date and its time, if there)


_DATE_PATTERNS = [
    # 2021-06-30, 2021/06/30
    ("ymd", lazy_re.compile(r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")),
    # 2026-131T03:47:52Z: ISO 8601's ordinal date (the year's day number), as spacecraft and
    # ground stations stamp events, read with its clock only (alone, "2024-105" may be a number)
    # 047/03:06:55: the day of the year before a clock, as ground stations log (the year the incident's)
    # ("047/03:06:55", and a controller log's "196 02:41": the day of the year, a space, a clock)
    ("doy", lazy_re.compile(r"(?<![\w/.,-])(?P<doy>[0-3]\d\d)(?:/|\s(?=[0-2]\d:[0-5]\d(?![\d.,])))(?=\d\d:\d\d)")),
    ("ydoy", lazy_re.compile(r"(?<![\w-])(?P<y>(?:19|20)\d\d)-(?P<doy>[0-3]\d\d)(?=[T ]\d\d:\d\d)")),
    # 2023年9月27日, 2024년 2월 6일: Chinese, Japanese and Korean dates
    ("ymd", lazy_re.compile(r"(?P<y>\d{4})\s?[年년]\s?(?P<m>\d{1,2})\s?[月월]\s?(?P<d>\d{1,2})\s?[日일]")),
    # "2024. 8. 27.": Korean's year, month and day, each closed by a stop and a space
    ("ymd", lazy_re.compile(r"(?P<y>\d{4})\.\s(?P<m>\d{1,2})\.\s(?P<d>\d{1,2})\.(?!\d)")),
    # 9月12日, 7월 24일: the same without the year (the incident's)
    # (not the month and day of a full date: "2024年7月24日" is one date, not two)
    ("md", lazy_re.compile(r"(?<![年년])(?<![年년]\s)(?P<m>\d{1,2})\s?[月월]\s?(?P<d>\d{1,2})\s?[日일]")),
    # 30-06-2021, 06/30/2021, 30.06.2021
    ("xy", lazy_re.compile(r"(?P<a>\d{1,2})[-/.](?P<b>\d{1,2})[-/.](?P<y>\d{4})(?!\d)")),
    # 5-26-21, 26/05/21: a two-digit year, with "-" or "/" only (1.10.21 is a version)
    # and only when the order reads one way (below)
    ("xyy", lazy_re.compile(r"(?<![\d.])(?P<a>\d{1,2})(?P<s>[-/])(?P<b>\d{1,2})(?P=s)(?P<yy>\d{2})(?![\d\-/:%]|\.\w)")),   # (a full stop ending the sentence after it: "on Thu 6/4/26.")
    # 03.02. 15:29: a German-style day and month, each with its dot, then a time (the
    # weekday in brackets may come between, "25.10. (pt) 16:55"; the
    # year is the incident's); without the time after it, "1.10." is more often a version
    # (or its weekday before it: "**Sat 16.08.**", a day's heading over its times)
    ("dm_dot", lazy_re.compile(r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})(?:\.(?:(?=\s+(?:" + WEEKDAY_IN_BRACKETS + r"\s+)?\d{1,2}[:h]\d{2}(?!\d))"
                               r"|(?<=(?i:mon|tue|wed|thu|fri|sat|sun)\s\d\.\d\d\.)|(?<=(?i:mon|tue|wed|thu|fri|sat|sun)\s\d\d\.\d\d\.)"
                               r"|(?<=(?i:mon|tue|wed|thu|fri|sat|sun),\s\d\d\.\d\d\.)|(?<=(?i:mon|tue|wed|thu|fri|sat|sun)\s\d\d\.\d\.))"
                               # (without its second dot when its weekday follows, then its clock: "15.03 (pt) - 07:55")
                               r"|(?=\s+" + WEEKDAY_IN_BRACKETS + r"\s*(?:[-–—,]\s*)?\d{1,2}[:h.]\d{2}(?!\d))"
                               # (with or without its second dot, then the Nordic "kl." before the clock:
                               # "21.01 kl. 22:14", "22.01. kl. 10:30")
                               r"|\.?(?=\s+(?i:kl|klo)\.?\s*\d{1,2}[:.]\d{2}(?!\d)))")),
    # 10/28 12:00 AM, 14/11 22:47: a month and a day (or a day and a month) with a slash,
    # the year left off (the incident's), a time right after them ("3/4 of the nodes" is not one)
    # (or the word before a clock between: "29/10, ore 18:00", "04/04 à 10h00", "3/4 at 14:05")
    # (or a four-digit clock with its hours' abbreviation: "07/13 0152 hrs"; or French
    # typography's spaced hour sign: "05/02 16 h 00")
    ("md_slash", lazy_re.compile(r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![/\d])(?=,?\s+(?:(?:at|à|ore|um|om|às|kl\.?|klo|alle)\s+)?"
                                 r"(?:~?\d{1,2}(?:[:h.]| h )\d{2}|(?:[01]\d|2[0-3])[0-5]\d\s*(?:hrs?|hours)\b))")),
    # 06-09 03:48, 06-09 ~04:00: an ISO date's month and day, its year left off (the
    # incident's), each two digits and a time after them ("3-5 minutes", "10-12 s" are not)
    # (day first, "25-06 14:00", in a document that writes its dates day first)
    ("md_dash", lazy_re.compile(r"(?P<a>0[1-9]|[12]\d|3[01])-(?P<b>0[1-9]|[12]\d|3[01])(?=\s+~?\d{1,2}[:h]\d{2}(?!\d))")),
    # Aug-27-2021
    ("mdy_name_dash", lazy_re.compile(_MON + r"-(?P<d>\d{1,2})-(?P<y>\d{4})", re.IGNORECASE)),
    # June 14th, 2022 / Oct 21 2015 / Tuesday, June 14 2022
    # ("Jun 07: the fix lands" is a date before its entry's colon; "Jun 07:30" is not one)
    ("mdy_name", lazy_re.compile(_WEEKDAY + _MON + r"\s+(?P<d>\d{1,2})" + _ORD + _AND_MON_DAY + r"(?:,?\s+(?P<y>\d{4})(?!\d|[Zz](?![A-Za-z0-9]))" + _SHORT_YEAR + r"|(?!\d|:\d))", re.IGNORECASE)),
    # 15. srpna 2019, 3 de marzo de 2021, 14. März 2022, 1er octobre 2021, 1º de outubro
    # de 2021: a day (a French or Portuguese ordinal), a month word in another language
    # (checked against MONTHS below), a year
    ("dmy_word", lazy_re.compile(r"(?P<d>\d{1,2})(?:er|re|º|ª)?\.?\s+(?:de\s+)?(?P<mon>[^\W\d_]{3,12})\.?,?\s+(?:de\s+)?(?P<y>\d{4})(?!\d|[Zz](?![A-Za-z0-9]))")),
    # 8. Januar - 30. Januar 2026, 8 janvier au 30 janvier 2026: a range's first day in
    # those words, its year left to the second day (which _dates gives it)
    ("dmy_word_open", lazy_re.compile(r"(?P<d>\d{1,2})\.?\s+(?P<mon>[^\W\d_]{3,12})\.?(?=\s*(?:-|–|—|bis|au|al|a|to)\s*"
                                 r"\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}(?!\d))")),
    # "Lördag 25 oktober", "samedi 25 octobre", "Samstag, 25. Oktober": a day and a month word
    # of another language without a year (the incident's), standing alone (at a line's or a
    # cell's end, before markup or a time); a full month word, not "10 out" or "3 set"
    ("dmy_word_bare", lazy_re.compile(r"(?P<d>\d{1,2})\.?\s+(?:de\s+)?(?P<mon>[^\W\d_]{4,12})\.?"
                                      r"(?=\s*(?:$|[,;|)\]*_]|\s\d{1,2}[:h.]\d{2}(?!\d)))")),
    # 27-jul, 27-Jul-2026, 3-ago: a day and a month word joined by a hyphen (Spanish and
    # Portuguese tables write them so), the year after another or left off
    # (then a comma, a bracket, a cell's end, a time or the weekday in brackets, "03-Feb-2025
    # (Monday)": "4-gen nodes" names hardware)
    # (with its year, whatever follows: "03-Mar-2025 (Monday night)")
    ("dmy_word_dash", lazy_re.compile(r"(?P<d>\d{1,2})-(?P<mon>[^\W\d_]{3,10})\.?(?:-(?P<y>\d{4})(?!\d)|"
                                 r"(?=\s*(?:[,;|)\]]|$)|\s+~?\d{1,2}[:h.]\d{2}|\s*\((?i:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?[\s)]))")),
    # 23/May/25, 14/May/2025: Jira's day, month word and year between slashes (as its
    # descriptions and exports write them)
    # (or without its year before a clock: "05/Mar 11:40", the description's own shorthand)
    ("dmy_word_slash", lazy_re.compile(r"(?P<d>\d{1,2})/(?P<mon>[^\W\d_]{3,9})\.?(?:/(?:(?P<y>\d{4})|(?P<yy>\d{2}))(?!\d)"
                                       r"|(?=\s+\d{1,2}:\d{2}))")),
    # 17SEPT2018, 15MAY2019: the military style, day, month word and year run together
    ("dmy_compact", lazy_re.compile(r"(?P<d>\d{1,2})(?P<mon>[A-Za-z]{3,4})(?P<y>\d{4})(?!\d)")),
    # 040500Z MAR 25: a date-time group (the day, hours and minutes in UTC, the month in
    # capitals, a two-digit year), as forces and utilities' reports write them; and the
    # day it names alone, 04 MAR 25 (a two-digit year only after a month in capitals)
    ("dtg", lazy_re.compile(r"(?P<d>0[1-9]|[12]\d|3[01])(?P<hh>[01]\d|2[0-3])(?P<mm>[0-5]\d)Z\s+(?P<mon>" + _CAPS_MONTHS
                            + r")\s+(?P<yy>\d{2})(?!\d)")),
    ("dmy_caps_yy", lazy_re.compile(r"(?P<d>\d{1,2})[ -](?P<mon>" + _CAPS_MONTHS + r")[ -](?P<yy>\d{2})(?![\d:%]|[.,]\d|\s*%)")),
    # 6th Nov 2023 / 14 June 2022
    ("dmy_name", lazy_re.compile(_WEEKDAY + r"(?P<d>\d{1,2})" + _ORD + _AND_DAY + r"\s+(?:of\s+)?" + _MON + r"(?:,?\s+(?P<y>\d{4})(?!\d|[Zz](?![A-Za-z0-9]))" + _SHORT_YEAR + r"|(?!\d|:\d))", re.IGNORECASE)),
]

# (after "am"/"pm" no letter or digit: "__9:09 PM__" is bold, and "_" is markup there)
_END = r"(?![^\W_])"
_TIME = lazy_re.compile(
    # "9 h 28", French typography's spaced hour sign, is "9h28" (never before "min");
    # "14時05分" and "14시 05분" (Japanese, Korean) likewise
    r"(?P<h>\d{1,2})(?:(?P<sep>[:.h時시]|(?<=\d\d)u| h )(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?(sep)(?! ?min)|)|(?=\s*[ap]\.?\s?m" + _END + r"))"
    # "4:32 PM", "3:15 p. m." (as Spanish writes it), "9:27a", "4:00p"
    r"(?:\s*(?P<ampm>[ap])(?:\.\s?|)m\.?" + _END + r"|(?<=\d)(?P<ap>[ap])" + _END + r")?"
    # ("09:31h –": the hours' sign after the clock, as Spanish and Italian teams write it;
    # "10:37 hrs. Operador ...", as Chilean and military logs do)
    r"(?:(?<=[:.]\d\d)(?:h|\s?hrs?\.?)(?![^\W\d_]))?",
    re.IGNORECASE,
)
# ("0342 hrs": four digits and the hours' abbreviation, as hospitals and forces write a clock;
# "0702H", as Singapore's and Malaysia's operations write it)
# (the abbreviation is the clock's own, read with it: the entry's words come after it)
# (or the padding a shift log sets after it, its entry's words lined up: "2340  Arr. rm 318")
# ("0544 LT": local time, as airports' and ships' logs mark the clock beside a Zulu one)
_TIME_COMPACT = lazy_re.compile(r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?:\s*(?:(?=(?:UTC|GMT|Z)(?![A-Za-z0-9]))|(?:hrs?|hours|H|LT)\b\.?)|(?=  +[^\W\d_]))")
# four digits after a date and before the entry's separator are a 24-hour clock (or
# ending a field's value, or before its note: "| Possession given up | Mon 22/04/2024 0647
# (117 minutes late) |")
_TIME_COMPACT_AFTER_DATE = lazy_re.compile(r"(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)(?=\s*(?:[:\-–—]\s|$|\())")
# four digits for a 24-hour clock opening a day's entry, a colon after them ("1015: Raj
# noticed ...", "~1230: deployed ...", "[1758](https://chat/...): linked to the chat"):
# read only where a heading has given the day, since elsewhere four digits may as well
# be a year
COMPACT_LEAD = lazy_re.compile(r"^\s*(?:~|\[(?=\d{4}\]\())?([01]\d|2[0-3])([0-5]\d)(?:\]\([^()\s]*\))?(?=:\s)")
# anything the clock reader above could read: 14:58, 14.58, 9h05, 4 pm, 0941 UTC
# (the first digit written once, before the forms: a pattern whose alternatives each open
# with a digit class has no first character the regex engine can skip to, one that opens
# with the class skips to the next digit, twice as fast; the same matches, the digit
# being one character whichever form follows)
_CLOCK_LIKE = lazy_re.compile(r"\d(?:[:.hu]\d\d| h \d\d|\s*[ap]\.?m" + _END + r"|\d{3}\s*(?:UTC|GMT|Z|hrs?|hours|H|LT)\b)", re.I)


def clocks_at_most(text: str) -> int:
    """How many clock times ``text`` may hold, counted cheaply: never fewer than
    read_stamp would find, so a caller can skip a text that holds too few."""
    return len(_CLOCK_LIKE.findall(text))


class Stamp:
    """What a timestamp prefix said: a date (maybe without year), a time, a zone."""

    __slots__ = ("year", "month", "day", "hour", "minute", "second", "zone", "end", "order", "range_at", "yday")

    def __init__(self):
        self.year = self.month = self.day = None
        self.yday = None   # a day of the year written without its year ("047/03:06:55"): month and day read in a common year
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


# what may stand before a timestamp: markup (``**`` and ``__`` alike), brackets, "~",
# emoji and other symbols, "at" / "around" / "approx." / "at around"
# (and the word other languages say "at" with before a clock: "kl. 02.41", "klo 14.05",
# "um 14:05", "om 14:05", "às 14h05", "alle 14:05", "ore 14:05", "saat 14.05", "lúc 14:05",
# "pukul 14.05", "godz. 14:05")
_LEAD = lazy_re.compile(r"(?:[^\w+-]|_)*(?:(?:at|on|around|approx\.?|approximately|about|ca\.?|circa"
                        r"|kl\.?|klockan|klo|kello|um|om|às|alle|ore|saat|lúc|pukul|godz\.?)\s+){0,2}", re.IGNORECASE)
# between a date and its time: "at", or the word other languages use there ("um 14:05
# Uhr", "à 14h05", "a las 14:05", "às 14:05", "om 14:05", "kl. 14.05", "o 14:05")
# (a middle dot between them too, as status pages write it: "Mar 9, 2025 · 1:05 PM ET")
_GAP = lazy_re.compile(r"[\s,*_@]*" + _BRACKET_WEEKDAY + r"[\s,*_@]*(?:at\s+|on\s+|-\s+(?=\d)|–\s+(?=\d)|·\s+(?=\d)|T(?=\d\d:)"
                  r"|(?:um|à|a\s+las|a\s+la|às|om|kl\.?|klo|o(?:\s+godz\.?)?|alle(?:\s+ore)?|ore|saat|lúc|pukul)\s+(?=\d))?"
                  r"[\s,*_]*(?:~\s*)?", re.IGNORECASE)
_RANGE_TAIL = lazy_re.compile(
    r"\s*(?:-|–|—|〜|～|to|until)\s*(\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)(?!\.\d)", re.IGNORECASE)   # (not a version: "— 5.18.0")
# (a zone written out in full first: "2:19 PM Pacific Daylight Time" is PDT, not a city
# "Pacific Daylight"; "14:00 Central European Summer Time" CEST)
_ZONE_TAIL = lazy_re.compile(r"\s*\(?\s*(" + _WRITTEN_OUT + r"|" + ZONE_PATTERN + r")\s*\)?", re.IGNORECASE)
# what follows a place's name when the name opens the entry's sentence: a word in lower case
# ("07:10 Canary promoted to 100%", "09:00 Phoenix rollout starts"), not "time" ("09:31 Dublin time")
_SENTENCE_GOES_ON = lazy_re.compile(r"[ \t]*(?!time\b|local\b)[a-z]")
_BRACKET_AFTER = lazy_re.compile(r"[ \t]*\(([^()\n]{1,30})\)")
_US_ZONE_WORDS = frozenset(("pacific", "eastern", "central", "mountain"))
_NOUN_AFTER = lazy_re.compile(r"[ \t]*([a-z]+)\b")
# the small words after a zone's word that leave it the clock's: "14:05 Central on Monday",
# "11:00 Central now that US DST has started", "02:00 Eastern for a year"
_NOT_A_NOUN = frozenset("on for now and to until till at in by when while with as time local was is were the that "
                        "after before from or but then so through thru during we i it this today tonight yesterday "
                        "tomorrow standard daylight prevailing".split())


def _city_as_subject(text: str, z: re.Match) -> bool:
    """Is the zone after a time a place's name that starts the sentence after the time
    ("07:10 Canary promoted ...": the canary, not the Canary Islands' clock)? A name in
    brackets, or followed by "time", punctuation or the end, is the clock's zone. So is a
    US zone's word but where a noun follows it ("10:42 Central station dispatches ...":
    the station, not the clock; "14:05 Central on Monday" is the clock)."""
    word = z.group(1)
    if word.lower() in _US_ZONE_WORDS and ")" not in z.group(0) and (n := _NOUN_AFTER.match(text, z.end())) is not None \
            and n.group(1) not in _NOT_A_NOUN:
        return True
    return ")" not in z.group(0) and word[:1].isupper() and "/" not in word \
        and word.lower() not in ZONE_WORDS and word.upper() not in ABBREVIATIONS \
        and _city_zone(word) is not None and (_SENTENCE_GOES_ON.match(text, z.end()) is not None
                                              # ("8:04 Tucson (233) opens at 8": a store's name and number)
                                              or (b := _BRACKET_AFTER.match(text, z.end())) is not None
                                              and zone(b.group(1)) is None)
_MAX_PREFIX = 80


# Which date patterns can start with a digit, and which with a letter (month or weekday).
_DIGIT_FIRST = [(k, rx) for k, rx in _DATE_PATTERNS
                if k in ("ymd", "ydoy", "doy", "md", "xy", "xyy", "dm_dot", "md_slash", "md_dash", "dmy_name", "dmy_word", "dmy_word_open",
                         "dmy_word_bare", "dmy_word_dash", "dmy_word_slash", "dmy_compact", "dtg", "dmy_caps_yy")]
_ALPHA_FIRST = [(k, rx) for k, rx in _DATE_PATTERNS
                if k not in ("ymd", "ydoy", "doy", "md", "xy", "xyy", "dm_dot", "md_slash", "md_dash", "dmy_word", "dmy_word_open",
                             "dmy_word_bare", "dmy_word_dash", "dmy_word_slash", "dmy_compact", "dtg", "dmy_caps_yy")]


_CLOCK_NEXT = lazy_re.compile(r"\s+\d{1,2}:\d\d")
_HOURS_NEXT = lazy_re.compile(r"\s*(?:hrs?|hours|H|LT)\b")


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
        elif kind == "doy":
            if not 1 <= int(g["doy"]) <= 366:
                continue
            day = date(2004 if int(g["doy"]) == 366 else 2001, 1, 1) + timedelta(days=int(g["doy"]) - 1)
            y, mo, d, st.yday = None, day.month, day.day, int(g["doy"])
        elif kind == "ydoy":
            if not 1 <= int(g["doy"]) <= (366 if calendar.isleap(int(g["y"])) else 365):
                continue
            day = date(int(g["y"]), 1, 1) + timedelta(days=int(g["doy"]) - 1)
            y, mo, d = day.year, day.month, day.day
        elif kind == "md":
            y, mo, d = None, int(g["m"]), int(g["d"])
        elif kind == "dm_dot":
            y, mo, d, st.order = None, int(g["m"]), int(g["d"]), "dmy"
        elif kind == "md_slash":
            if (read := slashed_month_day(int(g["a"]), int(g["b"]), order_hint)) is None:
                if g["a"] != g["b"] or int(g["a"]) > 12:
                    continue   # (7/6 in a document that states neither order: no date)
                read = (int(g["a"]), int(g["b"]), "?")   # ("Mon 11/11 5:30 PM" reads the same both ways)
            y, (mo, d, st.order) = None, read
        elif kind == "md_dash":
            # (a document that writes 25-06-2024 writes 01-07 day first)
            y, (d, mo) = None, ((int(g["a"]), int(g["b"])) if order_hint == "dmy" else (int(g["b"]), int(g["a"])))
        elif kind in ("xy", "xyy"):
            a, b = int(g["a"]), int(g["b"])
            y = int(g["y"]) if kind == "xy" else 2000 + int(g["yy"])
            if a != b and a <= 12 and b <= 12 and order_hint not in ("mdy", "dmy") \
                    and (told := _order_by_weekday(text, pos, y, a, b)) is not None:
                # "Sun 3/10/24": of the two readings, the one on the weekday it names
                mo, d, st.order = (a, b, "mdy") if told == "mdy" else (b, a, "dmy")
            elif kind == "xyy" and a != b and a <= 12 and b <= 12 and order_hint not in ("mdy", "dmy"):
                continue  # "3/4/21" says neither which is the month nor, surely, a date
            elif a > 12 and b <= 12:
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
            mo = month(g["mon"])
            if mo is None:
                continue  # "15 items 2019"
            d = int(g["d"])
            y = int(g["y"]) if g.get("y") else (2000 + int(g["yy"]) if g.get("yy") else None)
            if y is not None and g.get("mon2") and (month(g["mon2"]) or 13) < mo:
                y -= 1   # "Dec 30 - Jan 2, 2026": the year named is the run's last day's
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        end = m.end()
        if y is not None and (y < 1000 and not _CLOCK_NEXT.match(text, end) or _HOURS_NEXT.match(text, end)):
            # "4 Sep 0700 hrs", "3 Sep 1410 hrs": the day and month, then a clock, not the
            # year 700 or 1410 ("01 Jan 0001 00:00:00" is an absurd date, a clock after it)
            if g.get("y") is None or (end := m.start("y")) <= pos:
                continue
            y, end = None, len(text[:end].rstrip(" ,"))
        st.year, st.month, st.day = y, mo, d
        if kind == "dtg":
            st.hour, st.minute, st.second, st.zone = int(g["hh"]), int(g["mm"]), 0, ZONE_UTC
        return end
    return None


# a Japanese or Korean clock in its own signs, any digits: "9時5分", "20시 52분",
# "21時30分30秒" (the hour sign alone, "2時間" or "3시간", is a duration and no clock)
_CJK_CLOCK = lazy_re.compile(r"(?P<h>\d{1,2})\s?[時시]\s?(?P<mi>\d{1,2})\s?[分분](?:\s?(?P<s>\d{1,2})\s?[秒초])?")


# "Noon — on-sale opens", "Midnight — reconciliation 60% through": a clock's hour in words
_NOON_MIDNIGHT = lazy_re.compile(r"(noon|midday|midnight)(?![\w-])", re.I)


def _match_time(text: str, pos: int, st: Stamp) -> int | None:
    if text[pos:pos + 1] in ("n", "N", "m", "M") and (w := _NOON_MIDNIGHT.match(text, pos)):
        st.hour, st.minute, st.second = (0 if w.group(1).lower() == "midnight" else 12), 0, 0
        return w.end()
    if ("時" in text[pos + 1:pos + 4] or "시" in text[pos + 1:pos + 4]) and (c := _CJK_CLOCK.match(text, pos)):
        h, mi, s = int(c.group("h")), int(c.group("mi")), int(c.group("s") or 0)
        if h <= 23 and mi <= 59 and s <= 59:
            st.hour, st.minute, st.second = h, mi, s
            return c.end()
    m = _TIME.match(text, pos)
    if m is None:
        return _match_compact_time(text, pos, st)
    hh, sep, mm, ss, ampm, ap = m.group("h", "sep", "mi", "s", "ampm", "ap")
    if sep or ampm or ap:
        h = int(hh)
        mi = int(mm or 0)
        s = int(ss or 0)
        ampm = (ampm or ap or "").lower()
        if sep == "." and not ampm and (text[m.end():m.end() + 1].isdigit() or (
                text[m.end():m.end() + 1] == "." and text[m.end() + 1:m.end() + 2].isdigit())):
            return None   # ("8.12.0", "8.14.1": a version's numbers, not a clock)
        if ampm:
            if not 1 <= h <= 12:
                return None
            h = (h % 12) + (12 if ampm == "p" else 0)
        if h > 23 or mi > 59 or s > 59:
            return None
        st.hour, st.minute, st.second = h, mi, s
        return m.end()
    return _match_compact_time(text, pos, st)


def _match_compact_time(text: str, pos: int, st: Stamp) -> int | None:
    """A 24-hour clock of four digits: "0941 UTC", or "1625" after a date."""
    m = _TIME_COMPACT.match(text, pos)
    if m is None and st.has_date:
        m = _TIME_COMPACT_AFTER_DATE.match(text, pos)  # "2022-02-02 1625: ..."
    if m:
        st.hour, st.minute, st.second = int(m.group("h")), int(m.group("mi")), 0
        return m.end()
    return None


_OTHER_WEEKDAY = lazy_re.compile(r"(?:" + "|".join(_OTHER_WEEKDAYS) + r")(?:-feira)?\.?,?\s+(?:(?:den|le|el|de|der)\s+)?(?=\d)",
                            re.IGNORECASE)
_OTHER_STARTS = frozenset(w[:3] for w in _OTHER_WEEKDAYS)
_WEEKDAY_DOTTED_DAY = lazy_re.compile(r"(0?[1-9]|[12]\d|3[01])\.(0?[1-9]|1[0-2])\.(?=\s*$|\s*[—–:,-])")
_EN_WEEKDAY_DIGITS = lazy_re.compile(_WEEKDAY[:-1] + r"(?=\d)", re.IGNORECASE)   # (_WEEKDAY, required)
# the first three letters of every month and weekday name
_WORD_STARTS = frozenset("jan feb mar apr may jun jul aug sep oct nov dec mon tue wed thu fri sat sun noo mid".split())


_WITH_SECONDS = lazy_re.compile(r":\d\d:\d\d$")
# a UTC offset after a clock: its sign against the hours, a whole, half or three-quarter
# hour up to 14, and nothing of a clock after it
_SPACED_OFFSET = lazy_re.compile(r" ?([+-](?:0\d|1[0-4]):?(?:00|30|45))(?![\w:]|\.\d|\s*[-–—]\s*\d)")
# (a lowercase "z" glued to the minutes is Zulu too, as ops logs write it: "16:00z")
# (Zulu before an entry's colon too: "0514Z: vpn-a drained")
_ISO_ZONE = lazy_re.compile(r"(?:[Zz](?![^\W_]|:\S)|([+-]\d{2}:?\d{2})(?![\w:]))")
_FRACTION = lazy_re.compile(r"[.,]\d{1,9}(?=[Zz](?![\w:])|[+-]\d{2}:?\d{2}(?![\w:]))")


# the half of the day written before a clock, as Korean, Japanese and Chinese write it
_CJK_MERIDIEM = lazy_re.compile(r"(오전|오후|午前|午後|上午|下午)\s?")
_CJK_MERIDIEM_FIRST = frozenset("오午上下")
_AFTERNOON = frozenset(("오후", "午後", "下午"))


def _in_half(st: Stamp, meridiem: str | None) -> Stamp:
    """``st`` with its hour on the 24-hour clock, when a half of the day was written before
    it ("오후 3:10" is 15:10; "오전 12:05" is 00:05)."""
    if meridiem is not None and st.hour is not None and st.hour <= 12:
        st.hour = (st.hour % 12) + (12 if meridiem in _AFTERNOON else 0)
    return st


_DOTTED_DAY_THEN_CLOCK = lazy_re.compile(r"(\d{1,2})\.(\d{1,2})\.?(?=,?\s{1,3}\d{1,2}:\d\d(?!\d))")
# a German weekday's two letters before a day and month with their dots: "Mi 05.03., 09:00"
_SHORT_DE_WEEKDAYS = frozenset("Mo Di Mi Do Fr Sa So".split())
_SHORT_DE_WEEKDAY = lazy_re.compile(r"[A-Z][a-z]\.?,?\s+(?=\d{1,2}\.\d{1,2}\.)")
# ... or German's and Dutch's two letters, in either case, before a day and a month's word:
# "wo 18 sep 08:30", "di 17 sep", "Mi 18 Sep" (the month's word right after the day, so "so 18
# of them" is none)
_SHORT_WEEKDAYS_NL_DE = frozenset("mo di mi do fr sa so ma wo vr za zo".split())
_SHORT_WEEKDAY_DAY_MONTH = lazy_re.compile(r"[A-Za-z]{2}\.?,?\s+(?=\d{1,2}\.?\s+(?:jan|feb|m[aä]r|mrt|apr|ma[iy]|mei|jun|jul|aug|sep|o[ck]t|nov|de[cz])[a-zä]*\.?(?![a-z]))", re.I)
# "Sat 20/04, 2358 — possession granted": after a weekday, a day and month with a slash,
# then four digits before the entry's separator, a 24-hour clock (the weekday makes the pair
# a day; without it "3/4 2024 — " could as well be a fraction and a year) or ending a table's
# cell ("| Thu 15/02 1420 | MOS applied ... |"; not "Fri 15/02 2024", a year's digits there)
# ... or alone after its weekday, a day's line in a log: "Tue 3/12"
_WEEKDAY_SLASHED_ALONE = lazy_re.compile(r"(\d{1,2})/(\d{1,2})(?=\s*$)")
_WEEKDAY_SLASHED_COMPACT = lazy_re.compile(r"(\d{1,2})/(\d{1,2}),?\s{1,3}(?=(?:[01]\d|2[0-3])[0-5]\d\s*[:\-–—]\s"
                                           r"|(?!20[0-3]\d\s*$)(?:[01]\d|2[0-3])[0-5]\d\s*$)")


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
    limit = pos + _MAX_PREFIX
    if pos >= len(text):
        return None
    first = text[pos]
    meridiem = None
    if not first.isdigit() and first in _CJK_MERIDIEM_FIRST and (mm := _CJK_MERIDIEM.match(text, pos)):
        meridiem, pos = mm.group(1), mm.end()   # "오전 6:00", "午後3:10": the half of the day before the clock
        if pos >= len(text) or not text[pos].isdigit():
            return None
        first = text[pos]
    weekday_first = False
    if first.isalpha() and text[pos:pos + 3].lower() in _OTHER_STARTS and (w := _OTHER_WEEKDAY.match(text, pos)):
        pos, first = w.end(), text[w.end()]   # "Dienstag, 5. März 2024", "mardi 5 mars 2024"
        weekday_first = True
    if first.isalpha() and text[pos:pos + 2] in _SHORT_DE_WEEKDAYS and (w := _SHORT_DE_WEEKDAY.match(text, pos)):
        pos, first = w.end(), text[w.end()]   # "[Mi 05.03., 09:00]", "Di 04.03."
        weekday_first = True
    elif first.isalpha() and text[pos:pos + 2].lower() in _SHORT_WEEKDAYS_NL_DE and not text[pos + 2:pos + 3].isalpha() \
            and (w := _SHORT_WEEKDAY_DAY_MONTH.match(text, pos)):
        pos, first = w.end(), text[w.end()]   # "wo 18 sep 08:30", "di 17 sep"
        weekday_first = True
    if not first.isdigit() and (not first.isalpha() or text[pos:pos + 3].lower() not in _WORD_STARTS):
        return None  # a word that is no month or weekday: no stamp here (most text)
    st = Stamp()
    end = _match_date(text, pos, order_hint, st)
    if end is None and first.isalpha() and (w := _EN_WEEKDAY_DIGITS.match(text, pos)):
        # "Mon 11/6, 2:05 PM", "Wed 2024-03-06 14:00": a weekday before a date in numbers
        pos, first = w.end(), text[w.end()]
        end = _match_date(text, pos, order_hint, st)
        weekday_first = True
    if end is None and first.isdigit() and (dm := _DOTTED_DAY_THEN_CLOCK.match(text, pos)) is not None \
            and 1 <= int(dm.group(1)) <= 31 and 1 <= int(dm.group(2)) <= 12:
        # "21.01, 10:30": a day and month with a dot between, then the clock (the dotted
        # pair is the day, not the clock 21:01)
        st.day, st.month, end = int(dm.group(1)), int(dm.group(2)), dm.end()
    if end is None and weekday_first and text[pos:pos + 3].find("/") > 0 \
            and (dm := _WEEKDAY_SLASHED_COMPACT.match(text, pos)) is not None \
            and (read := slashed_month_day(int(dm.group(1)), int(dm.group(2)), order_hint)) is not None:
        (st.month, st.day, st.order), end = read, dm.end()
        end = _match_compact_time(text, end, st) or end
    if end is None and weekday_first and text[pos:pos + 3].find("/") > 0 \
            and (dm := _WEEKDAY_SLASHED_ALONE.match(text, pos)) is not None \
            and (read := slashed_month_day(int(dm.group(1)), int(dm.group(2)), order_hint)) is not None:
        (st.month, st.day, st.order), end = read, dm.end()
    if end is None and weekday_first and (dm := _WEEKDAY_DOTTED_DAY.match(text, pos)) is not None:
        # "### Saturday 08.02.", "### Samstag 15.03.": a weekday, then a day and month each
        # with its dot (a German-style day, not the clock 8:02)
        st.day, st.month, end = int(dm.group(1)), int(dm.group(2)), dm.end()
    if end is not None:
        if end == len(text):
            st.end = end   # a date ending the text ("Nov 23"): no time, zone or range can follow
            return st
        gap = _GAP.match(text, end)
        after = gap.end() if gap else end
        if after < len(text) and text[after] in _CJK_MERIDIEM_FIRST and (mm := _CJK_MERIDIEM.match(text, after)):
            meridiem, after = mm.group(1), mm.end()   # "2024. 8. 27.(화) 오전 10:00"
        if after < limit:
            tend = _match_time(text, after, st)
            if tend is not None:
                end = tend
    else:
        end = _match_time(text, pos, st)
        if end is None:
            return None
        if end == len(text):
            st.end = end   # a time ending the text (a table's "10:13" cell): nothing can follow
            return _in_half(st, meridiem)
        if text[end:end + 1] == "+" and text[end + 1:end + 2] in ("", " ", "\t"):
            end += 1   # "### 23:00+ UTC - job still running": from then on
        timed = end
        if end < len(text) and text[end] in "Zz" and (iz := _ISO_ZONE.match(text, end)) and not iz.group(1):
            st.zone, end = zone("UTC"), iz.end()   # "~22:15Z, 2026-08-15": Zulu, then the day
        gap = _GAP.match(text, end)
        after = gap.end() if gap else end
        # a zone may sit between the time and a trailing date ("11:10 UTC 6th Nov 2023")
        z = _ZONE_TAIL.match(text, after) if st.zone is None else None
        if z and zone(z.group(1)) and not _city_as_subject(text, z):
            st.zone = zone(z.group(1))
            g2 = _GAP.match(text, z.end())
            after = g2.end() if g2 else z.end()
        dend = _match_date(text, after, order_hint, st)
        if dend is None and text[after:after + 1] in ("(", "（") and (d2 := _match_date(text, after + 1, order_hint, Stamp())) \
                and text[d2:d2 + 1] in (")", "）"):
            # "00:45 (May 15)": the day in brackets after the time, a day after the one above it
            dend = _match_date(text, after + 1, order_hint, st) + 1
        elif dend is None and text[after:after + 1] == "(" and (bd := _BRACKETED_DAY_WORD.match(text, after)) \
                and (mo := month(bd.group(2))) is not None and 1 <= int(bd.group(1)) <= 31:
            # "00:40 (1 ene)", "23:10 (15 mai)": a day and a short month word of another
            # language, in brackets right after the time (alone, "1 ene" is too many things)
            st.day, st.month, dend = int(bd.group(1)), mo, bd.end()
        if dend is not None:
            end = dend
        elif z is not None and st.zone is not None:
            end = z.end()
        elif st.zone is None:
            end = timed
    seconds = end
    if st.zone is None and st.has_time and end < len(text) and text[end] in ".," \
            and _WITH_SECONDS.search(text, max(0, end - 6), end) and (f := _FRACTION.match(text, end)):
        end = f.end()   # "15:48:23.000Z": fractions of a second before ISO 8601's zone
    if st.zone is None and end < len(text) and text[end] in "Zz+-" and st.has_time \
            and (iz := _ISO_ZONE.match(text, end)) \
            and (not iz.group(1) or _WITH_SECONDS.search(text, max(0, seconds - 6), seconds)):
        # "2026-01-15T04:20:00Z", "04:20:00+02:00": ISO 8601's own zone, written right after
        # the time (an offset only after seconds: "09:00-10:00" is a range)
        st.zone = zone("UTC" + iz.group(1)) if iz.group(1) else zone("UTC")
        end = iz.end()
    if st.zone is None and st.has_time and end < len(text) and text[end] in " +-" \
            and (off := _SPACED_OFFSET.match(text, end)) is not None \
            and (text[end] == " " or (st.has_date and text[seconds - 6:seconds - 5] == "T")):
        # "2025-09-03 17:20 -04:00" (a space before the sign, none after), "2025-09-03T17:20-04:00"
        # (ISO 8601 without seconds): the offset of the clock before it, not a range to 04:00
        st.zone = zone("UTC" + off.group(1))
        end = off.end()
    r = _RANGE_TAIL.match(text, end)
    if r:
        st.range_at = end
        end = r.end()
    if st.zone is None:
        z = _ZONE_TAIL.match(text, end)
        if z and not _city_as_subject(text, z):
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
    return _in_half(st, meridiem)


# clocks written in words: "ten past three in the afternoon", "quarter to five", "half
# past nine at night", "four o'clock", "around noon", "since midday"
_HOUR_WORDS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve".split(), 1)}
_MINUTE_WORDS = {"five": 5, "ten": 10, "quarter": 15, "a quarter": 15, "twenty": 20, "twenty-five": 25,
                 "twenty five": 25, "half": 30}
_HOUR_WORD = "|".join(_HOUR_WORDS)
# (the hour in figures too, as plain-English writing has it: "quarter to 4", "half past 9";
# and midnight, midday or noon opening an entry: "Midnight – the old certificate expires")
_WORDED_CLOCK = lazy_re.compile(
    r"\b(?:(?P<mins>a\s+quarter|quarter|half|twenty[\s-]five|twenty|ten|five)\s+(?P<rel>past|after|to)\s+"
    # (an hour in figures only where a clock ends: "quarter to 4 the phones ring" is, "half to 6
    # nodes" and "quarter to 1 March" are not)
    rf"(?P<hour>{_HOUR_WORD}|midnight|midday|noon|(?:1[0-2]|[1-9])(?![\d:.])(?=\s*(?:$|[,.;:–—-]|\(|[ap]\.?m\b|at\s+night"
    rf"|in\s+the\s|the\s)))|(?P<oclock>{_HOUR_WORD})\s+o['’]clock)\b"
    r"(?:\s+(?P<half>in\s+the\s+(?:morning|afternoon|evening)|at\s+night|[ap]\.?m\b\.?))?"
    r"|\b(?P<lead>at|by|around|from|since|until|till|about)\s+(?P<noon>noon|midday)\b"
    r"|^(?P<open>[\W_]*(?:about\s+|around\s+|at\s+)?)(?P<alone>midnight|midday|noon)(?=\s*(?:[–—:,-]|\(|$))", re.I)


_COUNT_FROM = lazy_re.compile(r"\b(?:from|between)\s+$", re.I)


def worded_clocks(text: str) -> str:
    """``text`` with its clocks written in words in digits ("ten past three in the
    afternoon" -> "3:10 pm", "around noon" -> "around 12:00 pm", "quarter to five" ->
    "4:45"), so the clock reader reads them as it reads "3:10 pm". A clock in words with
    no half of the day stays without one ("4:45"), as a bare "4:45" would."""
    if not ("past" in text or "clock" in text or "oon" in text or "idday" in text or "idnight" in text
            or (" to " in text or "after" in text) and ("uarter" in text or "alf" in text or "wenty" in text
                                                         or "ten " in text or "five " in text or "Ten " in text
                                                         or "Five " in text)):
        return text   # (the words every clock in words holds: most sentences hold none)

    def digits(m: re.Match) -> str:
        if m.group("noon"):
            return f"{m.group('lead')} 12:00 pm"
        if m.group("alone"):
            return f"{m.group('open')}{'0:00' if m.group('alone').lower() == 'midnight' else '12:00 pm'}"
        if m.group("oclock"):
            hour, minute = _HOUR_WORDS[m.group("oclock").lower()], 0
        else:
            said = m.group("hour").lower()
            # ("five to midnight": 23:55; "ten past midnight": 0:10; "quarter past noon": 12:15 pm)
            hour = int(said) if said.isdigit() else 24 if said == "midnight" else 12 if said in ("noon", "midday") \
                else _HOUR_WORDS[said]
            minute = _MINUTE_WORDS[" ".join(m.group("mins").lower().replace("-", " ").split())]
            if m.group("rel").lower() == "to":   # "quarter to five": 4:45
                if _COUNT_FROM.search(m.string, 0, m.start()):
                    return m.group(0)   # "scaled from ten to twelve nodes": a count, not a clock
                hour, minute = (hour - 1 if hour > 1 else 12), 60 - minute
            if said in ("midnight", "noon", "midday"):
                return f"{hour % 24}:{minute:02d}"   # (a 24-hour clock: the half of the day is said)
        half = (m.group("half") or "").lower()
        # ("at night" is the evening's, five to eleven; the small hours', "ten past 1 at night")
        night = "night" in half and not (hour == 12 or hour <= 4)
        suffix = " pm" if ("afternoon" in half or "evening" in half or night or half.startswith("p")) \
            else " am" if ("morning" in half or half.startswith("a") or "night" in half) else ""
        return f"{hour}:{minute:02d}{suffix}"

    return _WORDED_CLOCK.sub(digits, text)


_WEEKDAY_INDEX = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}


def weekday(name: str) -> int | None:
    """The weekday an English name or its abbreviation names, Monday 0 ("Tue", "thursday"), else None."""
    return _WEEKDAY_INDEX.get(name[:3].lower())


def day_of_month(weekday: str, nth: int, near: date) -> date | None:
    """The day a weekday and a day of the month name without their month ("Wed 14th",
    "Friday the 13th"): that day of the month within twenty days of ``near`` (this month's,
    the next's or the last's) whose weekday agrees; None when none does (a weekday that
    disagrees is no date)."""
    for step in (0, 1, -1):
        month = (near.month - 1 + step) % 12 + 1
        year = near.year + (near.month - 1 + step) // 12
        try:
            d = date(year, month, nth)
        except ValueError:
            continue
        if abs((d - near).days) <= 20 and d.strftime("%a").lower() == weekday.lower()[:3]:
            return d
    return None


def year_near(month: int, day: int, near: date) -> int:
    """The year that puts a month and day written without one nearest to ``near`` (the
    day in force): "1月1日" after 2023-12-31 is 2024's, "Dec 30" before 2024-01-02 is
    2023's."""
    best = near.year
    gap = None
    for year in (near.year - 1, near.year, near.year + 1):
        try:
            d = abs((date(year, month, day) - near).days)
        except ValueError:   # (29 February)
            continue
        if gap is None or d < gap:
            best, gap = year, d
    return best


def stamp_datetime(st: Stamp, default_date: date | None, default_zone: Zone | None) -> datetime | None:
    """Combine a Stamp with the date and zone in force; None when no date can be had. A
    date written without its year takes the one nearest the date in force."""
    if st.yday is not None and st.year is None and default_date is not None:
        day = date(default_date.year, 1, 1) + timedelta(days=st.yday - 1)   # "047/03:06:55" in the incident's year
    elif st.has_date:
        year = st.year if st.year is not None else (
            year_near(st.month, st.day, default_date) if default_date else None)
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
    z = st.zone or default_zone or ZONE_UTC
    try:
        if z.tz is None:
            # a fixed offset (most zones, UTC itself): the UTC datetime built at once, as
            # Zone.to_utc would give it (a naive one with its tzinfo replaced costs 2.5x)
            at = datetime(day.year, day.month, day.day, st.hour or 0, st.minute or 0, st.second or 0, tzinfo=UTC)
            return at - z._offset if z._offset is not None else at
        return z.to_utc(datetime(day.year, day.month, day.day, st.hour or 0, st.minute or 0, st.second or 0))
    except OverflowError:
        return None   # "0001-01-01T00:00:00+14:00": before the first day a datetime can hold


# where a date can begin: a digit, or a weekday / month name, at a word start (or
# straight after a CJK character: "于2023年9月27日")
# the English weekday and month stems a date may open with ("Tue, March 4"), for the
# patterns that only look ahead for one (the words themselves are read by MONTHS)
WEEKDAY_STEMS = "mon|tue|wed|thu|fri|sat|sun"
MONTH_STEMS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
# English months and weekdays, whole or cut short ("Jun", "Sept", "Thurs")
_CALENDAR_WORDS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october "
    "nov november dec december mon monday tue tues tuesday wed wednesday thu thur thurs thursday fri friday sat "
    "saturday sun sunday".split())


def calendar_word(word: str) -> bool:
    """Whether a word is an English month or weekday, whole or cut short ("Jun.",
    "Tues"; not "Marisol", which opens like March)."""
    return word.lower().rstrip(".") in _CALENDAR_WORDS


# (the lookahead first, on the first letters of the stems: the lookbehinds are then tried
# only where a date can start, 1.4x faster over a document)
_DATE_START = lazy_re.compile(r"(?=[\dadfjmnostw])(?:(?<![\w])|(?<=[\u3000-\u9fff\uac00-\ud7af]))(?:\d|(?:"
                         + WEEKDAY_STEMS + "|" + MONTH_STEMS + "))", re.IGNORECASE)


def first_timed_stamp(text: str, order_hint: str | None = None, limit: int = 200) -> Stamp | None:
    """The first stamp with a clock time that starts where a date or a number can
    within ``text[:limit]`` ("Community reported outage about 8am April 14, 2026 (PT)",
    "Closed April 14, 2026 at 10am PT")."""
    for m in _DATE_START.finditer(text, 0, limit):
        st = read_stamp(text, order_hint, start=m.start())
        if st is not None and st.has_time:
            return st
    return None


def date_at(text: str, pos: int, order_hint: str | None = None, year: int | None = None) -> date | None:
    """The full date that starts exactly at ``pos`` (one without a year takes ``year``,
    when given), else None."""
    st = Stamp()
    if _match_date(text, pos, order_hint, st) is None or (st.year is None and year is None):
        return None
    try:
        d = date(st.year if st.year is not None else year, st.month, st.day)
    except ValueError:
        return None
    return d if plausible(d) else None


def find_date(text: str, order_hint: str | None = None) -> date | None:
    """The first full date (with a year) anywhere in ``text``."""
    return next((d for _, d in _dates(text, order_hint)), None)


def dates_in(text: str, order_hint: str | None = None) -> list[tuple[int, date]]:
    """Every full date in ``text`` with where it starts, in order (one pass)."""
    return list(_dates(text, order_hint))


# what joins the two days of a range: "8. Januar - 30. Januar 2026", "Jan 8 to Jan 30, 2026"
_DAYS_JOINED = lazy_re.compile(r"\s*(?:-|–|—|to|until|through|bis|au|al|a|tot)\s*\Z", re.I)


# a "key=value" parameter, its key in lower case, digits and underscores: "ds=2026-05-10" (a
# data partition), "run_date=2026-03-04" (a job's argument)
_PARAMETER = lazy_re.compile(r"(?<![\w-])[a-z][a-z0-9_]{0,30}=\S+")


def without_parameters(text: str) -> str:
    """``text`` with each "key=value" parameter blanked out, its length kept: a parameter's
    value names a partition or an argument, not a day the text speaks of."""
    return _PARAMETER.sub(lambda m: " " * len(m.group(0)), text) if "=" in text else text


def _dates(text: str, order_hint: str | None):
    open_day = None   # (where, month, day, end) of the last date read without a year
    text = without_parameters(text)
    for m in _DATE_START.finditer(text):
        st = Stamp()
        end = _match_date(text, m.start(), order_hint, st)
        if end is None or not st.has_date:
            continue
        if st.year is None:
            open_day = (m.start(), st.month, st.day, end)
            continue
        if m.start() and text[m.start() - 1] in "-_v" and text[m.start() + 4:m.start() + 5] == "." \
                and (m.start() < 2 or text[m.start() - 2].isalnum() or text[m.start() - 1] == "v"):
            continue   # ("gw-2025.03.1", "v2025.03.1": a calendar version in a name, not a day)
        try:
            d = date(st.year, st.month, st.day)
        except ValueError:
            continue
        if not plausible(d):
            continue
        if open_day is not None and _DAYS_JOINED.match(text, open_day[3], m.start()):
            # a range whose first day leaves its year to the second: it starts on that
            # day, in that year (the year before, when it would fall after the second)
            with contextlib.suppress(ValueError):
                start = date(d.year, open_day[1], open_day[2])
                yield open_day[0], start if start <= d else date(d.year - 1, open_day[1], open_day[2])
        open_day = None
        yield m.start(), d


def date_just_before(text: str, at: int, order_hint: str | None = None, year: int | None = None) -> date | None:
    """The full date that ends right before ``at`` ("September 3, 2025 07:30": the date
    before its clock), only spaces, a comma or "at" between; else None. With ``year``, a
    date written without one ("on 13 September at 11:00") takes it."""
    lo = max(0, at - 40)
    if _DATE_MARK.search(text, lo, at) is None:
        return None   # (no letter, slash, dot or hyphen there: clocks and digits alone, "10:00 10:00 ...")
    for m in _DATE_START.finditer(text, lo, at):
        st = Stamp()
        end = _match_date(text, m.start(), order_hint, st)
        if end is None or (st.year is None and year is None) or end > at or not _DATE_TO_CLOCK.fullmatch(text, end, at):
            continue
        try:
            d = date(st.year or year, st.month, st.day)
        except ValueError:
            continue
        return d if plausible(d) else None
    return None


_DATE_TO_CLOCK = lazy_re.compile(r"[\s,]*(?:at\s+)?")
# what any written date holds beside its digits: a month's letters, a slash, a dot, a hyphen, 年
_DATE_MARK = lazy_re.compile(r"[^\W\d_]|[/.\-]")


_WEEKDAY_BEFORE = lazy_re.compile(r"\b(mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+$", re.I)


def _order_by_weekday(text: str, pos: int, y: int, a: int, b: int) -> str | None:
    """"mdy" or "dmy" for a day written "a/b/y" that reads both ways, when the weekday
    written right before it ("Sun 3/10/24") falls on one reading's day only; else None."""
    if (w := _WEEKDAY_BEFORE.search(text, max(0, pos - 12), pos)) is None:
        return None
    want = weekday(w.group(1))
    fits = []
    for order, (mo, d) in (("mdy", (a, b)), ("dmy", (b, a))):
        try:
            if date(y, mo, d).weekday() == want:
                fits.append(order)
        except ValueError:
            pass
    return fits[0] if len(fits) == 1 else None


def slashed_month_day(a: int, b: int, order_hint: str | None) -> tuple[int, int, str] | None:
    """(month, day, order) for "a/b" without a year: the one order its numbers allow
    (13/6 is day first, 6/13 month first), else the document's order; "7/6" in a
    document that states neither is no date."""
    if a > 12 and b <= 12 or (b <= 12 and a <= 12 and order_hint == "dmy"):
        return b, a, "dmy"
    if b > 12 and a <= 12 or (a <= 12 and order_hint == "mdy"):
        return a, b, "mdy"
    return None


# a day and month in numbers, "3/6", "13/6"
SLASHED_DAY = lazy_re.compile(r"(\d{1,2})/(\d{1,2})")
_DOTTED_DAY = lazy_re.compile(r"(\d{1,2})\.(\d{1,2})\.")
_DOTTED_DUE = lazy_re.compile(r"(\d{1,2})\.(\d{2})")


# a facility's day of the year as a due date: "DOY 190", "DOY 190 (8 Jul)"
_DOY_DUE = lazy_re.compile(r"DOY\s?(\d{1,3})(?!\d)", re.I)
# "end of April", "the end of March 2025": a month's last day, as a due date
_MONTH_END = lazy_re.compile(r"(?:the\s+)?end\s+of\s+([a-z]{3,9})\.?(?:\s+(\d{4}))?", re.I)


def _month_end(m: re.Match, incident: date | None) -> date | None:
    """The last day of the month "end of <month> [year]" names: in its year, else the
    incident's, or the next when that month has passed before the incident."""
    month = MONTHS.get(m.group(1).lower())
    if month is None or (m.group(2) is None and incident is None):
        return None
    year = int(m.group(2)) if m.group(2) else incident.year
    if m.group(2) is None and month < incident.month:
        year += 1
    last = date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return last if plausible(last) else None


def _after_incident(month: int, day: int, incident: date) -> date | None:
    """The day a month and a day name in the incident's year, when it falls on or after
    the incident (a follow-up is due after it), else None."""
    try:
        d = date(incident.year, month, day)
    except ValueError:
        return None
    return d if d >= incident else None


def due_date(text: str, incident: date | None, order_hint: str | None = None) -> date | None:
    """A due date: ISO or written; without a year it takes the incident's year, or the
    next one when that would fall before the incident. A day and month in numbers that
    read both ways ("3/12") take ``order_hint`` ("mdy", "dmy") when given."""
    if (m := _MONTH_END.fullmatch(text.strip())) is not None:
        return _month_end(m, incident)
    if incident is not None and (m := _DOY_DUE.match(text.strip())) is not None and 1 <= int(m.group(1)) <= 366:
        # "DOY 190 (8 Jul)": the day of the incident's year, or the next year's when that is before it
        for year in (incident.year, incident.year + 1):
            day = date(year, 1, 1) + timedelta(days=int(m.group(1)) - 1)
            if day.year == year and day >= incident:
                return day
        return None
    if (m := _DOTTED_DAY.fullmatch(text.strip(" )];,")) or _DOTTED_DUE.fullmatch(text.strip())) \
            and 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(1)) <= 31:
        # "by 30.04.", "bis 15.05.": a German-style day and month, each with its dot (the day
        # first; not a clock, "15.05"); or a due date's whole value, "08.11" (a due is a day)
        st = Stamp()
        st.day, st.month = int(m.group(1)), int(m.group(2))
    else:
        st = read_stamp(text)
    if st is None and (m := SLASHED_DAY.fullmatch(text.strip())):
        # "due 9/27", "by 11/22": a month and a day without the year, in the one order
        # their numbers allow ("12/12" reads the same both ways; "12/05" after a November
        # incident is December's, its other reading past; "7/6" after a March one allows both)
        a, b = int(m.group(1)), int(m.group(2))
        if (read := slashed_month_day(a, b, order_hint)) is None and a == b:
            read = (a, b, "?")
        if read is None and incident is not None:
            after = [(month, day) for month, day in ((a, b), (b, a)) if _after_incident(month, day, incident)]
            read = (*after[0], "?") if len(after) == 1 else None
        if read is None:
            return None
        st = Stamp()
        st.month, st.day, _ = read
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


# --------------------------------------------------------------------------------------
# Cells: one date-time per value, as tracker and incident-tool exports write them
# (ISO, Jira's ``22/Sep/25 9:26 AM`` in several languages, JavaScript
# ``Date.toString()``, US and European numeric dates, epoch seconds). A zone word is
# looked up in the one table above, so ``10:00 IST`` means the same here as in a
# postmortem.


_TAIL = lazy_re.compile(
    r"""^(?:[T\s,]+(?:at\s+|um\s+|a\s+las\s+|as\s+|a\s+|\u00e0\s+)?
        (\d{1,2})[:h](\d{2})(?::(\d{2})(?:[.,]\d+)?)?)?
        \s*(a\.?\s?m\.?|p\.?\s?m\.?|vorm\.?|nachm\.?)?
        \s*(?:(z|utc|gmt|ut)(?![a-z])\s*)?([+-]\d{1,2}(?::?\d{2})?)?
        \s*([a-z]{2,5}|[a-z_]+/[a-z_]+(?:/[a-z_]+)?|eastern|pacific|central|mountain)?
        \s*(?:\([^)]*\))?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_WORD = r"[^\W\d_]+"
_YMD = lazy_re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_D_MON_Y = lazy_re.compile(rf"^(?:{_WORD}\.?,?\s+)?(\d{{1,2}})\.?[-/. ]\s*({_WORD})\.?[-/. ,]\s*(\d{{4}}|\d{{2}})(?!\d)")
_MON_D_Y = lazy_re.compile(rf"^(?:{_WORD}\.?,?\s+)?({_WORD})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})")
_NUMERIC = lazy_re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?!\d)")
_EPOCH = lazy_re.compile(r"^\d{10}(?:\.\d+)?$|^\d{13}$")

_PIVOT = datetime.now(UTC).year % 100 + 20


def _year(text: str) -> int:
    y = int(text)
    if len(text) <= 2:
        y += 2000 if y <= _PIVOT else 1900
    return y


def _tail(rest: str):
    """(hour, minute, second, Zone or None) from what follows a date, or None when it
    does not read as a time and zone."""
    m = _TAIL.match(rest)
    if not m:
        return None
    hh, mm, ss, ampm, _, off, abbrev = m.groups()
    h, mi, s = int(hh or 0), int(mm or 0), int(ss or 0)
    if ampm:
        letters = re.sub(r"[^a-z]", "", ampm.lower())
        pm = letters.startswith("p") or letters.startswith("n")
        if h > 12:
            return None
        h = (h % 12) + (12 if pm else 0)
    offset = None
    if off:
        sign = -1 if off[0] == "-" else 1
        digits = off[1:].replace(":", "")
        if len(digits) <= 2:
            hours, minutes = int(digits), 0
        else:
            hours, minutes = int(digits[:-2]), int(digits[-2:])
        offset = sign * (hours * 60 + minutes)
    elif m.group(5):
        offset = 0
    elif abbrev:
        z = zone(abbrev)
        if z is None:
            return None
        return h, mi, s, z
    return h, mi, s, (None if offset is None else Zone(f"UTC{offset:+d}m", offset))


@functools.lru_cache(maxsize=8192)
def parse_local(value: str, day_first: bool | None = None):
    """(naive datetime as written, Zone or None) or None when unreadable.

    ``1/2/2025`` is read month first unless ``day_first`` (see ``guess_day_first``);
    ``1.2.2025`` and ``1-2-2025`` are always day first.
    """
    s = value.strip()
    if not s:
        return None
    if _EPOCH.match(s):
        secs = float(s) / (1000 if len(s) == 13 else 1)
        return datetime.fromtimestamp(secs, UTC).replace(tzinfo=None), ZONE_UTC
    y = mo = d = None
    m = _YMD.match(s)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if m is None:
        m = _D_MON_Y.match(s)
        if m and month(m.group(2)):
            y, mo, d = _year(m.group(3)), month(m.group(2)), int(m.group(1))
        else:
            m = None
    if m is None:
        m = _MON_D_Y.match(s)
        if m and month(m.group(1)):
            y, mo, d = int(m.group(3)), month(m.group(1)), int(m.group(2))
        else:
            m = None
    if m is None:
        m = _NUMERIC.match(s)
        if m:
            a, sep, b, yy = int(m.group(1)), m.group(2), int(m.group(3)), m.group(4)
            dmy = sep != "/" or a > 12 or (bool(day_first) and b <= 12)
            d, mo = (a, b) if dmy else (b, a)
            y = _year(yy)
    if m is None:
        return None
    t = _tail(s[m.end():])
    if t is None:
        return None
    h, mi, sec, z = t
    try:
        dt = datetime(y, mo, d, h, mi, sec)
    except ValueError:
        return None
    return dt, z


def _parse(value, day_first=None):
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return value, None
        off = int(value.utcoffset().total_seconds() // 60)
        return value.replace(tzinfo=None), Zone(f"UTC{off:+d}m", off)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(int(value))
    return parse_local(str(value), day_first)


def guess_day_first(values) -> bool | None:
    """Whether the ``a/b/yyyy`` dates among ``values`` are day first (some first
    number over 12), month first (some second number over 12), or unknown (None)."""
    for v in values:
        m = _NUMERIC.match(v.strip()) if isinstance(v, str) else None
        if m and m.group(2) == "/":
            if int(m.group(1)) > 12:
                return True
            if int(m.group(3)) > 12:
                return False
    return None


def records_day_first(records, indexes, default: bool | None = None) -> bool | None:
    """``guess_day_first`` over the cells at ``indexes`` of every record."""
    idx = [i for i in indexes if i is not None]
    values = (row[i] for _, row in records for i in idx if i < len(row) and row[i])
    found = guess_day_first(values)
    return default if found is None else found


def read_time(value, day_first: bool | None = None) -> tuple[str | None, str | None]:
    """(ISO-8601 UTC string or None, problem or None) for one date-time cell.

    No zone means UTC. Empty -> (None, None); unreadable or outside 1970-2100 ->
    (None, message).
    """
    if isinstance(value, str):
        return _read_time_text(value, day_first)
    return _read_time(value, day_first)


@functools.lru_cache(maxsize=8192)
def _read_time_text(value: str, day_first):
    return _read_time(value, day_first)


def _read_time(value, day_first=None):
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    got = _parse(value, day_first)
    if got is None:
        return None, f"unreadable date '{value}'"
    dt, z = got
    if z is not None:
        try:
            dt = z.to_utc(dt).replace(tzinfo=None)
        except (OverflowError, ValueError):
            return None, f"implausible date '{value}'"
    if not plausible(dt):
        return None, f"implausible date '{value}'"
    return dt.strftime("%Y-%m-%dT%H:%M:%SZ"), None


def read_day(value, day_first: bool | None = None) -> tuple[str | None, str | None]:
    """(``YYYY-MM-DD`` as written, ignoring any time and zone, or None, problem)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    got = _parse(value, day_first)
    if got is None:
        return None, f"unreadable date '{value}'"
    dt = got[0]
    if not plausible(dt):
        return None, f"implausible date '{value}'"
    return dt.date().isoformat(), None
