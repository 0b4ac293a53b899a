"""Any tracker or incident CSV, given a mapping (``csv_mappings`` in hindsight.yaml) from
field to column name: the formats a team names rather than one Hindsight sniffs."""
from __future__ import annotations

from loaders.formats.incident_csv import read_incident_csv
from loaders.formats.shapes import ticket, tracker_result
from loaders.formats.tabular import (cell, close_notes, dedupe, failed, keyed_rows, note_once, read_csv,
    split_list)
from loaders.problems import error
from loaders.statuses import categorize, normalize
from loaders.timeparse import read_day, read_time, records_day_first

TICKET_FIELDS = ("key", "title", "status", "status_category", "resolution", "assignee",
                 "created_at", "resolved_at", "due", "labels", "url")


def _field_columns(header: list[str], mapping: dict) -> tuple[dict, dict | None]:
    """{field: column index} from a mapping written either way round
    (field -> column or column -> field); also the status overrides it carries."""
    overrides = mapping.get("statuses") or mapping.get("status_map")
    by_name = {normalize(h): i for i, h in reversed(list(enumerate(header)))}
    cols = {}
    for a, b in mapping.items():
        if not isinstance(b, str):
            continue
        if a in TICKET_FIELDS:
            field, column = a, b
        elif b in TICKET_FIELDS:
            field, column = b, a
        else:
            continue
        idx = by_name.get(normalize(column))
        if idx is not None:
            cols[field] = idx
    return cols, overrides if isinstance(overrides, dict) else None


@failed("tracker_export", "csv", "tickets")
def parse_generic_tracker_csv(text: str, mapping: dict) -> dict:
    """Any tracker CSV, given ``mapping`` from ticket field (key, title, status,
    status_category, resolution, assignee, created_at, resolved_at, due, labels, url)
    to column name; an optional ``statuses`` entry maps status words to categories.
    Labels are split on commas and semicolons."""
    header, records, problems = read_csv(text)
    cols, overrides = _field_columns(header, mapping or {})
    if "key" not in cols:
        problems.append(error(1, "no key column: the mapping names none "
                                               "that the header has"))
        return tracker_result("csv", [], problems)
    tickets, seen = [], {}
    dmy = records_day_first(records, [cols.get(f) for f in ("created_at", "resolved_at",
                                                            "due")])
    for line, row, key in keyed_rows(records, len(header), lambda r: cell(r, cols.get("key")),
                                     problems):
        status = cell(row, cols.get("status"))
        resolution = cell(row, cols.get("resolution")) or None
        cat, problem = categorize(status, resolution, cell(row, cols.get("status_category")),
                                  overrides)
        if problem:
            note_once(seen, problems, line, problem, "warning")
        times = {}
        for field in ("created_at", "resolved_at", "due"):
            reader = read_day if field == "due" else read_time
            times[field], bad = reader(cell(row, cols.get(field)), dmy)
            if bad:
                problems.append(error(line, f"{key}: {field}: {bad}"))
        tickets.append(ticket(
            key, cell(row, cols.get("title")), status, cat,
            assignee=cell(row, cols.get("assignee")), labels=dedupe(split_list(
                cell(row, cols.get("labels")))), url=cell(row, cols.get("url")),
            resolution=resolution, line=line, **times))
    close_notes(seen)
    return tracker_result("csv", tickets, problems)


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
    return read_incident_csv(text, "csv", cols)


# a mapping's ``kind`` -> the parser it feeds
BY_KIND = {"tracker": parse_generic_tracker_csv, "incidents": parse_generic_csv}
