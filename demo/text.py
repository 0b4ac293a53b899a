"""Small formatting helpers shared by the generator and the renderers (dates in the
shapes each tool writes, durations in words, slugs, template filling)."""
from __future__ import annotations

import json
import re
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
