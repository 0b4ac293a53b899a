"""Reading one file for an ingest: stat, read, hash and parse it, never raising. The
result holds the typed record (loaders/records.py) ingest maps to rows.

What goes wrong with one file (unreadable, too big, not a document) becomes a problem
record on that file's result, so one bad file never costs the rest of a load.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

from loaders import furniture
from loaders.options import Options
from loaders.records import Parsed


@dataclass
class Loaded:
    """One file read and parsed (or found unchanged)."""

    path: str
    size: int
    mtime_ns: int
    sha256: str | None = None
    record: Parsed | None = None
    text: str | None = None


def load_file(path: str, options: Options) -> Loaded:
    """Read, hash and parse one file; never raises. A document that is repository
    furniture (a template, a README that holds no incident) comes back as kind
    "skipped" with the reason. The parsers are imported here, not with the module: an
    unchanged re-ingest never needs them."""
    from loaders.detect import decode, parse_bytes, read_document, unknown

    data, st, why = read_document(path, options)
    size, mtime = (st.st_size, st.st_mtime_ns) if st else (0, 0)
    if data is None:
        return Loaded(path, size, mtime, None, Parsed.of(unknown(path, why)))
    sha = hashlib.sha256(data).hexdigest()
    record = parse_bytes(data, path, options)
    text = None
    if record.get("kind") == "unknown" and furniture.index_name(path):
        record = {"path": path, "kind": "skipped", "reason": furniture.INDEX_REASON, "problems": []}
    elif record.get("kind") == "postmortem":
        text, _ = decode(data)
        if (reason := furniture.by_content(text or "", record, path)):
            record = {"path": path, "kind": "skipped", "reason": reason, "problems": []}
            text = None
    return Loaded(path, size, mtime, sha, Parsed.of(record), text)
