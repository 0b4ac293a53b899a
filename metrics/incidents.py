"""The Incidents page: a searchable list of the incidents under the filters, and one
incident in full (metadata, the four timestamps with the rule that filled each, the
postmortem body, the timeline and the action items with their tracker status).

Everything read from a postmortem or an export is untrusted text: these functions
return it as plain values for the page to show as text (st.dataframe cells, st.code),
never as HTML or markdown; a ticket link is one only when it is http(s) (metrics.safe.link).
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from metrics import safe
from metrics.db import Reader, first_rows, sql_file
from metrics.filters import Filters, params

# a pair at least this similar (loaders/similar.py's score) is worth raising on its own:
# the weekly review's "resembles", report --json's similar pairs
RESEMBLES = 0.35

TIMESTAMPS = (("started", "start of impact"), ("detected", "detected"), ("mitigated", "mitigated"),
              ("resolved", "resolved"))
DURATIONS = {"detected": "ttd_minutes", "mitigated": "ttm_minutes", "resolved": "ttr_minutes"}


def terms(q: str | None) -> list[str]:
    """The search box's words, lower-cased; every one must match (in any field)."""
    return [w for w in (q or "").lower().split() if w]


def search(reader: Reader, f: Filters, q: str = "") -> pd.DataFrame:
    """Incidents under the filters whose title, id, summary, class, team or services
    contain every word of ``q`` (case-insensitive), newest first."""
    return found(reader, f, q)[0]


def found(reader: Reader, f: Filters, q: str = "", limit: int | None = None) -> tuple[pd.DataFrame, int]:
    """``search``'s first ``limit`` rows (or all), and how many it finds in all: a page
    shows a few hundred of a year's 50,000 and counts the rest in SQL."""
    return first_rows(reader.query_df(sql_file("incidents_list"), params(f, terms=terms(q), limit=limit)))


def find(reader: Reader, incident_id: str) -> list[str]:
    """The file(s) of an incident id from a link, newest first (none when unknown)."""
    return [r[0] for r in reader.query(sql_file("incidents_find"), {"incident_id": incident_id})]


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and pd.isna(v):
        return ""
    if v is pd.NaT:
        return ""
    if isinstance(v, (list, tuple)):
        return ", ".join(map(str, v))
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, pd.Timestamp) or hasattr(v, "strftime"):
        return v.strftime("%Y-%m-%d %H:%M UTC") if hasattr(v, "hour") else v.isoformat()
    return str(v)


@dataclass(frozen=True)
class Detail:
    """One incident as the Incidents page shows it: metadata (field, value), the four
    timestamps with the rule that filled each, the document's text, its timeline and
    action items."""

    id: str | None
    title: str | None
    file_path: str
    is_near_miss: bool
    metadata: pd.DataFrame
    timestamps: pd.DataFrame
    body: str
    timeline: pd.DataFrame
    actions: pd.DataFrame


# metadata rows a correction can override, by the corrections file's field name
CORRECTABLE = {"title": "title", "date": "date", "severity": "severity", "class": "incident_class",
               "team": "team", "near miss": "near_miss"}


def _rule(row: str, corrected) -> str:
    """'corrected' when a reader corrected the field, else 'document' for what the
    parser read; blank for fields no correction can touch."""
    name = CORRECTABLE.get(row)
    if name is None:
        return ""
    return "corrected" if name in list(corrected if corrected is not None else []) else "document"


def _severity(written, counted: str | None) -> str:
    """The severity as the document writes it and the level every filter and deadline
    counts it as ("High (counted as SEV2)"); "not stated" when it gives none."""
    written = _text(written).strip()
    if not written:
        return f"not stated (counted as {counted})" if counted else "not stated"
    same = written.replace("-", "").replace(" ", "").upper() == (counted or "").upper()
    return written if same or not counted else f"{written} (counted as {counted})"


def detail(reader: Reader, file_path: str) -> Detail | None:
    """One incident (see Detail); None when no such file is loaded."""
    cur = reader.cursor()
    try:
        res = cur.execute(sql_file("incidents_detail"), {"file_path": file_path})
        names = [d[0] for d in res.description]
        row = res.fetchone()
    finally:
        cur.close()
    if row is None:
        return None
    r = dict(zip(names, row))
    actions = reader.query_df(sql_file("incidents_actions"), {"file_path": file_path})
    actions["ticket_url"] = actions["ticket_url"].map(safe.link).astype(object)
    meta = [("id", r["incident_id"]), ("title", r["title"]), ("date", r["incident_date"]),
            ("severity", _severity(r["severity"], r["severity_label"])), ("class", r["incident_class"]), ("team", r["team"]),
            ("teams", r["teams"]), ("services", r["services"]), ("owner", r["owner"]),
            ("postmortem status", r["postmortem_status"]), ("near miss", r["is_near_miss"]),
            ("reference", r["reference"]), ("written", r["written_on"]), ("reviewed", r["reviewed_on"]),
            ("incident-tool export", " ".join(x for x in (_text(r["export_source"]), _text(r["export_incident_id"]),
                                                          f"(matched by {r['export_matched_by']})"
                                                          if r["export_matched_by"] else "") if x)),
            ("negative duration", "yes: left out of every figure" if r["has_negative_duration"] else ""),
            ("file", r["file_path"])]
    times = []
    for name, words in TIMESTAMPS:
        if name == "started":
            minutes = 0.0 if r["started_at"] is not None else None
        else:
            minutes = r[DURATIONS[name]]
        times.append({"timestamp": words, "time (UTC)": r[f"{name}_at"],
                      "rule": r[f"{name}_source"] or ("missing" if r[f"{name}_at"] is None else ""),
                      "minutes from start": None if minutes is None or pd.isna(minutes) else float(minutes)})
    return Detail(
        id=r["incident_id"], title=r["title"], file_path=r["file_path"], is_near_miss=bool(r["is_near_miss"]),
        metadata=pd.DataFrame([{"field": k, "value": _text(v), "rule": _rule(k, r["corrected_fields"])}
                               for k, v in meta if _text(v) != ""], columns=["field", "value", "rule"]),
        timestamps=pd.DataFrame(times, columns=["timestamp", "time (UTC)", "rule", "minutes from start"]),
        body=r["body"] or "",
        timeline=reader.query_df(sql_file("incidents_timeline"), {"file_path": file_path}),
        actions=actions,
    )


def similar(reader: Reader, file_path: str) -> pd.DataFrame:
    """The most similar earlier postmortems of one (similar_incidents, best first), with
    the shared words and services as lists and the count of their open action items."""
    df = reader.query_df(sql_file("incidents_similar"), {"file_path": file_path})
    df["incident_date"] = pd.to_datetime(df["incident_date"]).dt.date
    for col in ("shared_terms", "shared_services"):
        df[col] = df[col].map(lambda v: list(v) if v is not None else [])
    return df
