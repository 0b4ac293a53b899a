"""The dashboard's filters as one value, and the SQL parameters they become.

Every page query reads ``filtered_incidents(...)`` / ``filtered_action_items(...)``
(loaders/sql/macros/filtered.sql) with ``FILTER_ARGS`` and ``params(filters)``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from metrics.db import Reader

# The macro call every page query uses, with named parameters (never string-built SQL).
FILTER_ARGS = "$date_from, $date_to, $teams, $services, $severities, $classes, $near_misses"


@dataclass(frozen=True)
class Filters:
    date_from: date
    date_to: date
    teams: tuple[str, ...] = ()
    services: tuple[str, ...] = ()
    severities: tuple[str, ...] = ()   # labels, as ingest writes them: "SEV1", "no severity"
    classes: tuple[str, ...] = ()
    near_misses: bool = True

    def describe(self) -> str:
        """The filters in words, for captions and chart subtitles: "2025-11-01 to 2026-10-31;
        team: web". Plain text: the teams, services and classes come from documents (and a
        shared link's query parameters), so a caption shows it through
        ``metrics.safe.markdown`` and a chart through ``metrics.charts.layout``, which
        escapes it for plotly."""
        parts = [f"{self.date_from} to {self.date_to}"]
        for label, values in (("team", self.teams), ("service", self.services),
                              ("severity", self.severities), ("class", self.classes)):
            if values:
                parts.append(f"{label}: {', '.join(map(str, values))}")
        if not self.near_misses:
            parts.append("near misses excluded")
        return "; ".join(parts)


def params(f: Filters, **extra) -> dict:
    return {"date_from": f.date_from, "date_to": f.date_to, "teams": list(f.teams),
            "services": list(f.services), "severities": list(f.severities), "classes": list(f.classes),
            "near_misses": f.near_misses, **extra}


@dataclass(frozen=True)
class Choices:
    """What the sidebar can offer: the values present in the data."""
    first: date | None
    last: date | None
    teams: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    severities: list[str] = field(default_factory=list)
    classes: list[str] = field(default_factory=list)


def first_and_last(reader: Reader) -> tuple[date | None, date | None]:
    """The oldest and newest incident dates loaded (None, None when empty)."""
    return reader.query("SELECT min(incident_date), max(incident_date) FROM mart_incidents")[0]


def choices(reader: Reader) -> Choices:
    first, last = first_and_last(reader)

    def distinct(sql: str) -> list:
        return [r[0] for r in reader.query(sql) if r[0] is not None]

    return Choices(
        first, last,
        distinct("SELECT DISTINCT team FROM mart_incidents ORDER BY 1"),
        distinct("SELECT DISTINCT unnest(services) FROM mart_incidents ORDER BY 1"),
        distinct("SELECT severity_label FROM mart_incidents GROUP BY 1 "
                 "ORDER BY min(severity_level) NULLS LAST, 1"),
        distinct("SELECT DISTINCT incident_class FROM mart_incidents ORDER BY 1"))
