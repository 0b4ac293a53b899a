"""Was the database built by this version's SQL models?

An ingest stores the fingerprint of the SQL models it built the views with (settings
``models``, loaders/store.py). A database built by another version of Hindsight (an
upgrade, or a branch) has views whose columns this version's queries may not find: a
page would fail on a binder error, or worse, show figures the models no longer define.
``outdated`` says so in words, with the command that rebuilds it (an ingest rebuilds the
views; it re-reads only files that changed, unless the parser changed too).
"""
from __future__ import annotations

import duckdb

from metrics.db import Reader


def outdated(reader: Reader, models: str) -> str | None:
    """Why the database cannot be read as it is, or None when it was built by the models
    whose fingerprint is ``models`` (loaders.store.models_fingerprint: the read side does
    not import the loaders, so its caller passes it)."""
    try:
        rows = reader.query("SELECT value FROM settings WHERE key = 'models'")
    except duckdb.Error:
        rows = []   # no settings table: older than every version that keeps one
    if rows and rows[0][0] == models:
        return None
    return (f"{reader.path} was built by another version of Hindsight (its SQL models differ from this "
            f"version's), so its figures cannot be read as they are. Rebuild it with `hindsight ingest --db "
            f"{reader.path}`: nothing is lost, and only changed files are read again unless the parser "
            "changed too.")
