"""``hindsight ingest``: load the sources into the DuckDB store, incrementally,
additively and all-or-nothing.

- Additive: the database remembers its sources (table ``sources``). ``ingest PATH...``
  adds or refreshes those paths and keeps everything else; ``ingest`` alone re-reads the
  database's own sources and the config's. A file's rows go only when the file
  disappeared from its source while that source was re-read, or with ``replace``; a load
  that would remove more than half of the postmortems stops unless asked to
  (``RemovalRefused``); a load that finds nothing to read stops (``NothingToLoad``).
- Incremental: a file whose size and modification time are unchanged is not read; one
  whose content hash is unchanged is not parsed.
- All-or-nothing: the change is written to a copy of the database that replaces the
  original in one rename (store.swap), under a lock that admits one writer.

``plan`` works out what a load would do without writing, for the dashboard's preview.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sys
import time
from dataclasses import dataclass, field
from typing import NamedTuple
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from loaders import chunks, corrections, rows, snapshot, store, workers
from loaders.config import Config, ConfigError, choose_database, config_and_database
from loaders.discover import DiscoveryError, Found, Ignore, Source, discover
from loaders.options import EXPORT_SUFFIXES
from loaders.problems import problem
from loaders.rows import TABLES
from loaders.workers import alone, iter_export, iter_files


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
    skipped: list[tuple[str, str]] = field(default_factory=list)   # (path, why): not incidents
    dropped: dict[str, int] = field(default_factory=dict)          # kind -> files dropped by replace
    empty_sources: list[str] = field(default_factory=list)         # read, matched nothing: kept as they were
    missing_sources: list[str] = field(default_factory=list)       # remembered, gone: kept as they were
    undated: int = 0                                               # postmortems on no chart: no date
    db: Path | None = None

    @property
    def errors(self) -> int:
        return sum(1 for _, p in self.problems if p.get("level", "error") == "error")


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
# The ingest


def fingerprint(cfg: Config) -> str:
    """What, besides a file's bytes, changes how it parses: a changed config re-parses all."""
    data = {"tz": cfg.timezone, "taxonomy": [(n, [r.pattern for r in rules]) for n, rules in cfg.taxonomy],
            "status_map": cfg.status_map, "csv": cfg.csv_mappings, "max": [cfg.max_file_bytes, cfg.max_export_bytes],
            "lint": sorted(cfg.lint_disabled),
            "parser": _parser_version()}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def marts_inputs(cfg: Config) -> str:
    """What, besides the files, changes the marts but not parsing (SLA days, people,
    links, windows): a change rebuilds them even when no file changed."""
    data = {"sla": sorted(map(list, cfg.sla_days.items()), key=str), "people": cfg.aliases(), "jira": cfg.jira_base_url,
            "recurrence": cfg.recurrence_window_days, "recurrence_key": cfg.recurrence_key, "match": cfg.match_window_minutes,
            "repo": cfg.default_repo}
    return hashlib.sha256(json.dumps(data, sort_keys=True, default=str).encode()).hexdigest()[:16]


def _parser_version() -> str:
    """A hash of the loaders' own source (every module under loaders/, the parsers and the
    code that turns their records into rows), so that a new version re-reads every file
    once. The demo generator lives outside loaders/ and does not count."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parent
    for f in sorted(root.rglob("*.py")):
        h.update(str(f.relative_to(root)).encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:12]


class NothingToLoad(ValueError):
    """The sources hold no file to read; the database was not touched (exit 1)."""


class RemovalRefused(ValueError):
    """The load would remove more than half of the postmortems; asked for nothing (exit 2)."""


class Known(NamedTuple):
    """What the database holds about one file (a tuple: an unchanged re-ingest reads
    100,000 of them)."""

    size: int
    mtime_ns: int
    sha256: str | None
    kind: str | None
    origin: str | None


@dataclass
class State:
    """What the last load left in the database (read in one read-only open)."""

    files: dict[str, Known] = field(default_factory=dict)
    sources: list[Source] = field(default_factory=list)
    fingerprint: str | None = None
    models: str | None = None
    exists: bool = False
    corrections: str | None = None   # digest of the corrections file the last load applied
    marts_inputs: str | None = None  # marts_inputs() of the last load's config
    listing: str | None = None       # listing() of the files the last load left


def listing(entries) -> str:
    """A digest of (path, size, mtime_ns, origin) for every file: equal digests mean the
    same files, each as large, as old and from the same source, as the last load left
    them. It lets an unchanged re-ingest compare its discovery with one stored value
    instead of reading a row per file."""
    h = hashlib.sha256()
    h.update("\0".join(sorted(f"{p}\t{size}\t{mtime}\t{origin}" for p, size, mtime, origin in entries))
             .encode("utf-8", "surrogatepass"))
    return h.hexdigest()


@dataclass
class Plan:
    """What a load will do, worked out before anything is written."""

    db: Path
    sources: list[Source]
    found: Found
    todo: list[str]
    unchanged: int
    touched: dict[str, int]          # unchanged content, new mtime
    moved: dict[str, str]            # found through another source now
    removed: list[str]
    removed_kinds: dict[str, int]
    # postmortem files the database holds before the load, for the removal guard (0 when
    # every file is as the last load left it: no row is read then, and nothing is removed)
    postmortems: int
    forget: list[str]                # remembered sources dropped (replace)
    full: bool
    fingerprint: str
    up_to_date: bool
    corrections: Corrections
    walk_key: str = ""               # what the discovery's snapshot is keyed by
    as_left: bool = False            # every file found is as the last load left it
    listing: str | None = None       # the database's listing digest before the load

    @property
    def removed_postmortems(self) -> int:
        return self.removed_kinds.get("postmortem", 0)


def sources_for(cfg: Config, paths: list[str] | None, state: State) -> list[Source]:
    """What a load reads: the paths given; else the database's remembered sources and the
    config's (the bundled demo config's only for a database that remembers none)."""
    if paths:
        return list({os.path.abspath(os.path.expanduser(p)): Source(os.path.abspath(os.path.expanduser(p)))
                     for p in paths}.values())
    config = [Source(pattern, kind, str(cfg.path) if cfg.path else None)
              for kind, pattern in cfg.source_patterns()]
    if cfg.is_demo and state.sources:
        config = []
    merged: dict[str, Source] = {}
    for src in state.sources + config:
        merged.setdefault(src.pattern, src)
    return list(merged.values())


def plan(cfg: Config, paths: list[str] | None = None, db: str | os.PathLike | None = None,
         full: bool = False, replace: bool = False, allow_removal: bool = False,
         progress=None) -> Plan:
    """What ``ingest`` would do with these arguments; reads, never writes.

    Raises ConfigError (no sources, a path that does not exist), DiscoveryError (too
    many files), NothingToLoad and RemovalRefused."""
    db_path = choose_database(cfg, db)[0]
    state = read_state(db_path, files=False)
    sources = sources_for(cfg, paths, state)
    if not sources:
        raise ConfigError(f"no sources: give files or folders to ingest, or a config with sources "
                          f"({cfg.describe()} lists none and {db_path} remembers none)")
    exclude = Ignore(cfg.exclude, str(cfg.base)) if cfg.exclude else None
    skip = tuple(str(p) for p in (db_path, cfg.path) if p)
    fp = fingerprint(cfg)
    full = full or (state.fingerprint is not None and state.fingerprint != fp)
    walk_key = snapshot.key([(s.pattern, s.kind) for s in sources], cfg.exclude, str(cfg.base),
                            cfg.follow_symlinks, cfg.max_files, skip, os.path.abspath(db_path), fp)
    # the last load's discovery, when a stat of each file it found shows nothing changed
    found = None if full else snapshot.replay(snapshot.read(db_path), walk_key, state.listing)
    if found is None:
        found = discover(sources, exclude=exclude, follow_symlinks=cfg.follow_symlinks,
                         max_files=cfg.max_files, skip_paths=skip, progress=progress)
    if paths and found.missing:
        raise ConfigError("no such file or folder: " + ", ".join(found.missing))
    db_abs = os.path.abspath(db_path)
    for f in [f for f in found.files if f.startswith(db_abs)]:
        del found.files[f]
    if not found.files:
        where = ", ".join(s.pattern for s in sources)
        extra = f" ({len(found.skipped)} skipped: " + ", ".join(
            f"{os.path.basename(p)}: {why}" for p, why in found.skipped[:3]) + ")" if found.skipped else ""
        raise NothingToLoad(f"nothing to load: no readable file in {where}{extra}; {db_path} is unchanged")

    todo: list[str] = []
    touched: dict[str, int] = {}
    unchanged = 0
    as_left = found.replayed or (state.listing is not None and state.listing == listing(
        (f, *found.stats[f], origin) for f, origin in found.files.items()))
    if as_left:   # the files the last load left, each unchanged: no row of them is needed
        todo, unchanged = (list(found.files), 0) if full else ([], len(found.files))
    else:      # something changed: which files, file by file
        state.files = read_state(db_path).files
    for f in () if as_left else found.files:
        known = state.files.get(f)
        if full or known is None:
            todo.append(f)
            continue
        size, mtime_ns = found.stats[f]   # discovery's stat of the file
        if known.size == size and known.mtime_ns == mtime_ns:
            unchanged += 1
            continue
        try:
            same = known.size == size and _sha(f) == known.sha256
        except OSError:   # gone or unreadable since it was found: the parse will say so
            same = False
        if same:
            unchanged += 1
            touched[f] = mtime_ns
        else:
            todo.append(f)

    read_now = {s.pattern for s in sources} - set(found.empty) - set(found.missing)
    if replace:
        removed = [f for f in state.files if f not in found.files]
    else:
        removed = [f for f, k in state.files.items() if f not in found.files and (
            k.origin in read_now or (k.origin is None and not paths and not os.path.lexists(f)))]
    removed_kinds: dict[str, int] = {}
    for f in removed:
        kind = state.files[f].kind or "unknown"
        removed_kinds[kind] = removed_kinds.get(kind, 0) + 1
    postmortems = sum(1 for k in state.files.values() if k.kind == "postmortem")
    gone = removed_kinds.get("postmortem", 0)
    if gone and gone * 2 > postmortems and not (replace or allow_removal):
        raise RemovalRefused(
            f"this load would remove {gone} of the {postmortems} postmortems in {db_path} (their files "
            f"are gone from {', '.join(sorted(read_now))}); nothing was changed. If that is what you "
            "want, run it again with --replace.")
    moved = {f: origin for f, origin in found.files.items()
             if f in state.files and state.files[f].origin != origin}
    remembered = {s.pattern for s in state.sources}
    forget = sorted(remembered - {s.pattern for s in sources}) if replace else []
    fixes = Corrections.read(cfg.corrections_for(db_path))
    up_to_date = (not todo and not removed and not touched and not moved and not forget
                  and state.exists and state.fingerprint == fp and state.models == store.models_fingerprint()
                  and state.corrections == fixes.digest and state.marts_inputs == marts_inputs(cfg)
                  and {s.pattern for s in sources if s.pattern in read_now} <= remembered)
    return Plan(db_path, sources, found, todo, unchanged, touched, moved, removed, removed_kinds,
                postmortems, forget, full, fp, up_to_date, fixes, walk_key, as_left, state.listing)


def ingest(cfg: Config, paths: list[str] | None = None, db: str | os.PathLike | None = None,
           full: bool = False, progress=None, replace: bool = False,
           allow_removal: bool = False) -> Summary:
    """Load ``paths`` (or the database's and the config's sources) into the database.

    Raises ConfigError when there is nothing to read from, NothingToLoad when the sources
    hold no file, RemovalRefused when more than half of the postmortems would go without
    ``replace`` or ``allow_removal``, RuntimeError when another ingest holds the database.
    The database changes only if the whole load succeeds.
    """
    started = time.perf_counter()
    db_path = choose_database(cfg, db)[0]
    options = cfg.options()
    with store.lock(db_path):
        p = plan(cfg, paths, db_path, full, replace, allow_removal)
        found = p.found
        summary = Summary(files_seen=len(found.files), unchanged=p.unchanged, removed=len(p.removed),
                          skipped=list(found.skipped), empty_sources=list(found.empty),
                          missing_sources=list(found.missing), db=db_path)
        summary.problems.extend((path, {"line": None, "level": "warning", "message": why})
                                for path, why in found.problems)
        if replace:
            summary.dropped = dict(p.removed_kinds)
        if p.up_to_date:
            if p.as_left and not found.replayed:   # walked (the tree was too new last time): keep it now
                snapshot.write(db_path, snapshot.take(found, p.walk_key, p.listing, found.stats, db_path))
            summary.undated = undated(db_path)
            summary.seconds = time.perf_counter() - started
            return summary

        found.stats.clear()   # the plan's "unchanged?" test was their only reader
        import pyarrow as pa   # the write's imports, not an unchanged re-ingest's

        from loaders import similar

        # Parse and write at once, a batch at a time (loaders/rows.py): the ingest holds one
        # batch of parsed files, not the archive, and the workers parse while it writes.
        sizes = {f: _size(f) for f in p.todo}
        big = [f for f in p.todo if chunks.streamed(f, sizes[f])]   # exports read a chunk at a time
        streamed = set(big)
        # Exports first (one larger than a chunk's share of the bytes is a chunk of its own):
        # the longest parses start at once, side by side, while postmortems keep the other
        # workers busy (last, one worker would parse them alone). Rows do not depend on the
        # order files are read in; the problems and skipped files are listed in found order.
        # Files the pool parses apart (workers.alone) go before the other exports: the pool
        # that parsed them makes way for a fresh one once, not after each.
        small = sorted((f for f in p.todo if f not in streamed),
                       key=lambda f: (not alone(f, sizes[f], options), not f.lower().endswith(EXPORT_SUFFIXES)))
        with store.swap(db_path, derive=similar.refresh) as con, \
                contextlib.closing(iter_files(small, options, progress, sizes=sizes)) as loaded:
            run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs").fetchall()[0][0]
            now = datetime.now(timezone.utc).replace(tzinfo=None)
            gone = p.removed + p.todo   # the files re-read now get new rows
            if gone:
                con.register("_gone", pa.table({"path": gone}))
                for table in TABLES:
                    con.execute(f"DELETE FROM {table} WHERE file_path IN (SELECT path FROM _gone)")
                con.execute("DELETE FROM files WHERE path IN (SELECT path FROM _gone)")
                con.unregister("_gone")
            batch = rows.Batches(con)
            listed = len(summary.problems), len(summary.skipped)
            for ld in loaded:
                r = ld.record
                kind = r.kind
                probs = [{"line": pr.line, "message": pr.message, "level": pr.level} for pr in r.problems]
                errors = r.errors
                if kind == "skipped":
                    summary.skipped.append((ld.path, r.reason or "not an incident"))
                else:
                    summary.parsed += 1
                    summary.kinds[kind] = summary.kinds.get(kind, 0) + 1
                    summary.failed += kind == "unknown"
                    for piece in rows.pieces(ld, run_id):   # (a big export's rows a piece at a time)
                        batch.add(piece, files=0)
                summary.problems.extend((ld.path, pr) for pr in probs)
                batch.add({"files": [{"path": ld.path, "size": ld.size, "mtime_ns": ld.mtime_ns,
                                      "sha256": ld.sha256, "kind": kind, "source": r.source,
                                      "note": r.reason, "records": r.records, "errors": errors,
                                      "warnings": len(probs) - errors, "loaded_at": now,
                                      "run_id": run_id, "origin": found.files.get(ld.path)}]},
                          len(ld.text or ""))
            order = {f: n for n, f in enumerate(p.todo)}
            summary.problems[listed[0]:] = sorted(summary.problems[listed[0]:], key=lambda pr: order[pr[0]])
            summary.skipped[listed[1]:] = sorted(summary.skipped[listed[1]:], key=lambda sk: order[sk[0]])
            for path in big:
                _stream_export(path, options, run_id, now, found.files.get(path), summary, batch)
            workers.release()   # every file is parsed: the fork server is not needed again
            batch.flush()
            rows.release_arrow_memory()   # ... and every row written
            if p.touched:
                con.executemany("UPDATE files SET mtime_ns = ? WHERE path = ?",
                                [[m, f] for f, m in p.touched.items()])
            if p.moved:
                con.register("_moved", pa.table({"path": list(p.moved), "origin": list(p.moved.values())}))
                con.execute("UPDATE files SET origin = m.origin FROM _moved m WHERE files.path = m.path")
                con.unregister("_moved")
            _remember(con, p, now)
            summary.problems.extend(_write_corrections(con, p.corrections, run_id))
            held = con.execute("SELECT path, size, mtime_ns, origin FROM files").fetchall()
            digest = listing(held)
            _write_settings(con, cfg, p.fingerprint, p.corrections.digest, digest)
            walk = snapshot.take(found, p.walk_key, digest, {path: (size, mtime) for path, size, mtime, _ in held},
                                 db_path)
            del held
            con.execute(
                "INSERT INTO ingest_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [run_id, now, datetime.now(timezone.utc).replace(tzinfo=None), p.full,
                 summary.files_seen, summary.parsed, summary.unchanged, summary.removed,
                 summary.failed, len(summary.problems), str(cfg.path) if cfg.path else None])
            # The marts build as this block ends. What was kept a file each (paths, origins,
            # sizes, the read order) is not read again: let it go first (about 50 MB of the
            # ingest's peak at 100,000 files, which the marts' own memory sat on top of).
            for kept in (found.files, found.visits, sizes, order, p.todo, small, gone):
                kept.clear()
        summary.written = True
        if not found.replayed:   # (a replayed one still holds: no file changed)
            snapshot.write(db_path, walk)   # after the swap (it describes a database that exists), in the lock
    summary.undated = undated(db_path)
    summary.seconds = time.perf_counter() - started
    return summary


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def _stream_export(path: str, options, run_id: int, now, origin, summary: Summary, batch) -> None:
    """One big export into ``batch``, a chunk at a time (loaders/chunks.py): its rows as
    each chunk is parsed (in a worker process: loaders.workers.iter_export), its manifest
    row (with the whole file's hash) at the end."""
    kind, source, records, errors, problems = None, None, 0, 0, 0
    size = mtime_ns = 0
    sha256 = ""
    with contextlib.closing(iter_export(path, options)) as parts:
        for msg in parts:
            if msg[0] == "stat":
                size, mtime_ns = msg[1], msg[2]
                continue
            if msg[0] == "end":
                sha256 = msg[1]
                continue
            r = msg[1]
            _add_part(batch, r, path, size, mtime_ns, run_id, records, summary)
            if kind in (None, "unknown"):
                kind, source = r.kind, r.source
            records += r.records
            errors += r.errors
            problems += len(r.problems)
    summary.parsed += 1
    summary.kinds[kind] = summary.kinds.get(kind, 0) + 1
    summary.failed += kind == "unknown"
    batch.add({"files": [{"path": path, "size": size, "mtime_ns": mtime_ns,
                          "sha256": sha256, "kind": kind, "source": source, "note": None,
                          "records": records, "errors": errors, "warnings": problems - errors,
                          "loaded_at": now, "run_id": run_id, "origin": origin}]})


def _add_part(batch, r, path: str, size: int, mtime_ns: int, run_id: int, first: int, summary: Summary) -> None:
    """One parsed chunk of a big export: its rows into ``batch``, its problems into ``summary``."""
    from loaders.reading import Loaded

    batch.add(rows.of(Loaded(path, size, mtime_ns, None, r), run_id, first=first))
    summary.problems.extend((path, {"line": pr.line, "message": pr.message, "level": pr.level})
                            for pr in r.problems)


@dataclass
class Corrections:
    """The corrections file as this load read it (loaders/corrections.py)."""

    path: Path
    fixes: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    digest: str = ""

    @classmethod
    def read(cls, path: Path) -> "Corrections":
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return cls(path)
        except OSError as e:
            return cls(path, [], [problem(None, f"cannot read the corrections file: {e.strerror or e}")], "unreadable")
        digest = hashlib.sha256(data).hexdigest()[:16]
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as e:
            line = data[: e.start].count(b"\n") + 1
            return cls(path, [], [problem(line, "the corrections file is not UTF-8; none applied")], digest)
        fixes, problems = corrections.read(text)
        return cls(path, fixes, problems, digest)


def _write_corrections(con, c: Corrections, run_id: int) -> list[tuple[str, dict]]:
    """Replace the corrections the database applies with ``c``'s; a correction for an id
    no postmortem carries, or for an action item the document does not have, is a
    warning (kept, so it applies again if the document comes back)."""
    path = str(c.path)
    con.execute("DELETE FROM raw_corrections")
    con.execute("DELETE FROM ingest_problems WHERE file_path = ?", [path])
    rows.insert(con, "raw_corrections", [f.row(path) for f in c.fixes])
    problems = list(c.problems)
    ids = _action_counts(con)
    for f in c.fixes:
        if (why := unmatched(f.doc_id, f.item, ids)):
            problems.append(problem(f.line, why + "; not applied", level="warning"))
    rows.insert(con, "ingest_problems", [{"file_path": path, "line": p.get("line"), "level": p.get("level", "error"),
                                      "message": p.get("message"), "run_id": run_id} for p in problems])
    return [(path, p) for p in problems]


# each loaded postmortem's id and how many action items it has
_ACTION_COUNTS = ("SELECT p.id, count(a.seq) FROM raw_postmortems p LEFT JOIN raw_action_items a "
                  "USING (file_path) GROUP BY p.id, p.file_path")


def _action_counts(con) -> dict[str, int]:
    return dict(con.execute(_ACTION_COUNTS).fetchall())


def unmatched(doc_id: str, item: int | None, ids: dict[str, int]) -> str | None:
    """Why a correction for ``doc_id`` (its action ``item``) matches nothing loaded, or None."""
    if doc_id not in ids:
        return f"correction for {doc_id!r}: no loaded postmortem has this id"
    if item is not None and item > ids[doc_id]:
        n = ids[doc_id]
        return f"correction for {doc_id!r} action item {item}: the document has {n} action item{'s' * (n != 1)}"
    return None


def loaded_ids(db_path: Path) -> dict[str, int] | None:
    """Each loaded postmortem's id and how many action items it has, in the database at
    ``db_path``; None when it cannot tell (no database yet, or one a writer holds)."""
    rows = store.read_only(db_path, _ACTION_COUNTS)
    return None if rows is None else dict(rows)


def _remember(con, p: Plan, now: datetime) -> None:
    """The sources this load read (those that matched files) join the database's memory;
    ``replace`` forgets the others."""
    read = [s for s in p.sources if s.pattern not in p.found.empty and s.pattern not in p.found.missing]
    con.executemany(
        "INSERT INTO sources VALUES ($pattern, $kind, $config, $now, $now) "
        "ON CONFLICT (pattern) DO UPDATE SET last_read_at = excluded.last_read_at, "
        "kind = coalesce(excluded.kind, sources.kind), config = coalesce(excluded.config, sources.config)",
        [{"pattern": s.pattern, "kind": s.kind, "config": s.config, "now": now} for s in read])
    if p.forget:
        con.executemany("DELETE FROM sources WHERE pattern = ?", [[f] for f in p.forget])


def read_state(db_path: Path, files: bool = True) -> State:
    """What the last load left: its files, sources and fingerprints (one read-only open).
    ``files=False`` leaves the files out (State.files empty): what re-ingest would read
    needs only the sources, and the files are one row per file loaded."""
    if not db_path.exists():
        return State()
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return State()
    try:
        tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
        if "files" not in tables:
            return State(exists=True)
        columns = {r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'files'").fetchall()}
        origin = "origin" if "origin" in columns else "NULL"
        query = f"SELECT path, size, mtime_ns, sha256, kind, {origin} FROM files"  # noqa: S608 (a column name of ours)
        rows = con.execute(query).fetchall() if files else []
        known = dict(zip((r[0] for r in rows), map(Known._make, (r[1:] for r in rows))))
        sources = []
        if "sources" in tables:
            sources = [Source(pattern, kind, config) for pattern, kind, config in con.execute(
                "SELECT pattern, kind, config FROM sources ORDER BY added_at, rowid").fetchall()]  # as listed
        settings = dict(con.execute("SELECT key, value FROM settings").fetchall())
        return State(known, sources, settings.get("fingerprint"), settings.get("models"), True,
                     settings.get("corrections"), settings.get("marts_inputs"), settings.get("listing"))
    finally:
        con.close()


def undated(db_path: Path) -> int:
    """Postmortems in the database with no date: loaded, but on no chart."""
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return 0
    try:
        return con.execute("SELECT count(*) FROM mart_incidents WHERE incident_date IS NULL").fetchall()[0][0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def _write_settings(con, cfg: Config, fp: str, corrections: str = "", files: str = "") -> None:
    con.execute("DELETE FROM settings WHERE NOT starts_with(key, 'similar_')")  # loaders/similar.py keeps its own
    settings = {"fingerprint": fp, "corrections": corrections, "models": store.models_fingerprint(), "timezone": cfg.timezone, "default_repo": cfg.default_repo or "",
                "match_window_minutes": cfg.match_window_minutes,
                "recurrence_window_days": cfg.recurrence_window_days, "recurrence_key": cfg.recurrence_key,
                "min_sample": cfg.min_sample, "detect_threshold_minutes": cfg.detect_threshold_minutes,
                "config_path": str(cfg.path) if cfg.path else "", "jira_base_url": cfg.jira_base_url or "",
                "marts_inputs": marts_inputs(cfg), "listing": files}
    con.executemany("INSERT INTO settings VALUES (?, ?)", [[k, str(v)] for k, v in settings.items()])
    con.execute("DELETE FROM people")
    if cfg.aliases():
        con.executemany("INSERT INTO people VALUES (?, ?)", [list(r) for r in cfg.aliases()])
    con.execute("DELETE FROM sla_days")
    con.executemany("INSERT INTO sla_days VALUES (?, ?)",
                    [[None if k == "default" else k, v] for k, v in cfg.sla_days.items()])


# --------------------------------------------------------------------------------------
# The command


def cmd_ingest(args) -> int:
    import signal
    import threading

    from loaders.progress import Bar, printable

    class Terminated(BaseException):
        """SIGTERM, raised where the ingest is: the swap's copy and the workers go with it."""

    def terminated(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # one is enough: let the clean-up finish
        raise Terminated

    cfg, db_path, why = config_and_database(args.config, args.db)
    show = not args.quiet
    bar = Bar("parsing") if show and sys.stderr.isatty() else None
    on_term = None
    if threading.current_thread() is threading.main_thread():
        on_term = signal.signal(signal.SIGTERM, terminated)
    try:
        summary = ingest(cfg, args.paths or None, db_path, args.full, progress=bar, replace=args.replace)
    except Terminated:
        try:  # a copy store.swap had made but not yet begun to guard (SIGTERM in duckdb.connect)
            store._remove_stale(Path(db_path))
        except Exception:
            pass
        print("hindsight: terminated; the database holds the last complete load", file=sys.stderr)
        return 128 + signal.SIGTERM
    except (RuntimeError, RemovalRefused, DiscoveryError) as e:
        print(f"hindsight: {printable(str(e))}", file=sys.stderr)
        return 2
    except NothingToLoad as e:
        print(f"hindsight: {printable(str(e))}", file=sys.stderr)
        return 1
    except (OSError, duckdb.Error) as e:
        print(f"hindsight: ingest failed, the database is unchanged: {printable(str(e))}", file=sys.stderr)
        return 1
    finally:
        if on_term is not None:
            signal.signal(signal.SIGTERM, on_term)
        if bar:
            bar.close()
    if show:
        print_summary(summary, db_path, f"{why}; config: {cfg.describe()}")
    if summary.errors or (args.strict and summary.problems):
        return 1
    return 0


def print_summary(s: Summary, db_path, where: str = "", out=None) -> None:
    """What the load did, every problem by file and line, and the database it wrote."""
    from loaders.progress import printable

    out = out or sys.stdout
    kinds = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(s.kinds.items()))
    print(f"{s.files_seen} files: {s.parsed} parsed, {s.unchanged} unchanged, {s.removed} removed, "
          f"{s.failed} failed, {len(s.skipped)} skipped ({s.seconds:.2f} s)"
          + (f"  [{kinds}]" if kinds else ""), file=out)
    for path, why in s.skipped[:20]:
        print(f"  info: {printable(path)}: skipped, {why}", file=out)
    if len(s.skipped) > 20:
        print(f"  ... and {len(s.skipped) - 20} more skipped", file=out)
    if s.dropped:
        print("--replace dropped " + ", ".join(f"{n} {k.replace('_', ' ')} files" for k, n in s.dropped.items())
              + " no longer in the sources read", file=out)
    for src in s.empty_sources:
        print(f"  warning: {printable(src)} matched no file; what it loaded before is kept", file=out)
    for src in s.missing_sources:
        print(f"  warning: {printable(src)} no longer exists; what it loaded before is kept "
              "(--replace drops it)", file=out)
    if s.undated:
        print(f"{s.undated} postmortems have no date: loaded, but on no chart until they get one "
              "(listed on the Data quality page)", file=out)
    if s.problems:
        errors = s.errors
        print(f"{len(s.problems)} problems ({errors} lost data, {len(s.problems) - errors} warnings):",
              file=out)
        # the errors first, whichever files hold them (what made the exit code 1 must not
        # sit among the warnings past the fiftieth line), then the warnings; by file, by line
        order = {path: i for i, path in enumerate(dict.fromkeys(path for path, _ in s.problems))}
        ranked = sorted(s.problems, key=lambda pp: (pp[1].get("level") != "error", order[pp[0]], pp[1].get("line") or 0))
        shown = min(len(ranked), 50)
        for path, p in ranked[:shown]:
            where_ = f"{path}:{p['line']}" if p.get("line") else path
            print(f"  {p.get('level', 'error')}: {printable(where_)}: {printable(str(p['message']))}", file=out)
        if len(s.problems) > shown:
            print(f"  ... and {len(s.problems) - shown} more (see the Data quality page)", file=out)
    suffix = f" ({where})" if where else ""
    if s.written:
        print(f"database: {printable(str(db_path))}{suffix}", file=out)
    else:
        print(f"nothing changed; {printable(str(db_path))} left as it was{suffix}", file=out)
