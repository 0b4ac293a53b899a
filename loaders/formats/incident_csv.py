"""Incident CSVs: which column holds which incident field (spelt any common way:
``Started At``, ``started_at``, ``Detected Time (UTC)``...), and reading the rows.
Shared by the PagerDuty, FireHydrant and mapped incident CSV formats."""
from __future__ import annotations

from loaders.formats.shapes import incident, incident_result, plus_seconds, read_time_field
from loaders.formats.tabular import cell, keyed_rows, read_csv, split_list
from loaders.problems import error
from loaders.statuses import normalize
from loaders.timeparse import records_day_first

_SUFFIXES = {"at", "on", "time", "timestamp", "date", "datetime", "utc", "gmt", "ts"}


_PREFIXES = {"incident", "milestone", "milestones"}


def stem(name: str) -> str:
    """A column name reduced to what it is about: ``Started At (UTC)`` -> ``started``,
    ``incident_number`` -> ``number``, ``service.summary`` -> ``service summary``."""
    words = normalize(name).split()
    full = list(words)
    while words and words[-1] in _SUFFIXES:
        words.pop()
    while len(words) > 1 and words[0] in _PREFIXES:
        words.pop(0)
    return " ".join(words or full)


def roles(*names: str) -> frozenset[str]:
    return frozenset(stem(n) for n in names)


ROLES = {
    "number": roles("number", "#", "incident #", "no", "num", "incident number"),
    "id": roles("id", "incident id", "uuid"),
    "title": roles("title", "name", "summary", "description", "incident",
                    "incident name", "incident title"),
    "severity": roles("severity", "sev", "severity name", "severity level",
                       "severity summary"),
    "priority": roles("priority", "priority summary", "priority name"),
    "urgency": roles("urgency"),
    "status": roles("status", "state", "current milestone", "incident status",
                     "status name"),
    "created": roles("created", "created at", "opened", "triggered", "declared"),
    "started": roles("started", "start", "impact started", "impact start",
                      "impact began", "began", "start time", "customer impact started"),
    "detected": roles("detected", "detection", "reported", "first detected",
                       "alerted"),
    "acknowledged": roles("acknowledged", "first acknowledged", "ack", "first ack",
                           "acknowledgements 0", "acknowledgements",
                           "acknowledgement", "first acknowledgement", "accepted"),
    "mitigated": roles("mitigated", "mitigation", "stabilized", "stabilised",
                        "fixed"),
    "resolved": roles("resolved", "ended", "end", "end time"),
    "closed": roles("closed"),
    "last_change": roles("last status change", "last status change at"),
    "secs_ack": roles("seconds to first ack", "seconds to ack",
                       "seconds to first acknowledgement"),
    "secs_resolve": roles("seconds to resolve", "seconds to resolution"),
    "services": roles("services", "service", "service summary", "service name",
                       "impacted services", "affected services", "services impacted",
                       "impacted service", "affected service", "impacted components",
                       "components"),
    "url": roles("url", "html url", "link", "permalink"),
}


MILESTONES = ("started", "detected", "acknowledged", "mitigated", "resolved")


def find_columns(header: list[str]) -> dict:
    """{role: index} for an incident CSV header (first column that fits each role)."""
    cols: dict = {}
    for i, h in enumerate(header):
        s = stem(h)
        for role, names in ROLES.items():
            if s in names and role not in cols:
                cols[role] = i
    return cols


TIME_ROLES = ("created", "started", "detected", "acknowledged", "mitigated", "resolved",
               "closed", "last_change")


def read_incident_csv(text: str, source: str, cols: dict | None = None) -> dict:
    """Rows of an incident CSV -> incident_export result, columns by role."""
    header, records, problems = read_csv(text)
    cols = find_columns(header) if cols is None else cols
    if "number" not in cols and "id" not in cols:
        problems.append(error(1, "no incident id / number column"))
        return incident_result(source, [], problems)
    cols = dict(cols)
    cols["day_first"] = records_day_first(records, [cols.get(r) for r in TIME_ROLES])
    incidents = [_read_incident_row(ident, row, line, cols, problems) for line, row, ident in
                 keyed_rows(records, len(header), lambda r: _incident_id(r, cols), problems,
                            "incident id")]
    return incident_result(source, incidents, problems)


def _incident_id(row, cols) -> str:
    return cell(row, cols.get("number")) or cell(row, cols.get("id"))


def _read_incident_row(ident, row, line, cols, problems) -> dict:
    get = {role: cell(row, i) for role, i in cols.items() if role != "day_first"}
    t = {role: read_time_field(get.get(role), f"incident {ident}: {role}", problems, line,
                     cols.get("day_first"))
         for role in TIME_ROLES}
    status = get.get("status") or None
    resolved = t["resolved"] or t["closed"]
    if resolved is None and normalize(status) in ("resolved", "closed"):
        resolved = t["last_change"]
    extra = {k: get[k] for k in ("status", "urgency", "priority", "url") if get.get(k)}
    if get.get("number") and get.get("id"):
        extra["source_id"] = get["id"]
    return incident(
        ident, get.get("title"),
        get.get("severity") or get.get("priority") or get.get("urgency"),
        split_list(get.get("services", "")),
        started_at=t["started"], detected_at=t["detected"] or t["created"],
        acknowledged_at=t["acknowledged"] or plus_seconds(t["created"],
                                                           get.get("secs_ack")),
        mitigated_at=t["mitigated"],
        resolved_at=resolved or plus_seconds(t["created"], get.get("secs_resolve")),
        line=line, **extra)
