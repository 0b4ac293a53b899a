"""``hindsight ingest``: load the sources into the DuckDB store, incrementally and
all-or-nothing.

A file whose size and modification time are unchanged is not read; one whose content
hash is unchanged is not parsed. Changed files are parsed (in parallel when there are
many), deleted files' rows are removed, and the whole change is written to a copy of
the database that replaces the original in one rename (store.swap).
"""
from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb
import pandas as pd

from loaders import store
from loaders.config import Config, ConfigError, load_config
from loaders.reading import Loaded
from loaders.workers import parse_files

# Files in a source folder that are never documents (assets beside postmortems).
SKIP_SUFFIXES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".ico", ".bmp", ".pdf", ".zip",
                 ".gz", ".tgz", ".bz2", ".xz", ".7z", ".tar", ".mp4", ".mov", ".woff", ".woff2", ".ttf",
                 ".duckdb", ".wal", ".lock", ".pyc", ".so", ".exe", ".dll", ".jar", ".class"}

# Modules whose code does not change what a file parses into.
NOT_PARSER = {"__init__.py", "__main__.py", "cli.py", "demo.py", "progress.py", "store.py", "workers.py"}

TABLES = ("raw_postmortems", "raw_timeline", "raw_factors", "raw_action_items", "raw_tickets",
          "raw_incidents", "ingest_problems")


@dataclass
class Summary:
    files_seen: int = 0
    parsed: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: int = 0
    problems: list[tuple[str, dict]] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    written: bool = False

    @property
    def errors(self) -> int:
        return sum(1 for _, p in self.problems if p.get("level", "error") == "error")


# --------------------------------------------------------------------------------------
# Finding files


def discover(paths: list[str]) -> tuple[list[str], list[str]]:
    """Every document file under ``paths`` (folders are walked; hidden entries and
    assets skipped). Returns (files, missing paths)."""
    files: set[str] = set()
    missing: list[str] = []
    for p in paths:
        p = os.path.expanduser(p)
        if os.path.isfile(p):
            files.add(os.path.abspath(p))
        elif os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in names:
                    if name.startswith(".") or Path(name).suffix.lower() in SKIP_SUFFIXES:
                        continue
                    if ".tmp-" in name:
                        continue
                    files.add(os.path.abspath(os.path.join(root, name)))
        else:
            missing.append(p)
    return sorted(files), missing


# --------------------------------------------------------------------------------------
# Reading


def _sha(path: str) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


# --------------------------------------------------------------------------------------
# Records to rows


def _rows(loaded: Loaded, run_id: int) -> dict[str, list[dict]]:
    r = loaded.record or {}
    path = loaded.path
    rows: dict[str, list[dict]] = {t: [] for t in TABLES}
    kind = r.get("kind")
    if kind == "postmortem":
        src = r.get("timestamp_sources") or {}
        lessons = r.get("lessons") or {}
        rows["raw_postmortems"].append({
            "file_path": path, "id": r.get("id"), "title": r.get("title"), "date": r.get("date"),
            "severity": r.get("severity"), "severity_level": r.get("severity_level"),
            "status": r.get("status"), "near_miss": bool(r.get("near_miss")),
            "incident_class": r.get("incident_class"),
            "started_at": r.get("started_at"), "detected_at": r.get("detected_at"),
            "mitigated_at": r.get("mitigated_at"), "resolved_at": r.get("resolved_at"),
            "started_source": src.get("started_at"), "detected_source": src.get("detected_at"),
            "mitigated_source": src.get("mitigated_at"), "resolved_source": src.get("resolved_at"),
            "owner": r.get("owner"), "teams": list(r.get("teams") or []),
            "services": list(r.get("services") or []), "reference": r.get("reference"),
            "written_on": r.get("written_on"), "reviewed_on": r.get("reviewed_on"),
            "summary": r.get("summary"), "went_well": list(lessons.get("went_well") or []),
            "went_wrong": list(lessons.get("went_wrong") or []),
            "lucky": list(lessons.get("lucky") or []), "body": loaded.text,
        })
        for n, e in enumerate(r.get("timeline") or []):
            rows["raw_timeline"].append({"file_path": path, "seq": n, "occurred_at": e.get("at"),
                                         "text": e.get("text"), "line": e.get("line"),
                                         "event": e.get("event")})
        for n, f in enumerate(r.get("contributing_factors") or []):
            rows["raw_factors"].append({"file_path": path, "seq": n, "text": f})
        for n, a in enumerate(r.get("action_items") or []):
            rows["raw_action_items"].append({
                "file_path": path, "seq": n, "text": a.get("text"), "owner": a.get("owner"),
                "due": a.get("due"), "ticket": a.get("ticket"), "status": a.get("status"),
                "kind": a.get("kind"), "line": a.get("line")})
    elif kind == "tracker_export":
        for n, t in enumerate(r.get("tickets") or []):
            rows["raw_tickets"].append({
                "file_path": path, "seq": n, "source": r.get("source"), "key": t.get("key"),
                "title": t.get("title"), "status": t.get("status"),
                "status_category": t.get("status_category"), "assignee": t.get("assignee"),
                "created_at": t.get("created_at"), "resolved_at": t.get("resolved_at"),
                "due": t.get("due"), "labels": [str(x) for x in t.get("labels") or []],
                "url": t.get("url")})
    elif kind == "incident_export":
        for n, i in enumerate(r.get("incidents") or []):
            rows["raw_incidents"].append({
                "file_path": path, "seq": n, "source": r.get("source"),
                "id": None if i.get("id") is None else str(i.get("id")), "title": i.get("title"),
                "severity": None if i.get("severity") is None else str(i.get("severity")),
                "started_at": i.get("started_at"), "detected_at": i.get("detected_at"),
                "acknowledged_at": i.get("acknowledged_at"), "mitigated_at": i.get("mitigated_at"),
                "resolved_at": i.get("resolved_at"),
                "services": [str(s) for s in i.get("services") or []],
                "source_id": _text(i.get("source_id")), "url": _text(i.get("url")),
                "status": _text(i.get("status"))})
    for p in r.get("problems") or []:
        rows["ingest_problems"].append({"file_path": path, "line": p.get("line"),
                                        "level": p.get("level", "error"),
                                        "message": p.get("message"), "run_id": run_id})
    return rows


def _text(v) -> str | None:
    return None if v is None else str(v)


def _record_count(r: dict) -> int:
    kind = r.get("kind")
    if kind == "postmortem":
        return 1
    if kind == "tracker_export":
        return len(r.get("tickets") or [])
    if kind == "incident_export":
        return len(r.get("incidents") or [])
    return 0


def _insert(con, table: str, rows: list[dict]) -> None:
    if not rows:
        return
    df = pd.DataFrame.from_records(rows)
    con.register("_rows", df)
    try:
        con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")  # table names are ours
    finally:
        con.unregister("_rows")


# --------------------------------------------------------------------------------------
# The ingest


def fingerprint(cfg: Config) -> str:
    """What, besides a file's bytes, changes how it parses: a changed config re-parses all."""
    data = {"tz": cfg.timezone, "taxonomy": [(n, [r.pattern for r in rules]) for n, rules in cfg.taxonomy],
            "status_map": cfg.status_map, "csv": cfg.csv_mappings, "max": [cfg.max_file_bytes, cfg.max_export_bytes],
            "parser": _parser_version()}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _parser_version() -> str:
    """A hash of the parser's own source, so that a new parser re-parses everything."""
    h = hashlib.sha256()
    for f in sorted(Path(__file__).resolve().parent.glob("*.py")):
        if f.name not in NOT_PARSER:
            h.update(f.read_bytes())
    return h.hexdigest()[:12]


def ingest(cfg: Config, paths: list[str] | None = None, db: str | os.PathLike | None = None,
           full: bool = False, progress=None) -> Summary:
    """Load ``paths`` (or the config's sources) into the database; return a Summary.

    Raises ConfigError when there is nothing to read, RuntimeError when another ingest
    holds the database. The database changes only if the whole load succeeds.
    """
    started = time.perf_counter()
    db_path = Path(db) if db else cfg.database
    if paths:
        files, missing = discover(paths)
        if missing:
            raise ConfigError("no such file or folder: " + ", ".join(missing))
    else:
        files = cfg.source_files()
        if not cfg.sources:
            raise ConfigError("no sources: give files or folders to ingest, or a config with sources")
    db_abs = os.path.abspath(db_path)
    files = [f for f in files if not f.startswith(db_abs)]
    summary = Summary(files_seen=len(files))
    options = cfg.options()
    fp = fingerprint(cfg)

    with store.lock(db_path):
        manifest, old_fp, old_models = _read_manifest(db_path)
        full = full or (old_fp is not None and old_fp != fp)
        todo: list[str] = []
        for f in files:
            try:
                st = os.stat(f)
            except OSError:
                todo.append(f)
                continue
            known = manifest.get(f)
            if not full and known and known[0] == st.st_size and known[1] == st.st_mtime_ns:
                summary.unchanged += 1
                continue
            if not full and known and known[0] == st.st_size and _sha(f) == known[2]:
                summary.unchanged += 1
                manifest[f] = (st.st_size, st.st_mtime_ns, known[2], True)  # touch: new mtime
                continue
            todo.append(f)
        removed = sorted(set(manifest) - set(files))
        touched = [f for f, v in manifest.items() if len(v) > 3]
        summary.removed = len(removed)
        if (not todo and not removed and not touched and old_fp == fp and db_path.exists()
                and old_models == store.models_fingerprint()):
            summary.seconds = time.perf_counter() - started
            return summary

        loaded = parse_files(todo, options, progress)
        with store.swap(db_path) as con:
            run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs").fetchall()[0][0]
            now = datetime.now(timezone.utc).replace(tzinfo=None)
            gone = removed + [ld.path for ld in loaded]
            if gone:
                con.register("_gone", pd.DataFrame({"path": gone}))
                for table in TABLES:
                    con.execute(f"DELETE FROM {table} WHERE file_path IN (SELECT path FROM _gone)")
                con.execute("DELETE FROM files WHERE path IN (SELECT path FROM _gone)")
                con.unregister("_gone")
            batch: dict[str, list[dict]] = {t: [] for t in TABLES}
            manifest_rows = []
            for ld in loaded:
                r = ld.record or {}
                rows = _rows(ld, run_id)
                for t in TABLES:
                    batch[t].extend(rows[t])
                probs = r.get("problems") or []
                errors = sum(1 for p in probs if p.get("level", "error") == "error")
                summary.parsed += 1
                kind = r.get("kind", "unknown")
                summary.kinds[kind] = summary.kinds.get(kind, 0) + 1
                if kind == "unknown":
                    summary.failed += 1
                summary.problems.extend((ld.path, p) for p in probs)
                manifest_rows.append({"path": ld.path, "size": ld.size, "mtime_ns": ld.mtime_ns,
                                      "sha256": ld.sha256, "kind": kind, "source": r.get("source"),
                                      "records": _record_count(r), "errors": errors,
                                      "warnings": len(probs) - errors, "loaded_at": now,
                                      "run_id": run_id})
            for t in TABLES:
                _insert(con, t, batch[t])
            _insert(con, "files", manifest_rows)
            for f in touched:
                size, mtime, _, _ = manifest[f]
                con.execute("UPDATE files SET mtime_ns = ? WHERE path = ?", [mtime, f])
            _write_settings(con, cfg, fp)
            con.execute(
                "INSERT INTO ingest_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [run_id, now, datetime.now(timezone.utc).replace(tzinfo=None), full,
                 summary.files_seen, summary.parsed, summary.unchanged, summary.removed,
                 summary.failed, len(summary.problems), str(cfg.path) if cfg.path else None])
        summary.written = True
    summary.seconds = time.perf_counter() - started
    return summary


def _read_manifest(db_path: Path):
    """What the last load left: {path: (size, mtime_ns, sha256)}, its config
    fingerprint and its SQL models' fingerprint (one read-only open of the file)."""
    if not db_path.exists():
        return {}, None, None
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return {}, None, None
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "files" not in tables:
            return {}, None, None
        manifest = {p: (s, m, h) for p, s, m, h in
                    con.execute("SELECT path, size, mtime_ns, sha256 FROM files").fetchall()}
        settings = dict(con.execute("SELECT key, value FROM settings").fetchall())
        return manifest, settings.get("fingerprint"), settings.get("models")
    finally:
        con.close()


def _write_settings(con, cfg: Config, fp: str) -> None:
    con.execute("DELETE FROM settings")
    settings = {"fingerprint": fp, "models": store.models_fingerprint(), "timezone": cfg.timezone, "default_repo": cfg.default_repo or "",
                "match_window_minutes": cfg.match_window_minutes,
                "recurrence_window_days": cfg.recurrence_window_days,
                "min_sample": cfg.min_sample, "detect_threshold_minutes": cfg.detect_threshold_minutes,
                "config_path": str(cfg.path) if cfg.path else ""}
    con.executemany("INSERT INTO settings VALUES (?, ?)", [[k, str(v)] for k, v in settings.items()])
    con.execute("DELETE FROM sla_days")
    con.executemany("INSERT INTO sla_days VALUES (?, ?)",
                    [[None if k == "default" else k, v] for k, v in cfg.sla_days.items()])


# --------------------------------------------------------------------------------------
# The command


def cmd_ingest(args) -> int:
    from loaders.progress import Bar

    cfg = load_config(args.config, required=bool(args.config))
    show = not args.quiet
    bar = Bar("parsing") if show and sys.stderr.isatty() else None
    try:
        summary = ingest(cfg, args.paths or None, args.db, args.full, progress=bar)
    except RuntimeError as e:
        print(f"hindsight: {e}", file=sys.stderr)
        return 2
    except (OSError, duckdb.Error) as e:
        print(f"hindsight: ingest failed, the database is unchanged: {e}", file=sys.stderr)
        return 1
    finally:
        if bar:
            bar.close()
    db_path = args.db or cfg.database
    if show:
        print_summary(summary, db_path)
    if summary.errors or (args.strict and summary.problems):
        return 1
    return 0


def print_summary(s: Summary, db_path, out=None) -> None:
    out = out or sys.stdout
    kinds = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(s.kinds.items()))
    print(f"{s.files_seen} files: {s.parsed} parsed, {s.unchanged} unchanged, {s.removed} removed, "
          f"{s.failed} failed ({s.seconds:.2f} s)" + (f"  [{kinds}]" if kinds else ""), file=out)
    if s.problems:
        errors = s.errors
        print(f"{len(s.problems)} problems ({errors} lost data, {len(s.problems) - errors} warnings):",
              file=out)
        by_file: dict[str, list[dict]] = {}
        for path, p in s.problems:
            by_file.setdefault(path, []).append(p)
        shown = 0
        for path, probs in by_file.items():
            for p in sorted(probs, key=lambda p: (p.get("level") != "error", p.get("line") or 0)):
                if shown >= 50:
                    break
                where = f"{path}:{p['line']}" if p.get("line") else path
                print(f"  {p.get('level', 'error')}: {where}: {p['message']}", file=out)
                shown += 1
        if len(s.problems) > shown:
            print(f"  ... and {len(s.problems) - shown} more (see the Data quality page)", file=out)
    if s.written:
        print(f"database: {db_path}", file=out)
    else:
        print(f"nothing changed; {db_path} left as it was", file=out)
