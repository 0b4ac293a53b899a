"""The records every export format returns (docs/PARSE_CONTRACT.md): a tracker export's
tickets and an incident export's incidents, and the readers of their common fields."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from loaders import severity as severities
from loaders.formats.tabular import dedupe, guarded
from loaders.problems import error
from loaders.timeparse import read_time


def ticket(key, title, status, category, assignee=None, created_at=None,
           resolved_at=None, due=None, labels=(), url=None, **extra) -> dict:
    """One ticket as docs/PARSE_CONTRACT.md shapes it; ``extra`` keys ride along."""
    out = {
        "key": key, "title": title or "", "status": status or "",
        "status_category": category, "assignee": assignee or None,
        "created_at": created_at, "resolved_at": resolved_at, "due": due,
        "labels": list(labels or []), "url": url or None,
    }
    out.update(extra)
    return out


def tracker_result(source: str, tickets: list, problems: list) -> dict:
    return {"kind": "tracker_export", "source": source, "tickets": tickets,
            "problems": problems}


TIME_FIELDS = ("started_at", "detected_at", "acknowledged_at", "mitigated_at",
               "resolved_at")


def incident(id, title=None, severity=None, services=(), **fields) -> dict:
    """One incident as docs/PARSE_CONTRACT.md shapes it; unknown times are None, extras
    ride along. ``severity_level`` is read from the severity as written by
    loaders.severity, as a postmortem's is."""
    out = {"id": str(id), "title": title or None, "severity": severity or None,
           "severity_level": severities.level(severity)}
    for f in TIME_FIELDS:
        out[f] = fields.pop(f, None)
    out["services"] = dedupe(s for s in services if s)
    out.update(fields)
    return out


def incident_result(source: str, incidents: list, problems: list) -> dict:
    return {"kind": "incident_export", "source": source, "incidents": incidents,
            "problems": problems}


def read_text(value, *keys) -> str | None:
    """A plain value or the first present key of an object (``{"summary": ...}``)."""
    if value is None:
        return None
    if isinstance(value, dict):
        for k in keys:
            if value.get(k) not in (None, ""):
                return str(value[k])
        return None
    s = str(value).strip()
    return s or None


def read_time_field(value, what: str, problems: list, line=None, day_first=None) -> str | None:
    iso, bad = read_time(value, day_first)
    if bad:
        problems.append(error(line, f"{what}: {bad}"))
    return iso


def plus_seconds(iso: str | None, seconds: str) -> str | None:
    """``iso`` + a number of seconds, or None when either is missing / not a number."""
    try:
        secs = float(seconds)
    except (TypeError, ValueError):
        return None
    if iso is None:
        return None
    start = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return (start + timedelta(seconds=secs)).strftime("%Y-%m-%dT%H:%M:%SZ")


def find_incidents(doc, is_incident) -> list:
    """Incident objects in a page ({"incidents": [...]}), a single {"incident": ...},
    a bare incident, or a list of any of those (several pages saved together)."""
    if isinstance(doc, dict):
        if isinstance(doc.get("incidents"), list):
            return [i for i in doc["incidents"] if is_incident(i)]
        if is_incident(doc.get("incident")):
            return [doc["incident"]]
        return [doc] if is_incident(doc) else []
    out = []
    if isinstance(doc, list):
        for item in doc:
            out.extend(find_incidents(item, is_incident))
    return out


def is_incident_page(doc, is_incident, page_keys: set[str]) -> bool:
    """Whether ``doc`` holds incidents ``is_incident`` recognises, or is an empty page
    of the same API (``{"incidents": [], ...page_keys}``)."""
    if find_incidents(doc, is_incident):
        return True
    return isinstance(doc, dict) and doc.get("incidents") == [] and page_keys <= set(doc)


def read_incidents(source: str, objects, ident_of, read_one) -> dict:
    """The incident_export result of a JSON tool's incident objects: each needs an id
    (``ident_of(obj)``; none is a problem), a repeated id keeps its first object, and
    ``read_one(ident, obj, problems)`` reads one (an object it cannot read is a problem,
    the others still load). A repeated id is a problem too, as a CSV's repeated key is
    (and as it is when the export is read a chunk at a time: loaders/chunks.py)."""
    incidents, problems, ids = [], [], set()
    for n, obj in enumerate(objects):
        ident = ident_of(obj)
        if not ident:
            problems.append(error(None, f"incident {n + 1} has no id"))
            continue
        if ident in ids:
            problems.append(error(None, f"duplicate incident id {ident}; row skipped"))
            continue
        ids.add(ident)
        one = guarded(lambda: read_one(ident, obj, problems), f"incident {ident}", problems)
        if one is not None:
            incidents.append(one)
    return incident_result(source, incidents, problems)
