"""What a repeat is: the recurrence key and window the database was built with, in
words, and the repeats expected if each class's incidents had fallen at random
(docs/METRICS.md, "Recurrence"; mart_recurrence)."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import numpy as np
import pandas as pd

from metrics import stats
from metrics.db import Reader, kept, sql_file
from metrics.filters import Filters, params

KEY_WORDS = {"class": "the same class", "class+team": "the same class and team",
             "class+service": "the same class and a shared service"}


def setting(reader: Reader) -> tuple[int, str]:
    """(window days, recurrence key) the loaded database was built with (its settings)."""
    got = dict(reader.query("SELECT key, value FROM settings WHERE key IN ('recurrence_window_days', 'recurrence_key')"))
    return int(got.get("recurrence_window_days") or 90), got.get("recurrence_key") or "class+service"


def rule(reader: Reader) -> str:
    """What a repeat is, in words, as this database counts it."""
    days, key = setting(reader)
    return f"an earlier incident of {KEY_WORDS.get(key, key)} started at most {days} days before it"


def _keys(key: str, table) -> tuple[np.ndarray, np.ndarray]:
    """(row, code) pairs: what each row of ``table`` (recurrence_chance.sql's) shares with
    those it may repeat, under the recurrence key: its services, its team (a missing team
    is one key of its own), or one key for all. Read from Arrow's columns whole."""
    import pyarrow as pa
    import pyarrow.compute as pc

    rows = np.arange(table.num_rows, dtype=np.int64)
    if key == "class":
        return rows, np.zeros(table.num_rows, dtype=np.int64)
    if key == "class+team":
        codes = pc.dictionary_encode(table["team"].combine_chunks()).indices
        return rows, pc.fill_null(codes, -1).to_numpy(zero_copy_only=False).astype(np.int64)
    services = table["services"].combine_chunks()
    # a missing list is an empty one: Arrow may back a null slot with values, which the
    # parent indices would count and the flattened values would not
    services = pc.fill_null(services, pa.scalar([], type=services.type))
    parent = pc.list_parent_indices(services).to_numpy(zero_copy_only=False).astype(np.int64)
    codes = pc.dictionary_encode(pc.list_flatten(services)).indices
    return parent, pc.fill_null(codes, -1).to_numpy(zero_copy_only=False).astype(np.int64)


def chance(reader: Reader, f: Filters) -> pd.DataFrame:
    """Per class (unclassified aside), repeats observed and expected by chance with the
    90% range of the chance count and a verdict (stats.repeats_by_chance); the class's
    incidents from ``window`` days before the period are the possible predecessors. Kept
    per database file and filters: the Overview, the Recurrence page and the report share it."""
    return kept(reader, "repeats by chance", f, lambda: _chance(reader, f)).copy()


def _chance(reader: Reader, f: Filters) -> pd.DataFrame:
    days, key = setting(reader)
    span_from = f.date_from - timedelta(days=days)
    span = (f.date_to - span_from).days + 1
    table = reader.query_arrow(sql_file("recurrence_chance"), params(f, span_from=span_from))
    row, code = _keys(key, table)
    cols = {c: table[c].to_numpy() for c in ("day", "eligible", "counted")}
    names = table["class"].to_numpy(zero_copy_only=False)               # sorted: each class is one run of rows
    starts = np.flatnonzero(np.r_[True, names[1:] != names[:-1]]) if len(names) else np.array([], dtype=np.int64)
    bounds = list(zip(starts, np.r_[starts[1:], len(names)].astype(np.int64)))

    def one(run) -> dict:
        lo, hi = run
        a, b = np.searchsorted(row, [lo, hi])                            # the class's (row, code) pairs
        c = stats.repeats_by_chance(cols["day"][lo:hi], stats.Keys(row[a:b] - lo, code[a:b]),
                                    cols["eligible"][lo:hi], cols["counted"][lo:hi], span, days)
        return {"class": names[lo], "observed": c.observed, "expected": c.expected, "low": c.low, "high": c.high,
                "verdict": c.verdict}

    # Each class draws from its own seeded generator, so the classes can run at once: the
    # simulations spend their time in numpy's sorts, which let go of the GIL.
    classes = sorted(bounds, key=lambda run: run[0] - run[1])                          # largest first
    with ThreadPoolExecutor(max_workers=min(len(classes), os.cpu_count() or 1) or 1) as pool:
        out = sorted(pool.map(one, classes), key=lambda row: row["class"])
    return pd.DataFrame(out, columns=["class", "observed", "expected", "low", "high", "verdict"])
