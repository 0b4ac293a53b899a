"""Small formatting helpers shared by the generator and the renderers (dates in the
shapes each tool writes, durations in words, slugs, template filling)."""
from __future__ import annotations

import json
import re
import zlib
from datetime import date, datetime

from demo.scenarios import MONTHS


# --------------------------------------------------------------------------------------
# Formatting helpers
# --------------------------------------------------------------------------------------
def iso(dt: datetime) -> str:
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}Z"


def hm(dt: datetime) -> str:
    return f"{dt.hour:02d}:{dt.minute:02d}"


def ymdhm(dt: datetime) -> str:
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d} {dt.hour:02d}:{dt.minute:02d}"


def jira_dt(dt: datetime) -> str:
    h = dt.hour % 12 or 12
    return f"{dt.day:02d}/{MONTHS[dt.month - 1]}/{dt.year % 100:02d} {h}:{dt.minute:02d} {'AM' if dt.hour < 12 else 'PM'}"


def jira_date(d: date) -> str:
    return f"{d.day:02d}/{MONTHS[d.month - 1]}/{d.year % 100:02d}"


def mon_d(d: date) -> str:
    return f"{MONTHS[d.month - 1]} {d.day}"


def minutes(a: datetime, b: datetime) -> int:
    return int((b - a).total_seconds() // 60)


def dur_short(mins: int) -> str:
    if mins < 120:
        return f"{mins} min"
    h, m = divmod(mins, 60)
    return f"{h} h {m} min" if m else f"{h} h"


def dur_words(mins: int) -> str:
    if mins < 90:
        return f"{mins} minutes"
    hours = round(mins / 60)
    return f"about {hours} hours" if hours < 48 else f"about {round(hours / 24)} days"


SLUG = re.compile(r"[^a-z0-9]+")


def slug(title: str) -> str:
    s = SLUG.sub("-", title.lower()).strip("-")
    if len(s) > 60:
        s = s[:60].rsplit("-", 1)[0]
    return s or "incident"


def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


class Context(dict):
    def __missing__(self, key):          # unknown placeholder: leave it visible
        return "{" + key + "}"


def fill(tpl: str, ctx: dict) -> str:
    return tpl.format_map(ctx)


def yaml_str(s: str) -> str:
    if re.search(r"[:#\[\]{},&*!|>'\"%@`]", s) or s != s.strip():
        return json.dumps(s, ensure_ascii=False)
    return s


# Two authors rarely tell one failure in the same words. A postmortem whose author writes
# in the other voice (``voice_of``) has these words swapped in its title, summary and
# contributing factors. None is a word the taxonomy matches on, a detection phrase the
# timeline parser reads, or an impact phrase (tests/test_demo.py checks every document
# still classifies as its class).
OTHER_VOICE = {
    "customers": "users", "timeouts": "timed-out calls", "errors": "failures", "exhausted": "used up",
    "stalled": "got stuck", "malformed": "broken", "rebuilt": "regenerated", "skipped": "dropped",
    "retried": "re-ran", "increased": "went up", "alerts": "pages", "monitored": "watched",
    "automatic": "automated", "silent": "quiet", "caught up": "recovered", "rolled back": "reverted",
    "requests": "calls", "because": "since", "until": "till",
    "nobody": "no one", "after": "following",
    "expired": "lapsed", "queue": "backlog", "limit": "ceiling", "restarted": "bounced",
}
_VOICE = re.compile(r"\b(" + "|".join(sorted(map(re.escape, OTHER_VOICE), key=len, reverse=True)) + r")\b",
                    re.IGNORECASE)


def voice_of(handle: str) -> int:
    """The voice an author writes in: 0 or 1, fixed per person."""
    return zlib.crc32(handle.encode()) % 2


def in_voice(text: str, voice: int) -> str:
    """``text`` as an author of ``voice`` words it."""
    if not voice:
        return text

    def swap(m):
        word = OTHER_VOICE[m.group(0).lower()]
        return word[0].upper() + word[1:] if m.group(0)[0].isupper() else word
    return _VOICE.sub(swap, text)
