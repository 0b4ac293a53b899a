"""One postmortem while it is being parsed (``Doc``), and the readers of the values
its front matter and metadata hold: dates, timestamps, durations, lists. Shared by
document.py and timeline.py, and importing neither."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from loaders import lazy_re
from loaders import timeparse as tp
from loaders.postmortem.markdown import Section
from loaders.postmortem.vocabulary import FRONT_MATTER, meta_key
from loaders.problems import Problems

_SEP = r"\s*(?:,\s*|and\s+)?"
_DURATION = lazy_re.compile(
    r"(?:(?P<d>\d+(?:\.\d+)?)\s*d(?:ays?)?)?" + _SEP + r"(?:(?P<h>\d+(?:\.\d+)?)\s*h(?:ours?|rs?)?)?" + _SEP +
    r"(?:(?P<m>\d+(?:\.\d+)?)\s*m(?:in(?:ute)?s?)?)?" + _SEP + r"(?:(?P<s>\d+)\s*s(?:ec(?:ond)?s?)?)?", re.I)


@dataclass
class Doc:
    """Everything gathered from one document while parsing it."""

    name: str
    lines: list[str]
    front: dict
    secs: list[Section]
    kinds: dict[int, str]          # id(section) -> kind
    meta: dict[str, tuple[str, int]]  # key -> (value, line)
    problems: Problems
    zone: tp.Zone | None = None
    zone_stated: bool = False
    zoned_entries: int = 0         # timeline entries whose own time states its zone
    opening: str | None = None     # the opening prose, once read (document.py)
    order_hint: str | None = None
    stated: dict = field(default_factory=dict)  # key events stated by name in a timeline list
    text: str = ""                 # the whole document as given
    newest_first: bool = False     # its timeline runs backwards (timeline.py)
    day_sections: dict = field(default_factory=dict)  # id(section) -> the day its heading names (document.py)
    by_shape: set = field(default_factory=set)  # id(section) of timelines known by their timed items, not a heading
    # id(section) of a Resolution or Mitigation section that is its timed steps
    # ("### Résolution" over "- 11:08 : redémarrage des workers"): the response, step by step
    response_steps: set = field(default_factory=set)
    drafts: set = field(default_factory=set)   # id(section) of a tool's draft beside a person's (document.py)
    # the incident's day came from a field that times it ("**Reported**: 2026-01-17 15:51")
    dated_by_field: bool = False
    dated_by_mail: bool = False   # the date is a mail header's ("Sent:", "Date:"): the day it was written
    # the other days the byline names after its own ("*Diterbitkan Senin, 19 Agustus 2024.
    # Laporan ini membahas gangguan pada Sabtu, 17 Agustus 2024.*": the report's subject's)
    byline_days: tuple = ()
    # the first field whose key names nothing the parser knows but whose value is a day
    # alone ("**Datum incidentu:** 07.05.2025"): weak evidence of the incident's day
    unnamed_day: tuple[str, int] | None = None
    # the window field read names the impact ("Impact window"), not only a window ("Exposure window")
    window_names_impact: bool = False
    # the Date field's key names the incident ("**Date of incident:**"), not only a date
    date_names_incident: bool = False
    # the Status field's key names the write-up ("Postmortem status"), not the incident ("State")
    status_names_write_up: bool = False
    # the Status field's key names the incident ("Incident status: OPEN (ride still down at
    # handover)") and its value says the incident is not over
    incident_still_open: bool = False
    severity_by_priority: bool = False   # the severity read so far came from a Priority key (or a risk matrix's)

    by_kind: dict[str, list[Section]] | None = None
    front_named: dict | None = None   # field -> value of front-matter keys named in words (front())

    def of_kind(self, kind: str) -> list[Section]:
        if self.by_kind is None:
            self.by_kind = {}
            for s in self.secs:
                k = self.kinds.get(id(s))
                if k is not None:
                    self.by_kind.setdefault(k, []).append(s)
        return self.by_kind.get(kind, [])


# front-matter keys a status page's issue carries (cState, StatusKit): such a document is
# dated the day it was posted, and may keep its story as stamped updates
STATUS_PAGE_KEYS = ("resolved", "resolvedwhen", "affected", "affectedsystems")


def status_issue(doc: Doc) -> bool:
    """Is ``doc`` a status page's issue (its front matter names what it affected or whether
    it is resolved)?"""
    return bool(doc.front) and any(k in doc.front for k in STATUS_PAGE_KEYS)


def front(doc: Doc, key: str):
    if not doc.front:
        return None   # (most documents have no front matter: no alias to try)
    for k in FRONT_MATTER[key]:
        if k in doc.front and doc.front[k] not in (None, ""):
            return doc.front[k]
    for block in doc.front.values() if key in _NESTED_KEYS else ():
        # "pagewise:" over "  severity: P2": a tool's own block of the incident's fields, one
        # level down (not a title or a date: a docs site's "seo:" block names the page's)
        if isinstance(block, dict):
            for k in FRONT_MATTER[key]:
                if k in block and k != "priority" and block[k] not in (None, "") and not isinstance(block[k], (dict, list)):
                    return block[k]   # (not a "priority:", which orders a site's pages as well)
    if key not in _NAMED_IN_WORDS:
        return None
    if doc.front_named is None:
        doc.front_named = _named_in_words(doc.front)
    return doc.front_named.get(key)


_NESTED_KEYS = frozenset({"severity", "started", "detected", "mitigated", "resolved"})
# the fields a front-matter key may name in any of the languages a metadata line's key is
# read in ("fecha: 2024-11-29", "severidad: Alta", "estado: Borrador", "Schweregrad: S2"),
# when none of the usual keys gives it
_NAMED_IN_WORDS = frozenset({"date", "severity", "status", "started", "detected", "mitigated", "resolved",
                             "written", "reviewed"})
_ALIASES = frozenset(k for keys in FRONT_MATTER.values() for k in keys)


def _named_in_words(front_matter: dict) -> dict:
    named: dict = {}
    for k, v in front_matter.items():
        if isinstance(k, str) and k not in _ALIASES and v not in (None, "") and not isinstance(v, (dict, list)) \
                and (field := meta_key(k.replace("_", " "))) in _NAMED_IN_WORDS:
            named.setdefault(field, v)
    return named


_COUNTS = {w: n for n, w in enumerate("one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
                                      "fifteen sixteen seventeen eighteen nineteen twenty".split(), 1)}
_COUNTS.update({"a": 1, "an": 1, "thirty": 30, "forty": 40, "forty-five": 45, "fifty": 50, "sixty": 60, "ninety": 90})
# a count in words before its unit: "twelve minutes", "an hour", "forty-five mins"
_COUNT_WORD = lazy_re.compile(r"\b(" + "|".join(sorted(_COUNTS, key=len, reverse=True))
                              + r")(?=\s+(?:minutes?|mins?|hours?|hrs?|days?)\b)")


def minutes(text: str) -> float | None:
    """Minutes in a written duration: ``5 minutes``, ``1h 20m``, ``2 hours``, ``90 min``."""
    t = text.strip().lower()
    if t and not any(ch.isdigit() for ch in t) and ("min" in t or "h" in t or "day" in t) and _COUNT_WORD.search(t):
        # "twelve minutes later", "an hour": the count in words
        t = _COUNT_WORD.sub(lambda w: str(_COUNTS[w.group(1)]), t)
    if not t or not any(ch.isdigit() for ch in t):
        return None
    m = _DURATION.search(t)
    if not m or not any(m.groupdict().values()):
        return None
    d, h, mi, s = (float(m.group(k)) if m.group(k) else 0.0 for k in ("d", "h", "m", "s"))
    return d * 1440 + h * 60 + mi + s / 60


def date_value(v) -> date | None:
    if v is None:
        return None
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v if tp.plausible(v) else None
    return tp.find_date(str(v))


def datetime_value(v, doc: Doc) -> datetime | None:
    """See _datetime_value; a value so far out that converting it overflows is None."""
    try:
        return _datetime_value(v, doc)
    except (OverflowError, ValueError):
        return None


# (compiled once: this reads every time field of every document)
_CLOCKED = lazy_re.compile(r"\d[T ]\d")   # a date with a clock after it
_ZONED = lazy_re.compile(r"(Z|[+-]\d\d:?\d\d|UTC|GMT)\s*$", re.I)   # ... and a zone at its end


def _datetime_value(v, doc: Doc) -> datetime | None:
    """A front-matter or metadata timestamp: ISO with zone, else read in the doc's zone.
    A date without a time gives None (only the date is known)."""
    if v is None:
        return None
    if isinstance(v, datetime):
        dt = v if v.tzinfo else (doc.zone or tp.ZONE_UTC).to_utc(v)
        return dt if tp.plausible(dt) else None
    if isinstance(v, date):
        return None
    s = str(v).strip()
    dt = tp.parse_iso(s)
    if dt is not None and _CLOCKED.search(s):
        if not _ZONED.search(s) and doc.zone is not None:
            dt = doc.zone.to_utc(dt.replace(tzinfo=None))
        return dt if tp.plausible(dt) else None
    st = tp.read_stamp(s, doc.order_hint)
    if st is None or not st.has_time or not st.has_date or st.year is None:
        return None
    dt = tp.stamp_datetime(st, None, doc.zone)
    return dt if dt and tp.plausible(dt) else None


def list_value(v) -> list[str]:
    if v is None:
        return []
    if isinstance(v, (list, tuple)):
        return [str(x).strip() for x in v if str(x).strip()]
    return split_list(str(v))


_LIST_SEP = lazy_re.compile(r"[,;]|\band\b")


def split_list(s: str) -> list[str]:
    return [p.strip(" `'\"") for p in _LIST_SEP.split(s or "") if p.strip(" `'\"")]
