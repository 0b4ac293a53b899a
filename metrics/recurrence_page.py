"""Everything the Recurrence page shows, in one call: its figures computed side by side.

The repeats beside chance (inside the per-class table) spend their time in numpy's sorts
and the open items and the heatmap in DuckDB, both of which let go of the GIL, so the
page's wait is about its longest figure, not their sum. Each figure is still the
function that owns it (metrics/recurrence.py, metrics/repeats.py, metrics/suggest.py);
this module only gathers them.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import pandas as pd

from metrics import recurrence, repeats, stats, suggest
from metrics.db import Reader
from metrics.filters import Filters


@dataclass(frozen=True)
class Figures:
    rule: str
    heatmap: pd.DataFrame
    classes: pd.DataFrame
    open_items: pd.DataFrame     # the first ``rows`` of them
    open_listed: int             # how many there are in all
    suggestions: list
    unkeyed: tuple[int, int]     # (incidents the recurrence key cannot pair, incidents): no service under class+service
    key: str                     # the database's recurrence_key


def figures(reader: Reader, f: Filters, as_of: date, min_sample: int = stats.MIN_SAMPLE,
            rows: int | None = None) -> Figures:
    """The page's figures for filters ``f`` as of ``as_of``; the open items' first ``rows``."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        classes = pool.submit(recurrence.classes, reader, f, min_sample)   # the longest: it holds the chance model
        opened = pool.submit(recurrence.first_open_items, reader, f, as_of, rows)
        heatmap = recurrence.heatmap(reader, f)
        suggested = suggest.suggestions(reader, f)
        key = repeats.setting(reader)[1]
        items, listed = opened.result()
        return Figures(repeats.rule(reader), heatmap, classes.result(), items, listed, suggested,
                       recurrence.unkeyed(reader, f, key), key)
