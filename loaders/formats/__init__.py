"""Tracker and incident-tool export formats, one module per tool.

``FORMATS`` is the registry ``loaders.detect`` tries, in order, on every file that is
not a postmortem: JSON formats on a decoded JSON document, CSV formats on a CSV header.
It is a plain list of imports, so a broken or misspelt format fails at import, never
silently. Adding a format: docs/CONTRIBUTING.md ("Adding an export format").

- ``format.py``: the ``Format`` record (name, kind, container, sniff, parse);
- ``tabular.py``: reading CSV (records with line numbers, cells, keyed rows);
- ``shapes.py``: the ticket and incident records every format returns;
- ``jira.py``, ``github.py``, ``linear.py``: trackers;
- ``pagerduty.py``, ``firehydrant.py``, ``incidentio.py``, ``incident_csv.py``: incident tools;
- ``mapped.py``: any CSV, given a ``csv_mappings`` entry in hindsight.yaml.

Dates and zones are read by ``loaders.timeparse``, statuses by ``loaders.statuses``,
severities by ``loaders.severity``: the same readers the postmortem parser uses.
"""
from loaders.formats import firehydrant, github, incidentio, jira, linear, mapped, pagerduty
from loaders.formats.format import CSV, INCIDENTS, JSON, TRACKER, Format

FORMATS: list[Format] = [
    *github.FORMATS,
    *jira.FORMATS,
    *linear.FORMATS,
    *pagerduty.FORMATS,
    *incidentio.FORMATS,
    *firehydrant.FORMATS,
]

__all__ = ["CSV", "FORMATS", "INCIDENTS", "JSON", "TRACKER", "Format", "mapped"]
