"""Reading one file for an ingest: stat, read, hash and parse it, never raising.

What goes wrong with one file (unreadable, too big, not a document) becomes a problem
record on that file's result, so one bad file never costs the rest of a load.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from loaders.detect import decode, parse_bytes, size_problem, unknown
from loaders.options import Options


@dataclass
class Loaded:
    """One file read and parsed (or found unchanged)."""

    path: str
    size: int
    mtime_ns: int
    sha256: str | None = None
    record: dict | None = None
    text: str | None = None


def load_file(path: str, options: Options) -> Loaded:
    """Read, hash and parse one file; never raises."""
    try:
        st = os.stat(path)
    except OSError as e:
        return Loaded(path, 0, 0, None, unknown(path, f"cannot read file: {e.strerror or e}"))
    if (too_big := size_problem(path, st.st_size, options)):
        return Loaded(path, st.st_size, st.st_mtime_ns, None, unknown(path, too_big))
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return Loaded(path, st.st_size, st.st_mtime_ns, None,
                      unknown(path, f"cannot read file: {e.strerror or e}"))
    sha = hashlib.sha256(data).hexdigest()
    record = parse_bytes(data, path, options)
    text = None
    if record.get("kind") == "postmortem":
        text, _ = decode(data)
    return Loaded(path, st.st_size, st.st_mtime_ns, sha, record, text)
