"""PagerDuty incidents: REST ``GET /incidents`` JSON (``{"incidents": [...]}``, one page,
a list of pages, or ``{"incident": {...}}``) and CSV flattened from it or downloaded
from PagerDuty (``incident_number``, ``title``/``description``, ``created_at``/
``created_on``, ``status``, ``urgency``, ``priority.summary``, ``service.summary``,
``resolved_at``, ``last_status_change_at``, ``seconds_to_first_ack``...). PagerDuty
knows when it paged (``detected_at`` = created_at), not when impact began."""
from __future__ import annotations

from loaders.formats.format import CSV, INCIDENTS, JSON, Format
from loaders.formats.incident_csv import find_columns, read_incident_csv
from loaders.formats.shapes import (find_incidents, incident, is_incident_page, read_incidents, read_text,
    read_time_field)
from loaders.formats.tabular import as_list, failed, quiet_false, split_header
from loaders.statuses import normalize


def _is_pd_incident(obj) -> bool:
    return isinstance(obj, dict) and (
        "incident_number" in obj or obj.get("type") in ("incident", "incident_reference")
        or ("urgency" in obj and "service" in obj))


def _find_pd_incidents(doc) -> list:
    return find_incidents(doc, _is_pd_incident)


@quiet_false
def sniff_pagerduty_json(doc) -> bool:
    """True for a PagerDuty /incidents response (or list of pages / incidents)."""
    return is_incident_page(doc, _is_pd_incident, {"limit", "offset", "more"})


@failed("incident_export", "pagerduty", "incidents")
def parse_pagerduty_json(doc) -> dict:
    """Parsed PagerDuty /incidents JSON -> incident_export result."""
    return read_incidents("pagerduty", _find_pd_incidents(doc), _pd_ident, _read_pd_incident)


def _pd_ident(inc: dict) -> str | None:
    number = inc.get("incident_number")
    return str(number) if number not in (None, "") else read_text(inc.get("id"))


def _read_pd_incident(ident: str, inc: dict, problems: list) -> dict:
    """One PagerDuty incident object -> incident."""
    what = f"incident {ident}"
    created = read_time_field(inc.get("created_at"), f"{what}: created_at", problems)
    acks = [a.get("at") for a in as_list(inc.get("acknowledgements"))
            if isinstance(a, dict) and a.get("at")]
    ack_times = [t for t in (read_time_field(a, f"{what}: acknowledgement", problems)
                             for a in acks) if t]
    resolved = read_time_field(inc.get("resolved_at"), f"{what}: resolved_at", problems)
    status = read_text(inc.get("status"))
    if resolved is None and status == "resolved":
        resolved = read_time_field(inc.get("last_status_change_at"),
                         f"{what}: last_status_change_at", problems)
    services = [read_text(inc.get("service"), "summary", "name")]
    return incident(
        ident, read_text(inc.get("title")) or read_text(inc.get("summary"))
        or read_text(inc.get("description")),
        read_text(inc.get("priority"), "summary", "name") or read_text(inc.get("urgency")),
        services, detected_at=created,
        acknowledged_at=min(ack_times) if ack_times else None,
        resolved_at=resolved, status=status, urgency=read_text(inc.get("urgency")),
        created_at=created, source_id=read_text(inc.get("id")),
        url=read_text(inc.get("html_url")))


PD_MARKERS = frozenset({
    "urgency", "escalation policy", "escalation policy name",
    "escalation policy summary", "escalation policy id", "service summary",
    "priority summary", "last status change at", "last status change on",
    "seconds to first ack", "seconds to resolve", "incident key", "service id",
    "escalation count", "auto resolved"})


def _is_pagerduty_header(cells: list[str]) -> bool:
    names = {normalize(c) for c in cells}
    cols = find_columns(cells)
    return bool(names & PD_MARKERS) and ("created" in cols or "detected" in cols)


@quiet_false
def sniff_pagerduty_csv(header: list[str]) -> bool:
    """True for a PagerDuty incidents CSV header."""
    return _is_pagerduty_header(split_header(header))


@failed("incident_export", "pagerduty", "incidents")
def parse_pagerduty_csv(text: str) -> dict:
    """A PagerDuty incidents CSV (downloaded or flattened from the API) -> result."""
    return read_incident_csv(text, "pagerduty")


FORMATS = (
    Format("pagerduty-json", INCIDENTS, JSON, sniff_pagerduty_json, lambda doc, options: parse_pagerduty_json(doc)),
    Format("pagerduty-csv", INCIDENTS, CSV, sniff_pagerduty_csv, lambda text, options: parse_pagerduty_csv(text)),
)
