"""incident.io API v2 JSON: ``{"incidents": [{id, reference, name, severity{name},
created_at, incident_timestamp_values: [{incident_timestamp: {name}, value: {value}}],
custom_field_entries...}]}``."""
from __future__ import annotations

from loaders.formats.format import INCIDENTS, JSON, Format
from loaders.formats.incident_csv import stem
from loaders.formats.shapes import (find_incidents, incident, is_incident_page, read_incidents, read_text,
    read_time_field)
from loaders.formats.tabular import as_list, failed, quiet_false
from loaders.statuses import normalize


def _is_incidentio(obj) -> bool:
    return isinstance(obj, dict) and (
        "incident_timestamp_values" in obj or "incident_status" in obj
        or ("reference" in obj and "name" in obj))


def _find_incidentio_incidents(doc) -> list:
    return find_incidents(doc, _is_incidentio)


@quiet_false
def sniff_incidentio_json(doc) -> bool:
    """True for an incident.io API (v1/v2) incidents list."""
    return is_incident_page(doc, _is_incidentio, {"pagination_meta"})


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
        name = read_text(entry.get("incident_timestamp"), "name")
        value = entry.get("value")
        value = value.get("value") if isinstance(value, dict) else value
        role = _role_of_timestamp(name or "")
        if role and value and role not in times:
            times[role] = read_time_field(value, f"{what}: {name}", problems)
    for entry in as_list(inc.get("timestamps")):
        if isinstance(entry, dict):
            role = _role_of_timestamp(entry.get("name") or "")
            value = entry.get("last_occurred_at") or entry.get("value")
            if role and value and role not in times:
                times[role] = read_time_field(value, f"{what}: {entry.get('name')}", problems)
    return times


def _read_incidentio_services(inc: dict) -> list[str]:
    """Values of custom fields about services / systems / components / products."""
    out = []
    for entry in as_list(inc.get("custom_field_entries")):
        if not isinstance(entry, dict):
            continue
        name = normalize(read_text(entry.get("custom_field"), "name") or "")
        if not set(name.split()) & {"service", "services", "system", "systems",
                                     "component", "components", "product", "products"}:
            continue
        for v in as_list(entry.get("values")):
            if not isinstance(v, dict):
                continue
            text = (read_text(v.get("value_catalog_entry"), "name")
                    or read_text(v.get("value_option"), "value")
                    or read_text(v.get("value_text")) or read_text(v.get("value_link")))
            if text:
                out.append(text)
    return out


@failed("incident_export", "incidentio", "incidents")
def parse_incidentio_json(doc) -> dict:
    """Parsed incident.io incidents JSON -> incident_export result."""
    return read_incidents("incidentio", _find_incidentio_incidents(doc),
                          lambda inc: read_text(inc.get("reference")) or read_text(inc.get("id")),
                          _read_incidentio_incident)


def _read_incidentio_incident(ident: str, inc: dict, problems: list) -> dict:
    """One incident.io incident object -> incident."""
    what = f"incident {ident}"
    times = _read_incidentio_times(inc, what, problems)
    created = read_time_field(inc.get("created_at"), f"{what}: created_at", problems)
    reported = read_time_field(inc.get("reported_at"), f"{what}: reported_at", problems)
    return incident(
        ident, read_text(inc.get("name")), read_text(inc.get("severity"), "name"),
        _read_incidentio_services(inc), started_at=times.get("started"),
        detected_at=times.get("detected") or reported or created,
        acknowledged_at=times.get("acknowledged"),
        mitigated_at=times.get("mitigated"),
        resolved_at=times.get("resolved") or times.get("closed"),
        status=read_text(inc.get("incident_status"), "name"),
        created_at=created, source_id=read_text(inc.get("id")),
        url=read_text(inc.get("permalink")))


FORMATS = (
    Format("incidentio-json", INCIDENTS, JSON, sniff_incidentio_json,
           lambda doc, options: parse_incidentio_json(doc)),
)
