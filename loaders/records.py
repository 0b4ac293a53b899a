"""Typed records at the seam between the parsers and the store.

A parser returns the plain object docs/PARSE_CONTRACT.md describes (that is what
``hindsight parse --json`` prints). ``Parsed.of(result)`` turns it into these frozen
records once, when a file has been read for an ingest; ingest then maps their fields
to table rows by name, so a field a parser renames is an error in one place, not a
silent NULL column.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass, fields
from typing import Any


@functools.cache
def _names(cls) -> tuple[str, ...]:
    """A record class's field names (asked once a class: ``fields`` builds them anew)."""
    return tuple(f.name for f in fields(cls))


def _pick(cls, d: dict) -> dict:
    return {name: d.get(name) for name in _names(cls)}


def _texts(values) -> tuple[str, ...]:
    return tuple(str(v) for v in values or () if v is not None)


def _text(v) -> str | None:
    return None if v is None else str(v)


@dataclass(frozen=True)
class Problem:
    """What a parser could not understand: ``error`` lost data, ``warning`` is a guess."""

    line: int | None
    message: str
    level: str = "error"

    @classmethod
    def of(cls, d: dict) -> Problem:
        return cls(d.get("line"), str(d.get("message")), d.get("level") or "error")


@dataclass(frozen=True)
class TimelineEntry:
    at: str | None
    text: str | None
    line: int | None
    event: str | None


@dataclass(frozen=True)
class ActionItem:
    text: str | None
    owner: str | None
    due: str | None
    ticket: str | None
    status: str | None
    kind: str | None
    line: int | None


@dataclass(frozen=True)
class Finding:
    rule: str
    line: int
    level: str
    message: str
    hint: str
    text: str | None = None


@dataclass(frozen=True)
class Postmortem:
    id: str | None
    title: str | None
    date: str | None
    severity: str | None
    severity_level: int | None
    status: str | None
    near_miss: bool
    incident_class: str | None
    started_at: str | None
    detected_at: str | None
    mitigated_at: str | None
    resolved_at: str | None
    started_source: str | None
    detected_source: str | None
    mitigated_source: str | None
    resolved_source: str | None
    timeline: tuple[TimelineEntry, ...]
    contributing_factors: tuple[str, ...]
    action_items: tuple[ActionItem, ...]
    owner: str | None
    teams: tuple[str, ...]
    services: tuple[str, ...]
    reference: str | None
    written_on: str | None
    reviewed_on: str | None
    summary: str | None
    went_well: tuple[str, ...]
    went_wrong: tuple[str, ...]
    lucky: tuple[str, ...]
    sections: tuple[tuple[str, int], ...] = ()   # (kind, line) of each kind's first section
    zone_stated: bool = False
    quality: int | None = None                   # loaders/lint.py's score, 0-100
    findings: tuple[Finding, ...] = ()           # and its findings

    @property
    def narrative(self) -> str | None:
        """The contributing factors, then the timeline entries, joined by spaces (None
        when there are neither): the part of a postmortem's text for "similar past
        incidents" (int_incident_text) that is not a field of its own. Joined here, once
        per file, so the database never aggregates every factor and entry at once."""
        parts = [p for p in (*self.contributing_factors, *(e.text for e in self.timeline)) if p is not None]
        return " ".join(parts) if parts else None

    @classmethod
    def of(cls, r: dict) -> Postmortem:
        src = r.get("timestamp_sources") or {}
        lessons = r.get("lessons") or {}
        return cls(
            id=_text(r.get("id")), title=r.get("title"), date=r.get("date"), severity=_text(r.get("severity")),
            severity_level=r.get("severity_level"), status=_text(r.get("status")),
            near_miss=bool(r.get("near_miss")), incident_class=r.get("incident_class"),
            started_at=r.get("started_at"), detected_at=r.get("detected_at"),
            mitigated_at=r.get("mitigated_at"), resolved_at=r.get("resolved_at"),
            started_source=src.get("started_at"), detected_source=src.get("detected_at"),
            mitigated_source=src.get("mitigated_at"), resolved_source=src.get("resolved_at"),
            timeline=tuple(TimelineEntry(**_pick(TimelineEntry, e)) for e in r.get("timeline") or ()),
            contributing_factors=_texts(r.get("contributing_factors")),
            action_items=tuple(ActionItem(**_pick(ActionItem, a)) for a in r.get("action_items") or ()),
            owner=_text(r.get("owner")), teams=_texts(r.get("teams")), services=_texts(r.get("services")),
            reference=_text(r.get("reference")), written_on=r.get("written_on"), reviewed_on=r.get("reviewed_on"),
            summary=r.get("summary"), went_well=_texts(lessons.get("went_well")),
            went_wrong=_texts(lessons.get("went_wrong")), lucky=_texts(lessons.get("lucky")),
            sections=tuple((str(k), int(v)) for k, v in (r.get("sections") or {}).items()),
            zone_stated=bool(r.get("zone_stated")),
            quality=(r.get("lint") or {}).get("score"),
            findings=tuple(Finding(**_pick(Finding, f)) for f in (r.get("lint") or {}).get("findings") or ()))


@dataclass(frozen=True)
class Ticket:
    key: str | None
    title: str | None
    status: str | None
    status_category: str | None
    assignee: str | None
    created_at: str | None
    resolved_at: str | None
    due: str | None
    labels: tuple[str, ...]
    url: str | None

    @classmethod
    def of(cls, t: dict) -> Ticket:
        return cls(**{**_pick(cls, t), "labels": _texts(t.get("labels"))})


@dataclass(frozen=True)
class Incident:
    id: str | None
    title: str | None
    severity: str | None
    severity_level: int | None
    started_at: str | None
    detected_at: str | None
    acknowledged_at: str | None
    mitigated_at: str | None
    resolved_at: str | None
    services: tuple[str, ...]
    source_id: str | None
    url: str | None
    status: str | None

    @classmethod
    def of(cls, i: dict) -> Incident:
        d = _pick(cls, i)
        return cls(**{**d, "id": _text(d["id"]), "severity": _text(d["severity"]), "source_id": _text(d["source_id"]),
                      "url": _text(d["url"]), "status": _text(d["status"]), "services": _texts(i.get("services"))})


@dataclass(frozen=True)
class Parsed:
    """One file as the parsers understood it: its kind, what it holds, its problems.
    ``reason`` says why a file was skipped (kind ``skipped``: a template, a README)."""

    path: str
    kind: str
    problems: tuple[Problem, ...] = ()
    source: str | None = None
    postmortem: Postmortem | None = None
    tickets: tuple[Ticket, ...] = ()
    incidents: tuple[Incident, ...] = ()
    reason: str | None = None

    @classmethod
    def of(cls, result: dict[str, Any]) -> Parsed:
        kind = result.get("kind") or "unknown"
        return cls(
            path=result.get("path") or "", kind=kind,
            problems=tuple(Problem.of(p) for p in result.get("problems") or ()),
            source=result.get("source"),
            postmortem=Postmortem.of(result) if kind == "postmortem" else None,
            tickets=tuple(Ticket.of(t) for t in result.get("tickets") or ()) if kind == "tracker_export" else (),
            incidents=(tuple(Incident.of(i) for i in result.get("incidents") or ())
                       if kind == "incident_export" else ()),
            reason=result.get("reason"))

    @property
    def records(self) -> int:
        """How many records the file gave: 1 postmortem, n tickets, n incidents."""
        return 1 if self.postmortem else len(self.tickets) + len(self.incidents)

    @property
    def errors(self) -> int:
        return sum(1 for p in self.problems if p.level == "error")
