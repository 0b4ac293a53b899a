"""Everything the Action items page shows but the breakdown its reader picks, in one
call: the figures computed side by side.

The listings and the equal-age counts are SQL of their own, and go to two threads while
this one reads the item frame the other figures share (metrics.actions.items, kept for
the render): DuckDB lets go of the GIL while it works, though it also spreads each query
over the cores, so on two cores the gain is modest (at 100,000 incidents 0.39 s against
0.45 s one after another). Each figure is still the function that owns it
(metrics/actions.py, metrics/closing.py); this module only gathers them, so the page
makes one call for its data.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date

import pandas as pd

from metrics import actions, closing, stats
from metrics.db import Reader
from metrics.filters import Filters

WINDOWS = (30, 90, 180)   # the "done within N days" cards


@dataclass(frozen=True)
class Figures:
    totals: actions.Totals
    equal_age: closing.EqualAge
    within: tuple[actions.WithinDays, ...]     # one per WINDOWS
    survival: stats.Survival
    undated: int                               # done items without a close date, out of the survival curve
    monthly: pd.DataFrame
    flow: pd.DataFrame
    overdue: pd.DataFrame
    open_ages: pd.DataFrame
    wishes: pd.DataFrame
    wont_do: pd.DataFrame


def figures(reader: Reader, f: Filters, as_of: date, min_sample: int = stats.MIN_SAMPLE,
            rows: int | None = None) -> Figures:
    """The page's figures for filters ``f`` as of ``as_of``; listings keep their first ``rows``."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        eq = pool.submit(closing.equal_age, reader, f, as_of, closing.DAYS, min_sample)
        within = [pool.submit(closing.within, reader, f, as_of, d) for d in WINDOWS]
        overdue = pool.submit(actions.overdue, reader, f, as_of, rows)
        wishes = pool.submit(actions.wishes, reader, f, as_of, rows)
        wont = pool.submit(actions.wont_do, reader, f, as_of, rows)
        flow = pool.submit(actions.flow, reader, f)
        # meanwhile, the figures over the item frame, read once here
        totals = actions.totals(reader, f, as_of)
        survival, undated = closing.survival(reader, f, as_of)
        monthly = actions.monthly(reader, f, as_of, min_sample)
        ages = actions.open_ages(reader, f, as_of)
        return Figures(totals, eq.result(), tuple(w.result() for w in within), survival, undated, monthly,
                       flow.result(), overdue.result(), ages, wishes.result(), wont.result())
