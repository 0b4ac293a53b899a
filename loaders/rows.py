"""Parsed files to table rows, written in batches.

``of`` maps one file's typed record (loaders/records.py) to the rows of each raw table,
naming every column from a record field. ``Batches`` gathers those rows and writes them
through Arrow, ``FLUSH_FILES`` files (or ``FLUSH_BYTES`` of text, or ``FLUSH_ROWS`` rows) at a time, so an ingest
holds one batch in memory, not the whole archive: its memory is flat in the number of
files (issue 13).
"""
from __future__ import annotations

from loaders import severity
from loaders.reading import Loaded
from loaders.records import Parsed

# The raw tables a file's rows go to (loaders/sql/migrations).
TABLES = ("raw_postmortems", "raw_timeline", "raw_factors", "raw_action_items", "raw_findings", "raw_tickets",
          "raw_incidents", "ingest_problems")
FLUSH_FILES = 500          # files per batch
FLUSH_BYTES = 16 << 20     # or this much postmortem text,
FLUSH_ROWS = 10_000        # or this many rows (a chunk of a big export is one "file"), whichever comes first


def of(loaded: Loaded, run_id: int, first: int = 0) -> dict[str, list[dict]]:
    """The table rows of one parsed file (or one chunk of a big export, its tickets and
    incidents numbered from ``first``): each row names its columns from the typed
    record's fields (loaders/records.py)."""
    r: Parsed = loaded.record
    path = loaded.path
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    if (pm := r.postmortem) is not None:
        rows["raw_postmortems"].append({
            "file_path": path, "id": pm.id, "title": pm.title, "date": pm.date,
            "severity": pm.severity, "severity_level": pm.severity_level,
            "severity_label": severity.label(pm.severity_level), "status": pm.status,
            "near_miss": pm.near_miss, "incident_class": pm.incident_class,
            "started_at": pm.started_at, "detected_at": pm.detected_at,
            "mitigated_at": pm.mitigated_at, "resolved_at": pm.resolved_at,
            "started_source": pm.started_source, "detected_source": pm.detected_source,
            "mitigated_source": pm.mitigated_source, "resolved_source": pm.resolved_source,
            "owner": pm.owner, "teams": list(pm.teams), "services": list(pm.services),
            "reference": pm.reference, "written_on": pm.written_on, "reviewed_on": pm.reviewed_on,
            "summary": pm.summary, "went_well": list(pm.went_well), "went_wrong": list(pm.went_wrong),
            "lucky": list(pm.lucky), "body": loaded.text, "quality": pm.quality, "narrative": pm.narrative,
        })
        rows["raw_timeline"] = [{"file_path": path, "seq": n, "occurred_at": e.at, "text": e.text,
                                 "line": e.line, "event": e.event} for n, e in enumerate(pm.timeline)]
        rows["raw_factors"] = [{"file_path": path, "seq": n, "text": f}
                               for n, f in enumerate(pm.contributing_factors)]
        rows["raw_action_items"] = [{"file_path": path, "seq": n, "text": a.text, "owner": a.owner, "due": a.due,
                                     "ticket": a.ticket, "status": a.status, "kind": a.kind, "line": a.line}
                                    for n, a in enumerate(pm.action_items)]
        rows["raw_findings"] = [{"file_path": path, "seq": n, "rule": f.rule, "line": f.line, "level": f.level,
                                 "message": f.message, "hint": f.hint, "text": f.text}
                                for n, f in enumerate(pm.findings)]
    rows["raw_tickets"] = [{"file_path": path, "seq": n, "source": r.source, "key": t.key, "title": t.title,
                            "status": t.status, "status_category": t.status_category, "assignee": t.assignee,
                            "created_at": t.created_at, "resolved_at": t.resolved_at, "due": t.due,
                            "labels": list(t.labels), "url": t.url} for n, t in enumerate(r.tickets, first)]
    rows["raw_incidents"] = [{"file_path": path, "seq": n, "source": r.source, "id": i.id, "title": i.title,
                              "severity": i.severity, "severity_level": i.severity_level,
                              "severity_label": severity.label(i.severity_level),
                              "started_at": i.started_at, "detected_at": i.detected_at,
                              "acknowledged_at": i.acknowledged_at, "mitigated_at": i.mitigated_at,
                              "resolved_at": i.resolved_at, "services": list(i.services),
                              "source_id": i.source_id, "url": i.url, "status": i.status}
                             for n, i in enumerate(r.incidents, first)]
    rows["ingest_problems"] = [{"file_path": path, "line": p.line, "level": p.level, "message": p.message,
                                "run_id": run_id} for p in r.problems]
    return rows


def pieces(loaded: Loaded, run_id: int, size: int = FLUSH_ROWS // 5):
    """``of``'s rows of one file, ``size`` tickets or incidents at a time (numbered on
    from piece to piece; the problems with the first): a big export's rows are never
    all built at once, so a batch writes them as it fills (at 10,000 postmortems, the
    ingest process built the rows of its 33,000 tickets at once: about 30 MB more at its peak)."""
    import dataclasses

    r: Parsed = loaded.record
    many = r.tickets or r.incidents
    if len(many) <= size:
        yield of(loaded, run_id)
        return
    field = "tickets" if r.tickets else "incidents"
    for first in range(0, len(many), size):
        part = dataclasses.replace(r, problems=r.problems if not first else (), **{field: many[first:first + size]})
        yield of(Loaded(loaded.path, loaded.size, loaded.mtime_ns, loaded.sha256, part, loaded.text), run_id, first)


def insert(con, table: str, rows: list[dict]) -> None:
    """Append ``rows`` (dicts named by column, every row the same names) to ``table``
    through one Arrow table, built a column at a time: the same table as
    ``pa.Table.from_pylist`` gives, in a fifth of its time."""
    if not rows:
        return
    import pyarrow as pa   # here, not at import: an unchanged re-ingest writes nothing

    con.register("_rows", pa.table({name: [r[name] for r in rows] for name in rows[0]}))
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")  # table names are ours
    finally:
        con.unregister("_rows")


class Batches:
    """Rows waiting to be written, per table; ``add`` writes them when the batch is full,
    ``flush`` writes what is left."""

    def __init__(self, con, tables=TABLES + ("files",)):
        self.con = con
        self.rows: dict[str, list[dict]] = {t: [] for t in tables}
        self.files = self.bytes = self.count = 0

    def add(self, rows: dict[str, list[dict]], text_bytes: int = 0, files: int = 1) -> None:
        for table, more in rows.items():
            self.rows[table].extend(more)
            self.count += len(more)
        self.files += files
        self.bytes += text_bytes
        if self.files >= FLUSH_FILES or self.bytes >= FLUSH_BYTES or self.count >= FLUSH_ROWS:
            self.flush()

    def flush(self) -> None:
        for table, rows in self.rows.items():
            insert(self.con, table, rows)
            rows.clear()
        self.files = self.bytes = self.count = 0


def release_arrow_memory() -> None:
    """Give back what pyarrow's allocator (mimalloc or jemalloc) keeps of freed memory for
    reuse, once the last rows are written: the batches' Arrow tables are gone, and at
    100,000 postmortems the allocator still held 32 MB of them when the marts, the
    ingest's peak, began (the peak went 471-473 MB -> 435 MB)."""
    import pyarrow as pa

    pa.default_memory_pool().release_unused()
