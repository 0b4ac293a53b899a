"""What a load's discovery found, kept so that the next load can prove nothing changed
with one stat a file and no walk.

Guarantee: ``replay`` returns a discovery only when every folder the walk read still
has the modification and change times it had, and every file the walk stat-ed (each
document, each ``.hindsightignore``) still has its size and modification time (and an
ignore file its change time); then ``discover`` would return the same files, origins,
skips and problems, because a folder's times change whenever a name in it is added,
removed or renamed, and nothing else the walk reads can change without one of those
stats changing. The change time is what catches ``tar x``, ``cp -a`` and ``rsync -a``,
which set a folder's modification time back after adding names to it: nothing can set
a ctime back. Anything else (a folder or file gone, a stat that differs, another set of
sources, config or format) gives None, and the load walks as before. It trusts what the
walk trusts, file times as the file system reports them (an edit that keeps a file's
size and time is missed by both; a network file system's cached times may lag another
machine's change), and is otherwise never wrong, only sometimes not used:

- a walk that followed a symbolic link to a file, met a problem or a missing source,
  could not stat a folder, read a ``.hindsightignore`` that is a link or unreadable, or
  was given a file that is a link, excluded or found already, keeps no snapshot (what it
  read depends on more than the stats it holds); a link to a folder is one when the
  config follows links, else no folder of the walk;
- nor does one whose database sits in a folder it walked (writing the snapshot would
  change the folder's time, and every load would walk and write again);
- nor does one where anything it stat-ed changed within ``RACY_NS`` of the walk: a name
  added in the same clock tick as the folder's last change would leave its time as it
  was (git's "racily clean" entries; two seconds also covers FAT's coarse times).

It is kept beside the database (``<db>.walk``, written whole or not at all) with the
listing digest of the files the database holds (loaders/ingest.py's ``listing``), and is
replayed only for that database: one restored from a backup, or changed by a load that
did not write a new snapshot, has another listing. A load that writes keeps a snapshot;
so does an unchanged load that had to walk (the tree was too new last time).

An unchanged re-ingest of 100,000 files stats them in about 0.25 s instead of walking,
sorting and filtering them in about 0.75 s (docs/SCALING.md).
"""
from __future__ import annotations

import glob
import hashlib
import json
import os
import struct
from array import array
from pathlib import Path

from loaders.discover import _DIR_FLAGS, _STAT_AT as _AT, Found  # (discovery's own stat-at test)

FORMAT = 2
RACY_NS = 2_000_000_000
_HEAD = struct.Struct("<III")   # the header's, the names' and the stats' lengths in bytes


def key(*parts) -> str:
    """A digest of what decides what a walk finds besides the files (the sources, the
    exclude globs, the paths never returned, the limits): a snapshot taken under another
    key is not replayed."""
    return hashlib.sha256(json.dumps(parts, default=str).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def path_for(db: str | os.PathLike) -> Path:
    """Where the snapshot of ``db``'s last discovery is kept."""
    return Path(f"{db}.walk")


def read(db: str | os.PathLike) -> bytes | None:
    try:
        return path_for(db).read_bytes()
    except OSError:
        return None


def write(db: str | os.PathLike, snapshot: bytes | None) -> None:
    """Keep ``snapshot`` for ``db`` (atomically; the caller holds the ingest's lock); None
    removes the one kept. A folder that cannot be written only costs the next load its
    shortcut."""
    path = path_for(db)
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    for stale in path.parent.glob(glob.escape(path.name) + ".tmp-*"):   # a killed load's
        stale.unlink(missing_ok=True)
    try:
        if snapshot is None:
            path.unlink(missing_ok=True)
            return
        tmp.write_bytes(snapshot)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)


def take(found: Found, walk_key: str, held: str, stats: dict[str, tuple[int, int]],
         db: str | os.PathLike) -> bytes | None:
    """The snapshot of ``found`` (a discovery with its ``visits``), with each document's
    size and modification time as the database holds them (``stats``, by path) and the
    database's (``db``) listing digest (``held``); None when the walk cannot be replayed
    (see the module's rules) or the database holds other files."""
    if (not _AT or not found.exact or found.replayed or found.problems or found.missing
            or len(stats) != len(found.files) or sum(len(v.files) for v in found.visits) != len(found.files)):
        return None
    beside = os.path.dirname(os.path.abspath(db))
    if any(v.folder is not None and os.path.normpath(v.folder) == beside for v in found.visits):
        return None
    names: list[str] = []
    sizes = array("q")
    visits = []
    newest = 0
    for v in found.visits:
        if v.folder is not None:
            newest = max(newest, v.mtime_ns)
        for name in v.files:
            got = stats.get(name if v.folder is None else v.folder + v.sep + name)
            if got is None:
                return None
            sizes.extend(got)
            newest = max(newest, got[1])
        for name, size, mtime_ns, ctime_ns in v.watch:
            sizes.extend((size, mtime_ns, ctime_ns))
            newest = max(newest, mtime_ns)
        names.extend(v.files)
        names.extend(w[0] for w in v.watch)
        visits.append([v.folder, v.sep, v.mtime_ns, v.ctime_ns, v.origin, len(v.files), len(v.watch)])
    if newest > found.started_ns - RACY_NS:
        return None
    head = json.dumps({"format": FORMAT, "key": walk_key, "held": held, "visits": visits, "skipped": found.skipped,
                       "empty": found.empty}).encode("utf-8", "surrogatepass")
    body = "\0".join(names).encode("utf-8", "surrogatepass")
    stat_bytes = sizes.tobytes()
    return _HEAD.pack(len(head), len(body), len(stat_bytes)) + head + body + stat_bytes


def replay(snapshot: bytes | None, walk_key: str, held: str | None) -> Found | None:
    """The discovery ``snapshot`` recorded, when it was taken under ``walk_key`` for a
    database whose listing digest is ``held`` and every stat it holds still holds (see
    the module's guarantee); else None."""
    if not snapshot or not held or not _AT:
        return None
    try:
        n_head, n_names, n_stats = _HEAD.unpack_from(snapshot)
        at = _HEAD.size
        head = json.loads(snapshot[at:at + n_head])
        if not isinstance(head, dict) or head.get("format") != FORMAT or head.get("key") != walk_key or head.get("held") != held:
            return None
        at += n_head
        names = snapshot[at:at + n_names].decode("utf-8", "surrogatepass").split("\0")
        want = snapshot[at + n_names:at + n_names + n_stats]
        if _stats(head["visits"], names) != want:
            return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError, struct.error):
        return None
    found = Found(skipped=[tuple(s) for s in head["skipped"]], empty=list(head["empty"]))
    files = found.files
    i = 0
    for folder, sep, _, _, origin, n_files, n_watch in head["visits"]:
        if folder is None:
            files.update(dict.fromkeys(names[i:i + n_files], origin))
        else:
            prefix = folder + sep
            files.update(dict.fromkeys([prefix + n for n in names[i:i + n_files]], origin))
        i += n_files + n_watch
    found.replayed = True
    return found


def _stats(visits, names: list[str]) -> bytes:
    """The (size, mtime_ns) of every name of ``visits``, as the snapshot stores them;
    raises OSError when a folder's time differs or a name is gone."""
    got = array("q")
    add = got.extend
    stat = os.stat
    i = 0
    for folder, _, mtime_ns, ctime_ns, _, n_files, n_watch in visits:
        files = names[i:i + n_files]
        watch = names[i + n_files:i + n_files + n_watch]
        i += n_files + n_watch
        if folder is None:    # a file named on its own (never a link: see take)
            for path in files:
                st = stat(path)
                add((st.st_size, st.st_mtime_ns))
            continue
        st = stat(folder)
        if st.st_mtime_ns != mtime_ns or st.st_ctime_ns != ctime_ns:
            raise OSError(f"{folder} changed")
        fd = os.open(folder, _DIR_FLAGS)
        try:
            for name in files:
                st = stat(name, dir_fd=fd, follow_symlinks=False)
                add((st.st_size, st.st_mtime_ns))
            for name in watch:
                st = stat(name, dir_fd=fd, follow_symlinks=False)
                add((st.st_size, st.st_mtime_ns, st.st_ctime_ns))
        finally:
            os.close(fd)
    return got.tobytes()
