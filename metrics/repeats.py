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


def _keys(key: str, teams: list, services: list) -> list[list]:
    """keys[i]: what incident i shares with those it may repeat, under the recurrence key."""
    if key == "class":
        return [[0]] * len(teams)
    if key == "class+team":
        return [[str(t)] for t in teams]
    return [list(s) if s is not None else [] for s in services]


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
    df = reader.query_arrow_df(sql_file("recurrence_chance"), params(f, span_from=span_from))

    def one(item) -> dict:
        cls, g = item
        keys = _keys(key, list(g["team"]), list(g["services"]))
        c = stats.repeats_by_chance(g["day"].to_numpy(), keys, g["eligible"].to_numpy(), g["counted"].to_numpy(),
                                    span, days)
        return {"class": cls, "observed": c.observed, "expected": c.expected, "low": c.low, "high": c.high,
                "verdict": c.verdict}

    # Each class draws from its own seeded generator, so the classes can run at once: the
    # simulations spend their time in numpy's sorts, which let go of the GIL.
    classes = sorted(df.groupby("class", sort=True), key=lambda item: -len(item[1]))   # largest first
    with ThreadPoolExecutor(max_workers=min(len(classes), os.cpu_count() or 1) or 1) as pool:
        out = sorted(pool.map(one, classes), key=lambda row: row["class"])
    return pd.DataFrame(out, columns=["class", "observed", "expected", "low", "high", "verdict"])
