"""Incident-tool exports -> incidents.

Reads:
- PagerDuty REST ``GET /incidents`` JSON (``{"incidents": [...]}``, one page, a list of
  pages, or ``{"incident": {...}}``) and CSV flattened from it or downloaded from
  PagerDuty (``incident_number``, ``title``/``description``, ``created_at``/
  ``created_on``, ``status``, ``urgency``, ``priority.summary``, ``service.summary``,
  ``resolved_at``, ``last_status_change_at``, ``seconds_to_first_ack``...).
- FireHydrant CSV: number, name, severity and the milestone columns started /
  detected / acknowledged / mitigated / resolved / closed, spelt any common way
  (``Started At``, ``started_at``, ``Detected Time (UTC)``...).
- incident.io API v2 JSON: ``{"incidents": [{id, reference, name, severity{name},
  created_at, incident_timestamp_values: [{incident_timestamp: {name},
  value: {value}}], custom_field_entries...}]}``.
- Any incident CSV, given a mapping from incident field to column name.

Each incident: id, title, severity, started_at, detected_at, acknowledged_at,
mitigated_at, resolved_at, services. A timestamp the export does not give stays null:
PagerDuty knows when it paged (``detected_at`` = created_at), not when impact began.
"""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from loaders.statuses import normalize
from loaders.tracker_csv import (as_list, cell, dedupe, failed, guarded, keyed_rows, quiet_false,
                                 read_csv,
                                 read_time, records_day_first, split_header,
                                 split_list)

TIME_FIELDS = ("started_at", "detected_at", "acknowledged_at", "mitigated_at",
               "resolved_at")


def incident(id, title=None, severity=None, services=(), **fields) -> dict:
    """One incident as CONTRACT.md shapes it; unknown times are None, extras ride along."""
    out = {"id": str(id), "title": title or None, "severity": severity or None}
    for f in TIME_FIELDS:
        out[f] = fields.pop(f, None)
    out["services"] = dedupe(s for s in services if s)
    out.update(fields)
    return out


def incident_result(source: str, incidents: list, problems: list) -> dict:
    return {"kind": "incident_export", "source": source, "incidents": incidents,
            "problems": problems}


def _read_text(value, *keys) -> str | None:
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


def _read_time_field(value, what: str, problems: list, line=None, day_first=None) -> str | None:
    iso, bad = read_time(value, day_first)
    if bad:
        problems.append({"line": line, "message": f"{what}: {bad}"})
    return iso


def _plus_seconds(iso: str | None, seconds: str) -> str | None:
    """``iso`` + a number of seconds, or None when either is missing / not a number."""
    try:
        secs = float(seconds)
    except (TypeError, ValueError):
        return None
    if iso is None:
        return None
    start = datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=timezone.utc)
    return (start + timedelta(seconds=secs)).strftime("%Y-%m-%dT%H:%M:%SZ")


# -------------------------------------------------------------- PagerDuty JSON


def _is_pd_incident(obj) -> bool:
    return isinstance(obj, dict) and (
        "incident_number" in obj or obj.get("type") in ("incident", "incident_reference")
        or ("urgency" in obj and "service" in obj))


def _find_incidents(doc, is_incident) -> list:
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
            out.extend(_find_incidents(item, is_incident))
    return out


def _find_pd_incidents(doc) -> list:
    return _find_incidents(doc, _is_pd_incident)


@quiet_false
def sniff_pagerduty_json(doc) -> bool:
    """True for a PagerDuty /incidents response (or list of pages / incidents)."""
    if _find_pd_incidents(doc):
        return True
    return (isinstance(doc, dict) and doc.get("incidents") == []
            and {"limit", "offset", "more"} <= set(doc))


@failed("incident_export", "pagerduty", "incidents")
def parse_pagerduty_json(doc) -> dict:
    """Parsed PagerDuty /incidents JSON -> incident_export result."""
    incidents, problems, ids = [], [], set()
    for n, inc in enumerate(_find_pd_incidents(doc)):
        number = inc.get("incident_number")
        ident = str(number) if number not in (None, "") else _read_text(inc.get("id"))
        if not ident:
            problems.append({"line": None, "message": f"incident {n + 1} has no id"})
            continue
        if ident in ids:
            continue
        ids.add(ident)
        one = guarded(lambda: _read_pd_incident(ident, inc, problems), f"incident {ident}",
                      problems)
        if one is not None:
            incidents.append(one)
    return incident_result("pagerduty", incidents, problems)


def _read_pd_incident(ident: str, inc: dict, problems: list) -> dict:
    """One PagerDuty incident object -> incident."""
    what = f"incident {ident}"
    created = _read_time_field(inc.get("created_at"), f"{what}: created_at", problems)
    acks = [a.get("at") for a in as_list(inc.get("acknowledgements"))
            if isinstance(a, dict) and a.get("at")]
    ack_times = [t for t in (_read_time_field(a, f"{what}: acknowledgement", problems)
                             for a in acks) if t]
    resolved = _read_time_field(inc.get("resolved_at"), f"{what}: resolved_at", problems)
    status = _read_text(inc.get("status"))
    if resolved is None and status == "resolved":
        resolved = _read_time_field(inc.get("last_status_change_at"),
                         f"{what}: last_status_change_at", problems)
    services = [_read_text(inc.get("service"), "summary", "name")]
    return incident(
        ident, _read_text(inc.get("title")) or _read_text(inc.get("summary"))
        or _read_text(inc.get("description")),
        _read_text(inc.get("priority"), "summary", "name") or _read_text(inc.get("urgency")),
        services, detected_at=created,
        acknowledged_at=min(ack_times) if ack_times else None,
        resolved_at=resolved, status=status, urgency=_read_text(inc.get("urgency")),
        created_at=created, source_id=_read_text(inc.get("id")),
        url=_read_text(inc.get("html_url")))


# ------------------------------------------------------------------ CSV columns

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


def _roles(*names: str) -> frozenset[str]:
    return frozenset(stem(n) for n in names)


ROLES = {
    "number": _roles("number", "#", "incident #", "no", "num", "incident number"),
    "id": _roles("id", "incident id", "uuid"),
    "title": _roles("title", "name", "summary", "description", "incident",
                    "incident name", "incident title"),
    "severity": _roles("severity", "sev", "severity name", "severity level",
                       "severity summary"),
    "priority": _roles("priority", "priority summary", "priority name"),
    "urgency": _roles("urgency"),
    "status": _roles("status", "state", "current milestone", "incident status",
                     "status name"),
    "created": _roles("created", "created at", "opened", "triggered", "declared"),
    "started": _roles("started", "start", "impact started", "impact start",
                      "impact began", "began", "start time", "customer impact started"),
    "detected": _roles("detected", "detection", "reported", "first detected",
                       "alerted"),
    "acknowledged": _roles("acknowledged", "first acknowledged", "ack", "first ack",
                           "acknowledgements 0", "acknowledgements",
                           "acknowledgement", "first acknowledgement", "accepted"),
    "mitigated": _roles("mitigated", "mitigation", "stabilized", "stabilised",
                        "fixed"),
    "resolved": _roles("resolved", "ended", "end", "end time"),
    "closed": _roles("closed"),
    "last_change": _roles("last status change", "last status change at"),
    "secs_ack": _roles("seconds to first ack", "seconds to ack",
                       "seconds to first acknowledgement"),
    "secs_resolve": _roles("seconds to resolve", "seconds to resolution"),
    "services": _roles("services", "service", "service summary", "service name",
                       "impacted services", "affected services", "services impacted",
                       "impacted service", "affected service", "impacted components",
                       "components"),
    "url": _roles("url", "html url", "link", "permalink"),
}

PD_MARKERS = frozenset({
    "urgency", "escalation policy", "escalation policy name",
    "escalation policy summary", "escalation policy id", "service summary",
    "priority summary", "last status change at", "last status change on",
    "seconds to first ack", "seconds to resolve", "incident key", "service id",
    "escalation count", "auto resolved"})
_MILESTONES = ("started", "detected", "acknowledged", "mitigated", "resolved")


def find_columns(header: list[str]) -> dict:
    """{role: index} for an incident CSV header (first column that fits each role)."""
    cols: dict = {}
    for i, h in enumerate(header):
        s = stem(h)
        for role, names in ROLES.items():
            if s in names and role not in cols:
                cols[role] = i
    return cols


def _is_pagerduty_header(cells: list[str]) -> bool:
    names = {normalize(c) for c in cells}
    cols = find_columns(cells)
    return bool(names & PD_MARKERS) and ("created" in cols or "detected" in cols)


# ---------------------------------------------------------------- CSV incidents

_TIME_ROLES = ("created", "started", "detected", "acknowledged", "mitigated", "resolved",
               "closed", "last_change")


def _read_incident_csv(text: str, source: str, cols: dict | None = None) -> dict:
    """Rows of an incident CSV -> incident_export result, columns by role."""
    header, records, problems = read_csv(text)
    cols = find_columns(header) if cols is None else cols
    if "number" not in cols and "id" not in cols:
        problems.append({"line": 1, "message": "no incident id / number column"})
        return incident_result(source, [], problems)
    cols = dict(cols)
    cols["day_first"] = records_day_first(records, [cols.get(r) for r in _TIME_ROLES])
    incidents = [_read_incident_row(ident, row, line, cols, problems) for line, row, ident in
                 keyed_rows(records, len(header), lambda r: _incident_id(r, cols), problems,
                            "incident id")]
    return incident_result(source, incidents, problems)


def _incident_id(row, cols) -> str:
    return cell(row, cols.get("number")) or cell(row, cols.get("id"))


def _read_incident_row(ident, row, line, cols, problems) -> dict:
    get = {role: cell(row, i) for role, i in cols.items() if role != "day_first"}
    t = {role: _read_time_field(get.get(role), f"incident {ident}: {role}", problems, line,
                     cols.get("day_first"))
         for role in _TIME_ROLES}
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
        acknowledged_at=t["acknowledged"] or _plus_seconds(t["created"],
                                                           get.get("secs_ack")),
        mitigated_at=t["mitigated"],
        resolved_at=resolved or _plus_seconds(t["created"], get.get("secs_resolve")),
        line=line, **extra)


@quiet_false
def sniff_pagerduty_csv(header: list[str]) -> bool:
    """True for a PagerDuty incidents CSV header."""
    return _is_pagerduty_header(split_header(header))


@failed("incident_export", "pagerduty", "incidents")
def parse_pagerduty_csv(text: str) -> dict:
    """A PagerDuty incidents CSV (downloaded or flattened from the API) -> result."""
    return _read_incident_csv(text, "pagerduty")


@quiet_false
def sniff_firehydrant_csv(header: list[str]) -> bool:
    """True for a FireHydrant incidents CSV: a name and at least three milestone
    columns (or mitigated plus one other), and nothing PagerDuty's."""
    cells = split_header(header)
    if _is_pagerduty_header(cells):
        return False
    cols = find_columns(cells)
    found = [m for m in _MILESTONES if m in cols]
    enough = len(found) >= 3 or ("mitigated" in found and len(found) >= 2)
    return enough and ("title" in cols or "number" in cols or "id" in cols)


@failed("incident_export", "firehydrant", "incidents")
def parse_firehydrant_csv(text: str) -> dict:
    """A FireHydrant incidents CSV -> incident_export result."""
    return _read_incident_csv(text, "firehydrant")


_FIELD_ROLES = {"id": "id", "number": "number", "title": "title", "severity": "severity",
                "started_at": "started", "detected_at": "detected",
                "acknowledged_at": "acknowledged", "mitigated_at": "mitigated",
                "resolved_at": "resolved", "closed_at": "closed", "created_at": "created",
                "services": "services", "status": "status", "url": "url"}


@failed("incident_export", "csv", "incidents")
def parse_generic_csv(text: str, mapping: dict) -> dict:
    """Any incident CSV, given ``mapping`` from incident field (id, title, severity,
    started_at, detected_at, acknowledged_at, mitigated_at, resolved_at, services;
    also created_at, closed_at, status, url) to column name. The mapping may also be
    written column -> field. Services are split on commas and semicolons."""
    header = read_csv(text)[0]
    by_name = {normalize(h): i for i, h in reversed(list(enumerate(header)))}
    cols = {}
    for a, b in (mapping or {}).items():
        if not isinstance(b, str):
            continue
        field, column = (a, b) if a in _FIELD_ROLES else (b, a)
        if field in _FIELD_ROLES and normalize(column) in by_name:
            cols[_FIELD_ROLES[field]] = by_name[normalize(column)]
    return _read_incident_csv(text, "csv", cols)


# ------------------------------------------------------------ incident.io JSON


def _is_incidentio(obj) -> bool:
    return isinstance(obj, dict) and (
        "incident_timestamp_values" in obj or "incident_status" in obj
        or ("reference" in obj and "name" in obj))


def _find_incidentio_incidents(doc) -> list:
    return _find_incidents(doc, _is_incidentio)


@quiet_false
def sniff_incidentio_json(doc) -> bool:
    """True for an incident.io API (v1/v2) incidents list."""
    if _find_incidentio_incidents(doc):
        return True
    return (isinstance(doc, dict) and doc.get("incidents") == []
            and "pagination_meta" in doc)


def _role_of_timestamp(name: str) -> str | None:
    """Which incident time an incident.io timestamp name gives."""
    n = stem(name)
    words = set(n.split())
    if "impact" in words or n in ("started", "start", "began"):
        return "started"
    if words & {"reported", "detected", "detection", "declared", "alerted"}:
        return "detected"
    if words & {"accepted", "acknowledged", "ack", "acknowledgement"}:
        return "acknowledged"
    if words & {"fixed", "mitigated", "mitigation", "stabilized", "stabilised",
                "monitoring"}:
        return "mitigated"
    if "resolved" in words:
        return "resolved"
    if "closed" in words:
        return "closed"
    return None


def _read_incidentio_times(inc: dict, what: str, problems: list) -> dict:
    """{role: ISO time} from ``incident_timestamp_values`` (v2) or ``timestamps`` (v1)."""
    times: dict = {}
    for entry in as_list(inc.get("incident_timestamp_values")):
        if not isinstance(entry, dict):
            continue
        name = _read_text(entry.get("incident_timestamp"), "name")
        value = entry.get("value")
        value = value.get("value") if isinstance(value, dict) else value
        role = _role_of_timestamp(name or "")
        if role and value and role not in times:
            times[role] = _read_time_field(value, f"{what}: {name}", problems)
    for entry in as_list(inc.get("timestamps")):
        if isinstance(entry, dict):
            role = _role_of_timestamp(entry.get("name") or "")
            value = entry.get("last_occurred_at") or entry.get("value")
            if role and value and role not in times:
                times[role] = _read_time_field(value, f"{what}: {entry.get('name')}", problems)
    return times


def _read_incidentio_services(inc: dict) -> list[str]:
    """Values of custom fields about services / systems / components / products."""
    out = []
    for entry in as_list(inc.get("custom_field_entries")):
        if not isinstance(entry, dict):
            continue
        name = normalize(_read_text(entry.get("custom_field"), "name") or "")
        if not set(name.split()) & {"service", "services", "system", "systems",
                                     "component", "components", "product", "products"}:
            continue
        for v in as_list(entry.get("values")):
            if not isinstance(v, dict):
                continue
            text = (_read_text(v.get("value_catalog_entry"), "name")
                    or _read_text(v.get("value_option"), "value")
                    or _read_text(v.get("value_text")) or _read_text(v.get("value_link")))
            if text:
                out.append(text)
    return out


@failed("incident_export", "incidentio", "incidents")
def parse_incidentio_json(doc) -> dict:
    """Parsed incident.io incidents JSON -> incident_export result."""
    incidents, problems, ids = [], [], set()
    for n, inc in enumerate(_find_incidentio_incidents(doc)):
        ident = _read_text(inc.get("reference")) or _read_text(inc.get("id"))
        if not ident:
            problems.append({"line": None, "message": f"incident {n + 1} has no id"})
            continue
        if ident in ids:
            continue
        ids.add(ident)
        one = guarded(lambda: _read_incidentio_incident(ident, inc, problems),
                      f"incident {ident}", problems)
        if one is not None:
            incidents.append(one)
    return incident_result("incidentio", incidents, problems)


def _read_incidentio_incident(ident: str, inc: dict, problems: list) -> dict:
    """One incident.io incident object -> incident."""
    what = f"incident {ident}"
    times = _read_incidentio_times(inc, what, problems)
    created = _read_time_field(inc.get("created_at"), f"{what}: created_at", problems)
    reported = _read_time_field(inc.get("reported_at"), f"{what}: reported_at", problems)
    return incident(
        ident, _read_text(inc.get("name")), _read_text(inc.get("severity"), "name"),
        _read_incidentio_services(inc), started_at=times.get("started"),
        detected_at=times.get("detected") or reported or created,
        acknowledged_at=times.get("acknowledged"),
        mitigated_at=times.get("mitigated"),
        resolved_at=times.get("resolved") or times.get("closed"),
        status=_read_text(inc.get("incident_status"), "name"),
        created_at=created, source_id=_read_text(inc.get("id")),
        url=_read_text(inc.get("permalink")))
